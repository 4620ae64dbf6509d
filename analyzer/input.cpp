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

std::variant<std::string, InputProblem> read_source(const std::string& path, const std::string& display_path) {
  const auto unreadable = [&] { return InputProblem{display_path, fmt::format("cannot be read: {}", std::strerror(errno))}; };
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) return unreadable();
  // Read into a string of the file's size and one byte more (its capacity stays as it is for the
  // rest of the run: sources are kept for the report). A read that stops at the size fstat gave has
  // met the end, and saves the read that would return nothing (one system call a file, where a file
  // costs only five or six); a pipe, or a file that grows, is read on to its end.
  std::string bytes;
  struct stat status {};
  std::optional<size_t> known_size;
  if (::fstat(fd.get(), &status) == 0 && S_ISREG(status.st_mode)) {
    known_size = static_cast<size_t>(status.st_size);
    bytes.resize(*known_size + 1);
  }
  const auto read_some = [&](char* into, size_t size) {
    ssize_t got = 0;
    do got = ::read(fd.get(), into, size);
    while (got < 0 && errno == EINTR);
    return got;
  };
  size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t got = read_some(bytes.data() + filled, bytes.size() - filled);
    if (got < 0) return unreadable();
    if (got == 0) break;
    filled += static_cast<size_t>(got);
    if (filled == known_size) break;
  }
  bytes.resize(filled);
  if (filled == known_size) return validate_source(std::move(bytes), display_path);
  std::array<char, 65536> more;  // not cleared: read fills what is used
  for (ssize_t got = 0; (got = read_some(more.data(), more.size())) != 0;) {
    if (got < 0) return unreadable();
    bytes.append(more.data(), static_cast<size_t>(got));
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
