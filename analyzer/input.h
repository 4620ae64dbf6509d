#pragma once
// Reading migration files, with a clear message for everything that is not lintable text.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>

namespace zdlint {

struct InputProblem {
  std::string path;
  std::string message;  // complete sentence, names no path (the reporter prefixes it)
  bool is_error = true;  // errors make the exit code 2; warnings (an empty file) do not
};

// The largest file zdlint reads. Positions in a file are 32-bit offsets, and linting a file takes
// some seven times its size in memory: a 1 GiB file about 7 GB.
inline constexpr size_t kMaxSourceBytes = size_t{1} << 30;

// The file's text, or why it cannot be linted: unreadable, binary (NUL bytes), invalid UTF-8, or
// larger than `max_bytes`. An empty file is readable text; callers decide whether that is worth a
// warning.
std::variant<std::string, InputProblem> read_source(const std::string& path, const std::string& display_path,
                                                    size_t max_bytes = kMaxSourceBytes);
// The same for a descriptor already open (standard input), read to its end; not closed.
std::variant<std::string, InputProblem> read_source_from(int fd, const std::string& display_path,
                                                         size_t max_bytes = kMaxSourceBytes);
std::variant<std::string, InputProblem> validate_source(std::string bytes, const std::string& display_path);

// The first `size` bytes of a file (fewer when it is shorter); empty when it cannot be read. It
// never waits: a FIFO without a writer reads as empty.
std::string read_file_start(const std::string& path, size_t size);
// The same for `name` in the directory open as `directory_fd` (openat: the kernel looks up one
// name, not every component of a path).
std::string read_file_start_at(int directory_fd, const std::string& name, size_t size);

}  // namespace zdlint
