// parser/sql_lexer.h must give exactly pg_query_scan's tokens wherever it answers: every case here
// is compared token by token with PostgreSQL's scanner.
#include <doctest/doctest.h>

#include <pg_query/pg_query.pb-c.h>

#include <filesystem>
#include <string>

#include "parser/sql_lexer.h"
#include "parser/tokens.h"
#include "tests/test_support.h"

using namespace zdlint;

namespace {

bool same_tokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].kind != b[i].kind) return false;
  return true;
}

// The lexer answered, and with PostgreSQL's tokens.
bool lexes_as_postgres(const std::string& sql, uint32_t base = 0) {
  const auto mine = lex_plain_sql(sql, base);
  const ScanOutcome postgres = scan_with_postgres(sql, base);
  return mine && !postgres.error_offset && same_tokens(*mine, postgres.tokens);
}

}  // namespace

TEST_CASE("the lexer gives PostgreSQL's tokens for every testdata file it answers for") {
  size_t files = 0, answered = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() + "/testdata")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    const std::string sql = test::slurp(entry.path());
    ++files;
    const auto mine = lex_plain_sql(sql, 7);
    if (!mine) continue;
    ++answered;
    INFO(entry.path().string());
    const ScanOutcome postgres = scan_with_postgres(sql, 7);
    CHECK_FALSE(postgres.error_offset);
    CHECK(same_tokens(*mine, postgres.tokens));
  }
  CHECK(files > 900);
  CHECK(answered * 100 >= files * 95);  // the rest is what it leaves to PostgreSQL
}

TEST_CASE("the lexer's tokens, case by case") {
  for (const std::string sql : {
           "SELECT a FROM t WHERE b = 1;",
           "select NULL, True, SeLeCt, \"Mixed Case\", \"with \"\"quotes\"\"\", café, a$b, _x1",
           "a=-1 AND b<>2 OR c!=3 AND d<=4 AND e>=5 AND f=>6 AND g:=7 AND h::int",
           "x||y, j->>'k', j#>>'{a,b}', j@>k, a@-b, a*/*c*/b, a<=>b, -1, +2, a+-b, a-+-b, a~~b, !a, a%-b",
           "1..2, .5, 1., 1e5, 1.5E-3, 2e+10, 2147483647, 2147483648, 00002147483647, 99999999999999999999",
           "$1, $23, $$dollar 'quoted' $a$ text$$, $fn$ body $x$ inner $x$ $fn$, $_t1$x$_t1$",
           "-- line comment\nSELECT 1 -- trailing\r\n/* block /* nested */ still */ SELECT 2 /* end */",
           "SELECT 'it''s', '', ' spaces ', 'a'\t'b', 'no newline' 'after', 'x' -- comment\n, 'y' /* c */\n'z'",
           "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tags text[] DEFAULT '{}'::text[]);",
           "SELECT a[1:2], b[3], (c).d, e.f.g, *, t.* FROM t;\f",
           "-- only a comment at the end",
           "/*/ opens once */ SELECT 1 /**/ /*/**/*/ /* a */* 2 /* x /*/ y */ z */ /* -- */ 3 -- /* \r4",
           "/* \u00e9t\u00e9 */ -- unterminated\r\n/*/*/*/ x */ y */ z */ SELECT 1 -- last, no newline",
           "current_date, CURRENT_DATE, Current_Date, current_dat, current_datex, _null, null_, nul, nulls, NULLS",
           "a, zone, zones, zon, abort, ABORT_P, xmltable, xmltables, i, a_b_c, \u00e9select, select\u00e9, s$lect",
           "",
           "   \n\t ",
       }) {
    INFO(sql);
    CHECK(lexes_as_postgres(sql));
    CHECK(lexes_as_postgres(sql, 1000));
  }
  const auto tokens = lex_plain_sql("SELECT 'x' ::text", 10);
  REQUIRE(tokens);
  REQUIRE(tokens->size() == 4);
  CHECK((*tokens)[0].kind == PG_QUERY__TOKEN__SELECT);
  CHECK((*tokens)[1].begin == 17);
  CHECK((*tokens)[1].end == 20);
  CHECK((*tokens)[1].kind == PG_QUERY__TOKEN__SCONST);
  CHECK((*tokens)[2].kind == PG_QUERY__TOKEN__TYPECAST);
  CHECK((*tokens)[3].kind == PG_QUERY__TOKEN__TEXT_P);
}

TEST_CASE("a U&'…' string and a U&\"…\" identifier span their text, which pg_query_scan does not give") {
  const std::string sql = "SELECT U&'d!0061''t' UESCAPE '!', U&\"q\"\"\\0041\" FROM t";
  const ScanOutcome scanned = scan_with_postgres(sql, 5);
  REQUIRE(scanned.tokens.size() == 8);  // SELECT, string, UESCAPE, '!', ',', identifier, FROM, t
  const auto text = [&](const Token& t) { return sql.substr(t.begin - 5, t.end - t.begin); };
  CHECK(scanned.tokens[1].kind == PG_QUERY__TOKEN__USCONST);
  CHECK(text(scanned.tokens[1]) == "U&'d!0061''t'");
  CHECK(scanned.tokens[2].kind == PG_QUERY__TOKEN__UESCAPE);
  CHECK(scanned.tokens[5].kind == PG_QUERY__TOKEN__UIDENT);
  CHECK(text(scanned.tokens[5]) == "U&\"q\"\"\\0041\"");
}

TEST_CASE("the lexer answers for runs of operator characters up to 256 bytes") {
  const auto tokens = lex_plain_sql("SELECT 1 " + std::string(256, '+') + " 1", 0);
  REQUIRE(tokens);
  CHECK(tokens->size() == 2 + 256 + 1);  // each `+` its own token, as PostgreSQL cuts the run
}

TEST_CASE("what the lexer leaves to PostgreSQL, scan_tokens still gets right") {
  for (const std::string& sql : std::initializer_list<std::string>{
           "SELECT E'tab\\t', B'101', X'1F', N'national', U&'\\0041', U&\"\\0041\"",
           "SELECT 'continued'\n  'on the next line'", "SELECT 'continued'\n-- across a comment\n'too'", "SELECT 12abc",
           "SELECT 1e", "SELECT $1abc", "SELECT j ? 'k'", "SELECT '\\' FROM t; SELECT {", "SELECT 'it''s unterminated",
           "SELECT \"unterminated", "SELECT $$unterminated", "SELECT 1 /* unterminated", "SELECT \"\"",
           std::string("SELECT 1;\0SELECT 2;", 19), std::string("-- a NUL \0 in a comment\nSELECT 2;", 33),
           "SELECT 1 " + std::string(257, '+') + " 1",  // a long run, each `+` a token (scanner_stall.h)
       }) {
    INFO(sql);
    CHECK_FALSE(lex_plain_sql(sql, 0));
    const ScanOutcome scanned = scan_tokens(sql, 3);
    const ScanOutcome postgres = scan_with_postgres(sql, 3);
    CHECK(same_tokens(scanned.tokens, postgres.tokens));
    CHECK(scanned.error_offset == postgres.error_offset);
  }
}
