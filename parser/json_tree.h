#pragma once
// Parse trees read from libpg_query's JSON output into protobuf-c's structs.
//
// libpg_query hands out a tree only serialised, as JSON (pg_query_parse) or as protobuf
// (pg_query_parse_protobuf). Building the protobuf message costs libpg_query about three times the
// parse itself (a C struct per node, a size pass and a packing pass), and unpacking it costs protobuf-c
// as much again; writing JSON costs about the parse. So the tree is read from the JSON, straight into
// the same protobuf-c structs the rules read (pg_query.pb-c.h), guided by protobuf-c's own
// descriptors. libpg_query writes both forms from one definition of every node: a JSON key is the
// node field's name (`targetList`, `stmt_len`), the protobuf field the same name in snake case
// (`target_list`), and a node's type name (`SelectStmt`) keys its wrapper in `Node`. The test suite
// checks that the two roads give the same tree byte for byte (tests/test_json_tree.cpp).
#include <pg_query/pg_query.pb-c.h>

#include <string_view>

#include "parser/unpack_arena.h"

namespace zdlint {

// `json`: the parse tree pg_query_parse wrote for `sql` (the text it parsed). The tree, allocated from `arena`; nullptr when
// the text holds something libpg_query does not write (a key no field has, a value of the wrong
// kind), so that the caller can fall back on the protobuf form; also when it nests deeper than this
// reader lets its stack grow (three quarters of the thread's), which sets `too_deep`: protobuf-c's unpacking,
// whose frames are larger, would overflow the stack on such a tree.
const PgQuery__ParseResult* decode_json_parse_tree(std::string_view json, std::string_view sql, UnpackArena& arena,
                                                   bool* too_deep = nullptr);

}  // namespace zdlint
