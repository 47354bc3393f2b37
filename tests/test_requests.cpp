// Tests of include/sgwchap/requests.hpp (light: no Boost.JSON): building checked requests from
// raw strings, unchecked requests and check_request, validate(result), and the light companions
// it includes (secure_buffer, service_error helpers, http_request redaction).
#include <catch2/catch.hpp>

#include <string>

#include <sgwchap/requests.hpp>

#include "support/example.hpp"

using sgwchap::errc;
using sgwchap::field;

namespace {
constexpr std::string_view arn = sgwchap_test::doc_arn;
constexpr std::string_view initiator = sgwchap_test::doc_initiator;
}  // namespace

TEST_CASE("from_strings reports the first error of each member plus the mutual-secret rule") {
  struct row {
    std::string_view arn, name, secret1;
    std::optional<std::string_view> secret2;
    std::vector<std::pair<errc, field>> expected;
  };
  const std::vector<row> rows{
      {arn, initiator, "111111111111", std::string_view("222222222222"), {}},
      {arn,
       initiator,
       "111111111111",
       std::string_view("111111111111"),
       {{errc::secrets_must_differ, field::secret_to_authenticate_target}}},
      {"arn:aws:x",
       "iqn.2015-1.x",
       "short",
       std::string_view("also short"),
       {{errc::too_short, field::target_arn},
        {errc::too_short, field::secret_to_authenticate_initiator},
        {errc::bad_iqn_date, field::initiator_name},
        {errc::too_short, field::secret_to_authenticate_target}}},
  };
  for (const auto& r : rows) {
    const auto built = sgwchap::update_chap_credentials_request::from_strings(r.arn, r.name, r.secret1, r.secret2);
    if (r.expected.empty()) {
      CHECK(built.has_value());
      continue;
    }
    REQUIRE_FALSE(built.has_value());
    REQUIRE(built.error().size() == r.expected.size());
    for (std::size_t i = 0; i < r.expected.size(); ++i) {
      CHECK(built.error()[i].code == r.expected[i].first);
      CHECK(built.error()[i].which == r.expected[i].second);
    }
  }
}

TEST_CASE("check_request: missing members, then each member's first error, in member order") {
  sgwchap::unchecked_update_chap_credentials_request u;
  u.initiator_name = "IQN.bad";
  u.secret_to_authenticate_target = sgwchap::chap_secret::unchecked("222222222222");
  const auto r = sgwchap::check_request(u);
  REQUIRE_FALSE(r.has_value());
  REQUIRE(r.error().size() == 3);
  CHECK(r.error()[0] == sgwchap::error{errc::missing_member, field::target_arn, 0, 0, sgwchap::length_unit::bytes,
                                       sgwchap::profile::aws_model, 0});
  CHECK(r.error()[1].code == errc::missing_member);
  CHECK(r.error()[1].which == field::secret_to_authenticate_initiator);
  CHECK(r.error()[2].which == field::initiator_name);
  CHECK(r.error()[2].code == errc::uppercase_character);

  sgwchap::unchecked_delete_chap_credentials_request d{std::string(arn), std::nullopt};
  const auto dr = sgwchap::check_request(d);
  REQUIRE_FALSE(dr.has_value());
  REQUIRE(dr.error().size() == 1);
  CHECK(dr.error()[0].which == field::initiator_name);
  d.initiator_name = std::string(initiator);
  CHECK(sgwchap::check_request(d).has_value());
  CHECK(sgwchap::check_request(sgwchap::unchecked_describe_chap_credentials_request{}).error()[0].code ==
        errc::missing_member);
}

TEST_CASE("to_unchecked copies every member, secrets included") {
  const auto r = sgwchap::update_chap_credentials_request::from_strings(arn, initiator, "111111111111",
                                                                        std::string_view("222222222222"));
  REQUIRE(r.has_value());
  const auto u = sgwchap::to_unchecked(*r);
  CHECK(u.target_arn == std::string(arn));
  CHECK(u.secret_to_authenticate_initiator->reveal() == "111111111111");
  CHECK(u.secret_to_authenticate_target->reveal() == "222222222222");
  CHECK(*sgwchap::check_request(u) == *r);
}

TEST_CASE("validate(result) runs the validators with offsets into the value and JSON Pointers") {
  sgwchap::describe_chap_credentials_result d;
  auto& list = d.chap_credentials.emplace();
  list.emplace_back();
  list.emplace_back();
  list[1].initiator_name = "iqn.2015-13.com.example";
  list[1].secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked("111111111111");
  list[1].secret_to_authenticate_target = sgwchap::chap_secret::unchecked("111111111111");
  const auto problems = sgwchap::validate(d);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].code == errc::iqn_month_out_of_range);
  CHECK(problems[0].offset == 9);
  CHECK(problems[0].pointer == "/ChapCredentials/1/InitiatorName");
  CHECK(problems[1].code == errc::secrets_must_differ);
  CHECK(problems[1].pointer == "/ChapCredentials/1/SecretToAuthenticateTarget");
  CHECK(problems[1].message().find("111111111111") == std::string::npos);
  CHECK(sgwchap::validate(d, sgwchap::profile::aws_model).empty());
  const sgwchap::update_chap_credentials_result u{std::string("arn:nope"), std::nullopt};
  const auto up = sgwchap::validate(u);
  REQUIRE(up.size() == 1);
  CHECK(up[0].pointer == "/TargetARN");
  CHECK(up[0].code == errc::too_short);
}

TEST_CASE("secure_buffer grows, clears and moves, and compares by content") {
  sgwchap::secure_buffer b;
  CHECK(b.empty());
  b.append("abc");
  b.push_back('d');
  CHECK(b.view() == "abcd");
  b.append(std::string(100, 'x'));
  CHECK(b.size() == 104);
  CHECK(b.capacity() >= 104);
  const auto copy = b.clone();
  CHECK(copy == b);
  sgwchap::secure_buffer moved(std::move(b));
  CHECK(moved.size() == 104);
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  const std::size_t capacity = moved.capacity();
  moved.clear();
  CHECK(moved.empty());
  CHECK(moved.capacity() == capacity);
}

TEST_CASE("http_request redacts every secret span, headers compare case-insensitively") {
  sgwchap::secure_buffer body(std::string_view(R"({"A":"s1","B":"x","C":"s22"})"));
  std::array<sgwchap::body_span, 2> spans{{{6, 2}, {23, 3}}};
  sgwchap::http_request r("UpdateChapCredentials", std::move(body), spans, 2, "h.example");
  CHECK(r.redacted_body() == R"({"A":"[redacted]","B":"x","C":"[redacted]"})");
  CHECK(r.header("HOST") == std::optional<std::string_view>("h.example"));
  CHECK(r.header("Content-Length") == std::optional<std::string_view>("28"));
  CHECK(r.redacted().rfind("POST /\nHost: h.example\n", 0) == 0);
  CHECK(r.redacted().find("s22") == std::string::npos);
  r.set_header("x-amz-target", "Other");
  CHECK(r.header("X-Amz-Target") == std::optional<std::string_view>("Other"));
}

TEST_CASE("service_error helpers are constexpr") {
  static_assert(sgwchap::clean_error_name("aws.sg#Foo:http://x#y") == "Foo");
  static_assert(sgwchap::parse_gateway_error_code("LunAlreadyAllocated ") ==
                sgwchap::gateway_error_code::lun_already_allocated);
  static_assert(sgwchap::parse_gateway_error_code("Nope") == sgwchap::gateway_error_code::unknown);
  static_assert(sgwchap::is_retryable_error_name("ThrottlingException"));
  CHECK(sgwchap::gateway_error_code_name(sgwchap::gateway_error_code::volume_not_ready) == "VolumeNotReady");
}
