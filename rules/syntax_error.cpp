// syntax-error: a statement the PostgreSQL grammar rejects. Reported by the parser layer (one
// diagnostic per bad statement, bounded per file); the rule exists for its metadata and docs.
#include "rules/registry.h"

namespace zdlint {

const Rule& syntax_error_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "syntax-error",
              .category = "syntax",
              .severity = Severity::Error,
              .summary = "Statement that the PostgreSQL grammar rejects",
              .rationale = "The migration fails at this statement when it runs. zdlint still analyses every "
                           "other statement of the file.",
              .alternative = "Fix the statement; check templating placeholders, a missing ';', syntax newer "
                             "than the target server, or another SQL dialect.",
              .equivalents = {.squawk = "syntax-error"},
          },
      .check = nullptr,
  };
  return rule;
}

}  // namespace zdlint
