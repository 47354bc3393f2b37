// sgwchap — compile-time checked literals: a typo in a target ARN or an initiator name written
// in code fails the build, and the compiler's first error line names the rule and the byte.
//
//   using namespace sgwchap::literals;
//   constexpr auto arn  =
//   "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
//   constexpr auto name = "iqn.1991-05.com.microsoft:host"_iscsi_name;
//   constexpr auto vol  =
//   "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB"_volume_arn;
//
// `_gateway_arn`, `_volume_arn` and `_vtl_device_arn` do the same for resource_arn.hpp's ARNs.
//
// The literal operators run the same constexpr parsers as the run-time path (parse_target_arn,
// parse_iscsi_name) under the strict profile, and give the same view types.
//
// How the diagnostic is made (the CTRE technique, STYLE.md): each rule has an incomplete class
// template named after its `errc` enumerator, in a namespace named after the literal, taking the
// byte offset as its argument. On failure the operator asks for its size, so the first error
// line is, on GCC 12:
//   error: invalid application of 'sizeof' to incomplete type 'invalid_literal'
//          {aka 'sgwchap::v0::invalid_iscsi_name::iqn_month_out_of_range<9>'}
// and on Clang 14:
//   error: implicit instantiation of undefined template 'sgwchap::invalid_iscsi_name::iqn_month_out_of_range<9>'
// (fmt's "call a non-constexpr function" trick loses the offset on GCC 12 and the rule on
// Clang 14's first line; tl::expected::value() throwing in a constant expression says nothing.)
//
// Storage: the views point into the literal operator's template parameter object, which has
// static storage duration, so `constexpr auto v = "..."_iscsi_name;` stays valid at namespace
// scope, in a function, and after the function returns.
//
// Run-time strings are never accepted here: `fixed_string` is built only from a character
// array in a constant expression. sgwchap::parse_target_arn / parse_iscsi_name are the run-time
// path.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/resource_arn.hpp>
#include <sgwchap/target_arn.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// A string literal as a template argument (a structural type). `N` counts the terminating
/// NUL; `view()` excludes it but keeps every other byte, embedded NULs included, so nothing is
/// silently truncated (the parsers then reject the NUL).
template <std::size_t N>
struct fixed_string {
  static_assert(N >= 1,
                "sgwchap literals take a string literal only; check a run-time string with sgwchap::parse_target_arn "
                "or sgwchap::parse_iscsi_name");
  char chars[N]{};

  // NOLINTNEXTLINE(google-explicit-constructor): the literal operator's argument converts implicitly.
  consteval fixed_string(const char (&literal)[N]) noexcept {
    for (std::size_t i = 0; i < N; ++i) chars[i] = literal[i];
  }

  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars, N - 1}; }
  [[nodiscard]] static constexpr std::size_t size() noexcept { return N - 1; }
};

/// Anything but a character array (a std::string, a pointer, a std::string_view) deduces the
/// empty fixed_string<0>, whose static_assert says to use the run-time parsers.
template <class T>
fixed_string(const T&) -> fixed_string<0>;

/// Diagnostics of `_target_arn` literals: the first error line names `invalid_target_arn::<rule><offset>`.
/// Each rule is an errc enumerator (error.hpp); the argument is the byte offset into the literal.
namespace invalid_target_arn {
template <std::size_t Offset>
struct too_short;  ///< shorter than 50 characters (MODEL); offset = the length
template <std::size_t Offset>
struct too_long;  ///< longer than 800 characters (MODEL)
template <std::size_t Offset>
struct invalid_utf8;  ///< not well-formed UTF-8
template <std::size_t Offset>
struct invalid_character;  ///< a character the field does not allow
template <std::size_t Offset>
struct uppercase_character;  ///< an upper-case letter in the region or target name
template <std::size_t Offset>
struct bad_prefix;  ///< does not start with "arn:"
template <std::size_t Offset>
struct unknown_partition;  ///< not a partition of PARTITIONS (aws, aws-cn, aws-us-gov, ...)
template <std::size_t Offset>
struct bad_service;  ///< the service is not "storagegateway"
template <std::size_t Offset>
struct bad_region;  ///< the region is empty, too long, or shaped like no region
template <std::size_t Offset>
struct region_not_in_partition;  ///< the region belongs to another partition (cn-north-1 under aws)
template <std::size_t Offset>
struct bad_account_id;  ///< the account is not exactly 12 digits
template <std::size_t Offset>
struct bad_resource_type;  ///< not gateway/GATEWAY-ID/target/TARGET-IQN
template <std::size_t Offset>
struct volume_arn_not_target_arn;  ///< a VolumeARN (.../volume/vol-...): DescribeStorediSCSIVolumes gives the TargetARN
template <std::size_t Offset>
struct bad_gateway_id;  ///< not sgw- followed by 8..26 hex digits
template <std::size_t Offset>
struct lowercase_gateway_id;  ///< lower-case hex in the gateway id
template <std::size_t Offset>
struct bad_target_prefix;  ///< the target does not start with iqn.1997-05.com.amazon:
template <std::size_t Offset>
struct bad_target_name;  ///< the TargetName is empty or longer than 200
/// Any other rule (none today): named by its errc value.
template <errc Rule, std::size_t Offset>
struct rule_failed;
}  // namespace invalid_target_arn

/// Diagnostics of `_iscsi_name` literals: the first error line names `invalid_iscsi_name::<rule><offset>`.
/// Each rule is an errc enumerator (error.hpp); the argument is the byte offset into the literal.
namespace invalid_iscsi_name {
template <std::size_t Offset>
struct too_short;  ///< empty
template <std::size_t Offset>
struct too_long;  ///< longer than 223 bytes (RFC 3720)
template <std::size_t Offset>
struct invalid_character;  ///< not one of [0-9a-z:.-] (MODEL IqnName)
template <std::size_t Offset>
struct uppercase_character;  ///< an upper-case letter (fold it with normalize_iscsi_name)
template <std::size_t Offset>
struct bad_prefix;  ///< not iqn., eui. or naa.
template <std::size_t Offset>
struct bad_iqn_date;  ///< iqn. is not followed by YYYY-MM.
template <std::size_t Offset>
struct iqn_month_out_of_range;  ///< the month is not 01..12
template <std::size_t Offset>
struct missing_naming_authority;  ///< no reversed domain name after the date
template <std::size_t Offset>
struct empty_domain_label;  ///< an empty label (.. or a trailing .)
template <std::size_t Offset>
struct domain_label_hyphen;  ///< a label starts or ends with -
template <std::size_t Offset>
struct domain_label_too_long;  ///< a label longer than 63 bytes
template <std::size_t Offset>
struct numeric_top_level_domain;  ///< the top-level label is all digits (an IP address)
template <std::size_t Offset>
struct empty_unique_name;  ///< nothing after the :
template <std::size_t Offset>
struct not_hex_digit;  ///< a non-hex character in an eui./naa. name
template <std::size_t Offset>
struct bad_hex_length;  ///< eui. needs 16 hex digits, naa. 16 or 32
template <std::size_t Offset>
struct initiator_is_target_name;  ///< iqn.1997-05.com.amazon:...: a gateway target's name, not an initiator's
/// Any other rule (none today): named by its errc value.
template <errc Rule, std::size_t Offset>
struct rule_failed;
}  // namespace invalid_iscsi_name

/// Diagnostics of `_gateway_arn`, `_volume_arn` and `_vtl_device_arn` literals: the first error
/// line names `invalid_resource_arn::<rule><offset>` (errc enumerators; the byte offset).
namespace invalid_resource_arn {
template <std::size_t Offset>
struct too_short;  ///< shorter than 50 characters (MODEL); offset = the length
template <std::size_t Offset>
struct too_long;  ///< longer than 500 characters (MODEL)
template <std::size_t Offset>
struct invalid_utf8;  ///< not well-formed UTF-8
template <std::size_t Offset>
struct invalid_character;  ///< a character the region does not allow
template <std::size_t Offset>
struct uppercase_character;  ///< an upper-case letter in the region
template <std::size_t Offset>
struct bad_prefix;  ///< does not start with "arn:"
template <std::size_t Offset>
struct unknown_partition;  ///< not a partition of PARTITIONS
template <std::size_t Offset>
struct bad_service;  ///< the service is not "storagegateway"
template <std::size_t Offset>
struct bad_region;  ///< the region is empty, too long, or shaped like no region
template <std::size_t Offset>
struct region_not_in_partition;  ///< the region belongs to another partition
template <std::size_t Offset>
struct bad_account_id;  ///< the account is not exactly 12 digits
template <std::size_t Offset>
struct bad_resource_type;  ///< not gateway/GATEWAY-ID, .../volume/..., .../device/... as the literal's kind
template <std::size_t Offset>
struct bad_gateway_id;  ///< not sgw- followed by 8..26 hex digits
template <std::size_t Offset>
struct lowercase_gateway_id;  ///< lower-case hex in the gateway id
template <std::size_t Offset>
struct bad_volume_id;  ///< not vol- followed by 8..26 upper-case hex digits
template <std::size_t Offset>
struct bad_device_id;  ///< not one or more of A-Z, 0-9, _ and -
/// Any other rule (none today): named by its errc value.
template <errc Rule, std::size_t Offset>
struct rule_failed;
}  // namespace invalid_resource_arn

// Maps a parser error to its diagnostic type: failure<rule, offset>::type is
// <diagnostics>::<rule><offset>, or <diagnostics>::rule_failed<rule, offset> for a rule with no
// class of its own.
#define SGWCHAP_DETAIL_LITERAL_RULE(diagnostics, rule) \
  template <std::size_t Offset>                        \
  struct failure<errc::rule, Offset> {                 \
    using type = diagnostics::rule<Offset>;            \
  };
#define SGWCHAP_DETAIL_LITERAL_RULES_COMMON(diagnostics)        \
  template <errc Rule, std::size_t Offset>                      \
  struct failure {                                              \
    using type = diagnostics::rule_failed<Rule, Offset>;        \
  };                                                            \
  SGWCHAP_DETAIL_LITERAL_RULE(diagnostics, too_short)           \
  SGWCHAP_DETAIL_LITERAL_RULE(diagnostics, too_long)            \
  SGWCHAP_DETAIL_LITERAL_RULE(diagnostics, invalid_character)   \
  SGWCHAP_DETAIL_LITERAL_RULE(diagnostics, uppercase_character) \
  SGWCHAP_DETAIL_LITERAL_RULE(diagnostics, bad_prefix)

namespace detail {
namespace target_arn_literal {
SGWCHAP_DETAIL_LITERAL_RULES_COMMON(invalid_target_arn)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, invalid_utf8)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, unknown_partition)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, bad_service)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, bad_region)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, region_not_in_partition)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, bad_account_id)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, bad_resource_type)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, volume_arn_not_target_arn)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, bad_gateway_id)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, lowercase_gateway_id)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, bad_target_prefix)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_target_arn, bad_target_name)
}  // namespace target_arn_literal

namespace resource_arn_literal {
SGWCHAP_DETAIL_LITERAL_RULES_COMMON(invalid_resource_arn)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, invalid_utf8)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, unknown_partition)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, bad_service)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, bad_region)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, region_not_in_partition)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, bad_account_id)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, bad_resource_type)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, bad_gateway_id)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, lowercase_gateway_id)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, bad_volume_id)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_resource_arn, bad_device_id)
}  // namespace resource_arn_literal

namespace iscsi_name_literal {
SGWCHAP_DETAIL_LITERAL_RULES_COMMON(invalid_iscsi_name)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, bad_iqn_date)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, iqn_month_out_of_range)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, missing_naming_authority)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, empty_domain_label)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, domain_label_hyphen)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, domain_label_too_long)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, numeric_top_level_domain)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, empty_unique_name)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, not_hex_digit)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, bad_hex_length)
SGWCHAP_DETAIL_LITERAL_RULE(invalid_iscsi_name, initiator_is_target_name)
}  // namespace iscsi_name_literal

/// The checked view of literal S, parsed by Parse under the strict profile; a literal that
/// breaks a rule does not compile, and the error names Failure<rule, offset>::type.
template <template <errc, std::size_t> class Failure, auto Parse, fixed_string S>
[[nodiscard]] consteval auto checked_literal() noexcept {
  constexpr auto parsed = Parse(S.view(), profile::strict);
  if constexpr (parsed.has_value()) {
    return *parsed;
  } else {
    using invalid_literal = typename Failure<parsed.error().code, parsed.error().offset>::type;
    static_assert(sizeof(invalid_literal) == 0);  // bad literal: the error names rule<byte offset>
    return typename std::remove_cvref_t<decltype(parsed)>::value_type{};
  }
}
}  // namespace detail

#undef SGWCHAP_DETAIL_LITERAL_RULES_COMMON
#undef SGWCHAP_DETAIL_LITERAL_RULE

inline namespace literals {

/// A target ARN checked at compile time under the strict profile (parse_target_arn).
template <fixed_string S>
[[nodiscard]] consteval target_arn_view operator""_target_arn() noexcept {
  return detail::checked_literal<detail::target_arn_literal::failure, &parse_target_arn, S>();
}

/// An iSCSI name checked at compile time under the strict profile (parse_iscsi_name).
template <fixed_string S>
[[nodiscard]] consteval iscsi_name_view operator""_iscsi_name() noexcept {
  return detail::checked_literal<detail::iscsi_name_literal::failure, &parse_iscsi_name, S>();
}

/// A GatewayARN checked at compile time under the strict profile (parse_gateway_arn).
template <fixed_string S>
[[nodiscard]] consteval gateway_arn_view operator""_gateway_arn() noexcept {
  return detail::checked_literal<detail::resource_arn_literal::failure, &parse_gateway_arn, S>();
}

/// A VolumeARN checked at compile time under the strict profile (parse_volume_arn).
template <fixed_string S>
[[nodiscard]] consteval volume_arn_view operator""_volume_arn() noexcept {
  return detail::checked_literal<detail::resource_arn_literal::failure, &parse_volume_arn, S>();
}

/// A VTLDeviceARN checked at compile time under the strict profile (parse_vtl_device_arn).
template <fixed_string S>
[[nodiscard]] consteval vtl_device_arn_view operator""_vtl_device_arn() noexcept {
  return detail::checked_literal<detail::resource_arn_literal::failure, &parse_vtl_device_arn, S>();
}

}  // namespace literals

SGWCHAP_END_NAMESPACE
