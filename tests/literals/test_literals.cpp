// Literals (include/sgwchap/literals.hpp): valid literals are checked by static_assert (building
// this file is the test); the Catch2 cases check that the literals give exactly what the run-time
// parsers give, and that the views stay valid wherever the literal was written.
// Invalid literals are the compile-fail tests in compile_fail/.
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include <catch2/catch.hpp>

#include <sgwchap/literals.hpp>

namespace {

using namespace sgwchap::literals;
using sgwchap::iscsi_name_form;
using sgwchap::profile;

// -- At namespace scope (MODEL-EXAMPLES's documented example).
constexpr auto documented_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
constexpr auto documented_name = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

// The same view types as the run-time parsers.
static_assert(std::is_same_v<decltype(documented_arn), const sgwchap::target_arn_view>);
static_assert(std::is_same_v<decltype(documented_name), const sgwchap::iscsi_name_view>);

// Checked under the strict profile, parts filled.
static_assert(documented_arn.checked_profile() == profile::strict);
static_assert(documented_arn.has_structure());
static_assert(documented_arn.partition() == "aws");
static_assert(documented_arn.region() == "us-east-1");
static_assert(documented_arn.account_id() == "111122223333");
static_assert(documented_arn.gateway_id() == "sgw-12A3456B");
static_assert(documented_arn.target_name() == "iqn.1997-05.com.amazon:myvolume");
static_assert(documented_arn.target_suffix() == "myvolume");
static_assert(documented_arn.host() == "storagegateway.us-east-1.amazonaws.com");
static_assert(documented_arn.fips_host() == "storagegateway-fips.us-east-1.amazonaws.com");

static_assert(documented_name.checked_profile() == profile::strict);
static_assert(documented_name.form() == iscsi_name_form::iqn);
static_assert(documented_name.year() == 1991 && documented_name.month() == 5);
static_assert(documented_name.naming_authority() == "com.microsoft");
static_assert(documented_name.unique_name() == "computername.domain.example.com");

// Same value as the run-time parser's, in a constant expression.
static_assert(documented_arn == *sgwchap::parse_target_arn(documented_arn.value()));
static_assert(documented_name == *sgwchap::parse_iscsi_name(documented_name.value()));

// The three iSCSI name forms and the partitions' edges.
constexpr auto eui = "eui.02004567a425678d"_iscsi_name;
static_assert(eui.form() == iscsi_name_form::eui && eui.hex_digits() == "02004567a425678d");
constexpr auto naa16 = "naa.52004567ba64678d"_iscsi_name;
static_assert(naa16.form() == iscsi_name_form::naa && naa16.hex_digits().size() == 16);
constexpr auto naa32 = "naa.62004567ba64678d0123456789abcdef"_iscsi_name;
static_assert(naa32.form() == iscsi_name_form::naa && naa32.hex_digits().size() == 32);
constexpr auto no_unique = "iqn.2001-04.com.example"_iscsi_name;
static_assert(no_unique.unique_name().empty() && no_unique.naming_authority() == "com.example");
constexpr auto vmware = "iqn.1998-01.com.vmware:esx01-0ba2d462"_iscsi_name;
static_assert(vmware.month() == 1);

constexpr auto china =
    "arn:aws-cn:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:vol-1"_target_arn;
static_assert(china.host() == "storagegateway.cn-north-1.amazonaws.com.cn");
constexpr auto govcloud =
    "arn:aws-us-gov:storagegateway:us-gov-west-1:111122223333:gateway/sgw-12A3456B0123456789ABCDEF01/target/iqn.1997-05.com.amazon:sgw-1fad4876-tapedrive-01"_target_arn;
static_assert(govcloud.gateway_id().size() == 4 + 26);  // the longest gateway id: 26 hex digits
constexpr auto tape =
    "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-1FAD4876/target/iqn.1997-05.com.amazon:sgw-1fad4876-mediachanger"_target_arn;
static_assert(tape.target_suffix() == "sgw-1fad4876-mediachanger");

// -- Gateway, volume and VTL device ARNs (APIREF-Volumes, APIREF-VTL examples).
constexpr auto documented_gateway = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"_gateway_arn;
constexpr auto documented_volume =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB"_volume_arn;
constexpr auto documented_device =
    "arn:aws:storagegateway:us-east-1:999999999999:gateway/sgw-12A3456B/device/AMZN_SGW-1FAD4876_TAPEDRIVE_00001"_vtl_device_arn;
static_assert(std::is_same_v<decltype(documented_gateway), const sgwchap::gateway_arn_view>);
static_assert(std::is_same_v<decltype(documented_volume), const sgwchap::volume_arn_view>);
static_assert(std::is_same_v<decltype(documented_device), const sgwchap::vtl_device_arn_view>);
static_assert(documented_volume.checked_profile() == profile::strict && documented_volume.has_structure());
static_assert(documented_volume.resource_id() == "vol-1122AABB");
static_assert(documented_volume.gateway_arn() == documented_gateway.value());
static_assert(documented_device.resource_id() == "AMZN_SGW-1FAD4876_TAPEDRIVE_00001");
static_assert(documented_device.account_id() == "999999999999");
static_assert(documented_gateway.resource_id().empty() && documented_gateway.gateway_id() == "sgw-12A3456B");
static_assert(documented_volume == *sgwchap::parse_volume_arn(documented_volume.value()));

// -- fixed_string keeps every byte but the terminating NUL.
static_assert(sgwchap::fixed_string("abc").view() == "abc");
static_assert(sgwchap::fixed_string("a\0b").view() == std::string_view("a\0b", 3));
static_assert(sgwchap::fixed_string("").view().empty());

// -- Inside a function: a constexpr local, and a view returned after the function has ended.
// The views point into the literal operator's template parameter object (static storage).
constexpr sgwchap::iscsi_name_view name_from_a_function() {
  constexpr auto local = "iqn.2001-04.com.example:storage:diskarrays-sn-a8675309"_iscsi_name;
  return local;
}
static_assert(name_from_a_function().unique_name() == "storage:diskarrays-sn-a8675309");

constexpr sgwchap::target_arn_view arn_from_a_function() {
  return "arn:aws:storagegateway:us-east-2:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
}
static_assert(arn_from_a_function().region() == "us-east-2");

// The same literal written twice is one template parameter object: the views share storage.
static_assert("iqn.2001-04.com.example"_iscsi_name.value().data() == no_unique.value().data());

}  // namespace

TEST_CASE("literals give exactly what the run-time parsers give", "[literals]") {
  struct row {
    sgwchap::iscsi_name_view literal;
    std::string_view text;
  };
  const row rows[] = {
      {documented_name, "iqn.1991-05.com.microsoft:computername.domain.example.com"},
      {eui, "eui.02004567a425678d"},
      {naa16, "naa.52004567ba64678d"},
      {naa32, "naa.62004567ba64678d0123456789abcdef"},
      {vmware, "iqn.1998-01.com.vmware:esx01-0ba2d462"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    // Parse a copy held in a std::string: equal values, different storage.
    const std::string copy(r.text);
    const auto parsed = sgwchap::parse_iscsi_name(copy);
    REQUIRE(parsed.has_value());
    CHECK(r.literal == *parsed);
    CHECK(r.literal.value() == r.text);
    CHECK(r.literal.form() == parsed->form());
    CHECK(r.literal.naming_authority() == parsed->naming_authority());
    CHECK(r.literal.unique_name() == parsed->unique_name());
    CHECK(r.literal.hex_digits() == parsed->hex_digits());
    CHECK(r.literal.value().data() != copy.data());
  }

  const std::string arn_copy(documented_arn.value());
  const auto parsed_arn = sgwchap::parse_target_arn(arn_copy);
  REQUIRE(parsed_arn.has_value());
  CHECK(documented_arn == *parsed_arn);
  CHECK(documented_arn.host() == parsed_arn->host());
  CHECK(documented_arn.partition_details() == parsed_arn->partition_details());
}

TEST_CASE("resource ARN literals give exactly what the run-time parsers give", "[literals]") {
  const std::string gateway_copy(documented_gateway.value());
  const std::string volume_copy(documented_volume.value());
  const std::string device_copy(documented_device.value());
  const auto parsed_gateway = sgwchap::parse_gateway_arn(gateway_copy);
  const auto volume = sgwchap::parse_volume_arn(volume_copy);
  const auto device = sgwchap::parse_vtl_device_arn(device_copy);
  REQUIRE(parsed_gateway.has_value());
  REQUIRE(volume.has_value());
  REQUIRE(device.has_value());
  CHECK(documented_gateway == *parsed_gateway);
  CHECK(documented_volume == *volume);
  CHECK(documented_device == *device);
  CHECK(documented_volume.resource_id() == (*volume).resource_id());
  CHECK(documented_device.gateway_arn() == (*device).gateway_arn());
  CHECK(documented_volume.value().data() != volume_copy.data());
}

TEST_CASE("a literal's view stays valid after the function that wrote it returns", "[literals]") {
  // Run-time calls (not only constant evaluation): the bytes must still be there.
  const sgwchap::iscsi_name_view name_view = name_from_a_function();
  const sgwchap::target_arn_view arn_view = arn_from_a_function();
  CHECK(std::string(name_view.value()) == "iqn.2001-04.com.example:storage:diskarrays-sn-a8675309");
  CHECK(std::string(arn_view.value()) ==
        "arn:aws:storagegateway:us-east-2:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume");
  CHECK(std::string(arn_view.host().view()) == "storagegateway.us-east-2.amazonaws.com");
  // An owning value made from a literal view.
  const sgwchap::target_arn owned(documented_arn);
  CHECK(owned.str() == documented_arn.value());
  CHECK(owned.checked_profile() == profile::strict);
}
