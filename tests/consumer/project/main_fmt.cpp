// Links sgwchap::fmt: the formatters, and fmt through sgwchap's usage requirements.
#include <sgwchap/fmt.hpp>

#include <fmt/core.h>

int main() {
  auto request = sgwchap::update_chap_credentials_request::from_strings(
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume",
      "iqn.1991-05.com.microsoft:computername.domain.example.com", "111111111111", "222222222222");
  if (!request.has_value()) return 1;
  fmt::print("{}\n", request->secret_to_authenticate_target() != nullptr ? "mutual" : "one-way");
  fmt::print("{}\n", request->secret_to_authenticate_initiator());
  return 0;
}
