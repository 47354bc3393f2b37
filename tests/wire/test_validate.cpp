// Tests of include/sgwchap/wire/validate.hpp: validate(result).
#include <catch2/catch.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/wire/validate.hpp>

using sgwchap::errc;

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
