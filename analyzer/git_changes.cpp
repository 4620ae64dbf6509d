#include "analyzer/git_changes.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

#include "analyzer/fd.h"

extern char** environ;

namespace zdlint {
namespace fs = std::filesystem;
namespace {

struct Output {
  int exit_code = -1;  // -1: could not be started
  std::string out, err;
};

// Reads both pipes to their end without deadlocking on either.
void drain(int out_fd, int err_fd, Output& output) {
  std::array<char, 65536> buffer{};
  bool out_open = true, err_open = true;
  while (out_open || err_open) {
    fd_set readable;
    FD_ZERO(&readable);
    if (out_open) FD_SET(out_fd, &readable);
    if (err_open) FD_SET(err_fd, &readable);
    if (::select(std::max(out_fd, err_fd) + 1, &readable, nullptr, nullptr, nullptr) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (auto [fd, open, text] : {std::tuple{out_fd, &out_open, &output.out}, std::tuple{err_fd, &err_open, &output.err}}) {
      if (!*open || !FD_ISSET(fd, &readable)) continue;
      const ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n > 0)
        text->append(buffer.data(), static_cast<size_t>(n));
      else if (n == 0 || errno != EINTR)
        *open = false;
    }
  }
}

Output run_git(const std::vector<std::string>& args) {
  Output output;
  std::vector<std::string> argv_strings{"git"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return output;
  Fd out_read(out_pipe[0]), out_write(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return output;
  Fd err_read(err_pipe[0]), err_write(err_pipe[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err_write.get(), 2);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  out_write.reset();
  err_write.reset();
  if (rc != 0) return output;
  drain(out_read.get(), err_read.get(), output);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return output;
}

std::string first_line(const std::string& text) {
  const std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? "(no message)" : line;
}

// NUL-separated paths, as `-z` prints them.
void add_paths(const std::string& listing, const fs::path& top, std::set<fs::path>& out) {
  size_t start = 0;
  while (start < listing.size()) {
    size_t end = listing.find('\0', start);
    if (end == std::string::npos) end = listing.size();
    if (end > start) out.insert((top / listing.substr(start, end - start)).lexically_normal());
    start = end + 1;
  }
}

}  // namespace

std::variant<ChangedFiles, std::string> changed_since(const std::string& ref, const fs::path& directory) {
  const std::string dir = directory.empty() ? "." : directory.string();
  const Output top = run_git({"-C", dir, "rev-parse", "--show-toplevel"});
  if (top.exit_code < 0) return std::string("git is not installed (or not on PATH); --changed-since needs it");
  if (top.exit_code != 0) return "not inside a git repository (" + first_line(top.err) + ")";
  ChangedFiles changes;
  changes.repository = fs::path(top.out.substr(0, top.out.find('\n'))).lexically_normal();
  const std::string root = changes.repository.string();
  // "--end-of-options" keeps a ref that starts with "-" from being read as an option.
  const Output commit = run_git({"-C", root, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"});
  if (commit.exit_code != 0) return "'" + ref + "' does not name a commit in " + root;
  // Compared with the commit just verified, by its id: nothing of the ref is read as an option again.
  const std::string commit_id = commit.out.substr(0, commit.out.find('\n'));
  const Output diff =
      run_git({"-C", root, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMT", commit_id, "--"});
  if (diff.exit_code != 0) return "git diff failed: " + first_line(diff.err);
  const Output untracked = run_git({"-C", root, "ls-files", "--others", "--exclude-standard", "--full-name", "-z"});
  if (untracked.exit_code != 0) return "git ls-files failed: " + first_line(untracked.err);
  add_paths(diff.out, changes.repository, changes.files);
  add_paths(untracked.out, changes.repository, changes.files);
  return changes;
}

std::optional<std::string> file_at_ref(const fs::path& repository, const std::string& ref, const fs::path& file) {
  const fs::path relative = file.lexically_relative(repository);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  // One argument "REF:path", after --end-of-options; --no-textconv: the bytes, not a filter's view.
  const Output shown = run_git({"-C", repository.string(), "show", "--no-textconv", "--end-of-options",
                                ref + ":" + relative.generic_string()});
  if (shown.exit_code != 0) return std::nullopt;
  return shown.out;
}

}  // namespace zdlint
