// sgwchap — terminal-safe rendering of untrusted text, one character at a time: the one
// implementation, and the one spelling, behind every escape sgwchap prints (the fmt formatters
// of fmt.hpp, through which the command-line tool prints too).
//
// A value echoed to a terminal may hold bytes the terminal would act on: ESC starts a control
// sequence, bidirectional overrides (U+202E, "Trojan Source", CVE-2021-42574) reorder what the
// reader sees, C1 controls and invalid UTF-8 confuse terminals, zero-width characters hide
// differences. `show_char` says how one character is shown: as it is, or as a visible escape,
// and how many columns that takes (one per UTF-8 character, the escape's length for an escaped
// one; wide East Asian characters are not measured).
//
// The spelling: `\t` `\n` `\r` for those three controls, `\xhh` (lower-case hex) for every other
// C0 control, DEL and every byte that is not well-formed UTF-8 (RFC 3629 §4), `\uhhhh` for an
// unsafe code point, `\\` for a backslash (so every escape is unambiguous), and `\"` inside a
// quoted string. `\uhhhh` is also JSON's spelling (RFC 8259 §7), so text and JSON output agree.
//
// Standard library and detail/utf8.hpp only: no fmt, no Boost, no <regex>, no <iostream>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// True for code points at or above U+0080 that must never reach a terminal raw: C1 controls
/// (U+0080..U+009F), the bidirectional formatting characters (U+061C, U+200E, U+200F,
/// U+202A..U+202E, U+2066..U+2069; Unicode UAX #9), the zero-width characters U+200B..U+200D and
/// U+2060, the line/paragraph separators U+2028/U+2029 and U+FEFF.
[[nodiscard]] constexpr bool is_unsafe_code_point(char32_t cp) noexcept {
  return (cp >= 0x80U && cp <= 0x9FU) || cp == 0x061CU || (cp >= 0x200BU && cp <= 0x200FU) ||
         (cp >= 0x202AU && cp <= 0x202EU) || (cp >= 0x2066U && cp <= 0x2069U) || cp == 0x2028U || cp == 0x2029U ||
         cp == 0x2060U || cp == 0xFEFFU;
}

/// True for any character that is shown escaped: C0 controls, DEL and the unsafe code points.
[[nodiscard]] constexpr bool must_escape(char32_t cp) noexcept {
  return cp < 0x20U || cp == 0x7FU || is_unsafe_code_point(cp);
}

/// One character of `s` at `pos` as the terminal should see it: `length` input bytes, written
/// as `text` (empty: write the input bytes themselves), taking `columns` columns.
struct shown_char {
  std::size_t length;
  std::size_t columns;
  char text[8];
  std::size_t text_size;
};

/// How the character at byte `pos` (< s.size()) of `s` is shown (the spelling above); `quoted`
/// also escapes `"`.
[[nodiscard]] constexpr shown_char show_char(std::string_view s, std::size_t pos, bool quoted = false) noexcept {
  constexpr std::string_view hex = "0123456789abcdef";
  shown_char out{1, 1, {}, 0};
  auto put = [&out](char c) { out.text[out.text_size++] = c; };
  auto put_hex_byte = [&](std::uint32_t v) {
    put('\\');
    put('x');
    put(hex[(v >> 4U) & 0xFU]);
    put(hex[v & 0xFU]);
  };
  const std::uint8_t b = byte_at(s, pos);
  if (b >= 0x20U && b < 0x7FU) {
    if (b == '\\' || (b == '"' && quoted)) {
      put('\\');
      put(static_cast<char>(b));
      out.columns = 2;
    }
    return out;
  }
  if (b < 0x80U) {  // C0 control or DEL
    if (b == '\n' || b == '\t' || b == '\r') {
      put('\\');
      put(b == '\n' ? 'n' : b == '\t' ? 't' : 'r');
    } else {
      put_hex_byte(b);
    }
    out.columns = out.text_size;
    return out;
  }
  const utf8_char c = decode_utf8(s, pos);
  if (c.length == 0) {
    put_hex_byte(b);
    out.columns = out.text_size;
    return out;
  }
  out.length = c.length;
  if (is_unsafe_code_point(c.code_point)) {  // all below U+10000: four hex digits suffice
    put('\\');
    put('u');
    for (int shift = 12; shift >= 0; shift -= 4) put(hex[(c.code_point >> static_cast<unsigned>(shift)) & 0xFU]);
    out.columns = out.text_size;
  }
  return out;  // one column: wide (East Asian) characters are not measured
}

/// The start of the character that contains byte `pos` (steps back over continuation bytes).
[[nodiscard]] constexpr std::size_t char_start(std::string_view s, std::size_t pos) noexcept {
  std::size_t back = 0;
  while (pos > 0 && back < 3 && pos < s.size() && is_continuation(byte_at(s, pos))) {
    --pos;
    ++back;
  }
  return pos;
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
