// libFuzzer harness: gateway, volume and VTL device ARNs (MODEL GatewayARN, VolumeARN,
// VTLDeviceARN), both profiles, every input read as all three.
//
// Properties:
// - differential oracle: std::regex built here from the sources' text gives the parser's
//   verdict: MODEL's 50..500 characters of UTF-8; MODEL VolumeARN's pattern, searched for as
//   ECMA-262 does (U+2028 and U+2029 are line terminators there, and `\S` excludes its
//   non-ASCII white space too: the oracle maps them to LF and a space first, since std::regex
//   reads bytes); the strict structure (PARTITIONS, 12-digit account,
//   sgw- + 8..26 hex, vol- + 8..26 hex, a device id of [A-Z0-9_-]) and its relaxed reading,
//   which says when an aws_model view has its parts;
// - a success's parts lie inside the input and reassemble to it; strict success implies
//   aws_model success; the bool fast path agrees;
// - an error names the kind's field, has an offset inside the input, and a message; aws_model
//   errors are MODEL's rules.
#include <cstddef>
#include <cstdint>
#include <regex>
#include <string>
#include <string_view>

#include <sgwchap/resource_arn.hpp>

#include "fuzz_common.hpp"

namespace {

using sgwchap::errc;
using sgwchap::profile;
using sgwchap::resource_kind;
using sgwchap_fuzz::whole_match;

// PARTITIONS by hand (partitions.json): partition id and its regions' first part.
constexpr const char* partitions[][2] = {
    {"aws", "(us|eu|ap|sa|ca|me|af|il|mx)"},
    {"aws-cn", "cn"},
    {"aws-us-gov", "us-gov"},
    {"aws-iso", "us-iso"},
    {"aws-iso-b", "us-isob"},
    {"aws-iso-e", "eu-isoe"},
    {"aws-iso-f", "us-isof"},
    {"aws-eusc", "eusc-(de)"},
};

std::regex structure_regex(resource_kind kind, bool strict) {
  const std::string word = strict ? "[a-z0-9]" : "[A-Za-z0-9_]";
  const std::string hex = strict ? "[0-9A-F]" : "[0-9A-Fa-f]";
  std::string alternatives;
  for (const auto& row : partitions) {
    if (!alternatives.empty()) alternatives += '|';
    alternatives += std::string("(") + row[0] + ":storagegateway:(?=[^:]{1,63}:)" + row[1] + "-" + word + "+-[0-9]+)";
  }
  std::string tail;
  if (kind == resource_kind::volume) tail = "/volume/vol-" + hex + "{8,26}";
  if (kind == resource_kind::vtl_device) tail = strict ? "/device/[A-Z0-9_-]+" : "/device/[A-Za-z0-9_-]+";
  return std::regex("arn:(" + alternatives + "):[0-9]{12}:gateway/sgw-" + hex + "{8,26}" + tail,
                    std::regex::ECMAScript | std::regex::optimize);
}

const std::regex& structure(resource_kind kind, bool strict) {
  static const std::regex res[3][2] = {
      {structure_regex(resource_kind::gateway, false), structure_regex(resource_kind::gateway, true)},
      {structure_regex(resource_kind::volume, false), structure_regex(resource_kind::volume, true)},
      {structure_regex(resource_kind::vtl_device, false), structure_regex(resource_kind::vtl_device, true)},
  };
  return res[static_cast<int>(kind)][strict ? 1 : 0];
}

// MODEL VolumeARN's pattern, as MODEL spells it.
bool model_volume_pattern(std::string_view s) {
  static const std::regex re(
      R"(arn:(aws(|-cn|-us-gov|-iso[A-Za-z0-9_-]*|-eusc)):storagegateway:[a-z\-0-9]+:[0-9]+:gateway\/(.+)\/volume\/vol-(\S+))",
      std::regex::ECMAScript);
  // std::regex reads bytes: ECMA-262's non-ASCII line terminators become LF, its non-ASCII white
  // space a space (so `.` still matches it and `\S` does not), each in its first byte.
  std::string bytes(s);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const std::string_view rest = std::string_view(bytes).substr(i);
    if (rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9")) {
      bytes[i] = '\n';
      continue;
    }
    for (const std::string_view space :
         {"\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80", "\xEF\xBB\xBF"}) {
      if (rest.starts_with(space)) bytes[i] = ' ';
    }
    if (rest.starts_with("\xE2\x80") && rest.size() >= 3 && static_cast<unsigned char>(rest[2]) <= 0x8AU) {
      bytes[i] = ' ';  // U+2000..U+200A
    }
  }
  return std::regex_search(bytes, re);
}

sgwchap::field field_of(resource_kind kind) {
  switch (kind) {
    case resource_kind::gateway: return sgwchap::field::gateway_arn;
    case resource_kind::volume: return sgwchap::field::volume_arn;
    case resource_kind::vtl_device: return sgwchap::field::vtl_device_arn;
  }
  return sgwchap::field::none;
}

template <class View>
void check_view(const View& v, std::string_view s, profile p, resource_kind kind) {
  FUZZ_CHECK(v.value().data() == s.data() && v.value().size() == s.size());
  FUZZ_CHECK(v.checked_profile() == p);
  if (!v.has_structure()) {
    FUZZ_CHECK(p == profile::aws_model);
    FUZZ_CHECK(v.region().empty() && v.gateway_id().empty() && v.gateway_arn().empty() && v.resource_id().empty());
    return;
  }
  for (const std::string_view part : {v.partition(), v.region(), v.account_id(), v.gateway_id(), v.gateway_arn()}) {
    FUZZ_CHECK(!part.empty() && sgwchap_fuzz::lies_inside(part, s));
  }
  std::string rebuilt = "arn:" + std::string(v.partition()) + ":storagegateway:" + std::string(v.region()) + ":" +
                        std::string(v.account_id()) + ":gateway/" + std::string(v.gateway_id());
  FUZZ_CHECK(rebuilt == v.gateway_arn());
  if (kind == resource_kind::volume) rebuilt += "/volume/";
  if (kind == resource_kind::vtl_device) rebuilt += "/device/";
  rebuilt += v.resource_id();
  FUZZ_CHECK(rebuilt == s);
  FUZZ_CHECK(v.resource_id().empty() == (kind == resource_kind::gateway));
}

void check_error(const sgwchap::error& e, std::string_view s, profile p, resource_kind kind) {
  FUZZ_CHECK(e.which == field_of(kind));
  FUZZ_CHECK(e.offset <= s.size());
  FUZZ_CHECK(e.code != errc{});
  FUZZ_CHECK(!e.message().empty());
  if (p == profile::aws_model) FUZZ_CHECK(e.rule_profile == profile::aws_model);
  if (p == profile::aws_model && kind != resource_kind::volume) {
    FUZZ_CHECK(e.code == errc::invalid_utf8 || e.code == errc::too_short || e.code == errc::too_long);
  }
}

template <resource_kind K>
void check_kind(std::string_view s, bool model_length_ok) {
  const auto parse = [](std::string_view v, profile p) { return sgwchap::detail::parse_resource_arn<K>(v, p); };
  const bool model_ok = model_length_ok && (K != resource_kind::volume || model_volume_pattern(s));
  const bool strict_ok = model_length_ok && whole_match(structure(K, true), s);
  const bool relaxed = model_ok && whole_match(structure(K, false), s);
  const auto strict = parse(s, profile::strict);
  const auto model = parse(s, profile::aws_model);
  FUZZ_CHECK(strict.has_value() == strict_ok);
  FUZZ_CHECK(model.has_value() == model_ok);
  FUZZ_CHECK(!strict.has_value() || model.has_value());
  if (strict.has_value()) {
    check_view(*strict, s, profile::strict, K);
    FUZZ_CHECK((*strict).has_structure());
  } else {
    check_error(strict.error(), s, profile::strict, K);
  }
  if (model.has_value()) {
    check_view(*model, s, profile::aws_model, K);
    FUZZ_CHECK((*model).has_structure() == relaxed);
  } else {
    check_error(model.error(), s, profile::aws_model, K);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s = sgwchap_fuzz::as_view(data, size);
  const bool utf8_ok = sgwchap_fuzz::utf8_valid_prefix(s) == s.size();
  const std::size_t scalars = utf8_ok ? sgwchap_fuzz::count_scalars(s) : 0;
  const bool length_ok = utf8_ok && scalars >= 50 && scalars <= 500;
  check_kind<resource_kind::gateway>(s, length_ok);
  check_kind<resource_kind::volume>(s, length_ok);
  check_kind<resource_kind::vtl_device>(s, length_ok);
  FUZZ_CHECK(sgwchap::is_valid_gateway_arn(s) == sgwchap::parse_gateway_arn(s).has_value());
  FUZZ_CHECK(sgwchap::is_valid_volume_arn(s, profile::aws_model) ==
             sgwchap::parse_volume_arn(s, profile::aws_model).has_value());
  FUZZ_CHECK(sgwchap::is_valid_vtl_device_arn(s) == sgwchap::parse_vtl_device_arn(s).has_value());
  return 0;
}
