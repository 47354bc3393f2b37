// expect-compile
// The control case of the workflow builders: the same includes, flags and values, used correctly.
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

void f(const std::vector<sgwchap::volume_arn_view>& parsed, const std::string& marker) {
  auto next = sgwchap::parse_marker(marker);
  if (!next.has_value()) return;
  auto list =
      sgwchap::list_volumes_builder{}.gateway_arn(gateway).marker(*next).limit(sgwchap::page_limit(100)).build();
  auto stored = sgwchap::describe_stored_iscsi_volumes_builder{}.volume_arns({volume}).build();
  auto cached = sgwchap::strict_describe_cached_iscsi_volumes_builder{}.volume_arns(parsed).build();
  auto devices = sgwchap::describe_vtl_devices_builder{}.gateway_arn(gateway).vtl_device_arns({device}).build();
  (void)list;
  (void)stored;
  (void)cached;
  (void)devices;
}
