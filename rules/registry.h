#pragma once
// The one table of every rule zdlint knows.
#include <span>
#include <string_view>

#include "rules/rule.h"

namespace zdlint {

std::span<const Rule* const> all_rules();
const Rule* find_rule(std::string_view id);
// Whether a lint run can report the rule: it has a check, or another layer reports it (syntax-error:
// the parser; unused-ignore and invalid-ignore: the engine's suppression pass).
bool rule_reports(const Rule& rule);

// Each rule lives in its own file and is listed once in registry.cpp.
const Rule& syntax_error_rule();
const Rule& create_index_non_concurrent_rule();
const Rule& add_column_volatile_default_rule();
const Rule& rename_column_rule();
const Rule& drop_column_without_expand_rule();
const Rule& add_column_domain_with_check_rule();
const Rule& add_column_inline_constraint_rule();
const Rule& alter_column_type_rule();
const Rule& set_not_null_rule();
const Rule& add_foreign_key_without_not_valid_rule();
const Rule& add_check_without_not_valid_rule();
const Rule& validate_in_same_transaction_rule();
const Rule& add_unique_constraint_rule();
const Rule& add_primary_key_rule();
const Rule& add_exclusion_constraint_rule();
const Rule& drop_index_non_concurrent_rule();
const Rule& concurrently_in_transaction_rule();
const Rule& concurrently_on_partitioned_table_rule();
const Rule& concurrently_if_not_exists_rule();
const Rule& concurrently_mixed_with_other_statements_rule();
const Rule& missing_lock_timeout_rule();
const Rule& lock_timeout_too_long_rule();
const Rule& missing_statement_timeout_rule();
const Rule& long_lock_window_rule();
const Rule& lock_ordering_risk_rule();
const Rule& transaction_nesting_rule();
const Rule& uncommitted_transaction_rule();
const Rule& vacuum_full_rule();
const Rule& cluster_rule();
const Rule& reindex_non_concurrent_rule();
const Rule& refresh_matview_non_concurrent_rule();
const Rule& rewrite_table_storage_rule();
const Rule& lock_table_rule();
const Rule& attach_partition_without_check_rule();
const Rule& detach_partition_non_concurrent_rule();
const Rule& create_partition_locks_parent_rule();
const Rule& alter_sequence_blocks_inserts_rule();
const Rule& trigger_change_rule();
const Rule& drop_table_without_expand_rule();
const Rule& rename_table_rule();
const Rule& truncate_rule();
const Rule& add_column_not_null_without_default_rule();
const Rule& drop_cascade_rule();
const Rule& requires_newer_engine_rule();
const Rule& expand_contract_same_migration_rule();
const Rule& unbatched_backfill_rule();
const Rule& backfill_in_ddl_transaction_rule();
const Rule& extension_update_with_schema_change_rule();
const Rule& bundled_engine_upgrade_rule();
const Rule& missing_down_migration_rule();
const Rule& down_does_not_revert_up_rule();
const Rule& unused_ignore_rule();
const Rule& invalid_ignore_rule();

}  // namespace zdlint
