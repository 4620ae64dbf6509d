// Engine version declarations: which files may hold one, how each format's entries are read as
// PostgreSQL versions, and how two revisions of a file are compared.
#include "analyzer/engine_upgrade.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "analyzer/engine_scan.h"

namespace zdlint {
namespace fs = std::filesystem;
using engine_scan::Entry;
using engine_scan::Token;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// engine_version, EngineVersion and engineVersion are one key in HCL, CloudFormation and CDK/Pulumi.
std::string normalized_key(std::string_view key) {
  std::string out;
  for (const char c : key)
    if (c != '_' && c != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view last_segment(std::string_view label) {
  const size_t slash = label.rfind('/');
  return slash == std::string_view::npos ? label : label.substr(slash + 1);
}

// Leading digits of `s` as a number, and how many characters they took; nullopt without digits.
std::optional<std::pair<int, size_t>> leading_number(std::string_view s) {
  size_t n = 0;
  int value = 0;
  while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n])) && n < 6) value = value * 10 + (s[n++] - '0');
  if (n == 0 || (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n])))) return std::nullopt;
  return std::pair{value, n};
}

// "16", "16.4" at the start of `s`; the rest of `s` is ignored (a tag's "-alpine").
std::optional<EngineVersion> version_prefix(std::string_view s) {
  const auto major = leading_number(s);
  if (!major) return std::nullopt;
  EngineVersion version{major->first, std::nullopt};
  s.remove_prefix(major->second);
  if (s.size() > 1 && s.front() == '.')
    if (const auto minor = leading_number(s.substr(1))) version.minor = minor->first;
  return version;
}

// "postgres16", "aurora-postgresql15", "postgresql16" (parameter group families).
std::optional<EngineVersion> family_version(std::string_view family) {
  std::string name = lower(family);
  if (name.starts_with("aurora-")) name.erase(0, 7);
  for (std::string_view prefix : {"postgresql", "postgres"})
    if (name.starts_with(prefix)) {
      const std::string_view rest = std::string_view(name).substr(prefix.size());
      const auto version = parse_engine_version(rest);
      if (version) return EngineVersion{version->major, std::nullopt};
      return std::nullopt;
    }
  return std::nullopt;
}

// "POSTGRES_16" (google_sql_database_instance.database_version).
std::optional<EngineVersion> cloud_sql_version(std::string_view value) {
  const std::string name = lower(value);
  if (!name.starts_with("postgres_")) return std::nullopt;
  const auto major = leading_number(std::string_view(name).substr(9));
  if (!major || 9 + major->second != name.size()) return std::nullopt;
  return EngineVersion{major->first, std::nullopt};
}

class Declarations {
 public:
  void add(const std::string& label, const std::string& key, std::string what, EngineVersion version, ByteRange range) {
    const std::string base = label.empty() ? key : label + "/" + key;
    const int occurrence = ++seen_[base];
    out_.push_back({fmt::format("{}#{}", base, occurrence), std::move(what), version, range});
  }
  std::vector<EngineDeclaration> take() { return std::move(out_); }

 private:
  std::map<std::string, int> seen_;
  std::vector<EngineDeclaration> out_;
};

// Keys (and Terraform variable names) that name the PostgreSQL version by themselves: Crunchy's
// postgresVersion, a module's or a tfvars file's postgres_version / pg_version.
bool names_postgres_version(std::string_view normalized) {
  static constexpr std::string_view kNames[] = {"postgresversion",       "postgresqlversion",    "pgversion",
                                                "postgresengineversion", "pgengineversion",      "postgresmajorversion",
                                                "pgmajorversion",        "postgresqlmajorversion"};
  return std::find(std::begin(kNames), std::end(kNames), normalized) != std::end(kNames);
}

// `variable "postgres_version" { default = "16.4" }`: the variable's name, normalized, from the
// group's label ("variable postgres_version"); "" for other groups.
std::string terraform_variable(std::string_view label) {
  const std::string_view own = last_segment(label);
  if (!own.starts_with("variable ")) return "";
  return normalized_key(own.substr(9));
}

// What an entry's siblings say about it: the group's `engine`, and its image `repository` (Helm
// values split an image into repository and tag).
struct Siblings {
  std::string engine;
  std::string repository;
};

// Reads one entry as a version declaration, given what its group declares.
std::optional<std::pair<std::string, EngineVersion>> entry_version(const Entry& e, const Siblings& siblings) {
  const std::string_view engine = siblings.engine;
  const std::string key = normalized_key(e.key);
  const std::string_view parent = last_segment(e.label);
  if (key == "engineversion") {
    // The engine key says which engine; a mysql or an unknown (variable) engine is not ours.
    if (lower(engine).find("postgres") == std::string::npos) return std::nullopt;
    if (const auto v = parse_engine_version(e.value)) return std::pair{e.key, *v};
  } else if (key == "family" || key == "parametergroupfamily" || key == "clusterfamily" ||
             key == "dbparametergroupfamily") {
    if (const auto v = family_version(e.value)) return std::pair{fmt::format("parameter group family {}", e.value), *v};
  } else if (key == "databaseversion") {
    if (const auto v = cloud_sql_version(e.value)) return std::pair{fmt::format("{} {}", e.key, e.value), *v};
  } else if (names_postgres_version(key)) {  // Crunchy PGO PostgresCluster, module inputs, tfvars
    if (const auto v = parse_engine_version(e.value)) return std::pair{e.key, *v};
  } else if (key == "default" && names_postgres_version(terraform_variable(e.label))) {
    if (const auto v = parse_engine_version(e.value))
      return std::pair{fmt::format("default of {}", last_segment(e.label)), *v};
  } else if (key == "version") {
    // Zalando's spec.postgresql.version; azurerm_postgresql_flexible_server's version.
    if (lower(parent) == "postgresql" || e.label.find("postgresql_flexible_server") != std::string::npos)
      if (const auto v = parse_engine_version(e.value)) return std::pair{e.key, *v};
  } else if (key == "image" || key == "imagename" ||
             ((e.key == "-" || key == "name") && lower(parent) == "services")) {  // GitLab CI services
    if (const auto v = postgres_image_version(e.value)) return std::pair{fmt::format("image {}", e.value), *v};
  } else if (key == "tag" && !siblings.repository.empty()) {  // Bitnami's image.repository and image.tag
    const std::string image = siblings.repository + ":" + e.value;
    if (const auto v = postgres_image_version(image)) return std::pair{fmt::format("image {}", image), *v};
  }
  return std::nullopt;
}

void add_entries(const std::vector<Entry>& entries, Declarations& out) {
  std::map<size_t, Siblings> groups;
  for (const Entry& e : entries) {
    const std::string key = normalized_key(e.key);
    if (key == "engine") groups[e.group].engine = e.value;
    if (key == "repository") groups[e.group].repository = e.value;
  }
  const Siblings none;
  for (const Entry& e : entries) {
    const auto it = groups.find(e.group);
    if (const auto found = entry_version(e, it == groups.end() ? none : it->second))
      out.add(e.label, e.key, found->first, found->second, e.range);
  }
}

// CDK: PostgresEngineVersion.VER_16_4, AuroraPostgresEngineVersion.of('16.6', '16').
struct CdkVersion {
  size_t token = 0;  // the PostgresEngineVersion name
  std::string what;
  EngineVersion version;
  ByteRange range;
};
std::vector<CdkVersion> cdk_versions(const std::vector<Token>& tokens) {
  const auto punct = [&](size_t i, char c) {
    return i < tokens.size() && tokens[i].kind == Token::Kind::Punct && tokens[i].text.size() == 1 &&
           tokens[i].text[0] == c;
  };
  std::vector<CdkVersion> found;
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Token::Kind::Name || (t.text != "PostgresEngineVersion" && t.text != "AuroraPostgresEngineVersion"))
      continue;
    if (!punct(i + 1, '.') || tokens[i + 2].kind != Token::Kind::Name) continue;
    const Token& member = tokens[i + 2];
    if (member.text.starts_with("VER_")) {
      // VER_16_4; RDS extended support's VER_11_22_RDS_20240418 and Aurora's VER_16_4_LIMITLESS
      // name the version in their leading numbers.
      std::string dotted;
      for (size_t at = 4; at < member.text.size() && std::isdigit(static_cast<unsigned char>(member.text[at]));) {
        const size_t end = std::min(member.text.find('_', at), member.text.size());
        const std::string_view part = std::string_view(member.text).substr(at, end - at);
        if (!std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); })) break;
        dotted += (dotted.empty() ? "" : ".") + std::string(part);
        at = end + 1;
      }
      if (const auto v = parse_engine_version(dotted))
        found.push_back({i, fmt::format("{}.{}", t.text, member.text), *v, member.range});
    } else if (member.text == "of" && punct(i + 3, '(') && i + 4 < tokens.size() &&
               tokens[i + 4].kind == Token::Kind::String) {
      if (const auto v = parse_engine_version(tokens[i + 4].text))
        found.push_back({i, fmt::format("{}.of('{}')", t.text, tokens[i + 4].text), *v, tokens[i + 4].range});
    }
  }
  return found;
}

// FROM [--platform=…] postgres:16 [AS name]
void add_dockerfile_images(std::string_view text, Declarations& out) {
  for (const auto& line : engine_scan::lines_of(text)) {
    std::string_view s = line.text;
    const size_t start = s.find_first_not_of(" \t");
    if (start == std::string_view::npos || lower(s.substr(start, 4)) != "from" || s.size() == start + 4 ||
        (s[start + 4] != ' ' && s[start + 4] != '\t'))  // `FROM\tpostgres:16` too
      continue;
    size_t at = start + 5;
    while (true) {
      at = s.find_first_not_of(" \t", at);
      if (at == std::string_view::npos) break;
      size_t end = s.find_first_of(" \t", at);
      if (end == std::string_view::npos) end = s.size();
      const std::string_view word = s.substr(at, end - at);
      if (!word.starts_with("--")) {
        if (const auto v = postgres_image_version(word)) {
          const auto begin = static_cast<uint32_t>(line.offset + at);
          out.add("FROM", "image", fmt::format("image {}", word), *v,
                  {begin, begin + static_cast<uint32_t>(word.size())});
        }
        break;
      }
      at = end;
    }
  }
}

// asdf's .tool-versions: "postgres 16.2".
void add_tool_versions(std::string_view text, Declarations& out) {
  for (const auto& line : engine_scan::lines_of(text)) {
    std::string_view s = line.text.substr(0, line.text.find('#'));
    const size_t name_at = s.find_first_not_of(" \t");
    if (name_at == std::string_view::npos) continue;
    const size_t name_end = s.find_first_of(" \t", name_at);
    if (name_end == std::string_view::npos) continue;
    const std::string_view name = s.substr(name_at, name_end - name_at);
    if (name != "postgres" && name != "postgresql") continue;
    const size_t version_at = s.find_first_not_of(" \t", name_end);
    if (version_at == std::string_view::npos) continue;
    const size_t version_end = std::min(s.size(), s.find_first_of(" \t", version_at));
    const std::string_view version = s.substr(version_at, version_end - version_at);
    if (const auto v = parse_engine_version(version)) {
      const auto begin = static_cast<uint32_t>(line.offset + version_at);
      out.add("", std::string(name), std::string(name), *v, {begin, begin + static_cast<uint32_t>(version.size())});
    }
  }
}

// Supabase's [db] major_version; mise's [tools] postgres.
void add_toml_versions(std::string_view text, Declarations& out) {
  for (const Entry& e : engine_scan::toml_entries(text)) {
    const std::string table = lower(e.label);
    const bool supabase = table == "db" && e.key == "major_version";
    // `[tools] postgres = "16"` (or an array, or an inline table: the scanner reads their version),
    // and the table form `[tools.postgres] version = "16"`.
    const bool mise = (table == "tools" && (e.key == "postgres" || e.key == "postgresql")) ||
                      ((table == "tools.postgres" || table == "tools.postgresql") && e.key == "version");
    if (!supabase && !mise) continue;
    if (const auto v = parse_engine_version(e.value)) out.add(e.label, e.key, e.key, *v, e.range);
  }
}

enum class Format { None, Hcl, Json, Yaml, JavaScript, Python, Dockerfile, ToolVersions, Toml };

Format format_of(const fs::path& path, std::string_view text) {
  const std::string name = lower(path.filename().string());
  const std::string ext = lower(path.extension().string());
  if (name == ".tool-versions") return Format::ToolVersions;
  if (name.starts_with("dockerfile") || name.starts_with("containerfile") || ext == ".dockerfile")
    return Format::Dockerfile;
  if (ext == ".tf" || ext == ".tfvars" || ext == ".hcl") return Format::Hcl;
  if (ext == ".json") return Format::Json;
  if (ext == ".yaml" || ext == ".yml") return Format::Yaml;
  if (ext == ".template") {  // CloudFormation: JSON or YAML
    const size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{' ? Format::Json : Format::Yaml;
  }
  if (ext == ".ts" || ext == ".mts" || ext == ".cts" || ext == ".js" || ext == ".mjs" || ext == ".cjs")
    return Format::JavaScript;
  if (ext == ".py") return Format::Python;
  if (ext == ".toml") return Format::Toml;
  return Format::None;
}

}  // namespace

std::string EngineVersion::str() const { return minor ? fmt::format("{}.{}", major, *minor) : std::to_string(major); }

std::optional<EngineVersion> parse_engine_version(std::string_view text) {
  if (text.empty()) return std::nullopt;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dot_between_digits = c == '.' && i > 0 && i + 1 < text.size() && text[i - 1] != '.';
    if (!std::isdigit(static_cast<unsigned char>(c)) && !dot_between_digits) return std::nullopt;
  }
  return version_prefix(text);
}

std::optional<EngineVersion> postgres_image_version(std::string_view image) {
  if (image.find_first_of("${} \t") != std::string_view::npos) return std::nullopt;  // templated or not an image
  image = image.substr(0, image.find('@'));                                         // a digest pins, but names no version
  const size_t slash = image.rfind('/');
  const size_t colon = image.rfind(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) return std::nullopt;
  const std::string name = lower(image.substr(slash == std::string_view::npos ? 0 : slash + 1,
                                              colon - (slash == std::string_view::npos ? 0 : slash + 1)));
  static constexpr std::string_view kImages[] = {"postgres",    "postgresql",     "postgis",          "pgvector",
                                                 "timescaledb", "timescaledb-ha", "postgresql-repmgr"};
  if (std::find(std::begin(kImages), std::end(kImages), name) == std::end(kImages)) return std::nullopt;
  const std::string tag = lower(image.substr(colon + 1));
  // pgvector's pg16 and timescaledb's 2.14.2-pg16 name the PostgreSQL major after "pg".
  for (size_t at = tag.find("pg"); at != std::string::npos; at = tag.find("pg", at + 2))
    if ((at == 0 || !std::isalnum(static_cast<unsigned char>(tag[at - 1]))))
      if (const auto v = version_prefix(std::string_view(tag).substr(at + 2))) return EngineVersion{v->major, std::nullopt};
  return version_prefix(tag);  // 16, 16.4-bookworm, 16-3.4 (PostGIS), 16.2.0-debian-12-r1
}

bool is_infrastructure_file(const fs::path& path) { return format_of(path, "") != Format::None; }

std::vector<EngineDeclaration> scan_engine_versions(const fs::path& path, std::string_view text) {
  // A UTF-8 byte order mark is read as the spaces SourceFile blanks it to: the revision at the ref
  // (raw bytes from git) and the working tree's (a SourceFile's text) must scan alike, and a mark
  // is no part of the first line's key, `FROM` or tool name.
  std::string blanked;
  if (text.starts_with(kUtf8ByteOrderMark)) {
    blanked = std::string(kUtf8ByteOrderMark.size(), ' ') + std::string(text.substr(kUtf8ByteOrderMark.size()));
    text = blanked;
  }
  Declarations out;
  switch (format_of(path, text)) {
    case Format::Hcl: {
      const auto tokens = engine_scan::code_tokens(text, {true, true, true, true});
      add_entries(engine_scan::code_entries(tokens), out);
      break;
    }
    case Format::Json:  // comments of JSONC (devcontainer.json, tsconfig.json); JSON has no `//` outside strings
      add_entries(engine_scan::code_entries(engine_scan::code_tokens(text, {false, true, false, false})), out);
      break;
    case Format::Yaml:
      add_entries(engine_scan::yaml_entries(text), out);
      break;
    case Format::JavaScript:
    case Format::Python: {
      const bool python = format_of(path, text) == Format::Python;
      const auto tokens = engine_scan::code_tokens(text, {python, !python, false, false});
      // A CDK version is labelled by the construct it sits in (`rds.DatabaseInstance/Db`), so that
      // two databases are told apart by their ids, not by their order.
      const auto cdk = cdk_versions(tokens);
      std::vector<size_t> at;
      for (const auto& c : cdk) at.push_back(c.token);
      std::vector<std::string> labels;
      add_entries(engine_scan::code_entries(tokens, at, &labels), out);
      for (size_t k = 0; k < cdk.size(); ++k)
        out.add(labels[k], tokens[cdk[k].token].text, cdk[k].what, cdk[k].version, cdk[k].range);
      break;
    }
    case Format::Dockerfile:
      add_dockerfile_images(text, out);
      break;
    case Format::ToolVersions:
      add_tool_versions(text, out);
      break;
    case Format::Toml:
      add_toml_versions(text, out);
      break;
    case Format::None:
      break;
  }
  return out.take();
}

std::vector<EngineVersionChange> engine_version_changes(const std::vector<EngineDeclaration>& before,
                                                        const std::vector<EngineDeclaration>& after) {
  std::map<std::string_view, const EngineDeclaration*> earlier;
  for (const auto& d : before) earlier.emplace(d.subject, &d);
  std::vector<EngineVersionChange> changes;
  for (const auto& d : after) {
    const auto it = earlier.find(d.subject);
    if (it != earlier.end() && it->second->version != d.version) changes.push_back({d, it->second->version});
  }
  return changes;
}

}  // namespace zdlint
