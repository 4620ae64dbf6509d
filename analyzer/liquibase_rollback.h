#pragma once
// Liquibase formatted SQL keeps each changeset's rollback in `--rollback <sql>` comment lines. Rolling
// the file back runs the changesets' rollbacks from the last changeset to the first.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zdlint {

struct LiquibaseRollback {
  // The file's text with everything but the SQL of its `--rollback` lines blanked out (newlines
  // kept), so that statements parsed from it have the file's own offsets.
  std::string sql;
  // Where each `--changeset` line starts, in file order.
  std::vector<uint32_t> changesets;
};

// `--rollback empty` and `--rollback not required` contribute no SQL; `/* liquibase rollback */`
// blocks are not read. Lines are read as Liquibase's patterns read them: `-- rollback DROP …` and
// `--ROLLBACK DROP …` are rollback lines, `-- changeset a:1` a changeset.
LiquibaseRollback liquibase_rollback(std::string_view text);

// Where the SQL of a `--rollback <sql>` line starts, or nullopt for another line.
std::optional<size_t> rollback_sql_at(std::string_view line);

}  // namespace zdlint
