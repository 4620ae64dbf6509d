// bundled-engine-upgrade: the change set changes the PostgreSQL engine version in infrastructure
// code (Terraform, CloudFormation, CDK, Pulumi, container images, Kubernetes operators) and also
// contains schema migrations. Reported on the version in the infrastructure file; a major change
// is an error, a minor one (or a version zdlint could not compare, without --changed-since) a
// warning.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/registry.h"

namespace zdlint {
namespace {

std::string list_migrations(std::span<const std::string> migrations) {
  constexpr size_t kNamed = 3;
  std::vector<std::string_view> named(migrations.begin(), migrations.begin() + std::min(kNamed, migrations.size()));
  std::string list = fmt::format("{}", fmt::join(named, ", "));
  if (migrations.size() > kNamed) list += fmt::format(" and {} more", migrations.size() - kNamed);
  return fmt::format("{} {}", migrations.size() == 1 ? "migration" : "migrations", list);
}

// "16" and "16.4" differ, but neither is newer.
std::string_view direction(const EngineVersion& before, const EngineVersion& after) {
  const auto key = [](const EngineVersion& v) { return std::pair(v.major, v.minor.value_or(-1)); };
  if (!before.minor || !after.minor || before.major != after.major)
    return before.major < after.major ? "upgrades" : before.major > after.major ? "downgrades" : "changes";
  return key(before) < key(after) ? "upgrades" : "downgrades";
}

void check(const InfrastructureContext& ctx, Emitter& out) {
  if (ctx.migrations.empty()) return;  // an engine upgrade on its own is the safe way
  const std::string migrations = list_migrations(ctx.migrations);
  for (const auto& change : ctx.changes) {
    const EngineDeclaration& now = change.after;
    std::string message;
    if (change.before)
      message = fmt::format("this change set {} the {} version of PostgreSQL from {} to {} ({}) and also contains "
                            "the {}",
                            direction(*change.before, now.version), change.major() ? "major" : "minor",
                            change.before->str(), now.version.str(), now.what, migrations);
    else
      message = fmt::format("this change set includes PostgreSQL {} ({}) and also the {}; if it changes the engine "
                            "version, the upgrade and the schema change ship together",
                            now.version.str(), now.what, migrations);
    Diagnostic& d = out.emit(
        now.range, std::move(message),
        "ship the engine upgrade alone and the migrations in a separate change set: either the schema change "
        "first, using only what the old version supports, or the upgrade first and then migrations that need the "
        "new version. A major upgrade is an outage or a blue/green deployment, whose logical replication breaks "
        "on DDL run on the blue database (Replication degraded); when both ship together a failure cannot be "
        "attributed to either, and neither can be rolled back alone. Run ANALYZE after a major upgrade");
    if (!change.major()) d.severity = Severity::Warning;
    if (!ctx.compared_with_ref)
      d.notes.push_back({"the file was named on the command line, so its earlier version is unknown; "
                         "--changed-since REF reports only a version that really changed",
                         std::nullopt});
  }
}

}  // namespace

const Rule& bundled_engine_upgrade_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "bundled-engine-upgrade",
              .category = "compatibility",
              .severity = Severity::Error,
              .summary = "The change set upgrades the PostgreSQL engine and also contains schema migrations",
              .rationale = "A major engine upgrade is an outage or a blue/green deployment whose logical replication "
                           "is broken by DDL on the blue database; shipped with migrations, a failure cannot be "
                           "traced to either, and neither can be rolled back without the other.",
              .alternative = "Separate change sets and deploys: the migrations first on the old engine (using only "
                             "what it supports), or the upgrade first; freeze migrations during a blue/green window.",
          },
      .check_infrastructure = check,
  };
  return rule;
}

}  // namespace zdlint
