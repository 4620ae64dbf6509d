#pragma once
// RAII owners for libpg_query results. Every pg_query_* result is freed exactly once, also on
// early returns and exceptions.
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <memory>
#include <string>
#include <string_view>

#include "parser/unpack_arena.h"

namespace zdlint {

// An unpacked protobuf parse tree, which owns the arena its nodes live in. Statements point into
// it, so it is shared by them.
using SharedTree = std::shared_ptr<const PgQuery__ParseResult>;

// An unpacked message of type T and the arena that holds it; null when unpacking failed.
template <typename T, typename Unpack>
std::shared_ptr<const T> unpack_into_arena(const void* data, size_t len, Unpack unpack) {
#ifdef ZDLINT_NODE_BY_NODE
  const T* unpacked = unpack(nullptr, len, static_cast<const uint8_t*>(data));
  if (!unpacked) return nullptr;
  return std::shared_ptr<const T>(unpacked, [](const T* message) {
    protobuf_c_message_free_unpacked(reinterpret_cast<ProtobufCMessage*>(const_cast<T*>(message)), nullptr);
  });
#else
  // The unpacked tree takes a few times the packed size: the first chunk usually holds it all.
  auto arena = std::make_shared<UnpackArena>(len * 4);
  const T* message = unpack(arena->allocator(), len, static_cast<const uint8_t*>(data));
  if (!message) return nullptr;
  return std::shared_ptr<const T>(std::move(arena), message);  // shares the arena's ownership
#endif
}

// The error each wrapper below gives, in libpg_query's form, instead of calling libpg_query on text
// its scanner would stall on (scanner_stall.h).
class StalledScan {
 public:
  // Null when the scanner reads `sql` in time.
  static std::unique_ptr<const StalledScan> check(const char* sql);
  StalledScan(std::string message, int cursorpos);
  StalledScan(const StalledScan&) = delete;
  StalledScan& operator=(const StalledScan&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return &error_; }

 private:
  std::string message_;
  PgQueryError error_{};
};

// A statement list's parse tree, taken from libpg_query as the structs it builds before it would
// serialise them (tree_capture.h); should it ever serialise without handing them over, the tree is
// unpacked from its protobuf form instead.
class ParseTreeResult {
 public:
  explicit ParseTreeResult(const char* sql);
  ~ParseTreeResult() {
    if (!stalled_) pg_query_free_protobuf_parse_result(result_);
  }
  ParseTreeResult(const ParseTreeResult&) = delete;
  ParseTreeResult& operator=(const ParseTreeResult&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return stalled_ ? stalled_->error() : result_.error; }
  // Null when there is an error, or when the tree nests too deeply to be copied at all.
  [[nodiscard]] SharedTree tree() const { return tree_; }

 private:
  std::unique_ptr<const StalledScan> stalled_;
  PgQueryProtobufParseResult result_{};
  SharedTree tree_;
};

class SplitResult {
 public:
  explicit SplitResult(const char* sql) : stalled_(StalledScan::check(sql)) {
    if (!stalled_) result_ = pg_query_split_with_scanner(sql);
  }
  ~SplitResult() {
    if (!stalled_) pg_query_free_split_result(result_);
  }
  SplitResult(const SplitResult&) = delete;
  SplitResult& operator=(const SplitResult&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return stalled_ ? stalled_->error() : result_.error; }
  // Whether the error is that the scanner would stall, not libpg_query's.
  [[nodiscard]] bool stalled() const { return stalled_ != nullptr; }
  // On error libpg_query leaves the statement list unset, so it is only read without one.
  [[nodiscard]] int size() const { return error() ? 0 : result_.n_stmts; }
  [[nodiscard]] const PgQuerySplitStmt& operator[](int i) const { return *result_.stmts[i]; }

 private:
  std::unique_ptr<const StalledScan> stalled_;
  PgQuerySplitResult result_{};
};

class ScanResult {
 public:
  explicit ScanResult(const char* sql) : stalled_(StalledScan::check(sql)) {
    if (!stalled_) result_ = pg_query_scan(sql);
  }
  ~ScanResult() {
    if (!stalled_) pg_query_free_scan_result(result_);
  }
  ScanResult(const ScanResult&) = delete;
  ScanResult& operator=(const ScanResult&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return stalled_ ? stalled_->error() : result_.error; }
  [[nodiscard]] std::string_view packed() const { return {result_.pbuf.data, result_.pbuf.len}; }
  [[nodiscard]] std::shared_ptr<const PgQuery__ScanResult> unpack() const {
    return unpack_into_arena<PgQuery__ScanResult>(result_.pbuf.data, result_.pbuf.len, &pg_query__scan_result__unpack);
  }

 private:
  std::unique_ptr<const StalledScan> stalled_;
  PgQueryScanResult result_{};
};

class PlpgsqlParseResult {
 public:
  explicit PlpgsqlParseResult(const char* sql) : stalled_(StalledScan::check(sql)) {
    if (!stalled_) result_ = pg_query_parse_plpgsql(sql);
  }
  ~PlpgsqlParseResult() {
    if (!stalled_) pg_query_free_plpgsql_parse_result(result_);
  }
  PlpgsqlParseResult(const PlpgsqlParseResult&) = delete;
  PlpgsqlParseResult& operator=(const PlpgsqlParseResult&) = delete;
  [[nodiscard]] const PgQueryError* error() const { return stalled_ ? stalled_->error() : result_.error; }
  [[nodiscard]] const char* json() const { return result_.plpgsql_funcs; }

 private:
  std::unique_ptr<const StalledScan> stalled_;
  PgQueryPlpgsqlParseResult result_{};
};

}  // namespace zdlint
