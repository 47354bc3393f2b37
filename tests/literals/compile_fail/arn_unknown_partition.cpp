// expect-error: invalid_target_arn::unknown_partition<4>
// A bad `_target_arn` literal: no partition is called amazon.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:amazon:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
