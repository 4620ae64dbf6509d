#include <doctest/doctest.h>

#include <filesystem>

#include "analyzer/discovery.h"
#include "analyzer/input.h"
#include "tests/test_support.h"

using namespace zdlint;

TEST_CASE("natural order sorts numbers by value") {
  CHECK(natural_less("9_x.sql", "10_x.sql"));
  CHECK_FALSE(natural_less("10_x.sql", "9_x.sql"));
  CHECK(natural_less("V2__a.sql", "V10__a.sql"));
  CHECK(natural_less("a/2.sql", "a/10.sql"));
  CHECK(natural_less("migrations/9/up.sql", "migrations/10/up.sql"));
  CHECK(natural_less("001_a.sql", "002_a.sql"));
}

TEST_CASE("directories are searched recursively, hidden ones skipped, in natural order") {
  const test::TempDir dir;
  dir.write("m/10_b.sql", "SELECT 1;");
  dir.write("m/9_a.sql", "SELECT 1;");
  dir.write("m/sub/1_c.SQL", "SELECT 1;");
  dir.write("m/notes.txt", "x");
  dir.write("m/.git/x.sql", "x");
  const auto found = discover({(dir.path() / "m").string()});
  REQUIRE(found.files.size() == 3);
  CHECK(found.files[0].display_path.ends_with("m/9_a.sql"));
  CHECK(found.files[1].display_path.ends_with("m/10_b.sql"));
  CHECK(found.files[2].display_path.ends_with("m/sub/1_c.SQL"));
  CHECK(found.problems.empty());
}

TEST_CASE("missing paths and directories without SQL are reported, the rest still found") {
  const test::TempDir dir;
  dir.write("empty/readme.md", "x");
  dir.write("ok.sql", "SELECT 1;");
  const auto found = discover({(dir.path() / "nope").string(), (dir.path() / "empty").string(), (dir.path() / "ok.sql").string()});
  REQUIRE(found.files.size() == 1);
  REQUIRE(found.problems.size() == 2);
  CHECK(found.problems[0].message == "does not exist");
  CHECK(found.problems[1].message == "is a directory with no .sql files");
}

TEST_CASE("symbolic links that leave the directory are not followed") {
  const test::TempDir dir;
  const auto secret = dir.write("secret/key.sql", "SELECT 'secret';");
  dir.write("m/1.sql", "SELECT 1;");
  std::filesystem::create_symlink(secret, dir.path() / "m/2.sql");
  const auto found = discover({(dir.path() / "m").string()});
  REQUIRE(found.files.size() == 1);
  REQUIRE(found.problems.size() == 1);
  CHECK(found.problems[0].message.find("symbolic link") != std::string::npos);
  CHECK_FALSE(found.problems[0].is_error);
}

TEST_CASE("input validation: binary and invalid UTF-8 files") {
  const auto binary = validate_source(std::string("SELECT\0 1;", 10), "b.sql");
  REQUIRE(std::holds_alternative<InputProblem>(binary));
  CHECK(std::get<InputProblem>(binary).message.find("binary file (NUL byte at offset 6)") != std::string::npos);
  const auto latin1 = validate_source("SELECT 1;\nSELECT 'caf\xe9';", "l.sql");
  REQUIRE(std::holds_alternative<InputProblem>(latin1));
  CHECK(std::get<InputProblem>(latin1).message.find("not valid UTF-8 (invalid byte 0xE9 at line 2, byte column 12)") !=
        std::string::npos);
  CHECK(std::holds_alternative<std::string>(validate_source("", "e.sql")));
}
