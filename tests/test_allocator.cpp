// The zdlint binary starts jemalloc with its own options (cli/jemalloc_options.cpp): transparent huge
// pages and one arena. jemalloc prints the options in force with MALLOC_CONF=stats_print:true.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/test_support.h"

using namespace zdlint::test;

#ifdef ZDLINT_LINKS_JEMALLOC

namespace {

// Runs zdlint on a small example with MALLOC_CONF set for it alone; returns what jemalloc printed.
std::string jemalloc_report(const std::string& malloc_conf) {
  ::setenv("MALLOC_CONF", malloc_conf.c_str(), 1);
  const RunResult run =
      run_zdlint({"--fail-on", "none", source_dir() + "/examples/migrations/006_add_invoice_indexes.sql"});
  ::unsetenv("MALLOC_CONF");
  CHECK(run.exit_code == 0);
  return run.err;
}

// What jemalloc reports for its thp option when it was asked for `asked`: jemalloc reads the
// kernel's THP mode from /sys at start-up, and where it cannot (a kernel built without THP, a
// chroot or container without /sys) it reports the option unsupported, whatever was asked.
std::string expected_thp(const std::string& asked) {
  const bool supported = std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled").good();
  return "opt.thp: \"" + (supported ? asked : std::string("not supported")) + "\"";
}

}  // namespace

TEST_CASE("jemalloc runs zdlint with huge pages and one arena") {
  const std::string report = jemalloc_report("stats_print:true");
  CHECK(report.find(expected_thp("always")) != std::string::npos);
  CHECK(report.find("opt.narenas: 1\n") != std::string::npos);
}

TEST_CASE("MALLOC_CONF in the environment overrides zdlint's options") {
  const std::string report = jemalloc_report("thp:never,narenas:2,stats_print:true");
  CHECK(report.find(expected_thp("never")) != std::string::npos);
  CHECK(report.find("opt.narenas: 2\n") != std::string::npos);
}

#else

TEST_CASE("jemalloc's options") {
  MESSAGE("SKIPPED: zdlint is not linked with jemalloc (a sanitizer or fuzzer build, or -DZDLINT_JEMALLOC=OFF)");
}

#endif
