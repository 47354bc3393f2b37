// Links sgwchap::sgwchap only: the light headers.
#include <sgwchap/sgwchap.hpp>

#include <cstdio>
#include <string_view>

int main() {
  constexpr std::string_view arn =
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
  const auto parsed = sgwchap::parse_target_arn(arn);
  if (!parsed.has_value()) return 1;
  const auto host = parsed->host();
  std::printf("sgwchap %s\n", SGWCHAP_VERSION_STRING);
  std::printf("endpoint %.*s\n", static_cast<int>(host.size()), host.data());
  const auto name = sgwchap::parse_iscsi_name("iqn.2015-13.com.example");
  if (name.has_value()) return 1;
  std::printf("%s\n", name.error().message().c_str());
  return 0;
}
