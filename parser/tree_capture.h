#pragma once
// Parse trees taken from libpg_query as the C structs it builds, before it serialises them.
//
// libpg_query hands out a tree only serialised: as JSON (pg_query_parse) or as protobuf
// (pg_query_parse_protobuf). For the protobuf it first converts the parsed tree into protobuf-c's
// structs (the ones the rules read, pg_query.pb-c.h), allocating them in its memory context, then
// measures and packs them, and the caller unpacks them again; the JSON costs writing and reading
// text. Both cost more than the parse itself. zdlint takes the third road: the linker sends
// libpg_query's conversion, the allocations it makes, and its two calls that measure and pack the
// tree to this file (-Wl,--wrap, CMakeLists.txt). While a TreeCapture is active on the thread, the
// conversion allocates the structs in an arena, the few strings it leaves in the parsed tree are
// copied there, and nothing is packed. The tree is the one the packing would have written, byte for
// byte once packed (tests/test_tree_capture.cpp, fuzz/fuzz_parse.cpp).
#include <pg_query/pg_query.pb-c.h>

#include <cstddef>
#include <vector>

#include "parser/unpack_arena.h"

namespace zdlint {

// While one exists, the parse tree pg_query_parse_protobuf builds on this thread is built in `arena`
// and not serialised: the result's parse_tree is then empty. One at a time per thread.
class TreeCapture {
 public:
  explicit TreeCapture(UnpackArena& arena);
  ~TreeCapture();
  TreeCapture(const TreeCapture&) = delete;
  TreeCapture& operator=(const TreeCapture&) = delete;

  // The tree; null when libpg_query handed none over, or when it nests deeper than zdlint's walks
  // over it may let the stack grow (see too_deep()). On a syntax error libpg_query hands over an empty tree:
  // the parse result's error is what tells.
  [[nodiscard]] const PgQuery__ParseResult* tree() const { return tree_; }
  // Whether libpg_query handed its tree over at all. A libpg_query that serialised without asking
  // for the size first would not; its protobuf result is then complete and can be unpacked instead.
  [[nodiscard]] bool handed_over() const { return handed_over_; }
  [[nodiscard]] bool too_deep() const { return too_deep_; }

  // Called by the link-time stand-ins for libpg_query's functions (tree_capture.cpp): around the
  // conversion of the parsed tree into protobuf-c's structs, for each of its allocations, as each
  // statement's conversion begins, for each string it leaves in the parsed tree, and with the
  // converted tree.
  void begin_conversion();
  void end_conversion();
  void* allocate(size_t size);
  void statement_begins();
  void borrowed_string(char** field);
  void take(const PgQuery__ParseResult& built);

 private:
  UnpackArena& arena_;
  // Whether no statement of `tree` can nest too deeply, by what its conversion allocated.
  [[nodiscard]] bool surely_fits(const PgQuery__ParseResult& tree) const;

  size_t allocations_ = 0;                // by the conversion, so far
  std::vector<size_t> statement_starts_;  // allocations_ as each statement's conversion began
  std::vector<char**> borrowed_strings_;
  const PgQuery__ParseResult* tree_ = nullptr;
  bool handed_over_ = false;
  bool too_deep_ = false;
};

}  // namespace zdlint
