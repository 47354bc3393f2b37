// expect-error: UpdateChapCredentials requires TargetARN
// A misused builder: build() before TargetARN is set.
#include <utility>

#include <sgwchap/builders.hpp>
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
constexpr auto name = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

void f(sgwchap::chap_secret secret) {
  auto r = sgwchap::update_chap_credentials_builder{}
               .initiator_name(name)
               .secret_to_authenticate_initiator(std::move(secret))
               .build();
  (void)r;
}
