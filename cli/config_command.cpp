// `zdlint config PATH`: the configuration `zdlint lint` applies to PATH, every setting with where it
// came from (default, the config file's line, an override, the runner, the command line).
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/config_flags.h"
#include "config/config_report.h"
#include "config/settings_provider.h"

namespace zdlint::cli {
namespace {

struct ConfigOptions {
  std::string path;
  std::string format = "text";
  ConfigFlags flags;
};

int run(const ConfigOptions& options) {
  const auto command = command_line(options.flags);
  if (!command) return kExitError;
  config::SettingsProvider provider(*command, options.flags.config_path());
  std::error_code ec;
  const bool directory = std::filesystem::is_directory(options.path, ec);
  // Only the file's own configuration: its errors are the ones to report here.
  const config::EffectiveConfig effective = provider.effective(options.path, directory);
  if (const auto errors = provider.errors(); !errors.empty()) {
    for (const auto& error : errors) std::cerr << error.to_string() << '\n';
    return kExitError;
  }
  if (options.format == "json")
    config::report_config_json(std::cout, options.path, effective);
  else
    config::report_config_text(std::cout, options.path, effective);
  return kExitClean;
}

}  // namespace

Runner add_config_command(CLI::App& app) {
  auto options = std::make_shared<ConfigOptions>();
  auto* cmd = app.add_subcommand(
      "config", "Print the configuration that applies to PATH: each setting, its value and where it came from");
  cmd->add_option("PATH", options->path, "A migration file or directory (it need not exist yet)")->required();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_config_flags(*cmd, options->flags);
  return [options] { return run(*options); };
}

}  // namespace zdlint::cli
