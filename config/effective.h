#pragma once
// The settings that apply to one file, and where each came from. Layers, lowest first: zdlint's
// defaults; the runner's transaction behaviour; the config file's top level; its [[overrides]]
// whose paths match, in file order; the command line.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzer/engine.h"
#include "config/config.h"

namespace zdlint::config {

// Where a setting's value came from.
struct Origin {
  enum class Kind { Default, File, Runner, Override, CommandLine };
  Kind kind = Kind::Default;
  std::string file;  // the config file (File, Runner, Override)
  uint32_t line = 0;
  size_t override_number = 0;  // 1-based (Override)
  std::string runner;          // (Runner)
  // "default", ".zdlint.toml:3", "runner \"goose\" (.zdlint.toml:2)", "override #1 (.zdlint.toml:9)",
  // "command line"
  [[nodiscard]] std::string describe() const;
};

template <class T>
struct Traced {
  T value{};
  Origin origin;
};

// The flags given on the command line; unset ones leave the file's values alone.
struct CommandLine {
  std::optional<int> pg_version;
  std::optional<bool> assume_in_transaction;
  std::optional<std::set<std::string, std::less<>>> select;  // replaces the configured selection
  std::set<std::string, std::less<>> ignore;                 // added to the configured ignores
  std::optional<std::string> fail_on;
  std::optional<std::string> runner;  // --runner
};

struct EffectiveConfig {
  std::optional<std::string> config_file;  // display path; unset: no config file, defaults
  Traced<int> pg_version{15, {}};
  Traced<std::optional<std::string>> runner;
  Traced<bool> assume_in_transaction;
  Traced<int64_t> max_lock_timeout_ms{10'000, {}};
  Traced<std::string> fail_on{"warning", {}};
  Traced<std::set<std::string, std::less<>>> select;  // empty: every rule
  std::map<std::string, Origin, std::less<>> ignore;  // each ignored rule, and where
  std::map<std::string, Traced<RuleLevel>, std::less<>> severity;
  Traced<bool> excluded;
  std::optional<std::string> excluded_by;  // the exclude pattern that matched

  [[nodiscard]] FileSettings file_settings() const;
};

// The effective configuration for `target` (an absolute, normalized path of a file or directory)
// under `config` (null: none was found). Exclude and override patterns are matched against
// `target` relative to the config file's directory.
EffectiveConfig resolve(const ConfigFile* config, const std::filesystem::path& target, const CommandLine& command_line);

}  // namespace zdlint::config
