// sgwchap — target ARNs (SPEC §4): parse, check, and derive the endpoint host.
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

#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/owned_bytes.hpp>
#include <sgwchap/detail/partitions.hpp>
#include <sgwchap/detail/swar.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/static_string.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Limits of SPEC §4, named after their source.
namespace target_arn_limits {
inline constexpr std::size_t model_min_characters = 50;   ///< MODEL TargetARN min
inline constexpr std::size_t model_max_characters = 800;  ///< MODEL TargetARN max
/// The most bytes a value that passes can have: MODEL counts Unicode scalar values, and under
/// aws_model any of them may be non-ASCII, each at most 4 bytes in UTF-8 (RFC 3629 §3). A value
/// that passes strict is ASCII (at most 376 bytes; its parts' own limits below).
inline constexpr std::size_t max_utf8_bytes_per_character = 4;
inline constexpr std::size_t model_max_bytes = model_max_characters * max_utf8_bytes_per_character;  // 3200
inline constexpr std::size_t max_region_length = 63;  ///< one DNS label (RFC 1035 §2.3.4)
inline constexpr std::size_t account_id_digits = 12;
inline constexpr std::size_t min_gateway_hex_digits = 8;    ///< every documented id (sgw-12A3456B)
inline constexpr std::size_t max_gateway_hex_digits = 26;   ///< MODEL GatewayId max 30 - "sgw-"
inline constexpr std::size_t max_target_name_length = 200;  ///< MODEL TargetName max
inline constexpr std::string_view target_iqn_prefix = "iqn.1997-05.com.amazon:";
}  // namespace target_arn_limits

/// An endpoint host name, e.g. `storagegateway.us-east-1.amazonaws.com` (fits any valid region).
using endpoint_host = static_string<128>;

namespace detail {
/// The parts of an ARN with structure (SPEC §4), as views into the value.
struct arn_parts {
  std::string_view partition{}, region{}, account{}, gateway{}, target{};
  std::size_t partition_index{no_partition};
};
}  // namespace detail

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
  /// The partition's row of SPEC §4.1, or nullptr without structure.
  [[nodiscard]] constexpr const partition_info* partition_details() const noexcept {
    return has_structure() ? &detail::partitions[parts_.partition_index] : nullptr;
  }

  /// `storagegateway.<region>.<dnsSuffix>` (SPEC §2); empty without structure.
  [[nodiscard]] constexpr endpoint_host host() const noexcept { return make_host("storagegateway."); }
  /// `storagegateway-fips.<region>.<dnsSuffix>` (SPEC §2); empty without structure.
  [[nodiscard]] constexpr endpoint_host fips_host() const noexcept { return make_host("storagegateway-fips."); }

  friend constexpr bool operator==(const target_arn_view& a, const target_arn_view& b) noexcept {
    return a.value_ == b.value_ && a.profile_ == b.profile_;
  }

 private:
  friend struct detail_target_arn_access;

  [[nodiscard]] constexpr endpoint_host make_host(std::string_view service_label) const noexcept {
    endpoint_host host;
    if (!has_structure()) return host;
    // Capacity 128 >= 20 + 63 + 1 + the longest DNS suffix: these appends cannot fail.
    (void)host.append(service_label);
    (void)host.append(parts_.region);
    (void)host.append(".");
    (void)host.append(detail::partitions[parts_.partition_index].dns_suffix);
    return host;
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

/// Offset of the first byte where `s` (from `pos`) differs from `literal`, or npos when it matches.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE constexpr std::size_t mismatch_at(std::string_view s, std::size_t pos,
                                                                             std::string_view literal) noexcept {
  if (!std::is_constant_evaluated() && swar::equal_at(s, pos, literal)) return std::string_view::npos;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    if (pos + i >= s.size() || s[pos + i] != literal[i]) return pos + i;
  }
  return std::string_view::npos;
}

/// The ARN structure of SPEC §4 (strict), or its relaxed reading for `aws_model` (lower-case
/// gateway hex and the regex sense of `\w` in regions allowed).
/// Writes the parts into `parts` as it goes (partly filled on error).
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE constexpr result<void> parse_arn_structure_into(std::string_view s,
                                                                                           bool strict,
                                                                                           arn_parts& parts) noexcept {
  constexpr field F = field::target_arn;
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
  std::string_view got_target;
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

  // "/target/" TARGET-IQN
  if (const auto at = mismatch_at(s, pos, "/target/"); at != std::string_view::npos) {
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
  parts.partition = got_partition;
  parts.region = got_region;
  parts.account = got_account;
  parts.gateway = got_gateway;
  parts.target = got_target;
  parts.partition_index = got_partition_index;
  return {};
}

#if SGWCHAP_DETAIL_SSE2
/// MODEL TargetName's [-.;a-z0-9], 16 bytes at a time.
struct target_name_chars {
  [[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE simd::block operator()(simd::block v) const noexcept {
    return _mm_or_si128(_mm_or_si128(simd::in_range(v, 'a', 'z'), simd::in_range(v, '0', '9')),
                        _mm_or_si128(simd::in_range(v, '-', '.'), simd::equal_to(v, ';')));
  }
};

/// The strict run-time fast path: true (and `parts` filled) only for an ARN that
/// parse_arn_structure_into(s, true, ...) accepts with the same parts and whose size is within
/// MODEL's 50..800 (a strict ARN is ASCII, so characters are bytes). Anything else returns
/// false and the exact path decides and reports. It reads each byte about once: the fixed
/// literals as words, every other part as 16-byte blocks classified at once (SSE2).
[[nodiscard]] inline bool accept_strict_arn(std::string_view s, arn_parts& parts) noexcept {
  namespace L = target_arn_limits;
  namespace V = simd;
  using V::block;
  const std::size_t n = s.size();
  // n >= 50 also makes every 16-byte block read below fit inside the string.
  if (n < L::model_min_characters || n > L::model_max_characters) return false;
  // PARTITION: the id ends at the first ':' (ids have at most 10 bytes: one block). "aws",
  // by far the most common, is one word compare.
  std::size_t partition_size = 3;
  std::size_t index = 0;
  if (!swar::equal_at(s, 0, "arn:aws:")) {
    if (!swar::equal_at(s, 0, "arn:")) return false;
    const unsigned colons = V::bits(V::equal_to(V::load16(s.data() + 4), ':'));
    if (colons == 0) return false;
    partition_size = static_cast<std::size_t>(std::countr_zero(colons));
    index = no_partition;
    for (std::size_t i = 0; i < partitions.size() && index == no_partition; ++i) {
      if (partitions[i].id.size() == partition_size && swar::equal_at(s, 4, partitions[i].id)) index = i;
    }
    if (index == no_partition) return false;
  }
  const std::string_view partition(s.data() + 4, partition_size);
  std::size_t pos = 4 + partition_size;
  if (!swar::equal_at(s, pos, ":storagegateway:")) return false;
  pos += 16;

  // REGION: up to 63 bytes of [a-z0-9-] before the next ':'. Its pattern PREFIX-WORD-DIGITS
  // (region_matches) has no '-' in WORD or DIGITS, so the last two dashes split it: one
  // 64-bit mask per byte class over the region decides the whole match.
  const std::size_t region_begin = pos;
  const std::size_t region_end = V::find(s, pos, ':');
  if (region_end == std::string_view::npos || region_end == region_begin ||
      region_end - region_begin > L::max_region_length) {
    return false;
  }
  const std::size_t region_size = region_end - region_begin;
  std::uint64_t dashes = 0;
  std::uint64_t digits = 0;
  std::uint64_t region_chars = 0;
  for (std::size_t k = 0; k < region_size; k += 16) {
    const std::size_t at = region_begin + k;
    const std::size_t start = at + 16 <= n ? at : n - 16;
    const block v = V::load16(s.data() + start);
    dashes |= std::uint64_t{V::bits(V::equal_to(v, '-')) >> (at - start)} << k;
    digits |= std::uint64_t{V::bits(V::in_range(v, '0', '9')) >> (at - start)} << k;
    region_chars |= std::uint64_t{V::bits(V::in_range(v, 'a', 'z')) >> (at - start)} << k;
  }
  const std::uint64_t in_region = (std::uint64_t{1} << region_size) - 1U;  // region_size <= 63
  dashes &= in_region;
  if (((region_chars | digits | dashes) & in_region) != in_region || dashes == 0) return false;
  const int last_dash = 63 - std::countl_zero(dashes);
  const std::uint64_t after_last = in_region & ~((std::uint64_t{2} << last_dash) - 1U);  // DIGITS
  const std::uint64_t before_last = dashes & ~(std::uint64_t{1} << last_dash);
  if (after_last == 0 || (digits & after_last) != after_last || before_last == 0) return false;
  const int prefix_end = 63 - std::countl_zero(before_last);
  if (last_dash - prefix_end < 2) return false;  // WORD is not empty
  bool known_prefix = false;
  const region_prefix_list& prefixes = region_prefix_lists[index];
  for (std::size_t i = 0; i < prefixes.count && !known_prefix; ++i) {
    known_prefix = prefixes.items[i].size() == static_cast<std::size_t>(prefix_end) &&
                   swar::equal_at(s, region_begin, prefixes.items[i]);
  }
  if (!known_prefix) return false;

  // ACCOUNT ":gateway/sgw-" GATEWAY-HEX "/target/iqn.1997-05.com.amazon:" TARGET-NAME
  const std::size_t account_begin = region_end + 1;
  if (account_begin + 12 + 13 > n || s[account_begin + 12] != ':' || !V::all_of(s, account_begin, 12, V::digits{}) ||
      !swar::equal_at(s, account_begin + 13, "gateway/sgw-")) {
    return false;
  }
  const std::size_t hex_begin = account_begin + 12 + 13;
  const std::size_t hex_end = V::find(s, hex_begin, '/');
  if (hex_end == std::string_view::npos || hex_end - hex_begin < L::min_gateway_hex_digits ||
      hex_end - hex_begin > L::max_gateway_hex_digits ||
      !V::all_of(s, hex_begin, hex_end - hex_begin, V::upper_hex{}) ||
      !swar::equal_at(s, hex_end, "/target/iqn.1997-05.com.amazon:")) {
    return false;
  }
  const std::size_t name_begin = hex_end + 8 + L::target_iqn_prefix.size();
  if (name_begin >= n || n - name_begin > L::max_target_name_length ||
      !V::all_of(s, name_begin, n - name_begin, target_name_chars{})) {
    return false;
  }
  parts.partition = partition;
  parts.region = std::string_view(s.data() + region_begin, region_size);
  parts.account = std::string_view(s.data() + account_begin, L::account_id_digits);
  parts.gateway = std::string_view(s.data() + hex_begin - 4, hex_end - hex_begin + 4);
  parts.target = std::string_view(s.data() + hex_end + 8, n - hex_end - 8);
  parts.partition_index = index;
  return true;
}
#endif

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

/// Parses and checks a target ARN (SPEC §4) under `p`.
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
