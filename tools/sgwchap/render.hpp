// sgwchap tool — terminal-safe rendering of untrusted values, carets and colour.
//
// Every value the tool echoes (an argument being validated, a string decoded from the service)
// may contain bytes that a terminal would act on: ESC starts a control sequence, bidirectional
// overrides (U+202E, "Trojan Source") reorder what the reader sees, C1 controls and invalid UTF-8
// confuse terminals. `escape_for_terminal` prints each such character as a visible escape, and
// `caret_line` points at a byte offset in that escaped form, counting what the terminal shows:
// one column per UTF-8 character, the escape's length for an escaped character.
//
// The escaping itself is sgwchap/detail/render.hpp, shared with the fmt formatters (fmt.hpp);
// this header adds the tool's spelling, carets and colour. Standard library only (no fmt, no
// Boost.JSON).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <sgwchap/detail/render.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace render {

/// One unit of the input as the terminal will show it: one UTF-8 character or one invalid byte.
struct unit {
  std::size_t offset;   ///< byte offset of the unit in the input
  std::size_t length;   ///< bytes of input it covers (1 for an invalid byte)
  char32_t code_point;  ///< the decoded character; for an invalid byte, the byte itself
  bool valid;           ///< false for a byte that is not well-formed UTF-8
};

/// True for characters that must never reach a terminal raw: C0 controls (including tab, line
/// feed and ESC), DEL, C1 controls (U+0080..U+009F), the bidirectional formatting characters
/// (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), invisible characters that hide
/// differences (U+200B..U+200D, U+2060, U+FEFF) and the line/paragraph separators U+2028/U+2029.
[[nodiscard]] constexpr bool must_escape(char32_t cp) noexcept {
  return cp < 0x20U || cp == 0x7FU || detail::is_unsafe_code_point(cp, true);
}

/// The unit starting at byte `pos` (< s.size()).
[[nodiscard]] constexpr unit unit_at(std::string_view s, std::size_t pos) noexcept {
  const detail::utf8_char c = detail::decode_utf8(s, pos);
  if (c.length == 0) return {pos, 1, detail::byte_at(s, pos), false};
  return {pos, c.length, c.code_point, true};
}

namespace detail_render {
/// The tool's spelling of escapes: lower-case hex, `\uHHHH`, `\` always escaped, zero-width
/// characters escaped too.
inline constexpr detail::escape_style tool_style{true, false, true, false, true};

[[nodiscard]] constexpr detail::shown_char show(std::string_view s, std::size_t pos) noexcept {
  return detail::show_char(s, pos, tool_style);
}
}  // namespace detail_render

/// The value with every character of `must_escape` (and every invalid byte, and `\`) written as
/// a visible escape: `\t` `\n` `\r` `\xHH` `\uHHHH` `\\`. Safe to print on any terminal.
[[nodiscard]] inline std::string escape_for_terminal(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  for (std::size_t i = 0; i < value.size();) {
    const detail::shown_char c = detail_render::show(value, i);
    if (c.text_size == 0) {
      out.append(value.substr(i, c.length));
    } else {
      out.append(c.text, c.text_size);
    }
    i += c.length;
  }
  return out;
}

/// Where byte `offset` of `value` appears in `escape_for_terminal(value)`: the column (0-based)
/// and the width of the unit that contains it. An offset at or past the end points just after
/// the last column, width 1 (e.g. "too short").
struct caret_position {
  std::size_t column;
  std::size_t width;
};

[[nodiscard]] constexpr caret_position caret_at(std::string_view value, std::size_t offset) noexcept {
  std::size_t column = 0;
  for (std::size_t i = 0; i < value.size();) {
    const detail::shown_char c = detail_render::show(value, i);
    if (offset < i + c.length) return {column, c.columns};
    column += c.columns;
    i += c.length;
  }
  return {column, 1};
}

/// SGR colours of the tool's output; empty strings when colour is off.
struct palette {
  std::string_view error;  ///< bold red
  std::string_view caret;  ///< bold green, as compilers draw it
  std::string_view note;   ///< bold cyan
  std::string_view ok;     ///< bold green
  std::string_view field;  ///< bold
  std::string_view reset;

  [[nodiscard]] static constexpr palette colour() noexcept {
    return {"\x1b[1;31m", "\x1b[1;32m", "\x1b[1;36m", "\x1b[1;32m", "\x1b[1m", "\x1b[0m"};
  }
  [[nodiscard]] static constexpr palette plain() noexcept { return {"", "", "", "", "", ""}; }
  [[nodiscard]] constexpr bool enabled() const noexcept { return !reset.empty(); }
};

/// Colour is used only when the stream is a terminal and NO_COLOR is absent or empty
/// (https://no-color.org: "when present and not an empty string ... prevents ... color").
/// `no_color` is getenv("NO_COLOR"); `is_terminal` is isatty() of the stream.
[[nodiscard]] constexpr bool want_colour(bool is_terminal, const char* no_color) noexcept {
  const bool no_color_set = no_color != nullptr && no_color[0] != '\0';
  return is_terminal && !no_color_set;
}

/// Two lines, compiler style: the escaped value, and under it a caret at byte `offset`
/// (`^` followed by `~` across the rest of an escape). Both start with `indent` spaces and end
/// with '\n'.
[[nodiscard]] inline std::string caret_lines(std::string_view value, std::size_t offset, const palette& colours,
                                             std::size_t indent = 4) {
  const caret_position where = caret_at(value, offset);
  std::string out(indent, ' ');
  out += escape_for_terminal(value);
  out += '\n';
  out.append(indent + where.column, ' ');
  out += colours.caret;
  out += '^';
  out.append(where.width - 1, '~');
  out += colours.reset;
  out += '\n';
  return out;
}

}  // namespace render
SGWCHAP_END_NAMESPACE
