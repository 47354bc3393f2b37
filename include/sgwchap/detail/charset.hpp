// sgwchap — character classes of the grammars, as constexpr 256-entry tables.
// tests/test_charset.cpp checks every class against all 256 byte values.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

enum char_class : std::uint8_t {
  cc_digit = 1U << 0U,        ///< [0-9]
  cc_lower = 1U << 1U,        ///< [a-z]
  cc_upper = 1U << 2U,        ///< [A-Z]
  cc_hex_lower = 1U << 3U,    ///< [0-9a-f]
  cc_hex_upper = 1U << 4U,    ///< [0-9A-F]
  cc_iqn_name = 1U << 5U,     ///< MODEL IqnName: [0-9a-z:.-]
  cc_target_name = 1U << 6U,  ///< MODEL TargetName: [-.;a-z0-9]
  cc_label = 1U << 7U,        ///< a reversed-domain label character: [a-z0-9-] (RFC 3720 §3.2.6.3.1)
};

[[nodiscard]] constexpr std::array<std::uint8_t, 256> make_char_table() noexcept {
  std::array<std::uint8_t, 256> t{};
  for (unsigned c = 0; c < 256; ++c) {
    std::uint8_t bits = 0;
    const bool digit = c >= '0' && c <= '9';
    const bool lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    if (digit) bits |= cc_digit;
    if (lower) bits |= cc_lower;
    if (upper) bits |= cc_upper;
    if (digit || (c >= 'a' && c <= 'f')) bits |= cc_hex_lower;
    if (digit || (c >= 'A' && c <= 'F')) bits |= cc_hex_upper;
    if (digit || lower || c == ':' || c == '.' || c == '-') bits |= cc_iqn_name;
    if (digit || lower || c == ';' || c == '.' || c == '-') bits |= cc_target_name;
    if (digit || lower || c == '-') bits |= cc_label;
    t[c] = bits;
  }
  return t;
}

inline constexpr std::array<std::uint8_t, 256> char_table = make_char_table();

[[nodiscard]] constexpr bool in_class(char c, std::uint8_t cls) noexcept {
  return (char_table[static_cast<std::uint8_t>(c)] & cls) != 0;
}

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }

/// ASCII case-insensitive equality (HTTP header names, RFC 9110 §5.1).
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
