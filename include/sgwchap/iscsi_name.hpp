// sgwchap — iSCSI names (InitiatorName; SPEC §5): parse, check, normalize.
//
// MODEL IqnName: 1..255 characters of [0-9a-z:.-] (whole value). The strict profile adds
// RFC 3720 §3.2.6 / RFC 7143 §4.2.7 / RFC 3722 / RFC 3980:
//   iqn-name = "iqn." YYYY "-" MM "." reversed-domain [ ":" unique ]      (at most 223 bytes)
//   eui-name = "eui." 16HEXDIG
//   naa-name = "naa." ( 16HEXDIG / 32HEXDIG )
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/swar.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/static_string.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace iscsi_name_limits {
inline constexpr std::size_t model_max_characters = 255;  ///< MODEL IqnName max
inline constexpr std::size_t rfc_max_bytes = 223;         ///< RFC 3720 §3.2.6.1 / RFC 7143 §4.2.7.1
inline constexpr std::size_t eui_hex_digits = 16;         ///< EUI-64 (RFC 3720 §3.2.6.3.2)
inline constexpr std::size_t naa_short_hex_digits = 16;   ///< RFC 3980 §2: 64-bit NAA
inline constexpr std::size_t naa_long_hex_digits = 32;    ///< RFC 3980 §2: 128-bit NAA
}  // namespace iscsi_name_limits

/// Which of the three RFC forms a name has; `unknown` for a name that passed only `aws_model`
/// and has no RFC form.
enum class iscsi_name_form : std::uint8_t { unknown, iqn, eui, naa };

/// A parsed iSCSI name: views into the input (valid as long as the input is).
class iscsi_name_view {
 public:
  constexpr iscsi_name_view() noexcept = default;

  [[nodiscard]] constexpr std::string_view value() const noexcept { return value_; }
  [[nodiscard]] constexpr profile checked_profile() const noexcept { return profile_; }
  [[nodiscard]] constexpr iscsi_name_form form() const noexcept { return form_; }
  /// `iqn.` form: the date's year and month (0 otherwise).
  [[nodiscard]] constexpr unsigned year() const noexcept { return year_; }
  [[nodiscard]] constexpr unsigned month() const noexcept { return month_; }
  /// `iqn.` form: the reversed domain name, e.g. `com.microsoft`.
  [[nodiscard]] constexpr std::string_view naming_authority() const noexcept { return authority_; }
  /// `iqn.` form: what follows the first ':' (may be empty when there is no ':').
  [[nodiscard]] constexpr std::string_view unique_name() const noexcept { return unique_; }
  /// `eui.`/`naa.` forms: the hex digits.
  [[nodiscard]] constexpr std::string_view hex_digits() const noexcept { return hex_; }

  friend constexpr bool operator==(const iscsi_name_view& a, const iscsi_name_view& b) noexcept {
    return a.value_ == b.value_ && a.profile_ == b.profile_;
  }

 private:
  friend struct detail_iscsi_name_access;
  std::string_view value_{};
  std::string_view authority_{};
  std::string_view unique_{};
  std::string_view hex_{};
  unsigned year_{0};
  unsigned month_{0};
  iscsi_name_form form_{iscsi_name_form::unknown};
  profile profile_{profile::strict};
};

/// Internal: the one place that writes a view's private parts.
struct detail_iscsi_name_access {
  static constexpr iscsi_name_view& value(iscsi_name_view& v, std::string_view s, profile p) noexcept {
    v.value_ = s;
    v.profile_ = p;
    return v;
  }
  static constexpr void iqn(iscsi_name_view& v, unsigned year, unsigned month, std::string_view authority,
                            std::string_view unique) noexcept {
    v.form_ = iscsi_name_form::iqn;
    v.year_ = year;
    v.month_ = month;
    v.authority_ = authority;
    v.unique_ = unique;
  }
  static constexpr void hex(iscsi_name_view& v, iscsi_name_form form, std::string_view digits) noexcept {
    v.form_ = form;
    v.hex_ = digits;
  }
};

namespace detail {

constexpr auto name_error(errc code, std::size_t offset, std::uint32_t limit = 0) noexcept {
  return tl::unexpected(make_error(code, field::initiator_name, offset, profile::strict, limit));
}

/// `YYYY-MM.reversed.domain[:unique]` after "iqn." (RFC 3720 §3.2.6.3.1).
SGWCHAP_DETAIL_ALWAYS_INLINE constexpr result<void> parse_iqn_body(std::string_view s, iscsi_name_view& view) noexcept {
  std::size_t pos = 4;
  unsigned year = 0;
  for (; pos < 8; ++pos) {
    if (pos >= s.size() || !is_digit(s[pos])) return name_error(errc::bad_iqn_date, pos);
    year = year * 10 + static_cast<unsigned>(s[pos] - '0');
  }
  if (pos >= s.size() || s[pos] != '-') return name_error(errc::bad_iqn_date, pos);
  unsigned month = 0;
  for (pos = 9; pos < 11; ++pos) {
    if (pos >= s.size() || !is_digit(s[pos])) return name_error(errc::bad_iqn_date, pos);
    month = month * 10 + static_cast<unsigned>(s[pos] - '0');
  }
  if (month < 1 || month > 12) return name_error(errc::iqn_month_out_of_range, 9);
  if (pos == s.size()) return name_error(errc::missing_naming_authority, pos);
  if (s[pos] != '.') return name_error(errc::bad_iqn_date, pos);
  ++pos;
  const std::size_t authority_begin = pos;
  if (pos == s.size() || s[pos] == ':') return name_error(errc::missing_naming_authority, pos);
  // Labels of [a-z0-9-], neither starting nor ending with '-', separated by single dots.
  std::size_t label_begin = pos;
  for (; pos < s.size() && s[pos] != ':'; ++pos) {
    // Letters and digits change no state: skip whole words of them (the value is ASCII here).
    if (!std::is_constant_evaluated()) {
      pos = swar::skip(s, pos, s.size(), [](std::uint64_t w) { return swar::lower_or_digit(w); });
      if (pos == s.size() || s[pos] == ':') break;
    }
    const char c = s[pos];
    if (c == '.') {
      if (pos == label_begin) return name_error(errc::empty_domain_label, pos);
      if (s[pos - 1] == '-') return name_error(errc::domain_label_hyphen, pos - 1);
      label_begin = pos + 1;
    } else if (c == '-' && pos == label_begin) {
      return name_error(errc::domain_label_hyphen, pos);
    }
  }
  if (pos == label_begin) return name_error(errc::empty_domain_label, pos);
  if (s[pos - 1] == '-') return name_error(errc::domain_label_hyphen, pos - 1);
  const std::string_view authority = s.substr(authority_begin, pos - authority_begin);
  std::string_view unique{};
  if (pos < s.size()) {  // s[pos] == ':'
    if (pos + 1 == s.size()) return name_error(errc::empty_unique_name, pos + 1);
    unique = s.substr(pos + 1);
  }
  detail_iscsi_name_access::iqn(view, year, month, authority, unique);
  return {};
}

/// The hex digits of `eui.` (16) and `naa.` (16 or 32) names.
SGWCHAP_DETAIL_ALWAYS_INLINE constexpr result<void> parse_hex_body(std::string_view s, iscsi_name_view& view,
                                                                   iscsi_name_form form) noexcept {
  namespace L = iscsi_name_limits;
  const std::size_t max_digits = form == iscsi_name_form::eui ? L::eui_hex_digits : L::naa_long_hex_digits;
  const auto limit = static_cast<std::uint32_t>(max_digits);
  for (std::size_t pos = 4; pos < s.size(); ++pos) {
    if (pos - 4 == max_digits) return name_error(errc::bad_hex_length, pos, limit);
    if (!in_class(s[pos], cc_hex_lower)) return name_error(errc::not_hex_digit, pos);
  }
  const std::size_t digits = s.size() - 4;
  const bool length_ok = digits == max_digits || (form == iscsi_name_form::naa && digits == L::naa_short_hex_digits);
  if (!length_ok) return name_error(errc::bad_hex_length, s.size(), limit);
  detail_iscsi_name_access::hex(view, form, s.substr(4));
  return {};
}

#if SGWCHAP_DETAIL_SSE2
/// MODEL IqnName's [0-9a-z:.-], 16 bytes at a time ('-' '.' and '0'..':' are two runs of ASCII).
struct iqn_name_chars {
  [[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE simd::block operator()(simd::block v) const noexcept {
    return _mm_or_si128(simd::in_range(v, 'a', 'z'),
                        _mm_or_si128(simd::in_range(v, '-', '.'), simd::in_range(v, '0', ':')));
  }
};

/// The strict run-time fast path for `iqn.` names of 29..223 bytes: true (and `view` filled)
/// only for a name that the exact code below accepts with the same parts; anything else
/// returns false and the exact code decides and reports. Each byte is classified once, 16 at
/// a time (SSE2), and the domain labels' rules (no empty label, no '-' at either end of a
/// label) become one test on pairs of neighbouring bytes: "..", ".-", "-." are the only
/// pairs they forbid inside the authority, plus a '.' or '-' at its two ends.
[[nodiscard]] inline bool accept_strict_iqn(std::string_view s, iscsi_name_view& view) noexcept {
  namespace V = simd;
  using V::block;
  const std::size_t n = s.size();
  // 29 bytes: the pair loads below read 17 bytes from offset >= 12 (shorter names are rare).
  if (n < 29 || n > iscsi_name_limits::rfc_max_bytes || !swar::equal_at(s, 0, "iqn.")) return false;
  // MODEL's [0-9a-z:.-] over the whole value.
  if (!V::all_of(s, 0, n, iqn_name_chars{})) return false;
  // YYYY "-" MM "." at offsets 4..11, as one word: digits in its bytes 0-3 and 5-6, '-' in
  // byte 4, '.' in byte 7 (no ':' there, so the first ':' found below ends the authority).
  const std::uint64_t date = swar::load8(s.data() + 4);
  constexpr std::uint64_t digit_bytes = 0x0080800080808080ULL;
  if ((swar::in_range(date, '0', '9') & digit_bytes) != digit_bytes || ((date >> 32U) & 0xFFU) != '-' ||
      (date >> 56U) != '.') {
    return false;
  }
  const auto d = [&s](std::size_t i) { return static_cast<unsigned>(s[i] - '0'); };
  const unsigned month = d(9) * 10 + d(10);
  if (month < 1 || month > 12) return false;
  const std::size_t colon = V::find(s, 12, ':');
  const std::size_t authority_end = colon == std::string_view::npos ? n : colon;
  if (authority_end == 12 || colon + 1 == n) return false;  // empty authority or unique name
  const auto separator = [](char c) { return c == '.' || c == '-'; };
  if (separator(s[12]) || separator(s[authority_end - 1])) return false;
  // Pairs (i, i + 1) for i in [12, authority_end - 1): two loads one byte apart.
  for (std::size_t pos = 12; pos + 1 < authority_end; pos += 16) {
    const std::size_t base = pos + 17 <= n ? pos : n - 17;
    const block a = V::load16(s.data() + base);
    const block b = V::load16(s.data() + base + 1);
    const block a_dot = V::equal_to(a, '.');
    const block b_dot = V::equal_to(b, '.');
    const block bad = _mm_or_si128(_mm_and_si128(a_dot, _mm_or_si128(b_dot, V::equal_to(b, '-'))),
                                   _mm_and_si128(V::equal_to(a, '-'), b_dot));
    const std::size_t pairs = authority_end - 1 - pos;
    const unsigned wanted = pairs >= 16 ? 0xFFFFU : (1U << pairs) - 1U;
    if (((V::bits(bad) >> (pos - base)) & wanted) != 0) return false;
  }
  const unsigned year = d(4) * 1000 + d(5) * 100 + d(6) * 10 + d(7);
  detail_iscsi_name_access::value(view, s, profile::strict);
  detail_iscsi_name_access::iqn(view, year, month, s.substr(12, authority_end - 12),
                                colon == std::string_view::npos ? std::string_view{} : s.substr(colon + 1));
  return true;
}
#endif

}  // namespace detail

/// Parses and checks an iSCSI name (SPEC §5) under `p`.
/// Errors (field InitiatorName): too_short (empty), too_long (255 characters, MODEL; 223 bytes
/// under strict, RFC 3720), uppercase_character, invalid_character (MODEL's [0-9a-z:.-]); and
/// under strict: bad_prefix, bad_iqn_date, iqn_month_out_of_range, missing_naming_authority,
/// empty_domain_label, domain_label_hyphen, empty_unique_name, not_hex_digit, bad_hex_length.
[[nodiscard]] constexpr result<iscsi_name_view> parse_iscsi_name(std::string_view value,
                                                                 profile p = profile::strict) noexcept;

namespace detail {
/// The whole check, usable in constant evaluation.
[[nodiscard]] constexpr result<iscsi_name_view> parse_iscsi_name_full(std::string_view value, profile p) noexcept {
  namespace L = iscsi_name_limits;
  constexpr field F = field::initiator_name;
  const bool strict = p == profile::strict;
  if (value.empty()) {
    return tl::unexpected(detail::make_error(errc::too_short, F, 0, profile::aws_model, 1, length_unit::characters));
  }
  // MODEL's pattern allows ASCII only, so characters and bytes coincide past this loop.
  const std::size_t max_length = strict ? L::rfc_max_bytes : L::model_max_characters;
  std::size_t first = 0;
  if (!std::is_constant_evaluated()) {
    first = detail::swar::skip(value, 0, max_length, [](std::uint64_t w) {
      return detail::swar::lower_or_digit(w) | detail::swar::in_range(w, '-', '.') | detail::swar::equal_to(w, ':');
    });
  }
  for (std::size_t i = first; i < value.size(); ++i) {
    if (i == max_length) {
      return tl::unexpected(detail::make_error(errc::too_long, F, i, p, static_cast<std::uint32_t>(max_length),
                                               strict ? length_unit::bytes : length_unit::characters));
    }
    const char c = value[i];
    if (!detail::in_class(c, detail::cc_iqn_name)) {
      return tl::unexpected(detail::make_error(
          detail::is_upper(c) ? errc::uppercase_character : errc::invalid_character, F, i, profile::aws_model));
    }
  }
  iscsi_name_view view;
  detail_iscsi_name_access::value(view, value, p);
  if (!strict) {
    // Fill the parts when the value also has an RFC form (RFC length included: a name longer
    // than 223 bytes passes only MODEL, so its form is unknown); the profile stays aws_model.
    if (value.size() > L::rfc_max_bytes) return view;
    if (value.starts_with("iqn."))
      (void)detail::parse_iqn_body(value, view);
    else if (value.starts_with("eui."))
      (void)detail::parse_hex_body(value, view, iscsi_name_form::eui);
    else if (value.starts_with("naa."))
      (void)detail::parse_hex_body(value, view, iscsi_name_form::naa);
    return view;
  }
  const auto form = value.starts_with("iqn.")   ? iscsi_name_form::iqn
                    : value.starts_with("eui.") ? iscsi_name_form::eui
                    : value.starts_with("naa.") ? iscsi_name_form::naa
                                                : iscsi_name_form::unknown;
  if (form == iscsi_name_form::unknown) {
    // Point at the first byte that differs from the closest of the three prefixes.
    std::size_t longest = 0;
    for (const std::string_view prefix :
         {std::string_view("iqn."), std::string_view("eui."), std::string_view("naa.")}) {
      std::size_t common = 0;
      while (common < prefix.size() && common < value.size() && value[common] == prefix[common]) ++common;
      longest = common > longest ? common : longest;
    }
    return detail::name_error(errc::bad_prefix, longest);
  }
  const result<void> body =
      form == iscsi_name_form::iqn ? detail::parse_iqn_body(value, view) : detail::parse_hex_body(value, view, form);
  if (!body.has_value()) return tl::unexpected(body.error());
  return view;
}

/// The run-time strict path: the fast path fills the view inside the result that is returned
/// (`r` is the only object returned: no copy of a just-written view, see target_arn.hpp);
/// any other value takes the exact path, which decides and reports.
[[nodiscard]] inline result<iscsi_name_view> parse_strict_iscsi_name_in_place(std::string_view value) noexcept {
  result<iscsi_name_view> r;
#if SGWCHAP_DETAIL_SSE2
  if (accept_strict_iqn(value, *r)) return r;
#endif
  r = parse_iscsi_name_full(value, profile::strict);
  return r;
}
}  // namespace detail

[[nodiscard]] constexpr result<iscsi_name_view> parse_iscsi_name(std::string_view value, profile p) noexcept {
  if (p == profile::strict && !std::is_constant_evaluated()) return detail::parse_strict_iscsi_name_in_place(value);
  return detail::parse_iscsi_name_full(value, p);
}

/// The bool fast path: true when `parse_iscsi_name(value, p)` would succeed.
[[nodiscard]] constexpr bool is_valid_iscsi_name(std::string_view value, profile p = profile::strict) noexcept {
  return parse_iscsi_name(value, p).has_value();
}

/// Byte offset of the first ASCII upper-case letter, or npos.
[[nodiscard]] constexpr std::size_t find_uppercase(std::string_view value) noexcept {
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (detail::is_upper(value[i])) return i;
  }
  return std::string_view::npos;
}

/// RFC 3722's case mapping, restricted to ASCII (MODEL allows ASCII only): copies `value` into
/// `buffer` with A-Z folded to a-z, and returns the view of the written bytes. Nothing else is
/// changed; the caller then parses the result. Folding is explicit, never done by a parser.
/// Error: buffer_too_small (offset = the buffer's size).
[[nodiscard]] constexpr result<std::string_view> normalize_iscsi_name(std::string_view value,
                                                                      std::span<char> buffer) noexcept {
  if (buffer.size() < value.size()) {
    return tl::unexpected(detail::make_error(errc::buffer_too_small, field::initiator_name, buffer.size()));
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    buffer[i] = detail::is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buffer.data(), value.size());
}

/// What `normalize_iscsi_name(value)` returns: inline storage for the longest name MODEL allows.
using normalized_iscsi_name = static_string<iscsi_name_limits::model_max_characters>;

/// As above, into a fixed-capacity string (no allocation, no exception, constexpr): room for
/// 255 bytes, MODEL's longest IqnName (ASCII only, so its characters are bytes).
/// Error: too_long (field InitiatorName, profile aws_model, limit 255, offset 255: the first
/// byte that does not fit, as the parser reports an over-long name under aws_model; the unit
/// is bytes, since `value` need not be ASCII). Such a value passes neither profile anyway.
[[nodiscard]] constexpr result<normalized_iscsi_name> normalize_iscsi_name(std::string_view value) noexcept {
  constexpr std::size_t capacity = normalized_iscsi_name::capacity();
  if (value.size() > capacity) {
    return tl::unexpected(detail::make_error(errc::too_long, field::initiator_name, capacity, profile::aws_model,
                                             static_cast<std::uint32_t>(capacity), length_unit::bytes));
  }
  normalized_iscsi_name out;
  for (const char c : value) {
    const char folded = detail::is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    (void)out.append(std::string_view(&folded, 1));  // fits: value.size() <= capacity
  }
  return out;
}

/// An owning, checked iSCSI name. Copyable; hashable; ordered. Its bytes live inline, in a
/// `static_string<iscsi_name_limits::model_max_characters>` (255 bytes: room for every value
/// `parse_iscsi_name` accepts under either profile, see the static_assert below), so making
/// one never allocates and never throws, also in constant expressions. sizeof is 272 bytes.
class iscsi_name {
 public:
  /// The inline storage of the bytes.
  using storage = static_string<iscsi_name_limits::model_max_characters>;

  /// Checks `value` under `p` (the errors of `parse_iscsi_name`) and copies it. No allocation,
  /// no exception.
  [[nodiscard]] static constexpr result<iscsi_name> parse(std::string_view value,
                                                          profile p = profile::strict) noexcept {
    const auto view = parse_iscsi_name(value, p);
    if (!view.has_value()) return tl::unexpected(view.error());
    return iscsi_name(*view);
  }
  /// From a view that already passed (a literal or a `parse_iscsi_name` result): such a view
  /// never has more than 255 bytes, so the copy always fits (nothing is cut).
  constexpr explicit iscsi_name(const iscsi_name_view& view) noexcept : profile_(view.checked_profile()) {
    (void)value_.append(view.value());
  }

  /// The value's bytes (valid while this object lives and is not modified).
  [[nodiscard]] constexpr std::string_view str() const noexcept { return value_.view(); }
  [[nodiscard]] constexpr profile checked_profile() const noexcept { return profile_; }
  /// A view into this object (re-derived; valid while this object lives and is not modified).
  [[nodiscard]] constexpr iscsi_name_view view() const noexcept {
    const auto parsed = parse_iscsi_name(value_.view(), profile_);
    return parsed.has_value() ? *parsed : iscsi_name_view{};
  }

  /// Equal when the bytes and the profile they passed are equal; ordered by the bytes, then the
  /// profile, so that `<=>` agrees with `==` (std::set and std::map see the same keys as ==).
  friend constexpr bool operator==(const iscsi_name& a, const iscsi_name& b) noexcept {
    return a.value_.view() == b.value_.view() && a.profile_ == b.profile_;
  }
  friend constexpr std::strong_ordering operator<=>(const iscsi_name& a, const iscsi_name& b) noexcept {
    // compare() <=> 0 is how the standard defines string_view's <=> ([string.view.comparison]);
    // spelt out because libc++ 14 (Debian 12's) has no <=> for string_view yet.
    if (const auto bytes = a.value_.view().compare(b.value_.view()) <=> 0; std::is_neq(bytes)) return bytes;
    return a.profile_ <=> b.profile_;
  }

 private:
  storage value_;
  profile profile_;
};

// Every value the parser accepts fits: parse_iscsi_name_full bounds the value in bytes by
// rfc_max_bytes (strict) or model_max_characters (aws_model, whose pattern is ASCII only).
static_assert(iscsi_name::storage::capacity() >= iscsi_name_limits::model_max_characters &&
              iscsi_name::storage::capacity() >= iscsi_name_limits::rfc_max_bytes);

SGWCHAP_END_NAMESPACE

template <>
struct std::hash<sgwchap::iscsi_name> {
  std::size_t operator()(const sgwchap::iscsi_name& name) const noexcept {
    return std::hash<std::string_view>{}(name.str());
  }
};
