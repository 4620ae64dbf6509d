// attach-partition-without-check: ALTER TABLE parent ATTACH PARTITION child locks the child
// AccessExclusive and reads every row of it to prove the rows fit the bound, unless a validated
// CHECK constraint already proves it. With a DEFAULT partition, the default is locked
// AccessExclusive and scanned for rows of the new range too, and while it is locked, queries on the
// parent that cannot prune it wait as well (measured on PostgreSQL 15).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// The source text inside each top-level parenthesised group of a FOR VALUES clause, split at its
// top-level commas: FROM (a) TO (b) gives {{a}, {b}}; IN (x, y) gives {{x, y}}.
std::vector<std::vector<std::string>> bound_groups(const Statement& stmt, std::string_view text, uint32_t from) {
  std::vector<std::vector<std::string>> groups;
  int depth = 0;
  uint32_t item_begin = 0, item_end = 0;
  for (const auto& token : stmt.tokens) {
    if (token.is_comment() || token.begin < from) continue;
    if (token.begin >= stmt.range.end) break;
    if (token.is('(')) {
      if (depth++ == 0) {
        groups.emplace_back();
        item_begin = item_end = 0;
        continue;
      }
    } else if (token.is(')')) {
      if (--depth == 0) {
        if (item_end > item_begin) groups.back().emplace_back(text.substr(item_begin, item_end - item_begin));
        continue;
      }
      if (depth < 0) break;
    } else if (token.is(',') && depth == 1) {
      if (item_end > item_begin) groups.back().emplace_back(text.substr(item_begin, item_end - item_begin));
      item_begin = item_end = 0;
      continue;
    } else if (depth == 0 && !groups.empty() && token.kind != PG_QUERY__TOKEN__TO) {
      break;  // past the bound
    }
    if (depth >= 1) {
      if (item_end == 0) item_begin = token.begin;
      item_end = token.end;
    }
  }
  return groups;
}

bool is_keyword(const std::string& value, std::string_view keyword) {
  if (value.size() != keyword.size()) return false;
  for (size_t i = 0; i < value.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(value[i])) != keyword[i]) return false;
  return true;
}

// A CHECK expression that proves the partition bound, when the key is one column and the bound
// is a plain range or list. PostgreSQL proves "key IS NOT NULL" only from an explicit clause or a
// NOT NULL column, so it is spelled out.
std::optional<std::string> bound_check(const StatementContext& ctx, const PgQuery__PartitionBoundSpec& bound,
                                       const Table* parent) {
  if (!parent || parent->partition_key.size() != 1 || bound.is_default || bound.location < 0) return std::nullopt;
  const std::string key = quote_identifier(parent->partition_key[0]);
  const auto groups = bound_groups(ctx.stmt, ctx.migration.source->text(), ctx.stmt.file_offset(bound.location));
  const std::string_view strategy = bound.strategy ? bound.strategy : "";
  if (strategy == "r" && groups.size() == 2 && groups[0].size() == 1 && groups[1].size() == 1) {
    std::string check = key + " IS NOT NULL";
    if (!is_keyword(groups[0][0], "minvalue")) check += fmt::format(" AND {} >= {}", key, groups[0][0]);
    if (!is_keyword(groups[1][0], "maxvalue")) check += fmt::format(" AND {} < {}", key, groups[1][0]);
    return check;
  }
  if (strategy == "l" && groups.size() == 1 && !groups[0].empty()) {
    std::string values;
    for (const auto& value : groups[0]) {
      if (is_keyword(value, "null")) return std::nullopt;  // a list with NULL needs a different check
      values += (values.empty() ? "" : ", ") + value;
    }
    return fmt::format("{} IS NOT NULL AND {} IN ({})", key, key, values);
  }
  return std::nullopt;
}

// The rule trusts the lock model for the attached table. For the DEFAULT partition PostgreSQL also
// skips the scan when its constraints prove it holds no row of the new range; the lock model does
// not (yet) look, so the same heuristic it uses for the attached table is applied here: a validated
// CHECK on a partition-key column.
bool default_has_key_check(const Table* parent, const Table* default_partition) {
  if (!parent || !default_partition) return false;
  return std::any_of(default_partition->constraints.begin(), default_partition->constraints.end(),
                     [&](const Constraint& c) {
                       return c.kind == ConstraintKind::Check && c.validated &&
                              std::any_of(c.columns.begin(), c.columns.end(), [&](const std::string& column) {
                                return std::find(parent->partition_key.begin(), parent->partition_key.end(), column) !=
                                       parent->partition_key.end();
                              });
                     });
}

// What the CHECK must say when zdlint cannot spell it out for the statement.
std::string placeholder_check(const PgQuery__PartitionBoundSpec* bound) {
  if (!bound) return "<a condition that implies the partition bound>";
  if (bound->is_default) return "<a condition that excludes the bound of every other partition>";
  const std::string_view strategy = bound->strategy ? bound->strategy : "";
  if (strategy == "r") return "<key> IS NOT NULL AND <key> >= <lower> AND <key> < <upper>, matching the bound";
  if (strategy == "l") return "<key> IS NOT NULL AND <key> IN (<the listed values>)";
  return "<a condition that implies the partition bound>";
}

std::string key_list(const Table* parent) {
  std::string keys;
  for (const auto& key : parent->partition_key) keys += (keys.empty() ? "" : ", ") + key;
  return keys;
}

ByteRange attach_range(const Statement& stmt) {
  const Token* attach = first_token_of_kind(stmt, PG_QUERY__TOKEN__ATTACH);
  return attach ? clause_range(stmt, attach->begin) : stmt.range;
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  const PgQuery__AlterTableStmt* alter = alter_table_of_table(ctx.stmt);
  if (!alter) return;
  for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(*alter)) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD || !cmd.def->partition_cmd->name)
      continue;
    const auto& partition_cmd = *cmd.def->partition_cmd;
    const QualifiedName parent_name = qualified_name(alter->relation);
    const QualifiedName child_name = qualified_name(partition_cmd.name);
    const Table* parent = ctx.catalog.find_table(parent_name);
    const LockEffect* child = ctx.effects.find(child_name);
    const bool child_scanned = child && child->scan && child->pre_existing();

    const LockEffect* default_effect = nullptr;
    if (const Table* existing = parent ? ctx.catalog.default_partition_of(*parent) : nullptr;
        existing && existing->name != child_name) {
      const LockEffect* effect = ctx.effects.find(existing->name);
      if (effect && effect->scan && effect->pre_existing() && !default_has_key_check(parent, existing))
        default_effect = effect;
    }
    if (!child_scanned && !default_effect) continue;

    std::string message;
    std::string help;
    if (child_scanned) {
      message = fmt::format(
          "ATTACH PARTITION reads every row of {} to prove it fits the partition bound, while "
          "holding {}",
          child_name.str(), lock_phrase(*child));
      if (parent && !parent->partition_key.empty())
        message +=
            fmt::format(": no validated CHECK constraint on the partition key ({}) proves the bound", key_list(parent));
      else
        message += ": zdlint knows no validated CHECK constraint that proves the bound";
      const std::string constraint = quote_identifier(child_name.name + "_bound");
      const auto expression = partition_cmd.bound ? bound_check(ctx, *partition_cmd.bound, parent) : std::nullopt;
      help = fmt::format(
          "prove the bound before attaching: ALTER TABLE {0} ADD CONSTRAINT {1} CHECK ({2}) NOT VALID; then ALTER "
          "TABLE "
          "{0} VALIDATE CONSTRAINT {1} (ShareUpdateExclusiveLock: reads and writes continue); then ATTACH PARTITION "
          "skips the scan; then ALTER TABLE {0} DROP CONSTRAINT {1}",
          child_name.str(), constraint, expression ? *expression : placeholder_check(partition_cmd.bound));
    }
    if (default_effect) {
      const std::string consequence = fmt::format(
          "while it is locked, reads and writes through {} that cannot prune it wait as well", parent_name.str());
      if (message.empty())
        message = fmt::format(
            "ATTACH PARTITION takes {} on the DEFAULT partition {} and reads every row of it to "
            "prove none belongs to the new range; {}",
            lock_name(default_effect->lock), relation_label(*default_effect), consequence);
      else
        message +=
            fmt::format("; and the DEFAULT partition {} is locked ({}) and scanned for rows of the new range; {}",
                        relation_label(*default_effect), lock_name(default_effect->lock), consequence);
      help += fmt::format(
          "{}add a validated CHECK constraint to {} that excludes the new range (NOT VALID, then "
          "VALIDATE CONSTRAINT), so PostgreSQL can skip scanning it too",
          help.empty() ? "" : "; ", default_effect->relation.str());
    }
    if (const LockEffect* parent_effect = ctx.effects.find(parent_name);
        parent_effect && parent_effect->pre_existing() && parent_effect->blocks().reads)
      message += fmt::format("; before PostgreSQL 12 it also takes {}", lock_phrase(*parent_effect));
    Diagnostic& d = out.emit(attach_range(ctx.stmt), std::move(message), std::move(help));
    if (child_scanned && child->assumed) d.notes.push_back({child->note, std::nullopt});
  }
}

}  // namespace

const Rule& attach_partition_without_check_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "attach-partition-without-check",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "ATTACH PARTITION scans the attached table under AccessExclusiveLock unless a validated "
                         "CHECK proves the bound",
              .rationale = "Attaching a partition locks the attached table AccessExclusive and reads every row to "
                           "prove it fits the bound, unless a validated CHECK constraint already proves it. A DEFAULT "
                           "partition is locked and scanned as well, which also stalls queries on the parent.",
              .alternative = "Add a CHECK matching the bound NOT VALID, VALIDATE it, ATTACH PARTITION, then drop the "
                             "CHECK.",
              .equivalents = {.pgfence = "attach-partition"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
