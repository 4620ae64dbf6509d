#include "rules/rule.h"

namespace zdlint {

Diagnostic& Emitter::emit(ByteRange range, std::string message, std::string help) {
  Diagnostic& d = out_.emplace_back();
  d.rule = RuleId(meta_.id);
  d.severity = meta_.severity;
  d.file = file_;
  d.range = range;
  d.message = texts_.intern(std::move(message));
  d.help = texts_.intern(std::move(help));
  return d;
}

}  // namespace zdlint
