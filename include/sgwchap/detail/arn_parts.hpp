// sgwchap — the parts of a target ARN that has the ARN structure, as views into the value.
// Internal: target_arn_view exposes them.
#pragma once

#include <cstddef>
#include <string_view>

#include <sgwchap/partitions.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {
/// The parts of an ARN with structure, as views into the value.
struct arn_parts {
  std::string_view partition{}, region{}, account{}, gateway{}, target{};
  std::size_t partition_index{no_partition};
};
}  // namespace detail
SGWCHAP_END_NAMESPACE
