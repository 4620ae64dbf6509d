#pragma once
// Helpers shared by the test files: temporary directories and running the real binary.
#include <filesystem>
#include <string>
#include <vector>

namespace zdlint::test {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built zdlint binary with `args` (no shell involved), feeding `input` on stdin.
RunResult run_zdlint(const std::vector<std::string>& args, const std::string& input = "");

std::string source_dir();

}  // namespace zdlint::test
