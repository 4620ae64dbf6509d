#pragma once
// A `.zdlint.toml` as read from disk: every key it sets, with the line it was set on, so that
// `zdlint config` can say where each effective value came from. Validation happens while loading
// (config_loader.cpp): a ConfigFile only exists for a file without errors.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diagnostic.h"

namespace zdlint::config {

inline constexpr std::string_view kConfigFileName = ".zdlint.toml";

// A value and the 1-based line of the key (or array element) that set it.
template <class T>
struct Located {
  T value;
  uint32_t line = 0;
};

// A rule's level in `[severity]`: one of the severities, or off (the rule is ignored).
struct RuleLevel {
  std::optional<Severity> severity;  // nullopt: "off"
  [[nodiscard]] bool off() const { return !severity; }
};
std::string_view to_string(RuleLevel level);

// The keys that both the top level and an `[[overrides]]` entry may set.
struct Layer {
  std::optional<Located<int>> pg_version;
  std::optional<Located<bool>> assume_in_transaction;
  std::optional<Located<int64_t>> max_lock_timeout_ms;
  std::optional<Located<std::vector<Located<std::string>>>> select;  // replaces the selection
  std::vector<Located<std::string>> ignore;                          // adds to the ignored rules
  std::map<std::string, Located<RuleLevel>, std::less<>> severity;
};

struct Override {
  uint32_t line = 0;  // of its [[overrides]] header
  std::vector<Located<std::string>> paths;
  Layer settings;
};

struct ConfigFile {
  std::string display_path;         // as messages and `zdlint config` show it
  std::filesystem::path directory;  // absolute and normalized: exclude and override globs are relative to it
  Layer base;
  std::optional<Located<std::string>> runner;
  std::optional<Located<std::string>> fail_on;  // error | warning | info | none
  std::vector<Located<std::string>> exclude;
  std::vector<Override> overrides;
};

// A problem in a config file, printed as `path:line:col: error: message` (no position when the file
// could not be read at all).
struct ConfigError {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const ConfigError&, const ConfigError&) = default;
};

struct LoadResult {
  std::optional<ConfigFile> config;  // unset when there are errors
  std::vector<ConfigError> errors;   // in file order
};

// Parses and validates TOML text. `directory` is where the file lives (globs are relative to it).
LoadResult parse_config(std::string_view text, const std::string& display_path, const std::filesystem::path& directory);

// Reads `path` and parses it; `display_path` is how messages name it.
LoadResult load_config(const std::filesystem::path& path, const std::string& display_path);

}  // namespace zdlint::config
