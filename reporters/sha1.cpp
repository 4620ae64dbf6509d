// Written from the FIPS 180-4 description: 512-bit blocks, 80 rounds, big-endian throughout.
#include "reporters/sha1.h"

#include <array>
#include <bit>
#include <cstdint>

namespace zdlint {
namespace {

class Sha1 {
 public:
  void update(std::string_view data) {
    for (const char c : data) {
      block_[filled_++] = static_cast<uint8_t>(c);
      if (filled_ == block_.size()) compress();
    }
    length_bits_ += static_cast<uint64_t>(data.size()) * 8;
  }

  std::string hex_digest() {
    const uint64_t length = length_bits_;
    // Padding: a 1 bit, zeros up to 56 bytes into a block, then the message length in bits.
    block_[filled_++] = 0x80;
    if (filled_ > 56) {
      while (filled_ < block_.size()) block_[filled_++] = 0;
      compress();
    }
    while (filled_ < 56) block_[filled_++] = 0;
    for (int shift = 56; shift >= 0; shift -= 8) block_[filled_++] = static_cast<uint8_t>(length >> shift);
    compress();

    constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    for (const uint32_t word : state_)
      for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(word >> shift) & 0xF];
    return out;
  }

 private:
  void compress() {
    std::array<uint32_t, 80> w{};
    for (size_t t = 0; t < 16; ++t)
      w[t] = (uint32_t{block_[4 * t]} << 24) | (uint32_t{block_[4 * t + 1]} << 16) |
             (uint32_t{block_[4 * t + 2]} << 8) | uint32_t{block_[4 * t + 3]};
    for (size_t t = 16; t < 80; ++t) w[t] = std::rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);

    uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3], e = state_[4];
    for (size_t t = 0; t < 80; ++t) {
      uint32_t f = 0, k = 0;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      const uint32_t next = std::rotl(a, 5) + f + e + k + w[t];
      e = d;
      d = c;
      c = std::rotl(b, 30);
      b = a;
      a = next;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    filled_ = 0;
  }

  std::array<uint32_t, 5> state_{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::array<uint8_t, 64> block_{};
  size_t filled_ = 0;
  uint64_t length_bits_ = 0;
};

}  // namespace

std::string sha1_hex(std::string_view data) {
  Sha1 sha;
  sha.update(data);
  return sha.hex_digest();
}

}  // namespace zdlint
