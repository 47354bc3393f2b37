// sgwchap — every operation sgwchap knows, described once: its name, its X-Amz-Target, and one
// constexpr member table for its input and one for its output (docs/sources.md: MODEL, the
// shapes of storagegateway-2013-06-30; SMITHY-JSON for how each type goes on the wire).
//
// Everything that handles members reads these tables: the encoder and its UTF-8 check
// (wire/encode.hpp), the checks of unchecked requests and results (wire/unchecked.hpp,
// wire/validate.hpp), the decoder (json/), the Boost.JSON conversions (json/value.hpp), the
// formatters (fmt.hpp), the builders and the command-line tool. A C++ type is tied to its table
// by `shape_of` (detail/members.hpp): its data members, in declaration order, are the table's
// rows, in MODEL order. Adding a member is one row here and the data member it names.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <sgwchap/detail/model_names.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/static_string.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// The operations (MODEL `operations`).
enum class operation : std::uint8_t {
  update_chap_credentials,
  describe_chap_credentials,
  delete_chap_credentials,
  list_volumes,
  describe_stored_iscsi_volumes,
  describe_cached_iscsi_volumes,
  describe_vtl_devices,
};

/// How a member's value is written in an awsJson1_1 body (SMITHY-JSON: each MODEL type's JSON form).
enum class member_type : std::uint8_t {
  string,          ///< MODEL string: a JSON string
  structure_list,  ///< MODEL list of structures: a JSON array of objects of the member's `element` shape
  string_list,     ///< MODEL list of strings: a JSON array of strings
  integer,         ///< MODEL integer: a JSON number without fraction or exponent, in int32
  long_integer,    ///< MODEL long: the same in int64, read exactly (never through a double)
  double_number,   ///< MODEL double: any finite JSON number
  boolean,         ///< MODEL boolean: true or false
  timestamp,       ///< MODEL timestamp: epoch seconds as a JSON number, possibly fractional (timestamp.hpp)
  structure,       ///< MODEL structure: a JSON object of the member's `element` shape
};

/// True for the member types whose JSON value is a number.
[[nodiscard]] constexpr bool is_number_type(member_type t) noexcept {
  return t == member_type::integer || t == member_type::long_integer || t == member_type::double_number ||
         t == member_type::timestamp;
}

/// Which validator checks a member's value in a checked request, and in `validate(result)`.
enum class value_rule : std::uint8_t {
  none,            ///< not checked (a value the service sends, kept as sent)
  target_arn,      ///< parse_target_arn (target_arn.hpp)
  iscsi_name,      ///< parse_iscsi_name (iscsi_name.hpp)
  chap_secret,     ///< check_chap_secret (chap_secret.hpp)
  gateway_arn,     ///< parse_gateway_arn (resource_arn.hpp)
  volume_arn,      ///< parse_volume_arn; a list: check_volume_arns (resource_arn.hpp)
  vtl_device_arn,  ///< parse_vtl_device_arn; a list: check_vtl_device_arns, against the shape's gateway_arn row
  marker,          ///< MODEL Marker: 1..2000 characters (limits.hpp)
  positive,        ///< MODEL PositiveIntObject: at least 1
};

struct shape_info;

/// One member of a shape: a row of a member table.
struct member_info {
  std::string_view name;  ///< MODEL's member name: the JSON key, byte for byte
  field which;            ///< the field its errors name
  member_type type;
  value_rule rule;
  bool required;                       ///< MODEL `required`
  bool sensitive;                      ///< MODEL `sensitive`: never printed, wiped
  const shape_info* element{nullptr};  ///< structure, structure_list: the shape (of each element) (else unused)
  /// The row of another member whose value this one must differ from under strict, or no_row
  /// (SecretToAuthenticateTarget differs from SecretToAuthenticateInitiator: RFC 3720 §8.2.1).
  std::uint8_t must_differ_from{no_row};

  static constexpr std::uint8_t no_row = 0xFF;
};

/// A structure shape: its MODEL name and its members, in MODEL order.
struct shape_info {
  std::string_view name;
  std::span<const member_info> members;
  std::string_view noun{};  ///< an element of a structure list, for people: "CHAP credential"

  /// The row of the member named `key` (exact bytes), or members.size().
  [[nodiscard]] constexpr std::size_t find(std::string_view key) const noexcept {
    std::size_t i = 0;
    while (i < members.size() && members[i].name != key) ++i;
    return i;
  }
};

/// An operation: names, and its input and output shapes.
struct operation_info {
  operation op;
  std::string_view name;      ///< MODEL's name, e.g. "UpdateChapCredentials"
  std::string_view cli_name;  ///< the AWS CLI's, e.g. "update-chap-credentials"
  const shape_info& input;
  const shape_info& output;
};

namespace model {

inline constexpr bool required = true;
inline constexpr bool optional = false;
inline constexpr bool sensitive = true;
inline constexpr bool plain = false;

// ChapInfo (an element of DescribeChapCredentialsOutput.ChapCredentials): every member optional.
inline constexpr std::array<member_info, 4> chap_info_members{{
    {SGWCHAP_NAME_TargetARN, field::target_arn, member_type::string, value_rule::target_arn, optional, plain},
    {SGWCHAP_NAME_SecretToAuthenticateInitiator, field::secret_to_authenticate_initiator, member_type::string,
     value_rule::chap_secret, optional, sensitive},
    {SGWCHAP_NAME_InitiatorName, field::initiator_name, member_type::string, value_rule::iscsi_name, optional, plain},
    {SGWCHAP_NAME_SecretToAuthenticateTarget, field::secret_to_authenticate_target, member_type::string,
     value_rule::chap_secret, optional, sensitive, nullptr, 1},
}};
inline constexpr shape_info chap_info{"ChapInfo", chap_info_members, "CHAP credential"};

// UpdateChapCredentials
inline constexpr std::array<member_info, 4> update_chap_credentials_input_members{{
    {SGWCHAP_NAME_TargetARN, field::target_arn, member_type::string, value_rule::target_arn, required, plain},
    {SGWCHAP_NAME_SecretToAuthenticateInitiator, field::secret_to_authenticate_initiator, member_type::string,
     value_rule::chap_secret, required, sensitive},
    {SGWCHAP_NAME_InitiatorName, field::initiator_name, member_type::string, value_rule::iscsi_name, required, plain},
    {SGWCHAP_NAME_SecretToAuthenticateTarget, field::secret_to_authenticate_target, member_type::string,
     value_rule::chap_secret, optional, sensitive, nullptr, 1},
}};
inline constexpr shape_info update_chap_credentials_input{"UpdateChapCredentialsInput",
                                                          update_chap_credentials_input_members};
inline constexpr std::array<member_info, 2> update_chap_credentials_output_members{{
    {SGWCHAP_NAME_TargetARN, field::target_arn, member_type::string, value_rule::target_arn, optional, plain},
    {SGWCHAP_NAME_InitiatorName, field::initiator_name, member_type::string, value_rule::iscsi_name, optional, plain},
}};
inline constexpr shape_info update_chap_credentials_output{"UpdateChapCredentialsOutput",
                                                           update_chap_credentials_output_members};

// DescribeChapCredentials
inline constexpr std::array<member_info, 1> describe_chap_credentials_input_members{{
    {SGWCHAP_NAME_TargetARN, field::target_arn, member_type::string, value_rule::target_arn, required, plain},
}};
inline constexpr shape_info describe_chap_credentials_input{"DescribeChapCredentialsInput",
                                                            describe_chap_credentials_input_members};
inline constexpr std::array<member_info, 1> describe_chap_credentials_output_members{{
    {SGWCHAP_NAME_ChapCredentials, field::chap_credentials, member_type::structure_list, value_rule::none, optional,
     plain, &chap_info},
}};
inline constexpr shape_info describe_chap_credentials_output{"DescribeChapCredentialsOutput",
                                                             describe_chap_credentials_output_members};

// DeleteChapCredentials
inline constexpr std::array<member_info, 2> delete_chap_credentials_input_members{{
    {SGWCHAP_NAME_TargetARN, field::target_arn, member_type::string, value_rule::target_arn, required, plain},
    {SGWCHAP_NAME_InitiatorName, field::initiator_name, member_type::string, value_rule::iscsi_name, required, plain},
}};
inline constexpr shape_info delete_chap_credentials_input{"DeleteChapCredentialsInput",
                                                          delete_chap_credentials_input_members};
inline constexpr std::array<member_info, 2> delete_chap_credentials_output_members{{
    {SGWCHAP_NAME_TargetARN, field::target_arn, member_type::string, value_rule::target_arn, optional, plain},
    {SGWCHAP_NAME_InitiatorName, field::initiator_name, member_type::string, value_rule::iscsi_name, optional, plain},
}};
inline constexpr shape_info delete_chap_credentials_output{"DeleteChapCredentialsOutput",
                                                           delete_chap_credentials_output_members};

// -- The workflow operations: from a gateway or a volume to its TargetARN (APIREF-Volumes,
//    APIREF-VTL). MODEL names every member of their outputs optional.

// VolumeiSCSIAttributes / DeviceiSCSIAttributes: where an initiator logs in, and whether CHAP is on.
inline constexpr std::array<member_info, 5> volume_iscsi_attributes_members{{
    {SGWCHAP_NAME_TargetARN, field::target_arn, member_type::string, value_rule::target_arn, optional, plain},
    {SGWCHAP_NAME_NetworkInterfaceId, field::network_interface_id, member_type::string, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_NetworkInterfacePort, field::network_interface_port, member_type::integer, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_LunNumber, field::lun_number, member_type::integer, value_rule::none, optional, plain},
    {SGWCHAP_NAME_ChapEnabled, field::chap_enabled, member_type::boolean, value_rule::none, optional, plain},
}};
inline constexpr shape_info volume_iscsi_attributes{"VolumeiSCSIAttributes", volume_iscsi_attributes_members};
inline constexpr std::array<member_info, 4> device_iscsi_attributes_members{{
    {SGWCHAP_NAME_TargetARN, field::target_arn, member_type::string, value_rule::target_arn, optional, plain},
    {SGWCHAP_NAME_NetworkInterfaceId, field::network_interface_id, member_type::string, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_NetworkInterfacePort, field::network_interface_port, member_type::integer, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_ChapEnabled, field::chap_enabled, member_type::boolean, value_rule::none, optional, plain},
}};
inline constexpr shape_info device_iscsi_attributes{"DeviceiSCSIAttributes", device_iscsi_attributes_members};

// ListVolumes. MODEL leaves GatewayARN optional; the checked request requires it (requests.hpp).
inline constexpr std::array<member_info, 3> list_volumes_input_members{{
    {SGWCHAP_NAME_GatewayARN, field::gateway_arn, member_type::string, value_rule::gateway_arn, optional, plain},
    {SGWCHAP_NAME_Marker, field::marker, member_type::string, value_rule::marker, optional, plain},
    {SGWCHAP_NAME_Limit, field::limit, member_type::integer, value_rule::positive, optional, plain},
}};
inline constexpr shape_info list_volumes_input{"ListVolumesInput", list_volumes_input_members};
inline constexpr std::array<member_info, 7> volume_info_members{{
    {SGWCHAP_NAME_VolumeARN, field::volume_arn, member_type::string, value_rule::volume_arn, optional, plain},
    {SGWCHAP_NAME_VolumeId, field::volume_id, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_GatewayARN, field::gateway_arn, member_type::string, value_rule::gateway_arn, optional, plain},
    {SGWCHAP_NAME_GatewayId, field::gateway_id, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeType, field::volume_type, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeSizeInBytes, field::volume_size_in_bytes, member_type::long_integer, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_VolumeAttachmentStatus, field::volume_attachment_status, member_type::string, value_rule::none,
     optional, plain},
}};
inline constexpr shape_info volume_info{"VolumeInfo", volume_info_members, "volume"};
inline constexpr std::array<member_info, 3> list_volumes_output_members{{
    {SGWCHAP_NAME_GatewayARN, field::gateway_arn, member_type::string, value_rule::gateway_arn, optional, plain},
    {SGWCHAP_NAME_Marker, field::marker, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeInfos, field::volume_infos, member_type::structure_list, value_rule::none, optional, plain,
     &volume_info},
}};
inline constexpr shape_info list_volumes_output{"ListVolumesOutput", list_volumes_output_members};

// DescribeStorediSCSIVolumes
inline constexpr std::array<member_info, 1> describe_stored_iscsi_volumes_input_members{{
    {SGWCHAP_NAME_VolumeARNs, field::volume_arns, member_type::string_list, value_rule::volume_arn, required, plain},
}};
inline constexpr shape_info describe_stored_iscsi_volumes_input{"DescribeStorediSCSIVolumesInput",
                                                                describe_stored_iscsi_volumes_input_members};
inline constexpr std::array<member_info, 15> stored_iscsi_volume_members{{
    {SGWCHAP_NAME_VolumeARN, field::volume_arn, member_type::string, value_rule::volume_arn, optional, plain},
    {SGWCHAP_NAME_VolumeId, field::volume_id, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeType, field::volume_type, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeStatus, field::volume_status, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeAttachmentStatus, field::volume_attachment_status, member_type::string, value_rule::none,
     optional, plain},
    {SGWCHAP_NAME_VolumeSizeInBytes, field::volume_size_in_bytes, member_type::long_integer, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_VolumeProgress, field::volume_progress, member_type::double_number, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_VolumeDiskId, field::volume_disk_id, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_SourceSnapshotId, field::source_snapshot_id, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_PreservedExistingData, field::preserved_existing_data, member_type::boolean, value_rule::none,
     optional, plain},
    {SGWCHAP_NAME_VolumeiSCSIAttributes, field::volume_iscsi_attributes, member_type::structure, value_rule::none,
     optional, plain, &volume_iscsi_attributes},
    {SGWCHAP_NAME_CreatedDate, field::created_date, member_type::timestamp, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeUsedInBytes, field::volume_used_in_bytes, member_type::long_integer, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_KMSKey, field::kms_key, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_TargetName, field::target_name, member_type::string, value_rule::none, optional, plain},
}};
inline constexpr shape_info stored_iscsi_volume{"StorediSCSIVolume", stored_iscsi_volume_members, "volume"};
inline constexpr std::array<member_info, 1> describe_stored_iscsi_volumes_output_members{{
    {SGWCHAP_NAME_StorediSCSIVolumes, field::stored_iscsi_volumes, member_type::structure_list, value_rule::none,
     optional, plain, &stored_iscsi_volume},
}};
inline constexpr shape_info describe_stored_iscsi_volumes_output{"DescribeStorediSCSIVolumesOutput",
                                                                 describe_stored_iscsi_volumes_output_members};

// DescribeCachediSCSIVolumes
inline constexpr std::array<member_info, 1> describe_cached_iscsi_volumes_input_members{{
    {SGWCHAP_NAME_VolumeARNs, field::volume_arns, member_type::string_list, value_rule::volume_arn, required, plain},
}};
inline constexpr shape_info describe_cached_iscsi_volumes_input{"DescribeCachediSCSIVolumesInput",
                                                                describe_cached_iscsi_volumes_input_members};
inline constexpr std::array<member_info, 13> cached_iscsi_volume_members{{
    {SGWCHAP_NAME_VolumeARN, field::volume_arn, member_type::string, value_rule::volume_arn, optional, plain},
    {SGWCHAP_NAME_VolumeId, field::volume_id, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeType, field::volume_type, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeStatus, field::volume_status, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeAttachmentStatus, field::volume_attachment_status, member_type::string, value_rule::none,
     optional, plain},
    {SGWCHAP_NAME_VolumeSizeInBytes, field::volume_size_in_bytes, member_type::long_integer, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_VolumeProgress, field::volume_progress, member_type::double_number, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_SourceSnapshotId, field::source_snapshot_id, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeiSCSIAttributes, field::volume_iscsi_attributes, member_type::structure, value_rule::none,
     optional, plain, &volume_iscsi_attributes},
    {SGWCHAP_NAME_CreatedDate, field::created_date, member_type::timestamp, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VolumeUsedInBytes, field::volume_used_in_bytes, member_type::long_integer, value_rule::none, optional,
     plain},
    {SGWCHAP_NAME_KMSKey, field::kms_key, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_TargetName, field::target_name, member_type::string, value_rule::none, optional, plain},
}};
inline constexpr shape_info cached_iscsi_volume{"CachediSCSIVolume", cached_iscsi_volume_members, "volume"};
inline constexpr std::array<member_info, 1> describe_cached_iscsi_volumes_output_members{{
    {SGWCHAP_NAME_CachediSCSIVolumes, field::cached_iscsi_volumes, member_type::structure_list, value_rule::none,
     optional, plain, &cached_iscsi_volume},
}};
inline constexpr shape_info describe_cached_iscsi_volumes_output{"DescribeCachediSCSIVolumesOutput",
                                                                 describe_cached_iscsi_volumes_output_members};

// DescribeVTLDevices
inline constexpr std::array<member_info, 4> describe_vtl_devices_input_members{{
    {SGWCHAP_NAME_GatewayARN, field::gateway_arn, member_type::string, value_rule::gateway_arn, required, plain},
    {SGWCHAP_NAME_VTLDeviceARNs, field::vtl_device_arns, member_type::string_list, value_rule::vtl_device_arn, optional,
     plain},
    {SGWCHAP_NAME_Marker, field::marker, member_type::string, value_rule::marker, optional, plain},
    {SGWCHAP_NAME_Limit, field::limit, member_type::integer, value_rule::positive, optional, plain},
}};
inline constexpr shape_info describe_vtl_devices_input{"DescribeVTLDevicesInput", describe_vtl_devices_input_members};
inline constexpr std::array<member_info, 5> vtl_device_members{{
    {SGWCHAP_NAME_VTLDeviceARN, field::vtl_device_arn, member_type::string, value_rule::vtl_device_arn, optional,
     plain},
    {SGWCHAP_NAME_VTLDeviceType, field::vtl_device_type, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VTLDeviceVendor, field::vtl_device_vendor, member_type::string, value_rule::none, optional, plain},
    {SGWCHAP_NAME_VTLDeviceProductIdentifier, field::vtl_device_product_identifier, member_type::string,
     value_rule::none, optional, plain},
    {SGWCHAP_NAME_DeviceiSCSIAttributes, field::device_iscsi_attributes, member_type::structure, value_rule::none,
     optional, plain, &device_iscsi_attributes},
}};
inline constexpr shape_info vtl_device{"VTLDevice", vtl_device_members, "device"};
inline constexpr std::array<member_info, 3> describe_vtl_devices_output_members{{
    {SGWCHAP_NAME_GatewayARN, field::gateway_arn, member_type::string, value_rule::gateway_arn, optional, plain},
    {SGWCHAP_NAME_VTLDevices, field::vtl_devices, member_type::structure_list, value_rule::none, optional, plain,
     &vtl_device},
    {SGWCHAP_NAME_Marker, field::marker, member_type::string, value_rule::none, optional, plain},
}};
inline constexpr shape_info describe_vtl_devices_output{"DescribeVTLDevicesOutput",
                                                        describe_vtl_devices_output_members};

}  // namespace model

/// Every operation, indexed by `operation`'s value.
inline constexpr std::array<operation_info, 7> operations{{
    {operation::update_chap_credentials, SGWCHAP_NAME_UpdateChapCredentials, "update-chap-credentials",
     model::update_chap_credentials_input, model::update_chap_credentials_output},
    {operation::describe_chap_credentials, SGWCHAP_NAME_DescribeChapCredentials, "describe-chap-credentials",
     model::describe_chap_credentials_input, model::describe_chap_credentials_output},
    {operation::delete_chap_credentials, SGWCHAP_NAME_DeleteChapCredentials, "delete-chap-credentials",
     model::delete_chap_credentials_input, model::delete_chap_credentials_output},
    {operation::list_volumes, SGWCHAP_NAME_ListVolumes, "list-volumes", model::list_volumes_input,
     model::list_volumes_output},
    {operation::describe_stored_iscsi_volumes, SGWCHAP_NAME_DescribeStorediSCSIVolumes, "describe-stored-iscsi-volumes",
     model::describe_stored_iscsi_volumes_input, model::describe_stored_iscsi_volumes_output},
    {operation::describe_cached_iscsi_volumes, SGWCHAP_NAME_DescribeCachediSCSIVolumes, "describe-cached-iscsi-volumes",
     model::describe_cached_iscsi_volumes_input, model::describe_cached_iscsi_volumes_output},
    {operation::describe_vtl_devices, SGWCHAP_NAME_DescribeVTLDevices, "describe-vtl-devices",
     model::describe_vtl_devices_input, model::describe_vtl_devices_output},
}};

/// The AWS CLI's spelling of a member name as an option: "TargetARN" -> "target-arn",
/// "VolumeARNs" -> "volume-arns" (a dash before each capital that starts a word).
template <std::size_t N = 64>
[[nodiscard]] constexpr static_string<N> kebab_case(std::string_view name) noexcept {
  static_string<N> out;
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (upper(c) && i > 0) {
      const bool after_lower = !upper(name[i - 1]);
      const bool starts_word = i + 1 < name.size() && !upper(name[i + 1]) && name[i + 1] != 's';
      if (after_lower || starts_word) (void)out.append("-");
    }
    const char lower = upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    if (!out.append(std::string_view(&lower, 1))) return static_string<N>{};
  }
  return out;
}

/// The row of `op` in `operations`.
[[nodiscard]] constexpr const operation_info& operation_details(operation op) noexcept {
  return operations[static_cast<std::size_t>(op)];
}

/// MODEL's operation name, e.g. "UpdateChapCredentials".
[[nodiscard]] constexpr std::string_view operation_name(operation op) noexcept { return operation_details(op).name; }

/// Accepts MODEL's name ("UpdateChapCredentials") and the AWS CLI's ("update-chap-credentials").
[[nodiscard]] constexpr std::optional<operation> parse_operation(std::string_view name) noexcept {
  for (const operation_info& info : operations) {
    if (info.name == name || info.cli_name == name) return info.op;
  }
  return std::nullopt;
}

/// The X-Amz-Target prefix of every operation: MODEL metadata `targetPrefix` and a dot.
inline constexpr std::string_view amz_target_prefix = "StorageGateway_20130630.";

/// The value of an operation's X-Amz-Target header, e.g.
/// "StorageGateway_20130630.UpdateChapCredentials" (SMITHY-JSON: `X-Amz-Target: <prefix>.<name>`).
using amz_target_value = static_string<64>;
[[nodiscard]] constexpr amz_target_value amz_target(operation op) noexcept {
  amz_target_value out;
  (void)out.append(amz_target_prefix);  // fits: 24 + the longest operation name (26)
  (void)out.append(operation_name(op));
  return out;
}

namespace detail {
// Every table is well formed: ordinals of `operation` index `operations`, and a structure list
// names its element shape (`element` is read for structure lists only).
[[nodiscard]] constexpr bool tables_are_consistent() noexcept {
  for (std::size_t i = 0; i < operations.size(); ++i) {
    if (static_cast<std::size_t>(operations[i].op) != i) return false;
    for (const shape_info* s : {&operations[i].input, &operations[i].output}) {
      for (const member_info& m : s->members) {
        // Read, not compared with nullptr (see detail::described): a list without one fails here.
        if ((m.type == member_type::structure_list || m.type == member_type::structure) && m.element->name.empty())
          return false;
        if (m.must_differ_from != member_info::no_row && m.must_differ_from >= s->members.size()) return false;
      }
    }
  }
  return true;
}
static_assert(tables_are_consistent());

/// True when a shape holds a sensitive member, itself or in a nested structure or the elements of
/// a structure list.
[[nodiscard]] constexpr bool holds_secrets(const shape_info& s) noexcept {
  for (const member_info& m : s.members) {
    const bool nested = m.type == member_type::structure_list || m.type == member_type::structure;
    if (m.sensitive || (nested && holds_secrets(*m.element))) return true;
  }
  return false;
}
}  // namespace detail

SGWCHAP_END_NAMESPACE
