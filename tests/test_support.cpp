#include "tests/test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace zdlint::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device random;
  path_ = fs::temp_directory_path() / ("zdlint-test-" + std::to_string(random()) + std::to_string(getpid()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& relative, const std::string& content) const {
  const fs::path file = path_ / relative;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

std::string source_dir() { return ZDLINT_SOURCE_DIR; }

fs::path corpus_dir() {
  if (const char* dir = std::getenv("ZDLINT_CORPUS")) return dir;
  return fs::path(source_dir()) / ".." / "shared" / "corpus";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int run_program(const std::vector<std::string>& args, std::string& output) {
  const TempDir io;
  const fs::path out_path = io.path() / "out";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<std::string> storage = args;
  std::vector<char*> argv;
  for (auto& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  output = slurp(out_path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

fs::path sarif_tools() {
  if (const char* dir = std::getenv("ZDLINT_SARIF_TOOLS"); dir && *dir) return dir;
  return fs::path(source_dir()) / "build-tools" / "sarif";
}

SchemaValidation validate_json_schema(const fs::path& schema, const std::string& document) {
  SchemaValidation v;
  const fs::path modules = sarif_tools() / "node_modules";
  if (!fs::exists(modules / "jsonschema")) return v;
  v.ran = true;
  const TempDir dir;
  const fs::path input = dir.write("document.json", document);
  // Formats (URIs among them) are checked too: stricter than upload-sarif, which only warns about them.
  const std::string script =
      "const {Validator}=require('jsonschema');const fs=require('fs');"
      "const r=new Validator().validate(JSON.parse(fs.readFileSync(process.argv[2],'utf8')),"
      "JSON.parse(fs.readFileSync(process.argv[1],'utf8')));"
      "for(const e of r.errors)console.log(e.stack);process.exit(r.errors.length?1:0);";
  setenv("NODE_PATH", modules.c_str(), 1);
  v.valid = run_program({"node", "-e", script, schema.string(), input.string()}, v.output) == 0;
  return v;
}

RunResult run_zdlint(const std::vector<std::string>& args, const std::string& input) {
  return run_zdlint_in({}, args, input);
}

RunResult run_zdlint_in(const fs::path& cwd, const std::vector<std::string>& args, const std::string& input) {
  // Output goes to files, not pipes, so a large report cannot deadlock the test.
  const TempDir io;
  const fs::path in_path = io.write("stdin", input), out_path = io.path() / "stdout", err_path = io.path() / "stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  const std::string binary = ZDLINT_BINARY;
  std::vector<std::string> argv_storage{binary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + binary);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  return result;
}

}  // namespace zdlint::test
