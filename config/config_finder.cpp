#include "config/config_finder.h"

#include "config/path_match.h"

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

  std::vector<fs::path> visited;
  const ConfigFile* found = nullptr;
  for (fs::path dir = directory;; dir = dir.parent_path()) {
    if (const auto it = by_directory_.find(dir.native()); it != by_directory_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(dir);
    const fs::path candidate = dir / kConfigFileName;
    std::error_code ec;
    // A directory named .zdlint.toml is not a config; an unreadable file is (and says so).
    if (fs::exists(candidate, ec) && !fs::is_directory(candidate, ec)) {
      found = load(candidate, display(candidate));
      break;
    }
    if (dir == dir.parent_path() || !dir.has_relative_path()) break;  // the filesystem root
  }
  for (const auto& dir : visited) by_directory_.emplace(dir.native(), found);
  return found;
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
