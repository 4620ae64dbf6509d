#pragma once
// What a rule reports. Positions are byte ranges into one file; reporters convert them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

struct Diagnostic {
  RuleId rule;
  Severity severity = Severity::Warning;
  FileId file = 0;
  ByteRange range;
  std::string message;
  std::string help;
  std::vector<Note> notes;
  std::optional<Fix> fix;
  std::optional<Suppression> suppression;  // set on the entries of LintResult::suppressed
};

}  // namespace zdlint
