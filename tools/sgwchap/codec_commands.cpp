// sgwchap tool — the commands that need the codec: validate request, encode, decode response,
// decode error.
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include <sgwchap/json.hpp>
#include <sgwchap/requests.hpp>

#include "commands.hpp"
#include "input.hpp"
#include "render.hpp"
#include "report.hpp"

namespace sgwchap_tool {
namespace {

constexpr std::string_view operation_choices =
    "UpdateChapCredentials, DescribeChapCredentials or DeleteChapCredentials";

/// The operation named on the command line, or nullopt after printing the usage error.
std::optional<sgwchap::operation> operation_argument(std::string_view name, std::string_view command) {
  if (const auto op = sgwchap::parse_operation(name)) return op;
  (void)usage_error(fmt::format("unknown operation '{}' (expected {})", name, operation_choices), command);
  return std::nullopt;
}

/// A secret named by --secret-to-authenticate-*-env: read, then wiped and unset in the
/// environment. The variable's name is never echoed: a user who typed the secret itself in its
/// place would see it in the error.
struct env_secret {
  wiped_buffer bytes{max_secret_bytes};
  bool present{false};
};

/// 0, or the exit status of the usage error it printed.
int read_env_secret(const std::optional<std::string>& name, std::string_view option, env_secret& out) {
  if (!name.has_value()) return exit_ok;
  switch (read_secret_from_env(*name, out.bytes)) {
    case env_status::ok: out.present = true; return exit_ok;
    case env_status::unset:
      return usage_error(fmt::format("the environment variable named by {} is not set (give the NAME of a "
                                     "variable that holds the secret)",
                                     option),
                         "sgwchap encode");
    case env_status::bad_name:
      return usage_error(fmt::format("{} needs the name of an environment variable", option), "sgwchap encode");
  }
  return exit_usage;
}

/// Turns the library's problems into printable ones: the value each offset points into (never a
/// secret) and the newline hint for secrets.
std::vector<problem> to_problems(const sgwchap::error_list& errors, std::string_view arn, std::string_view name,
                                 std::string_view initiator_secret, std::string_view target_secret) {
  std::vector<problem> out;
  for (const sgwchap::error& e : errors) {
    problem p{e, std::nullopt, {}, {}};
    switch (e.which) {
      case sgwchap::field::target_arn: p.value = arn; break;
      case sgwchap::field::initiator_name: p.value = name; break;
      case sgwchap::field::secret_to_authenticate_initiator: p.hint = newline_hint(initiator_secret); break;
      case sgwchap::field::secret_to_authenticate_target: p.hint = newline_hint(target_secret); break;
      default: break;
    }
    out.push_back(std::move(p));
  }
  return out;
}

/// The body for a terminal: a raw C1 control or bidirectional override inside a JSON string
/// (JSON allows them raw) is written as its \uXXXX escape, which is the same JSON value. Only
/// when standard output is a terminal: a file or pipe gets the exact bytes Content-Length counts.
std::string body_for_terminal(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size();) {
    const sgwchap::render::unit u = sgwchap::render::unit_at(body, i);
    i += u.length;
    if (u.valid && !sgwchap::render::must_escape(u.code_point)) {
      out.append(body.substr(u.offset, u.length));
    } else {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(u.code_point));
    }
  }
  return out;
}

int print_http_request(const output& out, sgwchap::operation op, const sgwchap::http_request& request, bool body_only) {
  const std::string_view body = request.body().view();
  if (body_only) {
    if (out.stdout_is_terminal) {
      std::string shown = body_for_terminal(body);
      shown += '\n';
      out.write(shown);
      sgwchap::secure_wipe(shown.data(), shown.size());
    } else {
      out.write(body);
    }
    return exit_ok;
  }
  std::string text;
  text.reserve(body.size() + 256);
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("operation", sgwchap::operation_name(op));
    j.member("method", sgwchap::http_request::method()).member("path", sgwchap::http_request::path());
    j.key("headers").begin_object();
    for (const auto& h : request.headers()) j.member(h.name, h.value);
    j.end_object();
    j.member("body", body);
    j.end_object();
    text = j.str();
    text += '\n';
    j.wipe();
  } else {
    text += fmt::format("{} {}\n", sgwchap::http_request::method(), sgwchap::http_request::path());
    for (const auto& h : request.headers()) text += fmt::format("{}: {}\n", h.name, h.value);
    text += '\n';
    text += out.stdout_is_terminal ? body_for_terminal(body) : std::string(body);
    text += '\n';
  }
  out.write(text);
  sgwchap::secure_wipe(text.data(), text.size());
  return exit_ok;
}

}  // namespace

int encode_request(const output& out, const encode_options& o) {
  const auto op = operation_argument(o.operation, "sgwchap encode");
  if (!op) return exit_usage;
  const std::string_view op_name = sgwchap::operation_name(*op);
  const bool is_update = *op == sgwchap::operation::update_chap_credentials;
  const bool is_describe = *op == sgwchap::operation::describe_chap_credentials;

  // Which options each operation takes (MODEL's members; SPEC §1).
  if (!is_update && (o.initiator_secret_env || o.target_secret_env)) {
    return usage_error(fmt::format("{} takes no secret", op_name), "sgwchap encode");
  }
  if (is_describe && o.initiator_name) {
    return usage_error(fmt::format("{} takes no --initiator-name", op_name), "sgwchap encode");
  }
  if (!is_describe && !o.initiator_name) {
    return usage_error(fmt::format("{} needs --initiator-name", op_name), "sgwchap encode");
  }
  if (is_update && !o.initiator_secret_env) {
    return usage_error(fmt::format("{} needs --secret-to-authenticate-initiator-env", op_name), "sgwchap encode");
  }

  env_secret initiator_secret;
  env_secret target_secret;
  if (const int status =
          read_env_secret(o.initiator_secret_env, "--secret-to-authenticate-initiator-env", initiator_secret);
      status != exit_ok) {
    return status;
  }
  if (const int status = read_env_secret(o.target_secret_env, "--secret-to-authenticate-target-env", target_secret);
      status != exit_ok) {
    return status;
  }

  const std::string_view arn = o.target_arn;
  const std::string_view name = o.initiator_name ? std::string_view(*o.initiator_name) : std::string_view{};
  const std::string_view s1 = initiator_secret.bytes.view();
  const std::string_view s2 = target_secret.bytes.view();
  const auto report = [&](const sgwchap::error_list& errors) {
    print_problems(out, to_problems(errors, arn, name, s1, s2), fmt::format("{} not encoded", op_name));
    return exit_invalid;
  };

  switch (*op) {
    case sgwchap::operation::update_chap_credentials: {
      sgwchap::unchecked_update_chap_credentials_request u;
      u.target_arn = o.target_arn;
      u.secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked(s1);
      u.initiator_name = *o.initiator_name;
      if (target_secret.present) u.secret_to_authenticate_target = sgwchap::chap_secret::unchecked(s2);
      const auto checked = sgwchap::check_request(u, out.rules);
      if (!checked.has_value()) return report(checked.error());
      return print_http_request(out, *op, sgwchap::to_http_request(*checked), o.body_only);
    }
    case sgwchap::operation::describe_chap_credentials: {
      const auto checked =
          sgwchap::check_request(sgwchap::unchecked_describe_chap_credentials_request{o.target_arn}, out.rules);
      if (!checked.has_value()) return report(checked.error());
      return print_http_request(out, *op, sgwchap::to_http_request(*checked), o.body_only);
    }
    case sgwchap::operation::delete_chap_credentials: {
      const auto checked = sgwchap::check_request(
          sgwchap::unchecked_delete_chap_credentials_request{o.target_arn, *o.initiator_name}, out.rules);
      if (!checked.has_value()) return report(checked.error());
      return print_http_request(out, *op, sgwchap::to_http_request(*checked), o.body_only);
    }
  }
  return exit_usage;
}

namespace {

/// Reads FILE (or standard input) into a wiped buffer one byte larger than the decoder's limit.
/// 0, or the exit status of the usage error it printed.
int read_body_argument(const std::string& file, wiped_buffer& body, std::string_view command) {
  if (const int err = read_body(file, body); err != 0) {
    const std::string name = file.empty() || file == "-" ? std::string("standard input") : "'" + file + "'";
    return usage_error(fmt::format("cannot read {}: {}", name, std::strerror(err)), command);
  }
  return exit_ok;
}

/// unknown_key's `detail`: 1 + the index of the member it resembles, in MODEL order.
/// wrong_type's `detail`: the expected kind (1 string, 2 array, 3 object).
std::string decode_hint(const sgwchap::error& e) {
  constexpr std::string_view members[] = {"TargetARN", "SecretToAuthenticateInitiator", "InitiatorName",
                                          "SecretToAuthenticateTarget"};
  constexpr std::string_view kinds[] = {"a string", "an array", "an object"};
  if (e.code == sgwchap::errc::unknown_key && e.detail != 0 && e.detail <= std::size(members)) {
    return fmt::format("did you mean {}?", members[e.detail - 1]);
  }
  if (e.code == sgwchap::errc::wrong_type && e.detail != 0 && e.detail <= std::size(kinds)) {
    return fmt::format("expected {}", kinds[e.detail - 1]);
  }
  return {};
}

problem from_decode_error(const sgwchap::decode_error& e) {
  return problem{static_cast<const sgwchap::error&>(e), std::nullopt, e.pointer, decode_hint(e)};
}

// Built by appending: `"/" + std::string(...)` trips GCC 12's false -Wrestrict at -O3 (GCC PR105329).
std::string member_pointer(sgwchap::field f) {
  std::string pointer(1, '/');
  pointer += sgwchap::field_name(f);
  return pointer;
}

/// The problems of a decoded request that did not validate: the value each offset points into
/// (never a secret), the member's JSON Pointer, and the newline hint for secrets.
std::vector<problem> request_problems(const sgwchap::error_list& errors, const std::optional<std::string>& arn,
                                      const std::optional<std::string>& name,
                                      const std::optional<sgwchap::chap_secret>& initiator_secret,
                                      const std::optional<sgwchap::chap_secret>& target_secret) {
  const auto view = [](const auto& v) { return v.has_value() ? std::string_view(*v) : std::string_view{}; };
  const auto secret = [](const std::optional<sgwchap::chap_secret>& v) {
    return v.has_value() ? v->reveal() : std::string_view{};
  };
  std::vector<problem> out =
      to_problems(errors, view(arn), view(name), secret(initiator_secret), secret(target_secret));
  for (problem& p : out) {
    p.pointer = member_pointer(p.error.which);
    if (p.error.code == sgwchap::errc::missing_member) p.value = std::nullopt;
  }
  return out;
}

int request_valid(const output& out, sgwchap::operation op, const detail_rows& rows) {
  print_valid(out, fmt::format("{} request", sgwchap::operation_name(op)), rows);
  return exit_ok;
}

}  // namespace

int validate_request(const output& out, const std::string& operation, const std::string& file) {
  constexpr std::string_view command = "sgwchap validate request";
  const auto op = operation_argument(operation, command);
  if (!op) return exit_usage;
  const sgwchap::decode_options limits{};
  wiped_buffer body(limits.max_body_size + 1);
  if (const int status = read_body_argument(file, body, command); status != exit_ok) return status;
  const std::string what = fmt::format("{} request", sgwchap::operation_name(*op));
  const auto fail = [&](const std::vector<problem>& problems) {
    print_problems(out, problems, what);
    return exit_invalid;
  };
  constexpr std::string_view redacted = sgwchap::chap_secret::redacted;

  switch (*op) {
    case sgwchap::operation::update_chap_credentials: {
      auto decoded = sgwchap::decode_update_chap_credentials_request(body.view(), limits);
      body.wipe();
      if (!decoded.has_value()) return fail({from_decode_error(decoded.error())});
      const auto& u = *decoded;
      const auto checked = sgwchap::check_request(u, out.rules);
      if (!checked.has_value()) {
        return fail(request_problems(checked.error(), u.target_arn, u.initiator_name,
                                     u.secret_to_authenticate_initiator, u.secret_to_authenticate_target));
      }
      detail_rows rows{{"TargetARN", *u.target_arn},
                       {"SecretToAuthenticateInitiator", std::string(redacted)},
                       {"InitiatorName", *u.initiator_name}};
      if (u.secret_to_authenticate_target) rows.emplace_back("SecretToAuthenticateTarget", std::string(redacted));
      return request_valid(out, *op, rows);
    }
    case sgwchap::operation::describe_chap_credentials: {
      auto decoded = sgwchap::decode_describe_chap_credentials_request(body.view(), limits);
      body.wipe();
      if (!decoded.has_value()) return fail({from_decode_error(decoded.error())});
      const auto checked = sgwchap::check_request(*decoded, out.rules);
      if (!checked.has_value()) return fail(request_problems(checked.error(), decoded->target_arn, {}, {}, {}));
      return request_valid(out, *op, {{"TargetARN", *decoded->target_arn}});
    }
    case sgwchap::operation::delete_chap_credentials: {
      auto decoded = sgwchap::decode_delete_chap_credentials_request(body.view(), limits);
      body.wipe();
      if (!decoded.has_value()) return fail({from_decode_error(decoded.error())});
      const auto checked = sgwchap::check_request(*decoded, out.rules);
      if (!checked.has_value()) {
        return fail(request_problems(checked.error(), decoded->target_arn, decoded->initiator_name, {}, {}));
      }
      return request_valid(out, *op,
                           {{"TargetARN", *decoded->target_arn}, {"InitiatorName", *decoded->initiator_name}});
    }
  }
  return exit_usage;
}

namespace {

/// The fields of a decoded result, for printing: (pointer-like label, value) in MODEL order.
/// Secrets are `[redacted]` unless `show_secrets`.
struct decoded_field {
  std::string key;    ///< the member's name
  std::string value;  ///< as sent (or redacted)
  bool secret{false};
};

std::string secret_text(const sgwchap::chap_secret& s, bool show) {
  return show ? std::string(s.reveal()) : std::string(sgwchap::chap_secret::redacted);
}

void add_names(std::vector<decoded_field>& fields, const std::optional<std::string>& arn,
               const std::optional<std::string>& name) {
  if (arn) fields.push_back({"TargetARN", *arn, false});
  if (name) fields.push_back({"InitiatorName", *name, false});
}

/// Wipes strings that may have held a secret's bytes before they are freed.
void wipe_fields(std::vector<decoded_field>& fields) {
  for (auto& f : fields) {
    if (f.secret) sgwchap::secure_wipe(f.value.data(), f.value.size());
  }
}

/// Warnings: what `validate(result)` finds (decoding keeps what the service sent, SPEC §3).
/// `lookup` gives the decoded value a pointer names, to draw the caret under (never a secret).
template <class Lookup>
std::vector<problem> result_warnings(const std::vector<sgwchap::decode_error>& errors, Lookup lookup) {
  std::vector<problem> out;
  for (const auto& e : errors) {
    problem p{static_cast<const sgwchap::error&>(e), std::nullopt, e.pointer, {}};
    if (!sgwchap::is_secret_field(e.which)) p.value = lookup(e.pointer);
    out.push_back(std::move(p));
  }
  return out;
}

int print_result(const output& out, sgwchap::operation op, const std::vector<std::vector<decoded_field>>& groups,
                 bool grouped, bool chap_credentials_present, const std::vector<problem>& warnings) {
  const std::string_view op_name = sgwchap::operation_name(op);
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("valid", true).member("operation", op_name).key("result").begin_object();
    const auto write_group = [&](const std::vector<decoded_field>& fields) {
      j.begin_object();
      for (const auto& f : fields) j.member(f.key, f.value);
      j.end_object();
    };
    if (grouped) {
      if (chap_credentials_present) {
        j.key("ChapCredentials").begin_array();
        for (const auto& g : groups) write_group(g);
        j.end_array();
      }
    } else if (!groups.empty()) {
      for (const auto& f : groups.front()) j.member(f.key, f.value);
    }
    j.end_object();
    j.key("warnings").begin_array();
    for (const problem& p : warnings) append_problem_json(j, p);
    j.end_array().end_object();
    std::string text = j.str();
    text += '\n';
    out.write(text);
    sgwchap::secure_wipe(text.data(), text.size());
    j.wipe();
    return exit_ok;
  }
  const auto& c = out.colours;
  std::string text;
  const auto write_rows = [&](const std::vector<decoded_field>& fields, std::string_view indent) {
    std::size_t width = 0;
    for (const auto& f : fields) width = f.key.size() > width ? f.key.size() : width;
    for (const auto& f : fields) {
      text += fmt::format("{}{:<{}}  {}\n", indent, f.key, width, sgwchap::render::escape_for_terminal(f.value));
    }
  };
  if (grouped) {
    if (!chap_credentials_present) {
      text += fmt::format("{}{} response{}: no ChapCredentials member\n", c.field, op_name, c.reset);
    } else {
      text += fmt::format("{}{} response{}: {} CHAP credential{}\n", c.field, op_name, c.reset, groups.size(),
                          groups.size() == 1 ? "" : "s");
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
      text += fmt::format("  /ChapCredentials/{}\n", i);
      write_rows(groups[i], "    ");
    }
  } else {
    text += fmt::format("{}{} response{}\n", c.field, op_name, c.reset);
    if (!groups.empty()) write_rows(groups.front(), "  ");
  }
  for (const problem& p : warnings) {
    std::string w = problem_text(out, p);
    // The same layout as an error, labelled as a warning: the response was decoded.
    const std::string_view label = "error:";
    if (const auto at = w.find(label); at != std::string::npos) w.replace(at, label.size(), "warning:");
    text += w;
  }
  out.write(text);
  sgwchap::secure_wipe(text.data(), text.size());
  return exit_ok;
}

}  // namespace

int decode_response(const output& out, const std::string& operation, const std::string& file, bool show_secrets) {
  constexpr std::string_view command = "sgwchap decode response";
  const auto op = operation_argument(operation, command);
  if (!op) return exit_usage;
  const sgwchap::decode_options limits{};
  wiped_buffer body(limits.max_body_size + 1);
  if (const int status = read_body_argument(file, body, command); status != exit_ok) return status;
  const std::string what = fmt::format("{} response", sgwchap::operation_name(*op));
  const auto fail = [&](const sgwchap::decode_error& e) {
    print_problems(out, {from_decode_error(e)}, what);
    return exit_invalid;
  };

  switch (*op) {
    case sgwchap::operation::update_chap_credentials:
    case sgwchap::operation::delete_chap_credentials: {
      // Both results are {TargetARN, InitiatorName}.
      std::optional<std::string> arn;
      std::optional<std::string> name;
      std::vector<sgwchap::decode_error> errors;
      if (*op == sgwchap::operation::update_chap_credentials) {
        auto decoded = sgwchap::decode_update_chap_credentials_response(body.view(), limits);
        if (!decoded.has_value()) return fail(decoded.error());
        errors = sgwchap::validate(*decoded, out.rules);
        arn = decoded->target_arn;
        name = decoded->initiator_name;
      } else {
        auto decoded = sgwchap::decode_delete_chap_credentials_response(body.view(), limits);
        if (!decoded.has_value()) return fail(decoded.error());
        errors = sgwchap::validate(*decoded, out.rules);
        arn = decoded->target_arn;
        name = decoded->initiator_name;
      }
      std::vector<std::vector<decoded_field>> groups(1);
      add_names(groups.front(), arn, name);
      const auto warnings = result_warnings(errors, [&](const std::string& pointer) -> std::optional<std::string_view> {
        if (pointer == "/TargetARN" && arn) return std::string_view(*arn);
        if (pointer == "/InitiatorName" && name) return std::string_view(*name);
        return std::nullopt;
      });
      return print_result(out, *op, groups, false, false, warnings);
    }
    case sgwchap::operation::describe_chap_credentials: {
      auto decoded = sgwchap::decode_describe_chap_credentials_response(body.view(), limits);
      body.wipe();
      if (!decoded.has_value()) return fail(decoded.error());
      const auto errors = sgwchap::validate(*decoded, out.rules);
      std::vector<std::vector<decoded_field>> groups;
      const bool present = decoded->chap_credentials.has_value();
      if (present) {
        for (const sgwchap::chap_info& info : *decoded->chap_credentials) {
          std::vector<decoded_field> fields;
          if (info.target_arn) fields.push_back({"TargetARN", *info.target_arn, false});
          if (info.secret_to_authenticate_initiator) {
            fields.push_back({"SecretToAuthenticateInitiator",
                              secret_text(*info.secret_to_authenticate_initiator, show_secrets), true});
          }
          if (info.initiator_name) fields.push_back({"InitiatorName", *info.initiator_name, false});
          if (info.secret_to_authenticate_target) {
            fields.push_back(
                {"SecretToAuthenticateTarget", secret_text(*info.secret_to_authenticate_target, show_secrets), true});
          }
          groups.push_back(std::move(fields));
        }
      }
      const auto warnings = result_warnings(errors, [&](const std::string& pointer) -> std::optional<std::string_view> {
        // "/ChapCredentials/<i>/<member>"
        constexpr std::string_view prefix = "/ChapCredentials/";
        if (!present || pointer.rfind(prefix, 0) != 0) return std::nullopt;
        const std::size_t slash = pointer.find('/', prefix.size());
        if (slash == std::string::npos) return std::nullopt;
        const std::size_t index = std::stoul(pointer.substr(prefix.size(), slash - prefix.size()));
        if (index >= decoded->chap_credentials->size()) return std::nullopt;
        const auto& info = (*decoded->chap_credentials)[index];
        const std::string_view member = std::string_view(pointer).substr(slash + 1);
        if (member == "TargetARN" && info.target_arn) return std::string_view(*info.target_arn);
        if (member == "InitiatorName" && info.initiator_name) return std::string_view(*info.initiator_name);
        return std::nullopt;
      });
      const int status = print_result(out, *op, groups, true, present, warnings);
      for (auto& g : groups) wipe_fields(g);
      return status;
    }
  }
  return exit_usage;
}

int decode_error(const output& out, const error_options& o) {
  constexpr std::string_view command = "sgwchap decode error";
  std::vector<sgwchap::header_view> headers;
  for (const std::string& h : o.headers) {
    const std::size_t colon = h.find(':');
    if (colon == std::string::npos || colon == 0) {
      return usage_error(fmt::format("--header needs 'Name: value', got '{}'", h), command);
    }
    std::string_view value = std::string_view(h).substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    headers.push_back({std::string_view(h).substr(0, colon), value});
  }
  const sgwchap::decode_options limits{};
  wiped_buffer body(limits.max_body_size + 1);
  if (const int status = read_body_argument(o.file, body, command); status != exit_ok) return status;
  const sgwchap::service_error e = sgwchap::decode_service_error(o.status.value_or(0), headers, body.view(), limits);
  body.wipe();

  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("valid", true);
    j.key("status");
    if (o.status)
      j.number(static_cast<std::uint64_t>(*o.status));
    else
      j.null();
    j.member("name", e.name).member("message", e.message);
    j.key("errorCode");
    if (e.error_code)
      j.string(e.error_code->str());
    else
      j.null();
    j.member("errorCodeKnown", e.error_code.has_value() && e.error_code->is_known());
    j.key("errorDetails").begin_object();
    for (const auto& [k, v] : e.error_details) j.member(k, v);
    j.end_object();
    j.member("retryable", e.retryable()).member("bodyWasJson", e.body_was_json);
    j.end_object();
    out.write(j.str() + "\n");
    return exit_ok;
  }
  const auto& c = out.colours;
  std::string text = fmt::format(
      "{}{}{}", c.field, e.name.empty() ? std::string("(no error name)") : sgwchap::render::escape_for_terminal(e.name),
      c.reset);
  text += o.status ? fmt::format(" (HTTP {})\n", *o.status) : std::string("\n");
  detail_rows rows;
  rows.emplace_back("message", e.message);
  if (e.error_code) {
    rows.emplace_back("errorCode", e.error_code->is_known() ? e.error_code->str()
                                                            : e.error_code->str() + " (not in the model's ErrorCode)");
  }
  for (const auto& [k, v] : e.error_details) {
    std::string row = k;
    row += ": ";
    row += v;
    rows.emplace_back("errorDetails", std::move(row));
  }
  rows.emplace_back("retryable", e.retryable() ? "yes" : "no");
  if (!e.body_was_json) rows.emplace_back("body", "not a JSON object (message is an excerpt)");
  std::size_t width = 0;
  for (const auto& row : rows) width = row.first.size() > width ? row.first.size() : width;
  for (const auto& [key, value] : rows) {
    text += fmt::format("  {:<{}}  {}\n", key, width, sgwchap::render::escape_for_terminal(value));
  }
  out.write(text);
  return exit_ok;
}

}  // namespace sgwchap_tool
