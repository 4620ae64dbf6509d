#include "reporters/json_tree_printer.h"

#include <cstdint>
#include <string>

namespace zdlint {

using nlohmann::ordered_json;

void write_json_tree(PrettyJsonWriter& w, const ordered_json& value) {
  switch (value.type()) {
    case ordered_json::value_t::object:
      w.begin_object();
      for (auto member = value.begin(); member != value.end(); ++member) {
        w.key(member.key());
        write_json_tree(w, member.value());
      }
      w.end_object();
      return;
    case ordered_json::value_t::array:
      w.begin_array();
      for (const ordered_json& element : value) write_json_tree(w, element);
      w.end_array();
      return;
    case ordered_json::value_t::string:
      w.value(value.get_ref<const std::string&>());
      return;
    case ordered_json::value_t::boolean:
      w.value(value.get<bool>());
      return;
    case ordered_json::value_t::number_integer:
      w.value(value.get<int64_t>());
      return;
    case ordered_json::value_t::number_unsigned:
      w.value(value.get<uint64_t>());
      return;
    case ordered_json::value_t::null:
      w.null();
      return;
    default:  // a float (or binary): printed as nlohmann prints it
      w.raw(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

}  // namespace zdlint
