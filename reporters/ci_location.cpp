#include "reporters/ci_location.h"

namespace zdlint {
namespace fs = std::filesystem;

CiPaths::CiPaths(const std::string& base_directory) {
  std::error_code ec;
  base_ = base_directory.empty() ? fs::current_path(ec) : fs::path(base_directory);
  base_ = fs::weakly_canonical(fs::absolute(base_, ec), ec).lexically_normal();
}

const CiPath& CiPaths::resolve(const std::string& display_path) const {
  const auto known = resolved_.find(display_path);
  if (known != resolved_.end()) return known->second;
  return resolved_.emplace(display_path, resolve_uncached(display_path)).first->second;
}

CiPath CiPaths::resolve_uncached(const std::string& display_path) const {
  // Standard input without --stdin-filename has no file behind it: keep its placeholder name.
  if (display_path == "-" || display_path.starts_with('<')) return {display_path, display_path, true};
  std::error_code ec;
  // Canonical like SARIF's URIs, so that every format names a file the same way.
  fs::path absolute = fs::weakly_canonical(fs::absolute(display_path, ec), ec).lexically_normal();
  if (ec || absolute.empty()) absolute = fs::absolute(display_path).lexically_normal();
  const std::string relative = absolute.lexically_relative(base_).generic_string();
  const bool inside = !relative.empty() && relative != "." && relative != ".." && !relative.starts_with("../");
  return {relative.empty() ? absolute.generic_string() : relative, absolute.generic_string(), inside};
}

CiRange ci_range(const SourceFile& source, ByteRange range) {
  CiRange out{source.position(range.begin), source.position(range.end)};
  if (out.end.line > out.begin.line && out.end.column_bytes == 1) {
    const uint32_t previous = out.end.line - 1;
    const auto& lines = source.lines();
    const auto line_end =
        lines.line_start(previous) + static_cast<uint32_t>(lines.line_text(source.text(), previous).size());
    out.end = source.position(line_end);
  }
  return out;
}

}  // namespace zdlint
