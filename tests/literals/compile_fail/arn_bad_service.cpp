// expect-error: invalid_target_arn::bad_service<20>
// A bad `_target_arn` literal: storagegatewey: the 'e' at byte 20 should be 'a'.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegatewey:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
