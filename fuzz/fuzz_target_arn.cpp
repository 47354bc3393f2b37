// libFuzzer harness: target ARNs (MODEL TargetARN), both profiles.
//
// Properties:
// - a success returns views that lie inside the input and reassemble to it, and the endpoint
//   hosts derived from the region and the partition's DNS suffix;
// - the constexpr path (every prefix of two values, evaluated at compile time) and the
//   run-time path agree; the bool fast path, the owning type and the view agree; strict success implies aws_model
//   success with structure;
// - differential oracle: std::regex built from MODEL TargetARN's text (partition table, region patterns
//   with `\w` read per profile, 12-digit account, sgw- + 8..26 hex, the target IQN prefix and
//   MODEL's TargetName) gives the same verdict as the parser, for strict and for the structure
//   that aws_model reports;
// - an error names TargetARN, has an offset inside the input, and a message.
#include <cstddef>
#include <cstdint>
#include <regex>
#include <string>
#include <string_view>

#include <sgwchap/target_arn.hpp>

#include "fuzz_common.hpp"

namespace {

using sgwchap::profile;
using sgwchap_fuzz::whole_match;

// PARTITIONS, copied by hand from partitions.json (not from the library's table): partition, the
// alternatives of its region pattern's first group, DNS suffix.
struct partition_row {
  const char* id;
  const char* region_prefix_regex;
  const char* dns_suffix;
};
constexpr partition_row spec_partitions[] = {
    {"aws", "(us|eu|ap|sa|ca|me|af|il|mx)", "amazonaws.com"},
    {"aws-cn", "cn", "amazonaws.com.cn"},
    {"aws-us-gov", "us-gov", "amazonaws.com"},
    {"aws-iso", "us-iso", "c2s.ic.gov"},
    {"aws-iso-b", "us-isob", "sc2s.sgov.gov"},
    {"aws-iso-e", "eu-isoe", "cloud.adc-e.uk"},
    {"aws-iso-f", "us-isof", "csp.hci.ic.gov"},
    {"aws-eusc", "eusc-(de)", "amazonaws.eu"},
};

// The whole ARN as one regex. `word` is the profile's reading of `\w`, `hex` the gateway id's
// digits. The region is one DNS label: the lookahead caps it at 63 characters.
std::regex arn_regex(const std::string& word, const std::string& hex) {
  std::string partitions;
  for (const auto& row : spec_partitions) {
    if (!partitions.empty()) partitions += '|';
    partitions += std::string("(") + row.id + ":storagegateway:(?=[^:]{1,63}:)" + row.region_prefix_regex + "-" + word +
                  "+-[0-9]+)";
  }
  const std::string pattern = "arn:(" + partitions + "):[0-9]{12}:gateway/sgw-" + hex +
                              "{8,26}/target/iqn\\.1997-05\\.com\\.amazon:[-.;a-z0-9]{1,200}";
  return std::regex(pattern, std::regex::ECMAScript | std::regex::optimize);
}

const std::regex& strict_regex() {
  static const std::regex re = arn_regex("[a-z0-9]", "[0-9A-F]");
  return re;
}
const std::regex& relaxed_regex() {
  static const std::regex re = arn_regex("[A-Za-z0-9_]", "[0-9A-Fa-f]");
  return re;
}

const partition_row* spec_partition(std::string_view id) {
  for (const auto& row : spec_partitions) {
    if (id == row.id) return &row;
  }
  return nullptr;
}

void check_view(const sgwchap::target_arn_view& v, std::string_view s, profile p) {
  FUZZ_CHECK(v.value().data() == s.data() && v.value().size() == s.size());
  FUZZ_CHECK(v.checked_profile() == p);
  if (!v.has_structure()) {
    FUZZ_CHECK(p == profile::aws_model);
    FUZZ_CHECK(v.partition().empty() && v.region().empty() && v.account_id().empty() && v.gateway_id().empty() &&
               v.target_name().empty() && v.host().empty() && v.fips_host().empty());
    FUZZ_CHECK(v.partition_details() == nullptr);
    return;
  }
  for (const std::string_view part :
       {v.partition(), v.region(), v.account_id(), v.gateway_id(), v.target_name(), v.target_suffix()}) {
    FUZZ_CHECK(!part.empty());
    FUZZ_CHECK(sgwchap_fuzz::lies_inside(part, s));
  }
  const std::string rebuilt = "arn:" + std::string(v.partition()) + ":storagegateway:" + std::string(v.region()) + ":" +
                              std::string(v.account_id()) + ":gateway/" + std::string(v.gateway_id()) + "/target/" +
                              std::string(v.target_name());
  FUZZ_CHECK(rebuilt == s);
  FUZZ_CHECK("iqn.1997-05.com.amazon:" + std::string(v.target_suffix()) == v.target_name());
  const partition_row* row = spec_partition(v.partition());
  FUZZ_CHECK(row != nullptr);
  FUZZ_CHECK(v.partition_details() != nullptr && v.partition_details()->id == v.partition());
  const std::string tail = std::string(v.region()) + "." + row->dns_suffix;
  FUZZ_CHECK(v.host().view() == "storagegateway." + tail);
  FUZZ_CHECK(v.fips_host().view() == "storagegateway-fips." + tail);
}

void check_error(const sgwchap::error& e, std::string_view s, profile p) {
  FUZZ_CHECK(e.which == sgwchap::field::target_arn);
  FUZZ_CHECK(e.offset <= s.size());
  FUZZ_CHECK(e.code != sgwchap::errc{});
  FUZZ_CHECK(!e.message().empty());
  if (p == profile::aws_model) {
    FUZZ_CHECK(e.code == sgwchap::errc::invalid_utf8 || e.code == sgwchap::errc::too_short ||
               e.code == sgwchap::errc::too_long);
  }
  if (e.code == sgwchap::errc::uppercase_character) {
    FUZZ_CHECK(e.offset < s.size() && s[e.offset] >= 'A' && s[e.offset] <= 'Z');
  }
}

// Compile-time outcomes of every prefix of a few values (see sgwchap_fuzz::outcome).
constexpr auto parse_strict = [](std::string_view v) { return sgwchap::parse_target_arn(v, profile::strict); };
constexpr auto parse_model = [](std::string_view v) { return sgwchap::parse_target_arn(v, profile::aws_model); };
constexpr std::string_view seed_good =
    "arn:aws-us-gov:storagegateway:us-gov-west-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:v;1";
constexpr std::string_view seed_bad = "arn:aws:storagegateway:cn-north-1:111122223333:gateway/sgw-12a3456b/target/x";
constexpr auto good_strict = sgwchap_fuzz::prefix_outcomes(seed_good, parse_strict);
constexpr auto good_model = sgwchap_fuzz::prefix_outcomes(seed_good, parse_model);
constexpr auto bad_strict = sgwchap_fuzz::prefix_outcomes(seed_bad, parse_strict);
static_assert(good_strict[seed_good.size()].ok && !bad_strict[seed_bad.size()].ok);

void check_constexpr_path() {
  sgwchap_fuzz::check_prefix_outcomes(seed_good, good_strict, parse_strict);
  sgwchap_fuzz::check_prefix_outcomes(seed_good, good_model, parse_model);
  sgwchap_fuzz::check_prefix_outcomes(seed_bad, bad_strict, parse_strict);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool constexpr_path_checked = (check_constexpr_path(), true);
  (void)constexpr_path_checked;
  const std::string_view s = sgwchap_fuzz::as_view(data, size);

  // The reference verdicts.
  const bool utf8_ok = sgwchap_fuzz::utf8_valid_prefix(s) == s.size();
  const std::size_t scalars = utf8_ok ? sgwchap_fuzz::count_scalars(s) : 0;
  const bool model_ok = utf8_ok && scalars >= 50 && scalars <= 800;
  const bool strict_ok = model_ok && whole_match(strict_regex(), s);
  const bool relaxed_structure = model_ok && whole_match(relaxed_regex(), s);

  const auto strict = sgwchap::parse_target_arn(s, profile::strict);
  const auto model = sgwchap::parse_target_arn(s, profile::aws_model);
  FUZZ_CHECK(strict.has_value() == strict_ok);
  FUZZ_CHECK(model.has_value() == model_ok);
  FUZZ_CHECK(sgwchap::is_valid_target_arn(s, profile::strict) == strict.has_value());
  FUZZ_CHECK(sgwchap::is_valid_target_arn(s, profile::aws_model) == model.has_value());
  FUZZ_CHECK(!strict.has_value() || model.has_value());

  if (strict.has_value()) {
    check_view(*strict, s, profile::strict);
    FUZZ_CHECK((*strict).has_structure());
  } else {
    check_error(strict.error(), s, profile::strict);
  }
  if (model.has_value()) {
    check_view(*model, s, profile::aws_model);
    FUZZ_CHECK((*model).has_structure() == relaxed_structure);
    if (strict.has_value()) FUZZ_CHECK((*model).has_structure());
  } else {
    check_error(model.error(), s, profile::aws_model);
    // The first check is the same in both profiles: the same error.
    FUZZ_CHECK(!strict.has_value() && strict.error() == model.error());
  }

  // The owning type agrees with the view and re-derives the same parts from its own copy.
  for (const profile p : {profile::strict, profile::aws_model}) {
    const auto owned = sgwchap::target_arn::parse(s, p);
    const auto& view = p == profile::strict ? strict : model;
    FUZZ_CHECK(owned.has_value() == view.has_value());
    if (!owned.has_value()) {
      FUZZ_CHECK(owned.error() == view.error());
      continue;
    }
    const sgwchap::target_arn_view again = (*owned).view();
    FUZZ_CHECK(again.value() == s && again.value().data() == (*owned).str().data());
    FUZZ_CHECK(again.checked_profile() == p);
    FUZZ_CHECK(again.region() == (*view).region() && again.target_name() == (*view).target_name());
    FUZZ_CHECK(again.host() == (*view).host());
  }
  return 0;
}
