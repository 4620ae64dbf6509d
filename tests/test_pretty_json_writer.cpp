// The JSON output is written by PrettyJsonWriter, not printed from an nlohmann tree, yet its bytes
// must stay those nlohmann's dump(2, ' ', false, error_handler_t::replace) printed before: the
// layout, the escaping and the replacement of invalid UTF-8 are checked here against literal text
// and against nlohmann itself.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "reporters/json_tree_printer.h"
#include "reporters/pretty_json_writer.h"
#include "reporters/reporter.h"

using namespace zdlint;
using nlohmann::ordered_json;

namespace {

std::string nlohmann_dump(const ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written_string(std::string_view text) {
  std::string out;
  PrettyJsonWriter(out).value(text);
  return out;
}

}  // namespace

TEST_CASE("pretty JSON writer: nested objects and arrays, laid out as nlohmann's dump(2)") {
  std::string out;
  PrettyJsonWriter w(out);
  w.begin_object();
  w.key("name").value("zdlint");
  w.key("list").begin_array().value(uint32_t{1}).begin_object().key("k").value(true).end_object();
  w.begin_array().value("x").end_array().end_array();
  w.key("nested").begin_object().key("inner").begin_object().key("deep").null().end_object().end_object();
  w.end_object();
  CHECK(out ==
        "{\n"
        "  \"name\": \"zdlint\",\n"
        "  \"list\": [\n"
        "    1,\n"
        "    {\n"
        "      \"k\": true\n"
        "    },\n"
        "    [\n"
        "      \"x\"\n"
        "    ]\n"
        "  ],\n"
        "  \"nested\": {\n"
        "    \"inner\": {\n"
        "      \"deep\": null\n"
        "    }\n"
        "  }\n"
        "}");
}

TEST_CASE("pretty JSON writer: empty containers stay on their line") {
  std::string out;
  PrettyJsonWriter w(out);
  w.begin_object().key("a").begin_array().end_array().key("o").begin_object().end_object();
  w.key("n").begin_array().begin_array().end_array().begin_object().end_object().end_array().end_object();
  CHECK(out == "{\n  \"a\": [],\n  \"o\": {},\n  \"n\": [\n    [],\n    {}\n  ]\n}");

  out.clear();
  PrettyJsonWriter(out).begin_object().end_object();
  CHECK(out == "{}");
  out.clear();
  PrettyJsonWriter(out).begin_array().end_array();
  CHECK(out == "[]");
}

TEST_CASE("pretty JSON writer: scalars") {
  std::string out;
  PrettyJsonWriter w(out);
  w.begin_array();
  w.null().value(true).value(false);
  w.value(uint32_t{0}).value(size_t{42}).value(std::numeric_limits<uint64_t>::max());
  w.value(int64_t{-7}).value(std::numeric_limits<int64_t>::min());
  w.value("").value(std::string("text")).value(std::string_view("view"));
  w.end_array();
  CHECK(out ==
        "[\n  null,\n  true,\n  false,\n  0,\n  42,\n  18446744073709551615,\n  -7,\n"
        "  -9223372036854775808,\n  \"\",\n  \"text\",\n  \"view\"\n]");
}

TEST_CASE("pretty JSON writer: strings escaped as nlohmann escapes them") {
  // Control characters as \u00xx in lowercase hex but for the five short forms; '/' and DEL as they are.
  CHECK(written_string("a\"b\\c/d") == R"("a\"b\\c/d")");
  CHECK(written_string("\b\f\n\r\t") == R"("\b\f\n\r\t")");
  CHECK(written_string(std::string_view("\x00\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\x7f\"");
  CHECK(written_string("é 😀 \u2028") == "\"é 😀 \u2028\"");
  // A key is escaped as a value is.
  std::string out;
  PrettyJsonWriter(out).begin_object().key("k\"\n").value(uint32_t{1}).end_object();
  CHECK(out == "{\n  \"k\\\"\\n\": 1\n}");
}

TEST_CASE("pretty JSON writer: invalid UTF-8 replaced as nlohmann replaces it") {
  // One U+FFFD for a truncated sequence, not one per byte; overlongs, surrogates and code points
  // above U+10FFFF replaced too. File paths are not validated, so these reach the output.
  const std::string cases[] = {"x\x80y",       "\xE2\x82y",    "\xE2\x82",         "\xC3",
                               "\xC0\x80",     "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xF4\x90\x80\x80",
                               "\xE0\x80\x80", "\xFF\xFE",     "ok\xE2\x82\xACok", "\"\x01\xC3(\\"};
  for (const std::string& text : cases) {
    CAPTURE(text);
    CHECK(written_string(text) == ordered_json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  CHECK(written_string("\xE2\x82y") == "\"\xEF\xBF\xBDy\"");
}

TEST_CASE("pretty JSON writer: the same bytes as nlohmann's dump for a document built both ways") {
  ordered_json expected = {
      {"version", "1.2.3"},
      {"list", ordered_json::array({1, "two", nullptr, false, ordered_json::array(), ordered_json::object()})},
      {"object", {{"a", {{"b", ordered_json::array({ordered_json::array({3})})}}}, {"c", "\t\x01"}}},
      {"empty", ordered_json::array()},
  };
  std::string out;
  PrettyJsonWriter w(out);
  w.begin_object();
  w.key("version").value("1.2.3");
  w.key("list").begin_array().value(uint32_t{1}).value("two").null().value(false);
  w.begin_array().end_array().begin_object().end_object().end_array();
  w.key("object").begin_object();
  w.key("a").begin_object().key("b").begin_array().begin_array().value(uint32_t{3});
  w.end_array().end_array().end_object();
  w.key("c").value("\t\x01").end_object();
  w.key("empty").begin_array().end_array();
  w.end_object();
  CHECK(out == nlohmann_dump(expected));
}

TEST_CASE("pretty JSON writer: the string may be emptied between calls") {
  std::string whole, piece, streamed;
  PrettyJsonWriter all(whole), pieces(piece);
  const auto write = [](PrettyJsonWriter& w, std::string& text, std::string* sink) {
    const auto flush = [&] {
      if (sink) *sink += text, text.clear();
    };
    w.begin_object().key("a").begin_array();
    flush();
    w.value(uint32_t{1});
    flush();
    w.value(uint32_t{2}).end_array();
    flush();
    w.key("b").null().end_object();
    flush();
  };
  write(all, whole, nullptr);
  write(pieces, piece, &streamed);
  CHECK(piece.empty());
  CHECK(streamed == whole);
}

TEST_CASE("JSON output: every field laid out as nlohmann prints the same document") {
  LintResult result;
  const auto source = std::make_shared<const SourceFile>("m/001_é.sql", "ALTER TABLE t RENAME a TO b;\nSELECT 1;\n");
  FileReport migration{"m/001_é.sql", source, 2, false, false, "flyway"};
  FileReport history{"m/000_history.sql", source, 1, false, true, ""};  // replayed only: not listed
  FileReport infrastructure{"infra/\xE2\x82main.tf", source, 0, false, false, ""};
  infrastructure.infrastructure = true;
  result.files = {migration, history, infrastructure};

  Diagnostic with_everything;
  with_everything.rule = RuleId("rename-column");
  with_everything.severity = Severity::Error;
  with_everything.file = 0;
  with_everything.range = {12, 27};
  with_everything.message = "renames \"a\"\tto b\x01";
  with_everything.help = "a/b \\ c";
  with_everything.notes = {{"first note", std::nullopt}, {"second, é", ByteRange{0, 5}}};
  with_everything.fingerprint = "0123456789abcdef";
  with_everything.locks = {{"public.t", LockMode::AccessExclusive, true, false, true},
                           {"public.u", LockMode::None, false, true, false}};
  with_everything.fix = Fix{"Use a view", true, {{{0, 5}, "CREATE\nVIEW"}, {{29, 38}, ""}}};

  Diagnostic bare;
  bare.rule = RuleId("bundled-engine-upgrade");
  bare.severity = Severity::Info;
  bare.file = 2;
  bare.range = {0, 0};
  bare.fix = Fix{"No edits", false, {}};
  result.diagnostics = {with_everything, bare};
  result.problems = {{"m/bad.sql", "is not valid UTF-8", true}, {"m/empty.sql", "is empty; nothing to lint", false}};

  std::ostringstream out;
  report_json(out, result);
  const std::string text = out.str();
  // Parsed and printed again by nlohmann, the document comes out as it went in: the same order,
  // values and layout. (Only invalid UTF-8 cannot be checked this way; the writer's test above does.)
  const ordered_json parsed = ordered_json::parse(text);
  CHECK(text == nlohmann_dump(parsed) + "\n");

  REQUIRE(parsed["files"].size() == 2);
  CHECK(parsed["files"][0]["runner"] == "flyway");
  CHECK(parsed["files"][1]["runner"].is_null());
  CHECK(parsed["files"][1]["kind"] == "infrastructure");
  CHECK(parsed["files"][1]["path"] == "infra/\xEF\xBF\xBDmain.tf");
  const auto& first = parsed["diagnostics"][0];
  CHECK(first["notes"] == ordered_json::array({"first note", "second, é"}));
  CHECK(first["locks"][0]["blocks"] == ordered_json::array({"reads", "writes", "ddl"}));
  CHECK(first["locks"][1]["blocks"] == ordered_json::array());
  CHECK(first["fix"]["safe"] == true);
  CHECK(first["fix"]["edits"][1]["line"] == 2);
  const auto& second = parsed["diagnostics"][1];
  CHECK(second["fingerprint"] == "");
  CHECK(second["fix"]["edits"] == ordered_json::array());
  CHECK(parsed["summary"]["diagnostics"] == 2);

  // A finding without a fix prints null; a run without findings, an empty array.
  result.diagnostics = {with_everything};
  result.diagnostics[0].fix.reset();
  std::ostringstream without_fix;
  report_json(without_fix, result);
  CHECK(without_fix.str().find("      \"fix\": null\n    }\n  ],\n") != std::string::npos);
  result.diagnostics.clear();
  std::ostringstream no_findings;
  report_json(no_findings, result);
  CHECK(no_findings.str().find("\n  \"diagnostics\": [],\n") != std::string::npos);
}

namespace {

std::string tree_text(const ordered_json& value) {
  std::string out;
  PrettyJsonWriter w(out);
  write_json_tree(w, value);
  return out;
}

}  // namespace

TEST_CASE("json tree printer: a tree of every kind of value prints as nlohmann's dump(2) prints it") {
  ordered_json document = {
      {"text", "plain"},
      {"escapes", "quote \" backslash \\ newline \n tab \t control \x01 del \x7f é 😀"},
      {"invalid", std::string("bad \xFF byte, cut \xE2\x82", 15)},
      {"empty object", ordered_json::object()},
      {"empty array", ordered_json::array()},
      {"numbers", {int64_t{-7}, uint64_t{18446744073709551615ULL}, 0, 2.5, 1e100}},
      {"flags", {true, false, nullptr}},
      {"nested", {{"list", {{{"a", 1}}, ordered_json::array(), {ordered_json::object()}}}, {"after", "x"}}},
      {"key \"escaped\"\n", "value"},
  };
  CHECK(tree_text(document) == nlohmann_dump(document));
  for (const ordered_json& scalar : {ordered_json(1), ordered_json("s"), ordered_json(nullptr), ordered_json::array(),
                                     ordered_json::object(), ordered_json(-0.5)})
    CHECK(tree_text(scalar) == nlohmann_dump(scalar));
}

TEST_CASE("json tree printer: a tree written as a member goes on its key's line") {
  std::string out;
  PrettyJsonWriter w(out);
  w.begin_object().key("before").value("x").key("tree");
  write_json_tree(w, ordered_json{{"a", ordered_json::array({1, 2})}});
  w.key("after").begin_array().end_array().end_object();
  const ordered_json whole = {{"before", "x"}, {"tree", {{"a", {1, 2}}}}, {"after", ordered_json::array()}};
  CHECK(out == nlohmann_dump(whole));
}
