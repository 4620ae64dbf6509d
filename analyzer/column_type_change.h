// What ALTER COLUMN … TYPE does to the stored rows, knowing the history's domains: the lock model
// and the alter-column-type rule ask the same question and must give the same answer.
#pragma once

#include "analyzer/catalog.h"
#include "analyzer/sql_types.h"

namespace zdlint {

struct ColumnTypeChange {
  TypeChange change = TypeChange::Rewrite;
  // Set when the rows are converted only to be checked against this domain's constraints.
  const Domain* checked_by = nullptr;
};

// A column of type `from` given type `to`. Into or out of a domain the stored type is its base
// type's (through domains of domains), so converting between a domain and its base type, or into a
// domain without constraints, rewrites nothing; converting into a domain with a CHECK or NOT NULL
// rewrites every row to verify them (PostgreSQL 15, checked on the lock oracle).
ColumnTypeChange column_type_change(const Catalog& catalog, const SqlType& from, const SqlType& to, bool has_using);

// A domain with a CHECK or NOT NULL (its own or a base domain's), which PostgreSQL evaluates for
// every existing row by rewriting the table.
const Domain* constrained_domain(const Catalog& catalog, const SqlType& type);

}  // namespace zdlint
