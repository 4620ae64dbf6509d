#include "parser/pg_query_raii.h"

#include <algorithm>
#include <cstring>

#include "parser/tree_capture.h"

namespace zdlint {

ParseTreeResult::ParseTreeResult(const char* sql) {
  // A tree takes some 8 times its text (the corpus: 31 MB for 3.8 MB); later chunks double.
  auto arena = std::make_shared<UnpackArena>(std::max<size_t>(std::strlen(sql) * 8, 4096));
  const TreeCapture capture(*arena);
  result_ = pg_query_parse_protobuf(sql);
  if (result_.error) return;
  // Not handed over: serialised whole, as a libpg_query that does not ask for the size first would.
  if (const PgQuery__ParseResult* tree = capture.tree())
    tree_ = SharedTree(std::move(arena), tree);  // shares the arena's ownership
  else if (!capture.handed_over())
    tree_ = unpack_into_arena<PgQuery__ParseResult>(result_.parse_tree.data, result_.parse_tree.len,
                                                    &pg_query__parse_result__unpack);
}

}  // namespace zdlint
