// fmt's compiled functions, built once into zdlint_core.
//
// Debian's libfmt-dev ships fmt as a shared library only, and that library would bring the shared
// libstdc++ back into a binary that links it statically (CMakeLists.txt says why). Every other file
// includes fmt's headers in their default mode, which declares these functions without defining
// them; this file defines them by including fmt's implementation header once.
#include <fmt/format-inl.h>

namespace fmt::detail {

// The two templates the declarations leave to the library: zdlint formats char text only.
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl<char>(locale_ref) -> char;

}  // namespace fmt::detail
