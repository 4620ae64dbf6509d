// invalid-ignore: a zdlint-ignore directive that cannot be used: it gives no reason, names no
// rule, names an unknown rule, or misspells the directive. Reported by the engine while it reads
// a file's comments (analyzer/suppression.cpp); the rule exists for its metadata and docs.
#include "rules/registry.h"

namespace zdlint {

const Rule& invalid_ignore_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "invalid-ignore",
              .category = "suppression",
              .severity = Severity::Warning,
              .summary = "Malformed zdlint-ignore directive: no reason, no rule, or an unknown rule",
              .rationale = "A directive without a reason suppresses nothing, so the finding it was meant for is "
                           "still reported; an unknown rule id (a typo, a rule of another tool) suppresses "
                           "nothing either. Reviewers need the reason to judge the exception.",
              .alternative = "Write `-- zdlint-ignore rule-id: why it is safe here` with ids that `zdlint rules` "
                             "lists.",
              // squawk's unused-ignore flags unknown rule names in squawk-ignore comments.
              .equivalents = {.squawk = "unused-ignore"},
          },
      .check = nullptr,
  };
  return rule;
}

}  // namespace zdlint
