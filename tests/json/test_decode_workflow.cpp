// The workflow operations (ListVolumes, DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes,
// DescribeVTLDevices) through include/sgwchap/json/decode.hpp: MODEL's own examples (the copy of
// botocore's examples-1.json in tests/data/botocore/), and a table of bodies that break the new
// member kinds (numbers, booleans, timestamps, nested structures, string lists), each row with
// its exact error, offset and JSON Pointer, on both the fast path and the exact decoder.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <sgwchap/json.hpp>

using sgwchap::errc;
using sgwchap::field;
using sgwchap::operation;

namespace {

const boost::json::object& examples() {
  static const boost::json::value all = [] {
    std::ifstream in(std::string(SGWCHAP_TEST_DATA) + "/botocore/storagegateway-2013-06-30.examples-1.json",
                     std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str());
  }();
  return all.as_object().at("examples").as_object();
}

/// The first example of `op`: its input or output, serialized compactly.
std::string example(std::string_view op, std::string_view part) {
  const auto& list = examples().at(op).as_array();
  return boost::json::serialize(list.at(0).as_object().at(part));
}

const sgwchap::decode_options defaults{};

/// Decodes `body` as `op`'s result, through `decode` (the transport's call).
template <operation Op>
auto decode_as(std::string_view body) {
  using R = typename sgwchap::operation_types<Op>::result;
  auto r = sgwchap::decode(Op, 200, {{"Content-Type", "application/x-amz-json-1.1"}}, body);
  REQUIRE(r.has_value());
  REQUIRE(std::holds_alternative<R>(*r));
  return std::get<R>(*r);
}

}  // namespace

TEST_CASE("workflow: MODEL's examples decode, convert through Boost.JSON, and pass validate", "[workflow]") {
  SECTION("ListVolumes") {
    const auto r = decode_as<operation::list_volumes>(example("ListVolumes", "output"));
    CHECK(r.gateway_arn == "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B");
    CHECK(r.marker == "1");
    REQUIRE(r.volume_infos.has_value());
    REQUIRE(r.volume_infos->size() == 2);
    CHECK(r.volume_infos->at(0).volume_size_in_bytes == 107374182400);
    CHECK(r.volume_infos->at(0).volume_type == "STORED");
    CHECK(r.volume_infos->at(1).gateway_id == "sgw-gw-13B4567C");  // kept as sent: no rule on output
    CHECK_FALSE(r.volume_infos->at(0).volume_attachment_status.has_value());
    CHECK(sgwchap::validate(r).empty());
    CHECK(boost::json::value_to<sgwchap::list_volumes_result>(boost::json::value_from(r)) == r);

    const auto in = sgwchap::decode_list_volumes_request(example("ListVolumes", "input"));
    REQUIRE(in.has_value());
    CHECK(in->limit == 2);
    const auto checked = sgwchap::check_request(*in);
    REQUIRE(checked.has_value());
    CHECK(checked->marker() == "1");
  }
  SECTION("DescribeStorediSCSIVolumes") {
    const auto r = decode_as<operation::describe_stored_iscsi_volumes>(example("DescribeStorediSCSIVolumes", "output"));
    REQUIRE(r.stored_iscsi_volumes.has_value());
    REQUIRE(r.stored_iscsi_volumes->size() == 1);
    const auto& v = r.stored_iscsi_volumes->front();
    CHECK(v.preserved_existing_data == false);
    CHECK(v.volume_progress == 23.7);
    CHECK(v.volume_size_in_bytes == 1099511627776);
    CHECK(v.volume_status == "BOOTSTRAPPING");
    CHECK(v.volume_disk_id == "pci-0000:03:00.0-scsi-0:0:0:0");
    REQUIRE(v.volume_iscsi_attributes.has_value());
    CHECK(v.volume_iscsi_attributes->chap_enabled == true);
    CHECK(v.volume_iscsi_attributes->network_interface_id == "10.243.43.207");
    CHECK(v.volume_iscsi_attributes->network_interface_port == 3260);
    CHECK_FALSE(v.volume_iscsi_attributes->lun_number.has_value());
    CHECK(v.volume_iscsi_attributes->target_arn ==
          "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume");
    CHECK_FALSE(v.created_date.has_value());
    CHECK(sgwchap::validate(r).empty());
    CHECK(boost::json::value_to<sgwchap::describe_stored_iscsi_volumes_result>(boost::json::value_from(r)) == r);

    const auto in =
        sgwchap::decode_describe_stored_iscsi_volumes_request(example("DescribeStorediSCSIVolumes", "input"));
    REQUIRE(in.has_value());
    const auto checked = sgwchap::check_request(*in);
    REQUIRE(checked.has_value());
    REQUIRE(checked->volume_arns().size() == 1);
    CHECK(checked->volume_arns()[0].view().resource_id() == "vol-1122AABB");
  }
  SECTION("DescribeCachediSCSIVolumes") {
    const auto r = decode_as<operation::describe_cached_iscsi_volumes>(example("DescribeCachediSCSIVolumes", "output"));
    REQUIRE(r.cached_iscsi_volumes.has_value());
    const auto& v = r.cached_iscsi_volumes->front();
    CHECK(v.volume_type == "CACHED iSCSI");
    REQUIRE(v.volume_iscsi_attributes.has_value());
    CHECK(v.volume_iscsi_attributes->lun_number == 1);
    CHECK(sgwchap::validate(r).empty());
    CHECK(boost::json::value_to<sgwchap::describe_cached_iscsi_volumes_result>(boost::json::value_from(r)) == r);
  }
  SECTION("DescribeVTLDevices") {
    const auto r = decode_as<operation::describe_vtl_devices>(example("DescribeVTLDevices", "output"));
    REQUIRE(r.vtl_devices.has_value());
    REQUIRE(r.vtl_devices->size() >= 2);
    const auto& changer = r.vtl_devices->front();
    CHECK(changer.vtl_device_type == "Medium Changer");
    CHECK(changer.vtl_device_vendor == "STK");
    CHECK(changer.vtl_device_product_identifier == "L700");
    REQUIRE(changer.device_iscsi_attributes.has_value());
    CHECK(changer.device_iscsi_attributes->chap_enabled == false);
    CHECK(sgwchap::validate(r).empty());
    CHECK(boost::json::value_to<sgwchap::describe_vtl_devices_result>(boost::json::value_from(r)) == r);

    // The input asks for every device with an empty VTLDeviceARNs: kept as an empty list.
    const auto in = sgwchap::decode_describe_vtl_devices_request(example("DescribeVTLDevices", "input"));
    REQUIRE(in.has_value());
    REQUIRE(in->vtl_device_arns.has_value());
    CHECK(in->vtl_device_arns->empty());
    CHECK(in->limit == 123);
    const auto checked = sgwchap::check_request(*in);
    REQUIRE(checked.has_value());
    std::string body;
    sgwchap::encode_body(*checked, body);
    CHECK(body.find(R"("VTLDeviceARNs":[])") != body.npos);
  }
}

TEST_CASE("workflow: numbers are exact: int64 sizes, int32 ports, nanosecond timestamps", "[workflow]") {
  struct row {
    std::string_view created;  // CreatedDate's JSON text
    std::int64_t ns;
  };
  const row rows[] = {
      {"1583443386.123456789", 1'583'443'386'123'456'789},  // a double would give ...123456716
      {"1583443386", 1'583'443'386'000'000'000},
      {"1.583443386123456789e9", 1'583'443'386'123'456'789},
      {"-1.5", -1'500'000'000},
      {"0", 0},
      {"9223372036.854775807", std::numeric_limits<std::int64_t>::max()},
      {"-9223372036.854775808", std::numeric_limits<std::int64_t>::min()},
  };
  for (const row& r : rows) {
    INFO(r.created);
    for (const std::string_view space : {"", " "}) {  // the fast path, then the exact decoder
      const std::string body =
          std::string(R"({"CachediSCSIVolumes":[{"CreatedDate":)") + std::string(space) + std::string(r.created) +
          R"(,"VolumeSizeInBytes":9223372036854775807,"VolumeUsedInBytes":-9223372036854775808,)"
          R"("VolumeiSCSIAttributes":{"NetworkInterfacePort":2147483647,"LunNumber":-2147483648}}]})";
      const auto d = sgwchap::decode_describe_cached_iscsi_volumes_response(body);
      REQUIRE(d.has_value());
      const auto& v = d->cached_iscsi_volumes->front();
      CHECK(v.created_date->time_since_epoch().count() == r.ns);
      CHECK(v.volume_size_in_bytes == std::numeric_limits<std::int64_t>::max());
      CHECK(v.volume_used_in_bytes == std::numeric_limits<std::int64_t>::min());
      CHECK(v.volume_iscsi_attributes->network_interface_port == std::numeric_limits<std::int32_t>::max());
      CHECK(v.volume_iscsi_attributes->lun_number == std::numeric_limits<std::int32_t>::min());
    }
  }
}

TEST_CASE("workflow: bodies that break the new member kinds: exact error, offset and pointer", "[workflow]") {
  struct row {
    std::string_view body;
    errc code;
    field which;
    std::size_t offset;
    std::string_view pointer;
    std::uint32_t detail;  // wrong_type: the expected kind (1 string, 2 array, 3 object, 4 number, 5 boolean)
  };
  // Every body is a DescribeStorediSCSIVolumes response.
  const row rows[] = {
      // integers: no fraction, no exponent, within int64 (long) or int32 (integer)
      {R"({"StorediSCSIVolumes":[{"VolumeSizeInBytes":1.0}]})", errc::number_out_of_range, field::volume_size_in_bytes,
       44, "/StorediSCSIVolumes/0/VolumeSizeInBytes", 0},
      {R"({"StorediSCSIVolumes":[{"VolumeSizeInBytes":1e3}]})", errc::number_out_of_range, field::volume_size_in_bytes,
       44, "/StorediSCSIVolumes/0/VolumeSizeInBytes", 0},
      {R"({"StorediSCSIVolumes":[{"VolumeSizeInBytes":9223372036854775808}]})", errc::number_out_of_range,
       field::volume_size_in_bytes, 44, "/StorediSCSIVolumes/0/VolumeSizeInBytes", 0},
      {R"({"StorediSCSIVolumes":[{"VolumeSizeInBytes":-9223372036854775809}]})", errc::number_out_of_range,
       field::volume_size_in_bytes, 44, "/StorediSCSIVolumes/0/VolumeSizeInBytes", 0},
      {R"({"StorediSCSIVolumes":[{"VolumeiSCSIAttributes":{"LunNumber":2147483648}}]})", errc::number_out_of_range,
       field::lun_number, 61, "/StorediSCSIVolumes/0/VolumeiSCSIAttributes/LunNumber", 0},
      {R"({"StorediSCSIVolumes":[{"VolumeSizeInBytes":"5"}]})", errc::wrong_type, field::volume_size_in_bytes, 44,
       "/StorediSCSIVolumes/0/VolumeSizeInBytes", 4},
      {R"({"StorediSCSIVolumes":[{"VolumeSizeInBytes":true}]})", errc::wrong_type, field::volume_size_in_bytes, 44,
       "/StorediSCSIVolumes/0/VolumeSizeInBytes", 4},
      // doubles: finite
      {R"({"StorediSCSIVolumes":[{"VolumeProgress":1e400}]})", errc::number_out_of_range, field::volume_progress, 41,
       "/StorediSCSIVolumes/0/VolumeProgress", 0},
      {R"({"StorediSCSIVolumes":[{"VolumeProgress":[]}]})", errc::wrong_type, field::volume_progress, 41,
       "/StorediSCSIVolumes/0/VolumeProgress", 4},
      // timestamps: bad_timestamp at the offending digit
      {R"({"StorediSCSIVolumes":[{"CreatedDate":1.0000000001}]})", errc::bad_timestamp, field::created_date, 49,
       "/StorediSCSIVolumes/0/CreatedDate", 0},
      {R"({"StorediSCSIVolumes":[{"CreatedDate":1e19}]})", errc::bad_timestamp, field::created_date, 38,
       "/StorediSCSIVolumes/0/CreatedDate", 0},
      {R"({"StorediSCSIVolumes":[{"CreatedDate":"2020-03-05"}]})", errc::wrong_type, field::created_date, 38,
       "/StorediSCSIVolumes/0/CreatedDate", 4},
      // booleans
      {R"({"StorediSCSIVolumes":[{"PreservedExistingData":"false"}]})", errc::wrong_type,
       field::preserved_existing_data, 48, "/StorediSCSIVolumes/0/PreservedExistingData", 5},
      {R"({"StorediSCSIVolumes":[{"PreservedExistingData":0}]})", errc::wrong_type, field::preserved_existing_data, 48,
       "/StorediSCSIVolumes/0/PreservedExistingData", 5},
      // nested structures
      {R"({"StorediSCSIVolumes":[{"VolumeiSCSIAttributes":[]}]})", errc::wrong_type, field::volume_iscsi_attributes, 48,
       "/StorediSCSIVolumes/0/VolumeiSCSIAttributes", 3},
      {R"({"StorediSCSIVolumes":[{"VolumeiSCSIAttributes":{"ChapEnabled":true,"ChapEnabled":false}}]})",
       errc::duplicate_key, field::chap_enabled, 68, "/StorediSCSIVolumes/0/VolumeiSCSIAttributes/ChapEnabled", 0},
      {R"({"StorediSCSIVolumes":[{},{"VolumeiSCSIAttributes":{"TargetARN":7}}]})", errc::wrong_type, field::target_arn,
       64, "/StorediSCSIVolumes/1/VolumeiSCSIAttributes/TargetARN", 1},
  };
  for (const row& r : rows) {
    INFO(r.body);
    for (const bool spaced : {false, true}) {
      std::string body(r.body);
      std::size_t shift = 0;
      if (spaced) {  // a leading space: the exact decoder alone; every offset moves by one
        body.insert(0, " ");
        shift = 1;
      }
      const auto d = sgwchap::decode_describe_stored_iscsi_volumes_response(body, defaults);
      REQUIRE_FALSE(d.has_value());
      CHECK(d.error().code == r.code);
      CHECK(d.error().which == r.which);
      CHECK(d.error().offset == r.offset + shift);
      CHECK(d.error().pointer == r.pointer);
      CHECK(d.error().detail == r.detail);
    }
  }
}

TEST_CASE("workflow: string lists in request bodies: elements are strings, null is no element", "[workflow]") {
  struct row {
    std::string_view body;
    errc code;
    field which;
    std::size_t offset;
    std::string_view pointer;
  };
  const row rows[] = {
      {R"({"VolumeARNs":["a",1]})", errc::wrong_type, field::volume_arns, 19, "/VolumeARNs/1"},
      {R"({"VolumeARNs":["a",null]})", errc::wrong_type, field::volume_arns, 19, "/VolumeARNs/1"},
      {R"({"VolumeARNs":[["a"]]})", errc::wrong_type, field::volume_arns, 15, "/VolumeARNs/0"},
      {R"({"VolumeARNs":[{}]})", errc::wrong_type, field::volume_arns, 15, "/VolumeARNs/0"},
      {R"({"VolumeARNs":"a"})", errc::wrong_type, field::volume_arns, 14, "/VolumeARNs"},
      {R"({"VolumeARNs":[],"VolumeARNs":[]})", errc::duplicate_key, field::volume_arns, 17, "/VolumeARNs"},
      {R"({"VolumeARN":["a"]})", errc::unknown_key, field::body, 1, "/VolumeARN"},
  };
  for (const row& r : rows) {
    INFO(r.body);
    const auto d = sgwchap::decode_describe_cached_iscsi_volumes_request(r.body);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().code == r.code);
    CHECK(d.error().which == r.which);
    CHECK(d.error().offset == r.offset);
    CHECK(d.error().pointer == r.pointer);
  }
  const auto ok = sgwchap::decode_describe_cached_iscsi_volumes_request(R"({"VolumeARNs":["a","b\u0063"]})");
  REQUIRE(ok.has_value());
  CHECK(*ok->volume_arns == std::vector<std::string>{"a", "bc"});
}

TEST_CASE("workflow: a double is correctly rounded: one that rounds to zero is zero", "[workflow]") {
  struct row {
    std::string_view text;
    double value;
    bool negative_zero;
  };
  const row rows[] = {
      {"1e-400", 0.0, false},
      {"-2.4703282292062327e-324", -0.0, true},  // just under half the smallest subnormal
      {"2.4703282292062328e-324", 5e-324, false},
      {"0.0000", 0.0, false},
      {"1.7976931348623157e308", 1.7976931348623157e308, false},
  };
  for (const row& r : rows) {
    INFO(r.text);
    for (const std::string_view space : {"", " "}) {
      const std::string body = std::string(R"({"StorediSCSIVolumes":[{"VolumeProgress":)") + std::string(space) +
                               std::string(r.text) + "}]}";
      const auto d = sgwchap::decode_describe_stored_iscsi_volumes_response(body);
      REQUIRE(d.has_value());
      const double got = *d->stored_iscsi_volumes->front().volume_progress;
      CHECK(got == r.value);
      CHECK(std::signbit(got) == r.negative_zero);
    }
  }
  for (const std::string_view beyond : {"1.8e308", "-1e400"}) {
    INFO(beyond);
    const auto d = sgwchap::decode_describe_stored_iscsi_volumes_response(
        std::string(R"({"StorediSCSIVolumes":[{"VolumeProgress":)") + std::string(beyond) + "}]}");
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().code == errc::number_out_of_range);
    CHECK(d.error().offset == 41);
  }
}

TEST_CASE("workflow: what follows a number's grammar is the body's error, on both decoder paths", "[workflow]") {
  struct row {
    std::string_view body;  // a ListVolumes request body
    errc code;
    std::size_t offset;
  };
  const row rows[] = {
      {R"({"Limit":01})", errc::malformed_json, 10},  // a leading zero: `0` then a stray `1`
      {R"({"Limit":5-})", errc::malformed_json, 10},
      {R"({"Limit":1.})", errc::malformed_json, 11},
      // An exponent beyond int: basic_parser refuses it (exponent_overflow), so the fast path
      // leaves it to the exact one.
      {R"({"Limit":0e2147483648})", errc::malformed_json, 20},
  };
  for (const row& r : rows) {
    INFO(r.body);
    const auto d = sgwchap::decode_list_volumes_request(r.body);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().code == r.code);
    CHECK(d.error().offset == r.offset);
  }
  // A result's double member with an exponent beyond int: the same error whichever path reads it.
  const std::string fast = R"({"StorediSCSIVolumes":[{"VolumeProgress":1e-2147483648}]})";
  const std::string exact = R"({"StorediSCSIVolumes":[{"X":1,"VolumeProgress":1e-2147483648}]})";
  const auto a = sgwchap::decode_describe_stored_iscsi_volumes_response(fast);
  const auto b = sgwchap::decode_describe_stored_iscsi_volumes_response(exact);
  REQUIRE_FALSE(a.has_value());
  REQUIRE_FALSE(b.has_value());
  CHECK(a.error().code == errc::malformed_json);
  CHECK(b.error().code == errc::malformed_json);
  CHECK(b.error().offset == a.error().offset + 6);
}

TEST_CASE("workflow: the Boost.JSON conversions refuse what the decoder refuses in a number", "[workflow]") {
  for (const std::string_view text : {R"({"Limit":1.0})", R"({"Limit":1e2})", R"({"Limit":-0.0})"}) {
    INFO(text);
    const auto dom = boost::json::try_value_to<sgwchap::unchecked_list_volumes_request>(boost::json::parse(text));
    REQUIRE(dom.has_error());
    CHECK(dom.error() == sgwchap::make_error_code(errc::number_out_of_range));
    const auto decoded = sgwchap::decode_list_volumes_request(text);
    REQUIRE_FALSE(decoded.has_value());
    CHECK(decoded.error().code == errc::number_out_of_range);
  }
  const auto ok =
      boost::json::try_value_to<sgwchap::unchecked_list_volumes_request>(boost::json::parse(R"({"Limit":7})"));
  REQUIRE(ok.has_value());
  CHECK(ok->limit == 7);
}
