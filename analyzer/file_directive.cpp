#include "analyzer/file_directive.h"

#include "parser/tokens.h"

namespace zdlint {
namespace {

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<FileDirective> file_directives(const SourceFile& source, std::string_view keyword) {
  std::vector<FileDirective> found;
  const std::string_view text = source.text();
  if (text.find(keyword) == std::string_view::npos) return found;  // the common case: no scan
  for (const Token& token : scan_tokens(text, 0).tokens) {
    if (!token.is_comment()) continue;
    std::string_view comment = text.substr(token.begin, token.end - token.begin);
    if (comment.starts_with("--")) comment.remove_prefix(2);
    else if (comment.starts_with("/*")) comment = comment.substr(2, comment.size() >= 4 ? comment.size() - 4 : 0);
    comment = trim(comment);
    if (comment.starts_with(keyword)) found.push_back({trim(comment.substr(keyword.size())), token.range()});
  }
  return found;
}

}  // namespace zdlint
