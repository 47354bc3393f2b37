// sgwchap — the one error model: a rule code, the field, a byte offset, and the bound that broke.
//
// The constexpr parsers return a plain `error` (enums and integers, no virtual calls), so the
// same value is produced at compile time and at run time, and so is its message (a fixed-capacity
// string). `std::error_code` support is an adapter on top, in <sgwchap/error_code.hpp> (see
// STYLE.md, Boost.URL's lesson): this header, which every validator includes, stays free of
// <string> and <system_error>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <tl/expected.hpp>

#include <sgwchap/detail/model_names.hpp>
#include <sgwchap/partitions.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/static_string.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// One value per rule, not per field. The enumerator's name is the rule's id everywhere: in
/// messages, in the command-line tool's JSON `"rule"` and in compile-time diagnostics.
/// Value 0 is reserved for "no error", as `std::error_code` requires.
enum class errc : std::uint8_t {
  // -- lengths and characters (MODEL constraints; strict bounds from APIREF and RFC 3720)
  too_short = 1,  ///< Shorter than the profile's minimum (`limit`, in `unit`s). MODEL min, APIREF 12 bytes.
  too_long,       ///< Longer than the profile's maximum (`limit`, in `unit`s). MODEL max, RFC 3720 223 bytes, APIREF 16
                  ///< bytes.
  invalid_utf8,   ///< Not well-formed UTF-8 (RFC 3629 §3-4): overlong, surrogate, > U+10FFFF, truncated.
  invalid_character,    ///< A character the field's pattern does not allow (MODEL patterns, RFC 3722 §6).
  uppercase_character,  ///< An ASCII upper-case letter: MODEL forbids it; RFC 3722 folds it (use normalize_iscsi_name).
  control_character,    ///< C0, DEL or C1 control character in a secret (strict; `detail` holds the code point).
  byte_order_mark,      ///< U+FEFF in a secret (strict): a BOM from a Windows file.
  // -- target ARN structure (strict profile: how the service builds target ARNs, PARTITIONS, MODEL)
  bad_prefix,               ///< The value does not start as its form requires (`arn:`; `iqn.`/`eui.`/`naa.`).
  unknown_partition,        ///< The ARN's partition is not one of PARTITIONS.
  bad_service,              ///< The ARN's service is not `storagegateway`.
  bad_region,               ///< The region is empty, longer than a DNS label (63), or shaped like no region.
  region_not_in_partition,  ///< The region fits no pattern of the ARN's partition (`detail`: 1 + index of the partition
                            ///< it fits, or 0).
  bad_account_id,           ///< The account is not exactly 12 ASCII digits.
  bad_resource_type,        ///< The resource is not `gateway/GATEWAY-ID/target/TARGET-IQN`.
  bad_volume_id,            ///< A VolumeARN's volume id is not `vol-` followed by 8..26 upper-case hex digits (MODEL
                            ///< VolumeId 12..30).
  bad_device_id,            ///< A VTLDeviceARN's device id is empty or not of upper-case letters, digits, `_` and `-`
                            ///< (APIREF-VTL's `AMZN_SGW-1FAD4876_TAPEDRIVE_00001`).
  volume_arn_not_target_arn,  ///< A VolumeARN (`gateway/GATEWAY-ID/volume/vol-...`, MODEL VolumeARN) where the
                              ///< TargetARN belongs (APIREF-Describe: DescribeStorediSCSIVolumes gives it).
  bad_gateway_id,             ///< The gateway id is not `sgw-` followed by 8..26 hex digits (MODEL GatewayId 12..30).
  lowercase_gateway_id,       ///< Lower-case hex in the gateway id (strict: the service writes upper case).
  bad_target_prefix,          ///< The target IQN does not start with `iqn.1997-05.com.amazon:`.
  bad_target_name,            ///< The TargetName after the prefix is empty or longer than 200 (MODEL TargetName).
  // -- iSCSI names (RFC 3720 §3.2.6.3, RFC 7143 §4.2.7, RFC 3980; strict profile)
  bad_iqn_date,              ///< `iqn.` is not followed by `YYYY-MM.` (four digits, dash, two digits, dot).
  iqn_month_out_of_range,    ///< The month of an `iqn.` date is not 01..12.
  missing_naming_authority,  ///< Nothing follows the date of an `iqn.` name.
  empty_domain_label,        ///< An empty label in the reversed domain name (`..`, a trailing `.`).
  domain_label_hyphen,       ///< A domain label starts or ends with `-`.
  domain_label_too_long,     ///< A domain label holds more than 63 bytes (RFC 1035 §2.3.4; `limit`: 63).
  numeric_top_level_domain,  ///< The top-level label of an `iqn.` naming authority is all digits: an IP address, not
                             ///< a domain name (RFC 1123 §2.1, RFC 3696 §2).
  empty_unique_name,         ///< A `:` after the naming authority with nothing after it.
  not_hex_digit,             ///< A non-hex character in an `eui.`/`naa.` name.
  bad_hex_length,            ///< `eui.` needs 16 hex digits, `naa.` 16 or 32 (`limit`).
  initiator_is_target_name,  ///< An InitiatorName of the form `iqn.1997-05.com.amazon:...`: a Storage Gateway target's
                             ///< name pasted where the initiator's own name belongs (USERGUIDE-CHAP).
  // -- secrets and requests
  secrets_must_differ,  ///< SecretToAuthenticateTarget equals SecretToAuthenticateInitiator (RFC 3720 §8.2.1, RFC 7143
                        ///< §12.1.3).
  missing_member,       ///< A member the operation requires is absent (MODEL `required`).
  empty_list,           ///< A list that must name something is empty (strict: VolumeARNs; MODEL sets no minimum).
  mixed_gateways,       ///< An element of VolumeARNs or VTLDeviceARNs on another gateway than the first element (or
                        ///< than GatewayARN) (strict; APIREF-Volumes, APIREF-VTL: "must be from the same gateway";
                        ///< `detail`: the element's index).
  buffer_too_small,     ///< The caller's output buffer cannot hold the result.
  // -- decoding (SMITHY-JSON, RFC 8259)
  malformed_json,    ///< Not JSON per RFC 8259 (`offset`: where parsing stopped).
  not_an_object,     ///< The body's top level is not a JSON object.
  wrong_type,        ///< A known member has the wrong JSON type.
  duplicate_key,     ///< A known member appears twice in one object.
  unknown_key,       ///< An unknown top-level member in a request body (`detail`: 1 + the member it resembles, or 0).
  body_too_large,    ///< The body exceeds the size limit (`limit`, bytes).
  nesting_too_deep,  ///< The body nests deeper than the depth limit (`limit`).
  bad_content_type,  ///< The response's Content-Type is not `application/x-amz-json-1.1`.
  bad_timestamp,     ///< A timestamp (SMITHY-JSON: epoch seconds, a JSON number) that is not a JSON number, is finer
                     ///< than 1 ns, or is outside what int64 nanoseconds hold (about 1677..2262) (timestamp.hpp).
  // -- SigV4 signing (sigv4.hpp; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html)
  bad_header_name,            ///< A header name is not an HTTP token (RFC 9110 §5.1) (`detail`: its position, from 1).
  bad_header_value,           ///< A header value holds a control character, or CR/LF outside a folded line (RFC 9110
                              ///< §5.5, RFC 9112 §5.2) (`detail`: its position, from 1).
  missing_host_header,        ///< The request has no Host header, which SigV4 always signs.
  unexpected_security_token,  ///< The request holds X-Amz-Security-Token, the credentials no session token.
  timestamp_out_of_range,     ///< The signing time is outside the years 0000..9999 (X-Amz-Date has four year digits).
  crypto_failure,             ///< The SHA-256 implementation reported a failure (e.g. OpenSSL could not fetch it).
  // -- numbers (MODEL integer, long, PositiveIntObject; SMITHY-JSON numbers)
  number_out_of_range,  ///< A number its member cannot hold: a fraction or an exponent in an integer member, a value
                        ///< beyond int32 (MODEL integer) or int64 (MODEL long), a double beyond the largest double (one
                        ///< that rounds to zero is zero), or a
                        ///< request's Limit below 1 (MODEL PositiveIntObject; `limit`: the bound).
};

/// The member (or part of the exchange) an error is about. Names are the MODEL member names.
enum class field : std::uint8_t {
  none = 0,
  target_arn,
  initiator_name,
  secret_to_authenticate_initiator,
  secret_to_authenticate_target,
  chap_credentials,
  body,
  content_type,
  // The workflow operations' members (operations.hpp).
  gateway_arn,
  volume_arn,
  volume_arns,
  vtl_device_arn,
  vtl_device_arns,
  // SigV4 signing (sigv4.hpp): the credentials (STS Credentials member names), the scope, the request.
  access_key_id,
  secret_access_key,
  session_token,
  region,
  service,
  http_method,
  http_path,
  http_query,
  http_header,
  timestamp,
  // The members of the workflow operations' inputs and outputs (operations.hpp).
  marker,
  limit,
  volume_infos,
  volume_id,
  gateway_id,
  volume_type,
  volume_size_in_bytes,
  volume_attachment_status,
  stored_iscsi_volumes,
  cached_iscsi_volumes,
  volume_status,
  volume_progress,
  volume_disk_id,
  source_snapshot_id,
  preserved_existing_data,
  volume_iscsi_attributes,
  created_date,
  volume_used_in_bytes,
  kms_key,
  target_name,
  network_interface_id,
  network_interface_port,
  lun_number,
  chap_enabled,
  vtl_devices,
  vtl_device_type,
  vtl_device_vendor,
  vtl_device_product_identifier,
  device_iscsi_attributes,
};

/// What `error::limit` counts.
enum class length_unit : std::uint8_t { bytes, characters };

/// The member's name as the AWS model spells it (MODEL shape member, e.g. "TargetARN",
/// "SecretToAuthenticateInitiator"; the codec's own fields: "ChapCredentials", "body",
/// "Content-Type"); field::none reads "value". Total: no error, no throw.
[[nodiscard]] constexpr std::string_view field_name(field f) noexcept {
  switch (f) {
    case field::target_arn: return SGWCHAP_NAME_TargetARN;
    case field::initiator_name: return SGWCHAP_NAME_InitiatorName;
    case field::secret_to_authenticate_initiator: return SGWCHAP_NAME_SecretToAuthenticateInitiator;
    case field::secret_to_authenticate_target: return SGWCHAP_NAME_SecretToAuthenticateTarget;
    case field::chap_credentials: return SGWCHAP_NAME_ChapCredentials;
    case field::body: return "body";
    case field::content_type: return "Content-Type";
    case field::access_key_id: return "AccessKeyId";
    case field::secret_access_key: return "SecretAccessKey";
    case field::session_token: return "SessionToken";
    case field::region: return "region";
    case field::service: return "service";
    case field::http_method: return "method";
    case field::http_path: return "path";
    case field::http_query: return "query";
    case field::http_header: return "header";
    case field::gateway_arn: return SGWCHAP_NAME_GatewayARN;
    case field::volume_arn: return SGWCHAP_NAME_VolumeARN;
    case field::volume_arns: return SGWCHAP_NAME_VolumeARNs;
    case field::vtl_device_arn: return SGWCHAP_NAME_VTLDeviceARN;
    case field::vtl_device_arns: return SGWCHAP_NAME_VTLDeviceARNs;
    case field::timestamp: return "timestamp";
    case field::marker: return SGWCHAP_NAME_Marker;
    case field::limit: return SGWCHAP_NAME_Limit;
    case field::volume_infos: return SGWCHAP_NAME_VolumeInfos;
    case field::volume_id: return SGWCHAP_NAME_VolumeId;
    case field::gateway_id: return SGWCHAP_NAME_GatewayId;
    case field::volume_type: return SGWCHAP_NAME_VolumeType;
    case field::volume_size_in_bytes: return SGWCHAP_NAME_VolumeSizeInBytes;
    case field::volume_attachment_status: return SGWCHAP_NAME_VolumeAttachmentStatus;
    case field::stored_iscsi_volumes: return SGWCHAP_NAME_StorediSCSIVolumes;
    case field::cached_iscsi_volumes: return SGWCHAP_NAME_CachediSCSIVolumes;
    case field::volume_status: return SGWCHAP_NAME_VolumeStatus;
    case field::volume_progress: return SGWCHAP_NAME_VolumeProgress;
    case field::volume_disk_id: return SGWCHAP_NAME_VolumeDiskId;
    case field::source_snapshot_id: return SGWCHAP_NAME_SourceSnapshotId;
    case field::preserved_existing_data: return SGWCHAP_NAME_PreservedExistingData;
    case field::volume_iscsi_attributes: return SGWCHAP_NAME_VolumeiSCSIAttributes;
    case field::created_date: return SGWCHAP_NAME_CreatedDate;
    case field::volume_used_in_bytes: return SGWCHAP_NAME_VolumeUsedInBytes;
    case field::kms_key: return SGWCHAP_NAME_KMSKey;
    case field::target_name: return SGWCHAP_NAME_TargetName;
    case field::network_interface_id: return SGWCHAP_NAME_NetworkInterfaceId;
    case field::network_interface_port: return SGWCHAP_NAME_NetworkInterfacePort;
    case field::lun_number: return SGWCHAP_NAME_LunNumber;
    case field::chap_enabled: return SGWCHAP_NAME_ChapEnabled;
    case field::vtl_devices: return SGWCHAP_NAME_VTLDevices;
    case field::vtl_device_type: return SGWCHAP_NAME_VTLDeviceType;
    case field::vtl_device_vendor: return SGWCHAP_NAME_VTLDeviceVendor;
    case field::vtl_device_product_identifier: return SGWCHAP_NAME_VTLDeviceProductIdentifier;
    case field::device_iscsi_attributes: return SGWCHAP_NAME_DeviceiSCSIAttributes;
    case field::none: break;
  }
  return "value";
}

/// True for the fields whose bytes must never appear in any output (MODEL `sensitive: true`; the
/// secret access key and the session token of SigV4 credentials).
[[nodiscard]] constexpr bool is_secret_field(field f) noexcept {
  return f == field::secret_to_authenticate_initiator || f == field::secret_to_authenticate_target ||
         f == field::secret_access_key || f == field::session_token;
}

/// The rule's id: the enumerator's name.
[[nodiscard]] constexpr std::string_view rule_name(errc e) noexcept {
  switch (e) {
    case errc::too_short: return "too_short";
    case errc::too_long: return "too_long";
    case errc::invalid_utf8: return "invalid_utf8";
    case errc::invalid_character: return "invalid_character";
    case errc::uppercase_character: return "uppercase_character";
    case errc::control_character: return "control_character";
    case errc::byte_order_mark: return "byte_order_mark";
    case errc::bad_prefix: return "bad_prefix";
    case errc::unknown_partition: return "unknown_partition";
    case errc::bad_service: return "bad_service";
    case errc::bad_region: return "bad_region";
    case errc::region_not_in_partition: return "region_not_in_partition";
    case errc::bad_account_id: return "bad_account_id";
    case errc::bad_resource_type: return "bad_resource_type";
    case errc::bad_volume_id: return "bad_volume_id";
    case errc::bad_device_id: return "bad_device_id";
    case errc::volume_arn_not_target_arn: return "volume_arn_not_target_arn";
    case errc::bad_gateway_id: return "bad_gateway_id";
    case errc::lowercase_gateway_id: return "lowercase_gateway_id";
    case errc::bad_target_prefix: return "bad_target_prefix";
    case errc::bad_target_name: return "bad_target_name";
    case errc::bad_iqn_date: return "bad_iqn_date";
    case errc::iqn_month_out_of_range: return "iqn_month_out_of_range";
    case errc::missing_naming_authority: return "missing_naming_authority";
    case errc::empty_domain_label: return "empty_domain_label";
    case errc::domain_label_hyphen: return "domain_label_hyphen";
    case errc::domain_label_too_long: return "domain_label_too_long";
    case errc::numeric_top_level_domain: return "numeric_top_level_domain";
    case errc::empty_unique_name: return "empty_unique_name";
    case errc::not_hex_digit: return "not_hex_digit";
    case errc::bad_hex_length: return "bad_hex_length";
    case errc::initiator_is_target_name: return "initiator_is_target_name";
    case errc::secrets_must_differ: return "secrets_must_differ";
    case errc::missing_member: return "missing_member";
    case errc::empty_list: return "empty_list";
    case errc::mixed_gateways: return "mixed_gateways";
    case errc::buffer_too_small: return "buffer_too_small";
    case errc::malformed_json: return "malformed_json";
    case errc::not_an_object: return "not_an_object";
    case errc::wrong_type: return "wrong_type";
    case errc::duplicate_key: return "duplicate_key";
    case errc::unknown_key: return "unknown_key";
    case errc::body_too_large: return "body_too_large";
    case errc::nesting_too_deep: return "nesting_too_deep";
    case errc::bad_content_type: return "bad_content_type";
    case errc::bad_timestamp: return "bad_timestamp";
    case errc::bad_header_name: return "bad_header_name";
    case errc::bad_header_value: return "bad_header_value";
    case errc::missing_host_header: return "missing_host_header";
    case errc::unexpected_security_token: return "unexpected_security_token";
    case errc::timestamp_out_of_range: return "timestamp_out_of_range";
    case errc::crypto_failure: return "crypto_failure";
    case errc::number_out_of_range: return "number_out_of_range";
  }
  return "unknown_error";
}

/// The rule in words, without field, bound or offset (those are added by `error::message`).
[[nodiscard]] constexpr std::string_view rule_description(errc e) noexcept {
  switch (e) {
    case errc::too_short: return "too short";
    case errc::too_long: return "too long";
    case errc::invalid_utf8: return "not well-formed UTF-8";
    case errc::invalid_character: return "character not allowed";
    case errc::uppercase_character: return "upper-case letter not allowed (fold it with normalize_iscsi_name)";
    case errc::control_character: return "control character not allowed";
    case errc::byte_order_mark: return "byte-order mark (U+FEFF) not allowed";
    case errc::bad_prefix: return "wrong prefix";
    case errc::unknown_partition:
      return "unknown partition (expected aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f or "
             "aws-eusc)";
    case errc::bad_service: return "service must be storagegateway";
    case errc::bad_region: return "malformed region";
    case errc::region_not_in_partition: return "region does not belong to the partition";
    case errc::bad_account_id: return "account id must be exactly 12 digits";
    case errc::bad_resource_type: return "resource must be gateway/GATEWAY-ID/target/TARGET-IQN";
    case errc::bad_volume_id: return "volume id must be vol- followed by 8..26 upper-case hex digits";
    case errc::bad_device_id: return "device id must be one or more of A-Z, 0-9, _ and -";
    case errc::volume_arn_not_target_arn:
      return "a " SGWCHAP_NAME_VolumeARN ", not a " SGWCHAP_NAME_TargetARN ": " SGWCHAP_NAME_DescribeStorediSCSIVolumes
             " or " SGWCHAP_NAME_DescribeCachediSCSIVolumes " gives the volume's " SGWCHAP_NAME_TargetARN;
    case errc::bad_gateway_id: return "gateway id must be sgw- followed by 8..26 hex digits";
    case errc::lowercase_gateway_id: return "gateway id hex digits must be upper case";
    case errc::bad_target_prefix: return "target must start with iqn.1997-05.com.amazon:";
    case errc::bad_target_name: return "target name must be 1..200 characters";
    case errc::bad_iqn_date: return "iqn. must be followed by a YYYY-MM. date";
    case errc::iqn_month_out_of_range: return "month must be 01..12";
    case errc::missing_naming_authority: return "naming authority (reversed domain name) missing after the date";
    case errc::empty_domain_label: return "empty label in the reversed domain name";
    case errc::domain_label_hyphen: return "domain label must not start or end with '-'";
    case errc::domain_label_too_long: return "domain label must be at most 63 bytes";
    case errc::numeric_top_level_domain:
      return "top-level domain must not be all digits (an IP address is no naming authority)";
    case errc::empty_unique_name: return "nothing after ':' (the unique part must not be empty)";
    case errc::not_hex_digit: return "expected a hex digit";
    case errc::bad_hex_length: return "wrong number of hex digits";
    case errc::initiator_is_target_name:
      return "a gateway target's name, not the initiator's (Linux: /etc/iscsi/initiatorname.iscsi; Windows: iSCSI "
             "Initiator, Configuration tab)";
    case errc::secrets_must_differ:
      return "must differ from " SGWCHAP_NAME_SecretToAuthenticateInitiator " (mutual CHAP)";
    case errc::missing_member: return "required member missing";
    case errc::empty_list: return "list must not be empty";
    case errc::mixed_gateways: return "every volume or device must be on the same gateway";
    case errc::buffer_too_small: return "output buffer too small";
    case errc::malformed_json: return "malformed JSON";
    case errc::not_an_object: return "top level must be a JSON object";
    case errc::wrong_type: return "wrong JSON type";
    case errc::duplicate_key: return "member appears twice";
    case errc::unknown_key: return "unknown member";
    case errc::body_too_large: return "body too large";
    case errc::nesting_too_deep: return "nesting too deep";
    case errc::bad_content_type: return "Content-Type must be application/x-amz-json-1.1";
    case errc::bad_timestamp: return "must be epoch seconds as a JSON number, to the nanosecond, between 1677 and 2262";
    case errc::bad_header_name: return "header name must be an HTTP token";
    case errc::bad_header_value: return "header value must not hold control characters or CR/LF outside a folded line";
    case errc::missing_host_header: return "no Host header (SigV4 signs it)";
    case errc::unexpected_security_token: return "X-Amz-Security-Token present, credentials without session token";
    case errc::timestamp_out_of_range: return "time must be within the years 0000..9999";
    case errc::crypto_failure: return "the SHA-256 implementation failed";
    case errc::number_out_of_range: return "number out of the member's range";
  }
  return "unknown error";
}

/// The capacity of `error::message()`'s string: the longest message any `error` can produce, 188
/// bytes ("SecretToAuthenticateInitiator: " + initiator_is_target_name's text, which says where
/// the initiator's own name is found, + " (byte 18446744073709551615)"). tests/test_error.cpp proves that the message
/// of every errc value (enumerators or not), field, unit, profile, limit, detail and offset fits, and that no smaller
/// capacity would: a message is never truncated.
inline constexpr std::size_t error_message_capacity = 188;

/// The string `error::message()` returns: inline storage, no allocation, NUL-terminated (c_str()).
using error_message = static_string<error_message_capacity>;

/// An error from any sgwchap check. A literal type: produced identically at compile time.
/// `message()` is built from these members only, never from the input's bytes.
struct error {
  errc code{};
  field which{field::none};
  std::size_t offset{0};   ///< Byte offset into the checked value (or body) of the offending byte.
  std::uint32_t limit{0};  ///< The bound that broke, for too_short/too_long/bad_hex_length/size limits.
  length_unit unit{length_unit::bytes};
  profile rule_profile{profile::aws_model};  ///< The profile the broken rule belongs to.
  std::uint32_t detail{0};                   ///< Rule-specific, documented on the errc value.

  friend constexpr bool operator==(const error&, const error&) noexcept = default;

  /// E.g. "InitiatorName: month must be 01..12 (byte 9)": the field's name, the rule in words
  /// with its bound, and the byte offset. No allocation, no exception, usable in constant
  /// expressions; never truncated (see error_message_capacity).
  [[nodiscard]] constexpr error_message message() const noexcept;
};

namespace detail {
constexpr error make_error(errc code, field which, std::size_t offset, profile p = profile::strict,
                           std::uint32_t limit = 0, length_unit unit = length_unit::bytes,
                           std::uint32_t extra = 0) noexcept {
  return error{code, which, offset, limit, unit, p, extra};
}

/// Appends the decimal digits of `n` to `out` (anything with `append(std::string_view)`).
template <class Out>
constexpr void append_number(Out& out, std::uint64_t n) noexcept(noexcept(out.append(std::string_view{}))) {
  char digits[20]{};  // 2^64 - 1 has 20 digits
  std::size_t begin = sizeof digits;
  do {
    digits[--begin] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  out.append(std::string_view(digits + begin, sizeof digits - begin));
}

/// Appends "U+XXXX": the low 16 bits of `cp` as four upper-case hex digits.
template <class Out>
constexpr void append_hex4(Out& out, std::uint32_t cp) noexcept(noexcept(out.append(std::string_view{}))) {
  constexpr std::string_view hex = "0123456789ABCDEF";
  const char text[6] = {'U', '+', hex[(cp >> 12) & 0xFU], hex[(cp >> 8) & 0xFU], hex[(cp >> 4) & 0xFU], hex[cp & 0xFU]};
  out.append(std::string_view(text, sizeof text));
}

/// The message of `e` after its "<field>: " prefix: the rule in words with its bound, then
/// " (byte N)". `out` is anything with `append(std::string_view)`: error::message()'s
/// static_string, decode_error::message()'s std::string, a counter in the tests. Throws only
/// what `out.append` throws (static_string: nothing).
template <class Out>
constexpr void write_error_body(const error& e, Out& out) noexcept(noexcept(out.append(std::string_view{}))) {
  // "1 character", "12 bytes": MODEL's minimum of 1 reads as a singular.
  const std::string_view unit_name = e.unit == length_unit::bytes ? (e.limit == 1 ? " byte" : " bytes")
                                                                  : (e.limit == 1 ? " character" : " characters");
  const std::string_view profile_note = e.rule_profile == profile::strict ? " (strict profile)" : " (AWS model)";
  switch (e.code) {
    case errc::too_short:
    case errc::too_long:
      out.append(e.code == errc::too_short ? "must be at least " : "must be at most ");
      append_number(out, e.limit);
      out.append(unit_name);
      out.append(profile_note);
      break;
    case errc::control_character:
      // The one permitted mention of a secret's content: the control character is the error.
      out.append("control character ");
      append_hex4(out, e.detail);
      if (e.detail == 0x0A)
        out.append(" (line feed: was the value written with echo instead of printf?)");
      else if (e.detail == 0x0D)
        out.append(" (carriage return: a Windows line ending?)");
      out.append(" not allowed");
      break;
    case errc::region_not_in_partition:
      out.append(rule_description(e.code));
      if (e.detail != 0 && e.detail <= partitions.size()) {
        out.append(" (it belongs to partition ");
        out.append(partitions[e.detail - 1].id);
        out.append(")");
      }
      break;
    case errc::bad_hex_length:
      out.append(rule_description(e.code));
      out.append(e.limit == 32 ? " (expected 16 or 32)" : " (expected 16)");
      break;
    case errc::body_too_large:
    case errc::nesting_too_deep:
      out.append(rule_description(e.code));
      out.append(" (limit ");
      append_number(out, e.limit);
      out.append(")");
      break;
    case errc::bad_header_name:
    case errc::bad_header_value:
      out.append(rule_description(e.code));
      if (e.detail != 0) {
        out.append(" (header ");
        append_number(out, e.detail);
        out.append(")");
      }
      break;
    default: out.append(rule_description(e.code)); break;
  }
  out.append(" (byte ");
  append_number(out, e.offset);
  out.append(")");
}

/// The whole message of `e`: "<field>: " and write_error_body.
template <class Out>
constexpr void write_error_message(const error& e, Out& out) noexcept(noexcept(out.append(std::string_view{}))) {
  out.append(field_name(e.which));
  out.append(": ");
  write_error_body(e, out);
}
}  // namespace detail

constexpr error_message error::message() const noexcept {
  error_message out;
  detail::write_error_message(*this, out);
  return out;
}

/// Results of every sgwchap parse: the value, or the error with its offset.
template <class T>
using result = tl::expected<T, error>;

SGWCHAP_END_NAMESPACE
