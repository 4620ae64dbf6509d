#include "analyzer/data_change.h"

#include <fmt/format.h>
#include <algorithm>

#include "parser/node_walk.h"

namespace zdlint {
namespace {

// The last name of every column an expression mentions; `star` is set by `*` and `t.*`.
void columns_read(const PgQuery__Node* expr, std::vector<std::string>& columns, bool* star) {
  walk_nodes(expr, [&](const PgQuery__Node& node) {
    if (node.node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
    const auto& ref = *node.column_ref;
    if (ref.n_fields == 0) return;
    const PgQuery__Node* last = ref.fields[ref.n_fields - 1];
    if (last->node_case == PG_QUERY__NODE__NODE_A_STAR) {
      if (star) *star = true;
      return;
    }
    std::string name(string_value(last));
    if (!name.empty() && std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
  });
}

// "a.b" of a column reference, for comparing `x = x`.
std::string column_text(const PgQuery__ColumnRef& ref) {
  std::string text;
  for (size_t i = 0; i < ref.n_fields; ++i) {
    if (i) text += '.';
    text += string_value(ref.fields[i]);
  }
  return text;
}

// A constant as text, for comparing `1 = 1`; empty when it is not a plain constant.
std::string constant_text(const PgQuery__Node* node) {
  if (!node || node->node_case != PG_QUERY__NODE__NODE_A_CONST) return {};
  const auto& c = *node->a_const;
  if (c.isnull) return {};
  switch (c.val_case) {
    case PG_QUERY__A__CONST__VAL_IVAL: return fmt::format("i{}", c.ival->ival);
    case PG_QUERY__A__CONST__VAL_FVAL: return std::string("f") + (c.fval->fval ? c.fval->fval : "");
    case PG_QUERY__A__CONST__VAL_BOOLVAL: return c.boolval->boolval ? "btrue" : "bfalse";
    case PG_QUERY__A__CONST__VAL_SVAL: return std::string("s") + (c.sval->sval ? c.sval->sval : "");
    default: return {};
  }
}

bool is_bool_constant(const PgQuery__Node* node, bool value) {
  if (node && node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) node = node->type_cast->arg;
  const std::string text = constant_text(node);
  if (text == (value ? "btrue" : "bfalse")) return true;
  // 'true'::boolean, 't'::bool
  if (text.starts_with("s")) {
    const std::string s = text.substr(1);
    return value ? (s == "t" || s == "true") : (s == "f" || s == "false");
  }
  return false;
}

const PgQuery__ColumnRef* column_ref(const PgQuery__Node* node) {
  return node && node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF ? node->column_ref : nullptr;
}

bool always_true(const PgQuery__Node* expr);

// x IS NULL OR x IS NOT NULL among the arms of an OR.
bool complementary_null_tests(const PgQuery__BoolExpr& expr) {
  for (size_t i = 0; i < expr.n_args; ++i)
    for (size_t j = 0; j < expr.n_args; ++j) {
      const PgQuery__Node* a = expr.args[i];
      const PgQuery__Node* b = expr.args[j];
      if (a->node_case != PG_QUERY__NODE__NODE_NULL_TEST || b->node_case != PG_QUERY__NODE__NODE_NULL_TEST) continue;
      if (a->null_test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NULL ||
          b->null_test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL)
        continue;
      const auto* left = column_ref(a->null_test->arg);
      const auto* right = column_ref(b->null_test->arg);
      if (left && right && column_text(*left) == column_text(*right)) return true;
    }
  return false;
}

bool always_true(const PgQuery__Node* expr) {
  if (!expr) return true;
  switch (expr->node_case) {
    case PG_QUERY__NODE__NODE_A_CONST:
    case PG_QUERY__NODE__NODE_TYPE_CAST: return is_bool_constant(expr, true);
    case PG_QUERY__NODE__NODE_A_EXPR: {
      const auto& e = *expr->a_expr;
      if (e.kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || e.n_name != 1) return false;
      const std::string_view op = string_value(e.name[0]);
      if (op != "=" && op != ">=" && op != "<=") return false;
      const auto* left = column_ref(e.lexpr);
      const auto* right = column_ref(e.rexpr);
      if (left && right) return column_text(*left) == column_text(*right);  // NULLs aside, every row
      const std::string l = constant_text(e.lexpr);
      return !l.empty() && l == constant_text(e.rexpr);
    }
    case PG_QUERY__NODE__NODE_BOOL_EXPR: {
      const auto& b = *expr->bool_expr;
      switch (b.boolop) {
        case PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR:
          return complementary_null_tests(b) ||
                 std::any_of(b.args, b.args + b.n_args, [](const PgQuery__Node* arm) { return always_true(arm); });
        case PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR:
          return std::all_of(b.args, b.args + b.n_args, [](const PgQuery__Node* arm) { return always_true(arm); });
        case PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR: return b.n_args == 1 && is_bool_constant(b.args[0], false);
        default: return false;
      }
    }
    default: return false;
  }
}

}  // namespace

bool bounds_rows(const PgQuery__Node* where) { return where && !always_true(where); }

std::optional<DataChange> data_change_of(const Statement& stmt) {
  if (!stmt.node) return std::nullopt;
  DataChange change;
  switch (stmt.node->node_case) {
    case PG_QUERY__NODE__NODE_UPDATE_STMT: {
      const auto& update = *stmt.node->update_stmt;
      if (!update.relation) return std::nullopt;
      change.kind = DataChangeKind::Update;
      change.target = qualified_name(update.relation);
      change.where = update.where_clause;
      for (size_t i = 0; i < update.n_target_list; ++i) {
        const PgQuery__Node* item = update.target_list[i];
        if (item->node_case != PG_QUERY__NODE__NODE_RES_TARGET || !item->res_target->name) continue;
        ColumnAssignment assignment{item->res_target->name, {}};
        columns_read(item->res_target->val, assignment.reads, nullptr);
        change.assignments.push_back(std::move(assignment));
      }
      return change;
    }
    case PG_QUERY__NODE__NODE_DELETE_STMT: {
      const auto& del = *stmt.node->delete_stmt;
      if (!del.relation) return std::nullopt;
      change.kind = DataChangeKind::Delete;
      change.target = qualified_name(del.relation);
      change.where = del.where_clause;
      return change;
    }
    case PG_QUERY__NODE__NODE_INSERT_STMT: {
      const auto& insert = *stmt.node->insert_stmt;
      if (!insert.relation) return std::nullopt;
      change.kind = DataChangeKind::Insert;
      change.target = qualified_name(insert.relation);
      const PgQuery__Node* query = insert.select_stmt;
      if (query && query->node_case == PG_QUERY__NODE__NODE_SELECT_STMT && query->select_stmt->n_from_clause > 0) {
        const auto& select = *query->select_stmt;
        change.from_select = true;
        change.where = select.where_clause;
        change.limited = select.limit_count != nullptr;
        // The WITH queries' names (WITH x AS (…) INSERT … SELECT … FROM x) are no sources.
        const PgQuery__WithClause* with = select.with_clause ? select.with_clause : insert.with_clause;
        for (size_t i = 0; i < select.n_from_clause; ++i)
          for (auto& name : relations_named(select.from_clause[i], with))
            if (std::find(change.sources.begin(), change.sources.end(), name) == change.sources.end())
              change.sources.push_back(std::move(name));
        for (size_t i = 0; i < select.n_target_list; ++i)
          columns_read(select.target_list[i], change.source_columns, &change.all_source_columns);
      } else if (query && query->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
                 query->select_stmt->n_values_lists == 0 && query->select_stmt->larg) {
        // INSERT … SELECT … UNION …: the relations of every arm.
        change.from_select = true;
        change.sources = relations_named(query);
        change.all_source_columns = true;
      }
      return change;
    }
    default: return std::nullopt;
  }
}

}  // namespace zdlint
