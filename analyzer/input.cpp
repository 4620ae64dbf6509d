#include "analyzer/input.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

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
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.replace(0, 3, "   ");  // keep offsets: a BOM becomes spaces
  return bytes;
}

std::variant<std::string, InputProblem> read_source(const std::string& path, const std::string& display_path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InputProblem{display_path, fmt::format("cannot be read: {}", std::strerror(errno))};
  // Read into a string of the file's size: a growing stream buffer would hold up to twice the file.
  std::string bytes;
  in.seekg(0, std::ios::end);
  if (const std::streamoff size = in.tellg(); size > 0) bytes.reserve(static_cast<size_t>(size));
  in.clear();  // a pipe cannot seek: read it from where it is, the start
  in.seekg(0, std::ios::beg);
  in.clear();
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return InputProblem{display_path, fmt::format("cannot be read: {}", std::strerror(errno))};
  return validate_source(std::move(bytes), display_path);
}

}  // namespace zdlint
