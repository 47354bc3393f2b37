// sgwchap — constexpr UTF-8 checking (RFC 3629 §3 and §4's syntax).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sgwchap/detail/swar.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// One decoded scalar value, or `length == 0` when the bytes at the position are not
/// well-formed UTF-8 (overlong forms, surrogates U+D800..U+DFFF, above U+10FFFF, truncated).
struct utf8_char {
  char32_t code_point;
  std::size_t length;
};

[[nodiscard]] constexpr std::uint8_t byte_at(std::string_view s, std::size_t i) noexcept {
  return static_cast<std::uint8_t>(s[i]);
}

[[nodiscard]] constexpr bool is_continuation(std::uint8_t b) noexcept { return (b & 0xC0U) == 0x80U; }

/// Decodes the character starting at `pos` (< s.size()). Follows RFC 3629 §4's UTF8-char
/// grammar exactly, so the second byte's range excludes overlongs and surrogates.
[[nodiscard]] constexpr utf8_char decode_utf8(std::string_view s, std::size_t pos) noexcept {
  const std::uint8_t b0 = byte_at(s, pos);
  if (b0 < 0x80U) return {b0, 1};
  std::size_t length = 0;
  std::uint8_t low = 0x80U;
  std::uint8_t high = 0xBFU;
  char32_t cp = 0;
  if (b0 >= 0xC2U && b0 <= 0xDFU) {
    length = 2;
    cp = b0 & 0x1FU;
  } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
    length = 3;
    cp = b0 & 0x0FU;
    if (b0 == 0xE0U) low = 0xA0U;   // no overlong
    if (b0 == 0xEDU) high = 0x9FU;  // no surrogates
  } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
    length = 4;
    cp = b0 & 0x07U;
    if (b0 == 0xF0U) low = 0x90U;   // no overlong
    if (b0 == 0xF4U) high = 0x8FU;  // nothing above U+10FFFF
  } else {
    return {0, 0};  // 0x80..0xC1 (continuation or overlong lead) and 0xF5..0xFF
  }
  if (s.size() - pos < length) return {0, 0};
  const std::uint8_t b1 = byte_at(s, pos + 1);
  if (b1 < low || b1 > high) return {0, 0};
  cp = (cp << 6U) | (b1 & 0x3FU);
  for (std::size_t i = 2; i < length; ++i) {
    const std::uint8_t b = byte_at(s, pos + i);
    if (!is_continuation(b)) return {0, 0};
    cp = (cp << 6U) | (b & 0x3FU);
  }
  return {cp, length};
}

/// Whole-string check: `ok`, the offset of the first bad byte (when not ok), and the number
/// of scalar values (MODEL lengths count them).
struct utf8_scan {
  bool ok;
  std::size_t error_offset;
  std::size_t scalars;
};

[[nodiscard]] constexpr utf8_scan scan_utf8(std::string_view s) noexcept {
  std::size_t scalars = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!std::is_constant_evaluated() && s.size() - i >= 8) {  // ASCII runs: 8 scalars per word
      const std::size_t next = swar::skip(s, i, s.size(), [](std::uint64_t) { return swar::high; });
      scalars += next - i;
      i = next;
      if (i == s.size()) break;
    }
    if (byte_at(s, i) < 0x80U) {
      ++i;
    } else {
      const utf8_char c = decode_utf8(s, i);
      if (c.length == 0) return {false, i, scalars};
      i += c.length;
    }
    ++scalars;
  }
  return {true, 0, scalars};
}

/// Byte offset of the scalar value with index `n` (0-based), or s.size() if there are fewer.
/// `s` must be well-formed UTF-8.
[[nodiscard]] constexpr std::size_t offset_of_scalar(std::string_view s, std::size_t n) noexcept {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < s.size(); ++k) {
    const std::uint8_t b = byte_at(s, i);
    i += b < 0x80U ? 1 : b < 0xE0U ? 2 : b < 0xF0U ? 3 : 4;
  }
  return i < s.size() ? i : s.size();
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
