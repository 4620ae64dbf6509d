#include "analyzer/down_replay.h"

#include <algorithm>
#include <exception>

namespace zdlint {

RevertCheck::RevertCheck(const Catalog& catalog, std::span<const Statement* const> up, const DownMigration& down)
    : down_(down) {
  std::vector<NamedObject> dropped_so_far;  // IF EXISTS included, and the old names of renames
  for (const Statement* stmt : up) {
    add_to_scope(*stmt, scope_);
    add_dropped(*stmt, dropped_);
    // CREATE without IF NOT EXISTS shows the object was absent, unless the up dropped it first.
    std::vector<NamedObject> created;
    add_created(*stmt, created);
    for (auto& object : created) {
      const bool recreated = std::any_of(dropped_so_far.begin(), dropped_so_far.end(), [&](const NamedObject& d) {
        return d.kind == object.kind && d.name == object.name;
      });
      if (!recreated) created_.push_back(std::move(object));
    }
    add_dropped(*stmt, dropped_so_far, true);
    add_renamed_away(*stmt, dropped_so_far);
    add_renamed(*stmt, made_);
  }
  made_.insert(made_.end(), created_.begin(), created_.end());
  for (const Statement* stmt : down.statements) add_to_scope(*stmt, scope_);
  before_ = catalog.subset(scope_);
  before_.forget(created_);
}

RevertOutcome RevertCheck::finish(const Catalog& catalog) const {
  RevertOutcome outcome;
  outcome.file = down_.file;
  outcome.source = down_.source;
  outcome.anchor = down_.start;
  for (const Statement* stmt : down_.statements)
    if (stmt->origin == StatementOrigin::TopLevel) {
      outcome.anchor = stmt->range;
      break;
    }
  outcome.empty = down_.statements.empty() && down_.syntax_errors.empty();
  if (!down_.syntax_errors.empty()) {
    // Nothing after a rejected statement would run: comparing would only add noise.
    outcome.unparsable = *down_.syntax_errors.front();
    return outcome;
  }
  Catalog after = catalog.subset(scope_);
  for (const Statement* stmt : down_.statements) {
    try {
      after.apply(*stmt, Origin{kDownReplayFile, 0, stmt->range});
    } catch (const std::exception& error) {  // a tree the replay does not expect: say so, do not crash
      outcome.failure = std::pair{stmt->range, std::string(error.what())};
      return outcome;
    }
  }
  outcome.differences = compare_catalogs(before_, after, dropped_, made_);
  return outcome;
}

}  // namespace zdlint
