#pragma once
// `-- zdlint-contract: <expand migration>`: a migration file states that it is the contract step of
// an expand done by the named, earlier and separately deployed migration.
#include <optional>
#include <string>

#include "parser/source_file.h"

namespace zdlint {

// The migration the directive names, when a comment of the file (found with libpg_query's scanner,
// so a string literal never counts) is `zdlint-contract: NAME` with a non-empty NAME.
std::optional<std::string> contract_directive(const SourceFile& source);

}  // namespace zdlint
