// Checks the documented UpdateChapCredentials example (MODEL-EXAMPLES) field by field and prints each
// verdict, then shows what one typical mistake looks like.
#include <sgwchap/sgwchap.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace {

bool report(std::string_view field, std::string_view shown, const sgwchap::result<void>& verdict) {
  if (verdict.has_value()) {
    std::printf("%-30s valid     %.*s\n", std::string(field).c_str(), static_cast<int>(shown.size()), shown.data());
    return true;
  }
  std::printf("%-30s INVALID   %s\n", std::string(field).c_str(), verdict.error().message().c_str());
  return false;
}

template <class T>
sgwchap::result<void> drop_value(const sgwchap::result<T>& r) {
  if (r.has_value()) return {};
  return tl::unexpected(r.error());
}

}  // namespace

int main() {
  constexpr std::string_view arn =
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
  constexpr std::string_view initiator = "iqn.1991-05.com.microsoft:computername.domain.example.com";
  constexpr std::string_view initiator_secret = "111111111111";
  constexpr std::string_view target_secret = "222222222222";

  bool ok = true;
  const auto parsed_arn = sgwchap::parse_target_arn(arn);
  ok &= report("TargetARN", arn, drop_value(parsed_arn));
  ok &= report("InitiatorName", initiator, drop_value(sgwchap::parse_iscsi_name(initiator)));
  ok &= report("SecretToAuthenticateInitiator", sgwchap::chap_secret::redacted,
               sgwchap::check_chap_secret(initiator_secret, sgwchap::profile::strict,
                                          sgwchap::field::secret_to_authenticate_initiator));
  ok &= report("SecretToAuthenticateTarget", sgwchap::chap_secret::redacted,
               sgwchap::check_chap_secret(target_secret, sgwchap::profile::strict,
                                          sgwchap::field::secret_to_authenticate_target));
  ok &= report("mutual CHAP", "the two secrets differ", sgwchap::check_secrets_differ(initiator_secret, target_secret));
  if (parsed_arn.has_value()) {
    const auto host = parsed_arn->host();
    std::printf("%-30s %.*s\n", "endpoint", static_cast<int>(host.size()), host.data());
  }
  std::puts(ok ? "all fields valid" : "some fields are invalid");

  // What a typical mistake gives: a VMware initiator name typed with its host's case.
  const auto mistake = sgwchap::parse_iscsi_name("iqn.1998-01.com.vmware:ESX01-0ba2d462");
  if (!mistake.has_value()) std::printf("\nfor example: %s\n", mistake.error().message().c_str());
  return ok ? 0 : 1;
}
