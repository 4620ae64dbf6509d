#include "parser/unpack_arena.h"

#include <algorithm>

namespace zdlint {

UnpackArena::UnpackArena(size_t expected_bytes)
    : next_chunk_(std::max<size_t>(expected_bytes, 4096)), allocator_{&allocate, &release, this} {}

void* UnpackArena::allocate(void* self, size_t size) { return static_cast<UnpackArena*>(self)->take(size); }

void* UnpackArena::take_own(size_t size) {
  chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(std::max<size_t>(size, 1)));
  return chunks_.back().get();
}

void* UnpackArena::take_from_new_chunk(size_t size) {
  const size_t chunk = std::max(next_chunk_, size);
  chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(chunk));
  cursor_ = chunks_.back().get();
  left_ = chunk;
  next_chunk_ = chunk * 2;
  void* at = cursor_;
  cursor_ += size;
  left_ -= size;
  return at;
}

}  // namespace zdlint
