#include "config/config_finder.h"

#include "config/path_match.h"

#include <sys/stat.h>

namespace zdlint::config {
namespace fs = std::filesystem;

ConfigFinder::ConfigFinder(std::optional<fs::path> explicit_config, fs::path cwd) : cwd_(absolute_normal(cwd)) {
  if (explicit_config) {
    explicit_display_ = explicit_config->string();
    explicit_config_ = absolute_normal(*explicit_config);
  }
}

const ConfigFile* ConfigFinder::for_directory(const fs::path& directory) {
  const std::lock_guard lock(mutex_);
  if (explicit_config_) return load(*explicit_config_, explicit_display_);
  if (const auto it = by_directory_.find(directory.native()); it != by_directory_.end()) return it->second;

  std::vector<std::string> visited;
  const ConfigFile* found = nullptr;
  std::string dir = directory.native();
  while (true) {
    if (const auto it = by_directory_.find(dir); it != by_directory_.end()) {
      found = it->second;
      break;
    }
    if (!listed_without_config_.contains(dir)) {
      // A directory named .zdlint.toml is not a config; an unreadable file is (and says so).
      std::string candidate = join_text(dir, kConfigFileName);
      struct stat status {};
      if (::stat(candidate.c_str(), &status) == 0 && !S_ISDIR(status.st_mode)) {
        const fs::path file(std::move(candidate));
        found = load(file, display(file));
        visited.push_back(std::move(dir));
        break;
      }
    }
    const bool at_top = dir.empty() || dir == "/";  // the filesystem root, or the top of a relative path
    std::string parent = at_top ? std::string() : parent_text(dir);
    visited.push_back(std::move(dir));
    if (at_top) break;
    dir = std::move(parent);
  }
  for (auto& visited_dir : visited) by_directory_.emplace(std::move(visited_dir), found);
  return found;
}

void ConfigFinder::assume_none_in(std::unordered_set<std::string> directories) {
  const std::lock_guard lock(mutex_);
  listed_without_config_ = std::move(directories);
}

const ConfigFile* ConfigFinder::load(const fs::path& file, const std::string& display_path) {
  auto it = loaded_.find(file);
  if (it == loaded_.end()) {
    it = loaded_.emplace(file, load_config(file, display_path)).first;
    load_order_.push_back(file);
  }
  return it->second.config ? &*it->second.config : nullptr;
}

std::string ConfigFinder::display(const fs::path& file) const {
  const fs::path relative = file.lexically_relative(cwd_);
  if (relative.empty() || *relative.begin() == "..") return file.string();
  return relative.string();
}

std::vector<ConfigError> ConfigFinder::errors() const {
  const std::lock_guard lock(mutex_);
  std::vector<ConfigError> all;
  for (const auto& file : load_order_) {
    const auto& errors = loaded_.at(file).errors;
    all.insert(all.end(), errors.begin(), errors.end());
  }
  return all;
}

}  // namespace zdlint::config
