// sgwchap — target ARNs (MODEL TargetARN, PARTITIONS): parse, check, and derive the endpoint host.
//
//   arn:PARTITION:storagegateway:REGION:ACCOUNT:gateway/GATEWAY-ID/target/TARGET-IQN
//
// MODEL (TargetARN) says only: 50..800 characters. The structure, partition table, region
// patterns, 12-digit account, `sgw-` + 8..26 hex gateway id and `iqn.1997-05.com.amazon:`
// target prefix come from how the service builds target ARNs, PARTITIONS and MODEL's GatewayId
// and TargetName shapes; the strict profile enforces them.
#pragma once

#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <sgwchap/detail/accel/target_arn.hpp>
#include <sgwchap/detail/arn_parts.hpp>
#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/gateway_prefix.hpp>
#include <sgwchap/detail/owned_bytes.hpp>
#include <sgwchap/detail/region.hpp>
#include <sgwchap/detail/swar.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/static_string.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// An endpoint host name, e.g. `storagegateway.us-east-1.amazonaws.com` (fits any valid region).
using endpoint_host = static_string<128>;

/// A parsed target ARN: views into the input (valid as long as the input is), the profile it
/// passed, and the derived endpoint hosts.
class target_arn_view {
 public:
  constexpr target_arn_view() noexcept = default;

  /// The whole ARN as given.
  [[nodiscard]] constexpr std::string_view value() const noexcept { return value_; }
  /// The profile this value passed. A view that passed only `aws_model` never counts as strict.
  [[nodiscard]] constexpr profile checked_profile() const noexcept { return profile_; }
  /// True when the parts below are filled: always under `strict`; under `aws_model` only when
  /// the value also has the ARN structure.
  [[nodiscard]] constexpr bool has_structure() const noexcept { return parts_.partition_index != detail::no_partition; }

  [[nodiscard]] constexpr std::string_view partition() const noexcept { return parts_.partition; }
  [[nodiscard]] constexpr std::string_view region() const noexcept { return parts_.region; }
  [[nodiscard]] constexpr std::string_view account_id() const noexcept { return parts_.account; }
  /// `sgw-` and its hex digits, e.g. `sgw-12A3456B`.
  [[nodiscard]] constexpr std::string_view gateway_id() const noexcept { return parts_.gateway; }
  /// The target's iSCSI name (IQN), e.g. `iqn.1997-05.com.amazon:myvolume`.
  [[nodiscard]] constexpr std::string_view target_name() const noexcept { return parts_.target; }
  /// The part after `iqn.1997-05.com.amazon:` (MODEL's TargetName), e.g. `myvolume`.
  [[nodiscard]] constexpr std::string_view target_suffix() const noexcept {
    return parts_.target.empty() ? parts_.target : parts_.target.substr(target_arn_limits::target_iqn_prefix.size());
  }
  /// The partition's row of PARTITIONS, or nullptr without structure.
  [[nodiscard]] constexpr const partition_info* partition_details() const noexcept {
    return has_structure() ? &detail::partitions[parts_.partition_index] : nullptr;
  }

  /// `storagegateway.<region>.<dnsSuffix>` (PARTITIONS); empty without structure.
  [[nodiscard]] constexpr endpoint_host host() const noexcept { return make_host(detail::endpoint_label); }
  /// `storagegateway-fips.<region>.<dnsSuffix>` (PARTITIONS); empty without structure.
  [[nodiscard]] constexpr endpoint_host fips_host() const noexcept { return make_host(detail::fips_endpoint_label); }

  friend constexpr bool operator==(const target_arn_view& a, const target_arn_view& b) noexcept {
    return a.value_ == b.value_ && a.profile_ == b.profile_;
  }

 private:
  friend struct detail_target_arn_access;

  [[nodiscard]] constexpr endpoint_host make_host(std::string_view service_label) const noexcept {
    // Capacity 128 >= 20 + 63 + 1 + the longest DNS suffix: the host always fits.
    return detail::make_endpoint_host<endpoint_host>(service_label, parts_.region, parts_.partition_index);
  }

  std::string_view value_{};
  detail::arn_parts parts_{};
  profile profile_{profile::strict};
};

/// Internal: the one place that writes a view's private parts.
struct detail_target_arn_access {
  using parts = detail::arn_parts;
  static constexpr target_arn_view make(std::string_view value, profile p, const parts* structure) noexcept {
    target_arn_view v;
    v.value_ = value;
    v.profile_ = p;
    if (structure != nullptr) v.parts_ = *structure;
    return v;
  }
  static constexpr result<target_arn_view> make_result(std::string_view value, profile p,
                                                       const parts* structure) noexcept {
    return make(value, p, structure);
  }
  /// Where the run-time strict path parses the structure into: the result's own view (no copy).
  static constexpr parts& parts_of(target_arn_view& v) noexcept { return v.parts_; }
  static constexpr void set_value(target_arn_view& v, std::string_view value, profile p) noexcept {
    v.value_ = value;
    v.profile_ = p;
  }
};

namespace detail {

/// The ARN structure (strict), or its relaxed reading for `aws_model` (lower-case gateway hex and
/// the regex sense of `\w` in regions allowed). MODEL TargetARN has no pattern: this is how the
/// service builds target ARNs (APIREF-Update's example, MODEL GatewayId and TargetName, PARTITIONS):
///
///   target-arn  = "arn:" partition ":storagegateway:" region ":" account
///                 ":gateway/" gateway-id "/target/" target-iqn
///   partition   = a PARTITIONS id ("aws", "aws-cn", ...)             ; else unknown_partition
///   region      = 1*63( %x61-7A / DIGIT / "-" ), matching the partition's pattern
///                 (detail/region.hpp)                              ; bad_region, region_not_in_partition
///   account     = 12DIGIT                                          ; bad_account_id
///   gateway-id  = "sgw-" 8*26( DIGIT / %x41-46 )  (MODEL GatewayId 12..30; upper-case hex:
///                 lower case is lowercase_gateway_id)              ; bad_gateway_id
///   target-iqn  = "iqn.1997-05.com.amazon:" target-name           ; bad_target_prefix
///   target-name = 1*200( %x61-7A / DIGIT / "-" / "." / ";" )      ; MODEL TargetName: bad_target_name
///
/// A VolumeARN (MODEL VolumeARN: `.../gateway/GATEWAY-ID/volume/vol-...`) where "/target/"
/// belongs is volume_arn_not_target_arn, the mistake it is. Writes the parts into `parts` as it
/// goes (partly filled on error).
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE constexpr result<void> parse_arn_structure_into(std::string_view s,
                                                                                           bool strict,
                                                                                           arn_parts& parts) noexcept {
  constexpr field F = field::target_arn;
  auto fail = [](errc code, std::size_t offset, std::uint32_t extra = 0) {
    return tl::unexpected(make_error(code, F, offset, profile::strict, 0, length_unit::bytes, extra));
  };
  namespace L = target_arn_limits;
  // "arn:" PARTITION ":storagegateway:" REGION ":" ACCOUNT ":gateway/" GATEWAY-ID
  const auto prefix = parse_gateway_prefix<F>(s, strict);
  if (!prefix.has_value()) return tl::unexpected(prefix.error());
  std::size_t pos = (*prefix).end;
  std::string_view got_target;

  // "/target/" TARGET-IQN
  if (const auto at = mismatch_at(s, pos, "/target/"); at != std::string_view::npos) {
    // "/volume/vol-" 1*( not white space ): MODEL VolumeARN's `\/volume\/vol-(\S+)`
    if (mismatch_at(s, pos, "/volume/vol-") == std::string_view::npos && pos + 12 < s.size() && s[pos + 12] != ' ' &&
        s[pos + 12] != '\t' && s[pos + 12] != '\n' && s[pos + 12] != '\r') {
      return fail(errc::volume_arn_not_target_arn, pos + 1);
    }
    return fail(errc::bad_resource_type, at);
  }
  pos += 8;
  const std::size_t target_begin = pos;
  if (const auto at = mismatch_at(s, pos, L::target_iqn_prefix); at != std::string_view::npos) {
    return fail(errc::bad_target_prefix, at);
  }
  pos += L::target_iqn_prefix.size();
  const std::size_t name_begin = pos;
  if (pos == s.size()) return fail(errc::bad_target_name, pos);
  if (!std::is_constant_evaluated()) {
    pos = swar::skip(s, pos, name_begin + L::max_target_name_length, [](std::uint64_t w) {
      return swar::lower_or_digit(w) | swar::in_range(w, '-', '.') | swar::equal_to(w, ';');
    });
  }
  for (; pos < s.size(); ++pos) {
    if (pos - name_begin == L::max_target_name_length) return fail(errc::bad_target_name, pos);
    const char c = s[pos];
    if (!in_class(c, cc_target_name)) {
      return fail(is_upper(c) ? errc::uppercase_character : errc::invalid_character, pos);
    }
  }
  got_target = std::string_view(s.data() + target_begin, s.size() - target_begin);
  parts.partition = (*prefix).partition;
  parts.region = (*prefix).region;
  parts.account = (*prefix).account;
  parts.gateway = (*prefix).gateway;
  parts.target = got_target;
  parts.partition_index = (*prefix).partition_index;
  return {};
}

[[nodiscard]] constexpr result<arn_parts> parse_arn_structure(std::string_view s, bool strict) noexcept {
  arn_parts parts{};
  if (auto r = parse_arn_structure_into(s, strict, parts); !r.has_value()) return tl::unexpected(r.error());
  return parts;
}

}  // namespace detail

namespace detail {

/// The whole check, usable in constant evaluation.
[[nodiscard]] constexpr result<target_arn_view> parse_target_arn_full(std::string_view value, profile p) noexcept {
  namespace L = target_arn_limits;
  constexpr field F = field::target_arn;
  // Strict: a value with the ARN structure is ASCII (every part's grammar is), so its characters
  // are its bytes and the UTF-8 scan below has nothing to add. Only a value that fails takes the
  // full path, which reports the errors in their documented order.
  if (p == profile::strict) {
    const auto structure = detail::parse_arn_structure(value, true);
    if (structure.has_value() && value.size() >= L::model_min_characters && value.size() <= L::model_max_characters) {
      return detail_target_arn_access::make_result(value, p, &*structure);
    }
  }
  // MODEL counts Unicode scalar values, and the value must be valid UTF-8 to be sent as JSON.
  const detail::utf8_scan scan = detail::scan_utf8(value);
  if (!scan.ok) return tl::unexpected(detail::make_error(errc::invalid_utf8, F, scan.error_offset, profile::aws_model));
  if (scan.scalars < L::model_min_characters) {
    return tl::unexpected(detail::make_error(errc::too_short, F, value.size(), profile::aws_model,
                                             L::model_min_characters, length_unit::characters));
  }
  if (scan.scalars > L::model_max_characters) {
    return tl::unexpected(detail::make_error(errc::too_long, F,
                                             detail::offset_of_scalar(value, L::model_max_characters),
                                             profile::aws_model, L::model_max_characters, length_unit::characters));
  }
  const auto structure = detail::parse_arn_structure(value, p == profile::strict);
  if (!structure.has_value()) {
    if (p == profile::strict) return tl::unexpected(structure.error());
    return detail_target_arn_access::make_result(value, p, nullptr);
  }
  return detail_target_arn_access::make_result(value, p, &*structure);
}

/// The run-time strict path: parses the structure straight into the view inside the result
/// that is returned (NRVO: `r` is the only object returned), so no view is built in a
/// temporary and copied. GCC 12 copies such a temporary with 16-byte loads of fields it has
/// just written with 8-byte stores, a store-forwarding stall that cost more than the parse
/// itself (perf annotate, benchmarks/bench_validate.cpp). A value that fails is parsed again
/// by the full path, which reports the errors in their documented order.
[[nodiscard]] inline result<target_arn_view> parse_strict_arn_in_place(std::string_view value) noexcept {
  namespace L = target_arn_limits;
  result<target_arn_view> r;
#if SGWCHAP_DETAIL_SSE2
  if (accept_strict_arn(value, detail_target_arn_access::parts_of(*r))) {
    detail_target_arn_access::set_value(*r, value, profile::strict);
    return r;
  }
#endif
  const result<void> structure = parse_arn_structure_into(value, true, detail_target_arn_access::parts_of(*r));
  if (structure.has_value() && value.size() >= L::model_min_characters && value.size() <= L::model_max_characters) {
    detail_target_arn_access::set_value(*r, value, profile::strict);
  } else {
    r = parse_target_arn_full(value, profile::strict);
  }
  return r;
}

}  // namespace detail

/// Parses and checks a target ARN (MODEL TargetARN; strict: the structure above) under `p`.
/// Errors (field TargetARN): invalid_utf8; too_short/too_long (MODEL 50..800 characters); and
/// under strict: bad_prefix, unknown_partition, bad_service, uppercase_character,
/// invalid_character, bad_region, region_not_in_partition, bad_account_id, bad_resource_type,
/// bad_gateway_id, lowercase_gateway_id, bad_target_prefix, bad_target_name.
/// Under aws_model the parts are filled only when the value has the ARN structure.
[[nodiscard]] constexpr result<target_arn_view> parse_target_arn(std::string_view value,
                                                                 profile p = profile::strict) noexcept {
  if (p == profile::strict && !std::is_constant_evaluated()) return detail::parse_strict_arn_in_place(value);
  return detail::parse_target_arn_full(value, p);
}

/// The bool fast path: true when `parse_target_arn(value, p)` would succeed.
[[nodiscard]] constexpr bool is_valid_target_arn(std::string_view value, profile p = profile::strict) noexcept {
  return parse_target_arn(value, p).has_value();
}

/// An owning, checked target ARN: the value outlives its input. Copyable; hashable; ordered.
/// Its bytes live on the heap, in one allocation of exactly their size (like std::string for a
/// value of this length): a value may be up to target_arn_limits::model_max_bytes (3200) bytes
/// under aws_model, too much to hold inline in every request and container element, while a
/// typical ARN is about 110 bytes. sizeof(target_arn) is three words.
class target_arn {
 public:
  /// Checks `value` under `p` (the errors of `parse_target_arn`) and copies it. Allocates (may
  /// throw std::bad_alloc) only on success.
  [[nodiscard]] static result<target_arn> parse(std::string_view value, profile p = profile::strict) {
    const auto view = parse_target_arn(value, p);
    if (!view.has_value()) return tl::unexpected(view.error());
    return target_arn(*view);
  }
  /// From a view that already passed (a literal or a `parse_target_arn` result). Allocates.
  explicit target_arn(const target_arn_view& view) : value_(view.value()), profile_(view.checked_profile()) {}

  target_arn(const target_arn&) = default;
  target_arn& operator=(const target_arn&) = default;
  /// Moving takes the bytes; the moved-from value is empty and claims no profile it did not pass
  /// (aws_model, the weakest), so a strict builder re-checks it and refuses it (too_short).
  target_arn(target_arn&& other) noexcept
      : value_(std::move(other.value_)), profile_(std::exchange(other.profile_, profile::aws_model)) {}
  target_arn& operator=(target_arn&& other) noexcept {
    if (this != &other) {
      value_ = std::move(other.value_);
      profile_ = std::exchange(other.profile_, profile::aws_model);
    }
    return *this;
  }
  ~target_arn() = default;

  /// The value's bytes (valid while this object lives and is not modified).
  [[nodiscard]] std::string_view str() const noexcept { return value_.view(); }
  [[nodiscard]] profile checked_profile() const noexcept { return profile_; }
  /// A view into this object (re-derived; valid while this object lives and is not modified).
  [[nodiscard]] target_arn_view view() const noexcept {
    // The value passed this profile when it was stored, so the parse cannot fail.
    const auto parsed = parse_target_arn(value_.view(), profile_);
    return parsed.has_value() ? *parsed : target_arn_view{};
  }

  /// Equal when the bytes and the profile they passed are equal; ordered by the bytes, then the
  /// profile, so that `<=>` agrees with `==` (std::set and std::map see the same keys as ==).
  friend bool operator==(const target_arn& a, const target_arn& b) noexcept {
    return a.value_.view() == b.value_.view() && a.profile_ == b.profile_;
  }
  friend std::strong_ordering operator<=>(const target_arn& a, const target_arn& b) noexcept {
    // compare() <=> 0 is how the standard defines string_view's <=> ([string.view.comparison]);
    // spelt out because libc++ 14 (Debian 12's) has no <=> for string_view yet.
    if (const auto bytes = a.value_.view().compare(b.value_.view()) <=> 0; std::is_neq(bytes)) return bytes;
    return a.profile_ <=> b.profile_;
  }

 private:
  detail::owned_bytes value_;
  profile profile_;
};

SGWCHAP_END_NAMESPACE

template <>
struct std::hash<sgwchap::target_arn> {
  std::size_t operator()(const sgwchap::target_arn& arn) const noexcept {
    return std::hash<std::string_view>{}(arn.str());
  }
};
