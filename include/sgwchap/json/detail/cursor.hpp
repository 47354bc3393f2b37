// sgwchap — byte positions for the decoders' boost::json::basic_parser handlers. Internal.
//
// basic_parser hands a handler no positions. A `json_cursor` keeps one: the byte after the last
// token the handler was told about. At each event it skips white space, `,` and `:` from the
// cursor; the token starts there (the parser already accepted these bytes, so this re-lexing
// cannot disagree with it). It then moves past the token: one byte for `{ } [ ]`, 4 or 5 for
// literals, the number's characters, and for a string either the view the parser gave (when it
// points into the input: an unescaped string, the usual case) or a scan to the closing quote.
// So every value and key has its exact first byte at no extra pass (RFC 8259 §2: the
// structural characters and insignificant white space).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/basic_parser.hpp>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

[[nodiscard]] constexpr bool is_ws(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class json_cursor {
 public:
  explicit json_cursor(std::string_view input) noexcept : input_(input) {}

  [[nodiscard]] std::string_view input() const noexcept { return input_; }
  [[nodiscard]] std::size_t position() const noexcept { return cursor_; }

  /// The first byte of the next token (after white space, `,` and `:`).
  std::size_t skip_separators() noexcept {
    while (cursor_ < input_.size() && (is_ws(input_[cursor_]) || input_[cursor_] == ',' || input_[cursor_] == ':')) {
      ++cursor_;
    }
    return cursor_;
  }
  /// A token of `length` bytes (`{ } [ ]` and the literals): its first byte.
  std::size_t token(std::size_t length) noexcept {
    const std::size_t at = skip_separators();
    cursor_ = at + length;
    return at;
  }
  /// A string token whose decoded text is `s` (a view into the input when it had no escape and
  /// was not delivered in parts): its opening quote.
  std::size_t string_token(boost::json::string_view s, bool had_parts) noexcept {
    const std::size_t at = skip_separators();
    const char* expected = input_.data() + at + 1;
    if (!had_parts && s.data() == expected && at + 1 + s.size() < input_.size() && input_[at + 1 + s.size()] == '"') {
      cursor_ = at + s.size() + 2;
      return at;
    }
    std::size_t i = at + 1;
    while (i < input_.size() && input_[i] != '"') i += input_[i] == '\\' ? std::size_t{2} : std::size_t{1};
    cursor_ = i + 1;
    return at;
  }
  /// A number token: its first byte. The token ends where RFC 8259 §6's grammar does, so that a
  /// byte the parser refuses right after a number (`01`, `5-`) is not read as part of it:
  ///   number = [ "-" ] ( "0" / ( %x31-39 *DIGIT ) ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT ]
  std::size_t number_token() noexcept {
    const std::size_t at = skip_separators();
    const auto digit = [this](std::size_t k) { return k < input_.size() && input_[k] >= '0' && input_[k] <= '9'; };
    std::size_t i = at;
    if (i < input_.size() && input_[i] == '-') ++i;
    if (i < input_.size() && input_[i] == '0') {
      ++i;
    } else {
      while (digit(i)) ++i;
    }
    if (i < input_.size() && input_[i] == '.' && digit(i + 1)) {
      ++i;
      while (digit(i)) ++i;
    }
    if (i < input_.size() && (input_[i] == 'e' || input_[i] == 'E')) {
      std::size_t e = i + 1;
      if (e < input_.size() && (input_[e] == '-' || input_[e] == '+')) ++e;
      if (digit(e)) {
        i = e;
        while (digit(i)) ++i;
      }
    }
    cursor_ = i;
    return at;
  }
  /// True when the string `s` the parser delivered points into the input (no copy of ours or
  /// of the parser's holds its bytes).
  [[nodiscard]] bool from_input(boost::json::string_view s) const noexcept {
    return s.data() >= input_.data() && s.data() <= input_.data() + input_.size();
  }

 private:
  std::string_view input_;
  std::size_t cursor_{0};
};

/// Appends the decoded text of the JSON string whose opening quote is at `offset` of `input`
/// (already accepted by the parser; RFC 8259 §7 escapes, a lone surrogate as U+FFFD). Used only
/// to name a key in an error's pointer.
inline void append_unescaped_string(std::string& out, std::string_view input, std::size_t offset) {
  auto hex = [&](std::size_t at) -> std::uint32_t {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4 && at + k < input.size(); ++k) {
      const char c = input[at + k];
      v = v * 16U + static_cast<std::uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
  };
  auto put = [&](std::uint32_t cp) {
    if (cp < 0x80U) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800U) {
      out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
      out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else if (cp < 0x10000U) {
      out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
      out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else {
      out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
      out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    }
  };
  std::size_t i = offset + 1;
  while (i < input.size() && input[i] != '"') {
    if (input[i] != '\\') {
      out.push_back(input[i++]);
      continue;
    }
    if (i + 1 >= input.size()) break;
    const char e = input[i + 1];
    i += 2;
    switch (e) {
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        std::uint32_t cp = hex(i);
        i += 4;
        if (cp >= 0xD800U && cp <= 0xDBFFU && i + 6 <= input.size() && input[i] == '\\' && input[i + 1] == 'u') {
          const std::uint32_t low = hex(i + 2);
          if (low >= 0xDC00U && low <= 0xDFFFU) {
            cp = 0x10000U + ((cp - 0xD800U) << 10U) + (low - 0xDC00U);
            i += 6;
          }
        }
        put(cp >= 0xD800U && cp <= 0xDFFFU ? 0xFFFDU : cp);
        break;
      }
      default: out.push_back(e); break;
    }
  }
}

/// The offset of the first `\uXXXX` escape of a lone surrogate (RFC 8259 §7: a high surrogate
/// U+D800..U+DBFF not followed by a `\u` escape of a low one U+DC00..U+DFFF, or a low one alone)
/// inside a string of `body` before `limit`, or npos. Such an escape is valid JSON text but names
/// no Unicode scalar value, so the decoded string could not be UTF-8 (RFC 3629 §3). `body` need
/// not be valid JSON: strings are found by their quotes and escapes only.
[[nodiscard]] constexpr std::size_t find_lone_surrogate(std::string_view body, std::size_t limit) noexcept {
  const auto hex4 = [&body](std::size_t at, std::uint32_t& v) {
    if (at + 4 > body.size()) return false;
    v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = body[at + k];
      const std::uint32_t d = c >= '0' && c <= '9'   ? static_cast<std::uint32_t>(c - '0')
                              : c >= 'a' && c <= 'f' ? static_cast<std::uint32_t>(c - 'a' + 10)
                              : c >= 'A' && c <= 'F' ? static_cast<std::uint32_t>(c - 'A' + 10)
                                                     : 16U;
      if (d == 16U) return false;
      v = v * 16U + d;
    }
    return true;
  };
  if (limit > body.size()) limit = body.size();
  bool in_string = false;
  for (std::size_t i = 0; i < limit; ++i) {
    const char c = body[i];
    if (!in_string) {
      in_string = c == '"';
      continue;
    }
    if (c == '"') {
      in_string = false;
    } else if (c == '\\' && i + 1 < body.size()) {
      std::uint32_t v = 0;
      if (body[i + 1] == 'u' && hex4(i + 2, v) && v >= 0xD800U && v <= 0xDFFFU) {
        std::uint32_t low = 0;
        const bool paired = v <= 0xDBFFU && i + 7 < body.size() && body[i + 6] == '\\' && body[i + 7] == 'u' &&
                            hex4(i + 8, low) && low >= 0xDC00U && low <= 0xDFFFU;
        if (!paired) return i;
        i += 11;  // the pair
        continue;
      }
      ++i;  // the escaped character
    }
  }
  return std::string_view::npos;
}

/// Levenshtein distance for short ASCII names (unknown_key's "did you mean"); capped inputs.
[[nodiscard]] constexpr std::size_t edit_distance(std::string_view a, std::string_view b) noexcept {
  constexpr std::size_t cap = 48;
  if (a.size() > cap || b.size() > cap) return cap + 1;
  std::size_t row[cap + 1]{};
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? std::size_t{0} : std::size_t{1};
      std::size_t best = diagonal + cost;
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
