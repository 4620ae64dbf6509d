#pragma once
// Parse trees taken from libpg_query as the C structs it builds, before it serialises them.
//
// libpg_query hands out a tree only serialised: as JSON (pg_query_parse) or as protobuf
// (pg_query_parse_protobuf). For the protobuf it first builds the tree as protobuf-c's structs (the
// ones the rules read, pg_query.pb-c.h), then measures and packs them, and the caller unpacks them
// again; the JSON costs writing and reading text. Both cost more than the parse itself. zdlint
// takes the third road: the linker sends libpg_query's two calls that measure and pack the tree to
// this file (-Wl,--wrap, CMakeLists.txt), which, while a TreeCapture is active on the thread, copies
// the built structs into an arena and packs nothing. The copy is the tree the packing would have
// written, byte for byte once packed (tests/test_tree_capture.cpp, fuzz/fuzz_parse.cpp).
#include <pg_query/pg_query.pb-c.h>

#include "parser/unpack_arena.h"

namespace zdlint {

// While one exists, the parse tree pg_query_parse_protobuf builds on this thread is copied into
// `arena` and not serialised: the result's parse_tree is then empty. One at a time per thread.
class TreeCapture {
 public:
  explicit TreeCapture(UnpackArena& arena);
  ~TreeCapture();
  TreeCapture(const TreeCapture&) = delete;
  TreeCapture& operator=(const TreeCapture&) = delete;

  // The copied tree; null when libpg_query handed none over, or when it nests deeper than the copy
  // lets its stack grow (see too_deep()). On a syntax error libpg_query hands over an empty tree:
  // the parse result's error is what tells.
  [[nodiscard]] const PgQuery__ParseResult* tree() const { return tree_; }
  // Whether libpg_query handed its tree over at all. A libpg_query that serialised without asking
  // for the size first would not; its protobuf result is then complete and can be unpacked instead.
  [[nodiscard]] bool handed_over() const { return handed_over_; }
  [[nodiscard]] bool too_deep() const { return too_deep_; }

  // Called by the link-time stand-ins for libpg_query's packing functions.
  void take(const PgQuery__ParseResult& built);

 private:
  UnpackArena& arena_;
  const PgQuery__ParseResult* tree_ = nullptr;
  bool handed_over_ = false;
  bool too_deep_ = false;
};

}  // namespace zdlint
