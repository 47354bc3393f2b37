// sgwchap — the accept-only SSE2 fast path of parse_iscsi_name under the strict profile, for
// `iqn.` names (detail/accel/simd.hpp says when it is compiled and why it stays). It never
// reports an error: for anything unusual it returns false, and the exact grammar in
// iscsi_name.hpp (parse_iqn_body, with the ABNF) decides. tests/test_runtime_paths.cpp checks it
// against the exact grammar on mutated inputs.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sgwchap/detail/accel/simd.hpp>
#include <sgwchap/detail/swar.hpp>
#include <sgwchap/limits.hpp>

#if SGWCHAP_DETAIL_SSE2
SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// The parts of an accepted `iqn.` name.
struct iqn_parts {
  unsigned year{0};
  unsigned month{0};
  std::string_view authority{};
  std::string_view unique{};
};

/// MODEL IqnName's [0-9a-z:.-], 16 bytes at a time ('-' '.' and '0'..':' are two runs of ASCII).
struct iqn_name_chars {
  [[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE simd::block operator()(simd::block v) const noexcept {
    return _mm_or_si128(simd::in_range(v, 'a', 'z'),
                        _mm_or_si128(simd::in_range(v, '-', '.'), simd::in_range(v, '0', ':')));
  }
};

/// True (and `parts` filled) only for an `iqn.` name of 29..223 bytes that parse_iqn_body
/// accepts with the same parts; anything else returns false. Each byte is classified once, 16 at
/// a time, and the domain labels' rules (no empty label, no '-' at either end of a label) become
/// one test on pairs of neighbouring bytes: "..", ".-", "-." are the only pairs they forbid
/// inside the authority, plus a '.' or '-' at its two ends. An authority of more than 63 bytes
/// (where a label could be too long), an all-digit top-level label and a Storage Gateway
/// target's name go to the exact path.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE bool accept_strict_iqn(std::string_view s, iqn_parts& parts) noexcept {
  namespace V = simd;
  namespace L = iscsi_name_limits;
  using V::block;
  const std::size_t n = s.size();
  // 29 bytes: the pair loads below read 17 bytes from offset >= 12 (shorter names are rare).
  if (n < 29 || n > L::rfc_max_bytes || !swar::equal_at(s, 0, "iqn.")) return false;
  // MODEL's [0-9a-z:.-] over the whole value.
  if (!V::all_of(s, 0, n, iqn_name_chars{})) return false;
  // YYYY "-" MM "." at offsets 4..11, as one word: digits in its bytes 0-3 and 5-6, '-' in
  // byte 4, '.' in byte 7 (no ':' there, so the first ':' found below ends the authority).
  const std::uint64_t date = swar::load8(s.data() + 4);
  constexpr std::uint64_t digit_bytes = 0x0080800080808080ULL;
  if ((swar::in_range(date, '0', '9') & digit_bytes) != digit_bytes || ((date >> 32U) & 0xFFU) != '-' ||
      (date >> 56U) != '.') {
    return false;
  }
  const auto d = [&s](std::size_t i) { return static_cast<unsigned>(s[i] - '0'); };
  const unsigned month = d(9) * 10 + d(10);
  if (month < 1 || month > 12) return false;
  const std::size_t colon = V::find(s, 12, ':');
  const std::size_t authority_end = colon == std::string_view::npos ? n : colon;
  if (authority_end == 12 || colon + 1 == n) return false;    // empty authority or unique name
  if (authority_end - 12 > L::max_label_bytes) return false;  // a label could pass 63 bytes
  // A Storage Gateway target's name: its date word is tested first, so a usual name pays one compare.
  if (date == swar::load8(L::amazon_target_prefix.data() + 4) && swar::equal_at(s, 0, L::amazon_target_prefix)) {
    return false;
  }
  const auto separator = [](char c) { return c == '.' || c == '-'; };
  if (separator(s[12]) || separator(s[authority_end - 1])) return false;
  // The top-level label has a byte that is not a digit (its first byte, in a usual name).
  if (s[12] <= '9') {
    bool top_has_letter = false;
    for (std::size_t i = 13; i < authority_end && s[i] != '.' && !top_has_letter; ++i) {
      top_has_letter = s[i] < '0' || s[i] > '9';
    }
    if (!top_has_letter) return false;
  }
  // Pairs (i, i + 1) for i in [12, authority_end - 1): two loads one byte apart.
  for (std::size_t pos = 12; pos + 1 < authority_end; pos += 16) {
    const std::size_t base = pos + 17 <= n ? pos : n - 17;
    const block a = V::load16(s.data() + base);
    const block b = V::load16(s.data() + base + 1);
    const block a_dot = V::equal_to(a, '.');
    const block b_dot = V::equal_to(b, '.');
    const block bad = _mm_or_si128(_mm_and_si128(a_dot, _mm_or_si128(b_dot, V::equal_to(b, '-'))),
                                   _mm_and_si128(V::equal_to(a, '-'), b_dot));
    const std::size_t pairs = authority_end - 1 - pos;
    const unsigned wanted = pairs >= 16 ? 0xFFFFU : (1U << pairs) - 1U;
    if (((V::bits(bad) >> (pos - base)) & wanted) != 0) return false;
  }
  parts.year = d(4) * 1000 + d(5) * 100 + d(6) * 10 + d(7);
  parts.month = month;
  parts.authority = s.substr(12, authority_end - 12);
  parts.unique = colon == std::string_view::npos ? std::string_view{} : s.substr(colon + 1);
  return true;
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
#endif
