#pragma once
// Collects the effects of one statement: one entry per relation, the strongest lock and every flag
// any part of the statement sets. Shared by the lock model's files.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/lock_model.h"
#include "analyzer/names.h"

namespace zdlint {

class EffectsBuilder {
 public:
  EffectsBuilder(const Catalog& catalog, FileId file, int pg_version)
      : catalog_(catalog), file_(file), pg_version_(pg_version) {}

  [[nodiscard]] const Catalog& catalog() const { return catalog_; }
  [[nodiscard]] int pg_version() const { return pg_version_; }

  // The effect on `name`, created with the catalog's kind for it (or `fallback` when unknown).
  LockEffect& on(const QualifiedName& name, LockMode mode, RelationKind fallback = RelationKind::Table) {
    LockEffect* found = result_.find(name);
    if (!found) {
      LockEffect effect;
      effect.relation = name;
      const std::optional<KnownRelation> known = known_relation(name);
      effect.kind = known ? known->kind : fallback;
      effect.known = known.has_value();
      effect.new_in_file = known && known->origin == file_;
      found = &result_.add(std::move(effect));
    }
    found->lock = std::max(found->lock, mode);
    return *found;
  }

  // A relation the statement creates.
  LockEffect& created(const QualifiedName& name, RelationKind kind) {
    LockEffect& effect = on(name, LockMode::AccessExclusive, kind);
    effect.kind = kind;
    effect.created = true;
    return effect;
  }

  // The sequences `table` owns, of its serial and identity columns (of `column` only, when given),
  // each in `mode`, noted "owned by <column>, <why>".
  void owned_sequences(const Table& table, std::string_view column, LockMode mode, std::string_view why) {
    for (const Column& owner : table.columns) {
      if (owner.default_sequence.empty() || (!column.empty() && owner.name != column)) continue;
      const QualifiedName name{table.name.schema, owner.default_sequence};
      const Sequence* sequence = catalog_.find_sequence(name);
      if (!sequence || sequence->owned_by_table != table.name) continue;
      LockEffect& effect = on(name, mode, RelationKind::Sequence);
      if (effect.note.empty()) effect.note = "owned by " + owner.name + ", " + std::string(why);
    }
  }

  // The owned sequences a DROP TABLE or DROP COLUMN drops with it.
  void owned_sequences_dropped(const Table& table, std::string_view column = {}) {
    owned_sequences(table, column, LockMode::AccessExclusive, "dropped with it");
  }

  // Every index the history knows on `table`, in `mode`; `rebuilt` when their data is rebuilt.
  void indexes_of(const QualifiedName& table, LockMode mode, bool rebuilt) {
    for (const Index* index : catalog_.indexes_of(table)) {
      LockEffect& effect = on(index->name, mode, RelationKind::Index);
      if (rebuilt) effect.index_rebuilt = effect.scan = true;
    }
  }

  // Each partition below the partitioned `table` (partitions of partitions too), in `mode`. Returns
  // the ones with storage of their own, which a scan, a rewrite or an index build reaches: the
  // others are partitioned themselves.
  std::vector<QualifiedName> partitions_below(const Table& table, LockMode mode) {
    std::vector<QualifiedName> with_storage;
    for (const QualifiedName& partition : catalog_.partitions_below(table)) {
      const Table* known = catalog_.find_table(partition);
      LockEffect& effect = on(partition, mode);
      if (effect.note.empty())
        effect.note = "a partition of " + (known && known->partition_of ? *known->partition_of : table.name).str();
      if (!known || known->kind != RelationKind::PartitionedTable) with_storage.push_back(partition);
    }
    return with_storage;
  }

  // The table is rewritten: new files for it and for every index, under AccessExclusiveLock.
  void rewrite(const QualifiedName& table, std::string note = {}) {
    LockEffect& effect = on(table, LockMode::AccessExclusive);
    effect.rewrite = effect.scan = true;
    if (!note.empty() && effect.note.empty()) effect.note = std::move(note);
    // A partitioned table's indexes have no storage: its partitions' are rebuilt with them.
    if (effect.kind != RelationKind::PartitionedTable) indexes_of(table, LockMode::AccessExclusive, true);
  }

  StatementEffects& result() { return result_; }

  StatementEffects finish() {
    // An AccessExclusiveLock on an index that existed before stalls the planner for its table.
    for (const auto& effect : result_.effects) {
      if (effect.kind != RelationKind::Index || effect.created || effect.lock != LockMode::AccessExclusive) continue;
      const Index* index = catalog_.find_index(effect.relation);
      if (!index) continue;
      if (LockEffect* table = result_.find(index->table)) table->reads_blocked_via_index = true;
    }
    return std::move(result_);
  }

 private:
  struct KnownRelation {
    RelationKind kind;
    FileId origin;
  };
  // What the catalog knows of a relation, looked up once (as Catalog::relation_kind, with the file
  // that created it).
  [[nodiscard]] std::optional<KnownRelation> known_relation(const QualifiedName& name) const {
    if (const Table* table = catalog_.find_table(name)) return KnownRelation{table->kind, table->origin.file};
    if (const Index* index = catalog_.find_index(name)) return KnownRelation{RelationKind::Index, index->origin.file};
    if (const Sequence* sequence = catalog_.find_sequence(name))
      return KnownRelation{RelationKind::Sequence, sequence->origin.file};
    return std::nullopt;
  }

  const Catalog& catalog_;
  FileId file_;
  int pg_version_;
  StatementEffects result_;
};

// The relation kind an ALTER/DROP/COMMENT names by its object type (a table unless it says otherwise).
RelationKind kind_of(PgQuery__ObjectType type);

// What adding a foreign key takes on both tables on a PostgreSQL major version.
LockMode foreign_key_lock(int pg_version);

// A row trigger of a partitioned table is cloned onto every partition below it, and what is done to
// the trigger (a drop, a rename) is done to the clones: each partition in `mode`. Nothing when
// `table` has no such trigger by that name.
void row_trigger_clones(const Table& table, std::string_view trigger, LockMode mode, EffectsBuilder& out);

// The tables `table`'s foreign keys reference, each in `mode` (noted `why` when it has no note yet).
void foreign_key_targets(const Table* table, LockMode mode, EffectsBuilder& out, std::string_view why);

// Statement pieces shared by the lock model's files.
bool has_option(PgQuery__Node* const* options, size_t n_options, std::string_view name);

// A validated CHECK of `partition` on a partition-key column of `parent`: taken as proof that the
// partition's rows fit its bound (or, for a default partition, hold none of a new bound's rows), so
// PostgreSQL skips the verification scan. A heuristic: zdlint does not evaluate the expressions.
const Constraint* bound_proof(const Table& partition, const Table& parent);

// The default partition of `parent`, when the history created one, locked AccessExclusive and
// scanned for rows of a new partition's range unless a validated CHECK rules them out.
void lock_default_partition(const Table& parent, EffectsBuilder& out);

}  // namespace zdlint
