// The documented UpdateChapCredentials example (MODEL-EXAMPLES; the AWS API reference's values), shared
// by the tests that check it: its TargetARN, InitiatorName and the two (different) secrets.
#pragma once

#include <string>
#include <string_view>

namespace sgwchap_test {

inline constexpr std::string_view doc_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
inline constexpr std::string_view doc_initiator = "iqn.1991-05.com.microsoft:computername.domain.example.com";
inline constexpr std::string_view doc_initiator_secret = "111111111111";
inline constexpr std::string_view doc_target_secret = "222222222222";
// APIREF-Volumes and APIREF-VTL's examples.
inline constexpr std::string_view doc_gateway_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B";
inline constexpr std::string_view doc_volume_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB";
inline constexpr std::string_view doc_vtl_device_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/device/AMZN_SGW-1FAD4876_TAPEDRIVE_00001";

// The workflow tests' gateway, two of its volumes, one of its tape drives and its target.
inline const std::string gw{doc_gateway_arn};
inline const std::string vol1 = gw + "/volume/vol-1122AABB";
inline const std::string vol2 = gw + "/volume/vol-3344CCDD";
inline const std::string dev1{doc_vtl_device_arn};
inline const std::string target{doc_arn};

}  // namespace sgwchap_test
