// Validates what a user typed (a target ARN, an initiator name, a CHAP secret) and shows each
// problem the way a compiler would: the message, the value, a caret under the offending byte.
// A secret's bytes are never printed, only the rule and the byte offset.
//
//   validate_input target-arn 'arn:aws:storagegateway:...'
//   validate_input initiator-name 'iqn.1998-01.com.vmware:ESX01'
//   SECRET='...' validate_input secret          (a secret is read from the environment)
//   validate_input                              (runs a few typical mistakes)
#include <sgwchap/fmt.hpp>
#include <sgwchap/sgwchap.hpp>

#include <fmt/core.h>

#include <cstdlib>
#include <string>
#include <string_view>

namespace {

// Returns true when `value` is valid for `kind`, and prints the verdict.
bool validate(std::string_view kind, std::string_view value) {
  sgwchap::result<void> verdict;
  if (kind == "target-arn") {
    const auto arn = sgwchap::parse_target_arn(value);
    if (arn.has_value())
      fmt::print("valid target ARN; endpoint {}\n", arn->host());
    else
      verdict = tl::unexpected(arn.error());
  } else if (kind == "initiator-name") {
    const auto name = sgwchap::parse_iscsi_name(value);
    if (name.has_value())
      fmt::print("valid {} name\n", name->form());
    else
      verdict = tl::unexpected(name.error());
  } else {
    verdict = sgwchap::check_chap_secret(value);
    if (verdict.has_value()) fmt::print("valid secret {}\n", sgwchap::chap_secret::redacted);
  }
  if (verdict.has_value()) return true;
  fmt::print("{}\n", sgwchap::with_input(verdict.error(), value));
  // normalize_iscsi_name fails (too_long) only for a name that is too long folded or not.
  if (const auto folded = sgwchap::normalize_iscsi_name(value);
      verdict.error().code == sgwchap::errc::uppercase_character && folded.has_value()) {
    fmt::print("  did you mean {}?\n", sgwchap::escaped{folded->view()});
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3) return validate(argv[1], argv[2]) ? 0 : 1;
  if (argc == 2 && std::string_view(argv[1]) == "secret") {
    const char* secret = std::getenv("SECRET");
    return validate("secret", secret != nullptr ? secret : "") ? 0 : 1;
  }
  // Typical mistakes (MODEL TargetARN, §5, §7).
  validate(
      "target-arn",
      "arn:aws:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume");
  validate("initiator-name", "iqn.1998-01.com.vmware:ESX01-0ba2d462");
  validate("initiator-name", "iqn.2017.11.com.example:host");
  validate("secret", "my-secret-123\n");
  return 0;
}
