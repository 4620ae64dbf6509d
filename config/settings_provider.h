#pragma once
// Turns `.zdlint.toml` files and the command line into what the engine asks for each file
// (LintRequest::settings_for), and into the run's fail_on.
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine.h"
#include "config/config_finder.h"
#include "config/effective.h"

namespace zdlint::config {

class SettingsProvider {
 public:
  // `config_path`: --config FILE, used for every file instead of the nearest .zdlint.toml.
  SettingsProvider(CommandLine command_line, std::optional<std::filesystem::path> config_path,
                   std::filesystem::path cwd = std::filesystem::current_path());

  // Loads the configuration of every file the run will lint (display paths, as the engine passes
  // them) and of the current directory, and returns every error found, so that a bad config stops
  // the run before anything is linted. `listed_without_config`: directories (given as the paths are)
  // whose listing, read earlier in the run, has no .zdlint.toml; they are not asked again.
  std::vector<ConfigError> preload(const std::vector<std::string>& paths,
                                   const std::vector<std::string>& listed_without_config = {});

  // The effective configuration for a file (`directory` false) or a directory.
  EffectiveConfig effective(const std::string& path, bool directory = false);

  // The run's threshold: the command line's, else that of the config for the current directory
  // (or --config), else "warning".
  std::string fail_on();

  // For LintRequest::settings_for. Refers to this provider, which must outlive the run.
  std::function<FileSettings(const std::string&)> settings_for();

  // What the engine needs of a file's effective configuration. Safe to call from several threads.
  FileSettings file_settings(const std::string& path);

  [[nodiscard]] std::vector<ConfigError> errors() const { return finder_.errors(); }

 private:
  // `path` made absolute against the provider's working directory and lexically normal.
  [[nodiscard]] std::filesystem::path absolute(const std::string& path) const;
  [[nodiscard]] std::string absolute_text(const std::string& path) const;

  CommandLine command_line_;
  std::filesystem::path cwd_;
  ConfigFinder finder_;
  std::mutex mutex_;  // guards the two caches below
  // The config of each directory, by the directory part of the paths as given.
  std::map<std::string, const ConfigFile*, std::less<>> config_of_directory_;
  // The settings of every file under a config (null: none) without exclude or override patterns,
  // which are then the same whatever the file's path.
  std::map<const ConfigFile*, FileSettings> path_independent_;
};

}  // namespace zdlint::config
