// fmt formatters (sgwchap/fmt.hpp): exact output of each, the caret rendering, terminal-safe
// escaping, and that no formatter ever prints a secret's bytes.
#include <catch2/catch.hpp>

#include <optional>
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
       "                         ^"},
      // An escape sequence is never sent to the terminal raw.
      {"iqn.2015-12.com.\x1B[31mred", sgwchap::profile::strict,
       "InitiatorName: character not allowed (byte 16)\n"
       "  iqn.2015-12.com.\\x1B[31mred\n"
       "                  ^"},
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
      {"\n\r\t\x01\x7F", "\"\\n\\r\\t\\x01\\x7F\""},
      {"\x1B[2J", "\"\\x1B[2J\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},  // well-formed UTF-8 stays
      {"\xE2\x80\xAE"
       "evil",
       "\"\\u{202E}evil\""},                    // RIGHT-TO-LEFT OVERRIDE
      {"\xE2\x81\xA6x", "\"\\u{2066}x\""},      // LEFT-TO-RIGHT ISOLATE
      {"\xEF\xBB\xBFx", "\"\\u{FEFF}x\""},      // byte-order mark
      {"\xC2\x85", "\"\\u{0085}\""},            // NEL, a C1 control
      {"\xFF\xC3", "\"\\xFF\\xC3\""},           // not UTF-8, truncated sequence
      {"\xED\xA0\x80", "\"\\xED\\xA0\\x80\""},  // a surrogate, byte by byte
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
      {"delete", fmt::format("{}", del), "DeleteChapCredentialsOutput{InitiatorName: \"iqn.x\\x1B\"}"},
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
