#include "analyzer/volatility.h"

#include <algorithm>
#include <array>
#include <utility>

#include "analyzer/catalog.h"
#include "analyzer/names.h"
#include "parser/node_walk.h"

namespace zdlint {
namespace {

struct BuiltinFunction {
  std::string_view name;
  char volatility;
};

constexpr BuiltinFunction kBuiltins[] = {
#include "analyzer/builtin_functions.inc"
};

Volatility from_code(char code) {
  switch (code) {
    case 'i': return Volatility::Immutable;
    case 's': return Volatility::Stable;
    default: return Volatility::Volatile;
  }
}

}  // namespace

std::string_view to_string(Volatility volatility) {
  switch (volatility) {
    case Volatility::Immutable: return "IMMUTABLE";
    case Volatility::Stable: return "STABLE";
    case Volatility::Volatile: return "VOLATILE";
  }
  return "VOLATILE";
}

std::optional<Volatility> builtin_volatility(std::string_view name) {
  const auto it = std::lower_bound(std::begin(kBuiltins), std::end(kBuiltins), name,
                                   [](const BuiltinFunction& f, std::string_view n) { return f.name < n; });
  if (it == std::end(kBuiltins) || it->name != name) return std::nullopt;
  return from_code(it->volatility);
}

ExpressionVolatility expression_volatility(const PgQuery__Node* expr, const Catalog& catalog) {
  ExpressionVolatility result;
  walk_nodes(expr, [&](const PgQuery__Node& node) {
    if (node.node_case == PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION) {
      // CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER, LOCALTIME, …: all STABLE.
      if (result.volatility == Volatility::Immutable) result.volatility = Volatility::Stable;
      return;
    }
    if (node.node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return;
    const auto* call = node.func_call;
    const QualifiedName name = qualified_name(call->funcname, call->n_funcname);
    Volatility volatility = Volatility::Volatile;
    bool assumed = false;
    // pg_catalog is searched before any other schema, so an unqualified built-in name always wins.
    const bool may_be_builtin = call->n_funcname == 1 || name.schema == "pg_catalog";
    if (const auto builtin = may_be_builtin ? builtin_volatility(name.name) : std::nullopt) {
      volatility = *builtin;
    } else if (const auto user = catalog.function_volatility(name)) {
      volatility = *user;
    } else {
      assumed = true;  // CREATE FUNCTION defaults to VOLATILE, so an unknown function may well be
    }
    if (volatility > result.volatility) {
      result.volatility = volatility;
      result.function = call->n_funcname > 1 ? name.str() : name.name;
      result.assumed = assumed;
    }
  });
  return result;
}

}  // namespace zdlint
