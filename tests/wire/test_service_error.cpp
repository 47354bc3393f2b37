// Tests of include/sgwchap/wire/service_error.hpp: the constexpr helpers (the decoder is
// tested in tests/json/test_service_error.cpp).
#include <catch2/catch.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/wire/service_error.hpp>

TEST_CASE("service_error helpers are constexpr") {
  static_assert(sgwchap::clean_error_name("aws.sg#Foo:http://x#y") == "Foo");
  static_assert(sgwchap::parse_gateway_error_code("LunAlreadyAllocated ") ==
                sgwchap::gateway_error_code::lun_already_allocated);
  static_assert(sgwchap::parse_gateway_error_code("Nope") == sgwchap::gateway_error_code::unknown);
  static_assert(sgwchap::is_retryable_error_name("ThrottlingException"));
  CHECK(sgwchap::gateway_error_code_name(sgwchap::gateway_error_code::volume_not_ready) == "VolumeNotReady");
}
