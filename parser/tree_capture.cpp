#include "parser/tree_capture.h"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "parser/message_layout.h"

namespace zdlint {
namespace {

thread_local TreeCapture* active_capture = nullptr;

// The stack the recursive copy may take: three quarters of the calling thread's, which leaves its
// callers room (libpg_query's own recursion over the same tree has returned by then).
uintptr_t stack_allowance() {
  thread_local const uintptr_t allowance = [] {
    size_t size = 0;
    if (::gettid() == ::getpid()) {
      // The main thread's stack grows up to its limit. glibc's pthread_getattr_np reads all of
      // /proc/self/maps to say so, which cost a one-file run 2% of its time; no more than 8 MB
      // is counted on, whatever the limit.
      struct rlimit limit {};
      constexpr size_t kAtMost = 8u << 20;
      if (::getrlimit(RLIMIT_STACK, &limit) == 0)
        size = limit.rlim_cur == RLIM_INFINITY ? kAtMost : std::min<size_t>(limit.rlim_cur, kAtMost);
    } else if (pthread_attr_t attributes; pthread_getattr_np(pthread_self(), &attributes) == 0) {
      pthread_attr_getstacksize(&attributes, &size);
      pthread_attr_destroy(&attributes);
    }
    return static_cast<uintptr_t>(size ? size / 4 * 3 : 1u << 20);
  }();
  return allowance;
}

// A deep copy of a message libpg_query built (in its memory context, freed when the parse call
// returns) into the arena: each message's struct copied whole, then what it points to.
class Copier {
 public:
  explicit Copier(UnpackArena& arena)
      : arena_(arena),
        stack_start_(reinterpret_cast<uintptr_t>(__builtin_frame_address(0))),
        stack_allowance_(stack_allowance()) {}

  [[nodiscard]] bool too_deep() const { return too_deep_; }

  // The copy; null when the tree nests too deeply.
  ProtobufCMessage* message(const ProtobufCMessage& from, const MessageLayout& layout) {
    const Level level(depth_);
    if (std::max(stack_used(), depth_ * kStackPerLevel) > stack_allowance_) {
      too_deep_ = true;
      return nullptr;
    }
    auto* copy = static_cast<char*>(duplicate(&from, layout.descriptor->sizeof_message));
    if (layout.is_node()) {
      // Only the member the node's case selects is looked at.
      const auto node_case = static_cast<uint32_t>(reinterpret_cast<const PgQuery__Node&>(from).node_case);
      if (const PointerField* member = layout.node_member(node_case))
        if (!field(copy, *member)) return nullptr;
    } else {
      for (const PointerField& pointer : layout.pointers) {
        if (pointer.oneof_case != 0 &&
            *reinterpret_cast<const uint32_t*>(copy + pointer.quantifier_offset) != pointer.oneof_case)
          continue;  // another member of its oneof is set
        if (!field(copy, pointer)) return nullptr;
      }
    }
    return reinterpret_cast<ProtobufCMessage*>(copy);
  }

 private:
  // Replaces what the copied field of `copy` points to with a copy of its own.
  bool field(char* copy, const PointerField& pointer) {
    char* member = copy + pointer.offset;
    if (pointer.repeated) {
      const size_t count = *reinterpret_cast<const size_t*>(copy + pointer.quantifier_offset);
      void*& elements = *reinterpret_cast<void**>(member);
      if (count == 0 || elements == nullptr) return true;
      void* copied = duplicate(elements, count * pointer.element_size);
      elements = copied;
      if (pointer.type == PROTOBUF_C_TYPE_MESSAGE) {
        auto** messages = static_cast<ProtobufCMessage**>(copied);
        for (size_t i = 0; i < count; ++i)
          if (messages[i] != nullptr && (messages[i] = message(*messages[i], *pointer.target)) == nullptr) return false;
      } else if (pointer.type == PROTOBUF_C_TYPE_STRING) {
        auto** strings = static_cast<char**>(copied);
        for (size_t i = 0; i < count; ++i) strings[i] = string(strings[i]);
      } else if (pointer.type == PROTOBUF_C_TYPE_BYTES) {
        auto* values = static_cast<ProtobufCBinaryData*>(copied);
        for (size_t i = 0; i < count; ++i) values[i].data = bytes_of(values[i]);
      }
      return true;
    }
    switch (pointer.type) {
      case PROTOBUF_C_TYPE_MESSAGE: {
        auto*& inner = *reinterpret_cast<ProtobufCMessage**>(member);
        return inner == nullptr || (inner = message(*inner, *pointer.target)) != nullptr;
      }
      case PROTOBUF_C_TYPE_STRING: {
        auto*& text = *reinterpret_cast<char**>(member);
        text = string(text);
        return true;
      }
      case PROTOBUF_C_TYPE_BYTES: {
        auto& value = *reinterpret_cast<ProtobufCBinaryData*>(member);
        value.data = bytes_of(value);
        return true;
      }
      default:
        return true;  // message_layout lists no other single field
    }
  }

  // `bytes` bytes from `from`, copied into the arena.
  void* duplicate(const void* from, size_t bytes) { return std::memcpy(arena_.take(bytes), from, bytes); }

  char* string(char* text) {
    // protobuf-c's shared empty string (an unset field) is a constant, not libpg_query's memory.
    if (text == nullptr || text == protobuf_c_empty_string) return text;
    return static_cast<char*>(duplicate(text, std::strlen(text) + 1));
  }

  uint8_t* bytes_of(const ProtobufCBinaryData& value) {
    if (value.len == 0 || value.data == nullptr) return value.data;
    return static_cast<uint8_t*>(duplicate(value.data, value.len));
  }

  // How far the stack has grown since the copy began (the frame address is the real stack, also
  // where AddressSanitizer moves locals elsewhere).
  [[nodiscard]] uintptr_t stack_used() const {
    const auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return here < stack_start_ ? stack_start_ - here : here - stack_start_;
  }

  // What every level of a tree is counted as taking of the stack, whatever the copy's own frames
  // take: zdlint's walks over the tree (rules, fingerprints) take more than the copy, so the copy
  // must not let through a tree they could not walk. This is what a level took when trees were
  // read from libpg_query's JSON, which passed them safely: 16,000 levels on an 8 MB stack. Under
  // AddressSanitizer every frame is several times larger.
#ifdef ZDLINT_NODE_BY_NODE
  static constexpr uintptr_t kStackPerLevel = 4 * 384;
#else
  static constexpr uintptr_t kStackPerLevel = 384;
#endif

  struct Level {  // one level deeper while it lives
    explicit Level(uintptr_t& depth) : depth_(depth) { ++depth_; }
    ~Level() { --depth_; }
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;
    uintptr_t& depth_;
  };

  UnpackArena& arena_;
  uintptr_t stack_start_;
  uintptr_t stack_allowance_;
  uintptr_t depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

TreeCapture::TreeCapture(UnpackArena& arena) : arena_(arena) {
  active_capture = this;
}

TreeCapture::~TreeCapture() {
  active_capture = nullptr;
}

void TreeCapture::take(const PgQuery__ParseResult& built) {
  handed_over_ = true;
  Copier copier(arena_);
  tree_ = reinterpret_cast<const PgQuery__ParseResult*>(copier.message(built.base, parse_result_layout()));
  too_deep_ = copier.too_deep();
}

}  // namespace zdlint

// libpg_query's pg_query_nodes_to_protobuf measures the tree it built, allocates that much, and
// packs the tree into it. While a TreeCapture is active, the measuring hands the tree over instead
// and answers 0, and the packing writes nothing. Otherwise both do what libpg_query's own do (the
// generated functions call these generic ones).
extern "C" size_t __wrap_pg_query__parse_result__get_packed_size(const PgQuery__ParseResult* message) {
  if (zdlint::TreeCapture* capture = zdlint::active_capture) {
    capture->take(*message);
    return 0;
  }
  return protobuf_c_message_get_packed_size(&message->base);
}

extern "C" size_t __wrap_pg_query__parse_result__pack(const PgQuery__ParseResult* message, uint8_t* out) {
  if (zdlint::active_capture != nullptr) return 0;
  return protobuf_c_message_pack(&message->base, out);
}
