#pragma once
// Reading migration files, with a clear message for everything that is not lintable text.
#include <optional>
#include <string>
#include <variant>

namespace zdlint {

struct InputProblem {
  std::string path;
  std::string message;  // complete sentence, names no path (the reporter prefixes it)
  bool is_error = true;  // errors make the exit code 2; warnings (an empty file) do not
};

// The file's text, or why it cannot be linted: unreadable, binary (NUL bytes), invalid UTF-8.
// An empty file is readable text; callers decide whether that is worth a warning.
std::variant<std::string, InputProblem> read_source(const std::string& path, const std::string& display_path);
std::variant<std::string, InputProblem> validate_source(std::string bytes, const std::string& display_path);

// The first `size` bytes of a file (fewer when it is shorter); empty when it cannot be read. It
// never waits: a FIFO without a writer reads as empty.
std::string read_file_start(const std::string& path, size_t size);
// The same for `name` in the directory open as `directory_fd` (openat: the kernel looks up one
// name, not every component of a path).
std::string read_file_start_at(int directory_fd, const std::string& name, size_t size);

}  // namespace zdlint
