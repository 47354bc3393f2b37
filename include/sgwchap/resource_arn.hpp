// sgwchap — gateway, volume and VTL device ARNs (MODEL GatewayARN, VolumeARN, VTLDeviceARN;
// PARTITIONS): parse and check one, and the elements of a VolumeARNs or VTLDeviceARNs list.
//
// MODEL gives all three 50..500 characters; only VolumeARN has a pattern (below). The strict
// profile adds the structure the service builds (APIREF-Volumes, APIREF-VTL examples):
//
//   gateway-arn    = gateway-prefix                       ; anything after it: bad_resource_type
//   volume-arn     = gateway-prefix "/volume/" volume-id  ; bad_resource_type
//   vtl-device-arn = gateway-prefix "/device/" device-id  ; bad_resource_type
//   gateway-prefix = detail/gateway_prefix.hpp (the partition, region, account and gateway id of
//                    a target ARN, with the same rules and errors)
//   volume-id      = "vol-" 8*26( DIGIT / %x41-46 )       ; MODEL VolumeId 12..30: bad_volume_id
//   device-id      = 1*( %x41-5A / DIGIT / "_" / "-" )    ; bad_device_id
//
// Lower-case hex (gateway or volume id) and a lower-case device id are accepted under aws_model,
// whose views are filled when the value has this structure read that way.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/gateway_prefix.hpp>
#include <sgwchap/detail/owned_bytes.hpp>
#include <sgwchap/detail/partitions.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/profile.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Which of the three ARNs a view holds.
enum class resource_kind : std::uint8_t { gateway, volume, vtl_device };

namespace detail {

/// The field a kind's errors name.
template <resource_kind K>
inline constexpr field resource_field = K == resource_kind::gateway  ? field::gateway_arn
                                        : K == resource_kind::volume ? field::volume_arn
                                                                     : field::vtl_device_arn;

/// The parts of a resource ARN, views into it.
struct resource_parts {
  gateway_prefix prefix{};
  std::string_view resource{};  ///< the volume id or device id; empty for a gateway ARN
};

}  // namespace detail

/// A parsed gateway, volume or VTL device ARN: views into the input (valid as long as the input
/// is) and the profile it passed. Each kind is its own type, so one cannot stand for another.
template <resource_kind K>
class resource_arn_view {
 public:
  static constexpr resource_kind kind = K;

  constexpr resource_arn_view() noexcept = default;

  [[nodiscard]] constexpr std::string_view value() const noexcept { return value_; }
  [[nodiscard]] constexpr profile checked_profile() const noexcept { return profile_; }
  /// True when the parts below are filled: always under strict; under aws_model when the value
  /// also has the structure (lower case allowed).
  [[nodiscard]] constexpr bool has_structure() const noexcept {
    return parts_.prefix.partition_index != detail::no_partition;
  }
  [[nodiscard]] constexpr std::string_view partition() const noexcept { return parts_.prefix.partition; }
  [[nodiscard]] constexpr std::string_view region() const noexcept { return parts_.prefix.region; }
  [[nodiscard]] constexpr std::string_view account_id() const noexcept { return parts_.prefix.account; }
  /// `sgw-` and its hex digits, e.g. `sgw-12A3456B`.
  [[nodiscard]] constexpr std::string_view gateway_id() const noexcept { return parts_.prefix.gateway; }
  /// The ARN of the gateway this resource is on: the value up to its gateway id (the whole value
  /// for a gateway ARN); empty without structure.
  [[nodiscard]] constexpr std::string_view gateway_arn() const noexcept {
    return has_structure() ? value_.substr(0, parts_.prefix.end) : std::string_view{};
  }
  /// The volume id (`vol-1122AABB`) or device id (`AMZN_SGW-1FAD4876_TAPEDRIVE_00001`); empty
  /// for a gateway ARN and without structure.
  [[nodiscard]] constexpr std::string_view resource_id() const noexcept { return parts_.resource; }

  friend constexpr bool operator==(const resource_arn_view& a, const resource_arn_view& b) noexcept {
    return a.value_ == b.value_ && a.profile_ == b.profile_;
  }

  /// Internal: built by the parse functions only.
  static constexpr resource_arn_view make_(std::string_view value, profile p,
                                           const detail::resource_parts* parts) noexcept {
    resource_arn_view v;
    v.value_ = value;
    v.profile_ = p;
    if (parts != nullptr) v.parts_ = *parts;
    return v;
  }

 private:
  std::string_view value_{};
  detail::resource_parts parts_{};
  profile profile_{profile::strict};
};

using gateway_arn_view = resource_arn_view<resource_kind::gateway>;
using volume_arn_view = resource_arn_view<resource_kind::volume>;
using vtl_device_arn_view = resource_arn_view<resource_kind::vtl_device>;

namespace detail {

[[nodiscard]] constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/// True when the UTF-8 character at `i` is one ECMA-262's `\s` matches (ECMA-262 §22.2.2.9,
/// CharacterClassEscape :: s: WhiteSpace and LineTerminator): ASCII white space, U+00A0,
/// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
[[nodiscard]] constexpr bool is_ecma_space_at(std::string_view s, std::size_t i) noexcept {
  const char32_t c = decode_utf8(s, i).code_point;
  return (c < 0x80U && is_ascii_space(static_cast<char>(c))) || c == 0xA0U || c == 0x1680U ||
         (c >= 0x2000U && c <= 0x200AU) || c == 0x2028U || c == 0x2029U || c == 0x202FU || c == 0x205FU ||
         c == 0x3000U || c == 0xFEFFU;
}

/// The structure of the file comment, strict or read with lower case allowed.
template <resource_kind K>
[[nodiscard]] constexpr result<resource_parts> parse_resource_structure(std::string_view s, bool strict) noexcept {
  constexpr field F = resource_field<K>;
  auto fail = [](errc code, std::size_t offset) {
    return tl::unexpected(make_error(code, F, offset, profile::strict));
  };
  namespace L = resource_arn_limits;
  resource_parts out;
  const auto prefix = parse_gateway_prefix<F>(s, strict);
  if (!prefix.has_value()) return tl::unexpected(prefix.error());
  out.prefix = *prefix;
  std::size_t pos = (*prefix).end;
  if constexpr (K == resource_kind::gateway) {
    if (pos != s.size()) return fail(errc::bad_resource_type, pos);
    return out;
  }
  // "/volume/" or "/device/"
  const std::string_view kind = K == resource_kind::volume ? "/volume/" : "/device/";
  if (const auto at = mismatch_at(s, pos, kind); at != std::string_view::npos) return fail(errc::bad_resource_type, at);
  pos += kind.size();
  const std::size_t id_begin = pos;
  if constexpr (K == resource_kind::volume) {
    if (const auto at = mismatch_at(s, pos, "vol-"); at != std::string_view::npos) return fail(errc::bad_volume_id, at);
    pos += 4;
    for (; pos < s.size(); ++pos) {
      const char c = s[pos];
      if (!in_class(c, cc_hex_upper) && (strict || !in_class(c, cc_hex_lower))) return fail(errc::bad_volume_id, pos);
      if (pos - id_begin - 4 == L::max_volume_hex_digits) return fail(errc::bad_volume_id, pos);
    }
    if (pos - id_begin - 4 < L::min_volume_hex_digits) return fail(errc::bad_volume_id, pos);
  } else {
    if (pos == s.size()) return fail(errc::bad_device_id, pos);
    for (; pos < s.size(); ++pos) {
      const char c = s[pos];
      const bool lower = c >= 'a' && c <= 'z';
      if (!is_upper(c) && !is_digit(c) && c != '_' && c != '-' && (strict || !lower)) {
        return fail(errc::bad_device_id, pos);
      }
    }
  }
  out.resource = s.substr(id_begin);
  return out;
}

/// MODEL VolumeARN's pattern, read as an ECMA-262 regular expression at one start `b`:
///   arn:(aws(|-cn|-us-gov|-iso[A-Za-z0-9_-]*|-eusc)):storagegateway:[a-z\-0-9]+:[0-9]+:gateway\/(.+)\/volume\/vol-(\S+)
/// `.` is any character but a line terminator (LF, CR, U+2028, U+2029); `\S` any character
/// but ECMA-262's white space and line terminators (is_ecma_space_at). Errors (profile
/// aws_model) name the part that does not match.
[[nodiscard]] constexpr result<void> match_volume_pattern_at(std::string_view s, std::size_t b) noexcept {
  auto fail = [](errc code, std::size_t offset) {
    return tl::unexpected(make_error(code, field::volume_arn, offset, profile::aws_model));
  };
  if (const auto at = mismatch_at(s, b, "arn:"); at != std::string_view::npos) return fail(errc::bad_prefix, at);
  std::size_t pos = b + 4;
  if (mismatch_at(s, pos, "aws") != std::string_view::npos) return fail(errc::unknown_partition, pos);
  std::size_t p = pos + 3;
  if (mismatch_at(s, p, "-iso") == std::string_view::npos) {
    p += 4;
    while (p < s.size() &&
           (is_digit(s[p]) || is_upper(s[p]) || (s[p] >= 'a' && s[p] <= 'z') || s[p] == '_' || s[p] == '-')) {
      ++p;
    }
  } else {
    for (const std::string_view alt : {"-cn", "-us-gov", "-eusc"}) {
      if (mismatch_at(s, p, alt) == std::string_view::npos && p + alt.size() < s.size() && s[p + alt.size()] == ':') {
        p += alt.size();
        break;
      }
    }
  }
  if (p >= s.size() || s[p] != ':') return fail(errc::unknown_partition, pos);
  pos = p + 1;
  if (const auto at = mismatch_at(s, pos, "storagegateway:"); at != std::string_view::npos) {
    return fail(errc::bad_service, at);
  }
  pos += 15;
  const std::size_t region_begin = pos;
  while (pos < s.size() && ((s[pos] >= 'a' && s[pos] <= 'z') || is_digit(s[pos]) || s[pos] == '-')) ++pos;
  if (pos == region_begin || pos >= s.size() || s[pos] != ':') return fail(errc::bad_region, pos);
  const std::size_t account_begin = ++pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  if (pos == account_begin || pos >= s.size() || s[pos] != ':') return fail(errc::bad_account_id, pos);
  ++pos;
  if (const auto at = mismatch_at(s, pos, "gateway/"); at != std::string_view::npos) {
    return fail(errc::bad_resource_type, at);
  }
  pos += 8;
  // (.+)\/volume\/vol-(\S+): "/volume/vol-" after at least one character, no line terminator
  // before it, and a non-space after it.
  const std::size_t gateway_begin = pos;
  std::size_t bare_volume = std::string_view::npos;  // a "/volume/vol-" with no id after it
  for (std::size_t i = gateway_begin; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') break;
    if (s[i] == '\xE2' && mismatch_at(s, i, "\xE2\x80\xA8") == std::string_view::npos) break;
    if (s[i] == '\xE2' && mismatch_at(s, i, "\xE2\x80\xA9") == std::string_view::npos) break;
    if (i == gateway_begin || mismatch_at(s, i, "/volume/vol-") != std::string_view::npos) continue;
    if (i + 12 < s.size() && !is_ecma_space_at(s, i + 12)) return {};
    if (bare_volume == std::string_view::npos) bare_volume = i + 12;
  }
  if (bare_volume != std::string_view::npos) return fail(errc::bad_volume_id, bare_volume);
  return fail(errc::bad_resource_type, gateway_begin);
}

/// MODEL VolumeARN's pattern, searched for as Smithy patterns are (not anchored): a match at any
/// "arn:" passes; otherwise the error of the first attempt.
[[nodiscard]] constexpr result<void> match_volume_pattern(std::string_view s) noexcept {
  result<void> first = match_volume_pattern_at(s, 0);
  if (first.has_value()) return first;
  for (std::size_t b = 1; b + 4 <= s.size(); ++b) {
    if (mismatch_at(s, b, "arn:") == std::string_view::npos && match_volume_pattern_at(s, b).has_value()) return {};
  }
  return first;
}

/// The whole check of one resource ARN, usable in constant evaluation.
template <resource_kind K>
[[nodiscard]] constexpr result<resource_arn_view<K>> parse_resource_arn(std::string_view value, profile p) noexcept {
  namespace L = resource_arn_limits;
  constexpr field F = resource_field<K>;
  using view = resource_arn_view<K>;
  // Strict: a value with the structure is ASCII, so its characters are its bytes.
  if (p == profile::strict) {
    const auto structure = parse_resource_structure<K>(value, true);
    if (structure.has_value() && value.size() >= L::model_min_characters && value.size() <= L::model_max_characters) {
      return view::make_(value, p, &*structure);
    }
  }
  // MODEL counts Unicode scalar values; the value must be UTF-8 to be sent as JSON.
  const utf8_scan scan = scan_utf8(value);
  if (!scan.ok) return tl::unexpected(make_error(errc::invalid_utf8, F, scan.error_offset, profile::aws_model));
  if (scan.scalars < L::model_min_characters) {
    return tl::unexpected(make_error(errc::too_short, F, value.size(), profile::aws_model, L::model_min_characters,
                                     length_unit::characters));
  }
  if (scan.scalars > L::model_max_characters) {
    return tl::unexpected(make_error(errc::too_long, F, offset_of_scalar(value, L::model_max_characters),
                                     profile::aws_model, L::model_max_characters, length_unit::characters));
  }
  const bool strict = p == profile::strict;
  if constexpr (K == resource_kind::volume) {
    // Strict's structure implies MODEL's pattern; its own errors say more.
    if (!strict) {
      if (auto m = match_volume_pattern(value); !m.has_value()) return tl::unexpected(m.error());
    }
  }
  const auto structure = parse_resource_structure<K>(value, strict);
  if (!structure.has_value()) {
    if (strict) return tl::unexpected(structure.error());
    return view::make_(value, p, nullptr);
  }
  return view::make_(value, p, &*structure);
}

}  // namespace detail

/// Parses and checks a GatewayARN (MODEL 50..500 characters; strict: the structure above).
/// Errors (field GatewayARN): invalid_utf8, too_short, too_long; under strict those of the
/// gateway prefix (bad_prefix .. lowercase_gateway_id) and bad_resource_type.
[[nodiscard]] constexpr result<gateway_arn_view> parse_gateway_arn(std::string_view value,
                                                                   profile p = profile::strict) noexcept {
  return detail::parse_resource_arn<resource_kind::gateway>(value, p);
}

/// Parses and checks a VolumeARN (MODEL 50..500 characters and its pattern, under both
/// profiles; strict: the structure above). Errors (field VolumeARN): those of parse_gateway_arn,
/// and bad_volume_id.
[[nodiscard]] constexpr result<volume_arn_view> parse_volume_arn(std::string_view value,
                                                                 profile p = profile::strict) noexcept {
  return detail::parse_resource_arn<resource_kind::volume>(value, p);
}

/// Parses and checks a VTLDeviceARN (MODEL 50..500 characters; strict: the structure above).
/// Errors (field VTLDeviceARN): those of parse_gateway_arn, and bad_device_id.
[[nodiscard]] constexpr result<vtl_device_arn_view> parse_vtl_device_arn(std::string_view value,
                                                                         profile p = profile::strict) noexcept {
  return detail::parse_resource_arn<resource_kind::vtl_device>(value, p);
}

[[nodiscard]] constexpr bool is_valid_gateway_arn(std::string_view value, profile p = profile::strict) noexcept {
  return parse_gateway_arn(value, p).has_value();
}
[[nodiscard]] constexpr bool is_valid_volume_arn(std::string_view value, profile p = profile::strict) noexcept {
  return parse_volume_arn(value, p).has_value();
}
[[nodiscard]] constexpr bool is_valid_vtl_device_arn(std::string_view value, profile p = profile::strict) noexcept {
  return parse_vtl_device_arn(value, p).has_value();
}

/// An owning, checked gateway, volume or VTL device ARN: the value outlives its input (what a
/// request holds). Copyable, hashable, ordered; its bytes live in one heap block of their size,
/// as a target_arn's do (a value may be up to 2000 bytes under aws_model: 500 characters of up
/// to 4 bytes).
template <resource_kind K>
class resource_arn {
 public:
  using view_type = resource_arn_view<K>;

  /// Checks `value` under `p` (the errors of its parse function) and copies it. Allocates (may
  /// throw std::bad_alloc) only on success.
  [[nodiscard]] static result<resource_arn> parse(std::string_view value, profile p = profile::strict) {
    const auto view = detail::parse_resource_arn<K>(value, p);
    if (!view.has_value()) return tl::unexpected(view.error());
    return resource_arn(*view);
  }
  /// From a view that already passed (a literal or a parse result). Allocates.
  explicit resource_arn(const view_type& view) : value_(view.value()), profile_(view.checked_profile()) {}

  resource_arn(const resource_arn&) = default;
  resource_arn& operator=(const resource_arn&) = default;
  /// Moving takes the bytes; the moved-from value is empty and claims only aws_model, so a strict
  /// check refuses it (too_short).
  resource_arn(resource_arn&& other) noexcept
      : value_(std::move(other.value_)), profile_(std::exchange(other.profile_, profile::aws_model)) {}
  resource_arn& operator=(resource_arn&& other) noexcept {
    if (this != &other) {
      value_ = std::move(other.value_);
      profile_ = std::exchange(other.profile_, profile::aws_model);
    }
    return *this;
  }
  ~resource_arn() = default;

  [[nodiscard]] std::string_view str() const noexcept { return value_.view(); }
  [[nodiscard]] profile checked_profile() const noexcept { return profile_; }
  /// A view into this object (re-derived; valid while this object lives and is not modified).
  [[nodiscard]] view_type view() const noexcept {
    // The value passed this profile when it was stored, so the parse cannot fail.
    const auto parsed = detail::parse_resource_arn<K>(value_.view(), profile_);
    return parsed.has_value() ? *parsed : view_type{};
  }

  /// Equal when the bytes and the profile are; ordered by the bytes, then the profile (agrees
  /// with ==).
  friend bool operator==(const resource_arn& a, const resource_arn& b) noexcept {
    return a.value_.view() == b.value_.view() && a.profile_ == b.profile_;
  }
  friend std::strong_ordering operator<=>(const resource_arn& a, const resource_arn& b) noexcept {
    if (const auto bytes = a.value_.view().compare(b.value_.view()) <=> 0; std::is_neq(bytes)) return bytes;
    return a.profile_ <=> b.profile_;
  }

 private:
  detail::owned_bytes value_;
  profile profile_;
};

using gateway_arn = resource_arn<resource_kind::gateway>;
using volume_arn = resource_arn<resource_kind::volume>;
using vtl_device_arn = resource_arn<resource_kind::vtl_device>;

/// The first element of a list that fails, and why: `index` is the element (0-based), `err`
/// its error (field VolumeARN or VTLDeviceARN, offset into the element) or the list's
/// (field VolumeARNs or VTLDeviceARNs: empty_list, mixed_gateways).
struct list_error {
  std::size_t index{0};
  error err{};
  friend constexpr bool operator==(const list_error&, const list_error&) noexcept = default;
};

/// What a list check returns.
using list_result = tl::expected<void, list_error>;

namespace detail {

/// mixed_gateways when `arn` is not on `gateway` (offset: the first byte that differs).
template <field ListField>
[[nodiscard]] constexpr list_result same_gateway(std::string_view gateway, std::string_view arn_gateway,
                                                 std::size_t index) noexcept {
  if (arn_gateway == gateway) return {};
  std::size_t at = 0;
  while (at < gateway.size() && at < arn_gateway.size() && gateway[at] == arn_gateway[at]) ++at;
  return tl::unexpected(list_error{index, make_error(errc::mixed_gateways, ListField, at, profile::strict, 0,
                                                     length_unit::bytes, static_cast<std::uint32_t>(index))});
}

}  // namespace detail

namespace detail {

/// check_volume_arns over any list with size() and operator[] giving text (requests.hpp's
/// text_list too).
template <class List>
[[nodiscard]] constexpr list_result check_volume_arns_in(const List& arns, profile p) noexcept {
  if (p == profile::strict && arns.size() == 0) {
    return tl::unexpected(list_error{0, make_error(errc::empty_list, field::volume_arns, 0)});
  }
  std::string_view gateway;
  for (std::size_t i = 0; i < arns.size(); ++i) {
    const auto parsed = parse_volume_arn(arns[i], p);
    if (!parsed.has_value()) return tl::unexpected(list_error{i, parsed.error()});
    if (p != profile::strict) continue;
    if (i == 0) gateway = (*parsed).gateway_arn();
    if (auto r = same_gateway<field::volume_arns>(gateway, (*parsed).gateway_arn(), i); !r.has_value()) return r;
  }
  return {};
}

/// check_vtl_device_arns over any list with size() and operator[] giving text.
template <class List>
[[nodiscard]] constexpr list_result check_vtl_device_arns_in(const gateway_arn_view& gateway, const List& arns,
                                                             profile p) noexcept {
  for (std::size_t i = 0; i < arns.size(); ++i) {
    const auto parsed = parse_vtl_device_arn(arns[i], p);
    if (!parsed.has_value()) return tl::unexpected(list_error{i, parsed.error()});
    if (p != profile::strict || !gateway.has_structure()) continue;
    if (auto r = same_gateway<field::vtl_device_arns>(gateway.gateway_arn(), (*parsed).gateway_arn(), i);
        !r.has_value()) {
      return r;
    }
  }
  return {};
}

}  // namespace detail

/// Checks the VolumeARNs of DescribeStorediSCSIVolumes or DescribeCachediSCSIVolumes: each
/// element (parse_volume_arn under `p`); under strict, at least one (empty_list: MODEL requires
/// the member but sets no minimum, and an empty list describes nothing) and all on the first
/// element's gateway (mixed_gateways; APIREF-Volumes).
[[nodiscard]] constexpr list_result check_volume_arns(std::span<const std::string_view> arns,
                                                      profile p = profile::strict) noexcept {
  return detail::check_volume_arns_in(arns, p);
}

/// Checks the VTLDeviceARNs of DescribeVTLDevices: each element (parse_vtl_device_arn under
/// `p`); under strict, each on the request's gateway (mixed_gateways; APIREF-VTL). An empty list
/// is allowed: it asks for every device of the gateway (APIREF-VTL).
[[nodiscard]] constexpr list_result check_vtl_device_arns(const gateway_arn_view& gateway,
                                                          std::span<const std::string_view> arns,
                                                          profile p = profile::strict) noexcept {
  return detail::check_vtl_device_arns_in(gateway, arns, p);
}

SGWCHAP_END_NAMESPACE

template <sgwchap::resource_kind K>
struct std::hash<sgwchap::resource_arn<K>> {
  std::size_t operator()(const sgwchap::resource_arn<K>& arn) const noexcept {
    return std::hash<std::string_view>{}(arn.str());
  }
};
