#pragma once
// libpg_query's xxHash, which its fingerprints use and its static archive exports: declared here as
// xxhash.h declares it (libpg_query installs no header for it), so zdlint hashes as it does.
#include <cstddef>
#include <cstdint>

extern "C" {
struct XXH128_hash_t {
  uint64_t low64;
  uint64_t high64;
};
uint64_t XXH3_64bits_withSeed(const void* data, size_t length, uint64_t seed);
XXH128_hash_t XXH3_128bits(const void* data, size_t length);
}
