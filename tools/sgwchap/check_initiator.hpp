// sgwchap tool — `sgwchap check-initiator`: after UpdateChapCredentials or DeleteChapCredentials,
// will this host's open-iscsi log in to the target? (check_initiator.cpp; the rules are
// <sgwchap/open_iscsi.hpp>'s, the fix commands initiator_fixes.hpp's.)
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "report.hpp"

namespace sgwchap_tool {

struct check_initiator_options {
  std::string request;         ///< --request FILE|-: an UpdateChapCredentials or DeleteChapCredentials body
  std::string describe;        ///< --describe FILE|-: a DescribeChapCredentials response (raw, or sgwchap's JSON)
  std::string operation;       ///< --operation: the request's operation (default: from its members)
  std::string target_arn;      ///< --target-arn: the DescribeChapCredentials request's TargetARN
  std::string initiator_name;  ///< --initiator-name: whose ChapInfo to expect (default: initiatorname.iscsi's)
  std::string iscsi_dir{"/etc/iscsi"};  ///< initiatorname.iscsi, iscsid.conf and (without --db-root) nodes/
  std::string db_root;                  ///< where nodes/ is (upstream builds from 2.1.9: /var/lib/iscsi)
  bool windows{false};                  ///< the initiator is a Windows host: print PowerShell lines
  bool allow_insecure_files{false};     ///< read secret-holding files group or others can access
  // Which options were given (set by add_check_initiator_command).
  CLI::Option* request_given{nullptr};
  CLI::Option* describe_given{nullptr};
  CLI::Option* operation_given{nullptr};
  CLI::Option* target_arn_given{nullptr};
  CLI::Option* initiator_name_given{nullptr};
  CLI::Option* iscsi_dir_given{nullptr};
  CLI::Option* db_root_given{nullptr};
};

/// Adds the `check-initiator` subcommand to `app`, its values into `o`.
CLI::App* add_check_initiator_command(CLI::App& app, check_initiator_options& o, const std::string& footer);

/// Runs it: 0 nothing found that stops the login, 1 something will, 2 usage error.
int check_initiator(const output& out, const check_initiator_options& o);

}  // namespace sgwchap_tool
