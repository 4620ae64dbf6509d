#include <iostream>

#include "cli/commands.h"
#include "rules/registry.h"
#include "rules/rule_docs.h"

namespace zdlint::cli {

Runner add_explain_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("explain", "Print a rule's documentation page");
  auto rule = std::make_shared<std::string>();
  cmd->add_option("RULE", *rule, "Rule id, e.g. create-index-non-concurrent")->required();
  return [rule] {
    const auto doc = rule_doc(*rule);
    if (!find_rule(*rule) || !doc) {
      std::cerr << "zdlint: error: unknown rule '" << *rule << "'; `zdlint rules` lists them all\n";
      return kExitError;
    }
    std::cout << *doc;
    if (!doc->ends_with('\n')) std::cout << '\n';
    return kExitClean;
  };
}

}  // namespace zdlint::cli
