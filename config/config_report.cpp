#include "config/config_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analyzer/runners.h"

namespace zdlint::config {
namespace {

using nlohmann::ordered_json;

constexpr size_t kCommentColumn = 36;

// `key = value` with the origin as a trailing comment, the comments aligned.
void line(std::ostream& out, const std::string& assignment, const std::string& comment) {
  out << assignment;
  if (assignment.size() < kCommentColumn)
    out << std::string(kCommentColumn - assignment.size(), ' ');
  else
    out << ' ';
  out << "# " << comment << '\n';
}

std::string quoted(const std::string& text) {
  return ordered_json(text).dump();
}

ordered_json source(const Origin& origin) {
  static constexpr const char* kinds[] = {"default", "file", "runner", "override", "command-line"};
  ordered_json json{{"kind", kinds[static_cast<int>(origin.kind)]}};
  if (!origin.file.empty()) {
    json["file"] = origin.file;
    json["line"] = origin.line;
  }
  if (origin.kind == Origin::Kind::Override) json["override"] = origin.override_number;
  if (origin.kind == Origin::Kind::Runner) json["runner"] = origin.runner;
  json["text"] = origin.describe();
  return json;
}

template <class T>
ordered_json traced(const T& value, const Origin& origin) {
  return {{"value", value}, {"source", source(origin)}};
}

// What the runner does with a file, as runners.md found it.
std::string runner_effect(const EffectiveConfig& c) {
  const RunnerProfile* profile = c.runner.value ? find_runner(*c.runner.value) : nullptr;
  return profile ? std::string(profile->why) : std::string();
}

}  // namespace

std::string duration_text(int64_t milliseconds) {
  if (milliseconds % 60'000 == 0) return fmt::format("{}min", milliseconds / 60'000);
  if (milliseconds % 1000 == 0) return fmt::format("{}s", milliseconds / 1000);
  return fmt::format("{}ms", milliseconds);
}

void report_config_text(std::ostream& out, const std::string& path, const EffectiveConfig& c) {
  out << "# effective configuration for " << path << '\n';
  out << "# config file: " << (c.config_file ? *c.config_file : "none, defaults") << "\n\n";
  line(out, fmt::format("pg_version = {}", c.pg_version.value), c.pg_version.origin.describe());
  if (c.runner.value)
    line(out, "runner = " + quoted(*c.runner.value), c.runner.origin.describe() + "; " + runner_effect(c));
  else
    out << "# runner: not set (default)\n";
  line(out, fmt::format("assume_in_transaction = {}", c.assume_in_transaction.value),
       c.assume_in_transaction.origin.describe());
  line(out, "max_lock_timeout = " + quoted(duration_text(c.max_lock_timeout_ms.value)),
       c.max_lock_timeout_ms.origin.describe());
  line(out, "fail_on = " + quoted(c.fail_on.value), c.fail_on.origin.describe());
  line(out, fmt::format("excluded = {}", c.excluded.value),
       c.excluded_by ? c.excluded.origin.describe() + ", exclude pattern " + quoted(*c.excluded_by)
                     : c.excluded.origin.describe());
  if (c.select.value.empty()) {
    line(out, "select = []", c.select.origin.describe() + ": every rule");
  } else {
    line(out, "select = [", c.select.origin.describe());
    for (const auto& id : c.select.value) out << "  " << quoted(id) << ",\n";
    out << "]\n";
  }
  if (c.ignore.empty()) {
    line(out, "ignore = []", "default");
  } else {
    out << "ignore = [\n";
    for (const auto& [id, origin] : c.ignore) line(out, "  " + quoted(id) + ",", origin.describe());
    out << "]\n";
  }
  out << "\n[severity]\n";
  if (c.severity.empty()) out << "# none set: every rule has its default severity (`zdlint rules`)\n";
  for (const auto& [id, level] : c.severity)
    line(out, id + " = " + quoted(std::string(to_string(level.value))), level.origin.describe());
}

void report_config_json(std::ostream& out, const std::string& path, const EffectiveConfig& c) {
  ordered_json ignore_sources = ordered_json::object();
  auto ignore = ordered_json::array();
  for (const auto& [id, origin] : c.ignore) {
    ignore.push_back(id);
    ignore_sources[id] = source(origin);
  }
  ordered_json severity = ordered_json::object();
  for (const auto& [id, level] : c.severity) severity[id] = traced(std::string(to_string(level.value)), level.origin);
  ordered_json excluded = traced(c.excluded.value, c.excluded.origin);
  excluded["pattern"] = c.excluded_by ? ordered_json(*c.excluded_by) : ordered_json(nullptr);
  ordered_json runner = traced(c.runner.value ? ordered_json(*c.runner.value) : ordered_json(nullptr), c.runner.origin);
  runner["effect"] = c.runner.value ? ordered_json(runner_effect(c)) : ordered_json(nullptr);
  ordered_json max_lock_timeout = traced(duration_text(c.max_lock_timeout_ms.value), c.max_lock_timeout_ms.origin);
  max_lock_timeout["milliseconds"] = c.max_lock_timeout_ms.value;

  const ordered_json document{
      {"version", ZDLINT_VERSION},
      {"path", path},
      {"configFile", c.config_file ? ordered_json(*c.config_file) : ordered_json(nullptr)},
      {"excluded", excluded},
      {"settings",
       {
           {"pg_version", traced(c.pg_version.value, c.pg_version.origin)},
           {"runner", runner},
           {"assume_in_transaction", traced(c.assume_in_transaction.value, c.assume_in_transaction.origin)},
           {"max_lock_timeout", max_lock_timeout},
           {"fail_on", traced(c.fail_on.value, c.fail_on.origin)},
           {"select", traced(c.select.value, c.select.origin)},
           {"ignore", {{"value", ignore}, {"sources", ignore_sources}}},
           {"severity", severity},
       }},
  };
  out << document.dump(2) << '\n';
}

}  // namespace zdlint::config
