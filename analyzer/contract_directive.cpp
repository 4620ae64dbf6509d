#include "analyzer/contract_directive.h"

#include "analyzer/file_directive.h"

namespace zdlint {

std::optional<std::string> contract_directive(const SourceFile& source) {
  for (const FileDirective& directive : file_directives(source, "zdlint-contract:"))
    if (!directive.value.empty()) return std::string(directive.value);
  return std::nullopt;
}

}  // namespace zdlint
