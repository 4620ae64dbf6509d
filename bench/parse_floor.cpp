// The cost floor zdlint is measured against (issue 6): read every file of a list and run
// libpg_query's pg_query_parse on it, on one thread, doing nothing else. zdlint must also split
// statements, unpack trees, analyse and report, so it cannot beat this; the benchmark reports how
// close it gets.
//
// libpg_query's public API has no tree without a serialisation, so two more modes show what the
// tree itself costs: --tree takes protobuf-c's structs from libpg_query before it serialises them,
// the way zdlint does (parser/tree_capture.h), and --protobuf runs pg_query_parse_protobuf and
// unpacks it with protobuf-c (the road through the serialised form, and zdlint's fallback).
#include <pg_query.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "parser/pg_query_raii.h"

int main(int argc, char** argv) {
  const std::string_view mode = argc == 3 ? argv[1] : "";
  const bool protobuf = mode == "--protobuf", tree = mode == "--tree";
  if (argc != 2 && !protobuf && !tree) {
    std::cerr << "usage: parse_floor [--tree | --protobuf] FILELIST   (one path per line)\n";
    return 2;
  }
  std::ifstream list(argv[argc - 1]);
  if (!list) {
    std::cerr << "parse_floor: cannot read " << argv[argc - 1] << "\n";
    return 2;
  }
  size_t files = 0, failures = 0, undecoded = 0;
  for (std::string path; std::getline(list, path);) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string sql = text.str();
    if (protobuf) {
      const PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql.c_str());
      if (result.error) ++failures;
      zdlint::UnpackArena arena(result.parse_tree.len * 4);  // as zdlint's fallback unpacks
      if (!result.error)
        pg_query__parse_result__unpack(arena.allocator(), result.parse_tree.len,
                                       reinterpret_cast<const uint8_t*>(result.parse_tree.data));
      pg_query_free_protobuf_parse_result(result);
    } else if (tree) {
      const zdlint::ParseTreeResult result(sql.c_str());
      if (result.error())
        ++failures;
      else if (!result.tree())
        ++undecoded;
    } else {
      const PgQueryParseResult result = pg_query_parse(sql.c_str());
      if (result.error) ++failures;
      pg_query_free_parse_result(result);
    }
    ++files;
  }
  std::cerr << files << " files, " << failures << " rejected by the grammar";
  if (tree) std::cerr << ", " << undecoded << " too deep to take";
  std::cerr << "\n";
  return 0;
}
