// Tests of include/sgwchap/json_encode.hpp: the documented example byte for byte (SPEC §9).
#include <catch2/catch.hpp>

#include <sgwchap/json.hpp>

namespace {
constexpr std::string_view doc_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view doc_initiator = "iqn.1991-05.com.microsoft:computername.domain.example.com";
}  // namespace

TEST_CASE("the documented UpdateChapCredentials example encodes byte for byte, in MODEL order") {
  const auto request = sgwchap::update_chap_credentials_request::from_strings(doc_arn, doc_initiator, "111111111111",
                                                                              std::string_view("222222222222"));
  REQUIRE(request.has_value());
  std::string body;
  sgwchap::encode_body(*request, body);
  CHECK(body == std::string(R"({"TargetARN":")") + std::string(doc_arn) +
                    R"(","SecretToAuthenticateInitiator":"111111111111","InitiatorName":")" +
                    std::string(doc_initiator) + R"(","SecretToAuthenticateTarget":"222222222222"})");
}
