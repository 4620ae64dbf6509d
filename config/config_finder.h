#pragma once
// Which `.zdlint.toml` applies to a path: the nearest one walking up from the path's directory to
// the filesystem root, or the one named by --config for every path. Each directory is looked up
// once and each file loaded once, however many migrations share it; safe to call from the engine's
// threads.
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "config/config.h"

namespace zdlint::config {

class ConfigFinder {
 public:
  // `explicit_config`: --config FILE, used for every path instead of the walk up. `cwd` makes the
  // display paths of found files relative when they are under it.
  explicit ConfigFinder(std::optional<std::filesystem::path> explicit_config = std::nullopt,
                        std::filesystem::path cwd = std::filesystem::current_path());

  // The configuration for files in `directory` (absolute, normalized); null when there is none or
  // when it has errors (see errors()).
  const ConfigFile* for_directory(const std::filesystem::path& directory);

  // Directories (absolute, normalized) whose listing, read earlier in the run, has no entry named
  // .zdlint.toml: the walk up takes them as holding none without asking the file system again.
  void assume_none_in(std::unordered_set<std::string> directories);

  // Every error of every configuration file loaded so far, file by file in load order.
  [[nodiscard]] std::vector<ConfigError> errors() const;

 private:
  const ConfigFile* load(const std::filesystem::path& file, const std::string& display_path);
  [[nodiscard]] std::string display(const std::filesystem::path& file) const;

  std::optional<std::filesystem::path> explicit_config_;
  std::string explicit_display_;
  std::filesystem::path cwd_;
  mutable std::mutex mutex_;
  // By the directory's path as a string: std::filesystem::path compares component by component.
  std::map<std::string, const ConfigFile*, std::less<>> by_directory_;
  std::map<std::filesystem::path, LoadResult> loaded_;  // map nodes do not move: pointers stay valid
  std::vector<std::filesystem::path> load_order_;
  std::unordered_set<std::string> listed_without_config_;
};

}  // namespace zdlint::config
