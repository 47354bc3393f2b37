// fmt formatters (sgwchap/fmt.hpp): exact output of each, the caret rendering, terminal-safe
// escaping, and that no formatter ever prints a secret's bytes.
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <sgwchap/fmt.hpp>

#include "support/example.hpp"
#include "support/fmt_rows.hpp"

using sgwchap_test::doc_arn;
using sgwchap_test::doc_initiator;
using sgwchap_test::require_rows;
using sgwchap_test::secret_1;  // must never show up in any output below
using sgwchap_test::secret_2;
using row = sgwchap_test::fmt_row;

namespace {

sgwchap::error error_of(const sgwchap::result<sgwchap::iscsi_name_view>& r) {
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

}  // namespace

TEST_CASE("fmt: enums, views, owning values and errors") {
  const auto arn_view = sgwchap::parse_target_arn(doc_arn);
  const auto name_view = sgwchap::parse_iscsi_name(doc_initiator);
  REQUIRE(arn_view.has_value());
  REQUIRE(name_view.has_value());
  const auto month = error_of(sgwchap::parse_iscsi_name("iqn.2015-13.com.example"));

  const std::vector<row> rows = {
      {"errc", fmt::format("{}", sgwchap::errc::iqn_month_out_of_range), "iqn_month_out_of_range"},
      {"errc with spec", fmt::format("[{:<12}]", sgwchap::errc::too_long), "[too_long    ]"},
      {"field", fmt::format("{}", sgwchap::field::secret_to_authenticate_target), "SecretToAuthenticateTarget"},
      {"profile", fmt::format("{} {}", sgwchap::profile::strict, sgwchap::profile::aws_model), "strict aws_model"},
      {"operation", fmt::format("{}", sgwchap::operation::describe_chap_credentials), "DescribeChapCredentials"},
      {"form", fmt::format("{}", name_view->form()), "iqn"},
      {"target_arn_view", fmt::format("{}", *arn_view), std::string(doc_arn)},
      {"target_arn", fmt::format("{}", sgwchap::target_arn(*arn_view)), std::string(doc_arn)},
      {"iscsi_name_view", fmt::format("{}", *name_view), std::string(doc_initiator)},
      {"iscsi_name", fmt::format("{}", sgwchap::iscsi_name(*name_view)), std::string(doc_initiator)},
      {"endpoint host", fmt::format("{}", arn_view->host()), "storagegateway.us-east-1.amazonaws.com"},
      {"error", fmt::format("{}", month), "InitiatorName: month must be 01..12 (byte 9)"},
      {"error == message()", fmt::format("{}", month), std::string(month.message().view())},
      {"errc of an error", fmt::format("{}: {}", month.code, month.which), "iqn_month_out_of_range: InitiatorName"},
  };
  require_rows(rows);  // also: no secret in any of them
}

TEST_CASE("fmt: error with its input and a caret") {
  struct caret_row {
    std::string_view input;
    sgwchap::profile profile;
    std::string expected;
  };
  const std::string long_name = "iqn.2015-12.com." + std::string(150, 'a') + "_" + std::string(100, 'b');
  const caret_row rows[] = {
      {"iqn.2015-13.com.example", sgwchap::profile::strict,
       "InitiatorName: month must be 01..12 (byte 9)\n"
       "  iqn.2015-13.com.example\n"
       "           ^"},
      // The offset is one past the end: the caret goes after the last character.
      {"iqn.2015-12.com.example:", sgwchap::profile::strict,
       "InitiatorName: nothing after ':' (the unique part must not be empty) (byte 24)\n"
       "  iqn.2015-12.com.example:\n"
       "                          ^"},
      // A tab is escaped (two columns) and an é is one column: the caret still lines up.
      {"iqn.2015-12.com.ex\xC3\xA9\tmple", sgwchap::profile::strict,
       "InitiatorName: character not allowed (byte 18)\n"
       "  iqn.2015-12.com.ex\xC3\xA9\\tmple\n"
       "                    ^"},
      {"iqn.2015-12.com.example\t", sgwchap::profile::strict,
       "InitiatorName: character not allowed (byte 23)\n"
       "  iqn.2015-12.com.example\\t\n"
       "                         ^~"},
      // An escape sequence is never sent to the terminal raw.
      {"iqn.2015-12.com.\x1B[31mred", sgwchap::profile::strict,
       "InitiatorName: character not allowed (byte 16)\n"
       "  iqn.2015-12.com.\\x1b[31mred\n"
       "                  ^~~~"},
      // Longer than 120 bytes: a window of 60 bytes before and 40 after the offset.
      {long_name, sgwchap::profile::aws_model,
       "InitiatorName: character not allowed (byte 166)\n"
       "  ..." +
           std::string(60, 'a') + "_" + std::string(39, 'b') + "...\n" + std::string(2 + 3 + 60, ' ') + "^"},
  };
  for (const caret_row& r : rows) {
    CAPTURE(r.input);
    const auto e = error_of(sgwchap::parse_iscsi_name(r.input, r.profile));
    REQUIRE(fmt::format("{}", sgwchap::with_input(e, r.input)) == r.expected);
  }
}

TEST_CASE("fmt: a secret's error never shows the secret") {
  const std::string with_newline = std::string(secret_1) + "\n";
  const auto checked =
      sgwchap::check_chap_secret(with_newline, sgwchap::profile::strict, sgwchap::field::secret_to_authenticate_target);
  REQUIRE_FALSE(checked.has_value());
  const std::string shown = fmt::format("{}", sgwchap::with_input(checked.error(), with_newline));
  REQUIRE(shown ==
          "SecretToAuthenticateTarget: control character U+000A (line feed: was the value written with echo "
          "instead of printf?) not allowed (byte 12)");
  REQUIRE(shown.find(secret_1) == std::string::npos);
}

TEST_CASE("fmt: terminal-safe escaping") {
  const std::pair<std::string_view, std::string_view> rows[] = {
      {"plain", "\"plain\""},
      {"a\"b\\c", "\"a\\\"b\\\\c\""},
      {"\n\r\t\x01\x7F", "\"\\n\\r\\t\\x01\\x7f\""},
      {"\x1B[2J", "\"\\x1b[2J\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},  // well-formed UTF-8 stays
      {"\xE2\x80\xAE"
       "evil",
       "\"\\u202eevil\""},                      // RIGHT-TO-LEFT OVERRIDE
      {"\xE2\x81\xA6x", "\"\\u2066x\""},        // LEFT-TO-RIGHT ISOLATE
      {"\xEF\xBB\xBFx", "\"\\ufeffx\""},        // byte-order mark
      {"\xC2\x85", "\"\\u0085\""},              // NEL, a C1 control
      {"\xFF\xC3", "\"\\xff\\xc3\""},           // not UTF-8, truncated sequence
      {"\xED\xA0\x80", "\"\\xed\\xa0\\x80\""},  // a surrogate, byte by byte
  };
  for (const auto& [input, expected] : rows) {
    CAPTURE(input);
    REQUIRE(fmt::format("{}", sgwchap::escaped{input, true}) == expected);
  }
  REQUIRE(fmt::format("{}", sgwchap::escaped{"a\"\n"}) == "a\"\\n");  // unquoted: quotes stay
}

TEST_CASE("fmt: chap_secret is always redacted") {
  const auto s = sgwchap::chap_secret::make(secret_1);
  REQUIRE(s.has_value());
  REQUIRE(fmt::format("{}", *s) == "[redacted]");
  REQUIRE(fmt::format("[{:>12}]", *s) == "[  [redacted]]");
  REQUIRE(fmt::format("{}", sgwchap::chap_secret::unchecked(secret_2)) == "[redacted]");
  REQUIRE(fmt::format("{}", sgwchap::chap_secret{}) == "[redacted]");
}

TEST_CASE("fmt: SigV4 credentials are always redacted, and so are their errors' inputs") {
  constexpr std::string_view key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  constexpr std::string_view token = "AQoDYXdzEPT//////////wEXAMPLE";
  auto creds = sgwchap::sigv4::credentials::make("AKIDEXAMPLE", key, token);
  REQUIRE(creds.has_value());
  REQUIRE(creds->reveal_secret_access_key() == key);  // they are there, and never printed
  REQUIRE(fmt::format("{}", *creds) == "[redacted]");
  REQUIRE(fmt::format("[{:>12}]", *creds) == "[  [redacted]]");
  REQUIRE(fmt::format("{}", sgwchap::sigv4::credentials{}) == "[redacted]");
  // An error about the secret key or the token: the message only, never the value under a caret.
  const std::string with_newline = std::string(key) + "\n";
  const auto bad = sgwchap::sigv4::credentials::make("AKIDEXAMPLE", with_newline);
  REQUIRE_FALSE(bad.has_value());
  const std::string shown = fmt::format("{}", sgwchap::with_input(bad.error(), with_newline));
  REQUIRE(shown ==
          "SecretAccessKey: control character U+000A (line feed: was the value written with echo instead of "
          "printf?) not allowed (byte 40)");
  const std::string bad_token = std::string(token) + "\r";
  const auto bad2 = sgwchap::sigv4::credentials::make("AKIDEXAMPLE", key, bad_token);
  REQUIRE_FALSE(bad2.has_value());
  REQUIRE(fmt::format("{}", sgwchap::with_input(bad2.error(), bad_token)).find(token) == std::string::npos);
}

TEST_CASE("fmt: requests, secrets redacted") {
  auto mutual = sgwchap::update_chap_credentials_request::from_strings(doc_arn, doc_initiator, secret_1, secret_2);
  auto one_way = sgwchap::update_chap_credentials_request::from_strings(doc_arn, doc_initiator, secret_1, std::nullopt);
  auto describe = sgwchap::describe_chap_credentials_request::from_strings(doc_arn);
  auto del = sgwchap::delete_chap_credentials_request::from_strings(doc_arn, doc_initiator);
  REQUIRE(mutual.has_value());
  REQUIRE(one_way.has_value());
  REQUIRE(describe.has_value());
  REQUIRE(del.has_value());
  const std::string arn = "\"" + std::string(doc_arn) + "\"";
  const std::string name = "\"" + std::string(doc_initiator) + "\"";
  const std::vector<row> rows = {
      {"update, mutual", fmt::format("{}", *mutual),
       "UpdateChapCredentialsInput{TargetARN: " + arn + ", SecretToAuthenticateInitiator: [redacted], InitiatorName: " +
           name + ", SecretToAuthenticateTarget: [redacted]}"},
      {"update, one-way", fmt::format("{}", *one_way),
       "UpdateChapCredentialsInput{TargetARN: " + arn +
           ", SecretToAuthenticateInitiator: [redacted], InitiatorName: " + name + "}"},
      {"describe", fmt::format("{}", *describe), "DescribeChapCredentialsInput{TargetARN: " + arn + "}"},
      {"delete", fmt::format("{}", *del),
       "DeleteChapCredentialsInput{TargetARN: " + arn + ", InitiatorName: " + name + "}"},
  };
  require_rows(rows);
}

TEST_CASE("fmt: every problem of a request built from strings") {
  const auto bad = sgwchap::update_chap_credentials_request::from_strings(doc_arn, "iqn.2015-13.com.example", "short",
                                                                          std::string_view(secret_1));
  REQUIRE_FALSE(bad.has_value());
  REQUIRE(fmt::format("{}", bad.error()) ==
          "SecretToAuthenticateInitiator: must be at least 12 bytes (strict profile) (byte 5); "
          "InitiatorName: month must be 01..12 (byte 9)");
}

TEST_CASE("fmt: results, secrets redacted, strings escaped") {
  sgwchap::update_chap_credentials_result update{std::string(doc_arn), std::nullopt};
  sgwchap::delete_chap_credentials_result del{std::nullopt, std::string("iqn.x\x1B")};
  sgwchap::describe_chap_credentials_result none{};
  sgwchap::describe_chap_credentials_result empty{std::vector<sgwchap::chap_info>{}};
  sgwchap::describe_chap_credentials_result two{std::vector<sgwchap::chap_info>{}};
  two.chap_credentials->push_back(sgwchap::chap_info{std::string(doc_arn), sgwchap::chap_secret::unchecked(secret_1),
                                                     std::string(doc_initiator),
                                                     sgwchap::chap_secret::unchecked(secret_2)});
  two.chap_credentials->push_back(
      sgwchap::chap_info{std::nullopt, sgwchap::chap_secret::unchecked(secret_2), std::nullopt, std::nullopt});
  const std::string arn = "\"" + std::string(doc_arn) + "\"";
  const std::string name = "\"" + std::string(doc_initiator) + "\"";
  const std::vector<row> rows = {
      {"update", fmt::format("{}", update), "UpdateChapCredentialsOutput{TargetARN: " + arn + "}"},
      {"delete", fmt::format("{}", del), "DeleteChapCredentialsOutput{InitiatorName: \"iqn.x\\x1b\"}"},
      {"describe, absent", fmt::format("{}", none), "DescribeChapCredentialsOutput{}"},
      {"describe, empty", fmt::format("{}", empty), "DescribeChapCredentialsOutput{ChapCredentials: []}"},
      {"describe, two", fmt::format("{}", two),
       "DescribeChapCredentialsOutput{ChapCredentials: [ChapInfo{TargetARN: " + arn +
           ", SecretToAuthenticateInitiator: [redacted], InitiatorName: " + name +
           ", SecretToAuthenticateTarget: [redacted]}, ChapInfo{SecretToAuthenticateInitiator: [redacted]}]}"},
  };
  require_rows(rows);
}

TEST_CASE("fmt: a format spec is refused where the output is fixed") {
  const auto s = sgwchap::chap_secret::unchecked(secret_1);
  auto one_way = sgwchap::update_chap_credentials_request::from_strings(doc_arn, doc_initiator, secret_1, std::nullopt);
  REQUIRE(one_way.has_value());
  REQUIRE_THROWS_AS(fmt::format(fmt::runtime("{:x}"), *one_way), fmt::format_error);
  REQUIRE_THROWS_AS(fmt::format(fmt::runtime("{:>40}"), sgwchap::describe_chap_credentials_result{}),
                    fmt::format_error);
  REQUIRE(fmt::format(fmt::runtime("{:>12}"), s) == "  [redacted]");  // a secret takes the string spec
}

// The rows below came from the tool's own renderer (tests/tool), which the tool no longer has:
// it prints through these formatters, in the one spelling of detail/render.hpp.

TEST_CASE("fmt: escaped, unquoted: every unsafe character becomes a visible escape") {
  struct case_row {
    std::string_view input;
    std::string_view escaped;
  };
  const case_row rows[] = {
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
  for (const case_row& r : rows) {
    INFO(r.escaped);
    CHECK(fmt::format("{}", sgwchap::escaped{r.input}) == r.escaped);
  }
}

TEST_CASE("fmt: caret_lines counts the columns the terminal shows") {
  struct case_row {
    std::string_view value;
    std::size_t offset;
    std::size_t column;
    std::size_t width;
  };
  const case_row rows[] = {
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
  for (const case_row& r : rows) {
    const std::string shown = fmt::format("{}", sgwchap::caret_lines{r.value, r.offset, 0});
    INFO(shown);
    const std::string expected_caret = std::string(r.column, ' ') + "^" + std::string(r.width - 1, '~');
    CHECK(shown == fmt::format("{}\n{}", sgwchap::escaped{r.value}, expected_caret));
  }
  CHECK(fmt::format("{}", sgwchap::caret_lines{"iqn.2015-13.x", 9, 4}) == "    iqn.2015-13.x\n             ^");
  CHECK(fmt::format("{}", sgwchap::caret_lines{"a\tb", 1, 0}) == "a\\tb\n ^~");
  CHECK(fmt::format("{}", sgwchap::caret_lines{"ab", 1, 0, 0, "\x1b[1;32m", "\x1b[0m"}) == "ab\n \x1b[1;32m^\x1b[0m");
}

TEST_CASE("fmt: json_quoted: RFC 8259 escaping, terminal-safe, invalid bytes replaced") {
  struct case_row {
    std::string_view input;
    std::string_view json;
  };
  const case_row rows[] = {
      {"plain", "\"plain\""},  {"q\"b\\", "\"q\\\"b\\\\\""},    {"\n\t\r", "\"\\n\\t\\r\""},
      {"\x1b", "\"\\u001b\""}, {"\xe2\x80\xae", "\"\\u202e\""}, {"caf\xc3\xa9", "\"caf\xc3\xa9\""},
      {"\xff", "\"\\ufffd\""},
  };
  for (const case_row& r : rows) CHECK(fmt::format("{}", sgwchap::json_quoted{r.input}) == r.json);
}

// The plain values' string spec (detail::text_spec): each row is a spec, the value and the text,
// or the exact refusal when the spec is not [[fill]align][width][.precision][s].
TEST_CASE("fmt: the plain values take the string spec, parsed by our own grammar") {
  struct spec_row {
    std::string_view spec;
    std::string_view expected;  // empty: fmt::format_error
  };
  const sgwchap::errc rule = sgwchap::errc::too_long;  // prints "too_long"
  const spec_row rows[] = {
      {"{}", "too_long"},
      {"{:}", "too_long"},
      {"{:s}", "too_long"},
      {"{:10}", "too_long  "},
      {"{:<10}", "too_long  "},
      {"{:>10}", "  too_long"},
      {"{:^11}", " too_long  "},
      {"{:*^12}", "**too_long**"},
      {"{:\xc2\xb7>10}", "\xc2\xb7\xc2\xb7too_long"},  // a two-byte fill, counted as one character
      {"{:.3}", "too"},
      {"{:>5.2s}", "   to"},
      {"{:3}", "too_long"},  // a width below the length pads nothing and cuts nothing
      {"{:+}", ""},
      {"{:#}", ""},
      {"{:08}", ""},
      {"{:{}}", ""},
      {"{:.}", ""},
      {"{:d}", ""},
      {"{:{<5}", ""},
      {"{:70000}", ""},
  };
  for (const spec_row& r : rows) {
    INFO(r.spec);
    if (r.expected.empty()) {
      REQUIRE_THROWS_AS(fmt::format(fmt::runtime(r.spec), rule, 1), fmt::format_error);
    } else {
      REQUIRE(fmt::format(fmt::runtime(r.spec), rule) == r.expected);
    }
  }
  // Characters, not bytes: the precision never cuts a UTF-8 sequence.
  sgwchap::static_string<8> s;
  REQUIRE(s.append("\xc3\xa9t\xc3\xa9"));
  REQUIRE(fmt::format("{:.2}|{:>4}", s, s) == "\xc3\xa9t| \xc3\xa9t\xc3\xa9");
}

TEST_CASE("fmt: the workflow requests and results, every member type") {
  const std::string gw = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B";
  const std::string vol1 = gw + "/volume/vol-1122AABB";
  const std::string vol2 = gw + "/volume/vol-3344CCDD";
  const std::string dev = gw + "/device/AMZN_SGW-1FAD4876_TAPEDRIVE_00001";
  const std::string target = gw + "/target/iqn.1997-05.com.amazon:myvolume";
  const std::vector<std::string> vols{vol1, vol2};
  const std::vector<std::string> devs{dev};
  const auto list_volumes = sgwchap::list_volumes_request::from_strings(gw, std::string_view("m"), 10);
  const auto stored = sgwchap::describe_stored_iscsi_volumes_request::from_strings(
      sgwchap::text_list(std::span<const std::string>(vols)));
  const auto vtl = sgwchap::describe_vtl_devices_request::from_strings(
      gw, sgwchap::text_list(std::span<const std::string>(devs)), std::nullopt, 5);
  const auto vtl_empty = sgwchap::describe_vtl_devices_request::from_strings(gw, sgwchap::text_list{});
  REQUIRE(list_volumes.has_value());
  REQUIRE(stored.has_value());
  REQUIRE(vtl.has_value());
  REQUIRE(vtl_empty.has_value());
  const sgwchap::unchecked_describe_cached_iscsi_volumes_request unchecked{
      std::vector<std::string>{"a\"b", "\x1b", ""}};
  const sgwchap::unchecked_list_volumes_request unchecked_limit{std::nullopt, std::nullopt, -2147483648};

  sgwchap::describe_stored_iscsi_volumes_result result{std::vector<sgwchap::stored_iscsi_volume>(2)};
  auto& v = (*result.stored_iscsi_volumes)[0];
  v.volume_arn = vol1;
  v.volume_size_in_bytes = 9223372036854775807;
  v.volume_progress = 0.1;
  v.preserved_existing_data = true;
  v.volume_iscsi_attributes = sgwchap::volume_iscsi_attributes{target, "10.0.0.1", 3260, 0, false};
  v.created_date = sgwchap::timestamp{std::chrono::nanoseconds{1'583'443'386'123'000'000}};
  v.volume_used_in_bytes = -9223372036854775807 - 1;
  auto& w = (*result.stored_iscsi_volumes)[1];
  w.volume_progress = 1e300;
  w.created_date = sgwchap::timestamp{std::chrono::nanoseconds{-1'500'000'000}};
  w.volume_iscsi_attributes.emplace();
  sgwchap::describe_vtl_devices_result vtl_result{gw, std::vector<sgwchap::vtl_device>(1), "next\n"};
  (*vtl_result.vtl_devices)[0].vtl_device_arn = dev;
  (*vtl_result.vtl_devices)[0].device_iscsi_attributes =
      sgwchap::device_iscsi_attributes{std::nullopt, std::nullopt, std::nullopt, true};
  sgwchap::describe_cached_iscsi_volumes_result cached{std::vector<sgwchap::cached_iscsi_volume>(1)};
  (*cached.cached_iscsi_volumes)[0].volume_progress = 100.0;
  (*cached.cached_iscsi_volumes)[0].created_date = sgwchap::timestamp{};

  const auto quoted = [](const std::string& s) { return "\"" + s + "\""; };
  const std::vector<row> rows = {
      {"ListVolumes", fmt::format("{}", *list_volumes),
       "ListVolumesInput{GatewayARN: " + quoted(gw) + ", Marker: \"m\", Limit: 10}"},
      {"DescribeStorediSCSIVolumes", fmt::format("{}", *stored),
       "DescribeStorediSCSIVolumesInput{VolumeARNs: [" + quoted(vol1) + ", " + quoted(vol2) + "]}"},
      {"DescribeVTLDevices", fmt::format("{}", *vtl),
       "DescribeVTLDevicesInput{GatewayARN: " + quoted(gw) + ", VTLDeviceARNs: [" + quoted(dev) + "], Limit: 5}"},
      {"DescribeVTLDevices, empty list", fmt::format("{}", *vtl_empty),
       "DescribeVTLDevicesInput{GatewayARN: " + quoted(gw) + ", VTLDeviceARNs: []}"},
      {"unchecked list, escaped elements", fmt::format("{}", unchecked),
       R"(DescribeCachediSCSIVolumesInput(unchecked){VolumeARNs: ["a\"b", "\x1b", ""]})"},
      {"unchecked int32 min", fmt::format("{}", unchecked_limit), "ListVolumesInput(unchecked){Limit: -2147483648}"},
      {"stored volumes, every type", fmt::format("{}", result),
       "DescribeStorediSCSIVolumesOutput{StorediSCSIVolumes: [StorediSCSIVolume{VolumeARN: " + quoted(vol1) +
           ", VolumeSizeInBytes: 9223372036854775807, VolumeProgress: 0.1, PreservedExistingData: true, "
           "VolumeiSCSIAttributes: VolumeiSCSIAttributes{TargetARN: " +
           quoted(target) +
           ", NetworkInterfaceId: \"10.0.0.1\", NetworkInterfacePort: 3260, LunNumber: 0, ChapEnabled: false}, "
           "CreatedDate: 2020-03-05T21:23:06.123Z, VolumeUsedInBytes: -9223372036854775808}, "
           "StorediSCSIVolume{VolumeProgress: 1e+300, VolumeiSCSIAttributes: VolumeiSCSIAttributes{}, "
           "CreatedDate: 1969-12-31T23:59:58.5Z}]}"},
      {"VTL devices, nested", fmt::format("{}", vtl_result),
       "DescribeVTLDevicesOutput{GatewayARN: " + quoted(gw) + ", VTLDevices: [VTLDevice{VTLDeviceARN: " + quoted(dev) +
           ", DeviceiSCSIAttributes: DeviceiSCSIAttributes{ChapEnabled: true}}], Marker: \"next\\n\"}"},
      {"cached volumes, whole numbers", fmt::format("{}", cached),
       "DescribeCachediSCSIVolumesOutput{CachediSCSIVolumes: [CachediSCSIVolume{VolumeProgress: 100, "
       "CreatedDate: 1970-01-01T00:00:00Z}]}"},
  };
  require_rows(rows);
}
