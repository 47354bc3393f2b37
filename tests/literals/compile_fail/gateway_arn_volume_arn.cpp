// expect-error: invalid_resource_arn::bad_resource_type<66>
// A bad `_gateway_arn` literal: a VolumeARN, which goes on after the gateway id.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB"_gateway_arn;
