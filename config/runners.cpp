#include "config/runners.h"

#include <algorithm>
#include <array>

namespace zdlint::config {
namespace {

// Runners whose file reaches PostgreSQL as one multi-statement string without a BEGIN of their own
// (golang-migrate, Supabase, older Prisma) are `false`: the string is one implicit transaction only
// when it holds two statements, and a file holding a lone CREATE INDEX CONCURRENTLY (the safe
// pattern) succeeds. Flyway too: it drops its transaction by itself for a file that contains a
// non-transactional statement. Assuming a transaction for them would flag exactly the files that
// are right; concurrently-mixed-with-other-statements still catches the mixed ones.
constexpr std::array kProfiles{
    RunnerProfile{"atlas", true, "runs each file in a transaction (--tx-mode file) unless `-- atlas:txmode none`"},
    RunnerProfile{"dbmate", true, "runs each up block in a transaction unless `-- migrate:up transaction:false`"},
    RunnerProfile{"diesel", true,
                  "runs each up.sql in a transaction unless metadata.toml says run_in_transaction = false"},
    RunnerProfile{"flyway", false,
                  "wraps a file in a transaction only when it has no non-transactional statement (detected by Flyway)"},
    RunnerProfile{"golang-migrate", false,
                  "adds no transaction; sends the file as one string (one implicit transaction when it holds several "
                  "statements)"},
    RunnerProfile{"goose", true, "runs each file in a transaction unless `-- +goose NO TRANSACTION`"},
    RunnerProfile{"graphile-migrate", true, "runs each migration in a transaction unless `--! no-transaction`"},
    RunnerProfile{"hasura", true, "runs every up.sql in a transaction; no file-level opt-out"},
    RunnerProfile{"liquibase", true, "runs each changeset in a transaction unless runInTransaction:false"},
    RunnerProfile{"node-pg-migrate", true, "runs migrations in a transaction; a .sql migration cannot opt out"},
    RunnerProfile{"popx", true, "runs each migration in a transaction unless its name has `.autocommit.`"},
    RunnerProfile{"prisma", false,
                  "adds no transaction; current versions send statement by statement in autocommit (older ones sent "
                  "the file as one string)"},
    RunnerProfile{"psql", false, "adds no transaction: only the file's own BEGIN/COMMIT (or psql -1)"},
    RunnerProfile{"sqitch", false, "adds no transaction: deploy scripts carry their own BEGIN/COMMIT"},
    RunnerProfile{"sqlx", true, "runs each file in a transaction unless its first line is `-- no-transaction`"},
    RunnerProfile{"supabase", false,
                  "adds no BEGIN; sends the file as one pipeline (one implicit transaction for several statements)"},
    RunnerProfile{"tern", true, "runs each file in a transaction unless `---- tern: disable-tx ----`"},
    RunnerProfile{"yoyo", true, "runs each migration in a transaction unless `-- transactional: false`"},
};

}  // namespace

std::span<const RunnerProfile> runner_profiles() {
  return kProfiles;
}

const RunnerProfile* find_runner(std::string_view name) {
  const auto it = std::find_if(kProfiles.begin(), kProfiles.end(), [&](const auto& p) { return p.name == name; });
  return it == kProfiles.end() ? nullptr : &*it;
}

}  // namespace zdlint::config
