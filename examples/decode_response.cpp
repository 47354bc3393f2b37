// Decodes what a transport received for DescribeChapCredentials: first a success, then a service
// error. Decoding keeps what the service sent; checking those values is a separate, explicit step.
#include <sgwchap/fmt.hpp>
#include <sgwchap/json.hpp>

#include <fmt/core.h>

#include <string_view>
#include <variant>

namespace {

// The transport's one call: status, headers and body in, a typed answer out.
void handle(int status, std::string_view content_type, std::string_view body) {
  const auto answer =
      sgwchap::decode(sgwchap::operation::describe_chap_credentials, status, {{"Content-Type", content_type}}, body);
  if (!answer) {  // not a response we can read: rule, JSON Pointer and byte offset
    fmt::print("cannot decode: {}\n", answer.error());
    return;
  }
  if (const auto* error = std::get_if<sgwchap::service_error>(&*answer)) {
    fmt::print("{}\n", *error);
    if (error->error_code && *error->error_code == sgwchap::gateway_error_code::target_not_found) {
      fmt::print("the target does not exist, retrying will not help (retryable: {})\n", error->retryable());
    }
    return;
  }
  const auto& result = std::get<sgwchap::describe_chap_credentials_result>(*answer);
  fmt::print("{}\n", result);  // secrets are printed as [redacted]
  for (const auto& problem : sgwchap::validate(result)) fmt::print("  invalid: {}\n", problem);
}

}  // namespace

int main() {  // NOLINT(bugprone-exception-escape): only std::bad_alloc, which ends an example
  handle(
      200, "application/x-amz-json-1.1",
      R"({"ChapCredentials":[{"TargetARN":"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume",)"
      R"("SecretToAuthenticateInitiator":"111111111111","InitiatorName":"iqn.1991-05.com.microsoft:computername.domain.example.com",)"
      R"("SecretToAuthenticateTarget":"222222222222"},)"
      R"({"SecretToAuthenticateInitiator":"a-17-byte-secret!","InitiatorName":"iqn.1998-01.com.vmware:ESX01"}]})");
  handle(400, "application/x-amz-json-1.1",
         R"({"__type":"com.amazonaws.storagegateway#InvalidGatewayRequestException",)"
         R"("message":"The specified target was not found.","error":{"errorCode":"TargetNotFound"}})");
  handle(200, "application/x-amz-json-1.1", R"({"ChapCredentials":{"InitiatorName":"iqn.2001-04.com.example"}})");
  return 0;
}
