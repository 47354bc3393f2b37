// sgwchap — the JSON writer of the encoder: compact output, RFC 8259 §7 string escaping.
// Light: no Boost.JSON. Writes through any sink with append(const char*, size_t), push_back,
// size(), capacity() and reserve() (std::string, secure_buffer), or only counts.
#pragma once

#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include <sgwchap/detail/swar.hpp>  // SGWCHAP_DETAIL_SSE2 and <emmintrin.h> when it is 1
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

/// A sink that only counts: the first of the encoder's two passes (`write_string` has an
/// overload that measures a whole string 8 bytes at a time).
struct counting_sink {
  std::size_t n{0};
  void append(const char*, std::size_t k) noexcept { n += k; }
  void push_back(char) noexcept { ++n; }
  [[nodiscard]] std::size_t size() const noexcept { return n; }
};

/// The second pass when the output can be sized up front (`std::string`): writes through a raw
/// pointer into bytes already sized by the first pass, so no call checks capacity and constant
/// fragments (keys, punctuation) become fixed-size copies. `size()` is the offset from `base`.
struct pointer_sink {
  char* base;
  char* p;
  SGWCHAP_DETAIL_ALWAYS_INLINE void append(const char* s, std::size_t k) noexcept {
    std::memcpy(p, s, k);
    p += k;
  }
  SGWCHAP_DETAIL_ALWAYS_INLINE void push_back(char c) noexcept { *p++ = c; }
  [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(p - base); }
};

/// RFC 8259 §7: `"` and `\` and U+0000..U+001F must be escaped; everything else stays raw
/// (non-ASCII stays UTF-8). The short forms \b \f \n \r \t, else \u00xx (lower-case hex, as
/// botocore's json.dumps writes).
[[nodiscard]] constexpr std::size_t escape_length(unsigned char c) noexcept {
  if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') return 2;
  return c < 0x20U ? 6 : 1;
}

[[nodiscard]] constexpr bool needs_escape(unsigned char c) noexcept { return c < 0x20U || c == '"' || c == '\\'; }

/// The high bit of each byte of `w` that needs an escape (`"`, `\`, < 0x20), exact for ANY byte
/// value: the arithmetic runs on the low 7 bits only (no carry crosses a byte), and bytes with
/// the high bit set (UTF-8 lead and continuation bytes, never escaped) are masked out. (The
/// ASCII-only predicates of swar.hpp do not fit here: a byte >= 0x80 would carry into its
/// neighbour, and 0xA2 / 0xDC would read as `"` / `\`.)
[[nodiscard]] constexpr std::uint64_t escape_mask(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = swar::ones;
  constexpr std::uint64_t low7 = ones * 0x7FU;
  const std::uint64_t t = w & low7;
  const std::uint64_t control = ~(t + ones * 0x60U);               // bit 7 set: t < 0x20
  const std::uint64_t quote = ~((t ^ (ones * 0x22U)) + low7);      // bit 7 set: t == '"'
  const std::uint64_t backslash = ~((t ^ (ones * 0x5CU)) + low7);  // bit 7 set: t == '\\'
  return (control | quote | backslash) & ~w & swar::high;
}

#if SGWCHAP_DETAIL_SSE2
/// One bit per byte of `v` (bit i: byte i) that needs an escape.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE unsigned escape_bits16(__m128i v) noexcept {
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);  // v <= 0x1F (unsigned)
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)));
}
#endif

/// The index of the first byte of `s` at or after `i` that needs an escape, or `s.size()`.
/// 16 bytes at a time with SSE2 (every x86-64 has it), then 8 at a time, then one last word that
/// overlaps the bytes already seen (only bytes 0..7 long strings go byte by byte).
[[nodiscard]] inline std::size_t next_escape(std::string_view s, std::size_t i) noexcept {
  const char* p = s.data();
  const std::size_t n = s.size();
#if SGWCHAP_DETAIL_SSE2
  for (; i + 16 <= n; i += 16) {
    if (const unsigned m = escape_bits16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))); m != 0) {
      return i + static_cast<std::size_t>(std::countr_zero(m));
    }
  }
#endif
  for (; i + 8 <= n; i += 8) {
    if (const std::uint64_t m = escape_mask(swar::load8(p + i)); m != 0) {
      return i + static_cast<std::size_t>(std::countr_zero(m)) / 8;
    }
  }
  if (i == n) return n;
  if (n >= 8) {
    // The last 8 bytes; the 8 - (n - i) lowest of them were checked above.
    const std::uint64_t m = escape_mask(swar::load8(p + n - 8)) & (~std::uint64_t{0} << (8 * (8 - (n - i))));
    return m == 0 ? n : n - 8 + static_cast<std::size_t>(std::countr_zero(m)) / 8;
  }
  for (; i < n; ++i) {
    if (needs_escape(static_cast<unsigned char>(p[i]))) return i;
  }
  return n;
}

/// True when `s` has 8..16 bytes and none needs an escape (a strict CHAP secret, typically):
/// two words, the second overlapping the first, settle it inline without a loop.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE bool short_and_clean(std::string_view s) noexcept {
  const std::size_t n = s.size();
  if (n - 8 > 8) return false;
#if SGWCHAP_DETAIL_SSE2
  const __m128i head = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s.data()));
  const __m128i tail = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s.data() + n - 8));
  return escape_bits16(_mm_unpacklo_epi64(head, tail)) == 0;
#else
  return (escape_mask(swar::load8(s.data())) | escape_mask(swar::load8(s.data() + n - 8))) == 0;
#endif
}

/// The size of `s` once escaped (quotes not included).
[[nodiscard]] inline std::size_t escaped_size(std::string_view s) noexcept {
  std::size_t size = s.size();
  for (std::size_t i = next_escape(s, 0); i < s.size(); i = next_escape(s, i + 1)) {
    size += escape_length(static_cast<unsigned char>(s[i])) - 1;
  }
  return size;
}

/// Appends the escape sequence of `c` (a byte that needs one).
template <class Sink>
void write_escape(Sink& out, unsigned char c) {
  char esc[6] = {'\\', 'u', '0', '0', '0', '0'};
  switch (c) {
    case '"':
      esc[1] = '"';
      out.append(esc, 2);
      break;
    case '\\':
      esc[1] = '\\';
      out.append(esc, 2);
      break;
    case '\b':
      esc[1] = 'b';
      out.append(esc, 2);
      break;
    case '\f':
      esc[1] = 'f';
      out.append(esc, 2);
      break;
    case '\n':
      esc[1] = 'n';
      out.append(esc, 2);
      break;
    case '\r':
      esc[1] = 'r';
      out.append(esc, 2);
      break;
    case '\t':
      esc[1] = 't';
      out.append(esc, 2);
      break;
    default:
      esc[4] = static_cast<char>('0' + (c >> 4U));
      esc[5] = "0123456789abcdef"[c & 0xFU];
      out.append(esc, 6);
      break;
  }
}

/// Writes the bytes of `s` with every byte that needs it escaped (no quotes). Copies each run of
/// bytes that need no escape in one `append` (runs found 16/8 bytes at a time).
template <class Sink>
void write_escaped(Sink& out, std::string_view s) {
  std::size_t run = 0;  // start of the current run of bytes that need no escape
  for (std::size_t i = next_escape(s, 0); i < s.size(); i = next_escape(s, run)) {
    if (i > run) out.append(s.data() + run, i - run);
    write_escape(out, static_cast<unsigned char>(s[i]));
    run = i + 1;
  }
  if (s.size() > run) out.append(s.data() + run, s.size() - run);
}

/// `write_escaped` into raw memory; returns the end of what it wrote. Takes and returns the
/// pointer by value so that the caller's sink never has its address taken (it stays in a
/// register: a store through `char*` could otherwise alias it and force a reload per byte).
[[gnu::noinline]] inline char* write_escaped_at(char* p, std::string_view s) noexcept {
  pointer_sink sink{p, p};
  write_escaped(sink, s);
  return sink.p;
}

/// Writes `s` as a JSON string, quotes included. `s` must be valid UTF-8 (checked before).
template <class Sink>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_string(Sink& out, std::string_view s) {
  out.push_back('"');
  if constexpr (std::is_same_v<Sink, pointer_sink>) {
    if (short_and_clean(s)) {  // 8..16 bytes: two overlapping word copies
      const std::size_t n = s.size();
      char head[8];
      char tail[8];
      std::memcpy(head, s.data(), 8);
      std::memcpy(tail, s.data() + n - 8, 8);
      std::memcpy(out.p, head, 8);
      std::memcpy(out.p + n - 8, tail, 8);
      out.p += n;
    } else {
      out.p = write_escaped_at(out.p, s);
    }
  } else {
    write_escaped(out, s);
  }
  out.push_back('"');
}

/// The counting pass measures a string without looking at it byte by byte.
SGWCHAP_DETAIL_ALWAYS_INLINE void write_string(counting_sink& out, std::string_view s) noexcept {
  out.n += 2 + (short_and_clean(s) ? s.size() : escaped_size(s));
}

template <class Sink>
void write_raw(Sink& out, std::string_view s) {
  out.append(s.data(), s.size());
}

/// Writes `,"key":` (the comma unless first) — keys are our own ASCII member names.
template <class Sink>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_key(Sink& out, bool& first, std::string_view key) {
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
SGWCHAP_DETAIL_ALWAYS_INLINE void write_member(Sink& out, bool& first, std::string_view key, std::string_view value,
                                               span_recorder* secrets = nullptr) {
  write_key(out, first, key);
  const std::size_t start = out.size() + 1;
  write_string(out, value);
  if (secrets != nullptr && secrets->spans != nullptr) {
    secrets->spans[secrets->count++] = body_span{start, out.size() - 1 - start};
  }
}

/// Writes `,"key":"value"` for a value that needs no escape by construction (an iSCSI name of any
/// profile: [0-9a-z:.-]; a strict target ARN: ASCII letters, digits and `:/.;-`): one copy, no
/// scan. Both passes take the value's size as is, so they agree whatever the value holds.
template <class Sink>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_clean_member(Sink& out, bool& first, std::string_view key,
                                                     std::string_view value) {
  write_key(out, first, key);
  out.push_back('"');
  out.append(value.data(), value.size());
  out.push_back('"');
}

/// Reserves room for `extra` more bytes when the capacity does not suffice (never shrinks).
template <class Out>
void reserve_more(Out& out, std::size_t extra) {
  if (out.capacity() - out.size() < extra) out.reserve(out.size() + extra);
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
