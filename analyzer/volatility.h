#pragma once
// Function volatility: what PostgreSQL's provolatile says about a function, for built-ins from a
// table generated from pg_proc and for user functions from the catalog.
#include <pg_query/pg_query.pb-c.h>

#include <optional>
#include <string>
#include <string_view>

namespace zdlint {

class Catalog;

enum class Volatility { Immutable, Stable, Volatile };

std::string_view to_string(Volatility volatility);

// The most volatile overload of a pg_catalog function, or nullopt when no built-in has that name.
std::optional<Volatility> builtin_volatility(std::string_view name);

struct ExpressionVolatility {
  Volatility volatility = Volatility::Immutable;
  // The call that makes the expression volatile, when there is one.
  std::string function;
  bool assumed = false;  // the function is unknown, so PostgreSQL's default (VOLATILE) was assumed
};

// The volatility of an expression: the most volatile function it calls. CURRENT_TIMESTAMP and its
// kin are STABLE; constants and casts of constants are IMMUTABLE.
ExpressionVolatility expression_volatility(const PgQuery__Node* expr, const Catalog& catalog);

}  // namespace zdlint
