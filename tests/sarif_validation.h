#pragma once
// Validates a SARIF document the way GitHub code scanning will see it: Microsoft's SARIF Multitool
// with GitHub's ingestion rules (`validate --rule-kind "Sarif;Ghas"`) and the OASIS schema with the
// npm jsonschema package upload-sarif uses; both installed by scripts/install-sarif-tools.sh.
#include <cstddef>
#include <string>

namespace zdlint::test {

struct SarifValidation {
  bool ran = false;             // false: the tools are not installed
  size_t multitool_errors = 0;  // error-level findings of Sarif.Multitool (GitHub rules included)
  size_t multitool_warnings = 0;
  int schema_exit = 0;  // 0: valid against the OASIS schema
  std::string output;
};

SarifValidation validate_sarif(const std::string& sarif);

}  // namespace zdlint::test
