// sgwchap — the command-line tool: validate, encode and decode Storage Gateway CHAP calls.
//
//   sgwchap validate target-arn VALUE
//   sgwchap validate initiator-name VALUE
//   sgwchap validate secret                  (standard input, exact bytes)
//   sgwchap validate request --operation OP [FILE|-]
//   sgwchap encode OP --MEMBER VALUE... [--SECRET-MEMBER-env VAR]... [--body-only]
//           (one option per input member of the operations' tables, e.g. --target-arn,
//           --initiator-name, --secret-to-authenticate-initiator-env; a list takes one or more
//           values, --volume-arns ARN1 ARN2, and repeats; an integer, --limit 10)
//   sgwchap decode response --operation OP [FILE|-] [--show-secrets]
//   sgwchap decode error [--status N] [--header 'Name: value']... [FILE|-]
//   sgwchap call OP --MEMBER VALUE... [--region R] [--endpoint-url URL] [--dry-run] [--body-only] ...
//           (encode's member options; signs, sends over HTTPS, decodes: call_command.cpp)
//   sgwchap targets [--operation OP] [FILE|-]   (a Describe*iSCSIVolumes / DescribeVTLDevices response:
//           each volume's or device's TargetARN, portal, LUN and CHAP; sgwchap call ... --body-only | ...)
//   sgwchap check-initiator [--request FILE|- | --describe FILE|-] ...   (check_initiator.cpp)
//   common: --profile strict|aws-model, --format text|json, --help, --version
//
// Exit status: 0 valid / done, 1 the input is invalid (or a service error), 2 usage error,
// 3 no answer from the service (call).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/version.hpp>

#include "call_command.hpp"
#include "check_initiator.hpp"
#include "commands.hpp"
#include "input.hpp"
#include "report.hpp"
#include "scrub.hpp"

namespace {

using namespace sgwchap_tool;

/// The deepest subcommand the parser reached.
const CLI::App* deepest_command(const CLI::App& app) {
  const CLI::App* current = &app;
  for (;;) {
    const auto chosen = current->get_subcommands();
    if (chosen.empty()) return current;
    current = chosen.front();
  }
}

/// "sgwchap validate target-arn": the path to `command`, for `--help` hints.
std::string command_path(const CLI::App* command) {
  std::string path;
  for (; command != nullptr; command = command->get_parent())
    path.insert(0, path.empty() ? command->get_name() : command->get_name() + ' ');
  return path;
}

/// CLI11 checks "a subcommand is required" before it reports what it could not use, so
/// `sgwchap validate bogus` and `sgwchap --frob` would both say "A subcommand is required".
/// Name the word it could not use instead, and what was expected.
std::string usage_reason(const CLI::ParseError& e, const CLI::App* command) {
  std::string what = e.what();
  // `validate secret` takes no argument; what was given may well be the secret: never echo it.
  if (command->get_name() == "secret" && dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    return "'validate secret' takes no argument: it reads the secret from standard input "
           "(a secret on the command line shows in ps and in the shell history)";
  }
  if (what.find("subcommand is required") == std::string::npos) return what;
  std::string expected;
  const auto subcommands = command->get_subcommands([](const CLI::App*) { return true; });
  for (std::size_t i = 0; i < subcommands.size(); ++i) {
    if (i != 0) expected += i + 1 == subcommands.size() ? " or " : ", ";
    expected += subcommands[i]->get_name();
  }
  // With fallthrough, the words a command could not use are left with its parents.
  for (const CLI::App* level = command; level != nullptr; level = level->get_parent()) {
    for (const std::string& word : level->remaining(true)) {
      if (word.size() > 1 && word[0] == '-') return fmt::format("unknown option '{}'", word);
      return fmt::format("unknown command '{}' (expected {})", word, expected);
    }
  }
  return fmt::format("missing command (expected {})", expected);
}

/// "UpdateChapCredentials, ... (or update-chap-credentials, ...)": every operation, both spellings.
std::string operation_help() {
  std::string models;
  std::string clis;
  for (const sgwchap::operation_info& info : sgwchap::operations) {
    models += models.empty() ? "" : ", ";
    models += info.name;
    clis += clis.empty() ? "" : ", ";
    clis += info.cli_name;
  }
  return models + " (or " + clis + ")";
}

/// One `encode` option per input member of any operation (the AWS CLI's spelling; a secret is
/// named by an environment variable, "-env"), its help listing the operations that take it.
void add_member_options(CLI::App& encode, encode_options& enc) {
  for (const sgwchap::operation_info& info : sgwchap::operations) {
    for (const sgwchap::member_info& m : info.input.members) {
      if (enc.members.contains(m.name) || enc.lists.contains(m.name)) continue;
      std::string takers;
      for (const sgwchap::operation_info& other : sgwchap::operations) {
        if (other.input.find(m.name) == other.input.members.size()) continue;
        takers += takers.empty() ? "" : ", ";
        takers += other.name;
      }
      if (m.type == sgwchap::member_type::string_list) {
        // One or more values, as the AWS CLI takes a list (`--volume-arns ARN1 ARN2`); repeatable.
        // Each occurrence needs a value: `--volume-arns` alone is a usage error.
        encode
            .add_option(member_option(m), enc.lists[m.name],
                        fmt::format("{} ({}): one or more values, repeatable", m.name, takers))
            ->expected(1, CLI::detail::expected_max_vector_size)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        continue;
      }
      const std::string help = m.sensitive
                                   ? fmt::format("Name of the environment variable holding {} ({})", m.name, takers)
                               : m.type == sgwchap::member_type::integer || m.type == sgwchap::member_type::long_integer
                                   ? fmt::format("{} ({}): an integer", m.name, takers)
                                   : fmt::format("{} ({})", m.name, takers);
      encode.add_option(member_option(m), enc.members[m.name], help);
    }
  }
}

/// The whole tool; main() only guards it, so that no exception (from CLI11 while setting up, or
/// any other) leaves the program as std::terminate.
int run(int argc, char** argv) {
  CLI::App app{"Checks every byte of AWS Storage Gateway CHAP calls before they leave your shell.", "sgwchap"};
  app.set_version_flag("--version", "sgwchap " SGWCHAP_VERSION_STRING, "Print the version and exit");
  app.require_subcommand(1);
  app.footer(
      "Secrets are never taken from the command line: they come from standard input, from a named\n"
      "environment variable (read, wiped and unset), or inside a request file.\n"
      "Exit status: 0 valid / done, 1 the input is invalid or the service refused the call, 2 usage error,\n"
      "3 no answer from the service (call: DNS, connection, TLS, timeout).\n"
      "Colour only on a terminal, and never when NO_COLOR is set to a non-empty value (no-color.org).");

  std::string profile_arg = "strict";
  std::string format_arg = "text";
  app.add_option("--profile", profile_arg, "Rule set: strict (AWS model + RFC and documented rules) or aws-model")
      ->check(CLI::IsMember({"strict", "aws-model", "aws_model"}))
      ->default_str("strict");
  app.add_option("--format", format_arg, "Output: text (for people) or json (one object, for scripts)")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  const std::string common_footer = "Common options (--profile, --format, --version): see 'sgwchap --help'.";

  // -- validate
  CLI::App* validate = app.add_subcommand("validate", "Check one value or a request body");
  validate->require_subcommand(1)->fallthrough()->footer(common_footer);

  std::string arn_value;
  CLI::App* v_arn = validate->add_subcommand(
      "target-arn", "Check a target ARN (arn:PARTITION:storagegateway:REGION:ACCOUNT:gateway/sgw-ID/target/IQN)");
  v_arn->add_option("VALUE", arn_value, "The ARN")->required();
  v_arn->fallthrough()->footer(common_footer);

  std::string name_value;
  CLI::App* v_name =
      validate->add_subcommand("initiator-name", "Check an iSCSI initiator name (iqn., eui. or naa.; RFC 3720 3.2.6)");
  v_name->add_option("VALUE", name_value, "The initiator's iqn./eui./naa. name")->required();
  v_name->fallthrough()->footer(common_footer);

  CLI::App* v_secret = validate->add_subcommand(
      "secret", "Check a CHAP secret read from standard input, exact bytes (use printf '%s', not echo)");
  std::string secret_for = "initiator";
  v_secret
      ->add_option("--for", secret_for,
                   fmt::format("Which secret it is: initiator ({}) or target ({}); names the field in the report",
                               sgwchap::field_name(sgwchap::field::secret_to_authenticate_initiator),
                               sgwchap::field_name(sgwchap::field::secret_to_authenticate_target)))
      ->check(CLI::IsMember({"initiator", "target"}))
      ->default_str("initiator");
  v_secret->fallthrough()->footer(common_footer);

  std::string request_operation;
  std::string request_file;
  CLI::App* v_request = validate->add_subcommand("request", "Check a JSON request body: every member, every rule");
  v_request->add_option("--operation", request_operation, operation_help())->required();
  v_request->add_option("FILE", request_file, "The body; '-' or nothing: standard input");
  v_request->fallthrough()->footer(common_footer);

  // -- encode
  encode_options enc;
  CLI::App* encode = app.add_subcommand("encode", "Validate the members and print the HTTP request");
  encode->add_option("OP", enc.operation, operation_help())->required();
  add_member_options(*encode, enc);
  encode->add_flag("--body-only", enc.body_only, "Print only the JSON body, exact bytes");
  encode->fallthrough()->footer(common_footer);

  // -- call (call_command.cpp): encode's member options, then sign, send and decode
  call_options call_opts;
  CLI::App* call = add_call_command(app, call_opts, operation_help());
  add_member_options(*call, call_opts.request);
  call->fallthrough()->footer(common_footer);

  // -- decode
  CLI::App* decode = app.add_subcommand("decode", "Decode a response or an error response");
  decode->require_subcommand(1)->fallthrough()->footer(common_footer);

  response_options resp;
  CLI::App* d_response = decode->add_subcommand("response", "Decode a successful response body");
  d_response->add_option("--operation", resp.operation, operation_help())->required();
  d_response->add_option("FILE", resp.file, "The body; '-' or nothing: standard input");
  d_response->add_flag("--show-secrets", resp.show_secrets, "Print the secrets instead of [redacted]");
  d_response->add_option("--status", resp.status, "The HTTP status code (outside 2xx: a service error)")
      ->check(CLI::Range(100, 599));
  d_response
      ->add_option("--header", resp.headers,
                   "A response header, 'Name: value' (repeatable); with Content-Type, the library's check applies")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  d_response->fallthrough()->footer(common_footer);

  error_options err_opts;
  CLI::App* d_error = decode->add_subcommand("error", "Decode an error response (name, message, errorCode, retry)");
  d_error->add_option("--status", err_opts.status, "The HTTP status code")->check(CLI::Range(100, 599));
  // One value per occurrence: a repeatable option must not swallow the FILE that follows it.
  d_error->add_option("--header", err_opts.headers, "A response header, 'Name: value' (repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  d_error->add_option("FILE", err_opts.file, "The body; '-' or nothing: standard input");
  d_error->fallthrough()->footer(common_footer);

  // -- targets: which iSCSI target a volume or VTL device is, its portal, and whether CHAP is on
  targets_options targets_opts;
  CLI::App* targets = app.add_subcommand(
      "targets",
      "From a DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes or DescribeVTLDevices response: each "
      "volume's or device's ARN, TargetARN, portal (NetworkInterfaceId:NetworkInterfacePort), LUN and whether "
      "CHAP is enabled");
  targets->add_option("--operation", targets_opts.operation,
                      "Read the body as this operation's response (default: told by its StorediSCSIVolumes, "
                      "CachediSCSIVolumes or VTLDevices member)");
  targets->add_option("FILE", targets_opts.file,
                      "The response body; '-' or nothing: standard input (sgwchap call OP ... --body-only | "
                      "sgwchap targets)");
  targets->fallthrough()->footer(
      "Text: a block per target (CHAP enabled yes / no / unknown when the member is absent). --format json: an "
      "array of {\"arn\",\"targetArn\",\"portal\",\"lun\",\"chapEnabled\"}, null for an absent member "
      "(lun: always null for a VTL device).\nExit status: 0 read, 1 the body cannot be decoded, 2 usage error or "
      "a body of none of these responses.\n" +
      common_footer);

  // -- check-initiator (check_initiator.cpp)
  check_initiator_options check_opts;
  CLI::App* check = add_check_initiator_command(app, check_opts, common_footer);
  // -- end of check-initiator

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);  // --help, --version
    const CLI::App* command = deepest_command(app);
    return usage_error(usage_reason(e, command), command_path(command));
  }

  output out;
  out.format = format_arg == "json" ? output_format::json : output_format::text;
  out.rules = profile_arg == "strict" ? sgwchap::profile::strict : sgwchap::profile::aws_model;
  if (out.format == output_format::text && want_colour(::isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR"))) {
    out.colours = palette::colour();
  }
  out.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;

  try {
    if (*v_arn) return validate_target_arn(out, arn_value);
    if (*v_name) return validate_initiator_name(out, name_value);
    if (*v_secret) {
      return validate_secret(out, secret_for == "target" ? sgwchap::field::secret_to_authenticate_target
                                                         : sgwchap::field::secret_to_authenticate_initiator);
    }
    if (*v_request) return validate_request(out, request_operation, request_file);
    if (*encode) return encode_request(out, enc);
    if (*call) return call_service(out, call_opts);
    if (*d_response) return decode_response(out, resp);
    if (*d_error) return decode_error(out, err_opts);
    if (*targets) return list_targets(out, targets_opts);
    if (*check) return check_initiator(out, check_opts);  // check-initiator
  } catch (const std::bad_alloc&) {
    (void)std::fputs("sgwchap: error: out of memory\n", stderr);
    return exit_usage;
  }
  return usage_error("no command given", "sgwchap");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const int status = run(argc, argv);
    scrub_stack_and_registers();  // scrub.hpp: what buffers we wiped cannot cover
    return status;
  } catch (const std::bad_alloc&) {
    (void)std::fputs("sgwchap: error: out of memory\n", stderr);
  } catch (const std::exception& e) {
    (void)std::fprintf(stderr, "sgwchap: internal error: %s\n", e.what());
  } catch (...) {
    (void)std::fputs("sgwchap: internal error\n", stderr);
  }
  return exit_usage;
}
