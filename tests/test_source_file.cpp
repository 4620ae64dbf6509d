#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "analyzer/input.h"
#include "parser/source_file.h"
#include "tests/test_support.h"

using namespace zdlint;

TEST_CASE("line index: ASCII lines and columns") {
  const SourceFile file("a.sql", "SELECT 1;\nSELECT 22;\n");
  const auto p = file.position(10);
  CHECK(p.line == 2);
  CHECK(p.column_bytes == 1);
  CHECK(file.position(17).column_chars == 8);
  CHECK(file.lines().line_count() == 3);
  CHECK(file.lines().line_text(file.text(), 2) == "SELECT 22;");
}

TEST_CASE("line index: multibyte characters count as one code point and as UTF-16 units") {
  // "é" is 2 bytes / 1 UTF-16 unit, "😀" 4 bytes / 2 units, "表" 3 bytes / 1 unit.
  const std::string text = "SELECT 'é😀表', x;";
  const SourceFile file("m.sql", text);
  const auto x = static_cast<uint32_t>(text.find('x'));
  const auto p = file.position(x);
  CHECK(p.line == 1);
  CHECK(p.column_bytes == x + 1);
  CHECK(p.column_bytes == 21);
  CHECK(p.column_chars == 15);
  CHECK(p.column_utf16 == 16);
}

TEST_CASE("line index: CRLF and lone CR end lines") {
  const std::string text = "A;\r\nB;\rC;\n";
  const SourceFile file("crlf.sql", text);
  CHECK(file.position(static_cast<uint32_t>(text.find('B'))).line == 2);
  CHECK(file.position(static_cast<uint32_t>(text.find('B'))).column_chars == 1);
  CHECK(file.position(static_cast<uint32_t>(text.find('C'))).line == 3);
  CHECK(file.lines().line_text(file.text(), 1) == "A;");
  CHECK(file.lines().line_text(file.text(), 2) == "B;");
}

TEST_CASE("UTF-8 validation rejects malformed input") {
  size_t at = 0;
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("é 😀 表"));
  CHECK_FALSE(is_valid_utf8("ab\xff", &at));
  CHECK(at == 2);
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));      // overlong "/"
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));  // UTF-16 surrogate
  CHECK_FALSE(is_valid_utf8("\xe2\x82"));      // truncated
  // Past and within the whole words of ASCII that are skipped eight bytes at a time.
  CHECK_FALSE(is_valid_utf8("0123456789abcdefé\xff", &at));
  CHECK(at == 18);
  CHECK_FALSE(
      is_valid_utf8("0123456\xff"
                    "89abcdef",
                    &at));
  CHECK(at == 7);
  CHECK(is_valid_utf8("0123456789abcdefghé😀表0123456789abcdef"));
}

TEST_CASE("a byte order mark is blanked and counts no column: line 1 starts after it") {
  const SourceFile file("bom.sql", "\xEF\xBB\xBFSELECT 1;\nSELECT 2;\n");
  CHECK(file.text() == "   SELECT 1;\nSELECT 2;\n");  // the same length: every offset holds
  const Position first = file.position(3);
  CHECK(first.line == 1);
  CHECK(first.column_bytes == 1);
  CHECK(first.column_chars == 1);
  CHECK(first.column_utf16 == 1);
  CHECK(file.position(0).column_chars == 1);  // within the mark: the line's first column
  CHECK(file.line_of(0) == 1);
  CHECK(file.lines().line_text(file.text(), 1) == "SELECT 1;");
  const Position second = file.position(static_cast<uint32_t>(file.text().find('2')));
  CHECK(second.line == 2);
  CHECK(second.column_chars == 8);
  // Only a mark at the very start is one.
  CHECK(SourceFile("x.sql", "SELECT '\xEF\xBB\xBF';").text() == "SELECT '\xEF\xBB\xBF';");
  CHECK(SourceFile("empty.sql", "\xEF\xBB\xBF").position(0).column_chars == 1);
}

TEST_CASE("columns on a long line are counted from checkpoints along it, as from its start") {
  // A 60 KB line of ASCII, two-byte and four-byte characters, so that checkpoints fall before,
  // after and next to every kind; then a short line after it.
  std::string line;
  for (int i = 0; line.size() < 60000; ++i) line += i % 7 == 0 ? "😀" : i % 5 == 0 ? "é" : "abc ";
  const std::string text = "SELECT 1;\n" + line + "\nSELECT 2;\n";
  const SourceFile file("long.sql", text);
  const auto naive = [&](uint32_t offset) {  // counted from the line's start, a character at a time
    uint32_t chars = 0, units = 0;
    for (size_t i = 10; i < offset;) {
      const uint32_t len = utf8_sequence_length(text, i);
      ++chars;
      units += len == 4 ? 2 : 1;
      i += len;
    }
    return std::pair(chars + 1, units + 1);
  };
  size_t checked = 0;
  for (uint32_t offset = 10; offset < 10 + line.size(); offset += 997) {
    for (uint32_t near = offset; near < offset + 5; ++near) {  // within sequences too
      const Position pos = file.position(near);
      CAPTURE(near);
      CHECK(pos.line == 2);
      CHECK(std::pair(pos.column_chars, pos.column_utf16) == naive(near));
      ++checked;
    }
  }
  CHECK(checked > 250);
  CHECK(file.position(static_cast<uint32_t>(text.rfind('2'))).column_chars == 8);
}

TEST_CASE("columns count characters and UTF-16 code units after long runs of ASCII") {
  // 17 ASCII bytes, then é (2 bytes, 1 unit), 😀 (4 bytes, 2 units), 10 more ASCII bytes.
  const std::string line = "SELECT 123456789 é😀 'abcdefgh' x";
  const SourceFile file("columns.sql", "-- first line\n" + line + "\n");
  const auto at = [&](std::string_view what) { return file.position(static_cast<uint32_t>(file.text().find(what))); };
  CHECK(at("SELECT").column_chars == 1);
  CHECK(at("é").column_chars == 18);
  CHECK(at("😀").column_chars == 19);
  CHECK(at("😀").column_utf16 == 19);
  CHECK(at("'abc").column_chars == 21);
  CHECK(at("'abc").column_utf16 == 22);
  CHECK(at("'abc").column_bytes == 25);
  CHECK(at(" x").column_chars == 31);
  CHECK(at(" x").column_utf16 == 32);
}

TEST_CASE("code point offsets") {
  CHECK(count_code_points("é😀a") == 3);
  CHECK(byte_offset_of_char("é😀a", 2) == 6);
  CHECK(byte_offset_of_char("ab", 10) == 2);
}

TEST_CASE("input: files are read whole, or say why they cannot be") {
  const test::TempDir dir;
  const auto text = std::get<std::string>(read_source(dir.write("a.sql", "SELECT 1;\n").string(), "a.sql"));
  CHECK(text == "SELECT 1;\n");
  CHECK(std::get<std::string>(read_source(dir.write("empty.sql", "").string(), "empty.sql")).empty());
  const std::string big(300000, 'x');  // more than one read
  const auto big_text = std::get<std::string>(read_source(dir.write("big.sql", big).string(), "big.sql"));
  CHECK(big_text == big);
  // Sources are kept for the whole run: no slack but the byte that lets one read meet the end.
  CHECK(big_text.capacity() == big.size() + 1);
  // A byte order mark is read as it is; SourceFile blanks it.
  CHECK(std::get<std::string>(read_source(dir.write("bom.sql", "\xEF\xBB\xBFSELECT").string(), "bom.sql")) ==
        "\xEF\xBB\xBFSELECT");

  const auto missing = std::get<InputProblem>(read_source((dir.path() / "nope.sql").string(), "shown/nope.sql"));
  CHECK(missing.path == "shown/nope.sql");
  CHECK(missing.message == "cannot be read: No such file or directory");
  const auto directory = std::get<InputProblem>(read_source(dir.path().string(), "d"));
  CHECK(directory.message == "cannot be read: Is a directory");
  const auto binary = std::get<InputProblem>(read_source(dir.write("b.sql", std::string("ab\0c", 4)).string(), "b.sql"));
  CHECK(binary.message == "is a binary file (NUL byte at offset 2), not SQL text");
}

TEST_CASE("input: a pipe is read to its end") {
  const test::TempDir dir;
  const auto fifo = dir.path() / "pipe.sql";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] {
    std::ofstream out(fifo);
    for (int i = 0; i < 20000; ++i) out << "SELECT " << i << ";\n";
  });
  const auto text = std::get<std::string>(read_source(fifo.string(), "pipe.sql"));
  writer.join();
  CHECK(text.starts_with("SELECT 0;\nSELECT 1;\n"));
  CHECK(text.ends_with("SELECT 19999;\n"));
  CHECK(std::count(text.begin(), text.end(), '\n') == 20000);
}

TEST_CASE("input: a file larger than the limit is not read") {
  const test::TempDir dir;
  const auto at_limit = read_source(dir.write("a.sql", std::string(1000, ' ')).string(), "a.sql", 1000);
  CHECK(std::get<std::string>(at_limit).size() == 1000);
  const auto over =
      std::get<InputProblem>(read_source(dir.write("b.sql", std::string(1001, ' ')).string(), "b.sql", 1000));
  CHECK(over.path == "b.sql");
  CHECK(over.message ==
        "is 1001 bytes, more than the 1000 bytes zdlint reads, and is not linted (a file this large is "
        "most likely a data dump, not a migration)");
  // The size is known before reading: a sparse file of 1.5 GiB takes no memory to refuse.
  const auto sparse = dir.path() / "dump.sql";
  std::ofstream(sparse).close();
  std::filesystem::resize_file(sparse, (size_t{3} << 30) / 2);
  CHECK(std::get<InputProblem>(read_source(sparse.string(), "dump.sql"))
            .message.starts_with("is 1.5 GiB, more than the 1 GiB zdlint reads"));
}

// A pipe written by a thread of the test: `text`, then left open until the test is done with it,
// as a device or a program that does not end would leave it. It is closed after ten seconds
// anyway, so that a reader that waits for its end fails the test rather than hanging it.
class OpenPipe {
 public:
  OpenPipe(const std::filesystem::path& path, std::string text) : path_(path) {
    REQUIRE(mkfifo(path.c_str(), 0600) == 0);
    writer_ = std::thread([this, text = std::move(text)] {
      std::ofstream out(path_);
      out << text << std::flush;
      done_.get_future().wait_for(std::chrono::seconds(10));
      open_ = false;  // before `out` closes it
    });
  }
  // Whether the pipe is still open: a reader that returned while it was did not wait for its end.
  [[nodiscard]] bool open() const { return open_; }
  ~OpenPipe() {
    done_.set_value();
    writer_.join();
  }
  OpenPipe(const OpenPipe&) = delete;
  OpenPipe& operator=(const OpenPipe&) = delete;

 private:
  std::filesystem::path path_;
  std::promise<void> done_;
  std::atomic<bool> open_ = true;
  std::thread writer_;
};

TEST_CASE("input: a pipe that does not end is read only while it is text, and only up to the limit") {
  const test::TempDir dir;
  const auto binary_path = dir.path() / "binary.sql";
  const OpenPipe binary(binary_path, std::string("SELECT 1;\n\0", 11));
  CHECK(std::get<InputProblem>(read_source(binary_path.string(), "binary.sql")).message ==
        "is a binary file (NUL byte at offset 10), not SQL text");
  CHECK(binary.open());

  const auto endless_path = dir.path() / "endless.sql";
  const OpenPipe endless(endless_path, std::string(1001, ' '));
  CHECK(std::get<InputProblem>(read_source(endless_path.string(), "endless.sql", 1000)).message ==
        "holds more than the 1000 bytes zdlint reads, and is not linted (a file this large is most likely a data "
        "dump, not a migration)");
  CHECK(endless.open());
}

TEST_CASE("input: a device is read as a pipe is") {
  CHECK(std::get<InputProblem>(read_source("/dev/zero", "zero.sql")).message ==
        "is a binary file (NUL byte at offset 0), not SQL text");
  CHECK(std::get<std::string>(read_source("/dev/null", "null.sql")).empty());
}

TEST_CASE("input: the start of a file, without waiting on a pipe") {
  const test::TempDir dir;
  const auto file = dir.write("m.sql", "-- postgres-migrations disable-transaction\n");
  CHECK(read_file_start(file.string(), 22) == "-- postgres-migrations");
  CHECK(read_file_start(dir.write("short.sql", "--").string(), 22) == "--");
  CHECK(read_file_start((dir.path() / "nope.sql").string(), 22).empty());
  CHECK(read_file_start(dir.path().string(), 22).empty());  // a directory
  const auto fifo = dir.path() / "pipe.sql";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(read_file_start(fifo.string(), 22).empty());  // no writer: returns at once
}
