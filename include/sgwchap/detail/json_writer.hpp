// sgwchap — the JSON writer of the encoder: compact output, RFC 8259 §7 string escaping.
// Light: no Boost.JSON. Writes through any sink with append(const char*, size_t), push_back,
// size(), capacity() and reserve() (std::string, secure_buffer), or only counts.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/http_request.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// What the encoder can write into: `std::string`, `secure_buffer`, or any type with this shape.
template <class Out>
concept body_sink = requires(Out& out, const char* p, std::size_t n, char c) {
  out.append(p, n);
  out.push_back(c);
  out.reserve(n);
  { out.size() } -> std::convertible_to<std::size_t>;
  { out.capacity() } -> std::convertible_to<std::size_t>;
};

namespace detail {

/// A sink that only counts: the first of the encoder's two passes.
struct counting_sink {
  std::size_t n{0};
  void append(const char*, std::size_t k) noexcept { n += k; }
  void push_back(char) noexcept { ++n; }
  [[nodiscard]] std::size_t size() const noexcept { return n; }
};

/// RFC 8259 §7: `"` and `\` and U+0000..U+001F must be escaped; everything else stays raw
/// (non-ASCII stays UTF-8). The short forms \b \f \n \r \t, else \u00xx (lower-case hex, as
/// botocore's json.dumps writes).
[[nodiscard]] constexpr std::size_t escape_length(unsigned char c) noexcept {
  if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') return 2;
  return c < 0x20U ? 6 : 1;
}

/// Writes `s` as a JSON string, quotes included. `s` must be valid UTF-8 (checked before).
template <class Sink>
void write_string(Sink& out, std::string_view s) {
  out.push_back('"');
  std::size_t run = 0;  // start of the current run of bytes that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20U && c != '"' && c != '\\') continue;
    if (i > run) out.append(s.data() + run, i - run);
    run = i + 1;
    char esc[6] = {'\\', 'u', '0', '0', '0', '0'};
    switch (c) {
      case '"': esc[1] = '"'; out.append(esc, 2); break;
      case '\\': esc[1] = '\\'; out.append(esc, 2); break;
      case '\b': esc[1] = 'b'; out.append(esc, 2); break;
      case '\f': esc[1] = 'f'; out.append(esc, 2); break;
      case '\n': esc[1] = 'n'; out.append(esc, 2); break;
      case '\r': esc[1] = 'r'; out.append(esc, 2); break;
      case '\t': esc[1] = 't'; out.append(esc, 2); break;
      default:
        esc[4] = static_cast<char>('0' + (c >> 4U));
        esc[5] = "0123456789abcdef"[c & 0xFU];
        out.append(esc, 6);
        break;
    }
  }
  if (s.size() > run) out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

template <class Sink>
void write_raw(Sink& out, std::string_view s) {
  out.append(s.data(), s.size());
}

/// Writes `,"key":` (the comma unless first) — keys are our own ASCII member names.
template <class Sink>
void write_key(Sink& out, bool& first, std::string_view key) {
  if (!first) out.push_back(',');
  first = false;
  out.push_back('"');
  out.append(key.data(), key.size());
  out.append("\":", 2);
}

/// Records where a secret's value lands in the body (for redaction), when `spans` is given.
struct span_recorder {
  body_span* spans{nullptr};
  std::size_t count{0};
};

template <class Sink>
void write_member(Sink& out, bool& first, std::string_view key, std::string_view value,
                  span_recorder* secrets = nullptr) {
  write_key(out, first, key);
  const std::size_t start = out.size() + 1;
  write_string(out, value);
  if (secrets != nullptr && secrets->spans != nullptr) {
    secrets->spans[secrets->count++] = body_span{start, out.size() - 1 - start};
  }
}

/// Reserves room for `extra` more bytes when the capacity does not suffice (never shrinks).
template <class Out>
void reserve_more(Out& out, std::size_t extra) {
  if (out.capacity() - out.size() < extra) out.reserve(out.size() + extra);
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
