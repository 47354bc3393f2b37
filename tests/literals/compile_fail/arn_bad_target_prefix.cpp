// expect-error: invalid_target_arn::bad_target_prefix<96>
// A bad `_target_arn` literal: a '.' where the target prefix ends with ':'.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon.myvolume"_target_arn;
