// The catalog's links between relations (foreign keys, views, tables made from others) are kept
// in indexes so that long histories stay linear; these cases check that the answers still follow
// renames, drops and replacements as PostgreSQL would.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyzer/catalog.h"
#include "parser/parse_file.h"

using namespace zdlint;

namespace {

// Replays `sql` as migration file `file` into `catalog`.
void replay(Catalog& catalog, const std::string& sql, FileId file = 0) {
  const auto source = std::make_shared<SourceFile>("migration.sql", sql);
  const ParsedFile parsed = parse_file(source, ParseOptions{});
  REQUIRE(parsed.syntax_errors.empty());
  for (const Statement& stmt : parsed.statements) catalog.apply(stmt, Origin{file, 0, stmt.range});
}

std::vector<std::string> names(const std::vector<const Table*>& tables) {
  std::vector<std::string> out;
  for (const Table* table : tables) out.push_back(table->name.str());
  return out;
}

const QualifiedName kParent{"public", "parent"};

}  // namespace

TEST_CASE("catalog: tables referencing a table, in name order, each once") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE parent (id int PRIMARY KEY);
    CREATE TABLE zeta (parent_id int REFERENCES parent, other_id int REFERENCES parent);
    CREATE TABLE alpha (parent_id int, FOREIGN KEY (parent_id) REFERENCES parent (id));
    CREATE TABLE unrelated (id int);
  )sql");
  CHECK(names(catalog.tables_referencing(kParent)) == std::vector<std::string>{"public.alpha", "public.zeta"});
  CHECK(catalog.tables_referencing({"public", "unrelated"}).empty());
}

TEST_CASE("catalog: tables of a schema and tables using a type come in name order, whatever the creation order") {
  // Tables are kept in a hash map (lookups by name do not grow with the history), so the lists
  // are sorted: DROP … CASCADE reports them in this order.
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TYPE mood AS ENUM ('ok', 'sad');
    CREATE TABLE app.zulu (m mood);
    CREATE TABLE app.alpha (m mood);
    CREATE TABLE app.mike (id int);
    CREATE TABLE public.bravo (m mood);
    CREATE TABLE app.echo (m mood);
    CREATE INDEX zz ON app.mike (id);
    CREATE INDEX aa ON app.mike (id);
  )sql");
  CHECK(names(catalog.relations_in_schema("app")) ==
        std::vector<std::string>{"app.alpha", "app.echo", "app.mike", "app.zulu"});
  CHECK(names(catalog.tables_using_type({"public", "mood"})) ==
        std::vector<std::string>{"app.alpha", "app.echo", "app.zulu", "public.bravo"});
  std::vector<std::string> indexes;
  for (const Index* index : catalog.indexes_of({"app", "mike"})) indexes.push_back(index->name.str());
  CHECK(indexes == std::vector<std::string>{"app.aa", "app.zz"});
}

TEST_CASE("catalog: DROP SCHEMA … CASCADE removes everything in the schema, and nothing else") {
  // The schema's tables are found through an index of the names ever put in it, stale ones
  // included; its other objects as one range of each ordered map, bounded by the schema's name.
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE app.orders (id serial);
    CREATE TABLE app.old_name (id int);
    ALTER TABLE app.old_name RENAME TO renamed;
    ALTER TABLE app.legacy ADD COLUMN note text;
    CREATE VIEW app.recent AS SELECT id FROM app.orders;
    CREATE TABLE app.dropped (id int);
    DROP TABLE app.dropped;
    CREATE SEQUENCE app.counter;
    CREATE TYPE app.mood AS ENUM ('ok');
    CREATE DOMAIN app.positive AS int;
    CREATE FUNCTION app.answer() RETURNS int IMMUTABLE LANGUAGE sql AS 'SELECT 42';
    CREATE TABLE ap.kept (id int);
    CREATE SEQUENCE ap.counter;
    CREATE TABLE app2.kept (id int);
    CREATE SEQUENCE app2.counter;
    CREATE TYPE app2.mood AS ENUM ('ok');
    CREATE FUNCTION app2.answer() RETURNS int IMMUTABLE LANGUAGE sql AS 'SELECT 42';
  )sql");
  CHECK(names(catalog.relations_in_schema("app")) ==
        std::vector<std::string>{"app.orders", "app.recent", "app.renamed"});
  REQUIRE(catalog.find_table_facts({"app", "legacy"}));
  replay(catalog, "DROP SCHEMA app CASCADE;\nCREATE TABLE app.again (id int);\n", 1);
  CHECK(names(catalog.relations_in_schema("app")) == std::vector<std::string>{"app.again"});
  CHECK_FALSE(catalog.find_table_facts({"app", "legacy"}));
  CHECK_FALSE(catalog.find_sequence({"app", "counter"}));
  CHECK_FALSE(catalog.find_sequence({"app", "orders_id_seq"}));
  CHECK_FALSE(catalog.find_enum({"app", "mood"}));
  CHECK_FALSE(catalog.find_domain({"app", "positive"}));
  CHECK_FALSE(catalog.function_volatility({"app", "answer"}));
  // Schemas whose names sort next to it keep everything.
  CHECK(names(catalog.relations_in_schema("ap")) == std::vector<std::string>{"ap.kept"});
  CHECK(names(catalog.relations_in_schema("app2")) == std::vector<std::string>{"app2.kept"});
  CHECK(catalog.find_sequence({"ap", "counter"}));
  CHECK(catalog.find_sequence({"app2", "counter"}));
  CHECK(catalog.find_enum({"app2", "mood"}));
  CHECK(catalog.function_volatility({"app2", "answer"}));
}

TEST_CASE("catalog: columns follow a renamed type, and only the type of that schema") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TYPE mood AS ENUM ('ok', 'sad');
    CREATE TYPE app.mood AS ENUM ('fine');
    CREATE TABLE a (m mood, n public.mood);
    CREATE TABLE app.b (m app.mood);
    ALTER TYPE mood RENAME TO feeling;
  )sql");
  CHECK(names(catalog.tables_using_type({"public", "feeling"})) == std::vector<std::string>{"public.a"});
  CHECK(catalog.tables_using_type({"public", "mood"}).empty());
  CHECK(names(catalog.tables_using_type({"app", "mood"})) == std::vector<std::string>{"app.b"});
  const Table* a = catalog.find_table({"public", "a"});
  REQUIRE(a != nullptr);
  REQUIRE(a->columns.size() == 2);
  CHECK(a->columns[0].type->name == "feeling");
  CHECK(a->columns[1].type->name == "feeling");
  CHECK(a->columns[1].type->schema == "public");
}

// The tables using a type are found through an index of them by type (Catalog::typed_by_), not
// by walking every column of the history: each way a column comes to have the type must be noted,
// under the table's name as it is now.
TEST_CASE("catalog: tables using a type, however their columns came to have it, after renames of both") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
    CREATE TABLE direct (e email, n int);
    CREATE TABLE liked (LIKE direct);
    CREATE TABLE changed (e text);
    ALTER TABLE changed ALTER COLUMN e TYPE email;
    CREATE TABLE parent (e email, k int) PARTITION BY RANGE (k);
    CREATE TABLE child PARTITION OF parent FOR VALUES FROM (0) TO (10);
    CREATE TABLE unrelated (e text);
    ALTER TABLE direct RENAME TO renamed;
    ALTER TABLE old ADD COLUMN e email;
    ALTER TABLE old RENAME TO old_renamed;
  )sql");
  const std::vector<std::string> users{"public.changed", "public.child", "public.liked", "public.parent",
                                       "public.renamed"};
  CHECK(names(catalog.tables_using_type({"public", "email"})) == users);
  SUBCASE("a column's type changed away is no longer listed, nor is a dropped table") {
    replay(catalog, "ALTER TABLE changed ALTER COLUMN e TYPE text;\nDROP TABLE liked;", 1);
    CHECK(names(catalog.tables_using_type({"public", "email"})) ==
          std::vector<std::string>{"public.child", "public.parent", "public.renamed"});
  }
  SUBCASE("renaming the type takes every column of it along, the partial table's too") {
    replay(catalog, "ALTER DOMAIN email RENAME TO address;", 1);
    CHECK(names(catalog.tables_using_type({"public", "address"})) == users);
    CHECK(catalog.tables_using_type({"public", "email"}).empty());
    const Table* partial = catalog.find_table_facts({"public", "old_renamed"});
    REQUIRE(partial != nullptr);
    REQUIRE(partial->columns.size() == 1);
    CHECK(partial->columns[0].type->name == "address");
  }
  SUBCASE("pg_catalog's types are not indexed, and still found") {
    CHECK(names(catalog.tables_using_type({"public", "int4"})) ==
          std::vector<std::string>{"public.child", "public.liked", "public.parent", "public.renamed"});
  }
}

TEST_CASE("catalog: columns of one type share one copy of it; changing a column's type changes that column only") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE a (x varchar(50), y varchar(50), z varchar(60), w varchar(50)[]);
    CREATE TABLE b (x character varying(50));
    ALTER TABLE a ALTER COLUMN y TYPE varchar(80);
  )sql");
  const Table* a = catalog.find_table({"public", "a"});
  const Table* b = catalog.find_table({"public", "b"});
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  REQUIRE(a->columns.size() == 4);
  REQUIRE(b->columns.size() == 1);
  // One instance for both tables' varchar(50), the alias spelling included: what keeps a long
  // history's columns small.
  CHECK(&*a->columns[0].type == &*b->columns[0].type);
  CHECK(a->columns[0].type == b->columns[0].type);
  CHECK(a->columns[1].type->str() == "varchar(80)");
  CHECK(a->columns[0].type->str() == "varchar(50)");
  CHECK(b->columns[0].type->str() == "varchar(50)");
  CHECK_FALSE(a->columns[0].type == a->columns[2].type);  // varchar(60)
  CHECK_FALSE(a->columns[0].type == a->columns[3].type);  // varchar(50)[]
  // Equal types are equal whether or not they share an instance.
  CHECK(SharedSqlType(SqlType{"", "int4", {}, false}) == SharedSqlType(SqlType{"", "int4", {}, false}));
  CHECK(SharedSqlType() == SharedSqlType(SqlType{}));
  CHECK(SharedSqlType()->name.empty());
}

TEST_CASE("catalog: foreign keys follow renames of either table, and go with drops") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE parent (id int PRIMARY KEY);
    CREATE TABLE child (parent_id int REFERENCES parent);
    CREATE TABLE other (parent_id int CONSTRAINT other_fk REFERENCES parent);
    ALTER TABLE parent RENAME TO renamed_parent;
    ALTER TABLE child RENAME TO renamed_child;
  )sql");
  CHECK(catalog.tables_referencing(kParent).empty());
  const QualifiedName renamed{"public", "renamed_parent"};
  CHECK(names(catalog.tables_referencing(renamed)) == std::vector<std::string>{"public.other", "public.renamed_child"});

  replay(catalog, R"sql(
    ALTER TABLE other DROP CONSTRAINT other_fk;
    DROP TABLE renamed_child;
    CREATE TABLE renamed_child (id int);
  )sql");
  CHECK(catalog.tables_referencing(renamed).empty());
}

TEST_CASE("catalog: a self-referencing table renamed keeps referencing itself") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE node (id int PRIMARY KEY, parent_id int REFERENCES node);
    ALTER TABLE node RENAME TO tree_node;
  )sql");
  CHECK(names(catalog.tables_referencing({"public", "tree_node"})) == std::vector<std::string>{"public.tree_node"});
  CHECK(catalog.tables_referencing({"public", "node"}).empty());
}

TEST_CASE("catalog: the expand step of a migration, from a table made LIKE or AS SELECT of the original") {
  Catalog catalog;
  replay(catalog, "CREATE TABLE parent (id int); CREATE TABLE unrelated (id int);", 0);
  replay(catalog, "CREATE TABLE parent_v2 (LIKE parent INCLUDING ALL);", 1);
  const auto step = catalog.expand_in_file(kParent, "", 1);
  REQUIRE(step);
  CHECK(step->what == "CREATE TABLE public.parent_v2, made from public.parent");
  CHECK_FALSE(catalog.expand_in_file(kParent, "", 0));
  CHECK_FALSE(catalog.expand_in_file({"public", "unrelated"}, "", 1));

  replay(catalog, "CREATE VIEW parent_compat AS SELECT id FROM parent;", 2);
  const auto evidence = catalog.expand_evidence_for(kParent, "id", 3);
  REQUIRE(evidence);
  CHECK(evidence->kind == ExpandKind::CompatibilityView);
  CHECK(evidence->replacement == "public.parent_compat");
}

namespace {

std::vector<std::string> index_names(const Catalog& catalog, const std::string& table) {
  std::vector<std::string> out;
  for (const Index* index : catalog.indexes_of({"public", table})) out.push_back(index->name.name);
  return out;
}

}  // namespace

TEST_CASE("catalog: a partition's copies of its parent's indexes never replace another table's index") {
  // The copy of a_idx would be c_a_idx, the name of the parent's second index: it is named
  // c_a_idx1. Replacing the parent's index freed it while the partition's creation still read it
  // (AddressSanitizer: heap-use-after-free). The copy of the second index, on the same key, is
  // then taken for the same copy again (PostgreSQL would make a c_a_idx2).
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE p (id int, a int, b int) PARTITION BY RANGE (id);
    CREATE INDEX a_idx ON p (a);
    CREATE INDEX c_a_idx ON p (a);
    CREATE INDEX c_b_idx ON p (b);
    CREATE TABLE c PARTITION OF p FOR VALUES FROM (1) TO (10);
  )sql");
  CHECK(index_names(catalog, "p") == std::vector<std::string>{"a_idx", "c_a_idx", "c_b_idx"});
  CHECK(index_names(catalog, "c") == std::vector<std::string>{"c_a_idx1", "c_b_idx1"});
}

TEST_CASE("catalog: an unnamed index created again on a partitioned table leaves one copy per partition") {
  // Each CREATE INDEX ON p (a) is named p_a_idx and replaces the last; its copies must replace
  // theirs too. Numbered afresh each time, 2,000 of them on 100 partitions took over two minutes.
  Catalog catalog;
  std::string sql = "CREATE TABLE p (id int, a int) PARTITION BY RANGE (id);\n";
  for (int k = 1; k <= 3; ++k)
    sql += "CREATE TABLE p" + std::to_string(k) + " PARTITION OF p FOR VALUES FROM (" + std::to_string(k * 10) +
           ") TO (" + std::to_string(k * 10 + 10) + ");\n";
  for (int k = 0; k < 50; ++k) sql += "CREATE INDEX ON p (a);\n";
  replay(catalog, sql);
  CHECK(index_names(catalog, "p") == std::vector<std::string>{"p_a_idx"});
  for (const std::string partition : {"p1", "p2", "p3"})
    CHECK(index_names(catalog, partition) == std::vector<std::string>{partition + "_a_idx"});
}

std::vector<std::string> constraint_names(const Catalog& catalog, const std::string& table) {
  std::vector<std::string> out;
  for (const Constraint& constraint : catalog.find_table({"public", table})->constraints)
    out.push_back(constraint.name);
  return out;
}

// Each name as PostgreSQL 15 gave it, checked on a server (pg_constraint, pg_index): later
// statements name these objects as PostgreSQL did.
TEST_CASE("catalog: unnamed constraints and indexes are named as PostgreSQL names them") {
  Catalog catalog;
  const std::string long_table(58, 'a'), long_column(42, 'b');
  replay(catalog, std::string(R"sql(
    CREATE TABLE t (a int CHECK (a > 0), b int, CHECK (a < 100), CHECK (b > 0 AND a > 0));
    ALTER TABLE t ADD CHECK (a <> 5);
    CREATE TABLE w (a int, email text, b int);
    CREATE INDEX ON w (lower(email));
    CREATE INDEX ON w ((a + b));
    CREATE INDEX ON w (a, a);
    ALTER TABLE w ADD UNIQUE (a);
    ALTER TABLE w ADD UNIQUE (a);
    ALTER TABLE w ADD FOREIGN KEY (a) REFERENCES w (a);
    CREATE TABLE x (id int NOT NULL, a int, b int);
    CREATE UNIQUE INDEX x_idx ON x (id);
    ALTER TABLE x ADD PRIMARY KEY USING INDEX x_idx;
    ALTER TABLE x ADD UNIQUE (a, b);
    CREATE TABLE y (a int, b int, FOREIGN KEY (a, b) REFERENCES x (a, b), CHECK (true));
    CREATE DOMAIN d AS int CHECK (VALUE > 0) CHECK (VALUE < 10);
    ALTER DOMAIN d ADD CHECK (VALUE <> 5);
  )sql") + "CREATE TABLE " +
                      long_table + " (" + long_column + " int CHECK (" + long_column + " > 0) UNIQUE);\n");
  // A CHECK reading one column is named after it, one reading several or none after the table;
  // a name taken gets the first number free.
  CHECK(constraint_names(catalog, "t") == std::vector<std::string>{"t_a_check", "t_a_check1", "t_check", "t_a_check2"});
  // An expression is named as SELECT would title it, a repeated column numbered.
  CHECK(index_names(catalog, "w") ==
        std::vector<std::string>{"w_a_a1_idx", "w_a_key", "w_a_key1", "w_expr_idx", "w_lower_idx"});
  CHECK(constraint_names(catalog, "w") == std::vector<std::string>{"w_a_key", "w_a_key1", "w_a_fkey"});
  // An unnamed PRIMARY KEY USING INDEX takes the index's name, and leaves the index as it is.
  CHECK(constraint_names(catalog, "x") == std::vector<std::string>{"x_idx", "x_a_b_key"});
  CHECK(index_names(catalog, "x") == std::vector<std::string>{"x_a_b_key", "x_idx"});
  CHECK(constraint_names(catalog, "y") == std::vector<std::string>{"y_a_b_fkey", "y_check"});
  CHECK(catalog.find_domain({"public", "d"})->checks.names() ==
        std::vector<std::string>{"d_check", "d_check1", "d_check2"});
  // Cut to 63 bytes, the longer name first until both are as long.
  CHECK(constraint_names(catalog, long_table) ==
        std::vector<std::string>{std::string(28, 'a') + "_" + std::string(28, 'b') + "_check",
                                 std::string(29, 'a') + "_" + std::string(29, 'b') + "_key"});
}

TEST_CASE("catalog: an unnamed constraint takes the first number free, after the table's others") {
  Catalog catalog;
  std::string sql = "CREATE TABLE t (a int);\n";
  for (int i = 0; i < 12; ++i) sql += "ALTER TABLE t ADD CHECK (a > " + std::to_string(-i) + ");\n";
  // Freed names are taken again, lowest first, as PostgreSQL does; a name with a leading zero is
  // not a number taken.
  sql +=
      "ALTER TABLE t DROP CONSTRAINT t_a_check10, DROP CONSTRAINT t_a_check5;\n"
      "ALTER TABLE t ADD CONSTRAINT t_a_check012 CHECK (a <> 12);\n";
  for (int i = 0; i < 3; ++i) sql += "ALTER TABLE t ADD CHECK (a <> " + std::to_string(i) + ");\n";
  replay(catalog, sql);
  std::vector<std::string> expected{"t_a_check"};
  for (int i = 1; i < 12; ++i)
    if (i != 5 && i != 10) expected.push_back("t_a_check" + std::to_string(i));
  for (const char* name : {"t_a_check012", "t_a_check5", "t_a_check10", "t_a_check12"}) expected.emplace_back(name);
  CHECK(constraint_names(catalog, "t") == expected);
}

// Past 16 constraints the table finds them through an index, and remembers how many numbered names
// it has given out; a name taken by hand, a rename, a dropped column and a drop must each leave the
// next name where PostgreSQL 15 put it (pg_constraint, in creation order, on a real server).
TEST_CASE("catalog: the first number free, on a table of many constraints") {
  Catalog catalog;
  std::string sql = "CREATE TABLE t (a int, b int);\n";
  for (int i = 0; i < 20; ++i) sql += "ALTER TABLE t ADD CHECK (a > " + std::to_string(i) + ");\n";
  sql += R"sql(
    ALTER TABLE t ADD CONSTRAINT t_a_check21 CHECK (a <> 21);
    ALTER TABLE t ADD CHECK (a <> 0);
    ALTER TABLE t ADD CHECK (a <> 1);
    ALTER TABLE t RENAME CONSTRAINT t_a_check3 TO kept3;
    ALTER TABLE t ADD CHECK (a <> 2);
    ALTER TABLE t ADD CHECK (b > 0);
    ALTER TABLE t ADD CHECK (b > 1);
    ALTER TABLE t DROP COLUMN b;
    ALTER TABLE t DROP CONSTRAINT t_a_check7;
    ALTER TABLE t ADD CHECK (a <> 3);
    ALTER TABLE t ADD CHECK (a <> 4);
  )sql";
  replay(catalog, sql);
  std::vector<std::string> expected{"t_a_check", "t_a_check1", "t_a_check2", "kept3"};
  for (int i = 4; i < 20; ++i)
    if (i != 7) expected.push_back("t_a_check" + std::to_string(i));
  for (const char* name : {"t_a_check21", "t_a_check20", "t_a_check22", "t_a_check3", "t_a_check7", "t_a_check23"})
    expected.emplace_back(name);
  CHECK(constraint_names(catalog, "t") == expected);
  const Table* table = catalog.find_table({"public", "t"});
  REQUIRE(table != nullptr);
  CHECK(table->constraint("t_a_check3") != nullptr);
  CHECK(table->constraint("kept3") != nullptr);
  CHECK(table->constraint("t_b_check") == nullptr);
}

// A key's index is named after the relations of the schema too: the table remembers how many of
// its numbered names are taken only until a relation's name is freed (a DROP, a RENAME). PostgreSQL
// 15 named these (pg_constraint in creation order, on a real server).
TEST_CASE("catalog: a key's index takes a name freed by dropping or renaming another relation") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE t (a int);
    ALTER TABLE t ADD UNIQUE (a);
    ALTER TABLE t ADD UNIQUE (a);
    ALTER TABLE t ADD UNIQUE (a);
    CREATE TABLE t_a_key3 (x int);
    ALTER TABLE t ADD UNIQUE (a);
    DROP TABLE t_a_key3;
    ALTER TABLE t ADD UNIQUE (a);
    ALTER INDEX t_a_key1 RENAME TO renamed1;
    ALTER TABLE t ADD UNIQUE (a);
    CREATE SEQUENCE t_a_key5;
    ALTER TABLE t ADD UNIQUE (a);
    ALTER TABLE t ADD PRIMARY KEY (a);
  )sql");
  CHECK(constraint_names(catalog, "t") == std::vector<std::string>{"t_a_key", "renamed1", "t_a_key2", "t_a_key4",
                                                                   "t_a_key3", "t_a_key1", "t_a_key6", "t_pkey"});
  CHECK(index_names(catalog, "t") == std::vector<std::string>{"renamed1", "t_a_key", "t_a_key1", "t_a_key2", "t_a_key3",
                                                              "t_a_key4", "t_a_key6", "t_pkey"});
}

// PostgreSQL 15 renames a key's index with its constraint, and the constraint with its index
// (pg_constraint.conindid, on a real server).
TEST_CASE("catalog: a key constraint and its index are renamed together, whichever is renamed") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE t (a int, b int);
    ALTER TABLE t ADD CONSTRAINT uq_t_a UNIQUE (a);
    ALTER TABLE t RENAME CONSTRAINT uq_t_a TO uq_renamed;
    ALTER TABLE t ADD PRIMARY KEY (b);
    ALTER INDEX t_pkey RENAME TO pk;
  )sql");
  CHECK(constraint_names(catalog, "t") == std::vector<std::string>{"uq_renamed", "pk"});
  CHECK(index_names(catalog, "t") == std::vector<std::string>{"pk", "uq_renamed"});
  CHECK(catalog.find_index({"public", "uq_t_a"}) == nullptr);
  CHECK(catalog.find_table({"public", "t"})->constraint("uq_renamed")->index == "uq_renamed");
  // The index can be renamed back again by its new name, and the constraint follows.
  replay(catalog, "ALTER INDEX uq_renamed RENAME TO uq_again;");
  CHECK(constraint_names(catalog, "t") == std::vector<std::string>{"uq_again", "pk"});
}

TEST_CASE("catalog: a table made LIKE itself keeps its own columns once") {
  // PostgreSQL refuses it; the replay found the entry being created as the LIKE's source and
  // appended its columns to themselves while reading them (AddressSanitizer: heap-use-after-free).
  Catalog catalog;
  replay(catalog, "CREATE TABLE t (a int, b int, c int, d int, LIKE t);");
  const Table* table = catalog.find_table({"public", "t"});
  REQUIRE(table != nullptr);
  std::vector<std::string> columns;
  for (const Column& column : table->columns) columns.push_back(column.name);
  CHECK(columns == std::vector<std::string>{"a", "b", "c", "d"});
}

namespace {

// "c0 int, c1 int, …" for columns first .. first + count - 1.
std::string column_list(int count, int first = 0) {
  std::string list;
  for (int i = first; i < first + count; ++i) list += (list.empty() ? "c" : ", c") + std::to_string(i) + " int";
  return list;
}

}  // namespace

// PostgreSQL 15, on a real server: CREATE TABLE of 1,601 columns and an ADD COLUMN that needs a
// 1,601st number both fail with "tables can have at most 1600 columns"; dropped columns keep their
// numbers; LIKE and PARTITION OF number the new table's columns afresh.
TEST_CASE("catalog: a table holds no more than PostgreSQL's 1,600 column numbers, dropped columns counted") {
  Catalog catalog;
  SUBCASE("CREATE TABLE past the limit keeps its first 1,600 columns, and ADD COLUMN adds no more") {
    // The server creates nothing; the lenient replay keeps what it can, as it does elsewhere.
    replay(catalog, "CREATE TABLE t (" + column_list(1601) + ");\nALTER TABLE t ADD COLUMN late int;");
    const Table* table = catalog.find_table({"public", "t"});
    REQUIRE(table != nullptr);
    CHECK(table->columns.size() == 1600);
    CHECK(table->columns_numbered == 1600);
    CHECK(table->column("c1599") != nullptr);
    CHECK(table->column("c1600") == nullptr);
    CHECK(table->column("late") == nullptr);
  }
  SUBCASE("a dropped column keeps its number") {
    replay(catalog, "CREATE TABLE t (" + column_list(1599) +
                        ");\nALTER TABLE t ADD COLUMN a int;\nALTER TABLE t DROP COLUMN a;\n"
                        "ALTER TABLE t ADD COLUMN b int;");
    const Table* table = catalog.find_table({"public", "t"});
    REQUIRE(table != nullptr);
    CHECK(table->columns.size() == 1599);
    CHECK(table->column("a") == nullptr);
    CHECK(table->column("b") == nullptr);
    SUBCASE("LIKE numbers the copy's columns afresh") {
      replay(catalog, "CREATE TABLE copy (LIKE t);\nALTER TABLE copy ADD COLUMN z int;", 1);
      const Table* copy = catalog.find_table({"public", "copy"});
      REQUIRE(copy != nullptr);
      CHECK(copy->columns.size() == 1600);
      CHECK(copy->column("z") != nullptr);
    }
  }
  SUBCASE("a partition's columns are numbered afresh, without its parent's dropped ones") {
    replay(catalog, "CREATE TABLE p (" + column_list(1599) +
                        ") PARTITION BY RANGE (c0);\nALTER TABLE p ADD COLUMN a int;\nALTER TABLE p DROP COLUMN a;\n"
                        "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);");
    CHECK(catalog.find_table({"public", "p"})->columns_numbered == 1600);
    const Table* partition = catalog.find_table({"public", "p1"});
    REQUIRE(partition != nullptr);
    CHECK(partition->columns.size() == 1599);
    CHECK(partition->columns_numbered == 1599);
  }
  SUBCASE("a table the history did not create: no more than 1,600 added columns are recorded") {
    std::string sql;
    for (int i = 0; i < 1700; ++i) sql += "ALTER TABLE old ADD COLUMN c" + std::to_string(i) + " int;\n";
    replay(catalog, sql);
    const Table* facts = catalog.find_table_facts({"public", "old"});
    REQUIRE(facts != nullptr);
    CHECK(facts->columns.size() == 1600);
    CHECK(facts->column("c1599") != nullptr);
    CHECK(facts->column("c1600") == nullptr);
  }
  SUBCASE("CREATE TABLE AS with more column names than the limit") {
    std::string names;
    for (int i = 0; i < 1601; ++i) names += (names.empty() ? "n" : ", n") + std::to_string(i);
    replay(catalog, "CREATE TABLE made (" + names + ") AS SELECT 1;");
    const Table* made = catalog.find_table({"public", "made"});
    REQUIRE(made != nullptr);
    CHECK(made->columns.size() == 1600);
  }
}

// The columns each foreign key references, which the lock model asks when a referenced column's type
// changes or the column is dropped with CASCADE, and the action ON DELETE takes.
TEST_CASE("catalog: a foreign key's referenced columns and ON DELETE action") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE parent (id int, code text UNIQUE, PRIMARY KEY (id));
    CREATE TABLE child (
      id int PRIMARY KEY,
      parent_id int REFERENCES parent ON DELETE CASCADE,
      parent_code text CONSTRAINT child_code_fk REFERENCES parent (code) ON DELETE SET NULL,
      up int REFERENCES child ON DELETE RESTRICT
    );
    ALTER TABLE child ADD CONSTRAINT child_pair_fk FOREIGN KEY (id, parent_code) REFERENCES parent (id, code);
    ALTER TABLE child ADD CONSTRAINT child_far_fk FOREIGN KEY (id) REFERENCES far_away;
  )sql");
  const auto key = [&](std::string_view name) {
    const Constraint* found = catalog.find_table({"public", "child"})->constraints.find(name);
    REQUIRE(found != nullptr);
    return *found;
  };
  // No column list: the referenced table's primary key, its own table's too.
  CHECK(key("child_parent_id_fkey").referenced_columns == std::vector<std::string>{"id"});
  CHECK(key("child_parent_id_fkey").delete_writes_referencing_rows);
  CHECK(key("child_code_fk").referenced_columns == std::vector<std::string>{"code"});
  CHECK(key("child_code_fk").delete_writes_referencing_rows);
  CHECK(key("child_up_fkey").referenced_columns == std::vector<std::string>{"id"});
  CHECK_FALSE(key("child_up_fkey").delete_writes_referencing_rows);
  CHECK(key("child_pair_fk").referenced_columns == std::vector<std::string>{"id", "code"});
  CHECK_FALSE(key("child_pair_fk").delete_writes_referencing_rows);
  // A table the history never created: its primary key is unknown.
  CHECK(key("child_far_fk").referenced_columns.empty());
  CHECK(key("child_far_fk").references_column("id") == std::nullopt);
  CHECK(key("child_code_fk").references_column("code") == true);
  CHECK(key("child_code_fk").references_column("id") == false);

  SUBCASE("a renamed referenced column is referenced by its new name") {
    replay(catalog, "ALTER TABLE parent RENAME COLUMN code TO label;\nALTER TABLE child RENAME COLUMN id TO child_id;",
           1);
    CHECK(key("child_code_fk").referenced_columns == std::vector<std::string>{"label"});
    CHECK(key("child_pair_fk").referenced_columns == std::vector<std::string>{"id", "label"});
    CHECK(key("child_up_fkey").referenced_columns == std::vector<std::string>{"child_id"});
  }
  SUBCASE("DROP COLUMN … CASCADE drops the foreign keys that reference the column, and no others") {
    replay(catalog, "ALTER TABLE parent DROP COLUMN code CASCADE;", 1);
    CHECK(constraint_names(catalog, "child") ==
          std::vector<std::string>{"child_pkey", "child_parent_id_fkey", "child_up_fkey", "child_far_fk"});
  }
}
TEST_CASE("catalog: views depending on a relation, through views of views, after a rename of the view") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE parent (id int);
    CREATE VIEW first_view AS SELECT id FROM parent;
    CREATE VIEW second_view AS SELECT id FROM first_view;
    CREATE MATERIALIZED VIEW totals AS SELECT count(*) FROM parent;
    CREATE TABLE copy AS SELECT * FROM parent;
    ALTER VIEW first_view RENAME TO renamed_view;
  )sql");
  // The catalog records what second_view's query named (first_view), as it does for every rename.
  CHECK(names(catalog.views_depending_on(kParent)) == std::vector<std::string>{"public.renamed_view", "public.totals"});

  replay(catalog, "CREATE OR REPLACE VIEW renamed_view AS SELECT 1 AS id;");
  CHECK(names(catalog.views_depending_on(kParent)) == std::vector<std::string>{"public.totals"});
}

TEST_CASE("catalog: the columns whose default draws from a sequence, after renames and changed defaults") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE SEQUENCE ticket_no;
    CREATE TABLE tickets (id int DEFAULT nextval('ticket_no'), copy_id int);
    ALTER TABLE tickets ALTER COLUMN copy_id SET DEFAULT nextval('ticket_no');
    CREATE TABLE drafts (id int);
    ALTER TABLE drafts ALTER COLUMN id SET DEFAULT nextval('ticket_no');
    ALTER TABLE drafts ALTER COLUMN id DROP DEFAULT;
    ALTER TABLE tickets RENAME TO issued;
    CREATE TABLE serials (id serial);
  )sql");
  std::vector<std::string> found;
  for (const auto& [table, column] : catalog.columns_drawing_from({"public", "ticket_no"}))
    found.push_back(table->name.str() + "." + column->name);
  CHECK(found == std::vector<std::string>{"public.issued.id", "public.issued.copy_id"});
  const auto serial = catalog.columns_drawing_from({"public", "serials_id_seq"});
  REQUIRE(serial.size() == 1);
  CHECK(serial[0].column->name == "id");
  CHECK(*serial[0].column->type == SqlType{"", "int4", {}, false});  // serial is an int4 with a default
  CHECK(catalog.columns_drawing_from({"public", "unknown_seq"}).empty());

  // A default follows its sequence's rename; DROP SEQUENCE … CASCADE drops the defaults.
  replay(catalog, "ALTER SEQUENCE serials_id_seq RENAME TO serial_ids;");
  CHECK(catalog.find_table({"public", "serials"})->column("id")->default_sequence == "serial_ids");
  CHECK(catalog.columns_drawing_from({"public", "serial_ids"}).size() == 1);
  replay(catalog, "DROP SEQUENCE ticket_no CASCADE;");
  const Column* id = catalog.find_table({"public", "issued"})->column("id");
  CHECK(id->default_sequence.empty());
  CHECK_FALSE(id->has_default);
}

TEST_CASE("catalog: DROP IDENTITY drops the identity's sequence; DROP IDENTITY of a plain column keeps its own") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, n serial);
    ALTER TABLE t ALTER COLUMN id DROP IDENTITY;
    ALTER TABLE t ALTER COLUMN n DROP IDENTITY IF EXISTS;
  )sql");
  CHECK(catalog.find_sequence({"public", "t_id_seq"}) == nullptr);
  CHECK(catalog.find_table({"public", "t"})->column("id")->default_sequence.empty());
  CHECK(catalog.find_sequence({"public", "t_n_seq"}) != nullptr);
  CHECK(catalog.sequences_in_schema("public").size() == 1);
}

TEST_CASE("catalog: the tables whose triggers run a function, after renames, drops and replacements") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE a (id int);
    CREATE TABLE b (id int);
    CREATE TABLE c (id int);
    CREATE TRIGGER a_touch BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION touch();
    CREATE TRIGGER b_touch BEFORE INSERT ON b FOR EACH ROW EXECUTE PROCEDURE public.touch();
    CREATE TRIGGER c_touch BEFORE INSERT ON c FOR EACH ROW EXECUTE FUNCTION touch();
    CREATE TRIGGER legacy_touch BEFORE INSERT ON legacy FOR EACH ROW EXECUTE FUNCTION touch();
    ALTER TABLE a RENAME TO a2;
    DROP TRIGGER b_touch ON b;
    CREATE OR REPLACE TRIGGER c_touch BEFORE INSERT ON c FOR EACH ROW EXECUTE FUNCTION other();
    ALTER TRIGGER a_touch ON a2 RENAME TO a2_touch;
  )sql");
  const QualifiedName touch{"public", "touch"};
  // legacy: a table the history never created, but gave a trigger.
  CHECK(names(catalog.tables_with_triggers_running(touch)) == std::vector<std::string>{"public.a2", "public.legacy"});
  CHECK(catalog.find_table({"public", "a2"})->triggers.names() == std::vector<std::string>{"a2_touch"});
  CHECK(names(catalog.tables_with_triggers_running({"public", "other"})) == std::vector<std::string>{"public.c"});
  REQUIRE(catalog.find_table({"public", "c"})->triggers.size() == 1);  // replaced, not added

  replay(catalog, "DROP FUNCTION touch() CASCADE;");
  CHECK(catalog.tables_with_triggers_running(touch).empty());
  CHECK(catalog.find_table({"public", "a2"})->triggers.empty());
  replay(catalog, "DROP FUNCTION other();");  // without CASCADE PostgreSQL refuses: the trigger stays
  CHECK(names(catalog.tables_with_triggers_running({"public", "other"})) == std::vector<std::string>{"public.c"});
}

TEST_CASE("catalog: the partitions below a table, and the copies of its index on them, through every level") {
  Catalog catalog;
  replay(catalog, R"sql(
    CREATE TABLE m (id int, region text, ts date) PARTITION BY LIST (region);
    CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us');
    CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu') PARTITION BY RANGE (ts);
    CREATE TABLE m_eu_2024 PARTITION OF m_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE INDEX m_ts_idx ON m (ts);
    CREATE TABLE m_eu_2025 PARTITION OF m_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    CREATE INDEX m_id_idx ON ONLY m (id);
  )sql");
  const Table* m = catalog.find_table({"public", "m"});
  REQUIRE(m);
  std::vector<std::string> below;
  for (const QualifiedName& name : catalog.partitions_below(*m)) below.push_back(name.str());
  CHECK(below == std::vector<std::string>{"public.m_us", "public.m_eu", "public.m_eu_2024", "public.m_eu_2025"});

  // Copies made down the tree when the index was created, and for the partition created after it
  // from m_eu's copy; each names the index it is a copy of.
  const auto copies_of = [&](const std::string& index) {
    std::vector<std::string> out;
    for (const Index* copy : catalog.index_copies(*catalog.find_index({"public", index})))
      out.push_back(copy->name.str() + " of " + copy->parent->str());
    return out;
  };
  CHECK(copies_of("m_ts_idx") == std::vector<std::string>{"public.m_us_ts_idx of public.m_ts_idx",
                                                          "public.m_eu_ts_idx of public.m_ts_idx",
                                                          "public.m_eu_2024_ts_idx of public.m_eu_ts_idx",
                                                          "public.m_eu_2025_ts_idx of public.m_eu_ts_idx"});
  CHECK(copies_of("m_id_idx").empty());  // ON ONLY: no copies until the partitions' are attached

  replay(catalog, R"sql(
    CREATE INDEX m_us_id_idx ON m_us (id);
    ALTER INDEX m_id_idx ATTACH PARTITION m_us_id_idx;
    ALTER INDEX m_ts_idx RENAME TO m_ts_idx_renamed;
  )sql",
         1);
  CHECK(copies_of("m_id_idx") == std::vector<std::string>{"public.m_us_id_idx of public.m_id_idx"});
  CHECK(copies_of("m_ts_idx_renamed").size() == 4);
  CHECK(catalog.find_index({"public", "m_us_ts_idx"})->parent->str() == "public.m_ts_idx_renamed");
  // ALTER INDEX records nothing about a table: no record named after the index.
  CHECK(catalog.find_table_facts({"public", "m_id_idx"}) == nullptr);
}
