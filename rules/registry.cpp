#include "rules/registry.h"

#include <algorithm>
#include <array>

namespace zdlint {

std::span<const Rule* const> all_rules() {
  static const std::array<const Rule*, 53> rules = {
      &syntax_error_rule(),
      &create_index_non_concurrent_rule(),
      &add_column_volatile_default_rule(),
      &rename_column_rule(),
      &drop_column_without_expand_rule(),
      &add_column_domain_with_check_rule(),
      &add_column_inline_constraint_rule(),
      &alter_column_type_rule(),
      &set_not_null_rule(),
      &add_foreign_key_without_not_valid_rule(),
      &add_check_without_not_valid_rule(),
      &validate_in_same_transaction_rule(),
      &add_unique_constraint_rule(),
      &add_primary_key_rule(),
      &add_exclusion_constraint_rule(),
      &drop_index_non_concurrent_rule(),
      &concurrently_in_transaction_rule(),
      &concurrently_on_partitioned_table_rule(),
      &concurrently_if_not_exists_rule(),
      &concurrently_mixed_with_other_statements_rule(),
      &missing_lock_timeout_rule(),
      &lock_timeout_too_long_rule(),
      &missing_statement_timeout_rule(),
      &long_lock_window_rule(),
      &lock_ordering_risk_rule(),
      &transaction_nesting_rule(),
      &uncommitted_transaction_rule(),
      &vacuum_full_rule(),
      &cluster_rule(),
      &reindex_non_concurrent_rule(),
      &refresh_matview_non_concurrent_rule(),
      &rewrite_table_storage_rule(),
      &lock_table_rule(),
      &attach_partition_without_check_rule(),
      &detach_partition_non_concurrent_rule(),
      &create_partition_locks_parent_rule(),
      &alter_sequence_blocks_inserts_rule(),
      &trigger_change_rule(),
      &drop_table_without_expand_rule(),
      &rename_table_rule(),
      &truncate_rule(),
      &add_column_not_null_without_default_rule(),
      &drop_cascade_rule(),
      &requires_newer_engine_rule(),
      &expand_contract_same_migration_rule(),
      &unbatched_backfill_rule(),
      &backfill_in_ddl_transaction_rule(),
      &extension_update_with_schema_change_rule(),
      &bundled_engine_upgrade_rule(),
      &missing_down_migration_rule(),
      &down_does_not_revert_up_rule(),
      &unused_ignore_rule(),
      &invalid_ignore_rule(),
  };
  return rules;
}

const Rule* find_rule(std::string_view id) {
  const auto rules = all_rules();
  const auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule* r) { return r->meta.id == id; });
  return it == rules.end() ? nullptr : *it;
}

bool rule_reports(const Rule& rule) {
  return rule.check || rule.check_file || rule.check_infrastructure || rule.check_down ||
         &rule == &syntax_error_rule() || &rule == &unused_ignore_rule() || &rule == &invalid_ignore_rule();
}

}  // namespace zdlint
