// The README's quick start, verbatim between the markers (ctest docs_quick_start checks that the
// README shows exactly these lines, and example_quick_start runs them).
// The README shows these lines exactly as they stand, so clang-format leaves them alone.
// clang-format off
// [quick start]
#include <sgwchap/fmt.hpp>   // target sgwchap::fmt
#include <sgwchap/json.hpp>  // target sgwchap::json
#include <fmt/core.h>

int main() {
  auto request = sgwchap::update_chap_credentials_request::from_strings(
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume",
      "iqn.1991-05.com.microsoft:computername.domain.example.com",
      "111111111111", "222222222222");  // CHAP secrets: the initiator's, the target's
  if (!request) {                       // every problem, each with field, rule and byte
    fmt::print(stderr, "{}\n", request.error());
    return 1;
  }
  const sgwchap::http_request http = sgwchap::to_http_request(*request);  // sign and send it
  fmt::print("{}\n", http);             // secrets print as [redacted]
}
// [quick start]
// clang-format on
