// expect-error: page_limit_must_be_1_to_2147483647|consteval function 'sgwchap::page_limit::page_limit' is not a
// constant A page_limit constant out of range (MODEL PositiveIntObject: at least 1). GCC 12's first error line names
// the rule; Clang 14's names page_limit's constructor, and its note the rule.
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
  auto b = sgwchap::list_volumes_builder{}.gateway_arn(gateway).limit(sgwchap::page_limit(0));
  (void)b;
}
