#include "parser/pg_query_raii.h"

#include "parser/json_tree.h"

namespace zdlint {

SharedTree ParseTreeResult::tree() const {
  if (result_.error || !result_.parse_tree) return nullptr;
  const std::string_view json(result_.parse_tree);
  // The first chunk is the JSON text's size; later ones double when the tree needs more.
  auto arena = std::make_shared<UnpackArena>(json.size());
  bool too_deep = false;
  if (const PgQuery__ParseResult* tree = decode_json_parse_tree(json, sql_, *arena, &too_deep))
    return SharedTree(std::move(arena), tree);  // shares the arena's ownership
  if (too_deep) return nullptr;  // unpacking its protobuf would overflow the stack
  const PgQueryProtobufParseResult protobuf = pg_query_parse_protobuf(sql_);
  SharedTree tree = protobuf.error ? nullptr
                                   : unpack_into_arena<PgQuery__ParseResult>(protobuf.parse_tree.data, protobuf.parse_tree.len,
                                                                             &pg_query__parse_result__unpack);
  pg_query_free_protobuf_parse_result(protobuf);
  return tree;
}

}  // namespace zdlint
