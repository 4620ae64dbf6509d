#include "parser/psql_script.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "parser/ascii.h"
#include "parser/tokens.h"

namespace zdlint {
namespace {

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
}
bool is_ident_char(char c) {
  return is_ident_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}
constexpr size_t kMaxVariableName = 256;

// Walks a script the way psql's lexer does, as far as masking needs: quoted text, comments and
// dollar quotes are skipped whole; the rest is looked at for meta-commands, variables, statement
// ends and the COPY … FROM stdin that makes the following lines data.
class PsqlScanner {
 public:
  PsqlScanner(std::string& sql, bool psql_script) : sql_(sql), psql_script_(psql_script) {}

  PsqlMasking run() {
    while (i_ < sql_.size()) step();
    return masking_;
  }

 private:
  void step() {
    const char c = sql_[i_];
    if (c == '\'')
      return skip_quoted(i_ > 0 && (sql_[i_ - 1] == 'E' || sql_[i_ - 1] == 'e') &&
                         (i_ < 2 || !is_ident_char(sql_[i_ - 2])));
    if (c == '"') return skip_quoted(false);
    if (c == '-' && next_is('-')) return skip_to_line_end();
    if (c == '/' && next_is('*')) return skip_block_comment();
    if (c == '$' && (i_ == 0 || !is_ident_char(sql_[i_ - 1])) && skip_dollar_quote()) return;
    if (c == '\\') return meta_command();
    if (c == ':' && psql_script_ && variable()) return;
    if (c == '[') ++brackets_;
    if (c == ']' && brackets_ > 0) --brackets_;
    if (c == ';') return statement_end();
    if (is_ident_start(c)) return word();
    if (!is_ascii_space(c)) in_statement_ = true;
    ++i_;
  }

  [[nodiscard]] bool next_is(char c) const { return i_ + 1 < sql_.size() && sql_[i_ + 1] == c; }

  // 'text' with '' doubled, and continued on a later line ('…'\n'…' is one string); E'text' also
  // with backslash escapes, in the later parts too. "identifier" with "" doubled.
  void skip_quoted(bool backslash_escapes) {
    in_statement_ = true;
    i_ = std::min(closing_quote(sql_, i_, backslash_escapes) + 1, sql_.size());
  }

  void skip_to_line_end() {  // a line ends at \n or \r, for psql as for PostgreSQL
    while (i_ < sql_.size() && sql_[i_] != '\n' && sql_[i_] != '\r') ++i_;
  }

  void skip_block_comment() {  // nested, as PostgreSQL's are
    int depth = 0;
    while (i_ < sql_.size()) {
      if (sql_[i_] == '/' && next_is('*')) {
        ++depth;
        i_ += 2;
      } else if (sql_[i_] == '*' && next_is('/')) {
        i_ += 2;
        if (--depth == 0) return;
      } else {
        ++i_;
      }
    }
  }

  // $tag$ … $tag$; false when the `$` starts no dollar quote (a parameter such as $1).
  bool skip_dollar_quote() {
    size_t end = i_ + 1;
    while (end < sql_.size() && sql_[end] != '$' && is_ident_char(sql_[end]) && sql_[end] != '$') ++end;
    if (end >= sql_.size() || sql_[end] != '$') return false;
    if (end > i_ + 1 && std::isdigit(static_cast<unsigned char>(sql_[i_ + 1]))) return false;
    const std::string delimiter = sql_.substr(i_, end + 1 - i_);
    const size_t close = sql_.find(delimiter, end + 1);
    in_statement_ = true;
    i_ = close == std::string::npos ? sql_.size() : close + delimiter.size();
    return true;
  }

  void blank(size_t from, size_t to) {
    for (size_t k = from; k < to; ++k)
      if (sql_[k] != '\n' && sql_[k] != '\r') sql_[k] = ' ';
  }

  // psql reads a backslash command and its arguments up to the end of the line.
  void meta_command() {
    const size_t start = i_;
    skip_to_line_end();
    if (!psql_script_) return;
    size_t name_end = start + 1;
    while (name_end < i_ && std::isalpha(static_cast<unsigned char>(sql_[name_end]))) ++name_end;
    const std::string_view name(sql_.data() + start + 1, name_end - start - 1);
    const bool sends_query = name.starts_with('g') || name == "watch" || name == "crosstabview";
    blank(start, i_);
    // \g, \gset, \gexec, \gx, \watch, … send the query buffer as `;` would: the statement ends there.
    if (sends_query) {
      sql_[start] = ';';
      in_statement_ = false;
      is_copy_ = copy_stdin_ = copy_from_ = false;
      brackets_ = 0;
    }
    ++masking_.meta_commands;
  }

  // :name, :'name', :"name" outside brackets (an array slice a[lo:hi] is no variable), and not
  // part of a `::` cast or a `:=` assignment.
  bool variable() {
    if (brackets_ > 0 || (i_ > 0 && sql_[i_ - 1] == ':') || i_ + 1 >= sql_.size()) return false;
    const char next = sql_[i_ + 1];
    if (next == '\'' || next == '"') {
      // A variable's name is short: looking no further keeps a hostile line linear.
      const std::string_view rest = std::string_view(sql_).substr(i_ + 2, kMaxVariableName);
      const size_t length = rest.find(next);
      if (length == std::string_view::npos || length == 0 ||
          rest.substr(0, length).find('\n') != std::string_view::npos)
        return false;
      const size_t close = i_ + 2 + length;
      sql_[i_] = ' ';  // the rest is already a literal or a quoted identifier of its own
      i_ = close + 1;
    } else if (is_ident_start(next)) {
      sql_[i_] = '_';  // an identifier that no keyword spells
      i_ += 2;
      while (i_ < sql_.size() && is_ident_char(sql_[i_]) && sql_[i_] != '$') ++i_;
    } else {
      return false;
    }
    in_statement_ = true;
    ++masking_.variables;
    return true;
  }

  void word() {
    const size_t start = i_;
    while (i_ < sql_.size() && is_ident_char(sql_[i_])) ++i_;
    const std::string_view w(sql_.data() + start, i_ - start);
    if (!in_statement_) {
      is_copy_ = equals_nocase(w, "copy");
      copy_from_ = false;
      copy_stdin_ = false;
    } else if (is_copy_) {
      if (equals_nocase(w, "from")) {
        copy_from_ = true;
      } else {
        copy_stdin_ = copy_stdin_ || (copy_from_ && equals_nocase(w, "stdin"));
        copy_from_ = false;
      }
    }
    in_statement_ = true;
  }

  void statement_end() {
    ++i_;
    const bool data_follows = is_copy_ && copy_stdin_;
    in_statement_ = false;
    is_copy_ = copy_stdin_ = copy_from_ = false;
    brackets_ = 0;
    if (data_follows) copy_data();
  }

  // The data starts on the line after the COPY's semicolon and ends with a line holding `\.` (or
  // with the file).
  void copy_data() {
    while (i_ < sql_.size() && sql_[i_] != '\n') ++i_;  // psql reads the data a \n-ended line at a time
    if (i_ >= sql_.size()) return;
    const size_t begin = ++i_;
    while (i_ < sql_.size()) {
      size_t line_end = sql_.find('\n', i_);
      if (line_end == std::string::npos) line_end = sql_.size();
      std::string_view line(sql_.data() + i_, line_end - i_);
      if (line.ends_with('\r')) line.remove_suffix(1);
      i_ = line_end;
      if (line == "\\.") break;
      if (i_ < sql_.size()) ++i_;
    }
    blank(begin, i_);
    ++masking_.copy_blocks;
  }

  std::string& sql_;
  const bool psql_script_;
  size_t i_ = 0;
  PsqlMasking masking_;
  bool in_statement_ = false;  // past the first token of a statement
  bool is_copy_ = false, copy_from_ = false, copy_stdin_ = false;
  int brackets_ = 0;
};

}  // namespace

PsqlMasking mask_psql(std::string& sql, bool psql_script) {
  return PsqlScanner(sql, psql_script).run();
}

bool looks_like_psql_script(std::string_view sql) {
  if (sql.find('\\') == std::string_view::npos) return false;
  std::string copy(sql);
  const PsqlMasking masking = mask_psql(copy, true);
  return masking.meta_commands > 0 || masking.copy_blocks > 0;
}

}  // namespace zdlint
