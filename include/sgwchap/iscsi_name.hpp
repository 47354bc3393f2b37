// sgwchap — iSCSI names (InitiatorName; MODEL IqnName, RFC 3720 §3.2.6): parse, check, normalize.
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

#include <sgwchap/detail/accel/iscsi_name.hpp>
#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/swar.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/static_string.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Which of the three RFC forms a name has; `unknown` for a name that passed only `aws_model`
/// and has no RFC form.
enum class iscsi_name_form : std::uint8_t { unknown, iqn, eui, naa };

/// "iqn", "eui", "naa", or "unknown".
[[nodiscard]] constexpr std::string_view iscsi_name_form_name(iscsi_name_form f) noexcept {
  switch (f) {
    case iscsi_name_form::iqn: return "iqn";
    case iscsi_name_form::eui: return "eui";
    case iscsi_name_form::naa: return "naa";
    case iscsi_name_form::unknown: break;
  }
  return "unknown";
}

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

/// An `iqn.` name after its prefix (RFC 3720 §3.2.6.3.1, RFC 7143 §4.2.7.2), strict profile:
///
///   iqn-name   = "iqn." date "." authority [ ":" unique ]
///   date       = 4DIGIT "-" 2DIGIT              ; the month 01..12
///   authority  = top-label *( "." label )       ; a reversed domain name (RFC 1035 §2.3.1)
///   top-label  = label                          ; not all digits (RFC 1123 §2.1, RFC 3696 §2)
///   label      = let-dig [ *61( let-dig / "-" ) let-dig ]   ; 1..63 bytes (RFC 1035 §2.3.4)
///   let-dig    = %x61-7A / DIGIT                ; lower case: MODEL IqnName has no upper case
///   unique     = 1*( let-dig / "-" / "." / ":" )
///
/// (The characters were checked already: every byte is one of MODEL's [0-9a-z:.-].)
SGWCHAP_DETAIL_ALWAYS_INLINE constexpr result<void> parse_iqn_body(std::string_view s, iscsi_name_view& view) noexcept {
  namespace L = iscsi_name_limits;
  std::size_t pos = 4;
  unsigned year = 0;
  for (; pos < 8; ++pos) {
    if (pos >= s.size() || !is_digit(s[pos])) return name_error(errc::bad_iqn_date, pos);  // 4DIGIT
    year = year * 10 + static_cast<unsigned>(s[pos] - '0');
  }
  if (pos >= s.size() || s[pos] != '-') return name_error(errc::bad_iqn_date, pos);  // "-"
  unsigned month = 0;
  for (pos = 9; pos < 11; ++pos) {
    if (pos >= s.size() || !is_digit(s[pos])) return name_error(errc::bad_iqn_date, pos);  // 2DIGIT
    month = month * 10 + static_cast<unsigned>(s[pos] - '0');
  }
  if (month < 1 || month > 12) return name_error(errc::iqn_month_out_of_range, 9);  // 01..12
  if (pos == s.size()) return name_error(errc::missing_naming_authority, pos);      // "." authority
  if (s[pos] != '.') return name_error(errc::bad_iqn_date, pos);                    // "."
  ++pos;
  const std::size_t authority_begin = pos;
  if (pos == s.size() || s[pos] == ':') return name_error(errc::missing_naming_authority, pos);
  // The labels: each ends at '.', ':' or the end; `top` is the first (the top-level domain).
  std::size_t label_begin = pos;
  bool top = true;
  bool all_digits = true;
  const auto end_label = [&](std::size_t at) -> result<void> {
    if (at == label_begin) return name_error(errc::empty_domain_label, at);                 // label: 1.. bytes
    if (s[at - 1] == '-') return name_error(errc::domain_label_hyphen, at - 1);             // ends with let-dig
    if (top && all_digits) return name_error(errc::numeric_top_level_domain, label_begin);  // top-label
    return {};
  };
  for (; pos < s.size() && s[pos] != ':'; ++pos) {
    // Letters and digits change no state but `all_digits`: skip whole words of them (the value
    // is ASCII here), stopping where a label would pass 63 bytes.
    if (!std::is_constant_evaluated() && !top) {
      const std::size_t limit = label_begin + L::max_label_bytes + 1;
      pos = swar::skip(s, pos, limit < s.size() ? limit : s.size(),
                       [](std::uint64_t w) { return swar::lower_or_digit(w); });
      if (pos == s.size() || s[pos] == ':') break;
    }
    // label: at most 63 bytes (a whole-word skip may have passed the 64th: it is reported)
    if (pos - label_begin > L::max_label_bytes || (pos - label_begin == L::max_label_bytes && s[pos] != '.')) {
      return name_error(errc::domain_label_too_long, label_begin + L::max_label_bytes,
                        static_cast<std::uint32_t>(L::max_label_bytes));
    }
    const char c = s[pos];
    if (c == '.') {
      if (auto ok = end_label(pos); !ok.has_value()) return ok;
      label_begin = pos + 1;
      top = false;
      continue;
    }
    if (c == '-' && pos == label_begin) return name_error(errc::domain_label_hyphen, pos);  // starts with let-dig
    all_digits = all_digits && is_digit(c);
  }
  if (pos - label_begin > L::max_label_bytes) {  // a run skipped in whole words
    return name_error(errc::domain_label_too_long, label_begin + L::max_label_bytes,
                      static_cast<std::uint32_t>(L::max_label_bytes));
  }
  if (auto ok = end_label(pos); !ok.has_value()) return ok;
  const std::string_view authority = s.substr(authority_begin, pos - authority_begin);
  std::string_view unique{};
  if (pos < s.size()) {                                                            // ":" unique
    if (pos + 1 == s.size()) return name_error(errc::empty_unique_name, pos + 1);  // 1*( ... )
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

}  // namespace detail

/// Parses and checks an iSCSI name (MODEL IqnName; strict: RFC 3720 §3.2.6.3) under `p`.
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
  // A Storage Gateway target's name is never an initiator's (USERGUIDE-CHAP shows it beside the field).
  if (value.starts_with(L::amazon_target_prefix)) return detail::name_error(errc::initiator_is_target_name, 0);
  return view;
}

/// The run-time strict path: the fast path fills the view inside the result that is returned
/// (`r` is the only object returned: no copy of a just-written view, see target_arn.hpp);
/// any other value takes the exact path, which decides and reports.
[[nodiscard]] inline result<iscsi_name_view> parse_strict_iscsi_name_in_place(std::string_view value) noexcept {
  result<iscsi_name_view> r;
#if SGWCHAP_DETAIL_SSE2
  if (iqn_parts parts; accept_strict_iqn(value, parts)) {
    detail_iscsi_name_access::value(*r, value, profile::strict);
    detail_iscsi_name_access::iqn(*r, parts.year, parts.month, parts.authority, parts.unique);
    return r;
  }
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
