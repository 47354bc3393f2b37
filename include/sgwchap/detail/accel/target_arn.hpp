// sgwchap — the accept-only SSE2 fast path of parse_target_arn under the strict profile
// (detail/accel/simd.hpp says when it is compiled and why it stays). It never reports an error:
// for anything unusual it returns false, and the exact grammar in target_arn.hpp decides.
// tests/test_runtime_paths.cpp checks it against the exact grammar on mutated inputs.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sgwchap/detail/accel/simd.hpp>
#include <sgwchap/detail/arn_parts.hpp>
#include <sgwchap/detail/region.hpp>
#include <sgwchap/detail/swar.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/partitions.hpp>

#if SGWCHAP_DETAIL_SSE2
SGWCHAP_BEGIN_NAMESPACE
namespace detail {

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

}  // namespace detail
SGWCHAP_END_NAMESPACE
#endif
