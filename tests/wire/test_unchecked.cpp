// Tests of include/sgwchap/wire/unchecked.hpp: check_request and to_unchecked.
#include <catch2/catch.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/wire/unchecked.hpp>

#include "support/example.hpp"

using sgwchap::errc;
using sgwchap::field;

namespace {
constexpr std::string_view arn = sgwchap_test::doc_arn;
constexpr std::string_view initiator = sgwchap_test::doc_initiator;
}  // namespace

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
