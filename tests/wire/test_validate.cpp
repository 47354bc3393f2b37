// Tests of include/sgwchap/wire/validate.hpp: validate(result).
#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sgwchap/wire/unchecked.hpp>
#include <sgwchap/wire/validate.hpp>

#include "support/counting_new.hpp"  // the counting operator new/delete of this binary
#include "support/example.hpp"

using sgwchap::errc;

TEST_CASE("validate(result) runs the validators with offsets into the value and JSON Pointers") {
  sgwchap::describe_chap_credentials_result d;
  auto& list = d.chap_credentials.emplace();
  list.emplace_back();
  list.emplace_back();
  list[1].initiator_name = "iqn.2015-13.com.example";
  list[1].secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked("111111111111");
  list[1].secret_to_authenticate_target = sgwchap::chap_secret::unchecked("111111111111");
  const auto problems = sgwchap::validate(d);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].code == errc::iqn_month_out_of_range);
  CHECK(problems[0].offset == 9);
  CHECK(problems[0].pointer == "/ChapCredentials/1/InitiatorName");
  CHECK(problems[1].code == errc::secrets_must_differ);
  CHECK(problems[1].pointer == "/ChapCredentials/1/SecretToAuthenticateTarget");
  CHECK(problems[1].message().find("111111111111") == std::string::npos);
  CHECK(sgwchap::validate(d, sgwchap::profile::aws_model).empty());
  const sgwchap::update_chap_credentials_result u{std::string("arn:nope"), std::nullopt};
  const auto up = sgwchap::validate(u);
  REQUIRE(up.size() == 1);
  CHECK(up[0].pointer == "/TargetARN");
  CHECK(up[0].code == errc::too_short);
}

namespace {

using sgwchap_test::gw;
using sgwchap_test::target;
const std::string gw_lower = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12a3456B";  // byte 60
const std::string vol = gw + "/volume/vol-1122AABB";
const std::string vol_lower = gw + "/volume/vol-1122aABB";  // byte 82: lower-case hex
const std::string dev = gw + "/device/AMZN_SGW-1FAD4876_TAPEDRIVE_00001";
const std::string dev_lower = gw + "/device/amzn";                                      // byte 74
const std::string target_lower = gw_lower + "/target/iqn.1997-05.com.amazon:myvolume";  // byte 60

/// What a row expects of one problem.
struct problem_row {
  std::string pointer;
  errc code;
  sgwchap::field which;
  std::size_t offset;
};

void require_problems(const std::vector<sgwchap::decode_error>& got, const std::vector<problem_row>& expected) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i, expected[i].pointer);
    CHECK(got[i].pointer == expected[i].pointer);
    CHECK(got[i].code == expected[i].code);
    CHECK(got[i].which == expected[i].which);
    CHECK(got[i].offset == expected[i].offset);
  }
}

sgwchap::stored_iscsi_volume stored(std::optional<std::string> volume_arn, std::optional<std::string> target_arn) {
  sgwchap::stored_iscsi_volume v;
  v.volume_arn = std::move(volume_arn);
  v.volume_size_in_bytes = -1;  // numbers, booleans and timestamps have no rule
  v.volume_progress = -5.0;
  v.preserved_existing_data = false;
  v.created_date = sgwchap::timestamp{};
  v.volume_iscsi_attributes.emplace().target_arn = std::move(target_arn);
  v.volume_iscsi_attributes->lun_number = -1;
  v.volume_id = "not checked";
  return v;
}

}  // namespace

TEST_CASE("validate(result): the workflow outputs, nested structures, JSON Pointers, in member order") {
  using sgwchap::field;
  using sgwchap::profile;

  sgwchap::list_volumes_result lv{gw_lower, "", std::vector<sgwchap::volume_info>(3)};
  (*lv.volume_infos)[1].volume_arn = vol_lower;
  (*lv.volume_infos)[1].gateway_arn = "arn:nope";
  (*lv.volume_infos)[2].volume_arn = vol;
  (*lv.volume_infos)[2].gateway_arn = gw;
  require_problems(sgwchap::validate(lv), {
                                              {"/GatewayARN", errc::lowercase_gateway_id, field::gateway_arn, 60},
                                              {"/VolumeInfos/1/VolumeARN", errc::bad_volume_id, field::volume_arn, 82},
                                              {"/VolumeInfos/1/GatewayARN", errc::too_short, field::gateway_arn, 8},
                                          });
  // aws_model reads lower case; the short ARN stays too short. Marker has no rule in an output.
  require_problems(sgwchap::validate(lv, profile::aws_model),
                   {{"/VolumeInfos/1/GatewayARN", errc::too_short, field::gateway_arn, 8}});

  sgwchap::describe_stored_iscsi_volumes_result st{std::vector<sgwchap::stored_iscsi_volume>{}};
  st.stored_iscsi_volumes->push_back(stored(vol, target_lower));
  st.stored_iscsi_volumes->push_back(stored(vol, target));
  st.stored_iscsi_volumes->push_back(stored(vol_lower, target_lower));
  st.stored_iscsi_volumes->push_back(stored(std::nullopt, std::nullopt));
  require_problems(
      sgwchap::validate(st),
      {
          {"/StorediSCSIVolumes/0/VolumeiSCSIAttributes/TargetARN", errc::lowercase_gateway_id, field::target_arn, 60},
          {"/StorediSCSIVolumes/2/VolumeARN", errc::bad_volume_id, field::volume_arn, 82},
          {"/StorediSCSIVolumes/2/VolumeiSCSIAttributes/TargetARN", errc::lowercase_gateway_id, field::target_arn, 60},
      });
  CHECK(sgwchap::validate(st, profile::aws_model).empty());

  sgwchap::describe_cached_iscsi_volumes_result ca{std::vector<sgwchap::cached_iscsi_volume>(2)};
  (*ca.cached_iscsi_volumes)[1].volume_iscsi_attributes.emplace().target_arn = vol;  // a VolumeARN is no TargetARN
  const auto ca_problems = sgwchap::validate(ca);
  REQUIRE(ca_problems.size() == 1);
  CHECK(ca_problems[0].pointer == "/CachediSCSIVolumes/1/VolumeiSCSIAttributes/TargetARN");
  CHECK(ca_problems[0].which == field::target_arn);
  CHECK(ca_problems[0].message().rfind("/CachediSCSIVolumes/1/VolumeiSCSIAttributes/TargetARN: ", 0) == 0);

  sgwchap::describe_vtl_devices_result vt{gw, std::vector<sgwchap::vtl_device>(2), "m"};
  (*vt.vtl_devices)[0].vtl_device_arn = dev_lower;
  (*vt.vtl_devices)[0].device_iscsi_attributes.emplace().target_arn = target_lower;
  (*vt.vtl_devices)[1].vtl_device_arn = dev;
  (*vt.vtl_devices)[1].device_iscsi_attributes.emplace().target_arn = target;
  require_problems(
      sgwchap::validate(vt),
      {
          {"/VTLDevices/0/VTLDeviceARN", errc::bad_device_id, field::vtl_device_arn, 74},
          {"/VTLDevices/0/DeviceiSCSIAttributes/TargetARN", errc::lowercase_gateway_id, field::target_arn, 60},
      });
  CHECK(sgwchap::validate(vt, profile::aws_model).empty());
  CHECK(sgwchap::validate(sgwchap::describe_vtl_devices_result{}).empty());
}

TEST_CASE("validate: a string list is checked element by element, /<member>/<index>") {
  // No output has a string list; the same walk over an input's VolumeARNs shows the pointers.
  const sgwchap::unchecked_describe_stored_iscsi_volumes_request u{std::vector<std::string>{vol, vol_lower, gw, vol}};
  std::vector<sgwchap::decode_error> out;
  sgwchap::detail::pointer_path path;
  sgwchap::detail::validate_members(out, u, sgwchap::profile::strict, path);
  require_problems(out, {
                            {"/VolumeARNs/1", errc::bad_volume_id, sgwchap::field::volume_arn, 82},
                            {"/VolumeARNs/2", errc::bad_resource_type, sgwchap::field::volume_arn, gw.size()},
                        });
  CHECK(path.size() == 0);
}

TEST_CASE("validate: a valid result allocates nothing") {
  sgwchap::describe_stored_iscsi_volumes_result st{std::vector<sgwchap::stored_iscsi_volume>{}};
  for (int i = 0; i < 12; ++i) st.stored_iscsi_volumes->push_back(stored(vol, target));
  sgwchap::describe_vtl_devices_result vt{gw, std::vector<sgwchap::vtl_device>(12), "m"};
  for (auto& d : *vt.vtl_devices) {
    d.vtl_device_arn = dev;
    d.device_iscsi_attributes.emplace().target_arn = target;
  }
  std::size_t problems = 1;
  CHECK(sgwchap_test::count_allocations([&] { problems = sgwchap::validate(st).size(); }) == 0);
  CHECK(problems == 0);
  CHECK(sgwchap_test::count_allocations([&] { problems = sgwchap::validate(vt).size(); }) == 0);
  CHECK(problems == 0);
  // The control: a problem allocates (its pointer, the vector), so the counter does count.
  (*vt.vtl_devices)[11].device_iscsi_attributes->target_arn = target_lower;
  CHECK(sgwchap_test::count_allocations([&] { problems = sgwchap::validate(vt).size(); }) > 0);
  CHECK(problems == 1);
}
