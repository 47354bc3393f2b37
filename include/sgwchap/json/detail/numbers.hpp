// sgwchap — reading a JSON number (RFC 8259 §6) into the C++ type of its member (operations.hpp):
// MODEL integer (int32) and long (int64) exactly from the digits, never through a double; double
// by correct rounding (std::from_chars, or strtod_l where a library lacks it); timestamp by parse_epoch_seconds
// (timestamp.hpp). Shared by the exact decoder (handler.hpp) and the fast path (fast_path.hpp), so both give the same
// value and the same error. Internal.
//
//   integer = [ "-" ] ( "0" / ( %x31-39 *DIGIT ) )     ; no frac, no exp: number_out_of_range
//
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#if !defined(__cpp_lib_to_chars)
#include <locale.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#if defined(__APPLE__)
#include <xlocale.h>
#endif
#endif
#include <system_error>
#include <type_traits>

#include <sgwchap/error.hpp>
#include <sgwchap/timestamp.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// How reading a number into a member ended: `code` errc{} when stored, else number_out_of_range
/// or bad_timestamp with `offset` into the number's text.
struct number_outcome {
  errc code{};
  std::size_t offset{0};
};

/// The integer of `text` (a JSON number) when it has no fraction or exponent and fits `Int`.
template <class Int>
[[nodiscard]] constexpr std::optional<Int> read_json_integer(std::string_view text) noexcept {
  static_assert(std::is_signed_v<Int>);
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (negative) ++i;
  if (i >= text.size()) return std::nullopt;
  if (text[i] == '0' && i + 1 != text.size()) return std::nullopt;  // 0 stands alone; 0.5, 0e1 are not integers
  const std::size_t digits = text.size() - i;
  // Up to 18 digits cannot overflow a uint64: accumulate, then check the range once.
  if (digits <= 18) {
    std::uint64_t magnitude = 0;
    for (; i < text.size(); ++i) {
      const auto d = static_cast<unsigned>(static_cast<unsigned char>(text[i]) - '0');
      if (d > 9) return std::nullopt;  // '.', 'e', 'E': a fraction or an exponent
      magnitude = magnitude * 10 + d;
    }
    constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<Int>::max());
    if (magnitude > max + (negative ? 1 : 0)) return std::nullopt;
    if (!negative) return static_cast<Int>(magnitude);
    return magnitude == max + 1 ? std::numeric_limits<Int>::min() : static_cast<Int>(-static_cast<Int>(magnitude));
  }
  // Longer: accumulated as a negative number, whose range holds the minimum of Int.
  constexpr Int min = std::numeric_limits<Int>::min();
  Int value = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    const Int d = static_cast<Int>(c - '0');
    if (value < (min + d) / 10) return std::nullopt;
    value = static_cast<Int>(value * 10 - d);
  }
  if (negative) return value;
  if (value == min) return std::nullopt;
  return static_cast<Int>(-value);
}

/// The power of ten of the first significant digit of a JSON number (`0.05` -> -2, `12e3` -> 4);
/// 0 for zero. Enough to tell an underflow from an overflow.
[[nodiscard]] constexpr std::int64_t decimal_exponent(std::string_view text) noexcept {
  std::size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
  std::int64_t integer_digits = 0;
  std::int64_t leading_zeros = 0;  // after the point, before the first significant digit
  bool significant = false;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (text[i] != '0') significant = true;
    if (significant) ++integer_digits;
  }
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (!significant && text[i] == '0') ++leading_zeros;
      if (text[i] != '0') significant = true;
    }
  }
  if (!significant) return 0;
  std::int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    const bool negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (exponent < 1'000'000) exponent = exponent * 10 + (text[i] - '0');  // saturates
    }
    if (negative) exponent = -exponent;
  }
  return integer_digits > 0 ? exponent + integer_digits - 1 : exponent - leading_zeros - 1;
}

/// How reading a double ended: `whole` when the text was read to its end, `out_of_range` when its
/// value is beyond the largest double or rounds to zero (the value read is then not used).
struct double_read {
  bool whole{false};
  bool out_of_range{false};
};

/// Reads a JSON number's text as the nearest double: std::from_chars where the standard library
/// has it for floating point (libstdc++ 11 and later); else (libc++ before 20) strtod_l in the
/// "C" locale, which reads `.` whatever the process's locale and rounds correctly in glibc, macOS
/// and the BSDs, on a NUL-terminated copy (the text is a view inside the body).
[[nodiscard]] inline double_read read_json_double(std::string_view text, double& d) noexcept {
#if defined(__cpp_lib_to_chars)
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  return {end == text.data() + text.size() && ec != std::errc::invalid_argument, ec == std::errc::result_out_of_range};
#else
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  if (c_locale == static_cast<locale_t>(nullptr)) return {};
  char small[64];
  std::unique_ptr<char[]> large;  // a longer number (rare): nothrow, so no exception escapes
  char* copy = small;
  if (text.size() >= sizeof small) {
    large.reset(new (std::nothrow) char[text.size() + 1]);
    if (large == nullptr) return {};
    copy = large.get();
  }
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  char* end = nullptr;
  const int saved_errno = errno;  // the caller's errno is left as it was
  errno = 0;
  d = strtod_l(copy, &end, c_locale);
  // ERANGE also marks a subnormal result, which is a value: only zero and infinity are out of range.
  const bool out_of_range = errno == ERANGE && (d == 0 || !std::isfinite(d));
  errno = saved_errno;
  return {end == copy + text.size(), out_of_range};
#endif
}

/// Stores the number `text` into `member` (an optional of the member's C++ type).
template <class M>
[[nodiscard]] number_outcome store_json_number(M& member, std::string_view text, field which) noexcept {
  using V = typename M::value_type;
  if constexpr (std::is_same_v<V, timestamp>) {
    const auto t = parse_epoch_seconds(text, which);
    if (!t.has_value()) return {errc::bad_timestamp, t.error().offset};
    member.emplace(*t);
  } else if constexpr (std::is_same_v<V, double>) {
    double d = 0;
    const double_read r = read_json_double(text, d);
    if (!r.whole) return {errc::number_out_of_range, 0};
    if (r.out_of_range && decimal_exponent(text) < 0) {
      d = text[0] == '-' ? -0.0 : 0.0;  // rounds to zero, as correct rounding gives (1e-400 is 0)
    } else if (r.out_of_range || !std::isfinite(d)) {
      return {errc::number_out_of_range, 0};  // beyond the largest double
    }
    member.emplace(d);
  } else {
    static_assert(std::is_same_v<V, std::int32_t> || std::is_same_v<V, std::int64_t>);
    const auto v = read_json_integer<V>(text);
    if (!v.has_value()) return {errc::number_out_of_range, 0};
    member.emplace(*v);
  }
  return {};
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
