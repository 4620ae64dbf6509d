#pragma once
// A throwaway PostgreSQL 15 cluster for the lock-model check (tests/test_locks_pg.cpp), and a small
// RAII wrapper around libpq connections and results.
//
// The cluster lives in a fresh temp directory: initdb, no TCP (unix socket in the temp dir only),
// fsync/autovacuum off. The destructor stops it (`pg_ctl stop -m immediate`) and removes the
// directory, also when a test fails or throws. It never touches another cluster on the machine (a
// Debian main cluster on port 5432 included). As root, initdb and pg_ctl run as the `postgres` user
// through `runuser`, because initdb refuses to run as root.
#include <libpq-fe.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace zdlint::test {

// An error reported by the server (or by libpq), with its SQLSTATE when there is one.
class PgError : public std::runtime_error {
 public:
  PgError(const std::string& message, std::string sqlstate)
      : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
  [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(PGresult* result) : result_(result) {}
  ~PgResult();
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult& operator=(PgResult&& other) noexcept;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  [[nodiscard]] int rows() const;
  [[nodiscard]] int columns() const;
  [[nodiscard]] std::string get(int row, int column) const;  // "" for NULL
  [[nodiscard]] bool is_null(int row, int column) const;
  [[nodiscard]] PGresult* raw() const { return result_; }

 private:
  PGresult* result_ = nullptr;
};

class PgConnection {
 public:
  explicit PgConnection(const std::string& conninfo);  // throws PgError when the connection fails
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one or more statements (simple query protocol) and returns the last result. Throws PgError
  // carrying the SQLSTATE when the server reports an error.
  PgResult exec(const std::string& sql);
  // Like exec, but returns the error instead of throwing it.
  std::optional<PgError> try_exec(const std::string& sql);

  // Asynchronous use: send, then poll `busy()` until it is false, then `finish()`.
  void send(const std::string& sql);
  [[nodiscard]] bool busy();        // consumes input; false once the whole reply is in
  std::optional<PgError> finish();  // collects every result; the first error, if any

  [[nodiscard]] int backend_pid() const;
  [[nodiscard]] PGconn* raw() const { return conn_; }

 private:
  PGconn* conn_ = nullptr;
};

class PgCluster {
 public:
  // Starts the cluster; throws std::runtime_error (with the server's log) when it cannot.
  PgCluster();
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  // Why a cluster cannot be started on this machine (no PostgreSQL 15 binaries, no `postgres` user
  // when running as root), or nullopt when it can. The message says how to fix it.
  static std::optional<std::string> missing_prerequisite();

  [[nodiscard]] std::string conninfo(const std::string& database = "postgres") const;
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  // Creates `dir()/name`, owned by the server's OS user (for CREATE TABLESPACE ... LOCATION).
  [[nodiscard]] std::filesystem::path make_server_owned_dir(const std::string& name) const;

 private:
  void run_tool(const std::vector<std::string>& args, const std::string& log_name) const;
  void stop_and_remove() noexcept;

  std::filesystem::path dir_, data_, socket_dir_;
  bool as_postgres_ = false;
  bool started_ = false;
};

}  // namespace zdlint::test
