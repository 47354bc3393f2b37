// fmt formatters of the wire types (sgwchap/fmt.hpp): the HTTP request (its body holds both
// secrets), unchecked requests, decode errors and service errors. Built with sgwchap::json to
// produce real values; fmt.hpp itself does not include the codec.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <sgwchap/fmt.hpp>
#include <sgwchap/json.hpp>

#include "support/example.hpp"
#include "support/fmt_rows.hpp"

using sgwchap_test::doc_arn;
using sgwchap_test::doc_initiator;
using sgwchap_test::require_rows;
using sgwchap_test::secret_1;
using sgwchap_test::secret_2;
using row = sgwchap_test::fmt_row;

TEST_CASE("fmt: http_request prints the redacted request, never the secrets") {
  auto request = sgwchap::update_chap_credentials_request::from_strings(doc_arn, doc_initiator, secret_1, secret_2);
  REQUIRE(request.has_value());
  const sgwchap::http_request http = sgwchap::to_http_request(*request);
  // The real body does hold the secrets (so the check below can fail).
  REQUIRE(http.body().view().find(secret_1) != std::string_view::npos);
  const std::string body = R"({"TargetARN":")" + std::string(doc_arn) +
                           R"(","SecretToAuthenticateInitiator":"[redacted]","InitiatorName":")" +
                           std::string(doc_initiator) + R"(","SecretToAuthenticateTarget":"[redacted]"})";
  require_rows({
      {"http_request", fmt::format("{}", http),
       "POST /\n"
       "Host: storagegateway.us-east-1.amazonaws.com\n"
       "Content-Type: application/x-amz-json-1.1\n"
       "X-Amz-Target: StorageGateway_20130630.UpdateChapCredentials\n"
       "Content-Length: " +
           std::to_string(http.body().size()) +
           "\n"
           "\n" +
           body},
      {"same as redacted()", fmt::format("{}", http), http.redacted()},
  });
}

TEST_CASE("fmt: http_request never prints an X-Amz-Security-Token (a signer's session token)") {
  auto request = sgwchap::describe_chap_credentials_request::from_strings(doc_arn);
  REQUIRE(request.has_value());
  sgwchap::http_request http = sgwchap::to_http_request(*request);
  http.set_header("x-amz-security-token", "FQoGZXIvYXdzEBaaTOKEN");
  REQUIRE(http.header("X-Amz-Security-Token") == "FQoGZXIvYXdzEBaaTOKEN");  // the transport gets it
  const std::string shown = fmt::format("{}", http);
  CHECK(shown.find("FQoGZXIvYXdzEBaaTOKEN") == std::string::npos);
  CHECK(shown.find("x-amz-security-token: [redacted]\n") != std::string::npos);
  CHECK(shown == http.redacted());
}

TEST_CASE("fmt: unchecked requests, secrets redacted, strings escaped") {
  sgwchap::unchecked_update_chap_credentials_request update;
  update.target_arn = "arn:\x1B[2J";
  update.secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked(secret_1);
  update.secret_to_authenticate_target = sgwchap::chap_secret::unchecked(secret_2);
  sgwchap::unchecked_describe_chap_credentials_request describe{std::string(doc_arn)};
  sgwchap::unchecked_delete_chap_credentials_request del{std::nullopt, std::string(doc_initiator)};
  require_rows({
      {"update", fmt::format("{}", update),
       "UpdateChapCredentialsInput(unchecked){TargetARN: \"arn:\\x1b[2J\", SecretToAuthenticateInitiator: [redacted], "
       "SecretToAuthenticateTarget: [redacted]}"},
      {"describe", fmt::format("{}", describe),
       "DescribeChapCredentialsInput(unchecked){TargetARN: \"" + std::string(doc_arn) + "\"}"},
      {"delete", fmt::format("{}", del),
       "DeleteChapCredentialsInput(unchecked){InitiatorName: \"" + std::string(doc_initiator) + "\"}"},
  });
}

TEST_CASE("fmt: decode errors and service errors") {
  const auto wrong = sgwchap::decode_describe_chap_credentials_response(R"({"ChapCredentials":[{"InitiatorName":7}]})");
  REQUIRE_FALSE(wrong.has_value());
  const auto error =
      sgwchap::decode_service_error(
          400, {},
          R"({"__type":"aws.sg#InvalidGatewayRequestException","message":"The specified volume was not found.",)"
          R"("error":{"errorCode":"VolumeNotFound","errorDetails":{"k":"v"}}})")
          .value();
  const auto proxy = sgwchap::decode_service_error(502, {}, "<html>Bad\x1B Gateway</html>").value();
  require_rows({
      {"decode_error", fmt::format("{}", wrong.error()), wrong.error().message()},
      {"decode_error text", fmt::format("{}", wrong.error()),
       "/ChapCredentials/0/InitiatorName: wrong JSON type (byte 37)"},
      {"gateway_error_code", fmt::format("{}", sgwchap::gateway_error_code::volume_not_found), "VolumeNotFound"},
      {"service_error", fmt::format("{}", error),
       "ServiceError{status: 400, name: \"InvalidGatewayRequestException\", message: \"The specified volume was not "
       "found.\", errorCode: \"VolumeNotFound\", errorDetails: {\"k\": \"v\"}, retryable: false}"},
      {"service_error_code", fmt::format("{}", *error.error_code), "VolumeNotFound"},
      {"not JSON", fmt::format("{}", proxy).substr(0, 33), "ServiceError{status: 502, message"},
  });
  // Whatever the excerpt of a non-JSON body holds, the escape byte never reaches the terminal.
  REQUIRE(fmt::format("{}", proxy).find('\x1B') == std::string::npos);
  REQUIRE(fmt::format("{}", proxy).find("retryable: true}") != std::string::npos);
}
