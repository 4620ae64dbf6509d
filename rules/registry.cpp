#include "rules/registry.h"

#include <algorithm>
#include <array>

namespace zdlint {

std::span<const Rule* const> all_rules() {
  static const std::array<const Rule*, 5> rules = {
      &syntax_error_rule(),
      &create_index_non_concurrent_rule(),
      &add_column_volatile_default_rule(),
      &rename_column_rule(),
      &drop_column_without_expand_rule(),
  };
  return rules;
}

const Rule* find_rule(std::string_view id) {
  const auto rules = all_rules();
  const auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule* r) { return r->meta.id == id; });
  return it == rules.end() ? nullptr : *it;
}

}  // namespace zdlint
