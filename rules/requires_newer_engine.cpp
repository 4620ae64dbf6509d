// requires-newer-engine: syntax or a built-in function that the configured production server
// (--pg-version) does not have yet. The statement fails there with a syntax error or "function
// does not exist", although it passed on the newer server used in development.
#include <fmt/format.h>

#include "analyzer/engine_features.h"
#include "parser/sql_text.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  const int target = ctx.settings.pg_version;
  for (const VersionedFeature& feature : versioned_features(ctx.stmt, ctx.catalog)) {
    if (feature.since <= target) continue;
    const ByteRange range = feature.offset ? clause_range(ctx.stmt, *feature.offset) : ctx.stmt.range;
    std::string help =
        fmt::format("upgrade the server to PostgreSQL {} first, in a separate change, then raise --pg-version", feature.since);
    if (!feature.alternative.empty()) help = fmt::format("on PostgreSQL {} use {}; or {}", target, feature.alternative, help);
    const std::string_view reason = feature.kind == FeatureKind::Function ? "function ... does not exist"
                                    : feature.kind == FeatureKind::Type   ? "type ... does not exist"
                                                                          : "it does not accept the syntax or option";
    out.emit(range,
             fmt::format("PostgreSQL {} or later is needed for {}, but the production server runs PostgreSQL {} "
                         "(--pg-version): {} fails there ({}){}",
                         feature.since, feature.what, target,
                         ctx.stmt.origin == StatementOrigin::FunctionBody ? "the function body" : "the statement", reason,
                         ctx.stmt.origin == StatementOrigin::FunctionBody ? " when the function runs"
                                                                          : " and the migration stops"),
             std::move(help));
  }
}

}  // namespace

const Rule& requires_newer_engine_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "requires-newer-engine",
              .category = "compatibility",
              .severity = Severity::Error,
              .summary = "Syntax or a built-in function newer than the production PostgreSQL version (--pg-version)",
              .rationale = "A migration written and tested against a newer PostgreSQL than production uses syntax "
                           "or functions the production server rejects; the migration fails at deploy time.",
              .alternative = "Use what the production version supports, or upgrade the server first in a separate "
                             "change and then raise --pg-version.",
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
