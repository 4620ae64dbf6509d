#include "parser/unpack_arena.h"

#include <algorithm>

namespace zdlint {

UnpackArena::UnpackArena(size_t expected_bytes)
    : next_chunk_(std::max<size_t>(expected_bytes, 4096)), allocator_{&allocate, &release, this} {}

void* UnpackArena::allocate(void* self, size_t size) { return static_cast<UnpackArena*>(self)->take(size); }

void* UnpackArena::take(size_t size) {
#ifdef ZDLINT_NODE_BY_NODE
  chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(std::max<size_t>(size, 1)));
  return chunks_.back().get();
#else
  constexpr size_t kAlign = alignof(std::max_align_t);
  size = (size + kAlign - 1) & ~(kAlign - 1);
  if (size > left_) {
    const size_t chunk = std::max(next_chunk_, size);
    chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(chunk));
    cursor_ = chunks_.back().get();
    left_ = chunk;
    next_chunk_ = chunk * 2;
  }
  void* at = cursor_;
  cursor_ += size;
  left_ -= size;
  return at;
#endif
}

}  // namespace zdlint
