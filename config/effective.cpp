#include "config/effective.h"

#include "config/path_match.h"
#include "analyzer/runners.h"

namespace zdlint::config {
namespace {

Origin in_file(const ConfigFile& config, uint32_t line) {
  return {.kind = Origin::Kind::File, .file = config.display_path, .line = line};
}

Origin in_override(const ConfigFile& config, uint32_t line, size_t number) {
  return {.kind = Origin::Kind::Override, .file = config.display_path, .line = line, .override_number = number};
}

// One layer of the file (its top level, or an override) over what is there so far. `where` makes
// the origin of a value set on `line`.
template <class Where>
void apply(const Layer& layer, EffectiveConfig& out, Where where) {
  if (layer.pg_version) out.pg_version = {layer.pg_version->value, where(layer.pg_version->line)};
  if (layer.assume_in_transaction)
    out.assume_in_transaction = {layer.assume_in_transaction->value, where(layer.assume_in_transaction->line)};
  if (layer.max_lock_timeout_ms)
    out.max_lock_timeout_ms = {layer.max_lock_timeout_ms->value, where(layer.max_lock_timeout_ms->line)};
  if (layer.select) {
    out.select.value.clear();
    for (const auto& id : layer.select->value) out.select.value.insert(id.value);
    out.select.origin = where(layer.select->line);
  }
  for (const auto& id : layer.ignore) out.ignore.insert_or_assign(id.value, where(id.line));
  for (const auto& [id, level] : layer.severity)
    out.severity.insert_or_assign(id, Traced<RuleLevel>{level.value, where(level.line)});
}

bool matches_any(const std::vector<Located<std::string>>& patterns, const std::optional<std::string>& relative,
                 const Located<std::string>** which = nullptr) {
  if (!relative) return false;
  for (const auto& pattern : patterns)
    if (path_matches(pattern.value, *relative)) {
      if (which) *which = &pattern;
      return true;
    }
  return false;
}

}  // namespace

std::string Origin::describe() const {
  const std::string at = file + ":" + std::to_string(line);
  switch (kind) {
    case Kind::Default:
      return "default";
    case Kind::File:
      return at;
    case Kind::Runner:
      return "runner \"" + runner + "\" (" + at + ")";
    case Kind::Override:
      return "override #" + std::to_string(override_number) + " (" + at + ")";
    case Kind::CommandLine:
      return "command line";
  }
  return "default";
}

EffectiveConfig resolve(const ConfigFile* config, const std::filesystem::path& target,
                        const CommandLine& command_line) {
  EffectiveConfig out;
  const LintSettings defaults;
  out.pg_version.value = defaults.pg_version;
  out.assume_in_transaction.value = defaults.assume_in_transaction;
  out.max_lock_timeout_ms.value = defaults.max_lock_timeout_ms;

  if (config) {
    out.config_file = config->display_path;
    const auto relative = relative_path(config->directory, target);
    if (config->runner) {
      out.runner = {config->runner->value, in_file(*config, config->runner->line)};
      // The runner only supplies a default: an explicit assume_in_transaction (below) wins.
      const RunnerProfile* profile = find_runner(config->runner->value);
      if (profile)
        out.assume_in_transaction = {profile->wraps_in_transaction,
                                     {.kind = Origin::Kind::Runner,
                                      .file = config->display_path,
                                      .line = config->runner->line,
                                      .runner = config->runner->value}};
    }
    if (config->fail_on) out.fail_on = {config->fail_on->value, in_file(*config, config->fail_on->line)};
    apply(config->base, out, [&](uint32_t line) { return in_file(*config, line); });
    size_t number = 0;
    for (const auto& entry : config->overrides) {
      ++number;
      if (!matches_any(entry.paths, relative)) continue;
      apply(entry.settings, out, [&](uint32_t line) { return in_override(*config, line, number); });
    }
    const Located<std::string>* pattern = nullptr;
    if (matches_any(config->exclude, relative, &pattern)) {
      out.excluded = {true, in_file(*config, pattern->line)};
      out.excluded_by = pattern->value;
    }
  }

  const Origin command{.kind = Origin::Kind::CommandLine};
  if (command_line.runner) {
    out.runner = {*command_line.runner, command};
    if (out.assume_in_transaction.origin.kind == Origin::Kind::Default ||
        out.assume_in_transaction.origin.kind == Origin::Kind::Runner)
      if (const RunnerProfile* profile = find_runner(*command_line.runner))
        out.assume_in_transaction = {profile->wraps_in_transaction,
                                     {.kind = Origin::Kind::Runner, .runner = *command_line.runner}};
  }
  if (command_line.pg_version) out.pg_version = {*command_line.pg_version, command};
  if (command_line.assume_in_transaction) out.assume_in_transaction = {*command_line.assume_in_transaction, command};
  if (command_line.select) out.select = {*command_line.select, command};
  for (const auto& id : command_line.ignore) out.ignore.insert_or_assign(id, command);
  if (command_line.fail_on) out.fail_on = {*command_line.fail_on, command};
  return out;
}

FileSettings EffectiveConfig::file_settings() const {
  FileSettings settings;
  settings.lint.pg_version = pg_version.value;
  settings.lint.assume_in_transaction = assume_in_transaction.value;
  settings.lint.assume_in_transaction_explicit = assume_in_transaction.origin.kind != Origin::Kind::Default &&
                                                 assume_in_transaction.origin.kind != Origin::Kind::Runner;
  if (runner.value) settings.lint.runner = *runner.value;
  settings.lint.max_lock_timeout_ms = max_lock_timeout_ms.value;
  settings.rules.select = select.value;
  for (const auto& [id, origin] : ignore) settings.rules.ignore.insert(id);
  for (const auto& [id, level] : severity) {
    if (level.value.off())
      settings.rules.ignore.insert(id);
    else
      settings.severity.emplace(id, *level.value.severity);
  }
  settings.excluded = excluded.value;
  return settings;
}

}  // namespace zdlint::config
