#include "parser/json_tree.h"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parser/json_text.h"

namespace zdlint {
namespace {

// The longest key libpg_query writes is well under this; a longer one is not a field.
constexpr size_t kMaxKey = 64;
// The stack this recursive reader may take: three quarters of the calling thread's, which leaves
// its callers room. In a release build that is some 16,000 levels of JSON on a usual 8 MB stack
// (`NOT NOT … true` with 8,000 NOTs); the grammar itself stops near 10,000 NOTs.
uintptr_t stack_allowance() {
  thread_local const uintptr_t allowance = [] {
    size_t size = 0;
    if (::gettid() == ::getpid()) {
      // The main thread's stack grows up to its limit. glibc's pthread_getattr_np reads all of
      // /proc/self/maps to say so, which cost a one-file run 2% of its time; no more than 8 MB
      // is counted on, whatever the limit.
      struct rlimit limit {};
      constexpr size_t kAtMost = 8u << 20;
      if (::getrlimit(RLIMIT_STACK, &limit) == 0)
        size = limit.rlim_cur == RLIM_INFINITY ? kAtMost : std::min<size_t>(limit.rlim_cur, kAtMost);
    } else if (pthread_attr_t attributes; pthread_getattr_np(pthread_self(), &attributes) == 0) {
      pthread_attr_getstacksize(&attributes, &size);
      pthread_attr_destroy(&attributes);
    }
    return static_cast<uintptr_t>(size ? size / 4 * 3 : 1u << 20);
  }();
  return allowance;
}

// A key as it is compared: lower case, without underscores, so that `targetList` (JSON) and
// `target_list` (protobuf) meet, as do `SelectStmt` and `select_stmt`; folded and hashed (FNV-1a)
// in one pass.
class FoldedKey {
 public:
  // Folds `raw`, a key of at most kMaxKey bytes. Keys are letters, digits and '_' (protobuf-c's
  // names and libpg_query's JSON alike), so setting bit 0x20 lowers a letter and leaves a digit;
  // any other byte folds to some byte of its own, which no field's key holds.
  // (The loops of this reader keep their state in locals: a store through a char pointer may alias
  // any member, which the compiler would otherwise reload after every byte.)
  explicit FoldedKey(std::string_view raw) {
    size_t size = 0;
    uint64_t hash = kFnvOffset;
    for (const char c : raw) {
      if (c == '_') continue;
      const auto folded = static_cast<unsigned char>(c | 0x20);
      text_[size++] = static_cast<char>(folded);
      hash = (hash ^ folded) * 0x100000001b3ULL;
    }
    size_ = size;
    hash_ = hash;
  }
  [[nodiscard]] std::string_view text() const { return {text_, size_}; }
  [[nodiscard]] uint64_t hash() const { return hash_; }

 private:
  static constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
  char text_[kMaxKey];
  size_t size_ = 0;
  uint64_t hash_ = kFnvOffset;
};

struct MessageType;

struct FieldEntry {
  uint64_t hash = 0;  // of folded
  std::string_view folded;                          // in its MessageType's keys
  const ProtobufCFieldDescriptor* field = nullptr;  // null: two fields fold to this key
  const MessageType* message = nullptr;             // the field's type, for a message field
  bool array_bounds = false;                        // TypeName's array_bounds
};

struct MessageType {
  const ProtobufCMessageDescriptor* descriptor = nullptr;
  // Set, with release, once the fields below are filled in (TypeTable::fields_of); never unset.
  std::atomic<bool> ready{false};
  // The fields by hash, open addressing with linear probing; a power of two at least twice the
  // fields, so a lookup (nearly a million on the corpus, Node's 250 kinds among them) mostly
  // compares one key. A sorted array searched by hash took eight steps for a Node's key.
  std::span<FieldEntry*> slots;
  std::unique_ptr<FieldEntry*[]> slot_storage;
  std::unique_ptr<FieldEntry[]> entries;
  std::unique_ptr<char[]> keys;  // every folded key, one after another

  [[nodiscard]] const FieldEntry* find(const FoldedKey& key) const {
    const size_t mask = slots.size() - 1;
    for (size_t at = key.hash() & mask;; at = (at + 1) & mask) {
      const FieldEntry* entry = slots[at];
      if (entry == nullptr) return nullptr;
      if (entry->hash == key.hash() && entry->folded == key.text()) return entry->field ? entry : nullptr;
    }
  }
};

// Every message type reachable from `root`, each with its fields by folded key. The types are
// listed up front; a type's fields are filled in the first time a tree holds one, because a run
// meets few of the 250 types: filling them all took a quarter of a one-file run's instructions
// and some twenty pages of memory. Filled in under a lock, published with `ready`, and only read
// afterwards, so the parse workers share the table.
class TypeTable {
 public:
  explicit TypeTable(const ProtobufCMessageDescriptor& root) {
    // The types reachable from the root, by address in `order_`, to find one by its descriptor.
    std::vector<const ProtobufCMessageDescriptor*> todo{&root};
    while (!todo.empty()) {
      const auto* descriptor = todo.back();
      todo.pop_back();
      const auto at = std::lower_bound(order_.begin(), order_.end(), descriptor);
      if (at != order_.end() && *at == descriptor) continue;
      order_.insert(at, descriptor);
      for (unsigned i = 0; i < descriptor->n_fields; ++i)
        if (descriptor->fields[i].type == PROTOBUF_C_TYPE_MESSAGE)
          todo.push_back(static_cast<const ProtobufCMessageDescriptor*>(descriptor->fields[i].descriptor));
    }
    types_ = std::make_unique<MessageType[]>(order_.size());
    for (size_t t = 0; t < order_.size(); ++t) types_[t].descriptor = order_[t];
    root_ = &types_[index_of(&root)];
  }

  [[nodiscard]] const MessageType& root() const { return *root_; }

  // `type`, its fields filled in.
  const MessageType& fields_of(const MessageType& type) {
    // Every MessageType is one of types_, which this table owns and may change.
    if (!type.ready.load(std::memory_order_acquire)) fill(const_cast<MessageType&>(type));
    return type;
  }

 private:
  // Kept out of line: inlined into the recursive reader, it made every level's stack frame larger,
  // and a tree as deep as the stack allowed before no longer fitted (ASan: 2,000 levels of JSON).
  [[gnu::noinline, gnu::cold]] void fill(MessageType& type) {
    const std::lock_guard lock(mutex_);
    if (type.ready.load(std::memory_order_relaxed)) return;  // another thread was first
    const ProtobufCMessageDescriptor& descriptor = *type.descriptor;
    size_t key_bytes = 0;
    for (unsigned i = 0; i < descriptor.n_fields; ++i) key_bytes += std::strlen(descriptor.fields[i].name);
    type.entries = std::make_unique<FieldEntry[]>(descriptor.n_fields);
    type.keys = std::make_unique<char[]>(key_bytes);
    const size_t slot_count = std::bit_ceil(std::max<size_t>(1, 2 * descriptor.n_fields));
    type.slot_storage = std::make_unique<FieldEntry*[]>(slot_count);  // all null
    type.slots = std::span<FieldEntry*>(type.slot_storage.get(), slot_count);
    char* key_end = type.keys.get();
    for (unsigned i = 0; i < descriptor.n_fields; ++i) {
      const ProtobufCFieldDescriptor& field = descriptor.fields[i];
      const std::string_view name(field.name);
      if (name.size() > kMaxKey) continue;  // never matched
      const FoldedKey key(name);
      const std::string_view folded(key_end, key.text().size());
      key_end = std::copy(key.text().begin(), key.text().end(), key_end);
      FieldEntry& entry = type.entries[i];
      entry = FieldEntry{key.hash(), folded, &field, nullptr,
                         &descriptor == &pg_query__type_name__descriptor && name == "array_bounds"};
      if (field.type == PROTOBUF_C_TYPE_MESSAGE)
        entry.message = &types_[index_of(static_cast<const ProtobufCMessageDescriptor*>(field.descriptor))];
      insert(type, entry);
    }
    type.ready.store(true, std::memory_order_release);
  }

  // Two fields that fold to one key are both left unmatched (their field null): a key cannot say which.
  static void insert(MessageType& type, FieldEntry& entry) {
    const size_t mask = type.slots.size() - 1;
    for (size_t at = entry.hash & mask;; at = (at + 1) & mask) {
      FieldEntry*& slot = type.slots[at];
      if (slot == nullptr) {
        slot = &entry;
        return;
      }
      if (slot->folded == entry.folded) {
        entry.field = slot->field = nullptr;
        return;
      }
    }
  }

  [[nodiscard]] size_t index_of(const ProtobufCMessageDescriptor* descriptor) const {
    return static_cast<size_t>(std::lower_bound(order_.begin(), order_.end(), descriptor) - order_.begin());
  }

  std::mutex mutex_;  // held while a type's fields are filled in
  const MessageType* root_ = nullptr;
  std::vector<const ProtobufCMessageDescriptor*> order_;  // sorted by address; types_ in this order
  std::unique_ptr<MessageType[]> types_;
};

size_t element_size(ProtobufCType type) {
  switch (type) {
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_SINT32:
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_UINT32:
    case PROTOBUF_C_TYPE_FIXED32: return sizeof(uint32_t);
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64: return sizeof(uint64_t);
    case PROTOBUF_C_TYPE_FLOAT: return sizeof(float);
    case PROTOBUF_C_TYPE_DOUBLE: return sizeof(double);
    case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
    case PROTOBUF_C_TYPE_ENUM: return sizeof(int);
    case PROTOBUF_C_TYPE_STRING: return sizeof(char*);
    case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
    case PROTOBUF_C_TYPE_MESSAGE: return sizeof(void*);
  }
  return 0;
}

// Writes `value` at `out`, a field's place in a message as protobuf-c lays it out.
template <typename T>
void put(char* out, T value) {
  std::memcpy(out, &value, sizeof value);
}

// A recursive-descent reader of the JSON subset libpg_query writes, filling messages as it goes.
// Every method returns false on text it does not expect; the whole decode is then abandoned.
class Decoder {
 public:
  Decoder(std::string_view json, std::string_view sql, UnpackArena& arena, TypeTable& types)
      : at_(json.data()), end_(json.data() + json.size()), sql_(sql), arena_(arena), types_(types) {}

  [[nodiscard]] bool too_deep() const { return too_deep_; }

  ProtobufCMessage* whole(const MessageType& type) {
    stack_start_ = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    stack_allowance_ = stack_allowance();
    ProtobufCMessage* message = nullptr;
    if (!read_message(type, message)) return nullptr;
    skip_space();
    return at_ == end_ ? message : nullptr;
  }

 private:
  // How far the stack has grown since whole() (the frame address is the real stack, also where
  // AddressSanitizer moves locals elsewhere).
  [[nodiscard]] uintptr_t stack_used() const {
    const auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return here < stack_start_ ? stack_start_ - here : here - stack_start_;
  }

  bool read_message(const MessageType& unfilled, ProtobufCMessage*& out) {
    const MessageType& type = types_.fields_of(unfilled);
    if (stack_used() > stack_allowance_) {
      too_deep_ = true;
      return false;
    }
    if (!expect('{')) return false;
    auto* message = static_cast<ProtobufCMessage*>(arena_.take(type.descriptor->sizeof_message));
    type.descriptor->message_init(message);
    if (!peek('}')) {
      do {
        std::string_view key;
        if (!read_key(key) || key.size() > kMaxKey || !expect(':')) return false;
        const FieldEntry* entry = type.find(FoldedKey(key));
        if (!entry || !read_field(*entry, reinterpret_cast<char*>(message))) return false;
      } while (peek(','));
      if (!expect('}')) return false;
    }
    out = message;
    return settle_integer(type, message);
  }

  // libpg_query writes an Integer's value only when it is positive: `{"Integer":{}}` is 0 or a
  // negative number (`INCREMENT -1`, the -1 bound of `text[]`). An A_Const's value is read again
  // from the SQL at its location (PostgreSQL gives a negated constant the location of its '-').
  bool settle_integer(const MessageType& type, ProtobufCMessage* message) const {
    if (type.descriptor != &pg_query__a__const__descriptor) return true;
    auto* constant = reinterpret_cast<PgQuery__AConst*>(message);
    if (constant->val_case != PG_QUERY__A__CONST__VAL_IVAL || constant->ival->ival != 0) return true;
    if (constant->location < 0 || static_cast<size_t>(constant->location) >= sql_.size()) return false;
    size_t at = static_cast<size_t>(constant->location);
    const auto is_digit = [&](size_t i) { return i < sql_.size() && sql_[i] >= '0' && sql_[i] <= '9'; };
    if (is_digit(at)) return true;  // a literal that starts with a digit is not negative: 0
    if (sql_[at] != '-') return false;
    do ++at;
    while (at < sql_.size() && is_space(sql_[at]));
    if (!is_digit(at)) return false;  // a comment between '-' and the number, say
    int64_t magnitude = 0;
    for (; is_digit(at) && magnitude <= (int64_t{1} << 31); ++at) magnitude = magnitude * 10 + (sql_[at] - '0');
    if (magnitude > (int64_t{1} << 31)) return false;
    constant->ival->ival = static_cast<int32_t>(-magnitude);
    return true;
  }

  // A bare Integer node without a value is 0 or negative, with nothing to read it from again, but
  // for a type's array bounds: those are -1 (`[]`, `ARRAY`) or the number written (`[0]`). A bound
  // of 0 needs a '[' followed by a 0, or by a comment before it, in the text; when no '[' is, every
  // empty bound is -1. Any other empty Integer gives the decode up.
  bool settle_bare_integer(const FieldEntry& entry, PgQuery__Node* node) {
    if (node->node_case != PG_QUERY__NODE__NODE_INTEGER || node->integer->ival != 0) return true;
    if (!entry.array_bounds || !brackets_hold_no_zero()) return false;
    node->integer->ival = -1;
    return true;
  }

  bool brackets_hold_no_zero() {
    if (!brackets_hold_no_zero_) {
      bool plain = true;
      for (size_t at = sql_.find('['); plain && at != std::string_view::npos; at = sql_.find('[', at + 1)) {
        size_t next = at + 1;
        while (next < sql_.size() && is_space(sql_[next])) ++next;
        plain = next < sql_.size() && sql_[next] != '0' && sql_[next] != '/' && sql_[next] != '-';
      }
      brackets_hold_no_zero_ = plain;
    }
    return *brackets_hold_no_zero_;
  }

  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

  bool read_field(const FieldEntry& entry, char* message) {
    const ProtobufCFieldDescriptor& field = *entry.field;
    if (field.label == PROTOBUF_C_LABEL_REPEATED) return read_repeated(entry, message);
    if (!read_value(entry, message + field.offset)) return false;
    if (field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      *reinterpret_cast<uint32_t*>(message + field.quantifier_offset) = field.id;  // the oneof's case
    } else if (field.label == PROTOBUF_C_LABEL_OPTIONAL && field.type != PROTOBUF_C_TYPE_MESSAGE &&
               field.type != PROTOBUF_C_TYPE_STRING) {
      *reinterpret_cast<protobuf_c_boolean*>(message + field.quantifier_offset) = 1;  // has_<field>
    }
    return true;
  }

  // The elements are gathered on a stack shared by every level (an inner list is finished before
  // its outer one goes on), then copied to the arena once their number is known.
  bool read_repeated(const FieldEntry& entry, char* message) {
    const ProtobufCFieldDescriptor& field = *entry.field;
    const size_t size = element_size(field.type);
    if (!expect('[')) return false;
    const size_t first = stack_.size();
    size_t count = 0;
    if (!peek(']')) {
      do {
        stack_.resize(stack_.size() + size);
        alignas(8) char element[sizeof(ProtobufCBinaryData)];
        if (!read_value(entry, element)) return false;
        std::memcpy(stack_.data() + first + count * size, element, size);
        ++count;
      } while (peek(','));
      if (!expect(']')) return false;
    }
    void* elements = nullptr;
    if (count) {
      elements = arena_.take(count * size);
      std::memcpy(elements, stack_.data() + first, count * size);
    }
    stack_.resize(first);
    *reinterpret_cast<size_t*>(message + field.quantifier_offset) = count;
    *reinterpret_cast<void**>(message + field.offset) = elements;
    return true;
  }

  // One value of the field's type, written to `out` as protobuf-c lays it out.
  bool read_value(const FieldEntry& entry, char* out) {
    const ProtobufCFieldDescriptor& field = *entry.field;
    switch (field.type) {
      case PROTOBUF_C_TYPE_INT32:
      case PROTOBUF_C_TYPE_SINT32:
      case PROTOBUF_C_TYPE_SFIXED32:
      case PROTOBUF_C_TYPE_UINT32:
      case PROTOBUF_C_TYPE_FIXED32:
      case PROTOBUF_C_TYPE_INT64:
      case PROTOBUF_C_TYPE_SINT64:
      case PROTOBUF_C_TYPE_SFIXED64:
      case PROTOBUF_C_TYPE_UINT64:
      case PROTOBUF_C_TYPE_FIXED64: {
        int64_t value = 0;
        if (!read_integer(value)) return false;
        if (element_size(field.type) == sizeof(uint32_t)) put(out, static_cast<uint32_t>(value));
        else put(out, value);
        return true;
      }
      case PROTOBUF_C_TYPE_FLOAT:
      case PROTOBUF_C_TYPE_DOUBLE: return read_floating(field.type, out);
      case PROTOBUF_C_TYPE_BOOL: {
        protobuf_c_boolean value = 0;
        if (literal("true")) value = 1;
        else if (!literal("false")) return false;
        put(out, value);
        return true;
      }
      case PROTOBUF_C_TYPE_ENUM: return read_enum(*static_cast<const ProtobufCEnumDescriptor*>(field.descriptor), out);
      case PROTOBUF_C_TYPE_STRING: {
        char* value = nullptr;
        if (!read_string(value)) return false;
        put(out, value);
        return true;
      }
      case PROTOBUF_C_TYPE_MESSAGE: {
        ProtobufCMessage* value = nullptr;
        if (!entry.message || !read_message(*entry.message, value)) return false;
        if (entry.message->descriptor == &pg_query__node__descriptor &&
            !settle_bare_integer(entry, reinterpret_cast<PgQuery__Node*>(value)))
          return false;
        put(out, value);
        return true;
      }
      case PROTOBUF_C_TYPE_BYTES: return false;  // libpg_query's trees have none
    }
    return false;
  }

  bool read_integer(int64_t& value) {
    skip_space();
    return read_json_integer(at_, end_, value);
  }

  bool read_floating(ProtobufCType type, char* out) {
    skip_space();
    const char* start = at_;
    while (at_ < end_ && (std::strchr("+-.eE", *at_) || (*at_ >= '0' && *at_ <= '9')) && *at_) ++at_;
    if (at_ == start) return false;
    const std::string number(start, at_);
    const double value = std::strtod(number.c_str(), nullptr);
    if (type == PROTOBUF_C_TYPE_FLOAT) put(out, static_cast<float>(value));
    else put(out, value);
    return true;
  }

  bool read_enum(const ProtobufCEnumDescriptor& descriptor, char* out) {
    skip_space();
    std::string_view name;
    if (!read_key(name) || name.size() >= kMaxKey) return false;
    char buffer[kMaxKey];
    std::memcpy(buffer, name.data(), name.size());
    buffer[name.size()] = '\0';
    const ProtobufCEnumValue* value = protobuf_c_enum_descriptor_get_value_by_name(&descriptor, buffer);
    if (!value) return false;
    put(out, value->value);
    return true;
  }

  // An enum name: a string without escapes, read in place.
  bool read_key(std::string_view& key) {
    if (!expect('"')) return false;
    const char* const start = at_;
    const char* at = start;
    while (at < end_ && *at != '"' && *at != '\\') ++at;
    at_ = at;
    if (at == end_ || *at != '"') return false;
    key = {start, static_cast<size_t>(at - start)};
    ++at_;
    return true;
  }

  // A string value, copied NUL-terminated into the arena; the empty string is protobuf-c's own, as
  // when protobuf-c unpacks a message that leaves the field out.
  bool read_string(char*& out) {
    if (!expect('"')) return false;
    const char* start = at_;
    const char* at = start;
    while (at < end_ && *at != '"' && *at != '\\') ++at;
    at_ = at;
    if (at_ == end_) return false;
    if (*at_ == '"') {
      out = copy({start, static_cast<size_t>(at_ - start)});
      ++at_;
      return true;
    }
    at_ = start;
    if (!read_json_string_body(at_, end_, unescaped_)) return false;
    out = copy(unescaped_);
    return true;
  }

  char* copy(std::string_view text) {
    if (text.empty()) return const_cast<char*>(protobuf_c_empty_string);
    auto* out = static_cast<char*>(arena_.take(text.size() + 1));
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = '\0';
    return out;
  }

  void skip_space() { skip_json_space(at_, end_); }
  bool peek(char c) { return consume_json_char(at_, end_, c); }  // consumes `c` when it is next
  bool expect(char c) { return peek(c); }
  bool literal(std::string_view word) {
    skip_space();
    if (static_cast<size_t>(end_ - at_) < word.size() || std::string_view(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  const char* at_;
  const char* end_;
  std::string_view sql_;
  std::optional<bool> brackets_hold_no_zero_;
  UnpackArena& arena_;
  TypeTable& types_;
  uintptr_t stack_start_ = 0;
  uintptr_t stack_allowance_ = 0;
  bool too_deep_ = false;
  std::vector<char> stack_;
  std::string unescaped_;
};

}  // namespace

const PgQuery__ParseResult* decode_json_parse_tree(std::string_view json, std::string_view sql, UnpackArena& arena,
                                                   bool* too_deep) {
  static TypeTable types(pg_query__parse_result__descriptor);
  Decoder decoder(json, sql, arena, types);
  const auto* tree = reinterpret_cast<const PgQuery__ParseResult*>(decoder.whole(types.root()));
  if (too_deep) *too_deep = decoder.too_deep();
  return tree;
}

}  // namespace zdlint
