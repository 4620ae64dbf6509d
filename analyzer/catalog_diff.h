#pragma once
// Whether a down migration brings the schema back to where its up found it: the objects an up and
// its down name are copied out of the catalog before the up and again after it, the down is replayed
// into the second copy, and the two copies are compared. Only the named objects (and the indexes and
// owned sequences of named tables) are copied, so a long history costs one small copy per migration
// that has a down, never one of the whole catalog.
#include <limits>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "analyzer/catalog.h"

namespace zdlint {

// Objects replayed from a down migration carry this file id in their origin: something the down
// creates may be the return of an object the history never saw created (pre-existing).
inline constexpr FileId kDownReplayFile = std::numeric_limits<FileId>::max() - 1;

// The objects some statements create, alter, drop or rename (both names of a rename).
struct CatalogScope {
  std::set<QualifiedName> relations;  // tables, views, indexes, sequences
  std::set<QualifiedName> types;      // enums and domains
  std::set<QualifiedName> functions;
  std::set<std::string, std::less<>> extensions;
};

void add_to_scope(const Statement& stmt, CatalogScope& scope);

// An object a statement names.
struct NamedObject {
  enum class Kind { Relation, Column, Type, Function, Extension } kind = Kind::Relation;
  QualifiedName name;  // the relation, type or function; for an extension only `name.name`
  std::string column;  // Kind::Column
};

// What an up migration drops by name, without IF EXISTS: after the down it must exist again, even
// when the history never created it and the catalog knows nothing else about it.
// With `if_exists`, also what it drops with IF EXISTS.
void add_dropped(const Statement& stmt, std::vector<NamedObject>& dropped, bool if_exists = false);

// The new names of relations and types the statement renames.
void add_renamed(const Statement& stmt, std::vector<NamedObject>& renamed);
// The old names of relations and types the statement renames: free for a new object afterwards.
void add_renamed_away(const Statement& stmt, std::vector<NamedObject>& renamed_away);

// What an up migration creates without IF NOT EXISTS (or OR REPLACE): it did not exist before the
// up, whatever the catalog believed (facts about a table from a file replayed out of order).
void add_created(const Statement& stmt, std::vector<NamedObject>& created);

// One way the schema after the down differs from the schema before the up.
struct CatalogDifference {
  std::string object;  // "column public.users.email", "index public.users_email_idx", …
  std::string detail;  // "existed before the up and is missing after the down", …
};

// Compares the copy taken before the up with the copy the down was replayed into (both made with
// Catalog::subset of the same scope). Sorted by object.
// What the up dropped but had made itself (created, or renamed an object to) is not expected back.
std::vector<CatalogDifference> compare_catalogs(const Catalog& before, const Catalog& after,
                                                std::span<const NamedObject> dropped_by_up,
                                                std::span<const NamedObject> made_by_up);

}  // namespace zdlint
