#include "parser/plpgsql.h"

#include <nlohmann/json.hpp>

#include <string>

#include "parser/node_walk.h"
#include "parser/pg_query_raii.h"
#include "parser/sql_text.h"

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

// The string token that holds the body: a DO block's only string, or the one after a function's AS.
const Token* body_token(const Statement& host) {
  const bool is_do = host.kind() == PG_QUERY__NODE__NODE_DO_STMT;
  const Token* previous = nullptr;
  const Token* found = nullptr;
  for (const auto& token : host.tokens) {
    if (token.is_comment() || token.begin >= host.range.end) continue;
    if (token.is_string() && (is_do || (previous && previous->kind == PG_QUERY__TOKEN__AS))) found = &token;
    if (is_do && found) break;
    previous = &token;
  }
  return found;
}

size_t line_start_in(std::string_view text, int lineno) {
  size_t pos = 0;
  for (int line = 1; line < lineno && pos < text.size(); ++line) {
    const size_t next = text.find('\n', pos);
    if (next == std::string_view::npos) return 0;
    pos = next + 1;
  }
  return pos;
}

class Extractor {
 public:
  Extractor(const Statement& host, const DecodedString& body) : host_(host), body_(body) {}

  void walk(const nlohmann::json& node) {
    if (node.is_array()) {
      for (const auto& child : node) walk(child);
      return;
    }
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) {
      if (key == "PLpgSQL_stmt_execsql") {
        add_static(value);
      } else if (key == "PLpgSQL_stmt_dynexecute") {
        add_dynamic(value);
      }
      walk(value);
    }
  }

  std::vector<Statement> take() { return std::move(statements_); }

 private:
  static std::string query_of(const nlohmann::json& expr) {
    if (!expr.is_object() || !expr.contains("PLpgSQL_expr")) return {};
    return expr["PLpgSQL_expr"].value("query", "");
  }

  std::optional<size_t> locate(const std::string& text, int lineno) const {
    if (text.empty()) return std::nullopt;
    size_t at = body_.content.find(text, line_start_in(body_.content, lineno));
    if (at == std::string::npos) at = body_.content.find(text);
    if (at == std::string::npos) return std::nullopt;
    return at;
  }

  void add_static(const nlohmann::json& stmt) {
    const std::string query = query_of(stmt.value("sqlstmt", nlohmann::json{}));
    const auto at = locate(query, stmt.value("lineno", 1));
    if (!at) return;
    add(query, [&](size_t i) { return body_.file_offset(*at + i); });
  }

  void add_dynamic(const nlohmann::json& stmt) {
    // Only EXECUTE 'literal' can be known statically; EXECUTE format(...) and concatenations cannot.
    const std::string expr = query_of(stmt.value("query", nlohmann::json{}));
    const auto at = locate(expr, stmt.value("lineno", 1));
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
    const auto scanned = scan_tokens(sql, base);
    for (size_t i = 0; i < tree->n_stmts; ++i) {
      const auto* raw = tree->stmts[i];
      Statement stmt;
      stmt.node = raw->stmt;
      stmt.tree = tree;
      stmt.base_offset = base;
      stmt.origin = host_.kind() == PG_QUERY__NODE__NODE_DO_STMT ? StatementOrigin::DoBlock : StatementOrigin::FunctionBody;
      const auto begin = static_cast<size_t>(raw->stmt_location);
      const size_t end = raw->stmt_len == 0 ? sql.size() : begin + static_cast<size_t>(raw->stmt_len);
      for (const auto& token : scanned.tokens) {
        if (token.is_comment() || token.begin < base + begin || token.begin >= base + end) continue;
        if (stmt.tokens.empty()) stmt.range.begin = offset_of(token.begin - base);
        stmt.range.end = offset_of(token.end - 1 - base) + 1;
        stmt.tokens.push_back(token);
      }
      if (stmt.tokens.empty()) continue;
      statements_.push_back(std::move(stmt));
    }
  }

  const Statement& host_;
  const DecodedString& body_;
  std::vector<Statement> statements_;
};

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

std::vector<Statement> extract_plpgsql_statements(const SourceFile& file, const Statement& host) {
  const Token* token = body_token(host);
  if (!token) return {};
  const auto body = decode_string_literal(file.sql(), *token);
  if (!body) return {};

  std::string function_sql;
  if (host.kind() == PG_QUERY__NODE__NODE_DO_STMT) {
    // pg_query_parse_plpgsql reads CREATE FUNCTION statements only, so a DO body is wrapped in one.
    // The body starts right after the opening delimiter, so line numbers stay those of the body.
    constexpr std::string_view delimiter = "$zdlint_do_block$";
    if (body->content.find(delimiter) != std::string::npos) return {};
    function_sql = "CREATE FUNCTION zdlint_do_block() RETURNS void LANGUAGE plpgsql AS ";
    function_sql.append(delimiter).append(body->content).append(delimiter);
  } else {
    function_sql.assign(file.sql().substr(host.range.begin, host.range.size()));
  }

  const PlpgsqlParseResult result(function_sql.c_str());
  if (result.error() || !result.json()) return {};
  const auto json = nlohmann::json::parse(result.json(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return {};
  Extractor extractor(host, *body);
  extractor.walk(json);
  return extractor.take();
}

}  // namespace zdlint
