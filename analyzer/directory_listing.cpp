#include "analyzer/directory_listing.h"

#include <algorithm>

namespace zdlint {
namespace fs = std::filesystem;

DirectoryListing::DirectoryListing(const fs::path& directory) {
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) entries_.push_back(entry_of(*it));
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
}

DirectoryListing::DirectoryListing(std::vector<DirectoryEntry> entries) : entries_(std::move(entries)) {
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
}

DirectoryEntry DirectoryListing::entry_of(const fs::directory_entry& entry) {
  // The entry's type comes with the listing (is_directory() and is_regular_file() use it); only a
  // symbolic link costs a stat of its target.
  std::error_code ec;
  fs::file_type type = fs::file_type::unknown;  // a FIFO, a socket, …: present, never asked for
  if (entry.is_symlink(ec))
    type = entry.status(ec).type();
  else if (entry.is_directory(ec))
    type = fs::file_type::directory;
  else if (entry.is_regular_file(ec))
    type = fs::file_type::regular;
  if (ec) type = fs::file_type::not_found;
  return {entry.path().filename().string(), type};
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

void DirectoryListings::add(const fs::path& directory, DirectoryListing listing) {
  listings_.try_emplace(directory.native(), std::move(listing));
}

const DirectoryListing& DirectoryListings::of(const fs::path& directory) {
  if (const auto it = listings_.find(directory.native()); it != listings_.end()) return it->second;
  // A file named without a directory is in the current one.
  return listings_.emplace(directory.native(), DirectoryListing(directory.empty() ? fs::path(".") : directory)).first->second;
}

}  // namespace zdlint
