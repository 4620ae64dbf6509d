#pragma once
// Where each protobuf-c message type of libpg_query's parse tree points elsewhere: its nested
// messages, strings, bytes and arrays, worked out once from protobuf-c's descriptors. A copy or a
// walk of a tree then goes straight to the fields that lead on, instead of looking at every field
// of every node (a SelectStmt has 20, most of them scalars or unset oneof members), and each field
// that holds a message already names that message's layout, so nothing is looked up on the way.
#include <pg_query/pg_query.pb-c.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace zdlint {

struct MessageLayout;

// A field that holds a pointer: a message, a string, bytes, or the array of a repeated field.
struct PointerField {
  uint32_t offset = 0;             // of the member (for a repeated field, of its array's pointer)
  uint32_t quantifier_offset = 0;  // of a repeated field's count, or of its oneof's case
  uint32_t oneof_case = 0;         // the case that selects this member of a oneof; 0 outside one
  ProtobufCType type = PROTOBUF_C_TYPE_MESSAGE;
  bool repeated = false;
  uint32_t element_size = 0;              // of one element of a repeated field's array
  const MessageLayout* target = nullptr;  // a message field's type
};

struct MessageLayout {
  const ProtobufCMessageDescriptor* descriptor = nullptr;
  std::vector<PointerField> pointers;  // every pointer field, in field order
  std::vector<PointerField> messages;  // the message fields among them, in field order

  // For PgQuery__Node only, which is one oneof over some 270 message members whose ids are the
  // node_case values: the member of `node_case`, or null.
  [[nodiscard]] const PointerField* node_member(uint32_t node_case) const {
    return node_case < by_node_case.size() && by_node_case[node_case] != kNone ? &pointers[by_node_case[node_case]]
                                                                               : nullptr;
  }
  [[nodiscard]] bool is_node() const { return descriptor == &pg_query__node__descriptor; }

  static constexpr uint16_t kNone = UINT16_MAX;
  std::vector<uint16_t> by_node_case;  // index into pointers; Node only
};

// The layouts of a parse result and of a node, and of every message type below them; built once,
// on first use, and shared by all threads.
const MessageLayout& parse_result_layout();
const MessageLayout& node_layout();

}  // namespace zdlint
