// The cost floor zdlint is measured against (issue 6): read every file of a list and run
// libpg_query's pg_query_parse on it, on one thread, doing nothing else. zdlint must also split
// statements, unpack trees, analyse and report, so it cannot beat this; the benchmark reports how
// close it gets.
#include <pg_query.h>

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
  size_t files = 0, failures = 0;
  for (std::string path; std::getline(list, path);) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const PgQueryParseResult result = pg_query_parse(text.str().c_str());
    if (result.error) ++failures;
    pg_query_free_parse_result(result);
    ++files;
  }
  std::cerr << files << " files, " << failures << " rejected by the grammar\n";
  return 0;
}
