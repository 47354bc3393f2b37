// sgwchap — validation profiles: what MODEL says, or MODEL plus the documented and RFC rules.
#pragma once

#include <cstdint>
#include <string_view>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Which rule set a value is checked against (docs/sources.md).
/// - `aws_model`: exactly the Storage Gateway service model's constraints (lengths in Unicode
///   scalar values, the IqnName pattern, ChapSecret 1..100). What passes, the model accepts.
/// - `strict` (the default everywhere): `aws_model` plus the documented and RFC rules — secrets of
///   12..16 UTF-8 bytes without control characters, the target ARN's structure, the iSCSI name
///   grammar of RFC 3720/3722/3980 and the mutual-CHAP rule.
/// The order is meaningful: a larger value is a stronger profile.
enum class profile : std::uint8_t { aws_model = 0, strict = 1 };

/// The profile's name as the command-line tool and messages spell it.
[[nodiscard]] constexpr std::string_view profile_name(profile p) noexcept {
  return p == profile::strict ? "strict" : "aws_model";
}

/// The weaker of two profiles: what a value built from both inputs can claim.
[[nodiscard]] constexpr profile weakest(profile a, profile b) noexcept { return a < b ? a : b; }

SGWCHAP_END_NAMESPACE
