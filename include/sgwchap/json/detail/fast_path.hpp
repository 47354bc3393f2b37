// sgwchap — the decoders' fast path: one pass over a body of the usual shape, straight into the
// result, member by member from its table (operations.hpp), with no parser state and no
// positions. Internal; used by decode_body (json/decode.hpp).
//
// It accepts only this subset of JSON (RFC 8259), for a bound type T:
//
//   body    = ws object ws
//   object  = "{" ws [ member *( ws "," ws member ) ws ] "}"     ; each key at most once
//   member  = key ws ":" ws value                                  ; key: a row of T's table
//   value   = plain-string                                         ; a string row
//           / "[" ws [ object *( ws "," ws object ) ws ] "]"       ; a structure_list row,
//                                                                  ; objects of its element shape
//           / "[" ws [ plain-string *( ws "," ws plain-string ) ws ] "]"   ; a string_list row
//           / object                                               ; a structure row, its shape
//           / number                                               ; a number row (numbers.hpp
//                                                                  ; reads it; out of range: false)
//           / "true" / "false"                                     ; a boolean row
//   number  = [ "-" ] ( "0" / ( %x31-39 *DIGIT ) ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT ]
//   key     = plain-string
//   plain-string = %x22 *( %x20-21 / %x23-5B / %x5D-7F / UTF8-2 / UTF8-3 / UTF8-4 ) %x22
//                                        ; no escape, no control byte (RFC 3629 §4 for UTF8-n)
//   ws      = *( %x20 / %x09 / %x0A / %x0D )
//
// For every body of that subset the exact decoder (basic_parser + decode_handler) gives the same
// result and no error. Anything else (an escape, a number, null, an unknown or repeated key, bad
// UTF-8, a syntax error, trailing bytes) returns false without judging the body: the caller
// then discards the result and runs the exact decoder, which finds the error, its offset and its
// pointer. So no error path depends on this code. Secrets are copied from the body into their
// chap_secret directly (no intermediate buffer; escaped ones take the exact path).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/accel/simd.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/detail/swar.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/json/detail/cursor.hpp>
#include <sgwchap/json/detail/numbers.hpp>
#include <sgwchap/wire/detail/writer.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// The first byte of `p[i..n)` that ends a plain run inside a JSON string: `"`, `\`, a control
/// byte (< 0x20) or a byte >= 0x80; `n` when there is none. 16 bytes at a time with SSE2, else
/// 8 at a time (SWAR).
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE std::size_t next_string_stop(const char* p, std::size_t i,
                                                                        std::size_t n) noexcept {
#if SGWCHAP_DETAIL_SSE2
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned m = escape_bits16(v) | static_cast<unsigned>(_mm_movemask_epi8(v));
    if (m != 0) return i + static_cast<std::size_t>(std::countr_zero(m));
  }
#else
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t w = swar::load8(p + i);
    if (const std::uint64_t m = escape_mask(w) | (w & swar::high); m != 0) {
      return i + static_cast<std::size_t>(std::countr_zero(m)) / 8;
    }
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '"' || c == '\\' || c < 0x20U || c >= 0x80U) return i;
  }
  return n;
}

// Clang inlines the value readers into their object's loop only when told to, and then decodes a
// 1,000-volume DescribeCachediSCSIVolumes body in 12% less time; GCC 12 takes 14% more time when
// they are inlined (docs/BENCHMARKS.md, "Issue 16's floor target against a reader that checks
// nothing").
#if defined(__clang__)
#define SGWCHAP_DETAIL_FAST_VALUE_INLINE [[gnu::always_inline]] inline
#else
#define SGWCHAP_DETAIL_FAST_VALUE_INLINE inline
#endif

/// A pass over one body.
class fast_reader {
 public:
  explicit fast_reader(std::string_view body) noexcept : p_(body.data()), n_(body.size()), body_(body) {}

  /// The whole body is one object of T's subset, stored into `out`.
  template <class T>
  [[nodiscard]] bool body(T& out) {
    skip_ws();
    if (!object(out)) return false;
    skip_ws();
    return i_ == n_;
  }

 private:
  // Compact bodies (the service's) have no white space: one compare settles the usual case.
  SGWCHAP_DETAIL_ALWAYS_INLINE void skip_ws() noexcept {
    if (i_ < n_ && static_cast<unsigned char>(p_[i_]) <= 0x20U) [[unlikely]] {
      while (i_ < n_ && is_ws(p_[i_])) ++i_;
    }
  }
  SGWCHAP_DETAIL_ALWAYS_INLINE bool literal(char c) noexcept {
    if (i_ < n_ && p_[i_] == c) [[likely]] {
      ++i_;
      return true;
    }
    skip_ws();
    if (i_ >= n_ || p_[i_] != c) return false;
    ++i_;
    return true;
  }
  /// A plain string at `i_` (its opening quote): its bytes; `i_` moves past the closing quote.
  SGWCHAP_DETAIL_ALWAYS_INLINE bool string(std::string_view& text) noexcept {
    if (i_ >= n_ || p_[i_] != '"') return false;
    const std::size_t begin = i_ + 1;
    std::size_t j = begin;
    for (;;) {
      j = next_string_stop(p_, j, n_);
      if (j >= n_) return false;
      const auto c = static_cast<unsigned char>(p_[j]);
      if (c == '"') break;
      if (c < 0x80U) return false;  // an escape or a control byte
      const utf8_char u = decode_utf8(body_, j);
      if (u.length == 0) return false;
      j += u.length;
    }
    text = std::string_view(p_ + begin, j - begin);
    i_ = j + 1;
    return true;
  }

  /// True when the key whose first byte is at `k` is row `I` of T's name: compared in place with
  /// the name and its closing quote, never scanned first (a name has no `"` or `\`, so equal
  /// bytes then a quote mean an equal, unescaped key).
  template <class T, std::size_t I>
  SGWCHAP_DETAIL_ALWAYS_INLINE bool key_is(std::size_t k) const noexcept {
    constexpr const member_info& m = row<T, I>();
    constexpr std::size_t len = m.name.size();
    return n_ - k > len && p_[k] == m.name[0] && p_[k + len] == '"' && swar::equal_at(body_, k, m.name);
  }

  /// The member of row I, its key (first byte at `k`) just matched: its value, stored.
  template <class T, std::size_t I, class M>
  SGWCHAP_DETAIL_ALWAYS_INLINE bool member(std::size_t k, std::uint64_t& seen, M& m) {
    i_ = k + row<T, I>().name.size() + 1;
    constexpr std::uint64_t bit = std::uint64_t{1} << I;
    if ((seen & bit) != 0 || !literal(':')) return false;  // a repeated key: the exact path reports it
    seen |= bit;
    skip_ws();
    return value<T, I>(m);
  }

  /// When the key whose first byte is at `k` is row `row` of T's name (a run-time row):
  /// reads its member into `ok` and returns true. A switch, so the row costs one jump and one
  /// compare of its name, inlined (a table of functions would cost a call).
  template <class T, class Refs>
  SGWCHAP_DETAIL_ALWAYS_INLINE bool row_member(std::size_t row, std::size_t k, std::uint64_t& seen, Refs& refs,
                                               bool& ok) {
    constexpr std::size_t count = std::tuple_size_v<Refs>;
    static_assert(count <= 16, "a shape of more than 16 members needs more cases below");
#define SGWCHAP_DETAIL_FAST_ROW(d)                       \
  case d:                                                \
    if constexpr ((d) < count) {                         \
      if (!key_is<T, (d)>(k)) return false;              \
      ok = member<T, (d)>(k, seen, std::get<(d)>(refs)); \
      return true;                                       \
    }                                                    \
    return false;
    switch (row) {
      SGWCHAP_DETAIL_FAST_ROW(0)
      SGWCHAP_DETAIL_FAST_ROW(1)
      SGWCHAP_DETAIL_FAST_ROW(2)
      SGWCHAP_DETAIL_FAST_ROW(3)
      SGWCHAP_DETAIL_FAST_ROW(4)
      SGWCHAP_DETAIL_FAST_ROW(5)
      SGWCHAP_DETAIL_FAST_ROW(6)
      SGWCHAP_DETAIL_FAST_ROW(7)
      SGWCHAP_DETAIL_FAST_ROW(8)
      SGWCHAP_DETAIL_FAST_ROW(9)
      SGWCHAP_DETAIL_FAST_ROW(10)
      SGWCHAP_DETAIL_FAST_ROW(11)
      SGWCHAP_DETAIL_FAST_ROW(12)
      SGWCHAP_DETAIL_FAST_ROW(13)
      SGWCHAP_DETAIL_FAST_ROW(14)
      SGWCHAP_DETAIL_FAST_ROW(15)
      default: return false;  // past the last row
    }
#undef SGWCHAP_DETAIL_FAST_ROW
  }

  template <class T>
  bool object(T& out) {
    static_assert(members_fit<T>(), "a data member does not fit its row of the member table");
    if (!literal('{')) return false;
    skip_ws();
    if (i_ < n_ && p_[i_] == '}') {
      ++i_;
      return true;
    }
    auto refs = members_of(out);
    constexpr std::size_t rows = std::tuple_size_v<decltype(refs)>;  // at most 16 (row_member)
    std::uint64_t seen = 0;
    // The service writes an object's members in its shape's order, which is the table's
    // (operations.hpp): the row after the previous key's is tried first, by one compare.
    std::size_t expected = 0;
    for (;;) {
      if (i_ >= n_ || p_[i_] != '"') return false;
      const std::size_t k = i_ + 1;
      bool ok = false;
      if (row_member<T>(expected, k, seen, refs, ok)) {
        ++expected;
      } else {
        // Any order: the first row whose name the key is (none: an unknown or escaped key, for
        // the exact path).
        [&]<std::size_t... I>(std::index_sequence<I...>) {
          (void)((key_is<T, I>(k) ? (ok = member<T, I>(k, seen, std::get<I>(refs)), expected = I + 1, true) : false) ||
                 ...);
        }
        (std::make_index_sequence<rows>{});
      }
      if (!ok) return false;  // an unknown key, or a value outside the subset
      // A compact body's `,` first: tested before skip_ws, it saves 3% of a 1,000-volume decode's
      // instructions (Callgrind), though skip_ws would find the same byte.
      if (i_ < n_ && p_[i_] == ',') {
        ++i_;
        skip_ws();
        continue;
      }
      skip_ws();
      if (i_ < n_ && p_[i_] == ',') {
        ++i_;
        skip_ws();
        continue;
      }
      if (i_ < n_ && p_[i_] == '}') {
        ++i_;
        return true;
      }
      return false;
    }
  }

  /// A number at `i_` (the grammar's `number`): its text; `i_` moves past it.
  SGWCHAP_DETAIL_ALWAYS_INLINE bool number(std::string_view& text) noexcept {
    const std::size_t begin = i_;
    const auto digit = [this](std::size_t k) { return k < n_ && p_[k] >= '0' && p_[k] <= '9'; };
    std::size_t k = i_;
    if (k < n_ && p_[k] == '-') ++k;
    if (!digit(k)) return false;
    if (p_[k] == '0') {
      ++k;
    } else {
      while (digit(k)) ++k;
    }
    if (k < n_ && p_[k] == '.') {
      if (!digit(++k)) return false;
      while (digit(k)) ++k;
    }
    if (k < n_ && (p_[k] == 'e' || p_[k] == 'E')) {
      ++k;
      if (k < n_ && (p_[k] == '-' || p_[k] == '+')) ++k;
      if (!digit(k)) return false;
      const std::size_t exponent_begin = k;
      while (digit(k)) ++k;
      // basic_parser refuses an exponent beyond int's range (exponent_overflow): leave any long
      // exponent to the exact path, which then reports what it does.
      if (k - exponent_begin > 9) return false;
    }
    text = std::string_view(p_ + begin, k - begin);
    i_ = k;
    return true;
  }

  /// The usual forms of an integer or timestamp member read in the same pass that finds the
  /// number's end; false (nothing read, `i_` unmoved) for any other form, which `number` and
  /// store_json_number (numbers.hpp) then read, so both give the same value and the same refusal.
  ///   fast-integer   = [ "-" ] ( "0" / ( %x31-39 0*17DIGIT ) )     ; then no ".", "e", "E", DIGIT
  ///   fast-timestamp = %x31-39 0*9DIGIT [ "." 1*9DIGIT ]           ; at most 9223372035 s, then
  ///                                                                ; no ".", "e", "E", DIGIT
  /// What follows the number is left to the caller (`,` or `}`), as after `number`.
  [[nodiscard]] bool ends_number(std::size_t k) const noexcept {
    if (k >= n_) return true;
    const char c = p_[k];
    return !(c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9'));
  }
  /// The digits at `k`, at most `max` of them: their value and how many.
  SGWCHAP_DETAIL_ALWAYS_INLINE std::size_t digits(std::size_t k, std::size_t max, std::uint64_t& v) const noexcept {
    const std::size_t begin = k;
    const std::size_t end = n_ - k < max ? n_ : k + max;
    for (; k < end; ++k) {
      const auto d = static_cast<unsigned>(static_cast<unsigned char>(p_[k])) - unsigned{'0'};
      if (d > 9U) break;
      v = v * 10U + d;
    }
    return k - begin;
  }
  template <class Int>
  requires std::is_integral_v<Int> && std::is_signed_v<Int> SGWCHAP_DETAIL_ALWAYS_INLINE bool fast_number(
      std::optional<Int>& member) noexcept {
    std::size_t k = i_;
    const bool negative = k < n_ && p_[k] == '-';
    if (negative) ++k;
    std::uint64_t magnitude = 0;
    const std::size_t count = digits(k, 18, magnitude);
    if (count == 0 || (count > 1 && p_[k] == '0') || !ends_number(k + count)) return false;
    constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<Int>::max());
    if (magnitude > max) return false;  // (and max + 1 when negative): the general reading
    member.emplace(negative ? static_cast<Int>(-static_cast<Int>(magnitude)) : static_cast<Int>(magnitude));
    i_ = k + count;
    return true;
  }
  SGWCHAP_DETAIL_ALWAYS_INLINE bool fast_number(std::optional<timestamp>& member) noexcept {
    std::uint64_t seconds = 0;
    const std::size_t count = digits(i_, 10, seconds);
    if (count == 0 || p_[i_] == '0' || seconds > 9'223'372'035U) return false;
    std::size_t k = i_ + count;
    std::uint64_t fraction = 0;
    if (k < n_ && p_[k] == '.') {
      const std::size_t f = digits(k + 1, 9, fraction);
      if (f == 0) return false;
      for (std::size_t z = f; z < 9; ++z) fraction *= 10U;
      k += 1 + f;
    }
    if (!ends_number(k)) return false;
    member.emplace(std::chrono::nanoseconds{static_cast<std::int64_t>(seconds * 1'000'000'000U + fraction)});
    i_ = k;
    return true;
  }
  template <class M>
  SGWCHAP_DETAIL_ALWAYS_INLINE bool fast_number(M&) noexcept {
    return false;  // double: std::from_chars reads it
  }

  /// `word` (true, false) at `i_`.
  bool keyword(std::string_view word) noexcept {
    if (n_ - i_ < word.size() || body_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  template <class T, std::size_t I, class M>
  SGWCHAP_DETAIL_FAST_VALUE_INLINE bool value(M& member) {
    constexpr const member_info& m = row<T, I>();
    if constexpr (m.type == member_type::structure_list) {
      return list(member.emplace());
    } else if constexpr (m.type == member_type::structure) {
      return object(member.emplace());
    } else if constexpr (m.type == member_type::string_list) {
      return strings(member.emplace());
    } else if constexpr (is_number_type(m.type)) {
      if (fast_number(member)) return true;
      std::string_view text;
      return number(text) && store_json_number(member, text, m.which).code == errc{};
    } else if constexpr (m.type == member_type::boolean) {
      if (i_ < n_ && p_[i_] == 't' && keyword("true")) {
        member.emplace(true);
        return true;
      }
      if (keyword("false")) {
        member.emplace(false);
        return true;
      }
      return false;
    } else {
      std::string_view text;
      if (!string(text)) return false;
      if constexpr (std::is_same_v<M, std::optional<chap_secret>>) {
        member.emplace(chap_secret::unchecked(text));
      } else {
        member.emplace(text);
      }
      return true;
    }
  }

  /// Elements are alike: the vector is sized from the first one's bytes (at least
  /// `min_element_bytes`, so a body reserves at most one element per that many bytes), so the
  /// list allocates once in all. A list in the last `short_list_bytes` of the body (the usual
  /// DescribeChapCredentials answer holds one or two entries) is sized from those bytes alone,
  /// with the same bound, so its elements are read in place and no first element is moved.
  template <class E>
  bool list(std::vector<E>& out) {
    constexpr std::size_t min_element_bytes = 96;
    constexpr std::size_t short_list_bytes = 1024;
    if (!literal('[')) return false;
    skip_ws();
    if (i_ < n_ && p_[i_] == ']') {
      ++i_;
      return true;
    }
    if (n_ - i_ <= short_list_bytes) {
      out.reserve(1 + (n_ - i_) / min_element_bytes);
      for (;;) {
        if (!object(out.emplace_back())) return false;
        skip_ws();
        if (i_ >= n_ || p_[i_] != ',') break;
        ++i_;
        skip_ws();
      }
      if (i_ >= n_ || p_[i_] != ']') return false;
      ++i_;
      return true;
    }
    const std::size_t begin = i_;
    E first;  // read before the vector is sized
    if (!object(first)) return false;
    skip_ws();
    bool more = i_ < n_ && p_[i_] == ',';
    const std::size_t bytes = i_ - begin < min_element_bytes ? min_element_bytes : i_ - begin;
    out.reserve(more ? 2 + (n_ - i_) / bytes : 1);
    out.push_back(std::move(first));
    while (more) {
      ++i_;
      skip_ws();
      if (!object(out.emplace_back())) return false;
      skip_ws();
      more = i_ < n_ && p_[i_] == ',';
    }
    if (i_ >= n_ || p_[i_] != ']') return false;
    ++i_;
    return true;
  }

  /// A list of plain strings.
  bool strings(std::vector<std::string>& out) {
    if (!literal('[')) return false;
    skip_ws();
    if (i_ < n_ && p_[i_] == ']') {
      ++i_;
      return true;
    }
    for (;;) {
      std::string_view text;
      if (!string(text)) return false;
      out.emplace_back(text);
      skip_ws();
      if (i_ < n_ && p_[i_] == ',') {
        ++i_;
        skip_ws();
        continue;
      }
      if (i_ < n_ && p_[i_] == ']') {
        ++i_;
        return true;
      }
      return false;
    }
  }

  const char* p_;
  std::size_t n_;
  std::string_view body_;
  std::size_t i_{0};
};

/// Decodes `body` into `out` when it is of the fast path's subset; false otherwise (`out` is
/// then partly filled and must be discarded).
template <class T>
[[nodiscard]] bool fast_decode(std::string_view body, T& out) {
  return fast_reader(body).body(out);
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
