#pragma once
// Rule documentation pages (docs/rules/<id>.md), compiled into the binary.
#include <optional>
#include <string_view>

namespace zdlint {

std::optional<std::string_view> rule_doc(std::string_view id);

}  // namespace zdlint
