// Table-driven tests of <sgwchap/resource_arn.hpp>: GatewayARN, VolumeARN and VTLDeviceARN (MODEL
// 50..500 characters, VolumeARN's pattern under aws_model; the strict structure), each row with
// its exact rule and offset; and the list checks (VolumeARNs, VTLDeviceARNs). The gateway prefix
// they share with target ARNs is covered in detail by test_target_arn.cpp; the rows here show
// that its errors name each field.
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/resource_arn.hpp>

#include "support/error_rows.hpp"

using sgwchap::errc;
using sgwchap::field;
using sgwchap::length_unit;
using sgwchap::profile;
using sgwchap::resource_kind;

namespace {

constexpr auto strict = profile::strict;
constexpr auto model = profile::aws_model;

// Offsets: partition 4, service 8, region 23, account 33, "gateway/" 46, gateway id 54 (hex
// from 58), end of the gateway id 66, the id after "/volume/" or "/device/" 74 (volume hex 78).
const std::string gateway = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B";
const std::string volume = gateway + "/volume/vol-1122AABB";
const std::string device = gateway + "/device/AMZN_SGW-1FAD4876_TAPEDRIVE_00001";

std::string with_gateway(std::string_view partition, std::string_view region, std::string_view account,
                         std::string_view gateway_id) {
  return "arn:" + std::string(partition) + ":storagegateway:" + std::string(region) + ":" + std::string(account) +
         ":gateway/" + std::string(gateway_id);
}

const std::string hex_26 = "0123456789ABCDEF0123456789";
// The longest strict ARNs fit MODEL's 500 characters; a device id may be as long as 500 allows.
const std::string long_device = gateway + "/device/" + std::string(500 - 74, 'D');

struct valid_row {
  resource_kind kind;
  std::string input;
  profile p;
  bool structured;
  std::string_view region;
  std::string_view gateway_id;
  std::string resource;
};

const std::vector<valid_row> valid_rows = {
    {resource_kind::gateway, gateway, strict, true, "us-east-1", "sgw-12A3456B", ""},
    {resource_kind::gateway, with_gateway("aws-cn", "cn-north-1", "111122223333", "sgw-" + hex_26), strict, true,
     "cn-north-1", "sgw-0123456789ABCDEF0123456789", ""},
    {resource_kind::gateway, with_gateway("aws", "us-east-1", "111122223333", "sgw-12a3456b"), model, true, "us-east-1",
     "sgw-12a3456b", ""},
    {resource_kind::gateway, std::string(50, 'g'), model, false, "", "", ""},
    {resource_kind::volume, volume, strict, true, "us-east-1", "sgw-12A3456B", "vol-1122AABB"},
    {resource_kind::volume, gateway + "/volume/vol-" + hex_26, strict, true, "us-east-1", "sgw-12A3456B",
     "vol-" + hex_26},
    {resource_kind::volume, gateway + "/volume/vol-1122aabb", model, true, "us-east-1", "sgw-12A3456B", "vol-1122aabb"},
    // aws_model: MODEL's pattern only (any partition of its alternatives, any gateway part, any
    // non-space id), structure when it is there.
    {resource_kind::volume, "arn:aws-iso-b:storagegateway:us-isob-east-1:1:gateway/x/volume/vol-x", model, false, "",
     "", ""},
    {resource_kind::volume, "arn:aws:storagegateway:us-east-1:111122223333:gateway/a/b/volume/vol-?", model, false, "",
     "", ""},
    {resource_kind::volume, "see arn:aws:storagegateway:us-east-1:111122223333:gateway/g/volume/vol-1", model, false,
     "", "", ""},
    // `\S` is ECMA-262's: a non-ASCII character that is not white space is an id's first character.
    {resource_kind::volume, "arn:aws:storagegateway:us-east-1:111122223333:gateway/g/volume/vol-\xC3\xA9", model, false,
     "", "", ""},
    {resource_kind::vtl_device, device, strict, true, "us-east-1", "sgw-12A3456B", "AMZN_SGW-1FAD4876_TAPEDRIVE_00001"},
    {resource_kind::vtl_device, gateway + "/device/AMZN_SGW-1FAD4876_MEDIACHANGER_00001", strict, true, "us-east-1",
     "sgw-12A3456B", "AMZN_SGW-1FAD4876_MEDIACHANGER_00001"},
    {resource_kind::vtl_device, long_device, strict, true, "us-east-1", "sgw-12A3456B", std::string(500 - 74, 'D')},
    {resource_kind::vtl_device, gateway + "/device/amzn_sgw-1fad4876_tapedrive_00001", model, true, "us-east-1",
     "sgw-12A3456B", "amzn_sgw-1fad4876_tapedrive_00001"},
    {resource_kind::vtl_device, std::string(500, 'v'), model, false, "", "", ""},
};

struct invalid_row {
  resource_kind kind;
  std::string input;
  profile p;
  errc code;
  std::size_t offset;
  profile rule_profile = strict;
  std::uint32_t limit = 0;
  length_unit unit = length_unit::bytes;
};

const std::vector<invalid_row> invalid_rows = {
    // MODEL: 50..500 characters of well-formed UTF-8, under both profiles.
    {resource_kind::gateway, std::string(49, 'g'), model, errc::too_short, 49, model, 50, length_unit::characters},
    {resource_kind::gateway, "", strict, errc::too_short, 0, model, 50, length_unit::characters},
    {resource_kind::volume, volume.substr(0, 49), strict, errc::too_short, 49, model, 50, length_unit::characters},
    {resource_kind::vtl_device, std::string(501, 'v'), model, errc::too_long, 500, model, 500, length_unit::characters},
    {resource_kind::vtl_device, long_device + "D", strict, errc::too_long, 500, model, 500, length_unit::characters},
    {resource_kind::gateway, std::string(499, 'g') + "\xC3\xA9\xC3\xA9", model, errc::too_long, 501, model, 500,
     length_unit::characters},
    {resource_kind::volume, std::string(60, 'v') + "\xC3\x28", model, errc::invalid_utf8, 60, model},
    // The gateway prefix's rules, naming each field.
    {resource_kind::gateway, "ARN" + gateway.substr(3), strict, errc::bad_prefix, 0},
    {resource_kind::gateway, with_gateway("aws", "cn-north-1", "111122223333", "sgw-12A3456B"), strict,
     errc::region_not_in_partition, 23},
    {resource_kind::volume, with_gateway("aws", "us-east-1", "11112222333", "sgw-12A3456B") + "/volume/vol-1122AABB",
     strict, errc::bad_account_id, 44},
    {resource_kind::vtl_device, with_gateway("aws", "us-east-1", "111122223333", "sgw-12a3456b") + "/device/D1", strict,
     errc::lowercase_gateway_id, 60},
    {resource_kind::volume, with_gateway("aws", "us-east-1", "111122223333", "sgw-12A345") + "/volume/vol-1122AABB",
     strict, errc::bad_gateway_id, 64},
    // GatewayARN: nothing after the gateway id.
    {resource_kind::gateway, gateway + "/", strict, errc::bad_resource_type, 66},
    {resource_kind::gateway, volume, strict, errc::bad_resource_type, 66},
    // VolumeARN: /volume/vol- and 8..26 upper-case hex digits.
    {resource_kind::volume, device, strict, errc::bad_resource_type, 67},
    {resource_kind::volume, gateway + "/target/iqn.1997-05.com.amazon:myvolume", strict, errc::bad_resource_type, 67},
    {resource_kind::volume, gateway + "/volume/vo-1122AABB", strict, errc::bad_volume_id, 76},
    {resource_kind::volume, gateway + "/volume/vol-1122AAB", strict, errc::bad_volume_id, 85},
    {resource_kind::volume, gateway + "/volume/vol-" + hex_26 + "A", strict, errc::bad_volume_id, 78 + 26},
    {resource_kind::volume, gateway + "/volume/vol-1122aabb", strict, errc::bad_volume_id, 82},
    {resource_kind::volume, gateway + "/volume/vol-1122AABG", strict, errc::bad_volume_id, 85},
    // VolumeARN under aws_model: MODEL's pattern.
    {resource_kind::volume, std::string(60, 'v'), model, errc::bad_prefix, 0, model},
    {resource_kind::volume, "arn:aws-xx:storagegateway:us-east-1:111122223333:gateway/g/volume/vol-1", model,
     errc::unknown_partition, 4, model},
    {resource_kind::volume, "arn:aws:ec2:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB", model,
     errc::bad_service, 8, model},
    {resource_kind::volume, "arn:aws:storagegateway:US-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1", model,
     errc::bad_region, 23, model},
    {resource_kind::volume, "arn:aws:storagegateway:us-east-1:1111x2223333:gateway/sgw-12A3456B/volume/vol-1", model,
     errc::bad_account_id, 37, model},
    {resource_kind::volume, "arn:aws:storagegateway:us-east-1:111122223333:gateways/sgw-12A3456B/volume/vol-1", model,
     errc::bad_resource_type, 53, model},
    {resource_kind::volume, "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol- 1", model,
     errc::bad_volume_id, 78, model},
    // ECMA-262's `\s` beyond ASCII (the fuzz finding, U+2028; every other character of the set is
    // in "VolumeARN (aws_model): ECMA-262's white space" below).
    {resource_kind::volume,
     "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-\xE2\x80\xA8"
     "1122AABB",
     model, errc::bad_volume_id, 78, model},
    {resource_kind::volume, "arn:aws:storagegateway:us-east-1:111122223333:gateway//volume/vol-1122AABB", model,
     errc::bad_resource_type, 54, model},
    {resource_kind::volume, "arn:aws:storagegateway:us-east-1:111122223333:gateway/g\n/volume/vol-1122AABB", model,
     errc::bad_resource_type, 54, model},
    // VTLDeviceARN: /device/ and one or more of [A-Z0-9_-].
    {resource_kind::vtl_device, volume, strict, errc::bad_resource_type, 67},
    {resource_kind::vtl_device, gateway + "/device/", strict, errc::bad_device_id, 74},
    {resource_kind::vtl_device, gateway + "/device/AMZN_SGW-1FAD4876_tapedrive", strict, errc::bad_device_id, 92},
    {resource_kind::vtl_device, gateway + "/device/AMZN.SGW", strict, errc::bad_device_id, 78},
};

sgwchap::result<void> parse_any(resource_kind kind, std::string_view s, profile p, std::string_view* region,
                                std::string_view* gateway_id, std::string_view* resource, bool* structured,
                                std::string_view* value) {
  auto fill = [&](const auto& v) {
    *region = v.region();
    *gateway_id = v.gateway_id();
    *resource = v.resource_id();
    *structured = v.has_structure();
    *value = v.value();
  };
  switch (kind) {
    case resource_kind::gateway: {
      const auto r = sgwchap::parse_gateway_arn(s, p);
      if (!r) return tl::unexpected(r.error());
      CHECK(r->gateway_arn() == (r->has_structure() ? s : std::string_view{}));
      CHECK(sgwchap::is_valid_gateway_arn(s, p));
      fill(*r);
      return {};
    }
    case resource_kind::volume: {
      const auto r = sgwchap::parse_volume_arn(s, p);
      if (!r) return tl::unexpected(r.error());
      CHECK(sgwchap::is_valid_volume_arn(s, p));
      fill(*r);
      return {};
    }
    case resource_kind::vtl_device: {
      const auto r = sgwchap::parse_vtl_device_arn(s, p);
      if (!r) return tl::unexpected(r.error());
      CHECK(sgwchap::is_valid_vtl_device_arn(s, p));
      fill(*r);
      return {};
    }
  }
  return {};
}

field field_of(resource_kind kind) {
  switch (kind) {
    case resource_kind::gateway: return field::gateway_arn;
    case resource_kind::volume: return field::volume_arn;
    case resource_kind::vtl_device: return field::vtl_device_arn;
  }
  return field::none;
}

// The same code at compile time: the documented examples pass, and a bad id fails at its byte.
constexpr std::string_view volume_literal =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB";
static_assert((*sgwchap::parse_volume_arn(volume_literal)).resource_id() == "vol-1122AABB");
static_assert((*sgwchap::parse_volume_arn(volume_literal)).gateway_arn() ==
              "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B");
static_assert(sgwchap::parse_volume_arn(volume_literal, profile::aws_model).has_value());
static_assert(sgwchap::parse_volume_arn(volume_literal.substr(0, 80)).error().code == errc::bad_volume_id);
static_assert(sgwchap::parse_volume_arn(volume_literal.substr(0, 80)).error().offset == 80);
static_assert(sgwchap::is_valid_vtl_device_arn(
    "arn:aws:storagegateway:us-east-1:999999999999:gateway/sgw-12A3456B/device/AMZN_SGW-1FAD4876_TAPEDRIVE_00001"));
static_assert(sgwchap::is_valid_gateway_arn("arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"));
static_assert(!sgwchap::is_valid_gateway_arn(volume_literal));
constexpr std::array<std::string_view, 2> two_volumes{volume_literal, volume_literal};
static_assert(sgwchap::check_volume_arns(two_volumes).has_value());
static_assert(sgwchap::check_volume_arns({}).error().err.code == errc::empty_list);

}  // namespace

TEST_CASE("resource ARNs: valid rows expose their parts", "[resource_arn]") {
  for (const valid_row& row : valid_rows) {
    INFO("input: " << row.input << " profile: " << sgwchap::profile_name(row.p));
    std::string_view region, gateway_id, resource, value;
    bool structured = false;
    const auto r = parse_any(row.kind, row.input, row.p, &region, &gateway_id, &resource, &structured, &value);
    REQUIRE(r.has_value());
    CHECK(value.data() == row.input.data());
    CHECK(structured == row.structured);
    CHECK(region == row.region);
    CHECK(gateway_id == row.gateway_id);
    CHECK(resource == row.resource);
  }
}

TEST_CASE("resource ARNs: invalid rows give the exact rule, field and offset", "[resource_arn]") {
  for (const invalid_row& row : invalid_rows) {
    INFO("input: " << row.input << " profile: " << sgwchap::profile_name(row.p));
    std::string_view region, gateway_id, resource, value;
    bool structured = false;
    const auto r = parse_any(row.kind, row.input, row.p, &region, &gateway_id, &resource, &structured, &value);
    REQUIRE_FALSE(r.has_value());
    const sgwchap::error& e = r.error();
    INFO("got " << sgwchap::rule_name(e.code) << " at " << e.offset);
    sgwchap_test::check_error_row(e, row, field_of(row.kind), row.input);
  }
}

namespace {

/// The UTF-8 form of a code point below U+10000 (RFC 3629 §3).
std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80U) {
    out += static_cast<char>(c);
  } else if (c < 0x800U) {
    out += static_cast<char>(0xC0U | (c >> 6U));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  } else {
    out += static_cast<char>(0xE0U | (c >> 12U));
    out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  }
  return out;
}

}  // namespace

TEST_CASE("VolumeARN (aws_model): ECMA-262's white space may not start the id, its neighbours may", "[resource_arn]") {
  // MODEL VolumeARN ends in vol-(\S+); ECMA-262 §22.2.2.9: `\s` is WhiteSpace and LineTerminator.
  const std::string prefix = gateway + "/volume/vol-";  // the id's first character at 78
  std::vector<char32_t> spaces = {0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x20,   0xA0,
                                  0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF};
  for (char32_t c = 0x2000; c <= 0x200A; ++c) spaces.push_back(c);
  for (const char32_t c : spaces) {
    INFO("U+" << std::hex << static_cast<std::uint32_t>(c));
    const auto r = sgwchap::parse_volume_arn(prefix + utf8(c) + "1122AABB", model);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::bad_volume_id);
    CHECK(r.error().offset == 78);
  }
  // The characters on either side of each range, and C1 controls, are not white space there.
  for (const char32_t c :
       {char32_t{0x21}, char32_t{0x85}, char32_t{0x9F}, char32_t{0xA1}, char32_t{0x167F}, char32_t{0x1681},
        char32_t{0x1FFF}, char32_t{0x200B}, char32_t{0x2027}, char32_t{0x202A}, char32_t{0x202E}, char32_t{0x2030},
        char32_t{0x205E}, char32_t{0x2060}, char32_t{0x2FFF}, char32_t{0x3001}, char32_t{0xFEFE}, char32_t{0xFF00}}) {
    INFO("U+" << std::hex << static_cast<std::uint32_t>(c));
    CHECK(sgwchap::parse_volume_arn(prefix + utf8(c), model).has_value());
  }
}

TEST_CASE("resource ARNs: messages name the field and the rule", "[resource_arn]") {
  const auto r = sgwchap::parse_volume_arn(gateway + "/volume/vol-1122aabb");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message() == "VolumeARN: volume id must be vol- followed by 8..26 upper-case hex digits (byte 82)");
  const auto d = sgwchap::parse_vtl_device_arn(gateway + "/device/");
  REQUIRE_FALSE(d.has_value());
  CHECK(d.error().message() == "VTLDeviceARN: device id must be one or more of A-Z, 0-9, _ and - (byte 74)");
}

namespace {

const std::string other_gateway = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456C";

struct list_row {
  std::vector<std::string> arns;
  profile p;
  bool ok;
  std::size_t index = 0;
  errc code{};
  field which = field::none;
  std::size_t offset = 0;
  std::uint32_t detail = 0;
};

const std::vector<list_row> volume_list_rows = {
    {{volume}, strict, true},
    {{volume, gateway + "/volume/vol-0123456789ABCDEFA"}, strict, true},
    {{}, model, true},  // MODEL sets no minimum
    {{volume, other_gateway + "/volume/vol-1122AABB"}, model, true},
    {{}, strict, false, 0, errc::empty_list, field::volume_arns, 0},
    {{volume, volume, other_gateway + "/volume/vol-1122AABB"},
     strict,
     false,
     2,
     errc::mixed_gateways,
     field::volume_arns,
     65,
     2},
    {{volume, "arn:aws:storagegateway:us-east-2:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB"},
     strict,
     false,
     1,
     errc::mixed_gateways,
     field::volume_arns,
     31,
     1},
    {{volume, gateway + "/volume/vol-1"}, strict, false, 1, errc::bad_volume_id, field::volume_arn, 79},
    {{std::string(10, 'v'), volume}, model, false, 0, errc::too_short, field::volume_arn, 10},
};

void check_list_row(const list_row& row, const sgwchap::list_result& r) {
  REQUIRE(r.has_value() == row.ok);
  if (row.ok) return;
  CHECK(r.error().index == row.index);
  CHECK(r.error().err.code == row.code);
  CHECK(r.error().err.which == row.which);
  CHECK(r.error().err.offset == row.offset);
  CHECK(r.error().err.detail == row.detail);
}

}  // namespace

TEST_CASE("check_volume_arns: each element, at least one and one gateway under strict", "[resource_arn]") {
  for (const list_row& row : volume_list_rows) {
    std::vector<std::string_view> views(row.arns.begin(), row.arns.end());
    INFO("elements: " << views.size() << " profile: " << sgwchap::profile_name(row.p));
    check_list_row(row, sgwchap::check_volume_arns(views, row.p));
  }
}

TEST_CASE("check_vtl_device_arns: each element, on the request's gateway under strict", "[resource_arn]") {
  const auto gw = sgwchap::parse_gateway_arn(gateway);
  REQUIRE(gw.has_value());
  const std::vector<list_row> rows = {
      {{}, strict, true},  // every device of the gateway (APIREF-VTL)
      {{device, gateway + "/device/AMZN_SGW-1FAD4876_MEDIACHANGER_00001"}, strict, true},
      {{device, other_gateway + "/device/D"}, model, true},
      {{device, other_gateway + "/device/D"}, strict, false, 1, errc::mixed_gateways, field::vtl_device_arns, 65, 1},
      {{gateway + "/device/d"}, strict, false, 0, errc::bad_device_id, field::vtl_device_arn, 74},
  };
  for (const list_row& row : rows) {
    std::vector<std::string_view> views(row.arns.begin(), row.arns.end());
    INFO("elements: " << views.size() << " profile: " << sgwchap::profile_name(row.p));
    check_list_row(row, sgwchap::check_vtl_device_arns(*gw, views, row.p));
  }
}

// The owning types: three words, never-throwing moves, views into themselves.
static_assert(sizeof(sgwchap::volume_arn) <= 3 * sizeof(void*));
static_assert(std::is_nothrow_move_constructible_v<sgwchap::gateway_arn> &&
              std::is_nothrow_move_assignable_v<sgwchap::vtl_device_arn>);
static_assert(!std::is_constructible_v<sgwchap::volume_arn, std::string_view>);  // only checked values
static_assert(!std::is_constructible_v<sgwchap::volume_arn, sgwchap::gateway_arn_view>);

TEST_CASE("owning resource ARNs: every valid row, copied, moved, hashed and ordered", "[resource_arn]") {
  for (const valid_row& row : valid_rows) {
    if (row.kind != resource_kind::volume) continue;
    INFO("input: " << row.input << " profile: " << sgwchap::profile_name(row.p));
    std::string buffer = row.input;
    const auto owned = sgwchap::volume_arn::parse(buffer, row.p);
    REQUIRE(owned.has_value());
    buffer.assign(buffer.size(), 'z');  // the owning value does not depend on its input
    CHECK(owned->str() == row.input);
    CHECK(owned->checked_profile() == row.p);
    const sgwchap::volume_arn_view v = owned->view();
    CHECK(v.value().data() == owned->str().data());
    CHECK(v.has_structure() == row.structured);
    CHECK(v.resource_id() == row.resource);
    const sgwchap::volume_arn copy = *owned;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(copy == *owned);
    CHECK(copy.str().data() != owned->str().data());
    CHECK(std::hash<sgwchap::volume_arn>{}(copy) == std::hash<std::string_view>{}(row.input));
    sgwchap::volume_arn source = copy;
    const char* const bytes = source.str().data();
    sgwchap::volume_arn moved = std::move(source);
    CHECK(moved.str().data() == bytes);
    CHECK(source.str().empty());  // NOLINT(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
    CHECK(source.checked_profile() == model);
    CHECK_FALSE(sgwchap::volume_arn::parse(source.str()).has_value());  // strict refuses the moved-from value
  }
  const auto bad = sgwchap::gateway_arn::parse(gateway + "/");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == errc::bad_resource_type);
  CHECK(bad.error().which == field::gateway_arn);

  const auto a = sgwchap::vtl_device_arn::parse(device);
  const auto b = sgwchap::vtl_device_arn::parse(gateway + "/device/B");
  const auto a_model = sgwchap::vtl_device_arn::parse(device, model);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  REQUIRE(a_model.has_value());
  CHECK(*a < *b);  // "AMZN..." < "B"
  CHECK_FALSE(*a == *a_model);
  CHECK((*a_model <=> *a) == std::strong_ordering::less);
  const sgwchap::gateway_arn from_literal_view(*sgwchap::parse_gateway_arn(gateway));
  CHECK(from_literal_view.view().gateway_id() == "sgw-12A3456B");
}

TEST_CASE("resource ARN tables have the required size", "[resource_arn]") {
  CHECK(valid_rows.size() + invalid_rows.size() >= 40);
}
