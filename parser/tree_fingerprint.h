#pragma once
// pg_query_fingerprint's value for one statement, computed from the tree zdlint already holds.
//
// A finding's fingerprint is built on its statement's pg_query_fingerprint (analyzer/fingerprint.h),
// which parses the statement's text a second time: 12% of a corpus run's instructions went to that
// second parse. libpg_query's fingerprint is a hash over a walk of the raw parse tree; protobuf-c's
// trees hold the same fields, so the same walk over them gives the same value. The walk here
// follows libpg_query 15-4.0.0's generated fingerprint functions: each node's type name, then its
// fields in the order of their C names, each field's name only when its value adds something;
// locations, constants, aliases and a few names left out; some lists hashed as sorted sets.
// tests/test_tree_fingerprint.cpp holds it to pg_query_fingerprint on every statement of testdata/.
#include <pg_query/pg_query.pb-c.h>

#include <optional>
#include <string>

namespace zdlint {

// pg_query_fingerprint(text) as 16 hex digits, for a text that holds this one statement (the
// `stmt` of its RawStmt); nullopt for a tree holding a field the walk does not know how to hash,
// whose fingerprint is then left to pg_query_fingerprint.
std::optional<std::string> tree_fingerprint(const PgQuery__Node& stmt);

}  // namespace zdlint
