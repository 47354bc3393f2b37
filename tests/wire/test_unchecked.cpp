// Tests of include/sgwchap/wire/unchecked.hpp: check_request and to_unchecked.
#include <catch2/catch.hpp>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sgwchap/wire/encode.hpp>
#include <sgwchap/wire/unchecked.hpp>

#include "support/example.hpp"

using sgwchap::errc;
using sgwchap::field;

namespace {
constexpr std::string_view arn = sgwchap_test::doc_arn;
constexpr std::string_view initiator = sgwchap_test::doc_initiator;
}  // namespace

TEST_CASE("check_request: missing members, then each member's first error, in member order") {
  sgwchap::unchecked_update_chap_credentials_request u;
  u.initiator_name = "IQN.bad";
  u.secret_to_authenticate_target = sgwchap::chap_secret::unchecked("222222222222");
  const auto r = sgwchap::check_request(u);
  REQUIRE_FALSE(r.has_value());
  REQUIRE(r.error().size() == 3);
  CHECK(r.error()[0] == sgwchap::error{errc::missing_member, field::target_arn, 0, 0, sgwchap::length_unit::bytes,
                                       sgwchap::profile::aws_model, 0});
  CHECK(r.error()[1].code == errc::missing_member);
  CHECK(r.error()[1].which == field::secret_to_authenticate_initiator);
  CHECK(r.error()[2].which == field::initiator_name);
  CHECK(r.error()[2].code == errc::uppercase_character);

  sgwchap::unchecked_delete_chap_credentials_request d{std::string(arn), std::nullopt};
  const auto dr = sgwchap::check_request(d);
  REQUIRE_FALSE(dr.has_value());
  REQUIRE(dr.error().size() == 1);
  CHECK(dr.error()[0].which == field::initiator_name);
  d.initiator_name = std::string(initiator);
  CHECK(sgwchap::check_request(d).has_value());
  CHECK(sgwchap::check_request(sgwchap::unchecked_describe_chap_credentials_request{}).error()[0].code ==
        errc::missing_member);
}

TEST_CASE("to_unchecked copies every member, secrets included") {
  const auto r = sgwchap::update_chap_credentials_request::from_strings(arn, initiator, "111111111111",
                                                                        std::string_view("222222222222"));
  REQUIRE(r.has_value());
  const auto u = sgwchap::to_unchecked(*r);
  CHECK(u.target_arn == std::string(arn));
  CHECK(u.secret_to_authenticate_initiator->reveal() == "111111111111");
  CHECK(u.secret_to_authenticate_target->reveal() == "222222222222");
  CHECK(*sgwchap::check_request(u) == *r);
}

namespace {
using sgwchap_test::dev1;
using sgwchap_test::gw;
using sgwchap_test::vol1;
using sgwchap_test::vol2;

/// The checked request and its unchecked twin encode to the same bytes; checking the twin gives
/// the request back.
template <class Request>
void require_same_body(const sgwchap::request_result<Request>& r, const std::string& expected) {
  REQUIRE(r.has_value());
  std::string checked;
  sgwchap::encode_body(*r, checked);
  CHECK(checked == expected);
  const auto u = sgwchap::to_unchecked(*r);
  std::string unchecked;
  REQUIRE(sgwchap::encode_body(u, unchecked).has_value());
  CHECK(unchecked == expected);
  const auto back = sgwchap::check_request(u, r->checked_profile());
  REQUIRE(back.has_value());
  CHECK(*back == *r);
}
}  // namespace

TEST_CASE("to_unchecked: the workflow requests encode as their checked twins, member for member") {
  const std::vector<std::string> vols{vol1, vol2};
  const std::vector<std::string> devs{dev1};
  const std::vector<std::string> none;
  const auto list = [](const std::vector<std::string>& v) {
    return sgwchap::text_list(std::span<const std::string>(v));
  };
  const std::string q_gw = "\"" + gw + "\"";
  {
    INFO("ListVolumes");
    require_same_body(sgwchap::list_volumes_request::from_strings(gw, std::string_view("m"), 7),
                      R"({"GatewayARN":)" + q_gw + R"(,"Marker":"m","Limit":7})");
  }
  {
    INFO("DescribeStorediSCSIVolumes");
    require_same_body(sgwchap::describe_stored_iscsi_volumes_request::from_strings(list(vols)),
                      R"({"VolumeARNs":[")" + vol1 + R"(",")" + vol2 + R"("]})");
  }
  {
    INFO("DescribeCachediSCSIVolumes, empty (aws_model)");
    require_same_body(
        sgwchap::describe_cached_iscsi_volumes_request::from_strings(list(none), sgwchap::profile::aws_model),
        R"({"VolumeARNs":[]})");
  }
  {
    INFO("DescribeVTLDevices");
    require_same_body(sgwchap::describe_vtl_devices_request::from_strings(gw, list(devs), std::nullopt, 1),
                      R"({"GatewayARN":)" + q_gw + R"(,"VTLDeviceARNs":[")" + dev1 + R"("],"Limit":1})");
  }
  {
    INFO("DescribeVTLDevices, empty list");
    require_same_body(sgwchap::describe_vtl_devices_request::from_strings(gw, list(none)),
                      R"({"GatewayARN":)" + q_gw + R"(,"VTLDeviceARNs":[]})");
  }
}
