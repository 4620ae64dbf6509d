#include "parser/tree_capture.h"

#include <pg_query.h>
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
// The capture whose tree pg_query_nodes_to_protobuf is converting on this thread, if any; and the
// one set aside while PostgreSQL reports a message during the conversion.
thread_local TreeCapture* converting = nullptr;
thread_local TreeCapture* converting_suspended = nullptr;

// The stack a walk over a tree may take: three quarters of the calling thread's, which leaves its
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

// Whether a tree nests within what zdlint's recursive walks over it (rules, fingerprints) may take
// of the stack. A statement's tree cannot nest deeper than the number of structs its conversion
// allocated, so only a statement that took more than the stack allows for is walked here to be
// sure: in practice a very long one (an INSERT of thousands of rows), very rarely.
class DepthProbe {
 public:
  DepthProbe() : stack_start_(reinterpret_cast<uintptr_t>(__builtin_frame_address(0))) {}

  // Whether the tree below `message` is within the allowance.
  bool fits(const ProtobufCMessage& message, const MessageLayout& layout) {
    const Level level(depth_);
    if (std::max(stack_used(), depth_ * kStackPerLevel) > stack_allowance()) return false;
    const char* fields = reinterpret_cast<const char*>(&message);
    if (layout.is_node()) {
      // Only the member the node's case selects is looked at.
      const auto node_case = static_cast<uint32_t>(reinterpret_cast<const PgQuery__Node&>(message).node_case);
      const PointerField* member = layout.node_member(node_case);
      return member == nullptr || fits(fields, *member);
    }
    for (const PointerField& pointer : layout.messages) {
      if (pointer.oneof_case != 0 &&
          *reinterpret_cast<const uint32_t*>(fields + pointer.quantifier_offset) != pointer.oneof_case)
        continue;  // another member of its oneof is set
      if (!fits(fields, pointer)) return false;
    }
    return true;
  }

  // Whether any tree `levels` deep fits, without walking it.
  static bool surely_fits(size_t levels) { return levels <= stack_allowance() / kStackPerLevel; }

 private:
  bool fits(const char* fields, const PointerField& pointer) {
    if (!pointer.repeated) {
      const auto* inner = *reinterpret_cast<const ProtobufCMessage* const*>(fields + pointer.offset);
      return inner == nullptr || fits(*inner, *pointer.target);
    }
    const size_t count = *reinterpret_cast<const size_t*>(fields + pointer.quantifier_offset);
    const auto* const* elements = *reinterpret_cast<const ProtobufCMessage* const* const*>(fields + pointer.offset);
    for (size_t i = 0; i < count && elements != nullptr; ++i)
      if (elements[i] != nullptr && !fits(*elements[i], *pointer.target)) return false;
    return true;
  }

  // How far the stack has grown since the probe began (the frame address is the real stack, also
  // where AddressSanitizer moves locals elsewhere).
  [[nodiscard]] uintptr_t stack_used() const {
    const auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return here < stack_start_ ? stack_start_ - here : here - stack_start_;
  }

  // What every level of a tree is counted as taking of the stack, whatever the probe's own frames
  // take: zdlint's walks over the tree (rules, fingerprints) take more, so the probe must not let
  // through a tree they could not walk. This is what a level took when trees were read from
  // libpg_query's JSON, which passed them safely: 16,000 levels on an 8 MB stack. Under
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

  uintptr_t stack_start_;
  uintptr_t depth_ = 0;
};

}  // namespace

TreeCapture::TreeCapture(UnpackArena& arena) : arena_(arena) {
  active_capture = this;
}

TreeCapture::~TreeCapture() {
  active_capture = nullptr;
  converting = nullptr;
  converting_suspended = nullptr;
}

void TreeCapture::begin_conversion() {
  converting = this;
}

void TreeCapture::end_conversion() {
  converting = nullptr;
}

void* TreeCapture::allocate(size_t size) {
  ++allocations_;
  return arena_.take(std::max<size_t>(size, 1));
}

void TreeCapture::statement_begins() {
  statement_starts_.push_back(allocations_);
}

void TreeCapture::borrowed_string(char** field) {
  borrowed_strings_.push_back(field);
}

bool TreeCapture::surely_fits(const PgQuery__ParseResult& tree) const {
  if (statement_starts_.size() != tree.n_stmts) return false;
  for (size_t i = 0; i < tree.n_stmts; ++i) {
    const size_t end = i + 1 < tree.n_stmts ? statement_starts_[i + 1] : allocations_;
    // The parse result, the statement, and at most one level for each struct allocated after it.
    if (!DepthProbe::surely_fits(2 + end - statement_starts_[i])) return false;
  }
  return true;
}

void TreeCapture::take(const PgQuery__ParseResult& built) {
  handed_over_ = true;
  // The strings of String, Float and BitString nodes are the parsed tree's own, in libpg_query's
  // memory: they are copied. `built` is the conversion's local variable; all else it points to is
  // in the arena already.
  for (char** field : borrowed_strings_) {
    if (*field == nullptr || *field == protobuf_c_empty_string) continue;
    const size_t size = std::strlen(*field) + 1;
    *field = static_cast<char*>(std::memcpy(arena_.take(size), *field, size));
  }
  borrowed_strings_.clear();
  auto* tree = static_cast<PgQuery__ParseResult*>(std::memcpy(arena_.take(sizeof built), &built, sizeof built));
  too_deep_ = !surely_fits(*tree) && !DepthProbe().fits(tree->base, parse_result_layout());
  if (!too_deep_) tree_ = tree;
}

}  // namespace zdlint

// The link-time stand-ins (-Wl,--wrap, CMakeLists.txt). libpg_query's pg_query_nodes_to_protobuf
// converts the tree it parsed into protobuf-c's structs, allocating each with palloc or pstrdup in
// the parse's memory context, then measures the structs, allocates that much, and packs them.
// While a TreeCapture is active, the conversion allocates from the capture's arena instead, the
// measuring hands the converted tree over and answers 0, and the packing writes nothing: the tree
// outlives the memory context, with nothing copied. Otherwise each does what libpg_query's own
// does.
extern "C" {
PgQueryProtobuf __real_pg_query_nodes_to_protobuf(const void* tree);
void* __real_palloc(size_t size);
char* __real_pstrdup(const char* text);
bool __real_errstart(int level, const char* domain);
void __real_errfinish(const char* file, int line, const char* function);

PgQueryProtobuf __wrap_pg_query_nodes_to_protobuf(const void* tree) {
  zdlint::TreeCapture* capture = zdlint::active_capture;
  if (capture == nullptr) return __real_pg_query_nodes_to_protobuf(tree);
  capture->begin_conversion();
  const PgQueryProtobuf converted = __real_pg_query_nodes_to_protobuf(tree);
  capture->end_conversion();
  return converted;
}

void* __wrap_palloc(size_t size) {
  if (zdlint::TreeCapture* capture = zdlint::converting) return capture->allocate(size);
  return __real_palloc(size);
}

char* __wrap_pstrdup(const char* text) {
  if (zdlint::TreeCapture* capture = zdlint::converting) {
    const size_t size = std::strlen(text) + 1;
    return static_cast<char*>(std::memcpy(capture->allocate(size), text, size));
  }
  return __real_pstrdup(text);
}

// A message PostgreSQL reports during the conversion (a warning about a node it cannot convert)
// builds its text in memory it frees again: from errstart to errfinish, palloc is libpg_query's.
bool __wrap_errstart(int level, const char* domain) {
  zdlint::TreeCapture* capture = zdlint::converting;
  zdlint::converting = nullptr;
  if (__real_errstart(level, domain)) {
    zdlint::converting_suspended = capture;
    return true;
  }
  zdlint::converting = capture;  // not reported: no errfinish follows
  return false;
}

void __wrap_errfinish(const char* file, int line, const char* function) {
  zdlint::TreeCapture* capture = zdlint::converting_suspended;
  zdlint::converting_suspended = nullptr;
  __real_errfinish(file, line, function);  // returns only below ERROR
  zdlint::converting = capture;
}

void __real_pg_query__raw_stmt__init(PgQuery__RawStmt* message);

void __wrap_pg_query__raw_stmt__init(PgQuery__RawStmt* message) {
  __real_pg_query__raw_stmt__init(message);
  if (zdlint::TreeCapture* capture = zdlint::converting) capture->statement_begins();
}

// The conversion points the string of a String, Float or BitString node at the parsed tree's, which
// is freed with libpg_query's memory: each such node is noted when it is initialised, and its string
// copied once the conversion is done.
void __real_pg_query__string__init(PgQuery__String* message);
void __real_pg_query__float__init(PgQuery__Float* message);
void __real_pg_query__bit_string__init(PgQuery__BitString* message);

void __wrap_pg_query__string__init(PgQuery__String* message) {
  __real_pg_query__string__init(message);
  if (zdlint::TreeCapture* capture = zdlint::converting) capture->borrowed_string(&message->sval);
}

void __wrap_pg_query__float__init(PgQuery__Float* message) {
  __real_pg_query__float__init(message);
  if (zdlint::TreeCapture* capture = zdlint::converting) capture->borrowed_string(&message->fval);
}

void __wrap_pg_query__bit_string__init(PgQuery__BitString* message) {
  __real_pg_query__bit_string__init(message);
  if (zdlint::TreeCapture* capture = zdlint::converting) capture->borrowed_string(&message->bsval);
}

size_t __wrap_pg_query__parse_result__get_packed_size(const PgQuery__ParseResult* message) {
  if (zdlint::TreeCapture* capture = zdlint::converting) {
    capture->take(*message);
    return 0;
  }
  return protobuf_c_message_get_packed_size(&message->base);
}

size_t __wrap_pg_query__parse_result__pack(const PgQuery__ParseResult* message, uint8_t* out) {
  if (zdlint::converting != nullptr) return 0;
  return protobuf_c_message_pack(&message->base, out);
}
}
