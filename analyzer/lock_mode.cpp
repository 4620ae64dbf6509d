#include "analyzer/lock_mode.h"

#include <array>

namespace zdlint {
namespace {

constexpr std::array<std::string_view, 9> kNames{
    "",
    "AccessShareLock",
    "RowShareLock",
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
};

// conflicts_with[requested] is a bit set of held modes (bit n = LockMode n), from PostgreSQL's
// LockConflicts table.
constexpr uint16_t bit(LockMode mode) { return static_cast<uint16_t>(1U << static_cast<unsigned>(mode)); }
constexpr std::array<uint16_t, 9> kConflicts{
    0,
    bit(LockMode::AccessExclusive),
    bit(LockMode::Exclusive) | bit(LockMode::AccessExclusive),
    bit(LockMode::Share) | bit(LockMode::ShareRowExclusive) | bit(LockMode::Exclusive) | bit(LockMode::AccessExclusive),
    bit(LockMode::ShareUpdateExclusive) | bit(LockMode::Share) | bit(LockMode::ShareRowExclusive) |
        bit(LockMode::Exclusive) | bit(LockMode::AccessExclusive),
    bit(LockMode::RowExclusive) | bit(LockMode::ShareUpdateExclusive) | bit(LockMode::ShareRowExclusive) |
        bit(LockMode::Exclusive) | bit(LockMode::AccessExclusive),
    bit(LockMode::RowExclusive) | bit(LockMode::ShareUpdateExclusive) | bit(LockMode::Share) |
        bit(LockMode::ShareRowExclusive) | bit(LockMode::Exclusive) | bit(LockMode::AccessExclusive),
    bit(LockMode::RowShare) | bit(LockMode::RowExclusive) | bit(LockMode::ShareUpdateExclusive) |
        bit(LockMode::Share) | bit(LockMode::ShareRowExclusive) | bit(LockMode::Exclusive) |
        bit(LockMode::AccessExclusive),
    bit(LockMode::AccessShare) | bit(LockMode::RowShare) | bit(LockMode::RowExclusive) |
        bit(LockMode::ShareUpdateExclusive) | bit(LockMode::Share) | bit(LockMode::ShareRowExclusive) |
        bit(LockMode::Exclusive) | bit(LockMode::AccessExclusive),
};

}  // namespace

std::string_view lock_name(LockMode mode) { return kNames[static_cast<size_t>(mode)]; }

std::optional<LockMode> lock_from_name(std::string_view name) {
  for (size_t i = 1; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<LockMode>(i);
  return std::nullopt;
}

bool conflicts(LockMode held, LockMode requested) {
  return (kConflicts[static_cast<size_t>(requested)] & bit(held)) != 0;
}

Blocked blocked_by(LockMode mode) {
  return {conflicts(mode, LockMode::AccessShare), conflicts(mode, LockMode::RowExclusive),
          conflicts(mode, LockMode::ShareUpdateExclusive)};
}

std::string_view describe_blocked(const Blocked& blocked) {
  if (blocked.reads && blocked.writes) return "reads and writes";
  if (blocked.reads) return "reads";
  if (blocked.writes) return "writes";
  if (blocked.ddl) return "VACUUM, ANALYZE and other DDL (reads and writes continue)";
  return "nothing";
}

}  // namespace zdlint
