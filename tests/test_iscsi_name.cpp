// Table-driven tests of <sgwchap/iscsi_name.hpp> (RFC 3720 §3.2.6): RFC 3720/3722/3980 and AWS
// examples, the real-world mistakes of RFC 3720 §3.2.6, the 223/224 and 255/256 byte boundaries, and
// normalize_iscsi_name. Valid rows check the parsed parts; invalid rows the exact errc, field,
// offset, rule profile, limit and unit.
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/iscsi_name.hpp>

#include "support/error_rows.hpp"

using sgwchap::errc;
using sgwchap::iscsi_name_form;
using sgwchap::length_unit;
using sgwchap::profile;

namespace {

constexpr auto strict = profile::strict;
constexpr auto model = profile::aws_model;

/// `prefix` padded with 'a' to exactly `total` bytes.
std::string padded(std::string_view prefix, std::size_t total) {
  std::string s(prefix);
  s.resize(total, 'a');
  return s;
}

struct valid_row {
  std::string input;
  profile p;
  iscsi_name_form form;
  unsigned year;
  unsigned month;
  std::string_view authority;
  std::string_view unique;
  std::string_view hex;
};

const std::string long_unique_223 = padded("iqn.2001-04.com.example:", 223);
const std::string label_63 = std::string(63, 'a');
const std::string mid_63 = "com." + std::string(63, 'b') + ".x";
const std::string long_unique_224 = padded("iqn.2001-04.com.example:", 224);
const std::string long_unique_255 = padded("iqn.2001-04.com.example:", 255);
const std::string long_unique_256 = padded("iqn.2001-04.com.example:", 256);
const std::string naa_33 = "naa." + std::string(33, 'f');

const std::vector<valid_row> valid_rows = {
    // RFC 3720 §3.2.6.3.1 examples.
    {"iqn.2001-04.com.example", strict, iscsi_name_form::iqn, 2001, 4, "com.example", "", ""},
    {"iqn.2001-04.com.example:storage:diskarrays-sn-a8675309", strict, iscsi_name_form::iqn, 2001, 4, "com.example",
     "storage:diskarrays-sn-a8675309", ""},
    {"iqn.2001-04.com.example:storage.tape1.sys1.xyz", strict, iscsi_name_form::iqn, 2001, 4, "com.example",
     "storage.tape1.sys1.xyz", ""},
    {"iqn.2001-04.com.example:storage.disk2.sys1.xyz", strict, iscsi_name_form::iqn, 2001, 4, "com.example",
     "storage.disk2.sys1.xyz", ""},
    // Initiators' defaults (RFC 3720 §3.2.6) and the AWS target names (MODEL GatewayId/TargetName).
    {"iqn.1991-05.com.microsoft:computername.domain.example.com", strict, iscsi_name_form::iqn, 1991, 5,
     "com.microsoft", "computername.domain.example.com", ""},
    {"iqn.1998-01.com.vmware:esx01-0ba2d462", strict, iscsi_name_form::iqn, 1998, 1, "com.vmware", "esx01-0ba2d462",
     ""},
    {"iqn.1993-08.org.debian:01:a1b2c3d4e5f6", strict, iscsi_name_form::iqn, 1993, 8, "org.debian", "01:a1b2c3d4e5f6",
     ""},
    {"iqn.1994-05.com.redhat:8f3c1a2b3c4d", strict, iscsi_name_form::iqn, 1994, 5, "com.redhat", "8f3c1a2b3c4d", ""},
    // Storage Gateway's own target names: valid names (the model takes them), but never an
    // initiator's, so strict refuses them as InitiatorName (initiator_is_target_name, below).
    {"iqn.1997-05.com.amazon:myvolume", model, iscsi_name_form::iqn, 1997, 5, "com.amazon", "myvolume", ""},
    {"iqn.1997-05.com.amazon:sgw-1fad4876-tapedrive-01", model, iscsi_name_form::iqn, 1997, 5, "com.amazon",
     "sgw-1fad4876-tapedrive-01", ""},
    // Grammar corners: single label, months 01 and 12, hyphens inside labels, digit labels,
    // a one-character unique part, unique parts with further ':' and '.', and starting with '-'.
    {"iqn.2015-01.x", strict, iscsi_name_form::iqn, 2015, 1, "x", "", ""},
    {"iqn.2015-12.x", strict, iscsi_name_form::iqn, 2015, 12, "x", "", ""},
    {"iqn.2001-04.a-b.c-d", strict, iscsi_name_form::iqn, 2001, 4, "a-b.c-d", "", ""},
    {"iqn.0000-09.a.1", strict, iscsi_name_form::iqn, 0, 9, "a.1", "", ""},  // a digit label below the top
    {"iqn.2014-01.com.192.168:x", strict, iscsi_name_form::iqn, 2014, 1, "com.192.168", "x", ""},
    {"iqn.2001-04.x1:y", strict, iscsi_name_form::iqn, 2001, 4, "x1", "y", ""},  // a top label with a digit
    // The same, 29 bytes or more (the SSE2 path's minimum): a top label that starts with digits.
    {"iqn.2014-01.9com.example:storage.disk01", strict, iscsi_name_form::iqn, 2014, 1, "9com.example", "storage.disk01",
     ""},
    {"iqn.2014-01.42x.example:storage.disk01", strict, iscsi_name_form::iqn, 2014, 1, "42x.example", "storage.disk01",
     ""},
    // A label of exactly 63 bytes (RFC 1035 §2.3.4), at the top, in the middle, at the end.
    {"iqn.2001-04." + std::string(63, 'a'), strict, iscsi_name_form::iqn, 2001, 4, label_63, "", ""},
    {"iqn.2001-04.com." + std::string(63, 'b') + ".x:y", strict, iscsi_name_form::iqn, 2001, 4, mid_63, "y", ""},
    {"iqn.2001-04.com.example:a", strict, iscsi_name_form::iqn, 2001, 4, "com.example", "a", ""},
    {"iqn.2001-04.com.example:x::y.", strict, iscsi_name_form::iqn, 2001, 4, "com.example", "x::y.", ""},
    {"iqn.2001-04.com.example:-", strict, iscsi_name_form::iqn, 2001, 4, "com.example", "-", ""},
    // EUI-64 and NAA (RFC 3980), lower case as on the wire.
    {"eui.02004567a425678d", strict, iscsi_name_form::eui, 0, 0, "", "", "02004567a425678d"},
    {"naa.52004567ba64678d", strict, iscsi_name_form::naa, 0, 0, "", "", "52004567ba64678d"},
    {"naa.62004567ba64678d0123456789abcdef", strict, iscsi_name_form::naa, 0, 0, "", "",
     "62004567ba64678d0123456789abcdef"},
    // 223 bytes: the RFC maximum.
    {long_unique_223, strict, iscsi_name_form::iqn, 2001, 4, "com.example",
     std::string_view(long_unique_223).substr(24), ""},
    // aws_model: RFC forms keep their parts; names only MODEL's pattern accepts have form unknown.
    {"iqn.2001-04.com.example", model, iscsi_name_form::iqn, 2001, 4, "com.example", "", ""},
    {"eui.02004567a425678d", model, iscsi_name_form::eui, 0, 0, "", "", "02004567a425678d"},
    {"naa.62004567ba64678d0123456789abcdef", model, iscsi_name_form::naa, 0, 0, "", "",
     "62004567ba64678d0123456789abcdef"},
    {"iqn.2015-1.x", model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {"iqn.2017.11.x", model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {"iqn.2015-13.x", model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {"iqn.2001-04.com.example:", model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {"iqn.2001-04.com..example", model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {"eui.0123", model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {naa_33, model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {"a", model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {":.-", model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    // Longer than the RFC's 223 bytes: only MODEL accepts it, so it has no RFC form.
    {long_unique_224, model, iscsi_name_form::unknown, 0, 0, "", "", ""},
    {long_unique_255, model, iscsi_name_form::unknown, 0, 0, "", "", ""},
};

struct invalid_row {
  std::string input;
  profile p;
  errc code;
  std::size_t offset;
  profile rule_profile;
  std::uint32_t limit = 0;
  length_unit unit = length_unit::bytes;
};

const std::vector<invalid_row> invalid_rows = {
    // MODEL: 1..255 characters of [0-9a-z:.-] (both profiles).
    {"", strict, errc::too_short, 0, model, 1, length_unit::characters},
    {"", model, errc::too_short, 0, model, 1, length_unit::characters},
    {"IQN.2001-04.com.example", strict, errc::uppercase_character, 0, model},
    {"iqn.2001-04.com.Example", strict, errc::uppercase_character, 16, model},
    {"iqn.2001-04.com.Example", model, errc::uppercase_character, 16, model},
    // VMware's default keeps the host name's case (RFC 3720 §3.2.6).
    {"iqn.1998-01.com.vmware:ESX01-0ba2d462", strict, errc::uppercase_character, 23, model},
    {"iqn.1998-01.com.vmware:ESX01-0ba2d462", model, errc::uppercase_character, 23, model},
    // RFC examples print EUI/NAA in upper case; MODEL forbids it.
    {"eui.02004567A425678D", strict, errc::uppercase_character, 12, model},
    {"naa.52004567BA64678D", strict, errc::uppercase_character, 12, model},
    // '_' from a host name, '/', ';', space, non-ASCII.
    {"iqn.2001-04.host_name", strict, errc::invalid_character, 16, model},
    {"iqn.2001-04.host_name", model, errc::invalid_character, 16, model},
    {"iqn.2001-04.com.example/disk", strict, errc::invalid_character, 23, model},
    {"iqn.2001-04.com.example:disk;1", strict, errc::invalid_character, 28, model},
    {"iqn.2001-04.com.example:d\xC3\xA9", strict, errc::invalid_character, 25, model},
    // A Windows name copied with a trailing newline or space.
    {"iqn.1991-05.com.microsoft:computername.domain.example.com\n", strict, errc::invalid_character, 57, model},
    {"iqn.1991-05.com.microsoft:computername.domain.example.com\r\n", strict, errc::invalid_character, 57, model},
    {"iqn.1991-05.com.microsoft:computername.domain.example.com ", strict, errc::invalid_character, 57, model},
    {"iqn.1991-05.com.microsoft:computername.domain.example.com\n", model, errc::invalid_character, 57, model},
    {" iqn.2001-04.com.example", strict, errc::invalid_character, 0, model},
    // Lengths: 224 bytes under strict (RFC 223), 256 under aws_model (MODEL 255).
    {long_unique_224, strict, errc::too_long, 223, strict, 223, length_unit::bytes},
    {long_unique_255, strict, errc::too_long, 223, strict, 223, length_unit::bytes},
    {long_unique_256, model, errc::too_long, 255, model, 255, length_unit::characters},
    // The three prefixes.
    {"x", strict, errc::bad_prefix, 0, strict},
    {"iqm.2001-04.com.example", strict, errc::bad_prefix, 2, strict},
    {"iqn:2001-04.com.example", strict, errc::bad_prefix, 3, strict},
    {"eui:02004567a425678d", strict, errc::bad_prefix, 3, strict},
    {"iq", strict, errc::bad_prefix, 2, strict},
    // The date: four digits, '-', two digits, month 01..12, '.'.
    {"iqn.2015-1.x", strict, errc::bad_iqn_date, 10, strict},
    {"iqn.2017.11.x", strict, errc::bad_iqn_date, 8, strict},
    {"iqn.15-01.x", strict, errc::bad_iqn_date, 6, strict},
    {"iqn.20a1-04.x", strict, errc::bad_iqn_date, 6, strict},
    {"iqn.", strict, errc::bad_iqn_date, 4, strict},
    {"iqn.2001", strict, errc::bad_iqn_date, 8, strict},
    {"iqn.2001-", strict, errc::bad_iqn_date, 9, strict},
    {"iqn.2001-0", strict, errc::bad_iqn_date, 10, strict},
    {"iqn.2001-04:com.example", strict, errc::bad_iqn_date, 11, strict},
    {"iqn.2001-040.com.example", strict, errc::bad_iqn_date, 11, strict},
    {"iqn.2015-00.x", strict, errc::iqn_month_out_of_range, 9, strict},
    {"iqn.2015-13.x", strict, errc::iqn_month_out_of_range, 9, strict},
    {"iqn.2015-99.x", strict, errc::iqn_month_out_of_range, 9, strict},
    // The naming authority: present, labels non-empty, no label starting or ending with '-'.
    {"iqn.2001-04", strict, errc::missing_naming_authority, 11, strict},
    {"iqn.2001-04.", strict, errc::missing_naming_authority, 12, strict},
    {"iqn.2001-04.:storage", strict, errc::missing_naming_authority, 12, strict},
    {"iqn.2001-04.com.example.", strict, errc::empty_domain_label, 24, strict},
    {"iqn.2001-04.com.example.:storage", strict, errc::empty_domain_label, 24, strict},
    {"iqn.2001-04.com..example", strict, errc::empty_domain_label, 16, strict},
    {"iqn.2001-04..com.example", strict, errc::empty_domain_label, 12, strict},
    {"iqn.2001-04.-com.example", strict, errc::domain_label_hyphen, 12, strict},
    {"iqn.2001-04.com-.example", strict, errc::domain_label_hyphen, 15, strict},
    {"iqn.2001-04.com.-example", strict, errc::domain_label_hyphen, 16, strict},
    {"iqn.2001-04.com.example-", strict, errc::domain_label_hyphen, 23, strict},
    {"iqn.2001-04.com.example-:storage", strict, errc::domain_label_hyphen, 23, strict},
    {"iqn.2001-04.-", strict, errc::domain_label_hyphen, 12, strict},
    // The top-level label is not all digits (RFC 1123 §2.1, RFC 3696 §2): an IP address is no
    // naming authority. The offset is the label's first byte.
    {"iqn.0000-09.0.1", strict, errc::numeric_top_level_domain, 12, strict},
    {"iqn.2001-04.123", strict, errc::numeric_top_level_domain, 12, strict},
    {"iqn.2014-01.192.168.50.61:test", strict, errc::numeric_top_level_domain, 12, strict},
    {"iqn.2014-01.10.0.0.1:storage.disk01.example", strict, errc::numeric_top_level_domain, 12, strict},
    {"iqn.2014-01.8:x", strict, errc::numeric_top_level_domain, 12, strict},
    // A label holds at most 63 bytes (RFC 1035 §2.3.4): the offset is its 64th byte.
    {"iqn.2001-04." + std::string(64, 'a'), strict, errc::domain_label_too_long, 75, strict, 63},
    {"iqn.2001-04." + std::string(100, '1') + ".com", strict, errc::domain_label_too_long, 75, strict, 63},
    {"iqn.2001-04.com." + std::string(64, 'b') + ".x", strict, errc::domain_label_too_long, 79, strict, 63},
    {"iqn.2001-04.com." + std::string(70, 'b') + ":y", strict, errc::domain_label_too_long, 79, strict, 63},
    {"iqn.2001-04.com.x" + std::string(64, '-') + "x", strict, errc::domain_label_too_long, 79, strict, 63},
    // Storage Gateway's target names are no initiator's (strict; valid under the model, above).
    {"iqn.1997-05.com.amazon:myvolume", strict, errc::initiator_is_target_name, 0, strict},
    {"iqn.1997-05.com.amazon:sgw-1fad4876-tapedrive-01", strict, errc::initiator_is_target_name, 0, strict},
    // The unique part: when ':' is present it is not empty.
    {"iqn.2001-04.com.example:", strict, errc::empty_unique_name, 24, strict},
    // EUI-64: exactly 16 hex digits; NAA: 16 or 32.
    {"eui.", strict, errc::bad_hex_length, 4, strict, 16},
    {"eui.02004567a425678", strict, errc::bad_hex_length, 19, strict, 16},
    {"eui.02004567a425678d0", strict, errc::bad_hex_length, 20, strict, 16},
    {"eui.0200456za425678d", strict, errc::not_hex_digit, 11, strict},
    {"eui.02004567-425678d", strict, errc::not_hex_digit, 12, strict},
    {"naa.52004567ba64678", strict, errc::bad_hex_length, 19, strict, 32},
    {"naa.52004567ba64678d01", strict, errc::bad_hex_length, 22, strict, 32},
    {"naa.62004567ba64678d0123456789abcde", strict, errc::bad_hex_length, 35, strict, 32},
    {naa_33, strict, errc::bad_hex_length, 36, strict, 32},
    {"naa.5200:567ba64678d", strict, errc::not_hex_digit, 8, strict},
};

}  // namespace

TEST_CASE("parse_iscsi_name: valid rows expose the parsed parts", "[iscsi_name]") {
  for (const valid_row& row : valid_rows) {
    INFO("input: " << row.input << " profile: " << sgwchap::profile_name(row.p));
    const auto parsed = sgwchap::parse_iscsi_name(row.input, row.p);
    REQUIRE(parsed.has_value());
    CHECK(parsed->value() == row.input);
    CHECK(parsed->value().data() == row.input.data());  // a view into the input, not a copy
    CHECK(parsed->checked_profile() == row.p);
    CHECK(parsed->form() == row.form);
    CHECK(parsed->year() == row.year);
    CHECK(parsed->month() == row.month);
    CHECK(parsed->naming_authority() == row.authority);
    CHECK(parsed->unique_name() == row.unique);
    CHECK(parsed->hex_digits() == row.hex);
    CHECK(sgwchap::is_valid_iscsi_name(row.input, row.p));
    // The owning type re-derives the same view.
    const auto owned = sgwchap::iscsi_name::parse(row.input, row.p);
    REQUIRE(owned.has_value());
    CHECK(owned->str() == row.input);
    CHECK(owned->checked_profile() == row.p);
    CHECK(owned->view().form() == row.form);
  }
}

TEST_CASE("parse_iscsi_name: invalid rows give the exact rule, field and offset", "[iscsi_name]") {
  for (const invalid_row& row : invalid_rows) {
    INFO("input: " << row.input << " profile: " << sgwchap::profile_name(row.p));
    const auto parsed = sgwchap::parse_iscsi_name(row.input, row.p);
    REQUIRE_FALSE(parsed.has_value());
    const sgwchap::error& e = parsed.error();
    INFO("got " << sgwchap::rule_name(e.code) << " at " << e.offset);
    sgwchap_test::check_error_row(e, row, sgwchap::field::initiator_name, row.input);
    CHECK_FALSE(sgwchap::is_valid_iscsi_name(row.input, row.p));
    const auto owned = sgwchap::iscsi_name::parse(row.input, row.p);
    REQUIRE_FALSE(owned.has_value());
    CHECK(owned.error() == e);
  }
}

TEST_CASE("parse_iscsi_name: every strict-valid row is also aws_model-valid with the same parts", "[iscsi_name]") {
  for (const valid_row& row : valid_rows) {
    if (row.p != strict) continue;
    INFO("input: " << row.input);
    const auto parsed = sgwchap::parse_iscsi_name(row.input, model);
    REQUIRE(parsed.has_value());
    CHECK(parsed->checked_profile() == model);  // never counts as strict
    CHECK(parsed->form() == row.form);
    CHECK(parsed->naming_authority() == row.authority);
    CHECK(parsed->unique_name() == row.unique);
  }
}

TEST_CASE("parse_iscsi_name: views remember their profile", "[iscsi_name]") {
  const auto a = sgwchap::parse_iscsi_name("iqn.2001-04.com.example", strict);
  const auto b = sgwchap::parse_iscsi_name("iqn.2001-04.com.example", model);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK_FALSE(*a == *b);
  CHECK(*a == *sgwchap::parse_iscsi_name("iqn.2001-04.com.example"));  // strict is the default
}

TEST_CASE("normalize_iscsi_name into a caller buffer", "[iscsi_name][normalize]") {
  const std::string_view vmware = "iqn.1998-01.com.vmware:ESX01-0ba2d462";
  std::array<char, 64> buffer{};
  const auto folded = sgwchap::normalize_iscsi_name(vmware, buffer);
  REQUIRE(folded.has_value());
  CHECK(*folded == "iqn.1998-01.com.vmware:esx01-0ba2d462");
  CHECK(folded->data() == buffer.data());
  CHECK(sgwchap::is_valid_iscsi_name(*folded));

  // Exactly the input's size fits.
  std::array<char, 20> exact{};
  const auto eui = sgwchap::normalize_iscsi_name("EUI.02004567A425678D", exact);
  REQUIRE(eui.has_value());
  CHECK(*eui == "eui.02004567a425678d");

  // One byte short: buffer_too_small at the buffer's size, nothing silently cut.
  std::array<char, 19> small{};
  const auto too_small = sgwchap::normalize_iscsi_name("EUI.02004567A425678D", small);
  REQUIRE_FALSE(too_small.has_value());
  CHECK(too_small.error().code == errc::buffer_too_small);
  CHECK(too_small.error().which == sgwchap::field::initiator_name);
  CHECK(too_small.error().offset == 19);

  // An empty input into an empty buffer is an empty output.
  const auto empty = sgwchap::normalize_iscsi_name("", std::span<char>{});
  REQUIRE(empty.has_value());
  CHECK(empty->empty());
}

namespace {

// Compile-time facts: allocation-free, so noexcept; str() is a view; normalize needs no buffer.
using owning = sgwchap::iscsi_name;
static_assert(noexcept(owning::parse(std::string_view{}, strict)));
static_assert(noexcept(owning(sgwchap::iscsi_name_view{})));
static_assert(noexcept(sgwchap::normalize_iscsi_name(std::string_view{})));
static_assert(std::is_nothrow_copy_constructible_v<owning> && std::is_nothrow_copy_assignable_v<owning>);
static_assert(std::is_same_v<decltype(std::declval<const owning&>().str()), std::string_view>);
static_assert(owning::storage::capacity() == sgwchap::iscsi_name_limits::model_max_characters);
static_assert(sgwchap::normalized_iscsi_name::capacity() == sgwchap::iscsi_name_limits::model_max_characters);
static_assert(sizeof(owning) <= 255 + 32);  // the bytes, their size and the profile: nothing else
static_assert((*owning::parse("iqn.2001-04.com.example:x")).view().unique_name() == "x");
static_assert(*owning::parse("eui.02004567a425678d") < *owning::parse("naa.52004567ba64678d"));
static_assert(*sgwchap::normalize_iscsi_name("EUI.02004567A425678D") == "eui.02004567a425678d");

struct normalize_row {
  std::string input;
  std::string folded;  // when it fits
  bool fits;
};

// A name of `n` bytes that folds: upper-case letters, then 'a' up to n.
std::string upper_name(std::size_t n) { return padded("IQN.2001-04.COM.EXAMPLE:X", n); }
std::string lower_name(std::size_t n) { return padded("iqn.2001-04.com.example:x", n); }

const std::vector<normalize_row> normalize_rows = {
    {"", "", true},
    {"A", "a", true},
    {"IQN.1998-01.COM.VMWARE:ESX01-0BA2D462", "iqn.1998-01.com.vmware:esx01-0ba2d462", true},
    {"@[`{AZaz", "@[`{azaz", true},  // the bytes around A-Z and a-z stay
    {upper_name(223), lower_name(223), true},
    {upper_name(255), lower_name(255), true},  // MODEL's longest name: exactly the capacity
    {upper_name(256), "", false},
    {upper_name(4096), "", false},
    {std::string(128, '\xC3') + std::string(128, '\xA9'), "", false},  // 256 bytes: counted in bytes
};

}  // namespace

TEST_CASE("normalize_iscsi_name into a static_string: up to 255 bytes, else too_long at byte 255",
          "[iscsi_name][normalize]") {
  for (const normalize_row& row : normalize_rows) {
    INFO("bytes: " << row.input.size());
    const auto folded = sgwchap::normalize_iscsi_name(row.input);
    REQUIRE(folded.has_value() == row.fits);
    if (row.fits) {
      CHECK(folded->view() == row.folded);
      CHECK(folded->c_str()[folded->size()] == '\0');
      continue;
    }
    const sgwchap::error& e = folded.error();
    CHECK(e.code == errc::too_long);
    CHECK(e.which == sgwchap::field::initiator_name);
    CHECK(e.offset == 255);
    CHECK(e.limit == 255);
    CHECK(e.rule_profile == model);
    CHECK(e.unit == length_unit::bytes);
    CHECK(e.message() == "InitiatorName: must be at most 255 bytes (AWS model) (byte 255)");
    // Such a name passes neither profile, folded or not: nothing that could pass is refused.
    CHECK_FALSE(sgwchap::is_valid_iscsi_name(row.input, model));
    CHECK_FALSE(sgwchap::is_valid_iscsi_name(row.input, strict));
  }
  // The folded 255-byte name passes aws_model; its 256-byte sibling fails at the same offset.
  CHECK(sgwchap::is_valid_iscsi_name(*sgwchap::normalize_iscsi_name(upper_name(255)), model));
  CHECK(sgwchap::parse_iscsi_name(lower_name(256), model).error().offset == 255);
}

TEST_CASE("iscsi_name: owning values hold every accepted value inline; ordered, hashed", "[iscsi_name]") {
  for (const auto& [input, p] : {std::pair{lower_name(255), model}, std::pair{lower_name(223), strict},
                                 std::pair{std::string("naa.62004567ba64678d0123456789abcdef"), strict}}) {
    INFO("bytes: " << input.size());
    std::string buffer = input;
    const auto owned = sgwchap::iscsi_name::parse(buffer, p);
    REQUIRE(owned.has_value());
    buffer.assign(buffer.size(), 'z');  // the owning value does not depend on its input
    CHECK(owned->str() == input);
    CHECK(owned->view().value().data() == owned->str().data());
    CHECK(owned->view().checked_profile() == p);
    const sgwchap::iscsi_name copy = *owned;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(copy == *owned);
    CHECK(std::hash<sgwchap::iscsi_name>{}(copy) == std::hash<std::string_view>{}(input));
  }
  const auto a = sgwchap::iscsi_name::parse("iqn.2001-04.com.example:a");
  const auto b = sgwchap::iscsi_name::parse("iqn.2001-04.com.example:b");
  const auto a_model = sgwchap::iscsi_name::parse("iqn.2001-04.com.example:a", model);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  REQUIRE(a_model.has_value());
  CHECK(*a < *b);
  // Same bytes, different profiles: unequal, and ordered (aws_model first) rather than equivalent.
  CHECK_FALSE(*a == *a_model);
  CHECK((*a_model <=> *a) == std::strong_ordering::less);
  CHECK((*a <=> *a) == std::strong_ordering::equal);
}

TEST_CASE("normalize_iscsi_name folds ASCII upper case only", "[iscsi_name][normalize]") {
  CHECK(sgwchap::normalize_iscsi_name("IQN.2001-04.COM.EXAMPLE:AZ") == "iqn.2001-04.com.example:az");
  // Nothing but A-Z changes: '_', '@', '[', non-ASCII bytes stay, so the parser still reports them.
  CHECK(sgwchap::normalize_iscsi_name("iqn.2001-04.Host_Name@[\xC3\x89]") == "iqn.2001-04.host_name@[\xC3\x89]");
  const auto folded = sgwchap::normalize_iscsi_name("iqn.2001-04.Host_Name");
  REQUIRE(folded.has_value());
  const auto parsed = sgwchap::parse_iscsi_name(*folded);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().code == errc::invalid_character);
  CHECK(parsed.error().offset == 16);
  CHECK(sgwchap::find_uppercase("iqn.1998-01.com.vmware:ESX01") == 23);
  CHECK(sgwchap::find_uppercase("iqn.1998-01.com.vmware:esx01") == std::string_view::npos);
}

TEST_CASE("iscsi_name tables have the required size", "[iscsi_name]") {
  CHECK(valid_rows.size() + invalid_rows.size() >= 60);
}
