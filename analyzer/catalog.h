#pragma once
// The schema as the migrations before the current statement leave it, built by replaying them.
// Rules ask it questions; only the engine changes it, through apply().
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/names.h"
#include "analyzer/volatility.h"
#include "parser/source_file.h"
#include "parser/statement.h"

namespace zdlint {

struct Column {
  std::string name;
  std::string type;  // as written, e.g. "varchar" or "pg_catalog.int4"
};

struct Table {
  QualifiedName name;
  std::vector<Column> columns;
  FileId created_in_file = 0;
};

struct Function {
  QualifiedName name;
  Volatility volatility = Volatility::Volatile;
  FileId created_in_file = 0;
};

class Catalog {
 public:
  [[nodiscard]] const Table* find_table(const QualifiedName& name) const;
  // True when the table was created by an earlier statement of `file`: it is new in this
  // migration, so it is empty and no running application depends on it yet.
  [[nodiscard]] bool table_created_in_file(const QualifiedName& name, FileId file) const;
  [[nodiscard]] std::optional<Volatility> function_volatility(const QualifiedName& name) const;

  // Replays one executed statement. Statements inside function bodies are not executed by the
  // migration and must not be applied.
  void apply(const Statement& stmt, FileId file);

 private:
  void apply_create_table(const PgQuery__CreateStmt& stmt, FileId file);
  void apply_alter_table(const PgQuery__AlterTableStmt& stmt);
  void apply_rename(const PgQuery__RenameStmt& stmt);
  void apply_drop(const PgQuery__DropStmt& stmt);
  void apply_create_function(const PgQuery__CreateFunctionStmt& stmt, FileId file);

  std::map<QualifiedName, Table> tables_;
  std::map<QualifiedName, Function> functions_;
};

std::string type_name_text(const PgQuery__TypeName* type);

}  // namespace zdlint
