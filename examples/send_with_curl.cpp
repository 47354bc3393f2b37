// A whole Storage Gateway call with sgwchap and libcurl: a checked DescribeChapCredentials
// request, its HTTP request, a SigV4 signature, one HTTPS POST with libcurl's easy interface
// (https://curl.se/libcurl/c/libcurl-easy.html), and the answer decoded.
//
//   send_with_curl TARGET_ARN [ENDPOINT_URL [CA_BUNDLE]]
//
// Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.
// ENDPOINT_URL (e.g. a VPC endpoint, https://host[:port]) replaces the endpoint derived from the
// ARN; the Host header then names its host[:port], and is signed so. ctest runs this program
// against a local server that checks the signature with botocore (tests/tool/e2e/).
// The sgwchap tool's `call` command does the same with retries and every secret wiped.
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <curl/curl.h>
#include <fmt/core.h>

#include <sgwchap/fmt.hpp>
#include <sgwchap/json.hpp>
#include <sgwchap/sigv4.hpp>

namespace {

std::string_view env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string_view{} : std::string_view(value);
}

// libcurl hands the answer over in pieces: the body into a buffer that wipes itself (a
// DescribeChapCredentials answer holds CHAP secrets), each header line into a list.
extern "C" std::size_t on_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<sgwchap::secure_buffer*>(body)->append(data, size * count);
  return size * count;
}
extern "C" std::size_t on_header(char* data, std::size_t size, std::size_t count, void* headers) {
  std::string_view line(data, size * count);
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.remove_suffix(1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    static_cast<std::vector<sgwchap::http_header>*>(headers)->push_back(
        {std::string(line.substr(0, colon)), std::string(value)});
  }
  return size * count;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 4) {
    fmt::print(stderr, "usage: send_with_curl TARGET_ARN [ENDPOINT_URL [CA_BUNDLE]]\n");
    return 2;
  }

  // 1. The request, every byte checked before anything leaves the process.
  auto request = sgwchap::describe_chap_credentials_request::from_strings(argv[1]);
  if (!request) {
    fmt::print(stderr, "{}\n", request.error());
    return 1;
  }

  // 2. What goes on the wire: POST /, Host, Content-Type, X-Amz-Target, Content-Length, body.
  sgwchap::http_request http = sgwchap::to_http_request(*request);
  std::string url = fmt::format("https://{}/", http.host());
  if (argc >= 3) {
    url = argv[2];
    const std::string_view rest = std::string_view(url).substr(url.find("://") + 3);
    http.set_host(rest.substr(0, rest.find('/')));  // host[:port], as the URL names it
  }

  // 3. SigV4: X-Amz-Date, X-Amz-Security-Token and Authorization, for the ARN's region.
  auto creds = sgwchap::sigv4::credentials::make(env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY"),
                                                 env("AWS_SESSION_TOKEN"));
  if (!creds) {
    fmt::print(stderr, "credentials: {}\n", creds.error());
    return 2;
  }
  if (auto ok = sgwchap::sigv4::sign(http, *creds, *request, std::chrono::system_clock::now()); !ok) {
    fmt::print(stderr, "cannot sign: {}\n", ok.error());
    return 1;
  }

  // 4. One POST with libcurl: our headers (Host included), the body by pointer, TLS verified.
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL* curl = curl_easy_init();
  curl_slist* headers = nullptr;
  for (const auto& h : http.headers()) headers = curl_slist_append(headers, (h.name + ": " + h.value).c_str());
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  sgwchap::secure_buffer body;
  std::vector<sgwchap::http_header> response_headers;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, http.body().data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(http.body().size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  if (argc == 4) curl_easy_setopt(curl, CURLOPT_CAINFO, argv[3]);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response_headers);
  const CURLcode sent = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  curl_global_cleanup();
  if (sent != CURLE_OK) {
    fmt::print(stderr, "no answer: {}\n", curl_easy_strerror(sent));
    return 3;
  }

  // 5. The answer: the result, the service's error, or why it cannot be read.
  const auto answer = sgwchap::decode(sgwchap::operation::describe_chap_credentials, static_cast<int>(status),
                                      response_headers, body.view());
  if (!answer) {
    fmt::print("cannot decode: {}\n", answer.error());
    return 1;
  }
  if (const auto* error = std::get_if<sgwchap::service_error>(&*answer)) {
    fmt::print("{}\n", *error);  // name, message, errorCode, retryable
    return 1;
  }
  fmt::print("{}\n", std::get<sgwchap::describe_chap_credentials_result>(*answer));  // secrets: [redacted]
  return 0;
}
