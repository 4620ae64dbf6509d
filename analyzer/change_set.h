#pragma once
// The checks about the change set as a whole: after the migrations are replayed, each
// infrastructure file of the change set is scanned for engine version declarations, and the rules
// with a check_infrastructure hook judge them together with the change set's migrations.
#include <vector>

#include "analyzer/engine.h"

namespace zdlint {

// Appends the findings (and a FileReport marked `infrastructure` for each file that has one) to
// `result`. An infrastructure file named on the command line that cannot be read is an input
// error; one found by --changed-since that cannot be read is skipped.
void check_change_set(const LintRequest& request, const std::vector<InfrastructureFile>& files, LintResult& result);

}  // namespace zdlint
