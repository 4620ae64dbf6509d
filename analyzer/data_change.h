#pragma once
// INSERT, UPDATE and DELETE as the expand/contract rules and the catalog see them: which table is
// written, which tables and columns the written values come from, and whether a WHERE clause really
// bounds the rows.
#include <optional>
#include <string>
#include <vector>

#include "analyzer/names.h"
#include "parser/statement.h"

namespace zdlint {

enum class DataChangeKind { Insert, Update, Delete };

// UPDATE t SET target = <value>: the columns of the written table that the value reads.
struct ColumnAssignment {
  std::string target;
  std::vector<std::string> reads;
};

struct DataChange {
  DataChangeKind kind = DataChangeKind::Update;
  QualifiedName target;                    // the table written
  const PgQuery__Node* where = nullptr;    // UPDATE/DELETE: its WHERE; INSERT … SELECT: the SELECT's WHERE
  bool from_select = false;                // INSERT … SELECT (rather than VALUES or DEFAULT VALUES)
  bool limited = false;                    // INSERT … SELECT … LIMIT n
  std::vector<QualifiedName> sources;      // INSERT … SELECT: the relations its FROM clause reads
  std::vector<std::string> source_columns; // INSERT … SELECT: the columns its select list reads
  bool all_source_columns = false;         // INSERT … SELECT *
  std::vector<ColumnAssignment> assignments;  // UPDATE: one per SET target
};

// The statement as a data change, if it is an INSERT, UPDATE or DELETE of a table.
std::optional<DataChange> data_change_of(const Statement& stmt);

// Whether a WHERE clause limits the rows: false when there is none or it is always true (`true`,
// `1 = 1`, `x = x`, `x IS NULL OR x IS NOT NULL`, an OR with such an arm, an AND of only such arms).
bool bounds_rows(const PgQuery__Node* where);

}  // namespace zdlint
