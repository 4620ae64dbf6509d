#include "tests/sandbox.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace zdlint::test {
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

namespace {

fs::path find_in(const std::string& search_path, const std::string& program) {
  std::istringstream dirs(search_path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return dir;
  }
  return {};
}

}  // namespace

fs::path find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  return find_in(path != nullptr ? path : "", program);
}

Sandbox::Sandbox() {
  const fs::path home = dir() / "home";
  write_file(home / ".gitconfig",
             "[user]\n\tname = zdlint tests\n\temail = tests@zdlint.invalid\n"
             "[init]\n\tdefaultBranch = main\n");
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string var = *e;
    if (var.starts_with("GIT_") || var.starts_with("PRE_COMMIT") || var.starts_with("HOME=") ||
        var.starts_with("PATH=") || var.starts_with("XDG_") || var.starts_with("NO_COLOR=")) {
      continue;
    }
    env_.push_back(var);
  }
  const char* path = std::getenv("PATH");
  env_.push_back("PATH=" + fs::path(ZDLINT_BINARY).parent_path().string() + ":" +
                 (path != nullptr ? path : "/usr/bin:/bin"));
  env_.push_back("HOME=" + home.string());
  env_.push_back("PRE_COMMIT_HOME=" + (dir() / "pre-commit-cache").string());
  env_.push_back("GIT_CONFIG_NOSYSTEM=1");
}

void Sandbox::set_env(const std::string& name, const std::string& value) {
  const std::string prefix = name + "=";
  for (auto& var : env_) {
    if (var.starts_with(prefix)) {
      var = prefix + value;
      return;
    }
  }
  env_.push_back(prefix + value);
}

void Sandbox::prepend_path(const fs::path& directory) {
  for (auto& var : env_) {
    if (var.starts_with("PATH=")) var = "PATH=" + directory.string() + ":" + var.substr(5);
  }
}

ProcessOutput Sandbox::run(const fs::path& cwd, const std::vector<std::string>& argv) const {
  std::string program = argv.at(0);
  if (program.find('/') == std::string::npos) {
    for (const auto& var : env_) {
      if (!var.starts_with("PATH=")) continue;
      const fs::path found = find_in(var.substr(5), program);
      if (!found.empty()) program = (found / program).string();
    }
  }
  // Output goes to a file, not a pipe, so a long output cannot block the child.
  const fs::path out_path = dir() / "last-output";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<std::string> args = argv, env = env_;
  std::vector<char*> c_args, c_env;
  for (auto& a : args) c_args.push_back(a.data());
  c_args.push_back(nullptr);
  for (auto& e : env) c_env.push_back(e.data());
  c_env.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, c_args.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + program + ": " + std::strerror(rc));
  int status = 0;
  waitpid(pid, &status, 0);
  ProcessOutput result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.text = read_file(out_path);
  return result;
}

std::string Sandbox::git(const fs::path& repo, std::vector<std::string> args) const {
  args.insert(args.begin(), "git");
  const auto r = run(repo, args);
  INFO("git output: ", r.text);
  REQUIRE(r.exit_code == 0);
  return r.text;
}

fs::path Sandbox::repository(const std::string& name,
                             const std::vector<std::pair<std::string, std::string>>& files) const {
  const fs::path repo = dir() / name;
  fs::create_directories(repo);
  git(repo, {"init", "-q"});
  for (const auto& [relative, content] : files) write_file(repo / relative, content);
  git(repo, {"add", "-A"});
  git(repo, {"commit", "-q", "-m", "initial"});
  return repo;
}

}  // namespace zdlint::test
