#pragma once
// Where the PostgreSQL engine version lives in infrastructure code next to the migrations
// (Terraform, CloudFormation, CDK, Pulumi, container images in compose files, CI workflows,
// Dockerfiles and Kubernetes manifests, CloudNativePG/Zalando/Crunchy clusters, .tool-versions,
// mise and Supabase config), and whether a change set changes it. The scanners are text-based:
// nothing is evaluated, variables are not followed, and bad input yields no declaration rather
// than an error.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/source_file.h"

namespace zdlint {

// A PostgreSQL version as infrastructure code writes it, normalized: "16", "16.4".
struct EngineVersion {
  int major = 0;
  std::optional<int> minor;
  [[nodiscard]] std::string str() const;
  friend bool operator==(const EngineVersion&, const EngineVersion&) = default;
};

// "16.4", "16", "15.4.1" (read as 15.4), "9.6" (major 9); nullopt for anything else.
std::optional<EngineVersion> parse_engine_version(std::string_view text);

// A container image reference of a PostgreSQL image and the version its tag names:
// postgres:16-alpine, ghcr.io/cloudnative-pg/postgresql:16.4, postgis/postgis:16-3.4,
// pgvector/pgvector:pg16, timescale/timescaledb:2.14.2-pg16, bitnami/postgresql:16.2.0-debian-12-r1.
// nullopt for other images, and for tags that name no version (latest, a variable).
std::optional<EngineVersion> postgres_image_version(std::string_view image);

// One place a file declares the PostgreSQL version.
struct EngineDeclaration {
  std::string subject;  // what is declared, stable across edits of the file: "resource aws_rds_cluster app/engine_version#1"
  std::string what;     // for messages: "engine_version", "parameter group family", "image postgres:16"
  EngineVersion version;
  ByteRange range;  // the version's text
};

// Whether a file may hold an engine version, by its name (not its content).
bool is_infrastructure_file(const std::filesystem::path& path);

// Every PostgreSQL version declaration in the file; `path` picks the format.
std::vector<EngineDeclaration> scan_engine_versions(const std::filesystem::path& path, std::string_view text);

// A declaration whose version differs between two revisions of a file.
struct EngineVersionChange {
  EngineDeclaration after;
  std::optional<EngineVersion> before;  // unset when no earlier revision was compared (no git)
  [[nodiscard]] bool major() const { return before && before->major != after.version.major; }
};

// The declarations of `after` whose subject `before` declares with another version. Subjects only
// one revision has (a database added or removed, a resource renamed) are not version changes.
std::vector<EngineVersionChange> engine_version_changes(const std::vector<EngineDeclaration>& before,
                                                        const std::vector<EngineDeclaration>& after);

}  // namespace zdlint
