// expect-error: DeleteChapCredentials requires InitiatorName
// A misused builder: build() before InitiatorName is set (the strict builder too).
#include <utility>

#include <sgwchap/builders.hpp>
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
constexpr auto name = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

void f() {
  auto r = sgwchap::strict_delete_chap_credentials_builder{}.target_arn(arn).build();
  (void)r;
}
