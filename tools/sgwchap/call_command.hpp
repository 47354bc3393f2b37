// sgwchap tool — `sgwchap call OP --MEMBER VALUE...`: validate, encode, sign, send over HTTPS and
// decode the answer (call_command.cpp). main.cpp registers the command and its member options.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "report.hpp"

namespace sgwchap_tool {

/// Exit status of a call that got no answer (DNS, connect, TLS, timeout), after every attempt.
inline constexpr int exit_transport = 3;

/// `sgwchap call`: the operation and its members (as `encode` takes them), then how to reach
/// the service.
struct call_options {
  encode_options request;  ///< OP and the member options (body_only unused)
  std::string region;      ///< --region ("" : from an ARN member, else AWS_REGION / AWS_DEFAULT_REGION)
  std::string endpoint_url;
  bool fips{false};
  double connect_timeout{60};  ///< seconds, the AWS CLI's default (--cli-connect-timeout)
  double read_timeout{60};     ///< seconds, the AWS CLI's default (--cli-read-timeout); 0: none
  double timeout{0};           ///< seconds for a whole attempt; 0: none
  std::string ca_bundle;       ///< else AWS_CA_BUNDLE
  std::optional<int> max_attempts;
  bool dry_run{false};
  bool show_secrets{false};
  /// --body-only: a result's response body, exact bytes, on standard output (for a pipe:
  /// `sgwchap call DescribeStorediSCSIVolumes ... --body-only | sgwchap targets`); a service
  /// error or an answer that cannot be decoded is printed on standard error instead (exit 1).
  bool body_only{false};
};

/// Adds the `call` subcommand and its own options (not the member options: main.cpp adds them
/// with add_member_options, as for encode).
CLI::App* add_call_command(CLI::App& app, call_options& o, const std::string& operation_help);

/// Runs `sgwchap call`. Exit status: 0 done, 1 invalid input or a service error, 2 usage (or
/// no usable credentials), 3 no answer (exit_transport).
int call_service(const output& out, const call_options& o);

}  // namespace sgwchap_tool
