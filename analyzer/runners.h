#pragma once
// Migration runners: how each one finds, wraps and sends a migration file, and how zdlint tells
// which runner a file belongs to. The facts come from ../shared/reference/runners.md.
#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyzer/directory_listing.h"
#include "parser/source_file.h"

namespace zdlint {

// What PostgreSQL receives of one migration file (or up section).
enum class SendMode {
  OneString,  // the whole text in one simple Query: several statements run as one implicit transaction
  Split,      // statement by statement (the runner splits the file)
  Pipeline,   // one extended-protocol batch with a single Sync: one implicit transaction (Supabase CLI)
  Psql,       // psql: statement by statement, `\` meta-commands are psql's own
};

struct RunnerProfile {
  std::string_view name;
  // The runner opens a transaction around every file unless the file opts out with the runner's own
  // markup, so a non-transactional statement (CREATE INDEX CONCURRENTLY) fails without that markup.
  bool wraps_in_transaction = false;
  std::string_view why;  // one line, for `zdlint config` and the docs
  SendMode send = SendMode::Split;
  // The markup that turns the runner's transaction off for one file, as the docs quote it.
  std::string_view opt_out;
  // Where the runner reads the down (rollback) migration of a file, as its docs name it; empty when
  // the runner has no down migrations (runners.md §C).
  std::string_view downs;
  // The runner itself leaves a file outside its transaction when the file holds a statement that
  // cannot run in one (Flyway's detection, runners.md §1): decided by the engine from the parsed file.
  bool unwraps_non_transactional_files = false;
};

std::span<const RunnerProfile> runner_profiles();
const RunnerProfile* find_runner(std::string_view name);

// How one migration file runs under its runner.
struct FilePlan {
  const RunnerProfile* runner = nullptr;  // null: no runner known (plain SQL, autocommit)
  bool down = false;                      // the whole file is a down (rollback) migration
  // The runner's transaction is on for the up part (wraps, and the file does not opt out).
  bool runner_transaction = false;
  SendMode send = SendMode::Split;  // how the up part reaches PostgreSQL
  // The down sections of a file with both directions (goose, dbmate, tern, node-pg-migrate): from
  // the down marker to the end of the file, or, in a dbmate file with several up/down pairs, to the
  // next `-- migrate:up`. Nothing in them is part of the up migration.
  std::vector<ByteRange> down_parts;

  [[nodiscard]] bool in_down_part(uint32_t offset) const;
  // Liquibase: a changeset of the file carries `--rollback` lines (analyzer/liquibase_rollback).
  bool rollback_lines = false;
  // The runner's transaction is on although its opt-out markup is in the file, where or as the
  // runner does not read it: why it is not read (empty when the markup is nowhere in the file).
  std::string_view unread_opt_out;
};

// Recognises the runner of a file from its own markup (`-- +goose Up`, `-- migrate:up`, pg_dump's
// header, …), the marker files of its directory and the directories above it (atlas.sum, sqitch.plan,
// …) and the shape of that tree (Synapse's delta/, temporal's manifests, …), its name (`V1__x.sql`,
// `1_x.up.sql`, `<timestamp>_x/up.sql`, `<timestamp>_x/migration.sql`, …), and last psql's own
// commands. What a directory holds is looked up once per directory.
// Safe to share between threads: the file's own text is examined without a lock, and only the probes
// of its directories (remembered for the next file) are serialised.
class RunnerDetector {
 public:
  // `listings`: shared with the run's discovery, which listed the same directories.
  explicit RunnerDetector(std::shared_ptr<DirectoryListings> listings = std::make_shared<DirectoryListings>())
      : listings_(std::move(listings)) {}

  // nullptr when nothing points at a runner.
  const RunnerProfile* detect(std::string_view path, std::string_view text);
  // paired_down_file, from the listings this detector shares.
  std::optional<std::filesystem::path> down_file_of(std::string_view up);
  // Whether `path` is a symbolic link, as the listing of its directory says (DirectoryListings::
  // is_symlink); a down file down_file_of found is always in one.
  std::optional<bool> is_symlink(const std::filesystem::path& path);

 private:
  // `directory`: the text of a file's parent path, looked up without making a path of it.
  const RunnerProfile* from_directory(std::string_view directory);
  // A directory from_directory has not seen: probes it and the ones above, and remembers the answer.
  const RunnerProfile* probe_directories(std::string_view directory);
  // The marker file (or supabase/config.toml) in `directory` itself.
  const RunnerProfile* marker_in(std::string_view directory);
  // The runner the tree around `directory` makes, `level` directories above a file.
  const RunnerProfile* layout_of(const std::filesystem::path& directory, int level);
  bool holds_postgres_migrations(const std::filesystem::path& directory);
  bool starts_postgres_migrations(const std::string& directory);
  static bool holds_temporal_manifest(const DirectoryListing& listing, const std::filesystem::path& directory);
  bool has_temporal_versions(const std::filesystem::path& directory);
  std::shared_ptr<DirectoryListings> listings_;
  std::mutex mutex_;  // guards the maps below
  // Asked once per file: hashed, since the paths of one tree share long prefixes that an ordered
  // map would compare again and again.
  struct PathHash {
    using is_transparent = void;
    size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
  };
  std::unordered_map<std::string, const RunnerProfile*, PathHash, std::equal_to<>> by_directory_;
  std::map<std::string, bool> postgres_migrations_;
  std::map<std::string, bool> starts_postgres_migrations_;
  // What probe_directories found out about a directory: its marker, and its layout by level.
  struct DirectoryAnswers {
    std::optional<const RunnerProfile*> marker;
    std::array<std::optional<const RunnerProfile*>, 4> layout;
  };
  std::unordered_map<std::string, DirectoryAnswers, PathHash, std::equal_to<>> answers_;
};

// The plan of a file under `runner` (null: no runner known).
FilePlan plan_file(const RunnerProfile* runner, std::string_view path, std::string_view text);

// A down (rollback) migration by its name alone: `*.down.sql`, `down.sql`, `*.rollback.sql`,
// Flyway's `U<version>__*.sql`, Sqitch's `revert/` and `verify/` scripts, `downgrade_*.sql`. Both
// take the path as text: a run asks them of every file it finds before anything else can start.
bool is_down_file(std::string_view path);

// A pop/popx migration for another database (`20240101_x.mysql.up.sql`, `.cockroach.`, `.sqlite3.`,
// `.mariadb.`, also with `.autocommit.`): the runner runs it only on that database, never on PostgreSQL.
bool is_other_dialect_file(std::string_view path);

// The down migration that reverts the up migration at `up`, when one exists next to it: `X.down.sql`
// for `X.up.sql` (golang-migrate, sqlx, popx), `down.sql` for `up.sql` (diesel, hasura), Flyway's
// `U<version>__*.sql` for `V<version>__*.sql`, Sqitch's `revert/<change>.sql` for
// `deploy/<change>.sql`, yoyo's `<name>.rollback.sql` for `<name>.sql`. Asked of the directory's
// listing: no system call for a directory listed before (discovery lists every directory it walks).
std::optional<std::filesystem::path> paired_down_file(std::string_view up, DirectoryListings& listings);

}  // namespace zdlint
