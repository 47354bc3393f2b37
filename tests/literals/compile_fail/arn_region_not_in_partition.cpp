// expect-error: invalid_target_arn::region_not_in_partition<23>
// A bad `_target_arn` literal: a China region under the aws partition.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
