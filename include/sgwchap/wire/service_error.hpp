// sgwchap — errors the service returns (APIREF-Errors, SMITHY-JSON): the cleaned error name, the message, the
// HTTP status, Storage Gateway's `error.errorCode` (an open enum) and `error.errorDetails`.
// Light: no Boost.JSON. The decoder is decode_service_error in <sgwchap/json.hpp>.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// MODEL's ErrorCode enum, all 62 values in MODEL order, plus `unknown` for a value the model
/// does not list (kept as its string by `service_error_code`: the enum is open).
enum class gateway_error_code : std::uint8_t {
  activation_key_expired,
  activation_key_invalid,
  activation_key_not_found,
  gateway_internal_error,
  gateway_not_connected,
  gateway_not_found,
  gateway_proxy_network_connection_busy,
  authentication_failure,
  bandwidth_throttle_schedule_not_found,
  blocked,
  cannot_export_snapshot,
  chap_credential_not_found,
  disk_already_allocated,
  disk_does_not_exist,
  disk_size_greater_than_volume_max_size,
  disk_size_less_than_volume_size,
  disk_size_not_gig_aligned,
  duplicate_certificate_info,
  duplicate_schedule,
  endpoint_not_found,
  iam_not_supported,
  initiator_invalid,
  initiator_not_found,
  internal_error,
  invalid_gateway,
  invalid_endpoint,
  invalid_parameters,
  invalid_schedule,
  local_storage_limit_exceeded,
  lun_already_allocated,  ///< MODEL spells it with a trailing space: "LunAlreadyAllocated "
  lun_invalid,
  join_domain_in_progress,
  maximum_content_length_exceeded,
  maximum_tape_cartridge_count_exceeded,
  maximum_volume_count_exceeded,
  network_configuration_changed,
  no_disks_available,
  not_implemented,
  not_supported,
  operation_aborted,
  outdated_gateway,
  parameters_not_implemented,
  region_invalid,
  request_timeout,
  service_unavailable,
  snapshot_deleted,
  snapshot_id_invalid,
  snapshot_in_progress,
  snapshot_not_found,
  snapshot_schedule_not_found,
  staging_area_full,
  storage_failure,
  tape_cartridge_not_found,
  target_already_exists,
  target_invalid,
  target_not_found,
  unauthorized_operation,
  volume_already_exists,
  volume_id_invalid,
  volume_in_use,
  volume_not_found,
  volume_not_ready,
  unknown,
};

struct gateway_error_code_entry {
  gateway_error_code code;
  std::string_view wire;  ///< MODEL's spelling, byte for byte.
};

/// The 62 values of MODEL's ErrorCode with their wire spelling, in MODEL order.
inline constexpr std::array<gateway_error_code_entry, 62> gateway_error_codes{{
    gateway_error_code_entry{gateway_error_code::activation_key_expired, "ActivationKeyExpired"},
    gateway_error_code_entry{gateway_error_code::activation_key_invalid, "ActivationKeyInvalid"},
    gateway_error_code_entry{gateway_error_code::activation_key_not_found, "ActivationKeyNotFound"},
    gateway_error_code_entry{gateway_error_code::gateway_internal_error, "GatewayInternalError"},
    gateway_error_code_entry{gateway_error_code::gateway_not_connected, "GatewayNotConnected"},
    gateway_error_code_entry{gateway_error_code::gateway_not_found, "GatewayNotFound"},
    gateway_error_code_entry{gateway_error_code::gateway_proxy_network_connection_busy,
                             "GatewayProxyNetworkConnectionBusy"},
    gateway_error_code_entry{gateway_error_code::authentication_failure, "AuthenticationFailure"},
    gateway_error_code_entry{gateway_error_code::bandwidth_throttle_schedule_not_found,
                             "BandwidthThrottleScheduleNotFound"},
    gateway_error_code_entry{gateway_error_code::blocked, "Blocked"},
    gateway_error_code_entry{gateway_error_code::cannot_export_snapshot, "CannotExportSnapshot"},
    gateway_error_code_entry{gateway_error_code::chap_credential_not_found, "ChapCredentialNotFound"},
    gateway_error_code_entry{gateway_error_code::disk_already_allocated, "DiskAlreadyAllocated"},
    gateway_error_code_entry{gateway_error_code::disk_does_not_exist, "DiskDoesNotExist"},
    gateway_error_code_entry{gateway_error_code::disk_size_greater_than_volume_max_size,
                             "DiskSizeGreaterThanVolumeMaxSize"},
    gateway_error_code_entry{gateway_error_code::disk_size_less_than_volume_size, "DiskSizeLessThanVolumeSize"},
    gateway_error_code_entry{gateway_error_code::disk_size_not_gig_aligned, "DiskSizeNotGigAligned"},
    gateway_error_code_entry{gateway_error_code::duplicate_certificate_info, "DuplicateCertificateInfo"},
    gateway_error_code_entry{gateway_error_code::duplicate_schedule, "DuplicateSchedule"},
    gateway_error_code_entry{gateway_error_code::endpoint_not_found, "EndpointNotFound"},
    gateway_error_code_entry{gateway_error_code::iam_not_supported, "IAMNotSupported"},
    gateway_error_code_entry{gateway_error_code::initiator_invalid, "InitiatorInvalid"},
    gateway_error_code_entry{gateway_error_code::initiator_not_found, "InitiatorNotFound"},
    gateway_error_code_entry{gateway_error_code::internal_error, "InternalError"},
    gateway_error_code_entry{gateway_error_code::invalid_gateway, "InvalidGateway"},
    gateway_error_code_entry{gateway_error_code::invalid_endpoint, "InvalidEndpoint"},
    gateway_error_code_entry{gateway_error_code::invalid_parameters, "InvalidParameters"},
    gateway_error_code_entry{gateway_error_code::invalid_schedule, "InvalidSchedule"},
    gateway_error_code_entry{gateway_error_code::local_storage_limit_exceeded, "LocalStorageLimitExceeded"},
    gateway_error_code_entry{gateway_error_code::lun_already_allocated, "LunAlreadyAllocated "},
    gateway_error_code_entry{gateway_error_code::lun_invalid, "LunInvalid"},
    gateway_error_code_entry{gateway_error_code::join_domain_in_progress, "JoinDomainInProgress"},
    gateway_error_code_entry{gateway_error_code::maximum_content_length_exceeded, "MaximumContentLengthExceeded"},
    gateway_error_code_entry{gateway_error_code::maximum_tape_cartridge_count_exceeded,
                             "MaximumTapeCartridgeCountExceeded"},
    gateway_error_code_entry{gateway_error_code::maximum_volume_count_exceeded, "MaximumVolumeCountExceeded"},
    gateway_error_code_entry{gateway_error_code::network_configuration_changed, "NetworkConfigurationChanged"},
    gateway_error_code_entry{gateway_error_code::no_disks_available, "NoDisksAvailable"},
    gateway_error_code_entry{gateway_error_code::not_implemented, "NotImplemented"},
    gateway_error_code_entry{gateway_error_code::not_supported, "NotSupported"},
    gateway_error_code_entry{gateway_error_code::operation_aborted, "OperationAborted"},
    gateway_error_code_entry{gateway_error_code::outdated_gateway, "OutdatedGateway"},
    gateway_error_code_entry{gateway_error_code::parameters_not_implemented, "ParametersNotImplemented"},
    gateway_error_code_entry{gateway_error_code::region_invalid, "RegionInvalid"},
    gateway_error_code_entry{gateway_error_code::request_timeout, "RequestTimeout"},
    gateway_error_code_entry{gateway_error_code::service_unavailable, "ServiceUnavailable"},
    gateway_error_code_entry{gateway_error_code::snapshot_deleted, "SnapshotDeleted"},
    gateway_error_code_entry{gateway_error_code::snapshot_id_invalid, "SnapshotIdInvalid"},
    gateway_error_code_entry{gateway_error_code::snapshot_in_progress, "SnapshotInProgress"},
    gateway_error_code_entry{gateway_error_code::snapshot_not_found, "SnapshotNotFound"},
    gateway_error_code_entry{gateway_error_code::snapshot_schedule_not_found, "SnapshotScheduleNotFound"},
    gateway_error_code_entry{gateway_error_code::staging_area_full, "StagingAreaFull"},
    gateway_error_code_entry{gateway_error_code::storage_failure, "StorageFailure"},
    gateway_error_code_entry{gateway_error_code::tape_cartridge_not_found, "TapeCartridgeNotFound"},
    gateway_error_code_entry{gateway_error_code::target_already_exists, "TargetAlreadyExists"},
    gateway_error_code_entry{gateway_error_code::target_invalid, "TargetInvalid"},
    gateway_error_code_entry{gateway_error_code::target_not_found, "TargetNotFound"},
    gateway_error_code_entry{gateway_error_code::unauthorized_operation, "UnauthorizedOperation"},
    gateway_error_code_entry{gateway_error_code::volume_already_exists, "VolumeAlreadyExists"},
    gateway_error_code_entry{gateway_error_code::volume_id_invalid, "VolumeIdInvalid"},
    gateway_error_code_entry{gateway_error_code::volume_in_use, "VolumeInUse"},
    gateway_error_code_entry{gateway_error_code::volume_not_found, "VolumeNotFound"},
    gateway_error_code_entry{gateway_error_code::volume_not_ready, "VolumeNotReady"},
}};

/// MODEL's spelling of `code` ("" for `unknown`).
[[nodiscard]] constexpr std::string_view gateway_error_code_name(gateway_error_code code) noexcept {
  for (const auto& entry : gateway_error_codes) {
    if (entry.code == code) return entry.wire;
  }
  return {};
}

/// The enumerator of a wire value: an exact match of MODEL's spelling. "LunAlreadyAllocated"
/// without MODEL's trailing space is also read as `lun_already_allocated` (the service may fix
/// its spelling); anything else is `unknown`.
[[nodiscard]] constexpr gateway_error_code parse_gateway_error_code(std::string_view wire) noexcept {
  for (const auto& entry : gateway_error_codes) {
    if (entry.wire == wire) return entry.code;
  }
  if (wire == "LunAlreadyAllocated") return gateway_error_code::lun_already_allocated;
  return gateway_error_code::unknown;
}

/// An open-enum value: the enumerator (or `unknown`) and the string exactly as the service sent
/// it, so an unknown value is kept and re-encodes byte for byte.
class service_error_code {
 public:
  /// From a wire value (any string; kept as is).
  explicit service_error_code(std::string_view wire) : wire_(wire), code_(parse_gateway_error_code(wire)) {}
  /// From a known value (MODEL's spelling). `unknown` gives an empty string.
  explicit service_error_code(gateway_error_code code) : wire_(gateway_error_code_name(code)), code_(code) {}

  /// The enumerator of the wire value (MODEL StorageGatewayError.errorCode enum, matched byte
  /// for byte), or gateway_error_code::unknown for a value the model does not list. No error.
  [[nodiscard]] gateway_error_code value() const noexcept { return code_; }
  /// True when the wire value is one of the MODEL enum's values (value() != unknown); an
  /// unknown value is still kept, byte for byte, by str(). No error.
  [[nodiscard]] bool is_known() const noexcept { return code_ != gateway_error_code::unknown; }
  /// The value as sent (or MODEL's spelling when built from an enumerator).
  [[nodiscard]] const std::string& str() const noexcept { return wire_; }

  friend bool operator==(const service_error_code&, const service_error_code&) = default;
  friend bool operator==(const service_error_code& a, gateway_error_code b) noexcept { return a.code_ == b; }

 private:
  std::string wire_;
  gateway_error_code code_;
};

/// The name clean-up of SMITHY-JSON and BOTOCORE-PARSERS: keep what is before the first `:`, then what is after the
/// first `#`. `FooError`, `FooError:http://...`, `aws.sg#FooError` and `aws.sg#FooError:http://...` all give
/// `FooError`.
[[nodiscard]] constexpr std::string_view clean_error_name(std::string_view raw) noexcept {
  if (const auto colon = raw.find(':'); colon != std::string_view::npos) raw = raw.substr(0, colon);
  if (const auto hash = raw.find('#'); hash != std::string_view::npos) raw = raw.substr(hash + 1);
  return raw;
}

/// True for the names botocore's standard retry mode retries (BOTOCORE-RETRY: transient and
/// throttling names; `retries/standard.py`).
[[nodiscard]] constexpr bool is_retryable_error_name(std::string_view name) noexcept {
  constexpr std::array<std::string_view, 16> names{"RequestTimeout",
                                                   "RequestTimeoutException",
                                                   "PriorRequestNotComplete",
                                                   "Throttling",
                                                   "ThrottlingException",
                                                   "ThrottledException",
                                                   "RequestThrottledException",
                                                   "TooManyRequestsException",
                                                   "ProvisionedThroughputExceededException",
                                                   "TransactionInProgressException",
                                                   "RequestLimitExceeded",
                                                   "BandwidthLimitExceeded",
                                                   "LimitExceededException",
                                                   "RequestThrottled",
                                                   "SlowDown",
                                                   "EC2ThrottledException"};
  for (const auto n : names) {
    if (n == name) return true;
  }
  return false;
}

/// An error response of the service (or of anything between us and it).
struct service_error {
  /// The longest excerpt of a non-JSON body kept as `message` (bytes, before the "..." marker).
  static constexpr std::size_t body_excerpt_limit = 256;

  int status{0};        ///< The HTTP status.
  std::string name;     ///< Cleaned error name (clean_error_name), log-safe (detail::sanitized_error_name); empty when
                        ///< none was found.
  std::string message;  ///< `message`, else `Message`; a sanitized excerpt for a non-JSON body.
  std::optional<service_error_code> error_code;                   ///< `error.errorCode`.
  std::map<std::string, std::string, std::less<>> error_details;  ///< `error.errorDetails`.
  bool body_was_json{true};                                       ///< False when the body was not one JSON object.

  /// True when botocore's standard retry mode retries this error (BOTOCORE-RETRY,
  /// `botocore/retries/standard.py`): HTTP 500, 502, 503 or 504 whatever the name, or a
  /// transient or throttling name (is_retryable_error_name). Nothing else: Storage Gateway's
  /// `error.errorCode` (RequestTimeout, ServiceUnavailable) is no retry signal in any SDK (a 400
  /// with it is tried once by botocore and the JavaScript SDK v3); it stays in `error_code` as
  /// information.
  [[nodiscard]] bool retryable() const noexcept {
    if (status == 500 || status == 502 || status == 503 || status == 504) return true;
    return is_retryable_error_name(name);
  }

  friend bool operator==(const service_error&, const service_error&) = default;
};

namespace detail {

/// Appends a terminal- and log-safe excerpt of a body that is not JSON: at most
/// `service_error::body_excerpt_limit` bytes, whole UTF-8 characters only; white space runs
/// become one space; control characters, invalid UTF-8, C1 controls and bidirectional
/// formatting characters become `?`; "..." marks a cut.
inline void append_sanitized_excerpt(std::string& out, std::string_view body) {
  std::size_t i = 0;
  const std::size_t start = out.size();
  bool last_space = false;
  while (i < body.size()) {
    if (out.size() - start >= service_error::body_excerpt_limit) {
      out += "...";
      return;
    }
    const auto b = byte_at(body, i);
    if (b < 0x80U) {
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        if (!last_space && out.size() != start) out.push_back(' ');
        last_space = true;
      } else {
        out.push_back(b < 0x20U || b == 0x7FU ? '?' : static_cast<char>(b));
        last_space = false;
      }
      ++i;
      continue;
    }
    last_space = false;
    const utf8_char c = decode_utf8(body, i);
    if (c.length == 0) {
      out.push_back('?');
      ++i;
      continue;
    }
    const char32_t cp = c.code_point;
    const bool unsafe = (cp >= 0x80U && cp <= 0x9FU) || (cp >= 0x202AU && cp <= 0x202EU) ||
                        (cp >= 0x2066U && cp <= 0x2069U) || cp == 0x200EU || cp == 0x200FU || cp == 0xFEFFU;
    if (unsafe) {
      out.push_back('?');
    } else {
      out.append(body.substr(i, c.length));
    }
    i += c.length;
  }
  while (out.size() > start && out.back() == ' ') out.pop_back();
}

/// The name kept in `service_error::name`: `clean_error_name` of `raw`, made log-safe the way a
/// body excerpt is (control characters, invalid UTF-8, C1 and bidirectional controls become
/// `?`; at most `body_excerpt_limit` bytes). A real error name is an ASCII identifier and passes
/// unchanged; a header or body that smuggles ESC or invalid bytes into it cannot reach a log or
/// a terminal raw, and the error always re-encodes as valid JSON. May throw std::bad_alloc.
[[nodiscard]] inline std::string sanitized_error_name(std::string_view raw) {
  std::string out;
  append_sanitized_excerpt(out, clean_error_name(raw));
  return out;
}

}  // namespace detail

SGWCHAP_END_NAMESPACE
