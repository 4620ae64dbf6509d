// GitLab Code Quality (--format gitlab): the JSON array GitLab reads from `artifacts:reports:codequality`
// to list findings in the merge request widget, new and resolved against the target branch.
// GitLab matches findings across commits by fingerprint alone, so the fingerprint must not change when
// lines move, and must be unique within a report (findings with equal fingerprints are shown as one).
#include <map>
#include <string>

#include "reporters/ci_location.h"
#include "reporters/pretty_json_writer.h"
#include "reporters/reporter.h"
#include "reporters/sha1.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr size_t kFlushBytes = 1 << 16;

// GitLab's five levels for zdlint's three: an error fails the deployment or blocks reads or writes on a
// live table (an outage); a warning is risky depending on size, timing or deployment order; info is
// advice. `minor` and `blocker` are not used.
std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "critical";
    case Severity::Warning:
      return "major";
    case Severity::Info:
      return "info";
  }
  return "major";
}

// Code Climate's categories (GitLab ignores them; other Code Climate consumers read them).
std::string_view code_climate_category(RuleId rule) {
  const Rule* found = find_rule(rule.str());
  const std::string_view category = found ? std::string_view(found->meta.category) : "";
  if (category == "lock" || category == "rewrite") return "Performance";
  if (category == "compatibility") return "Compatibility";
  if (category == "suppression") return "Style";
  return "Bug Risk";  // syntax, transaction, correctness
}

// The merge request widget shows one line per finding: the message, the notes, then the help.
std::string description(const Diagnostic& d) {
  std::string text = sentence(d.message);
  // append() rather than `" " + …`: g++ 12 at -O3 warns (-Wrestrict) about the temporary's insert.
  for (const auto& note : d.notes) text.append(" ").append(sentence(note.message));
  if (!d.help.empty()) text.append(" Help: ").append(sentence(d.help));
  return text;
}

// Fingerprints: a hash of the path, the rule and the engine's line-independent fingerprint (rule,
// normalized statement, occurrence). Without one, the message stands in for the statement. An
// occurrence number keeps equal inputs apart, in report order, which does not depend on line numbers.
class Fingerprints {
 public:
  std::string next(const std::string& path, const Diagnostic& d) {
    std::string key = "zdlint";
    key += '\0' + path + '\0' + std::string(d.rule.str()) + '\0';
    key += d.fingerprint.empty() ? "message" + std::string(1, '\0') + d.message.str()
                                 : "statement" + std::string(1, '\0') + d.fingerprint;
    const unsigned occurrence = seen_[key]++;
    return sha1_hex(key + '\0' + std::to_string(occurrence));
  }

 private:
  std::map<std::string, unsigned> seen_;
};

}  // namespace

void report_gitlab(std::ostream& out, const LintResult& result, const GitlabOptions& options) {
  const CiPaths paths(options.base_directory);
  Fingerprints fingerprints;
  // Written as nlohmann's dump(2) laid the array out when it was built as a tree, a finding at a
  // time, in pieces: a large report is never held whole.
  std::string text;
  PrettyJsonWriter w(text);
  w.begin_array();
  for (const auto& d : result.diagnostics) {
    const auto& file = result.files.at(d.file);
    // Repository-relative, as GitLab requires: run zdlint from the repository root.
    const std::string path = paths.resolve(file.path).relative;
    const CiRange range = ci_range(*file.source, d.range);
    w.begin_object();
    w.key("type").value("issue");
    w.key("description").value(description(d));
    w.key("check_name").value(d.rule.str());
    w.key("fingerprint").value(fingerprints.next(path, d));
    w.key("severity").value(gitlab_severity(d.severity));
    w.key("categories").begin_array().value(code_climate_category(d.rule)).end_array();
    w.key("location").begin_object().key("path").value(path);
    w.key("lines").begin_object().key("begin").value(range.begin.line).key("end").value(range.end.line);
    w.end_object().end_object();
    w.end_object();
    if (text.size() >= kFlushBytes) {
      out << text;
      text.clear();
    }
  }
  w.end_array();
  // No byte-order mark: GitLab's parser rejects one.
  out << text << '\n';
}

}  // namespace zdlint
