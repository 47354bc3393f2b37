// expect-error: invalid_target_arn::volume_arn_not_target_arn<67>
// A bad `_target_arn` literal: a VolumeARN; DescribeStorediSCSIVolumes gives the volume's TargetARN.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB"_target_arn;
