#include "analyzer/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

namespace zdlint {
namespace fs = std::filesystem;
namespace {

constexpr int kFormatVersion = 1;

// Paths are stored relative to the baseline's directory so the file works from any working
// directory and on any machine that checks the repository out.
std::string relative_to_baseline(const std::string& path, const fs::path& baseline_file) {
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(fs::absolute(baseline_file, ec).parent_path(), ec);
  const fs::path target = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path relative = target.lexically_relative(base);
  if (relative.empty()) relative = target;
  return relative.generic_string();
}

using Key = std::tuple<std::string, std::string, std::string>;  // file, rule, fingerprint

}  // namespace

Baseline make_baseline(const LintResult& result, const fs::path& baseline_file) {
  Baseline baseline;
  std::map<FileId, std::string> paths;
  for (const auto& d : result.diagnostics) {
    auto [it, fresh] = paths.try_emplace(d.file);
    if (fresh) it->second = relative_to_baseline(result.files.at(d.file).path, baseline_file);
    const auto& source = *result.files.at(d.file).source;
    baseline.entries.push_back(
        {it->second, std::string(d.rule.str()), d.fingerprint, d.message.str(), source.line_of(d.range.begin)});
  }
  return baseline;
}

std::optional<BaselineError> write_baseline(const Baseline& baseline, const fs::path& baseline_file) {
  std::vector<const BaselineEntry*> sorted;
  for (const auto& e : baseline.entries) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](const BaselineEntry* a, const BaselineEntry* b) {
    return std::tie(a->file, a->line, a->rule) < std::tie(b->file, b->line, b->rule);
  });
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const BaselineEntry* e : sorted)
    findings.push_back({{"file", e->file},
                        {"rule", e->rule},
                        {"fingerprint", e->fingerprint},
                        {"line", e->line},
                        {"message", e->message}});
  const nlohmann::ordered_json document = {
      {"zdlintBaseline", kFormatVersion},
      {"comment", "Findings recorded by `zdlint --write-baseline`; `zdlint --baseline FILE` reports only others. "
                  "Matched by file, rule and fingerprint; `line` and `message` are for reading only."},
      {"findings", findings},
  };
  std::ofstream out(baseline_file, std::ios::binary | std::ios::trunc);
  if (!out) return BaselineError{fmt::format("{}: cannot be written", baseline_file.string())};
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  out.close();
  if (!out) return BaselineError{fmt::format("{}: writing failed", baseline_file.string())};
  return std::nullopt;
}

std::optional<BaselineError> read_baseline(const fs::path& baseline_file, Baseline& out) {
  std::ifstream in(baseline_file, std::ios::binary);
  if (!in) return BaselineError{fmt::format("{}: cannot be read", baseline_file.string())};
  std::ostringstream text;
  text << in.rdbuf();
  const auto bad = [&](std::string_view why) {
    return BaselineError{fmt::format("{}: not a zdlint baseline: {} (write one with --write-baseline)",
                                     baseline_file.string(), why)};
  };
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    return bad(fmt::format("invalid JSON at byte {}", e.byte));
  }
  if (!document.is_object() || !document.contains("zdlintBaseline")) return bad("no \"zdlintBaseline\" field");
  if (document["zdlintBaseline"] != kFormatVersion)
    return bad(fmt::format("format version {} is not supported (this zdlint reads {})",
                           document["zdlintBaseline"].dump(), kFormatVersion));
  if (!document.contains("findings") || !document["findings"].is_array()) return bad("no \"findings\" array");
  size_t index = 0;
  for (const auto& f : document["findings"]) {
    const auto text_field = [&](const char* name) -> const nlohmann::json* {
      const auto it = f.find(name);
      return it != f.end() && it->is_string() ? &*it : nullptr;
    };
    const auto* file = f.is_object() ? text_field("file") : nullptr;
    const auto* rule = f.is_object() ? text_field("rule") : nullptr;
    const auto* fingerprint = f.is_object() ? text_field("fingerprint") : nullptr;
    if (!file || !rule || !fingerprint)
      return bad(fmt::format("findings[{}] needs string fields file, rule and fingerprint", index));
    BaselineEntry& entry = out.entries.emplace_back();
    entry.file = file->get<std::string>();
    entry.rule = rule->get<std::string>();
    entry.fingerprint = fingerprint->get<std::string>();
    if (const auto* message = text_field("message")) entry.message = message->get<std::string>();
    if (const auto it = f.find("line"); it != f.end() && it->is_number_unsigned()) entry.line = it->get<uint32_t>();
    ++index;
  }
  return std::nullopt;
}

BaselineMatch apply_baseline(const Baseline& baseline, const fs::path& baseline_file, LintResult& result) {
  std::map<Key, size_t> remaining;  // entries not yet matched, counted: identical findings repeat
  for (const auto& e : baseline.entries) ++remaining[{e.file, e.rule, e.fingerprint}];
  std::map<FileId, std::string> paths;
  BaselineMatch match;
  std::erase_if(result.diagnostics, [&](const Diagnostic& d) {
    auto [it, fresh] = paths.try_emplace(d.file);
    if (fresh) it->second = relative_to_baseline(result.files.at(d.file).path, baseline_file);
    const auto entry = remaining.find({it->second, std::string(d.rule.str()), d.fingerprint});
    if (entry == remaining.end() || entry->second == 0) return false;
    --entry->second;
    ++match.matched;
    return true;
  });
  // Entries of files not linted this time (a subset was given) are not stale.
  std::set<std::string> checked;
  for (const auto& file : result.files)
    if (!file.history) checked.insert(relative_to_baseline(file.path, baseline_file));
  for (const auto& [key, count] : remaining)
    if (checked.contains(std::get<0>(key))) match.stale += count;
  return match;
}

}  // namespace zdlint
