// expect-error: invalid_target_arn::uppercase_character<26>
// A bad `_target_arn` literal: regions are lower case.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:us-EAST-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
