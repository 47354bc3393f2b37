// expect-error: invalid_target_arn::bad_account_id<44>
// A bad `_target_arn` literal: 11 digits: the ':' at byte 44 comes one digit early.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:us-east-1:11112222333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
