#include "rules/registry.h"

#include <algorithm>
#include <array>

#include "parser/sql_text.h"

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

ByteRange StatementContext::range_of(int32_t location) const {
  return token_range_at(stmt.tokens, stmt.file_offset(location), stmt.range);
}

Diagnostic& Emitter::emit(ByteRange range, std::string message, std::string help) {
  Diagnostic& d = out_.emplace_back();
  d.rule = RuleId(meta_.id);
  d.severity = meta_.severity;
  d.file = file_;
  d.range = range;
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

}  // namespace zdlint
