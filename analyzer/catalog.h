#pragma once
// The schema as the migrations before the current statement leave it, built by replaying them.
// Rules and the lock model ask it questions; only the engine changes it, through apply().
//
// Anything the replay never saw created is "pre-existing": it was there before the first
// migration zdlint was shown, so it is assumed large and busy, and its details are unknown.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/copy_on_write.h"
#include "analyzer/named_list.h"
#include "analyzer/names.h"
#include "analyzer/sql_types.h"
#include "analyzer/volatility.h"
#include "parser/source_file.h"
#include "parser/statement.h"

namespace zdlint {

// Where an object was created: the migration file, and which of the replay's transactions.
struct Origin {
  FileId file = 0;
  uint32_t transaction = 0;
  ByteRange statement;  // the statement that did it, in `file`
};

enum class RelationKind { Table, PartitionedTable, View, MaterializedView, Index, Sequence };

// As `zdlint locks` prints it: "table", "partitioned table", "materialized view", …
std::string_view to_string(RelationKind kind);

struct Column {
  std::string name;
  SharedSqlType type;
  std::string default_sequence;  // the sequence a nextval() default, serial or identity draws from
  std::optional<Origin> added;   // ALTER TABLE … ADD COLUMN after the table was created: where
  // The small fields last, side by side: a history holds hundreds of thousands of columns.
  bool not_null = false;
  bool has_default = false;
  bool identity = false;
  bool generated = false;  // GENERATED ALWAYS AS (…) STORED
  Volatility default_volatility = Volatility::Immutable;

  // Whether its type is `type_name` (an unqualified type is in public), compared in place: callers
  // look at every column of the catalog.
  [[nodiscard]] bool has_type(const QualifiedName& type_name) const;
};

enum class ConstraintKind { Check, ForeignKey, PrimaryKey, Unique, Exclusion, NotNull };

struct Constraint {
  std::string name;
  ConstraintKind kind = ConstraintKind::Check;
  std::vector<std::string> columns;
  bool validated = true;           // false while NOT VALID
  QualifiedName references;        // FOREIGN KEY: the referenced table
  // FOREIGN KEY: the referenced columns (the referenced table's primary key when the constraint
  // names none); empty when zdlint does not know them.
  std::vector<std::string> referenced_columns;
  // FOREIGN KEY: ON DELETE CASCADE, SET NULL or SET DEFAULT, whose trigger deletes or updates the
  // referencing rows when a referenced row is deleted (NO ACTION and RESTRICT only look them up).
  bool delete_writes_referencing_rows = false;
  // CHECK (a IS NOT NULL [AND b IS NOT NULL …]): the columns it proves non-null.
  std::vector<std::string> proves_not_null;
  std::string index;               // PRIMARY KEY / UNIQUE / EXCLUDE: the index behind it
  Origin origin;

  [[nodiscard]] bool proves(std::string_view column) const {
    return std::find(proves_not_null.begin(), proves_not_null.end(), column) != proves_not_null.end();
  }
  // Of a foreign key: whether `column` of the referenced table is one of the referenced columns;
  // nullopt when those are unknown.
  [[nodiscard]] std::optional<bool> references_column(std::string_view column) const {
    if (referenced_columns.empty()) return std::nullopt;
    return std::find(referenced_columns.begin(), referenced_columns.end(), column) != referenced_columns.end();
  }
};

struct Index {
  QualifiedName name;
  QualifiedName table;
  std::vector<std::string> columns;  // an empty entry for each expression
  bool unique = false;
  bool partial = false;
  Origin origin;
  // Of a partition's copy of a partitioned table's index: that index, which is dropped or rebuilt
  // with its copies.
  std::optional<QualifiedName> parent;
};

// Orders indexes, tables and views by name: what lists the contents of the catalog's hash maps sorts
// with it, so that no answer depends on how names hash.
struct ByName {
  template <typename T>
  bool operator()(const T* a, const T* b) const {
    return a->name < b->name;
  }
};

// The catalog's indexes, by name and by table: the lock model asks for a table's indexes at almost
// every statement, so that question must not cost a walk over every index the history created.
// (analyzer/index_table.cpp)
class IndexTable {
 public:
  IndexTable() = default;
  // A copy points its by-table entries at its own indexes.
  IndexTable(const IndexTable& other);
  IndexTable& operator=(const IndexTable& other);
  IndexTable(IndexTable&&) = default;  // the indexes' nodes, and so the pointers to them, move along
  IndexTable& operator=(IndexTable&&) = default;

  [[nodiscard]] const Index* find(const QualifiedName& name) const;
  [[nodiscard]] bool contains(const QualifiedName& name) const { return by_name_.contains(name); }
  [[nodiscard]] std::vector<const Index*> of_table(const QualifiedName& table) const;
  // Every index, in name order: for small copies of the catalog (Catalog::subset), not the full history.
  [[nodiscard]] std::vector<const Index*> all() const;

  // Adds the index, replacing one of the same name.
  Index& put(Index index);
  // Adds the indexes `from` has of `table`, but for those of the same name this table has already:
  // for a copy of part of a catalog (Catalog::subset), where an index met twice is the same index.
  void copy_of_table(const IndexTable& from, const QualifiedName& table);
  void erase(const QualifiedName& name);
  // Erases the table's indexes that `drop` selects (all of them without it).
  void erase_of_table(const QualifiedName& table, const std::function<bool(const Index&)>& drop = nullptr);
  // Renames an index (ALTER INDEX … RENAME, or ADD CONSTRAINT … USING INDEX); `update` may change
  // anything but its name and table. False when there is no such index.
  bool rename(const QualifiedName& from, const QualifiedName& to, const std::function<void(Index&)>& update = nullptr);
  // The indexes of a renamed table follow it.
  void retarget(const QualifiedName& from_table, const QualifiedName& to_table);
  // Changes each of the table's indexes in place; `update` must not change its name or table.
  void update_of_table(const QualifiedName& table, const std::function<void(Index&)>& update);

 private:
  // Shared with the copies of the table until one of them changes an index (Catalog::subset).
  std::unordered_map<QualifiedName, CopyOnWrite<Index>, QualifiedNameHash> by_name_;
  // Each table's indexes in name order, pointing into by_name_ (whose nodes stay where they are):
  // copying a table's indexes or listing them looks no name up again.
  std::unordered_map<QualifiedName, std::map<QualifiedName, CopyOnWrite<Index>*>, QualifiedNameHash> by_table_;
};


// Rows of a table copied somewhere by a migration: UPDATE t SET new = <value reading old columns>
// (a backfill of the same table), or INSERT INTO other SELECT … FROM t.
struct DataCopy {
  QualifiedName target;              // the table written
  std::string target_column;         // UPDATE backfill: the column set; empty for INSERT … SELECT
  std::vector<std::string> columns;  // the columns of the source table the copied values read, each once
  bool all_columns = false;          // SELECT *
  Origin origin;
};

// What shows that a migration did the expand step for a column before a later one drops it.
enum class ExpandKind {
  Backfill,           // a replacement column was added and filled from the old one
  SyncTrigger,        // a replacement column was added and a trigger on the table keeps it in sync
  CompatibilityView,  // a view over the table keeps the old shape available
  ReplacementTable,   // a new table was made from the table (LIKE, AS SELECT) or filled with its rows
};

struct ExpandEvidence {
  ExpandKind kind = ExpandKind::Backfill;
  std::string replacement;  // the replacement column, the view's or the replacement table's name
  Origin origin;            // the backfill, the trigger or the view
};

// An expand statement of the current migration: what a same-file contract undoes the point of.
struct ExpandStep {
  std::string what;  // "ADD COLUMN \"email_new\"", "UPDATE … copies \"email\" into \"email_new\"", …
  Origin origin;
};

// A column of an existing table dropped or renamed away by a migration: a contract step.
struct ColumnContract {
  std::string column;  // its name before
  bool renamed = false;
  bool after_expand = false;  // the same migration had already expanded (expand_in_file) when it ran
  Origin origin;
};

struct Trigger {
  std::string name;
  QualifiedName function;  // EXECUTE FUNCTION: the function it runs (an unqualified name is public's)
  Origin origin;
  bool row = false;  // FOR EACH ROW: on a partitioned table, cloned onto every partition
};

// PostgreSQL numbers a table's columns and never gives a number out again, not even a dropped
// column's. It refuses a CREATE TABLE or ADD COLUMN that would need more than 1,600 numbers
// (MaxHeapAttributeNumber: "tables can have at most 1600 columns").
inline constexpr uint16_t kMaxTableColumns = 1600;

// Tables, partitioned tables, views and materialized views: relations with columns.
struct Table {
  QualifiedName name;
  RelationKind kind = RelationKind::Table;
  std::vector<Column> columns;
  NamedList<Constraint> constraints;  // in the order they were added
  bool unlogged = false;
  std::optional<QualifiedName> partition_of;
  // Of a partition: whether it is its parent's DEFAULT partition. The parent's
  // `default_partition_name` alone is not enough: a lenient replay lets a CREATE replace a table
  // without a DROP, and the new table of that name is no partition at all.
  bool default_partition = false;
  std::vector<QualifiedName> partitions;
  // Of a partitioned table: the one of `partitions` that is its DEFAULT partition. Kept so that
  // creating or attaching a partition finds it without looking at every other partition.
  std::optional<QualifiedName> default_partition_name;
  std::vector<std::string> partition_key;
  std::string replica_identity = "default";
  std::string access_method = "heap";
  std::vector<QualifiedName> reads;  // views and materialized views: the relations their query reads
  Origin origin;
  std::optional<QualifiedName> like;  // CREATE TABLE … (LIKE other)
  std::vector<DataCopy> copies;       // data copied out of this table (its own backfills included): add_copy()
  // Positions in `copies`: of those that read each column (by the name the statement wrote), and of
  // those that read every column (SELECT *). A DROP COLUMN looks for the copies of its column, and
  // a long history may hold thousands of backfills of one table.
  std::map<std::string, std::vector<uint32_t>, std::less<>> copies_by_column;
  std::vector<uint32_t> copies_of_every_column;
  NamedList<Trigger> triggers;             // CREATE TRIGGER … ON this table
  std::vector<ColumnContract> contracted;  // columns dropped or renamed away (not those added in that migration)
  // A table the history never created but altered: only what the history added is recorded
  // (columns, constraints). It stays pre-existing: find_table() does not return it.
  bool partial = false;
  // The column numbers given out: its columns and the dropped ones (of a partial table, those the
  // history added). The replay stops at kMaxTableColumns, as PostgreSQL does, so that a history the
  // server would refuse cannot make each statement on the table cost more than a legal one.
  uint16_t columns_numbered = 0;

  [[nodiscard]] const Column* column(std::string_view column_name) const;
  [[nodiscard]] const Constraint* constraint(std::string_view constraint_name) const;
  void add_copy(DataCopy copy);
  // The copies that read `column`, in the order they were made.
  [[nodiscard]] std::vector<const DataCopy*> copies_reading(std::string_view column) const;
};

// A table as a catalog holds it: shared with the catalog's copies until one of them changes it.
using SharedTable = CopyOnWrite<Table>;

struct Sequence {
  QualifiedName name;
  std::optional<QualifiedName> owned_by_table;
  Origin origin;
  // The tables (of its schema) given a column default that draws from it, so that DROP SEQUENCE …
  // CASCADE does not walk every table: a superset (a table stays listed when its default changes),
  // and columns_drawing_from checks each.
  std::vector<QualifiedName> drawn_by;
};

// A column of a table, as a catalog lookup finds it.
struct TableColumn {
  const Table* table;
  const Column* column;
};

struct DomainCheck {
  std::string name;
};

struct Domain {
  QualifiedName name;
  SqlType base;
  NamedList<DomainCheck> checks;  // its CHECK constraints
  bool not_null = false;
  Origin origin;
};

struct EnumType {
  QualifiedName name;
  std::vector<std::string> values;
  Origin origin;
};

struct Function {
  QualifiedName name;
  Volatility volatility = Volatility::Volatile;
  Origin origin;
};

struct CatalogScope;
struct NamedObject;

class Catalog {
 public:
  // Tables the history created (complete records).
  [[nodiscard]] const Table* find_table(const QualifiedName& name) const;
  // Also tables the history only altered: what it added to them (constraints, columns) is known,
  // the rest is not. For questions like "is there a validated CHECK proving col IS NOT NULL?".
  [[nodiscard]] const Table* find_table_facts(const QualifiedName& name) const;
  // The DEFAULT partition of a partitioned table, when the history created one.
  [[nodiscard]] const Table* default_partition_of(const Table& parent) const;
  // The partitions of a partitioned table and, of those that are partitioned too, theirs, each
  // after the table it is a partition of. PostgreSQL recurses through all of them where it recurses.
  [[nodiscard]] std::vector<QualifiedName> partitions_below(const Table& parent) const;
  [[nodiscard]] const Index* find_index(const QualifiedName& name) const;
  // The copies of a partitioned table's index on the partitions below it, and theirs: dropped or
  // rebuilt with it. Each after the index it is a copy of.
  [[nodiscard]] std::vector<const Index*> index_copies(const Index& index) const;
  [[nodiscard]] const Sequence* find_sequence(const QualifiedName& name) const;
  [[nodiscard]] const Domain* find_domain(const QualifiedName& name) const;
  [[nodiscard]] const EnumType* find_enum(const QualifiedName& name) const;
  [[nodiscard]] bool has_extension(std::string_view name) const;
  [[nodiscard]] std::optional<Volatility> function_volatility(const QualifiedName& name) const;
  // Any relation the history created, whatever its kind.
  [[nodiscard]] std::optional<RelationKind> relation_kind(const QualifiedName& name) const;

  [[nodiscard]] std::vector<const Index*> indexes_of(const QualifiedName& table) const;
  // Tables with a FOREIGN KEY that references `table`.
  [[nodiscard]] std::vector<const Table*> tables_referencing(const QualifiedName& table) const;
  [[nodiscard]] std::vector<const Table*> tables_using_domain(const QualifiedName& domain) const;
  // Tables with a column of the type (a domain, an enum or any other named type), in name order.
  [[nodiscard]] std::vector<const Table*> tables_using_type(const QualifiedName& type) const;
  // Views and materialized views whose query reads `relation`, and the views reading those, in
  // the order DROP ... CASCADE would reach them.
  [[nodiscard]] std::vector<const Table*> views_depending_on(const QualifiedName& relation) const;
  // The columns whose default draws from the sequence (serial and identity columns included).
  [[nodiscard]] std::vector<TableColumn> columns_drawing_from(const QualifiedName& sequence) const;
  // Tables, complete or partial, with a trigger that runs the function, in name order.
  [[nodiscard]] std::vector<const Table*> tables_with_triggers_running(const QualifiedName& function) const;
  // Sequences the history created in the schema (owned ones too), in name order.
  [[nodiscard]] std::vector<const Sequence*> sequences_in_schema(std::string_view schema) const;
  // Tables, views and materialized views the history created in the schema, in name order.
  [[nodiscard]] std::vector<const Table*> relations_in_schema(std::string_view schema) const;

  // True when the table was created by an earlier statement of `file`: it is new in this
  // migration, so it is empty and no running application depends on it yet.
  [[nodiscard]] bool table_created_in_file(const QualifiedName& name, FileId file) const;

  // Whether an earlier migration than `current` did the expand step for `column` of `table`: added
  // a replacement column and backfilled it from the column or installed a trigger on the table (to
  // keep it in sync), or created a view over the table. The first such evidence found, if any.
  [[nodiscard]] std::optional<ExpandEvidence> expand_evidence_for(const QualifiedName& table, std::string_view column,
                                                                  FileId current) const;
  // Whether an earlier migration than `current` did the expand step for the whole of `table`: made a
  // replacement table from it (CREATE TABLE … LIKE it, AS SELECT from it) or copied its rows into
  // another table (INSERT … SELECT). The first such evidence found, if any.
  [[nodiscard]] std::optional<ExpandEvidence> table_expand_evidence_for(const QualifiedName& table,
                                                                        FileId current) const;
  // The expand step migration `file` took for `table` (or only for its `column`, when not empty)
  // before the current statement: a column added to the table, a copy of its data (of the column),
  // or, for the whole table, a new table created from it (AS SELECT, LIKE) or filled from it.
  [[nodiscard]] std::optional<ExpandStep> expand_in_file(const QualifiedName& table, std::string_view column,
                                                         FileId file) const;

  // A column of `table` that migration `file` dropped or renamed away before it expanded anything
  // for the table, and with no column added to the table since: the contract came first, and the
  // expand (an ADD COLUMN) is the current statement.
  [[nodiscard]] const ColumnContract* contract_before_expand(const QualifiedName& table, FileId file) const;

  // Replays one executed statement. Statements inside function bodies are not executed by the
  // migration and are ignored.
  void apply(const Statement& stmt, Origin origin);

  // A catalog holding only the objects of `scope`, with the indexes and owned sequences of its
  // tables: a cheap copy to replay a down migration into and compare (analyzer/catalog_diff.cpp).
  [[nodiscard]] Catalog subset(const CatalogScope& scope) const;
  // Removes the objects (from such a copy): what an up creates did not exist before it.
  void forget(std::span<const NamedObject> objects);

  // Changes whenever a relation's name is freed (a DROP, a RENAME), and differs between catalogs
  // holding different relations (a subset): a table's count of the numbered index names taken
  // (constraint_index_name) is kept under it, so that a count made before a name was freed, or in
  // another catalog, is not used.
  [[nodiscard]] uint64_t relation_names_epoch() const { return relation_names_epoch_; }

 private:
  static uint64_t next_epoch();
  void relation_name_freed() { relation_names_epoch_ = next_epoch(); }
  uint64_t relation_names_epoch_ = next_epoch();

  friend class CatalogReplay;
  friend class CatalogComparison;
  // Hash maps: looked up at nearly every statement. Nothing depends on their order; what lists
  // tables sorts them by name.
  std::unordered_map<QualifiedName, SharedTable, QualifiedNameHash> tables_;
  std::unordered_map<QualifiedName, SharedTable, QualifiedNameHash> partial_tables_;
  IndexTable indexes_;
  std::map<QualifiedName, Sequence> sequences_;
  std::map<QualifiedName, Domain> domains_;
  std::map<QualifiedName, EnumType> enums_;
  std::map<QualifiedName, Function> functions_;
  std::map<std::string, Origin, std::less<>> extensions_;
  // Referenced table -> tables that were given a FOREIGN KEY to it. A superset (entries stay when
  // a key or table goes, and tables_referencing checks each one), so that a DELETE or TRUNCATE does
  // not walk every table of a long history; rebuilt when a table is renamed.
  std::unordered_map<QualifiedName, std::vector<QualifiedName>, QualifiedNameHash> referenced_by_;
  // Relation -> relations made from it: views and CREATE TABLE AS reading it, CREATE TABLE LIKE it.
  // A superset in the same way; derived_from() checks each one.
  std::unordered_map<QualifiedName, std::vector<QualifiedName>, QualifiedNameHash> derived_from_;
  // Schema -> the names of the tables (complete or partial) ever put in it, so that DROP SCHEMA and
  // relations_in_schema do not walk every table of a long history. A superset in the same way:
  // a name stays when its table goes, and may be listed twice; the readers check each.
  std::unordered_map<std::string, std::vector<QualifiedName>> table_names_by_schema_;
  void note_table_name(const QualifiedName& name) { table_names_by_schema_[name.schema].push_back(name); }
  // Lists `table` among those referencing `referenced`, once for a run of its foreign keys: a table
  // of 20,000 foreign keys to one other is one entry, not 20,000 for each rename to walk.
  void note_reference(const QualifiedName& referenced, const QualifiedName& table) {
    auto& referencing = referenced_by_[referenced];
    if (referencing.empty() || referencing.back() != table) referencing.push_back(table);
  }
  // Type -> the tables (complete or partial) ever given a column of it, for every type but
  // pg_catalog's (is_builtin_type_name): the domains, enums and composite types that ALTER DOMAIN,
  // DROP … CASCADE and ALTER TYPE … RENAME ask about, so that they do not walk every column of a
  // long history. A superset in the same way; the readers check each table's columns.
  std::unordered_map<QualifiedName, std::vector<QualifiedName>, QualifiedNameHash> typed_by_;
  void note_column_type(const QualifiedName& table, const SqlType& type);
  // Function -> the tables (complete or partial) ever given a trigger running it, so that DROP
  // FUNCTION … CASCADE does not walk every table. A superset in the same way; the readers check
  // each table's triggers.
  std::unordered_map<QualifiedName, std::vector<QualifiedName>, QualifiedNameHash> triggered_by_;
  void note_trigger(const QualifiedName& table, const QualifiedName& function);
  void note_triggers(const Table& table);
  void note_column_types(const Table& table);
  // The tables, complete or partial, that may have a column of `type`: typed_by_'s, or every table
  // for a name of pg_catalog's.
  [[nodiscard]] std::vector<QualifiedName> tables_maybe_using_type(const QualifiedName& type) const;
  // What find_table_facts() finds, as the catalog holds it (shared with its copies).
  [[nodiscard]] const SharedTable* shared_table_facts(const QualifiedName& name) const;
  // The relations that read `relation` or were made LIKE it, in name order.
  [[nodiscard]] std::vector<const Table*> derived_from(const QualifiedName& relation) const;
  // Fills referenced_by_, derived_from_, table_names_by_schema_ and typed_by_ from the tables, for a catalog
  // assembled by copying them.
  void rebuild_links();
};

// "pg_catalog.varchar(50)" style text of a type, for messages.
std::string type_name_text(const PgQuery__TypeName* type);

// PostgreSQL's name for the index of an unnamed constraint or CREATE INDEX, "table_a_b_key", cut to
// 63 bytes (analyzer/object_names.h; an empty column is an expression's, "expr"). Without the number
// PostgreSQL adds when the name is taken: the catalog's replay adds it where it knows the names taken.
std::string default_index_name(const std::string& table, const std::vector<std::string>& columns, std::string_view suffix);

// The name PostgreSQL gives the index of an unnamed constraint added to `table`: "t_pkey" (no
// `columns`, label "pkey"), "t_a_b_key" or "t_a_excl", with the first number free when a constraint
// or index of the table, or another relation of the schema, has it. `own_indexes_free`: the table's
// indexes do not count (while CREATE TABLE makes them, analyzer/catalog_replay.cpp).
std::string constraint_index_name(const Catalog& catalog, const QualifiedName& table,
                                  const std::vector<std::string>& columns, std::string_view label,
                                  bool own_indexes_free = false);
// The same, for the replay adding that constraint to `table`: it starts after the names the table
// knows to be taken, and tells the table how many are.
std::string constraint_index_name(const Catalog& catalog, Table& table, const std::vector<std::string>& columns,
                                  std::string_view label, bool own_indexes_free);

// The columns of an EXCLUDE constraint's elements (an empty entry for each expression).
std::vector<std::string> exclusion_columns(const PgQuery__Constraint& constraint);

// The columns of CREATE INDEX (an empty entry for each expression), and the index's name: its own,
// or the one PostgreSQL chooses ("accounts_lower_idx" for lower(email)).
std::vector<std::string> index_columns(const PgQuery__IndexStmt& stmt);
QualifiedName index_name(const PgQuery__IndexStmt& stmt);

}  // namespace zdlint
