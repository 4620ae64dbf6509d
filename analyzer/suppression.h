#pragma once
// Suppression directives in SQL comments:
//   -- zdlint-ignore rule-a, rule-b: reason       before a statement, trailing it, or inside it
//   -- zdlint-ignore-file rule-a: reason          anywhere: the whole file
// (/* … */ comments work the same). A directive without a reason, or one naming an unknown rule, is
// reported as invalid-ignore; a valid one that suppresses nothing as unused-ignore.
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diagnostic.h"
#include "parser/statement.h"

namespace zdlint {

struct IgnoreDirective {
  ByteRange comment;  // the whole comment, markers included
  bool file_wide = false;
  ByteRange target;     // statement directives: the text whose findings it suppresses
  bool orphan = false;  // a statement directive after the last statement
  std::string reason;
  std::vector<std::string_view> rules;  // registry literals
  std::vector<bool> used;               // parallel to rules
};

// A comment that looks like a directive but cannot be used as one.
struct DirectiveProblem {
  ByteRange comment;
  std::string message;
  std::string help;
};

struct ParsedDirective {
  std::optional<IgnoreDirective> directive;  // unset when the comment is not a usable directive
  std::vector<DirectiveProblem> problems;
};

// Reads one comment. Not a directive at all: no directive and no problems.
ParsedDirective parse_ignore_directive(const Comment& comment);

struct SuppressionPolicy {
  std::function<bool(std::string_view)> rule_ran;  // whether a rule's findings can be judged
  bool report_invalid = true;                      // invalid-ignore enabled
  bool report_unused = true;                       // unused-ignore enabled
};

// Collects the directives of one file while it is replayed (streaming or not), then splits the
// file's diagnostics into reported and suppressed ones.
class FileSuppressions {
 public:
  // A top-level statement: its leading, trailing and inner comments.
  void add_statement(const Statement& stmt, std::string_view file_text);
  // A comment after the last statement (or in a file without statements).
  void add_file_comment(const Comment& comment);

  // diagnostics[first, end) are this file's; suppressed ones move to `suppressed`, and the
  // file's invalid-ignore and unused-ignore findings are appended.
  void finish(FileId file, size_t first, std::vector<Diagnostic>& diagnostics, std::vector<Diagnostic>& suppressed,
              const SuppressionPolicy& policy);

 private:
  void add(const Comment& comment, ByteRange target, bool orphan);

  std::vector<IgnoreDirective> directives_;
  std::vector<DirectiveProblem> problems_;
  std::set<uint32_t> seen_;  // comment offsets: statements split from one slice share comments
};

}  // namespace zdlint
