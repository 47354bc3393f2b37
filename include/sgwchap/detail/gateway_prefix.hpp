// sgwchap — the part every Storage Gateway ARN shares, up to its gateway id (PARTITIONS, MODEL
// GatewayId): target ARNs (target_arn.hpp), gateway, volume and VTL device ARNs
// (resource_arn.hpp) all start with it.
//
//   gateway-prefix = "arn:" partition ":storagegateway:" region ":" account ":gateway/" gateway-id
//   partition      = a PARTITIONS id                                ; else unknown_partition
//   region         = 1*63( %x61-7A / DIGIT / "-" ), matching the partition's pattern
//                    (detail/region.hpp)                            ; bad_region, region_not_in_partition
//   account        = 12DIGIT                                        ; bad_account_id
//   gateway-id     = "sgw-" 8*26( DIGIT / %x41-46 )  (lower-case hex: lowercase_gateway_id,
//                    accepted under aws_model)                      ; bad_gateway_id
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/region.hpp>
#include <sgwchap/detail/swar.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/partitions.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// Offset of the first byte where `s` (from `pos`) differs from `literal`, or npos when it matches.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE constexpr std::size_t mismatch_at(std::string_view s, std::size_t pos,
                                                                             std::string_view literal) noexcept {
  if (!std::is_constant_evaluated() && swar::equal_at(s, pos, literal)) return std::string_view::npos;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    if (pos + i >= s.size() || s[pos + i] != literal[i]) return pos + i;
  }
  return std::string_view::npos;
}

/// The parts of a gateway prefix, and the offset just after the gateway id.
struct gateway_prefix {
  std::string_view partition{}, region{}, account{}, gateway{};
  std::size_t partition_index{no_partition};
  std::size_t end{0};
};

/// The gateway prefix of `s` under strict (or its relaxed reading for aws_model: lower-case
/// gateway hex, and `\w` in regions as a regex reads it). Errors name field F.
template <field F>
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE constexpr result<gateway_prefix> parse_gateway_prefix(std::string_view s,
                                                                                                 bool strict) noexcept {
  auto fail = [](errc code, std::size_t offset, std::uint32_t extra = 0) {
    return tl::unexpected(make_error(code, F, offset, profile::strict, 0, length_unit::bytes, extra));
  };
  namespace L = target_arn_limits;
  // Locals, written to `parts` once at the end: a field stored through `parts` and read back at
  // once (region_matches(parts.region)) is reloaded with a 16-byte load of two 8-byte stores,
  // a store-forwarding stall in GCC 12's code.
  std::string_view got_partition;
  std::string_view got_region;
  std::string_view got_account;
  std::string_view got_gateway;
  std::size_t got_partition_index = no_partition;

  // "arn:" PARTITION ":"
  if (const auto at = mismatch_at(s, 0, "arn:"); at != std::string_view::npos) return fail(errc::bad_prefix, at);
  std::size_t pos = 4;
  std::size_t partition_end = pos;
  while (partition_end < s.size() && s[partition_end] != ':') ++partition_end;
  if (partition_end == s.size()) return fail(errc::unknown_partition, pos);
  got_partition = std::string_view(s.data() + pos, partition_end - pos);
  got_partition_index = find_partition(got_partition);
  if (got_partition_index == no_partition) return fail(errc::unknown_partition, pos);
  pos = partition_end + 1;

  // "storagegateway:"
  if (const auto at = mismatch_at(s, pos, "storagegateway:"); at != std::string_view::npos) {
    return fail(errc::bad_service, at);
  }
  pos += 15;

  // REGION ":" — one DNS label matching the partition's pattern (PARTITIONS).
  const std::size_t region_begin = pos;
  if (strict && !std::is_constant_evaluated()) {
    pos = swar::skip(s, pos, region_begin + L::max_region_length,
                     [](std::uint64_t w) { return swar::lower_or_digit(w) | swar::equal_to(w, '-'); });
  }
  while (pos < s.size() && s[pos] != ':') {
    const char c = s[pos];
    if (!is_region_word_char(c, strict) && c != '-') {
      return fail(strict && is_upper(c) ? errc::uppercase_character : errc::invalid_character, pos);
    }
    if (pos - region_begin == L::max_region_length) return fail(errc::bad_region, pos);
    ++pos;
  }
  got_region = std::string_view(s.data() + region_begin, pos - region_begin);
  if (got_region.empty()) return fail(errc::bad_region, region_begin);
  if (!region_matches(partitions[got_partition_index], got_region, strict)) {
    const std::size_t other = partition_of_region(got_region, strict);
    if (other == no_partition) {
      // Shaped like no region at all (e.g. "useast1"): a malformed region, not a wrong partition.
      bool region_shaped = false;
      for (const auto& p : partitions) region_shaped = region_shaped || region_matches(p, got_region, false);
      if (!region_shaped) return fail(errc::bad_region, region_begin);
    }
    return fail(errc::region_not_in_partition, region_begin,
                other == no_partition ? 0U : static_cast<std::uint32_t>(other + 1));
  }
  if (pos >= s.size()) return fail(errc::bad_account_id, pos);
  ++pos;  // ':'

  // ACCOUNT ":" — exactly 12 ASCII digits.
  const std::size_t account_begin = pos;
  if (!std::is_constant_evaluated()) {
    pos = swar::skip(s, pos, account_begin + L::account_id_digits,
                     [](std::uint64_t w) { return swar::in_range(w, '0', '9'); });
  }
  while (pos < s.size() && is_digit(s[pos]) && pos - account_begin < L::account_id_digits) ++pos;
  if (pos - account_begin != L::account_id_digits || pos >= s.size() || s[pos] != ':') {
    return fail(errc::bad_account_id, pos);
  }
  got_account = std::string_view(s.data() + account_begin, L::account_id_digits);
  ++pos;

  // "gateway/" GATEWAY-ID
  if (const auto at = mismatch_at(s, pos, "gateway/"); at != std::string_view::npos) {
    return fail(errc::bad_resource_type, at);
  }
  pos += 8;
  const std::size_t gateway_begin = pos;
  if (const auto at = mismatch_at(s, pos, "sgw-"); at != std::string_view::npos) return fail(errc::bad_gateway_id, at);
  pos += 4;
  if (!std::is_constant_evaluated()) {
    pos = swar::skip(s, pos, gateway_begin + 4 + L::max_gateway_hex_digits,
                     [](std::uint64_t w) { return swar::in_range(w, '0', '9') | swar::in_range(w, 'A', 'F'); });
  }
  while (pos < s.size() && s[pos] != '/') {
    const char c = s[pos];
    if (!in_class(c, cc_hex_upper)) {
      if (in_class(c, cc_hex_lower)) {
        if (strict) return fail(errc::lowercase_gateway_id, pos);
      } else {
        return fail(errc::bad_gateway_id, pos);
      }
    }
    if (pos - gateway_begin - 4 == L::max_gateway_hex_digits) return fail(errc::bad_gateway_id, pos);
    ++pos;
  }
  if (pos - gateway_begin - 4 < L::min_gateway_hex_digits) return fail(errc::bad_gateway_id, pos);
  got_gateway = std::string_view(s.data() + gateway_begin, pos - gateway_begin);

  gateway_prefix out;
  out.partition = got_partition;
  out.region = got_region;
  out.account = got_account;
  out.gateway = got_gateway;
  out.partition_index = got_partition_index;
  out.end = pos;
  return out;
}

/// The first label of the Storage Gateway endpoints, and of their FIPS twins (PARTITIONS).
inline constexpr std::string_view endpoint_label = "storagegateway.";
inline constexpr std::string_view fips_endpoint_label = "storagegateway-fips.";

/// `<service_label><region>.<dnsSuffix>` of partition `partition_index` (PARTITIONS), e.g.
/// `storagegateway.us-east-1.amazonaws.com`; empty for no_partition. The endpoint host of every
/// Storage Gateway ARN (target_arn_view::host, and the encoder's Host of the requests that name
/// a gateway or a volume). `Host` is a static_string of room for the longest host.
template <class Host>
[[nodiscard]] constexpr Host make_endpoint_host(std::string_view service_label, std::string_view region,
                                                std::size_t partition_index) noexcept {
  Host host;
  if (partition_index >= partitions.size()) return host;
  // The caller's capacity holds the label, a 63-byte region and the longest DNS suffix.
  (void)host.append(service_label);
  (void)host.append(region);
  (void)host.append(".");
  (void)host.append(partitions[partition_index].dns_suffix);
  return host;
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
