#pragma once
// Fingerprints that identify a finding across edits which move it: they hash what the finding is
// about (the rule and the statement, normalized by PostgreSQL's own fingerprinting) and never its
// line or column. Baselines, SARIF's partialFingerprints and GitLab's fingerprint are built on them.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diagnostic.h"

namespace zdlint {

// 64-bit FNV-1a: small, stable across platforms and releases, good enough to tell findings apart.
class StableHash {
 public:
  StableHash& add(std::string_view bytes);
  StableHash& add_separator() { return add(std::string_view("\0", 1)); }
  [[nodiscard]] uint64_t value() const { return state_; }
  [[nodiscard]] std::string hex() const;  // 16 lowercase hex digits

 private:
  uint64_t state_ = 0xcbf29ce484222325ULL;
};

// pg_query_fingerprint of one statement: equal for statements that differ only in whitespace,
// comments, letter case of keywords and constant values. Falls back to a hash of the text with
// whitespace runs collapsed when the grammar rejects the statement.
std::string statement_fingerprint(std::string_view sql);

// Statement fingerprints by the statement's index in a file's statement ranges.
using StatementFingerprints = std::map<size_t, std::string>;

// The fingerprints of the statements (a file's top-level statement ranges, in order) that contain
// one of `finding_starts`: the costly part of assign_fingerprints, which can so run ahead of it.
// `known`: those already computed (from the statements' trees, tree_fingerprint), kept as they are.
StatementFingerprints fingerprint_statements(std::string_view file_text, const std::vector<ByteRange>& statements,
                                             const std::vector<uint32_t>& finding_starts,
                                             StatementFingerprints known = {});

// Sets `fingerprint` on one file's findings. `statements` are the file's top-level statement
// ranges in order; a finding takes the fingerprint of the statement that contains its start (or of
// its own text when it lies outside every statement, like a syntax error), and findings with the
// same rule and statement are numbered in the order of their position. `known`: statement
// fingerprints already computed (fingerprint_statements); the others are computed here.
void assign_fingerprints(std::string_view file_text, const std::vector<ByteRange>& statements,
                         const std::vector<Diagnostic*>& findings, StatementFingerprints known = {});

}  // namespace zdlint
