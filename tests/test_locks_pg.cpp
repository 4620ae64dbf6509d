// The lock model checked against a real PostgreSQL 15 server.
//
// For every statement form under testdata/locks/<group>/<case>.sql (layout and directives:
// testdata/locks/README.md) this runs the form on a throwaway cluster, reads which relation locks it
// took and which relfilenodes changed, and compares that with what `zdlint locks --format json` predicts
// for the same files. Forms that PostgreSQL runs in a transaction block are run as
// BEGIN; <case>; <read pg_locks, pg_class>; ROLLBACK. Forms that refuse a transaction block (or that are
// about queueing) are run in autocommit behind blocker sessions and watched from a third session.
//
// Set ZDLINT_LOCKS_PG_DUMP=<file> to write what PostgreSQL did for every form as JSON lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tests/pg_cluster.h"
#include "tests/test_support.h"

namespace {

namespace fs = std::filesystem;
using zdlint::test::PgCluster;
using zdlint::test::PgConnection;
using zdlint::test::PgError;

// Weakest to strongest, spelled as pg_locks.mode spells them.
constexpr std::array<std::string_view, 8> kModes = {
    "AccessShareLock", "RowShareLock",          "RowExclusiveLock", "ShareUpdateExclusiveLock",
    "ShareLock",       "ShareRowExclusiveLock", "ExclusiveLock",    "AccessExclusiveLock"};
constexpr int kNone = -1;
constexpr int kAccessShare = 0;

int mode_strength(std::string_view mode) {
  for (std::size_t i = 0; i < kModes.size(); ++i)
    if (kModes[i] == mode) return static_cast<int>(i);
  return -2;  // not a relation lock mode
}

std::string mode_name(int strength) {
  return strength < 0 ? std::string("no lock") : std::string(kModes[static_cast<std::size_t>(strength)]);
}

bool is_index_kind(char kind) {
  return kind == 'i' || kind == 'I';
}

std::string kind_name(char kind) {
  switch (kind) {
    case 'r':
      return "table";
    case 'p':
      return "partitioned table";
    case 'i':
      return "index";
    case 'I':
      return "partitioned index";
    case 'm':
      return "materialized view";
    case 'S':
      return "sequence";
    case 'v':
      return "view";
    case 'f':
      return "foreign table";
    default:
      return std::string("relkind ") + kind;
  }
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string sql_literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// ------------------------------------------------------------------------------------- test data

struct CaseSpec {
  std::string group, name;
  fs::path path;
  std::string sql, header;
  bool no_transaction = false;  // PostgreSQL refuses it in a transaction block: check that, then observe
  bool observe = false;         // runs in a transaction block, but is observed behind blockers
  bool expect_no_wait = false;  // observe: must finish while every blocker is still open
  bool new_filenode_without_rewrite = false;
  std::string expect_error;           // observe: the SQLSTATE the statement must fail with
  std::vector<std::string> blockers;  // observe: SQL each blocker session runs in an open transaction
  std::vector<std::string> problems;  // malformed directives

  [[nodiscard]] std::string label() const { return group + "/" + name + ".sql"; }
  [[nodiscard]] bool in_transaction() const { return !no_transaction && !observe; }
};

struct Group {
  std::string name;
  fs::path dir, setup;
  std::string setup_sql;
  std::vector<CaseSpec> cases;
};

CaseSpec load_case(const std::string& group, const fs::path& path) {
  CaseSpec c;
  c.group = group;
  c.name = path.stem().string();
  c.path = path;
  c.sql = read_text(path);
  std::istringstream lines(c.sql);
  std::string line;
  bool first = true;
  while (std::getline(lines, line)) {
    if (first) {
      if (line.rfind("-- ", 0) == 0) c.header = trim(line.substr(3));
      first = false;
    }
    const std::string t = trim(line);
    constexpr std::string_view kPrefix = "-- oracle:";
    if (t.rfind(kPrefix, 0) != 0) continue;
    const std::string directive = trim(std::string_view(t).substr(kPrefix.size()));
    const std::string word = directive.substr(0, directive.find(' '));
    const std::string rest = trim(std::string_view(directive).substr(word.size()));
    if (word == "no-transaction")
      c.no_transaction = true;
    else if (word == "observe")
      c.observe = true;
    else if (word == "expect-no-wait")
      c.expect_no_wait = true;
    else if (word == "new-filenode-without-rewrite")
      c.new_filenode_without_rewrite = true;
    else if (word == "blocker" && !rest.empty())
      c.blockers.push_back(rest);
    else if (word == "expect-error" && rest.size() == 5)
      c.expect_error = rest;
    else
      c.problems.emplace_back("unknown or malformed directive `" + t + "`");
  }
  if (c.header.empty()) c.problems.emplace_back("the first line must be a `-- ` comment saying what the form is");
  if (!c.in_transaction() && c.blockers.empty())
    c.problems.emplace_back("an observed form needs `-- oracle: blocker SQL`");
  if (c.in_transaction() && (!c.blockers.empty() || c.expect_no_wait || !c.expect_error.empty()))
    c.problems.emplace_back("blocker/expect-* directives need `no-transaction` or `observe`");
  return c;
}

std::vector<Group> load_groups(const fs::path& root) {
  std::vector<Group> groups;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    Group g;
    g.name = entry.path().filename().string();
    g.dir = entry.path();
    g.setup = g.dir / "setup.sql";
    g.setup_sql = read_text(g.setup);
    for (const auto& file : fs::directory_iterator(g.dir)) {
      if (!file.is_regular_file() || file.path().extension() != ".sql" || file.path().filename() == "setup.sql")
        continue;
      g.cases.push_back(load_case(g.name, file.path()));
    }
    std::sort(g.cases.begin(), g.cases.end(), [](const CaseSpec& a, const CaseSpec& b) { return a.name < b.name; });
    groups.push_back(std::move(g));
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.name < b.name; });
  return groups;
}

// ---------------------------------------------------------------------------- PostgreSQL side

struct Rel {
  std::string name;  // schema.relname
  char kind = '?';
  std::string filenode;
};
using Snapshot = std::map<std::string, Rel>;  // by oid

// User relations: no system catalogs, no toast, no temp schemas.
Snapshot snapshot(PgConnection& conn) {
  const auto r = conn.exec(
      "SELECT c.oid, n.nspname || '.' || c.relname, c.relkind, c.relfilenode FROM pg_class c "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'");
  Snapshot s;
  for (int i = 0; i < r.rows(); ++i)
    s[r.get(i, 0)] = Rel{r.get(i, 1), r.get(i, 2).empty() ? '?' : r.get(i, 2)[0], r.get(i, 3)};
  return s;
}

// What PostgreSQL did to the relations that existed before the case ran.
struct Observed {
  std::map<std::string, int> lock;     // relation name -> strongest mode
  std::set<std::string> new_filenode;  // tables and materialized views whose relfilenode changed
};

// `locks`: oid -> strongest mode. Locks on relations created by the case are dropped here; locks on
// relations the case dropped are kept (their oid is still in `before`).
Observed observed_from(const Snapshot& before, const std::map<std::string, int>& locks, const Snapshot& after) {
  Observed o;
  for (const auto& [oid, strength] : locks) {
    const auto it = before.find(oid);
    if (it == before.end()) continue;
    int& slot = o.lock.try_emplace(it->second.name, kNone).first->second;
    slot = std::max(slot, strength);
  }
  for (const auto& [oid, rel] : before) {
    if (rel.kind != 'r' && rel.kind != 'm') continue;
    const auto it = after.find(oid);
    if (it != after.end() && it->second.filenode != rel.filenode) o.new_filenode.insert(rel.name);
  }
  return o;
}

// ---------------------------------------------------------------------------------- model side

struct ModelEffect {
  int lock = kNone;
  bool rewrite = false;
};
struct Model {
  std::map<std::string, ModelEffect> effects;  // by relation, unioned over the case's statements
  std::string error;                           // set when zdlint's answer is unusable
};

std::string qualify(const std::string& relation) {
  return relation.find('.') == std::string::npos ? "public." + relation : relation;
}

bool same_file(const std::string& reported, const fs::path& given) {
  if (reported == given.string()) return true;
  const fs::path r(reported);
  return r.filename() == given.filename() && r.parent_path().filename() == given.parent_path().filename();
}

Model run_model(const Group& g, const CaseSpec& c) {
  Model m;
  const auto run = zdlint::test::run_zdlint({"locks", "--format", "json", g.setup.string(), c.path.string()});
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(run.out);
  } catch (const std::exception& e) {
    m.error = "`zdlint locks --format json` exited " + std::to_string(run.exit_code) + " without JSON on stdout (" +
              e.what() + "); stderr: " + run.err.substr(0, 500);
    return m;
  }
  if (!doc.is_object() || !doc.contains("statements") || !doc["statements"].is_array()) {
    m.error = "`zdlint locks --format json` exited " + std::to_string(run.exit_code) +
              " and its output has no \"statements\" array; stderr: " + run.err.substr(0, 500);
    return m;
  }
  bool any = false;
  for (const auto& st : doc["statements"]) {
    if (!st.is_object() || !same_file(st.value("file", std::string()), c.path)) continue;
    any = true;
    if (!st.contains("effects") || !st["effects"].is_array()) continue;
    for (const auto& e : st["effects"]) {
      const std::string relation = qualify(e.value("relation", std::string()));
      const std::string lock = e.value("lock", std::string());
      const int strength = lock.empty() ? kNone : mode_strength(lock);
      if (strength == -2) {
        m.error = "unknown lock mode \"" + lock + "\" for " + relation;
        return m;
      }
      ModelEffect& slot = m.effects[relation];
      slot.lock = std::max(slot.lock, strength);
      slot.rewrite = slot.rewrite || e.value("rewrite", false);
    }
  }
  if (!any) m.error = "`zdlint locks` reported no statement for " + c.path.string();
  return m;
}

// ------------------------------------------------------------------------------------ comparison

// Compares one case; every disagreement is its own failure, so one wrong form never hides another.
void compare(const CaseSpec& c, const Snapshot& before, const Observed& pg, const Model& model, bool tables_only) {
  std::map<std::string, char> kinds;
  for (const auto& [oid, rel] : before) kinds[rel.name] = rel.kind;
  std::set<std::string> names;
  for (const auto& [name, strength] : pg.lock) names.insert(name);
  for (const auto& [name, effect] : model.effects)
    if (kinds.count(name) != 0) names.insert(name);  // relations the case creates are not compared
  for (const auto& name : names) {
    const char kind = kinds.at(name);
    const auto p = pg.lock.find(name);
    const auto m = model.effects.find(name);
    const int pg_mode = p == pg.lock.end() ? kNone : p->second;
    const int model_mode = m == model.effects.end() ? kNone : m->second.lock;
    if (is_index_kind(kind)) {
      // The planner takes AccessShareLock on every index of a table it plans for: noise the model may omit.
      if (tables_only || (pg_mode <= kAccessShare && m == model.effects.end())) continue;
    } else if (kind != 'r' && kind != 'p' && kind != 'm' && kind != 'v' && kind != 'S' && kind != 'f') {
      continue;
    }
    if (pg_mode != model_mode)
      FAIL_CHECK(c.label() << ": " << name << " (" << kind_name(kind) << "): PostgreSQL took " << mode_name(pg_mode)
                           << ", the model says " << mode_name(model_mode));
  }
  bool any_new_filenode = false;
  for (const auto& [oid, rel] : before) {
    if (rel.kind != 'r' && rel.kind != 'm') continue;
    const bool changed = pg.new_filenode.count(rel.name) != 0;
    any_new_filenode = any_new_filenode || changed;
    const auto m = model.effects.find(rel.name);
    const bool model_rewrite = m != model.effects.end() && m->second.rewrite;
    if (c.new_filenode_without_rewrite) {
      if (model_rewrite)
        FAIL_CHECK(c.label() << ": " << rel.name
                             << ": the model says rewrite:true, but the statement only swaps in "
                                "new empty files (oracle: new-filenode-without-rewrite)");
    } else if (changed != model_rewrite) {
      FAIL_CHECK(c.label() << ": " << rel.name << " (" << kind_name(rel.kind) << "): relfilenode "
                           << std::string_view(changed ? "changed (rewritten)" : "unchanged (not rewritten)")
                           << ", the model says rewrite:" << std::string_view(model_rewrite ? "true" : "false"));
    }
  }
  if (c.new_filenode_without_rewrite && !any_new_filenode)
    FAIL_CHECK(c.label() << ": `oracle: new-filenode-without-rewrite`, but no table's relfilenode changed");
}

// ---------------------------------------------------------------------------------------- dump

void dump(std::ofstream* out, const CaseSpec& c, const char* mode, const Snapshot& before, const Observed& pg,
          const std::vector<std::string>& waits) {
  if (out == nullptr) return;
  std::map<std::string, char> kinds;
  for (const auto& [oid, rel] : before) kinds[rel.name] = rel.kind;
  nlohmann::json locks = nlohmann::json::object();
  for (const auto& [name, strength] : pg.lock)
    locks[name] = {{"kind", kind_name(kinds[name])}, {"mode", mode_name(strength)}};
  *out << nlohmann::json{{"case", c.label()},
                         {"header", c.header},
                         {"mode", mode},
                         {"locks", locks},
                         {"new_filenode", pg.new_filenode},
                         {"waits", waits}}
              .dump()
       << "\n";
}

// ------------------------------------------------------------------------------------- harness

const char* const kOwnLocks =
    "SELECT relation::text, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

struct Counts {
  int in_transaction = 0, observed = 0;
};

std::string database_name(const std::string& prefix, const std::string& group) {
  std::string name = prefix + group;
  for (char& ch : name)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) ch = '_';
  return name.substr(0, 60);
}

// BEGIN; case; read locks and filenodes; ROLLBACK. Returns false when PostgreSQL refused the case.
bool run_in_transaction(PgConnection& conn, const CaseSpec& c, Snapshot& before, Observed& pg) {
  before = snapshot(conn);
  conn.exec("BEGIN");
  if (auto error = conn.try_exec(c.sql)) {
    conn.exec("ROLLBACK");
    FAIL_CHECK(c.label() << ": PostgreSQL rejected the form inside BEGIN ... ROLLBACK: " << std::string(error->what()));
    return false;
  }
  std::map<std::string, int> locks;
  const auto r = conn.exec(kOwnLocks);
  for (int i = 0; i < r.rows(); ++i) {
    int& slot = locks.try_emplace(r.get(i, 0), kNone).first->second;
    slot = std::max(slot, mode_strength(r.get(i, 1)));
  }
  const Snapshot after = snapshot(conn);
  conn.exec("ROLLBACK");
  pg = observed_from(before, locks, after);
  return true;
}

// Runs the case in autocommit behind its blockers in a fresh database and watches its locks from a
// third session. Each time pg_blocking_pids() shows a blocker holding the subject up, the subject's
// locks (including the one it waits for) are read and that blocker is released.
// Returns false when the observation is unusable.
bool run_observed(PgConnection& admin, const PgCluster& cluster, const Group& g, const CaseSpec& c, int serial,
                  Snapshot& before, Observed& pg, std::vector<std::string>& waits) {
  const std::string db = database_name("ob" + std::to_string(serial) + "_", g.name);
  admin.exec("CREATE DATABASE " + db);
  bool ok = true;
  {
    PgConnection setup(cluster.conninfo(db));
    setup.exec(g.setup_sql);
    if (c.no_transaction) {
      setup.exec("BEGIN");
      const auto error = setup.try_exec(c.sql);
      setup.exec("ROLLBACK");
      if (!error || error->sqlstate() != "25001") {
        FAIL_CHECK(c.label() << ": marked `oracle: no-transaction`, but inside BEGIN PostgreSQL "
                             << (error ? "failed with " + error->sqlstate() + ": " + error->what()
                                       : std::string("accepted it")));
        ok = false;
      }
    }
    before = snapshot(setup);

    std::vector<std::unique_ptr<PgConnection>> blockers;
    for (const auto& sql : c.blockers) {
      blockers.push_back(std::make_unique<PgConnection>(cluster.conninfo(db)));
      blockers.back()->exec("BEGIN");
      blockers.back()->exec(sql);
    }
    PgConnection subject(cluster.conninfo(db));
    PgConnection observer(cluster.conninfo(db));
    const std::string poll =
        "SELECT locktype, coalesce(relation::text, ''), mode, granted, coalesce(virtualxid, ''), "
        "coalesce(transactionid::text, '') FROM pg_locks WHERE pid = " +
        std::to_string(subject.backend_pid());

    std::map<std::string, int> locks;
    std::set<std::string> waits_seen;
    // Reads the subject's locks, granted or waited for.
    const auto read_locks = [&] {
      const auto r = observer.exec(poll);
      for (int i = 0; i < r.rows(); ++i) {
        if (r.get(i, 0) == "relation") {
          int& slot = locks.try_emplace(r.get(i, 1), kNone).first->second;
          slot = std::max(slot, mode_strength(r.get(i, 2)));
        }
        if (r.get(i, 3) != "f") continue;
        std::string wait = r.get(i, 0) + " " + r.get(i, 4) + r.get(i, 5) + " " + r.get(i, 2);
        if (r.get(i, 0) == "relation") {
          const auto it = before.find(r.get(i, 1));
          wait = "relation " + (it != before.end() ? it->second.name : r.get(i, 1)) + " " + r.get(i, 2);
        }
        if (waits_seen.insert(wait).second) waits.push_back(wait);
      }
    };
    std::vector<int> blocker_pids;
    for (const auto& b : blockers) blocker_pids.push_back(b->backend_pid());
    std::vector<bool> released(blockers.size(), false);
    std::size_t released_count = 0;
    const std::string blocked_by = "SELECT unnest(pg_blocking_pids(" + std::to_string(subject.backend_pid()) + "))";

    bool finished = false;
    using clock = std::chrono::steady_clock;
    auto deadline = clock::now() + std::chrono::seconds(20);
    subject.send(c.sql);
    while (true) {
      read_locks();
      // Waits on anything but a blocker (CIC waiting out the observer's own snapshot, say) are
      // ignored: only a blocker that is seen blocking the subject is released, one at a time.
      const auto r = observer.exec(blocked_by);
      std::size_t blocking = blockers.size();
      for (int i = 0; i < r.rows() && blocking == blockers.size(); ++i)
        for (std::size_t b = 0; b < blockers.size(); ++b)
          if (!released[b] && std::to_string(blocker_pids[b]) == r.get(i, 0)) blocking = b;
      if (blocking < blockers.size()) {
        read_locks();  // the subject cannot move while blocked: this sees the lock it waits for
        if (c.expect_no_wait) {
          FAIL_CHECK(c.label() << ": expected to finish beside the open blocker(s), but blocker " << blocking + 1
                               << " blocked it (" << (waits.empty() ? std::string("?") : waits.back()) << ")");
          ok = false;
          break;
        }
        blockers[blocking]->exec("ROLLBACK");
        released[blocking] = true;
        ++released_count;
        deadline = clock::now() + std::chrono::seconds(20);
      }
      if (!subject.busy()) {
        finished = true;
        break;
      }
      if (clock::now() > deadline) {
        FAIL_CHECK(c.label() << ": no progress within 20 s (waits seen: " << waits.size() << ")");
        ok = false;
        break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    if (finished && !c.expect_no_wait && released_count < blockers.size()) {
      FAIL_CHECK(c.label() << ": finished after being blocked by " << released_count << " of its " << blockers.size()
                           << " blocker(s): the observation may be incomplete");
      ok = false;
    }
    for (auto& b : blockers) b.reset();  // closing a blocker rolls its transaction back
    if (finished) {
      const auto error = subject.finish();
      if (c.expect_error.empty() && error) {
        FAIL_CHECK(c.label() << ": PostgreSQL failed: " << std::string(error->what()));
        ok = false;
      } else if (!c.expect_error.empty() && (!error || error->sqlstate() != c.expect_error)) {
        FAIL_CHECK(c.label() << ": expected SQLSTATE " << c.expect_error << ", got "
                             << (error ? error->sqlstate() + ": " + error->what() : std::string("success")));
        ok = false;
      }
    }
    pg = observed_from(before, locks, finished ? snapshot(setup) : before);
  }
  admin.exec("DROP DATABASE " + db + " WITH (FORCE)");
  return ok;
}

}  // namespace

TEST_CASE("lock model agrees with PostgreSQL 15 on every form in testdata/locks") {
  if (auto missing = PgCluster::missing_prerequisite()) FAIL(*missing);

  const fs::path root = fs::path(zdlint::test::source_dir()) / "testdata" / "locks";
  REQUIRE_MESSAGE(fs::is_directory(root), root.string() << " is missing");
  const std::vector<Group> groups = load_groups(root);
  REQUIRE_MESSAGE(!groups.empty(), "no groups under " << root.string());

  std::unique_ptr<std::ofstream> dump_file;
  if (const char* path = std::getenv("ZDLINT_LOCKS_PG_DUMP"); path != nullptr && *path != '\0')
    dump_file = std::make_unique<std::ofstream>(path);

  // Ask the model once first, so a missing or broken `zdlint locks` is one failure, not one per form.
  bool model_usable = true;
  const auto probe_group = std::find_if(groups.begin(), groups.end(), [](const Group& g) { return !g.cases.empty(); });
  REQUIRE_MESSAGE(probe_group != groups.end(), "no case files under " << root.string());
  if (const Model probe = run_model(*probe_group, probe_group->cases.front()); !probe.error.empty()) {
    FAIL_CHECK("the lock model cannot be compared (PostgreSQL's side still runs): " << probe.error);
    model_usable = false;
  }

  PgCluster cluster;
  PgConnection admin(cluster.conninfo());
  admin.exec("CREATE TABLESPACE zdlint_ts LOCATION " + sql_literal(cluster.make_server_owned_dir("tblspc").string()));
  admin.exec("CREATE ROLE zdlint_app");

  Counts counts;
  int serial = 0;
  for (const Group& g : groups) {
    INFO("group " << g.name);
    CHECK_MESSAGE(!g.setup_sql.empty(), g.name << ": setup.sql is missing or empty");
    const std::string db = database_name("lk_", g.name);
    admin.exec("CREATE DATABASE " + db);
    {
      PgConnection conn(cluster.conninfo(db));
      const auto setup_error = conn.try_exec(g.setup_sql);
      if (setup_error) FAIL_CHECK(g.name << "/setup.sql failed on PostgreSQL: " << std::string(setup_error->what()));
      for (const CaseSpec& c : g.cases) {
        if (setup_error) break;
        for (const auto& problem : c.problems) FAIL_CHECK(c.label() << ": " << problem);
        if (!c.problems.empty()) continue;
        Snapshot before;
        Observed pg;
        std::vector<std::string> waits;
        bool ok = false;
        try {
          if (c.in_transaction()) {
            ok = run_in_transaction(conn, c, before, pg);
            if (ok) ++counts.in_transaction;
          } else {
            ok = run_observed(admin, cluster, g, c, ++serial, before, pg, waits);
            if (ok) ++counts.observed;
          }
        } catch (const std::exception& e) {
          FAIL_CHECK(c.label() << ": the harness failed: " << std::string(e.what()));
          conn.try_exec("ROLLBACK");
        }
        if (!ok) continue;
        dump(dump_file.get(), c, c.in_transaction() ? "txn" : "observe", before, pg, waits);
        // expect-no-wait forms only show that the statement ran beside the blocker; their locks are
        // compared by the same statement's in-transaction form.
        if (!model_usable || c.expect_no_wait) continue;
        const Model model = run_model(g, c);
        if (!model.error.empty()) {
          FAIL_CHECK(c.label() << ": " << model.error);
          continue;
        }
        compare(c, before, pg, model, !c.in_transaction());
      }
    }
    admin.exec("DROP DATABASE " + db + " WITH (FORCE)");
  }
  MESSAGE("locks_pg: " << counts.in_transaction << " forms verified in a transaction, " << counts.observed
                       << " observed outside one, " << groups.size() << " groups");
  // Guards against a vacuous pass (testdata deleted or not found).
  CHECK(counts.in_transaction >= 80);
  CHECK(counts.observed >= 6);
}
