#include "parser/pg_query_raii.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "parser/scanner_stall.h"
#include "parser/source_file.h"
#include "parser/tree_capture.h"

namespace zdlint {

std::unique_ptr<const StalledScan> StalledScan::check(const char* sql) {
  const std::string_view text(sql);
  const std::optional<ScannerStall> stall = find_scanner_stall(text);
  if (!stall) return nullptr;
  return std::make_unique<const StalledScan>(
      fmt::format("a run of {} operator characters, which PostgreSQL's scanner reads again from each token it makes "
                  "of it (nested \"/*\", or \"+\" after \"+\"): that would take minutes, here and on the server, "
                  "so this text is not parsed",
                  stall->length),
      static_cast<int>(count_code_points(text.substr(0, stall->offset))) + 1);
}

StalledScan::StalledScan(std::string message, int cursorpos) : message_(std::move(message)) {
  error_.message = message_.data();
  error_.cursorpos = cursorpos;
}

ParseTreeResult::ParseTreeResult(const char* sql) : stalled_(StalledScan::check(sql)) {
  if (stalled_) return;
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
