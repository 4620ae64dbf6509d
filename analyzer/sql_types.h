#pragma once
// Column types as PostgreSQL resolves them: aliases folded to the internal name (integer → int4,
// character varying → varchar) and the type modifiers kept, so a type change can be judged
// binary-coercible (no rewrite) or not.
#include <pg_query/pg_query.pb-c.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/names.h"

namespace zdlint {

struct SqlType {
  std::string schema;  // empty for built-in types (pg_catalog) and unqualified names
  std::string name;    // canonical: int4, int8, varchar, bpchar, numeric, timestamptz, text, …
  std::vector<int> typmods;  // varchar(50) → {50}; numeric(10,2) → {10, 2}; empty when none
  bool array = false;

  [[nodiscard]] std::string str() const;  // for messages: varchar(50), numeric(10,2), int4[]
  // Where the catalog keeps a type of this name (a domain, an enum): an unqualified name is public's.
  [[nodiscard]] std::string_view schema_or_public() const {
    return schema.empty() ? std::string_view("public") : std::string_view(schema);  // never a temporary string
  }
  [[nodiscard]] QualifiedName qualified_name() const { return {std::string(schema_or_public()), name}; }
  friend bool operator==(const SqlType&, const SqlType&) = default;
};

SqlType sql_type(const PgQuery__TypeName* type);

// A column's type, one instance shared by the columns that have it: a history has hundreds of
// thousands of columns but few distinct types, and a SqlType takes 96 bytes where this takes 16
// (the 50 MB synthetic file's catalog held 77 MB of columns, 200 bytes each). Immutable: a column
// whose type changes is given another.
class SharedSqlType {
 public:
  SharedSqlType();              // no type: an empty name
  SharedSqlType(SqlType type);  // NOLINT(google-explicit-constructor): a column is given its type
  [[nodiscard]] const SqlType& operator*() const { return *type_; }
  [[nodiscard]] const SqlType* operator->() const { return type_.get(); }
  friend bool operator==(const SharedSqlType& a, const SharedSqlType& b) {
    return a.type_ == b.type_ || *a.type_ == *b.type_;
  }

 private:
  std::shared_ptr<const SqlType> type_;
};

bool is_serial_type(const SqlType& type);
// The integer type a serial column has in the table (serial: int4, bigserial: int8, smallserial: int2):
// serial is no type, but shorthand for it with a sequence and a nextval() default.
SqlType serial_storage_type(const SqlType& serial);

// Whether a type written without a schema and named `name` is one of pg_catalog's that columns
// use (int4, text, timestamptz, serial, …): not a domain, enum or composite type a migration
// could alter, rename or drop. Names not known here are taken for such a type.
bool is_builtin_type_name(std::string_view name);

enum class TypeChange {
  Same,              // nothing to do
  BinaryCoercible,   // catalog-only: no rewrite, no index rebuild
  CoercibleIfUtc,    // timestamp → timestamptz: no rewrite on PG12+ when the session TimeZone is UTC
  Rewrite,           // every row converted: table rewritten, every index rebuilt
};

// What PostgreSQL does to the stored data when a column of type `from` becomes `to`.
// `has_using`: an explicit USING expression always makes PostgreSQL evaluate it for every row.
TypeChange classify_type_change(const SqlType& from, const SqlType& to, bool has_using);

}  // namespace zdlint
