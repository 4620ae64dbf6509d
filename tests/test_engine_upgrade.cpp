// Engine version declarations in infrastructure code (one case per format), how two revisions are
// compared, and bundled-engine-upgrade end to end: infrastructure files named on the command line,
// and the change set of --changed-since in scratch git repositories.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "analyzer/engine_upgrade.h"
#include "tests/sandbox.h"

using namespace zdlint;
using zdlint::test::read_file;
using zdlint::test::Sandbox;
using zdlint::test::write_file;
namespace fs = std::filesystem;

namespace {

// "LINE:COL VERSION" for each declaration, columns in bytes (the inputs are ASCII).
std::set<std::string> declared(const std::string& name, const std::string& text) {
  const SourceFile source(name, text);
  std::set<std::string> out;
  for (const auto& d : scan_engine_versions(name, text)) {
    const auto pos = source.position(d.range.begin);
    out.insert(std::to_string(pos.line) + ":" + std::to_string(pos.column_bytes) + " " + d.version.str());
  }
  return out;
}

using Set = std::set<std::string>;

// "LINE:COL VERSION [TEXT]": the text is exactly what the declaration's range covers.
std::set<std::string> spans(const std::string& name, const std::string& text) {
  const SourceFile source(name, text);
  std::set<std::string> out;
  for (const auto& d : scan_engine_versions(name, text)) {
    const auto pos = source.position(d.range.begin);
    out.insert(std::to_string(pos.line) + ":" + std::to_string(pos.column_bytes) + " " + d.version.str() + " [" +
               text.substr(d.range.begin, d.range.end - d.range.begin) + "]");
  }
  return out;
}

// "BEFORE -> AFTER" for each declaration whose version differs between two revisions of `name`.
std::set<std::string> changed(const std::string& name, const std::string& before, const std::string& after) {
  std::set<std::string> out;
  for (const auto& c : engine_version_changes(scan_engine_versions(name, before), scan_engine_versions(name, after)))
    out.insert(c.before->str() + " -> " + c.after.version.str());
  return out;
}

}  // namespace

TEST_CASE("engine versions: version strings and image references") {
  CHECK(parse_engine_version("16.4") == EngineVersion{16, 4});
  CHECK(parse_engine_version("16") == EngineVersion{16, std::nullopt});
  CHECK(parse_engine_version("15.4.1") == EngineVersion{15, 4});
  CHECK_FALSE(parse_engine_version(""));
  CHECK_FALSE(parse_engine_version("16."));
  CHECK_FALSE(parse_engine_version("v16"));
  CHECK_FALSE(parse_engine_version("8.0.mysql_aurora.3.05.2"));
  CHECK_FALSE(parse_engine_version("99999999999999"));

  CHECK(postgres_image_version("postgres:16") == EngineVersion{16, std::nullopt});
  CHECK(postgres_image_version("postgres:16.4-alpine3.20") == EngineVersion{16, 4});
  CHECK(postgres_image_version("docker.io/library/postgres:17-bookworm") == EngineVersion{17, std::nullopt});
  CHECK(postgres_image_version("ghcr.io/cloudnative-pg/postgresql:16.4") == EngineVersion{16, 4});
  CHECK(postgres_image_version("postgis/postgis:16-3.4") == EngineVersion{16, std::nullopt});
  CHECK(postgres_image_version("pgvector/pgvector:pg16") == EngineVersion{16, std::nullopt});
  CHECK(postgres_image_version("timescale/timescaledb:2.14.2-pg16") == EngineVersion{16, std::nullopt});
  CHECK(postgres_image_version("bitnami/postgresql:16.2.0-debian-12-r1") == EngineVersion{16, 2});
  CHECK(postgres_image_version("localhost:5000/postgres:15") == EngineVersion{15, std::nullopt});
  CHECK(postgres_image_version("postgres:16@sha256:0123abcd") == EngineVersion{16, std::nullopt});
  CHECK_FALSE(postgres_image_version("postgres"));
  CHECK_FALSE(postgres_image_version("postgres:latest"));
  CHECK_FALSE(postgres_image_version("postgres:alpine"));
  CHECK_FALSE(postgres_image_version("localhost:5000/postgres"));
  CHECK_FALSE(postgres_image_version("mysql:8.0"));
  CHECK_FALSE(postgres_image_version("example/postgres-exporter:0.15"));
  CHECK_FALSE(postgres_image_version("postgres:${PG_VERSION}"));
}

TEST_CASE("engine versions: Terraform") {
  const std::string tf = R"(resource "aws_rds_cluster" "app" {
  engine                      = "aurora-postgresql"
  engine_version              = "16.6"
  allow_major_version_upgrade = true
}
resource "aws_rds_cluster_instance" "app" {
  engine         = aws_rds_cluster.app.engine
  engine_version = aws_rds_cluster.app.engine_version
}
resource "aws_rds_cluster_parameter_group" "pg" {
  family = "aurora-postgresql16"
}
resource "aws_db_instance" "legacy" {
  engine         = "mysql"
  engine_version = "8.0.36"
}
module "db" {
  source         = "terraform-aws-modules/rds/aws"
  engine         = "postgres"
  engine_version = "15.8"
  family         = "postgres15"
}
resource "google_sql_database_instance" "main" {
  database_version = "POSTGRES_16"
}
resource "azurerm_postgresql_flexible_server" "main" {
  version = "16"
}
)";
  CHECK(declared("main.tf", tf) ==
        Set{"3:34 16.6", "11:13 16", "20:21 15.8", "21:21 15", "24:23 16", "27:14 16"});
  // Comments, heredocs and strings that mention versions declare none; nor does a variable.
  const std::string quiet = R"(# engine_version = "16.4"
// engine_version = "16.4"
/* engine = "postgres"
   engine_version = "16.4" */
resource "aws_db_instance" "app" {
  engine         = "postgres"
  engine_version = var.engine_version
  description    = "engine_version = \"16.4\""
  user_data      = <<-EOT
    engine_version = "16.4"
  EOT
}
)";
  CHECK(declared("main.tf", quiet).empty());
  // tfvars: a top-level engine and version.
  CHECK(declared("prod.tfvars", "engine = \"postgres\"\nengine_version = \"16.4\"\n") == Set{"2:19 16.4"});
  // Variables and inputs named for the PostgreSQL version; a version variable of another engine is not.
  const std::string variables = R"(variable "postgres_version" {
  type    = string
  default = "16.4"
}
variable "mysql_version" {
  default = "8.0"
}
variable "engine_version" {
  default = "15.8"
}
)";
  CHECK(declared("variables.tf", variables) == Set{"3:14 16.4"});
  CHECK(declared("prod.tfvars", "pg_version = 16\nredis_version = \"7.2\"\n") == Set{"1:14 16"});
  // *.tf.json is JSON.
  CHECK(declared("main.tf.json",
                 R"({"resource": {"aws_db_instance": {"app": {"engine": "postgres", "engine_version": "16.4"}}}})") ==
        Set{"1:84 16.4"});
}

TEST_CASE("engine versions: CloudFormation YAML and JSON") {
  const std::string yaml = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: '16.4'  # was 15.8
      AllowMajorVersionUpgrade: true
  Reports:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EngineVersion: 8.0.mysql_aurora.3.05.2
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres16
      Parameters:
        EngineVersion: "17.0"
)";
  CHECK(declared("db.yaml", yaml) == Set{"7:23 16.4", "17:15 16"});
  const std::string json = R"({
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBCluster",
      "Properties": {"Engine": "aurora-postgresql", "EngineVersion": "15.8"}
    }
  }
})";
  CHECK(declared("db.template", json) == Set{"5:71 15.8"});
  CHECK(declared("db.json", json) == Set{"5:71 15.8"});
}

TEST_CASE("engine versions: CDK and Pulumi programs") {
  const std::string ts = R"(const db = new rds.DatabaseInstance(this, 'Db', {
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),
});
// rds.PostgresEngineVersion.VER_15_8
const cluster = new rds.DatabaseCluster(this, 'Aurora', {
  engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of('16.6', '16') }),
});
const raw = new rds.CfnDBCluster(this, 'Raw', { engine: 'aurora-postgresql', engineVersion: '15.4' });
)";
  CHECK(declared("stack.ts", ts) == Set{"2:84 16.4", "6:99 16.6", "8:94 15.4"});
  const std::string py = R"(cluster = rds.DatabaseCluster(self, "Db",
    engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_15_4),
)
# rds.PostgresEngineVersion.VER_17_2
db = aws.rds.Instance("db", engine="postgres", engine_version="16.3", instance_class="db.t4g.micro")
legacy = aws.rds.Instance("legacy", engine="mysql", engine_version="8.0")
)";
  CHECK(declared("app.py", py) == Set{"2:94 15.4", "5:64 16.3"});
  const std::string pulumi_ts = R"(const db = new aws.rds.Cluster("db", {
    engine: "aurora-postgresql",
    engineVersion: "15.4",
});
)";
  CHECK(declared("index.ts", pulumi_ts) == Set{"3:21 15.4"});
  const std::string pulumi_yaml = R"(name: app
runtime: yaml
resources:
  db:
    type: aws:rds:Instance
    properties:
      engine: postgres
      engineVersion: "16.4"
)";
  CHECK(declared("Pulumi.yaml", pulumi_yaml) == Set{"8:23 16.4"});
}

TEST_CASE("engine versions: container images in compose files, CI and Dockerfiles") {
  const std::string compose = R"(services:
  db:
    image: postgres:16-alpine
  cache:
    image: redis:7
  gis:
    image: "postgis/postgis:15-3.4"
  notes: |
    image: postgres:17
)";
  CHECK(declared("docker-compose.yml", compose) == Set{"3:12 16", "7:13 15"});
  const std::string workflow = R"(jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:17
        options: --health-cmd pg_isready
    steps:
      - uses: actions/checkout@v4
)";
  CHECK(declared("ci.yml", workflow) == Set{"6:16 17"});
  const std::string gitlab = R"(test:
  services:
    - postgres:16
    - name: postgis/postgis:16-3.4
      alias: db
    - redis:7
)";
  CHECK(declared(".gitlab-ci.yml", gitlab) == Set{"3:7 16", "4:13 16"});
  const std::string helm = R"(image:
  registry: docker.io
  repository: bitnami/postgresql
  tag: 16.2.0-debian-12-r1
metrics:
  image:
    repository: bitnami/postgres-exporter
    tag: 0.15.0
)";
  CHECK(declared("values.yaml", helm) == Set{"4:8 16.2"});
  CHECK(declared("Dockerfile", "# FROM postgres:15\nFROM --platform=linux/amd64 postgres:16.4 AS db\nRUN true\n") ==
        Set{"2:29 16.4"});
  CHECK(declared("db.dockerfile", "FROM node:20\n").empty());
}

TEST_CASE("engine versions: Kubernetes operators") {
  const std::string manifests = R"(apiVersion: postgresql.cnpg.io/v1
kind: Cluster
spec:
  imageName: ghcr.io/cloudnative-pg/postgresql:16.4
---
apiVersion: acid.zalan.do/v1
kind: postgresql
spec:
  postgresql:
    version: "17"
---
apiVersion: postgres-operator.crunchydata.com/v1beta1
kind: PostgresCluster
spec:
  postgresVersion: 16
  instances:
    - name: instance1
      replicas: 2
---
apiVersion: postgresql.cnpg.io/v1
kind: ImageCatalog
spec:
  images:
    - major: 15
      image: ghcr.io/cloudnative-pg/postgresql:15.8
    - major: 16
      image: ghcr.io/cloudnative-pg/postgresql:16.4
)";
  CHECK(declared("postgres.yaml", manifests) ==
        Set{"4:14 16.4", "10:15 17", "15:20 16", "25:14 15.8", "27:14 16.4"});
}

TEST_CASE("engine versions: .tool-versions, mise and Supabase") {
  CHECK(declared(".tool-versions", "nodejs 20.11.0\npostgres 16.2\n# postgres 17.0\n") == Set{"2:10 16.2"});
  CHECK(declared("mise.toml", "[tools]\nnode = \"20\"\npostgres = \"16\"\n") == Set{"3:13 16"});
  CHECK(declared("config.toml", "[api]\nport = 54321\n\n[db]\nport = 54322\nmajor_version = 15\n") ==
        Set{"6:17 15"});
}

TEST_CASE("engine versions: bad input yields nothing, never a crash") {
  const std::vector<std::string> hostile = {
      std::string("\0\xff\xfe{{{[[[(((", 12),
      "resource \"aws_db_instance\" \"x\" {\n engine = \"postgres\n engine_version = \"16",
      "}}}}])]) engine = \"postgres\" engine_version =",
      "a:\n\t- b: c\n  - : :\n- - - \n? x\n: y\n'unterminated: \"16\n",
      "Resources:\n  Db:\n    Properties:\n      Engine: postgres\n      EngineVersion: [\"16.4\"\n",
      "<<EOF\nengine_version = \"16.4\"\n",
      "FROM\nFROM --platform\n",
  };
  for (const auto& text : hostile)
    for (const char* name : {"main.tf", "x.yaml", "x.json", "x.ts", "x.py", "Dockerfile", ".tool-versions", "x.toml"})
      CHECK_NOTHROW(scan_engine_versions(name, text));
  // The unterminated quote above: no version comes out of a broken line.
  CHECK(declared("main.tf", hostile[1]).empty());
  CHECK(declared("db.yaml", hostile[4]).empty());
}

TEST_CASE("engine versions: random and deeply nested input stays linear and never throws") {
  // Pieces of every format's syntax, shuffled by a fixed generator (the same run every time).
  const std::vector<std::string> pieces = {
      "engine", "engine_version", "EngineVersion", " = ", ": ", "\"16.4\"", "'15'", "postgres", "{", "}", "(",
      ")",      "[",              "]",             "\n", "  ",  "- ",       "#",    "//",       "/*", "*/", "<<EOF",
      "EOF",    "image: postgres:16", "|",         "---", "\t", "\"",     "'",    "`",        "\\", ".", "VER_16_4",
      "PostgresEngineVersion", "FROM ", "[db]", "major_version = 1"};
  uint32_t state = 12345;
  const auto next = [&] { return state = state * 1664525u + 1013904223u; };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(next() % 400);
    for (int i = 0; i < length; ++i) text += pieces[next() % pieces.size()];
    for (const char* name : {"main.tf", "x.yaml", "x.json", "x.ts", "x.py", "Dockerfile", ".tool-versions", "x.toml"})
      CHECK_NOTHROW(scan_engine_versions(name, text));
  }
  // 100,000 levels of nesting: labels stop growing, so this is quick and small.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "a(";
  CHECK(scan_engine_versions("x.ts", deep).empty());
  std::string yaml;
  for (int i = 0; i < 3000; ++i) yaml += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(scan_engine_versions("x.yaml", yaml).empty());
}

TEST_CASE("engine versions: which files are infrastructure") {
  for (const char* name : {"main.tf", "prod.tfvars", "terragrunt.hcl", "stack.template.json", "db.yaml",
                           "docker-compose.yml", "stack.ts", "app.py", "Dockerfile", "Dockerfile.db",
                           ".tool-versions", "mise.toml", "template"})
    CHECK_MESSAGE(is_infrastructure_file(name) == (std::string(name) != "template"), name);
  CHECK_FALSE(is_infrastructure_file("001_init.sql"));
  CHECK_FALSE(is_infrastructure_file("README.md"));
}

TEST_CASE("engine versions: YAML anchors, tags and block scalar items") {
  // An anchored scalar is the value where it stands; a key whose value is only an anchor or a tag
  // opens a nested block like `key:`; `!Sub |` and a bare `- |` item open block scalars, whose text
  // declares nothing; a tag's argument is not read.
  const std::string yaml = R"(services:
  db:
    image: &pg postgres:15.4
  copy:
    image: *pg
  ci:
    services: &services
      - postgres:14
spec:
  postgresql: &zalando
    version: "17"
Resources:
  Host:
    Properties:
      UserData: !Base64 |
        #cloud-config
        services:
          db:
            image: postgres:13
  Db:
    Properties:
      Engine: postgres
      EngineVersion: !Ref EngineVersion
args:
  - |
    image: postgres:12
  - &script >-
    image: postgres:11
  - image: postgres:16
"image" : postgres:10
)";
  CHECK(spans("compose.yaml", yaml) == Set{"3:16 15.4 [postgres:15.4]", "8:9 14 [postgres:14]", "11:15 17 [17]",
                                           "29:12 16 [postgres:16]", "30:11 10 [postgres:10]"});
}

TEST_CASE("engine versions: a UTF-8 byte order mark") {
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(spans("Dockerfile", bom + "FROM postgres:16\n") == Set{"1:6 16 [postgres:16]"});  // columns after the mark
  CHECK(spans(".tool-versions", bom + "postgres 16.2\n") == Set{"1:10 16.2 [16.2]"});
  CHECK(spans("mise.toml", bom + "[tools]\npostgres = \"16\"\n") == Set{"2:13 16 [16]"});
  // The revision at the ref comes from git with its mark; the working tree's is a SourceFile's
  // text, the mark blanked: the two are one file and its image one declaration.
  const std::string compose = "services:\n  db:\n    image: postgres:";
  CHECK(changed("compose.yaml", bom + compose + "15\n", "   " + compose + "16\n") == Set{"15 -> 16"});
  CHECK(changed("compose.yaml", bom + compose + "15\n", compose + "16\n") == Set{"15 -> 16"});
}

TEST_CASE("engine versions: resources are told apart by name, not by order") {
  // A database added before another is not the other's upgrade: JSON objects are labelled by
  // their keys, HCL maps by theirs, Pulumi and CDK resources by their names.
  const auto json = [](const std::string& resources) { return "{\"Resources\": {" + resources + "}}"; };
  const auto cfn = [](const std::string& name, const std::string& version) {
    return "\"" + name + "\": {\"Properties\": {\"Engine\": \"postgres\", \"EngineVersion\": \"" + version + "\"}}";
  };
  CHECK(changed("db.json", json(cfn("Db", "15.8")), json(cfn("New", "16.4") + ", " + cfn("Db", "15.8"))).empty());
  CHECK(changed("db.json", json(cfn("Db", "15.8")), json(cfn("New", "16.4") + ", " + cfn("Db", "16.2"))) ==
        Set{"15.8 -> 16.2"});
  CHECK(changed("main.tf",
                "locals {\n  dbs = {\n    app = { engine = \"postgres\", engine_version = \"15.8\" }\n  }\n}\n",
                "locals {\n  dbs = {\n    new = { engine = \"postgres\", engine_version = \"16.4\" }\n"
                "    app = { engine = \"postgres\", engine_version = \"15.8\" }\n  }\n}\n")
            .empty());
  const auto pulumi_ts = [](const std::string& name, const std::string& version) {
    return "new aws.rds.Cluster(\"" + name + "\", { engine: \"aurora-postgresql\", engineVersion: \"" + version +
           "\" });\n";
  };
  CHECK(changed("index.ts", pulumi_ts("db", "15.4"), pulumi_ts("new", "16.4") + pulumi_ts("db", "15.4")).empty());
  CHECK(changed("index.ts", pulumi_ts("db", "15.4"), pulumi_ts("new", "16.4") + pulumi_ts("db", "16.4")) ==
        Set{"15.4 -> 16.4"});
  const auto pulumi_py = [](const std::string& name, const std::string& version) {
    return name + " = aws.rds.Instance(\"" + name + "\", engine=\"postgres\", engine_version=\"" + version + "\")\n";
  };
  CHECK(changed("__main__.py", pulumi_py("db", "15.4"), pulumi_py("new", "16.4") + pulumi_py("db", "15.4")).empty());
  const auto cdk = [](const std::string& id, const std::string& version) {
    return "new rds.DatabaseInstance(this, '" + id +
           "', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion." + version +
           " }) });\n";
  };
  CHECK(changed("stack.ts", cdk("Db", "VER_15_8"), cdk("New", "VER_16_4") + cdk("Db", "VER_15_8")).empty());
  CHECK(changed("stack.ts", cdk("Db", "VER_15_8"), cdk("New", "VER_16_4") + cdk("Db", "VER_16_4")) ==
        Set{"15.8 -> 16.4"});
}

TEST_CASE("engine versions: smaller corners of the formats") {
  // CDK constants with a suffix name their version in their leading numbers: RDS extended support,
  // Aurora Limitless.
  CHECK(spans("stack.ts",
              "const v = rds.PostgresEngineVersion.VER_11_22_RDS_20240418;\n"
              "const w = rds.AuroraPostgresEngineVersion.VER_16_4_LIMITLESS;\n") ==
        Set{"1:37 11.22 [VER_11_22_RDS_20240418]", "2:43 16.4 [VER_16_4_LIMITLESS]"});
  // A tab after FROM.
  CHECK(spans("Dockerfile", "FROM\tpostgres:16 AS db\nFROM\n") == Set{"1:6 16 [postgres:16]"});
  // JSONC (devcontainer.json): a commented-out line declares nothing; `//` in a string is no comment.
  CHECK(spans("db.json",
              "{\n  // \"Engine\": \"postgres\", \"EngineVersion\": \"15.8\",\n"
              "  \"Url\": \"https://example.com\", \"Engine\": \"postgres\", \"EngineVersion\": \"16.4\"\n}\n") ==
        Set{"3:73 16.4 [16.4]"});
  // mise: the first of several versions is the one used; a table header with spaces.
  CHECK(spans("mise.toml", "[tools]\npostgres = [\"16\", \"15\"]\n[ tools ]\npostgresql = [ 15.4 ]\n") ==
        Set{"2:14 16 [16]", "4:16 15.4 [15.4]"});
  // mise's inline table and table forms; a `version` of another tool is not PostgreSQL's.
  CHECK(spans("mise.toml",
              "[tools]\npostgres = { version = \"16.2\", os = [\"linux\"] }\n"
              "node = { version = \"20\" }\n[tools.postgresql]\nversion = 15\n[tools.node]\nversion = \"18\"\n") ==
        Set{"2:25 16.2 [16.2]", "5:11 15 [15]"});
  CHECK(spans("mise.toml", "[tools]\npostgres = { os = [\"linux\"] }\npostgresql = {version=\"14\"}\n") ==
        Set{"3:24 14 [14]"});
  CHECK(
      spans("mise.toml", "[tools]\npostgres = { postinstall = \"echo version = 3\", x = { version = 4 } }\n").empty());
}

TEST_CASE("engine versions: two revisions compared") {
  const auto tf = [](const std::string& engine, const std::string& version) {
    return "resource \"aws_db_instance\" \"app\" {\n  engine = \"" + engine + "\"\n  engine_version = \"" + version +
           "\"\n  instance_class = \"db.r6g.large\"\n}\n";
  };
  const auto changes = [&](const std::string& before, const std::string& after) {
    return engine_version_changes(scan_engine_versions("main.tf", before), scan_engine_versions("main.tf", after));
  };
  auto found = changes(tf("postgres", "15.8"), tf("postgres", "16.4"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].major());
  CHECK(found[0].before->str() == "15.8");
  CHECK(found[0].after.version.str() == "16.4");
  found = changes(tf("postgres", "16.3"), tf("postgres", "16.4"));
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].major());
  CHECK(changes(tf("postgres", "16.4"), tf("postgres", "16.4")).empty());
  CHECK(changes(tf("mysql", "5.7"), tf("mysql", "8.0")).empty());
  // Another resource with the new version is a database added, not one upgraded.
  CHECK(changes("", tf("postgres", "16.4")).empty());
  // An image's OS variant is not its version.
  const auto compose = [](const std::string& tag) { return "services:\n  db:\n    image: postgres:" + tag + "\n"; };
  CHECK(engine_version_changes(scan_engine_versions("compose.yaml", compose("16-bullseye")),
                               scan_engine_versions("compose.yaml", compose("16-bookworm")))
            .empty());
  CHECK(engine_version_changes(scan_engine_versions("compose.yaml", compose("15")),
                               scan_engine_versions("compose.yaml", compose("16")))
            .size() == 1);
}

namespace {

struct Finding {
  std::string file, rule, severity, message;
  int line = 0, column = 0;
};

struct Report {
  int exit_code = -1;
  std::string messages;
  std::vector<Finding> findings;
  std::set<std::string> kinds;  // "path kind" of every file listed
};

Report lint_json(const Sandbox& sandbox, const fs::path& cwd, const std::vector<std::string>& args) {
  // Only this rule: the migrations' own findings (a missing lock_timeout) are not the point here.
  std::vector<std::string> argv{ZDLINT_BINARY, "--select", "bundled-engine-upgrade", "--format", "json",
                                "--output",    "report.json"};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto run = sandbox.run(cwd, argv);
  Report report{run.exit_code, run.text, {}, {}};
  if (!fs::exists(cwd / "report.json")) return report;
  const auto json = nlohmann::json::parse(read_file(cwd / "report.json"));
  fs::remove(cwd / "report.json");
  for (const auto& file : json["files"])
    report.kinds.insert(file["path"].get<std::string>() + " " + file["kind"].get<std::string>());
  for (const auto& d : json["diagnostics"])
    report.findings.push_back({d["file"], d["rule"], d["severity"], d["message"], d["line"], d["column"]});
  return report;
}

const std::string kMigration = "ALTER TABLE accounts ADD COLUMN nickname text;\n";

std::string terraform(const std::string& version, const std::string& instance_class = "db.r6g.large") {
  return "resource \"aws_db_instance\" \"app\" {\n"
         "  engine         = \"postgres\"\n"
         "  engine_version = \"" +
         version +
         "\"\n"
         "  instance_class = \"" +
         instance_class + "\"\n}\n";
}

}  // namespace

TEST_CASE("bundled-engine-upgrade: infrastructure files named on the command line") {
  Sandbox sandbox;
  const fs::path dir = sandbox.dir() / "project";
  write_file(dir / "db/001_add_nickname.sql", kMigration);
  write_file(dir / "infra/main.tf", terraform("16.4"));

  // Named with the migrations: their version is reported (as a warning: the old one is unknown).
  Report report = lint_json(sandbox, dir, {"db", "infra/main.tf"});
  CHECK(report.exit_code == 1);
  REQUIRE(report.findings.size() == 1);
  const Finding& f = report.findings[0];
  CHECK(f.file == "infra/main.tf");
  CHECK(f.rule == "bundled-engine-upgrade");
  CHECK(f.severity == "warning");
  CHECK(f.line == 3);
  CHECK(f.column == 21);
  CHECK(f.message.find("PostgreSQL 16.4 (engine_version)") != std::string::npos);
  CHECK(f.message.find("db/001_add_nickname.sql") != std::string::npos);
  CHECK(report.kinds == std::set<std::string>{"db/001_add_nickname.sql migration", "infra/main.tf infrastructure"});
  CHECK(report.exit_code == 1);
  // --fail-on error: a warning passes.
  CHECK(lint_json(sandbox, dir, {"--fail-on", "error", "db", "infra/main.tf"}).exit_code == 0);
  // Not selected, or ignored: silent.
  CHECK(lint_json(sandbox, dir, {"--ignore", "bundled-engine-upgrade", "db", "infra/main.tf"}).findings.empty());

  // The text output points into the Terraform file and shows the line.
  const auto text = sandbox.run(dir, {ZDLINT_BINARY, "--select", "bundled-engine-upgrade", "db", "infra/main.tf"});
  CHECK(text.exit_code == 1);
  CHECK(text.text.find("infra/main.tf:3:21: warning[bundled-engine-upgrade]") != std::string::npos);
  CHECK(text.text.find("engine_version = \"16.4\"") != std::string::npos);
  CHECK(text.text.find("Checked 1 file,") != std::string::npos);

  // A directory is searched for migrations only: the Terraform in it is not the change set's.
  report = lint_json(sandbox, sandbox.dir(), {"project"});
  CHECK(report.findings.empty());
  CHECK(report.exit_code == 0);

  // No migration named: nothing is bundled (and there is nothing to lint).
  report = lint_json(sandbox, dir, {"infra/main.tf"});
  CHECK(report.findings.empty());
  CHECK(report.exit_code == 2);
  CHECK(report.messages.find("no SQL files to lint") != std::string::npos);

  // A mysql engine, and a file that only mentions versions in comments: silent.
  write_file(dir / "infra/mysql.tf", "resource \"aws_db_instance\" \"m\" {\n  engine = \"mysql\"\n"
                                     "  engine_version = \"8.0.36\"\n}\n");
  write_file(dir / "docker-compose.yml", "services:\n  db:\n    image: postgres # :16 soon\n");
  report = lint_json(sandbox, dir, {"db", "infra/mysql.tf", "docker-compose.yml"});
  CHECK(report.findings.empty());
  CHECK(report.exit_code == 0);

  // A named file that cannot be read is an input error naming it.
  write_file(dir / "infra/binary.tf", std::string("engine\0version", 14));
  report = lint_json(sandbox, dir, {"db", "infra/binary.tf"});
  CHECK(report.exit_code == 2);
  CHECK(report.messages.find("infra/binary.tf") != std::string::npos);
}

TEST_CASE("bundled-engine-upgrade: --changed-since compares the engine version with the ref") {
  Sandbox sandbox;
  const fs::path repo = sandbox.repository(
      "repo", {{"db/001_create_accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n"},
               {"infra/main.tf", terraform("15.8")},
               {"infra/mysql.tf", "resource \"aws_db_instance\" \"m\" {\n  engine = \"mysql\"\n"
                                  "  engine_version = \"5.7\"\n}\n"},
               {"docker-compose.yml", "services:\n  db:\n    # postgres:15 until the upgrade\n    image: postgres:15\n"}});
  sandbox.git(repo, {"tag", "base"});
  const auto commit_all = [&](const std::string& message) {
    sandbox.git(repo, {"add", "-A"});
    sandbox.git(repo, {"commit", "-q", "-m", message});
  };

  // A migration with a change of the Terraform file that leaves the version alone: silent.
  write_file(repo / "db/002_add_nickname.sql", kMigration);
  write_file(repo / "infra/main.tf", terraform("15.8", "db.r6g.xlarge"));
  Report report = lint_json(sandbox, repo, {"--changed-since", "base", "db"});
  CHECK(report.findings.empty());
  CHECK(report.exit_code == 0);

  // The major version changes in the same change set: an error on the Terraform line, which is
  // found although only db/ was given.
  write_file(repo / "infra/main.tf", terraform("16.4", "db.r6g.xlarge"));
  report = lint_json(sandbox, repo, {"--changed-since", "base", "db"});
  CHECK(report.exit_code == 1);
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].file == "infra/main.tf");
  CHECK(report.findings[0].severity == "error");
  CHECK(report.findings[0].line == 3);
  CHECK(report.findings[0].column == 21);
  CHECK(report.findings[0].message.find("upgrades the major version of PostgreSQL from 15.8 to 16.4 (engine_version)") !=
        std::string::npos);
  CHECK(report.findings[0].message.find("migration db/002_add_nickname.sql") != std::string::npos);
  // Committed since the ref: still the change set's.
  commit_all("upgrade and migrate");
  report = lint_json(sandbox, repo, {"--changed-since", "base", "db"});
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].file == "infra/main.tf");
  // Since HEAD nothing changed.
  report = lint_json(sandbox, repo, {"--changed-since", "HEAD", "db"});
  CHECK(report.findings.empty());
  sandbox.git(repo, {"tag", "upgraded"});

  // The version alone changes (compose image and Terraform), with no migration: the safe way.
  write_file(repo / "infra/main.tf", terraform("16.6", "db.r6g.xlarge"));
  write_file(repo / "docker-compose.yml", "services:\n  db:\n    # postgres:15 until the upgrade\n    image: postgres:16\n");
  report = lint_json(sandbox, repo, {"--changed-since", "upgraded", "db"});
  CHECK(report.findings.empty());
  CHECK(report.exit_code == 0);
  // With a migration: the minor change is a warning, the image's major change an error.
  write_file(repo / "db/003_add_locale.sql", "ALTER TABLE accounts ADD COLUMN locale text;\n");
  report = lint_json(sandbox, repo, {"--changed-since", "upgraded", "db"});
  CHECK(report.exit_code == 1);
  std::set<std::string> seen;
  for (const auto& f : report.findings)
    seen.insert(f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + " " + f.severity);
  CHECK(seen == std::set<std::string>{"docker-compose.yml:4:12 error", "infra/main.tf:3:21 warning"});
  for (const auto& f : report.findings)
    if (f.file == "infra/main.tf")
      CHECK(f.message.find("upgrades the minor version of PostgreSQL from 16.4 to 16.6") != std::string::npos);
  commit_all("minor upgrade");
  sandbox.git(repo, {"tag", "minor"});

  // A mysql upgrade and a comment that mentions a version, with a migration: silent.
  write_file(repo / "infra/mysql.tf",
             "resource \"aws_db_instance\" \"m\" {\n  engine = \"mysql\"\n  engine_version = \"8.0.36\"\n}\n");
  write_file(repo / "docker-compose.yml", "services:\n  db:\n    # postgres:17 next\n    image: postgres:16\n");
  write_file(repo / "db/004_add_bio.sql", "ALTER TABLE accounts ADD COLUMN bio text;\n");
  report = lint_json(sandbox, repo, {"--changed-since", "minor", "db"});
  CHECK(report.findings.empty());
  CHECK(report.exit_code == 0);

  // A new infrastructure file is a database added, not an upgrade.
  write_file(repo / "infra/analytics.tf", terraform("17.2"));
  report = lint_json(sandbox, repo, {"--changed-since", "minor", "db"});
  CHECK(report.findings.empty());

  // Going back a major version with a migration is as bundled as going forward.
  write_file(repo / "docker-compose.yml", "services:\n  db:\n    image: postgres:15\n");
  report = lint_json(sandbox, repo, {"--changed-since", "minor", "db"});
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].severity == "error");
  CHECK(report.findings[0].line == 3);
  CHECK(report.findings[0].message.find("downgrades the major version of PostgreSQL from 16 to 15 (image postgres:15)") !=
        std::string::npos);
}

TEST_CASE("bundled-engine-upgrade: SARIF and baselines locate the finding in the infrastructure file") {
  Sandbox sandbox;
  const fs::path dir = sandbox.dir() / "project";
  write_file(dir / "db/001_add_nickname.sql", kMigration);
  write_file(dir / "main.tf", terraform("16.4"));
  const std::string select = "--select=bundled-engine-upgrade";
  auto run = sandbox.run(dir, {ZDLINT_BINARY, select, "--format", "sarif", "--output", "out.sarif", "db", "main.tf"});
  CHECK(run.exit_code == 1);
  const auto sarif = nlohmann::json::parse(read_file(dir / "out.sarif"));
  const auto& results = sarif["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["ruleId"] == "bundled-engine-upgrade");
  const auto& location = results[0]["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "main.tf");
  CHECK(location["region"]["startLine"] == 3);
  CHECK(location["region"]["startColumn"] == 21);
  CHECK_FALSE(results[0]["partialFingerprints"].empty());

  run = sandbox.run(dir, {ZDLINT_BINARY, select, "--write-baseline", "baseline.json", "db", "main.tf"});
  CHECK(run.exit_code == 0);
  CHECK(read_file(dir / "baseline.json").find("\"main.tf\"") != std::string::npos);
  run = sandbox.run(dir, {ZDLINT_BINARY, select, "--baseline", "baseline.json", "db", "main.tf"});
  CHECK(run.exit_code == 0);
  // Another version is another finding.
  write_file(dir / "main.tf", terraform("17.2"));
  run = sandbox.run(dir, {ZDLINT_BINARY, select, "--baseline", "baseline.json", "db", "main.tf"});
  CHECK(run.exit_code == 1);
}
