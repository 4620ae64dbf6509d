#pragma once
// Replaying a down migration to see whether it reverts its up. The up is replayed into the real
// catalog as usual; the down never is (the history goes on from the up). Instead the objects the up
// and the down name are copied out before the up (RevertCheck's constructor) and after it (finish()),
// the down is replayed into the second copy, and the copies are compared.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyzer/catalog.h"
#include "analyzer/catalog_diff.h"

namespace zdlint {

// The down migration of one up migration: a section of the up's own file, or a file of its own.
struct DownMigration {
  FileId file = 0;  // where findings about it go: the up's file for a section
  const SourceFile* source = nullptr;
  std::vector<const Statement*> statements;        // in source order, embedded PL/pgSQL included
  std::vector<const SyntaxError*> syntax_errors;   // statements of the down the grammar rejects
  ByteRange start;  // the section's marker line, or the file's first byte
};

// What replaying the down showed.
struct RevertOutcome {
  FileId file = 0;
  const SourceFile* source = nullptr;
  ByteRange anchor;  // the down's first statement, or its start when it has none
  bool empty = false;  // no statement at all
  std::vector<CatalogDifference> differences;
  // The down does not parse: a rollback would fail at its first rejected statement.
  std::optional<SyntaxError> unparsable;
  // A statement the replay could not apply, and why.
  std::optional<std::pair<ByteRange, std::string>> failure;
};

class RevertCheck {
 public:
  // Copies what the up and the down name, as `catalog` holds it before the up.
  RevertCheck(const Catalog& catalog, std::span<const Statement* const> up, const DownMigration& down);
  // Replays the down into a copy of what the up left in `catalog`, and compares.
  [[nodiscard]] RevertOutcome finish(const Catalog& catalog) const;

 private:
  const DownMigration& down_;
  CatalogScope scope_;
  std::vector<NamedObject> dropped_;
  std::vector<NamedObject> created_;  // without a drop of the same object earlier in the up
  std::vector<NamedObject> made_;     // created_, and the new names of relations the up renames
  Catalog before_;
};

}  // namespace zdlint
