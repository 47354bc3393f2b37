// The documented UpdateChapCredentials example (MODEL-EXAMPLES; the AWS API reference's values), shared
// by the tests that check it: its TargetARN, InitiatorName and the two (different) secrets.
#pragma once

#include <string_view>

namespace sgwchap_test {

inline constexpr std::string_view doc_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
inline constexpr std::string_view doc_initiator = "iqn.1991-05.com.microsoft:computername.domain.example.com";
inline constexpr std::string_view doc_initiator_secret = "111111111111";
inline constexpr std::string_view doc_target_secret = "222222222222";

}  // namespace sgwchap_test
