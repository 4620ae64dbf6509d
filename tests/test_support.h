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
// The same, with `cwd` as the working directory (for what depends on it, such as .zdlint.toml discovery).
RunResult run_zdlint_in(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                        const std::string& input = "");

std::string source_dir();

// The real-world corpus: $ZDLINT_CORPUS, else ../shared/corpus next to the source tree. It may be absent.
std::filesystem::path corpus_dir();

// A whole file, as bytes.
std::string slurp(const std::filesystem::path& path);

// Runs a program (no shell; PATH searched) with stdout and stderr captured together into `output`;
// returns its exit code, or -1 when it cannot be started.
int run_program(const std::vector<std::string>& args, std::string& output);

// Where scripts/install-sarif-tools.sh installs the npm validators: $ZDLINT_SARIF_TOOLS, else build-tools/sarif.
std::filesystem::path sarif_tools();

struct SchemaValidation {
  bool ran = false;  // false: the npm jsonschema package is not installed
  bool valid = false;
  std::string output;  // the validator's errors
};
// Validates a JSON document against a JSON schema with the npm `jsonschema` package (the validator
// github/codeql-action's upload-sarif uses), from sarif_tools().
SchemaValidation validate_json_schema(const std::filesystem::path& schema, const std::string& document);

}  // namespace zdlint::test
