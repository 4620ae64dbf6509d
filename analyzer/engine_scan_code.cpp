// Tokens and key/value entries of C-like infrastructure code: Terraform HCL, JSON (CloudFormation
// templates, *.tf.json, cdk.out), TypeScript/JavaScript and Python (CDK, Pulumi).
#include <cctype>

#include "analyzer/engine_scan.h"

namespace zdlint::engine_scan {
namespace {

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
bool is_name_char(char c, bool dashes) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (dashes && c == '-');
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const CodeSyntax& syntax) : text_(text), syntax_(syntax) {}

  std::vector<Token> run() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++at_;
      } else if (syntax_.hash_comments && c == '#') {
        skip_line();
      } else if (syntax_.slash_comments && starts("//")) {
        skip_line();
      } else if (syntax_.slash_comments && starts("/*")) {
        const size_t end = text_.find("*/", at_ + 2);
        at_ = end == std::string_view::npos ? text_.size() : end + 2;
      } else if (syntax_.heredocs && starts("<<") && heredoc()) {
        // skipped: a heredoc is free text, never a version assignment
      } else if (c == '"' || c == '\'' || c == '`') {
        string(c);
      } else if (is_name_start(c)) {
        const size_t begin = at_;
        while (at_ < text_.size() && is_name_char(text_[at_], syntax_.dashes_in_names)) ++at_;
        push(Token::Kind::Name, begin, at_);
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        const size_t begin = at_;
        while (at_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[at_])) || text_[at_] == '.')) ++at_;
        push(Token::Kind::Number, begin, at_);
      } else {
        push(Token::Kind::Punct, at_, at_ + 1);
        ++at_;
      }
    }
    return std::move(tokens_);
  }

 private:
  [[nodiscard]] bool starts(std::string_view s) const { return text_.substr(at_).starts_with(s); }

  void skip_line() {
    const size_t end = text_.find('\n', at_);
    at_ = end == std::string_view::npos ? text_.size() : end;
  }

  void push(Token::Kind kind, size_t begin, size_t end) {
    tokens_.push_back({kind, std::string(text_.substr(begin, end - begin)),
                       {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}});
  }

  // '…', "…", `…` and Python's '''…''' / """…""". A quote left open ends at the line's end (at
  // the file's end for backquotes and triple quotes), so one stray quote cannot hide the rest.
  void string(char quote) {
    const bool triple = quote != '`' && starts(std::string(3, quote));
    const size_t begin = at_ + (triple ? 3 : 1);
    size_t i = begin;
    for (; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '\\') {
        ++i;
      } else if (triple ? text_.substr(i).starts_with(std::string(3, quote)) : c == quote) {
        break;
      } else if (c == '\n' && !triple && quote != '`') {
        break;
      }
    }
    const size_t end = std::min(i, text_.size());
    push(Token::Kind::String, begin, end);
    const bool closed = end < text_.size() && text_[end] == quote;
    tokens_.back().complete = closed;
    at_ = closed ? end + (triple ? 3 : 1) : end;
  }

  // <<EOF or <<-EOF up to a line holding only EOF. Returns false when `<<` starts no heredoc.
  bool heredoc() {
    size_t i = at_ + 2;
    if (i < text_.size() && text_[i] == '-') ++i;
    const size_t name_begin = i;
    while (i < text_.size() && is_name_char(text_[i], false)) ++i;
    if (i == name_begin) return false;
    const std::string_view name = text_.substr(name_begin, i - name_begin);
    size_t line = text_.find('\n', i);
    while (line != std::string_view::npos) {
      const size_t next = text_.find('\n', line + 1);
      std::string_view content = text_.substr(line + 1, (next == std::string_view::npos ? text_.size() : next) - line - 1);
      while (!content.empty() && std::isspace(static_cast<unsigned char>(content.front()))) content.remove_prefix(1);
      while (!content.empty() && std::isspace(static_cast<unsigned char>(content.back()))) content.remove_suffix(1);
      if (content == name) {
        at_ = next == std::string_view::npos ? text_.size() : next;
        return true;
      }
      line = next;
    }
    at_ = text_.size();
    return true;
  }

  std::string_view text_;
  const CodeSyntax& syntax_;
  size_t at_ = 0;
  std::vector<Token> tokens_;
};

bool is_punct(const Token& t, char c) { return t.kind == Token::Kind::Punct && t.text.size() == 1 && t.text[0] == c; }

bool is_key_like(const Token& t) {
  return t.kind == Token::Kind::Name || t.kind == Token::Kind::String;
}

// The names and strings just before an opening bracket, joined: `resource "aws_db_instance" "app" {`
// gives "resource aws_db_instance app", `new aws.rds.Cluster(` gives "aws.rds.Cluster"; else the key
// the bracket is assigned to: `"Db": {` (JSON), `app = {` (HCL maps) give "Db", "app". Without the
// key, sibling objects (a template's resources) would be told apart only by their order.
std::string label_before(const std::vector<Token>& tokens, size_t open) {
  if (open >= 2 && (is_punct(tokens[open - 1], ':') || is_punct(tokens[open - 1], '=')) &&
      is_key_like(tokens[open - 2]) && !(open >= 3 && is_punct(tokens[open - 3], '.')))
    return tokens[open - 2].text;
  size_t first = open;
  while (first > 0 && open - first < 8) {  // a few names: `resource "type" "name"`, `aws.rds.Cluster`
    const Token& t = tokens[first - 1];
    if (t.kind == Token::Kind::Name || t.kind == Token::Kind::String || is_punct(t, '.'))
      --first;
    else
      break;
  }
  std::string label;
  for (size_t i = first; i < open; ++i) {
    const Token& t = tokens[i];
    if (is_punct(t, '.')) {
      label += '.';
    } else {
      if (!label.empty() && label.back() != '.') label += ' ';
      label += t.text;
    }
  }
  return label;
}

}  // namespace

std::vector<Token> code_tokens(std::string_view text, const CodeSyntax& syntax) { return Tokenizer(text, syntax).run(); }

std::vector<Entry> code_entries(const std::vector<Token>& tokens, const std::vector<size_t>& at,
                                std::vector<std::string>* labels) {
  size_t next_at = 0;
  struct Group {
    size_t id;
    std::string label;
    bool named_call = false;  // a call (`new aws.rds.Cluster(`) whose resource name is yet to be read
  };
  std::vector<Group> open{{0, ""}};
  size_t next_group = 1;
  std::vector<Entry> entries;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    for (; labels && next_at < at.size() && at[next_at] <= i; ++next_at) labels->push_back(open.back().label);
    if (is_punct(t, '{') || is_punct(t, '(') || is_punct(t, '[')) {
      // A bracket with nothing before it (an object passed as an argument) is labelled by the
      // group it opens in.
      std::string own = label_before(tokens, i);
      std::string label = open.back().label;
      if (!own.empty() && label.size() + own.size() < kMaxLabel) label = label.empty() ? own : label + "/" + own;
      open.push_back({next_group++, std::move(label), is_punct(t, '(') && !own.empty()});
      continue;
    }
    // The first string argument of a call names the resource (Pulumi's `new aws.rds.Cluster("db", {`,
    // `aws.rds.Instance("db", engine=…)`, CDK's `new rds.DatabaseInstance(this, 'Db', {`): the
    // arguments read after it are labelled by it, so that two resources of one type are told apart
    // by name, not by order.
    if (open.back().named_call && t.kind == Token::Kind::String && i > 0 &&
        (is_punct(tokens[i - 1], '(') || is_punct(tokens[i - 1], ',')) && i + 1 < tokens.size() &&
        (is_punct(tokens[i + 1], ',') || is_punct(tokens[i + 1], ')'))) {
      Group& call = open.back();
      call.named_call = false;
      if (call.label.size() + t.text.size() < kMaxLabel) call.label += "/" + t.text;
      continue;
    }
    if ((is_punct(t, '}') || is_punct(t, ')') || is_punct(t, ']'))) {
      if (open.size() > 1) open.pop_back();  // unbalanced input: stay at the top level
      continue;
    }
    if (!is_key_like(t) || i + 2 >= tokens.size()) continue;
    const Token& op = tokens[i + 1];
    const Token& value = tokens[i + 2];
    if (!is_punct(op, '=') && !is_punct(op, ':')) continue;
    if (i > 0 && is_punct(tokens[i - 1], '.')) continue;  // obj.engine_version = …: not a declaration
    if ((value.kind != Token::Kind::String || !value.complete) && value.kind != Token::Kind::Number) continue;
    // `==`, `a = b == c`: a comparison, not an assignment.
    if (i + 3 < tokens.size() && is_punct(tokens[i + 3], '=')) continue;
    entries.push_back({open.back().id, open.back().label, t.text, value.text, value.range,
                       value.kind == Token::Kind::String});
  }
  for (; labels && next_at < at.size(); ++next_at) labels->push_back(open.back().label);  // past the end
  return entries;
}

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, static_cast<uint32_t>(start)});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace zdlint::engine_scan
