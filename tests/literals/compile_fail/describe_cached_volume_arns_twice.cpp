// expect-error: DescribeCachediSCSIVolumes: VolumeARNs is set twice
// A misused builder: VolumeARNs set twice.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sgwchap/builders.hpp>
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto gateway = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"_gateway_arn;
constexpr auto volume =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB"_volume_arn;
constexpr auto device =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/device/AMZN_SGW-12A3456B_TAPEDRIVE_00001"_vtl_device_arn;

void f() {
  auto b = sgwchap::describe_cached_iscsi_volumes_builder{}.volume_arns({volume}).volume_arns({volume});
  (void)b;
}
