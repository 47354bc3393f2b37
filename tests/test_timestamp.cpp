// Table-driven tests of <sgwchap/timestamp.hpp>: AWS JSON 1.1 timestamps (epoch seconds, a JSON
// number) read exactly as nanoseconds: fractions, exponents, the int64 bounds to the last
// nanosecond, and each refusal with its offset.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/timestamp.hpp>

using sgwchap::errc;
using sgwchap::field;

namespace {

struct valid_row {
  std::string text;
  std::int64_t ns;
};

constexpr std::int64_t max_ns = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min_ns = std::numeric_limits<std::int64_t>::min();

const std::vector<valid_row> valid_rows = {
    {"0", 0},
    {"-0", 0},
    {"0.000", 0},
    {"0e99999999999", 0},  // zero whatever the exponent
    {"1", 1'000'000'000},
    {"1583443386", 1'583'443'386'000'000'000},
    // Fractions exactly: no binary rounding (as a double, .123456789 would not survive).
    {"1583443386.123456789", 1'583'443'386'123'456'789},
    {"1583443386.1", 1'583'443'386'100'000'000},
    {"1583443386.120000000000", 1'583'443'386'120'000'000},  // zeros beyond 1 ns are exact
    {"0.000000001", 1},
    {"-0.000000001", -1},
    {"-1.5", -1'500'000'000},
    // Exponents, as some services write CreatedDate.
    {"1.583443386E9", 1'583'443'386'000'000'000},
    {"1.583443386123e+9", 1'583'443'386'123'000'000},
    {"15834433861e-1", 1'583'443'386'100'000'000},
    {"1e-9", 1},
    {"100e-11", 1},
    {"0.001e6", 1'000'000'000'000},
    // The bounds of int64 nanoseconds, to the nanosecond.
    {"9223372036.854775807", max_ns},
    {"-9223372036.854775808", min_ns},
    {"9223372036854775807e-9", max_ns},
};

struct invalid_row {
  std::string text;
  std::size_t offset;
};

const std::vector<invalid_row> invalid_rows = {
    // Not a JSON number (RFC 8259 §6): no NaN, Infinity, leading +, leading zeros, bare dots.
    {"", 0},
    {"NaN", 0},
    {"Infinity", 0},
    {"-Infinity", 1},
    {"+1", 0},
    {"01", 1},
    {"1.", 2},
    {".5", 0},
    {"1e", 2},
    {"1e+", 3},
    {"1x", 1},
    {"1 ", 1},
    {"\"1583443386\"", 0},
    // Finer than 1 ns: the offset is the last non-zero digit.
    {"0.0000000001", 11},
    {"1583443386.1234567891", 20},
    {"1e-10", 0},
    {"1.5e-9", 2},
    // Beyond int64 nanoseconds.
    {"9223372036.854775808", 0},
    {"-9223372036.854775809", 0},
    {"1e10", 0},
    {"10000000000", 0},
    {"1e999999999999999999999", 0},
};

// The same code in constant evaluation.
static_assert((*sgwchap::parse_epoch_seconds("1.5")).time_since_epoch().count() == 1'500'000'000);
static_assert(sgwchap::parse_epoch_seconds("1.5e-10").error().code == errc::bad_timestamp);

}  // namespace

TEST_CASE("parse_epoch_seconds: valid rows, exactly", "[timestamp]") {
  for (const valid_row& row : valid_rows) {
    INFO("text: " << row.text);
    const auto t = sgwchap::parse_epoch_seconds(row.text);
    REQUIRE(t.has_value());
    CHECK(t->time_since_epoch().count() == row.ns);
  }
}

TEST_CASE("parse_epoch_seconds: invalid rows give bad_timestamp at the offset", "[timestamp]") {
  for (const invalid_row& row : invalid_rows) {
    INFO("text: " << row.text);
    const auto t = sgwchap::parse_epoch_seconds(row.text, field::none);
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().code == errc::bad_timestamp);
    CHECK(t.error().which == field::none);
    CHECK(t.error().offset == row.offset);
    CHECK(t.error().rule_profile == sgwchap::profile::aws_model);
    CHECK(t.error().offset <= row.text.size());
  }
}

TEST_CASE("parse_epoch_seconds: a date reads as that date", "[timestamp]") {
  using namespace std::chrono;
  const auto t = sgwchap::parse_epoch_seconds("1583443386.5");
  REQUIRE(t.has_value());
  CHECK(*t == sys_days{year{2020} / March / 5} + 21h + 23min + 6s + 500ms);
  const auto e = sgwchap::parse_epoch_seconds("1e10");
  REQUIRE_FALSE(e.has_value());
  CHECK(e.error().message() ==
        "timestamp: must be epoch seconds as a JSON number, to the nanosecond, between 1677 and 2262 (byte 0)");
}

namespace {

// format_epoch_seconds and format_iso8601: the exact text of each timestamp.
struct format_row {
  std::int64_t ns;
  std::string epoch_seconds;
  std::string iso8601;
};

const std::vector<format_row> format_rows = {
    {0, "0", "1970-01-01T00:00:00Z"},
    {1, "0.000000001", "1970-01-01T00:00:00.000000001Z"},
    {-1, "-0.000000001", "1969-12-31T23:59:59.999999999Z"},
    {1'000'000'000, "1", "1970-01-01T00:00:01Z"},
    {-1'500'000'000, "-1.5", "1969-12-31T23:59:58.5Z"},
    {-2'000'000'000, "-2", "1969-12-31T23:59:58Z"},
    {1'583'443'386'000'000'000, "1583443386", "2020-03-05T21:23:06Z"},
    {1'583'443'386'123'000'000, "1583443386.123", "2020-03-05T21:23:06.123Z"},
    {1'583'443'386'120'000'000, "1583443386.12", "2020-03-05T21:23:06.12Z"},  // trailing zeros removed
    {1'583'443'386'123'456'789, "1583443386.123456789", "2020-03-05T21:23:06.123456789Z"},
    {1'583'452'800'000'000'000, "1583452800", "2020-03-06T00:00:00Z"},  // midnight
    {951'782'400'000'000'000, "951782400", "2000-02-29T00:00:00Z"},     // a leap day
    {max_ns, "9223372036.854775807", "2262-04-11T23:47:16.854775807Z"},
    {min_ns, "-9223372036.854775808", "1677-09-21T00:12:43.145224192Z"},
};

// Both run in constant evaluation.
static_assert(sgwchap::format_epoch_seconds(sgwchap::timestamp{std::chrono::nanoseconds{-1'500'000'000}}) == "-1.5");
static_assert(sgwchap::format_iso8601(sgwchap::timestamp{std::chrono::nanoseconds{1'583'443'386'123'000'000}}) ==
              "2020-03-05T21:23:06.123Z");

}  // namespace

TEST_CASE("format_epoch_seconds and format_iso8601: exact text; parse_epoch_seconds reads it back", "[timestamp]") {
  for (const format_row& row : format_rows) {
    INFO("ns: " << row.ns);
    const sgwchap::timestamp t{std::chrono::nanoseconds{row.ns}};
    const sgwchap::epoch_seconds_text text = sgwchap::format_epoch_seconds(t);
    CHECK(text.view() == row.epoch_seconds);
    CHECK(sgwchap::format_iso8601(t).view() == row.iso8601);
    const auto back = sgwchap::parse_epoch_seconds(text.view());
    REQUIRE(back.has_value());
    CHECK(back->time_since_epoch().count() == row.ns);
  }
  // Every valid row of the parser round-trips through the formatter.
  for (const valid_row& row : valid_rows) {
    INFO("text: " << row.text);
    const sgwchap::timestamp t{std::chrono::nanoseconds{row.ns}};
    const auto back = sgwchap::parse_epoch_seconds(sgwchap::format_epoch_seconds(t).view());
    REQUIRE(back.has_value());
    CHECK(*back == t);
  }
}
