#include "analyzer/change_set.h"

#include <memory>

#include "analyzer/engine_upgrade.h"
#include "analyzer/fingerprint.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// The migrations the change set adds or modifies: the files reported, not replayed as history.
std::vector<std::string> change_set_migrations(const LintResult& result) {
  std::vector<std::string> migrations;
  for (const auto& file : result.files)
    if (!file.history && !file.infrastructure && !file.empty) migrations.push_back(file.path);
  return migrations;
}

std::vector<EngineVersionChange> changes_in(const InfrastructureFile& file, std::string_view text) {
  const auto now = scan_engine_versions(file.path, text);
  if (!file.from_git) {
    std::vector<EngineVersionChange> declared;
    for (const auto& d : now) declared.push_back({d, std::nullopt});
    return declared;
  }
  if (!file.text_at_ref) return {};  // new since the ref: a database added, not upgraded
  return engine_version_changes(scan_engine_versions(file.path, *file.text_at_ref), now);
}

}  // namespace

void check_change_set(const LintRequest& request, const std::vector<InfrastructureFile>& files, LintResult& result) {
  const std::vector<std::string> migrations = change_set_migrations(result);
  const FileSettings defaults{request.settings, request.rules, {}, false};
  TextPool texts;
  for (const auto& file : files) {
    const FileSettings settings = request.settings_for ? request.settings_for(file.display_path) : defaults;
    if (settings.excluded) continue;
    std::vector<const Rule*> rules;
    for (const Rule* rule : all_rules())
      if (rule->check_infrastructure && request.run_rules && settings.rules.enabled(rule->meta.id)) rules.push_back(rule);
    if (rules.empty()) continue;
    auto text = read_source(file.path, file.display_path);
    if (auto* problem = std::get_if<InputProblem>(&text)) {
      if (!file.from_git) result.problems.push_back(std::move(*problem));
      continue;
    }
    auto source = std::make_shared<const SourceFile>(file.display_path, std::move(std::get<std::string>(text)));
    const auto changes = changes_in(file, source->text());
    if (changes.empty()) continue;
    const auto id = static_cast<FileId>(result.files.size());
    const InfrastructureContext ctx{*source, changes, file.from_git, migrations};
    std::vector<Diagnostic> found;
    for (const Rule* rule : rules) {
      Emitter emitter(rule->meta, id, found, texts);
      rule->check_infrastructure(ctx, emitter);
    }
    if (found.empty()) continue;
    std::vector<Diagnostic*> findings;
    for (auto& d : found) {
      if (const auto it = settings.severity.find(d.rule.str()); it != settings.severity.end()) d.severity = it->second;
      findings.push_back(&d);
    }
    // No statements: each finding is fingerprinted by its own text, the declaration's version.
    assign_fingerprints(source->text(), {}, findings);
    FileReport report{file.display_path, std::move(source), 0, false, false, ""};
    report.infrastructure = true;
    result.files.push_back(std::move(report));
    std::move(found.begin(), found.end(), std::back_inserter(result.diagnostics));
  }
}

}  // namespace zdlint
