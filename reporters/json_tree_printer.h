#pragma once
// An nlohmann tree printed as its dump(2, ' ', false, error_handler_t::replace) prints it, byte for
// byte, through PrettyJsonWriter: nlohmann's serializer cost SARIF reports 15 M instructions to print
// the 400 KB of the rules' documentation they start with, half of a one-file run.
#include <nlohmann/json.hpp>
#include <string>

namespace zdlint {

std::string pretty_json_text(const nlohmann::ordered_json& document);

}  // namespace zdlint
