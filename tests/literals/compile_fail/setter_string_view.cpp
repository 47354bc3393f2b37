// expect-error: InitiatorName takes a checked value
// A misused builder: a std::string_view.
#include <utility>

#include <sgwchap/builders.hpp>
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
constexpr auto name = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

#include <string_view>
void f(std::string_view s) {
  auto b = sgwchap::update_chap_credentials_builder{}.initiator_name(s);
  (void)b;
}
