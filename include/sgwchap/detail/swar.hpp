// sgwchap — run-time fast paths that look at 8 bytes at a time (SWAR: SIMD within a register).
//
// Each helper only *skips* bytes that the exact byte-at-a-time code would accept without
// changing its state; the byte loop then resumes where the skip stopped, so every error, offset
// and view is the one the byte loop alone produces. In constant evaluation the helpers skip
// nothing (std::is_constant_evaluated), so the constexpr path is the plain grammar code.
// benchmarks/bench_validate.cpp measures what they buy.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include <sgwchap/version.hpp>

// x86-64's baseline SSE2: the strict validators' accept-only fast paths (below) use it to
// classify 16 bytes per instruction, and the JSON writer and decoder to find the bytes that end a
// plain run of a string. Elsewhere, or with -DSGWCHAP_NO_SSE2 (the one switch for every SIMD
// path), those paths are compiled out and the SWAR and byte code alone runs (the same answers, a
// little slower).
#if defined(__SSE2__) && !defined(SGWCHAP_NO_SSE2)
#include <emmintrin.h>
#define SGWCHAP_DETAIL_SSE2 1
#else
#define SGWCHAP_DETAIL_SSE2 0
#endif

// Small helpers on hot paths that the compiler must inline for their constants to fold.
#if defined(__GNUC__) || defined(__clang__)
#define SGWCHAP_DETAIL_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define SGWCHAP_DETAIL_ALWAYS_INLINE inline
#endif

SGWCHAP_BEGIN_NAMESPACE
namespace detail::swar {

inline constexpr std::uint64_t ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t high = 0x8080808080808080ULL;

/// The 8 bytes at `p`, first byte in the lowest bits.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE std::uint64_t load8(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// The predicates below take a word whose bytes are all ASCII (< 0x80) and return the high bit
// of each byte that satisfies them. No byte's arithmetic carries into the next one.

/// Bytes in [lo, hi].
[[nodiscard]] constexpr std::uint64_t in_range(std::uint64_t w, unsigned lo, unsigned hi) noexcept {
  return (w + ones * (0x80U - lo)) & ~(w + ones * (0x7FU - hi)) & high;
}
/// Bytes equal to c.
[[nodiscard]] constexpr std::uint64_t equal_to(std::uint64_t w, unsigned c) noexcept {
  return ~((w ^ (ones * c)) + ones * 0x7FU) & high;
}
[[nodiscard]] constexpr std::uint64_t lower_or_digit(std::uint64_t w) noexcept {
  return in_range(w, 'a', 'z') | in_range(w, '0', '9');
}

/// Advances `pos` by whole words while `pos + 8 <= end` and every byte of the word is ASCII
/// and satisfies `accept` (a predicate above, as a callable on the word). Run time only.
template <class Accept>
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE std::size_t skip(std::string_view s, std::size_t pos, std::size_t end,
                                                            Accept accept) noexcept {
  if (end > s.size()) end = s.size();
  while (pos + 8 <= end) {
    const std::uint64_t w = load8(s.data() + pos);
    if ((w & high) != 0 || accept(w) != high) break;
    pos += 8;
  }
  return pos;
}

/// True when the `literal.size()` bytes of `s` at `pos` equal `literal` (run time only;
/// compares 8 bytes at a time, the last word overlapping).
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE bool equal_at(std::string_view s, std::size_t pos,
                                                         std::string_view literal) noexcept {
  const std::size_t n = literal.size();
  if (pos > s.size() || s.size() - pos < n) return false;
  const char* p = s.data() + pos;
  if (n >= 4 && n < 8) {  // two 4-byte words, the second one overlapping
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::uint32_t c = 0;
    std::uint32_t d = 0;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, literal.data(), 4);
    std::memcpy(&c, p + n - 4, 4);
    std::memcpy(&d, literal.data() + n - 4, 4);
    return ((a ^ b) | (c ^ d)) == 0;
  }
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i) {
      if (p[i] != literal[i]) return false;
    }
    return true;
  }
  std::uint64_t diff = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) diff |= load8(p + i) ^ load8(literal.data() + i);
  if (i < n) diff |= load8(p + n - 8) ^ load8(literal.data() + n - 8);
  return diff == 0;
}

}  // namespace detail::swar

#if SGWCHAP_DETAIL_SSE2
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
#endif

SGWCHAP_END_NAMESPACE
