#pragma once
// The lexical layer under analyzer/engine_upgrade: each infrastructure format is reduced to
// key/value entries grouped by the block, object, call or mapping that holds them, so one set of
// questions ("a version key next to a postgres engine key") serves HCL, JSON, TypeScript, Python
// and YAML alike. Scanners never fail: what they cannot read they skip.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parser/source_file.h"

namespace zdlint::engine_scan {

// A scalar assigned to a key: `engine_version = "16.4"`, `EngineVersion: '16.6'`,
// `engine_version="15.4"`, `"EngineVersion": "16.6"`.
struct Entry {
  size_t group = 0;   // the enclosing block, object, call or mapping; entries that share it are siblings
  std::string label;  // what introduces the group, outermost first: "resource aws_db_instance app", "spec/postgresql"
  std::string key;    // "-" for a bare item of a YAML sequence
  std::string value;  // without quotes
  ByteRange range;    // the value's text, without quotes
  bool quoted = false;
};

// Comment and literal syntax of a C-like language.
struct CodeSyntax {
  bool hash_comments = false;   // # … (HCL, Python)
  bool slash_comments = false;  // // … and /* … */ (HCL, TypeScript, JavaScript)
  bool heredocs = false;        // <<EOF … EOF and <<-EOF (HCL)
  bool dashes_in_names = false; // HCL identifiers may contain '-'
};

struct Token {
  enum class Kind { Name, String, Number, Punct } kind = Kind::Punct;
  std::string text;  // a string's contents without quotes
  ByteRange range;   // a string's contents, without quotes
  bool complete = true;  // false for a string whose closing quote is missing
};

// Names, strings, numbers and punctuation, comments left out.
std::vector<Token> code_tokens(std::string_view text, const CodeSyntax& syntax);
// `key = scalar` and `key: scalar` pairs, grouped by the innermost {…}, (…) or […]. For each of
// the token indices `at` (ascending), `labels` receives the label of the group that token sits in
// (what CDK's `rds.PostgresEngineVersion.VER_16_4` is told apart by).
std::vector<Entry> code_entries(const std::vector<Token>& tokens, const std::vector<size_t>& at = {},
                                std::vector<std::string>* labels = nullptr);

// `key: scalar` lines and sequence items of a YAML stream, grouped by mapping; flow collections,
// block scalars, aliases (`*pg`) and tags' arguments (`!Ref Param`) are not read as versions, an
// anchored scalar (`&pg postgres:16`) is.
std::vector<Entry> yaml_entries(std::string_view text);

// `key = scalar` lines of a TOML file; the label is the [table] header.
std::vector<Entry> toml_entries(std::string_view text);

// Labels stop growing at this length, so that deeply nested input costs linear time and memory;
// real declarations sit a few levels deep.
inline constexpr size_t kMaxLabel = 512;

// Lines of `text`, each with the byte offset where it starts.
struct Line {
  std::string_view text;
  uint32_t offset = 0;
};
std::vector<Line> lines_of(std::string_view text);

}  // namespace zdlint::engine_scan
