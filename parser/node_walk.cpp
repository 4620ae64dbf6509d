#include "parser/node_walk.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "parser/message_layout.h"

namespace zdlint {
namespace {

void walk_message(const ProtobufCMessage* message, const MessageLayout& layout,
                  const std::function<void(const PgQuery__Node&)>& visit) {
  if (!message) return;
  const auto* base = reinterpret_cast<const uint8_t*>(message);
  if (layout.is_node()) {
    const auto& node = *reinterpret_cast<const PgQuery__Node*>(message);
    visit(node);
    if (const PointerField* member = layout.node_member(node.node_case))
      walk_message(*reinterpret_cast<ProtobufCMessage* const*>(base + member->offset), *member->target, visit);
    return;
  }
  for (const PointerField& field : layout.messages) {
    if (field.repeated) {
      const auto count = *reinterpret_cast<const size_t*>(base + field.quantifier_offset);
      const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + field.offset);
      for (size_t k = 0; k < count; ++k) walk_message(items[k], *field.target, visit);
    } else {
      // Only the member its oneof's case selects is set.
      if (field.oneof_case != 0 &&
          *reinterpret_cast<const uint32_t*>(base + field.quantifier_offset) != field.oneof_case)
        continue;
      walk_message(*reinterpret_cast<ProtobufCMessage* const*>(base + field.offset), *field.target, visit);
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
  walk_message(reinterpret_cast<const ProtobufCMessage*>(root), node_layout(), visit);
}

}  // namespace zdlint
