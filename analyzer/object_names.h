#pragma once
// The names PostgreSQL gives what a statement creates without naming it: indexes, constraints and
// the indexes of constraints. A later statement names them as PostgreSQL did ("DROP INDEX
// accounts_lower_idx"), so the catalog must too.
#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zdlint {

// The longest name PostgreSQL keeps (NAMEDATALEN - 1 bytes); longer identifiers are cut.
inline constexpr size_t kMaxIdentifierBytes = 63;

// "name1_name2_label" (name2 optional), the longer of name1 and name2 cut first, on a UTF-8
// character's boundary, until it fits in 63 bytes (PostgreSQL's makeObjectName).
std::string make_object_name(std::string_view name1, std::optional<std::string_view> name2, std::string_view label);

// The part of an index or foreign key name made of its columns: "a_b", "expr" for an empty one (an
// expression's) (ChooseIndexNameAddition).
std::string columns_name_part(const std::vector<std::string>& columns);

// make_object_name with `label`, then label1, label2, … the first that `taken` says is free
// (ChooseRelationName and ChooseConstraintName). `passes_taken`: on the way in, how many of those
// names (label, label1, …) are known to be taken, so the search starts after them; on the way out,
// how many are now (the one chosen not counted). A table of 20,000 unnamed CHECKs on one column that
// keeps the count (NamedList::names_known_taken) tries one name or two for each, not 20,000.
std::string choose_name(std::string_view name1, std::optional<std::string_view> name2, std::string_view label,
                        const std::function<bool(const std::string&)>& taken, uint32_t& passes_taken);

// The names an index's columns give its name (ChooseIndexColumnNames): a column's own name, an
// expression's as PostgreSQL would title it in a SELECT ("lower" for lower(email), "expr" when it
// has none), a repeated one numbered ("a", "a1").
std::vector<std::string> index_column_names(PgQuery__Node* const* elems, size_t n_elems);

// The column an unnamed CHECK is named after: the one column its expression reads, or none when it
// reads several or none ("t_a_check", "t_check").
std::optional<std::string> check_name_column(const PgQuery__Node* expr);

}  // namespace zdlint
