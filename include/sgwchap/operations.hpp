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
enum class operation : std::uint8_t { update_chap_credentials, describe_chap_credentials, delete_chap_credentials };

/// How a member's value is written in an awsJson1_1 body (SMITHY-JSON: string, list, structure).
enum class member_type : std::uint8_t {
  string,          ///< a JSON string
  structure_list,  ///< a JSON array of objects of the member's `element` shape
};

/// Which validator checks a member's value in a checked request, and in `validate(result)`.
enum class value_rule : std::uint8_t {
  none,         ///< not checked (a value the service sends, kept as sent)
  target_arn,   ///< parse_target_arn (target_arn.hpp)
  iscsi_name,   ///< parse_iscsi_name (iscsi_name.hpp)
  chap_secret,  ///< check_chap_secret (chap_secret.hpp)
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
  const shape_info* element{nullptr};  ///< structure_list: the shape of each element (else unused)
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

}  // namespace model

/// Every operation, indexed by `operation`'s value.
inline constexpr std::array<operation_info, 3> operations{{
    {operation::update_chap_credentials, SGWCHAP_NAME_UpdateChapCredentials, "update-chap-credentials",
     model::update_chap_credentials_input, model::update_chap_credentials_output},
    {operation::describe_chap_credentials, SGWCHAP_NAME_DescribeChapCredentials, "describe-chap-credentials",
     model::describe_chap_credentials_input, model::describe_chap_credentials_output},
    {operation::delete_chap_credentials, SGWCHAP_NAME_DeleteChapCredentials, "delete-chap-credentials",
     model::delete_chap_credentials_input, model::delete_chap_credentials_output},
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
  (void)out.append(amz_target_prefix);  // fits: 24 + the longest operation name (23)
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
        if (m.type == member_type::structure_list && m.element->name.empty()) return false;
        if (m.must_differ_from != member_info::no_row && m.must_differ_from >= s->members.size()) return false;
      }
    }
  }
  return true;
}
static_assert(tables_are_consistent());
}  // namespace detail

SGWCHAP_END_NAMESPACE
