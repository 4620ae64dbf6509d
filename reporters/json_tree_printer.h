#pragma once
// An nlohmann tree written as its dump(2, ' ', false, error_handler_t::replace) prints it, byte for
// byte, through PrettyJsonWriter, for the parts of a document still built as a tree (SARIF's
// notifications): nlohmann's serializer is several times slower than the writer.
#include <nlohmann/json.hpp>

#include "reporters/pretty_json_writer.h"

namespace zdlint {

// `value`, as the next value `w` writes.
void write_json_tree(PrettyJsonWriter& w, const nlohmann::ordered_json& value);

}  // namespace zdlint
