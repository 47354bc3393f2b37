// sgwchap tool — the commands that need the codec: validate request, encode, decode response,
// decode error. Every command reads the operation tables (<sgwchap/operations.hpp>): which
// options an operation takes, which members a body has, how a result is printed. None names a
// member.
#include <cstdint>
#include <cstring>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/core.h>

#include <sgwchap/fmt.hpp>
#include <sgwchap/json.hpp>

#include "codec_shared.hpp"
#include "commands.hpp"
#include "input.hpp"
#include "report.hpp"
#include "secret_text.hpp"

namespace sgwchap_tool {
namespace {

/// sgwchap::with_operation for a callable that returns the exit status, through its void form:
/// GCC 12 at -O2 reports the std::optional<int> of the value-returning form as maybe
/// uninitialized (a false positive of -Wmaybe-uninitialized, which breaks the Release build).
template <class F>
int run_for_operation(sgwchap::operation op, F&& f) {
  int status = exit_usage;
  sgwchap::with_operation(op, [&]<sgwchap::operation Op>() { status = f.template operator()<Op>(); });
  return status;
}

/// "UpdateChapCredentials, DescribeChapCredentials or DeleteChapCredentials".
std::string operation_choices() {
  std::string out;
  for (std::size_t i = 0; i < sgwchap::operations.size(); ++i) {
    if (i != 0) out += i + 1 == sgwchap::operations.size() ? " or " : ", ";
    out += sgwchap::operations[i].name;
  }
  return out;
}

/// The operation named on the command line, or nullopt after printing the usage error.
std::optional<sgwchap::operation> operation_argument(std::string_view name, std::string_view command) {
  if (const auto op = sgwchap::parse_operation(name)) return op;
  (void)usage_error(fmt::format("unknown operation '{}' (expected {})", name, operation_choices()), command);
  return std::nullopt;
}

/// A secret named by an --...-env option: read, then wiped and unset in the environment. The
/// variable's name is never echoed: a user who typed the secret itself in its place would see
/// it in the error.
struct env_secret {
  wiped_buffer bytes{max_secret_bytes};
  bool present{false};
};

/// 0, or the exit status of the usage error it printed.
int read_env_secret(const std::string& name, std::string_view option, env_secret& out, std::string_view command) {
  switch (read_secret_from_env(name, out.bytes)) {
    case env_status::ok: out.present = true; return exit_ok;
    case env_status::unset:
      return usage_error(fmt::format("the environment variable named by {} is not set (give the NAME of a "
                                     "variable that holds the secret)",
                                     option),
                         command);
    case env_status::bad_name:
      return usage_error(fmt::format("{} needs the name of an environment variable", option), command);
  }
  return exit_usage;
}

/// The text of the member of `obj` a JSON Pointer names ("/Member" or "/List/3/Member"), for the
/// caret under a warning; nullopt for anything else, and for a sensitive member.
template <class T>
std::optional<std::string_view> text_at(const T& obj, std::string_view pointer) {
  if (pointer.empty() || pointer.front() != '/') return std::nullopt;
  pointer.remove_prefix(1);
  const std::size_t slash = pointer.find('/');
  const std::string_view token = pointer.substr(0, slash);
  const std::string_view rest = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
  std::optional<std::string_view> found;
  sgwchap::detail::for_each_member(obj, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<T, decltype(i)::value>();
    if (m.name != token) return;
    if constexpr (m.type == sgwchap::member_type::structure_list) {
      if (!member.has_value() || rest.size() < 2) return;
      std::size_t index = 0;
      std::size_t k = 1;
      for (; k < rest.size() && rest[k] >= '0' && rest[k] <= '9'; ++k) {
        index = index * 10 + static_cast<std::size_t>(rest[k] - '0');
      }
      if (index < member->size()) found = text_at((*member)[index], rest.substr(k));
    } else if (!m.sensitive && rest.empty()) {
      found = sgwchap::detail::text_of(member);
    }
  });
  return found;
}

/// The rows of a bound object for people: its string members (secrets `[redacted]` unless
/// `show_secrets`), in table order. Room for every row is reserved first: a vector that grows
/// moves its strings, and a moved short string leaves its bytes in the freed block.
template <class T>
detail_rows rows_of(const T& obj, bool show_secrets) {
  detail_rows rows;
  rows.reserve(sgwchap::shape_of<T>->members.size());
  sgwchap::detail::for_each_member(obj, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<T, decltype(i)::value>();
    if constexpr (m.type == sgwchap::member_type::string) {
      if (const auto text = sgwchap::detail::text_of(member); text.has_value()) {
        rows.emplace_back(
            m.name, m.sensitive && !show_secrets ? std::string(sgwchap::chap_secret::redacted) : std::string(*text));
      }
    }
  });
  return rows;
}

/// Wipes row values that held a secret's bytes before they are freed.
void wipe_rows(detail_rows& rows) {
  for (auto& [key, value] : rows) sgwchap::secure_wipe(value.data(), value.size());
}

/// The members of a bound object as JSON (secrets `[redacted]` unless `show_secrets`).
template <class Writer, class T>
void write_json_members(Writer& j, const T& obj, bool show_secrets) {
  sgwchap::detail::for_each_member(obj, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<T, decltype(i)::value>();
    if constexpr (m.type == sgwchap::member_type::structure_list) {
      if (!member.has_value()) return;
      j.key(m.name).begin_array();
      for (const auto& element : *member) {
        j.begin_object();
        write_json_members(j, element, show_secrets);
        j.end_object();
      }
      j.end_array();
    } else if (const auto text = sgwchap::detail::text_of(member); text.has_value()) {
      j.member(m.name, m.sensitive && !show_secrets ? sgwchap::chap_secret::redacted : *text);
    }
  });
}

/// Turns a request's problems into printable ones: the value each offset points into (never a
/// secret), the member's JSON Pointer when the request came from a body, and the newline hint
/// for secrets.
template <class Unchecked>
std::vector<problem> request_problems(const sgwchap::error_list& errors, const Unchecked& u, bool with_pointer) {
  std::vector<problem> out;
  for (const sgwchap::error& e : errors) {
    problem p{e, std::nullopt, {}, {}};
    sgwchap::detail::for_each_member(u, [&](auto i, const auto& member) {
      constexpr const sgwchap::member_info& m = sgwchap::detail::row<Unchecked, decltype(i)::value>();
      if (m.which != e.which) return;
      if (with_pointer) p.pointer = fmt::format("/{}", m.name);
      const auto text = sgwchap::detail::text_of(member);
      if (!text.has_value() || e.code == sgwchap::errc::missing_member) return;
      if (m.sensitive) {
        p.hint = newline_hint(*text);
      } else {
        p.value = text;
      }
    });
    out.push_back(std::move(p));
  }
  return out;
}

/// The body for a terminal: a raw C1 control or bidirectional override inside a JSON string
/// (JSON allows them raw) is written as its \uXXXX escape, which is the same JSON value. Only
/// when standard output is a terminal: a file or pipe gets the exact bytes Content-Length counts.
/// The body holds the secrets: built in a secret_text.
secret_text body_for_terminal(std::string_view body) {
  secret_text out;
  out.reserve(body.size() + 1);
  for (std::size_t i = 0; i < body.size();) {
    const sgwchap::detail::utf8_char c = sgwchap::detail::decode_utf8(body, i);
    if (c.length == 0) {  // cannot happen in an encoded body (always UTF-8): shown, not sent raw
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", 0xFFFDU);
      ++i;
      continue;
    }
    if (sgwchap::detail::is_unsafe_code_point(c.code_point)) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<std::uint32_t>(c.code_point));
    } else {
      out.append(body.substr(i, c.length));
    }
    i += c.length;
  }
  return out;
}

/// Prints the request encode built: `--body-only` the body's exact bytes; text, the request line,
/// the headers and the body; json, one object. The body (with the secrets) is written straight
/// from a wiped buffer (output::write_secret), never through a formatting or stdio buffer.
int print_http_request(const output& out, sgwchap::operation op, const sgwchap::http_request& request, bool body_only) {
  const std::string_view body = request.body().view();
  const auto write_body = [&] {
    if (out.stdout_is_terminal) {
      secret_text shown = body_for_terminal(body);
      out.write_secret(shown.view());
    } else {
      out.write_secret(body);
    }
  };
  if (body_only) {
    write_body();
    if (out.stdout_is_terminal) out.write("\n");
    return exit_ok;
  }
  if (out.format == output_format::json) {
    basic_json_writer<secret_text> j;
    j.begin_object().member("operation", sgwchap::operation_name(op));
    j.member("method", sgwchap::http_request::method()).member("path", sgwchap::http_request::path());
    j.key("headers").begin_object();
    for (const auto& h : request.headers()) j.member(h.name, h.value);
    j.end_object();
    j.member("body", body);
    j.end_object();
    out.write_secret(j.str().view());
    out.write("\n");
    return exit_ok;
  }
  std::string head = fmt::format("{} {}\n", sgwchap::http_request::method(), sgwchap::http_request::path());
  for (const auto& h : request.headers()) fmt::format_to(std::back_inserter(head), "{}: {}\n", h.name, h.value);
  head += '\n';
  out.write(head);
  write_body();
  out.write("\n");
  return exit_ok;
}

/// The region of an ARN (`arn:PARTITION:SERVICE:REGION:...`), "" for anything else.
std::string_view arn_region(std::string_view text) {
  if (text.substr(0, 4) != "arn:") return {};
  std::size_t start = 4;
  for (int field = 1; field < 3; ++field) {
    const std::size_t colon = text.find(':', start);
    if (colon == std::string_view::npos) return {};
    start = colon + 1;
  }
  const std::size_t end = text.find(':', start);
  return end == std::string_view::npos ? std::string_view{} : text.substr(start, end - start);
}

}  // namespace

std::string member_option(const sgwchap::member_info& m) {
  return fmt::format("--{}{}", sgwchap::kebab_case(m.name), m.sensitive ? "-env" : "");
}

int with_checked_request(const output& out, const encode_options& o, std::string_view command,
                         const std::function<int(checked_call&)>& then) {
  const auto op = operation_argument(o.operation, command);
  if (!op) return exit_usage;
  const sgwchap::operation_info& info = sgwchap::operation_details(*op);
  // Which options the operation takes: the members of its input table.
  for (const auto& [name, value] : o.members) {
    if (value.has_value() && info.input.find(name) == info.input.members.size()) {
      const sgwchap::member_info* m = nullptr;
      for (const auto& other : sgwchap::operations) {
        if (const std::size_t r = other.input.find(name); r < other.input.members.size()) m = &other.input.members[r];
      }
      const std::string what = m->sensitive ? fmt::format("secret ({})", member_option(*m)) : member_option(*m);
      return usage_error(fmt::format("{} takes no {}", info.name, what), command);
    }
  }
  for (const sgwchap::member_info& m : info.input.members) {
    const auto given = o.members.find(m.name);
    if (m.required && (given == o.members.end() || !given->second.has_value())) {
      return usage_error(fmt::format("{} needs {}", info.name, member_option(m)), command);
    }
  }

  return run_for_operation(*op, [&]<sgwchap::operation Op>() -> int {
    using request = typename sgwchap::operation_types<Op>::request;
    using unchecked = typename sgwchap::unchecked_of<request>::type;
    unchecked u;
    // Keyed by the variable's name: a variable is read (then wiped and unset) once, and a second
    // secret naming the same variable gets the same bytes, so the check reports what the user
    // did (two equal secrets: secrets_must_differ under strict), not "the variable is not set".
    std::map<std::string_view, env_secret> secrets;
    int status = exit_ok;
    sgwchap::detail::for_each_member(u, [&](auto i, auto& member) {
      constexpr const sgwchap::member_info& m = sgwchap::detail::row<unchecked, decltype(i)::value>();
      const auto given = o.members.find(m.name);
      if (status != exit_ok || given == o.members.end() || !given->second.has_value()) return;
      if constexpr (m.sensitive) {
        const std::string& variable = *given->second;
        auto [at, fresh] = secrets.try_emplace(variable);
        if (fresh) status = read_env_secret(variable, member_option(m), at->second, command);
        if (status == exit_ok) member = sgwchap::chap_secret::unchecked(at->second.bytes.view());
      } else {
        member = *given->second;
      }
    });
    if (status != exit_ok) return status;
    const auto checked = sgwchap::check_request(u, out.rules);
    if (!checked.has_value()) {
      print_problems(out, request_problems(checked.error(), u, false), fmt::format("{} not encoded", info.name));
      return exit_invalid;
    }
    std::string_view region;
    sgwchap::detail::for_each_member(*checked, [&](auto i, const auto& member) {
      constexpr const sgwchap::member_info& m = sgwchap::detail::row<request, decltype(i)::value>();
      if constexpr (!m.sensitive && m.type == sgwchap::member_type::string) {
        if (const auto text = sgwchap::detail::text_of(member); region.empty() && text.has_value()) {
          region = arn_region(*text);
        }
      }
    });
    sgwchap::http_request http = sgwchap::to_http_request(*checked);
    checked_call call{Op, http, region};
    return then(call);
  });
}

int encode_request(const output& out, const encode_options& o) {
  return with_checked_request(out, o, "sgwchap encode",
                              [&](checked_call& c) { return print_http_request(out, c.op, c.http, o.body_only); });
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

/// unknown_key's `detail`: 1 + the row of the member it resembles in `shape`.
/// wrong_type's `detail`: the expected kind (1 string, 2 array, 3 object).
std::string decode_hint(const sgwchap::error& e, const sgwchap::shape_info& shape) {
  constexpr std::string_view kinds[] = {"a string", "an array", "an object"};
  if (e.code == sgwchap::errc::unknown_key && e.detail != 0 && e.detail <= shape.members.size()) {
    return fmt::format("did you mean {}?", shape.members[e.detail - 1].name);
  }
  if (e.code == sgwchap::errc::wrong_type && e.detail != 0 && e.detail <= std::size(kinds)) {
    return fmt::format("expected {}", kinds[e.detail - 1]);
  }
  return {};
}

problem from_decode_error(const sgwchap::decode_error& e, const sgwchap::shape_info& shape) {
  return problem{static_cast<const sgwchap::error&>(e), std::nullopt, e.pointer, decode_hint(e, shape)};
}

}  // namespace

int validate_request(const output& out, const std::string& operation, const std::string& file) {
  constexpr std::string_view command = "sgwchap validate request";
  const auto op = operation_argument(operation, command);
  if (!op) return exit_usage;
  const sgwchap::decode_options limits{};
  wiped_buffer body(limits.max_body_size + 1);
  if (const int status = read_body_argument(file, body, command); status != exit_ok) return status;
  const sgwchap::operation_info& info = sgwchap::operation_details(*op);
  const std::string what = fmt::format("{} request", info.name);

  return run_for_operation(*op, [&]<sgwchap::operation Op>() -> int {
    using unchecked = typename sgwchap::unchecked_of<typename sgwchap::operation_types<Op>::request>::type;
    auto decoded = sgwchap::decode_body<unchecked>(body.view(), limits);
    body.wipe();
    if (!decoded.has_value()) {
      print_problems(out, {from_decode_error(decoded.error(), info.input)}, what);
      return exit_invalid;
    }
    const auto checked = sgwchap::check_request(*decoded, out.rules);
    if (!checked.has_value()) {
      print_problems(out, request_problems(checked.error(), *decoded, true), what);
      return exit_invalid;
    }
    print_valid(out, what, rows_of(*decoded, false));
    return exit_ok;
  });
}

namespace {

/// Prints a decoded result: its string members as rows, each structure list as numbered groups
/// (text), or one JSON object; then the warnings of validate(result). With --show-secrets the
/// text holds secrets: it is built in a secret_text and written with output::write_secret.
template <class Result>
int print_result(const output& out, std::string_view op_name, const Result& result,
                 const std::vector<problem>& warnings, bool show_secrets) {
  if (out.format == output_format::json) {
    basic_json_writer<secret_text> j;
    j.begin_object().member("valid", true).member("operation", op_name).key("result").begin_object();
    write_json_members(j, result, show_secrets);
    j.end_object().key("warnings").begin_array();
    for (const problem& p : warnings) append_problem_json(j, p);
    j.end_array().end_object();
    out.write_secret(j.str().view());
    out.write("\n");
    return exit_ok;
  }
  const palette& c = out.colours;
  secret_text text;
  fmt::format_to(std::back_inserter(text), "{}{} response{}", c.field, op_name, c.reset);
  detail_rows top = rows_of(result, show_secrets);
  bool has_list = false;
  sgwchap::detail::for_each_member(result, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<Result, decltype(i)::value>();
    if constexpr (m.type == sgwchap::member_type::structure_list) {
      has_list = true;
      if (!member.has_value()) {
        fmt::format_to(std::back_inserter(text), ": no {} member\n", m.name);
        return;
      }
      fmt::format_to(std::back_inserter(text), ": {} {}{}\n", member->size(), m.element->noun,
                     member->size() == 1 ? "" : "s");
      for (std::size_t k = 0; k < member->size(); ++k) {
        fmt::format_to(std::back_inserter(text), "  /{}/{}\n", m.name, k);
        detail_rows rows = rows_of((*member)[k], show_secrets);
        append_rows(text, rows, "    ");
        wipe_rows(rows);
      }
    }
  });
  if (!has_list) text += '\n';
  append_rows(text, top, "  ");
  wipe_rows(top);
  // The same layout as an error, labelled as a warning: the response was decoded.
  for (const problem& p : warnings) text += problem_text(out, p, "warning");
  out.write_secret(text.view());
  return exit_ok;
}

/// The --header options as header views, or the exit status of the usage error it printed.
int parse_headers(const std::vector<std::string>& raw, std::string_view command,
                  std::vector<sgwchap::header_view>& headers) {
  for (const std::string& h : raw) {
    const std::size_t colon = h.find(':');
    if (colon == std::string::npos || colon == 0) {
      return usage_error(fmt::format("--header needs 'Name: value', got '{}'", h), command);
    }
    std::string_view value = std::string_view(h).substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    headers.push_back({std::string_view(h).substr(0, colon), value});
  }
  return exit_ok;
}

/// A service error: its name (and status), then message, errorCode, errorDetails, retryable;
/// `attempts` when the call was tried more than once; JSON: one object. Returns `exit_status`.
int print_service_error(const output& out, const sgwchap::service_error& e, const std::optional<int>& status,
                        int exit_status, unsigned attempts = 1) {
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("valid", true);
    j.key("status");
    if (status)
      j.number(static_cast<std::uint64_t>(*status));
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
    if (attempts > 1) j.member("attempts", static_cast<std::uint64_t>(attempts));
    j.end_object();
    out.write(j.str() + "\n");
    return exit_status;
  }
  const palette& c = out.colours;
  std::string text = e.name.empty() ? fmt::format("{}(no error name){}", c.field, c.reset)
                                    : fmt::format("{}{}{}", c.field, sgwchap::escaped{e.name}, c.reset);
  text += status ? fmt::format(" (HTTP {})\n", *status) : std::string("\n");
  detail_rows rows;
  rows.emplace_back("message", e.message);
  if (e.error_code) {
    rows.emplace_back("errorCode", e.error_code->is_known() ? e.error_code->str()
                                                            : e.error_code->str() + " (not in the model's ErrorCode)");
  }
  for (const auto& [k, v] : e.error_details) rows.emplace_back("errorDetails", fmt::format("{}: {}", k, v));
  rows.emplace_back("retryable", e.retryable() ? "yes" : "no");
  if (!e.body_was_json) rows.emplace_back("body", "not a JSON object (message is an excerpt)");
  if (attempts > 1) rows.emplace_back("attempts", fmt::format("{}", attempts));
  append_rows(text, rows, "  ");
  out.write(text);
  return exit_status;
}

/// A body the error decoder refused (duplicate_key): printed as a problem of the error body.
int refused_error_body(const output& out, const sgwchap::decode_error& e) {
  static constexpr sgwchap::shape_info no_members{"error body", {}};
  print_problems(out, {from_decode_error(e, no_members)}, "error response");
  return exit_invalid;
}

/// A decoded result with the warnings of validate(result).
template <class Result>
int print_decoded(const output& out, const sgwchap::operation_info& info, const Result& decoded, bool show_secrets) {
  std::vector<problem> warnings;
  for (const auto& e : sgwchap::validate(decoded, out.rules)) {
    problem p{static_cast<const sgwchap::error&>(e), std::nullopt, e.pointer, {}};
    if (!sgwchap::is_secret_field(e.which)) p.value = text_at(decoded, e.pointer);
    warnings.push_back(std::move(p));
  }
  return print_result(out, info.name, decoded, warnings, show_secrets);
}

}  // namespace

int decode_response(const output& out, const response_options& o) {
  constexpr std::string_view command = "sgwchap decode response";
  const auto op = operation_argument(o.operation, command);
  if (!op) return exit_usage;
  std::vector<sgwchap::header_view> headers;
  if (const int status = parse_headers(o.headers, command, headers); status != exit_ok) return status;
  const sgwchap::decode_options limits{};
  wiped_buffer body(limits.max_body_size + 1);
  if (const int status = read_body_argument(o.file, body, command); status != exit_ok) return status;
  const sgwchap::operation_info& info = sgwchap::operation_details(*op);
  const auto has_header = [&](std::string_view name) {
    for (const auto& h : headers) {
      if (sgwchap::detail::iequals(h.name, name)) return true;
    }
    return false;
  };

  // With a Content-Type header, the library's one call decides, exactly as for a transport: a
  // status outside 2xx or an X-Amzn-Errortype header is a service error, a wrong Content-Type is
  // bad_content_type. Without one, the body is read as the operation's result (after the same
  // service-error rule).
  const int status = o.status.value_or(200);
  const bool error_response = status < 200 || status > 299 || has_header("X-Amzn-Errortype");
  if (has_header("Content-Type") || error_response) {
    const auto decoded = sgwchap::decode(*op, status, headers, body.view(), limits);
    body.wipe();
    if (!decoded.has_value()) {
      if (error_response) return refused_error_body(out, decoded.error());
      print_problems(out, {from_decode_error(decoded.error(), info.output)}, fmt::format("{} response", info.name));
      return exit_invalid;
    }
    return std::visit(
        [&](const auto& r) -> int {
          using R = std::remove_cvref_t<decltype(r)>;
          if constexpr (std::is_same_v<R, sgwchap::service_error>) {
            return print_service_error(out, r, status, exit_invalid);
          } else {
            return print_decoded(out, info, r, o.show_secrets);
          }
        },
        *decoded);
  }
  return run_for_operation(*op, [&]<sgwchap::operation Op>() -> int {
    using result_type = typename sgwchap::operation_types<Op>::result;
    auto decoded = sgwchap::decode_body<result_type>(body.view(), limits);
    body.wipe();
    if (!decoded.has_value()) {
      print_problems(out, {from_decode_error(decoded.error(), info.output)}, fmt::format("{} response", info.name));
      return exit_invalid;
    }
    return print_decoded(out, info, *decoded, o.show_secrets);
  });
}

int print_answer(const output& out, sgwchap::operation op,
                 const tl::expected<sgwchap::response, sgwchap::decode_error>& answer, bool show_secrets,
                 unsigned attempts) {
  const sgwchap::operation_info& info = sgwchap::operation_details(op);
  if (!answer.has_value()) {
    print_problems(out, {from_decode_error(answer.error(), info.output)}, fmt::format("{} response", info.name));
    return exit_invalid;
  }
  return std::visit(
      [&](const auto& a) -> int {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(a)>, sgwchap::service_error>) {
          return print_service_error(out, a, a.status, exit_invalid, attempts);
        } else {
          return print_decoded(out, info, a, show_secrets);
        }
      },
      *answer);
}

int decode_error(const output& out, const error_options& o) {
  constexpr std::string_view command = "sgwchap decode error";
  std::vector<sgwchap::header_view> headers;
  if (const int status = parse_headers(o.headers, command, headers); status != exit_ok) return status;
  const sgwchap::decode_options limits{};
  wiped_buffer body(limits.max_body_size + 1);
  if (const int status = read_body_argument(o.file, body, command); status != exit_ok) return status;
  const auto e = sgwchap::decode_service_error(o.status.value_or(0), headers, body.view(), limits);
  body.wipe();
  if (!e.has_value()) return refused_error_body(out, e.error());
  return print_service_error(out, *e, o.status, exit_ok);
}

}  // namespace sgwchap_tool
