// sgwchap tool — what `encode` and `call` share (codec_commands.cpp): turning the member options
// of any operation into a checked HTTP request, and printing what the service answered the way
// `decode response` and `decode error` print it.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include <sgwchap/json.hpp>

#include "commands.hpp"
#include "report.hpp"

namespace sgwchap_tool {

/// A request checked and encoded from the command line.
struct checked_call {
  sgwchap::operation op;
  sgwchap::http_request& http;  ///< to_http_request of the checked request (Host from its ARN)
  /// The region of the request's first ARN member (TargetARN, or any member holding an
  /// `arn:PARTITION:SERVICE:REGION:...` value), "" when no member names one. A view into the
  /// checked request, valid during the callback.
  std::string_view arn_region;
};

/// Reads the member options of `o.operation` (secrets from the environment variables they
/// name; one variable named for two secrets is read once, so strict reports secrets_must_differ),
/// checks them under `out.rules` and, when they are valid, calls `then` with the HTTP request.
/// Otherwise prints the usage error (exit 2) or every problem (exit 1). `command` names the
/// command in usage errors ("sgwchap encode").
int with_checked_request(const output& out, const encode_options& o, std::string_view command,
                         const std::function<int(checked_call&)>& then);

/// Prints what `sgwchap::decode` made of an answer to `op`: a result as `decode response` prints
/// it (secrets `[redacted]` unless `show_secrets`, then the warnings of validate(result)), a
/// service error as `decode error` prints it, or the decode error's problem. `attempts` (> 1)
/// is shown with a service error. Exit status: 0 for a result, 1 otherwise.
int print_answer(const output& out, sgwchap::operation op,
                 const tl::expected<sgwchap::response, sgwchap::decode_error>& answer, bool show_secrets,
                 unsigned attempts);

/// Writes a body's exact bytes to standard output (encode --body-only, call --body-only),
/// straight from the caller's buffer (output::write_secret: it may hold secrets). On a terminal
/// a raw C1 control or bidirectional override is written as its JSON \uXXXX escape (the same
/// JSON value) and a line feed ends it; a file or pipe gets the exact bytes.
void print_body(const output& out, std::string_view body);

/// True when a response of `op` may hold a secret: a sensitive member anywhere in its output
/// table (DescribeChapCredentials' CHAP secrets).
[[nodiscard]] bool output_holds_secrets(sgwchap::operation op);

}  // namespace sgwchap_tool
