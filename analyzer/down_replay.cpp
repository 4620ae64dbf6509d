#include "analyzer/down_replay.h"

#include <exception>

namespace zdlint {

RevertCheck::RevertCheck(const Catalog& catalog, std::span<const Statement* const> up, const DownMigration& down)
    : down_(down) {
  for (const Statement* stmt : up) {
    add_to_scope(*stmt, scope_);
    add_dropped(*stmt, dropped_);
    add_created(*stmt, created_);
  }
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
  outcome.differences = compare_catalogs(before_, after, dropped_, created_);
  return outcome;
}

}  // namespace zdlint
