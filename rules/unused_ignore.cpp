// unused-ignore: a zdlint-ignore directive (or one of the rule ids it names) that suppressed
// nothing. Reported by the engine after all rules ran on a file (analyzer/suppression.cpp), and
// only for rules that ran; the rule exists for its metadata and docs.
#include "rules/registry.h"

namespace zdlint {

const Rule& unused_ignore_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "unused-ignore",
              .category = "suppression",
              .severity = Severity::Warning,
              .summary = "zdlint-ignore directive that suppresses nothing",
              .rationale = "The finding the directive was written for is gone (the statement changed, or the rule "
                           "no longer flags it). A stale ignore stays in the file and silently hides the next real "
                           "finding of that rule on the statement.",
              .alternative = "Remove the directive, or the rule ids in it that no longer apply.",
          },
      .check = nullptr,
  };
  return rule;
}

}  // namespace zdlint
