#pragma once
// RAII owners for libpg_query results. Every pg_query_* result is freed exactly once, also on
// early returns and exceptions.
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <memory>

namespace zdlint {

struct ParseTreeDeleter {
  void operator()(PgQuery__ParseResult* tree) const { pg_query__parse_result__free_unpacked(tree, nullptr); }
};
// An unpacked protobuf parse tree. Statements point into it, so it is shared by them.
using ParseTree = std::unique_ptr<PgQuery__ParseResult, ParseTreeDeleter>;

struct ScanResultDeleter {
  void operator()(PgQuery__ScanResult* scan) const { pg_query__scan_result__free_unpacked(scan, nullptr); }
};
using ScanTree = std::unique_ptr<PgQuery__ScanResult, ScanResultDeleter>;

class ProtobufParseResult {
 public:
  explicit ProtobufParseResult(const char* sql) : result_(pg_query_parse_protobuf(sql)) {}
  ~ProtobufParseResult() { pg_query_free_protobuf_parse_result(result_); }
  ProtobufParseResult(const ProtobufParseResult&) = delete;
  ProtobufParseResult& operator=(const ProtobufParseResult&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return result_.error; }
  [[nodiscard]] ParseTree unpack() const {
    return ParseTree(pg_query__parse_result__unpack(
        nullptr, result_.parse_tree.len, reinterpret_cast<const uint8_t*>(result_.parse_tree.data)));
  }

 private:
  PgQueryProtobufParseResult result_;
};

class SplitResult {
 public:
  explicit SplitResult(const char* sql) : result_(pg_query_split_with_scanner(sql)) {}
  ~SplitResult() { pg_query_free_split_result(result_); }
  SplitResult(const SplitResult&) = delete;
  SplitResult& operator=(const SplitResult&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return result_.error; }
  // On error libpg_query leaves the statement list unset, so it is only read without one.
  [[nodiscard]] int size() const { return result_.error ? 0 : result_.n_stmts; }
  [[nodiscard]] const PgQuerySplitStmt& operator[](int i) const { return *result_.stmts[i]; }

 private:
  PgQuerySplitResult result_;
};

class ScanResult {
 public:
  explicit ScanResult(const char* sql) : result_(pg_query_scan(sql)) {}
  ~ScanResult() { pg_query_free_scan_result(result_); }
  ScanResult(const ScanResult&) = delete;
  ScanResult& operator=(const ScanResult&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return result_.error; }
  [[nodiscard]] ScanTree unpack() const {
    return ScanTree(pg_query__scan_result__unpack(nullptr, result_.pbuf.len,
                                                  reinterpret_cast<const uint8_t*>(result_.pbuf.data)));
  }

 private:
  PgQueryScanResult result_;
};

class PlpgsqlParseResult {
 public:
  explicit PlpgsqlParseResult(const char* sql) : result_(pg_query_parse_plpgsql(sql)) {}
  ~PlpgsqlParseResult() { pg_query_free_plpgsql_parse_result(result_); }
  PlpgsqlParseResult(const PlpgsqlParseResult&) = delete;
  PlpgsqlParseResult& operator=(const PlpgsqlParseResult&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return result_.error; }
  [[nodiscard]] const char* json() const { return result_.plpgsql_funcs; }

 private:
  PgQueryPlpgsqlParseResult result_;
};

}  // namespace zdlint
