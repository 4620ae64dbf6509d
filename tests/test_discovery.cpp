#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "analyzer/directory_listing.h"
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

TEST_CASE("natural order: paths that share leading directories, and numbers across the first difference") {
  CHECK(natural_less("db/m/19_x.sql", "db/m/100_x.sql"));  // the first differing byte is inside a number
  CHECK_FALSE(natural_less("db/m/100_x.sql", "db/m/19_x.sql"));
  CHECK(natural_less("db/m/1/up.sql", "db/m/19/up.sql"));
  CHECK(natural_less("db/m2/a.sql", "db/m10/a.sql"));
  CHECK(natural_less("db/q", "db/q/1.sql"));  // a file before the contents of a directory of its name
  CHECK_FALSE(natural_less("db/q/1.sql", "db/q"));
  CHECK(natural_less("db/q/1.sql", "db/q.sql"));  // "q" sorts before "q.sql"
  CHECK_FALSE(natural_less("db/m/1.sql", "db/m/1.sql"));
  CHECK(natural_less("db/m/01.sql", "db/m/1.sql") != natural_less("db/m/1.sql", "db/m/01.sql"));
}

TEST_CASE("directories are searched recursively, hidden ones skipped, in natural order") {
  const test::TempDir dir;
  dir.write("m/10_b.sql", "SELECT 1;");
  dir.write("m/9_a.sql", "SELECT 1;");
  dir.write("m/sub/1_c.SQL", "SELECT 1;");
  dir.write("m/notes.txt", "x");
  dir.write("m/.git/x.sql", "x");
  for (const unsigned jobs : {1u, 4u}) {  // the directories are read on `jobs` threads
    CAPTURE(jobs);
    const auto found = discover({(dir.path() / "m").string()}, "", nullptr, jobs);
    REQUIRE(found.files.size() == 3);
    CHECK(found.files[0].display_path.ends_with("m/9_a.sql"));
    CHECK(found.files[1].display_path.ends_with("m/10_b.sql"));
    CHECK(found.files[2].display_path.ends_with("m/sub/1_c.SQL"));
    CHECK(found.problems.empty());
  }
}

TEST_CASE("the walk's order is the natural order of the whole paths, across directories") {
  const test::TempDir dir;
  for (const char* file : {"m/q.sql", "m/10/a.sql", "m/2.sql", "m/q/1.sql", "m/2/b.sql", "m/1.sql", "m/2/a.sql",
                           "m/B.sql", "m/2/x/y/1.sql", "m/2/x/0.sql", "m/10/z/1.sql"})
    dir.write(file, "SELECT 1;");
  // A directory's contents come before a file whose name extends the directory's ("2/" before
  // "2.sql"), numbers by value, upper case before lower.
  const std::vector<std::string> expected{"m/1.sql",    "m/2/a.sql",    "m/2/b.sql", "m/2/x/0.sql",
                                          "m/2/x/y/1.sql", "m/2.sql",   "m/10/a.sql", "m/10/z/1.sql",
                                          "m/B.sql",    "m/q/1.sql",    "m/q.sql"};
  for (const unsigned jobs : {1u, 2u, 4u}) {  // read in any order on `jobs` threads, then ordered depth first
    CAPTURE(jobs);
    const auto found = discover({(dir.path() / "m").string()}, "", nullptr, jobs);
    std::vector<std::string> shown;
    for (const auto& file : found.files) shown.push_back(file.display_path.substr(dir.path().string().size() + 1));
    CHECK(shown == expected);
    CHECK(std::is_sorted(shown.begin(), shown.end(), natural_less));
  }
}

TEST_CASE("the walk finds the same files in the same order on any number of threads") {
  // Each thread reads whichever directory is waiting next, and a directory read adds those in it:
  // a tree of uneven breadth and depth (a wide level, chains, empty directories) keeps threads
  // taking and adding at once.
  const test::TempDir dir;
  for (int a = 0; a < 40; ++a) {
    const std::string top = "m/" + std::to_string(a);
    if (a % 7 == 3) {
      std::filesystem::create_directories(dir.path() / top / "empty");
      continue;
    }
    std::string deep = top;
    for (int depth = 0; depth < a % 5; ++depth) deep += "/d" + std::to_string(depth);
    for (int f = 0; f < 3; ++f) dir.write(deep + "/" + std::to_string(f) + ".sql", "SELECT 1;");
    dir.write(top + "/z.sql", "SELECT 1;");
  }
  DirectoryListings one_thread_listings;
  const auto one_thread = discover({(dir.path() / "m").string()}, "", &one_thread_listings, 1);
  REQUIRE(one_thread.files.size() == 4 * (40 - 6));  // four in each directory but the six empty ones
  CHECK(one_thread.problems.empty());
  for (const unsigned jobs : {2u, 3u, 8u}) {
    CAPTURE(jobs);
    for (int run = 0; run < 5; ++run) {
      DirectoryListings listings;
      const auto found = discover({(dir.path() / "m").string()}, "", &listings, jobs);
      REQUIRE(found.files.size() == one_thread.files.size());
      for (size_t i = 0; i < found.files.size(); ++i) CHECK(found.files[i].path == one_thread.files[i].path);
      CHECK(found.problems.empty());
      CHECK(listings.all().size() == one_thread_listings.all().size());
    }
  }
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

TEST_CASE("paths are shown lexically normal, unless a '..' follows a name that may be a link") {
  const test::TempDir dir;
  dir.write("real/m/1.sql", "SELECT 1;");
  std::filesystem::create_directory_symlink(dir.path() / "real/m", dir.path() / "deep");
  const std::string root = dir.path().string();
  const auto shown = [](const Discovery& found) {
    std::vector<std::string> paths;
    for (const auto& f : found.files) paths.push_back(f.display_path);
    return paths;
  };
  CHECK(shown(discover({root + "/./real//m/1.sql"})) == std::vector<std::string>{root + "/real/m/1.sql"});
  CHECK(shown(discover({root + "/real/./m"})) == std::vector<std::string>{root + "/real/m/1.sql"});
  CHECK(shown(discover({root + "/real//m/"})) == std::vector<std::string>{root + "/real/m/1.sql"});
  CHECK(shown(discover({root + "/real/m"})) == std::vector<std::string>{root + "/real/m/1.sql"});
  // deep/.. is real, not the directory holding deep: "m/1.sql" would name a file that is not there.
  CHECK(shown(discover({root + "/deep/../m/1.sql"})) == std::vector<std::string>{root + "/deep/../m/1.sql"});
  CHECK(shown(discover({root + "/deep/../m"})) == std::vector<std::string>{root + "/deep/../m/1.sql"});
}

TEST_CASE("symbolic links that leave the directory are not followed") {
  const test::TempDir dir;
  const auto secret = dir.write("secret/key.sql", "SELECT 'secret';");
  dir.write("m/1.sql", "SELECT 1;");
  std::filesystem::create_symlink(secret, dir.path() / "m/2.sql");
  // A link to a directory is not walked into, whatever its name, nor read as a file.
  dir.write("m/sub/3.sql", "SELECT 1;");
  std::filesystem::create_directory_symlink(dir.path() / "secret", dir.path() / "m/sub/keys.sql");
  for (const unsigned jobs : {1u, 4u}) {
    CAPTURE(jobs);
    const auto found = discover({(dir.path() / "m").string()}, "", nullptr, jobs);
    REQUIRE(found.files.size() == 2);
    CHECK(found.files[1].display_path.ends_with("m/sub/3.sql"));
    REQUIRE(found.problems.size() == 2);
    CHECK(found.problems[0].path.ends_with("m/2.sql"));
    CHECK(found.problems[1].path.ends_with("m/sub/keys.sql"));
    CHECK(found.problems[0].message.find("symbolic link that leaves the linted directory") != std::string::npos);
    CHECK_FALSE(found.problems[0].is_error);
  }
}

TEST_CASE("a broken symbolic link is reported as broken, not as leaving the directory") {
  const test::TempDir dir;
  dir.write("m/1.sql", "SELECT 1;");
  std::filesystem::create_symlink(dir.path() / "m/gone.sql", dir.path() / "m/2.sql");  // dangles
  std::filesystem::create_symlink("4.sql", dir.path() / "m/3.sql");                    // a loop of two
  std::filesystem::create_symlink("3.sql", dir.path() / "m/4.sql");
  const auto found = discover({(dir.path() / "m").string()}, "", nullptr, 1);
  REQUIRE(found.files.size() == 1);
  CHECK(found.files[0].display_path.ends_with("m/1.sql"));
  REQUIRE(found.problems.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(found.problems[i].path.ends_with(fmt::format("m/{}.sql", i + 2)));
    CHECK(found.problems[i].message == "is a broken symbolic link (its target cannot be reached); skipped");
    CHECK_FALSE(found.problems[i].is_error);
  }
  // A directory with nothing to lint but such links says so.
  std::filesystem::remove(dir.path() / "m/1.sql");
  const auto nothing = discover({(dir.path() / "m").string()}, "", nullptr, 1);
  CHECK(nothing.files.empty());
  REQUIRE(nothing.problems.size() == 4);
  CHECK(nothing.problems[3].message == "is a directory with no .sql files but 3 symbolic links that were not followed");
  CHECK(nothing.problems[3].is_error);
}

TEST_CASE("a link inside the directory is inside it, however many links the directory's own path goes through") {
  // Linux follows at most 40 links in one path: a chain of 40 within the directory, resolved through
  // a link to the directory, is 41 from the path given.
  const test::TempDir dir;
  dir.write("real/1_a.sql", "SELECT 1;");
  std::string previous = "1_a.sql";
  for (int i = 1; i < 40; ++i) {
    const std::string name = fmt::format("c{}", i);
    std::filesystem::create_symlink(previous, dir.path() / "real" / name);
    previous = name;
  }
  std::filesystem::create_symlink(previous, dir.path() / "real/2_b.sql");
  std::filesystem::create_directory_symlink(dir.path() / "real", dir.path() / "linked");
  const auto found = discover({(dir.path() / "linked").string()}, "", nullptr, 1);
  CHECK(found.problems.empty());
  REQUIRE(found.files.size() == 2);
  CHECK(found.files[1].display_path.ends_with("linked/2_b.sql"));
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

// ---- directory listings (what runner detection and ordering ask of a directory) ----------------

TEST_CASE("a directory listing answers by entry type, following symbolic links") {
  const test::TempDir dir;
  dir.write("m/sqitch.plan", "%project=x\n");
  dir.write("m/delta/1.sql", "SELECT 1;");
  namespace fs = std::filesystem;
  fs::create_symlink(dir.path() / "m" / "delta", dir.path() / "m" / "linked_dir");
  fs::create_symlink(dir.path() / "m" / "sqitch.plan", dir.path() / "m" / "linked_plan");
  fs::create_symlink(dir.path() / "m" / "nowhere", dir.path() / "m" / "dangling");
  REQUIRE(mkfifo((dir.path() / "m" / "pipe.sql").c_str(), 0600) == 0);

  const DirectoryListing listing(dir.path() / "m");
  CHECK(listing.entries().size() == 6);
  CHECK(listing.has("sqitch.plan"));
  CHECK(listing.has_regular_file("sqitch.plan"));
  CHECK_FALSE(listing.has_directory("sqitch.plan"));
  CHECK(listing.has_directory("delta"));
  CHECK_FALSE(listing.has_regular_file("delta"));
  CHECK(listing.has_directory("linked_dir"));    // a link is what it points at
  CHECK(listing.has_regular_file("linked_plan"));
  CHECK_FALSE(listing.has("dangling"));          // std::filesystem::exists says no
  CHECK(listing.has("pipe.sql"));                // present, but never read as a file
  CHECK_FALSE(listing.has_regular_file("pipe.sql"));
  CHECK_FALSE(listing.has("yoyo.ini"));
  CHECK_FALSE(listing.has("delta/1.sql"));       // only the directory's own entries
  CHECK(listing.find("linked_plan")->is_symlink);  // and which entries are links
  CHECK(listing.find("dangling")->is_symlink);
  CHECK_FALSE(listing.find("sqitch.plan")->is_symlink);
  CHECK_FALSE(listing.find("delta")->is_symlink);
  CHECK(listing.find("yoyo.ini") == nullptr);

  CHECK(listing.complete());
  const DirectoryListing missing(dir.path() / "no-such-directory");
  CHECK(missing.entries().empty());
  CHECK_FALSE(missing.complete());  // lists nothing, and says nothing of what is there
}

TEST_CASE("directory listings are read once per directory") {
  const test::TempDir dir;
  dir.write("m/a.sql", "SELECT 1;");
  DirectoryListings listings;
  const DirectoryListing& first = listings.of(dir.path() / "m");
  dir.write("m/b.sql", "SELECT 1;");  // after the listing: not seen, the listing is not read again
  const DirectoryListing& again = listings.of(dir.path() / "m");
  CHECK(&first == &again);
  CHECK(again.has("a.sql"));
  CHECK_FALSE(again.has("b.sql"));
}

TEST_CASE("directory listings tell a symbolic link from what they listed, and nothing of the rest") {
  namespace fs = std::filesystem;
  const test::TempDir dir;
  dir.write("m/1.sql", "SELECT 1;");
  fs::create_symlink("1.sql", dir.path() / "m/2.sql");
  DirectoryListings listings;
  listings.of(dir.path() / "m");
  CHECK(listings.is_symlink(dir.path() / "m/2.sql") == std::optional<bool>(true));
  CHECK(listings.is_symlink(dir.path() / "m/1.sql") == std::optional<bool>(false));
  CHECK_FALSE(listings.is_symlink(dir.path() / "m/3.sql").has_value());  // not in the listing
  CHECK_FALSE(listings.is_symlink(dir.path() / "m").has_value());        // its parent was not listed
}

TEST_CASE("discovery's walk gives the listings of the directories it descends into") {
  namespace fs = std::filesystem;
  const test::TempDir dir;
  dir.write("m/1.sql", "SELECT 1;");
  dir.write("m/sub/2.sql", "SELECT 1;");
  dir.write("m/.hidden/3.sql", "SELECT 1;");
  fs::create_directories(dir.path() / "m/empty");
  fs::create_symlink(dir.path() / "m/sub", dir.path() / "m/linked");
  DirectoryListings listings;
  const auto found = discover({(dir.path() / "m").string()}, "", &listings, 3);
  REQUIRE(found.files.size() == 2);
  // Files added after the walk are not in the listings it gave: they were not read again.
  dir.write("m/4.sql", "SELECT 1;");
  dir.write("m/sub/5.sql", "SELECT 1;");
  dir.write("m/empty/6.sql", "SELECT 1;");
  dir.write("m/.hidden/7.sql", "SELECT 1;");
  const DirectoryListing& top = listings.of(dir.path() / "m");
  CHECK(top.has_regular_file("1.sql"));
  CHECK(top.has_directory("sub"));
  CHECK(top.has_directory(".hidden"));
  CHECK(top.has_directory("linked"));  // a link is what it points at, as when read on its own
  CHECK_FALSE(top.has("4.sql"));
  CHECK(listings.of(dir.path() / "m/sub").has("2.sql"));
  CHECK_FALSE(listings.of(dir.path() / "m/sub").has("5.sql"));
  CHECK(listings.of(dir.path() / "m/empty").entries().empty());
  // The walk skips hidden directories and does not follow links: those are read when asked for.
  CHECK(listings.of(dir.path() / "m/.hidden").has("7.sql"));
  CHECK(listings.of(dir.path() / "m/linked").has("5.sql"));
}
