#include "tests/sarif_validation.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace zdlint::test {
namespace fs = std::filesystem;
using nlohmann::json;

SarifValidation validate_sarif(const std::string& sarif) {
  SarifValidation v;
  const fs::path tools = sarif_tools();
  const fs::path multitool = tools / "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
  const fs::path schema = fs::path(zdlint::test::source_dir()) / "tests/data/sarif-schema-2.1.0.json";
  if (!fs::exists(multitool) || !fs::exists(tools / "node_modules/jsonschema")) return v;
  v.ran = true;
  const TempDir dir;
  const fs::path input = dir.write("report.sarif", sarif);
  const fs::path log = dir.path() / "multitool.sarif";
  std::string output;
  // It exits 0 whatever it finds: count the results of its own SARIF log.
  // It skips files over 10 MB unless told otherwise (and then reports nothing at all).
  run_program({multitool.string(), "validate", "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning",
               "--max-file-size-in-kb", "1000000", "-o", log.string(), input.string()},
              output);
  v.output = output;
  if (!fs::exists(log)) {
    v.multitool_errors = 1;
    return v;
  }
  const json findings = json::parse(slurp(log));
  for (const auto& run : findings["runs"])
    for (const auto& r : run.value("results", json::array())) {
      const std::string level = r.value("level", "warning");
      if (level == "error") ++v.multitool_errors;
      if (level == "warning") ++v.multitool_warnings;
    }
  // The OASIS schema (draft-04), with the npm jsonschema package upload-sarif itself uses; URI formats
  // are checked (upload-sarif only warns about them, GitHub's processing then fails).
  const auto schema_check = zdlint::test::validate_json_schema(schema, sarif);
  v.schema_exit = schema_check.valid ? 0 : 1;
  v.output += schema_check.output;
  return v;
}

}  // namespace zdlint::test
