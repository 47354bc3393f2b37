// expect-error: TargetARN takes a checked value
// A misused builder: a result<target_arn_view> that was never checked for an error.
#include <utility>

#include <sgwchap/builders.hpp>
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
constexpr auto name = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

void f(std::string_view s) {
  auto r = sgwchap::describe_chap_credentials_builder{}.target_arn(sgwchap::parse_target_arn(s)).build();
  (void)r;
}
