#include "analyzer/runners.h"

#include <fcntl.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <sstream>

#include "analyzer/directory_listing.h"
#include "analyzer/fd.h"
#include "analyzer/input.h"
#include "analyzer/liquibase_rollback.h"
#include "config/path_match.h"
#include "parser/ascii.h"
#include "parser/psql_script.h"

namespace zdlint {
namespace fs = std::filesystem;
namespace {

// Runners whose file reaches PostgreSQL as one multi-statement string without a BEGIN of their own
// (golang-migrate, Supabase, older Prisma) are `false`: the string is one implicit transaction only
// when it holds two statements, and a file holding a lone CREATE INDEX CONCURRENTLY (the safe
// pattern) succeeds. Flyway wraps every file (executeInTransaction defaults to true) but drops its
// transaction by itself for a file that contains a non-transactional statement. The send mode
// models the implicit transaction of a multi-statement string (runners.md §0.1, §A).
constexpr std::array kProfiles{
    RunnerProfile{"atlas", true, "runs each file in a transaction (--tx-mode file) unless `-- atlas:txmode none`",
                  SendMode::Split, "-- atlas:txmode none",
                  ""},
    RunnerProfile{"authelia", true,
                  "runs all pending migrations in one transaction (Authelia's own migrator); no file-level opt-out",
                  SendMode::OneString, "",
                  "`V<version>.<name>.down.sql` next to the up file"},
    RunnerProfile{"concourse", true,
                  "runs each file in a transaction (Concourse's own migrator: db.Begin, tx.Exec(file)); no opt-out",
                  SendMode::OneString, "",
                  "`<version>_<name>.down.sql` next to the up file"},
    RunnerProfile{"dbmate", true, "runs each up block in a transaction unless `-- migrate:up transaction:false`",
                  SendMode::OneString, "-- migrate:up transaction:false",
                  "the `-- migrate:down` section of the file"},
    RunnerProfile{"diesel", true,
                  "runs each up.sql in a transaction unless metadata.toml says run_in_transaction = false",
                  SendMode::OneString, "run_in_transaction = false (metadata.toml)",
                  "`down.sql` next to `up.sql`"},
    RunnerProfile{"flyway", true,
                  "runs each file in a transaction unless the file holds a non-transactional statement (detected by "
                  "Flyway) or `<file>.sql.conf` says executeInTransaction=false",
                  SendMode::Split, "executeInTransaction=false in <file>.sql.conf",
                  "a `U<version>__<description>.sql` undo file, which Flyway Teams' `undo` runs", true},
    RunnerProfile{"golang-migrate", false,
                  "adds no transaction; sends the file as one string (one implicit transaction when it holds several "
                  "statements)",
                  SendMode::OneString, "",
                  "`<version>_<name>.down.sql` next to the up file"},
    RunnerProfile{"goose", true, "runs each file in a transaction unless `-- +goose NO TRANSACTION`", SendMode::Split,
                  "-- +goose NO TRANSACTION",
                  "the `-- +goose Down` section of the file"},
    RunnerProfile{"graphile-migrate", true, "runs each migration in a transaction unless `--! no-transaction`",
                  SendMode::OneString, "--! no-transaction",
                  ""},
    RunnerProfile{"hasura", true, "runs every up.sql in a transaction; no file-level opt-out", SendMode::OneString, "",
                  "`down.sql` next to `up.sql`"},
    RunnerProfile{"liquibase", true, "runs each changeset in a transaction unless runInTransaction:false",
                  SendMode::Split, "runInTransaction:false",
                  "`--rollback` lines in the changeset"},
    RunnerProfile{"node-pg-migrate", true, "runs migrations in a transaction; a .sql migration cannot opt out",
                  SendMode::OneString, "",
                  "the `-- Down Migration` section of the file"},
    RunnerProfile{"popx", true, "runs each migration in a transaction unless its name has `.autocommit.`",
                  SendMode::OneString, ".autocommit. in the file name",
                  "`<version>_<name>[.<dialect>].down.sql` next to the up file"},
    RunnerProfile{"postgres-migrations", true,
                  "runs each file in a transaction unless it holds `-- postgres-migrations "
                  "disable-transaction`",
                  SendMode::OneString, "-- postgres-migrations disable-transaction",
                  ""},
    RunnerProfile{"prisma", false,
                  "adds no transaction; current versions send statement by statement in autocommit (older ones sent "
                  "the file as one string)",
                  SendMode::Split, "",
                  ""},
    RunnerProfile{"psql", false, "adds no transaction: only the file's own BEGIN/COMMIT (or psql -1)", SendMode::Psql,
                  "",
                  ""},
    RunnerProfile{"sqitch", false, "adds no transaction: deploy scripts carry their own BEGIN/COMMIT", SendMode::Psql,
                  "",
                  "`revert/<change>.sql`"},
    RunnerProfile{"sqlx", true, "runs each file in a transaction unless its first line is `-- no-transaction`",
                  SendMode::OneString, "-- no-transaction",
                  "`<version>_<name>.down.sql` next to a reversible `<version>_<name>.up.sql`"},
    RunnerProfile{"synapse", true,
                  "runs the whole schema upgrade in one transaction (Synapse's own migrator), statement by statement",
                  SendMode::Split, "",
                  ""},
    RunnerProfile{"supabase", false,
                  "adds no BEGIN; sends the file as one pipeline (one implicit transaction for several statements)",
                  SendMode::Pipeline, "",
                  ""},
    RunnerProfile{"temporal-sql-tool", false,
                  "adds no transaction: runs the statements one by one in autocommit (temporal-sql-tool)",
                  SendMode::Split, "",
                  ""},
    RunnerProfile{"tern", true, "runs each file in a transaction unless `---- tern: disable-tx ----`",
                  SendMode::OneString, "---- tern: disable-tx ----",
                  "the part below `---- create above / drop below ----`"},
    RunnerProfile{"yoyo", true, "runs each migration in a transaction unless `-- transactional: false`",
                  SendMode::Split, "-- transactional: false",
                  "`<name>.rollback.sql` next to the migration"},
};

const RunnerProfile& profile(std::string_view name) { return *find_runner(name); }

// The start of the line `at` lies on when only spaces and tabs come before it there; nullopt otherwise.
std::optional<size_t> line_start_before(std::string_view text, size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  if (at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r') return at;
  return std::nullopt;
}

// Offset of `needle` in `text`, ignoring ASCII case. Candidates are found with memchr on the
// needle's first byte (both cases of a letter), so most of the text is skipped at memchr's speed.
size_t find_nocase(std::string_view text, std::string_view needle, size_t from = 0) {
  if (needle.empty() || text.size() < needle.size()) return std::string_view::npos;
  const char first_lower = ascii_lower(needle[0]);
  const char first_upper = first_lower >= 'a' && first_lower <= 'z' ? static_cast<char>(first_lower - 'a' + 'A') : first_lower;
  const size_t last = text.size() - needle.size();
  const bool caseless = first_upper == first_lower;
  size_t lower_at = text.find(first_lower, from);
  size_t upper_at = caseless ? std::string_view::npos : text.find(first_upper, from);
  while (true) {
    const size_t at = std::min(lower_at, upper_at);
    if (at == std::string_view::npos || at > last) return std::string_view::npos;
    if (matches_nocase_at(text, at, needle)) return at;
    if (at == lower_at)
      lower_at = text.find(first_lower, at + 1);
    else
      upper_at = text.find(first_upper, at + 1);
  }
}

bool contains_nocase(std::string_view text, std::string_view needle) {
  return find_nocase(text, needle) != std::string_view::npos;
}

// The start of the first line from `from` on (after leading spaces) that begins with `marker`,
// ignoring case.
std::optional<uint32_t> line_starting_with(std::string_view text, std::string_view marker, size_t from = 0) {
  for (size_t at = find_nocase(text, marker, from); at != std::string_view::npos;
       at = find_nocase(text, marker, at + 1)) {
    if (const std::optional<size_t> line = line_start_before(text, at)) return static_cast<uint32_t>(*line);
  }
  return std::nullopt;
}

// The comment markers detect() looks for. Every one starts with "--", so all are found in one pass
// over the file's "--"s: searched for one by one, each took a pass over every '-' of the file.
enum DashMarker : size_t {
  kGooseUp,
  kGooseStatementBegin,
  kMigrateUp,
  kUpMigration,
  kTernCreateAbove,
  kTernDisableTx,
  kPgDump,
  kYoyoDepends,
  kDashMarkerCount
};

struct DashMarkerText {
  std::string_view text;
  bool at_line_start;  // first on its line (after spaces), as line_starting_with finds it; else anywhere
};

constexpr std::array<DashMarkerText, kDashMarkerCount> kDashMarkers{{
    {"-- +goose up", true},
    {"-- +goose statementbegin", true},
    {"-- migrate:up", true},
    {"-- up migration", true},
    {"---- create above / drop below ----", true},
    {"---- tern: disable-tx", false},
    {"-- PostgreSQL database dump", true},
    {"-- depends:", true},
}};

// Which of kDashMarkers `text` holds, ignoring case, each as line_starting_with or contains_nocase
// would find it.
std::array<bool, kDashMarkerCount> find_dash_markers(std::string_view text) {
  std::array<bool, kDashMarkerCount> found{};
  for (size_t at = text.find("--"); at != std::string_view::npos; at = text.find("--", at + 1)) {
    for (size_t m = 0; m < kDashMarkerCount; ++m)
      if (!found[m] && matches_nocase_at(text, at, kDashMarkers[m].text))
        found[m] = !kDashMarkers[m].at_line_start || line_start_before(text, at).has_value();
  }
  return found;
}

std::string_view first_line(std::string_view text) {
  // Not find_first_of, which asks memchr about every byte in turn.
  const auto end = std::find_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; });
  return text.substr(0, static_cast<size_t>(end - text.begin()));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string_view digit_prefix(std::string_view name) {
  size_t n = 0;
  while (n < name.size() && std::isdigit(static_cast<unsigned char>(name[n]))) ++n;
  return name.substr(0, n);
}

// Without the ASCII whitespace at its start.
std::string_view skip_space(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  return s;
}

// Without the ASCII whitespace at both ends, as Go's strings.TrimSpace and JavaScript's trim() see it.
std::string_view trim_space(std::string_view s) {
  s = skip_space(s);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The lines of `text` as Go's bufio.ScanLines splits it: at "\n" only (a "\r" before it stays on the
// line; every reader below trims it).
template <typename F>
void for_each_line(std::string_view text, F&& f) {
  for (size_t begin = 0; begin <= text.size();) {
    const size_t end = std::min(text.find('\n', begin), text.size());
    if (!f(text.substr(begin, end - begin), begin)) return;
    begin = end + 1;
  }
}

// goose reads an annotation off a line (internal/sqlparser/parser.go, extractAnnotation): a line
// that, trimmed, starts with "--" and holds "+goose" (in that case) is one; without every "--" and
// its first "+goose", trimmed, it must name an annotation in any case. So `--+goose Down` and
// `-- +goose  NO TRANSACTION` are annotations, `-- +GOOSE DOWN` is a plain comment. goose refuses an
// indented annotation line (the file never runs); zdlint reads it as goose would without the indent.
enum class GooseAnnotation { kNone, kUp, kDown, kStatementBegin, kNoTransaction, kOther };

GooseAnnotation goose_annotation(std::string_view line) {
  if (!trim_space(line).starts_with("--") || line.find("+goose") == std::string_view::npos)
    return GooseAnnotation::kNone;
  std::string command;
  for (size_t i = 0; i < line.size();) {
    if (line.substr(i, 2) == "--") {
      i += 2;
    } else {
      command += line[i++];
    }
  }
  if (const size_t at = command.find("+goose"); at != std::string::npos) command.erase(at, 6);
  if (command.find("+goose") != std::string::npos) return GooseAnnotation::kOther;
  const std::string_view name = trim_space(command);
  if (equals_nocase(name, "up")) return GooseAnnotation::kUp;
  if (equals_nocase(name, "down")) return GooseAnnotation::kDown;
  if (equals_nocase(name, "statementbegin")) return GooseAnnotation::kStatementBegin;
  if (equals_nocase(name, "no transaction")) return GooseAnnotation::kNoTransaction;
  return GooseAnnotation::kOther;
}

struct GooseMarkup {
  bool up = false, statement_begin = false, no_transaction = false;
  std::optional<uint32_t> down;  // the start of the first `-- +goose Down` line
};

// The goose annotations of a file; only lines holding "+goose" can be one.
GooseMarkup goose_markup(std::string_view text) {
  GooseMarkup found;
  for (size_t at = text.find("+goose"); at != std::string_view::npos;) {
    const size_t newline = text.rfind('\n', at);
    const size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
    const size_t end = std::min(text.find('\n', at), text.size());
    switch (goose_annotation(text.substr(begin, end - begin))) {
      case GooseAnnotation::kUp:
        found.up = true;
        break;
      case GooseAnnotation::kDown:
        if (!found.down) found.down = static_cast<uint32_t>(begin);
        break;
      case GooseAnnotation::kStatementBegin:
        found.statement_begin = true;
        break;
      case GooseAnnotation::kNoTransaction:
        found.no_transaction = true;
        break;
      default:
        break;
    }
    at = text.find("+goose", end);
  }
  return found;
}

// The first of node-pg-migrate's markers (src/sqlMigration.ts): /^\s*--[\s-]*up\s+migration/im, so
// `--Up Migration`, `-- Up  Migration` and `---- UP MIGRATION ----` are markers too. The start of
// its line.
std::optional<uint32_t> pg_migrate_marker(std::string_view text, std::string_view direction) {
  for (size_t at = text.find("--"); at != std::string_view::npos; at = text.find("--", at + 1)) {
    const std::optional<size_t> line = line_start_before(text, at);
    if (!line) continue;
    size_t i = at + 2;
    while (i < text.size() && (is_ascii_space(text[i]) || text[i] == '-')) ++i;
    if (!matches_nocase_at(text, i, direction)) continue;
    i += direction.size();
    const size_t blanks = i;
    while (i < text.size() && is_ascii_space(text[i])) ++i;
    if (i > blanks && matches_nocase_at(text, i, "migration")) return static_cast<uint32_t>(*line);
  }
  return std::nullopt;
}

// dbmate's directive (pkg/dbmate/migration.go): /(?m)^--\s*migrate:up(\s*$|\s+\S+)/, so
// `--migrate:up` is one and `-- migrate:upgrade` is not. The start of the first one from `from` on.
std::optional<uint32_t> dbmate_directive(std::string_view text, std::string_view direction, size_t from = 0) {
  // Found by its colon, which memchr skips to: asked of every file, and "m" is everywhere in SQL.
  constexpr std::string_view kMigrate = "migrate";
  for (size_t colon = text.find(':', from + kMigrate.size()); colon != std::string_view::npos;
       colon = text.find(':', colon + 1)) {
    const size_t at = colon - kMigrate.size();
    if (!matches_nocase_at(text, at, kMigrate) || !matches_nocase_at(text, colon + 1, direction)) continue;
    const size_t after = colon + 1 + direction.size();
    if (after < text.size() && !is_ascii_space(text[after])) continue;
    size_t dashes = at;
    while (dashes > 0 && (text[dashes - 1] == ' ' || text[dashes - 1] == '\t')) --dashes;
    if (dashes < 2 || text.substr(dashes - 2, 2) != "--") continue;
    if (const std::optional<size_t> line = line_start_before(text, dashes - 2)) return static_cast<uint32_t>(*line);
  }
  return std::nullopt;
}

// dbmate's options on a directive line (parseMigrationOptions): `key:value` words after the
// directive; the transaction is off only for the word `transaction:false` exactly.
bool dbmate_transaction_false(std::string_view directive_line) {
  const size_t directive = find_nocase(directive_line, "migrate:");
  std::string_view rest = directive_line.substr(directive + std::string_view("migrate:").size());
  while (!rest.empty() && !is_ascii_space(rest.front())) rest.remove_prefix(1);  // up / down
  bool off = false;
  while (!(rest = trim_space(rest)).empty()) {
    const auto end = static_cast<size_t>(std::find_if(rest.begin(), rest.end(), is_ascii_space) - rest.begin());
    const std::string_view word = rest.substr(0, end);
    // A word with more than one colon is no option; the last `transaction:` word wins.
    if (std::count(word.begin(), word.end(), ':') == 1 && word.starts_with("transaction:"))
      off = word == "transaction:false";
    rest.remove_prefix(end);
  }
  return off;
}

// tern's `---- tern: disable-tx ----`, which it looks for in the up and the down part separately,
// each trimmed (migrate/migrate.go: strings.TrimSpace, then /(?m)^---- tern: disable-tx ----$/):
// the whole line, in that case. Go's multi-line `$` matches before "\n" only, so on a CRLF line
// the marker is not seen unless it ends the part.
bool tern_disables_transaction(std::string_view part) {
  constexpr std::string_view kMarker = "---- tern: disable-tx ----";
  part = trim_space(part);
  for (size_t at = part.find(kMarker); at != std::string_view::npos; at = part.find(kMarker, at + 1)) {
    const size_t after = at + kMarker.size();
    if ((at == 0 || part[at - 1] == '\n') && (after == part.size() || part[after] == '\n')) return true;
  }
  return false;
}

// Where tern splits a file: the first `---- create above / drop below ----`, exactly, anywhere
// (strings.SplitN(body, marker, 2)).
constexpr std::string_view kTernSplit = "---- create above / drop below ----";

// graphile-migrate's `--! no-transaction` (src/header.ts isNoTransactionDefined): the body's first
// line, after the `--! Key: value` header lines and the blank lines below them (parseMigrationText
// trims the body), must match /^--!\s*no-transaction\b/, in that case.
bool graphile_no_transaction(std::string_view text) {
  // A header: /^--! ([A-Z][a-zA-Z0-9_]*)(?::(.*))?$/, where `.` takes no "\r".
  const auto is_header = [](std::string_view line) {
    if (!line.starts_with("--! ") || line.size() < 5 || !std::isupper(static_cast<unsigned char>(line[4])))
      return false;
    size_t i = 5;
    while (i < line.size() && is_word(line[i])) ++i;
    return i == line.size() || (line[i] == ':' && line.find('\r', i) == std::string_view::npos);
  };
  size_t body = 0;
  for_each_line(text, [&](std::string_view line, size_t begin) {
    if (!is_header(line)) {
      body = begin;
      return false;
    }
    body = std::min(begin + line.size() + 1, text.size());
    return true;
  });
  std::string_view rest = text.substr(body);
  for (bool trimmed = false; !trimmed;) {  // JavaScript's trim() takes a byte order mark too
    trimmed = true;
    rest = trim_space(rest);
    if (rest.starts_with(kUtf8ByteOrderMark)) rest.remove_prefix(kUtf8ByteOrderMark.size()), trimmed = false;
  }
  const std::string_view line = rest.substr(0, std::min(rest.find('\n'), rest.size()));
  if (!line.starts_with("--!")) return false;
  size_t i = 3;
  while (i < line.size() && is_ascii_space(line[i])) ++i;
  constexpr std::string_view kNoTransaction = "no-transaction";
  return line.substr(i, kNoTransaction.size()) == kNoTransaction &&
         (i + kNoTransaction.size() == line.size() || !is_word(line[i + kNoTransaction.size()]));
}

// yoyo's `-- transactional: false` (yoyo/migrations.py, parse_metadata_from_sql_comments): read from
// the file's leading comment lines only, up to its first line of SQL, as
// /^\s*--\s*(transactional|depends)\s*:\s*(.*)$/ (any spacing, the value in any case); the lines
// end as the file's first line does.
bool yoyo_not_transactional(std::string_view text) {
  const size_t first_break = text.find_first_of("\r\n");
  const std::string_view ending = first_break == std::string_view::npos || text[first_break] == '\n' ? "\n"
                                  : text.substr(first_break + 1, 1) == "\n"                          ? "\r\n"
                                                                                                     : "\r";
  std::string value;
  bool seen = false;
  for (size_t begin = 0; begin <= text.size();) {
    const size_t end = std::min(text.find(ending, begin), text.size());
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + ending.size();
    std::string_view rest = skip_space(line);
    if (rest.empty()) continue;
    if (!rest.starts_with("--")) break;  // the first line of SQL ends the directives
    rest.remove_prefix(2);
    rest = skip_space(rest);
    if (!rest.starts_with("transactional")) continue;
    rest.remove_prefix(std::string_view("transactional").size());
    rest = skip_space(rest);
    if (!rest.starts_with(':')) continue;
    rest.remove_prefix(1);
    rest = skip_space(rest);
    value += seen ? " " : "";  // a second directive is appended to the first
    value += rest;
    seen = true;
  }
  return equals_nocase(value, "false");
}

// Atlas's `-- atlas:txmode none` (sql/migrate/dir.go LocalFile.Directive, comments): file directives
// are read only from the comment lines (`--` or `#` at the line's start) that open the file, and only
// when a blank line separates them from the rest; each line matches
// /^([ -~]*)atlas:(\w+)(?: +([ -~]*))*/. A second txmode is an error.
bool atlas_txmode_none(std::string_view text) {
  std::vector<std::string_view> comments;
  std::string_view content = text;
  while (content.starts_with("#") || content.starts_with("--")) {
    const size_t end = content.find('\n');
    if (end == std::string_view::npos) return false;  // comments only: nothing separates them
    comments.push_back(trim_space(content.substr(0, end)));
    content.remove_prefix(end + 1);
  }
  // The blank line must be "\n" after spaces and tabs: a CRLF file's "\r\n" is not one.
  const size_t blank = content.find_first_not_of(" \t");
  if (blank == std::string_view::npos || content[blank] != '\n') return false;
  std::vector<std::string_view> modes;
  for (const std::string_view comment : comments) {
    size_t printable = 0;
    while (printable < comment.size() && comment[printable] >= ' ' && comment[printable] <= '~') ++printable;
    // The greedy prefix takes the last `atlas:<word>` it can reach.
    for (size_t at = comment.substr(0, printable).rfind("atlas:"); at != std::string_view::npos;
         at = at == 0 ? std::string_view::npos : comment.substr(0, at).rfind("atlas:")) {
      size_t name_end = at + 6;
      while (name_end < comment.size() && is_word(comment[name_end])) ++name_end;
      if (name_end == at + 6) continue;
      if (comment.substr(at + 6, name_end - at - 6) != "txmode") break;
      size_t value = name_end;
      while (value < printable && comment[value] == ' ') ++value;
      modes.push_back(value == name_end ? std::string_view() : comment.substr(value, printable - value));
      break;
    }
  }
  return modes.size() == 1 && modes.front() == "none";
}

// Liquibase takes a file as formatted SQL when its first line that is not blank matches
// /^\s*--\s*liquibase\s*formatted.*/ in any case (AbstractFormattedChangeLogParser.supports), so
// `-- liquibase formatted sql` is one too.
bool is_liquibase_first_line(std::string_view text) {
  std::string_view line;
  for_each_line(text, [&](std::string_view candidate, size_t) {
    line = candidate;
    return trim_space(candidate).empty();
  });
  line = trim_space(line);
  if (!line.starts_with("--")) return false;
  line.remove_prefix(2);
  line = skip_space(line);
  if (!matches_nocase_at(line, 0, "liquibase")) return false;
  line.remove_prefix(std::string_view("liquibase").size());
  line = skip_space(line);
  return matches_nocase_at(line, 0, "formatted");
}

// Where the down parts of a two-direction file lie, under its runner's markup.
std::vector<ByteRange> down_sections(const RunnerProfile& runner, std::string_view text) {
  const auto end = static_cast<uint32_t>(text.size());
  std::optional<uint32_t> down;
  if (runner.name == "goose") down = goose_markup(text).down;
  if (runner.name == "tern") {
    if (const size_t split = text.find(kTernSplit); split != std::string_view::npos)
      down = static_cast<uint32_t>(split);
  }
  if (runner.name == "node-pg-migrate") {
    // node-pg-migrate runs from its up marker to its down marker, or to the end of the file when the
    // down marker comes first (its down then ends at the up marker); without an up marker it runs
    // the whole file as the up migration, down section included (getActions).
    const std::optional<uint32_t> up = pg_migrate_marker(text, "up");
    down = pg_migrate_marker(text, "down");
    if (!up || !down) return {};
    return {{*down, *up < *down ? end : *up}};
  }
  if (runner.name != "dbmate") return down ? std::vector<ByteRange>{{*down, end}} : std::vector<ByteRange>{};
  // dbmate: since 2025 a file may hold several up/down pairs (runners.md §5); each down part ends
  // where the next up part begins.
  std::vector<ByteRange> parts;
  for (down = dbmate_directive(text, "down"); down;) {
    const auto up = dbmate_directive(text, "up", *down + 1);
    parts.push_back({*down, up ? *up : end});
    if (!up) break;
    down = dbmate_directive(text, "down", *up + 1);
  }
  return parts;
}

// The file turns its runner's transaction off.
bool opts_out(const RunnerProfile& runner, std::string_view path, std::string_view text) {
  const std::string_view name = runner.name;
  // goose: anywhere in the file, for both directions (runners.md §4).
  if (name == "goose") return goose_markup(text).no_transaction;
  if (name == "dbmate") {
    const auto up = dbmate_directive(text, "up");
    return up && dbmate_transaction_false(first_line(text.substr(*up)));
  }
  if (name == "atlas") return atlas_txmode_none(text);
  if (name == "graphile-migrate") return graphile_no_transaction(text);
  if (name == "liquibase") return contains_nocase(text, "runintransaction:false");
  if (name == "sqlx") return first_line(text).starts_with("-- no-transaction");
  // tern: in the up part (disable-tx is looked for in each direction's part, runners.md §23).
  if (name == "tern") return tern_disables_transaction(text.substr(0, text.find(kTernSplit)));
  if (name == "yoyo") return yoyo_not_transactional(text);
  // Anywhere in the file, as postgres-migrations 5 looks for it (`sql.includes(…)` in
  // src/run-migration.ts); version 4 looked at the first line only, but anywhere in it.
  if (name == "postgres-migrations")
    return text.find("-- postgres-migrations disable-transaction") != std::string_view::npos;
  if (name == "popx") return path_file_name(path).find(".autocommit.") != std::string_view::npos;
  if (name == "flyway") {
    // Script configuration: `V2__x.sql.conf` beside the file (runners.md §1).
    std::ifstream conf(std::string(path) + ".conf");
    for (std::string line; conf && std::getline(conf, line);) {
      std::erase_if(line, [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
      if (line == "executeInTransaction=false") return true;
    }
    return false;
  }
  if (name == "diesel") {
    std::ifstream metadata(fs::path(path).parent_path() / "metadata.toml");
    if (!metadata) return false;
    std::ostringstream content;
    content << metadata.rdbuf();
    // diesel reads the key with a default of false once the file exists (runners.md §7).
    const std::string toml = content.str();
    const size_t key = toml.find("run_in_transaction");
    return key == std::string::npos || toml.find("true", key) == std::string::npos;
  }
  return false;
}

constexpr std::string_view kDialectInfixes[] = {".postgres.", ".cockroach.", ".mysql.", ".sqlite3.", ".autocommit."};

bool has_dialect_infix(const DirectoryListing& listing) {
  return std::any_of(listing.entries().begin(), listing.entries().end(), [](const DirectoryEntry& entry) {
    return std::any_of(std::begin(kDialectInfixes), std::end(kDialectInfixes),
                       [&](std::string_view infix) { return entry.name.find(infix) != std::string::npos; });
  });
}

bool has_file_starting(const DirectoryListing& listing, std::string_view prefix) {
  return std::any_of(listing.entries().begin(), listing.entries().end(),
                     [&](const DirectoryEntry& entry) { return entry.name.starts_with(prefix); });
}

bool is_temporal_manifest(const fs::path& path) {
  std::ifstream file(path);
  if (!file) return false;
  std::ostringstream content;
  content << file.rdbuf();
  return content.str().find("\"SchemaUpdateCqlFiles\"") != std::string::npos;
}

// postgres-migrations takes only files named by an integer id (`1_x.sql`, `0002-y.sql`, `-1_z.sql`):
// it refuses any other name, so no other file can be its.
bool is_postgres_migrations_name(std::string_view name) {
  if (name.starts_with('-')) name.remove_prefix(1);
  return !name.empty() && std::isdigit(static_cast<unsigned char>(name[0])) && name.ends_with(".sql");
}

}  // namespace

std::span<const RunnerProfile> runner_profiles() { return kProfiles; }

const RunnerProfile* find_runner(std::string_view name) {
  const auto it = std::find_if(kProfiles.begin(), kProfiles.end(), [&](const auto& p) { return p.name == name; });
  return it == kProfiles.end() ? nullptr : &*it;
}

bool is_down_file(std::string_view path) {
  const std::string_view name = path_file_name(path);
  std::string lowered(name.size(), ' ');
  std::transform(name.begin(), name.end(), lowered.begin(), ascii_lower);
  if (lowered.ends_with(".down.sql") || lowered == "down.sql" || lowered.ends_with(".rollback.sql") ||
      lowered.starts_with("downgrade_"))
    return true;
  // Flyway undo migrations: U<version>__<description>.sql
  if (name.size() > 1 && name[0] == 'U' && std::isdigit(static_cast<unsigned char>(name[1])) &&
      name.find("__") != std::string_view::npos)
    return true;
  const std::string_view parent = path_file_name(path_parent(path));
  return parent == "revert" || parent == "verify";  // Sqitch
}

bool is_other_dialect_file(std::string_view path) {
  // popx's pattern: ^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.sql$ (runners.md §20)
  const std::string_view name = path_file_name(path);
  if (digit_prefix(name).empty() || name.substr(digit_prefix(name).size(), 1) != "_") return false;
  for (const std::string_view direction : {".up.sql", ".down.sql"}) {
    if (!name.ends_with(direction)) continue;
    std::string_view rest = name.substr(0, name.size() - direction.size());
    if (rest.ends_with(".autocommit")) rest.remove_suffix(std::string_view(".autocommit").size());
    const size_t dot = rest.rfind('.');
    if (dot == std::string_view::npos) return false;
    const std::string_view dialect = rest.substr(dot + 1);
    return dialect == "mysql" || dialect == "cockroach" || dialect == "sqlite3" || dialect == "mariadb";
  }
  return false;
}

std::optional<fs::path> paired_down_file(std::string_view up, DirectoryListings& listings) {
  if (is_down_file(up)) return std::nullopt;
  // Taken apart as text: every up file of a run asks, and std::filesystem splits the whole path.
  const std::string name(path_file_name(up));
  const std::string_view directory = path_parent(up);
  // A regular file, or a symbolic link to one (a listing records the target's type).
  const auto existing = [&](std::string_view in, const std::string& file) -> std::optional<fs::path> {
    if (listings.of(in).has_regular_file(file)) return fs::path(in) / file;
    return std::nullopt;
  };
  // golang-migrate, sqlx, popx: <version>_<name>[.<dialect>][.autocommit].up.sql
  if (name.ends_with(".up.sql"))
    return existing(directory, name.substr(0, name.size() - std::string_view(".up.sql").size()) + ".down.sql");
  if (name == "up.sql") return existing(directory, "down.sql");  // diesel, hasura
  if (path_file_name(directory) == "deploy")                     // sqitch
    return existing((fs::path(path_parent(directory)) / "revert").native(), name);
  // Flyway: V<version>__<description>.sql is undone by U<version>__<any description>.sql (the first
  // by name, should there be two).
  const size_t separator = name.find("__");
  if (name.size() > 1 && name[0] == 'V' && std::isdigit(static_cast<unsigned char>(name[1])) &&
      separator != std::string::npos) {
    const std::string undo_prefix = fmt::format("U{}__", name.substr(1, separator - 1));
    for (const DirectoryEntry& entry : listings.of(directory).entries())
      if (entry.name.starts_with(undo_prefix) && entry.name.ends_with(".sql") && entry.type == fs::file_type::regular)
        return fs::path(directory) / entry.name;
    return std::nullopt;
  }
  // yoyo: <name>.rollback.sql next to <name>.sql
  if (name.ends_with(".sql"))
    return existing(directory, name.substr(0, name.size() - std::string_view(".sql").size()) + ".rollback.sql");
  return std::nullopt;
}

std::optional<fs::path> RunnerDetector::down_file_of(std::string_view up) {
  const std::lock_guard lock(mutex_);
  return paired_down_file(up, *listings_);
}

std::optional<bool> RunnerDetector::is_symlink(const fs::path& path) {
  const std::lock_guard lock(mutex_);
  return listings_->is_symlink(path);
}

const RunnerProfile* RunnerDetector::detect(std::string_view path, std::string_view text) {
  // The markup is read as after a byte order mark: a first line, or a marker at a line's start.
  if (text.starts_with(kUtf8ByteOrderMark)) text.remove_prefix(kUtf8ByteOrderMark.size());
  // 1. The file's own markup (runners.md §G, markers before names).
  const std::array<bool, kDashMarkerCount> marked = find_dash_markers(text);
  if (marked[kGooseUp] || marked[kGooseStatementBegin]) return &profile("goose");
  // The spellings the runners accept beyond the templates' (`--+goose Up`, `--migrate:up`,
  // `--Up Migration`), which the one pass above does not look for.
  const GooseMarkup goose = goose_markup(text);
  if (goose.up || goose.statement_begin) return &profile("goose");
  if (marked[kMigrateUp] || dbmate_directive(text, "up")) return &profile("dbmate");
  if (marked[kUpMigration] || pg_migrate_marker(text, "up")) return &profile("node-pg-migrate");
  if (marked[kTernCreateAbove] || marked[kTernDisableTx]) return &profile("tern");
  if (is_liquibase_first_line(text)) return &profile("liquibase");
  if (first_line(text).starts_with("--! Previous:")) return &profile("graphile-migrate");
  if (first_line(text).starts_with("-- postgres-migrations")) return &profile("postgres-migrations");
  // pg_dump's plain output (also Rails' structure.sql) is a psql script.
  if (marked[kPgDump] || line_starting_with(text, "SELECT pg_catalog.set_config('search_path', '', false);"))
    return &profile("psql");
  // 2. Marker files of the directory and the ones above it.
  if (const RunnerProfile* found = from_directory(path_parent(path))) return found;
  // 3. The file's name.
  const std::string_view name = path_file_name(path);
  const std::string_view parent = path_file_name(path_parent(path));
  const bool up_or_down = name.ends_with(".up.sql") || name.ends_with(".down.sql");
  if (name.find(".autocommit.") != std::string::npos || name.find(".postgres.up.sql") != std::string::npos ||
      name.find(".postgres.down.sql") != std::string::npos)
    return &profile("popx");
  // pop renders every file as a Go template first: `{{ … }}` in a versioned up/down file.
  if (up_or_down && text.find("{{") != std::string_view::npos) return &profile("popx");
  if (up_or_down && !digit_prefix(name).empty())
    return first_line(text).starts_with("-- no-transaction") ? &profile("sqlx") : &profile("golang-migrate");
  // migrations/2019-02-26-002946_name/up.sql, and diesel's own 00000000000000_diesel_initial_setup/
  if ((name == "up.sql" || name == "down.sql") &&
      ((parent.size() > 17 && all_digits(parent.substr(0, 4)) && parent[4] == '-') ||
       (digit_prefix(parent).size() == 14 && parent.size() > 15 && parent[14] == '_')))
    return &profile("diesel");
  // <version>_name/migration.sql: usually 14 digits, but Prisma takes any name (langfuse has 20250625_x).
  if (name == "migration.sql" && digit_prefix(parent).size() >= 8 && parent.size() > digit_prefix(parent).size() &&
      parent[digit_prefix(parent).size()] == '_')
    return &profile("prisma");
  if (name.size() > 1 && (name[0] == 'V' || name[0] == 'U') && std::isdigit(static_cast<unsigned char>(name[1])) &&
      name.find("__") != std::string::npos)
    return &profile("flyway");
  if (name.starts_with("R__")) return &profile("flyway");
  if (name.ends_with(".rollback.sql") || marked[kYoyoDepends]) return &profile("yoyo");
  // Authelia: V<NNNN>.<Name>.up.sql / .down.sql (a dot where Flyway has `__`).
  if (up_or_down && name.starts_with('V') && name.find("__") == std::string::npos) {
    const std::string_view version = digit_prefix(std::string_view(name).substr(1));
    if (!version.empty() && name[1 + version.size()] == '.') return &profile("authelia");
  }
  // 4. psql's own commands (`\set`, `\i`, COPY … FROM stdin data): a script for psql.
  if (looks_like_psql_script(text)) return &profile("psql");
  return nullptr;
}

const RunnerProfile* RunnerDetector::from_directory(std::string_view directory) {
  const std::lock_guard lock(mutex_);
  if (const auto it = by_directory_.find(directory); it != by_directory_.end()) return it->second;
  return probe_directories(directory);
}

const RunnerProfile* RunnerDetector::probe_directories(std::string_view directory) {
  const RunnerProfile* found = nullptr;
  std::string_view dir = directory;  // and then its parents: parts of it, no fs::path built
  for (int level = 0; level < 4 && !found; ++level) {
    // Sibling migration directories (prisma, diesel: one per migration) ask the same parents again.
    auto it = answers_.find(dir);
    if (it == answers_.end()) it = answers_.emplace(std::string(dir), DirectoryAnswers{}).first;
    DirectoryAnswers& answers = it->second;
    if (!answers.marker) answers.marker = marker_in(dir);
    found = *answers.marker;
    // popx keeps generic and dialect-specific files side by side: one `.postgres.` (or another
    // dialect's) file makes the whole directory popx's.
    if (!found && level == 0 && has_dialect_infix(listings_->of(dir))) found = &profile("popx");
    if (!found) {
      // Runners known by the shape of the tree around their files, which depends on the level.
      std::optional<const RunnerProfile*>& layout = answers.layout[static_cast<size_t>(level)];
      if (!layout) layout = layout_of(fs::path(dir), level);
      found = *layout;
    }
    const std::string_view parent = path_parent(dir);
    if (parent.empty() || parent == dir) break;
    dir = parent;
  }
  by_directory_.emplace(directory, found);
  return found;
}

const RunnerProfile* RunnerDetector::marker_in(std::string_view directory) {
  // Answered from the directory's listing, which sibling migration directories (diesel, prisma:
  // one per migration) share with their parents: no system call after the first ask.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kMarkers{{
      {"atlas.sum", "atlas"},
      {"sqitch.plan", "sqitch"},
      {"migration_lock.toml", "prisma"},
      {".gmrc", "graphile-migrate"},
      {"diesel.toml", "diesel"},
      {"tern.conf", "tern"},
      {"flyway.conf", "flyway"},
      {"flyway.toml", "flyway"},
      {"yoyo.ini", "yoyo"},
      {"metadata.toml", "diesel"},
  }};
  const DirectoryListing& listing = listings_->of(directory);
  for (const auto& [file, runner] : kMarkers)
    if (listing.has(file)) return &profile(runner);
  // supabase/migrations/<ts>_name.sql, with supabase/config.toml
  if (path_file_name(directory) == "supabase" && listing.has("config.toml")) return &profile("supabase");
  return nullptr;
}

const RunnerProfile* RunnerDetector::layout_of(const fs::path& dir, int level) {
  // Concourse's migrator reads atc/db/migration/migrations/<unix time>_<name>.up.sql: golang-migrate's
  // names, but every file in Concourse's own transaction.
  if (level == 0 && dir.filename() == "migrations" && dir.parent_path().filename() == "migration" &&
      dir.parent_path().parent_path().filename() == "db" &&
      dir.parent_path().parent_path().parent_path().filename() == "atc")
    return &profile("concourse");
  // Synapse: <schema>/{common,main,state}/{delta/<N>/,full_schemas/<N>/}.
  const DirectoryListing& listing = listings_->of(dir);
  if (listing.has_directory("delta") && listing.has_directory("full_schemas")) return &profile("synapse");
  // temporal-sql-tool: versioned/v<X.Y>/manifest.json lists each version's files.
  if (level <= 1 && (holds_temporal_manifest(listing, dir) || has_temporal_versions(dir)))
    return &profile("temporal-sql-tool");
  // Not below the file system's root, whose directories are the system's (/proc, /usr/bin through
  // the /bin link, …): a file in /tmp, or right below the root, had each of them listed (some 600
  // system calls, 2.6 ms of a one-file run).
  if (level <= 1 && dir.native() != "/" && holds_postgres_migrations(dir)) return &profile("postgres-migrations");
  // Hand-applied scripts with downgrade_<from>---<to>.sql beside them (fixmystreet): run with psql.
  if (level == 0 && has_file_starting(listing, "downgrade_")) return &profile("psql");
  return nullptr;
}

// Any .sql file of the directory, or of a directory directly below it, starts with the runner's
// `-- postgres-migrations` line: its migration directories (one per database) are all its own.
bool RunnerDetector::holds_postgres_migrations(const fs::path& dir) {
  if (const auto it = postgres_migrations_.find(dir.native()); it != postgres_migrations_.end()) return it->second;
  bool found = starts_postgres_migrations(dir.native());
  for (const auto& entry : listings_->of(dir).entries()) {
    if (found) break;
    // Joined as text: a directory of a few hundred migration directories (Prisma's) asks for each.
    if (entry.type == fs::file_type::directory)
      found = starts_postgres_migrations(config::join_text(dir.native(), entry.name));
  }
  postgres_migrations_.emplace(dir.native(), found);
  return found;
}

// Any .sql file directly in `dir` that postgres-migrations would run starts with
// `-- postgres-migrations`. Each directory's files are read once, whichever directory above asks.
bool RunnerDetector::starts_postgres_migrations(const std::string& dir) {
  if (const auto it = starts_postgres_migrations_.find(dir); it != starts_postgres_migrations_.end()) return it->second;
  bool found = false;
  // The files are opened by name in the open directory: a directory of migrations is read here
  // whole, a file at a time. The directory is opened at its first candidate: most directories hold
  // none. (When it cannot be opened, neither can its files: openat on -1 fails, and they read as
  // empty.)
  std::optional<Fd> directory;
  for (const auto& entry : listings_->of(std::string_view(dir)).entries()) {
    // Regular files only (a FIFO would block the run), and only their first bytes.
    if (found) break;
    if (!is_postgres_migrations_name(entry.name) || entry.type != fs::file_type::regular) continue;
    if (!directory) directory.emplace(::open(dir.empty() ? "." : dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    constexpr std::string_view kMarker = "-- postgres-migrations";
    found = read_file_start_at(directory->get(), entry.name, kMarker.size()) == kMarker;
  }
  starts_postgres_migrations_.emplace(dir, found);
  return found;
}

// Temporal's versioned/v<X.Y>/manifest.json, in `dir` itself or in a directory of versioned/.
bool RunnerDetector::holds_temporal_manifest(const DirectoryListing& listing, const fs::path& dir) {
  return listing.has_regular_file("manifest.json") && is_temporal_manifest(dir / "manifest.json");
}

bool RunnerDetector::has_temporal_versions(const fs::path& dir) {
  if (!listings_->of(dir).has_directory("versioned")) return false;
  const fs::path versioned = dir / "versioned";
  for (const auto& entry : listings_->of(versioned).entries()) {
    const fs::path version = versioned / entry.name;
    if (entry.type == fs::file_type::directory && holds_temporal_manifest(listings_->of(version), version)) return true;
  }
  return false;
}

bool FilePlan::in_down_part(uint32_t offset) const {
  return std::any_of(down_parts.begin(), down_parts.end(),
                     [&](const ByteRange& part) { return offset >= part.begin && offset < part.end; });
}

// The runner's opt-out written in the file where, or as, the runner does not read it (opts_out
// said no): why it is not read, for the finding that then says the file runs in a transaction.
// Empty when the markup is nowhere in the file.
std::string_view unread_opt_out(const RunnerProfile& runner, std::string_view text) {
  const std::string_view name = runner.name;
  if (name == "atlas" && contains_nocase(text, "atlas:txmode"))
    return "Atlas reads file directives only from the comment lines that open the file, and only when a blank "
           "line separates them from the rest";
  if (name == "tern" && contains_nocase(text, "tern: disable-tx"))
    return "tern reads `---- tern: disable-tx ----` only as a whole line of the up part, exactly so written (a "
           "line ending in CRLF does not count unless it is the up part's last)";
  if (name == "graphile-migrate" && text.find("no-transaction") != std::string_view::npos)
    return "graphile-migrate reads `--! no-transaction` only as the body's first line, right after the `--!` "
           "headers and the blank lines below them";
  if (name == "yoyo" && contains_nocase(text, "transactional"))
    return "yoyo reads directives only from the comment lines that open the file, before its first line of SQL";
  if (name == "goose" && contains_nocase(text, "goose no transaction"))
    return "goose reads an annotation only on a line starting with `--` and holding `+goose` in lower case";
  if (name == "dbmate" && contains_nocase(text, "transaction:"))
    return "dbmate turns its transaction off only for the exact word `transaction:false` on the `-- migrate:up` "
           "line";
  if (name == "sqlx" && text.find("-- no-transaction") != std::string_view::npos)
    return "sqlx reads `-- no-transaction` only as the file's very first bytes";
  return {};
}

FilePlan plan_file(const RunnerProfile* runner, std::string_view path, std::string_view text) {
  FilePlan plan;
  plan.runner = runner;
  plan.down = is_down_file(path);
  if (!runner) return plan;
  plan.runner_transaction = runner->wraps_in_transaction && !opts_out(*runner, path, text);
  if (plan.runner_transaction) plan.unread_opt_out = unread_opt_out(*runner, text);
  plan.send = runner->send;
  // tern sends a disable-tx file statement by statement (runners.md §23).
  if (runner->name == "tern" && runner->wraps_in_transaction && !plan.runner_transaction) plan.send = SendMode::Split;
  plan.down_parts = down_sections(*runner, text);
  if (runner->name == "liquibase") {
    for_each_line(text, [&](std::string_view line, size_t) {
      plan.rollback_lines = rollback_sql_at(line).has_value();
      return !plan.rollback_lines;
    });
  }
  return plan;
}

}  // namespace zdlint
