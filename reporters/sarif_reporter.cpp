// The SARIF 2.1.0 format, shaped for GitHub code scanning (docs/output.md). Columns are UTF-16 code
// units (run.columnKind), endColumn is exclusive, URIs are relative to the current directory under
// %SRCROOT% and percent-encoded.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "analyzer/directory_listing.h"
#include "analyzer/thread_pool.h"
#include "reporters/json_tree_printer.h"
#include "reporters/json_writer.h"
#include "reporters/pretty_json_writer.h"
#include "reporters/reporter.h"
#include "rules/registry.h"
#include "rules/rule_docs.h"

namespace zdlint {
namespace {

using nlohmann::ordered_json;
namespace fs = std::filesystem;

#ifndef ZDLINT_HOMEPAGE
#define ZDLINT_HOMEPAGE "https://github.com/zdlint/zdlint"
#endif
constexpr std::string_view kHomepage = ZDLINT_HOMEPAGE;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "warning";
}

std::string_view problem_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "recommendation";
  }
  return "warning";
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

}  // namespace

std::string sarif_percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c) || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

// A line's primaryLocationLineHash before formatting ("<hash in hex>:<occurrence>"): a report
// formats only the lines that have results.
struct LineHash {
  uint64_t hash = 0;
  unsigned occurrence = 0;  // 0: no hash for the line
};

// "<hash in hex>:<occurrence>", as GitHub's own fingerprinting writes it.
std::string format_line_hash(LineHash h) {
  char buffer[40];
  char* end = std::to_chars(buffer, buffer + sizeof buffer, h.hash, 16).ptr;
  *end++ = ':';
  end = std::to_chars(end, buffer + sizeof buffer, h.occurrence).ptr;
  return {buffer, end};
}

// Calls emit(line, hash) for each line, in line order (lines are 1-based), until emit returns false.
template <typename Emit>
void rolling_line_hashes(std::string_view text, Emit&& emit) {
  // GitHub's codeql-action (src/fingerprints.ts, hash()): a line's hash is a polynomial hash (base
  // 37, mod 2^64) of the 100 UTF-16 code units from its start, blanks and tabs left out, CR and
  // CRLF counted as LF, the end as 65535 and zeros after it. codeql-action rolls one hash over a
  // window of the last 100 units; here the hash P(n) of the first n units is kept instead
  // (P(n + 1) = 37 P(n) + unit n), and a line starting at unit s gets P(s + 100) - 37^100 P(s) once
  // unit s + 100 is reached: one multiplication a unit, and none of the window's loads and stores.
  constexpr size_t kBlock = 100;
  constexpr uint64_t kMod = 37;
  uint64_t first_mod = 1;
  for (size_t i = 0; i < kBlock; ++i) first_mod *= kMod;
  // The lines started but not hashed yet, by line number: at most 100, each starting at another of
  // the last 100 units.
  constexpr size_t kRing = 128;
  struct Start {
    size_t unit = 0;      // where the line starts
    uint64_t prefix = 0;  // P(unit)
  };
  std::array<Start, kRing> starts;
  constexpr size_t kNone = SIZE_MAX;
  uint64_t prefix = 0;  // P(units)
  size_t units = 0;     // units read so far
  size_t line = 0;      // the last line started
  size_t next = 1;      // the next line to hash
  size_t due = kNone;   // where that line's window ends
  bool line_start = true, prev_cr = false;
  bool wanted = true;  // whether emit wants the next line's hash

  const auto output = [&] {
    const Start& start = starts[next % kRing];
    wanted = emit(next, prefix - first_mod * start.prefix);
    ++next;
    due = next <= line ? starts[next % kRing].unit + kBlock : kNone;
  };
  const auto update = [&](uint64_t cur) {
    prefix = kMod * prefix + cur;
    ++units;
  };
  // Inlined into the loop over the text, which then keeps the state in registers.
  const auto process = [&](uint64_t cur) __attribute__((always_inline)) {
    if (cur == ' ' || cur == '\t' || (prev_cr && cur == '\n')) {
      prev_cr = false;
      return;
    }
    if (cur == '\r') {
      cur = '\n';
      prev_cr = true;
    } else {
      prev_cr = false;
    }
    if (units == due) output();
    if (line_start) {
      line_start = false;
      starts[++line % kRing] = {units, prefix};
      if (due == kNone) due = units + kBlock;
    }
    if (cur == '\n') line_start = true;
    update(cur);
  };

  for (size_t i = 0; i < text.size() && wanted;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c > ' ' && c < 0x7F && !line_start) {  // most of the text: a unit that starts and ends no line
      prev_cr = false;
      if (units == due) output();
      update(c);
      ++i;
      continue;
    }
    if (c < 0x80) {
      process(c);
      ++i;
      continue;
    }
    const uint32_t len = utf8_sequence_length(text, i);
    const auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(text[i + k])); };
    uint32_t cp = b(0);
    if (len == 2) cp = ((cp & 0x1F) << 6) | (b(1) & 0x3F);
    else if (len == 3) cp = ((cp & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    else if (len == 4) cp = ((cp & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    else if (cp >= 0x80) cp = 0xFFFD;  // invalid byte: never happens for validated input
    if (cp > 0xFFFF) {
      cp -= 0x10000;
      process(0xD800 + (cp >> 10));
      process(0xDC00 + (cp & 0x3FF));
    } else {
      process(cp);
    }
    i += len;
  }
  if (!wanted) return;
  process(65535);
  for (size_t i = 0; i < kBlock && wanted; ++i) {
    if (units == due) output();
    update(0);
  }
}

// Every line's hash, each with its occurrence: how many lines up to it have the same hash.
std::vector<LineHash> line_hashes_of(std::string_view text) {
  std::unordered_map<uint64_t, unsigned> counts;
  std::vector<LineHash> out;  // out[line - 1]
  out.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  rolling_line_hashes(text, [&](size_t line, uint64_t hash) {
    if (out.size() < line) out.resize(line);
    out[line - 1] = {hash, ++counts[hash]};
    return true;
  });
  return out;
}

// The hashes of the given lines only (sorted, unique: the lines a report has results on), sorted by
// line. A line's occurrence counts the lines up to it with the same hash, so every line up to the
// last wanted one is hashed, and none after it; but only the hashes the wanted lines have are
// counted: a large file's report then holds 8 bytes a line, not a count for every distinct line.
std::vector<std::pair<uint32_t, LineHash>> line_hashes_at(std::string_view text, const std::vector<uint32_t>& lines) {
  std::vector<uint64_t> by_line;  // by_line[line - 1], valid where `hashed`
  std::vector<bool> hashed;
  const size_t last_wanted = lines.empty() ? 0 : lines.back();
  if (last_wanted == 0) return {};
  by_line.reserve(last_wanted);
  hashed.reserve(last_wanted);
  rolling_line_hashes(text, [&](size_t line, uint64_t hash) {
    if (by_line.size() < line) {
      by_line.resize(line);
      hashed.resize(line);
    }
    by_line[line - 1] = hash;
    hashed[line - 1] = true;
    return line < last_wanted;
  });
  std::unordered_map<uint64_t, unsigned> counts;
  for (const uint32_t line : lines)
    if (line >= 1 && line <= by_line.size() && hashed[line - 1]) counts.emplace(by_line[line - 1], 0);
  std::vector<std::pair<uint32_t, LineHash>> out;
  auto wanted = lines.begin();
  for (size_t i = 0; i < by_line.size() && wanted != lines.end(); ++i) {
    if (!hashed[i]) continue;
    const auto count = counts.find(by_line[i]);
    if (count == counts.end()) continue;
    ++count->second;
    while (wanted != lines.end() && *wanted < i + 1) ++wanted;
    if (wanted != lines.end() && *wanted == i + 1) out.push_back({*wanted, {by_line[i], count->second}});
  }
  return out;
}

// The hash line_hashes_at found for `line`; null when the line has none.
const LineHash* hash_of_line(const std::vector<std::pair<uint32_t, LineHash>>& hashes, uint32_t line) {
  const auto it = std::lower_bound(hashes.begin(), hashes.end(), line,
                                   [](const auto& entry, uint32_t l) { return entry.first < l; });
  return it != hashes.end() && it->first == line ? &it->second : nullptr;
}

}  // namespace

std::vector<std::string> primary_location_line_hashes(std::string_view text) {
  std::vector<std::string> out;
  for (const LineHash h : line_hashes_of(text)) out.push_back(h.occurrence ? format_line_hash(h) : std::string());
  return out;
}

std::vector<std::string> primary_location_line_hashes(std::string_view text, const std::vector<uint32_t>& lines) {
  const auto hashes = line_hashes_at(text, lines);
  std::vector<std::string> out;
  for (const uint32_t line : lines) {
    const LineHash* hash = hash_of_line(hashes, line);
    out.push_back(hash ? format_line_hash(*hash) : std::string());
  }
  return out;
}

namespace {

class SarifWriter {
 public:
  SarifWriter(const LintResult& result, const SarifOptions& options) : result_(result), options_(options) {
    std::error_code ec;
    cwd_ = fs::current_path(ec);
    base_ = options.base_directory.empty() ? cwd_ : fs::path(options.base_directory);
    base_ = fs::weakly_canonical(base_, ec).lexically_normal();
  }

  // The document is written in two parts so that the results, most of a large report, never exist
  // as one tree: the skeleton (rules, invocation, an empty results array last) is built and
  // printed up to that array, then each result is built, printed on a line of its own and freed.
  void write(std::ostream& out) {
    // The skeleton, mostly the rules' documentation, is built and printed on a thread of its own
    // while the files' directories are resolved and their line hashes computed. The notifications'
    // artifacts are resolved first, as ever before the directories are (artifact() reads them).
    ordered_json notifications = notifications_json();
    const auto print_skeleton = [this, &notifications] { return skeleton_text(notifications); };
    std::future<std::string> skeleton_ready =
        std::async(options_.jobs > 1 ? std::launch::async : std::launch::deferred, print_skeleton);
    std::vector<const Diagnostic*> results;
    for (const auto& d : result_.diagnostics) results.push_back(&d);
    if (options_.include_suppressed) {
      // Every result then has a suppressions array, [] when it is not suppressed (SARIF §3.27.23).
      for (const auto& d : result_.suppressed) results.push_back(&d);
      std::stable_sort(results.begin(), results.end(), [](const Diagnostic* a, const Diagnostic* b) {
        return std::pair(a->file, a->range.begin) < std::pair(b->file, b->range.begin);
      });
    }
    // Results are formatted in parallel, in chunks printed in order; what they share (each file's
    // URI and line hashes) is computed first, also in parallel, so the workers only read it.
    std::vector<FileId> files;
    for (const Diagnostic* d : results)
      if (files.empty() || files.back() != d->file) files.push_back(d->file);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    resolve_directories(files);
    std::vector<std::vector<uint32_t>> result_lines(files.size());  // where each file's results start
    for (const Diagnostic* d : results) {
      const auto k = static_cast<size_t>(std::lower_bound(files.begin(), files.end(), d->file) - files.begin());
      result_lines[k].push_back(result_.files.at(d->file).source->line_of(d->range.begin));
    }
    std::vector<ResultFile> shared(files.size());
    parallel_for(files.size(), options_.jobs, [&](size_t k) {
      const FileReport& file = result_.files.at(files[k]);
      std::vector<uint32_t>& lines = result_lines[k];
      std::sort(lines.begin(), lines.end());
      lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
      shared[k].line_hashes = line_hashes_at(file.source->text(), lines);
      lines = {};
      shared[k].artifact = artifact_json(file.path);
    });
    for (size_t k = 0; k < files.size(); ++k) result_files_.emplace(files[k], std::move(shared[k]));
    const std::string skeleton = skeleton_ready.get();  // write_result reads rule_index_, which it fills
    const size_t open = empty_array_end(skeleton, "results");  // the run's last key, after every rule's text
    out << std::string_view(skeleton).substr(0, open);
    // Chunks of results are written on worker threads while this one prints the finished ones in
    // order, so a large report is never held in memory whole. The strings are a ring as long as the
    // pipeline's window (chunk c + ring.size() starts only once chunk c is printed): each is
    // allocated, and its pages touched, once.
    constexpr size_t kChunk = 256;
    std::vector<std::string> ring(4 * std::max(1u, options_.jobs));
    ordered_pipeline((results.size() + kChunk - 1) / kChunk, options_.jobs, {.items = ring.size(), .weight = SIZE_MAX},
                     [&](size_t c) {
                       std::string& chunk = ring[c % ring.size()];
                       chunk.clear();
                       for (size_t i = c * kChunk; i < std::min(results.size(), (c + 1) * kChunk); ++i) {
                         chunk += i == 0 ? "\n        " : ",\n        ";
                         write_result(*results[i], chunk);
                       }
                       return chunk.size();
                     },
                     [&](size_t c) { out << ring[c % ring.size()]; });
    if (!results.empty()) out << "\n      ";
    out << std::string_view(skeleton).substr(open) << '\n';
  }

 private:
  // toolExecutionNotifications: one for each input problem.
  ordered_json notifications_json() {
    ordered_json notifications = ordered_json::array();
    for (const auto& p : result_.problems) {
      notifications.push_back({
          {"level", p.is_error ? "error" : "warning"},
          {"message", {{"text", sentence(p.path + ": " + p.message)}}},
          {"locations", ordered_json::array({{{"physicalLocation", {{"artifactLocation", artifact(p.path)}}}}})},
          {"descriptor", {{"id", p.is_error ? "input-error" : "input-warning"}}},
      });
    }
    return notifications;
  }

  // Everything but the results, as text laid out as nlohmann's dump(2) would, with an empty results
  // array that write() prints them into. Of the writer's state it reads only options_, result_ and
  // base_, and it fills rule_index_: it runs while write() resolves directories.
  std::string skeleton_text(const ordered_json& notifications) {
    std::string text;
    PrettyJsonWriter w(text);
    w.begin_object();
    w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    w.key("version").value("2.1.0");
    w.key("runs").begin_array().begin_object();
    w.key("tool").begin_object().key("driver").begin_object();
    w.key("name").value("zdlint");
    w.key("version").value(ZDLINT_VERSION);
    w.key("semanticVersion").value(ZDLINT_VERSION);
    w.key("informationUri").value(kHomepage);
    w.key("rules").begin_array();
    for (const Rule* rule : all_rules())
      if (options_.rules.enabled(rule->meta.id)) add_rule(w, rule->meta);
    for (const auto& d : result_.diagnostics)  // a finding from a rule not listed above (never expected)
      if (!rule_index_.contains(d.rule.str()))
        if (const Rule* rule = find_rule(d.rule.str())) add_rule(w, rule->meta);
    if (options_.include_suppressed)
      for (const auto& d : result_.suppressed)
        if (!rule_index_.contains(d.rule.str()))
          if (const Rule* rule = find_rule(d.rule.str())) add_rule(w, rule->meta);
    w.end_array().end_object().end_object();  // rules, driver, tool

    w.key("invocations").begin_array().begin_object();
    w.key("executionSuccessful").value(options_.execution_successful);
    w.key("exitCode").value(options_.exit_code);
    w.key("toolExecutionNotifications");
    write_json_tree(w, notifications);
    w.end_object().end_array();

    std::string base_uri = "file://" + sarif_percent_encode_path(base_.generic_string());
    if (!base_uri.ends_with('/')) base_uri += '/';
    w.key("originalUriBaseIds").begin_object().key("%SRCROOT%").begin_object().key("uri").value(base_uri);
    w.end_object().end_object();
    w.key("columnKind").value("utf16CodeUnits");
    w.key("results").begin_array().end_array();  // written by write(), one result at a time
    w.end_object().end_array();                  // the run, runs
    w.end_object();
    return text;
  }

  void add_rule(PrettyJsonWriter& w, const RuleMeta& m) {
    rule_index_.emplace(m.id, rule_index_.size());
    const std::string help_uri = std::string(kHomepage) + "/blob/main/" + m.docs_path();
    const std::optional<std::string_view> doc = rule_doc(m.id);
    std::string text, markdown;
    if (!doc) {
      text = sentence(m.rationale) + "\n\n" + sentence(m.alternative);
      markdown = text + "\n\nSee [" + std::string(m.id) + "](" + help_uri + ").";
    }
    w.begin_object();
    w.key("id").value(m.id);
    w.key("shortDescription").begin_object().key("text").value(sentence(m.summary)).end_object();
    w.key("fullDescription").begin_object().key("text").value(sentence(m.rationale)).end_object();
    w.key("help").begin_object();
    w.key("text").value(doc ? *doc : std::string_view(text));
    w.key("markdown").value(doc ? *doc : std::string_view(markdown));
    w.end_object();
    w.key("helpUri").value(help_uri);
    w.key("defaultConfiguration").begin_object().key("level").value(sarif_level(m.severity)).end_object();
    w.key("properties").begin_object();
    w.key("tags").begin_array().value("postgresql").value("migration").value(m.category).end_array();
    w.key("precision").value(m.category == "syntax" ? "very-high" : "high");
    w.key("problem.severity").value(problem_severity(m.severity));
    w.end_object();
    w.end_object();
  }

  // Relative to the base directory under %SRCROOT% when the file is inside it, else an absolute file: URI.
  // Resolved once per file: resolving asks the file system about every component of the path.
  const ordered_json& artifact(const std::string& path) {
    auto [it, inserted] = artifacts_.try_emplace(path);
    if (inserted) it->second = resolve_artifact(path);
    return it->second;
  }

  // Standard input ("-") and "<…>" stand-ins are not paths on disk: nothing to resolve.
  static bool names_a_file(std::string_view path) { return path != "-" && !path.starts_with('<'); }

  // What follows `directory` in `path` when `path` lies inside it (both absolute and normal; the
  // root is left out, which every path lies in).
  static std::optional<std::string_view> below(std::string_view directory, std::string_view path) {
    if (directory.size() <= 1 || path.size() <= directory.size() + 1 || !path.starts_with(directory) ||
        path[directory.size()] != '/')
      return std::nullopt;
    return path.substr(directory.size() + 1);
  }

  // A file's artifact location as JSON text. Most files of a report have a plain path in a directory
  // resolve_directories resolved, and are not symbolic links: their location is put together as
  // text, as resolve_artifact would, without std::filesystem taking the path apart (22,000
  // instructions a file). Any other path goes through resolve_artifact.
  [[nodiscard]] std::string artifact_json(const std::string& path) const {
    if (const std::optional<std::string> absolute = names_a_file(path) ? plain_absolute(path) : std::nullopt) {
      const size_t slash = absolute->rfind('/');
      const auto directory =
          slash > 0 ? directories_.find(std::string_view(*absolute).substr(0, slash)) : directories_.end();
      if (directory != directories_.end() && listed_symlink(*absolute) == false) {
        std::string resolved = directory->second;
        if (!resolved.ends_with('/')) resolved += '/';
        resolved.append(*absolute, slash + 1);
        // Below the base directory: the rest of the path, under %SRCROOT%. Outside a base directory
        // that is not the root: the absolute file: URI, as resolve_artifact's relative path would
        // climb out of the base with "..".
        const std::string& base = base_.native();
        const std::optional<std::string_view> rest = below(base, resolved);
        if (rest || (base.size() > 1 && base.starts_with('/') && !base.ends_with('/'))) {
          std::string json;
          JsonWriter writer(json);
          writer.begin_object().key("uri");
          if (rest)
            writer.value(sarif_percent_encode_path(*rest)).key("uriBaseId").value("%SRCROOT%");
          else
            writer.value("file://" + sarif_percent_encode_path(resolved));
          writer.end_object();
          return json;
        }
      }
    }
    return resolve_artifact(path).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  // absolute_of(path) as text when it is plain (absolute, no empty, "." or ".." component, no
  // trailing '/'), which std::filesystem would leave as it is; nullopt otherwise.
  [[nodiscard]] std::optional<std::string> plain_absolute(const std::string& path) const {
    if (!path.starts_with('/') && cwd_.empty()) return std::nullopt;
    std::string absolute = path.starts_with('/') ? path : cwd_.native() + '/' + path;
    if (absolute.ends_with('/')) return std::nullopt;
    for (size_t at = 0; at != std::string::npos;) {
      const size_t next = absolute.find('/', at + 1);
      const std::string_view component = std::string_view(absolute).substr(at + 1, next - at - 1);  // npos: the rest
      if (component.empty() || component == "." || component == "..") return std::nullopt;
      at = next;
    }
    return absolute;
  }

  [[nodiscard]] ordered_json resolve_artifact(const std::string& path) const {
    if (!names_a_file(path)) return {{"uri", sarif_percent_encode_path(path)}, {"uriBaseId", "%SRCROOT%"}};
    const fs::path absolute = resolved(absolute_of(path));
    // Inside the base directory, as nearly every file is: the rest of the path.
    if (const auto rest = below(base_.native(), absolute.native()))
      return {{"uri", sarif_percent_encode_path(*rest)}, {"uriBaseId", "%SRCROOT%"}};
    const fs::path relative = absolute.lexically_relative(base_);
    const std::string rel = relative.generic_string();
    if (!relative.empty() && rel != "." && !rel.starts_with("../") && rel != "..")
      return {{"uri", sarif_percent_encode_path(rel)}, {"uriBaseId", "%SRCROOT%"}};
    return {{"uri", "file://" + sarif_percent_encode_path(absolute.generic_string())}};
  }

  // weakly_canonical asks the file system about every component of a path (a readlink each): the
  // directories of a report's files are resolved once each, up front (resolve_directories), and a
  // file on its own only when it is a symbolic link.
  void resolve_directories(const std::vector<FileId>& files) {
    for (const FileId id : files) {
      const std::string& path = result_.files.at(id).path;
      if (!names_a_file(path)) continue;
      if (const std::optional<std::string> plain = plain_absolute(path)) {  // its directory is the text before its name
        const size_t slash = plain->rfind('/');
        resolve_directory(slash > 0 ? std::string_view(*plain).substr(0, slash) : std::string_view("/"));
        continue;
      }
      const fs::path absolute = absolute_of(path);
      if (absolute.has_parent_path()) resolve_directory(absolute.parent_path().native());
    }
  }

  // As std::filesystem::absolute, from the working directory asked for once (getcwd is a system call).
  [[nodiscard]] fs::path absolute_of(const std::string& path) const {
    if (cwd_.empty()) {
      std::error_code ec;
      fs::path absolute = fs::absolute(path, ec);
      return ec ? fs::path(path) : absolute;
    }
    return fs::path(path).is_absolute() ? fs::path(path) : cwd_ / path;
  }

  // A directory that is not a symbolic link resolves to its parent's resolution and its own name,
  // so that each directory costs one lstat rather than a readlink of every component above it. A
  // path ending in "." or ".." is resolved whole: ".." after a link leaves the link's target, so
  // "link/../m" is the resolution of "link/.." (whole) and then "m". The path is taken apart as
  // text (path_parent and path_file_name split it as std::filesystem would): std::filesystem cost
  // 14,000 instructions a directory.
  const std::string& resolve_directory(std::string_view directory) {
    if (const auto it = directories_.find(directory); it != directories_.end()) return it->second;
    const std::string_view name = path_file_name(directory);
    const std::string_view parent = path_parent(directory);
    std::string resolution;
    if (!is_plain_name(name) || parent.empty() || parent == directory || is_symlink(directory)) {
      std::error_code ec;
      resolution = fs::weakly_canonical(fs::path(directory), ec).lexically_normal().native();
    } else {  // the parent's resolution is normal, and so is a plain name added to it
      resolution = resolve_directory(parent);
      if (!resolution.empty() && !resolution.ends_with('/')) resolution += '/';
      resolution += name;
    }
    return directories_.emplace(directory, std::move(resolution)).first->second;
  }

  // Not empty (a trailing '/'), "." or "..", which resolve_directory cannot simply append.
  static bool is_plain_name(std::string_view name) { return !name.empty() && name != "." && name != ".."; }

  // Whether `absolute` is a symbolic link. Discovery's listings know it of what the run walked (by
  // the paths it walked: absolute, or relative to the working directory); the file system is asked
  // the rest, an lstat a path.
  [[nodiscard]] bool is_symlink(std::string_view absolute) const {
    if (const std::optional<bool> known = listed_symlink(absolute)) return *known;
    std::error_code ec;
    return fs::is_symlink(fs::path(absolute), ec);
  }

  // What discovery's listings know of `absolute` being a symbolic link; nullopt when they do not.
  [[nodiscard]] std::optional<bool> listed_symlink(std::string_view absolute) const {
    const DirectoryListings* listings = result_.listings.get();
    if (!listings) return std::nullopt;
    if (const auto known = listings->is_symlink(absolute)) return known;
    if (const auto relative = below(cwd_.native(), absolute)) return listings->is_symlink(*relative);
    return std::nullopt;
  }

  [[nodiscard]] fs::path resolved(const fs::path& absolute) const {
    std::error_code ec;
    if (is_symlink(absolute.native()) || !absolute.has_parent_path())
      return fs::weakly_canonical(absolute, ec).lexically_normal();
    const auto it = directories_.find(absolute.parent_path().native());
    const fs::path directory = it != directories_.end()
                                   ? fs::path(it->second)
                                   : fs::weakly_canonical(absolute.parent_path(), ec).lexically_normal();
    const fs::path name = absolute.filename();
    return is_plain_name(name.native()) ? directory / name : (directory / name).lexically_normal();
  }

  // `text` as sentence() makes it, as the content of a JSON string.
  static void append_sentence(std::string& out, std::string_view text) {
    const SentenceParts parts = sentence_parts(text);
    append_json_string_content(out, parts.kept);
    if (parts.add_period) out += '.';
  }

  // A region and a physical location, two of every result's values and most of its keys, are
  // appended as text of their own: through the writer, their keys cost more than their bytes.
  static void region(std::string& out, const SourceFile& source, ByteRange range, bool snippet) {
    const auto begin = source.position(range.begin);
    const auto end = source.position(range.end);
    out += "{\"startLine\":";
    append_json_number(out, begin.line);
    out += ",\"startColumn\":";
    append_json_number(out, begin.column_utf16);
    out += ",\"endLine\":";
    append_json_number(out, end.line);
    out += ",\"endColumn\":";
    append_json_number(out, end.column_utf16);
    if (snippet) {
      out += ",\"snippet\":{\"text\":";
      append_json_string(out, source.text().substr(range.begin, range.size()));
      out += '}';
    }
    out += '}';
  }

  static void physical_location(JsonWriter& w, const std::string& artifact, const SourceFile& source, ByteRange range) {
    std::string& out = w.key("physicalLocation").value_text();
    out += "{\"artifactLocation\":";
    out += artifact;
    out += ",\"region\":";
    region(out, source, range, true);
    out += '}';
  }

  // Thread-safe once write() has filled result_files_ for the result's file.
  void write_result(const Diagnostic& d, std::string& out) const {
    const auto& file = result_.files.at(d.file);
    const SourceFile& source = *file.source;
    const ResultFile& shared = result_files_.at(d.file);
    const std::string& where = shared.artifact;

    JsonWriter w(out);
    w.begin_object();
    w.key("ruleId").value(d.rule.str());
    w.key("ruleIndex").value(rule_index_.find(d.rule.str())->second);
    w.key("level").value(sarif_level(d.severity));
    // The message's text: the diagnostic's, its notes that have no place of their own, and its
    // help, each a sentence, escaped piece by piece into the report.
    std::string& message = w.key("message").value_text();
    message += "{\"text\":\"";
    append_sentence(message, d.message);
    for (const auto& note : d.notes)
      if (!note.range) append_sentence(message += ' ', note.message);
    if (!d.help.empty()) append_sentence(message += " Help: ", d.help);
    message += "\"}";
    w.key("locations").begin_array().begin_object();
    physical_location(w, where, source, d.range);
    w.end_object().end_array();
    if (std::any_of(d.notes.begin(), d.notes.end(), [](const auto& note) { return note.range.has_value(); })) {
      w.key("relatedLocations").begin_array();
      uint64_t id = 0;
      for (const auto& note : d.notes) {
        if (!note.range) continue;
        w.begin_object().key("id").value(++id);
        physical_location(w, where, source, *note.range);
        w.key("message").begin_object().key("text").value(sentence(note.message)).end_object();
        w.end_object();
      }
      w.end_array();
    }
    // GitHub reads only primaryLocationLineHash; zdlint/v1 (no line number in it) is for tools that
    // match results across commits by content, as --baseline does.
    const uint32_t line = source.line_of(d.range.begin);
    const LineHash* line_hash = hash_of_line(shared.line_hashes, line);
    if (line_hash || !d.fingerprint.empty()) {
      w.key("partialFingerprints").begin_object();
      if (line_hash) w.key("primaryLocationLineHash").value(format_line_hash(*line_hash));
      if (!d.fingerprint.empty()) w.key("zdlint/v1").value(d.fingerprint);
      w.end_object();
    }
    if (d.fix && !d.fix->edits.empty()) {
      w.key("fixes").begin_array().begin_object();
      w.key("description").begin_object().key("text").value(sentence(d.fix->title)).end_object();
      w.key("artifactChanges").begin_array().begin_object().key("artifactLocation").raw(where);
      w.key("replacements").begin_array();
      for (const auto& edit : d.fix->edits) {
        w.begin_object();
        region(w.key("deletedRegion").value_text(), source, edit.range, false);
        if (!edit.replacement.empty()) w.key("insertedContent").begin_object().key("text").value(edit.replacement).end_object();
        w.end_object();
      }
      w.end_array().end_object().end_array();
      w.end_object().end_array();
    }
    if (options_.include_suppressed) {
      // Every result then has a suppressions array, [] when it is not suppressed (SARIF §3.27.23).
      w.key("suppressions").begin_array();
      if (d.suppression) {
        w.begin_object().key("kind").value("inSource").key("status").value("accepted");
        if (!d.suppression->reason.empty()) w.key("justification").value(d.suppression->reason);
        w.key("location").begin_object();
        physical_location(w, where, source, d.suppression->directive);
        w.end_object().end_object();
      }
      w.end_array();
    }
    w.end_object();
  }

  // What the results of one file share, computed once per file before they are written.
  struct ResultFile {
    std::vector<std::pair<uint32_t, LineHash>> line_hashes;  // of the lines results start on, by line
    std::string artifact;  // its artifactLocation, as JSON text
  };

  const LintResult& result_;
  const SarifOptions& options_;
  fs::path cwd_;
  fs::path base_;
  // The directories of the files with results, resolved (resolve_directories); only read after.
  std::map<std::string, std::string, std::less<>> directories_;
  std::map<std::string, size_t, std::less<>> rule_index_;
  std::map<FileId, ResultFile> result_files_;
  std::map<std::string, ordered_json, std::less<>> artifacts_;
};

}  // namespace

void report_sarif(std::ostream& out, const LintResult& result, const SarifOptions& options) {
  SarifWriter writer(result, options);
  writer.write(out);
}

}  // namespace zdlint
