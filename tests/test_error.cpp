// Tests of <sgwchap/error.hpp>: every errc's rule id is its enumerator's name, message()
// formats (at compile time too, and never truncated: error_message_capacity is proven to hold
// every message), field names; and of the std::error_code adapter (<sgwchap/error_code.hpp>).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/detail/partitions.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/error_code.hpp>
#include <sgwchap/profile.hpp>

using sgwchap::errc;
using sgwchap::field;
using sgwchap::length_unit;
using sgwchap::profile;

namespace {

// The enumerator's own token, stringized: rule_name must return exactly this.
#define SGWCHAP_RULE(name) \
  std::pair<errc, std::string_view> { errc::name, #name }

const std::vector<std::pair<errc, std::string_view>> all_rules = {
    SGWCHAP_RULE(too_short),
    SGWCHAP_RULE(too_long),
    SGWCHAP_RULE(invalid_utf8),
    SGWCHAP_RULE(invalid_character),
    SGWCHAP_RULE(uppercase_character),
    SGWCHAP_RULE(control_character),
    SGWCHAP_RULE(byte_order_mark),
    SGWCHAP_RULE(bad_prefix),
    SGWCHAP_RULE(unknown_partition),
    SGWCHAP_RULE(bad_service),
    SGWCHAP_RULE(bad_region),
    SGWCHAP_RULE(region_not_in_partition),
    SGWCHAP_RULE(bad_account_id),
    SGWCHAP_RULE(bad_resource_type),
    SGWCHAP_RULE(bad_volume_id),
    SGWCHAP_RULE(bad_device_id),
    SGWCHAP_RULE(volume_arn_not_target_arn),
    SGWCHAP_RULE(bad_gateway_id),
    SGWCHAP_RULE(lowercase_gateway_id),
    SGWCHAP_RULE(bad_target_prefix),
    SGWCHAP_RULE(bad_target_name),
    SGWCHAP_RULE(bad_iqn_date),
    SGWCHAP_RULE(iqn_month_out_of_range),
    SGWCHAP_RULE(missing_naming_authority),
    SGWCHAP_RULE(empty_domain_label),
    SGWCHAP_RULE(domain_label_hyphen),
    SGWCHAP_RULE(domain_label_too_long),
    SGWCHAP_RULE(numeric_top_level_domain),
    SGWCHAP_RULE(empty_unique_name),
    SGWCHAP_RULE(not_hex_digit),
    SGWCHAP_RULE(bad_hex_length),
    SGWCHAP_RULE(initiator_is_target_name),
    SGWCHAP_RULE(secrets_must_differ),
    SGWCHAP_RULE(missing_member),
    SGWCHAP_RULE(empty_list),
    SGWCHAP_RULE(mixed_gateways),
    SGWCHAP_RULE(buffer_too_small),
    SGWCHAP_RULE(malformed_json),
    SGWCHAP_RULE(not_an_object),
    SGWCHAP_RULE(wrong_type),
    SGWCHAP_RULE(duplicate_key),
    SGWCHAP_RULE(unknown_key),
    SGWCHAP_RULE(body_too_large),
    SGWCHAP_RULE(nesting_too_deep),
    SGWCHAP_RULE(bad_content_type),
    SGWCHAP_RULE(bad_timestamp),
    SGWCHAP_RULE(bad_header_name),
    SGWCHAP_RULE(bad_header_value),
    SGWCHAP_RULE(missing_host_header),
    SGWCHAP_RULE(unexpected_security_token),
    SGWCHAP_RULE(timestamp_out_of_range),
    SGWCHAP_RULE(crypto_failure),
    SGWCHAP_RULE(number_out_of_range),
};
#undef SGWCHAP_RULE

constexpr std::string_view unknown_rule = "unknown_error";

/// Every value the enum's underlying type can hold that rule_name knows.
std::vector<errc> known_values() {
  std::vector<errc> out;
  for (unsigned v = 0; v <= 255; ++v) {
    const auto e = static_cast<errc>(v);
    if (sgwchap::rule_name(e) != unknown_rule) out.push_back(e);
  }
  return out;
}

sgwchap::error make(errc code, field which, std::size_t offset, profile p = profile::strict, std::uint32_t limit = 0,
                    length_unit unit = length_unit::bytes, std::uint32_t detail = 0) {
  return sgwchap::detail::make_error(code, which, offset, p, limit, unit, detail);
}

}  // namespace

TEST_CASE("rule_name is the enumerator's name, for every errc", "[error]") {
  for (const auto& [code, name] : all_rules) {
    INFO("enumerator " << name);
    CHECK(sgwchap::rule_name(code) == name);
    CHECK_FALSE(sgwchap::rule_description(code).empty());
    CHECK(sgwchap::rule_description(code) != "unknown error");
  }
  // The list above is complete: rule_name knows exactly these values, 1..N without gaps, and 0
  // (std::error_code's "no error") is none of them.
  const std::vector<errc> known = known_values();
  CHECK(known.size() == all_rules.size());
  for (std::size_t i = 0; i < known.size(); ++i) CHECK(static_cast<unsigned>(known[i]) == i + 1);
  CHECK(sgwchap::rule_name(static_cast<errc>(0)) == unknown_rule);
}

TEST_CASE("rule names and descriptions are unique", "[error]") {
  std::set<std::string_view> names;
  std::set<std::string_view> descriptions;
  for (const errc e : known_values()) {
    CHECK(names.insert(sgwchap::rule_name(e)).second);
    CHECK(descriptions.insert(sgwchap::rule_description(e)).second);
  }
}

TEST_CASE("field_name is the MODEL member name", "[error]") {
  const std::pair<field, std::string_view> rows[] = {
      {field::target_arn, "TargetARN"},
      {field::initiator_name, "InitiatorName"},
      {field::secret_to_authenticate_initiator, "SecretToAuthenticateInitiator"},
      {field::secret_to_authenticate_target, "SecretToAuthenticateTarget"},
      {field::chap_credentials, "ChapCredentials"},
      {field::body, "body"},
      {field::content_type, "Content-Type"},
      {field::gateway_arn, "GatewayARN"},
      {field::volume_arn, "VolumeARN"},
      {field::volume_arns, "VolumeARNs"},
      {field::vtl_device_arn, "VTLDeviceARN"},
      {field::vtl_device_arns, "VTLDeviceARNs"},
      {field::access_key_id, "AccessKeyId"},
      {field::secret_access_key, "SecretAccessKey"},
      {field::session_token, "SessionToken"},
      {field::region, "region"},
      {field::service, "service"},
      {field::http_method, "method"},
      {field::http_path, "path"},
      {field::http_query, "query"},
      {field::http_header, "header"},
      {field::timestamp, "timestamp"},
      {field::none, "value"},
  };
  for (const auto& [f, name] : rows) CHECK(sgwchap::field_name(f) == name);
  CHECK(sgwchap::is_secret_field(field::secret_to_authenticate_initiator));
  CHECK(sgwchap::is_secret_field(field::secret_to_authenticate_target));
  CHECK(sgwchap::is_secret_field(field::secret_access_key));
  CHECK(sgwchap::is_secret_field(field::session_token));
  CHECK_FALSE(sgwchap::is_secret_field(field::access_key_id));
  CHECK_FALSE(sgwchap::is_secret_field(field::target_arn));
  CHECK_FALSE(sgwchap::is_secret_field(field::initiator_name));
  CHECK_FALSE(sgwchap::is_secret_field(field::none));
}

TEST_CASE("profiles: names and the weaker of two", "[error][profile]") {
  CHECK(sgwchap::profile_name(profile::strict) == "strict");
  CHECK(sgwchap::profile_name(profile::aws_model) == "aws_model");
  CHECK(sgwchap::weakest(profile::strict, profile::aws_model) == profile::aws_model);
  CHECK(sgwchap::weakest(profile::aws_model, profile::strict) == profile::aws_model);
  CHECK(sgwchap::weakest(profile::strict, profile::strict) == profile::strict);
}

TEST_CASE("error::message formats field, rule, bound and byte", "[error][message]") {
  struct row {
    sgwchap::error e;
    std::string_view expected;
  };
  const row rows[] = {
      {make(errc::iqn_month_out_of_range, field::initiator_name, 9), "InitiatorName: month must be 01..12 (byte 9)"},
      {make(errc::too_short, field::secret_to_authenticate_initiator, 11, profile::strict, 12),
       "SecretToAuthenticateInitiator: must be at least 12 bytes (strict profile) (byte 11)"},
      {make(errc::too_long, field::secret_to_authenticate_target, 16, profile::strict, 16),
       "SecretToAuthenticateTarget: must be at most 16 bytes (strict profile) (byte 16)"},
      {make(errc::too_long, field::secret_to_authenticate_initiator, 100, profile::aws_model, 100,
            length_unit::characters),
       "SecretToAuthenticateInitiator: must be at most 100 characters (AWS model) (byte 100)"},
      {make(errc::too_long, field::initiator_name, 223, profile::strict, 223),
       "InitiatorName: must be at most 223 bytes (strict profile) (byte 223)"},
      {make(errc::too_long, field::initiator_name, 255, profile::aws_model, 255, length_unit::characters),
       "InitiatorName: must be at most 255 characters (AWS model) (byte 255)"},
      {make(errc::too_short, field::secret_to_authenticate_target, 0, profile::aws_model, 1, length_unit::characters),
       "SecretToAuthenticateTarget: must be at least 1 character (AWS model) (byte 0)"},
      {make(errc::too_short, field::initiator_name, 0, profile::aws_model, 1, length_unit::characters),
       "InitiatorName: must be at least 1 character (AWS model) (byte 0)"},
      {make(errc::too_short, field::target_arn, 0, profile::aws_model, 50, length_unit::characters),
       "TargetARN: must be at least 50 characters (AWS model) (byte 0)"},
      {make(errc::control_character, field::secret_to_authenticate_initiator, 3, profile::strict, 0, length_unit::bytes,
            0x7F),
       "SecretToAuthenticateInitiator: control character U+007F not allowed (byte 3)"},
      {make(errc::region_not_in_partition, field::target_arn, 23, profile::strict, 0, length_unit::bytes, 8),
       "TargetARN: region does not belong to the partition (it belongs to partition aws-us-gov) (byte 23)"},
      {make(errc::region_not_in_partition, field::target_arn, 23, profile::strict, 0, length_unit::bytes, 0),
       "TargetARN: region does not belong to the partition (byte 23)"},
      {make(errc::region_not_in_partition, field::target_arn, 23, profile::strict, 0, length_unit::bytes, 200),
       "TargetARN: region does not belong to the partition (byte 23)"},
      {make(errc::bad_hex_length, field::initiator_name, 19, profile::strict, 16),
       "InitiatorName: wrong number of hex digits (expected 16) (byte 19)"},
      {make(errc::bad_hex_length, field::initiator_name, 22, profile::strict, 32),
       "InitiatorName: wrong number of hex digits (expected 16 or 32) (byte 22)"},
      {make(errc::body_too_large, field::body, 1048576, profile::strict, 1048576),
       "body: body too large (limit 1048576) (byte 1048576)"},
      {make(errc::nesting_too_deep, field::body, 40, profile::strict, 32),
       "body: nesting too deep (limit 32) (byte 40)"},
      {make(errc::bad_prefix, field::none, 0), "value: wrong prefix (byte 0)"},
      {make(errc::bad_header_value, field::http_header, 6, profile::strict, 0, length_unit::bytes, 3),
       "header: header value must not hold control characters or CR/LF outside a folded line (header 3) (byte 6)"},
      {make(errc::bad_header_name, field::http_header, 2, profile::strict, 0, length_unit::bytes, 1),
       "header: header name must be an HTTP token (header 1) (byte 2)"},
      {make(errc::missing_host_header, field::http_header, 0), "header: no Host header (SigV4 signs it) (byte 0)"},
      {make(errc::uppercase_character, field::initiator_name, 23, profile::aws_model),
       "InitiatorName: upper-case letter not allowed (fold it with normalize_iscsi_name) (byte 23)"},
  };
  for (const row& r : rows) CHECK(r.e.message() == r.expected);
}

TEST_CASE("every rule has a message naming the field and the byte", "[error][message]") {
  for (const errc code : known_values()) {
    for (const field f : {field::target_arn, field::initiator_name, field::secret_to_authenticate_initiator}) {
      const sgwchap::error_message message = make(code, f, 12345, profile::strict, 16).message();
      const std::string_view m = message;
      INFO(m);
      CHECK(m.starts_with(std::string(sgwchap::field_name(f)) + ": "));
      CHECK(m.ends_with(" (byte 12345)"));
      CHECK(m.size() > sgwchap::field_name(f).size() + 16);
    }
  }
  // The largest offset prints in full.
  CHECK(make(errc::malformed_json, field::body, SIZE_MAX).message().view().ends_with("(byte 18446744073709551615)"));
}

namespace {

// A sink for detail::write_error_message that only counts: the length a message has with
// unlimited room, to compare with what error::message() (a static_string) holds.
struct length_counter {
  std::size_t size = 0;
  constexpr void append(std::string_view s) noexcept { size += s.size(); }
};

constexpr std::size_t full_length(const sgwchap::error& e) noexcept {
  length_counter counter;
  sgwchap::detail::write_error_message(e, counter);
  return counter.size;
}

// The longest message: the longest field name, the longest rule text (initiator_is_target_name
// says where the initiator's own name is found), the largest offset.
constexpr sgwchap::error longest =
    sgwchap::detail::make_error(errc::initiator_is_target_name, field::secret_to_authenticate_initiator, SIZE_MAX);
constexpr std::string_view longest_text =
    "SecretToAuthenticateInitiator: a gateway target's name, not the initiator's (Linux: "
    "/etc/iscsi/initiatorname.iscsi; Windows: iSCSI Initiator, Configuration tab) (byte 18446744073709551615)";

// The longest control_character message (the line-feed hint), also a constant expression.
static_assert(sgwchap::detail::make_error(errc::control_character, field::secret_to_authenticate_initiator, 12,
                                          profile::strict, 0, length_unit::bytes, 0x0A)
                  .message() ==
              "SecretToAuthenticateInitiator: control character U+000A (line feed: was the value written with echo "
              "instead of printf?) not allowed (byte 12)");

// message() is constexpr, noexcept and allocation-free, and fills its capacity exactly once.
static_assert(noexcept(longest.message()));
static_assert(std::is_same_v<decltype(longest.message()), sgwchap::error_message>);
static_assert(sgwchap::error_message::capacity() == sgwchap::error_message_capacity);
static_assert(longest.message() == longest_text);
static_assert(longest_text.size() == sgwchap::error_message_capacity);
static_assert(full_length(longest) == sgwchap::error_message_capacity);
static_assert(longest.message().c_str()[sgwchap::error_message_capacity] == '\0');
static_assert(sgwchap::detail::make_error(errc::iqn_month_out_of_range, field::initiator_name, 9).message() ==
              "InitiatorName: month must be 01..12 (byte 9)");

}  // namespace

TEST_CASE("every message fits error_message_capacity, which is the longest", "[error][message]") {
  // Every value of each member that changes a message's length: all 256 values of errc (the
  // enumerators and the rest, "unknown error"), of field and of the offset's digit count's worst
  // case; both units and an invalid one; both profiles and an invalid one; the limits and details
  // that select a text (singular, 16 or 32, each partition, line feed, carriage return) and the
  // largest ones. A message is written whole (its length equals the unlimited length) and is the
  // same text as with unlimited room.
  const length_unit units[] = {length_unit::bytes, length_unit::characters, static_cast<length_unit>(255)};
  const profile profiles[] = {profile::aws_model, profile::strict, static_cast<profile>(255)};
  const std::uint32_t limits[] = {0, 1, 2, 9, 10, 16, 32, 99, 1048576, UINT32_MAX};
  std::vector<std::uint32_t> details = {0x0A, 0x0D, 0x7F, 0x85, 0xFEFF, 0xFFFF, 0x10000, UINT32_MAX};
  for (std::uint32_t d = 0; d <= sgwchap::detail::partitions.size() + 1; ++d) details.push_back(d);

  std::size_t checked = 0;
  std::size_t bad = 0;
  std::size_t longest_seen = 0;
  std::string first_bad;
  auto check = [&](const sgwchap::error& e) {
    const std::size_t n = full_length(e);
    const sgwchap::error_message m = e.message();
    std::string unlimited;
    sgwchap::detail::write_error_message(e, unlimited);
    ++checked;
    if (n > longest_seen) longest_seen = n;
    if (n > sgwchap::error_message_capacity || m.size() != n || m.view() != unlimited) {
      if (bad++ == 0) first_bad = unlimited;
    }
  };
  for (unsigned code = 0; code <= 255; ++code) {
    for (const length_unit u : units) {
      for (const profile p : profiles) {
        for (const std::uint32_t limit : limits) {
          for (const std::uint32_t d : details) {
            check(sgwchap::detail::make_error(static_cast<errc>(code), field::secret_to_authenticate_initiator,
                                              SIZE_MAX, p, limit, u, d));
          }
        }
      }
    }
  }
  // The field only adds its name in front: every field with every code, at the worst numbers.
  for (unsigned f = 0; f <= 255; ++f) {
    for (unsigned code = 0; code <= 255; ++code) {
      for (const std::uint32_t d : {0x0Au, 8u}) {
        check(sgwchap::detail::make_error(static_cast<errc>(code), static_cast<field>(f), SIZE_MAX, profile::strict,
                                          UINT32_MAX, length_unit::characters, d));
      }
    }
  }
  INFO("first message that does not fit or differs: " << first_bad);
  CHECK(bad == 0);
  CHECK(checked > 400000);
  CHECK(longest_seen == sgwchap::error_message_capacity);  // the capacity is no larger than needed
}

TEST_CASE("error is a literal type compared member by member", "[error]") {
  constexpr sgwchap::error a = sgwchap::detail::make_error(errc::too_long, field::target_arn, 3);
  constexpr sgwchap::error b = sgwchap::detail::make_error(errc::too_long, field::target_arn, 4);
  constexpr sgwchap::error a_copy = a;
  static_assert(a == a_copy);
  static_assert(!(a == b));
  static_assert(a.rule_profile == profile::strict);
  CHECK(a != b);
  constexpr sgwchap::error blank{};
  static_assert(blank.which == field::none && blank.offset == 0 && blank.limit == 0 && blank.detail == 0);
}

TEST_CASE("std::error_code interplay", "[error][error_code]") {
  static_assert(std::is_error_code_enum_v<errc>);
  const std::error_code ec = errc::too_long;
  CHECK(ec);
  CHECK(ec.value() == static_cast<int>(errc::too_long));
  CHECK(std::string_view(ec.category().name()) == "sgwchap");
  CHECK(&ec.category() == &sgwchap::error_category());
  CHECK(ec == errc::too_long);
  CHECK(ec != errc::too_short);
  CHECK(ec == sgwchap::make_error_code(errc::too_long));
  CHECK(ec.message() == "too long");
  CHECK(ec != std::make_error_code(std::errc::argument_list_too_long));
  CHECK(ec != std::error_code{});

  const sgwchap::error e = make(errc::bad_region, field::target_arn, 23);
  CHECK(sgwchap::to_error_code(e) == errc::bad_region);
  CHECK(sgwchap::to_error_code(e).message() == sgwchap::rule_description(errc::bad_region));

  for (const errc code : known_values()) {
    const std::error_code c = code;
    CHECK(c.message() == sgwchap::rule_description(code));
    CHECK(c.category() == sgwchap::error_category());
  }
  // A value no rule has still formats (the category never throws or crashes on it).
  CHECK(sgwchap::error_category().message(250) == "unknown error");
}
