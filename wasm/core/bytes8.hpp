// Eight bytes at a time (SWAR): the helpers of the scans that walk every byte of an article
// (layout's word and character counts, the JSON fast path's strings), BENCHMARKS.md "Load".
#pragma once

#include <cstdint>
#include <cstring>

namespace av::bytes8 {

constexpr std::uint64_t ones = 0x0101010101010101ull;
constexpr std::uint64_t highs = 0x8080808080808080ull;
// Byte k of the text is byte k of a loaded word (bits 8k..8k+7) only on a little-endian machine:
// the scans that turn a bit position back into a byte position check this first. GCC's and
// Clang's macros (C++17 has no std::endian).
constexpr bool little_endian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

// The 8 bytes from `p`, which must all exist.
inline std::uint64_t load(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

// Bit 7 of each byte that is zero in `v`, and no other bit. Exact (no carry from one byte to the
// next, unlike the shorter `(v - ones) & ~v & highs`), so a bit position is a byte position.
inline std::uint64_t zero_bytes(std::uint64_t v) {
    constexpr std::uint64_t low7 = ~highs;
    return ~(((v & low7) + low7) | v | low7);
}

// Bit 7 of each byte of `v` equal to `byte`.
inline std::uint64_t equal_bytes(std::uint64_t v, unsigned char byte) { return zero_bytes(v ^ (byte * ones)); }

// How many bytes have bit 7 set in `mask` (which has no other bits): a multiply adds them up in
// the top byte. __builtin_popcountll is a libgcc call without -mpopcnt, 1 % of a load.
inline unsigned count(std::uint64_t mask) { return static_cast<unsigned>(((mask >> 7) * ones) >> 56); }

}  // namespace av::bytes8
