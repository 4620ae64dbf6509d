#include "parser/plpgsql.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "parser/ascii.h"
#include "parser/json_text.h"
#include "parser/node_walk.h"
#include "parser/pg_query_raii.h"
#include "parser/sql_text.h"
#include "parser/xxhash.h"

namespace zdlint {
namespace {

std::string_view language_of(PgQuery__Node** options, size_t n_options) {
  for (size_t i = 0; i < n_options; ++i) {
    const auto* elem = options[i]->def_elem;
    if (options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && elem->defname && std::string_view(elem->defname) == "language")
      return string_value(elem->arg);
  }
  return {};
}

// The string token that holds the body: a DO block's string that does not name its language
// (DO LANGUAGE 'plpgsql' $$…$$ is DO $$…$$ too), or the one after a function's AS.
const Token* body_token(const Statement& host) {
  const bool is_do = host.kind() == PG_QUERY__NODE__NODE_DO_STMT;
  const Token* previous = nullptr;
  const Token* found = nullptr;
  for (const auto& token : host.tokens) {
    if (token.is_comment() || token.begin >= host.range.end) continue;
    const auto after = [&](int32_t kind) { return previous && previous->kind == kind; };
    if (token.is_string() && (is_do ? !after(PG_QUERY__TOKEN__LANGUAGE) : after(PG_QUERY__TOKEN__AS))) found = &token;
    if (is_do && found) break;
    previous = &token;
  }
  return found;
}

// The text of the string constant `token` starts, found in the text: a string continued on a later
// line is one string even where the scanner gives a comment between its parts two tokens; and a
// U&'…' string takes the UESCAPE clause after it, which names its escape character.
std::string_view literal_text(std::string_view file_text, const Statement& host, const Token& token) {
  const std::string_view start = file_text.substr(token.begin);
  if (start.starts_with("$")) return file_text.substr(token.begin, token.end - token.begin);
  const bool unicode = start.starts_with("U&'") || start.starts_with("u&'");
  const bool escapes = start.starts_with("E'") || start.starts_with("e'");
  const size_t opening = token.begin + (unicode ? 2 : escapes ? 1 : 0);
  size_t end = std::min(closing_quote(file_text, opening, escapes) + 1, file_text.size());
  if (unicode) {
    std::vector<const Token*> next;
    for (const Token& t : host.tokens)
      if (t.begin >= end && !t.is_comment() && next.size() < 2) next.push_back(&t);
    if (next.size() == 2 && next[0]->kind == PG_QUERY__TOKEN__UESCAPE && next[1]->kind == PG_QUERY__TOKEN__SCONST)
      end = next[1]->end;
  }
  return file_text.substr(token.begin, end - token.begin);
}

// A statement a PL/pgSQL function runs as SQL: a static one (PLpgSQL_stmt_execsql), or the query
// expression of an EXECUTE (PLpgSQL_stmt_dynexecute), with its line in the body.
struct EmbeddedQuery {
  bool dynamic = false;
  std::string query;
  int lineno = 1;
};

// Reads the embedded queries from pg_query_parse_plpgsql's JSON, in the body's order, without a
// document model: each statement object is found by searching for its key (a key cannot occur inside
// a JSON string, whose quotes are escaped), and only that object is read.
class EmbeddedQueryReader {
 public:
  explicit EmbeddedQueryReader(std::string_view json) : json_(json), end_(json.data() + json.size()) {}

  std::vector<EmbeddedQuery> read() {
    static constexpr std::string_view kStatic = "\"PLpgSQL_stmt_execsql\":";
    static constexpr std::string_view kDynamic = "\"PLpgSQL_stmt_dynexecute\":";
    std::vector<EmbeddedQuery> found;
    // Each key's next occurrence, searched for again only once passed: searching both from every
    // statement scanned the rest of the JSON for the key that no longer occurs, each time.
    size_t at_static = json_.find(kStatic), at_dynamic = json_.find(kDynamic);
    for (size_t from = 0;;) {
      if (at_static < from) at_static = json_.find(kStatic, from);
      if (at_dynamic < from) at_dynamic = json_.find(kDynamic, from);
      if (at_static == std::string_view::npos && at_dynamic == std::string_view::npos) break;
      EmbeddedQuery query;
      query.dynamic = at_dynamic < at_static;
      from = query.dynamic ? at_dynamic + kDynamic.size() : at_static + kStatic.size();
      at_ = json_.data() + from;
      if (read_statement(query) && !query.query.empty()) found.push_back(std::move(query));
    }
    return found;
  }

 private:
  // {"lineno":3, "sqlstmt":{"PLpgSQL_expr":{"query":"…"}}, …}; an EXECUTE has "query" for "sqlstmt".
  bool read_statement(EmbeddedQuery& query) {
    return read_object([&](const std::string& key) {
      if (key == "lineno") return read_int(query.lineno);
      if (key == (query.dynamic ? "query" : "sqlstmt"))
        return read_object([&](const std::string& expr) {
          if (expr != "PLpgSQL_expr") return skip_value();
          return read_object([&](const std::string& field) {
            return field == "query" ? consume('"') && read_json_string_body(at_, end_, query.query) : skip_value();
          });
        });
      return skip_value();
    });
  }

  // An object, each key's value read by `read_value(key)`.
  template <typename ReadValue>
  bool read_object(ReadValue read_value) {
    if (!consume('{')) return false;
    if (consume('}')) return true;
    do {
      if (!consume('"') || !read_json_string_body(at_, end_, key_) || !consume(':')) return false;
      if (!read_value(std::string(key_))) return false;
    } while (consume(','));
    return consume('}');
  }

  bool read_int(int& value) {
    skip_space();
    int64_t wide = 0;
    if (!read_json_integer(at_, end_, wide) || wide < INT32_MIN || wide > INT32_MAX) return false;
    value = static_cast<int>(wide);
    return true;
  }

  // Any value, passed over: a string with its escapes, an object or array to its matching close.
  bool skip_value() {
    skip_space();
    if (at_ == end_) return false;
    if (*at_ == '"') return skip_string();
    if (*at_ != '{' && *at_ != '[') {  // a number, true, false or null
      while (at_ < end_ && *at_ != ',' && *at_ != '}' && *at_ != ']') ++at_;
      return true;
    }
    int depth = 0;
    while (at_ < end_) {
      const char c = *at_;
      if (c == '"') {
        if (!skip_string()) return false;
        continue;
      }
      ++at_;
      if (c == '{' || c == '[') ++depth;
      else if ((c == '}' || c == ']') && --depth == 0) return true;
    }
    return false;
  }

  bool skip_string() {  // from its opening quote
    ++at_;
    while (at_ < end_ && *at_ != '"') {
      if (*at_ == '\\') ++at_;  // the escaped character goes too
      if (at_ < end_) ++at_;
    }
    if (at_ == end_) return false;
    ++at_;
    return true;
  }

  void skip_space() { skip_json_space(at_, end_); }
  bool consume(char c) { return consume_json_char(at_, end_, c); }

  std::string_view json_;
  const char* end_;
  const char* at_ = nullptr;
  std::string key_;
};

// The queries of a function's body, by the function's text (what pg_query_parse_plpgsql is given):
// null when PL/pgSQL cannot compile it.
using EmbeddedQueries = std::shared_ptr<const std::vector<EmbeddedQuery>>;

EmbeddedQueries compile(const std::string& function_sql) {
  const PlpgsqlParseResult result(function_sql.c_str());
  if (result.error() || !result.json()) return nullptr;
  return std::make_shared<const std::vector<EmbeddedQuery>>(EmbeddedQueryReader(result.json()).read());
}

// The functions compiled so far, so that one met again is not compiled again: a down migration
// that restores a function's earlier version repeats that version's text, as does a function
// created again unchanged (a fifth of the corpus's function text). Compiling costs some 300
// instructions a byte. A function is known by its text's 128-bit XXH3 hash and length rather than
// by its text, which would keep the function text of the whole run in memory (1.8 MB of the
// corpus's peak, 13 MB of the 50 MB file's): two texts of one length, not made to collide, share a
// hash with a chance of about 2^-128. Shared by the parse workers, and bounded: once it holds
// kHeldBytes of queries, functions not in it are compiled every time.
class CompiledFunctions {
 public:
  EmbeddedQueries queries_of(const std::string& function_sql) {
    const Key key = key_of(function_sql);
    {
      const std::lock_guard lock(mutex_);
      if (const auto it = known_.find(key); it != known_.end()) return it->second;
    }
    // Compiled outside the lock: two workers meeting the same new function both compile it.
    EmbeddedQueries queries = compile(function_sql);
    size_t bytes = sizeof(Key) + sizeof(EmbeddedQueries);
    if (queries)
      for (const EmbeddedQuery& query : *queries) bytes += sizeof query + query.query.size();
    const std::lock_guard lock(mutex_);
    if (held_ + bytes <= kHeldBytes && known_.try_emplace(key, queries).second) held_ += bytes;
    return queries;
  }

 private:
  static constexpr size_t kHeldBytes = 2u << 20;

  struct Key {
    uint64_t low, high, size;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& key) const { return static_cast<size_t>(key.low); }
  };
  static Key key_of(std::string_view text) {
    const XXH128_hash_t hash = XXH3_128bits(text.data(), text.size());
    return {hash.low64, hash.high64, text.size()};
  }

  std::mutex mutex_;
  std::unordered_map<Key, EmbeddedQueries, KeyHash> known_;
  size_t held_ = 0;
};

// Whether a body scanned into `tokens` may hold a statement PL/pgSQL runs as SQL, the only thing
// read from its compilation. PL/pgSQL checks such a statement with PostgreSQL's grammar, so it
// starts with the keyword of one of PostgreSQL's statements: every one is listed here but BEGIN,
// END and DECLARE, which PL/pgSQL reserves for its blocks. An EXECUTE starts with EXECUTE. A body
// with none of these keywords (most trigger functions: assignments, IF, RETURN) holds none, and is
// not compiled. A keyword inside a string or a comment is no token of its own.
bool may_hold_sql(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& token) {
    switch (token.kind) {
      case PG_QUERY__TOKEN__ABORT_P:
      case PG_QUERY__TOKEN__ALTER:
      case PG_QUERY__TOKEN__ANALYSE:
      case PG_QUERY__TOKEN__ANALYZE:
      case PG_QUERY__TOKEN__CALL:
      case PG_QUERY__TOKEN__CHECKPOINT:
      case PG_QUERY__TOKEN__CLOSE:
      case PG_QUERY__TOKEN__CLUSTER:
      case PG_QUERY__TOKEN__COMMENT:
      case PG_QUERY__TOKEN__COMMIT:
      case PG_QUERY__TOKEN__COPY:
      case PG_QUERY__TOKEN__CREATE:
      case PG_QUERY__TOKEN__DEALLOCATE:
      case PG_QUERY__TOKEN__DELETE_P:
      case PG_QUERY__TOKEN__DISCARD:
      case PG_QUERY__TOKEN__DO:
      case PG_QUERY__TOKEN__DROP:
      case PG_QUERY__TOKEN__EXECUTE:
      case PG_QUERY__TOKEN__EXPLAIN:
      case PG_QUERY__TOKEN__FETCH:
      case PG_QUERY__TOKEN__GRANT:
      case PG_QUERY__TOKEN__IMPORT_P:
      case PG_QUERY__TOKEN__INSERT:
      case PG_QUERY__TOKEN__LISTEN:
      case PG_QUERY__TOKEN__LOAD:
      case PG_QUERY__TOKEN__LOCK_P:
      case PG_QUERY__TOKEN__MERGE:
      case PG_QUERY__TOKEN__MOVE:
      case PG_QUERY__TOKEN__NOTIFY:
      case PG_QUERY__TOKEN__PREPARE:
      case PG_QUERY__TOKEN__REASSIGN:
      case PG_QUERY__TOKEN__REFRESH:
      case PG_QUERY__TOKEN__REINDEX:
      case PG_QUERY__TOKEN__RELEASE:
      case PG_QUERY__TOKEN__RESET:
      case PG_QUERY__TOKEN__REVOKE:
      case PG_QUERY__TOKEN__ROLLBACK:
      case PG_QUERY__TOKEN__SAVEPOINT:
      case PG_QUERY__TOKEN__SECURITY:
      case PG_QUERY__TOKEN__SELECT:
      case PG_QUERY__TOKEN__SET:
      case PG_QUERY__TOKEN__SHOW:
      case PG_QUERY__TOKEN__START:
      case PG_QUERY__TOKEN__TABLE:
      case PG_QUERY__TOKEN__TRUNCATE:
      case PG_QUERY__TOKEN__UNLISTEN:
      case PG_QUERY__TOKEN__UPDATE:
      case PG_QUERY__TOKEN__VACUUM:
      case PG_QUERY__TOKEN__VALUES:
      case PG_QUERY__TOKEN__WITH:
      case PG_QUERY__TOKEN__WITH_LA:
        return true;
      default:
        return false;
    }
  });
}

class Extractor {
 public:
  // `scanned`: the body's tokens.
  Extractor(const Statement& host, const DecodedString& body, const ScanOutcome& scanned) : host_(host), body_(body) {
    line_starts_.push_back(0);
    for (size_t at = body.content.find('\n'); at != std::string::npos; at = body.content.find('\n', at + 1))
      line_starts_.push_back(at + 1);
    if (!scanned.error_offset) {
      token_starts_.emplace();
      for (const Token& token : scanned.tokens)
        if (!token.is_comment()) token_starts_->push_back(token.begin);
    }
  }

  void add(const EmbeddedQuery& query) {
    if (query.dynamic) add_dynamic(query.query, query.lineno);
    else add_static(query.query, query.lineno);
  }

  std::vector<Statement> take() { return std::move(statements_); }

 private:
  // Where `text`, a statement (or an EXECUTE's expression) PL/pgSQL reports on line `lineno` of the
  // body, starts in it. PL/pgSQL gives only the line: the text is looked for from that line's
  // start, or from the end of the statement before it when that is further on (statements come in
  // the body's order), and only where a token starts, not inside a comment or a string.
  std::optional<size_t> locate(const std::string& text, int lineno) {
    if (text.empty()) return std::nullopt;
    const std::string_view body = body_.content;
    const size_t line_start = lineno >= 1 && static_cast<size_t>(lineno) <= line_starts_.size()
                                  ? line_starts_[static_cast<size_t>(lineno) - 1]
                                  : 0;
    const auto first_match = [&](size_t from) -> std::optional<size_t> {
      for (size_t at = body.find(text, from); at != std::string_view::npos; at = body.find(text, at + 1))
        if (starts_token(at)) return at;
      return std::nullopt;
    };
    std::optional<size_t> at = first_match(std::max(line_start, next_from_));
    if (!at) at = first_match(line_start);
    if (!at) at = first_match(0);
    if (at) next_from_ = *at + text.size();
    return at;
  }

  // Whether a token of the body starts at `at`; always, when the body could not be scanned.
  [[nodiscard]] bool starts_token(size_t at) const {
    return !token_starts_ ||
           std::binary_search(token_starts_->begin(), token_starts_->end(), static_cast<uint32_t>(at));
  }

  void add_static(const std::string& query, int lineno) {
    const auto at = locate(query, lineno);
    if (!at) return;
    add(query, [&](size_t i) { return body_.file_offset(*at + i); });
  }

  void add_dynamic(const std::string& expr, int lineno) {
    // Only EXECUTE 'literal' can be known statically; EXECUTE format(...) and concatenations cannot.
    const auto at = locate(expr, lineno);
    if (!at) return;
    const auto literal = decode_string_literal_text(expr, 0);
    if (!literal) return;
    add(literal->content, [&](size_t i) { return body_.file_offset(*at + literal->file_offset(i)); });
  }

  template <typename OffsetOf>
  void add(const std::string& sql, OffsetOf offset_of) {
    const ParseTreeResult result(sql.c_str());
    if (result.error()) return;  // the server reports this when the block runs; not a parse of ours
    const SharedTree tree = result.tree();
    if (!tree || tree->n_stmts == 0) return;
    const uint32_t base = offset_of(0);
    // Where each byte of `sql` lies in the file. Text decoded from a quoted string (a body in '…',
    // an EXECUTE '…') is shorter than its source wherever a quote was doubled or a character
    // escaped: then a byte's offset is not simply `base` plus its index, and every token and tree
    // location is mapped through this table.
    std::shared_ptr<std::vector<uint32_t>> offsets;
    for (size_t i = 0; i < sql.size(); ++i)
      if (offset_of(i) != base + i) {
        offsets = std::make_shared<std::vector<uint32_t>>(sql.size() + 1);
        for (size_t k = 0; k <= sql.size(); ++k) (*offsets)[k] = offset_of(k);
        break;
      }
    const auto file_offset = [&](size_t index) {
      return offsets ? (*offsets)[index] : base + static_cast<uint32_t>(index);
    };
    const auto scanned = scan_tokens(sql, 0);
    for (size_t i = 0; i < tree->n_stmts; ++i) {
      const auto* raw = tree->stmts[i];
      Statement stmt;
      stmt.node = raw->stmt;
      stmt.tree = tree;
      stmt.base_offset = base;
      stmt.location_offsets = offsets;
      stmt.origin = host_.kind() == PG_QUERY__NODE__NODE_DO_STMT ? StatementOrigin::DoBlock : StatementOrigin::FunctionBody;
      const auto begin = static_cast<size_t>(raw->stmt_location);
      const size_t end = raw->stmt_len == 0 ? sql.size() : begin + static_cast<size_t>(raw->stmt_len);
      // The statement's tokens, found by where they start: a string with thousands of statements
      // is not gone through whole for each of them.
      const auto first = std::lower_bound(scanned.tokens.begin(), scanned.tokens.end(), begin,
                                          [](const Token& t, size_t at) { return t.begin < at; });
      for (auto it = first; it != scanned.tokens.end() && it->begin < end; ++it) {
        Token token = *it;
        if (token.is_comment()) continue;
        token.begin = file_offset(token.begin);
        token.end = file_offset(token.end - 1) + 1;
        if (stmt.tokens.empty()) stmt.range.begin = token.begin;
        stmt.range.end = token.end;
        stmt.tokens.push_back(token);
      }
      if (stmt.tokens.empty()) continue;
      statements_.push_back(std::move(stmt));
    }
  }

  const Statement& host_;
  const DecodedString& body_;
  std::vector<size_t> line_starts_;                    // of the body's lines
  std::optional<std::vector<uint32_t>> token_starts_;  // of its tokens but comments, in order
  size_t next_from_ = 0;                               // the end of the last statement found
  std::vector<Statement> statements_;
};

// The position of the first token after tokens[k] that is not a comment (tokens.size() if none).
size_t next_code_token(std::span<const Token> tokens, size_t k) {
  do ++k;
  while (k < tokens.size() && tokens[k].is_comment());
  return k;
}

// A function's parameters (FunctionParameter nodes); none for a DO block.
std::span<PgQuery__Node* const> function_parameters(const Statement& host) {
  if (host.kind() != PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) return {};
  const auto& stmt = *host.node->create_function_stmt;
  return {stmt.parameters, stmt.n_parameters};
}

// The byte ranges of the body (offsets in its text) that give a declared variable a collation:
// `last_name text COLLATE "C" := NULL;` in a DECLARE section. libpg_query's PL/pgSQL looks no type
// up, so every such declaration fails to compile ("collations are not supported by type"), where
// the server takes it. A collation changes none of the statements read from the body, so these
// ranges are blanked in the text given to the compiler. A COLLATE anywhere else (in a statement, an
// expression, a cursor's query) is left: the statements are found again by their text.
std::vector<ByteRange> declared_collations(std::span<const Token> tokens) {
  std::vector<ByteRange> ranges;
  bool in_declare_section = false;
  bool before_initializer = false;  // still in a declaration's name and type
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.is_comment()) continue;
    switch (token.kind) {
      case PG_QUERY__TOKEN__DECLARE:
        in_declare_section = before_initializer = true;
        continue;
      case PG_QUERY__TOKEN__BEGIN_P:
        in_declare_section = false;
        continue;
      case ';':
        before_initializer = true;
        continue;
      case PG_QUERY__TOKEN__COLON_EQUALS:
      case '=':
      case PG_QUERY__TOKEN__DEFAULT:
      case PG_QUERY__TOKEN__CURSOR:
      case PG_QUERY__TOKEN__FOR:
        before_initializer = false;
        continue;
      default:
        break;
    }
    if (!in_declare_section || !before_initializer || token.kind != PG_QUERY__TOKEN__COLLATE) continue;
    // COLLATE name, or COLLATE schema.name.
    size_t last = next_code_token(tokens, i);
    if (last >= tokens.size() || tokens[last].is(';')) continue;
    while (true) {
      const size_t dot = next_code_token(tokens, last);
      if (dot >= tokens.size() || !tokens[dot].is('.')) break;
      const size_t part = next_code_token(tokens, dot);
      if (part >= tokens.size()) break;
      last = part;
    }
    ranges.push_back({token.begin, tokens[last].end});
    i = last;
  }
  return ranges;
}

// The byte ranges of the body that hold the NEXT of a `RETURN NEXT;` with no expression. The server
// takes one in a set-returning function with output columns (RETURNS TABLE, OUT or INOUT
// parameters), where it returns the current values of those columns. libpg_query's PL/pgSQL does not
// set up a function's output columns, so it fails on every such body ("missing expression"). There
// `RETURN;` is as valid as `RETURN NEXT;`, and no statement read from the body changes, so NEXT is
// blanked in the text given to the compiler: only in such a function, so that a body the server
// refuses for it is still reported as not compiled.
std::vector<ByteRange> bare_return_nexts(const Statement& host, std::span<const Token> tokens) {
  if (host.kind() != PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) return {};
  const auto* returns = host.node->create_function_stmt->return_type;
  if (!returns || !returns->setof) return {};
  const bool has_output_columns = std::ranges::any_of(function_parameters(host), [](const PgQuery__Node* node) {
    if (node->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) return false;
    const auto mode = node->function_parameter->mode;
    return mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
           mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT ||
           mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE;
  });
  if (!has_output_columns) return {};
  std::vector<ByteRange> ranges;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != PG_QUERY__TOKEN__RETURN) continue;
    const size_t next = next_code_token(tokens, i);
    if (next >= tokens.size() || tokens[next].kind != PG_QUERY__TOKEN__NEXT) continue;
    const size_t end = next_code_token(tokens, next);
    if (end < tokens.size() && tokens[end].is(';')) ranges.push_back({tokens[next].begin, tokens[next].end});
  }
  return ranges;
}

// The names of a function's parameters of type refcursor. (libpg_query's PL/pgSQL declares no
// variable for a parameter without a name, so `OPEN $1 …` does not compile, whatever its type.)
std::vector<std::string> refcursor_parameters(const Statement& host) {
  std::vector<std::string> names;
  for (const PgQuery__Node* node : function_parameters(host)) {
    if (node->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
    const auto& parameter = *node->function_parameter;
    const auto* type = parameter.arg_type;
    if (!type || type->n_names == 0 || type->n_array_bounds > 0 || type->setof) continue;
    if (!equals_nocase(string_value(type->names[type->n_names - 1]), "refcursor")) continue;
    if (parameter.name && *parameter.name) names.emplace_back(parameter.name);
  }
  return names;
}

}  // namespace

bool may_embed_plpgsql(const Statement& host) {
  if (host.origin != StatementOrigin::TopLevel) return false;
  if (host.kind() == PG_QUERY__NODE__NODE_DO_STMT) {
    const auto* stmt = host.node->do_stmt;
    const auto lang = language_of(stmt->args, stmt->n_args);
    return lang.empty() || lang == "plpgsql";
  }
  if (host.kind() == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) {
    const auto* stmt = host.node->create_function_stmt;
    return language_of(stmt->options, stmt->n_options) == "plpgsql";
  }
  return false;
}

namespace {

// The refcursor parameters of the function this thread is compiling, for __wrap_plpgsql_build_variable:
// libpg_query's PL/pgSQL gives a parameter no type, so `OPEN c FOR …` of a parameter c failed.
thread_local std::span<const std::string> compiling_refcursor_parameters;

struct CompilingWith {
  explicit CompilingWith(std::span<const std::string> refcursors) { compiling_refcursor_parameters = refcursors; }
  ~CompilingWith() { compiling_refcursor_parameters = {}; }
  CompilingWith(const CompilingWith&) = delete;
  CompilingWith& operator=(const CompilingWith&) = delete;
};

}  // namespace

std::vector<Statement> extract_plpgsql_statements(const SourceFile& file, Statement& host) {
  const Token* token = body_token(host);
  if (!token) return {};
  const auto body = decode_string_literal_text(literal_text(file.sql(), host, *token), token->begin);
  if (!body) return {};

  std::string function_sql;
  std::optional<size_t> do_body_start;  // where a DO block's body starts in function_sql
  if (host.kind() == PG_QUERY__NODE__NODE_DO_STMT) {
    // pg_query_parse_plpgsql reads CREATE FUNCTION statements only, so a DO body is wrapped in one.
    // The body starts right after the opening delimiter, so line numbers stay those of the body.
    constexpr std::string_view delimiter = "$zdlint_do_block$";
    if (body->content.find(delimiter) != std::string::npos) {
      host.body_not_compiled = true;
      return {};
    }
    function_sql = "CREATE FUNCTION zdlint_do_block() RETURNS void LANGUAGE plpgsql AS ";
    function_sql.append(delimiter);
    do_body_start = function_sql.size();
    function_sql.append(body->content).append(delimiter);
  } else {
    function_sql.assign(file.sql().substr(host.range.begin, host.range.size()));
  }

  const ScanOutcome scanned = scan_tokens(body->content, 0);
  if (!scanned.error_offset && !may_hold_sql(scanned.tokens)) return {};
  // Blanked with spaces, so that line numbers and the other statements' text stay as they are.
  const auto blank = [&](const ByteRange& range) {
    for (uint32_t at = range.begin; at < range.end; ++at) {
      const size_t in_function = do_body_start ? *do_body_start + at : body->file_offset(at) - host.range.begin;
      if (in_function < function_sql.size() && function_sql[in_function] != '\n') function_sql[in_function] = ' ';
    }
  };
  std::ranges::for_each(declared_collations(scanned.tokens), blank);
  std::ranges::for_each(bare_return_nexts(host, scanned.tokens), blank);
  const std::vector<std::string> cursors = refcursor_parameters(host);
  const CompilingWith parameters(cursors);
  static CompiledFunctions compiled;
  const EmbeddedQueries queries = compiled.queries_of(function_sql);
  if (!queries) {
    host.body_not_compiled = true;
    return {};
  }
  Extractor extractor(host, *body, scanned);
  for (const EmbeddedQuery& query : *queries) extractor.add(query);
  return extractor.take();
}

}  // namespace zdlint

// PL/pgSQL's grammar checks each statement and expression it reads with PostgreSQL's, as the server
// does when CREATE FUNCTION validates a body, while pg_query_parse_plpgsql compiles (the linker
// sends its call of the grammar here: -Wl,--wrap, CMakeLists.txt). zdlint parses the statements it
// takes from a body itself, and a statement that does not parse is skipped there: the check was
// the costlier half of compiling a body (2.5% of a run over the corpus). Without it, a body with a
// syntax error in one statement or expression has its other statements linted; the server rejects
// that body when the migration runs, where check_function_bodies is on (its default).
extern "C" {
extern __thread bool plpgsql_check_syntax;
int __real_plpgsql_yyparse();

int __wrap_plpgsql_yyparse() {
  const bool check = plpgsql_check_syntax;
  plpgsql_check_syntax = false;
  const int outcome = __real_plpgsql_yyparse();
  plpgsql_check_syntax = check;
  return outcome;
}

// libpg_query's PL/pgSQL looks no type up: a declared variable's type is a scalar of no type, and
// only a declaration written exactly `RECORD` makes a record. So a variable declared `record` or
// `t%ROWTYPE` was a scalar, and an assignment to one of its fields (`r.total := 0;`) failed to
// compile; no cursor had refcursor's type, so every OPEN, FETCH or FOR … IN of a cursor failed
// ("must be of type cursor or refcursor"). PostgreSQL 15 takes all of them. The grammar's calls
// that make a type and a variable come here (-Wl,--wrap, CMakeLists.txt), which give those
// variables the kind of type the server would. The struct's head is PLpgSQL_type's (plpgsql.h),
// unchanged since PostgreSQL 11.
struct PlpgsqlTypeHead {
  char* typname;  // what the declaration wrote, for a declared variable
  unsigned int typoid;
  int ttype;
};
constexpr unsigned int kRefcursorOid = 1790;  // REFCURSOROID
constexpr int kRecordType = 1;                // PLPGSQL_TTYPE_REC

PlpgsqlTypeHead* __real_plpgsql_build_datatype(unsigned int type_oid, int typmod, unsigned int collation,
                                               void* type_name);
void* __real_plpgsql_build_variable(const char* name, int line, PlpgsqlTypeHead* type, bool add_to_namespace);

// Declared cursors (`c CURSOR FOR …`) get refcursor's type by its OID.
PlpgsqlTypeHead* __wrap_plpgsql_build_datatype(unsigned int type_oid, int typmod, unsigned int collation,
                                               void* type_name) {
  PlpgsqlTypeHead* type = __real_plpgsql_build_datatype(type_oid, typmod, collation, type_name);
  if (type && type_oid == kRefcursorOid) type->typoid = kRefcursorOid;
  return type;
}

// Variables declared with a type's name get it by that name, as written (trailing spaces and case
// aside); a function's refcursor parameters get it by their names (their type is the stand-in's,
// named UNKNOWN).
void* __wrap_plpgsql_build_variable(const char* name, int line, PlpgsqlTypeHead* type, bool add_to_namespace) {
  if (type && type->typname && name && std::string_view(type->typname) == "UNKNOWN") {
    if (std::ranges::find(zdlint::compiling_refcursor_parameters, std::string_view(name)) !=
        zdlint::compiling_refcursor_parameters.end())
      type->typoid = kRefcursorOid;
  } else if (type && type->typname && type->ttype != kRecordType) {
    std::string_view written(type->typname);
    while (!written.empty() && zdlint::is_ascii_space(written.back())) written.remove_suffix(1);
    constexpr std::string_view rowtype = "%rowtype";
    if (zdlint::equals_nocase(written, "record") ||
        (written.size() > rowtype.size() &&
         zdlint::matches_nocase_at(written, written.size() - rowtype.size(), rowtype)))
      type->ttype = kRecordType;
    else if (zdlint::equals_nocase(written, "refcursor"))
      type->typoid = kRefcursorOid;
  }
  return __real_plpgsql_build_variable(name, line, type, add_to_namespace);
}
}
