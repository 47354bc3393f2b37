// The tool's reusable parts, table-driven: terminal-safe escaping and caret columns
// (tools/sgwchap/render.hpp), JSON strings (json_writer.hpp), and secret input (input.hpp:
// the environment variable is copied, wiped in place and unset; a long input is cut at a
// character boundary).
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "sgwchap/input.hpp"
#include "sgwchap/json_writer.hpp"
#include "sgwchap/render.hpp"

namespace render = sgwchap::render;

TEST_CASE("escape_for_terminal: every unsafe character becomes a visible escape") {
  struct row {
    std::string_view input;
    std::string_view escaped;
  };
  const row rows[] = {
      {"iqn.2001-04.com.example", "iqn.2001-04.com.example"},
      {"a\tb", "a\\tb"},
      {"a\nb\r", "a\\nb\\r"},
      {"\x1b[31m", "\\x1b[31m"},
      {std::string_view("\0x", 2), "\\x00x"},
      {"\x7f", "\\x7f"},
      {"back\\slash", "back\\\\slash"},
      {"\xc2\x85", "\\u0085"},  // NEL (C1)
      {"\xc2\x9b", "\\u009b"},  // CSI (C1)
      {"ab\xe2\x80\xae"
       "cd",
       "ab\\u202ecd"},              // RIGHT-TO-LEFT OVERRIDE
      {"\xe2\x81\xa6", "\\u2066"},  // LEFT-TO-RIGHT ISOLATE
      {"\xe2\x80\x8f", "\\u200f"},  // RIGHT-TO-LEFT MARK
      {"\xd8\x9c", "\\u061c"},      // ARABIC LETTER MARK
      {"\xef\xbb\xbf"
       "x",
       "\\ufeffx"},                         // BOM
      {"\xe2\x80\x8b", "\\u200b"},          // ZERO WIDTH SPACE
      {"\xe2\x80\xa8", "\\u2028"},          // LINE SEPARATOR
      {"caf\xc3\xa9", "caf\xc3\xa9"},       // printable UTF-8 stays
      {"\xff", "\\xff"},                    // invalid byte
      {"\xc3", "\\xc3"},                    // truncated sequence
      {"\xed\xa0\x80", "\\xed\\xa0\\x80"},  // surrogate: three invalid bytes
  };
  for (const row& r : rows) {
    INFO(r.escaped);
    CHECK(render::escape_for_terminal(r.input) == r.escaped);
  }
}

TEST_CASE("caret_at: the column counts what the terminal shows") {
  struct row {
    std::string_view value;
    std::size_t offset;
    std::size_t column;
    std::size_t width;
  };
  const row rows[] = {
      {"iqn.2015-13.x", 9, 9, 1},
      {"\xc3\xa9\xc3\xa9x", 4, 2, 1},  // two 2-byte characters before: 2 columns
      {"\xc3\xa9\xc3\xa9x", 3, 1, 1},  // inside a character: that character's column
      {"a\tb", 1, 1, 2},               // the tab's escape \t is 2 columns wide
      {"a\tb", 2, 3, 1},
      {"\x1b[2Jx", 4, 7, 1},  // \x1b is 4 columns
      {"ab\xe2\x80\xae"
       "c",
       5, 8, 1},         // \u202e is 6 columns
      {"abc", 3, 3, 1},  // at the end (too short): just after the value
      {"", 0, 0, 1},
      {"abc", 99, 3, 1},
  };
  for (const row& r : rows) {
    INFO(render::escape_for_terminal(r.value) << " offset " << r.offset);
    const auto at = render::caret_at(r.value, r.offset);
    CHECK(at.column == r.column);
    CHECK(at.width == r.width);
  }
}

TEST_CASE("caret_lines: value and caret, colour only from the palette") {
  CHECK(render::caret_lines("iqn.2015-13.x", 9, render::palette::plain()) == "    iqn.2015-13.x\n             ^\n");
  CHECK(render::caret_lines("a\tb", 1, render::palette::plain(), 0) == "a\\tb\n ^~\n");
  CHECK(render::caret_lines("ab", 1, render::palette::colour(), 0) == "ab\n \x1b[1;32m^\x1b[0m\n");
}

TEST_CASE("want_colour: a terminal and no NO_COLOR (https://no-color.org)") {
  struct row {
    bool terminal;
    const char* no_color;
    bool colour;
  };
  const row rows[] = {
      {true, nullptr, true}, {true, "1", false}, {true, "", true}, {false, nullptr, false}, {false, "1", false}};
  for (const row& r : rows) CHECK(render::want_colour(r.terminal, r.no_color) == r.colour);
}

TEST_CASE("append_json_string: RFC 8259 escaping, terminal-safe, invalid bytes replaced") {
  struct row {
    std::string_view input;
    std::string_view json;
  };
  const row rows[] = {
      {"plain", "\"plain\""},  {"q\"b\\", "\"q\\\"b\\\\\""},    {"\n\t\r", "\"\\n\\t\\r\""},
      {"\x1b", "\"\\u001b\""}, {"\xe2\x80\xae", "\"\\u202e\""}, {"caf\xc3\xa9", "\"caf\xc3\xa9\""},
      {"\xff", "\"\\ufffd\""},
  };
  for (const row& r : rows) {
    std::string out;
    sgwchap_tool::append_json_string(out, r.input);
    CHECK(out == r.json);
  }
}

TEST_CASE("json_writer: commas and nesting") {
  sgwchap_tool::json_writer j;
  j.begin_object().member("a", true).key("b").begin_array().number(1).string("x").end_array();
  j.key("c").begin_object().end_object().member("d", "e").end_object();
  CHECK(j.str() == R"({"a":true,"b":[1,"x"],"c":{},"d":"e"})");
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
