// Reads `.zdlint.toml` with toml++ and checks every key. Typos fail loudly: an unknown key, a value
// of the wrong type or out of range, an unknown rule, runner or severity is an error with the
// position of the offending key or value, and every error of the file is reported, not just the
// first.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <utility>

#include "analyzer/runners.h"
#include "analyzer/session.h"
#include "config/config.h"
#include "config/suggest.h"
#include "config/toml_shift.h"
#include "parser/source_file.h"
#include "rules/registry.h"

namespace zdlint::config {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::string_view, 10> kTopLevelKeys{
    "pg_version",       "runner",  "select",  "ignore",   "severity", "assume_in_transaction",
    "max_lock_timeout", "exclude", "fail_on", "overrides"};
constexpr std::array<std::string_view, 7> kOverrideKeys{"paths",  "pg_version", "assume_in_transaction", "select",
                                                        "ignore", "severity",   "max_lock_timeout"};
constexpr int kMinPgVersion = 9;
constexpr int kMaxPgVersion = 18;

std::string_view type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (const auto word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

// What follows "unknown X 'word'": a suggestion when one is close, otherwise the alternatives.
std::string hint(std::string_view word, std::span<const std::string_view> candidates, std::string_view otherwise) {
  if (const auto guess = closest(word, candidates)) return "; did you mean '" + std::string(*guess) + "'?";
  return std::string(otherwise);
}

std::vector<std::string_view> rule_ids() {
  std::vector<std::string_view> ids;
  for (const Rule* rule : all_rules()) ids.push_back(rule->meta.id);
  return ids;
}

std::vector<std::string_view> runner_names() {
  std::vector<std::string_view> names;
  for (const auto& profile : runner_profiles()) names.push_back(profile.name);
  return names;
}

class Loader {
 public:
  Loader(const std::string& display_path, fs::path directory) {
    config_.display_path = display_path;
    config_.directory = std::move(directory);
  }

  LoadResult load(std::string_view text) {
    size_t conflict = 0;
    const std::optional<std::string> shifted = shift_for_toml(text, conflict);
    if (!shifted) {
      // Columns in characters, as toml++ counts them.
      const Position at = LineIndex(text).position(text, static_cast<uint32_t>(conflict));
      errors_.push_back({config_.display_path, at.line, at.column_chars,
                         "private-use characters U+E000 to U+EBCA cannot be read in a configuration file"});
      return finish();
    }
    toml::table root;
    try {
      root = toml::parse(*shifted, std::string_view(config_.display_path));
    } catch (const toml::parse_error& e) {
      error(e.source(), e.description());
      return finish();
    }
    for (const auto& [key, node] : root) top_level_key(key, node);
    return finish();
  }

 private:
  // Every message goes through here: whatever it quotes of the file is shifted back.
  void error(const toml::source_region& at, std::string_view message) {
    errors_.push_back({config_.display_path, at.begin.line, at.begin.column, shift_back_from_toml(message)});
  }

  LoadResult finish() {
    std::stable_sort(errors_.begin(), errors_.end(), [](const ConfigError& a, const ConfigError& b) {
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    LoadResult result;
    if (errors_.empty()) result.config = std::move(config_);
    result.errors = std::move(errors_);
    return result;
  }

  void top_level_key(const toml::key& key, const toml::node& node) {
    const std::string_view name = key.str();
    if (layer_key(name, node, config_.base)) return;
    if (name == "runner") {
      if (const auto value = string(name, node)) {
        if (find_runner(value->value))
          config_.runner = value;
        else
          error(node.source(), "unknown runner '" + value->value + "'" +
                                   hint(value->value, runner_names(), "; the runners are: " + join(runner_names())));
      }
    } else if (name == "fail_on") {
      if (const auto value = string(name, node)) {
        if (value->value == "none" || parse_severity(value->value))
          config_.fail_on = value;
        else
          error(node.source(),
                "'fail_on' must be \"error\", \"warning\", \"info\" or \"none\", not \"" + value->value + "\"");
      }
    } else if (name == "exclude") {
      config_.exclude = patterns(name, node);
    } else if (name == "overrides") {
      overrides(node);
    } else {
      error(key.source(), "unknown key '" + std::string(name) + "'" +
                              hint(name, kTopLevelKeys, "; the keys are: " + join(kTopLevelKeys)));
    }
  }

  // The keys an override may set too. False when `name` is not one of them.
  bool layer_key(std::string_view name, const toml::node& node, Layer& layer) {
    if (name == "pg_version") {
      if (const auto v = integer(name, node)) {
        if (v->value < kMinPgVersion || v->value > kMaxPgVersion)
          error(node.source(), "'pg_version' must be between 9 and 18, not " + std::to_string(v->value));
        else
          layer.pg_version = Located<int>{static_cast<int>(v->value), v->line};
      }
    } else if (name == "assume_in_transaction") {
      if (const auto* value = node.as_boolean())
        layer.assume_in_transaction = Located<bool>{value->get(), line(node)};
      else
        wrong_type(name, node, "a boolean");
    } else if (name == "max_lock_timeout") {
      layer.max_lock_timeout_ms = duration(name, node);
    } else if (name == "select") {
      if (node.is_array())
        layer.select = Located<std::vector<Located<std::string>>>{rules(name, node), line(node)};
      else
        wrong_type(name, node, "an array of rule ids");
    } else if (name == "ignore") {
      layer.ignore = rules(name, node);
    } else if (name == "severity") {
      severity(node, layer);
    } else {
      return false;
    }
    return true;
  }

  void overrides(const toml::node& node) {
    const auto* array = node.as_array();
    if (!array) return wrong_type("overrides", node, "an array of tables ([[overrides]])");
    size_t number = 0;
    for (const auto& element : *array) {
      ++number;
      const auto* table = element.as_table();
      if (!table) {
        error(element.source(),
              "each entry of 'overrides' must be a table, not " + std::string(type_name(element.type())));
        continue;
      }
      Override entry;
      entry.line = line(element);
      bool has_paths = false;
      for (const auto& [key, value] : *table) {
        const std::string_view name = key.str();
        if (name == "paths") {
          has_paths = true;
          entry.paths = patterns(name, value);
          if (value.is_array() && value.as_array()->empty())
            error(value.source(),
                  "'paths' of override #" + std::to_string(number) + " is empty: it applies to no file");
        } else if (!layer_key(name, value, entry.settings)) {
          error(key.source(), "unknown key '" + std::string(name) + "' in override #" + std::to_string(number) +
                                  hint(name, kOverrideKeys, "; an override may set: " + join(kOverrideKeys)));
        }
      }
      if (!has_paths)
        error(element.source(),
              "override #" + std::to_string(number) + " has no 'paths': say which files it applies to");
      config_.overrides.push_back(std::move(entry));
    }
  }

  void severity(const toml::node& node, Layer& layer) {
    const auto* table = node.as_table();
    if (!table)
      return wrong_type("severity", node, "a table of rule id = \"error\" | \"warning\" | \"info\" | \"off\"");
    for (const auto& [key, value] : *table) {
      const std::string id(key.str());
      const bool known = known_rule(id, "[severity]", key.source());
      const auto* text = value.as_string();
      if (!text) {
        error(value.source(), "severity of '" + id + "' must be a string, not " + std::string(type_name(value.type())));
        continue;
      }
      const std::string& level = text->get();
      std::optional<RuleLevel> parsed;
      if (level == "off")
        parsed = RuleLevel{};
      else if (const auto s = parse_severity(level))
        parsed = RuleLevel{*s};
      if (!parsed) {
        error(value.source(),
              "severity of '" + id + "' must be \"error\", \"warning\", \"info\" or \"off\", not \"" + level + "\"");
        continue;
      }
      if (known) layer.severity[id] = Located<RuleLevel>{*parsed, line(value)};
    }
  }

  bool known_rule(const std::string& id, std::string_view where, const toml::source_region& at) {
    if (find_rule(id)) return true;
    error(at, "unknown rule '" + id + "' in " + std::string(where) +
                  hint(id, rule_ids(), "; `zdlint rules` lists them all"));
    return false;
  }

  std::vector<Located<std::string>> rules(std::string_view name, const toml::node& node) {
    std::vector<Located<std::string>> ids;
    for (auto& [item, at] : strings(name, node, "an array of rule ids"))
      if (known_rule(item.value, fmt::format("'{}'", name), at)) ids.push_back(std::move(item));
    return ids;
  }

  std::vector<Located<std::string>> patterns(std::string_view name, const toml::node& node) {
    std::vector<Located<std::string>> out;
    for (auto& [item, at] : strings(name, node, "an array of glob patterns")) {
      if (item.value.empty() || item.value == "." || item.value == "./")
        error(at, "empty pattern in '" + std::string(name) + "'");
      else
        out.push_back(std::move(item));
    }
    return out;
  }

  // An array of strings, each with where it is, so that checks of one element point at it.
  std::vector<std::pair<Located<std::string>, toml::source_region>> strings(std::string_view name,
                                                                            const toml::node& node,
                                                                            std::string_view expected) {
    std::vector<std::pair<Located<std::string>, toml::source_region>> out;
    const auto* array = node.as_array();
    if (!array) {
      wrong_type(name, node, expected);
      return out;
    }
    for (const auto& element : *array) {
      if (const auto* text = element.as_string())
        out.emplace_back(Located<std::string>{shift_back_from_toml(text->get()), line(element)}, element.source());
      else
        error(element.source(),
              "elements of '" + std::string(name) + "' must be strings, not " + std::string(type_name(element.type())));
    }
    return out;
  }

  std::optional<Located<std::string>> string(std::string_view name, const toml::node& node) {
    if (const auto* text = node.as_string()) return Located<std::string>{shift_back_from_toml(text->get()), line(node)};
    wrong_type(name, node, "a string");
    return std::nullopt;
  }

  std::optional<Located<int64_t>> integer(std::string_view name, const toml::node& node) {
    if (const auto* value = node.as_integer()) return Located<int64_t>{value->get(), line(node)};
    wrong_type(name, node, "an integer");
    return std::nullopt;
  }

  // "5s", "500ms", "1min" (PostgreSQL's units) or an integer number of milliseconds.
  std::optional<Located<int64_t>> duration(std::string_view name, const toml::node& node) {
    std::optional<int64_t> ms;
    std::string shown;
    if (const auto* value = node.as_integer()) {
      ms = value->get();
      shown = std::to_string(*ms);
    } else if (const auto* text = node.as_string()) {
      ms = parse_duration_ms(text->get());
      shown = "\"" + text->get() + "\"";
      if (!ms) {
        error(node.source(), "'" + std::string(name) +
                                 "' must be a duration such as \"5s\", \"500ms\" or \"1min\", or a number of "
                                 "milliseconds, not " +
                                 shown);
        return std::nullopt;
      }
    } else {
      wrong_type(name, node, "a duration string such as \"5s\" or an integer number of milliseconds");
      return std::nullopt;
    }
    if (*ms <= 0) {
      error(node.source(), "'" + std::string(name) + "' must be positive, not " + shown);
      return std::nullopt;
    }
    return Located<int64_t>{*ms, line(node)};
  }

  void wrong_type(std::string_view name, const toml::node& node, std::string_view expected) {
    error(node.source(), "'" + std::string(name) + "' must be " + std::string(expected) + ", not " +
                             std::string(type_name(node.type())));
  }

  static uint32_t line(const toml::node& node) { return node.source().begin.line; }

  ConfigFile config_;
  std::vector<ConfigError> errors_;
};

}  // namespace

std::string_view to_string(RuleLevel level) {
  return level.severity ? zdlint::to_string(*level.severity) : "off";
}

std::string ConfigError::to_string() const {
  if (line == 0) return file + ": error: " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

LoadResult parse_config(std::string_view text, const std::string& display_path, const fs::path& directory) {
  return Loader(display_path, directory).load(text);
}

LoadResult load_config(const fs::path& path, const std::string& display_path) {
  const auto fail = [&](std::string message) {
    LoadResult result;
    result.errors.push_back({display_path, 0, 0, std::move(message)});
    return result;
  };
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) return fail("no such configuration file");
  if (!fs::is_regular_file(status)) return fail("is not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return fail("cannot read the configuration file");
  const fs::path directory = fs::absolute(path, ec).lexically_normal().parent_path();
  return parse_config(text.str(), display_path, directory);
}

}  // namespace zdlint::config
