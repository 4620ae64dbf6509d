// Key/value entries of YAML (CloudFormation, docker-compose, Kubernetes manifests, CI workflows,
// Pulumi.yaml) and TOML (Supabase config, mise), read line by line. Only the block style that
// these files use is understood: `key: value` mappings nested by indentation, `- ` sequence items,
// `---` between documents. Flow collections and block scalars are skipped, never misread.
#include <cctype>
#include <map>
#include <optional>

#include "analyzer/engine_scan.h"

namespace zdlint::engine_scan {
namespace {

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

size_t leading_spaces(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] == ' ') ++n;
  return n;
}

// Where a `#` comment starts (outside quotes, at the line start or after a space), or npos.
size_t comment_start(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string_view::npos;
}

// A scalar's text and its range within the line: quotes removed; nullopt for anything that is not
// a plain or quoted scalar (a flow collection, an alias, a block scalar indicator).
struct Scalar {
  std::string_view text;
  size_t offset = 0;  // within the line
  bool quoted = false;
};
// Where the node at `at` starts after its properties (`&anchor`, `!Tag`), and whether it has a tag.
struct Node {
  size_t at = 0;
  bool tagged = false;
};
Node skip_properties(std::string_view line, size_t at) {
  Node node{at, false};
  while (node.at < line.size() && (line[node.at] == '&' || line[node.at] == '!')) {
    node.tagged = node.tagged || line[node.at] == '!';
    node.at = std::min(line.find_first_of(" \t", node.at), line.size());
    while (node.at < line.size() && (line[node.at] == ' ' || line[node.at] == '\t')) ++node.at;
  }
  return node;
}

std::optional<Scalar> scalar_at(std::string_view line, size_t at) {
  // `&pg postgres:16`: the anchored scalar is the value here (its aliases are not followed);
  // `!Ref Param`: a tag's argument is not.
  const Node node = skip_properties(line, at);
  if (node.tagged) return std::nullopt;
  at = node.at;
  std::string_view rest = trim_right(line.substr(at));
  if (rest.empty()) return std::nullopt;
  const char first = rest.front();
  if (first == '"' || first == '\'') {
    const size_t close = rest.find(first, 1);
    if (close == std::string_view::npos) return std::nullopt;
    return Scalar{rest.substr(1, close - 1), at + 1, true};
  }
  if (first == '{' || first == '[' || first == '*' || first == '&' || first == '|' || first == '>') return std::nullopt;
  return Scalar{rest, at, false};
}

// `key:` at `at`: the key (quotes removed) and where its value starts, or nullopt.
struct KeyAt {
  std::string key;
  size_t value_at = 0;
};
std::optional<KeyAt> key_at(std::string_view line, size_t at) {
  std::string_view rest = line.substr(at);
  if (rest.empty()) return std::nullopt;
  size_t colon = std::string_view::npos;
  std::string key;
  if (rest.front() == '"' || rest.front() == '\'') {
    const size_t close = rest.find(rest.front(), 1);
    if (close == std::string_view::npos) return std::nullopt;
    colon = close + 1;
    while (colon < rest.size() && (rest[colon] == ' ' || rest[colon] == '\t')) ++colon;  // `"image" : x`
    if (colon >= rest.size() || rest[colon] != ':') return std::nullopt;
    key = std::string(rest.substr(1, close - 1));
  } else {
    for (size_t i = 0; i < rest.size(); ++i)
      if (rest[i] == ':' && (i + 1 == rest.size() || rest[i + 1] == ' ' || rest[i + 1] == '\t')) {
        colon = i;
        break;
      }
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    key = std::string(trim_right(rest.substr(0, colon)));
    if (key.find_first_of("{}[],") != std::string::npos) return std::nullopt;
  }
  size_t value = at + colon + 1;
  while (value < line.size() && (line[value] == ' ' || line[value] == '\t')) ++value;
  return KeyAt{std::move(key), value};
}

class YamlScanner {
 public:
  std::vector<Entry> run(std::string_view text) {
    for (const Line& line : lines_of(text)) read(line);
    return std::move(entries_);
  }

 private:
  struct Mapping {
    size_t indent;  // the column of its keys
    size_t group;
    std::string label;
  };

  void read(const Line& raw) {
    std::string_view line = raw.text;
    const size_t comment = comment_start(line);
    if (comment != std::string_view::npos) line = line.substr(0, comment);
    line = trim_right(line);
    const size_t indent = leading_spaces(line);
    if (block_scalar_indent_) {  // the lines of a | or > scalar are text, not keys
      if (line.size() == indent || indent > *block_scalar_indent_) return;
      block_scalar_indent_.reset();
    }
    if (line.size() == indent) return;
    if (indent == 0 && (line.starts_with("---") || line.starts_with("..."))) {
      open_.clear();
      pending_key_.clear();
      return;
    }
    if (line[indent] == '\t') return;  // tabs are not YAML indentation

    // "- - key: v": every dash opens a sequence item; the content starts after the last one.
    size_t content = indent;
    size_t dash = indent;  // the last dash's column
    bool item = false;
    while (content < line.size() && line[content] == '-' && (content + 1 == line.size() || line[content + 1] == ' ')) {
      item = true;
      dash = content;
      content = content + 1 + leading_spaces(line.substr(content + 1));
    }
    if (content >= line.size()) {  // a bare "-": an item whose content follows on the next lines
      if (item) open_item(indent, content);
      return;
    }
    const auto key = key_at(line, content);
    if (item) {
      open_item(indent, content);
      if (!key) {  // "- postgres:16": a scalar item of the sequence
        // "- |": a block scalar item, its text indented past the dash.
        const size_t node = skip_properties(line, content).at;
        if (node < line.size() && (line[node] == '|' || line[node] == '>')) {
          block_scalar_indent_ = dash;
          return;
        }
        if (const auto value = scalar_at(line, content)) add("-", *value, raw.offset);
        return;
      }
    } else {
      if (!key) return;  // a continuation line of a plain multi-line scalar
      enter(content);
    }
    // `key: &anchor` and `key: !Tag` with nothing after them open a nested block as `key:` does;
    // `key: !Sub |` opens a block scalar as `key: |` does.
    const Node node = skip_properties(line, key->value_at);
    if (node.at >= line.size()) {  // `key:` opens a nested block
      pending_key_ = key->key;
      return;
    }
    pending_key_.clear();
    const char indicator = line[node.at];
    if (indicator == '|' || indicator == '>') {
      block_scalar_indent_ = content;
      return;
    }
    if (const auto value = scalar_at(line, key->value_at)) add(key->key, *value, raw.offset);
  }

  // Keys at `column`: the mapping at that column, or a new one nested under the pending key.
  void enter(size_t column) {
    while (!open_.empty() && open_.back().indent > column) open_.pop_back();
    if (!open_.empty() && open_.back().indent == column) return;
    push(column, pending_key_);
  }

  // A sequence item whose dash is at `dash` starts a new mapping at `column`.
  void open_item(size_t dash, size_t column) {
    while (!open_.empty() && open_.back().indent > dash) open_.pop_back();
    // The sequence hangs from the pending key (`services:` then `- …`); an item after an item keeps
    // the sequence's key.
    std::string sequence = pending_key_.empty() ? sequence_key_at(dash) : pending_key_;
    sequence_keys_[dash] = sequence;
    push(column, sequence);
    pending_key_.clear();
  }

  std::string sequence_key_at(size_t dash) const {
    const auto it = sequence_keys_.find(dash);
    return it == sequence_keys_.end() ? "" : it->second;
  }

  void push(size_t column, const std::string& key) {
    const std::string parent = open_.empty() ? "" : open_.back().label;
    std::string label = parent;
    if (!key.empty() && parent.size() + key.size() < kMaxLabel) label = parent.empty() ? key : parent + "/" + key;
    open_.push_back({column, next_group_++, std::move(label)});
  }

  void add(const std::string& key, const Scalar& value, uint32_t line_offset) {
    const auto begin = static_cast<uint32_t>(line_offset + value.offset);
    entries_.push_back({open_.empty() ? 0 : open_.back().group, open_.empty() ? "" : open_.back().label, key,
                        std::string(value.text), {begin, begin + static_cast<uint32_t>(value.text.size())},
                        value.quoted});
  }

  std::vector<Mapping> open_;
  std::map<size_t, std::string> sequence_keys_;  // by dash column: the key the sequence there belongs to
  std::string pending_key_;                 // a `key:` with its value on the following lines
  std::optional<size_t> block_scalar_indent_;
  size_t next_group_ = 1;
  std::vector<Entry> entries_;
};

}  // namespace

std::vector<Entry> yaml_entries(std::string_view text) { return YamlScanner().run(text); }

namespace {

// Where the value of the `version` key of an inline table (`{ version = "16", os = ["linux"] }`)
// starts in it, its quote included; a `version` nested deeper, or inside a string, is not it.
std::optional<size_t> inline_table_version(std::string_view table) {
  const std::vector<Token> tokens = code_tokens(table, {.hash_comments = true});
  int depth = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == Token::Kind::Punct && (t.text == "{" || t.text == "[")) ++depth;
    if (t.kind == Token::Kind::Punct && (t.text == "}" || t.text == "]")) --depth;
    if (depth != 1 || t.kind == Token::Kind::Punct || t.text != "version" || i + 2 >= tokens.size()) continue;
    const Token& equals = tokens[i + 1];
    const Token& value = tokens[i + 2];
    if (equals.kind != Token::Kind::Punct || equals.text != "=" || value.kind == Token::Kind::Punct) continue;
    return value.range.begin - (value.kind == Token::Kind::String ? 1 : 0);
  }
  return std::nullopt;
}

}  // namespace

std::vector<Entry> toml_entries(std::string_view text) {
  std::vector<Entry> entries;
  std::string table;
  size_t group = 0;
  for (const Line& line : lines_of(text)) {
    std::string_view s = line.text;
    const size_t start = s.find_first_not_of(" \t");
    if (start == std::string_view::npos || s[start] == '#') continue;
    if (s[start] == '[') {
      const size_t close = s.find(']', start);
      if (close == std::string_view::npos) continue;
      std::string_view name = s.substr(start + 1, close - start - 1);
      while (!name.empty() && name.front() == '[') name.remove_prefix(1);
      while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);  // `[ tools ]`
      table = std::string(trim_right(name));
      ++group;
      continue;
    }
    const size_t equals = s.find('=', start);
    if (equals == std::string_view::npos) continue;
    std::string_view key = trim_right(s.substr(start, equals - start));
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
      key = key.substr(1, key.size() - 2);
    size_t value_at = s.find_first_not_of(" \t", equals + 1);
    if (value_at == std::string_view::npos) continue;
    std::string_view value = s.substr(value_at);
    if (value.front() == '{') {  // mise's `postgres = { version = "16", … }`: the version is the value
      const std::optional<size_t> version = inline_table_version(value);
      if (!version) continue;
      value_at += *version;
      value.remove_prefix(*version);
    } else if (value.front() == '[') {  // mise's `postgres = ["16", "15"]`: the first version is the one used
      const size_t first = value.find_first_not_of(" \t", 1);
      if (first == std::string_view::npos) continue;
      value_at += first;
      value.remove_prefix(first);
    }
    bool quoted = false;
    if (value.front() == '"' || value.front() == '\'') {
      const size_t close = value.find(value.front(), 1);
      if (close == std::string_view::npos) continue;
      value = value.substr(1, close - 1);
      ++value_at;
      quoted = true;
    } else {
      const size_t end = value.find_first_of(" \t#,]}");
      value = value.substr(0, end);
    }
    const auto begin = static_cast<uint32_t>(line.offset + value_at);
    entries.push_back({group, table, std::string(key), std::string(value),
                       {begin, begin + static_cast<uint32_t>(value.size())}, quoted});
  }
  return entries;
}

}  // namespace zdlint::engine_scan
