#include "analyzer/fingerprint.h"

#include <fmt/format.h>
#include <pg_query.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

namespace zdlint {

StableHash& StableHash::add(std::string_view bytes) {
  for (unsigned char byte : bytes) {
    state_ ^= byte;
    state_ *= 0x100000001b3ULL;
  }
  return *this;
}

std::string StableHash::hex() const { return fmt::format("{:016x}", state_); }

namespace {

std::string collapsed_whitespace_hash(std::string_view sql) {
  std::string text;
  bool space = false;
  for (char ch : sql) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += ch;
  }
  return StableHash().add(text).hex();
}

// The index of the statement that contains `offset`.
std::optional<size_t> statement_holding(const std::vector<ByteRange>& statements, uint32_t offset) {
  const auto after = std::upper_bound(statements.begin(), statements.end(), offset,
                                      [](uint32_t at, const ByteRange& r) { return at < r.begin; });
  if (after == statements.begin() || offset >= std::prev(after)->end) return std::nullopt;
  return static_cast<size_t>(std::prev(after) - statements.begin());
}

// The fingerprint of statement `index`, computed once.
const std::string& fingerprint_of(StatementFingerprints& known, std::string_view file_text,
                                  const std::vector<ByteRange>& statements, size_t index) {
  auto [it, fresh] = known.try_emplace(index);
  const ByteRange& stmt = statements[index];
  if (fresh) it->second = statement_fingerprint(file_text.substr(stmt.begin, stmt.end - stmt.begin));
  return it->second;
}

}  // namespace

std::string statement_fingerprint(std::string_view sql) {
  const std::string text(sql);  // pg_query wants a terminated string
  const PgQueryFingerprintResult result = pg_query_fingerprint(text.c_str());
  const std::unique_ptr<const PgQueryFingerprintResult, void (*)(const PgQueryFingerprintResult*)> guard(
      &result, [](const PgQueryFingerprintResult* r) { pg_query_free_fingerprint_result(*r); });
  if (result.error || !result.fingerprint_str) return collapsed_whitespace_hash(sql);
  return result.fingerprint_str;
}

StatementFingerprints fingerprint_statements(std::string_view file_text, const std::vector<ByteRange>& statements,
                                             const std::vector<uint32_t>& finding_starts, StatementFingerprints known) {
  for (const uint32_t start : finding_starts) {
    if (const std::optional<size_t> index = statement_holding(statements, start))
      fingerprint_of(known, file_text, statements, *index);
  }
  return known;
}

void assign_fingerprints(std::string_view file_text, const std::vector<ByteRange>& statements,
                         const std::vector<Diagnostic*>& findings, StatementFingerprints known) {
  std::vector<Diagnostic*> ordered = findings;
  std::stable_sort(ordered.begin(), ordered.end(), [](const Diagnostic* a, const Diagnostic* b) {
    if (a->range.begin != b->range.begin) return a->range.begin < b->range.begin;
    return a->rule < b->rule;
  });
  std::map<std::pair<std::string_view, std::string>, uint32_t> occurrences;
  for (Diagnostic* d : ordered) {
    std::string subject;
    if (const std::optional<size_t> index = statement_holding(statements, d->range.begin)) {
      subject = fingerprint_of(known, file_text, statements, *index);  // once however many findings
    } else {
      const auto end = std::min<size_t>(d->range.end, file_text.size());
      const auto begin = std::min<size_t>(d->range.begin, end);
      subject = collapsed_whitespace_hash(file_text.substr(begin, end - begin));
    }
    const uint32_t occurrence = occurrences[{d->rule.str(), subject}]++;
    d->fingerprint = StableHash()
                         .add(d->rule.str())
                         .add_separator()
                         .add(subject)
                         .add_separator()
                         .add(std::to_string(occurrence))
                         .hex();
  }
}

}  // namespace zdlint
