#include "reporters/locks_reporter.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace zdlint {
namespace {

std::vector<std::string> blocks_list(const LockEffect& effect) {
  const Blocked blocked = effect.blocks();
  std::vector<std::string> list;
  if (blocked.reads) list.emplace_back("reads");
  if (blocked.writes) list.emplace_back("writes");
  if (blocked.ddl) list.emplace_back("ddl");
  return list;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) text += (i ? std::string(separator) : std::string()) + items[i];
  return text;
}

std::string timeout_text(const std::optional<int64_t>& ms) {
  if (!ms) return "not set";
  if (*ms == 0) return "0 (disabled)";
  return fmt::format("{}ms", *ms);
}

// The statement on one line, shortened, for the text report's headings.
std::string one_line(std::string_view sql) {
  std::string text;
  bool space = false;
  for (char ch : sql) {
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += ch;
  }
  if (text.size() > 100) {
    size_t cut = 97;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    text = text.substr(0, cut) + "...";
  }
  return text;
}

}  // namespace

void report_locks_json(std::ostream& out, const std::vector<StatementLocks>& statements) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : statements) {
    nlohmann::json effects = nlohmann::json::array();
    for (const auto& e : s.effects.effects) {
      if (e.lock == LockMode::None) continue;
      effects.push_back({
          {"relation", e.relation.str()},
          {"kind", to_string(e.kind)},
          {"lock", lock_name(e.lock)},
          {"rewrite", e.rewrite},
          {"scan", e.scan},
          {"blocks", blocks_list(e)},
          {"cost", to_string(e.cost())},
          {"created", e.created},
          {"pre_existing", !e.known && !e.created},
          {"index_rebuilt", e.index_rebuilt},
          {"assumed", e.assumed},
          {"note", e.note},
      });
    }
    nlohmann::json statement = {
        {"file", s.file},
        {"line", s.line},
        {"column", s.column},
        {"sql", s.sql},
        {"effects", std::move(effects)},
        {"in_transaction", s.in_transaction},
        {"refuses_transaction", s.effects.refuses_transaction},
        {"lock_timeout_ms", s.lock_timeout_ms ? nlohmann::json(*s.lock_timeout_ms) : nlohmann::json(nullptr)},
        {"statement_timeout_ms", s.statement_timeout_ms ? nlohmann::json(*s.statement_timeout_ms) : nlohmann::json(nullptr)},
    };
    if (!s.effects.fails_because.empty()) statement["fails"] = s.effects.fails_because;
    list.push_back(std::move(statement));
  }
  out << nlohmann::json{{"version", 1}, {"statements", std::move(list)}}.dump(2) << '\n';
}

void report_locks_text(std::ostream& out, const std::vector<StatementLocks>& statements, bool color) {
  const auto bold = [&](const std::string& text) { return color ? "\x1b[1m" + text + "\x1b[0m" : text; };
  const auto red = [&](const std::string& text) { return color ? "\x1b[31m" + text + "\x1b[0m" : text; };
  for (const auto& s : statements) {
    out << bold(fmt::format("{}:{}:{}", s.file, s.line, s.column)) << "  " << one_line(s.sql) << '\n';
    if (!s.effects.fails_because.empty()) out << "    " << red("fails: " + s.effects.fails_because) << '\n';
    if (s.effects.refuses_transaction)
      out << "    " << (s.in_transaction ? red("fails: cannot run inside a transaction block")
                                         : std::string("must run outside a transaction block"))
          << '\n';
    bool any = false;
    for (const auto& e : s.effects.effects) {
      if (e.lock == LockMode::None) continue;
      any = true;
      const auto blocks = blocks_list(e);
      std::vector<std::string> traits;
      if (e.created) traits.emplace_back("new");
      else if (!e.known) traits.emplace_back("pre-existing");
      if (e.rewrite) traits.emplace_back("rewrite");
      if (e.scan && !e.rewrite) traits.emplace_back(e.index_rebuilt ? "rebuilt" : "scan");
      traits.emplace_back(std::string(to_string(e.cost())));
      const std::string lock(lock_name(e.lock));
      out << fmt::format("    {:<32} {:<18} {:<25} blocks: {:<22} {}\n", e.relation.str(), to_string(e.kind),
                         e.lock == LockMode::AccessExclusive && !e.created ? red(lock) + std::string(25 - lock.size(), ' ') : lock,
                         blocks.empty() ? "nothing" : join(blocks, ", "), join(traits, ", "));
      if (!e.note.empty()) out << "      note: " << e.note << '\n';
    }
    if (!any) out << "    no relation locks\n";
    if (s.effects.strongest() >= LockMode::Share || s.effects.rewrites())
      out << fmt::format("    lock_timeout: {}, statement_timeout: {}{}\n", timeout_text(s.lock_timeout_ms),
                         timeout_text(s.statement_timeout_ms), s.in_transaction ? ", in a transaction" : "");
    out << '\n';
  }
  out << fmt::format("{} statements\n", statements.size());
}

}  // namespace zdlint
