// sgwchap — terminal-safe rendering of untrusted text, one character at a time: the one
// implementation behind the fmt formatters (sgwchap::escaped, with_input; fmt.hpp) and the
// command-line tool's escaping and carets (tools/sgwchap/render.hpp).
//
// A value echoed to a terminal may hold bytes the terminal would act on: ESC starts a control
// sequence, bidirectional overrides (U+202E, "Trojan Source") reorder what the reader sees, C1
// controls and invalid UTF-8 confuse terminals. `show_char` says how one character is shown:
// as it is, or as a visible escape, and how many columns that takes (one per UTF-8 character,
// the escape's length for an escaped one; wide East Asian characters are not measured).
// The two users differ only in spelling, given by an `escape_style`.
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

/// How escapes are spelled, and which printable characters are escaped too.
struct escape_style {
  bool lower_hex;         ///< `\x1b` rather than `\x1B`
  bool braced_unicode;    ///< `\u{202E}` rather than `\u202E`
  bool escape_backslash;  ///< `\` as `\\` (so that every escape is unambiguous)
  bool escape_quote;      ///< `"` as `\"` (quoted output)
  bool escape_invisible;  ///< also U+200B..U+200D and U+2060 (zero-width characters)
};

/// True for code points at or above U+0080 that must never reach a terminal raw: C1 controls
/// (U+0080..U+009F), the bidirectional formatting characters (U+061C, U+200E, U+200F,
/// U+202A..U+202E, U+2066..U+2069), the line/paragraph separators U+2028/U+2029 and U+FEFF;
/// with `invisible`, also the zero-width characters U+200B..U+200D and U+2060.
[[nodiscard]] constexpr bool is_unsafe_code_point(char32_t cp, bool invisible = false) noexcept {
  return (cp >= 0x80U && cp <= 0x9FU) || cp == 0x061CU || cp == 0x200EU || cp == 0x200FU ||
         (cp >= 0x202AU && cp <= 0x202EU) || (cp >= 0x2066U && cp <= 0x2069U) || cp == 0x2028U || cp == 0x2029U ||
         cp == 0xFEFFU || (invisible && ((cp >= 0x200BU && cp <= 0x200DU) || cp == 0x2060U));
}

/// One character of `s` at `pos` as the terminal should see it: `length` input bytes, written
/// as `text` (empty: write the input bytes themselves), taking `columns` columns.
struct shown_char {
  std::size_t length;
  std::size_t columns;
  char text[12];
  std::size_t text_size;
};

/// How the character at byte `pos` (< s.size()) of `s` is shown under `style`: printable ASCII
/// and safe UTF-8 as they are; C0 controls and DEL as `\n`, `\t`, `\r` or `\xHH`; a byte that
/// is not well-formed UTF-8 as `\xHH` (length 1); an unsafe code point as `\uHHHH` or `\u{HHHH}`.
[[nodiscard]] constexpr shown_char show_char(std::string_view s, std::size_t pos, const escape_style& style) noexcept {
  const std::string_view hex = style.lower_hex ? "0123456789abcdef" : "0123456789ABCDEF";
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
    if ((b == '\\' && style.escape_backslash) || (b == '"' && style.escape_quote)) {
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
  if (is_unsafe_code_point(c.code_point, style.escape_invisible)) {
    put('\\');
    put('u');
    if (style.braced_unicode) put('{');
    for (int shift = 12; shift >= 0; shift -= 4) put(hex[(c.code_point >> static_cast<unsigned>(shift)) & 0xFU]);
    if (style.braced_unicode) put('}');
    out.columns = out.text_size;
  }
  return out;  // one column: wide (East Asian) characters are not measured
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
