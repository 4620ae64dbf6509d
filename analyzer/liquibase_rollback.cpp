#include "analyzer/liquibase_rollback.h"

namespace zdlint {
namespace {

constexpr std::string_view kRollback = "--rollback";
constexpr std::string_view kChangeset = "--changeset";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

LiquibaseRollback liquibase_rollback(std::string_view text) {
  LiquibaseRollback out;
  out.sql.assign(text.size(), ' ');
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    else out.sql[end] = '\n';
    const std::string_view line = text.substr(begin, end - begin);
    const size_t indent = line.find_first_not_of(" \t");
    const std::string_view content = indent == std::string_view::npos ? std::string_view() : line.substr(indent);
    if (content.starts_with(kChangeset)) out.changesets.push_back(static_cast<uint32_t>(begin + indent));
    if (content.starts_with(kRollback)) {
      const size_t sql_at = begin + indent + kRollback.size();
      const std::string_view sql = trim(text.substr(sql_at, end - sql_at));
      if (sql != "empty" && sql != "not required")
        out.sql.replace(sql_at, end - sql_at, text.substr(sql_at, end - sql_at));
    }
    begin = end + 1;
  }
  return out;
}

}  // namespace zdlint
