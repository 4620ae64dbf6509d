#pragma once
// `zdlint config PATH`: the effective configuration of one file, each setting with where it came
// from, as TOML-like text or as JSON (docs/configuration.md).
#include <ostream>
#include <string>

#include "config/effective.h"

namespace zdlint::config {

void report_config_text(std::ostream& out, const std::string& path, const EffectiveConfig& config);
void report_config_json(std::ostream& out, const std::string& path, const EffectiveConfig& config);

// 30000 → "30s", 90000 → "90s", 120000 → "2min", 1500 → "1500ms": exact, and readable back.
std::string duration_text(int64_t milliseconds);

}  // namespace zdlint::config
