// Links sgwchap::sigv4: the signer, and OpenSSL's libcrypto through sgwchap's usage requirements.
// Signs the AWS SigV4 test suite's post-vanilla request and prints its Authorization header.
#include <sgwchap/sigv4.hpp>

#include <chrono>
#include <cstdio>

int main() {
  using namespace std::chrono;
  auto creds = sgwchap::sigv4::credentials::make("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  if (!creds.has_value()) return 1;
  sgwchap::sigv4::request request;
  request.method = "POST";
  request.headers = {{"Host", "example.amazonaws.com"}};
  const sys_seconds when = sys_days{year{2015} / August / 30} + hours{12} + minutes{36};
  if (!sgwchap::sigv4::sign(request, *creds, {"us-east-1", "service"}, when).has_value()) return 1;
  const auto authorization = request.header("Authorization");
  if (!authorization.has_value()) return 1;
  std::printf("%.*s\n", static_cast<int>(authorization->size()), authorization->data());
  return 0;
}
