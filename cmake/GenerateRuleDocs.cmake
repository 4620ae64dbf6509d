# Script mode: writes OUTPUT with one entry per DOCS_DIR/*.md page.
file(GLOB pages "${DOCS_DIR}/*.md")
list(SORT pages)
set(body "")
foreach(page IN LISTS pages)
  get_filename_component(id "${page}" NAME_WE)
  file(READ "${page}" text HEX)
  # Hex bytes keep any character (quotes, backslashes, raw-string delimiters) intact.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${text}")
  string(APPEND body "  {\"${id}\", std::string_view(detail::text_${id}, sizeof detail::text_${id})},\n")
  string(REPLACE "-" "_" cname "${id}")
  string(APPEND arrays "constexpr char text_${cname}[] = {${bytes}};\n")
  string(REPLACE "detail::text_${id}" "detail::text_${cname}" body "${body}")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from docs/rules by cmake/GenerateRuleDocs.cmake. Do not edit.
#include \"rules/rule_docs.h\"
#include <map>
#include <string>
namespace zdlint {
namespace detail {
${arrays}}
std::optional<std::string_view> rule_doc(std::string_view id) {
  static const std::map<std::string, std::string_view, std::less<>> docs = {
${body}  };
  auto it = docs.find(id);
  if (it == docs.end()) return std::nullopt;
  return it->second;
}
}  // namespace zdlint
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
