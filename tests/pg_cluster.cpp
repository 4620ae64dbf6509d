#include "tests/pg_cluster.h"

#include <fcntl.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace zdlint::test {
namespace fs = std::filesystem;

namespace {

const fs::path kBinDir = "/usr/lib/postgresql/15/bin";
constexpr const char* kServerUser = "postgres";
constexpr int kPort = 54329;  // only names the socket file; the server listens on no TCP port
constexpr std::array<const char*, 3> kRunuserCandidates = {"/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string tail(const std::string& text, std::size_t max_chars = 4000) {
  return text.size() <= max_chars ? text : "..." + text.substr(text.size() - max_chars);
}

std::optional<std::string> find_runuser() {
  for (const char* candidate : kRunuserCandidates)
    if (access(candidate, X_OK) == 0) return std::string(candidate);
  return std::nullopt;
}

// libpq's default notice processor prints NOTICEs to stderr; the harness does not want them.
void ignore_notice(void* /*arg*/, const char* /*message*/) {}

std::string quote_conninfo_value(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

PgError error_from(const PGresult* result, PGconn* conn) {
  std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return {message, state != nullptr ? state : ""};
}

bool is_ok(const PGresult* result) {
  if (result == nullptr) return false;
  const ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
}

}  // namespace

// ---------------------------------------------------------------------------------------- PgResult

PgResult::~PgResult() {
  if (result_ != nullptr) PQclear(result_);
}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

int PgResult::rows() const {
  return result_ != nullptr ? PQntuples(result_) : 0;
}
int PgResult::columns() const {
  return result_ != nullptr ? PQnfields(result_) : 0;
}
bool PgResult::is_null(int row, int column) const {
  return PQgetisnull(result_, row, column) != 0;
}
std::string PgResult::get(int row, int column) const {
  return is_null(row, column) ? std::string() : std::string(PQgetvalue(result_, row, column));
}

// ------------------------------------------------------------------------------------ PgConnection

PgConnection::PgConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
  if (conn_ == nullptr) throw PgError("libpq could not allocate a connection", "");
  if (PQstatus(conn_) != CONNECTION_OK) {
    PgError error = error_from(nullptr, conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    throw error;
  }
  PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
}

PgConnection::~PgConnection() {
  if (conn_ != nullptr) PQfinish(conn_);
}

PgResult PgConnection::exec(const std::string& sql) {
  PgResult result(PQexec(conn_, sql.c_str()));
  if (!is_ok(result.raw())) throw error_from(result.raw(), conn_);
  return result;
}

std::optional<PgError> PgConnection::try_exec(const std::string& sql) {
  const PgResult result(PQexec(conn_, sql.c_str()));
  if (!is_ok(result.raw())) return error_from(result.raw(), conn_);
  return std::nullopt;
}

void PgConnection::send(const std::string& sql) {
  if (PQsendQuery(conn_, sql.c_str()) != 1) throw error_from(nullptr, conn_);
}

bool PgConnection::busy() {
  if (PQconsumeInput(conn_) != 1) return false;  // connection trouble: finish() reports it
  return PQisBusy(conn_) != 0;
}

std::optional<PgError> PgConnection::finish() {
  std::optional<PgError> first;
  while (PGresult* raw = PQgetResult(conn_)) {
    const PgResult result(raw);
    if (!first && !is_ok(raw)) first = error_from(raw, conn_);
  }
  if (!first && PQstatus(conn_) != CONNECTION_OK) first = error_from(nullptr, conn_);
  return first;
}

int PgConnection::backend_pid() const {
  return PQbackendPID(conn_);
}

// --------------------------------------------------------------------------------------- PgCluster

std::optional<std::string> PgCluster::missing_prerequisite() {
  const std::string hint = " Run scripts/install-deps.sh (it installs postgresql-15 and libpq-dev).";
  for (const char* tool : {"initdb", "pg_ctl", "postgres"})
    if (access((kBinDir / tool).c_str(), X_OK) != 0)
      return "PostgreSQL 15 is not installed: " + (kBinDir / tool).string() + " is missing." + hint;
  if (geteuid() == 0) {
    if (getpwnam(kServerUser) == nullptr)
      return std::string("running as root, but there is no `postgres` OS user to run initdb as.") + hint;
    if (!find_runuser()) return "running as root, but `runuser` (util-linux) is not installed.";
  }
  return std::nullopt;
}

PgCluster::PgCluster() {
  if (auto missing = missing_prerequisite()) throw std::runtime_error(*missing);
  as_postgres_ = geteuid() == 0;

  std::string pattern = (fs::temp_directory_path() / "zdlint-pg-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a temp directory: " + std::string(std::strerror(errno)));
  dir_ = pattern;
  data_ = dir_ / "data";
  socket_dir_ = dir_ / "sock";
  try {
    fs::create_directory(socket_dir_);
    if (as_postgres_) {
      const passwd* pw = getpwnam(kServerUser);
      for (const fs::path& p : {dir_, socket_dir_})
        if (chown(p.c_str(), pw->pw_uid, pw->pw_gid) != 0)
          throw std::runtime_error("cannot chown " + p.string() + ": " + std::strerror(errno));
    }
    run_tool({(kBinDir / "initdb").string(), "-D", data_.string(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
              "--locale=C", "--no-sync", "--no-instructions"},
             "initdb.log");
    {
      std::ofstream conf(data_ / "postgresql.conf", std::ios::app);
      conf << "\n# --- zdlint locks_pg harness ---\n"
           << "listen_addresses = ''\n"
           << "port = " << kPort << "\n"
           << "unix_socket_directories = '" << socket_dir_.string() << "'\n"
           << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
           << "autovacuum = off\n"
           << "shared_buffers = 32MB\nmax_connections = 30\nmax_locks_per_transaction = 256\n"
           << "max_parallel_workers_per_gather = 0\nmax_parallel_maintenance_workers = 0\n";
      if (!conf) throw std::runtime_error("cannot write " + (data_ / "postgresql.conf").string());
    }
    run_tool({(kBinDir / "pg_ctl").string(), "-D", data_.string(), "-l", (dir_ / "server.log").string(), "-w", "-t",
              "60", "start"},
             "pg_ctl-start.log");
    started_ = true;
  } catch (const std::exception& e) {
    const std::string log = read_file(dir_ / "server.log");
    stop_and_remove();
    throw std::runtime_error(std::string(e.what()) + (log.empty() ? "" : "\nserver.log:\n" + tail(log)));
  }
}

PgCluster::~PgCluster() {
  stop_and_remove();
}

void PgCluster::stop_and_remove() noexcept {
  if (started_) {
    started_ = false;
    try {
      run_tool({(kBinDir / "pg_ctl").string(), "-D", data_.string(), "-m", "immediate", "-w", "stop"},
               "pg_ctl-stop.log");
    } catch (...) {  // nothing more can be done; the directory goes anyway
    }
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    dir_.clear();
  }
}

std::string PgCluster::conninfo(const std::string& database) const {
  return "host=" + quote_conninfo_value(socket_dir_.string()) + " port=" + std::to_string(kPort) +
         " user=postgres dbname=" + quote_conninfo_value(database) +
         " connect_timeout=10 application_name=zdlint_locks_pg";
}

fs::path PgCluster::make_server_owned_dir(const std::string& name) const {
  fs::path path = dir_ / name;
  fs::create_directories(path);
  if (as_postgres_) {
    const passwd* pw = getpwnam(kServerUser);
    if (pw == nullptr || chown(path.c_str(), pw->pw_uid, pw->pw_gid) != 0)
      throw std::runtime_error("cannot chown " + path.string() + " to postgres");
  }
  return path;
}

void PgCluster::run_tool(const std::vector<std::string>& args, const std::string& log_name) const {
  std::vector<std::string> argv_storage;
  if (as_postgres_) argv_storage = {*find_runuser(), "-u", kServerUser, "--"};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  // The caller's PG* variables (PGPORT, PGDATA, PGHOST, ...) must not steer the throwaway cluster.
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e)
    if (std::strncmp(*e, "PG", 2) != 0) envp.push_back(*e);
  envp.push_back(nullptr);

  const fs::path log = dir_ / log_name;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  // The server user may not be allowed into the caller's working directory.
  posix_spawn_file_actions_addchdir_np(&actions, dir_.c_str());
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv_storage[0] + ": " + std::strerror(rc));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string command;
    for (const auto& a : argv_storage) command += (command.empty() ? "" : " ") + a;
    throw std::runtime_error("`" + command + "` failed (status " + std::to_string(status) + "):\n" +
                             tail(read_file(log)));
  }
}

}  // namespace zdlint::test
