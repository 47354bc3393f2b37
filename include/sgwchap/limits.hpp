// sgwchap — the bounds of the validators, each named after its source (docs/sources.md): what
// MODEL allows, what the RFCs allow, and what the strict profile adds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Limits of a target ARN, named after their source (docs/sources.md).
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

/// Limits of gateway, volume and VTL device ARNs (resource_arn.hpp).
namespace resource_arn_limits {
inline constexpr std::size_t model_min_characters = 50;   ///< MODEL GatewayARN, VolumeARN, VTLDeviceARN min
inline constexpr std::size_t model_max_characters = 500;  ///< MODEL GatewayARN, VolumeARN, VTLDeviceARN max
inline constexpr std::size_t min_volume_hex_digits = 8;   ///< every documented id (vol-1122AABB)
inline constexpr std::size_t max_volume_hex_digits = 26;  ///< MODEL VolumeId max 30 - "vol-"
}  // namespace resource_arn_limits

/// Limits of an iSCSI name (InitiatorName).
namespace iscsi_name_limits {
inline constexpr std::size_t model_max_characters = 255;  ///< MODEL IqnName max
inline constexpr std::size_t rfc_max_bytes = 223;         ///< RFC 3720 §3.2.6.1 / RFC 7143 §4.2.7.1
inline constexpr std::size_t eui_hex_digits = 16;         ///< EUI-64 (RFC 3720 §3.2.6.3.2)
inline constexpr std::size_t naa_short_hex_digits = 16;   ///< RFC 3980 §2: 64-bit NAA
inline constexpr std::size_t naa_long_hex_digits = 32;    ///< RFC 3980 §2: 128-bit NAA
inline constexpr std::size_t max_label_bytes = 63;        ///< a domain label (RFC 1035 §2.3.4)
/// Storage Gateway's own target names (MODEL TargetName): never an initiator's name.
inline constexpr std::string_view amazon_target_prefix = "iqn.1997-05.com.amazon:";
}  // namespace iscsi_name_limits

/// Limits of a CHAP secret.
namespace chap_secret_limits {
inline constexpr std::size_t model_min_characters = 1;    ///< MODEL ChapSecret min
inline constexpr std::size_t model_max_characters = 100;  ///< MODEL ChapSecret max
inline constexpr std::size_t strict_min_bytes = 12;       ///< APIREF: 12..16 bytes in UTF-8
inline constexpr std::size_t strict_max_bytes = 16;
/// The longest secret aws_model allows, in bytes (100 characters of at most 4 bytes).
inline constexpr std::size_t model_max_bytes = model_max_characters * 4;
}  // namespace chap_secret_limits

/// Limits of the paging members of ListVolumes and DescribeVTLDevices (requests.hpp).
namespace paging_limits {
inline constexpr std::size_t marker_min_characters = 1;     ///< MODEL Marker min
inline constexpr std::size_t marker_max_characters = 2000;  ///< MODEL Marker max
inline constexpr std::int64_t limit_min = 1;                ///< MODEL PositiveIntObject min
inline constexpr std::int64_t limit_max = 2147483647;       ///< MODEL integer: int32
}  // namespace paging_limits

SGWCHAP_END_NAMESPACE
