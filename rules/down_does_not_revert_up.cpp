// down-does-not-revert-up: replaying a migration's down after its up must give back the schema the
// up started from. The objects that differ (tables, columns with their type, nullability and
// default, constraints, indexes, views, sequences, types, functions, extensions) are named, on the
// down's first statement. A down that does not parse, or that the replay cannot apply, is reported
// where it fails.
#include <fmt/format.h>

#include <algorithm>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr size_t kDifferencesShown = 6;

std::string_view down_word(const DownContext& ctx) {
  if (ctx.up.plan && ctx.up.plan->rollback_lines) return "the `--rollback` lines";
  return ctx.outcome.file == ctx.up.file ? "the down section" : "the down migration";
}

std::string_view does(const DownContext& ctx) { return ctx.up.plan && ctx.up.plan->rollback_lines ? "do" : "does"; }

void check_down(const DownContext& ctx, Emitter& out) {
  const RevertOutcome& outcome = ctx.outcome;
  if (outcome.unparsable) {
    out.emit(outcome.unparsable->range,
             fmt::format("{} cannot be parsed ({}): a rollback fails here, before it reverts anything",
                         down_word(ctx), outcome.unparsable->message),
             "fix the statement so that PostgreSQL 15's grammar accepts it; zdlint did not compare this down with "
             "its up");
    return;
  }
  if (outcome.failure) {
    out.emit(outcome.failure->first,
             fmt::format("{} could not be replayed here ({}), so it was not compared with its up", down_word(ctx),
                         outcome.failure->second),
             "report this statement to zdlint's maintainers; the rest of the analysis is unaffected");
    return;
  }
  if (outcome.differences.empty()) return;
  std::string list;
  for (size_t i = 0; i < outcome.differences.size() && i < kDifferencesShown; ++i)
    list += fmt::format("{}{} {}", i ? "; " : "", outcome.differences[i].object, outcome.differences[i].detail);
  if (outcome.differences.size() > kDifferencesShown)
    list += fmt::format("; and {} more", outcome.differences.size() - kDifferencesShown);
  Diagnostic& d = out.emit(
      outcome.anchor,
      fmt::format("{} {} not revert {} up{}: {}", down_word(ctx), does(ctx),
                  ctx.up.plan && ctx.up.plan->rollback_lines ? "their" : "its", outcome.empty ? " (it is empty)" : "",
                  list),
      "make the down undo every change of the up, in reverse order (drop what the up creates, recreate what it "
      "drops with the same columns, types, defaults, constraints and indexes, rename back what it renames), so a "
      "rollback leaves the schema the previous release expects");
  // The rest in notes, ten at most: a down that misses thousands of objects is not fixed one note at a time.
  const size_t noted = std::min(outcome.differences.size(), kDifferencesShown + kMaxNamedInMessage);
  for (size_t i = kDifferencesShown; i < noted; ++i)
    d.notes.push_back({fmt::format("{} {}", outcome.differences[i].object, outcome.differences[i].detail), {}});
  if (const size_t more = outcome.differences.size() - noted; more > 0)
    d.notes.push_back({fmt::format("and {} more difference{}", more, more == 1 ? "" : "s"), {}});
}

}  // namespace

const Rule& down_does_not_revert_up_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "down-does-not-revert-up",
              .category = "rollback",
              .severity = Severity::Warning,
              .summary = "The down migration does not bring back the schema its up migration started from",
              .rationale = "A rollback runs the down after the up; when the down misses or gets wrong part of "
                           "what the up changed, the previous release runs against a schema it does not expect, "
                           "and the next up fails on objects that are still there.",
              .alternative = "Write the down as the exact inverse of the up: drop what it creates, recreate what "
                             "it drops, rename back what it renames.",
              .equivalents = {},
          },
      .check_down = check_down,
  };
  return rule;
}

}  // namespace zdlint
