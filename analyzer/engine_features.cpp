#include "analyzer/engine_features.h"

#include <algorithm>
#include <array>

#include "analyzer/names.h"
#include "parser/node_walk.h"

namespace zdlint {
namespace {

struct FunctionSince {
  std::string_view name;
  int since;
  std::string_view alternative = {};
};

// engine_upgrade.md §1.2. range_agg() is left out: its range form is 14, its multirange form 15,
// and the parse tree cannot tell them apart; reverse(bytea) (18) likewise.
constexpr std::array<FunctionSince, 44> kFunctions{{
    {"jsonb_path_exists", 12},
    {"jsonb_path_match", 12},
    {"jsonb_path_query", 12},
    {"jsonb_path_query_array", 12},
    {"jsonb_path_query_first", 12},
    {"gen_random_uuid", 13,
     "CREATE EXTENSION pgcrypto provides gen_random_uuid() on older servers (or uuid-ossp's uuid_generate_v4())"},
    {"jsonb_set_lax", 13},
    {"normalize", 13},
    {"gcd", 13},
    {"lcm", 13},
    {"min_scale", 13},
    {"date_bin", 14},
    {"string_to_table", 14},
    {"trim_array", 14},
    {"bit_count", 14},
    {"regexp_count", 15},
    {"regexp_instr", 15},
    {"regexp_like", 15, "the ~ operator"},
    {"regexp_substr", 15},
    {"any_value", 16},
    {"array_sample", 16},
    {"array_shuffle", 16},
    {"random_normal", 16},
    {"erf", 16},
    {"erfc", 16},
    {"date_add", 16, "timestamptz + interval"},
    {"date_subtract", 16, "timestamptz - interval"},
    {"pg_input_is_valid", 16},
    {"pg_input_error_info", 16},
    {"uuid_extract_timestamp", 17},
    {"uuid_extract_version", 17},
    {"to_bin", 17},
    {"to_oct", 17},
    {"merge_action", 17},
    {"uuidv7", 18},
    {"uuidv4", 18, "gen_random_uuid() (13 and later)"},
    {"casefold", 18},
    {"array_sort", 18},
    {"array_reverse", 18},
    {"crc32", 18},
    {"crc32c", 18},
    {"pg_restore_relation_stats", 18},
    {"pg_restore_attribute_stats", 18},
    {"random", 17},  // only the two-argument random(min, max); see function_call()
}};

constexpr std::array<std::string_view, 7> kMultirangeTypes{
    "int4multirange", "int8multirange", "nummultirange", "tsmultirange",
    "tstzmultirange", "datemultirange", "anymultirange"};

class Finder {
 public:
  Finder(const Statement& stmt, const Catalog& catalog) : stmt_(stmt), catalog_(catalog) {}

  std::vector<VersionedFeature> run() {
    walk_nodes(stmt_.node, [&](const PgQuery__Node& node) { visit(node); });
    return std::move(found_);
  }

 private:
  void add(std::string what, int since, std::optional<uint32_t> offset, std::string_view alternative = {},
           FeatureKind kind = FeatureKind::Syntax) {
    const bool seen = std::any_of(found_.begin(), found_.end(), [&](const VersionedFeature& f) {
      return f.what == what && f.offset == offset;
    });
    if (!seen) found_.push_back({kind, std::move(what), since, offset, alternative});
  }
  std::optional<uint32_t> at(int32_t location) const {
    if (location < 0) return std::nullopt;
    return stmt_.file_offset(location);
  }
  // The first token of `kind` in the statement, for clauses the tree gives no location.
  std::optional<uint32_t> token(int32_t kind) const {
    for (const auto& t : stmt_.tokens)
      if (!t.is_comment() && t.kind == kind) return t.begin;
    return std::nullopt;
  }
  static bool has_option(PgQuery__Node* const* options, size_t n, std::string_view name) {
    for (size_t i = 0; i < n; ++i)
      if (options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && options[i]->def_elem->defname &&
          name == options[i]->def_elem->defname)
        return true;
    return false;
  }

  void visit(const PgQuery__Node& node) {
    switch (node.node_case) {
      case PG_QUERY__NODE__NODE_MERGE_STMT:
        add("MERGE", 15, std::nullopt, "INSERT ... ON CONFLICT, or separate UPDATE and INSERT statements");
        break;
      case PG_QUERY__NODE__NODE_INDEX_STMT: index(*node.index_stmt); break;
      case PG_QUERY__NODE__NODE_CONSTRAINT: constraint(*node.constraint); break;
      case PG_QUERY__NODE__NODE_COLUMN_DEF: column(*node.column_def); break;
      case PG_QUERY__NODE__NODE_TYPE_CAST: type(node.type_cast->type_name); break;
      case PG_QUERY__NODE__NODE_ALTER_TABLE_CMD: alter_table(*node.alter_table_cmd); break;
      case PG_QUERY__NODE__NODE_REINDEX_STMT:
        if (has_option(node.reindex_stmt->params, node.reindex_stmt->n_params, "concurrently"))
          add("REINDEX ... CONCURRENTLY", 12, token(PG_QUERY__TOKEN__CONCURRENTLY),
              "CREATE INDEX CONCURRENTLY a new index, DROP INDEX CONCURRENTLY the old one, then rename");
        break;
      case PG_QUERY__NODE__NODE_CREATE_STMT: create_table(*node.create_stmt); break;
      case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: create_function(*node.create_function_stmt); break;
      case PG_QUERY__NODE__NODE_CALL_STMT: add("CALL", 11, std::nullopt, "a function called with SELECT"); break;
      case PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR: cte(*node.common_table_expr); break;
      case PG_QUERY__NODE__NODE_SELECT_STMT:
        if (node.select_stmt->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES)
          add("FETCH FIRST ... WITH TIES", 13, token(PG_QUERY__TOKEN__TIES));
        break;
      case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
        if (node.create_trig_stmt->replace)
          add("CREATE OR REPLACE TRIGGER", 14, token(PG_QUERY__TOKEN__REPLACE),
              "DROP TRIGGER IF EXISTS, then CREATE TRIGGER, in one transaction");
        if (node.create_trig_stmt->n_transition_rels)
          add("trigger transition tables (REFERENCING NEW/OLD TABLE)", 10, token(PG_QUERY__TOKEN__REFERENCING));
        break;
      case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: {
        const auto& seq = *node.create_seq_stmt;
        if (seq.sequence && seq.sequence->relpersistence && std::string_view(seq.sequence->relpersistence) == "u")
          add("UNLOGGED sequences", 15, token(PG_QUERY__TOKEN__UNLOGGED));
        if (has_option(seq.options, seq.n_options, "as")) add("CREATE SEQUENCE ... AS type", 10, std::nullopt);
        break;
      }
      case PG_QUERY__NODE__NODE_VIEW_STMT:
        if (has_option(node.view_stmt->options, node.view_stmt->n_options, "security_invoker"))
          add("the security_invoker view option", 15, std::nullopt);
        break;
      case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
        if (node.transaction_stmt->chain) add("COMMIT/ROLLBACK AND CHAIN", 12, token(PG_QUERY__TOKEN__CHAIN));
        break;
      case PG_QUERY__NODE__NODE_COPY_STMT:
        if (node.copy_stmt->where_clause) add("COPY FROM ... WHERE", 12, token(PG_QUERY__TOKEN__WHERE));
        break;
      case PG_QUERY__NODE__NODE_DEFINE_STMT:
        if (node.define_stmt->replace && node.define_stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE)
          add("CREATE OR REPLACE AGGREGATE", 12, token(PG_QUERY__TOKEN__REPLACE));
        break;
      case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
        if (!node.create_policy_stmt->permissive) add("restrictive row-level security policies (AS RESTRICTIVE)", 10, std::nullopt);
        break;
      case PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT: add("CREATE PUBLICATION", 10, std::nullopt); break;
      case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT: add("CREATE SUBSCRIPTION", 10, std::nullopt); break;
      case PG_QUERY__NODE__NODE_PUBLICATION_OBJ_SPEC: publication_object(*node.publication_obj_spec); break;
      case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
        if (node.alter_enum_stmt->old_val) add("ALTER TYPE ... RENAME VALUE", 10, std::nullopt);
        break;
      case PG_QUERY__NODE__NODE_RENAME_STMT:
        if (node.rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN &&
            node.rename_stmt->relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW)
          add("ALTER VIEW ... RENAME COLUMN", 13, std::nullopt, "CREATE OR REPLACE VIEW with the new column alias");
        break;
      case PG_QUERY__NODE__NODE_VACUUM_STMT:
        if (has_option(node.vacuum_stmt->options, node.vacuum_stmt->n_options, "parallel"))
          add("VACUUM (PARALLEL n)", 13, token(PG_QUERY__TOKEN__PARALLEL));
        break;
      case PG_QUERY__NODE__NODE_DROPDB_STMT:
        if (has_option(node.dropdb_stmt->options, node.dropdb_stmt->n_options, "force"))
          add("DROP DATABASE ... WITH (FORCE)", 13, token(PG_QUERY__TOKEN__FORCE));
        break;
      case PG_QUERY__NODE__NODE_FUNC_CALL: function_call(*node.func_call); break;
      default: break;
    }
  }

  void index(const PgQuery__IndexStmt& index) {
    if (index.nulls_not_distinct)
      add("UNIQUE NULLS NOT DISTINCT", 15, token(PG_QUERY__TOKEN__NULLS_P),
          "a unique index on COALESCE(column, sentinel), or a partial unique index WHERE column IS NULL");
    if (index.n_index_including_params) add("covering indexes (INCLUDE)", 11, token(PG_QUERY__TOKEN__INCLUDE));
  }

  void constraint(const PgQuery__Constraint& c) {
    if (c.nulls_not_distinct)
      add("UNIQUE NULLS NOT DISTINCT", 15, at(c.location),
          "a unique index on COALESCE(column, sentinel), or a partial unique index WHERE column IS NULL");
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED)
      add("stored generated columns (GENERATED ALWAYS AS (...) STORED)", 12, at(c.location),
          "a plain column filled by a trigger");
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY)
      add("identity columns (GENERATED ... AS IDENTITY)", 10, at(c.location), "serial or bigserial");
    if (c.n_fk_del_set_cols) add("ON DELETE SET NULL/SET DEFAULT with a column list", 15, at(c.location));
    if (c.n_including) add("covering indexes (INCLUDE)", 11, at(c.location));
  }

  void column(const PgQuery__ColumnDef& column) {
    if (column.compression && *column.compression)
      add("the COMPRESSION column option", 14, at(column.location), "the server's default compression (pglz)");
    type(column.type_name);
  }

  void type(const PgQuery__TypeName* type) {
    if (!type || !type->n_names) return;
    const std::string_view name = string_value(type->names[type->n_names - 1]);
    if (std::find(kMultirangeTypes.begin(), kMultirangeTypes.end(), name) != kMultirangeTypes.end())
      add(std::string("the multirange type ") + std::string(name), 14, at(type->location), {}, FeatureKind::Type);
    if (name == "jsonpath") add("the jsonpath type", 12, at(type->location), {}, FeatureKind::Type);
    if (name == "xid8") add("the xid8 type", 13, at(type->location), {}, FeatureKind::Type);
  }

  void alter_table(const PgQuery__AlterTableCmd& cmd) {
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
        add("ALTER TABLE ... SET ACCESS METHOD", 15, token(PG_QUERY__TOKEN__ACCESS));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression:
        add("ALTER COLUMN ... SET COMPRESSION", 14, token(PG_QUERY__TOKEN__COMPRESSION));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
        add("ALTER COLUMN ... DROP EXPRESSION", 13, token(PG_QUERY__TOKEN__EXPRESSION));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
        add("DETACH PARTITION ... FINALIZE", 14, token(PG_QUERY__TOKEN__FINALIZE));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD && cmd.def->partition_cmd->concurrent)
          add("DETACH PARTITION ... CONCURRENTLY", 14, token(PG_QUERY__TOKEN__CONCURRENTLY),
              "DETACH PARTITION without CONCURRENTLY, which locks the partitioned table AccessExclusive");
        break;
      default: break;
    }
  }

  void create_table(const PgQuery__CreateStmt& create) {
    if (create.partspec) {
      const std::string_view strategy = create.partspec->strategy ? create.partspec->strategy : "";
      if (strategy == "hash") add("hash partitioning (PARTITION BY HASH)", 11, at(create.partspec->location));
      else add("declarative partitioning (PARTITION BY)", 10, at(create.partspec->location), "table inheritance");
    }
    if (create.partbound) {
      const auto& bound = *create.partbound;
      const std::string_view strategy = bound.strategy ? bound.strategy : "";
      if (bound.is_default) add("DEFAULT partitions", 11, at(bound.location));
      else if (strategy == "h") add("hash partitions (FOR VALUES WITH (MODULUS ...))", 11, at(bound.location));
      else add("declarative partitioning (PARTITION OF)", 10, token(PG_QUERY__TOKEN__PARTITION));
    }
  }

  void create_function(const PgQuery__CreateFunctionStmt& function) {
    if (function.is_procedure) {
      add("CREATE PROCEDURE", 11, token(PG_QUERY__TOKEN__PROCEDURE), "a function");
      for (size_t i = 0; i < function.n_parameters; ++i) {
        const auto* p = function.parameters[i];
        if (p->node_case == PG_QUERY__NODE__NODE_FUNCTION_PARAMETER &&
            (p->function_parameter->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT))
          add("OUT parameters of procedures", 14, std::nullopt);
      }
    }
    if (function.sql_body)
      add("SQL-standard function bodies (BEGIN ATOMIC ... END, RETURN)", 14, std::nullopt,
          "a body in a string: AS $$ ... $$ LANGUAGE sql");
  }

  void cte(const PgQuery__CommonTableExpr& cte) {
    if (cte.ctematerialized == PG_QUERY__CTEMATERIALIZE__CTEMaterializeAlways ||
        cte.ctematerialized == PG_QUERY__CTEMATERIALIZE__CTEMaterializeNever)
      add("WITH ... AS [NOT] MATERIALIZED", 12, at(cte.location));
    if (cte.search_clause) add("the SEARCH clause of recursive queries", 14, at(cte.location));
    if (cte.cycle_clause) add("the CYCLE clause of recursive queries", 14, at(cte.location));
  }

  void publication_object(const PgQuery__PublicationObjSpec& spec) {
    if (spec.pubobjtype == PG_QUERY__PUBLICATION_OBJ_SPEC_TYPE__PUBLICATIONOBJ_TABLES_IN_SCHEMA ||
        spec.pubobjtype == PG_QUERY__PUBLICATION_OBJ_SPEC_TYPE__PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA)
      add("publications FOR TABLES IN SCHEMA", 15, at(spec.location));
    if (spec.pubtable && spec.pubtable->where_clause) add("publication row filters (WHERE)", 15, at(spec.location));
    if (spec.pubtable && spec.pubtable->n_columns) add("publication column lists", 15, at(spec.location));
  }

  void function_call(const PgQuery__FuncCall& call) {
    if (!call.n_funcname) return;
    const std::string_view name = string_value(call.funcname[call.n_funcname - 1]);
    if (call.n_funcname > 1 && string_value(call.funcname[0]) != "pg_catalog") return;  // not a built-in
    const auto known = std::find_if(kFunctions.begin(), kFunctions.end(), [&](const FunctionSince& f) { return f.name == name; });
    if (known == kFunctions.end()) return;
    if (name == "random" && call.n_args != 2) return;
    if (catalog_.function_volatility({"public", std::string(name)})) return;  // the history created its own
    if (name == "gen_random_uuid" && catalog_.has_extension("pgcrypto")) return;
    add(name == "random" ? std::string("random(min, max)") : std::string(name) + "()", known->since, at(call.location),
        known->alternative, FeatureKind::Function);
  }

  const Statement& stmt_;
  const Catalog& catalog_;
  std::vector<VersionedFeature> found_;
};

}  // namespace

std::vector<VersionedFeature> versioned_features(const Statement& stmt, const Catalog& catalog) {
  if (!stmt.node) return {};
  return Finder(stmt, catalog).run();
}

}  // namespace zdlint
