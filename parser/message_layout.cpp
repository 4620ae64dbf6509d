#include "parser/message_layout.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace zdlint {
namespace {

// The bytes one element of a repeated field takes in its array.
uint32_t element_size(ProtobufCType type) {
  switch (type) {
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_SINT32:
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_UINT32:
    case PROTOBUF_C_TYPE_FIXED32:
    case PROTOBUF_C_TYPE_FLOAT:
    case PROTOBUF_C_TYPE_ENUM:
      return 4;
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_DOUBLE:
      return 8;
    case PROTOBUF_C_TYPE_BOOL:
      return sizeof(protobuf_c_boolean);
    case PROTOBUF_C_TYPE_STRING:
    case PROTOBUF_C_TYPE_MESSAGE:
      return sizeof(void*);
    case PROTOBUF_C_TYPE_BYTES:
      return sizeof(ProtobufCBinaryData);
  }
  return 8;
}

// Every layout reachable from the roots, each built once: a message type that contains itself
// (through Node, as nearly all do) finds its own layout already begun.
class LayoutGraph {
 public:
  LayoutGraph() {
    parse_result_ = &of(pg_query__parse_result__descriptor);
    node_ = &of(pg_query__node__descriptor);
  }

  const MessageLayout& parse_result() const { return *parse_result_; }
  const MessageLayout& node() const { return *node_; }

 private:
  const MessageLayout& of(const ProtobufCMessageDescriptor& descriptor) {
    auto [it, fresh] = layouts_.try_emplace(&descriptor);
    if (!fresh) return *it->second;
    it->second = std::make_unique<MessageLayout>();
    MessageLayout& layout = *it->second;  // its address stays put while the map grows
    layout.descriptor = &descriptor;
    for (unsigned i = 0; i < descriptor.n_fields; ++i) {
      const ProtobufCFieldDescriptor& field = descriptor.fields[i];
      const bool repeated = field.label == PROTOBUF_C_LABEL_REPEATED;
      const bool points = field.type == PROTOBUF_C_TYPE_MESSAGE || field.type == PROTOBUF_C_TYPE_STRING ||
                          field.type == PROTOBUF_C_TYPE_BYTES;
      if (!repeated && !points) continue;  // a scalar, copied with its message
      PointerField pointer;
      pointer.offset = field.offset;
      pointer.quantifier_offset = field.quantifier_offset;
      pointer.oneof_case = (field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0 ? field.id : 0;
      pointer.type = field.type;
      pointer.repeated = repeated;
      pointer.element_size = element_size(field.type);
      if (field.type == PROTOBUF_C_TYPE_MESSAGE)
        pointer.target = &of(*static_cast<const ProtobufCMessageDescriptor*>(field.descriptor));
      layout.pointers.push_back(pointer);
      if (field.type == PROTOBUF_C_TYPE_MESSAGE) layout.messages.push_back(pointer);
    }
    if (&descriptor == &pg_query__node__descriptor) index_node_members(layout);
    return layout;
  }

  static void index_node_members(MessageLayout& node) {
    uint32_t largest = 0;
    for (const PointerField& member : node.pointers) largest = std::max(largest, member.oneof_case);
    if (node.pointers.size() >= MessageLayout::kNone) throw std::logic_error("PgQuery__Node has too many members");
    node.by_node_case.assign(largest + 1, MessageLayout::kNone);
    for (size_t i = 0; i < node.pointers.size(); ++i)
      if (node.pointers[i].type == PROTOBUF_C_TYPE_MESSAGE && node.pointers[i].oneof_case != 0)
        node.by_node_case[node.pointers[i].oneof_case] = static_cast<uint16_t>(i);
  }

  std::unordered_map<const ProtobufCMessageDescriptor*, std::unique_ptr<MessageLayout>> layouts_;
  const MessageLayout* parse_result_ = nullptr;
  const MessageLayout* node_ = nullptr;
};

const LayoutGraph& graph() {
  static const LayoutGraph built;
  return built;
}

}  // namespace

const MessageLayout& parse_result_layout() {
  return graph().parse_result();
}
const MessageLayout& node_layout() {
  return graph().node();
}

}  // namespace zdlint
