// expect-error: invalid_resource_arn::bad_device_id<74>
// A bad `_vtl_device_arn` literal: nothing after /device/.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/device/"_vtl_device_arn;
