// sgwchap — AWS JSON 1.1 timestamps (SMITHY-JSON: a `timestamp` member such as MODEL CreatedDate is
// epoch seconds as a JSON number, possibly fractional) read exactly into a
// std::chrono::sys_time of nanoseconds: decimal digits scaled by powers of ten, never through a
// double, so 1583443386.123456789 is that many nanoseconds and not the nearest binary fraction.
//
//   number = [ "-" ] int [ frac ] [ exp ]            ; RFC 8259 §6
//   int    = "0" / ( %x31-39 *DIGIT )
//   frac   = "." 1*DIGIT
//   exp    = ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT
//
// Refused with bad_timestamp: text that is not such a number (offset: the first byte that does
// not fit; JSON has no NaN or Infinity, so neither does this), a value finer than 1 ns (offset:
// its last non-zero digit), and a value outside what int64 nanoseconds hold (about 1677-09-21 to
// 2262-04-11; offset 0).
//
// The inverses: format_epoch_seconds writes the number the encoder sends (the shortest exact
// decimal: integer seconds, then a fraction only when there are nanoseconds, its trailing zeros
// removed), and format_iso8601 the UTC date-time people read (RFC 3339 §5.6 with "Z").
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sgwchap/error.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/static_string.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// A point in time to the nanosecond: what a timestamp member decodes to.
using timestamp = std::chrono::sys_time<std::chrono::nanoseconds>;

namespace detail {
[[nodiscard]] constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
}  // namespace detail

/// Reads `text`, a JSON number of epoch seconds, as an exact timestamp. Errors: bad_timestamp
/// (field `which`, profile aws_model: what SMITHY-JSON says a timestamp is).
[[nodiscard]] constexpr result<timestamp> parse_epoch_seconds(std::string_view text,
                                                              field which = field::timestamp) noexcept {
  auto fail = [which](std::size_t offset) {
    return tl::unexpected(detail::make_error(errc::bad_timestamp, which, offset, profile::aws_model));
  };
  // The service's form, 1..10 integer digits (not starting with 0, at most 9223372035 seconds)
  // and 0..9 fraction digits: the value fits int64 nanoseconds whatever they are, read in one
  // pass. Anything else takes the general reading below.
  {
    std::size_t k = 0;
    std::uint64_t seconds = 0;
    while (k < text.size() && k < 10 && detail::is_ascii_digit(text[k]))
      seconds = seconds * 10 + static_cast<std::uint64_t>(text[k++] - '0');
    if (k > 0 && text[0] != '0' && seconds <= 9'223'372'035 &&
        (k == text.size() || (text[k] == '.' && text.size() - k - 1 <= 9))) {
      std::uint64_t fraction = 0;
      std::size_t f = 0;
      bool digits_only = true;
      for (std::size_t j = k + 1; j < text.size(); ++j, ++f) {
        if (!detail::is_ascii_digit(text[j])) digits_only = false;
        fraction = fraction * 10 + static_cast<std::uint64_t>(text[j] - '0');
      }
      if (digits_only && (k == text.size() || f > 0)) {
        for (; f < 9; ++f) fraction *= 10;
        return timestamp{std::chrono::nanoseconds{static_cast<std::int64_t>(seconds * 1'000'000'000 + fraction)}};
      }
    }
  }
  std::size_t pos = 0;
  const bool negative = pos < text.size() && text[pos] == '-';
  if (negative) ++pos;
  // The digits of int and frac, as one run: the value is digits * 10^(exp - frac digits) s.
  const std::size_t int_begin = pos;
  if (pos >= text.size() || !detail::is_ascii_digit(text[pos])) return fail(pos);
  if (text[pos] == '0') {
    ++pos;
  } else {
    while (pos < text.size() && detail::is_ascii_digit(text[pos])) ++pos;
  }
  const std::size_t int_end = pos;
  std::size_t frac_begin = pos;
  std::size_t frac_end = pos;
  if (pos < text.size() && text[pos] == '.') {
    frac_begin = ++pos;
    while (pos < text.size() && detail::is_ascii_digit(text[pos])) ++pos;
    frac_end = pos;
    if (frac_end == frac_begin) return fail(pos);
  }
  std::int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool exp_negative = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) exp_negative = text[pos++] == '-';
    if (pos >= text.size() || !detail::is_ascii_digit(text[pos])) return fail(pos);
    // Saturates: an exponent beyond 10^6 is out of range (or finer than 1 ns) whatever the digits.
    for (; pos < text.size() && detail::is_ascii_digit(text[pos]); ++pos) {
      if (exponent < 1'000'000) exponent = exponent * 10 + (text[pos] - '0');
    }
    if (exp_negative) exponent = -exponent;
  }
  if (pos != text.size()) return fail(pos);

  // The significant digits: from the first non-zero one to the last non-zero one.
  auto digit_at = [&](std::size_t k) {  // k-th digit of int ++ frac
    const std::size_t int_digits = int_end - int_begin;
    return k < int_digits ? text[int_begin + k] : text[frac_begin + (k - int_digits)];
  };
  auto offset_of = [&](std::size_t k) {
    const std::size_t int_digits = int_end - int_begin;
    return k < int_digits ? int_begin + k : frac_begin + (k - int_digits);
  };
  const std::size_t count = (int_end - int_begin) + (frac_end - frac_begin);
  std::size_t first = 0;
  while (first < count && digit_at(first) == '0') ++first;
  if (first == count) return timestamp{};  // zero, whatever its sign or exponent
  std::size_t last = count;
  while (digit_at(last - 1) == '0') --last;
  // value (ns) = significant digits * 10^scale
  const std::int64_t frac_digits = static_cast<std::int64_t>(frac_end - frac_begin);
  const std::int64_t scale = exponent - frac_digits + 9 + static_cast<std::int64_t>(count - last);
  if (scale < 0) return fail(offset_of(last - 1));  // finer than 1 ns
  const std::int64_t significant = static_cast<std::int64_t>(last - first);
  if (significant + scale > 19) return fail(0);  // at least 10^19 ns: beyond int64
  // |value| <= 2^63 - 1 (2^63 when negative), accumulated without overflow.
  constexpr std::uint64_t max_positive = 9'223'372'036'854'775'807ULL;
  const std::uint64_t limit = negative ? max_positive + 1 : max_positive;
  std::uint64_t magnitude = 0;
  auto push_digit = [&](unsigned d) {
    if (magnitude > (limit - d) / 10) return false;
    magnitude = magnitude * 10 + d;
    return true;
  };
  for (std::size_t k = first; k < last; ++k) {
    if (!push_digit(static_cast<unsigned>(digit_at(k) - '0'))) return fail(0);
  }
  for (std::int64_t k = 0; k < scale; ++k) {
    if (!push_digit(0)) return fail(0);
  }
  // magnitude >= 1 here; 2^63 (negative only) is written as -(2^63 - 1) - 1.
  const std::int64_t ns =
      negative ? -static_cast<std::int64_t>(magnitude - 1) - 1 : static_cast<std::int64_t>(magnitude);
  return timestamp{std::chrono::nanoseconds{ns}};
}

/// The text of a timestamp as epoch seconds; the longest is "-9223372036.854775808" (21 bytes).
using epoch_seconds_text = static_string<24>;

namespace detail {
/// Appends the decimal digits of `v`, at least `min_digits` of them (zero-padded).
template <std::size_t N>
constexpr void append_digits(static_string<N>& out, std::uint64_t v, std::size_t min_digits = 1) noexcept {
  char digits[20]{};
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < min_digits) digits[n++] = '0';
  while (n > 0) (void)out.append(std::string_view(&digits[--n], 1));  // fits: the callers size `out`
}

/// Appends "." and the nanoseconds `ns` (1..999'999'999) as 9 digits without their trailing zeros.
template <std::size_t N>
constexpr void append_fraction(static_string<N>& out, std::uint64_t ns) noexcept {
  std::size_t digits = 9;
  while (ns % 10 == 0) {
    ns /= 10;
    --digits;
  }
  (void)out.append(".");
  append_digits(out, ns, digits);
}
}  // namespace detail

/// `t` as a JSON number of epoch seconds, exact (SMITHY-JSON timestamps): "-"?, the integer
/// seconds, then, when the nanoseconds are not 0, "." and the fraction without trailing zeros:
/// 1583443386.123 s -> "1583443386.123", -1.5 s -> "-1.5", the epoch -> "0". No exponent.
/// parse_epoch_seconds reads it back to the same nanosecond. No allocation.
[[nodiscard]] constexpr epoch_seconds_text format_epoch_seconds(timestamp t) noexcept {
  epoch_seconds_text out;
  const std::int64_t ns = t.time_since_epoch().count();
  // |ns| as unsigned: exact for int64's minimum too.
  const std::uint64_t magnitude = ns < 0 ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
  if (ns < 0) (void)out.append("-");
  detail::append_digits(out, magnitude / 1'000'000'000U);
  if (const std::uint64_t fraction = magnitude % 1'000'000'000U; fraction != 0) detail::append_fraction(out, fraction);
  return out;
}

/// The text of a timestamp as an ISO 8601 UTC date-time: "2020-03-05T21:23:06.123Z" (27 bytes
/// at most: every timestamp has a 4-digit year).
using iso8601_text = static_string<32>;

/// `t` as RFC 3339 §5.6 `date-time` in UTC (an ISO 8601 profile): "YYYY-MM-DDTHH:MM:SS", then,
/// when the nanoseconds are not 0, "." and the fraction without trailing zeros, then "Z":
/// "2020-03-05T21:23:06.123Z", "1969-12-31T23:59:58.5Z", "1970-01-01T00:00:00Z". Exact (no
/// rounding). No allocation.
[[nodiscard]] constexpr iso8601_text format_iso8601(timestamp t) noexcept {
  // Split into days and the nanoseconds of the day by hand: std::chrono::floor<days> of int64's
  // minimum, converted back to nanoseconds, would overflow.
  constexpr std::int64_t ns_per_day = 86'400'000'000'000;
  const std::int64_t ns = t.time_since_epoch().count();
  const std::int64_t rest = ns % ns_per_day;  // in (-ns_per_day, ns_per_day): no overflow
  const std::int64_t day_count = ns / ns_per_day - (rest < 0 ? 1 : 0);
  const std::uint64_t in_day = static_cast<std::uint64_t>(rest < 0 ? rest + ns_per_day : rest);
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day_count}}};
  const std::uint64_t second = in_day / 1'000'000'000U;
  iso8601_text out;
  detail::append_digits(out, static_cast<std::uint64_t>(static_cast<int>(ymd.year())), 4);  // 1677 .. 2262
  (void)out.append("-");
  detail::append_digits(out, static_cast<unsigned>(ymd.month()), 2);
  (void)out.append("-");
  detail::append_digits(out, static_cast<unsigned>(ymd.day()), 2);
  (void)out.append("T");
  detail::append_digits(out, second / 3600, 2);
  (void)out.append(":");
  detail::append_digits(out, second / 60 % 60, 2);
  (void)out.append(":");
  detail::append_digits(out, second % 60, 2);
  if (const std::uint64_t fraction = in_day % 1'000'000'000U; fraction != 0) detail::append_fraction(out, fraction);
  (void)out.append("Z");
  return out;
}

SGWCHAP_END_NAMESPACE
