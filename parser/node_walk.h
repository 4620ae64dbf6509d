#pragma once
// Visits every node of a protobuf-c parse tree through its message layouts, so a question
// like "does this expression call a volatile function?" needs no hand-written case per node type.
#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <functional>
#include <string_view>

namespace zdlint {

// Calls `visit` for `root` and each PgQuery__Node below it, depth first, in field order.
void walk_nodes(const PgQuery__Node* root, const std::function<void(const PgQuery__Node&)>& visit);

// The field of PgQuery__Node that holds a node of case `node_case` (its oneof member), or null.
// A table built once: protobuf-c's own lookup searches the ~270 fields for every node.
const ProtobufCFieldDescriptor* node_field(uint32_t node_case);

// The text of a String node; empty for anything else.
std::string_view string_value(const PgQuery__Node* node);

}  // namespace zdlint
