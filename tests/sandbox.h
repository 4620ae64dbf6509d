#pragma once
// Running external programs (git, pre-commit, shell scripts) for the integration tests, in scratch
// directories and with an environment of their own.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/test_support.h"

namespace zdlint::test {

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

// The directory holding `program` among those of $PATH, or empty.
std::filesystem::path find_on_path(const std::string& program);

struct ProcessOutput {
  int exit_code = -1;
  std::string text;  // standard output and standard error, interleaved as written
};

// A temporary directory and an environment for the programs run in it: a private HOME with a git
// identity, a private pre-commit cache, no GIT_* or PRE_COMMIT* variables inherited from a
// surrounding git command, and the directory of the zdlint under test first on PATH.
class Sandbox {
 public:
  Sandbox();

  [[nodiscard]] const std::filesystem::path& dir() const { return temp_.path(); }

  // Puts `directory` first on PATH.
  void prepend_path(const std::filesystem::path& directory);
  // Sets (or replaces) one environment variable.
  void set_env(const std::string& name, const std::string& value);

  // Runs `argv` in `cwd`, with no shell involved and standard input empty. argv[0] without a slash is
  // looked up on the sandbox's PATH.
  [[nodiscard]] ProcessOutput run(const std::filesystem::path& cwd, const std::vector<std::string>& argv) const;

  // Runs git in `repo` and requires it to succeed; returns its output.
  std::string git(const std::filesystem::path& repo, std::vector<std::string> args) const;

  // A git repository at dir()/name whose first commit holds `files` (relative path, content).
  [[nodiscard]] std::filesystem::path repository(const std::string& name,
                                                 const std::vector<std::pair<std::string, std::string>>& files) const;

 private:
  TempDir temp_;
  std::vector<std::string> env_;
};

}  // namespace zdlint::test
