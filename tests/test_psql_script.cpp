// What psql reads itself (parser/psql_script.h): meta-commands, COPY … FROM stdin data and
// variables are masked in place; strings, dollar quotes and comments are left alone; positions hold.
#include <doctest/doctest.h>

#include <string>

#include "analyzer/engine.h"
#include "parser/parse_file.h"
#include "parser/psql_script.h"
#include "parser/source_file.h"
#include "tests/test_support.h"

using namespace zdlint;

namespace {

std::string masked(std::string text, bool psql_script = true) {
  mask_psql(text, psql_script);
  return text;
}

}  // namespace

TEST_CASE("psql: meta-commands become spaces up to the end of their line, line breaks kept") {
  // \gexec sends the query buffer: it becomes the `;` that ends the statement.
  const std::string text = "\\set ON_ERROR_STOP on\nCREATE TABLE t (id int);\n  \\i other.sql\r\nSELECT 1; \\gexec\n";
  std::string sql = text;
  const PsqlMasking m = mask_psql(sql, true);
  CHECK(m.meta_commands == 3);
  REQUIRE(sql.size() == text.size());
  CHECK(sql == "                     \nCREATE TABLE t (id int);\n              \r\nSELECT 1; ;     \n");
  // Not in a psql script: left for the parser to report.
  std::string other = text;
  CHECK(mask_psql(other, false).meta_commands == 0);
  CHECK(other == text);
}

TEST_CASE("psql: backslashes in strings, dollar quotes, quoted identifiers and comments are no meta-commands") {
  const std::string text =
      "SELECT E'a\\'b \\\\i x', 'c:\\d', \"q\\\";\n"
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$ SELECT '\\n' $body$;\n"
      "-- \\i commented.sql\n"
      "/* \\set x /* nested */ \\q */ SELECT 2;\n";
  CHECK(masked(text) == text);
  CHECK_FALSE(looks_like_psql_script(text));
  CHECK(looks_like_psql_script("\\connect app\nSELECT 1;\n"));
}

TEST_CASE("psql: a comment ends at a lone \\r, and a string continued on a later line is one string") {
  // Both as PostgreSQL's scanner reads them: nothing here is a meta-command.
  const std::string text =
      "SELECT 1; -- a comment ended by a lone CR\r'a string over\n\\i two lines';\n"
      "SELECT E'a '\n  -- between the parts\n  'b\\'\\x';\n";
  CHECK(masked(text) == text);
  CHECK_FALSE(looks_like_psql_script(text));
}

TEST_CASE("psql: the data after COPY … FROM stdin is masked up to the \\. line, in every file") {
  const std::string text =
      "COPY public.actor (actor_id, name) FROM stdin;\n"
      "1\tPENELOPE\n"
      "2\tNICK ; DROP TABLE x\n"
      "\\.\n"
      "SELECT 1;\n"
      "copy t from STDIN with (format csv);\r\n"
      "a,b\r\n";  // no \. before the end of the file: data to the end
  std::string sql = text;
  const PsqlMasking m = mask_psql(sql, false);
  CHECK(m.copy_blocks == 2);
  CHECK(sql ==
        "COPY public.actor (actor_id, name) FROM stdin;\n"
        "          \n"
        "                     \n"
        "  \n"
        "SELECT 1;\n"
        "copy t from STDIN with (format csv);\r\n"
        "   \r\n");
  // COPY from a file or to stdout has no inline data; a table named stdin_rows is no stdin.
  const std::string not_data =
      "COPY t FROM '/tmp/x';\nSELECT 1;\nCOPY t TO stdout;\nSELECT 2;\n"
      "COPY (SELECT * FROM stdin_rows) TO stdout;\nSELECT 3;\n";
  CHECK(masked(not_data, false) == not_data);
}

TEST_CASE("psql: variables become identifiers or literals of the same width, slices and casts stay") {
  CHECK(masked("CREATE TABLE :schema.users (id int);") == "CREATE TABLE _schema.users (id int);");
  CHECK(masked("SELECT :'name', :\"col\" FROM t;") == "SELECT  'name',  \"col\" FROM t;");
  const std::string untouched = "SELECT a[1:n], b[lo:hi], x::text, f(p := 1), ':v' FROM t; -- :v\n";
  CHECK(masked(untouched) == untouched);
  CHECK(masked("SELECT :v;", false) == "SELECT :v;");  // only in a psql script
  std::string sql = "SELECT :a, :'b';";
  CHECK(mask_psql(sql, true).variables == 2);
}

TEST_CASE("psql: a masked script parses without syntax errors, positions those of the file") {
  const std::string text =
      "\\set ON_ERROR_STOP on\n"
      "CREATE TABLE :schema.actor (id int, name text);\n"
      "COPY :schema.actor (id, name) FROM stdin;\n"
      "1\tPENELOPE\n"
      "\\.\n"
      "CREATE INDEX actor_name_idx ON :schema.actor (name);\n";
  const auto source = std::make_shared<const SourceFile>("s.sql", text, true);
  const ParsedFile parsed = parse_file(source, {});
  CHECK(parsed.syntax_errors.empty());
  REQUIRE(parsed.statements.size() == 3);
  CHECK(source->position(parsed.statements[2].range.begin).line == 6);
  CHECK(source->position(parsed.statements[2].range.begin).column_chars == 1);
  // \gset ends its statement as `;` would.
  const auto gset = std::make_shared<const SourceFile>("g.sql", "SELECT 1 AS one \\gset\nSELECT :one;\n", true);
  const ParsedFile two = parse_file(gset, {});
  CHECK(two.syntax_errors.empty());
  CHECK(two.statements.size() == 2);
  // Without the psql runner the meta-command stays and is reported.
  const auto plain = std::make_shared<const SourceFile>("s.sql", "\\set x 1\nSELECT 1;\n", false);
  CHECK_FALSE(parse_file(plain, {}).syntax_errors.empty());
}

TEST_CASE("psql: a file named a psql script with --runner psql has its variables masked; otherwise they are errors") {
  const test::TempDir dir;
  const auto path = dir.write("m/001_grant.sql", "GRANT SELECT ON accounts TO :reader;\n");
  const auto syntax_errors = [&](const std::string& runner) {
    LintRequest request;
    request.paths = {path.string()};
    request.settings.runner = runner;
    const LintResult result = run_lint(request);
    REQUIRE(result.files.size() == 1);
    CHECK(result.files[0].runner == (runner.empty() ? "" : runner));
    size_t n = 0;
    for (const auto& d : result.diagnostics) n += d.rule.str() == "syntax-error";
    return n;
  };
  CHECK(syntax_errors("psql") == 0);
  CHECK(syntax_errors("sqitch") == 0);
  CHECK(syntax_errors("") == 1);  // nothing says psql: the runner would send `:reader` to the server
  CHECK(syntax_errors("flyway") == 1);
}
