// The GitHub Action (action.yml): its lint step, scripts/github-action/lint.sh, run as the runner runs
// it (inputs in INPUT_* variables, outputs appended to $GITHUB_OUTPUT), and the consistency of action.yml.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/sandbox.h"

using zdlint::test::read_file;
using zdlint::test::Sandbox;
using zdlint::test::write_file;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A workspace with one migration history; the lint step runs in it with `inputs`.
struct ActionRun {
  Sandbox sandbox;
  fs::path workspace = sandbox.dir() / "workspace";
  fs::path outputs = sandbox.dir() / "github-output";

  ActionRun() {
    write_file(workspace / "db/migrations/0001_create_accounts.sql",
               "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
    write_file(workspace / "db/migrations/0002_index_accounts.sql",
               "CREATE INDEX accounts_email_idx ON accounts (email);\n");
    write_file(outputs, "");
    sandbox.set_env("ZDLINT", ZDLINT_BINARY);
    sandbox.set_env("GITHUB_OUTPUT", outputs.string());
  }

  zdlint::test::ProcessOutput lint(const std::vector<std::pair<std::string, std::string>>& inputs) {
    for (const auto& [name, value] : inputs) sandbox.set_env(name, value);
    return sandbox.run(workspace, {"bash", zdlint::test::source_dir() + "/scripts/github-action/lint.sh"});
  }
};

}  // namespace

TEST_CASE("action: findings fail the step after the SARIF report is written") {
  ActionRun action;
  const auto r = action.lint({{"INPUT_PATHS", "db/migrations\n"},
                              {"INPUT_SARIF_FILE", "reports/zdlint.sarif"},
                              {"INPUT_ANNOTATIONS", "true"},
                              {"INPUT_PG_VERSION", "14"}});
  INFO(r.text);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.text, "::error file=db/migrations/0002_index_accounts.sql,line=1,"));
  CHECK(contains(r.text, "title=create-index-non-concurrent::"));
  const std::string outputs = read_file(action.outputs);
  CHECK(contains(outputs, "sarif-file=reports/zdlint.sarif\n"));
  CHECK(contains(outputs, "exit-code=1\n"));

  const auto sarif = nlohmann::json::parse(read_file(action.workspace / "reports/zdlint.sarif"));
  const auto& results = sarif["runs"][0]["results"];
  REQUIRE(!results.empty());
  CHECK(results[0]["ruleId"] == "create-index-non-concurrent");
  const auto& location = results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(location["uri"] == "db/migrations/0002_index_accounts.sql");  // repository-relative
  CHECK(location["uriBaseId"] == "%SRCROOT%");
}

TEST_CASE("action: fail-on none reports without failing; args and the text report") {
  ActionRun action;
  const auto r =
      action.lint({{"INPUT_PATHS", "db/migrations/0001_create_accounts.sql db/migrations/0002_index_accounts.sql"},
                   {"INPUT_SARIF_FILE", "zdlint.sarif"},
                   {"INPUT_FAIL_ON", "none"},
                   {"INPUT_ANNOTATIONS", "false"},
                   {"INPUT_ARGS", "--select\n  create-index-non-concurrent"}});
  INFO(r.text);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.text, "error[create-index-non-concurrent]"));
  CHECK(!contains(r.text, "missing-lock-timeout"));
  CHECK(!contains(r.text, "::error"));
  CHECK(contains(read_file(action.outputs), "exit-code=0\n"));
  const auto sarif = nlohmann::json::parse(read_file(action.workspace / "zdlint.sarif"));
  CHECK(sarif["runs"][0]["results"].size() == 1);
}

TEST_CASE("action: no SARIF when sarif-file is empty") {
  ActionRun action;
  const auto r = action.lint({{"INPUT_PATHS", "db/migrations"}, {"INPUT_SARIF_FILE", ""}});
  INFO(r.text);
  CHECK(r.exit_code == 1);
  const std::string outputs = read_file(action.outputs);
  CHECK(!contains(outputs, "sarif-file="));
  CHECK(contains(outputs, "exit-code=1\n"));
}

TEST_CASE("action: usage and input errors exit 2") {
  ActionRun action;
  SUBCASE("no paths") {
    const auto r = action.lint({{"INPUT_PATHS", " \n "}});
    INFO(r.text);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.text, "::error title=zdlint action::the paths input is empty"));
    CHECK(contains(read_file(action.outputs), "exit-code=2\n"));
  }
  SUBCASE("a bad annotations value") {
    const auto r = action.lint({{"INPUT_PATHS", "db/migrations"}, {"INPUT_ANNOTATIONS", "yes"}});
    INFO(r.text);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.text, "annotations input must be true or false"));
  }
  SUBCASE("a missing directory") {
    const auto r = action.lint({{"INPUT_PATHS", "db/nothere"}, {"INPUT_SARIF_FILE", "zdlint.sarif"}});
    INFO(r.text);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.text, "db/nothere"));
    CHECK(contains(read_file(action.outputs), "exit-code=2\n"));
  }
  SUBCASE("an input is never run as shell code") {
    const auto r = action.lint({{"INPUT_PATHS", "db/migrations $(touch pwned) `touch pwned2`"}});
    INFO(r.text);
    CHECK(r.exit_code == 2);  // the odd words are paths that do not exist
    CHECK(!fs::exists(action.workspace / "pwned"));
    CHECK(!fs::exists(action.workspace / "pwned2"));
  }
}

TEST_CASE("action: action.yml is consistent") {
  Sandbox sandbox;
  if (sandbox.run(sandbox.dir(), {"python3", "-c", "import yaml"}).exit_code != 0) {
    MESSAGE("python3-yaml is not installed: action.yml not checked");
    return;
  }
  // Every inputs.X it uses is declared, every steps.ID it reads exists, every INPUT_* variable that
  // lint.sh reads is set from the input of that name, and every input reaches a step.
  const std::string check = R"(
import re, sys, yaml
text = open(sys.argv[1]).read()
action = yaml.safe_load(text)
script = open(sys.argv[2]).read()
assert action['runs']['using'] == 'composite'
inputs = set(action['inputs'])
steps = action['runs']['steps']
ids = {s['id'] for s in steps if 'id' in s}
for name in re.findall(r'inputs\.([\w-]+)', text):
    assert name in inputs, 'undeclared input ' + name
for name in re.findall(r'steps\.([\w-]+)\.outputs', text):
    assert name in ids, 'unknown step ' + name
lint = next(s for s in steps if s.get('id') == 'lint')
for var in sorted(set(re.findall(r'\bINPUT_[A-Z_]+', script))):
    expected = '${{ inputs.' + var[len('INPUT_'):].lower().replace('_', '-') + ' }}'
    assert lint['env'].get(var) == expected, var + ' is not set from its input'
for name in inputs:
    assert 'inputs.' + name in text.split('runs:', 1)[1], 'input ' + name + ' is not used'
for s in steps:
    assert ('run' in s) != ('uses' in s)
    if 'run' in s:
        assert s['shell'] == 'bash'
        assert '${{' not in s['run'], 'an expression inside a script: ' + s['name']
print('ok')
)";
  const auto r = sandbox.run(sandbox.dir(), {"python3", "-c", check, zdlint::test::source_dir() + "/action.yml",
                                             zdlint::test::source_dir() + "/scripts/github-action/lint.sh"});
  INFO(r.text);
  CHECK(r.exit_code == 0);
}
