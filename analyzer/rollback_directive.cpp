#include "analyzer/rollback_directive.h"

#include "analyzer/file_directive.h"

namespace zdlint {

std::optional<RollbackDirective> rollback_directive(const SourceFile& source) {
  const std::vector<FileDirective> found = file_directives(source, "zdlint-rollback:");
  if (found.empty()) return std::nullopt;
  return RollbackDirective{std::string(found.front().value), found.front().comment};
}

}  // namespace zdlint
