#include "analyzer/contract_directive.h"

#include "parser/tokens.h"

namespace zdlint {
namespace {

constexpr std::string_view kContract = "zdlint-contract:";

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> contract_directive(const SourceFile& source) {
  const std::string_view text = source.text();
  if (text.find(kContract) == std::string_view::npos) return std::nullopt;  // the common case: no scan
  for (const Token& token : scan_tokens(text, 0).tokens) {
    if (!token.is_comment()) continue;
    std::string_view comment = text.substr(token.begin, token.end - token.begin);
    if (comment.starts_with("--")) comment.remove_prefix(2);
    else if (comment.starts_with("/*")) comment = comment.substr(2, comment.size() >= 4 ? comment.size() - 4 : 0);
    comment = trim(comment);
    if (!comment.starts_with(kContract)) continue;
    const std::string_view name = trim(comment.substr(kContract.size()));
    if (!name.empty()) return std::string(name);
  }
  return std::nullopt;
}

}  // namespace zdlint
