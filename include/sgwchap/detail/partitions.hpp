// sgwchap — the partition table of SPEC §4.1 (PARTITIONS), as data in one place.
// A new partition is one row here; tests/test_drift.cpp compares these rows with the copy of
// botocore's partitions.json in tests/data/botocore/.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// One AWS partition: its id (the ARN's second field), the DNS suffix of its endpoints, and its
/// region pattern. The pattern always has the shape `^(P1|P2|...)\-\w+\-\d+$` (PARTITIONS);
/// `region_prefixes` lists the alternatives P1|P2|... that the matcher uses.
struct partition_info {
  std::string_view id;
  std::string_view dns_suffix;
  std::string_view region_regex;     ///< Verbatim from partitions.json (checked by the drift test).
  std::string_view region_prefixes;  ///< '|'-separated alternatives of the pattern's first group.
};

namespace detail {

// Order: by id as in partitions.json. `\w` below is read per profile (see region_matches).
inline constexpr std::array<partition_info, 8> partitions{{
    {"aws", "amazonaws.com", R"(^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$)", "us|eu|ap|sa|ca|me|af|il|mx"},
    {"aws-cn", "amazonaws.com.cn", R"(^cn\-\w+\-\d+$)", "cn"},
    {"aws-eusc", "amazonaws.eu", R"(^eusc\-(de)\-\w+\-\d+$)", "eusc-de"},
    {"aws-iso", "c2s.ic.gov", R"(^us\-iso\-\w+\-\d+$)", "us-iso"},
    {"aws-iso-b", "sc2s.sgov.gov", R"(^us\-isob\-\w+\-\d+$)", "us-isob"},
    {"aws-iso-e", "cloud.adc-e.uk", R"(^eu\-isoe\-\w+\-\d+$)", "eu-isoe"},
    {"aws-iso-f", "csp.hci.ic.gov", R"(^us\-isof\-\w+\-\d+$)", "us-isof"},
    {"aws-us-gov", "amazonaws.com", R"(^us\-gov\-\w+\-\d+$)", "us-gov"},
}};

inline constexpr std::size_t no_partition = partitions.size();

/// Index of the partition whose id is `id`, or `no_partition`.
[[nodiscard]] constexpr std::size_t find_partition(std::string_view id) noexcept {
  for (std::size_t i = 0; i < partitions.size(); ++i) {
    if (partitions[i].id == id) return i;
  }
  return no_partition;
}

/// `\w` of the PARTITIONS patterns: `[A-Za-z0-9_]` in the regex sense (aws_model), or
/// `[a-z0-9]` as real region names are written (strict, SPEC §4.1).
[[nodiscard]] constexpr bool is_region_word_char(char c, bool strict) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return !strict && ((c >= 'A' && c <= 'Z') || c == '_');
}

/// Does `region` match `^PREFIX\-\w+\-\d+$` for one of the partition's prefixes?
/// `\w` cannot match '-', so the first '-' after PREFIX splits the word from the digits.
[[nodiscard]] constexpr bool region_matches(const partition_info& p, std::string_view region,
                                            bool strict) noexcept {
  std::string_view alternatives = p.region_prefixes;
  while (!alternatives.empty()) {
    const std::size_t bar = alternatives.find('|');
    const std::string_view prefix = alternatives.substr(0, bar);
    alternatives = bar == std::string_view::npos ? std::string_view{} : alternatives.substr(bar + 1);
    if (region.size() <= prefix.size() + 1 || region.substr(0, prefix.size()) != prefix ||
        region[prefix.size()] != '-') {
      continue;
    }
    const std::string_view rest = region.substr(prefix.size() + 1);
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash + 1 == rest.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < dash && ok; ++i) ok = is_region_word_char(rest[i], strict);
    for (std::size_t i = dash + 1; i < rest.size() && ok; ++i) ok = rest[i] >= '0' && rest[i] <= '9';
    if (ok) return true;
  }
  return false;
}

/// Index of the first partition whose pattern `region` matches, or `no_partition`.
[[nodiscard]] constexpr std::size_t partition_of_region(std::string_view region, bool strict) noexcept {
  for (std::size_t i = 0; i < partitions.size(); ++i) {
    if (region_matches(partitions[i], region, strict)) return i;
  }
  return no_partition;
}

}  // namespace detail

/// The partition table (SPEC §4.1), for callers that list or look up partitions.
[[nodiscard]] constexpr const std::array<partition_info, 8>& known_partitions() noexcept {
  return detail::partitions;
}

SGWCHAP_END_NAMESPACE
