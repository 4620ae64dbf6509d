#include "analyzer/runner_order.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "analyzer/directory_listing.h"
#include "analyzer/input.h"
#include "config/path_match.h"

namespace zdlint {
namespace fs = std::filesystem;
namespace {

// How a group of files is ordered, and what defines the order (a plan, a changelog, a directory).
enum class Scheme { Natural, Sqitch, Liquibase, Yoyo, Flyway, Dbmate, Prisma, Synapse, Temporal };

struct Group {
  Scheme scheme = Scheme::Natural;
  fs::path root;  // the plan's directory, the master changelog, the migration directory, …
  friend bool operator<(const Group& a, const Group& b) {
    if (a.scheme != b.scheme) return a.scheme < b.scheme;
    return a.root.native() < b.root.native();
  }
};

// How many directories above a file a runner's marker may sit, as the runner detector looks.
constexpr int kMarkerLevels = 4;

bool path_exists(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

std::string read_text(const fs::path& path, size_t limit = std::string::npos) {
  if (limit != std::string::npos) return read_file_start(path.string(), limit);  // never blocks
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return {};  // a FIFO would block the run
  std::ifstream file(path, std::ios::binary);
  if (!file) return {};
  std::ostringstream content;
  content << file.rdbuf();
  return std::move(content).str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.ends_with('\r')) line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string_view digit_prefix(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
  return s.substr(0, n);
}

// The path of `file` below `root`, with `/` separators; empty when it is not below it.
std::string relative_to(const fs::path& file, const fs::path& root) {
  // Most paths are already normal: below the root, the rest of the text is the answer, and taking
  // both paths apart with fs::path cost more than the rest of ordering a group.
  const std::string_view text = file.native(), top = root.native();
  if (text.size() > top.size() + 1 && text.starts_with(top) && text[top.size()] == '/' &&
      config::is_lexically_normal(text) && config::is_lexically_normal(top))
    return std::string(text.substr(top.size() + 1));
  const fs::path rel = fs::path(file).lexically_normal().lexically_relative(root.lexically_normal());
  if (rel.empty() || *rel.begin() == "..") return {};
  return rel.generic_string();
}

// ---- Flyway -------------------------------------------------------------------------------

struct FlywayName {
  enum Kind { Versioned, Repeatable, Other } kind = Other;
  std::string version, description;
};

FlywayName parse_flyway(std::string_view name) {
  FlywayName out;
  const size_t separator = name.find("__");
  if (separator == std::string_view::npos || !name.ends_with(".sql")) return out;
  std::string description(name.substr(separator + 2, name.size() - 4 - separator - 2));
  std::replace(description.begin(), description.end(), '_', ' ');
  if (name.starts_with("R__")) return {FlywayName::Repeatable, "", description};
  if (name.size() > 1 && name[0] == 'V' && std::isdigit(static_cast<unsigned char>(name[1])))
    return {FlywayName::Versioned, std::string(name.substr(1, separator - 1)), description};
  return out;
}

// ---- Sqitch ---------------------------------------------------------------------------------

// The deploy scripts of sqitch.plan in plan order, relative to the plan's directory. A change that
// appears again after a tag (reworked) runs its earlier occurrences from `<change>@<tag>.sql`, the
// tag being the first one after that occurrence. A `-change` line reverts it.
std::vector<std::string> sqitch_deploy_scripts(const fs::path& plan) {
  struct Entry {
    bool tag;
    std::string name;
  };
  std::vector<Entry> entries;
  for (const auto& raw : lines_of(read_text(plan))) {
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '%' || line.front() == '#') continue;
    const std::string_view first = line.substr(0, line.find_first_of(" \t"));
    entries.push_back({first.front() == '@', std::string(first)});
  }
  std::vector<std::string> scripts;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].tag) continue;
    std::string name = entries[i].name;
    if (name.front() == '-') {  // reverted from here on
      std::erase(scripts, "deploy/" + name.substr(1) + ".sql");
      continue;
    }
    if (name.front() == '+') name.erase(0, 1);
    const auto later = std::find_if(entries.begin() + static_cast<std::ptrdiff_t>(i) + 1, entries.end(),
                                    [&](const Entry& e) { return !e.tag && (e.name == name || e.name == "+" + name); });
    std::string script = name;
    if (later != entries.end()) {
      const auto tag = std::find_if(entries.begin() + static_cast<std::ptrdiff_t>(i) + 1, later,
                                    [](const Entry& e) { return e.tag; });
      if (tag != later) script += tag->name;  // deploy/<change>@<tag>.sql
    }
    scripts.push_back("deploy/" + script + ".sql");
  }
  return scripts;
}

// ---- Liquibase ------------------------------------------------------------------------------

struct Include {
  std::string path;
  bool all = false;  // includeAll: every file under the directory, in path order
};

// The value after `key` (`file="x"`, `file: x`, `"file": "x"`), unquoted.
std::optional<std::string> value_after(std::string_view text, size_t key_end) {
  size_t i = key_end;
  while (i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == ' ')) ++i;
  if (i >= text.size() || (text[i] != '=' && text[i] != ':')) return std::nullopt;
  ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  const bool quoted = i < text.size() && (text[i] == '"' || text[i] == '\'');
  const char quote = quoted ? text[i] : '\0';
  if (quoted) ++i;
  size_t end = i;
  while (end < text.size() &&
         (quoted ? text[end] != quote
                 : !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ',' && text[end] != '}'))
    ++end;
  if (end == i) return std::nullopt;
  return std::string(text.substr(i, end - i));
}

// The include and includeAll entries of an XML, YAML or JSON master changelog, in order.
std::vector<Include> liquibase_includes(const fs::path& master) {
  const std::string text = read_text(master);
  std::vector<Include> includes;
  size_t at = 0;
  while (true) {
    const size_t include = text.find("include", at);
    if (include == std::string::npos) break;
    const bool all = text.compare(include, 10, "includeAll") == 0;
    const std::string_view key = all ? "path" : "file";
    // The key follows within the element (XML attributes, YAML/JSON members).
    const size_t next_include = text.find("include", include + 7);
    size_t search = include;
    std::optional<std::string> value;
    while (!value) {
      const size_t k = text.find(key, search);
      if (k == std::string::npos || (next_include != std::string::npos && k > next_include)) break;
      value = value_after(text, k + key.size());
      search = k + key.size();
    }
    if (value) {
      std::string path = *value;
      if (path.starts_with("classpath:")) path.erase(0, 10);
      while (path.starts_with("./") || path.starts_with("/")) path.erase(0, path.front() == '/' ? 1 : 2);
      if (all && !path.empty() && path.back() != '/') path += '/';
      includes.push_back({path, all});
    }
    at = include + 7;
  }
  return includes;
}

std::optional<fs::path> liquibase_master(const fs::path& directory) {
  static constexpr std::array<std::string_view, 5> kMasters{"db.changelog-master.xml", "db.changelog-master.yaml",
                                                            "db.changelog-master.yml", "db.changelog-master.json",
                                                            "changelog-master.xml"};
  for (const auto name : kMasters)
    if (path_exists(directory / name)) return directory / name;
  // liquibase.properties: changeLogFile=… (or changelog-file)
  if (path_exists(directory / "liquibase.properties")) {
    for (const auto& line : lines_of(read_text(directory / "liquibase.properties"))) {
      for (const std::string_view key : {"changeLogFile", "changelog-file"}) {
        if (!line.starts_with(key)) continue;
        std::string_view value = trim(std::string_view(line).substr(key.size()));
        if (value.empty() || (value.front() != '=' && value.front() != ':')) continue;
        value = trim(value.substr(1));
        const fs::path master = directory / value;
        const std::string ext = master.extension().string();
        if (path_exists(master) && ext != ".sql") return master;
      }
    }
  }
  return std::nullopt;
}

// ---- yoyo -----------------------------------------------------------------------------------

// `-- depends: a b` in the leading comments of a migration.
std::vector<std::string> yoyo_depends(const fs::path& file) {
  std::vector<std::string> depends;
  for (const auto& raw : lines_of(read_text(file, 16 * 1024))) {
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    if (!line.starts_with("--")) break;
    const std::string_view comment = trim(line.substr(2));
    if (!comment.starts_with("depends:")) continue;
    std::string list(comment.substr(8));
    std::replace(list.begin(), list.end(), ',', ' ');
    std::istringstream words(list);
    for (std::string id; words >> id;) depends.push_back(id);
  }
  return depends;
}

// Kahn's algorithm that always takes the earliest-listed migration whose dependencies have run:
// the listing order stays wherever the dependencies allow. A cycle or a missing dependency does
// not stop the replay: what is left runs in listing order.
std::vector<size_t> yoyo_order(const std::vector<fs::path>& listed) {
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < listed.size(); ++i) by_id.emplace(listed[i].stem().string(), i);
  std::vector<std::set<size_t>> waits_for(listed.size());
  for (size_t i = 0; i < listed.size(); ++i)
    for (const auto& id : yoyo_depends(listed[i]))
      if (const auto it = by_id.find(id); it != by_id.end() && it->second != i) waits_for[i].insert(it->second);
  std::vector<size_t> order;
  std::vector<bool> done(listed.size(), false);
  while (order.size() < listed.size()) {
    size_t next = listed.size();
    for (size_t i = 0; i < listed.size() && next == listed.size(); ++i)
      if (!done[i] && std::all_of(waits_for[i].begin(), waits_for[i].end(), [&](size_t d) { return done[d]; }))
        next = i;
    if (next == listed.size())  // a cycle: the first one left
      next = static_cast<size_t>(std::find(done.begin(), done.end(), false) - done.begin());
    done[next] = true;
    order.push_back(next);
  }
  return order;
}

// ---- temporal-sql-tool ----------------------------------------------------------------------

std::vector<std::string> temporal_manifest_files(const fs::path& directory) {
  const auto manifest = nlohmann::json::parse(read_text(directory / "manifest.json"), nullptr, false);
  std::vector<std::string> files;
  if (!manifest.is_object() || !manifest.contains("SchemaUpdateCqlFiles")) return files;
  for (const auto& f : manifest["SchemaUpdateCqlFiles"])
    if (f.is_string()) files.push_back(f.get<std::string>());
  return files;
}

// Only a directory whose listing has a manifest.json is read for one.
bool is_temporal_version_directory(const DirectoryListing& listing, const fs::path& directory) {
  return listing.has_regular_file("manifest.json") && !temporal_manifest_files(directory).empty();
}

// ---- which group a file belongs to ----------------------------------------------------------

class GroupFinder {
 public:
  GroupFinder(std::string_view configured, DirectoryListings* listings)
      : configured_(configured), listings_(listings ? *listings : own_listings_) {}

  Group of(const std::string& file) {
    // Files come a directory at a time: the directory's group is looked up once per run of them,
    // by the text before the file's name, its last '/' included (fs::path is only built for a new
    // directory).
    const size_t name_start = file.rfind('/') + 1;  // 0 without a '/'
    const std::string_view before_name = std::string_view(file).substr(0, name_start);
    const std::string_view name = std::string_view(file).substr(name_start);
    if (!last_group_ || before_name != last_before_name_) {
      const fs::path directory(path_parent(file));
      auto it = by_directory_.find(directory.native());
      if (it == by_directory_.end()) it = by_directory_.emplace(directory.native(), of_directory(directory)).first;
      last_group_ = &it->second;
      last_directory_ = &it->first;
      last_before_name_.assign(before_name);
    }
    if (last_group_->scheme != Scheme::Natural) return *last_group_;
    const bool flyway_runner = configured_.empty() || configured_ == "flyway";
    if (flyway_runner && parse_flyway(name).kind != FlywayName::Other) return {Scheme::Flyway, {}};
    // Prisma: <version>_<name>/migration.sql, the directories in string order.
    if ((configured_.empty() || configured_ == "prisma") && name == "migration.sql") {
      if (!digit_prefix(path_file_name(*last_directory_)).empty())
        return {Scheme::Prisma, fs::path(path_parent(*last_directory_))};
    }
    return {};
  }

 private:
  bool allows(std::string_view runner) const { return configured_.empty() || configured_ == runner; }

  Group of_directory(const fs::path& directory) {
    std::string_view dir = directory.native();  // and then its parents: parts of it, no fs::path built
    for (int level = 0; level < kMarkerLevels; ++level) {
      if (const std::optional<Group> found = marker_group_in(dir)) {
        if (found->scheme == Scheme::Yoyo) return {Scheme::Yoyo, directory};  // yoyo.ini names no order
        return *found;
      }
      const std::string_view parent = path_parent(dir);
      if (parent.empty() || parent == dir) break;
      dir = parent;
    }
    if (allows("temporal-sql-tool") && is_temporal_version_directory(listings_.of(directory), directory))
      return {Scheme::Temporal, directory};
    if (configured_ == "yoyo" || (configured_.empty() && has_rollback_files(directory)))
      return {Scheme::Yoyo, directory};
    if (configured_ == "dbmate" || (configured_.empty() && is_dbmate_directory_where_order_differs(directory)))
      return {Scheme::Dbmate, directory};
    return {};
  }

  // The group a marker in `dir` itself makes (a Sqitch plan, a Liquibase master changelog, yoyo.ini,
  // Synapse's delta/ and full_schemas/), from its listing: sibling migration directories (Prisma,
  // diesel: one per migration) share the listings of the directories above them.
  std::optional<Group> marker_group_in(std::string_view dir) {
    // Asked again for the same parent by each of its migration directories (Prisma, diesel): once.
    const auto it = marker_groups_.find(dir);
    if (it != marker_groups_.end()) return it->second;
    return marker_groups_.emplace(dir, find_marker_group(dir)).first->second;
  }

  std::optional<Group> find_marker_group(std::string_view dir) {
    const DirectoryListing& listing = listings_.of(dir);
    if (allows("sqitch") && listing.has("sqitch.plan")) return Group{Scheme::Sqitch, fs::path(dir)};
    if (allows("liquibase") && may_hold_liquibase_master(listing))
      if (const auto master = liquibase_master(fs::path(dir))) return Group{Scheme::Liquibase, *master};
    if (allows("yoyo") && listing.has("yoyo.ini")) return Group{Scheme::Yoyo, fs::path(dir)};
    if (allows("synapse") && listing.has_directory("delta") && listing.has_directory("full_schemas"))
      return Group{Scheme::Synapse, fs::path(dir).parent_path()};
    return std::nullopt;
  }

  static bool may_hold_liquibase_master(const DirectoryListing& listing) {
    return std::any_of(listing.entries().begin(), listing.entries().end(), [](const DirectoryEntry& entry) {
      return entry.name.find("changelog-master.") != std::string::npos || entry.name == "liquibase.properties";
    });
  }

  bool has_rollback_files(const fs::path& directory) {
    const auto& entries = listings_.of(directory).entries();
    return std::any_of(entries.begin(), entries.end(),
                       [](const DirectoryEntry& entry) { return entry.name.ends_with(".rollback.sql"); });
  }

  // dbmate sorts file names as strings: that differs from the natural order only when the version
  // prefixes differ in width, so only then is a file read for dbmate's `-- migrate:up`. dbmate
  // refuses a migration without one (runners.md §5): the first file it would run tells, and a
  // directory of hundreds of other migrations is not read whole before the first parse.
  bool is_dbmate_directory_where_order_differs(const fs::path& directory) {
    const auto& entries = listings_.of(directory).entries();
    const auto versioned = [](const DirectoryEntry& entry) {
      return entry.name.ends_with(".sql") && !digit_prefix(entry.name).empty();
    };
    std::optional<size_t> width;
    const bool widths_differ = std::any_of(entries.begin(), entries.end(), [&](const DirectoryEntry& entry) {
      if (!versioned(entry)) return false;
      const size_t this_width = digit_prefix(entry.name).size();
      if (!width) width = this_width;
      return this_width != *width;
    });
    if (!widths_differ) return false;
    const auto first = std::find_if(entries.begin(), entries.end(), versioned);  // entries are sorted by name
    const std::string head = read_text(directory / first->name, 4096);
    return head.starts_with("-- migrate:up") || head.find("\n-- migrate:up") != std::string::npos;
  }

  std::string_view configured_;
  std::map<std::string, Group> by_directory_;  // by path (std::string compares faster)
  std::map<std::string, std::optional<Group>, std::less<>> marker_groups_;  // marker_group_in's answers, by path
  const Group* last_group_ = nullptr;            // the last file's directory's, in by_directory_
  const std::string* last_directory_ = nullptr;  // its key
  std::string last_before_name_;                 // the text before that file's name
  DirectoryListings own_listings_;  // when the caller shares none
  DirectoryListings& listings_;
};

// ---- ordering one group ---------------------------------------------------------------------

using Files = std::vector<DiscoveredFile>;

// Stable sort by a key computed once per file: comparisons are many more than files, and taking a
// path apart in each one cost more than the rest of the ordering. Files without a key keep their
// natural order after the others.
template <typename Key, typename Less = std::less<Key>>
void sort_by_key(Files& files, const std::function<std::optional<Key>(const DiscoveredFile&)>& key_of,
                 Less less = {}) {
  std::vector<std::pair<std::optional<Key>, DiscoveredFile>> keyed;
  keyed.reserve(files.size());
  for (auto& f : files) keyed.emplace_back(key_of(f), std::move(f));
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
    return a.first && less(*a.first, *b.first);
  });
  files.clear();
  for (auto& [key, f] : keyed) files.push_back(std::move(f));
}

std::string file_name_of(const DiscoveredFile& f) {
  return std::string(path_file_name(f.path));
}

void order_sqitch(Files& files, const fs::path& plan_directory) {
  const auto scripts = sqitch_deploy_scripts(plan_directory / "sqitch.plan");
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < scripts.size(); ++i) position.emplace(scripts[i], i);
  sort_by_key<size_t>(files, [&](const DiscoveredFile& f) -> std::optional<size_t> {
    const auto it = position.find(relative_to(f.path, plan_directory));
    return it == position.end() ? std::nullopt : std::optional(it->second);
  });
}

void order_liquibase(Files& files, const fs::path& master) {
  const auto includes = liquibase_includes(master);
  const fs::path base = master.parent_path();
  using Key = std::pair<size_t, std::string>;
  sort_by_key<Key>(files, [&](const DiscoveredFile& f) -> std::optional<Key> {
    const std::string path = fs::path(f.path).lexically_normal().generic_string();
    const std::string rel = relative_to(f.path, base);
    for (size_t i = 0; i < includes.size(); ++i) {
      const std::string& inc = includes[i].path;
      // Relative to the changelog, or to a search path above it: matched as a path suffix.
      const bool matches = includes[i].all ? (rel.starts_with(inc) || path.find("/" + inc) != std::string::npos)
                                           : (rel == inc || path.ends_with("/" + inc));
      if (matches) return Key{i, includes[i].all ? path : std::string()};
    }
    return std::nullopt;
  });
}

void order_yoyo(Files& files) {
  // yoyo lists a directory with sorted(os.listdir()): plain string order of the names.
  sort_by_key<std::string>(files, file_name_of);
  std::vector<fs::path> listed;
  for (const auto& f : files) listed.emplace_back(f.path);
  Files ordered;
  for (const size_t i : yoyo_order(listed)) ordered.push_back(std::move(files[i]));
  files = std::move(ordered);
}

void order_flyway(Files& files) {
  sort_by_key<FlywayName>(
      files, [](const DiscoveredFile& f) { return parse_flyway(file_name_of(f)); },
      [](const FlywayName& x, const FlywayName& y) {
        if (x.kind != y.kind) return x.kind < y.kind;
        if (x.kind == FlywayName::Versioned) return compare_flyway_versions(x.version, y.version) < 0;
        if (x.kind == FlywayName::Repeatable) return x.description < y.description;
        return false;
      });
}

void order_dbmate(Files& files) { sort_by_key<std::string>(files, file_name_of); }

// What JavaScript's localeCompare(…, "en") does with migration names, closely enough: punctuation
// before digits before letters, letters without regard to case; the bytes decide a tie.
bool locale_less(std::string_view a, std::string_view b) {
  const auto weight = [](unsigned char c) {
    if (std::isdigit(c)) return std::pair{1, static_cast<int>(c)};
    if (std::isalpha(c)) return std::pair{2, std::tolower(c)};
    if (c >= 0x80) return std::pair{3, static_cast<int>(c)};
    return std::pair{0, static_cast<int>(c)};
  };
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    const auto x = weight(static_cast<unsigned char>(a[i])), y = weight(static_cast<unsigned char>(b[i]));
    if (x != y) return x < y;
  }
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

// Prisma reads its migration directories sorted by name with localeCompare: a shorter version
// (20250625_x) sorts by its digits as text, not as a number.
void order_prisma(Files& files) {
  sort_by_key<std::string>(
      files, [](const DiscoveredFile& f) { return std::string(path_file_name(path_parent(f.path))); }, locale_less);
}

// <schema>/{common,main,state}/delta/<N>/<file>: by N, then by file name across the directories;
// full schemas and other files first.
void order_synapse(Files& files, const fs::path& root) {
  using Key = std::tuple<int, unsigned long long, std::string>;
  sort_by_key<Key>(files, [&](const DiscoveredFile& f) -> std::optional<Key> {
    std::string rel = relative_to(f.path, root);  // normal: no empty, "." or ".." parts
    std::vector<std::string_view> parts;
    for (size_t start = 0; start < rel.size();) {
      const size_t slash = std::min(rel.find('/', start), rel.size());
      parts.push_back(std::string_view(rel).substr(start, slash - start));
      start = slash + 1;
    }
    if (parts.size() == 4 && (parts[1] == "delta" || parts[1] == "full_schemas") && !digit_prefix(parts[2]).empty() &&
        digit_prefix(parts[2]).size() == parts[2].size() && parts[2].size() < 19)
      return Key{parts[1] == "delta" ? 1 : 0, std::stoull(std::string(parts[2])), std::string(parts[3])};
    return Key{0, 0, std::move(rel)};
  });
}

void order_temporal(Files& files, const fs::path& directory) {
  const auto listed = temporal_manifest_files(directory);
  sort_by_key<size_t>(files, [&](const DiscoveredFile& f) -> std::optional<size_t> {
    const auto it = std::find(listed.begin(), listed.end(), fs::path(f.path).filename().string());
    return it == listed.end() ? std::nullopt : std::optional(static_cast<size_t>(it - listed.begin()));
  });
}

void order_group(const Group& group, Files& members) {
  switch (group.scheme) {
    case Scheme::Sqitch:
      return order_sqitch(members, group.root);
    case Scheme::Liquibase:
      return order_liquibase(members, group.root);
    case Scheme::Yoyo:
      return order_yoyo(members);
    case Scheme::Flyway:
      return order_flyway(members);
    case Scheme::Dbmate:
      return order_dbmate(members);
    case Scheme::Prisma:
      return order_prisma(members);
    case Scheme::Synapse:
      return order_synapse(members, group.root);
    case Scheme::Temporal:
      return order_temporal(members, group.root);
    case Scheme::Natural:
      return;
  }
}

}  // namespace

int compare_flyway_versions(std::string_view a, std::string_view b) {
  // Parts split on `.` (or `_`); each compares as a number of any size; missing parts are 0.
  const auto parts = [](std::string_view v) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (size_t i = 0; i <= v.size(); ++i) {
      if (i == v.size() || v[i] == '.' || v[i] == '_') {
        std::string_view part = v.substr(start, i - start);
        while (part.size() > 1 && part.front() == '0') part.remove_prefix(1);
        out.push_back(part);
        start = i + 1;
      }
    }
    return out;
  };
  const auto pa = parts(a), pb = parts(b);
  for (size_t i = 0; i < std::max(pa.size(), pb.size()); ++i) {
    std::string_view x = i < pa.size() ? pa[i] : "0", y = i < pb.size() ? pb[i] : "0";
    if (x.empty()) x = "0";
    if (y.empty()) y = "0";
    if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    if (const int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

void order_for_runners(std::vector<DiscoveredFile>& files, std::string_view configured_runner,
                       DirectoryListings* listings) {
  GroupFinder finder(configured_runner, listings);
  std::map<Group, std::vector<size_t>> slots;  // each group's positions in the natural order
  for (size_t i = 0; i < files.size(); ++i) {
    const Group group = finder.of(files[i].path);
    if (group.scheme != Scheme::Natural) slots[group].push_back(i);
  }
  // Each group is reordered within the positions its files already take, so files of other
  // runners (or none) keep their place.
  for (const auto& [group, positions] : slots) {
    Files members;
    for (const size_t i : positions) members.push_back(std::move(files[i]));
    order_group(group, members);
    for (size_t k = 0; k < positions.size(); ++k) files[positions[k]] = std::move(members[k]);
  }
}

}  // namespace zdlint
