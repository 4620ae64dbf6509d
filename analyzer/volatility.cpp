#include "analyzer/volatility.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "analyzer/catalog.h"
#include "analyzer/names.h"
#include "parser/node_walk.h"
#include "parser/packed_strings.h"

namespace zdlint {
namespace {

struct BuiltinFunction {
  std::string_view name;
  char volatility;
};

// The table as generated, read only while compiling: kept as it is, its 2,646 string_views would
// be 2,646 pointers that a position-independent binary relocates at every start, dirtying 16 pages
// before main() (parser/packed_strings.h).
consteval auto builtin_list() {
  return std::to_array<BuiltinFunction>({
#include "analyzer/builtin_functions.inc"
  });
}

static_assert(std::ranges::is_sorted(builtin_list(), {}, &BuiltinFunction::name),
              "builtin_functions.inc must be sorted by name: it is binary-searched");

constexpr size_t kBuiltinCount = builtin_list().size();

// The same table without a pointer: the names packed, and each one's code.
constexpr auto kBuiltinNames = pack_strings([] {
  std::array<std::string_view, kBuiltinCount> names;
  std::ranges::transform(builtin_list(), names.begin(), &BuiltinFunction::name);
  return names;
});
constexpr auto kBuiltinVolatility = [] {
  std::array<char, kBuiltinCount> codes{};
  std::ranges::transform(builtin_list(), codes.begin(), &BuiltinFunction::volatility);
  return codes;
}();

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
  size_t low = 0;  // the first name not below `name` is in [low, high]
  size_t high = kBuiltinCount;
  while (low < high) {
    const size_t middle = low + (high - low) / 2;
    if (kBuiltinNames[middle] < name) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low == kBuiltinCount || kBuiltinNames[low] != name) return std::nullopt;
  return from_code(kBuiltinVolatility[low]);
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
