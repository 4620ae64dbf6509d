#include <doctest/doctest.h>

#include "parser/source_file.h"

using namespace zdlint;

TEST_CASE("line index: ASCII lines and columns") {
  const SourceFile file("a.sql", "SELECT 1;\nSELECT 22;\n");
  const auto p = file.position(10);
  CHECK(p.line == 2);
  CHECK(p.column_bytes == 1);
  CHECK(file.position(17).column_chars == 8);
  CHECK(file.lines().line_count() == 3);
  CHECK(file.lines().line_text(file.text(), 2) == "SELECT 22;");
}

TEST_CASE("line index: multibyte characters count as one code point and as UTF-16 units") {
  // "é" is 2 bytes / 1 UTF-16 unit, "😀" 4 bytes / 2 units, "表" 3 bytes / 1 unit.
  const std::string text = "SELECT 'é😀表', x;";
  const SourceFile file("m.sql", text);
  const auto x = static_cast<uint32_t>(text.find('x'));
  const auto p = file.position(x);
  CHECK(p.line == 1);
  CHECK(p.column_bytes == x + 1);
  CHECK(p.column_bytes == 21);
  CHECK(p.column_chars == 15);
  CHECK(p.column_utf16 == 16);
}

TEST_CASE("line index: CRLF and lone CR end lines") {
  const std::string text = "A;\r\nB;\rC;\n";
  const SourceFile file("crlf.sql", text);
  CHECK(file.position(static_cast<uint32_t>(text.find('B'))).line == 2);
  CHECK(file.position(static_cast<uint32_t>(text.find('B'))).column_chars == 1);
  CHECK(file.position(static_cast<uint32_t>(text.find('C'))).line == 3);
  CHECK(file.lines().line_text(file.text(), 1) == "A;");
  CHECK(file.lines().line_text(file.text(), 2) == "B;");
}

TEST_CASE("UTF-8 validation rejects malformed input") {
  size_t at = 0;
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("é 😀 表"));
  CHECK_FALSE(is_valid_utf8("ab\xff", &at));
  CHECK(at == 2);
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));      // overlong "/"
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));  // UTF-16 surrogate
  CHECK_FALSE(is_valid_utf8("\xe2\x82"));      // truncated
}

TEST_CASE("code point offsets") {
  CHECK(count_code_points("é😀a") == 3);
  CHECK(byte_offset_of_char("é😀a", 2) == 6);
  CHECK(byte_offset_of_char("ab", 10) == 2);
}
