// Tests of include/sgwchap/requests.hpp: building checked requests from raw strings. The wire
// layer's (unchecked requests, validate(result), secure_buffer, http_request, service errors)
// are in tests/wire/.
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
