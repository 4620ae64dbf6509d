#pragma once
// SQL syntax and built-in functions that older PostgreSQL major versions reject, found in one
// statement's parse tree. Facts from ../shared/reference/engine_upgrade.md §1 (release notes 10–18);
// only forms the PostgreSQL 15 grammar parses can be found here (newer syntax is a syntax error).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/catalog.h"
#include "parser/statement.h"

namespace zdlint {

// How an older server refuses the feature.
enum class FeatureKind { Syntax, Function, Type };

struct VersionedFeature {
  FeatureKind kind = FeatureKind::Syntax;
  std::string what;                // "MERGE", "gen_random_uuid()", "REINDEX ... CONCURRENTLY"
  int since = 0;                   // the first major version that accepts it
  std::optional<uint32_t> offset;  // file offset of the clause; unset: the whole statement
  std::string_view alternative;    // what works on older servers; may be empty
};

// Every version-dependent feature the statement uses, in tree order. Built-in functions are left
// out when the history created a function of that name, and gen_random_uuid() when it created
// the pgcrypto extension (which provides it on older servers).
std::vector<VersionedFeature> versioned_features(const Statement& stmt, const Catalog& catalog);

}  // namespace zdlint
