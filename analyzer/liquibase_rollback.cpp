#include "analyzer/liquibase_rollback.h"

#include "parser/ascii.h"

namespace zdlint {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Where the word after a line's `--` starts, when the line is a comment (leading blanks allowed):
// Liquibase's patterns read `\s*--[\s]*changeset…` and `\s*--[\s]*rollback (.*)`.
std::optional<size_t> comment_word(std::string_view line) {
  size_t at = 0;
  while (at < line.size() && is_ascii_space(line[at])) ++at;
  if (line.substr(at, 2) != "--") return std::nullopt;
  at += 2;
  while (at < line.size() && is_ascii_space(line[at])) ++at;
  return at;
}

}  // namespace

std::optional<size_t> rollback_sql_at(std::string_view line) {
  constexpr std::string_view kRollback = "rollback ";  // Liquibase's pattern has this one space
  const std::optional<size_t> word = comment_word(line);
  if (!word || !matches_nocase_at(line, *word, kRollback)) return std::nullopt;
  return *word + kRollback.size();
}

LiquibaseRollback liquibase_rollback(std::string_view text) {
  LiquibaseRollback out;
  out.sql.assign(text.size(), ' ');
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    else out.sql[end] = '\n';
    const std::string_view line = text.substr(begin, end - begin);
    const std::optional<size_t> word = comment_word(line);
    constexpr std::string_view kChangeset = "changeset";
    if (word && matches_nocase_at(line, *word, kChangeset) &&
        (*word + kChangeset.size() == line.size() || is_ascii_space(line[*word + kChangeset.size()])))
      out.changesets.push_back(static_cast<uint32_t>(begin + line.find('-')));
    if (const std::optional<size_t> sql_at = rollback_sql_at(line)) {
      const std::string_view sql = line.substr(*sql_at);
      const std::string_view trimmed = trim(sql);
      if (trimmed != "empty" && trimmed != "not required") out.sql.replace(begin + *sql_at, sql.size(), sql);
    }
    begin = end + 1;
  }
  return out;
}

}  // namespace zdlint
