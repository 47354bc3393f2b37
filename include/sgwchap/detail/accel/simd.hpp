// sgwchap — the accept-only SSE2 fast paths' building blocks: 16 bytes classified per
// instruction. x86-64's baseline has SSE2; elsewhere, or with -DSGWCHAP_NO_SSE2 (one switch for
// every SIMD path), SGWCHAP_DETAIL_SSE2 is 0, the fast paths are compiled out, and the scalar
// grammar code alone runs (the same answers: the fast paths only accept, never report).
//
// The validate group of scripts/bench decides whether they stay: on the long input they must buy
// at least 15% (measured 2026-12-04, GCC 12 -O2, 2-core EPYC: the validators take 82 ns with them
// and 238 ns without, 40.8 and 68 ns on the example input: docs/BENCHMARKS.md).
#pragma once

#include <bit>
#include <cstddef>
#include <string_view>

#include <sgwchap/detail/swar.hpp>
#include <sgwchap/version.hpp>

#if defined(__SSE2__) && !defined(SGWCHAP_NO_SSE2)
#include <emmintrin.h>
#define SGWCHAP_DETAIL_SSE2 1
#else
#define SGWCHAP_DETAIL_SSE2 0
#endif

#if SGWCHAP_DETAIL_SSE2
SGWCHAP_BEGIN_NAMESPACE
// 16 bytes at a time, for the accept-only fast paths of the strict validators. These never
// decide an error: a fast path that sees anything unusual returns false and the exact code runs
// (and reports), so they only have to be right about values they accept. Every load stays inside
// the string: a span shorter than 16 bytes is read from a 16-byte block of the same string that
// contains it (callers guarantee s.size() >= 16) and the other bytes' bits are masked off.
namespace detail::simd {

using block = __m128i;

[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE block load16(const char* p) noexcept {
  return _mm_loadu_si128(reinterpret_cast<const block*>(p));
}
/// 0xFF in each byte equal to c.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE block equal_to(block v, char c) noexcept {
  return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}
/// 0xFF in each byte in [lo, hi] (unsigned): adding 0x80 - lo rotates [lo, hi] onto the lowest
/// signed values [-128, -128 + hi - lo] and every other byte above them.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE block in_range(block v, unsigned lo, unsigned hi) noexcept {
  const block shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(static_cast<unsigned char>(0x80U - lo))));
  return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(static_cast<unsigned char>(0x80U + hi - lo + 1U))));
}
/// One bit per byte (bit i = byte i), from a byte mask.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE unsigned bits(block mask) noexcept {
  return static_cast<unsigned>(_mm_movemask_epi8(mask));
}

// Byte classes as callables (block -> byte mask). Structs rather than lambdas: GCC 12 keeps
// a lambda used twice as an out-of-line call, which costs more than the class test itself.
/// [0-9]
struct digits {
  [[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE block operator()(block v) const noexcept { return in_range(v, '0', '9'); }
};
/// [0-9A-F]
struct upper_hex {
  [[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE block operator()(block v) const noexcept {
    return _mm_or_si128(in_range(v, '0', '9'), in_range(v, 'A', 'F'));
  }
};

/// Bit i set when byte `pos + i` (i < 16, pos + i < s.size()) satisfies `pred` (a callable
/// block -> byte mask). Needs s.size() >= 16: reads the block [min(pos, size - 16), +16).
template <class Pred>
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE unsigned bits_at(std::string_view s, std::size_t pos, Pred pred) noexcept {
  const std::size_t start = pos + 16 <= s.size() ? pos : s.size() - 16;
  return bits(pred(load16(s.data() + start))) >> (pos - start);
}

/// True when the n bytes at `pos` (pos + n <= s.size(), s.size() >= 16) all satisfy `pred`.
template <class Pred>
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE bool all_of(std::string_view s, std::size_t pos, std::size_t n,
                                                       Pred pred) noexcept {
  // Whole blocks: AND their masks, one test at the end (no branch per block).
  block all = _mm_set1_epi8(-1);
  for (; n > 16; pos += 16, n -= 16) all = _mm_and_si128(all, pred(load16(s.data() + pos)));
  const unsigned want = (1U << n) - 1U;
  return bits(all) == 0xFFFFU && (bits_at(s, pos, pred) & want) == want;
}

/// Offset of the first byte equal to c at or after `pos`, or npos (s.size() >= 16).
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE std::size_t find(std::string_view s, std::size_t pos, char c) noexcept {
  for (; pos < s.size(); pos += 16) {
    const std::size_t start = pos + 16 <= s.size() ? pos : s.size() - 16;
    const unsigned m = bits(equal_to(load16(s.data() + start), c)) >> (pos - start);
    if (m != 0) return pos + static_cast<std::size_t>(std::countr_zero(m));
  }
  return std::string_view::npos;
}

}  // namespace detail::simd
SGWCHAP_END_NAMESPACE
#endif
