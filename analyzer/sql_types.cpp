#include "analyzer/sql_types.h"

#include <array>
#include <functional>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "parser/node_walk.h"

namespace zdlint {
namespace {

// SQL spellings the grammar does not already fold (it turns `integer` into pg_catalog.int4 itself,
// but a user may write the internal or the alias name directly).
std::string canonical_name(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> aliases{{
      {"integer", "int4"},
      {"int", "int4"},
      {"smallint", "int2"},
      {"bigint", "int8"},
      {"boolean", "bool"},
      {"decimal", "numeric"},
      {"real", "float4"},
      {"float", "float8"},
      {"double precision", "float8"},
      {"character varying", "varchar"},
      {"character", "bpchar"},
      {"char", "bpchar"},
      {"timestamp without time zone", "timestamp"},
      {"timestamp with time zone", "timestamptz"},
      {"time without time zone", "time"},
      {"time with time zone", "timetz"},
  }};
  for (const auto& [alias, canonical] : aliases)
    if (name == alias) return std::string(canonical);
  return std::string(name);
}

std::optional<int> integer_constant(const PgQuery__Node* node) {
  if (node && node->node_case == PG_QUERY__NODE__NODE_A_CONST && !node->a_const->isnull &&
      node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
    return node->a_const->ival ? node->a_const->ival->ival : 0;
  return std::nullopt;
}

bool is_text_like(const std::string& name) { return name == "text" || name == "varchar"; }

bool is_time_type(const std::string& name) {
  return name == "timestamp" || name == "timestamptz" || name == "time" || name == "timetz" || name == "interval";
}

}  // namespace

std::string SqlType::str() const {
  std::string text = schema.empty() ? name : schema + "." + name;
  if (!typmods.empty()) {
    text += '(';
    for (size_t i = 0; i < typmods.size(); ++i) text.append(i ? "," : "").append(std::to_string(typmods[i]));
    text += ')';
  }
  if (array) text += "[]";
  return text;
}

SqlType sql_type(const PgQuery__TypeName* type) {
  SqlType result;
  if (!type || type->n_names == 0) return result;
  result.name = canonical_name(string_value(type->names[type->n_names - 1]));
  if (type->n_names >= 2) {
    const auto schema = string_value(type->names[type->n_names - 2]);
    if (schema != "pg_catalog") result.schema = std::string(schema);
  }
  for (size_t i = 0; i < type->n_typmods; ++i)
    if (const auto value = integer_constant(type->typmods[i])) result.typmods.push_back(*value);
  result.array = type->n_array_bounds > 0;
  return result;
}

namespace {

// The types met so far, found by value: what SharedSqlType shares.
class SharedTypes {
 public:
  std::shared_ptr<const SqlType> instance_of(SqlType type) {
    const std::lock_guard lock(mutex_);  // catalogs are built on one thread; tests and fuzzers may differ
    if (const auto it = known_.find(type); it != known_.end()) return it->second;
    auto instance = std::make_shared<const SqlType>(type);
    // Bounded, whatever a run's input: past kKept types, one more is not shared. Equal types are
    // still equal (SharedSqlType's == compares values when the instances differ).
    if (known_.size() < kKept) known_.emplace(std::move(type), instance);
    return instance;
  }

 private:
  static constexpr size_t kKept = 4096;

  struct Hash {
    size_t operator()(const SqlType& type) const {
      size_t hash = std::hash<std::string>{}(type.schema) ^ (std::hash<std::string>{}(type.name) * 31);
      for (const int typmod : type.typmods) hash = hash * 31 + static_cast<size_t>(typmod);
      return hash * 2 + (type.array ? 1 : 0);
    }
  };

  std::mutex mutex_;
  std::unordered_map<SqlType, std::shared_ptr<const SqlType>, Hash> known_;
};

SharedTypes& shared_types() {
  static SharedTypes types;
  return types;
}

}  // namespace

SharedSqlType::SharedSqlType() {
  static const std::shared_ptr<const SqlType> none = shared_types().instance_of({});
  type_ = none;
}

SharedSqlType::SharedSqlType(SqlType type) : type_(shared_types().instance_of(std::move(type))) {}

bool is_builtin_type_name(std::string_view name) {
  // As sql_type() names them (canonical), so one lookup answers for each column.
  static const std::unordered_set<std::string_view> builtin{
      "bool",     "bytea",     "char",      "name",        "int2",    "int4",      "int8",        "float4",
      "float8",   "numeric",   "money",     "text",        "varchar", "bpchar",    "json",        "jsonb",
      "xml",      "uuid",      "date",      "time",        "timetz",  "timestamp", "timestamptz", "interval",
      "bit",      "varbit",    "inet",      "cidr",        "macaddr", "macaddr8",  "oid",         "regclass",
      "tsvector", "tsquery",   "point",     "line",        "lseg",    "box",       "path",        "polygon",
      "circle",   "int4range", "int8range", "numrange",    "tsrange", "tstzrange", "daterange",   "pg_lsn",
      "jsonpath", "serial",    "bigserial", "smallserial", "serial2", "serial4",   "serial8",
  };
  return builtin.contains(name);
}

bool is_serial_type(const SqlType& type) {
  return type.schema.empty() && !type.array &&
         (type.name == "serial" || type.name == "bigserial" || type.name == "smallserial" || type.name == "serial2" ||
          type.name == "serial4" || type.name == "serial8");
}

SqlType serial_storage_type(const SqlType& serial) {
  SqlType storage;
  if (serial.name == "bigserial" || serial.name == "serial8")
    storage.name = "int8";
  else if (serial.name == "smallserial" || serial.name == "serial2")
    storage.name = "int2";
  else
    storage.name = "int4";
  return storage;
}

TypeChange classify_type_change(const SqlType& from, const SqlType& to, bool has_using) {
  if (has_using) return TypeChange::Rewrite;
  if (from == to) return TypeChange::Same;
  // Arrays are converted element by element: any change rewrites.
  if (from.schema != to.schema || from.array || to.array) return TypeChange::Rewrite;
  // varchar(n) → varchar(m ≥ n) or unbounded varchar/text; text → unbounded varchar.
  if (is_text_like(from.name) && is_text_like(to.name)) {
    if (to.typmods.empty()) return TypeChange::BinaryCoercible;
    if (from.name == "varchar" && !from.typmods.empty() && to.name == "varchar" && to.typmods[0] >= from.typmods[0])
      return TypeChange::BinaryCoercible;
    return TypeChange::Rewrite;
  }
  if (from.name == "varbit" && to.name == "varbit") {
    if (to.typmods.empty() || (!from.typmods.empty() && to.typmods[0] >= from.typmods[0]))
      return TypeChange::BinaryCoercible;
    return TypeChange::Rewrite;
  }
  // numeric(p,s) → numeric(p2 ≥ p, s), or unconstrained numeric.
  if (from.name == "numeric" && to.name == "numeric") {
    if (to.typmods.empty()) return TypeChange::BinaryCoercible;
    if (from.typmods.empty()) return TypeChange::Rewrite;
    const int from_scale = from.typmods.size() > 1 ? from.typmods[1] : 0;
    const int to_scale = to.typmods.size() > 1 ? to.typmods[1] : 0;
    if (to_scale == from_scale && to.typmods[0] >= from.typmods[0]) return TypeChange::BinaryCoercible;
    return TypeChange::Rewrite;
  }
  // Time types: raising (or removing) the fractional-second precision keeps every value.
  if (from.name == to.name && is_time_type(from.name)) {
    if (to.typmods.empty() || (!from.typmods.empty() && to.typmods[0] >= from.typmods[0]))
      return TypeChange::BinaryCoercible;
    return TypeChange::Rewrite;
  }
  // timestamp ↔ timestamptz: the same bits when the session TimeZone is UTC (PostgreSQL 12+).
  if (((from.name == "timestamp" && to.name == "timestamptz") || (from.name == "timestamptz" && to.name == "timestamp")) &&
      from.typmods == to.typmods)
    return TypeChange::CoercibleIfUtc;
  if (from.name == "cidr" && to.name == "inet") return TypeChange::BinaryCoercible;
  return TypeChange::Rewrite;
}

}  // namespace zdlint
