// The rollback analysis: which down file pairs with an up file, the `-- zdlint-rollback:` directive,
// and the comparison of the schema before an up with the schema after its down (analyzer/
// catalog_diff, analyzer/down_replay), including what it assumes about objects the history never
// created.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "analyzer/catalog_diff.h"
#include "analyzer/down_replay.h"
#include "analyzer/engine.h"
#include "analyzer/liquibase_rollback.h"
#include "analyzer/rollback_directive.h"
#include "analyzer/runners.h"
#include "parser/parse_file.h"
#include "tests/test_support.h"

namespace zdlint {
namespace {

ParsedFile parse(const std::string& sql) {
  return parse_file(std::make_shared<const SourceFile>("m.sql", sql), ParseOptions{});
}

std::vector<const Statement*> pointers(const ParsedFile& parsed) {
  std::vector<const Statement*> out;
  for (const auto& stmt : parsed.statements) out.push_back(&stmt);
  return out;
}

// Replays `history` (file 0), then `up` (file 1), and compares the schema before the up with the one
// after `down`.
RevertOutcome revert(const std::string& history, const std::string& up, const std::string& down) {
  Catalog catalog;
  const ParsedFile before = parse(history);
  REQUIRE(before.syntax_errors.empty());
  for (const auto& stmt : before.statements) catalog.apply(stmt, Origin{0, 0, stmt.range});
  const ParsedFile up_file = parse(up);
  REQUIRE(up_file.syntax_errors.empty());
  const ParsedFile down_file = parse(down);
  DownMigration migration;
  migration.file = 2;
  migration.source = down_file.source.get();
  migration.statements = pointers(down_file);
  for (const auto& error : down_file.syntax_errors) migration.syntax_errors.push_back(&error);
  const auto up_statements = pointers(up_file);
  const RevertCheck check(catalog, up_statements, migration);
  for (const auto& stmt : up_file.statements) catalog.apply(stmt, Origin{1, 0, stmt.range});
  return check.finish(catalog);
}

std::vector<std::string> differences(const std::string& history, const std::string& up, const std::string& down) {
  const RevertOutcome outcome = revert(history, up, down);
  REQUIRE_FALSE(outcome.unparsable);
  REQUIRE_FALSE(outcome.failure);
  std::vector<std::string> out;
  for (const auto& d : outcome.differences) out.push_back(d.object + " " + d.detail);
  return out;
}

using Lines = std::vector<std::string>;

const std::string kUsers = "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(50) NOT NULL);\n";

}  // namespace

TEST_CASE("rollback: a down that undoes its up leaves nothing to report") {
  CHECK(differences(kUsers,
                    "ALTER TABLE users ADD COLUMN name text NOT NULL DEFAULT '';\n"
                    "CREATE INDEX users_name_idx ON users (name);\n",
                    "DROP INDEX users_name_idx;\nALTER TABLE users DROP COLUMN name;\n")
            .empty());
  CHECK(differences(kUsers, "ALTER TABLE users RENAME TO accounts;", "ALTER TABLE accounts RENAME TO users;").empty());
  CHECK(differences(kUsers, "ALTER TABLE users ALTER COLUMN email TYPE varchar(100);",
                    "ALTER TABLE users ALTER COLUMN email TYPE varchar(50);")
            .empty());
  CHECK(differences("",
                    "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
                    "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
                    "DROP FUNCTION f();\nDROP TYPE mood;")
            .empty());
}

TEST_CASE("rollback: what the up adds and the down leaves behind is named") {
  CHECK(differences(kUsers,
                    "ALTER TABLE users ADD COLUMN name text;\nCREATE INDEX users_name_idx ON users (name);\n",
                    "DROP INDEX users_name_idx;\n") ==
        Lines{"column public.users.name is made by the up and still there after the down"});
  CHECK(differences("", "CREATE TABLE audit (id int);\nCREATE EXTENSION pgcrypto;", "SELECT 1;") ==
        Lines{"extension pgcrypto is made by the up and still there after the down",
              "table public.audit is made by the up and still there after the down"});
}

TEST_CASE("rollback: attributes the down restores differently are compared") {
  CHECK(differences(kUsers, "ALTER TABLE users ALTER COLUMN email TYPE varchar(100);",
                    "ALTER TABLE users ALTER COLUMN email TYPE varchar(60);") ==
        Lines{"column public.users.email type is varchar(60) after the down, varchar(50) before the up"});
  CHECK(differences(kUsers, "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;", "SELECT 1;") ==
        Lines{"column public.users.email nullability is nullable after the down, NOT NULL before the up"});
  CHECK(differences(kUsers + "ALTER TABLE users ADD CONSTRAINT email_ok CHECK (email <> '');",
                    "ALTER TABLE users DROP CONSTRAINT email_ok;",
                    "ALTER TABLE users ADD CONSTRAINT email_ok CHECK (email <> '') NOT VALID;") ==
        Lines{"constraint email_ok on public.users validation is NOT VALID after the down, validated before the up"});
}

TEST_CASE("rollback: a dropped table recreated without its index is not reverted") {
  const std::string history = kUsers + "CREATE INDEX users_email_idx ON users (email);\n";
  CHECK(differences(history, "DROP TABLE users;",
                    "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(50) NOT NULL);") ==
        Lines{"index public.users_email_idx existed before the up and is missing after the down"});
  CHECK(differences(history, "DROP TABLE users;", "") ==
        Lines{"index public.users_email_idx existed before the up and is missing after the down",
              "index public.users_pkey existed before the up and is missing after the down",
              "table public.users existed before the up and is missing after the down"});
}

TEST_CASE("rollback: objects the history never created count only for what the up drops by name") {
  // `legacy` and `profiles` are pre-existing: nothing else is known of them.
  CHECK(differences("", "DROP TABLE legacy;", "") ==
        Lines{"relation public.legacy is dropped by the up and not made again by the down"});
  CHECK(differences("", "DROP TABLE legacy;", "CREATE TABLE legacy (id int);").empty());
  CHECK(differences("", "DROP TABLE IF EXISTS legacy;", "").empty());  // it may never have been there
  CHECK(differences("", "ALTER TABLE profiles DROP COLUMN bio;", "SELECT 1;") ==
        Lines{"column public.profiles.bio is dropped by the up and not added again by the down"});
  CHECK(differences("", "ALTER TABLE profiles DROP COLUMN bio;", "ALTER TABLE profiles ADD COLUMN bio text;").empty());
  // A column the up adds to a pre-existing table must go again; the down's own additions are restorations.
  CHECK(differences("", "ALTER TABLE profiles ADD COLUMN age int;", "SELECT 1;") ==
        Lines{"column public.profiles.age is made by the up and still there after the down"});
}

TEST_CASE("rollback: what the up creates did not exist before it, and is not expected back") {
  // Facts about `post` from a file replayed earlier than it runs (a trigger on it) are stale once
  // the up creates it: CREATE TABLE without IF NOT EXISTS would fail on an existing table.
  CHECK(differences("CREATE TRIGGER t AFTER INSERT ON post FOR EACH ROW EXECUTE FUNCTION f();",
                    "CREATE TABLE post (id int);", "DROP TABLE post;")
            .empty());
  // A scratch table the up makes and drops again is not something the down must bring back.
  CHECK(differences("", "CREATE TABLE scratch (id int);\nDROP TABLE scratch;", "SELECT 1;").empty());
}

TEST_CASE("rollback: PostgreSQL's own equivalences") {
  // SET DEFAULT NULL stores no default.
  CHECK(differences("CREATE TABLE t (a int);", "ALTER TABLE t ALTER COLUMN a SET DEFAULT 0;",
                    "ALTER TABLE t ALTER COLUMN a SET DEFAULT NULL;")
            .empty());
  // DROP … CASCADE takes the views on the relation along.
  CHECK(differences("CREATE TABLE t (a int);", "CREATE VIEW v AS SELECT a FROM t;\nCREATE VIEW w AS SELECT a FROM v;",
                    "DROP VIEW v CASCADE;")
            .empty());
  CHECK(differences("CREATE TABLE t (a int);", "CREATE VIEW v AS SELECT a FROM t;\nCREATE VIEW w AS SELECT a FROM v;",
                    "DROP VIEW v;") == Lines{"view public.w is made by the up and still there after the down"});
  // DROP SCHEMA … CASCADE takes everything in it.
  CHECK(differences("", "CREATE SCHEMA utils;\nCREATE TABLE utils.saved (id serial PRIMARY KEY);\n"
                        "CREATE FUNCTION utils.f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
                    "DROP SCHEMA utils CASCADE;")
            .empty());
}

TEST_CASE("rollback: renames PostgreSQL carries along") {
  // The index of a UNIQUE constraint renamed: the constraint takes the new name.
  CHECK(differences("CREATE TABLE p (url text, CONSTRAINT p_url_key UNIQUE (url));\n"
                    "ALTER INDEX p_url_key RENAME TO p_url;",
                    "ALTER TABLE p DROP CONSTRAINT p_url;", "ALTER TABLE p ADD CONSTRAINT p_url UNIQUE (url);")
            .empty());
  // A table renamed away and back keeps its serial's sequence.
  CHECK(differences("CREATE TABLE tag (id serial PRIMARY KEY);", "ALTER TABLE tag RENAME TO community_tag;",
                    "ALTER TABLE community_tag RENAME TO tag;")
            .empty());
  // Columns of an enum follow its renames.
  CHECK(differences("CREATE TYPE kind AS ENUM ('a');\nCREATE TABLE t (k kind);",
                    "ALTER TYPE kind RENAME TO kind_old;\nCREATE TYPE kind AS ENUM ('a', 'b');\n"
                    "ALTER TABLE t ALTER COLUMN k TYPE kind USING k::text::kind;\nDROP TYPE kind_old;",
                    "ALTER TYPE kind RENAME TO kind_new;\nCREATE TYPE kind AS ENUM ('a');\n"
                    "ALTER TABLE t ALTER COLUMN k TYPE kind USING k::text::kind;\nDROP TYPE kind_new;")
            .empty());
  // Dropping a serial column drops its sequence.
  CHECK(differences("CREATE TABLE a (id serial, v int);", "ALTER TABLE a DROP COLUMN id;",
                    "ALTER TABLE a ADD COLUMN id serial;")
            .empty());
  // Columns dropped from a table the up renamed are back under the old name after the down.
  CHECK(differences("", "ALTER TABLE user_ RENAME TO person;\nALTER TABLE person DROP COLUMN admin;",
                    "ALTER TABLE person ADD COLUMN admin boolean;\nALTER TABLE person RENAME TO user_;")
            .empty());
  // An index the up drops with IF EXISTS and creates again was there before.
  CHECK(differences("CREATE TABLE c (a int);\nCREATE INDEX c_a_idx ON c (a);",
                    "DROP INDEX IF EXISTS c_a_idx;\nCREATE INDEX c_a_idx ON c (a);", "SELECT 1;")
            .empty());
}

TEST_CASE("rollback: a down that does not parse is reported, not compared") {
  const RevertOutcome outcome = revert(kUsers, "ALTER TABLE users ADD COLUMN a int;", "ALTER TABLE users DRPO a;");
  REQUIRE(outcome.unparsable);
  CHECK(outcome.differences.empty());
  CHECK(revert(kUsers, "SELECT 1;", "").empty);
}

TEST_CASE("rollback: the copies hold only the objects the up and down name") {
  Catalog catalog;
  const ParsedFile history = parse(kUsers + "ALTER TABLE users ADD COLUMN n serial;\nCREATE TABLE other (id serial);\n"
                                             "CREATE INDEX other_id_idx ON other (id);");
  for (const auto& stmt : history.statements) catalog.apply(stmt, Origin{0, 0, stmt.range});
  CatalogScope scope;
  const ParsedFile up = parse("ALTER TABLE users ADD COLUMN x int;");
  add_to_scope(up.statements.front(), scope);
  const Catalog copy = catalog.subset(scope);
  CHECK(copy.find_table({"public", "users"}));
  CHECK(copy.find_index({"public", "users_pkey"}));  // a named table's indexes come along
  CHECK(copy.find_sequence({"public", "users_n_seq"}));  // and the sequences its columns own
  CHECK_FALSE(copy.find_sequence({"public", "other_id_seq"}));
  CHECK_FALSE(copy.find_table({"public", "other"}));
  CHECK_FALSE(copy.find_index({"public", "other_id_idx"}));
}

TEST_CASE("rollback: a copy shares the catalog's tables and indexes until one side changes them") {
  Catalog catalog;
  const ParsedFile history = parse(kUsers + "CREATE INDEX users_email_idx ON users (email);");
  for (const auto& stmt : history.statements) catalog.apply(stmt, Origin{0, 0, stmt.range});
  CatalogScope scope;
  const ParsedFile names_users = parse("ALTER TABLE users ADD COLUMN x int;");
  add_to_scope(names_users.statements.front(), scope);
  Catalog copy = catalog.subset(scope);
  const ParsedFile copy_change =
      parse("ALTER TABLE users RENAME COLUMN email TO mail;\nALTER TABLE users ADD COLUMN x int;");
  for (const auto& stmt : copy_change.statements) copy.apply(stmt, Origin{1, 0, stmt.range});
  const ParsedFile original_change = parse("ALTER TABLE users ADD COLUMN y int;");
  catalog.apply(original_change.statements.front(), Origin{1, 0, {}});

  REQUIRE(copy.find_table({"public", "users"}));
  REQUIRE(catalog.find_table({"public", "users"}));
  CHECK(copy.find_table({"public", "users"})->column("x"));
  CHECK(copy.find_table({"public", "users"})->column("mail"));
  CHECK_FALSE(copy.find_table({"public", "users"})->column("y"));
  CHECK(catalog.find_table({"public", "users"})->column("y"));
  CHECK(catalog.find_table({"public", "users"})->column("email"));
  CHECK_FALSE(catalog.find_table({"public", "users"})->column("x"));
  REQUIRE(copy.find_index({"public", "users_email_idx"}));
  CHECK(copy.find_index({"public", "users_email_idx"})->columns == Lines{"mail"});
  CHECK(catalog.find_index({"public", "users_email_idx"})->columns == Lines{"email"});
}

// The replay is lenient: a history that adds a constraint of the same name twice (it dropped the
// first where zdlint did not see it, say in another dialect's file) leaves both. A table the up and
// the down leave alone is the very table before and after, and was once reported as changed: its
// second constraint compared with the first of the name.
TEST_CASE("rollback: a table neither the up nor the down changes is not reported") {
  const std::string history =
      kUsers +
      "CREATE TABLE owners (id bigint, email varchar(50));\n"
      "ALTER TABLE users ADD CONSTRAINT users_owner_fk FOREIGN KEY (id) REFERENCES owners (id);\n"
      "ALTER TABLE users ADD CONSTRAINT users_owner_fk FOREIGN KEY (id, email) REFERENCES owners (id, email);\n";
  CHECK(differences(history, "CREATE INDEX users_email_idx ON users (email);", "DROP INDEX users_email_idx;").empty());
  CHECK(differences(history, "CREATE INDEX users_email_idx ON users (email);", "SELECT 1;") ==
        Lines{"index public.users_email_idx is made by the up and still there after the down"});
}

TEST_CASE("rollback: the zdlint-rollback directive is a comment, and may be empty") {
  const auto directive = [](const std::string& text) { return rollback_directive(SourceFile("m.sql", text)); };
  const auto found = directive("-- zdlint-rollback: restore users from the nightly snapshot\nDROP TABLE users;");
  REQUIRE(found);
  CHECK(found->how == "restore users from the nightly snapshot");
  CHECK(found->comment.begin == 0);
  CHECK(directive("/* zdlint-rollback: re-run 0042 */ SELECT 1;")->how == "re-run 0042");
  REQUIRE(directive("SELECT 1;\n-- zdlint-rollback:\n"));
  CHECK(directive("SELECT 1;\n-- zdlint-rollback:\n")->how.empty());
  CHECK_FALSE(directive("SELECT '-- zdlint-rollback: x';"));
}

TEST_CASE("rollback: Liquibase rollback lines keep their offsets, and empty ones say nothing") {
  const std::string text =
      "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id int);\n--rollback DROP TABLE t;\n"
      "--changeset a:2\n  --rollback empty\n";
  const LiquibaseRollback rollback = liquibase_rollback(text);
  REQUIRE(rollback.sql.size() == text.size());
  CHECK(rollback.sql.substr(text.find("DROP TABLE t;"), 13) == "DROP TABLE t;");
  CHECK(rollback.sql.find("CREATE") == std::string::npos);
  CHECK(rollback.sql.find("empty") == std::string::npos);
  CHECK(rollback.changesets == std::vector<uint32_t>{static_cast<uint32_t>(text.find("--changeset a:1")),
                                                     static_cast<uint32_t>(text.find("--changeset a:2"))});
}

TEST_CASE("rollback: Liquibase lines as its patterns read them: a space after --, any case") {
  // \s*--[\s]*rollback (.*) and \s*--[\s]*changeset\s+…, both case-insensitive.
  const std::string text =
      "-- liquibase formatted sql\n-- changeset a:1\nCREATE TABLE t (id int);\n-- rollback DROP TABLE t;\n"
      "--CHANGESET a:2\nCREATE TABLE u (id int);\n\t--ROLLBACK DROP TABLE u;\n--rollbackDROP TABLE v;\n"
      "--changesets are described below\n";
  const LiquibaseRollback rollback = liquibase_rollback(text);
  REQUIRE(rollback.sql.size() == text.size());
  CHECK(rollback.sql.substr(text.find("DROP TABLE t;"), 13) == "DROP TABLE t;");
  CHECK(rollback.sql.substr(text.find("DROP TABLE u;"), 13) == "DROP TABLE u;");
  CHECK(rollback.sql.find("TABLE v") == std::string::npos);  // no space after rollback: not a rollback line
  CHECK(rollback.changesets == std::vector<uint32_t>{static_cast<uint32_t>(text.find("-- changeset a:1")),
                                                     static_cast<uint32_t>(text.find("--CHANGESET a:2"))});
  // The plan knows the file has rollback lines, so the rollback rules compare them.
  CHECK(plan_file(find_runner("liquibase"), "changelog.sql", "-- changeset a:1\nSELECT 1;\n-- rollback SELECT 2;\n")
            .rollback_lines);
  CHECK_FALSE(plan_file(find_runner("liquibase"), "changelog.sql", "-- changeset a:1\nSELECT 1;\n--rollbackx\n")
                  .rollback_lines);
}

TEST_CASE("rollback: the down file of an up file, by each runner's naming") {
  namespace fs = std::filesystem;
  const test::TempDir dir;
  const auto write = [&](const std::string& relative) { return dir.write(relative, "SELECT 1;\n"); };
  const auto down_of = [](const fs::path& up) {
    DirectoryListings listings;  // read afresh: each case writes its files first
    return paired_down_file(up.native(), listings);
  };
  const auto up = write("gm/1_users.up.sql");
  CHECK_FALSE(down_of(up));
  const auto down = write("gm/1_users.down.sql");
  CHECK(down_of(up) == down);
  CHECK_FALSE(down_of(down));  // a down has no down
  const auto pair = [&](const std::string& up_file, const std::string& down_file) {
    const fs::path written_down = write(down_file);
    return down_of(write(up_file)) == written_down;
  };
  CHECK(pair("d/2024-01-01-000000_x/up.sql", "d/2024-01-01-000000_x/down.sql"));
  CHECK(pair("fw/V2__add.sql", "fw/U2__undo_add.sql"));
  CHECK_FALSE(down_of(write("fw/V21__other.sql")));  // U2 undoes version 2, not 21
  CHECK(pair("sq/deploy/users.sql", "sq/revert/users.sql"));
  CHECK(pair("y/0001_x.sql", "y/0001_x.rollback.sql"));
  CHECK(pair("p/1_x.postgres.up.sql", "p/1_x.postgres.down.sql"));
  // A symbolic link to a file is one; a directory with the name, or a dangling link, is not.
  write("l/real.sql");
  fs::create_symlink("real.sql", dir.path() / "l/1_x.down.sql");
  CHECK(down_of(write("l/1_x.up.sql")) == dir.path() / "l/1_x.down.sql");
  fs::create_directories(dir.path() / "l/2_x.down.sql");
  CHECK_FALSE(down_of(write("l/2_x.up.sql")));
  fs::create_symlink("missing.sql", dir.path() / "l/3_x.down.sql");
  CHECK_FALSE(down_of(write("l/3_x.up.sql")));
  // Two undo files for one version: the first by name, on every run.
  write("fw2/U3__b.sql");
  write("fw2/U3__a.sql");
  CHECK(down_of(write("fw2/V3__x.sql")) == dir.path() / "fw2/U3__a.sql");
}

TEST_CASE("rollback: down files in a run: directives, unreadable downs, downs named on the command line") {
  const test::TempDir dir;
  const auto lint = [&](std::vector<std::string> paths) {
    LintRequest request;
    request.paths = std::move(paths);
    request.rules.select = {"missing-down-migration", "down-does-not-revert-up", "unused-ignore"};
    return run_lint(request);
  };
  const auto rules_of = [](const std::vector<Diagnostic>& found) {
    std::vector<std::string> out;
    for (const auto& d : found) out.emplace_back(d.rule.str());
    return out;
  };
  dir.write("a/1_tags.up.sql", "CREATE TABLE tags (id int);\n");
  dir.write("a/1_tags.down.sql",
            "-- zdlint-ignore down-does-not-revert-up: the tags table is dropped by hand\nSELECT 1;\n");
  const LintResult suppressed = lint({(dir.path() / "a").string()});
  CHECK(suppressed.diagnostics.empty());
  REQUIRE(rules_of(suppressed.suppressed) == std::vector<std::string>{"down-does-not-revert-up"});
  CHECK(suppressed.files.at(suppressed.suppressed.front().file).down);
  CHECK(suppressed.checked_files() == 1);

  dir.write("b/1_tags.up.sql", "CREATE TABLE tags (id int);\n");
  dir.write("b/1_tags.down.sql", std::string("DROP TABLE tags; -- \xff\n"));
  const LintResult unreadable = lint({(dir.path() / "b").string()});
  REQUIRE(unreadable.problems.size() == 1);
  CHECK(unreadable.problems.front().path.find("1_tags.down.sql") != std::string::npos);
  CHECK(unreadable.files.size() == 1);  // the up is still linted

  // A down that links out of the migrations is not read (its target could be a secret).
  const auto secret = dir.write("secret.sql", "hunter2;\n");
  dir.write("s/1_tags.up.sql", "CREATE TABLE tags (id int);\n");
  std::filesystem::create_symlink(secret, dir.path() / "s/1_tags.down.sql");
  for (const auto& paths : {std::vector<std::string>{(dir.path() / "s").string()},
                            std::vector<std::string>{(dir.path() / "s/1_tags.up.sql").string()}}) {
    const LintResult linked = lint(paths);  // the directory (discovery sees the link), or the up alone
    REQUIRE(linked.problems.size() == 1);
    CHECK(linked.problems.front().message.find("symbolic link") != std::string::npos);
    for (const auto& d : linked.diagnostics) CHECK(d.message.view().find("hunter2") == std::string::npos);
    CHECK(linked.files.size() == 1);
  }

  // Both files named (as a pre-commit hook does): the down's DROP is the way back, not a change.
  dir.write("c/1_tags.up.sql", "CREATE TABLE tags (id int);\n");
  dir.write("c/1_tags.down.sql", "DROP TABLE tags;\n");
  const LintResult named =
      lint({(dir.path() / "c/1_tags.up.sql").string(), (dir.path() / "c/1_tags.down.sql").string()});
  CHECK(named.diagnostics.empty());
}

}  // namespace zdlint
