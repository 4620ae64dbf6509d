#include "analyzer/object_names.h"

#include <algorithm>
#include <set>

#include "parser/node_walk.h"

namespace zdlint {
namespace {

// The longest prefix of `text` of at most `bytes` bytes that does not split a UTF-8 character
// (PostgreSQL's pg_mbcliplen; identifiers are valid UTF-8 by then).
size_t clip_length(std::string_view text, size_t bytes) {
  if (bytes >= text.size()) return text.size();
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return bytes;
}

// The last String among `fields` (ColumnRef fields, indirections): "*" and subscripts skipped.
std::string_view last_string(PgQuery__Node* const* fields, size_t n_fields) {
  std::string_view found;
  for (size_t i = 0; i < n_fields; ++i)
    if (fields[i]->node_case == PG_QUERY__NODE__NODE_STRING) found = string_value(fields[i]);
  return found;
}

// How PostgreSQL titles an expression's column (FigureColnameInternal), with how sure it is: 2 for a
// column's or function's name, 1 for a type's or "case", 0 for nothing.
int figure_name(const PgQuery__Node* node, std::string_view& name) {
  if (!node) return 0;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF:
      name = last_string(node->column_ref->fields, node->column_ref->n_fields);
      return name.empty() ? 0 : 2;
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      const auto* indirection = node->a_indirection;
      name = last_string(indirection->indirection, indirection->n_indirection);
      return name.empty() ? figure_name(indirection->arg, name) : 2;
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL:
      if (node->func_call->n_funcname == 0) return 0;
      name = string_value(node->func_call->funcname[node->func_call->n_funcname - 1]);
      return 2;
    case PG_QUERY__NODE__NODE_A_EXPR:
      if (node->a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) return 0;
      name = "nullif";
      return 2;
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      const int strength = figure_name(node->type_cast->arg, name);
      const auto* type = node->type_cast->type_name;
      if (strength > 1 || !type || type->n_names == 0) return strength;
      name = string_value(type->names[type->n_names - 1]);
      return 1;
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
      return figure_name(node->collate_clause->arg, name);
    case PG_QUERY__NODE__NODE_SUB_LINK:
      if (node->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK)
        name = "exists";
      else if (node->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK)
        name = "array";
      else
        return 0;
      return 2;
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      const int strength = figure_name(node->case_expr->defresult, name);
      if (strength > 1) return strength;
      name = "case";
      return 1;
    }
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
      name = "array";
      return 2;
    case PG_QUERY__NODE__NODE_ROW_EXPR:
      name = "row";
      return 2;
    case PG_QUERY__NODE__NODE_COALESCE_EXPR:
      name = "coalesce";
      return 2;
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
      name = node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least";
      return 2;
    default:
      return 0;
  }
}

}  // namespace

std::string make_object_name(std::string_view name1, std::optional<std::string_view> name2, std::string_view label) {
  size_t overhead = label.size() + 1;  // "_label"
  if (name2) ++overhead;               // "_" before name2
  const size_t available = kMaxIdentifierBytes > overhead ? kMaxIdentifierBytes - overhead : 0;
  size_t name1_bytes = name1.size(), name2_bytes = name2 ? name2->size() : 0;
  // The longer of the two is cut first, a byte at a time.
  while (name1_bytes + name2_bytes > available) {
    if (name1_bytes > name2_bytes)
      --name1_bytes;
    else
      --name2_bytes;
  }
  std::string name(name1.substr(0, clip_length(name1, name1_bytes)));
  if (name2) {
    name += '_';
    name += name2->substr(0, clip_length(*name2, name2_bytes));
  }
  name += '_';
  name += label;
  return name;
}

std::string columns_name_part(const std::vector<std::string>& columns) {
  // PostgreSQL stops adding columns once the text reaches 64 bytes; make_object_name cuts the rest.
  std::string part;
  for (const std::string& column : columns) {
    if (!part.empty()) part += '_';
    part += column.empty() ? std::string("expr") : column.substr(0, kMaxIdentifierBytes);
    if (part.size() > kMaxIdentifierBytes) break;
  }
  return part;
}

std::string choose_name(std::string_view name1, std::optional<std::string_view> name2, std::string_view label,
                        const std::function<bool(const std::string&)>& taken, uint32_t& passes_taken) {
  for (uint32_t pass = passes_taken;; ++pass) {
    std::string name =
        make_object_name(name1, name2, pass ? std::string(label) + std::to_string(pass) : std::string(label));
    if (!taken(name)) {
      passes_taken = pass;
      return name;
    }
  }
}

std::vector<std::string> index_column_names(PgQuery__Node* const* elems, size_t n_elems) {
  std::vector<std::string> names;
  for (size_t i = 0; i < n_elems; ++i) {
    if (elems[i]->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM) continue;
    const PgQuery__IndexElem& elem = *elems[i]->index_elem;
    std::string_view original = "expr";
    if (elem.indexcolname && *elem.indexcolname) {
      original = elem.indexcolname;
    } else if (elem.name && *elem.name) {
      original = elem.name;
    } else if (std::string_view figured; figure_name(elem.expr, figured) > 0 && !figured.empty()) {
      original = figured;
    }
    // A name an earlier column has is numbered: a, a1, a2, …
    std::string name(original);
    for (int n = 1; std::find(names.begin(), names.end(), name) != names.end(); ++n) {
      const std::string number = std::to_string(n);
      name = std::string(original.substr(0, clip_length(original, kMaxIdentifierBytes - number.size()))) + number;
    }
    names.push_back(std::move(name));
  }
  return names;
}

std::optional<std::string> check_name_column(const PgQuery__Node* expr) {
  std::set<std::string_view> columns;
  walk_nodes(expr, [&](const PgQuery__Node& node) {
    if (node.node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
    if (const std::string_view column = last_string(node.column_ref->fields, node.column_ref->n_fields);
        !column.empty())
      columns.insert(column);
  });
  if (columns.size() != 1) return std::nullopt;
  return std::string(*columns.begin());
}

}  // namespace zdlint
