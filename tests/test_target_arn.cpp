// Table-driven tests of <sgwchap/target_arn.hpp> (MODEL TargetARN): every partition of §4.1 with its
// hosts, the APIREF and SDK examples, tape targets, regions of another partition, the region,
// account, gateway id and TargetName boundaries, and MODEL's 50..800 characters (counted as
// Unicode scalar values, with multibyte UTF-8 at the boundary).
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

#include <sgwchap/target_arn.hpp>

#include "support/error_rows.hpp"

using sgwchap::errc;
using sgwchap::length_unit;
using sgwchap::profile;

namespace {

constexpr auto strict = profile::strict;
constexpr auto model = profile::aws_model;

constexpr std::string_view apiref_example =
    "arn:aws:storagegateway:us-east-2:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view sdk_example =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";

std::string make_arn(std::string_view partition, std::string_view region, std::string_view account = "111122223333",
                     std::string_view gateway = "sgw-12A3456B",
                     std::string_view target = "iqn.1997-05.com.amazon:myvolume") {
  std::string s = "arn:";
  s += partition;
  s += ":storagegateway:";
  s += region;
  s += ':';
  s += account;
  s += ":gateway/";
  s += gateway;
  s += "/target/";
  s += target;
  return s;
}

std::string repeat(std::string_view piece, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += piece;
  return s;
}

std::string target_named(std::string_view name) { return "iqn.1997-05.com.amazon:" + std::string(name); }

// 63 characters: the longest DNS label (3 + 58 + 2).
const std::string region_63 = "us-" + std::string(58, 'a') + "-1";
const std::string region_64 = "us-" + std::string(59, 'a') + "-1";
const std::string gateway_26 = "sgw-" + repeat("0123456789ABCDEF", 2).substr(0, 26);
const std::string gateway_27 = "sgw-" + repeat("0123456789ABCDEF", 2).substr(0, 27);
const std::string name_200 = std::string(199, 'v') + "1";
const std::string name_201 = std::string(200, 'v') + "1";

struct valid_row {
  std::string input;
  profile p;
  bool structured;
  std::string_view partition;
  std::string_view region;
  std::string_view account;
  std::string_view gateway;
  std::string target;  // the IQN
  std::string host;
  std::string fips_host;
};

valid_row structured(std::string_view partition, std::string_view region, std::string_view dns_suffix,
                     profile p = strict, std::string_view account = "111122223333",
                     std::string_view gateway = "sgw-12A3456B",
                     const std::string& target = "iqn.1997-05.com.amazon:myvolume") {
  return {make_arn(partition, region, account, gateway, target),
          p,
          true,
          partition,
          region,
          account,
          gateway,
          target,
          "storagegateway." + std::string(region) + "." + std::string(dns_suffix),
          "storagegateway-fips." + std::string(region) + "." + std::string(dns_suffix)};
}

valid_row unstructured(std::string input) { return {std::move(input), model, false, "", "", "", "", "", "", ""}; }

const std::vector<valid_row> valid_rows = {
    // APIREF (us-east-2) and SDK (us-east-1) examples.
    structured("aws", "us-east-2", "amazonaws.com"),
    structured("aws", "us-east-1", "amazonaws.com"),
    // Every partition of PARTITIONS, with its DNS suffix.
    structured("aws-cn", "cn-north-1", "amazonaws.com.cn"),
    structured("aws-cn", "cn-northwest-1", "amazonaws.com.cn"),
    structured("aws-us-gov", "us-gov-west-1", "amazonaws.com"),
    structured("aws-us-gov", "us-gov-east-1", "amazonaws.com"),
    structured("aws-iso", "us-iso-east-1", "c2s.ic.gov"),
    structured("aws-iso-b", "us-isob-east-1", "sc2s.sgov.gov"),
    structured("aws-iso-e", "eu-isoe-west-1", "cloud.adc-e.uk"),
    structured("aws-iso-f", "us-isof-south-1", "csp.hci.ic.gov"),
    structured("aws-eusc", "eusc-de-east-1", "amazonaws.eu"),
    // Every prefix of the aws partition's pattern.
    structured("aws", "eu-west-1", "amazonaws.com"),
    structured("aws", "ap-southeast-2", "amazonaws.com"),
    structured("aws", "sa-east-1", "amazonaws.com"),
    structured("aws", "ca-central-1", "amazonaws.com"),
    structured("aws", "me-south-1", "amazonaws.com"),
    structured("aws", "af-south-1", "amazonaws.com"),
    structured("aws", "il-central-1", "amazonaws.com"),
    structured("aws", "mx-central-1", "amazonaws.com"),
    // A region of a future shape: pattern only, any word and number; 63 characters at most.
    structured("aws", "us-future7-42", "amazonaws.com"),
    structured("aws", region_63, "amazonaws.com"),
    // Tape gateway targets (MODEL GatewayId/TargetName).
    structured("aws", "us-east-1", "amazonaws.com", strict, "111122223333", "sgw-1FAD4876",
               target_named("sgw-1fad4876-tapedrive-01")),
    structured("aws", "us-east-1", "amazonaws.com", strict, "111122223333", "sgw-1FAD4876",
               target_named("sgw-1fad4876-mediachanger")),
    // Gateway ids of 8 and 26 hex digits; TargetName of 1 and 200 characters, with ';' and '.'.
    structured("aws", "us-east-1", "amazonaws.com", strict, "000000000000", gateway_26),
    structured("aws", "us-east-1", "amazonaws.com", strict, "999999999999", "sgw-00000000", target_named("x")),
    structured("aws", "us-east-1", "amazonaws.com", strict, "111122223333", "sgw-12A3456B", target_named(name_200)),
    structured("aws", "us-east-1", "amazonaws.com", strict, "111122223333", "sgw-12A3456B", target_named("my;vol.1-a")),
    // aws_model: parts are filled when the value has the ARN structure (read with the regex
    // sense of \w and lower-case gateway hex allowed) ...
    structured("aws", "us-east-2", "amazonaws.com", model),
    structured("aws", "us-east-1", "amazonaws.com", model, "111122223333", "sgw-12a3456b"),
    structured("aws", "us-EAST-1", "amazonaws.com", model),
    structured("aws", "us-east_x-1", "amazonaws.com", model),
    // ... and empty otherwise.
    unstructured(make_arn("aws", "cn-north-1")),
    unstructured(make_arn("aws", "us-east-1", "11112222333")),
    unstructured(make_arn("aws", "us-east-1", "111122223333", "sgw-12A3456B", target_named("MyVolume"))),
    unstructured(std::string(50, 'x')),
    unstructured(std::string(48, 'x') + "\xC3\xA9\xC3\xA9"),  // 50 characters, 52 bytes
    unstructured(std::string(800, 'x')),
    unstructured(std::string(799, 'x') + "\xE2\x82\xAC"),  // 800 characters, 802 bytes
    unstructured(repeat("\xE2\x82\xAC", 800)),             // 800 characters, 2400 bytes
    // 800 four-byte characters: 3200 bytes, the most any value that passes can have (the
    // owning target_arn's capacity: its round trip is checked with every valid row).
    unstructured(repeat("\xF0\x9F\x98\x80", 800)),
    unstructured(std::string(apiref_example) + ":"),
};

struct invalid_row {
  std::string input;
  profile p;
  errc code;
  std::size_t offset;
  profile rule_profile = strict;
  std::uint32_t limit = 0;
  length_unit unit = length_unit::bytes;
  std::uint32_t detail = 0;
};

// Offsets in the APIREF example: partition 4, service 8, region 23, account 33, "gateway/" 46,
// gateway id 54 (hex from 58), "/target/" 66, target IQN 74, TargetName 97.
const std::vector<invalid_row> invalid_rows = {
    // MODEL: 50..800 characters (Unicode scalar values), well-formed UTF-8; both profiles.
    {std::string(49, 'x'), model, errc::too_short, 49, model, 50, length_unit::characters},
    {std::string(49, 'x'), strict, errc::too_short, 49, model, 50, length_unit::characters},
    {std::string(47, 'x') + "\xC3\xA9\xC3\xA9", model, errc::too_short, 51, model, 50, length_unit::characters},
    {"", strict, errc::too_short, 0, model, 50, length_unit::characters},
    {std::string(801, 'x'), model, errc::too_long, 800, model, 800, length_unit::characters},
    {std::string(800, 'x') + "\xE2\x82\xAC", model, errc::too_long, 800, model, 800, length_unit::characters},
    {repeat("\xE2\x82\xAC", 801), model, errc::too_long, 2400, model, 800, length_unit::characters},
    {repeat("\xF0\x9F\x98\x80", 801), model, errc::too_long, 3200, model, 800, length_unit::characters},
    {std::string(apiref_example) + std::string(700, 'a'), strict, errc::too_long, 800, model, 800,
     length_unit::characters},
    {std::string(10, 'x') + "\xC3\x28" + std::string(50, 'x'), model, errc::invalid_utf8, 10, model},
    {std::string(60, 'x') + "\xED\xA0\x80", strict, errc::invalid_utf8, 60, model},
    {std::string(60, 'x') + "\xE2\x82", model, errc::invalid_utf8, 60, model},
    // Prefix, partition, service.
    {"ARN" + std::string(apiref_example.substr(3)), strict, errc::bad_prefix, 0},
    {make_arn("aws-xx", "us-east-1"), strict, errc::unknown_partition, 4},
    {make_arn("AWS", "us-east-1"), strict, errc::unknown_partition, 4},
    {make_arn("", "us-east-1"), strict, errc::unknown_partition, 4},
    {"arn:aws:ec2:us-east-2:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume", strict,
     errc::bad_service, 8},
    {"arn:aws:storagegateway-fips:us-east-2:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume",
     strict, errc::bad_service, 22},
    // Regions: of another partition (detail = 1 + that partition's index), malformed, too long.
    {make_arn("aws", "cn-north-1"), strict, errc::region_not_in_partition, 23, strict, 0, length_unit::bytes, 1 + 1},
    {make_arn("aws", "us-gov-west-1"), strict, errc::region_not_in_partition, 23, strict, 0, length_unit::bytes, 7 + 1},
    {make_arn("aws", "eusc-de-east-1"), strict, errc::region_not_in_partition, 23, strict, 0, length_unit::bytes,
     2 + 1},
    {make_arn("aws", "us-iso-east-1"), strict, errc::region_not_in_partition, 23, strict, 0, length_unit::bytes, 3 + 1},
    {make_arn("aws-cn", "us-east-1"), strict, errc::region_not_in_partition, 26, strict, 0, length_unit::bytes, 0 + 1},
    {make_arn("aws-us-gov", "us-east-1"), strict, errc::region_not_in_partition, 30, strict, 0, length_unit::bytes,
     0 + 1},
    {make_arn("aws-iso-b", "us-iso-east-1"), strict, errc::region_not_in_partition, 29, strict, 0, length_unit::bytes,
     3 + 1},
    {make_arn("aws", "us-EAST-1"), strict, errc::uppercase_character, 26},
    {make_arn("aws", "us-east_x-1"), strict, errc::invalid_character, 30},
    {make_arn("aws", "xx-east-1"), strict, errc::bad_region, 23},
    {make_arn("aws", "us-east"), strict, errc::bad_region, 23},
    {make_arn("aws", "useast1"), strict, errc::bad_region, 23},
    {make_arn("aws", "us-east-1a"), strict, errc::bad_region, 23},
    {make_arn("aws", ""), strict, errc::bad_region, 23},
    {make_arn("aws", region_64), strict, errc::bad_region, 23 + 63},
    {make_arn("aws", "us.east.1"), strict, errc::invalid_character, 25},
    // Account: exactly 12 digits.
    {make_arn("aws", "us-east-2", "11112222333"), strict, errc::bad_account_id, 44},
    {make_arn("aws", "us-east-2", "1111222233334"), strict, errc::bad_account_id, 45},
    {make_arn("aws", "us-east-2", "11112222333a"), strict, errc::bad_account_id, 44},
    {make_arn("aws", "us-east-2", ""), strict, errc::bad_account_id, 33},
    // Resource: gateway/sgw-HEX{8,26}/target/...; a volume ARN is not a target ARN.
    {std::string(apiref_example.substr(0, 46)) + "gateways/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume", strict,
     errc::bad_resource_type, 53},
    // A VolumeARN where the TargetARN belongs (MODEL VolumeARN's /volume/vol-\S+): its own rule, at
    // the byte where "target" was expected. Anything else after the gateway id stays
    // bad_resource_type.
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456B").substr(0, 66) + "/volume/vol-1122AABB", strict,
     errc::volume_arn_not_target_arn, 67},
    {"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB", strict,
     errc::volume_arn_not_target_arn, 67},
    {"arn:aws-cn:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/volume/vol-1", strict,
     errc::volume_arn_not_target_arn, 71},
    {"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-", strict, errc::bad_resource_type,
     67},
    {"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol- x", strict,
     errc::bad_resource_type, 67},
    {"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volumes/vol-1122AABB", strict,
     errc::bad_resource_type, 67},
    {std::string(apiref_example.substr(0, 66)), strict, errc::bad_resource_type, 66},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456"), strict, errc::bad_gateway_id, 65},
    {make_arn("aws", "us-east-2", "111122223333", gateway_27), strict, errc::bad_gateway_id, 58 + 26},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12a3456b"), strict, errc::lowercase_gateway_id, 60},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12G3456B"), strict, errc::bad_gateway_id, 60},
    {make_arn("aws", "us-east-2", "111122223333", "gw-12A3456B"), strict, errc::bad_gateway_id, 54},
    {make_arn("aws", "us-east-2", "111122223333", "SGW-12A3456B"), strict, errc::bad_gateway_id, 54},
    // Target: iqn.1997-05.com.amazon: then MODEL's TargetName (1..200 of [-.;a-z0-9]).
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456B", "iqn.1997-05.com.example:myvolume"), strict,
     errc::bad_target_prefix, 90},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456B", "iqn.1997-05.com.amazon"), strict,
     errc::bad_target_prefix, 96},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456B", target_named("")), strict, errc::bad_target_name, 97},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456B", target_named(name_201)), strict,
     errc::bad_target_name, 97 + 200},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456B", target_named("MyVolume")), strict,
     errc::uppercase_character, 97},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456B", target_named("my_volume")), strict,
     errc::invalid_character, 99},
    {make_arn("aws", "us-east-2", "111122223333", "sgw-12A3456B", target_named("myvolume/")), strict,
     errc::invalid_character, 105},
};

}  // namespace

TEST_CASE("parse_target_arn: valid rows expose every part and the hosts", "[target_arn]") {
  for (const valid_row& row : valid_rows) {
    INFO("input: " << row.input << " profile: " << sgwchap::profile_name(row.p));
    const auto parsed = sgwchap::parse_target_arn(row.input, row.p);
    REQUIRE(parsed.has_value());
    const sgwchap::target_arn_view& v = *parsed;
    CHECK(v.value() == row.input);
    CHECK(v.value().data() == row.input.data());
    CHECK(v.checked_profile() == row.p);
    CHECK(v.has_structure() == row.structured);
    CHECK(v.partition() == row.partition);
    CHECK(v.region() == row.region);
    CHECK(v.account_id() == row.account);
    CHECK(v.gateway_id() == row.gateway);
    CHECK(v.target_name() == row.target);
    CHECK(v.host().view() == row.host);
    CHECK(v.fips_host().view() == row.fips_host);
    if (row.structured) {
      REQUIRE(v.partition_details() != nullptr);
      CHECK(v.partition_details()->id == row.partition);
      CHECK(v.target_suffix() == std::string_view(row.target).substr(23));
      // Views point into the input.
      CHECK(v.region().data() == row.input.data() + row.input.find(row.region));
    } else {
      CHECK(v.partition_details() == nullptr);
      CHECK(v.target_suffix().empty());
    }
    CHECK(sgwchap::is_valid_target_arn(row.input, row.p));
    const auto owned = sgwchap::target_arn::parse(row.input, row.p);
    REQUIRE(owned.has_value());
    CHECK(owned->str() == row.input);
    CHECK(owned->checked_profile() == row.p);
    CHECK(owned->view().host().view() == row.host);
  }
}

TEST_CASE("parse_target_arn: invalid rows give the exact rule, field and offset", "[target_arn]") {
  for (const invalid_row& row : invalid_rows) {
    INFO("input: " << row.input << " profile: " << sgwchap::profile_name(row.p));
    const auto parsed = sgwchap::parse_target_arn(row.input, row.p);
    REQUIRE_FALSE(parsed.has_value());
    const sgwchap::error& e = parsed.error();
    INFO("got " << sgwchap::rule_name(e.code) << " at " << e.offset << " detail " << e.detail);
    sgwchap_test::check_error_row(e, row, sgwchap::field::target_arn, row.input);
    CHECK_FALSE(sgwchap::is_valid_target_arn(row.input, row.p));
    const auto owned = sgwchap::target_arn::parse(row.input, row.p);
    REQUIRE_FALSE(owned.has_value());
    CHECK(owned.error() == e);
  }
}

TEST_CASE("parse_target_arn: the documented examples", "[target_arn]") {
  for (const std::string_view example : {apiref_example, sdk_example}) {
    const auto parsed = sgwchap::parse_target_arn(example);  // strict is the default
    REQUIRE(parsed.has_value());
    CHECK(parsed->checked_profile() == strict);
    CHECK(parsed->target_name() == "iqn.1997-05.com.amazon:myvolume");
    CHECK(parsed->target_suffix() == "myvolume");
  }
  CHECK(sgwchap::parse_target_arn(sdk_example)->host() == "storagegateway.us-east-1.amazonaws.com");
  CHECK(sgwchap::parse_target_arn(apiref_example)->fips_host() == "storagegateway-fips.us-east-2.amazonaws.com");
}

TEST_CASE("parse_target_arn: a region of another partition names it", "[target_arn]") {
  const auto parsed = sgwchap::parse_target_arn(make_arn("aws", "cn-north-1"));
  REQUIRE_FALSE(parsed.has_value());
  const sgwchap::error& e = parsed.error();
  REQUIRE(e.detail >= 1);
  CHECK(sgwchap::known_partitions()[e.detail - 1].id == "aws-cn");
  CHECK(e.message() == "TargetARN: region does not belong to the partition (it belongs to partition aws-cn) (byte 23)");
}

TEST_CASE("parse_target_arn: views remember their profile; owning values copy", "[target_arn]") {
  const auto a = sgwchap::parse_target_arn(apiref_example, strict);
  const auto b = sgwchap::parse_target_arn(apiref_example, model);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK_FALSE(*a == *b);
  CHECK(b->has_structure());
  CHECK(b->checked_profile() == model);

  std::string buffer(apiref_example);
  const sgwchap::target_arn owned(*sgwchap::parse_target_arn(buffer));
  buffer.assign(buffer.size(), 'z');  // the owning value does not depend on its input
  CHECK(owned.str() == apiref_example);
  CHECK(owned.view().region() == "us-east-2");
  CHECK(std::hash<sgwchap::target_arn>{}(owned) == std::hash<std::string>{}(std::string(apiref_example)));
}

namespace {

// The longest ARN strict accepts: every part at its own limit (the longest partition id, a
// 63-character region, 26 gateway hex digits, a 200-character TargetName).
const std::string longest_strict_arn =
    make_arn("aws-us-gov", "us-gov-" + std::string(54, 'a') + "-1", "111122223333", gateway_26, target_named(name_200));
const std::string longest_model_arn = repeat("\xF0\x9F\x98\x80", 800);

// Compile-time facts of the owning type: its bytes are on the heap (a value may be up to 3200
// bytes under aws_model), so it is three words; moving never throws; str() is a view.
using owning = sgwchap::target_arn;
static_assert(sizeof(owning) <= 3 * sizeof(void*));
static_assert(std::is_nothrow_move_constructible_v<owning> && std::is_nothrow_move_assignable_v<owning>);
static_assert(std::is_copy_constructible_v<owning> && std::is_copy_assignable_v<owning>);
static_assert(std::is_same_v<decltype(std::declval<const owning&>().str()), std::string_view>);
static_assert(sgwchap::target_arn_limits::model_max_bytes == 3200);

struct owning_row {
  std::string input;
  profile p;
  std::size_t bytes;  // the input's size, spelled out: the rows are the boundaries
};

const std::vector<owning_row> owning_rows = {
    {longest_strict_arn, strict, 376},   {longest_strict_arn, model, 376},        {longest_model_arn, model, 3200},
    {std::string(800, 'x'), model, 800}, {std::string(sdk_example), strict, 105},
};

}  // namespace

TEST_CASE("target_arn: owning values hold every accepted value, up to 3200 bytes", "[target_arn]") {
  for (const owning_row& row : owning_rows) {
    INFO("bytes: " << row.input.size() << " profile: " << sgwchap::profile_name(row.p));
    REQUIRE(row.input.size() == row.bytes);
    std::string buffer = row.input;
    const auto owned = sgwchap::target_arn::parse(buffer, row.p);
    REQUIRE(owned.has_value());
    buffer.assign(buffer.size(), 'z');  // the owning value does not depend on its input
    CHECK(owned->str() == row.input);
    CHECK(owned->str().size() == row.bytes);
    CHECK(owned->checked_profile() == row.p);
    const sgwchap::target_arn_view v = owned->view();
    CHECK(v.value().data() == owned->str().data());  // the view is into the owning value
    CHECK(v.checked_profile() == row.p);
    const sgwchap::target_arn copy = *owned;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(copy == *owned);
    CHECK(copy.str().data() != owned->str().data());
    CHECK(std::hash<sgwchap::target_arn>{}(copy) == std::hash<std::string_view>{}(row.input));
    // A move takes the bytes without copying them and leaves the source empty.
    sgwchap::target_arn source = copy;
    const char* const bytes = source.str().data();
    sgwchap::target_arn moved = std::move(source);
    CHECK(moved.str().data() == bytes);
    CHECK(moved == copy);
    // The documented moved-from state: empty, and claiming only the weakest profile.
    CHECK(source.str().empty());  // NOLINT(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
    CHECK(source.checked_profile() == model);
    // Copy and move assignment, including onto itself.
    sgwchap::target_arn assigned = *sgwchap::target_arn::parse(sdk_example);
    assigned = copy;
    CHECK(assigned == copy);
    assigned = *&assigned;
    CHECK(assigned == copy);
    assigned = std::move(moved);
    CHECK(assigned == copy);
  }
  CHECK(longest_strict_arn.size() < sgwchap::target_arn_limits::model_max_characters);
  CHECK(sgwchap::parse_target_arn(longest_strict_arn)->has_structure());
}

TEST_CASE("target_arn: ordering compares the bytes, then the profile, and agrees with equality", "[target_arn]") {
  const auto east = sgwchap::target_arn::parse(make_arn("aws", "us-east-1"));
  const auto west = sgwchap::target_arn::parse(make_arn("aws", "us-west-2"));
  const auto east_model = sgwchap::target_arn::parse(make_arn("aws", "us-east-1"), model);
  REQUIRE(east.has_value());
  REQUIRE(west.has_value());
  REQUIRE(east_model.has_value());
  CHECK(*east < *west);
  CHECK(*west > *east);
  // Same bytes, different profiles: unequal, and ordered (aws_model first) rather than equivalent.
  CHECK_FALSE(*east == *east_model);
  CHECK((*east_model <=> *east) == std::strong_ordering::less);
  CHECK((*east <=> *east) == std::strong_ordering::equal);
  CHECK(*east != *west);
}

TEST_CASE("target_arn tables have the required size", "[target_arn]") {
  CHECK(valid_rows.size() + invalid_rows.size() >= 40);
}
