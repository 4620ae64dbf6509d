// libFuzzer target: arbitrary bytes as an infrastructure file (Terraform, CloudFormation, compose
// files, Kubernetes manifests, CDK, Pulumi, Dockerfiles, .tool-versions, mise and Supabase config),
// through the scanners that find the PostgreSQL engine version in it (analyzer/engine_upgrade.h)
// and the comparison of two revisions. The first line is the file's name (or path), which picks the
// format; the rest is two revisions separated by the first NUL byte (one alone is compared with
// itself).
// Each declaration must lie inside the text, subjects must tell a file's declarations apart (the
// comparison matches revisions by subject), and a revision compared with itself changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine_upgrade.h"

namespace {

std::vector<zdlint::EngineDeclaration> scan_checked(std::string_view name, std::string_view text) {
  std::vector<zdlint::EngineDeclaration> found = zdlint::scan_engine_versions(std::string(name), text);
  std::set<std::string_view> subjects;
  for (const auto& d : found) {
    if (d.range.begin > d.range.end || d.range.end > text.size()) std::abort();  // outside the text
    if (d.subject.empty() || !subjects.insert(d.subject).second) std::abort();   // not told apart
  }
  if (!zdlint::engine_version_changes(found, found).empty()) std::abort();
  return found;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t line_end = input.find('\n');
  if (line_end == std::string_view::npos) return 0;
  const std::string_view name = input.substr(0, line_end);
  input.remove_prefix(line_end + 1);
  const size_t split = input.find('\0');
  const std::string_view before = input.substr(0, split);
  const std::string_view after = split == std::string_view::npos ? before : input.substr(split + 1);
  const auto earlier = scan_checked(name, before);
  const auto later = scan_checked(name, after);
  for (const auto& change : zdlint::engine_version_changes(earlier, later)) {
    if (!change.before || *change.before == change.after.version) std::abort();  // not a change
  }
  return 0;
}
