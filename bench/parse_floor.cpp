// The cost floor zdlint is measured against (issue 6): read every file of a list and run
// libpg_query's pg_query_parse on it, on one thread, doing nothing else. zdlint must also split
// statements, unpack trees, analyse and report, so it cannot beat this; the benchmark reports how
// close it gets.
//
// With --protobuf it runs pg_query_parse_protobuf instead: the same parse with the tree serialised
// as protobuf, the form zdlint reads its trees in (libpg_query's public API has no tree without a
// serialisation). It shows how much of the distance to the floor that choice alone accounts for.
#include <pg_query.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
  const bool protobuf = argc == 3 && std::string_view(argv[1]) == "--protobuf";
  if (argc != 2 && !protobuf) {
    std::cerr << "usage: parse_floor [--protobuf] FILELIST   (one path per line)\n";
    return 2;
  }
  std::ifstream list(argv[argc - 1]);
  if (!list) {
    std::cerr << "parse_floor: cannot read " << argv[argc - 1] << "\n";
    return 2;
  }
  size_t files = 0, failures = 0;
  for (std::string path; std::getline(list, path);) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (protobuf) {
      const PgQueryProtobufParseResult result = pg_query_parse_protobuf(text.str().c_str());
      if (result.error) ++failures;
      pg_query_free_protobuf_parse_result(result);
    } else {
      const PgQueryParseResult result = pg_query_parse(text.str().c_str());
      if (result.error) ++failures;
      pg_query_free_parse_result(result);
    }
    ++files;
  }
  std::cerr << files << " files, " << failures << " rejected by the grammar\n";
  return 0;
}
