#pragma once
// What a rule reports. Positions are byte ranges into one file; reporters convert them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/heap_optional.h"
#include "analyzer/lock_mode.h"
#include "analyzer/shared_text.h"
#include "parser/source_file.h"

namespace zdlint {

enum class Severity { Info, Warning, Error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

// A rule's stable, kebab-case identifier.
class RuleId {
 public:
  constexpr RuleId() = default;
  constexpr explicit RuleId(std::string_view id) : id_(id) {}
  [[nodiscard]] constexpr std::string_view str() const { return id_; }
  friend constexpr bool operator==(RuleId, RuleId) = default;
  friend constexpr auto operator<=>(RuleId a, RuleId b) { return a.id_.compare(b.id_) <=> 0; }

 private:
  std::string_view id_;  // always points at a registry literal
};

struct Note {
  std::string message;
  std::optional<ByteRange> range;  // in the diagnostic's file, when the note points somewhere
};

struct Edit {
  ByteRange range;
  std::string replacement;
};

struct Fix {
  std::string title;
  bool safe = false;
  std::vector<Edit> edits;
};

// Why a finding is not reported: the ignore directive that matched it.
struct Suppression {
  bool file_wide = false;  // zdlint-ignore-file rather than zdlint-ignore
  std::string reason;      // the text after the directive's ':'
  ByteRange directive;     // the directive's comment, in the diagnostic's file
};

// A relation the finding's statement locks, as the lock model predicts it (for JSON output).
struct LockedRelation {
  std::string relation;  // schema-qualified
  LockMode mode = LockMode::None;
  bool rewrite = false;
  bool scan = false;
  bool pre_existing = false;  // neither created by the statement nor earlier in its file
};

struct Diagnostic {
  RuleId rule;
  Severity severity = Severity::Warning;
  FileId file = 0;
  ByteRange range;
  // Shared with the run's other findings of the same words (TextPool): most help is the same for
  // every finding of a rule, and many messages are repeated too.
  SharedText message;
  SharedText help;
  std::vector<Note> notes;
  HeapOptional<Fix> fix;
  HeapOptional<Suppression> suppression;  // set on the entries of LintResult::suppressed
  // Identifies the finding across edits that move lines: a hash of the rule, the normalized
  // statement (pg_query_fingerprint) and the occurrence of that pair in the file. 16 hex digits.
  std::string fingerprint;
  // What the statement the finding is about locks (when LintRequest::describe_locks; for JSON output).
  std::vector<LockedRelation> locks;
};

}  // namespace zdlint
