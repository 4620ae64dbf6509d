#pragma once
// Shared wording for rule messages, so every rule names locks, relations and what they block the
// same way: "AccessExclusiveLock on public.accounts (pre-existing: assumed large and busy),
// blocking reads and writes".
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/lock_model.h"
#include "analyzer/session.h"

namespace zdlint {

// "public.accounts", plus " (not created by these migrations: assumed large and busy)" when the
// history never created it.
std::string relation_label(const LockEffect& effect);

// "AccessExclusiveLock on public.accounts (…), blocking reads and writes"
std::string lock_phrase(const LockEffect& effect);

// The lock phrases of every effect on a relation that existed before this file, strongest first,
// joined as join_lock_phrases() does. Empty when there is none.
std::string pre_existing_locks_phrase(const StatementEffects& effects);

// How many relations or indexes a message names before it counts the rest: a statement may lock
// thousands of relations (every table whose foreign key points at the one it alters), and a table may
// have thousands of indexes.
inline constexpr size_t kMaxNamedInMessage = 10;

// Phrases about the relations one statement locks, joined with "; ", the rest counted: "…; and 31
// more relations (zdlint locks lists them all)".
std::string join_lock_phrases(std::span<const LockEffect* const> effects,
                              const std::function<std::string(const LockEffect&)>& phrase_of);

// `names` joined with `separator`, ten at most, the rest counted: "a, b, … j and 12 more" (with "; ":
// "a; b; … j; and 12 more"). A statement names as many objects as its text does, and a DROP …
// CASCADE may reach thousands it does not name.
std::string join_names(std::span<const std::string> names, std::string_view separator = ", ");

// " and rebuilds its index a" or " and rebuilds its indexes a, b, … and 12 more". `names` is not
// empty.
std::string rebuilds_indexes_phrase(const std::vector<std::string>& names);

// The effect on the most strongly locked relation that is not an index and was not just created.
const LockEffect* main_effect(const StatementEffects& effects);

// "1.5s", "100ms", "2min"
std::string format_duration(int64_t milliseconds);

// When the open transaction ends, for "… stay blocked until {}": the runner's COMMIT after the last
// statement, the end of a multi-statement string or pipeline that PostgreSQL runs as one implicit
// transaction, or the file's own COMMIT.
std::string_view transaction_end_phrase(const Session& session);

}  // namespace zdlint
