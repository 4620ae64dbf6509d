// The cost floor zdlint is measured against: read every file and parse it with libpg_query into
// an unpacked protobuf tree, on one thread, doing nothing else.
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: parse_floor FILELIST   (one path per line)\n";
    return 2;
  }
  std::ifstream list(argv[1]);
  size_t files = 0, statements = 0;
  for (std::string path; std::getline(list, path);) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const PgQueryProtobufParseResult result = pg_query_parse_protobuf(text.str().c_str());
    if (!result.error) {
      PgQuery__ParseResult* tree = pg_query__parse_result__unpack(
          nullptr, result.parse_tree.len, reinterpret_cast<const uint8_t*>(result.parse_tree.data));
      if (tree) statements += tree->n_stmts;
      pg_query__parse_result__free_unpacked(tree, nullptr);
    }
    pg_query_free_protobuf_parse_result(result);
    ++files;
  }
  std::cerr << files << " files, " << statements << " statements\n";
  return 0;
}
