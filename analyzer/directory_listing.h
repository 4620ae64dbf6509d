#pragma once
// What a directory holds, read once. Runner detection and ordering ask the same questions of the
// same directories for every migration in them (is there a sqitch.plan here? a delta/ directory?
// a .postgres. file?): one listing answers them all without a system call each.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zdlint {

struct DirectoryEntry {
  std::string name;
  std::filesystem::file_type type;  // a symbolic link's target type; not_found for a dangling one
  bool is_symlink = false;
};

class DirectoryListing {
 public:
  explicit DirectoryListing(const std::filesystem::path& directory);
  // From entries already read (discovery's walk reads every directory it descends into).
  explicit DirectoryListing(std::vector<DirectoryEntry> entries);

  [[nodiscard]] const std::vector<DirectoryEntry>& entries() const { return entries_; }
  // Whether the directory was read to its end: one that could not be opened or read (no read
  // permission, say) lists nothing, which says nothing of what it holds.
  [[nodiscard]] bool complete() const { return complete_; }
  // The entry exists (a dangling symbolic link does not), as std::filesystem::exists says.
  [[nodiscard]] bool has(std::string_view name) const;
  [[nodiscard]] bool has_directory(std::string_view name) const;
  [[nodiscard]] bool has_regular_file(std::string_view name) const;
  // The entry named `name`; null when the directory has none.
  [[nodiscard]] const DirectoryEntry* find(std::string_view name) const;

 private:
  void sort_by_name();
  std::vector<DirectoryEntry> entries_;  // sorted by name
  bool complete_ = true;
};

// A path's last component, and the path before it (without the '/'s between), as
// std::filesystem::path's filename() and parent_path() give them for a path naming a file, but
// without taking the whole path apart into components as they do.
std::string_view path_file_name(std::string_view path);
std::string_view path_parent(std::string_view path);

// Listings by directory, each read the first time it is asked for. Not synchronised: the owner
// serialises access.
class DirectoryListings {
 public:
  const DirectoryListing& of(std::string_view directory);
  const DirectoryListing& of(const std::filesystem::path& directory) {
    return of(std::string_view(directory.native()));
  }
  // Records a listing read elsewhere, unless the directory has one already.
  void add(const std::filesystem::path& directory, DirectoryListing listing);
  // Every listing read so far, by its directory's path.
  [[nodiscard]] const std::map<std::string, DirectoryListing, std::less<>>& all() const { return listings_; }
  // Whether `path` is a symbolic link, as its directory's listing says; unset when that directory
  // has not been listed (or has no such entry), and only the file system can tell.
  [[nodiscard]] std::optional<bool> is_symlink(std::string_view path) const;
  [[nodiscard]] std::optional<bool> is_symlink(const std::filesystem::path& path) const {
    return is_symlink(std::string_view(path.native()));
  }

 private:
  std::map<std::string, DirectoryListing, std::less<>> listings_;  // by path (std::string compares faster)
};

}  // namespace zdlint
