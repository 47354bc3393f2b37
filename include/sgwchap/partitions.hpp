// sgwchap — the AWS partitions a target ARN may name, as data in one place: each partition's id,
// DNS suffix and region pattern, from the SDKs' partitions.json (docs/sources.md: PARTITIONS).
// A new partition is one row here; tests/test_drift.cpp compares these rows with the copy of
// botocore's partitions.json in tests/data/botocore/. Data only: the region matcher that reads
// the patterns is detail/region.hpp.
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
    const std::string_view candidate = partitions[i].id;
    if (candidate.size() != id.size()) continue;
    std::size_t k = 0;
    while (k < id.size() && candidate[k] == id[k]) ++k;  // no library call for a few bytes
    if (k == id.size()) return i;
  }
  return no_partition;
}

}  // namespace detail

/// The partition table (PARTITIONS), for callers that list or look up partitions.
[[nodiscard]] constexpr const std::array<partition_info, 8>& known_partitions() noexcept { return detail::partitions; }

SGWCHAP_END_NAMESPACE
