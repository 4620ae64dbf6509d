// Trees read from libpg_query's JSON (parser/json_tree.h) must be the trees its protobuf gives:
// every tree decoded here is packed again with protobuf-c and compared byte for byte with
// pg_query_parse_protobuf's output for the same text.
#include <doctest/doctest.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <pthread.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "parser/json_tree.h"
#include "parser/pg_query_raii.h"
#include "tests/test_support.h"

using namespace zdlint;

namespace {

std::string packed(const ProtobufCMessage* message) {
  std::string bytes(protobuf_c_message_get_packed_size(message), '\0');
  protobuf_c_message_pack(message, reinterpret_cast<uint8_t*>(bytes.data()));
  return bytes;
}

std::string protobuf_tree(const std::string& sql) {
  const PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql.c_str());
  std::string bytes = result.error ? "" : std::string(result.parse_tree.data, result.parse_tree.len);
  pg_query_free_protobuf_parse_result(result);
  return bytes;
}

enum class Decoded { Same, Different, GaveUp, NotParsed };

// Decodes the JSON tree of `sql` and compares it with the protobuf tree.
Decoded decode(const std::string& sql) {
  const PgQueryParseResult result = pg_query_parse(sql.c_str());
  Decoded outcome = Decoded::NotParsed;
  if (!result.error) {
    UnpackArena arena(1024);
    const PgQuery__ParseResult* tree = decode_json_parse_tree(result.parse_tree, sql, arena);
    outcome = !tree                                                          ? Decoded::GaveUp
              : packed(&tree->base) == protobuf_tree(sql) ? Decoded::Same
                                                                             : Decoded::Different;
  }
  pg_query_free_parse_result(result);
  return outcome;
}

// Runs `task` on a thread with a 1 MB stack.
void on_small_stack(const std::function<void()>& task) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, 1024 * 1024);
  pthread_t thread;
  auto* job = new std::function<void()>(task);
  REQUIRE(pthread_create(&thread, &attributes, [](void* arg) -> void* {
    std::unique_ptr<std::function<void()>> owned(static_cast<std::function<void()>*>(arg));
    (*owned)();
    return nullptr;
  }, job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
}

const PgQuery__Node* first_target(const PgQuery__ParseResult& tree) {
  const PgQuery__SelectStmt* select = tree.stmts[0]->stmt->select_stmt;
  return select->target_list[0]->res_target->val;
}

}  // namespace

TEST_CASE("every testdata statement decodes from JSON to the tree protobuf gives") {
  size_t files = 0, same = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() + "/testdata")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    const std::string sql = test::slurp(entry.path());
    const Decoded outcome = decode(sql);
    if (outcome == Decoded::NotParsed) continue;  // syntax errors are parsed statement by statement
    ++files;
    INFO(entry.path().string());
    CHECK(outcome != Decoded::Different);
    if (outcome == Decoded::Same) ++same;
  }
  CHECK(files > 500);
  CHECK(same == files);  // none needs the protobuf fallback
}

TEST_CASE("constants, strings and names decode exactly") {
  for (const std::string sql : {
           "SELECT 1, 1.5, 'a\"b\\c', true, false, NULL, x'1F', b'101', $1, 2147483648, -2147483649",
           "SELECT 'tab\there', E'new\\nline', E'\\x01 control', 'é', '😀 four bytes', '', \"Quoted Name\"",
           "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, c text COLLATE \"C\" DEFAULT 'x' NOT NULL)",
           "ALTER TABLE t ADD COLUMN n int DEFAULT 0, ALTER COLUMN m TYPE varchar(20) USING m::varchar",
           "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING gin (a jsonb_path_ops) WHERE b IS NULL",
           "SELECT interval '1 day' DAY TO SECOND, CAST(x AS numeric(10, 2)), a[1:2], ARRAY[1, 2]",
           "WITH w AS (SELECT * FROM t) SELECT DISTINCT * FROM w JOIN u USING (id) ORDER BY 1 DESC NULLS LAST",
       }) {
    INFO(sql);
    CHECK(decode(sql) == Decoded::Same);
  }
}

// libpg_query 15-4.0's JSON writes an Integer's value only when it is positive.
TEST_CASE("zero and negative integers are recovered, or the decode gives up") {
  CHECK(decode("SELECT -1, - 7, -\n42, 0, 00, -0") == Decoded::Same);  // A_Const: read again from the SQL
  CHECK(decode("ALTER TABLE t ALTER COLUMN c SET DEFAULT -2147483648") == Decoded::Same);  // a Float
  CHECK(decode("CREATE TABLE t (a text[], b int ARRAY, c int[][], d int[3])") == Decoded::Same);  // -1 bounds
  CHECK(decode("CREATE TABLE t (a text[], b jsonb DEFAULT '[\"x\"]', c int[7])") == Decoded::Same);
  // What cannot be told from the text: the protobuf form is taken instead.
  CHECK(decode("SELECT -/* minus */1") == Decoded::GaveUp);
  CHECK(decode("CREATE TABLE t (a int[0])") == Decoded::GaveUp);
  CHECK(decode("CREATE TABLE t (a int[], b int[ 0 ])") == Decoded::GaveUp);
  CHECK(decode("CREATE SEQUENCE s INCREMENT -1 MINVALUE -100") == Decoded::GaveUp);

  UnpackArena arena(1024);
  const std::string sql = "SELECT - 7";
  const PgQueryParseResult result = pg_query_parse(sql.c_str());
  const PgQuery__ParseResult* tree = decode_json_parse_tree(result.parse_tree, sql, arena);
  REQUIRE(tree);
  CHECK(first_target(*tree)->a_const->ival->ival == -7);
  pg_query_free_parse_result(result);
}

TEST_CASE("a parse result falls back on the protobuf tree when the JSON one is ambiguous") {
  for (const std::string sql : {"CREATE SEQUENCE s INCREMENT -1", "SELECT -/* minus */1", "SELECT 1"}) {
    INFO(sql);
    const ParseTreeResult result(sql.c_str());
    REQUIRE_FALSE(result.error());
    const SharedTree tree = result.tree();
    REQUIRE(tree);
    CHECK(packed(&tree->base) == protobuf_tree(sql));
  }
  // Deep nesting is read (1,000 NOTs: 2,000 levels of JSON) …
  const auto nots = [](int n) {
    std::string sql = "SELECT ";
    for (int i = 0; i < n; ++i) sql += "NOT ";
    return sql + "true";
  };
  const std::string deep = nots(1000);
  const ParseTreeResult nested(deep.c_str());
  REQUIRE_FALSE(nested.error());
  const SharedTree nested_tree = nested.tree();
  REQUIRE(nested_tree);
  CHECK(packed(&nested_tree->base) == protobuf_tree(deep));
  // … but only as deep as three quarters of the thread's stack holds, and then not from protobuf
  // either, whose unpacking would overflow the stack: no tree, and no crash.
  const std::string deeper = nots(3000);
  bool parsed = false, decoded = true, too_deep = false, no_tree = false;
  on_small_stack([&] {  // 1 MB: 6,000 levels of JSON do not fit in three quarters of it
    UnpackArena arena(1024);
    const PgQueryParseResult json = pg_query_parse(deeper.c_str());
    parsed = !json.error;
    if (parsed) decoded = decode_json_parse_tree(json.parse_tree, deeper, arena, &too_deep) != nullptr;
    pg_query_free_parse_result(json);
    no_tree = ParseTreeResult(deeper.c_str()).tree() == nullptr;
  });
  CHECK(parsed);
  CHECK_FALSE(decoded);
  CHECK(too_deep);
  CHECK(no_tree);

  const ParseTreeResult broken("SELEC 1");
  CHECK(broken.error());
  CHECK_FALSE(broken.tree());
}

TEST_CASE("JSON that libpg_query does not write is refused, not guessed at") {
  UnpackArena arena(1024);
  for (const std::string json : {
           R"({"version":150001,"stmts":[{"stmt":{"NoSuchNode":{}}}]})",
           R"({"version":150001,"stmts":[{"stmt":{"SelectStmt":{"op":"NOT_AN_OP"}}}]})",
           R"({"version":"150001"})",
           R"({"version":150001,"stmts":[{"stmt":{"SelectStmt":{}}})",
           R"({"version":150001} trailing)",
           R"({"stmts":[{"stmt":{"A_Const":{"sval":{"sval":"unterminated}}}}]})",
           R"({"stmts":[{"stmt":{"A_Const":{"sval":{"sval":"bad \q escape"}}}}]})",
           "",
       }) {
    INFO(json);
    CHECK(decode_json_parse_tree(json, "", arena) == nullptr);
  }
  std::string deep = R"({"stmts":[{"stmt":)";
  for (int i = 0; i < 30000; ++i) deep += R"({"List":{"items":[)";
  CHECK(decode_json_parse_tree(deep, "", arena) == nullptr);  // too deep for this reader: not read to the end
}
