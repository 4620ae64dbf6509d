#include "analyzer/input.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>

#include "analyzer/fd.h"
#include "parser/source_file.h"

namespace zdlint {

std::variant<std::string, InputProblem> validate_source(std::string bytes, const std::string& display_path) {
  if (const auto nul = bytes.find('\0'); nul != std::string::npos)
    return InputProblem{display_path, fmt::format("is a binary file (NUL byte at offset {}), not SQL text", nul)};
  size_t bad = 0;
  if (!is_valid_utf8(bytes, &bad)) {
    const LineIndex lines(std::string_view(bytes).substr(0, bad));
    const auto pos = lines.position(std::string_view(bytes).substr(0, bad), static_cast<uint32_t>(bad));
    return InputProblem{display_path, fmt::format("is not valid UTF-8 (invalid byte 0x{:02X} at line {}, byte column {}); "
                                                  "convert it to UTF-8 first",
                                                  static_cast<unsigned char>(bytes[bad]), pos.line, pos.column_bytes)};
  }
  return bytes;  // a byte order mark is kept: SourceFile blanks it, and counts no column for it
}

namespace {

// "1 GiB", "1.07 GiB", "300 MiB", "1000 bytes": a size as a message gives it.
std::string size_text(size_t bytes) {
  constexpr size_t kMiB = size_t{1} << 20, kGiB = size_t{1} << 30;
  if (bytes >= kGiB) return fmt::format("{:.3g} GiB", static_cast<double>(bytes) / kGiB);
  if (bytes >= kMiB) return fmt::format("{:.3g} MiB", static_cast<double>(bytes) / kMiB);
  return fmt::format("{} bytes", bytes);
}

InputProblem unreadable(const std::string& display_path) {
  return InputProblem{display_path, fmt::format("cannot be read: {}", std::strerror(errno))};
}

InputProblem too_large(const std::string& display_path, std::optional<size_t> size, size_t max_bytes) {
  const std::string what = size ? fmt::format("is {}, more than", size_text(*size)) : "holds more than";
  return InputProblem{display_path, fmt::format("{} the {} zdlint reads, and is not linted (a file this large is "
                                                "most likely a data dump, not a migration)",
                                                what, size_text(max_bytes))};
}

}  // namespace

std::variant<std::string, InputProblem> read_source(const std::string& path, const std::string& display_path,
                                                    size_t max_bytes) {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) return unreadable(display_path);
  return read_source_from(fd.get(), display_path, max_bytes);
}

std::variant<std::string, InputProblem> read_source_from(int fd, const std::string& display_path, size_t max_bytes) {
  // Read into a string of the file's size and one byte more (its capacity stays as it is for the
  // rest of the run: sources are kept for the report). A read that stops at the size fstat gave has
  // met the end, and saves the read that would return nothing (one system call a file, where a file
  // costs only five or six); a pipe, or a file that grows, is read on to its end.
  std::string bytes;
  struct stat status {};
  std::optional<size_t> known_size;
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
    known_size = static_cast<size_t>(status.st_size);
    if (*known_size > max_bytes) return too_large(display_path, known_size, max_bytes);
    bytes.resize(*known_size + 1);
  }
  const auto read_some = [&](char* into, size_t size) {
    ssize_t got = 0;
    do got = ::read(fd, into, size);
    while (got < 0 && errno == EINTR);
    return got;
  };
  size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t got = read_some(bytes.data() + filled, bytes.size() - filled);
    if (got < 0) return unreadable(display_path);
    if (got == 0) break;
    filled += static_cast<size_t>(got);
    if (filled == known_size) break;
  }
  bytes.resize(filled);
  if (filled == known_size) return validate_source(std::move(bytes), display_path);
  // A pipe, a device or a growing file may not end: it is read only while it is text, and only up
  // to the limit (`zdlint /dev/zero` reports a binary file at once, rather than filling memory).
  std::array<char, 65536> more;  // not cleared: read fills what is used
  for (ssize_t got = 0; (got = read_some(more.data(), more.size())) != 0;) {
    if (got < 0) return unreadable(display_path);
    const std::string_view chunk(more.data(), static_cast<size_t>(got));
    if (const size_t nul = chunk.find('\0'); nul != std::string_view::npos)
      return validate_source(std::move(bytes.append(chunk.substr(0, nul + 1))), display_path);
    if (bytes.size() + chunk.size() > max_bytes) return too_large(display_path, std::nullopt, max_bytes);
    bytes.append(chunk);
  }
  return validate_source(std::move(bytes), display_path);
}

std::string read_file_start(const std::string& path, size_t size) { return read_file_start_at(AT_FDCWD, path, size); }

std::string read_file_start_at(int directory_fd, const std::string& name, size_t size) {
  const Fd fd(::openat(directory_fd, name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  std::string bytes(size, '\0');
  const ssize_t got = fd ? ::pread(fd.get(), bytes.data(), size, 0) : -1;
  bytes.resize(got > 0 ? static_cast<size_t>(got) : 0);
  return bytes;
}

}  // namespace zdlint
