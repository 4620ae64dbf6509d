// The expand/contract questions the analyzer answers for the rules: what the catalog records about
// columns added later, backfills, copies, triggers and views, per migration file; which WHERE
// clauses bound the rows; and the `-- zdlint-contract:` directive.
#include <doctest/doctest.h>

#include <memory>

#include "analyzer/catalog.h"
#include "analyzer/contract_directive.h"
#include "analyzer/data_change.h"
#include "parser/parse_file.h"

namespace zdlint {
namespace {

// Replays one string per migration file (file i has FileId i) into a catalog.
Catalog replay(const std::vector<std::string>& files) {
  Catalog catalog;
  for (size_t i = 0; i < files.size(); ++i) {
    const auto source = std::make_shared<const SourceFile>("m.sql", files[i]);
    const ParsedFile parsed = parse_file(source, ParseOptions{});
    REQUIRE(parsed.syntax_errors.empty());
    for (const Statement& stmt : parsed.statements) catalog.apply(stmt, Origin{static_cast<FileId>(i), 0, {}});
  }
  return catalog;
}

const QualifiedName kUsers{"public", "users"};

// Whether the WHERE clause of the file's only statement bounds its rows.
bool bounded(const std::string& sql) {
  const auto source = std::make_shared<const SourceFile>("m.sql", sql);
  const ParsedFile parsed = parse_file(source, ParseOptions{});
  REQUIRE(parsed.statements.size() == 1);
  const auto change = data_change_of(parsed.statements.front());
  REQUIRE(change.has_value());
  return bounds_rows(change->where) || change->limited;
}

}  // namespace

TEST_CASE("expand evidence: a replacement column backfilled from the column in an earlier migration") {
  const Catalog catalog = replay({"ALTER TABLE users ADD COLUMN email_address text;\n"
                                  "UPDATE users SET email_address = lower(email) WHERE id < 1000;",
                                  "SELECT 1;"});
  const auto evidence = catalog.expand_evidence_for(kUsers, "email", 1);
  REQUIRE(evidence.has_value());
  CHECK(evidence->kind == ExpandKind::Backfill);
  CHECK(evidence->replacement == "email_address");
  CHECK(evidence->origin.file == 0);
  // Nothing read `name`, and the same migration does not count as an earlier one.
  CHECK_FALSE(catalog.expand_evidence_for(kUsers, "name", 1).has_value());
  CHECK_FALSE(catalog.expand_evidence_for(kUsers, "email", 0).has_value());
}

TEST_CASE("expand evidence: a trigger with a replacement column, or a view over the table") {
  const Catalog with_trigger =
      replay({"ALTER TABLE users ADD COLUMN email_address text;\n"
              "CREATE TRIGGER users_sync BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION sync();"});
  const auto trigger = with_trigger.expand_evidence_for(kUsers, "email", 1);
  REQUIRE(trigger.has_value());
  CHECK(trigger->kind == ExpandKind::SyncTrigger);
  // A trigger alone, with no replacement column, is no expand.
  CHECK_FALSE(replay({"CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION f();"})
                  .expand_evidence_for(kUsers, "email", 1)
                  .has_value());
  const auto view = replay({"CREATE VIEW users_v1 AS SELECT id, email FROM users;"}).expand_evidence_for(kUsers, "email", 1);
  REQUIRE(view.has_value());
  CHECK(view->kind == ExpandKind::CompatibilityView);
  CHECK(view->replacement == "public.users_v1");
}

TEST_CASE("expand step of the current migration: copies first, then added columns, then tables made from it") {
  const Catalog catalog = replay({"SELECT 1;",
                                  "ALTER TABLE users ADD COLUMN full_name text;\n"
                                  "UPDATE users SET full_name = first || ' ' || last WHERE id < 100;\n"
                                  "CREATE TABLE users_new (LIKE users);\n"
                                  "INSERT INTO events_archive SELECT * FROM events WHERE id < 100;"});
  const auto copy = catalog.expand_in_file(kUsers, "first", 1);
  REQUIRE(copy.has_value());
  CHECK(copy->what.find("full_name") != std::string::npos);
  const auto added = catalog.expand_in_file(kUsers, "nickname", 1);
  REQUIRE(added.has_value());
  CHECK(added->what.starts_with("ADD COLUMN \"full_name\""));
  CHECK_FALSE(catalog.expand_in_file(kUsers, "nickname", 0).has_value());
  const auto made_from = catalog.expand_in_file(kUsers, "", 1);
  REQUIRE(made_from.has_value());
  CHECK(made_from->what.find("users_new") != std::string::npos);
  const auto archived = catalog.expand_in_file({"public", "events"}, "", 1);
  REQUIRE(archived.has_value());
  CHECK(archived->what.find("events_archive") != std::string::npos);
  CHECK_FALSE(catalog.expand_in_file({"public", "orders"}, "", 1).has_value());
}

// A table's copies are kept by the columns they read, so that a DROP COLUMN after thousands of
// backfills does not look at each of them; the answers keep the order the copies were made in.
TEST_CASE("copies of a table: those reading a column, SELECT * included, in the order they were made") {
  const Catalog catalog = replay({"SELECT 1;",
                                  "INSERT INTO a SELECT x FROM users WHERE id < 10;\n"
                                  "INSERT INTO b SELECT * FROM users WHERE id < 10;\n"
                                  "UPDATE users SET y2 = y + y WHERE id < 10;\n"
                                  "INSERT INTO c SELECT y, x FROM users WHERE id < 10;"});
  const Table* users = catalog.find_table_facts(kUsers);
  REQUIRE(users != nullptr);
  const auto targets = [&](std::string_view column) {
    std::vector<std::string> out;
    for (const DataCopy* copy : users->copies_reading(column))
      out.push_back(copy->target.name + (copy->target_column.empty() ? "" : "." + copy->target_column));
    return out;
  };
  CHECK(targets("x") == std::vector<std::string>{"a", "b", "c"});
  CHECK(targets("y") == std::vector<std::string>{"b", "users.y2", "c"});
  CHECK(targets("z") == std::vector<std::string>{"b"});
  // The first copy of the column is the expand step named.
  const auto x = catalog.expand_in_file(kUsers, "x", 1);
  REQUIRE(x.has_value());
  CHECK(x->what == "INSERT … SELECT that copies \"x\" into public.a");
  const auto y = catalog.expand_in_file(kUsers, "y", 1);
  REQUIRE(y.has_value());
  CHECK(y->what == "INSERT … SELECT that copies \"y\" into public.b");
  CHECK_FALSE(catalog.expand_in_file(kUsers, "x", 0).has_value());
}

TEST_CASE("expand evidence for a whole table: a replacement made from it or filled with its rows earlier") {
  const QualifiedName reports{"public", "reports"}, invoices{"public", "invoices"};
  const Catalog catalog = replay({"CREATE TABLE reports (id int, body text);\n"
                                  "CREATE TABLE invoices (id int);\n"
                                  "CREATE TABLE totals (id int);",
                                  "INSERT INTO report_archive SELECT id, body FROM reports WHERE id < 100;\n"
                                  "CREATE TABLE invoices_v2 (LIKE invoices);\n"
                                  "UPDATE totals SET id = id + 1 WHERE id < 100;",
                                  "SELECT 1;"});
  const auto copied = catalog.table_expand_evidence_for(reports, 2);
  REQUIRE(copied.has_value());
  CHECK(copied->kind == ExpandKind::ReplacementTable);
  CHECK(copied->replacement == "public.report_archive");
  CHECK(copied->origin.file == 1);
  const auto like = catalog.table_expand_evidence_for(invoices, 2);
  REQUIRE(like.has_value());
  CHECK(like->replacement == "public.invoices_v2");
  // The migration that made the replacement is not an earlier one; a backfill inside the table is
  // no replacement; a table nothing was made from has no evidence.
  CHECK_FALSE(catalog.table_expand_evidence_for(reports, 1).has_value());
  CHECK_FALSE(catalog.table_expand_evidence_for(invoices, 1).has_value());
  CHECK_FALSE(catalog.table_expand_evidence_for({"public", "totals"}, 2).has_value());
  // A view over the table is no replacement table (and DROP TABLE would need CASCADE).
  CHECK_FALSE(replay({"CREATE VIEW reports_v AS SELECT id FROM reports;", "SELECT 1;"})
                  .table_expand_evidence_for(reports, 1)
                  .has_value());
}

TEST_CASE("columns added after the table was created know where") {
  const Catalog catalog = replay({"CREATE TABLE t (a int);", "ALTER TABLE t ADD COLUMN b int;"});
  const Table* table = catalog.find_table({"public", "t"});
  REQUIRE(table != nullptr);
  CHECK_FALSE(table->column("a")->added.has_value());
  REQUIRE(table->column("b")->added.has_value());
  CHECK(table->column("b")->added->file == 1);
}

TEST_CASE("WHERE clauses that bound the rows, and tautologies that do not") {
  CHECK_FALSE(bounded("UPDATE t SET a = 1;"));
  CHECK_FALSE(bounded("UPDATE t SET a = 1 WHERE true;"));
  CHECK_FALSE(bounded("UPDATE t SET a = 1 WHERE 1 = 1;"));
  CHECK_FALSE(bounded("UPDATE t SET a = 1 WHERE 'x' = 'x';"));
  CHECK_FALSE(bounded("UPDATE t SET a = 1 WHERE id = id;"));
  CHECK_FALSE(bounded("DELETE FROM t WHERE a IS NULL OR a IS NOT NULL;"));
  CHECK_FALSE(bounded("DELETE FROM t WHERE NOT false;"));
  CHECK_FALSE(bounded("DELETE FROM t WHERE true AND 2 = 2;"));
  CHECK_FALSE(bounded("DELETE FROM t WHERE id < 10 OR true;"));
  CHECK_FALSE(bounded("INSERT INTO u SELECT * FROM t;"));
  CHECK(bounded("UPDATE t SET a = 1 WHERE id BETWEEN 1 AND 1000;"));
  CHECK(bounded("UPDATE t SET a = 1 WHERE id < 1000;"));
  CHECK(bounded("UPDATE t SET a = 1 WHERE 1 = 2;"));
  CHECK(bounded("UPDATE t SET a = 1 WHERE a IS NULL OR b IS NOT NULL;"));
  CHECK(bounded("DELETE FROM t WHERE true AND id < 10;"));
  CHECK(bounded("INSERT INTO u SELECT * FROM t WHERE id < 1000;"));
  CHECK(bounded("INSERT INTO u SELECT * FROM t ORDER BY id LIMIT 1000;"));
}

TEST_CASE("the zdlint-contract directive is a comment with a name") {
  const auto directive = [](std::string text) { return contract_directive(SourceFile("m.sql", std::move(text))); };
  CHECK(directive("-- zdlint-contract: 20240601_add_email\nALTER TABLE t DROP COLUMN a;") == "20240601_add_email");
  CHECK(directive("/* zdlint-contract: 0042_expand */ SELECT 1;") == "0042_expand");
  CHECK_FALSE(directive("-- zdlint-contract:\nSELECT 1;").has_value());
  CHECK_FALSE(directive("SELECT '-- zdlint-contract: x';").has_value());
  CHECK_FALSE(directive("SELECT 1;").has_value());
}

}  // namespace zdlint
