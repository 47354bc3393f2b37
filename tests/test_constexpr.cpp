// The same validators run at compile time: every assertion in this file is a static_assert
// (the file compiles only if they hold); the one TEST_CASE re-runs a few at run time to show the
// values agree. tl::expected's operator-> is not constexpr: (*r).x is used instead.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/partitions.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/static_string.hpp>
#include <sgwchap/target_arn.hpp>

#include "support/example.hpp"

using sgwchap::errc;
using sgwchap::field;
using sgwchap::profile;

namespace {

constexpr std::string_view sdk_arn = sgwchap_test::doc_arn;
constexpr std::string_view sdk_initiator = sgwchap_test::doc_initiator;

/// The error of a failed parse as a constant: code, offset and field in one comparison.
template <class R>
constexpr bool fails_with(const R& r, errc code, std::size_t offset, field which) {
  return !r.has_value() && r.error().code == code && r.error().offset == offset && r.error().which == which;
}

// ---- target ARN ------------------------------------------------------------------------------
constexpr auto arn = sgwchap::parse_target_arn(sdk_arn);
static_assert(arn.has_value());
static_assert((*arn).checked_profile() == profile::strict);
static_assert((*arn).partition() == "aws");
static_assert((*arn).region() == "us-east-1");
static_assert((*arn).account_id() == "111122223333");
static_assert((*arn).gateway_id() == "sgw-12A3456B");
static_assert((*arn).target_name() == "iqn.1997-05.com.amazon:myvolume");
static_assert((*arn).target_suffix() == "myvolume");
static_assert((*arn).host() == "storagegateway.us-east-1.amazonaws.com");
static_assert((*arn).fips_host() == "storagegateway-fips.us-east-1.amazonaws.com");
static_assert(
    (*sgwchap::parse_target_arn("arn:aws-cn:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/"
                                "iqn.1997-05.com.amazon:myvolume"))
        .host() == "storagegateway.cn-north-1.amazonaws.com.cn");
static_assert(
    (*sgwchap::parse_target_arn("arn:aws-iso-e:storagegateway:eu-isoe-west-1:111122223333:gateway/sgw-12A3456B/target/"
                                "iqn.1997-05.com.amazon:myvolume"))
        .fips_host() == "storagegateway-fips.eu-isoe-west-1.cloud.adc-e.uk");
static_assert(sgwchap::is_valid_target_arn(sdk_arn));
static_assert(sgwchap::is_valid_target_arn(sdk_arn, profile::aws_model));

static_assert(
    fails_with(sgwchap::parse_target_arn("arn:aws:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/"
                                         "iqn.1997-05.com.amazon:myvolume"),
               errc::region_not_in_partition, 23, field::target_arn));
static_assert(sgwchap::parse_target_arn("arn:aws:storagegateway:us-gov-west-1:111122223333:gateway/sgw-12A3456B/"
                                        "target/iqn.1997-05.com.amazon:myvolume")
                  .error()
                  .detail == 8);
static_assert(fails_with(sgwchap::parse_target_arn("arn:aws:storagegateway:us-east-1:111122223333:gateway/"
                                                   "sgw-12a3456b/target/iqn.1997-05.com.amazon:myvolume"),
                         errc::lowercase_gateway_id, 60, field::target_arn));
static_assert(fails_with(sgwchap::parse_target_arn("arn:aws:storagegateway:us-east-1:11112222333:gateway/"
                                                   "sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"),
                         errc::bad_account_id, 44, field::target_arn));
static_assert(fails_with(sgwchap::parse_target_arn("arn:aws:storagegateway:us-east-1"), errc::too_short, 32,
                         field::target_arn));
static_assert(sgwchap::parse_target_arn("arn:aws:storagegateway:us-east-1").error().limit == 50);
// aws_model: lower-case gateway hex passes with its parts; a non-ARN of 50 characters passes
// without them.
static_assert((*sgwchap::parse_target_arn("arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12a3456b/"
                                          "target/iqn.1997-05.com.amazon:myvolume",
                                          profile::aws_model))
                  .gateway_id() == "sgw-12a3456b");
static_assert(!(*sgwchap::parse_target_arn("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", profile::aws_model))
                   .has_structure());
static_assert((*sgwchap::parse_target_arn("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", profile::aws_model))
                  .host()
                  .empty());

// ---- iSCSI names -----------------------------------------------------------------------------
constexpr auto initiator = sgwchap::parse_iscsi_name(sdk_initiator);
static_assert(initiator.has_value());
static_assert((*initiator).form() == sgwchap::iscsi_name_form::iqn);
static_assert((*initiator).year() == 1991 && (*initiator).month() == 5);
static_assert((*initiator).naming_authority() == "com.microsoft");
static_assert((*initiator).unique_name() == "computername.domain.example.com");
static_assert((*sgwchap::parse_iscsi_name("eui.02004567a425678d")).form() == sgwchap::iscsi_name_form::eui);
static_assert((*sgwchap::parse_iscsi_name("naa.52004567ba64678d")).hex_digits() == "52004567ba64678d");
static_assert((*sgwchap::parse_iscsi_name("iqn.2015-1.x", profile::aws_model)).form() ==
              sgwchap::iscsi_name_form::unknown);
static_assert(fails_with(sgwchap::parse_iscsi_name("iqn.2015-13.x"), errc::iqn_month_out_of_range, 9,
                         field::initiator_name));
static_assert(fails_with(sgwchap::parse_iscsi_name("iqn.2015-1.x"), errc::bad_iqn_date, 10, field::initiator_name));
static_assert(fails_with(sgwchap::parse_iscsi_name("iqn.1998-01.com.vmware:ESX01"), errc::uppercase_character, 23,
                         field::initiator_name));
static_assert(fails_with(sgwchap::parse_iscsi_name("iqn.2001-04.com.example."), errc::empty_domain_label, 24,
                         field::initiator_name));
static_assert(fails_with(sgwchap::parse_iscsi_name("eui.02004567a425678"), errc::bad_hex_length, 19,
                         field::initiator_name));
static_assert(fails_with(sgwchap::parse_iscsi_name(""), errc::too_short, 0, field::initiator_name));
static_assert(sgwchap::is_valid_iscsi_name(sdk_initiator));
static_assert(!sgwchap::is_valid_iscsi_name("iqn.2001-04.host_name"));
static_assert(sgwchap::find_uppercase("iqn.1998-01.com.vmware:ESX01") == 23);

constexpr bool normalize_at_compile_time() {
  std::array<char, 40> buffer{};
  const auto folded = sgwchap::normalize_iscsi_name("iqn.1998-01.com.vmware:ESX01-0BA2D462", buffer);
  return folded.has_value() && *folded == "iqn.1998-01.com.vmware:esx01-0ba2d462" &&
         sgwchap::is_valid_iscsi_name(*folded);
}
static_assert(normalize_at_compile_time());

constexpr bool normalize_too_small_at_compile_time() {
  std::array<char, 4> buffer{};
  const auto folded = sgwchap::normalize_iscsi_name("IQN.2001", buffer);
  return fails_with(folded, errc::buffer_too_small, 4, field::initiator_name);
}
static_assert(normalize_too_small_at_compile_time());

// ---- CHAP secrets ----------------------------------------------------------------------------
static_assert(sgwchap::check_chap_secret("111111111111").has_value());
static_assert(sgwchap::check_chap_secret("abcdefghijklmnop").has_value());
static_assert(fails_with(sgwchap::check_chap_secret("11111111111"), errc::too_short, 11,
                         field::secret_to_authenticate_initiator));
static_assert(fails_with(sgwchap::check_chap_secret("abcdefghijklmnopq", profile::strict,
                                                    field::secret_to_authenticate_target),
                         errc::too_long, 16, field::secret_to_authenticate_target));
static_assert(fails_with(sgwchap::check_chap_secret("aaaaaaaaaaaaaaa\xC3\xA9"), errc::too_long, 16,
                         field::secret_to_authenticate_initiator));
static_assert(fails_with(sgwchap::check_chap_secret("abcdefghijkl\n"), errc::control_character, 12,
                         field::secret_to_authenticate_initiator));
static_assert(sgwchap::check_chap_secret("abcdefghijkl\n").error().detail == 0x0A);
static_assert(fails_with(sgwchap::check_chap_secret("\xEF\xBB\xBF"
                                                    "abcdefghijkl"),
                         errc::byte_order_mark, 0, field::secret_to_authenticate_initiator));
static_assert(fails_with(sgwchap::check_chap_secret("abcdefghij\xED\xA0\x80"), errc::invalid_utf8, 10,
                         field::secret_to_authenticate_initiator));
static_assert(sgwchap::check_chap_secret("abcdefghijklmnopq", profile::aws_model).has_value());
static_assert(fails_with(sgwchap::check_chap_secret("", profile::aws_model), errc::too_short, 0,
                         field::secret_to_authenticate_initiator));
static_assert(sgwchap::check_secrets_differ("111111111111", "222222222222").has_value());
static_assert(fails_with(sgwchap::check_secrets_differ("111111111111", "111111111111"), errc::secrets_must_differ, 0,
                         field::secret_to_authenticate_target));
static_assert(sgwchap::is_valid_chap_secret("222222222222"));

// ---- error model and helpers -----------------------------------------------------------------
static_assert(sgwchap::rule_name(errc::iqn_month_out_of_range) == "iqn_month_out_of_range");
static_assert(sgwchap::field_name(field::target_arn) == "TargetARN");
static_assert(sgwchap::detail::in_class('a', sgwchap::detail::cc_iqn_name));
static_assert(!sgwchap::detail::in_class('A', sgwchap::detail::cc_iqn_name));
static_assert(sgwchap::detail::decode_utf8("\xF0\x9F\x98\x80", 0).code_point == 0x1F600);
static_assert(sgwchap::detail::find_partition("aws-eusc") != sgwchap::detail::no_partition);
static_assert(sgwchap::known_partitions().size() == 8);

constexpr bool static_string_works() {
  sgwchap::static_string<8> s;
  const bool first = s.append("abcd");
  const bool second = s.append("efgh");
  const bool overflow = s.append("i");  // does not fit: nothing appended
  return first && second && !overflow && s == "abcdefgh" && s.size() == 8 && !s.empty() && s.c_str()[8] == '\0';
}
static_assert(static_string_works());
static_assert(sgwchap::static_string<4>{}.empty());
static_assert(sgwchap::static_string<4>{}.c_str()[0] == '\0');  // NUL-terminated even when empty

constexpr std::size_t bytes_visited() {  // a range of its bytes
  sgwchap::static_string<8> s;
  (void)s.append("abc");
  std::size_t n = 0;
  for (const char c : s) n += c != '\0' ? 1 : 0;
  return n;
}
static_assert(bytes_visited() == 3);

// A message is a range: `for (c : e.message())` keeps the temporary alive and visits every byte.
constexpr std::size_t colons_in_message() {
  std::size_t n = 0;
  for (const char c : sgwchap::detail::make_error(errc::too_long, field::none, 0).message()) n += c == ':' ? 1 : 0;
  return n;
}
static_assert(colons_in_message() == 1);  // "value: must be at most 0 bytes (strict profile) (byte 0)"

// An error's message is a constant expression too: parse and message both at compile time.
static_assert(sgwchap::parse_iscsi_name("iqn.2015-13.x").error().message() ==
              "InitiatorName: month must be 01..12 (byte 9)");
static_assert(sgwchap::parse_target_arn("arn:aws:storagegateway:us-east-1:1234").error().message() ==
              "TargetARN: must be at least 50 characters (AWS model) (byte 37)");

}  // namespace

TEST_CASE("compile-time and run-time results agree", "[constexpr]") {
  // Values computed at compile time above; recompute at run time through a non-constant input.
  const std::string arn_runtime(sdk_arn);
  const auto runtime = sgwchap::parse_target_arn(arn_runtime);
  REQUIRE(runtime.has_value());
  CHECK(runtime->host() == arn->host());
  CHECK(runtime->region() == arn->region());

  const std::string bad_month = "iqn.2015-13.x";
  constexpr auto compile_time = sgwchap::parse_iscsi_name("iqn.2015-13.x");
  const auto run_time = sgwchap::parse_iscsi_name(bad_month);
  REQUIRE_FALSE(run_time.has_value());
  CHECK(run_time.error() == compile_time.error());
  CHECK(run_time.error().message() == "InitiatorName: month must be 01..12 (byte 9)");
}
