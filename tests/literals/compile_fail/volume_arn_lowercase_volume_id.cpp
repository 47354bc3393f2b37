// expect-error: invalid_resource_arn::bad_volume_id<78>
// A bad `_volume_arn` literal: lower-case hex in the volume id (strict: the service writes upper case).
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-aa22AABB"_volume_arn;
