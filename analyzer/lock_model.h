#pragma once
// The lock model: what one statement does to the relations it touches, given the catalog the
// migrations before it built and the session it runs in. Facts come from PostgreSQL's source and
// docs, checked against a real PostgreSQL 15 server (reference/locks.md; tests/test_locks_pg.cpp).
#include <deque>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzer/catalog.h"
#include "analyzer/lock_mode.h"

namespace zdlint {

class Session;

enum class Cost { CatalogOnly, Proportional };
std::string_view to_string(Cost cost);  // "catalog-only" | "proportional"

struct LockEffect {
  QualifiedName relation;
  RelationKind kind = RelationKind::Table;
  LockMode lock = LockMode::None;
  bool rewrite = false;  // the relation's data is copied into new files
  bool scan = false;     // every row is read (verification scan, index build, rewrite)
  bool index_rebuilt = false;  // an index effect: this index is built again from the table
  bool created = false;  // the statement creates this relation, so no one else can be using it
  // The history created the relation (otherwise it is pre-existing: assumed large and busy).
  bool known = false;
  bool new_in_file = false;  // created by an earlier statement of the same migration file
  // An AccessExclusiveLock on one of this table's indexes: the planner locks every index of a
  // table in AccessShareLock, so reads of the table stop too.
  bool reads_blocked_via_index = false;
  bool assumed = false;  // the verdict relies on an assumption because the history lacks a fact
  std::string note;      // why this relation is involved or what was assumed

  [[nodiscard]] Cost cost() const { return rewrite || scan ? Cost::Proportional : Cost::CatalogOnly; }
  [[nodiscard]] Blocked blocks() const;
  // A relation live traffic depends on: neither created by this statement nor by this file.
  [[nodiscard]] bool pre_existing() const { return !created && !new_in_file; }
};

struct StatementEffects {
  // One effect a relation, added with add(). A deque: the model keeps references to effects while
  // adding others.
  std::deque<LockEffect> effects;
  bool refuses_transaction = false;  // PostgreSQL raises "cannot run inside a transaction block"
  bool concurrently = false;         // a CONCURRENTLY form
  std::string fails_because;         // non-empty when PostgreSQL will reject the statement

  // Appends the effect on a relation that has none yet.
  LockEffect& add(LockEffect&& effect);
  [[nodiscard]] const LockEffect* find(const QualifiedName& relation) const;
  [[nodiscard]] LockEffect* find(const QualifiedName& relation);
  [[nodiscard]] LockMode strongest() const;
  // The strongest lock on a relation that existed before this migration file.
  [[nodiscard]] LockMode strongest_on_pre_existing() const;
  [[nodiscard]] bool rewrites() const;
  [[nodiscard]] bool scans() const;

 private:
  // Most statements touch a handful of relations, found fastest by a look at each. One that locks
  // every partition or index of a table, or names thousands of tables, touches thousands: searched
  // one by one, ten CREATE INDEX on a table of 8,000 partitions took 1.4 s, and a TRUNCATE … CASCADE
  // reaching 20,000 tables 1 s. Beyond kSearchedOneByOne, a map finds them: positions in `effects`,
  // which a copy keeps right.
  static constexpr size_t kSearchedOneByOne = 16;
  std::unordered_map<QualifiedName, size_t, QualifiedNameHash> by_relation_;
};

struct LockModelInput {
  const Statement& stmt;
  const Catalog& catalog;
  const Session& session;
  FileId file = 0;
  int pg_version = 15;
};

StatementEffects lock_model(const LockModelInput& input);

}  // namespace zdlint
