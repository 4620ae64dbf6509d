// The runner's order of a migration directory (analyzer/runner_order.h): Sqitch's plan, Liquibase's
// master changelog, yoyo's `-- depends:`, Flyway's versions and repeatables, dbmate's string order,
// Synapse's delta versions and temporal-sql-tool's manifests; everything else in natural order.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "analyzer/discovery.h"
#include "analyzer/runner_order.h"
#include "tests/test_support.h"

using namespace zdlint;
namespace fs = std::filesystem;

namespace {

// The discovered order of `dir`, as paths relative to it.
std::vector<std::string> order_of(const fs::path& dir, std::string_view runner = {}) {
  const Discovery found = discover({dir.string()}, runner);
  std::vector<std::string> names;
  for (const auto& f : found.files) names.push_back(fs::path(f.path).lexically_relative(dir).generic_string());
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("runner order: Flyway versions compare part by part as numbers, missing parts as 0") {
  CHECK(compare_flyway_versions("1_9", "1_10") < 0);
  CHECK(compare_flyway_versions("1.10", "1_9") > 0);
  CHECK(compare_flyway_versions("1", "1.0") == 0);
  CHECK(compare_flyway_versions("1", "1.1") < 0);
  CHECK(compare_flyway_versions("2", "10") < 0);
  CHECK(compare_flyway_versions("010", "9") > 0);
  CHECK(compare_flyway_versions("20240101120000", "99999999999999999999") < 0);  // beyond 64 bits
}

TEST_CASE("runner order: Flyway runs versioned files by version across subdirectories, then repeatables") {
  const test::TempDir dir;
  dir.write("V1_10__later.sql", "SELECT 1;\n");
  dir.write("V1_9__earlier.sql", "SELECT 1;\n");
  dir.write("V1.1__minor.sql", "SELECT 1;\n");
  dir.write("V1__first.sql", "SELECT 1;\n");
  dir.write("R__b_view.sql", "SELECT 1;\n");
  dir.write("R__a_view.sql", "SELECT 1;\n");
  dir.write("sub/V1_2__in_subdirectory.sql", "SELECT 1;\n");
  // natural order would put R__ first, V1.1 before V1, and sub/ last
  CHECK(order_of(dir.path()) == Names{"V1__first.sql", "V1.1__minor.sql", "sub/V1_2__in_subdirectory.sql",
                                      "V1_9__earlier.sql", "V1_10__later.sql", "R__a_view.sql", "R__b_view.sql"});
}

TEST_CASE("runner order: numeric versions (goose, golang-migrate) are the natural order; dbmate sorts strings") {
  const test::TempDir dir;
  dir.write("goose/1_a.sql", "-- +goose Up\nSELECT 1;\n");
  dir.write("goose/10_c.sql", "-- +goose Up\nSELECT 1;\n");
  dir.write("goose/2_b.sql", "-- +goose Up\nSELECT 1;\n");
  CHECK(order_of(dir.path() / "goose") == Names{"1_a.sql", "2_b.sql", "10_c.sql"});  // lexically 1 < 10 < 2
  dir.write("migrate/1_a.up.sql", "SELECT 1;\n");
  dir.write("migrate/10_c.up.sql", "SELECT 1;\n");
  dir.write("migrate/9_b.up.sql", "SELECT 1;\n");
  CHECK(order_of(dir.path() / "migrate") == Names{"1_a.up.sql", "9_b.up.sql", "10_c.up.sql"});
  dir.write("dbmate/1_a.sql", "-- migrate:up\nSELECT 1;\n");
  dir.write("dbmate/10_c.sql", "-- migrate:up\nSELECT 1;\n");
  dir.write("dbmate/9_b.sql", "-- migrate:up\nSELECT 1;\n");
  CHECK(order_of(dir.path() / "dbmate") == Names{"10_c.sql", "1_a.sql", "9_b.sql"});  // "10_" < "1_a" < "9_"
  // Named as dbmate's, a directory is ordered as dbmate's without reading the files.
  dir.write("named/2_b.sql", "SELECT 1;\n");
  dir.write("named/10_a.sql", "SELECT 1;\n");
  CHECK(order_of(dir.path() / "named", "dbmate") == Names{"10_a.sql", "2_b.sql"});
  CHECK(order_of(dir.path() / "named") == Names{"2_b.sql", "10_a.sql"});
  // dbmate refuses a migration without `-- migrate:up`: the first file it would run (by name)
  // decides, so a directory of other migrations is not read whole.
  dir.write("not-dbmate/10_c.sql", "SELECT 1;\n");
  dir.write("not-dbmate/1_a.sql", "-- migrate:up\nSELECT 1;\n");
  dir.write("not-dbmate/9_b.sql", "-- migrate:up\nSELECT 1;\n");
  CHECK(order_of(dir.path() / "not-dbmate") == Names{"1_a.sql", "9_b.sql", "10_c.sql"});
}

TEST_CASE("runner order: Prisma sorts its migration directories by name as text") {
  const test::TempDir dir;
  dir.write("20250624120000_b/migration.sql", "SELECT 1;\n");
  dir.write("20250625_a/migration.sql", "SELECT 1;\n");
  dir.write("20230518191501_init/migration.sql", "SELECT 1;\n");
  dir.write("20250626000000_c/migration.sql", "SELECT 1;\n");
  // natural order would run 20250625_a first: 20,250,625 is the smallest number
  CHECK(order_of(dir.path()) == Names{"20230518191501_init/migration.sql", "20250624120000_b/migration.sql",
                                      "20250625_a/migration.sql", "20250626000000_c/migration.sql"});
}

TEST_CASE("runner order: Sqitch follows sqitch.plan, reworked changes run their @tag script first") {
  const test::TempDir dir;
  dir.write("sqitch.plan",
            "%syntax-version=1.0.0\n%project=shop\n\n"
            "users 2024-01-01T00:00:00Z Ann <ann@example.com> # users\n"
            "orders [users] 2024-01-02T00:00:00Z Ann <ann@example.com>\n"
            "appuser 2024-01-03T00:00:00Z Ann <ann@example.com>\n"
            "@v1.0 2024-01-04T00:00:00Z Ann <ann@example.com> # tag\n"
            "audit 2024-01-05T00:00:00Z Ann <ann@example.com>\n"
            "-audit 2024-01-05T00:00:00Z Ann <ann@example.com>\n"
            "appuser [appuser@v1.0] 2024-01-06T00:00:00Z Ann <ann@example.com> # reworked\n");
  for (const char* name : {"users", "orders", "appuser", "appuser@v1.0", "audit", "zz_unplanned"})
    dir.write(std::string("deploy/") + name + ".sql", "SELECT 1;\n");
  dir.write("revert/users.sql", "SELECT 1;\n");
  dir.write("verify/users.sql", "SELECT 1;\n");
  // Files the plan does not deploy keep their natural place after it (revert/ and verify/ are left
  // out of the replay later, as down migrations).
  CHECK(order_of(dir.path()) == Names{"deploy/users.sql", "deploy/orders.sql", "deploy/appuser@v1.0.sql",
                                      "deploy/appuser.sql", "deploy/audit.sql", "deploy/zz_unplanned.sql",
                                      "revert/users.sql", "verify/users.sql"});
}

TEST_CASE("runner order: Liquibase follows the master changelog's includes, otherwise the file order") {
  const test::TempDir dir;
  dir.write("db.changelog-master.xml",
            "<databaseChangeLog>\n"
            "  <include file=\"changes/b_second.sql\" relativeToChangelogFile=\"true\"/>\n"
            "  <include file=\"classpath:changes/a_first.sql\"/>\n"
            "  <includeAll path=\"more/\" relativeToChangelogFile=\"true\"/>\n"
            "</databaseChangeLog>\n");
  dir.write("changes/a_first.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n");
  dir.write("changes/b_second.sql", "--liquibase formatted sql\n--changeset a:2\nSELECT 1;\n");
  dir.write("changes/c_unlisted.sql", "--liquibase formatted sql\n--changeset a:3\nSELECT 1;\n");
  dir.write("more/2_x.sql", "--liquibase formatted sql\n--changeset a:4\nSELECT 1;\n");
  dir.write("more/10_y.sql", "--liquibase formatted sql\n--changeset a:5\nSELECT 1;\n");
  // includeAll sorts path strings: more/10_y before more/2_x
  CHECK(order_of(dir.path()) == Names{"changes/b_second.sql", "changes/a_first.sql", "more/10_y.sql", "more/2_x.sql",
                                      "changes/c_unlisted.sql"});
  const test::TempDir yaml;
  yaml.write("db.changelog-master.yaml",
             "databaseChangeLog:\n  - include:\n      file: z.sql\n  - include:\n      file: a.sql\n");
  yaml.write("a.sql", "--liquibase formatted sql\n");
  yaml.write("z.sql", "--liquibase formatted sql\n");
  CHECK(order_of(yaml.path()) == Names{"z.sql", "a.sql"});
  const test::TempDir plain;  // no master: file order
  plain.write("b.sql", "--liquibase formatted sql\n");
  plain.write("a.sql", "--liquibase formatted sql\n");
  CHECK(order_of(plain.path()) == Names{"a.sql", "b.sql"});
}

TEST_CASE("runner order: yoyo sorts by -- depends:, keeping the listing order where it can") {
  const test::TempDir dir;
  dir.write("yoyo.ini", "[DEFAULT]\nsources = .\n");
  dir.write("0001_accounts.sql", "-- depends: 0003_schema\nCREATE TABLE app.accounts (id int);\n");
  dir.write("0002_unrelated.sql", "SELECT 1;\n");
  dir.write("0003_schema.sql", "-- create the schema\nCREATE SCHEMA app;\n");
  dir.write("0004_index.sql", "-- depends: 0001_accounts, 0003_schema\nCREATE INDEX ON app.accounts (id);\n");
  dir.write("0004_index.rollback.sql", "DROP INDEX app.accounts_id_idx;\n");
  const Names order = order_of(dir.path());
  CHECK(order == Names{"0002_unrelated.sql", "0003_schema.sql", "0001_accounts.sql", "0004_index.rollback.sql",
                       "0004_index.sql"});
  // A dependency cycle does not stop the run: what is left runs in listing order.
  const test::TempDir cycle;
  cycle.write("a.sql", "-- depends: b\nSELECT 1;\n");
  cycle.write("b.sql", "-- depends: a\nSELECT 1;\n");
  cycle.write("a.rollback.sql", "SELECT 1;\n");
  CHECK(order_of(cycle.path()) == Names{"a.rollback.sql", "a.sql", "b.sql"});
}

TEST_CASE("runner order: Synapse by delta version across its schema directories, temporal by manifest") {
  const test::TempDir dir;
  for (const char* d : {"schema/common/full_schemas/72", "schema/main/full_schemas/72"})
    dir.write(std::string(d) + "/full.sql.postgres", "SELECT 1;\n");
  dir.write("schema/common/delta/9/01_b.sql", "SELECT 1;\n");
  dir.write("schema/common/delta/10/02_c.sql", "SELECT 1;\n");
  dir.write("schema/main/delta/9/00_a.sql", "SELECT 1;\n");
  dir.write("schema/main/delta/10/01_d.sql.postgres", "SELECT 1;\n");
  CHECK(order_of(dir.path()) == Names{"schema/common/full_schemas/72/full.sql.postgres",
                                      "schema/main/full_schemas/72/full.sql.postgres", "schema/main/delta/9/00_a.sql",
                                      "schema/common/delta/9/01_b.sql", "schema/main/delta/10/01_d.sql.postgres",
                                      "schema/common/delta/10/02_c.sql"});

  const test::TempDir temporal;
  temporal.write("versioned/v1.2/manifest.json",
                 R"({"CurrVersion": "1.2", "SchemaUpdateCqlFiles": ["z_table.sql", "a_index.sql"]})");
  temporal.write("versioned/v1.2/a_index.sql", "SELECT 1;\n");
  temporal.write("versioned/v1.2/z_table.sql", "SELECT 1;\n");
  temporal.write("versioned/v1.10/manifest.json", R"({"SchemaUpdateCqlFiles": ["x.sql"]})");
  temporal.write("versioned/v1.10/x.sql", "SELECT 1;\n");
  CHECK(order_of(temporal.path()) ==
        Names{"versioned/v1.2/z_table.sql", "versioned/v1.2/a_index.sql", "versioned/v1.10/x.sql"});
}

TEST_CASE("runner order: a configured runner orders only its own way") {
  const test::TempDir dir;
  dir.write("R__view.sql", "SELECT 1;\n");
  dir.write("V2__b.sql", "SELECT 1;\n");
  dir.write("V10__c.sql", "SELECT 1;\n");
  CHECK(order_of(dir.path(), "flyway") == Names{"V2__b.sql", "V10__c.sql", "R__view.sql"});
  // Named as another runner's, the Flyway names keep the natural order.
  CHECK(order_of(dir.path(), "psql") == Names{"R__view.sql", "V2__b.sql", "V10__c.sql"});
}
