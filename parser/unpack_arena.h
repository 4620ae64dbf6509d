#pragma once
// Where unpacked protobuf messages live. protobuf-c unpacks a parse tree into one allocation per
// node and frees it node by node; a tree is only ever freed whole, so its nodes come from chunks
// of an arena instead and are released together when the arena goes.
#include <protobuf-c/protobuf-c.h>

#include <cstddef>
#include <memory>
#include <vector>

// Under AddressSanitizer every node keeps an allocation of its own, so that a read past a node is
// caught; in an arena it would land in the node next to it.
#if defined(__SANITIZE_ADDRESS__)
#define ZDLINT_NODE_BY_NODE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ZDLINT_NODE_BY_NODE 1
#endif
#endif

namespace zdlint {

class UnpackArena {
 public:
  // `expected_bytes`: the size of the first chunk; later chunks double.
  explicit UnpackArena(size_t expected_bytes);
  UnpackArena(const UnpackArena&) = delete;
  UnpackArena& operator=(const UnpackArena&) = delete;

  // For protobuf-c's unpack functions; valid as long as the arena.
  [[nodiscard]] ProtobufCAllocator* allocator() { return &allocator_; }

  // `size` bytes, aligned for any type, valid as long as the arena. Inline: a tree copy takes a
  // piece for each of its nodes and strings, nearly always from the chunk in hand.
  void* take(size_t size) {
#ifdef ZDLINT_NODE_BY_NODE
    return take_own(size);
#else
    size = (size + kAlign - 1) & ~(kAlign - 1);
    if (size > left_) return take_from_new_chunk(size);
    void* at = cursor_;
    cursor_ += size;
    left_ -= size;
    return at;
#endif
  }

 private:
  static constexpr size_t kAlign = alignof(std::max_align_t);

  void* take_own(size_t size);             // an allocation of its own (ZDLINT_NODE_BY_NODE)
  void* take_from_new_chunk(size_t size);  // `size` is aligned already
  static void* allocate(void* self, size_t size);
  static void release(void*, void*) {}  // nodes are released with the arena

  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  // Unused when AddressSanitizer makes every node an allocation of its own (ZDLINT_NODE_BY_NODE).
  [[maybe_unused]] std::byte* cursor_ = nullptr;
  [[maybe_unused]] size_t left_ = 0;
  size_t next_chunk_;
  ProtobufCAllocator allocator_;
};

}  // namespace zdlint
