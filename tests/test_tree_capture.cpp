// Trees taken from libpg_query before it serialises them (parser/tree_capture.h) must be the trees
// its protobuf gives: every tree taken here is packed with protobuf-c and compared byte for byte
// with pg_query_parse_protobuf's output for the same text, which the linker's stand-ins produce as
// libpg_query does when no capture is active.
#include <doctest/doctest.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <pthread.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parser/node_walk.h"
#include "parser/pg_query_raii.h"
#include "parser/tree_capture.h"
#include "tests/test_support.h"

using namespace zdlint;

// libpg_query's own functions, which its public header does not declare.
extern "C" {
void* pg_query_enter_memory_context();
void pg_query_exit_memory_context(void* context);
void* palloc(size_t size);
bool errstart(int level, const char* domain);
int errmsg_internal(const char* format, ...);
void errfinish(const char* file, int line, const char* function);
}

namespace {

std::string packed(const ProtobufCMessage* message) {
  std::string bytes(protobuf_c_message_get_packed_size(message), '\0');
  protobuf_c_message_pack(message, reinterpret_cast<uint8_t*>(bytes.data()));
  return bytes;
}

// libpg_query's own serialisation of the tree of `sql`; empty on a syntax error.
std::string protobuf_tree(const std::string& sql) {
  const PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql.c_str());
  std::string bytes = result.error ? "" : std::string(result.parse_tree.data, result.parse_tree.len);
  pg_query_free_protobuf_parse_result(result);
  return bytes;
}

enum class Taken { Same, Different, NoTree, NotParsed };

// Takes the tree of `sql` and compares it with the protobuf tree.
Taken take(const std::string& sql) {
  const ParseTreeResult result(sql.c_str());
  if (result.error()) return Taken::NotParsed;
  const SharedTree tree = result.tree();
  if (!tree) return Taken::NoTree;
  const std::string expected = protobuf_tree(sql);
  // Parsing other text reuses the memory libpg_query freed after each parse, and writes other
  // names and constants into it: a tree pointing there would change.
  static const std::string other = [] {
    std::string text = "SELECT ";
    for (int i = 0; i < 2000; ++i) text += "x" + std::to_string(i) + " + 1.5 + 'y' || ";
    return text + "0";
  }();
  REQUIRE_FALSE(protobuf_tree(other).empty());
  return packed(&tree->base) == expected ? Taken::Same : Taken::Different;
}

// Runs `task` on a thread with a 1 MB stack.
void on_small_stack(const std::function<void()>& task) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, 1024 * 1024);
  pthread_t thread;
  auto* job = new std::function<void()>(task);
  REQUIRE(pthread_create(
              &thread, &attributes,
              [](void* arg) -> void* {
                std::unique_ptr<std::function<void()>> owned(static_cast<std::function<void()>*>(arg));
                (*owned)();
                return nullptr;
              },
              job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
}

const PgQuery__Node* first_target(const PgQuery__ParseResult& tree) {
  const PgQuery__SelectStmt* select = tree.stmts[0]->stmt->select_stmt;
  return select->target_list[0]->res_target->val;
}

std::string nots(int n) {
  std::string sql = "SELECT ";
  for (int i = 0; i < n; ++i) sql += "NOT ";
  return sql + "true";
}

// The nodes below `message` in the order walk_nodes should meet them, found the slow way: every
// field of every message looked at through protobuf-c's descriptors.
void nodes_by_descriptor(const ProtobufCMessage* message, std::vector<const PgQuery__Node*>& out) {
  if (!message) return;
  const ProtobufCMessageDescriptor& descriptor = *message->descriptor;
  const auto* base = reinterpret_cast<const uint8_t*>(message);
  if (&descriptor == &pg_query__node__descriptor) out.push_back(reinterpret_cast<const PgQuery__Node*>(message));
  for (unsigned i = 0; i < descriptor.n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = descriptor.fields[i];
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      const auto count = *reinterpret_cast<const size_t*>(base + field.quantifier_offset);
      const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + field.offset);
      for (size_t k = 0; k < count; ++k) nodes_by_descriptor(items[k], out);
    } else if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) == 0 ||
               *reinterpret_cast<const uint32_t*>(base + field.quantifier_offset) == field.id) {
      nodes_by_descriptor(*reinterpret_cast<ProtobufCMessage* const*>(base + field.offset), out);
    }
  }
}

}  // namespace

TEST_CASE("node_walk: a walk meets every node of every testdata file's tree, in field order") {
  size_t statements = 0, nodes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() + "/testdata")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    const ParseTreeResult result(test::slurp(entry.path()).c_str());
    if (!result.tree()) continue;
    INFO(entry.path().string());
    for (size_t i = 0; i < result.tree()->n_stmts; ++i) {
      const PgQuery__Node* root = result.tree()->stmts[i]->stmt;
      std::vector<const PgQuery__Node*> expected, walked;
      nodes_by_descriptor(&root->base, expected);
      walk_nodes(root, [&](const PgQuery__Node& node) { walked.push_back(&node); });
      CHECK(walked == expected);
      ++statements;
      nodes += walked.size();
    }
  }
  CHECK(statements > 2000);
  CHECK(nodes > 10000);
}

TEST_CASE("tree_capture: every testdata file's tree is the tree protobuf gives") {
  size_t files = 0, same = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() + "/testdata")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    const Taken outcome = take(test::slurp(entry.path()));
    if (outcome == Taken::NotParsed) continue;  // syntax errors are parsed statement by statement
    ++files;
    INFO(entry.path().string());
    CHECK(outcome == Taken::Same);
    if (outcome == Taken::Same) ++same;
  }
  CHECK(files > 500);
  CHECK(same == files);
}

TEST_CASE("tree_capture: constants, strings, names and array bounds are taken exactly") {
  for (const std::string sql : {
           "SELECT 1, 1.5, 'a\"b\\c', true, false, NULL, x'1F', b'101', $1, 2147483648, -2147483649",
           "SELECT 'tab\there', E'new\\nline', E'\\x01 control', 'é', '😀 four bytes', '', \"Quoted Name\"",
           "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, c text COLLATE \"C\" DEFAULT 'x' NOT NULL)",
           "ALTER TABLE t ADD COLUMN n int DEFAULT 0, ALTER COLUMN m TYPE varchar(20) USING m::varchar",
           "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING gin (a jsonb_path_ops) WHERE b IS NULL",
           "SELECT interval '1 day' DAY TO SECOND, CAST(x AS numeric(10, 2)), a[1:2], ARRAY[1, 2]",
           "WITH w AS (SELECT * FROM t) SELECT DISTINCT * FROM w JOIN u USING (id) ORDER BY 1 DESC NULLS LAST",
           "SELECT -1, - 7, -/* minus */1, 0, -0; CREATE SEQUENCE s INCREMENT -1 MINVALUE -100",
           "CREATE TABLE t (a text[], b int ARRAY, c int[][], d int[3], e int[0])",
           "-- only a comment",
       }) {
    INFO(sql);
    CHECK(take(sql) == Taken::Same);
  }
  const ParseTreeResult result("SELECT - 7");
  const SharedTree tree = result.tree();
  REQUIRE(tree);
  CHECK(first_target(*tree)->a_const->ival->ival == -7);
}

TEST_CASE("tree_capture: the tree outlives the parse, and nothing is serialised while capturing") {
  UnpackArena arena(1024);
  const PgQuery__ParseResult* tree = nullptr;
  {
    const TreeCapture capture(arena);
    const PgQueryProtobufParseResult result = pg_query_parse_protobuf("SELECT name FROM accounts WHERE id = 1");
    REQUIRE_FALSE(result.error);
    CHECK(result.parse_tree.len == 0);
    CHECK(capture.handed_over());
    tree = capture.tree();
    pg_query_free_protobuf_parse_result(result);  // libpg_query's memory for the parse is gone now
  }
  REQUIRE(tree);
  REQUIRE(tree->n_stmts == 1);
  const PgQuery__SelectStmt* select = tree->stmts[0]->stmt->select_stmt;
  REQUIRE(select);
  CHECK(std::string(select->from_clause[0]->range_var->relname) == "accounts");
  CHECK(std::string(select->target_list[0]->res_target->val->column_ref->fields[0]->string->sval) == "name");
  // Without a capture, libpg_query serialises as it always does.
  CHECK_FALSE(protobuf_tree("SELECT 1").empty());
}

TEST_CASE("tree_capture: deep nesting is taken as deep as three quarters of the stack holds") {
  const std::string deep = nots(1000);  // 2,000 levels: 768 KB at 384 bytes a level
  CHECK(take(deep) == Taken::Same);
  // 3,000 NOTs do not fit in three quarters of a 1 MB stack: no tree, and no crash.
  const std::string deeper = nots(3000);
  bool parsed = false, no_tree = false, too_deep = false;
  on_small_stack([&] {
    UnpackArena arena(1024);
    const TreeCapture capture(arena);
    const PgQueryProtobufParseResult result = pg_query_parse_protobuf(deeper.c_str());
    parsed = !result.error;
    no_tree = capture.tree() == nullptr;
    too_deep = capture.too_deep();
    pg_query_free_protobuf_parse_result(result);
  });
  CHECK(parsed);
  CHECK(no_tree);
  CHECK(too_deep);
  const ParseTreeResult broken("SELEC 1");
  CHECK(broken.error());
  CHECK_FALSE(broken.tree());
}

TEST_CASE("tree_capture: a message PostgreSQL reports during a conversion builds its text in libpg_query's memory") {
  constexpr int kDebug5 = 10, kWarning = 19;  // PostgreSQL 15's elevels
  UnpackArena arena(4096);
  void* context = pg_query_enter_memory_context();
  void* before = nullptr;
  void* after = nullptr;
  {
    TreeCapture capture(arena);
    capture.begin_conversion();
    before = palloc(16);  // the arena's
    // errmsg_internal builds the text with palloc and frees it again with pfree, which would
    // crash on the arena's memory.
    if (errstart(kWarning, nullptr)) {
      errmsg_internal("a warning during a conversion: %d", 1);
      errfinish(__FILE__, __LINE__, "test");
    }
    CHECK_FALSE(errstart(kDebug5, nullptr));  // not reported: errfinish does not follow
    after = palloc(16);                       // the arena's again
    capture.end_conversion();
  }
  REQUIRE(before != nullptr);
  REQUIRE(after != nullptr);
#ifndef ZDLINT_NODE_BY_NODE
  // Nothing else came from the arena in between.
  CHECK(static_cast<char*>(after) == static_cast<char*>(before) + 16);
#endif
  pg_query_exit_memory_context(context);
}
