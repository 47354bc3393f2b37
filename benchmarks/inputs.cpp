// The inputs of every group (issue 8): MODEL-EXAMPLES's example and a long variant at the strict limits.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/target_arn.hpp>

#include "common.hpp"

namespace bench {
namespace {

std::string fill(std::string s, std::size_t size, std::string_view pattern) {
  for (std::size_t i = 0; s.size() < size; ++i) s.push_back(pattern[i % pattern.size()]);
  return s;
}

update_input make_long() {
  update_input in;
  // Region: "us-gov-" + word + "-1", one DNS label of 63 bytes (PARTITIONS).
  const std::string region = fill("us-gov-", 61, "westwardzone9") + "-1";
  const std::string target_name = fill("volume-", 200, "archive.tier-2;lun0");
  in.target_arn = "arn:aws-us-gov:storagegateway:" + region + ":111122223333:gateway/sgw-" +
                  "0123456789ABCDEF0123456789" + "/target/iqn.1997-05.com.amazon:" + target_name;
  in.initiator_name = fill("iqn.2001-04.com.example.storage.cluster-east.rack-07:", 223, "host-0a1b.disk:");
  // 16 bytes each, multibyte (2- and 3-byte sequences), different from each other.
  in.initiator_secret =
      "Gr\xc3\xbc\xc3\x9f"
      "e-\xc3\xbc"
      "br-\xe2\x82\xac";  // "Grüße-übr-€"
  in.target_secret =
      "\xc3\x9c"
      "n\xc3\xaf"
      "c\xc3\xb8"
      "d\xc3\xa9"
      "-\xe2\x82\xac"
      "9";  // "Ünïcødé-€9"
  return in;
}

}  // namespace

const update_input& example_input() {
  static const update_input in{
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume",
      "iqn.1991-05.com.microsoft:computername.domain.example.com", "111111111111", "222222222222"};
  return in;
}

const update_input& long_input() {
  static const update_input in = make_long();
  return in;
}

void check_inputs() {
  const auto check = [](const char* which, const update_input& in, std::size_t arn_size, std::size_t name_size,
                        std::size_t secret_size) {
    const bool ok = sgwchap::parse_target_arn(in.target_arn).has_value() &&
                    sgwchap::parse_iscsi_name(in.initiator_name).has_value() &&
                    sgwchap::check_chap_secret(in.initiator_secret).has_value() &&
                    sgwchap::check_chap_secret(in.target_secret).has_value() &&
                    sgwchap::check_secrets_differ(in.initiator_secret, in.target_secret).has_value();
    const bool sizes = in.target_arn.size() == arn_size && in.initiator_name.size() == name_size &&
                       in.initiator_secret.size() == secret_size && in.target_secret.size() == secret_size;
    if (!ok || !sizes) {
      (void)std::fprintf(stderr, "benchmark input '%s' is not what the benchmarks assume (valid %d, sizes %d)\n", which,
                         ok ? 1 : 0, sizes ? 1 : 0);
      std::abort();
    }
  };
  check("example", example_input(), 105, 57, 12);
  // 4 + 10 + 1 + 15 + 63 + 1 + 12 + 1 + 8 + 30 + 8 + 23 + 200
  check("long", long_input(), 376, 223, 16);
}

}  // namespace bench
