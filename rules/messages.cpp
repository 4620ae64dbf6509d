#include "rules/messages.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace zdlint {

std::string relation_label(const LockEffect& effect) {
  std::string label = effect.relation.str();
  if (!effect.known && !effect.created) label += " (not created by these migrations: assumed large and busy)";
  return label;
}

std::string lock_phrase(const LockEffect& effect) {
  const Blocked blocked = effect.blocks();
  return fmt::format("{} on {}, blocking {}", lock_name(effect.lock), relation_label(effect), describe_blocked(blocked));
}

std::string pre_existing_locks_phrase(const StatementEffects& effects) {
  std::vector<const LockEffect*> list;
  for (const auto& effect : effects.effects)
    if (effect.pre_existing() && effect.lock != LockMode::None && effect.kind != RelationKind::Index) list.push_back(&effect);
  std::stable_sort(list.begin(), list.end(), [](const LockEffect* a, const LockEffect* b) { return a->lock > b->lock; });
  return join_lock_phrases(list, lock_phrase);
}

std::string join_lock_phrases(std::span<const LockEffect* const> effects,
                              const std::function<std::string(const LockEffect&)>& phrase_of) {
  std::string text;
  const size_t listed = std::min(effects.size(), kMaxNamedInMessage);
  for (size_t i = 0; i < listed; ++i) text += (i ? "; " : "") + phrase_of(*effects[i]);
  if (const size_t more = effects.size() - listed; more > 0)
    text += fmt::format("; and {} more relation{} (zdlint locks lists them all)", more, more == 1 ? "" : "s");
  return text;
}

std::string rebuilds_indexes_phrase(const std::vector<std::string>& names) {
  if (names.size() == 1) return " and rebuilds its index " + names.front();
  return " and rebuilds its indexes " + join_names(names);
}

std::string join_names(std::span<const std::string> names, std::string_view separator) {
  const size_t listed = std::min(names.size(), kMaxNamedInMessage);
  std::string text = fmt::format("{}", fmt::join(names.begin(), names.begin() + listed, separator));
  // After a list joined with commas, " and 3 more"; after one joined with semicolons, "; and 3 more".
  if (const size_t more = names.size() - listed; more > 0)
    text += fmt::format("{}and {} more", separator == ", " ? " " : separator, more);
  return text;
}

const LockEffect* main_effect(const StatementEffects& effects) {
  const LockEffect* best = nullptr;
  for (const auto& effect : effects.effects) {
    if (effect.created || effect.kind == RelationKind::Index) continue;
    if (!best || effect.lock > best->lock) best = &effect;
  }
  return best;
}

std::string format_duration(int64_t milliseconds) {
  if (milliseconds % 60'000 == 0 && milliseconds >= 60'000) return fmt::format("{}min", milliseconds / 60'000);
  if (milliseconds % 1000 == 0 && milliseconds >= 1000) return fmt::format("{}s", milliseconds / 1000);
  if (milliseconds >= 1000) return fmt::format("{:.1f}s", static_cast<double>(milliseconds) / 1000.0);
  return fmt::format("{}ms", milliseconds);
}

std::string_view transaction_end_phrase(const Session& session) {
  if (session.implicit()) return "the end of the file, which PostgreSQL runs as one implicit transaction";
  if (session.wrapped()) return "the runner commits at the end of the file";
  return "COMMIT";
}

}  // namespace zdlint
