#pragma once
// PostgreSQL's eight table lock modes and their conflict matrix (lock.c / the "Explicit Locking"
// chapter), ordered from weakest to strongest so the strongest of several is std::max.
#include <cstdint>
#include <optional>
#include <string_view>

namespace zdlint {

// The numbering matches PostgreSQL's lockdefs.h, which LOCK TABLE's parse tree carries.
enum class LockMode : uint8_t {
  None = 0,
  AccessShare = 1,           // SELECT
  RowShare = 2,              // SELECT FOR UPDATE/SHARE, foreign-key checks
  RowExclusive = 3,          // INSERT, UPDATE, DELETE
  ShareUpdateExclusive = 4,  // VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT
  Share = 5,                 // CREATE INDEX
  ShareRowExclusive = 6,     // CREATE TRIGGER, ADD FOREIGN KEY
  Exclusive = 7,             // REFRESH MATERIALIZED VIEW CONCURRENTLY
  AccessExclusive = 8,       // most ALTER TABLE forms, DROP, TRUNCATE, VACUUM FULL
};

// As pg_locks.mode spells it: "AccessExclusiveLock".
std::string_view lock_name(LockMode mode);
std::optional<LockMode> lock_from_name(std::string_view name);

// True when a lock in mode `held` makes a request for `requested` wait.
bool conflicts(LockMode held, LockMode requested);

// What live traffic a lock held in `mode` stops.
struct Blocked {
  bool reads = false;   // SELECT (needs AccessShareLock)
  bool writes = false;  // INSERT/UPDATE/DELETE (need RowExclusiveLock)
  bool ddl = false;     // VACUUM, ANALYZE and other DDL (need ShareUpdateExclusiveLock or more)
  [[nodiscard]] bool any() const { return reads || writes || ddl; }
};
Blocked blocked_by(LockMode mode);

// "reads and writes", "writes", "VACUUM and DDL only" — for messages.
std::string_view describe_blocked(const Blocked& blocked);

}  // namespace zdlint
