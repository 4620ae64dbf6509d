// zdlint: a linter for PostgreSQL migrations. `lint` is the default subcommand, so
// `zdlint migrations/` and `zdlint lint migrations/` are the same.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string_view>
#include <vector>

#include "cli/commands.h"

namespace {

bool names_a_subcommand_or_global_flag(std::string_view arg) {
  return arg == "lint" || arg == "locks" || arg == "rules" || arg == "explain" || arg == "config" ||
         arg == "--help" || arg == "-h" || arg == "--version" || arg == "-V" || arg == "help";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || !names_a_subcommand_or_global_flag(args.front())) args.insert(args.begin(), "lint");
  if (args.front() == "help") args.front() = "--help";

  CLI::App app{"zdlint: finds the PostgreSQL migration statements that cause downtime, before they merge.\n"
               "Run `zdlint lint --help` for the lint options; `lint` is the default subcommand.",
               "zdlint"};
  app.set_version_flag("-V,--version", std::string("zdlint ") + ZDLINT_VERSION);
  app.require_subcommand(1);
  const zdlint::cli::Runner lint = zdlint::cli::add_lint_command(app);
  const zdlint::cli::Runner rules = zdlint::cli::add_rules_command(app);
  const zdlint::cli::Runner explain = zdlint::cli::add_explain_command(app);
  const zdlint::cli::Runner locks = zdlint::cli::add_locks_command(app);
  const zdlint::cli::Runner config = zdlint::cli::add_config_command(app);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return zdlint::cli::kExitError;
  }
  try {
    if (app.got_subcommand("rules")) return rules();
    if (app.got_subcommand("explain")) return explain();
    if (app.got_subcommand("locks")) return locks();
    if (app.got_subcommand("config")) return config();
    return lint();
  } catch (const std::exception& e) {
    std::cerr << "zdlint: internal error: " << e.what() << '\n';
    return zdlint::cli::kExitError;
  }
}
