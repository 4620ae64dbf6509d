#pragma once
// File-wide directives written as comments (`-- zdlint-contract: …`, `-- zdlint-rollback: …`),
// found with libpg_query's scanner so that a string literal never counts.
#include <string_view>
#include <vector>

#include "parser/source_file.h"

namespace zdlint {

struct FileDirective {
  std::string_view value;  // the text after the keyword, trimmed; may be empty
  ByteRange comment;       // the whole comment, markers included
};

// Every comment of the file that reads `<keyword> …` (the keyword ends in ':'), in file order.
std::vector<FileDirective> file_directives(const SourceFile& source, std::string_view keyword);

}  // namespace zdlint
