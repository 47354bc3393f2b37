// Tests of include/sgwchap/wire/encode.hpp for the workflow operations (ListVolumes,
// DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes, DescribeVTLDevices): each member type's
// exact JSON text (string lists, int32, int64, doubles, booleans, timestamps, nested structures),
// the measuring pass's exact size, the refusals (invalid UTF-8 in a list element, a non-finite
// double) with their field, offset and index, and the Host derived from each request's ARN.
#include <catch2/catch.hpp>

#include <bit>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <sgwchap/wire/encode.hpp>

#include "support/example.hpp"

using sgwchap::errc;
using sgwchap::field;

namespace {

using namespace std::string_literals;

using sgwchap_test::dev1;
using sgwchap_test::gw;
using sgwchap_test::target;
using sgwchap_test::vol1;
using sgwchap_test::vol2;
const std::string gw_cn = "arn:aws-cn:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B";
const std::string vol_gov =
    "arn:aws-us-gov:storagegateway:us-gov-west-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB";
// Passes MODEL's VolumeARN pattern (aws_model) but has no ARN structure, and needs escapes.
const std::string vol_odd = "arn:aws:storagegateway:us-east-1:111122223333:gateway/x\"y\\z/volume/vol-1122AABB";

std::string q(const std::string& s) { return "\"" + s + "\""; }

/// A text_list over `v`, which must outlive it (a temporary lives to the end of the call).
sgwchap::text_list texts(const std::vector<std::string>& v) {
  return sgwchap::text_list(std::span<const std::string>(v));
}

/// The body of `v` (a checked request), through both sinks: they must agree byte for byte.
template <class T>
std::string body_of(const T& v) {
  std::string s;
  sgwchap::encode_body(v, s);
  const sgwchap::secure_buffer b = sgwchap::encode_body(v);
  CHECK(b.view() == s);
  return s;
}

/// The body of `v` (unchecked or a result), after text already in the string: the measuring pass
/// must size the appended part exactly.
template <class T>
std::string checked_body_of(const T& v) {
  std::string s = "prefix:";
  const auto r = sgwchap::encode_body(v, s);
  REQUIRE(r.has_value());
  REQUIRE(s.rfind("prefix:", 0) == 0);
  sgwchap::secure_buffer b;
  REQUIRE(sgwchap::encode_body(v, b).has_value());
  CHECK(b.view() == s.substr(7));
  return s.substr(7);
}

sgwchap::timestamp ts(std::int64_t ns) { return sgwchap::timestamp{std::chrono::nanoseconds{ns}}; }

struct body_row {
  std::string what;
  std::string actual;
  std::string expected;
};

void require_rows(const std::vector<body_row>& rows) {
  for (const body_row& r : rows) {
    CAPTURE(r.what);
    CHECK(r.actual == r.expected);
  }
}

}  // namespace

TEST_CASE("encode_body: each workflow request's exact body, MODEL member order") {
  const auto list_all = sgwchap::list_volumes_request::from_strings(gw, std::string_view("m"), 10);
  const auto list_gw = sgwchap::list_volumes_request::from_strings(gw);
  const auto stored = sgwchap::describe_stored_iscsi_volumes_request::from_strings(texts({vol1, vol2}));
  const auto cached = sgwchap::describe_cached_iscsi_volumes_request::from_strings(texts({vol1}));
  const auto odd =
      sgwchap::describe_cached_iscsi_volumes_request::from_strings(texts({vol_odd}), sgwchap::profile::aws_model);
  const auto vtl_all =
      sgwchap::describe_vtl_devices_request::from_strings(gw, texts({dev1}), std::string_view("next"), 2147483647);
  const auto vtl_empty = sgwchap::describe_vtl_devices_request::from_strings(gw, sgwchap::text_list{});
  const auto vtl_gw = sgwchap::describe_vtl_devices_request::from_strings(gw);
  const auto marker_escaped = sgwchap::list_volumes_request::from_strings(gw, std::string_view("a\"b\\c\n\xC3\xA9"));
  for (const bool ok :
       {list_all.has_value(), list_gw.has_value(), stored.has_value(), cached.has_value(), odd.has_value(),
        vtl_all.has_value(), vtl_empty.has_value(), vtl_gw.has_value(), marker_escaped.has_value()}) {
    REQUIRE(ok);
  }
  require_rows({
      {"ListVolumes, every member", body_of(*list_all), R"({"GatewayARN":)" + q(gw) + R"(,"Marker":"m","Limit":10})"},
      {"ListVolumes, GatewayARN only", body_of(*list_gw), R"({"GatewayARN":)" + q(gw) + "}"},
      {"ListVolumes, a Marker that needs escapes", body_of(*marker_escaped),
       R"({"GatewayARN":)" + q(gw) + R"(,"Marker":"a\"b\\c\n)" + "\xC3\xA9\"}"},
      {"DescribeStorediSCSIVolumes", body_of(*stored), R"({"VolumeARNs":[)" + q(vol1) + "," + q(vol2) + "]}"},
      {"DescribeCachediSCSIVolumes", body_of(*cached), R"({"VolumeARNs":[)" + q(vol1) + "]}"},
      {"aws_model VolumeARN with escapes", body_of(*odd),
       R"({"VolumeARNs":["arn:aws:storagegateway:us-east-1:111122223333:gateway/x\"y\\z/volume/vol-1122AABB"]})"},
      {"DescribeVTLDevices, every member", body_of(*vtl_all),
       R"({"GatewayARN":)" + q(gw) + R"(,"VTLDeviceARNs":[)" + q(dev1) + R"(],"Marker":"next","Limit":2147483647})"},
      {"DescribeVTLDevices, an empty list is sent", body_of(*vtl_empty),
       R"({"GatewayARN":)" + q(gw) + R"(,"VTLDeviceARNs":[]})"},
      {"DescribeVTLDevices, no list", body_of(*vtl_gw), R"({"GatewayARN":)" + q(gw) + "}"},
  });
}

TEST_CASE("encode_body: unchecked workflow requests, every member type and absent members") {
  sgwchap::unchecked_list_volumes_request list;
  list.limit = std::numeric_limits<std::int32_t>::min();
  sgwchap::unchecked_list_volumes_request list_max{gw, "m", std::numeric_limits<std::int32_t>::max()};
  sgwchap::unchecked_describe_stored_iscsi_volumes_request stored_empty{std::vector<std::string>{}};
  sgwchap::unchecked_describe_cached_iscsi_volumes_request cached{std::vector<std::string>{"a", "b\"", ""}};
  sgwchap::unchecked_describe_vtl_devices_request vtl{std::nullopt, std::vector<std::string>{"x"}, std::nullopt, 0};
  require_rows({
      {"nothing", checked_body_of(sgwchap::unchecked_list_volumes_request{}), "{}"},
      {"int32 min", checked_body_of(list), R"({"Limit":-2147483648})"},
      {"int32 max", checked_body_of(list_max), R"({"GatewayARN":)" + q(gw) + R"(,"Marker":"m","Limit":2147483647})"},
      {"empty list", checked_body_of(stored_empty), R"({"VolumeARNs":[]})"},
      {"absent list", checked_body_of(sgwchap::unchecked_describe_stored_iscsi_volumes_request{}), "{}"},
      {"list elements escaped", checked_body_of(cached), R"({"VolumeARNs":["a","b\"",""]})"},
      {"Limit 0 (unchecked)", checked_body_of(vtl), R"({"VTLDeviceARNs":["x"],"Limit":0})"},
  });
}

TEST_CASE("encode_body: a result with every member type, exact text") {
  constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
  sgwchap::describe_stored_iscsi_volumes_result r;
  auto& volumes = r.stored_iscsi_volumes.emplace();
  volumes.push_back(sgwchap::stored_iscsi_volume{
      vol1, "vol-1122AABB", "STORED", "AVAILABLE", "ATTACHED", int64_max, 0.1, "pci-0000:03:00.0-scsi-0:0:0:0",
      "snap-78e22663", true, sgwchap::volume_iscsi_attributes{target, "10.243.43.207", 3260, 0, true},
      ts(1'583'443'386'123'456'789), int64_min, "arn:aws:kms:us-east-1:111122223333:key/k", "myvolume"});
  volumes.push_back(sgwchap::stored_iscsi_volume{});
  volumes[1].volume_progress = 1e300;
  volumes[1].created_date = ts(-1'500'000'000);
  volumes[1].preserved_existing_data = false;
  volumes[1].volume_iscsi_attributes.emplace();  // present and empty: {}
  volumes[1].volume_size_in_bytes = 0;
  sgwchap::describe_stored_iscsi_volumes_result third;
  auto& more = third.stored_iscsi_volumes.emplace();
  more.emplace_back();
  more[0].volume_progress = -0.0;
  more[0].created_date = ts(0);
  more.emplace_back();
  more[1].volume_progress = 5e-324;  // the smallest subnormal
  more[1].created_date = ts(int64_min);
  more.emplace_back();
  more[2].volume_progress = 100.0;
  more[2].created_date = ts(int64_max);
  more.emplace_back();
  more[3].created_date = ts(1);

  require_rows({
      {"every type", checked_body_of(r),
       R"({"StorediSCSIVolumes":[{"VolumeARN":)" + q(vol1) +
           R"(,"VolumeId":"vol-1122AABB","VolumeType":"STORED","VolumeStatus":"AVAILABLE",)"
           R"("VolumeAttachmentStatus":"ATTACHED","VolumeSizeInBytes":9223372036854775807,"VolumeProgress":0.1,)"
           R"("VolumeDiskId":"pci-0000:03:00.0-scsi-0:0:0:0","SourceSnapshotId":"snap-78e22663",)"
           R"("PreservedExistingData":true,"VolumeiSCSIAttributes":{"TargetARN":)" +
           q(target) +
           R"(,"NetworkInterfaceId":"10.243.43.207","NetworkInterfacePort":3260,"LunNumber":0,"ChapEnabled":true},)"
           R"("CreatedDate":1583443386.123456789,"VolumeUsedInBytes":-9223372036854775808,)"
           R"("KMSKey":"arn:aws:kms:us-east-1:111122223333:key/k","TargetName":"myvolume"},)"
           R"({"VolumeSizeInBytes":0,"VolumeProgress":1e+300,"PreservedExistingData":false,)"
           R"("VolumeiSCSIAttributes":{},"CreatedDate":-1.5}]})"},
      {"edges", checked_body_of(third),
       R"({"StorediSCSIVolumes":[{"VolumeProgress":-0,"CreatedDate":0},)"
       R"({"VolumeProgress":5e-324,"CreatedDate":-9223372036.854775808},)"
       R"({"VolumeProgress":100,"CreatedDate":9223372036.854775807},{"CreatedDate":0.000000001}]})"},
      {"no list", checked_body_of(sgwchap::describe_stored_iscsi_volumes_result{}), "{}"},
  });

  // The numbers read back exactly: the doubles by strtod, the timestamps by parse_epoch_seconds.
  for (const double d : {0.1, 1e300, -0.0, 5e-324, 100.0, 0.30000000000000004, 1.7976931348623157e308}) {
    sgwchap::describe_cached_iscsi_volumes_result c;
    c.cached_iscsi_volumes.emplace().emplace_back().volume_progress = d;
    const std::string text = checked_body_of(c);
    const std::string_view prefix = R"({"CachediSCSIVolumes":[{"VolumeProgress":)";
    REQUIRE(text.rfind(prefix, 0) == 0);
    const std::string number = text.substr(prefix.size(), text.size() - prefix.size() - 3);
    // strtod, not from_chars: libc++ 14 has no floating-point from_chars (this test runs in the
    // "C" locale, where strtod reads `.`).
    char* end = nullptr;
    const double back = std::strtod(number.c_str(), &end);
    CAPTURE(number);
    CHECK(end == number.c_str() + number.size());
    CHECK(std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(d));
  }
  for (const std::int64_t ns : {int64_min, int64_min + 1, std::int64_t{-1}, std::int64_t{0}, std::int64_t{1},
                                std::int64_t{-1'500'000'000}, std::int64_t{1'583'443'386'120'000'000}, int64_max}) {
    sgwchap::describe_cached_iscsi_volumes_result c;
    c.cached_iscsi_volumes.emplace().emplace_back().created_date = ts(ns);
    const std::string text = checked_body_of(c);
    const std::string_view prefix = R"({"CachediSCSIVolumes":[{"CreatedDate":)";
    REQUIRE(text.rfind(prefix, 0) == 0);
    const auto back =
        sgwchap::parse_epoch_seconds(std::string_view(text).substr(prefix.size(), text.size() - prefix.size() - 3));
    CAPTURE(text);
    REQUIRE(back.has_value());
    CHECK(back->time_since_epoch().count() == ns);
  }
}

TEST_CASE("encode_body: ListVolumes and DescribeVTLDevices results, nested structures in lists") {
  sgwchap::list_volumes_result lv{gw, "next", std::vector<sgwchap::volume_info>{}};
  lv.volume_infos->push_back(
      sgwchap::volume_info{vol1, "vol-1122AABB", gw, "sgw-12A3456B", "CACHED iSCSI", 1099511627776, "ATTACHED"});
  lv.volume_infos->push_back(sgwchap::volume_info{});
  sgwchap::describe_vtl_devices_result vtl{gw, std::vector<sgwchap::vtl_device>{}, std::nullopt};
  vtl.vtl_devices->push_back(sgwchap::vtl_device{dev1, "Medium Changer", "AWS", "Gateway-VTL",
                                                 sgwchap::device_iscsi_attributes{target, "10.0.0.1", 3260, false}});
  require_rows({
      {"ListVolumes", checked_body_of(lv),
       R"({"GatewayARN":)" + q(gw) + R"(,"Marker":"next","VolumeInfos":[{"VolumeARN":)" + q(vol1) +
           R"(,"VolumeId":"vol-1122AABB","GatewayARN":)" + q(gw) +
           R"(,"GatewayId":"sgw-12A3456B","VolumeType":"CACHED iSCSI","VolumeSizeInBytes":1099511627776,)"
           R"("VolumeAttachmentStatus":"ATTACHED"},{}]})"},
      {"DescribeVTLDevices", checked_body_of(vtl),
       R"({"GatewayARN":)" + q(gw) + R"(,"VTLDevices":[{"VTLDeviceARN":)" + q(dev1) +
           R"(,"VTLDeviceType":"Medium Changer","VTLDeviceVendor":"AWS","VTLDeviceProductIdentifier":"Gateway-VTL",)"
           R"("DeviceiSCSIAttributes":{"TargetARN":)" +
           q(target) + R"(,"NetworkInterfaceId":"10.0.0.1","NetworkInterfacePort":3260,"ChapEnabled":false}}]})"},
  });
}

TEST_CASE("encode_body refuses what JSON cannot carry: field, offset, index; nothing appended") {
  struct refusal_row {
    std::string what;
    sgwchap::result<void> got;
    std::string out;
    errc code;
    field which;
    std::size_t offset;
    std::uint32_t detail;
  };
  const auto encode = [](const auto& value) {
    std::string out;
    auto r = sgwchap::encode_body(value, out);
    return std::pair{r, out};
  };
  const auto row = [&](std::string what, const auto& value, errc code, field which, std::size_t offset,
                       std::uint32_t detail) {
    auto [r, out] = encode(value);
    return refusal_row{std::move(what), r, out, code, which, offset, detail};
  };

  sgwchap::unchecked_describe_stored_iscsi_volumes_request bad_element{
      std::vector<std::string>{vol1, "ab\xFF", "\xC0"}};
  sgwchap::unchecked_describe_vtl_devices_request bad_vtl{gw, std::vector<std::string>{"ok", "x\xE2\x82"}, "m", 1};
  sgwchap::unchecked_list_volumes_request bad_marker{gw, "m\xED\xA0\x80", 1};  // a surrogate (RFC 3629)
  sgwchap::describe_stored_iscsi_volumes_result nan;
  nan.stored_iscsi_volumes.emplace().resize(3);
  (*nan.stored_iscsi_volumes)[2].volume_progress = std::numeric_limits<double>::quiet_NaN();
  sgwchap::describe_cached_iscsi_volumes_result inf;
  inf.cached_iscsi_volumes.emplace().resize(1);
  (*inf.cached_iscsi_volumes)[0].volume_progress = -std::numeric_limits<double>::infinity();
  (*inf.cached_iscsi_volumes)[0].kms_key = "\xFF";  // after VolumeProgress: the first problem wins
  sgwchap::describe_stored_iscsi_volumes_result nested;
  nested.stored_iscsi_volumes.emplace().resize(2);
  (*nested.stored_iscsi_volumes)[1].volume_iscsi_attributes.emplace().network_interface_id = "10.0.0.\x80";
  sgwchap::list_volumes_result infos{gw, std::nullopt, std::vector<sgwchap::volume_info>(4)};
  (*infos.volume_infos)[3].volume_type = "CACHED\xF5";

  const std::vector<refusal_row> rows = {
      row("list element 1", bad_element, errc::invalid_utf8, field::volume_arns, 2, 1),
      row("VTLDeviceARNs element 1, cut short", bad_vtl, errc::invalid_utf8, field::vtl_device_arns, 1, 1),
      row("Marker", bad_marker, errc::invalid_utf8, field::marker, 1, 0),
      row("NaN in element 2", nan, errc::number_out_of_range, field::volume_progress, 0, 2),
      row("-inf before a bad string", inf, errc::number_out_of_range, field::volume_progress, 0, 0),
      row("inside a nested structure of element 1", nested, errc::invalid_utf8, field::network_interface_id, 7, 1),
      row("VolumeInfos element 3", infos, errc::invalid_utf8, field::volume_type, 6, 3),
  };
  for (const refusal_row& r : rows) {
    CAPTURE(r.what);
    REQUIRE_FALSE(r.got.has_value());
    CHECK(r.got.error().code == r.code);
    CHECK(r.got.error().which == r.which);
    CHECK(r.got.error().offset == r.offset);
    CHECK(r.got.error().detail == r.detail);
    CHECK(r.out.empty());
  }

  // to_http_request refuses with the same check.
  const auto http = sgwchap::to_http_request(bad_element);
  REQUIRE_FALSE(http.has_value());
  CHECK(http.error().code == errc::invalid_utf8);
  CHECK(http.error().detail == 1);
}

TEST_CASE("to_http_request: the Host from each request's ARN, table-driven") {
  // What a row checks of an HTTP request: its Host (nullopt: none) and its X-Amz-Target.
  struct seen {
    std::optional<std::string> host;
    std::string target;
  };
  struct host_row {
    std::string what;
    seen actual;
    seen expected;
  };
  const auto see = [](const sgwchap::http_request& h) {
    const auto host = h.header("Host");
    return seen{host.has_value() ? std::optional<std::string>(*host) : std::nullopt,
                std::string(h.header("X-Amz-Target").value_or(""))};
  };
  const auto see_unchecked = [&](const auto& u) {
    const auto h = sgwchap::to_http_request(u);
    REQUIRE(h.has_value());
    return see(*h);
  };
  const auto checked = [](const auto& r) {
    REQUIRE(r.has_value());
    return *r;
  };
  const auto expect = [](std::optional<std::string> host, std::string_view op) {
    return seen{std::move(host), "StorageGateway_20130630." + std::string(op)};
  };
  const sgwchap::request_options fips{{}, true};
  const sgwchap::request_options vpc{"vpce-1.storagegateway.us-east-1.vpce.amazonaws.com", false};
  const std::string us_east_1 = "storagegateway.us-east-1.amazonaws.com";
  const std::string cn_north_1 = "storagegateway.cn-north-1.amazonaws.com.cn";
  const auto list = checked(sgwchap::list_volumes_request::from_strings(gw));
  const auto list_cn = checked(sgwchap::list_volumes_request::from_strings(gw_cn));
  const auto stored = checked(sgwchap::describe_stored_iscsi_volumes_request::from_strings(texts({vol_gov})));
  const auto cached = checked(sgwchap::describe_cached_iscsi_volumes_request::from_strings(texts({vol1, vol2})));
  const auto cached_odd = checked(
      sgwchap::describe_cached_iscsi_volumes_request::from_strings(texts({vol_odd}), sgwchap::profile::aws_model));
  const auto cached_empty = checked(
      sgwchap::describe_cached_iscsi_volumes_request::from_strings(sgwchap::text_list{}, sgwchap::profile::aws_model));
  const auto vtl = checked(sgwchap::describe_vtl_devices_request::from_strings(gw_cn, sgwchap::text_list{}));
  const auto chap = checked(sgwchap::describe_chap_credentials_request::from_strings(target));
  const std::string other_device = "arn:aws-cn:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/device/D";
  const std::vector<host_row> rows = {
      {"ListVolumes", see(sgwchap::to_http_request(list)), expect(us_east_1, "ListVolumes")},
      {"ListVolumes, aws-cn", see(sgwchap::to_http_request(list_cn)), expect(cn_north_1, "ListVolumes")},
      {"ListVolumes, FIPS", see(sgwchap::to_http_request(list, fips)),
       expect("storagegateway-fips.us-east-1.amazonaws.com", "ListVolumes")},
      {"ListVolumes, given host", see(sgwchap::to_http_request(list, vpc)),
       expect(std::string(vpc.host), "ListVolumes")},
      {"DescribeStorediSCSIVolumes, aws-us-gov", see(sgwchap::to_http_request(stored)),
       expect("storagegateway.us-gov-west-1.amazonaws.com", "DescribeStorediSCSIVolumes")},
      {"DescribeCachediSCSIVolumes: the first VolumeARN", see(sgwchap::to_http_request(cached)),
       expect(us_east_1, "DescribeCachediSCSIVolumes")},
      {"DescribeCachediSCSIVolumes, FIPS", see(sgwchap::to_http_request(cached, fips)),
       expect("storagegateway-fips.us-east-1.amazonaws.com", "DescribeCachediSCSIVolumes")},
      {"a VolumeARN without structure: no Host", see(sgwchap::to_http_request(cached_odd)),
       expect(std::nullopt, "DescribeCachediSCSIVolumes")},
      {"an empty VolumeARNs: no Host", see(sgwchap::to_http_request(cached_empty)),
       expect(std::nullopt, "DescribeCachediSCSIVolumes")},
      {"an empty VolumeARNs, given host", see(sgwchap::to_http_request(cached_empty, vpc)),
       expect(std::string(vpc.host), "DescribeCachediSCSIVolumes")},
      {"DescribeVTLDevices, aws-cn", see(sgwchap::to_http_request(vtl)), expect(cn_north_1, "DescribeVTLDevices")},
      {"DescribeVTLDevices, aws-cn FIPS", see(sgwchap::to_http_request(vtl, fips)),
       expect("storagegateway-fips.cn-north-1.amazonaws.com.cn", "DescribeVTLDevices")},
      {"DescribeChapCredentials (TargetARN)", see(sgwchap::to_http_request(chap)),
       expect(us_east_1, "DescribeChapCredentials")},
      {"unchecked ListVolumes", see_unchecked(sgwchap::unchecked_list_volumes_request{gw_cn, std::nullopt, 5}),
       expect(cn_north_1, "ListVolumes")},
      {"unchecked ListVolumes, no GatewayARN", see_unchecked(sgwchap::unchecked_list_volumes_request{}),
       expect(std::nullopt, "ListVolumes")},
      {"unchecked ListVolumes, a GatewayARN without structure",
       see_unchecked(sgwchap::unchecked_list_volumes_request{"gateway", std::nullopt, std::nullopt}),
       expect(std::nullopt, "ListVolumes")},
      {"unchecked DescribeStorediSCSIVolumes: the first element",
       see_unchecked(sgwchap::unchecked_describe_stored_iscsi_volumes_request{std::vector<std::string>{vol_gov, "x"}}),
       expect("storagegateway.us-gov-west-1.amazonaws.com", "DescribeStorediSCSIVolumes")},
      {"unchecked DescribeStorediSCSIVolumes, an empty list",
       see_unchecked(sgwchap::unchecked_describe_stored_iscsi_volumes_request{std::vector<std::string>{}}),
       expect(std::nullopt, "DescribeStorediSCSIVolumes")},
      {"unchecked DescribeVTLDevices: the GatewayARN, not the devices",
       see_unchecked(sgwchap::unchecked_describe_vtl_devices_request{gw, std::vector<std::string>{other_device},
                                                                     std::nullopt, std::nullopt}),
       expect(us_east_1, "DescribeVTLDevices")},
  };
  for (const host_row& r : rows) {
    CAPTURE(r.what);
    CHECK(r.actual.host == r.expected.host);
    CHECK(r.actual.target == r.expected.target);
  }

  // The HTTP request's body is the encoder's, its length in Content-Length; no secret spans.
  const sgwchap::http_request h = sgwchap::to_http_request(cached);
  CHECK(h.body().view() == body_of(cached));
  CHECK(h.header("Content-Length") == std::optional<std::string_view>(std::to_string(h.body().size())));
  CHECK(h.secret_spans_begin() == h.secret_spans_end());
}
