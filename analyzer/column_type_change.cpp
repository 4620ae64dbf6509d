#include "analyzer/column_type_change.h"

namespace zdlint {
namespace {

// Domains of domains are followed this far; a lenient replay may make a domain its own base.
constexpr int kMaxDomainDepth = 16;

// The type a value of `type` is stored as: a domain's base type, through domains of domains.
SqlType storage_type(const Catalog& catalog, SqlType type) {
  for (int depth = 0; !type.array && depth < kMaxDomainDepth; ++depth) {
    const Domain* domain = catalog.find_domain(type.qualified_name());
    if (!domain) break;
    type = domain->base;
  }
  return type;
}

// Whether two spellings name one type (`pos` and `public.pos`).
bool same_type(const SqlType& a, const SqlType& b) {
  return a.name == b.name && a.schema_or_public() == b.schema_or_public() && a.typmods == b.typmods &&
         a.array == b.array;
}

}  // namespace

const Domain* constrained_domain(const Catalog& catalog, const SqlType& type) {
  if (type.array) return nullptr;
  const Domain* domain = catalog.find_domain(type.qualified_name());
  for (int depth = 0; domain && depth < kMaxDomainDepth; ++depth) {
    if (!domain->checks.empty() || domain->not_null) return domain;
    domain = catalog.find_domain(domain->base.qualified_name());
  }
  return nullptr;
}

ColumnTypeChange column_type_change(const Catalog& catalog, const SqlType& from, const SqlType& to, bool has_using) {
  if (!same_type(from, to))
    if (const Domain* checked_by = constrained_domain(catalog, to)) return {TypeChange::Rewrite, checked_by};
  return {classify_type_change(storage_type(catalog, from), storage_type(catalog, to), has_using), nullptr};
}

}  // namespace zdlint
