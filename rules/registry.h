#pragma once
// The one table of every rule zdlint knows.
#include <span>
#include <string_view>

#include "rules/rule.h"

namespace zdlint {

std::span<const Rule* const> all_rules();
const Rule* find_rule(std::string_view id);

// Each rule lives in its own file and is listed once in registry.cpp.
const Rule& syntax_error_rule();
const Rule& create_index_non_concurrent_rule();
const Rule& add_column_volatile_default_rule();
const Rule& rename_column_rule();
const Rule& drop_column_without_expand_rule();

}  // namespace zdlint
