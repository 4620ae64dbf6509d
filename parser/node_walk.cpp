#include "parser/node_walk.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace zdlint {
namespace {

void walk_message(const ProtobufCMessage* message, const std::function<void(const PgQuery__Node&)>& visit) {
  if (!message) return;
  const ProtobufCMessageDescriptor* descriptor = message->descriptor;
  const auto* base = reinterpret_cast<const uint8_t*>(message);
  if (descriptor == &pg_query__node__descriptor) {
    // A Node is one oneof over ~270 message fields whose ids are the node_case values: look the
    // selected one up instead of testing every field of every node.
    const auto& node = *reinterpret_cast<const PgQuery__Node*>(message);
    visit(node);
    const ProtobufCFieldDescriptor* field = node_field(node.node_case);
    if (field && field->type == PROTOBUF_C_TYPE_MESSAGE)
      walk_message(*reinterpret_cast<ProtobufCMessage* const*>(base + field->offset), visit);
    return;
  }
  for (unsigned i = 0; i < descriptor->n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = descriptor->fields[i];
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      const auto count = *reinterpret_cast<const size_t*>(base + field.quantifier_offset);
      const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + field.offset);
      for (size_t k = 0; k < count; ++k) walk_message(items[k], visit);
    } else {
      if (field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
        // Only the member selected by the oneof case is valid.
        const auto selected = *reinterpret_cast<const uint32_t*>(base + field.quantifier_offset);
        if (selected != field.id) continue;
      }
      walk_message(*reinterpret_cast<ProtobufCMessage* const*>(base + field.offset), visit);
    }
  }
}

}  // namespace

const ProtobufCFieldDescriptor* node_field(uint32_t node_case) {
  static const std::vector<const ProtobufCFieldDescriptor*> by_case = [] {
    const ProtobufCMessageDescriptor& node = pg_query__node__descriptor;
    uint32_t largest = 0;
    for (unsigned i = 0; i < node.n_fields; ++i) largest = std::max(largest, node.fields[i].id);
    std::vector<const ProtobufCFieldDescriptor*> table(largest + 1, nullptr);
    for (unsigned i = 0; i < node.n_fields; ++i) table[node.fields[i].id] = &node.fields[i];
    return table;
  }();
  return node_case < by_case.size() ? by_case[node_case] : nullptr;
}

std::string_view string_value(const PgQuery__Node* node) {
  if (node && node->node_case == PG_QUERY__NODE__NODE_STRING && node->string && node->string->sval)
    return node->string->sval;
  return {};
}

void walk_nodes(const PgQuery__Node* root, const std::function<void(const PgQuery__Node&)>& visit) {
  walk_message(reinterpret_cast<const ProtobufCMessage*>(root), visit);
}

}  // namespace zdlint
