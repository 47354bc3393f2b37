// expect-error: invalid_target_arn::lowercase_gateway_id<60>
// A bad `_target_arn` literal: the service writes gateway ids in upper case.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12a3456b/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
