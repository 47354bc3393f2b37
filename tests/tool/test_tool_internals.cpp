// The tool's own parts, table-driven: colour (report.hpp), the JSON report's structure
// (json_writer; its strings are sgwchap::json_quoted, tested in tests/fmt/test_fmt.cpp with the
// escaping and carets the tool prints through), and secret input (input.hpp: the environment
// variable is copied, wiped in place and unset; a long input is cut at a character boundary).
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "sgwchap/input.hpp"
#include "sgwchap/report.hpp"

TEST_CASE("want_colour: a terminal and no NO_COLOR (https://no-color.org)") {
  struct row {
    bool terminal;
    const char* no_color;
    bool colour;
  };
  const row rows[] = {
      {true, nullptr, true}, {true, "1", false}, {true, "", true}, {false, nullptr, false}, {false, "1", false}};
  for (const row& r : rows) CHECK(sgwchap_tool::want_colour(r.terminal, r.no_color) == r.colour);
}

TEST_CASE("json_writer: commas and nesting") {
  sgwchap_tool::json_writer j;
  j.begin_object().member("a", true).key("b").begin_array().number(1).string("x").end_array();
  j.key("c").begin_object().end_object().member("d", "e").end_object();
  CHECK(j.str() == R"({"a":true,"b":[1,"x"],"c":{},"d":"e"})");
}

TEST_CASE("problem_text: the caret is coloured from the palette only") {
  sgwchap_tool::output out;
  const auto e = sgwchap::parse_iscsi_name("iqn.2015-13.x");
  REQUIRE_FALSE(e.has_value());
  const sgwchap_tool::problem p{e.error(), std::string_view("iqn.2015-13.x"), {}, {}};
  CHECK(sgwchap_tool::problem_text(out, p) ==
        "error: InitiatorName: month must be 01..12 (byte 9) [iqn_month_out_of_range]\n"
        "    iqn.2015-13.x\n"
        "             ^\n");
  out.colours = sgwchap_tool::palette::colour();
  CHECK(sgwchap_tool::problem_text(out, p).find("             \x1b[1;32m^\x1b[0m\n") != std::string::npos);
}

TEST_CASE("read_secret_from_env: copies, wipes the value in place, unsets the variable") {
  REQUIRE(::setenv("SGWCHAP_TEST_SECRET", "111111111111", 1) == 0);
  char* before = std::getenv("SGWCHAP_TEST_SECRET");
  REQUIRE(before != nullptr);
  sgwchap_tool::wiped_buffer secret(sgwchap_tool::max_secret_bytes);
  CHECK(sgwchap_tool::read_secret_from_env("SGWCHAP_TEST_SECRET", secret) == sgwchap_tool::env_status::ok);
  CHECK(secret.view() == "111111111111");
  CHECK(std::getenv("SGWCHAP_TEST_SECRET") == nullptr);
  secret.wipe();
  CHECK(secret.view().empty());

  sgwchap_tool::wiped_buffer other(16);
  CHECK(sgwchap_tool::read_secret_from_env("SGWCHAP_TEST_SECRET", other) == sgwchap_tool::env_status::unset);
  CHECK(sgwchap_tool::read_secret_from_env("", other) == sgwchap_tool::env_status::bad_name);
  CHECK(sgwchap_tool::read_secret_from_env("A=B", other) == sgwchap_tool::env_status::bad_name);
}

TEST_CASE("read_secret_from_env: an empty variable is read as an empty secret") {
  REQUIRE(::setenv("SGWCHAP_TEST_EMPTY", "", 1) == 0);
  sgwchap_tool::wiped_buffer secret(16);
  CHECK(sgwchap_tool::read_secret_from_env("SGWCHAP_TEST_EMPTY", secret) == sgwchap_tool::env_status::ok);
  CHECK(secret.size() == 0);
  CHECK(std::getenv("SGWCHAP_TEST_EMPTY") == nullptr);
}

TEST_CASE("read_secret_from_env: a value longer than the buffer is cut at a character boundary") {
  // 6 bytes of buffer; "aaaaa" + U+00E9 (2 bytes) is 7 bytes: the cut would split the é.
  REQUIRE(::setenv("SGWCHAP_TEST_LONG", "aaaaa\xc3\xa9z", 1) == 0);
  sgwchap_tool::wiped_buffer secret(6);
  CHECK(sgwchap_tool::read_secret_from_env("SGWCHAP_TEST_LONG", secret) == sgwchap_tool::env_status::ok);
  CHECK(secret.truncated());
  CHECK(secret.view() == "aaaaa");

  REQUIRE(::setenv("SGWCHAP_TEST_LONG", "aaaa\xc3\xa9z", 1) == 0);
  sgwchap_tool::wiped_buffer whole(6);
  CHECK(sgwchap_tool::read_secret_from_env("SGWCHAP_TEST_LONG", whole) == sgwchap_tool::env_status::ok);
  CHECK(whole.view() == "aaaa\xc3\xa9");
}
