// expect-error: VolumeARNs refers to a std::vector of views until build
// A misused builder: a temporary std::vector of views, which would dangle before build().
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
  auto b = sgwchap::describe_stored_iscsi_volumes_builder{}.volume_arns(std::vector<sgwchap::volume_arn_view>{volume});
  (void)b;
}
