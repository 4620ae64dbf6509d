#include "parser/tokens.h"

#include "parser/pg_query_raii.h"

namespace zdlint {

bool Token::is_comment() const {
  return kind == PG_QUERY__TOKEN__SQL_COMMENT || kind == PG_QUERY__TOKEN__C_COMMENT;
}
bool Token::is_string() const { return kind == PG_QUERY__TOKEN__SCONST || kind == PG_QUERY__TOKEN__USCONST; }

ScanOutcome scan_tokens(std::string_view text, uint32_t base) {
  ScanOutcome out;
  const std::string owned(text);  // libpg_query wants a NUL-terminated copy
  const ScanResult result(owned.c_str());
  if (const auto* error = result.error()) {
    // The scanner reports no partial tokens; rescan the part before the error so that the
    // statements and comments in front of it are still seen.
    const uint32_t at = error->cursorpos > 0 ? byte_offset_of_char(text, static_cast<uint32_t>(error->cursorpos - 1)) : 0;
    if (at > 0 && at < text.size()) out = scan_tokens(text.substr(0, at), base);
    out.error_offset = base + at;
    out.error_message = error->message ? error->message : "scanner error";
    return out;
  }
  const auto tree = result.unpack();
  if (!tree) return out;
  out.tokens.reserve(tree->n_tokens);
  for (size_t i = 0; i < tree->n_tokens; ++i) {
    const auto* t = tree->tokens[i];
    out.tokens.push_back({base + static_cast<uint32_t>(t->start), base + static_cast<uint32_t>(t->end),
                          static_cast<int32_t>(t->token)});
  }
  return out;
}

}  // namespace zdlint
