#include <doctest/doctest.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <cstring>
#include <string>
#include <vector>

#include "parser/parse_file.h"
#include "parser/sql_text.h"
#include "parser/tokens.h"
#include "parser/unpack_arena.h"

using namespace zdlint;

namespace {

ParsedFile parse(const std::string& text, ParseOptions options = {}) {
  return parse_file(std::make_shared<const SourceFile>("t.sql", text), options);
}

std::string_view slice(const ParsedFile& file, ByteRange range) {
  return file.source->text().substr(range.begin, range.size());
}

// What a file's PL/pgSQL bodies gave: each top-level statement's line and whether its body was
// marked as not compiled, and the text of each statement read from a body.
struct BodiesRead {
  std::vector<std::pair<int, bool>> hosts;
  std::vector<std::string> statements;
};

BodiesRead bodies_read(const ParsedFile& file) {
  BodiesRead read;
  for (const Statement& stmt : file.statements) {
    if (stmt.origin == StatementOrigin::TopLevel)
      read.hosts.emplace_back(file.source->position(stmt.range.begin).line, stmt.body_not_compiled);
    else
      read.statements.emplace_back(slice(file, stmt.range));
  }
  return read;
}

}  // namespace

TEST_CASE("statement ranges start at the first token, not at leading comments") {
  const auto file = parse("-- create it\n  /* note */ CREATE TABLE t (id int);\n\nSELECT 1 ; -- done\n");
  REQUIRE(file.statements.size() == 2);
  CHECK(slice(file, file.statements[0].range) == "CREATE TABLE t (id int)");
  CHECK(file.source->position(file.statements[0].range.begin).line == 2);
  CHECK(file.source->position(file.statements[0].range.begin).column_chars == 14);
  CHECK(slice(file, file.statements[1].range) == "SELECT 1");
  CHECK(file.syntax_errors.empty());
}

TEST_CASE("comments are attached to the statement they precede or trail") {
  const auto file = parse("-- zdlint-ignore rename-column: ok\nALTER TABLE a RENAME x TO y; -- trailing\n-- lead b\nSELECT 1;\n-- at end\n");
  REQUIRE(file.statements.size() == 2);
  REQUIRE(file.statements[0].leading_comments.size() == 1);
  CHECK(file.statements[0].leading_comments[0].text == "zdlint-ignore rename-column: ok");
  REQUIRE(file.statements[0].trailing_comments.size() == 1);
  CHECK(file.statements[0].trailing_comments[0].text == "trailing");
  REQUIRE(file.statements[1].leading_comments.size() == 1);
  CHECK(file.statements[1].leading_comments[0].text == "lead b");
  REQUIRE(file.file_comments.size() == 1);
  CHECK(file.file_comments[0].text == "at end");
}

TEST_CASE("a file of comments only has no statements but keeps its comments") {
  const auto file = parse("-- zdlint-ignore-file drop-column-without-expand: legacy\n/* nothing */\n");
  CHECK(file.statements.empty());
  CHECK(file.syntax_errors.empty());
  CHECK(file.file_comments.size() == 2);
}

TEST_CASE("recovery: a broken 2nd statement of 3 gives one syntax error at its exact position") {
  const auto file = parse("CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN ;\nCREATE TABLE b (id int);\n");
  REQUIRE(file.statements.size() == 2);
  CHECK(slice(file, file.statements[0].range) == "CREATE TABLE a (id int)");
  CHECK(slice(file, file.statements[1].range) == "CREATE TABLE b (id int)");
  REQUIRE(file.syntax_errors.size() == 1);
  const auto pos = file.source->position(file.syntax_errors[0].range.begin);
  CHECK(pos.line == 2);
  CHECK(pos.column_chars == 26);
  CHECK(file.syntax_errors[0].message == "syntax error at or near \";\"");
}

TEST_CASE("recovery: error positions count characters, not bytes, before the bad token") {
  const auto file = parse("SELECT 'é' + ;\nSELECT 1;\n");
  REQUIRE(file.syntax_errors.size() == 1);
  CHECK(slice(file, file.syntax_errors[0].range) == ";");
  CHECK(file.source->position(file.syntax_errors[0].range.begin).column_chars == 14);
  CHECK(file.statements.size() == 1);
}

TEST_CASE("an unterminated string stops the scanner; statements before it are still analysed") {
  const auto file = parse("CREATE TABLE a (id int);\nSELECT 'oops;\nSELECT 2;\n");
  REQUIRE(file.statements.size() == 1);
  REQUIRE(file.syntax_errors.size() == 1);
  CHECK(file.syntax_errors[0].message.find("unterminated quoted string") != std::string::npos);
  CHECK(file.source->position(file.syntax_errors[0].range.begin).line == 2);
}

TEST_CASE("syntax errors are bounded per file") {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "SELEC " + std::to_string(i) + ";\n";
  ParseOptions options;
  options.max_syntax_errors = 20;
  const auto file = parse(text, options);
  REQUIRE(file.syntax_errors.size() == 21);
  CHECK_FALSE(file.syntax_errors[19].gave_up);
  CHECK(file.syntax_errors[20].gave_up);
  CHECK(file.source->position(file.syntax_errors[20].range.begin).line == 21);
  CHECK(file.syntax_errors[20].message.find("stopped parsing") != std::string::npos);
}

TEST_CASE("streaming mode yields the same statements as a whole-file parse") {
  const std::string text = "-- a\nCREATE TABLE a (id int);\nCREATE INDEX i ON a (id); -- t\nSELEC;\nDROP TABLE a;\n";
  const auto whole = parse(text);
  ParseOptions streaming;
  streaming.streaming_threshold_bytes = 0;
  const auto streamed = parse(text, streaming);
  REQUIRE(whole.statements.size() == 3);
  REQUIRE(streamed.statements.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(whole.statements[i].range == streamed.statements[i].range);
    CHECK(whole.statements[i].kind() == streamed.statements[i].kind());
  }
  CHECK(streamed.statements[1].trailing_comments.size() == 1);
  REQUIRE(streamed.syntax_errors.size() == 1);
  CHECK(whole.syntax_errors[0].range == streamed.syntax_errors[0].range);
}

TEST_CASE("streaming mode parses in batches: several batches, node locations in the file, an error in one batch") {
  std::string text;
  for (int i = 0; i < 12000; ++i) text += "CREATE INDEX idx_" + std::to_string(i) + " ON tab_" + std::to_string(i) + " (c);\n";
  text += "SELEC 1;\nDROP TABLE tab_last;\n";  // the last batch has a syntax error
  ParseOptions at_once;  // the file is larger than a batch: parsed whole only when asked
  at_once.whole_parse_limit_bytes = text.size();
  const auto whole = parse(text, at_once);
  ParseOptions streaming;
  streaming.streaming_threshold_bytes = 0;
  const auto streamed = parse(text, streaming);
  REQUIRE(streamed.statements.size() == 12001);
  REQUIRE(whole.statements.size() == streamed.statements.size());
  for (size_t i = 0; i < streamed.statements.size(); ++i) CHECK(whole.statements[i].range == streamed.statements[i].range);
  REQUIRE(streamed.syntax_errors.size() == 1);
  CHECK(streamed.source->position(streamed.syntax_errors[0].range.begin).line == 12001);
  for (const size_t i : {size_t{0}, size_t{9000}, size_t{11999}}) {  // batches are about 256 KiB: 9000 is in the second
    const Statement& stmt = streamed.statements[i];
    const auto at = stmt.file_offset(stmt.node->index_stmt->relation->location);
    CHECK(streamed.source->text().substr(at, 4 + std::to_string(i).size()) == "tab_" + std::to_string(i));
  }
  CHECK(streamed.statements.back().kind() == PG_QUERY__NODE__NODE_DROP_STMT);
  // Above whole_parse_limit_bytes a file that is not streamed is parsed in batches too, and all of
  // its statements are kept, as the whole parse keeps them.
  REQUIRE(text.size() > ParseOptions{}.whole_parse_limit_bytes);
  const auto batched = parse(text);
  REQUIRE(batched.statements.size() == whole.statements.size());
  for (size_t i = 0; i < batched.statements.size(); ++i) CHECK(batched.statements[i].range == whole.statements[i].range);
  REQUIRE(batched.syntax_errors.size() == 1);
  CHECK(batched.syntax_errors[0].range == streamed.syntax_errors[0].range);
}

TEST_CASE("DO blocks: SQL inside is parsed with positions in the file") {
  const std::string text =
      "DO $$\nBEGIN\n  IF true THEN\n    CREATE INDEX i ON t (x);\n  END IF;\n"
      "  EXECUTE 'ALTER TABLE t ADD COLUMN y int';\nEND $$;\n";
  const auto file = parse(text);
  REQUIRE(file.statements.size() == 3);
  CHECK(file.statements[0].kind() == PG_QUERY__NODE__NODE_DO_STMT);
  const auto& index = file.statements[1];
  CHECK(index.origin == StatementOrigin::DoBlock);
  CHECK(index.kind() == PG_QUERY__NODE__NODE_INDEX_STMT);
  CHECK(slice(file, index.range) == "CREATE INDEX i ON t (x)");
  CHECK(file.source->position(index.range.begin).line == 4);
  CHECK(file.source->position(index.range.begin).column_chars == 5);
  const auto& dynamic = file.statements[2];
  CHECK(dynamic.kind() == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT);
  CHECK(slice(file, dynamic.range) == "ALTER TABLE t ADD COLUMN y int");
  // Locations inside the embedded tree map back to the file too.
  CHECK(file.source->text().substr(dynamic.file_offset(dynamic.node->alter_table_stmt->relation->location), 1) == "t");
}

TEST_CASE("plpgsql bodies: a body that may hold SQL but does not compile is marked, so the run can say so") {
  const auto file = parse(
      // Compiles: its statement follows it, and it is not marked.
      "DO $$ BEGIN CREATE INDEX i ON t (a); END $$;\n"
      // PostgreSQL 15 takes this one; libpg_query's PL/pgSQL cannot know that t is a table's row type.
      "CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$ DECLARE r t;\n"
      "BEGIN r.a := 1; CREATE INDEX j ON t (a); END $$;\n"
      // The server refuses it: IF without END IF.
      "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN IF true THEN DROP TABLE x; END $$;\n"
      // Holds no SQL statement at all: never compiled, so never marked.
      "DO $$ BEGIN IF THEN; END $$;\n"
      // zdlint's own wrapper of a DO body cannot hold this one.
      "DO $q$ BEGIN CREATE INDEX k ON t (a); -- $zdlint_do_block$\nEND $q$;\n");
  CHECK(bodies_read(file).hosts ==
        std::vector<std::pair<int, bool>>{{1, false}, {2, true}, {4, true}, {5, false}, {6, true}});
  REQUIRE(file.statements.size() == 6);
  CHECK(slice(file, file.statements[1].range) == "CREATE INDEX i ON t (a)");
}

// libpg_query's PL/pgSQL looks no type up, and failed on every declaration with a COLLATE, which
// the server takes (a batched backfill of the corpus declares `last_name TEXT COLLATE "C"`). Such a
// COLLATE is blanked from the text it compiles; any other is the statement's own.
TEST_CASE("plpgsql bodies: a variable declared with a collation does not stop the body from compiling") {
  const auto file = parse(
      "DO $$\nDECLARE\n  last_name text COLLATE \"C\" := NULL;\n  other text COLLATE pg_catalog.\"default\";\n"
      "  c CURSOR FOR SELECT name FROM t ORDER BY name COLLATE \"C\";\n"
      "BEGIN\n  DECLARE inner_name text /* a comment */ COLLATE \"C\";\n  BEGIN\n"
      "    UPDATE t SET name = name COLLATE \"C\" WHERE id = 1;\n  END;\n  CREATE INDEX i ON t (name);\nEND $$;\n"
      "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS '\n"
      "DECLARE x text COLLATE \"C\" := ''a''; BEGIN CREATE INDEX j ON t (a); END';\n");
  std::vector<std::string> statements;
  for (const Statement& stmt : file.statements) {
    CHECK_FALSE(stmt.body_not_compiled);
    if (stmt.origin != StatementOrigin::TopLevel) statements.push_back(std::string(slice(file, stmt.range)));
  }
  CHECK(statements == std::vector<std::string>{"UPDATE t SET name = name COLLATE \"C\" WHERE id = 1",
                                               "CREATE INDEX i ON t (name)", "CREATE INDEX j ON t (a)"});
  CHECK(file.source->position(file.statements[1].range.begin).line == 9);
}

// libpg_query's PL/pgSQL looks no type up: a variable declared `record` or `t%ROWTYPE` was a
// scalar, whose fields could not be assigned, and no variable or parameter was a cursor. They now
// get the kind of type the server gives them (the grammar's calls are wrapped in parser/plpgsql.cpp).
TEST_CASE("plpgsql bodies: records and cursors compile as the server compiles them") {
  const auto file = parse(
      "CREATE FUNCTION a() RETURNS void LANGUAGE plpgsql AS $$\n"
      "DECLARE r record; s RECORD := NULL; u public.t%rowtype;\n"
      "BEGIN FOR r IN SELECT * FROM t LOOP\n"
      "  r.a := 2; s.a := 1; u.a := 3; CREATE INDEX i ON t (a);\n"
      "END LOOP; END $$;\n"
      "CREATE FUNCTION b() RETURNS void LANGUAGE plpgsql AS $$\n"
      "DECLARE c CURSOR (k int) FOR SELECT * FROM t WHERE a = k;\n"
      "  d refcursor; e REFCURSOR := 'e'; r record; x int;\n"
      "BEGIN OPEN c(1); FETCH c INTO x; CLOSE c; OPEN d FOR SELECT 1;\n"
      "  OPEN e FOR EXECUTE 'SELECT 1'; MOVE e;\n"
      "  FOR r IN c(2) LOOP CREATE INDEX j ON t (a); END LOOP; END $$;\n"
      "CREATE FUNCTION c(x int, c refcursor, INOUT d pg_catalog.Refcursor) LANGUAGE plpgsql AS $$\n"
      "BEGIN OPEN c FOR SELECT 1; OPEN d FOR SELECT 2; CREATE INDEX k ON t (a); END $$;\n"
      // The server refuses these: a cursor's statements on an integer, a field of an integer.
      "CREATE FUNCTION d() RETURNS void LANGUAGE plpgsql AS $$\n"
      "DECLARE x int; BEGIN OPEN x FOR SELECT 1; CREATE INDEX l ON t (a); END $$;\n"
      "CREATE FUNCTION e() RETURNS void LANGUAGE plpgsql AS $$\n"
      "DECLARE x int; BEGIN x.a := 1; CREATE INDEX m ON t (a); END $$;\n"
      "CREATE FUNCTION f(x int, c refcursor) RETURNS void LANGUAGE plpgsql AS $$\n"
      "BEGIN OPEN x FOR SELECT 1; CREATE INDEX n ON t (a); END $$;\n");
  const auto [hosts, statements] = bodies_read(file);
  CHECK(hosts ==
        std::vector<std::pair<int, bool>>{{1, false}, {6, false}, {12, false}, {14, true}, {16, true}, {18, true}});
  // A cursor's query is read, not run as a statement of its own.
  CHECK(statements ==
        std::vector<std::string>{"CREATE INDEX i ON t (a)", "CREATE INDEX j ON t (a)", "CREATE INDEX k ON t (a)"});
}

// A set-returning function with output columns may end a row with a bare `RETURN NEXT;`, which
// libpg_query's PL/pgSQL refused (it sets up no output columns): the corpus had four such bodies.
// Its NEXT is blanked from the text compiled, in such functions only.
TEST_CASE("plpgsql bodies: RETURN NEXT; compiles in a function that returns its output columns") {
  const auto file = parse(
      "CREATE FUNCTION a() RETURNS TABLE (a int) LANGUAGE plpgsql AS $$\n"
      "BEGIN CREATE INDEX i ON t (a); a := 1; RETURN NEXT; RETURN /* row */ NEXT\n;\n"
      "  RAISE NOTICE 'RETURN NEXT;'; END $$;\n"
      "CREATE FUNCTION b(OUT a int) RETURNS SETOF int LANGUAGE plpgsql AS $$\n"
      "BEGIN CREATE INDEX j ON t (a); RETURN NEXT; END $$;\n"
      "CREATE FUNCTION c(INOUT a int) RETURNS SETOF int LANGUAGE plpgsql AS $$\n"
      "BEGIN CREATE INDEX k ON t (a); RETURN NEXT; END $$;\n"
      // The server refuses these: no output columns to return, and a function returning no set.
      "CREATE FUNCTION d() RETURNS SETOF int LANGUAGE plpgsql AS $$\n"
      "BEGIN CREATE INDEX l ON t (a); RETURN NEXT; END $$;\n"
      "CREATE FUNCTION e(OUT a int) LANGUAGE plpgsql AS $$\n"
      "BEGIN CREATE INDEX m ON t (a); RETURN NEXT; END $$;\n"
      "DO $$ BEGIN CREATE INDEX n ON t (a); RETURN NEXT; END $$;\n");
  const auto [hosts, statements] = bodies_read(file);
  CHECK(hosts ==
        std::vector<std::pair<int, bool>>{{1, false}, {5, false}, {7, false}, {9, true}, {11, true}, {13, true}});
  CHECK(statements ==
        std::vector<std::string>{"CREATE INDEX i ON t (a)", "CREATE INDEX j ON t (a)", "CREATE INDEX k ON t (a)"});
}

TEST_CASE("plpgsql function bodies: statements run later, marked as such") {
  const auto file = parse(
      "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS 'BEGIN DROP TABLE x; END';\n"
      "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n");
  REQUIRE(file.statements.size() == 3);
  CHECK(file.statements[1].origin == StatementOrigin::FunctionBody);
  CHECK(slice(file, file.statements[1].range) == "DROP TABLE x");
  CHECK(file.statements[2].kind() == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT);
}

TEST_CASE("plpgsql bodies: statements come in the body's order, every branch included") {
  const auto file = parse(
      "DO $$ BEGIN\n"
      "  IF x > 1 THEN ALTER TABLE a RENAME b TO c;\n"
      "  ELSIF y THEN DROP TABLE d;\n"
      "  ELSE UPDATE e SET v = 'say \"hi\"' WHERE w >= 2;\n"
      "  END IF;\n"
      "  EXECUTE 'DROP TABLE f';\n"
      "END $$;\n");
  REQUIRE(file.statements.size() == 5);
  CHECK(file.statements[1].origin == StatementOrigin::DoBlock);
  CHECK(slice(file, file.statements[1].range) == "ALTER TABLE a RENAME b TO c");
  CHECK(slice(file, file.statements[2].range) == "DROP TABLE d");
  CHECK(slice(file, file.statements[3].range) == "UPDATE e SET v = 'say \"hi\"' WHERE w >= 2");
  CHECK(slice(file, file.statements[4].range) == "DROP TABLE f");
}

TEST_CASE("plpgsql bodies: a statement is found whichever of PostgreSQL's keywords starts it") {
  // A body is compiled only when it holds one of the keywords a statement run as SQL starts with:
  // each statement here is the only one in its block, so a keyword left out would lose it.
  const std::vector<std::string> statements = {"ABORT",
                                               "ALTER TABLE t ADD c int",
                                               "ANALYZE t",
                                               "ANALYSE t",
                                               "CHECKPOINT",
                                               "CLUSTER t USING i",
                                               "COMMENT ON TABLE t IS 'x'",
                                               "COPY t FROM STDIN",
                                               "CREATE TABLE u (a int)",
                                               "DEALLOCATE p",
                                               "DELETE FROM t",
                                               "DISCARD ALL",
                                               "DROP TABLE t",
                                               "EXPLAIN SELECT 1",
                                               "GRANT SELECT ON t TO r",
                                               "IMPORT FOREIGN SCHEMA s FROM SERVER v INTO w",
                                               "INSERT INTO t VALUES (1)",
                                               "LISTEN c",
                                               "LOAD 'x'",
                                               "LOCK TABLE t",
                                               "MERGE INTO t USING u ON true WHEN MATCHED THEN DELETE",
                                               "NOTIFY c",
                                               "PREPARE p AS SELECT 1",
                                               "REASSIGN OWNED BY a TO b",
                                               "REFRESH MATERIALIZED VIEW v",
                                               "REINDEX TABLE t",
                                               "RELEASE SAVEPOINT s",
                                               "RESET work_mem",
                                               "REVOKE SELECT ON t FROM r",
                                               "SAVEPOINT s",
                                               "SECURITY LABEL ON TABLE t IS 'x'",
                                               "SELECT 1",
                                               "SET work_mem = '1MB'",
                                               "SHOW work_mem",
                                               "START TRANSACTION",
                                               "TRUNCATE t",
                                               "UNLISTEN c",
                                               "UPDATE t SET a = 1",
                                               "VACUUM t",
                                               "VALUES (1)",
                                               "WITH x AS (SELECT 1) DELETE FROM t"};
  for (const std::string& statement : statements) {
    CAPTURE(statement);
    const auto file = parse("DO $$ BEGIN\n  IF a = 'EXECUTE' THEN\n    " + statement + ";\n  END IF;\nEND $$;\n");
    REQUIRE(file.statements.size() == 2);
    CHECK(file.statements[1].origin == StatementOrigin::DoBlock);
    CHECK(slice(file, file.statements[1].range) == statement);
  }
  // Without such a keyword (one in a string or a comment does not count), nothing is run as SQL.
  const auto none = parse(
      "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
      "BEGIN\n  -- UPDATE the row's time\n  IF TG_OP = 'UPDATE' THEN NEW.updated_at := now(); END IF;\n"
      "  RETURN NEW;\nEND $$;\n");
  CHECK(none.statements.size() == 1);
}

TEST_CASE("plpgsql bodies: an expression that does not parse does not hide the statements around it") {
  // PL/pgSQL compiles the body without checking each expression and statement with PostgreSQL's
  // grammar (parser/plpgsql.cpp); a statement that does not parse is the one left out.
  const auto file = parse(
      "DO $$ BEGIN\n  CREATE INDEX i ON t (x);\n  IF x + THEN NULL; END IF;\n  UPDATE t SET x = ;\n"
      "  DROP TABLE u;\nEND $$;\n");
  REQUIRE(file.statements.size() == 3);
  CHECK(slice(file, file.statements[1].range) == "CREATE INDEX i ON t (x)");
  CHECK(slice(file, file.statements[2].range) == "DROP TABLE u");
}

TEST_CASE("plpgsql bodies: a function met again gets its statements at its own positions") {
  // The second meeting of a function's text is answered from what the first compiled: the
  // positions must still be those of the file and place it is in.
  const std::string function =
      "CREATE FUNCTION again() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  DROP TABLE x;\n"
      "  EXECUTE 'DROP TABLE y';\nEND $$;\n";
  const std::string broken = "CREATE FUNCTION broken() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE; END $$;\n";
  for (int round = 0; round < 2; ++round) {
    const auto first = parse(function + broken);
    const auto later = parse("SELECT 1;\n\n" + function + "-- and once more\n" + function + broken);
    REQUIRE(first.statements.size() == 4);  // the function, its two statements, the broken one
    CHECK(slice(first, first.statements[1].range) == "DROP TABLE x");
    CHECK(first.source->position(first.statements[1].range.begin).line == 3);
    CHECK(slice(first, first.statements[2].range) == "DROP TABLE y");
    REQUIRE(later.statements.size() == 8);
    for (const size_t at : {2u, 5u}) {
      CHECK(later.statements[at].origin == StatementOrigin::FunctionBody);
      CHECK(slice(later, later.statements[at].range) == "DROP TABLE x");
      CHECK(slice(later, later.statements[at + 1].range) == "DROP TABLE y");
    }
    CHECK(later.source->position(later.statements[2].range.begin).line == 5);
    CHECK(later.source->position(later.statements[5].range.begin).line == 11);
    CHECK(later.statements[7].kind() == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT);
  }
}

TEST_CASE("identifiers: quoted only when needed, and folded as PostgreSQL folds them") {
  CHECK(quote_identifier("orders_2024") == "orders_2024");
  CHECK(quote_identifier("Orders") == "\"Orders\"");
  CHECK(quote_identifier("2fa") == "\"2fa\"");
  CHECK(quote_identifier("say \"hi\"") == "\"say \"\"hi\"\"\"");
  const auto file = parse("ALTER TABLE t DROP COLUMN \"Mixed \"\"Case\"\"\", DROP COLUMN Plain;");
  REQUIRE(file.statements.size() == 1);
  const auto tokens = tokens_without_comments(file.statements[0]);
  REQUIRE(tokens.size() == 11);  // ALTER TABLE t DROP COLUMN "…" , DROP COLUMN Plain ;
  CHECK(identifier_name(file.source->text(), *tokens[5]) == "Mixed \"Case\"");
  CHECK(identifier_name(file.source->text(), *tokens[9]) == "plain");
  CHECK(first_token_of_kind(file.statements[0], PG_QUERY__TOKEN__DROP) == tokens[3]);
}

TEST_CASE("string literals: escape strings decoded as PostgreSQL decodes them, each byte from its escape") {
  const auto decoded = [](std::string_view literal) { return decode_string_literal_text(literal, 100); };
  const auto plain = decoded("'it''s'");
  REQUIRE(plain);
  CHECK(plain->content == "it's");
  CHECK(plain->file_offsets == std::vector<uint32_t>{101, 102, 103, 105});
  const auto escaped = decoded(R"(E'a\tb\'c''d\\\101\x42\u00e9\U0001F600\qe\x')");
  REQUIRE(escaped);
  CHECK(escaped->content == "a\tb'c'd\\AB\xC3\xA9\xF0\x9F\x98\x80qex");
  // a, \t, b, \', c, '', d, \\, \101, \x42, é (2 bytes), 😀 (4 bytes), \q, e, \x without a digit
  CHECK(escaped->file_offsets == std::vector<uint32_t>{102, 103, 105, 106, 108, 109, 111, 112, 114, 118, 122, 122, 128,
                                                       128, 128, 128, 138, 140, 141});
  const auto pair = decoded(R"(e'\uD83D\uDE00')");  // a surrogate pair is one character
  REQUIRE(pair);
  CHECK(pair->content == "\xF0\x9F\x98\x80");
  const auto wide_low = decoded(R"(e'\uD83D\U0000DE00')");  // either width for either half
  REQUIRE(wide_low);
  CHECK(wide_low->content == "\xF0\x9F\x98\x80");
  // A string continued on a later line is one: the quotes and what lies between them add nothing,
  // and escapes go on after the break.
  const auto continued = decoded("E'a\\t'  -- why\n  'b\\n'");
  REQUIRE(continued);
  CHECK(continued->content == "a\tb\n");
  CHECK(continued->file_offsets == std::vector<uint32_t>{102, 103, 118, 119});
  const auto plain_continued = decoded("'it''s'\r\n'ok'");
  REQUIRE(plain_continued);
  CHECK(plain_continued->content == "it'sok");
  CHECK_FALSE(decoded("'a' 'b'"));     // not continued without a line break
  CHECK_FALSE(decoded("E'a'\n'b''"));  // what follows is not a string's end
  // What PostgreSQL refuses decodes to nothing: a zero byte, a lone surrogate, a short \u.
  CHECK_FALSE(decoded(R"(E'a\0b')"));
  CHECK_FALSE(decoded(R"(E'a\x00')"));
  CHECK_FALSE(decoded(R"(E'\uD83D')"));
  CHECK_FALSE(decoded(R"(E'\uDE00')"));
  CHECK_FALSE(decoded(R"(E'\u12')"));
  CHECK_FALSE(decoded(R"(E'\U00110000')"));
  CHECK_FALSE(decoded(R"(E'\377')"));  // not UTF-8
  const auto octal_utf8 = decoded(R"(E'caf\303\251')");
  REQUIRE(octal_utf8);
  CHECK(octal_utf8->content == "caf\xC3\xA9");
}

TEST_CASE("string literals: Unicode escape strings, with the escape character UESCAPE gives them") {
  const auto decoded = [](std::string_view literal) { return decode_string_literal_text(literal, 100); };
  const auto plain = decoded(R"(U&'d\0061t\+000061 ''q'' \\')");
  REQUIRE(plain);
  CHECK(plain->content == "data 'q' \\");
  CHECK(plain->file_offsets == std::vector<uint32_t>{103, 104, 109, 110, 118, 119, 121, 122, 124, 125});
  const auto own_escape = decoded(R"(u&'d!0061t!+000061 \0041' uescape '!')");
  REQUIRE(own_escape);
  CHECK(own_escape->content == "data \\0041");  // the backslash is nothing special then
  const auto pair = decoded(R"(U&'\D83D\DE00')");
  REQUIRE(pair);
  CHECK(pair->content == "\xF0\x9F\x98\x80");
  CHECK(pair->file_offsets == std::vector<uint32_t>{103, 103, 103, 103});
  // What PostgreSQL refuses: a short escape, a lone surrogate, a zero, an escape character it does
  // not take, anything after the string but UESCAPE.
  CHECK_FALSE(decoded(R"(U&'\004')"));
  CHECK_FALSE(decoded(R"(U&'\D83D x')"));
  CHECK_FALSE(decoded(R"(U&'\0000')"));
  CHECK_FALSE(decoded(R"(U&'a+0061' UESCAPE '+')"));
  CHECK_FALSE(decoded(R"(U&'a' x)"));
  const auto continued = decoded("U&'\\0061'\n'\\0062' UESCAPE '\\'");
  REQUIRE(continued);
  CHECK(continued->content == "ab");
}

// ---- the scanner's tokens, read from libpg_query's packed bytes --------------------------------

TEST_CASE("scan tokens read from the packed bytes are the ones protobuf-c unpacks") {
  const std::vector<std::string> texts = {
      "SELECT 1;",  // a token at offset 0: proto3 leaves the 0 out
      "-- lead\nCREATE TABLE \"Tä\" (id int DEFAULT 'x''y'); /* c */ SELECT $$ body $$, $tag$ ; $tag$;",
      "ALTER TABLE t ADD COLUMN big numeric(1000, 2) NOT NULL DEFAULT 123456789012345678901234567890;",
      std::string(300, ' ') + "SELECT " + std::string(20000, 'a') + ";",  // offsets past 2^14: 3-byte varints
  };
  for (const auto& text : texts) {
    CAPTURE(text.substr(0, 60));
    const ScanOutcome ours = scan_tokens(text, 7);
    const PgQueryScanResult raw = pg_query_scan(text.c_str());
    REQUIRE(raw.error == nullptr);
    PgQuery__ScanResult* unpacked =
        pg_query__scan_result__unpack(nullptr, raw.pbuf.len, reinterpret_cast<const uint8_t*>(raw.pbuf.data));
    REQUIRE(unpacked != nullptr);
    REQUIRE(ours.tokens.size() == unpacked->n_tokens);
    for (size_t i = 0; i < unpacked->n_tokens; ++i) {
      CHECK(ours.tokens[i].begin == 7 + static_cast<uint32_t>(unpacked->tokens[i]->start));
      CHECK(ours.tokens[i].end == 7 + static_cast<uint32_t>(unpacked->tokens[i]->end));
      CHECK(ours.tokens[i].kind == static_cast<int32_t>(unpacked->tokens[i]->token));
    }
    pg_query__scan_result__free_unpacked(unpacked, nullptr);
    pg_query_free_scan_result(raw);
  }
}

TEST_CASE("a file scanned once gives each statement the tokens and comments a scan per statement gives") {
  const std::string text =
      "-- file header\n/* lead */ CREATE TABLE a (id int); -- trails a\n\n"
      "-- leads b\nALTER TABLE a ADD COLUMN b text DEFAULT 'x;y';\n"
      "DO $$ BEGIN PERFORM 1; END $$; /* after do */\n"
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $f$ BEGIN UPDATE a SET b = 'z'; RETURN 1; END $f$;\n"
      "SELECT 1 -- no semicolon, a comment at the end\n";
  ParseOptions whole;  // parsed whole: one scan of the file
  ParseOptions split;  // streamed: a batch parse, and a scan per statement
  split.streaming_threshold_bytes = 0;
  const auto a = parse(text, whole);
  const auto b = parse(text, split);
  REQUIRE(a.statements.size() == b.statements.size());
  REQUIRE(a.statements.size() >= 6);
  for (size_t i = 0; i < a.statements.size(); ++i) {
    CAPTURE(i);
    const Statement& x = a.statements[i];
    const Statement& y = b.statements[i];
    CHECK(x.range.begin == y.range.begin);
    CHECK(x.range.end == y.range.end);
    REQUIRE(x.tokens.size() == y.tokens.size());
    for (size_t k = 0; k < x.tokens.size(); ++k) {
      CHECK(x.tokens[k].begin == y.tokens[k].begin);
      CHECK(x.tokens[k].kind == y.tokens[k].kind);
    }
    REQUIRE(x.leading_comments.size() == y.leading_comments.size());
    for (size_t k = 0; k < x.leading_comments.size(); ++k) CHECK(x.leading_comments[k].text == y.leading_comments[k].text);
    REQUIRE(x.trailing_comments.size() == y.trailing_comments.size());
    for (size_t k = 0; k < x.trailing_comments.size(); ++k)
      CHECK(x.trailing_comments[k].text == y.trailing_comments[k].text);
  }
  CHECK(a.statements[0].leading_comments.size() == 2);
  CHECK(a.statements[0].trailing_comments.size() == 1);
  REQUIRE(a.file_comments.size() == b.file_comments.size());
}

// ---- the arena parse trees are unpacked into ----------------------------------------------------

TEST_CASE("the unpack arena hands out aligned, separate blocks, also larger than a chunk") {
  UnpackArena arena(100);  // a first chunk of 4 KiB, the smallest
  ProtobufCAllocator* allocator = arena.allocator();
  std::vector<std::pair<std::byte*, size_t>> blocks;
  for (const size_t size : {1, 7, 16, 33, 5000, 3, 100000, 8}) {
    auto* block = static_cast<std::byte*>(allocator->alloc(allocator->allocator_data, size));
    REQUIRE(block != nullptr);
    CHECK(reinterpret_cast<uintptr_t>(block) % alignof(std::max_align_t) == 0);
    std::memset(block, 0xAB, size);  // every byte is writable (ASan checks the bounds)
    blocks.emplace_back(block, size);
  }
  for (size_t i = 0; i < blocks.size(); ++i)
    for (size_t k = i + 1; k < blocks.size(); ++k) {
      const bool apart = blocks[i].first + blocks[i].second <= blocks[k].first ||
                         blocks[k].first + blocks[k].second <= blocks[i].first;
      CHECK(apart);
    }
  allocator->free(allocator->allocator_data, blocks.front().first);  // a no-op until the arena goes
}

TEST_CASE("a parse tree unpacked into an arena stays valid for as long as a statement holds it") {
  std::shared_ptr<const PgQuery__ParseResult> tree;
  {
    const auto file = parse("CREATE TABLE kept (id int);");
    REQUIRE(file.statements.size() == 1);
    tree = file.statements[0].tree;
  }  // the file and its statements are gone; the tree (and its arena) is not
  REQUIRE(tree != nullptr);
  REQUIRE(tree->n_stmts == 1);
  CHECK(std::string_view(tree->stmts[0]->stmt->create_stmt->relation->relname) == "kept");
}
