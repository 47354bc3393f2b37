// sgwchap tool — the commands. Each returns the exit status (report.hpp).
#pragma once

#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/fmt.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/target_arn.hpp>

#include "input.hpp"
#include "report.hpp"

namespace sgwchap_tool {

/// `sgwchap encode`: the operation, and a value per input member named on the command line
/// (keyed by MODEL's member name): `members` holds the text of a one-value option (a string, an
/// integer as typed; a sensitive member's value is the name of an environment variable), `lists`
/// the values of a list option (`--volume-arns ARN1 ARN2`, repeatable; empty: not given).
struct encode_options {
  std::string operation;
  std::map<std::string_view, std::optional<std::string>, std::less<>> members;
  std::map<std::string_view, std::vector<std::string>, std::less<>> lists;
  bool body_only{false};
};

/// `sgwchap decode response`.
struct response_options {
  std::string operation;
  std::string file;
  bool show_secrets{false};
  std::optional<int> status;         ///< --status: the HTTP status (a non-2xx one is a service error)
  std::vector<std::string> headers;  ///< --header 'Name: value': Content-Type is then checked
};

/// `sgwchap targets`: a DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes or
/// DescribeVTLDevices response body; `operation` ("" : told by its top-level member).
struct targets_options {
  std::string operation;
  std::string file;
};

struct error_options {
  std::optional<int> status;
  std::vector<std::string> headers;
  std::string file;
};

/// The note for a secret that ends with a line feed: the usual cause is `echo`.
[[nodiscard]] inline std::string newline_hint(std::string_view secret) {
  if (secret.empty() || secret.back() != '\n') return {};
  return fmt::format(
      "the secret ends with a line feed (byte {}): was it written with echo? "
      "Use printf '%s' \"$SECRET\" instead",
      secret.size() - 1);
}

[[nodiscard]] inline int validate_target_arn(const output& out, std::string_view value) {
  const auto parsed = sgwchap::parse_target_arn(value, out.rules);
  if (!parsed.has_value()) {
    print_invalid(out, problem{parsed.error(), value, {}, {}});
    return exit_invalid;
  }
  const sgwchap::target_arn_view& arn = *parsed;
  detail_rows rows;
  if (arn.has_structure()) {
    rows.emplace_back("partition", std::string(arn.partition()));
    rows.emplace_back("region", std::string(arn.region()));
    rows.emplace_back("account", std::string(arn.account_id()));
    rows.emplace_back("gateway", std::string(arn.gateway_id()));
    rows.emplace_back("target", std::string(arn.target_name()));
    rows.emplace_back("endpoint", std::string(arn.host().view()));
  }
  print_valid(out, sgwchap::field_name(sgwchap::field::target_arn), rows);
  return exit_ok;
}

[[nodiscard]] inline int validate_initiator_name(const output& out, std::string_view value) {
  const auto parsed = sgwchap::parse_iscsi_name(value, out.rules);
  if (!parsed.has_value()) {
    std::string hint;
    // No hint for a name over 255 bytes: folded, it would still be too long for MODEL.
    if (const auto folded = sgwchap::normalize_iscsi_name(value);
        parsed.error().code == sgwchap::errc::uppercase_character && folded.has_value()) {
      hint = fmt::format("RFC 3722 folds names to lower case: {}", sgwchap::escaped{folded->view()});
    }
    print_invalid(out, problem{parsed.error(), value, {}, hint});
    return exit_invalid;
  }
  const sgwchap::iscsi_name_view& name = *parsed;
  detail_rows rows;
  switch (name.form()) {
    case sgwchap::iscsi_name_form::iqn:
      rows.emplace_back("form", "iqn");
      rows.emplace_back("date", fmt::format("{:04}-{:02}", name.year(), name.month()));
      rows.emplace_back("naming authority", std::string(name.naming_authority()));
      if (!name.unique_name().empty()) rows.emplace_back("unique name", std::string(name.unique_name()));
      break;
    case sgwchap::iscsi_name_form::eui:
    case sgwchap::iscsi_name_form::naa:
      rows.emplace_back("form", sgwchap::iscsi_name_form_name(name.form()));
      rows.emplace_back("hex digits", std::string(name.hex_digits()));
      break;
    case sgwchap::iscsi_name_form::unknown: rows.emplace_back("form", "none of iqn./eui./naa."); break;
  }
  print_valid(out, sgwchap::field_name(sgwchap::field::initiator_name), rows);
  return exit_ok;
}

[[nodiscard]] inline int validate_secret(const output& out, sgwchap::field which) {
  wiped_buffer secret(max_secret_bytes);
  if (const int err = read_secret_from_stdin(secret); err != 0) {
    return usage_error(fmt::format("cannot read the secret from standard input: {}", std::strerror(err)),
                       "sgwchap validate secret");
  }
  const auto checked = sgwchap::check_chap_secret(secret.view(), out.rules, which);
  const std::string hint = newline_hint(secret.view());
  if (!checked.has_value()) {
    // No value: the report of a secret never shows its bytes.
    print_invalid(out, problem{checked.error(), std::nullopt, {}, hint});
    return exit_invalid;
  }
  print_valid(out, sgwchap::field_name(which), {}, hint);
  return exit_ok;
}

/// The command-line option of an input member: "--target-arn", "--secret-to-authenticate-initiator-env".
std::string member_option(const sgwchap::member_info& m);

int validate_request(const output& out, const std::string& operation, const std::string& file);
int encode_request(const output& out, const encode_options& options);
int decode_response(const output& out, const response_options& options);
int decode_error(const output& out, const error_options& options);
int list_targets(const output& out, const targets_options& options);

}  // namespace sgwchap_tool
