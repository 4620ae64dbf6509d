#include "analyzer/directory_listing.h"

#include <fcntl.h>

#include <algorithm>

#include "analyzer/directory_reader.h"

namespace zdlint {
namespace fs = std::filesystem;

DirectoryListing::DirectoryListing(const fs::path& directory) {
  int error = 0;
  if (const Fd fd = open_directory(AT_FDCWD, directory.native(), true, error))
    entries_ = read_directory(fd.get(), error);
  complete_ = error == 0;
  sort_by_name();
}

DirectoryListing::DirectoryListing(std::vector<DirectoryEntry> entries) : entries_(std::move(entries)) { sort_by_name(); }

void DirectoryListing::sort_by_name() {
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
}

const DirectoryEntry* DirectoryListing::find(std::string_view name) const {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), name,
                                   [](const DirectoryEntry& e, std::string_view n) { return e.name < n; });
  return it != entries_.end() && it->name == name ? &*it : nullptr;
}

bool DirectoryListing::has(std::string_view name) const {
  const DirectoryEntry* entry = find(name);
  return entry && entry->type != fs::file_type::not_found;
}

bool DirectoryListing::has_directory(std::string_view name) const {
  const DirectoryEntry* entry = find(name);
  return entry && entry->type == fs::file_type::directory;
}

bool DirectoryListing::has_regular_file(std::string_view name) const {
  const DirectoryEntry* entry = find(name);
  return entry && entry->type == fs::file_type::regular;
}

std::string_view path_file_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view path_parent(std::string_view path) {
  size_t end = path.rfind('/');
  if (end == std::string_view::npos) return {};
  while (end > 0 && path[end - 1] == '/') --end;
  return path.substr(0, end == 0 ? 1 : end);  // "/x": the root
}

void DirectoryListings::add(const fs::path& directory, DirectoryListing listing) {
  listings_.try_emplace(directory.native(), std::move(listing));
}

std::optional<bool> DirectoryListings::is_symlink(std::string_view path) const {
  const auto listing = listings_.find(path_parent(path));
  if (listing == listings_.end()) return std::nullopt;
  const DirectoryEntry* entry = listing->second.find(path_file_name(path));
  if (!entry) return std::nullopt;
  return entry->is_symlink;
}

const DirectoryListing& DirectoryListings::of(std::string_view directory) {
  if (const auto it = listings_.find(directory); it != listings_.end()) return it->second;
  // A file named without a directory is in the current one.
  return listings_
      .emplace(std::string(directory), DirectoryListing(directory.empty() ? fs::path(".") : fs::path(directory)))
      .first->second;
}

}  // namespace zdlint
