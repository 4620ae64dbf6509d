#pragma once
// `-- zdlint-rollback: <how to go back>`: a migration file documents how its change is undone when
// there is no down migration to do it (or when the down cannot bring the data back): restore from a
// snapshot, re-run a given script, roll forward with a named migration, …
#include <optional>
#include <string>

#include "parser/source_file.h"

namespace zdlint {

struct RollbackDirective {
  std::string how;  // empty when the directive says nothing: itself a finding
  ByteRange comment;  // the whole comment, markers included
};

// The first comment of the file (found with libpg_query's scanner, so a string literal never
// counts) that is `zdlint-rollback: …`.
std::optional<RollbackDirective> rollback_directive(const SourceFile& source);

}  // namespace zdlint
