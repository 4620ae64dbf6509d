#pragma once
// Where the CI formats (GitHub annotations, GitLab Code Quality) point: a path relative to the
// repository root, and the lines and columns of a range.
#include <filesystem>
#include <string>
#include <unordered_map>

#include "parser/source_file.h"

namespace zdlint {

struct CiPath {
  std::string relative;  // relative to the base, '/'-separated, lexically normal; may start with "../"
  std::string absolute;  // the same file as an absolute path
  bool inside_base = true;
};

// CI systems name files relative to the repository root; zdlint takes the base directory (by default
// the current directory) to be that root, as it does for SARIF's %SRCROOT%.
class CiPaths {
 public:
  explicit CiPaths(const std::string& base_directory = "");
  // Resolved once per path: resolving asks the file system about every component of it, and a
  // report names a file once for each of its findings. Not synchronised.
  [[nodiscard]] const CiPath& resolve(const std::string& display_path) const;

 private:
  [[nodiscard]] CiPath resolve_uncached(const std::string& display_path) const;

  std::filesystem::path base_;
  mutable std::unordered_map<std::string, CiPath> resolved_;
};

struct CiRange {
  Position begin;
  Position end;  // exclusive
};

// A range's start and end positions. A range that ends just after a line break ends at the end of
// the previous line instead, so that it does not claim a line it has no character on.
CiRange ci_range(const SourceFile& source, ByteRange range);

}  // namespace zdlint
