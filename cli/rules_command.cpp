#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "rules/registry.h"

namespace zdlint::cli {
namespace {

nlohmann::ordered_json id_list(std::string_view ids) {
  auto list = nlohmann::ordered_json::array();
  while (!ids.empty()) {
    const size_t comma = ids.find(',');
    std::string_view id = ids.substr(0, comma);
    while (id.starts_with(' ')) id.remove_prefix(1);
    if (!id.empty()) list.push_back(id);
    if (comma == std::string_view::npos) break;
    ids.remove_prefix(comma + 1);
  }
  return list;
}

void print_json() {
  auto rules = nlohmann::ordered_json::array();
  for (const Rule* rule : all_rules()) {
    const auto& m = rule->meta;
    rules.push_back({
        {"id", m.id},
        {"category", m.category},
        {"severity", to_string(m.severity)},
        {"summary", m.summary},
        {"rationale", m.rationale},
        {"alternative", m.alternative},
        {"docs", m.docs_path()},
        {"minPgVersion", m.min_pg_version ? nlohmann::ordered_json(m.min_pg_version) : nullptr},
        {"maxPgVersion", m.max_pg_version ? nlohmann::ordered_json(m.max_pg_version) : nullptr},
        {"equivalents",
         {{"squawk", id_list(m.equivalents.squawk)},
          {"eugene", id_list(m.equivalents.eugene)},
          {"strong_migrations", id_list(m.equivalents.strong_migrations)},
          {"pgfence", id_list(m.equivalents.pgfence)}}},
    });
  }
  const nlohmann::ordered_json document = {{"version", ZDLINT_VERSION}, {"rules", rules}};
  std::cout << document.dump(2) << '\n';
}

void print_text() {
  size_t width = 4;
  for (const Rule* rule : all_rules()) width = std::max(width, rule->meta.id.size());
  std::cout << fmt::format("{:<{}}  {:<8}  {:<13}  {}\n", "RULE", width, "SEVERITY", "CATEGORY", "SUMMARY");
  for (const Rule* rule : all_rules()) {
    const auto& m = rule->meta;
    std::cout << fmt::format("{:<{}}  {:<8}  {:<13}  {}\n", m.id, width, to_string(m.severity), m.category, m.summary);
  }
  std::cout << "\n`zdlint explain RULE` prints a rule's documentation.\n";
}

}  // namespace

Runner add_rules_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("rules", "List every rule with its severity, category and summary");
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  return [format] {
    if (*format == "json") print_json();
    else print_text();
    return kExitClean;
  };
}

}  // namespace zdlint::cli
