// Builds an UpdateChapCredentials request with the type-state builder and turns it into the HTTP
// request that a transport signs (SigV4) and sends. The ARN and the initiator name are literals,
// checked at compile time; the secrets are run-time values (here from the environment).
//
//   INITIATOR_SECRET=... TARGET_SECRET=... encode_request
#include <sgwchap/builders.hpp>
#include <sgwchap/fmt.hpp>
#include <sgwchap/json.hpp>
#include <sgwchap/literals.hpp>

#include <fmt/core.h>

#include <cstdlib>
#include <string_view>
#include <utility>

using namespace sgwchap::literals;

namespace {
std::string_view env_or(const char* name, std::string_view fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string_view(value) : fallback;
}
}  // namespace

int main() {
  // A typo in either literal is a compile error naming the rule and the byte.
  constexpr auto arn =
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
  constexpr auto initiator = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

  auto initiator_secret =
      sgwchap::chap_secret::make(env_or("INITIATOR_SECRET", "111111111111"), sgwchap::profile::strict,
                                 sgwchap::field::secret_to_authenticate_initiator);
  auto target_secret = sgwchap::chap_secret::make(env_or("TARGET_SECRET", "222222222222"), sgwchap::profile::strict,
                                                  sgwchap::field::secret_to_authenticate_target);
  if (!initiator_secret || !target_secret) {
    fmt::print(stderr, "{}\n", !initiator_secret ? initiator_secret.error() : target_secret.error());
    return 1;
  }

  // Leaving out a required member does not compile; mutual CHAP gives a result (secrets must differ).
  auto request = sgwchap::update_chap_credentials_builder{}
                     .target_arn(arn)
                     .initiator_name(initiator)
                     .secret_to_authenticate_initiator(std::move(*initiator_secret))
                     .secret_to_authenticate_target(std::move(*target_secret))
                     .build();
  if (!request) {
    fmt::print(stderr, "{}\n", request.error());
    return 1;
  }

  const sgwchap::http_request http = sgwchap::to_http_request(*request);
  // Hand http.method(), http.path(), http.headers() and http.body().view() to the transport; the
  // body wipes itself when `http` goes away. Printing shows the request with secrets redacted:
  fmt::print("{}\n", http);
  return 0;
}
