// expect-compile
// The control case: the same includes, flags and values as the cases above, used correctly.
// If this fails, the harness (not the library) is broken.
#include <string>
#include <utility>

#include <sgwchap/builders.hpp>
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
constexpr auto name = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

void f(sgwchap::chap_secret secret, const std::string& from_config) {
  auto parsed = sgwchap::parse_iscsi_name(from_config);
  if (!parsed.has_value()) return;
  auto update = sgwchap::update_chap_credentials_builder{}
                    .target_arn(arn)
                    .initiator_name(*parsed)
                    .secret_to_authenticate_initiator(std::move(secret))
                    .build();
  auto describe = sgwchap::describe_chap_credentials_builder{}.target_arn(arn).build();
  auto remove = sgwchap::delete_chap_credentials_builder{}.target_arn(arn).initiator_name(name).build();
  (void)update;
  (void)describe;
  (void)remove;
}
