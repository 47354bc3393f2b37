// expect-error: InitiatorName takes a checked value
// A misused builder: a plain string literal (no _iscsi_name suffix).
#include <utility>

#include <sgwchap/builders.hpp>
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
constexpr auto name = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

void f() {
  auto r = sgwchap::delete_chap_credentials_builder{}
               .target_arn(arn)
               .initiator_name("iqn.1991-05.com.microsoft:host")
               .build();
  (void)r;
}
