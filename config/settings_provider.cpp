#include "config/settings_provider.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

#include "config/path_match.h"

namespace zdlint::config {
namespace fs = std::filesystem;

SettingsProvider::SettingsProvider(CommandLine command_line, std::optional<fs::path> config_path, fs::path cwd)
    : command_line_(std::move(command_line)), cwd_(absolute_normal(cwd)), finder_(std::move(config_path), cwd_) {}

std::string SettingsProvider::absolute_text(const std::string& path) const {
  // Against the provider's working directory, not the process's, so tests can point it anywhere.
  std::string joined = path.starts_with('/') ? path : join_text(cwd_.native(), path);
  // Most paths need no normalising: they are only taken apart into components when they do.
  return is_lexically_normal(joined) ? joined : absolute_normal(joined).native();
}

fs::path SettingsProvider::absolute(const std::string& path) const { return absolute_text(path); }

namespace {

// A path as given up to its last '/': files with the same one are in the same directory.
std::string_view directory_part(const std::string& path) { return std::string_view(path).substr(0, path.rfind('/') + 1); }

}  // namespace

std::vector<ConfigError> SettingsProvider::preload(const std::vector<std::string>& paths,
                                                   const std::vector<std::string>& listed_without_config) {
  std::unordered_set<std::string> without_config;
  without_config.reserve(listed_without_config.size());
  for (const auto& directory : listed_without_config) without_config.insert(absolute_text(directory));
  finder_.assume_none_in(std::move(without_config));
  std::vector<std::string> directories{cwd_.native()};
  std::string_view previous;
  for (const auto& path : paths) {
    // Most files share their directory with the one before: one resolution for the directory.
    const std::string_view directory = directory_part(path);
    if (!previous.empty() && directory == previous) continue;
    previous = directory;
    directories.push_back(parent_text(absolute_text(path)));
  }
  // Looked up in the order of their paths (the order configuration errors are reported in): sorted
  // as strings, in std::filesystem::path's order, not as paths, which compare a component at a time.
  std::sort(directories.begin(), directories.end(), normal_path_less);
  directories.erase(std::unique(directories.begin(), directories.end()), directories.end());
  for (const auto& directory : directories) finder_.for_directory(directory);
  return finder_.errors();
}

EffectiveConfig SettingsProvider::effective(const std::string& path, bool directory) {
  const fs::path target = absolute(path);
  return resolve(finder_.for_directory(directory ? target : target.parent_path()), target, command_line_);
}

std::string SettingsProvider::fail_on() {
  return resolve(finder_.for_directory(cwd_), cwd_, command_line_).fail_on.value;
}

std::function<FileSettings(const std::string&)> SettingsProvider::settings_for() {
  return [this](const std::string& path) { return file_settings(path); };
}

FileSettings SettingsProvider::file_settings(const std::string& path) {
  // A run asks for thousands of files, most sharing their directory and their config with others.
  const std::string_view directory = directory_part(path);
  const ConfigFile* config = nullptr;
  {
    const std::lock_guard lock(mutex_);
    const auto known = config_of_directory_.find(directory);
    if (known == config_of_directory_.end()) {
      config = finder_.for_directory(parent_text(absolute_text(path)));
      config_of_directory_.emplace(directory, config);
    } else {
      config = known->second;
    }
    if (!config || (config->exclude.empty() && config->overrides.empty())) {
      auto shared = path_independent_.find(config);
      if (shared == path_independent_.end())
        shared = path_independent_.emplace(config, resolve(config, absolute(path), command_line_).file_settings()).first;
      return shared->second;
    }
  }
  return resolve(config, absolute(path), command_line_).file_settings();
}

}  // namespace zdlint::config
