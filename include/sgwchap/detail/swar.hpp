// sgwchap — run-time fast paths that look at 8 bytes at a time (SWAR: SIMD within a register).
//
// Each helper only *skips* bytes that the exact byte-at-a-time code would accept without
// changing its state; the byte loop then resumes where the skip stopped, so every error, offset
// and view is the one the byte loop alone produces. In constant evaluation the helpers skip
// nothing (std::is_constant_evaluated), so the constexpr path is the plain grammar code.
// benchmarks/bench_validate.cpp measures what they buy. The 16-byte (SSE2) fast paths are in
// detail/accel/, out of the grammar headers.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include <sgwchap/version.hpp>

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

SGWCHAP_END_NAMESPACE
