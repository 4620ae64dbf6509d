#include "analyzer/discovery.h"

#include <fmt/format.h>

#include "analyzer/directory_listing.h"
#include "analyzer/directory_reader.h"
#include "analyzer/runner_order.h"
#include "config/path_match.h"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <set>
#include <system_error>

namespace zdlint {
namespace fs = std::filesystem;
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int compare_component(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && is_digit(a[ie])) ++ie;
      while (je < b.size() && is_digit(b[je])) ++je;
      std::string_view da = a.substr(i, ie - i), db = b.substr(j, je - j);
      const auto strip = [](std::string_view d) {
        while (d.size() > 1 && d.front() == '0') d.remove_prefix(1);
        return d;
      };
      const auto sa = strip(da), sb = strip(db);
      if (sa.size() != sb.size()) return sa.size() < sb.size() ? -1 : 1;
      if (const int c = sa.compare(sb); c != 0) return c;
      if (da.size() != db.size()) return da.size() < db.size() ? -1 : 1;  // 01 after 1: stable and total
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
    ++i;
    ++j;
  }
  if (a.size() - i == b.size() - j) return 0;
  return a.size() - i < b.size() - j ? -1 : 1;
}

bool has_sql_extension(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.ends_with(".sql") || name.ends_with(".sql.postgres");
}

// How a path is shown: lexically normal ("./m//1.sql" is "m/1.sql"), unless a ".." in it follows a
// name, which may be a symbolic link: "link/.." is the parent of the link's target, not ".".
std::string display_form(const fs::path& path) {
  if (config::is_lexically_normal(path.native())) return path.native();  // most are: no need to take them apart
  bool after_name = false;
  for (const auto& part : path) {
    if (part == "..") {
      if (after_name) return path.string();
    } else if (part.has_filename() && part != ".") {
      after_name = true;
    }
  }
  return path.lexically_normal().string();
}

bool is_within(const fs::path& root, const fs::path& target) {
  const auto mismatch = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  return mismatch.first == root.end();
}

// One directory argument's walk. Each directory's entries are sorted in natural order and walked in
// that order, so the files come out in the natural order of their paths without sorting them.
class DirectoryWalk {
 public:
  DirectoryWalk(const std::string& argument, DirectoryListings* listings, Discovery& out)
      : argument_(argument), listings_(listings), out_(out) {}

  // The files found, or nothing when the directory could not be read at all (reported).
  std::optional<std::vector<DiscoveredFile>> run() {
    int error = 0;
    const Fd root = open_directory(AT_FDCWD, argument_, true, error);
    if (!root) {
      out_.problems.push_back({argument_, fmt::format("cannot be read: {}", std::system_category().message(error))});
      return std::nullopt;
    }
    // The key the directory's listing has: its path as its files' paths have it ("m//" is "m").
    walk(root.get(), argument_, fs::path(config::join_text(argument_, "x")).parent_path().native());
    // What the walk reads of each directory it descends into becomes that directory's listing, which
    // runner detection and ordering would otherwise read again.
    if (listings_ && !failed_)
      for (auto& [directory, entries] : read_) listings_->add(directory, DirectoryListing(std::move(entries)));
    if (found_.empty() && !failed_) out_.problems.push_back({argument_, "is a directory with no .sql files"});
    return std::move(found_);
  }

 private:
  void walk(int directory_fd, const std::string& path, std::string listing_key) {
    int error = 0;
    std::vector<DirectoryEntry> entries = read_directory(directory_fd, error);
    if (error) return fail(error);
    std::sort(entries.begin(), entries.end(),
              [](const DirectoryEntry& a, const DirectoryEntry& b) { return compare_component(a.name, b.name) < 0; });
    if (listings_) read_.emplace_back(std::move(listing_key), entries);
    for (const DirectoryEntry& entry : entries) {
      const std::string& name = entry.name;
      if (entry.type == fs::file_type::directory && !entry.is_symlink) {  // links to directories are not followed
        if (name.starts_with('.')) continue;                                   // hidden: .git, .terraform, …
        const Fd child_fd = open_directory(directory_fd, name, false, error);
        if (!child_fd && error == EACCES) continue;  // a directory the user may not read is skipped
        if (!child_fd) return fail(error);
        const std::string child = config::join_text(path, name);
        walk(child_fd.get(), child, child);
        if (failed_) return;
        continue;
      }
      if (!has_sql_extension(name)) continue;
      std::string child = config::join_text(path, name);
      std::string display = display_form(child);
      if (entry.is_symlink && !is_inside(child)) {
        out_.problems.push_back({std::move(display), "is a symbolic link that leaves the linted directory; not followed", false});
        continue;
      }
      if (entry.type == fs::file_type::regular) found_.push_back({std::move(child), std::move(display)});
    }
  }

  // Whether the symbolic link at `path` resolves to a file inside the linted directory.
  bool is_inside(const std::string& path) {
    std::error_code ec;
    if (!root_) root_ = fs::canonical(argument_, ec);  // asked only when there is a link
    const fs::path target = fs::canonical(path, ec);
    return !ec && is_within(*root_, target);
  }

  void fail(int error) {
    out_.problems.push_back({argument_, fmt::format("cannot be fully read: {}", std::system_category().message(error))});
    failed_ = true;
  }

  const std::string& argument_;
  DirectoryListings* listings_;
  Discovery& out_;
  std::optional<fs::path> root_;  // the argument resolved, for symbolic links
  std::vector<DiscoveredFile> found_;
  std::vector<std::pair<std::string, std::vector<DirectoryEntry>>> read_;  // listings, by directory path
  bool failed_ = false;
};

void discover_directory(const std::string& argument, std::string_view runner, DirectoryListings* listings,
                        Discovery& out) {
  std::optional<std::vector<DiscoveredFile>> found = DirectoryWalk(argument, listings, out).run();
  if (!found || found->empty()) return;
  order_for_runners(*found, runner, listings);
  out.files.insert(out.files.end(), std::make_move_iterator(found->begin()), std::make_move_iterator(found->end()));
}

}  // namespace

bool natural_less(std::string_view a, std::string_view b) {
  // The components before the first differing byte are equal in both: start at the one holding it
  // (a sort compares paths of one directory with each other thousands of times).
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  if (const size_t slash = a.substr(0, common).rfind('/'); slash != std::string_view::npos) {
    a.remove_prefix(slash + 1);
    b.remove_prefix(slash + 1);
  }
  while (true) {
    const size_t sa = a.find('/'), sb = b.find('/');
    const std::string_view ca = a.substr(0, sa), cb = b.substr(0, sb);
    // A file sorts before the contents of a sibling directory of the same name.
    if (const int c = compare_component(ca, cb); c != 0) return c < 0;
    if (sa == std::string_view::npos || sb == std::string_view::npos) {
      return sa == std::string_view::npos && sb != std::string_view::npos;
    }
    a.remove_prefix(sa + 1);
    b.remove_prefix(sb + 1);
  }
}

Discovery discover(const std::vector<std::string>& paths, std::string_view runner, DirectoryListings* listings) {
  Discovery out;
  for (const auto& argument : paths) {
    std::error_code ec;
    const auto status = fs::status(argument, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back({argument, "does not exist"});
    } else if (fs::is_directory(status)) {
      discover_directory(argument, runner, listings, out);
    } else {
      out.files.push_back({argument, display_form(argument)});
    }
  }
  // The same file named twice (a directory and a file in it) is linted once, where it came first.
  // One directory cannot list a file twice (symbolic links to directories are not followed), so
  // resolving every path is needed only when there are several arguments.
  if (paths.size() < 2) return out;
  std::set<std::string> seen;
  std::erase_if(out.files, [&](const DiscoveredFile& f) {
    std::error_code ec;
    const auto key = fs::weakly_canonical(f.path, ec).string();
    return !seen.insert(ec ? f.path : key).second;
  });
  return out;
}

}  // namespace zdlint
