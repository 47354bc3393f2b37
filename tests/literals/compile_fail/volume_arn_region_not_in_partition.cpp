// expect-error: invalid_resource_arn::region_not_in_partition<23>
// A bad `_volume_arn` literal: cn-north-1 is a region of aws-cn, not of aws.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB"_volume_arn;
