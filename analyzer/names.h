#pragma once
// Schema-qualified names of database objects, as PostgreSQL resolves them.
#include <pg_query/pg_query.pb-c.h>

#include <bit>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/node_walk.h"  // string_value

namespace zdlint {

struct QualifiedName {
  std::string schema;  // "public" when the SQL leaves it out
  std::string name;
  [[nodiscard]] std::string str() const { return schema + "." + name; }
  friend auto operator<=>(const QualifiedName&, const QualifiedName&) = default;
};

// For the catalog's hash maps: a lookup by name costs the same however long the history. Names are
// short, so they are hashed eight bytes at a time, each word with a rotate and a multiply
// (std::hash's general-purpose byte hash, twice per name, was 2% of the corpus run's instructions).
struct QualifiedNameHash {
  // Not noexcept on purpose: libstdc++'s hash maps then keep each key's hash in its node, so a
  // lookup compares hashes before names and walking a bucket does not hash every key in it again
  // (a catalog is asked for tables some 60,000 times in a corpus run).
  size_t operator()(const QualifiedName& n) const {
    const uint64_t hash = add_text(add_text(0, n.schema), n.name);
    return static_cast<size_t>(hash ^ (hash >> 29));
  }

 private:
  static uint64_t add_word(uint64_t hash, uint64_t word) noexcept {
    return (std::rotl(hash, 5) ^ word) * 0x517cc1b727220a95ULL;
  }
  static uint64_t add_text(uint64_t hash, std::string_view text) noexcept {
    size_t at = 0;
    for (; at + 8 <= text.size(); at += 8) {
      uint64_t word = 0;
      std::memcpy(&word, text.data() + at, 8);
      hash = add_word(hash, word);
    }
    uint64_t tail = 0;  // the last 0 to 7 bytes, and the length, so that "ab"."c" is not "a"."bc"
    std::memcpy(&tail, text.data() + at, text.size() - at);
    return add_word(hash, tail ^ (static_cast<uint64_t>(text.size()) << 56));
  }
};

QualifiedName qualified_name(const PgQuery__RangeVar* relation);
// A name given as a list of String nodes (function names, DROP object names).
QualifiedName qualified_name(PgQuery__Node* const* parts, size_t n_parts);
// A name given as a List node of String nodes (DROP objects, COMMENT ON objects).
QualifiedName qualified_name(const PgQuery__Node* list);

// The texts of a list of String nodes (column lists), skipping anything else.
std::vector<std::string> string_list(PgQuery__Node* const* items, size_t n_items);

// A sequence named by a string literal, as nextval('s') and setval('schema.s', …) take it.
std::optional<QualifiedName> sequence_literal(const PgQuery__Node* arg);

// Every table, view or sequence a statement or query names (FROM lists, subqueries, targets), but
// the names of its common table expressions (WITH x AS …) and of those of `with`, the WITH clause of
// the statement `root` is a part of.
std::vector<QualifiedName> relations_named(const PgQuery__Node* root, const PgQuery__WithClause* with = nullptr);

// The same relations, each with whether the statement names it anywhere without ONLY: a query of a
// partitioned table (or of a table with inheritance children) then reads its partitions too.
struct RelationNamed {
  QualifiedName name;
  bool with_descendants = false;
};
std::vector<RelationNamed> relations_named_with_only(const PgQuery__Node* root,
                                                     const PgQuery__WithClause* with = nullptr);

}  // namespace zdlint
