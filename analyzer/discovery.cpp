#include "analyzer/discovery.h"

#include <fmt/format.h>

#include "analyzer/directory_listing.h"
#include "analyzer/runner_order.h"

#include <algorithm>
#include <filesystem>
#include <map>
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

bool has_sql_extension(const fs::path& path) {
  std::string name = path.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.ends_with(".sql") || name.ends_with(".sql.postgres");
}

// No component is empty (but a root's), "." or "..": the path is lexically normal as it is.
bool is_plainly_normal(std::string_view path) {
  size_t begin = path.starts_with('/') ? 1 : 0;
  while (true) {
    const size_t end = path.find('/', begin);
    const std::string_view part = path.substr(begin, end == std::string_view::npos ? end : end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string_view::npos) return true;
    begin = end + 1;
  }
}

// How a path is shown: lexically normal ("./m//1.sql" is "m/1.sql"), unless a ".." in it follows a
// name, which may be a symbolic link: "link/.." is the parent of the link's target, not ".".
std::string display_form(const fs::path& path) {
  if (is_plainly_normal(path.native())) return path.native();  // most are: no need to take them apart
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

void discover_directory(const std::string& argument, std::string_view runner, DirectoryListings* listings,
                        Discovery& out) {
  std::error_code ec;
  const fs::path root = fs::canonical(argument, ec);
  std::vector<DiscoveredFile> found;
  fs::recursive_directory_iterator it(argument, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    out.problems.push_back({argument, fmt::format("cannot be read: {}", ec.message())});
    return;
  }
  // What the walk reads of each directory it descends into becomes that directory's listing, which
  // runner detection and ordering would otherwise read again.
  std::map<std::string, std::vector<DirectoryEntry>> read;
  bool complete = true;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      out.problems.push_back({argument, fmt::format("cannot be fully read: {}", ec.message())});
      complete = false;
      break;
    }
    const fs::path& path = it->path();
    if (listings) read[path.parent_path().native()].push_back(DirectoryListing::entry_of(*it));
    const std::string name = path.filename().string();
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (name.starts_with("."))
        it.disable_recursion_pending();
      else if (listings)
        read.try_emplace(path.native());  // listed even when empty
      continue;
    }
    if (!has_sql_extension(path)) continue;
    const std::string display = display_form(path);
    if (it->is_symlink(ec)) {
      const fs::path target = fs::canonical(path, ec);
      if (ec || !is_within(root, target)) {
        out.problems.push_back({display, "is a symbolic link that leaves the linted directory; not followed", false});
        continue;
      }
    }
    if (!it->is_regular_file(ec)) continue;  // the entry's cached type: no stat per file
    found.push_back({path.string(), display});
  }
  if (listings && complete)
    for (auto& [directory, entries] : read) listings->add(directory, DirectoryListing(std::move(entries)));
  if (found.empty() && !ec) {
    out.problems.push_back({argument, "is a directory with no .sql files"});
    return;
  }
  std::sort(found.begin(), found.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) { return natural_less(a.display_path, b.display_path); });
  order_for_runners(found, runner, listings);
  out.files.insert(out.files.end(), found.begin(), found.end());
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
