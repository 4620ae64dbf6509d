#include "parser/tree_fingerprint.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "parser/packed_strings.h"
#include "parser/xxhash.h"

namespace zdlint {
namespace {

constexpr uint64_t kFingerprintVersion = 3;  // PG_QUERY_FINGERPRINT_VERSION, the hash's seed
constexpr unsigned kDepthLimit = 100;        // nodes this deep are left out of the hash

struct FieldName {
  std::string_view message, proto, c;
};
// Each field's message, its name in pg_query.proto and its C name, three strings a field, packed so
// that the binary holds no pointer to relocate (parser/packed_strings.h): as string_views they were
// 59 KB of pointers, 14 pages written at every start of zdlint.
constexpr auto kFieldNames = pack_strings([] {
  constexpr FieldName kGenerated[] = {
#include "pg_query_field_names.inc"
  };
  std::array<std::string_view, 3 * std::size(kGenerated)> names;
  for (size_t i = 0; i < std::size(kGenerated); ++i) {
    names[3 * i] = kGenerated[i].message;
    names[3 * i + 1] = kGenerated[i].proto;
    names[3 * i + 2] = kGenerated[i].c;
  }
  return names;
});

enum class Kind : uint8_t {
  Skip,      // locations and the fields libpg_query leaves out
  Node,      // Node* or Expr*: the node's type name, then its fields
  Message,   // a pointer to a known node type: its fields, without its type name
  Embedded,  // CreateForeignTableStmt's CreateStmt, a struct member rather than a pointer
  List,
  Text,  // char* or char
  Int32,
  UInt32,  // Oid, Index, bits32: printed as int, as libpg_query's "%d" does
  Int64,
  Bool,
  Enum,
  Double,
  ResTargetName,    // left out of a SELECT's target list, where it is only an alias
  RangeVarRelname,  // with its runs of digits left out (partitions, date-suffixed tables)
  AExprKind,        // IN and = ANY hashed as =
  Unknown,          // a field the walk cannot hash as libpg_query would: no fingerprint
};

struct MessageInfo;

struct Field {
  std::string_view name;  // the C member name, which the hash holds
  Kind kind = Kind::Unknown;
  uint32_t offset = 0;
  uint32_t quantifier_offset = 0;
  const ProtobufCEnumDescriptor* enumeration = nullptr;
  const MessageInfo* target = nullptr;  // Message and Embedded
};

struct MessageInfo {
  const ProtobufCMessageDescriptor* descriptor = nullptr;
  bool ignored = false;       // A_Const, Alias, ParamRef, SetToDefault: nothing hashed
  std::vector<Field> fields;  // in the order of their C names
};

// The node type's PostgreSQL name, which pg_query.proto keeps as the message's name (A_Expr; protobuf-c's
// short name drops the underscore).
std::string_view type_name(const ProtobufCMessageDescriptor& descriptor) {
  std::string_view name = descriptor.name;  // pg_query.A_Expr
  name.remove_prefix(std::min(name.size(), name.find('.') + 1));
  return name;
}

// Fields libpg_query's generator leaves out, besides every `location`.
bool skipped(std::string_view message, std::string_view field) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kSkipped{{
      {"PrepareStmt", "name"},
      {"ExecuteStmt", "name"},
      {"DeallocateStmt", "name"},
      {"TransactionStmt", "options"},
      {"TransactionStmt", "gid"},
      {"TransactionStmt", "savepoint_name"},
      {"CreateFunctionStmt", "options"},
      {"FunctionParameter", "name"},
      {"DoStmt", "args"},
      {"ListenStmt", "conditionname"},
      {"UnlistenStmt", "conditionname"},
      {"NotifyStmt", "conditionname"},
      {"DeclareCursorStmt", "portalname"},
      {"FetchStmt", "portalname"},
      {"ClosePortalStmt", "portalname"},
      {"RawStmt", "stmt_len"},
      {"RawStmt", "stmt_location"},
  }};
  return field == "location" ||
         std::find(kSkipped.begin(), kSkipped.end(), std::pair{message, field}) != kSkipped.end();
}

// Each message type's fields as the fingerprint visits them, built once from protobuf-c's
// descriptors and the C names of pg_query.proto.
class FingerprintLayouts {
 public:
  FingerprintLayouts() {
    for (size_t i = 0; i < kFieldNames.size(); i += 3)
      c_names_.emplace(std::pair{kFieldNames[i], kFieldNames[i + 1]}, kFieldNames[i + 2]);
    const ProtobufCMessageDescriptor& node = pg_query__node__descriptor;
    for (unsigned i = 0; i < node.n_fields; ++i) {
      const ProtobufCFieldDescriptor& member = node.fields[i];
      if (member.type != PROTOBUF_C_TYPE_MESSAGE) continue;
      if (member.id >= by_case_.size()) by_case_.resize(member.id + 1);
      by_case_[member.id] = {&of(*static_cast<const ProtobufCMessageDescriptor*>(member.descriptor)), member.offset};
    }
    raw_stmt_ = &of(pg_query__raw_stmt__descriptor);
  }

  struct Member {
    const MessageInfo* info = nullptr;
    uint32_t offset = 0;
  };
  [[nodiscard]] Member member(uint32_t node_case) const {
    return node_case < by_case_.size() ? by_case_[node_case] : Member{};
  }
  [[nodiscard]] const MessageInfo& raw_stmt() const { return *raw_stmt_; }

 private:
  const MessageInfo& of(const ProtobufCMessageDescriptor& descriptor) {
    auto [it, fresh] = infos_.try_emplace(&descriptor);
    if (!fresh) return *it->second;
    it->second = std::make_unique<MessageInfo>();
    MessageInfo& info = *it->second;  // stays put while the map grows
    info.descriptor = &descriptor;
    const std::string_view type = type_name(descriptor);
    info.ignored = type == "A_Const" || type == "Alias" || type == "ParamRef" || type == "SetToDefault" ||
                   type == "IntList" || type == "OidList";
    for (unsigned i = 0; i < descriptor.n_fields; ++i) info.fields.push_back(field(info, descriptor.fields[i]));
    std::sort(info.fields.begin(), info.fields.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
    return info;
  }

  Field field(const MessageInfo& owner, const ProtobufCFieldDescriptor& proto) {
    const std::string_view type = type_name(*owner.descriptor);
    Field field;
    field.offset = proto.offset;
    field.quantifier_offset = proto.quantifier_offset;
    const auto name = c_names_.find(std::pair{type, std::string_view(proto.name)});
    if (name == c_names_.end()) return field;  // Unknown
    field.name = name->second;
    const bool repeated = proto.label == PROTOBUF_C_LABEL_REPEATED;
    const auto* message = proto.type == PROTOBUF_C_TYPE_MESSAGE
                              ? static_cast<const ProtobufCMessageDescriptor*>(proto.descriptor)
                              : nullptr;
    const bool node = message == &pg_query__node__descriptor;
    if (skipped(type, field.name) || (node && !repeated && field.name == "xpr")) {  // xpr: the Expr header
      field.kind = Kind::Skip;
    } else if (type == "ResTarget" && field.name == "name") {
      field.kind = Kind::ResTargetName;
    } else if (type == "RangeVar" && field.name == "relname") {
      field.kind = Kind::RangeVarRelname;
    } else if (type == "A_Expr" && field.name == "kind") {
      field.kind = Kind::AExprKind;
      field.enumeration = static_cast<const ProtobufCEnumDescriptor*>(proto.descriptor);
    } else if (message && repeated) {
      field.kind = node ? Kind::List : Kind::Unknown;
    } else if (repeated) {
      field.kind = Kind::Unknown;  // arrays of scalars (Bitmapsets) appear only after parse analysis
    } else if (node) {
      field.kind = Kind::Node;
    } else if (message) {
      field.target = &of(*message);
      const bool embedded = type == "CreateForeignTableStmt" && field.name == "base";
      field.kind = embedded ? Kind::Embedded : Kind::Message;
      if (message == &pg_query__string__descriptor) field.kind = Kind::Unknown;  // no String* in raw trees
    } else {
      field.kind = scalar_kind(proto.type);
      if (proto.type == PROTOBUF_C_TYPE_ENUM)
        field.enumeration = static_cast<const ProtobufCEnumDescriptor*>(proto.descriptor);
    }
    return field;
  }

  static Kind scalar_kind(ProtobufCType type) {
    switch (type) {
      case PROTOBUF_C_TYPE_INT32:
      case PROTOBUF_C_TYPE_SINT32:
      case PROTOBUF_C_TYPE_SFIXED32:
        return Kind::Int32;
      case PROTOBUF_C_TYPE_UINT32:
      case PROTOBUF_C_TYPE_FIXED32:
        return Kind::UInt32;
      case PROTOBUF_C_TYPE_INT64:
      case PROTOBUF_C_TYPE_SINT64:
      case PROTOBUF_C_TYPE_SFIXED64:
      case PROTOBUF_C_TYPE_UINT64:
      case PROTOBUF_C_TYPE_FIXED64:
        return Kind::Int64;
      case PROTOBUF_C_TYPE_BOOL:
        return Kind::Bool;
      case PROTOBUF_C_TYPE_ENUM:
        return Kind::Enum;
      case PROTOBUF_C_TYPE_STRING:
        return Kind::Text;
      case PROTOBUF_C_TYPE_DOUBLE:
        return Kind::Double;
      case PROTOBUF_C_TYPE_FLOAT:  // no such field in pg_query.proto
      case PROTOBUF_C_TYPE_BYTES:
      case PROTOBUF_C_TYPE_MESSAGE:
        break;
    }
    return Kind::Unknown;
  }

  std::map<std::pair<std::string_view, std::string_view>, std::string_view> c_names_;
  std::map<const ProtobufCMessageDescriptor*, std::unique_ptr<MessageInfo>> infos_;
  std::vector<Member> by_case_;
  const MessageInfo* raw_stmt_ = nullptr;
};

const FingerprintLayouts& layouts() {
  static const FingerprintLayouts built;
  return built;
}

template <typename T>
const T& member_at(const void* message, uint32_t offset) {
  return *reinterpret_cast<const T*>(static_cast<const char*>(message) + offset);
}

// The lists libpg_query hashes as sets: their items sorted by their own hashes, duplicates once.
bool hashed_as_set(std::string_view field) {
  return field == "fromClause" || field == "targetList" || field == "cols" || field == "rexpr" ||
         field == "valuesLists" || field == "args";
}

// The text libpg_query's fingerprint hashes, built the way its _fingerprintNode walk builds it.
class FingerprintText {
 public:
  explicit FingerprintText(const FingerprintLayouts& layouts) : layouts_(layouts) {}

  [[nodiscard]] bool failed() const { return failed_; }
  [[nodiscard]] const std::string& text() const { return text_; }

  void statement(const PgQuery__Node& stmt) {
    // pg_query_fingerprint walks the parse's list of RawStmts: the list at depth 0, each RawStmt at 1.
    text_.reserve(1024);  // a DDL statement's text is a few hundred bytes
    text_ = "RawStmt";
    child("stmt", [&] { node(&stmt, &layouts_.raw_stmt(), "stmt", 2); });
  }

 private:
  // The field's name, then what `hash_value` adds; the name is taken back when that is nothing.
  template <typename HashValue>
  void child(std::string_view name, HashValue&& hash_value, bool keep_name = false) {
    const size_t mark = text_.size();
    text_ += name;
    const size_t after_name = text_.size();
    hash_value();
    if (text_.size() == after_name && !keep_name) text_.resize(mark);
  }

  void pair(std::string_view name, std::string_view value) {
    text_ += name;
    text_ += value;
  }

  void number(std::string_view name, int64_t value) {  // as "%d" and "%ld" print it
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    pair(name, std::string_view(digits, static_cast<size_t>(end - digits)));
  }

  void node(const PgQuery__Node* node, const MessageInfo* parent, std::string_view field, unsigned depth) {
    if (depth >= kDepthLimit || !node) return;
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE__NOT_SET:
        return;
      case PG_QUERY__NODE__NODE_LIST:
        list(node->list->items, node->list->n_items, parent, field, depth);
        return;
      case PG_QUERY__NODE__NODE_INTEGER:
        if (node->integer->ival != 0) {
          text_ += "Integer";
          number("ival", node->integer->ival);
        }
        return;
      case PG_QUERY__NODE__NODE_FLOAT:
        text_ += "Float";  // "str", as libpg_query 14's field was named
        pair("str", node->float_->fval ? node->float_->fval : "");
        return;
      case PG_QUERY__NODE__NODE_STRING:
        text_ += "String";
        pair("str", node->string->sval ? node->string->sval : "");
        return;
      case PG_QUERY__NODE__NODE_BIT_STRING:
        text_ += "BitString";
        pair("str", node->bit_string->bsval ? node->bit_string->bsval : "");
        return;
      case PG_QUERY__NODE__NODE_BOOLEAN:
        return;  // new in PostgreSQL 15, and not among the node types libpg_query 15-4.0.0 hashes
      case PG_QUERY__NODE__NODE_TYPE_CAST:
        // A constant's cast is part of the constant, which is left out.
        if (const PgQuery__Node* arg = node->type_cast->arg;
            arg && (arg->node_case == PG_QUERY__NODE__NODE_A_CONST || arg->node_case == PG_QUERY__NODE__NODE_PARAM_REF))
          return;
        break;
      default:
        break;
    }
    const FingerprintLayouts::Member member = layouts_.member(static_cast<uint32_t>(node->node_case));
    if (!member.info) {
      failed_ = true;
      return;
    }
    if (member.info->ignored) return;
    text_ += type_name(*member.info->descriptor);
    fields(member_at<const ProtobufCMessage*>(node, member.offset), *member.info, parent, field, depth);
  }

  void list(PgQuery__Node* const* items, size_t count, const MessageInfo* parent, std::string_view field,
            unsigned depth) {
    if (!hashed_as_set(field)) {
      for (size_t i = 0; i < count; ++i) node(items[i], parent, field, depth + 1);
      return;
    }
    // Each item is hashed alone; the items are then written again in the order of their hashes.
    struct Item {
      uint64_t hash;
      size_t begin, end;  // in the items' text
    };
    std::vector<Item> set;
    set.reserve(count);
    const size_t mark = text_.size();
    for (size_t i = 0; i < count; ++i) {
      const size_t begin = text_.size();
      node(items[i], parent, field, depth + 1);
      const uint64_t hash = XXH3_64bits_withSeed(text_.data() + begin, text_.size() - begin, kFingerprintVersion);
      set.push_back({hash, begin - mark, text_.size() - mark});
    }
    const std::string items_text = text_.substr(mark);
    text_.resize(mark);
    std::stable_sort(set.begin(), set.end(), [](const Item& a, const Item& b) { return a.hash < b.hash; });
    for (size_t i = 0; i < set.size(); ++i)
      if (i == 0 || set[i].hash != set[i - 1].hash) text_.append(items_text, set[i].begin, set[i].end - set[i].begin);
  }

  void fields(const ProtobufCMessage* message, const MessageInfo& info, const MessageInfo* parent,
              std::string_view field_name, unsigned depth) {
    if (!message || info.ignored) return;
    for (const Field& field : info.fields) {
      switch (field.kind) {
        case Kind::Skip:
          break;
        case Kind::Node:
          if (const auto* child = member_at<const PgQuery__Node*>(message, field.offset))
            this->child(field.name, [&] { node(child, &info, field.name, depth + 1); });
          break;
        case Kind::Message:
          if (const auto* child = member_at<const ProtobufCMessage*>(message, field.offset))
            this->child(field.name, [&] { fields(child, *field.target, &info, field.name, depth + 1); });
          break;
        case Kind::Embedded:
          this->child(
              field.name,
              [&] {
                fields(member_at<const ProtobufCMessage*>(message, field.offset), *field.target, &info, field.name,
                       depth);
              },
              true);
          break;
        case Kind::List: {
          const auto count = member_at<size_t>(message, field.quantifier_offset);
          if (count == 0) break;
          const auto* items = member_at<PgQuery__Node* const*>(message, field.offset);
          // A list holding only NIL (SELECT DISTINCT's distinctClause) keeps its name.
          const bool only_nil = count == 1 && (!items[0] || items[0]->node_case == PG_QUERY__NODE__NODE__NOT_SET);
          this->child(
              field.name,
              [&] {
                if (depth + 1 < kDepthLimit) list(items, count, &info, field.name, depth + 1);
              },
              only_nil);
          break;
        }
        case Kind::Text:
          // libpg_query hashes a string that is set, empty or not. protobuf-c's shared empty
          // string stands for one that is not (NULL in PostgreSQL's node); a set empty string
          // ('' in COMMENT ON … IS '') is a string of its own in a captured tree. (Packed and
          // unpacked, the two would look alike; zdlint's trees are captured, parser/tree_capture.h.)
          if (const char* text = member_at<const char*>(message, field.offset);
              text != nullptr && text != protobuf_c_empty_string)
            pair(field.name, text);
          break;
        case Kind::Int32:
          if (const auto value = member_at<int32_t>(message, field.offset)) number(field.name, value);
          break;
        case Kind::UInt32:
          if (const auto value = member_at<uint32_t>(message, field.offset))
            number(field.name, static_cast<int32_t>(value));
          break;
        case Kind::Int64:
          if (const auto value = member_at<int64_t>(message, field.offset)) number(field.name, value);
          break;
        case Kind::Bool:
          if (member_at<protobuf_c_boolean>(message, field.offset)) pair(field.name, "true");
          break;
        case Kind::Enum:
          enumerator(field.name, field.enumeration, member_at<int>(message, field.offset));
          break;
        case Kind::Double:
          if (const auto value = member_at<double>(message, field.offset)) pair(field.name, fmt::format("{:f}", value));
          break;
        case Kind::ResTargetName: {
          const char* name = member_at<const char*>(message, field.offset);
          const bool alias =
              parent && parent->descriptor == &pg_query__select_stmt__descriptor && field_name == "targetList";
          if (name && *name && !alias) pair(field.name, name);
          break;
        }
        case Kind::RangeVarRelname:
          relname(field.name, *reinterpret_cast<const PgQuery__RangeVar*>(message));
          break;
        case Kind::AExprKind: {
          const auto kind = member_at<PgQuery__AExprKind>(message, field.offset);
          if (kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY || kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN)
            pair(field.name, "AEXPR_OP");
          else
            enumerator(field.name, field.enumeration, kind);
          break;
        }
        case Kind::Unknown:
          failed_ = true;
          break;
      }
    }
  }

  // An enum field is always hashed, by its value's C name (protobuf's value is the C value + 1).
  void enumerator(std::string_view name, const ProtobufCEnumDescriptor* enumeration, int value) {
    const ProtobufCEnumValue* found = value > 0 ? protobuf_c_enum_descriptor_get_value(enumeration, value) : nullptr;
    if (!found) {
      failed_ = true;
      return;
    }
    pair(name, found->name);
  }

  void relname(std::string_view name, const PgQuery__RangeVar& range_var) {
    const std::string_view relname = range_var.relname ? range_var.relname : "";
    if (relname.empty() || std::string_view(range_var.relpersistence ? range_var.relpersistence : "") == "t") return;
    const auto digit = [&](size_t i) { return i < relname.size() && relname[i] >= '0' && relname[i] <= '9'; };
    text_ += name;
    for (size_t i = 0; i < relname.size(); ++i)
      if (!(digit(i) && (digit(i + 1) || (i > 0 && digit(i - 1))))) text_ += relname[i];
  }

  const FingerprintLayouts& layouts_;
  std::string text_;
  bool failed_ = false;
};

}  // namespace

std::optional<std::string> tree_fingerprint(const PgQuery__Node& stmt) {
  FingerprintText walk(layouts());
  walk.statement(stmt);
  if (walk.failed()) return std::nullopt;
  return fmt::format("{:016x}", XXH3_64bits_withSeed(walk.text().data(), walk.text().size(), kFingerprintVersion));
}

}  // namespace zdlint
