// sgwchap tool — the commands that need the codec: validate request, encode, decode response,
// decode error. Every command reads the operation tables (<sgwchap/operations.hpp>): which
// options an operation takes, which members a body has, how a result is printed. None names a
// member.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/core.h>

#include <sgwchap/fmt.hpp>
#include <sgwchap/json.hpp>
#include <sgwchap/timestamp.hpp>

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

// The library's helpers over its member tables (detail/members.hpp, operations.hpp).
using sgwchap::detail::element_text;
using sgwchap::detail::holds_secrets;
using sgwchap::detail::present_value;

/// A number, boolean or timestamp member's value as text, spelled as <sgwchap/fmt.hpp> spells it:
/// integers in decimal, a double as fmt's `{}` writes it (the shortest text that reads back the
/// same, a JSON number too: the decoder refuses non-finite ones), `true` / `false`, and a
/// timestamp as a UTC ISO 8601 date-time for people (format_iso8601) or, `for_json`, its exact
/// epoch seconds (format_epoch_seconds: SMITHY-JSON's timestamp form).
template <sgwchap::member_type Type, class V>
std::string scalar_text(const V& v, bool for_json) {
  if constexpr (Type == sgwchap::member_type::timestamp) {
    return std::string(for_json ? sgwchap::format_epoch_seconds(v).view() : sgwchap::format_iso8601(v).view());
  } else if constexpr (Type == sgwchap::member_type::boolean) {
    return v ? "true" : "false";
  } else {
    static_assert(Type == sgwchap::member_type::integer || Type == sgwchap::member_type::long_integer ||
                      Type == sgwchap::member_type::double_number,
                  "scalar_text: a member type without a spelling");
    return fmt::format("{}", v);
  }
}

/// The token of a JSON Pointer (RFC 6901 §4): "/Name/3/..." -> "Name", "/3/...". A token that
/// is an index ("3") is read with `index_of`.
std::pair<std::string_view, std::string_view> split_pointer(std::string_view pointer) {
  if (pointer.empty() || pointer.front() != '/') return {{}, {}};
  pointer.remove_prefix(1);
  const std::size_t slash = pointer.find('/');
  if (slash == std::string_view::npos) return {pointer, {}};
  return {pointer.substr(0, slash), pointer.substr(slash)};
}

/// An array index token (RFC 6901 §4: "0", or digits without a leading zero), or nullopt.
std::optional<std::size_t> index_of(std::string_view token) {
  std::size_t index = 0;
  if (token.empty() || (token.size() > 1 && token.front() == '0')) return std::nullopt;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (ec != std::errc{} || end != token.data() + token.size()) return std::nullopt;
  return index;
}

/// The text of the member of `obj` a JSON Pointer names ("/Member", "/List/3/Member",
/// "/Structure/Member", "/StringList/2"), for the caret under a warning; nullopt for anything
/// else (a number, a whole list or structure), and for a sensitive member.
template <class T>
std::optional<std::string_view> text_at(const T& obj, std::string_view pointer) {
  // Not a structured binding: Clang 14 cannot capture one in the lambda below.
  const std::pair<std::string_view, std::string_view> parts = split_pointer(pointer);
  const std::string_view token = parts.first;
  const std::string_view rest = parts.second;
  std::optional<std::string_view> found;
  sgwchap::detail::for_each_member(obj, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<T, decltype(i)::value>();
    if (m.name != token || m.sensitive) return;
    const auto* v = present_value(member);
    if (v == nullptr) return;
    if constexpr (m.type == sgwchap::member_type::structure_list || m.type == sgwchap::member_type::string_list) {
      const auto [index_token, after] = split_pointer(rest);
      const auto index = index_of(index_token);
      if (!index.has_value() || *index >= v->size()) return;
      if constexpr (m.type == sgwchap::member_type::structure_list) {
        found = text_at((*v)[*index], after);
      } else if (after.empty()) {
        found = element_text((*v)[*index]);
      }
    } else if constexpr (m.type == sgwchap::member_type::structure) {
      found = text_at(*v, rest);
    } else if constexpr (m.type == sgwchap::member_type::string) {
      if (rest.empty()) found = sgwchap::detail::text_of(member);
    }
  });
  return found;
}

/// Appends `indent`, the key padded to `width`, two spaces and the escaped value (append_rows'
/// layout, one row).
template <class Text>
void append_row(Text& text, std::string_view indent, std::string_view key, std::size_t width, std::string_view value) {
  fmt::format_to(std::back_inserter(text), "{}{:<{}}  {}\n", indent, key, width, sgwchap::escaped{value});
}

/// The members of a bound object for people, in table order, after `indent`: strings (secrets
/// `[redacted]` unless `show_secrets`), numbers, booleans and timestamps (scalar_text) as
/// aligned `key  value` rows; a string list as rows of its elements, the key on the first; a
/// structure as a group, its name then its members two columns further in; a structure list
/// (unless `skip_lists`: print_result prints the top level's) as its name and count, then each
/// element under its index. Written straight into `text` (a secret_text when it may hold a
/// secret): no other copy of a secret is made.
template <class Text, class T>
void append_members(Text& text, const T& obj, const std::string& indent, bool show_secrets, bool skip_lists = false) {
  std::size_t width = 0;  // the widest key of a row at this level
  sgwchap::detail::for_each_member(obj, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<T, decltype(i)::value>();
    if constexpr (m.type != sgwchap::member_type::structure && m.type != sgwchap::member_type::structure_list) {
      if (present_value(member) != nullptr) width = std::max(width, m.name.size());
    }
  });
  const std::string deeper = indent + "  ";
  sgwchap::detail::for_each_member(obj, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<T, decltype(i)::value>();
    const auto* v = present_value(member);
    if (v == nullptr) return;
    if constexpr (m.type == sgwchap::member_type::string) {
      append_row(text, indent, m.name, width,
                 m.sensitive && !show_secrets ? sgwchap::chap_secret::redacted : *sgwchap::detail::text_of(member));
    } else if constexpr (m.type == sgwchap::member_type::string_list) {
      if (v->empty()) append_row(text, indent, m.name, width, "(none)");
      for (std::size_t k = 0; k < v->size(); ++k) {
        append_row(text, indent, k == 0 ? m.name : std::string_view{}, width, element_text((*v)[k]));
      }
    } else if constexpr (m.type == sgwchap::member_type::structure) {
      fmt::format_to(std::back_inserter(text), "{}{}\n", indent, m.name);
      append_members(text, *v, deeper, show_secrets);
    } else if constexpr (m.type == sgwchap::member_type::structure_list) {
      if (skip_lists) return;
      fmt::format_to(std::back_inserter(text), "{}{}: {} {}{}\n", indent, m.name, v->size(), m.element->noun,
                     v->size() == 1 ? "" : "s");
      for (std::size_t k = 0; k < v->size(); ++k) {
        fmt::format_to(std::back_inserter(text), "{}/{}\n", deeper, k);
        append_members(text, (*v)[k], deeper + "  ", show_secrets);
      }
    } else {
      append_row(text, indent, m.name, width, scalar_text<m.type>(*v, false));
    }
  });
}

/// The members of a bound object as JSON, each by its row's type (SMITHY-JSON: the form the
/// service sends, so the "result" object reads back as a response body): strings (secrets
/// `[redacted]` unless `show_secrets`), numbers (timestamps as exact epoch seconds), booleans,
/// string lists as arrays of strings, structures as objects, structure lists as arrays of objects.
template <class Writer, class T>
void write_json_members(Writer& j, const T& obj, bool show_secrets) {
  sgwchap::detail::for_each_member(obj, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<T, decltype(i)::value>();
    const auto* v = present_value(member);
    if (v == nullptr) return;
    if constexpr (m.type == sgwchap::member_type::string) {
      j.member(m.name,
               m.sensitive && !show_secrets ? sgwchap::chap_secret::redacted : *sgwchap::detail::text_of(member));
    } else if constexpr (m.type == sgwchap::member_type::string_list) {
      j.key(m.name).begin_array();
      for (const auto& element : *v) j.string(element_text(element));
      j.end_array();
    } else if constexpr (m.type == sgwchap::member_type::structure) {
      j.key(m.name).begin_object();
      write_json_members(j, *v, show_secrets);
      j.end_object();
    } else if constexpr (m.type == sgwchap::member_type::structure_list) {
      j.key(m.name).begin_array();
      for (const auto& element : *v) {
        j.begin_object();
        write_json_members(j, element, show_secrets);
        j.end_object();
      }
      j.end_array();
    } else if constexpr (m.type == sgwchap::member_type::boolean) {
      j.member(m.name, *v);
    } else {
      j.key(m.name).number_text(scalar_text<m.type>(*v, true));
    }
  });
}

/// Turns a request's problems into printable ones: the value each offset points into (never a
/// secret), the member's JSON Pointer when the request came from a body, and the newline hint
/// for secrets. A list's error is its element's ("/VolumeARNs/1"), found by running the row's
/// validator on each element under `rules` (the check reports the first element that fails;
/// `detail` holds its index, but not for every rule), or the list's own (empty_list; and
/// mixed_gateways, whose `detail` is the element's index). `number_texts` gives the text of a
/// number member as typed on the command line (to show under its error), when it was.
template <class Unchecked>
std::vector<problem> request_problems(
    const sgwchap::error_list& errors, const Unchecked& u, bool with_pointer, sgwchap::profile rules,
    const std::map<std::string_view, std::optional<std::string>, std::less<>>* number_texts = nullptr) {
  std::vector<problem> out;
  for (const sgwchap::error& e : errors) {
    problem p{e, std::nullopt, {}, {}};
    bool claimed = false;
    sgwchap::detail::for_each_member(u, [&](auto i, const auto& member) {
      constexpr const sgwchap::member_info& m = sgwchap::detail::row<Unchecked, decltype(i)::value>();
      if (claimed) return;
      if constexpr (m.type == sgwchap::member_type::string_list) {
        const auto* list = present_value(member);
        if (m.which == e.which) {  // the list's own rule
          claimed = true;
          if (with_pointer) p.pointer = fmt::format("/{}", m.name);
          if (list != nullptr && e.code == sgwchap::errc::mixed_gateways && e.detail < list->size()) {
            if (with_pointer) p.pointer = fmt::format("/{}/{}", m.name, e.detail);
            p.value = element_text((*list)[e.detail]);
          }
          return;
        }
        if (list == nullptr) return;
        for (std::size_t k = 0; k < list->size(); ++k) {
          const auto own = sgwchap::detail::check_rule(m, element_text((*list)[k]), rules);
          if (own.has_value() || own.error().code != e.code || own.error().which != e.which ||
              own.error().offset != e.offset) {
            continue;
          }
          claimed = true;
          if (with_pointer) p.pointer = fmt::format("/{}/{}", m.name, k);
          p.value = element_text((*list)[k]);
          return;
        }
      } else {
        if (m.which != e.which) return;
        claimed = true;
        if (with_pointer) p.pointer = fmt::format("/{}", m.name);
        if (e.code == sgwchap::errc::missing_member) return;
        if constexpr (m.type == sgwchap::member_type::string) {
          const auto text = sgwchap::detail::text_of(member);
          if (!text.has_value()) return;
          if (m.sensitive) {
            p.hint = newline_hint(*text);
          } else {
            p.value = text;
          }
        } else if (number_texts != nullptr) {
          if (const auto typed = number_texts->find(m.name); typed != number_texts->end() && typed->second) {
            p.value = std::string_view(*typed->second);
          }
        }
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
    print_body(out, body);
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

void print_body(const output& out, std::string_view body) {
  if (out.stdout_is_terminal) {
    secret_text shown = body_for_terminal(body);
    out.write_secret(shown.view());
    out.write("\n");
  } else {
    out.write_secret(body);
  }
}

bool output_holds_secrets(sgwchap::operation op) { return holds_secrets(sgwchap::operation_details(op).output); }

std::string member_option(const sgwchap::member_info& m) {
  return fmt::format("--{}{}", sgwchap::kebab_case(m.name), m.sensitive ? "-env" : "");
}

int with_checked_request(const output& out, const encode_options& o, std::string_view command,
                         const std::function<int(checked_call&)>& then) {
  const auto op = operation_argument(o.operation, command);
  if (!op) return exit_usage;
  const sgwchap::operation_info& info = sgwchap::operation_details(*op);
  // Which options the operation takes: the members of its input table.
  const auto refuse_foreign = [&](std::string_view name) {
    const sgwchap::member_info* m = nullptr;
    for (const auto& other : sgwchap::operations) {
      if (const std::size_t r = other.input.find(name); r < other.input.members.size()) m = &other.input.members[r];
    }
    const std::string what = m->sensitive ? fmt::format("secret ({})", member_option(*m)) : member_option(*m);
    return usage_error(fmt::format("{} takes no {}", info.name, what), command);
  };
  for (const auto& [name, value] : o.members) {
    if (value.has_value() && info.input.find(name) == info.input.members.size()) return refuse_foreign(name);
  }
  for (const auto& [name, values] : o.lists) {
    if (!values.empty() && info.input.find(name) == info.input.members.size()) return refuse_foreign(name);
  }

  return run_for_operation(*op, [&]<sgwchap::operation Op>() -> int {
    using request = typename sgwchap::operation_types<Op>::request;
    using unchecked = typename sgwchap::unchecked_of<request>::type;
    using checked_members = decltype(sgwchap::detail::members_of(std::declval<const request&>()));
    // Required: MODEL `required`, or a member the checked request holds without std::optional
    // (ListVolumes' GatewayARN: requests.hpp).
    unchecked u;
    int status = exit_ok;
    sgwchap::detail::for_each_member(u, [&](auto i, const auto&) {
      constexpr const sgwchap::member_info& m = sgwchap::detail::row<unchecked, decltype(i)::value>();
      using held = std::remove_cvref_t<std::tuple_element_t<decltype(i)::value, checked_members>>;
      if (status != exit_ok || !(m.required || !sgwchap::detail::is_optional<held>::value)) return;
      const auto text = o.members.find(m.name);
      const auto list = o.lists.find(m.name);
      const bool given =
          (text != o.members.end() && text->second.has_value()) || (list != o.lists.end() && !list->second.empty());
      if (!given) status = usage_error(fmt::format("{} needs {}", info.name, member_option(m)), command);
    });
    if (status != exit_ok) return status;

    // The raw values check_request would check (its own conversion, detail::raw_of), but an
    // integer option keeps the int64 it was typed as: `--limit 3000000000` must be refused by
    // the member's own check (check_limit: number_out_of_range), not cut to 32 bits here.
    sgwchap::detail::raw_values<request> raw;
    // Keyed by the variable's name: a variable is read (then wiped and unset) once, and a second
    // secret naming the same variable gets the same bytes, so the check reports what the user
    // did (two equal secrets: secrets_must_differ under strict), not "the variable is not set".
    std::map<std::string_view, env_secret> secrets;
    sgwchap::detail::for_each_member(u, [&](auto i, auto& member) {
      constexpr const sgwchap::member_info& m = sgwchap::detail::row<unchecked, decltype(i)::value>();
      using M = std::remove_cvref_t<decltype(member)>;
      if (status != exit_ok) return;
      if constexpr (m.type == sgwchap::member_type::string_list) {
        const auto given = o.lists.find(m.name);
        if (given != o.lists.end() && !given->second.empty()) member = given->second;
      } else {
        const auto given = o.members.find(m.name);
        if (given == o.members.end() || !given->second.has_value()) return;
        const std::string& text = *given->second;
        if constexpr (m.sensitive) {
          auto [at, fresh] = secrets.try_emplace(text);
          if (fresh) status = read_env_secret(text, member_option(m), at->second, command);
          if (status == exit_ok) member = sgwchap::chap_secret::unchecked(at->second.bytes.view());
        } else if constexpr (m.type == sgwchap::member_type::integer || m.type == sgwchap::member_type::long_integer) {
          // An integer as the AWS CLI takes one: optional '-', decimal digits, within int64.
          std::int64_t n = 0;
          const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
          if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size()) {
            status = usage_error(
                fmt::format("{} needs an integer, not {}", member_option(m), sgwchap::escaped{text, true}), command);
          } else if (ec == std::errc::result_out_of_range) {
            status = usage_error(
                fmt::format("{} {} is out of range (a 64-bit integer)", member_option(m), sgwchap::escaped{text, true}),
                command);
          } else {
            using V = typename M::value_type;
            if (n >= std::numeric_limits<V>::min() && n <= std::numeric_limits<V>::max()) member = static_cast<V>(n);
            std::get<decltype(i)::value>(raw) = n;
          }
          return;
        } else {
          static_assert(m.type == sgwchap::member_type::string, "an input member kind the tool cannot read");
          member = text;
        }
      }
      if (status == exit_ok) std::get<decltype(i)::value>(raw) = sgwchap::detail::raw_of(member);
    });
    if (status != exit_ok) return status;
    const auto checked = sgwchap::detail::make_request<request>(raw, out.rules);
    if (!checked.has_value()) {
      print_problems(out, request_problems(checked.error(), u, false, out.rules, &o.members),
                     fmt::format("{} not encoded", info.name));
      return exit_invalid;
    }
    // The region of the first ARN among the members (a string's, or a list's first element's).
    std::string_view region;
    sgwchap::detail::for_each_member(*checked, [&](auto i, const auto& member) {
      constexpr const sgwchap::member_info& m = sgwchap::detail::row<request, decltype(i)::value>();
      const auto* v = present_value(member);
      if constexpr (!m.sensitive && m.type == sgwchap::member_type::string) {
        if (const auto text = sgwchap::detail::text_of(member); region.empty() && text.has_value()) {
          region = arn_region(*text);
        }
      } else if constexpr (m.type == sgwchap::member_type::string_list) {
        if (region.empty() && v != nullptr && !v->empty()) region = arn_region(element_text(v->front()));
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
/// wrong_type's `detail`: the expected kind (json/detail/handler.hpp json_kind: 1 string,
/// 2 array, 3 object, 4 number, 5 boolean).
std::string decode_hint(const sgwchap::error& e, const sgwchap::shape_info& shape) {
  constexpr std::string_view kinds[] = {"a string", "an array", "an object", "a number", "true or false"};
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

/// A valid request body, as print_valid prints a valid value: `OP request: valid (PROFILE
/// profile)` and its members (append_members; secrets `[redacted]`); JSON: `{"valid":true,
/// "field":...,"profile":...,` and the members by type (write_json_members) `}`.
template <class Unchecked>
void print_valid_request(const output& out, std::string_view what, const Unchecked& request) {
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("valid", true).member("field", what).member("profile", sgwchap::profile_name(out.rules));
    write_json_members(j, request, false);
    j.end_object();
    out.write(j.str() + "\n");
    return;
  }
  const palette& c = out.colours;
  std::string text = fmt::format("{}{}{}: {}valid{} ({} profile)\n", c.field, what, c.reset, c.ok, c.reset,
                                 sgwchap::profile_name(out.rules));
  append_members(text, request, "  ", false);
  out.write(text);
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
      print_problems(out, request_problems(checked.error(), *decoded, true, out.rules), what);
      return exit_invalid;
    }
    print_valid_request(out, what, *decoded);
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
  // A structure list of the top level: its count on the first line, then each element under
  // its JSON Pointer; then the other members.
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
        append_members(text, (*member)[k], "    ", show_secrets);
      }
    }
  });
  if (!has_list) text += '\n';
  append_members(text, result, "  ", show_secrets, true);
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

// -- sgwchap targets: from a Describe response to the iSCSI targets an initiator logs in to
//    (APIREF-Volumes, APIREF-VTL: VolumeiSCSIAttributes, DeviceiSCSIAttributes).

namespace {

/// The operations whose response `targets` reads.
constexpr std::array<sgwchap::operation, 3> target_operations{sgwchap::operation::describe_stored_iscsi_volumes,
                                                              sgwchap::operation::describe_cached_iscsi_volumes,
                                                              sgwchap::operation::describe_vtl_devices};

/// One volume or VTL device, as an initiator needs it. Absent members stay nullopt.
struct target_entry {
  std::optional<std::string> arn;         ///< the element's VolumeARN or VTLDeviceARN
  std::optional<std::string> target_arn;  ///< its iSCSI attributes' TargetARN
  std::optional<std::string> interface_id;
  std::optional<std::int32_t> port;
  std::optional<std::int32_t> lun;
  std::optional<bool> chap_enabled;
};

/// A response read as one operation's: the decode error, or whether its list member was there
/// and the entries of its elements.
struct target_reading {
  sgwchap::operation op{};
  std::optional<sgwchap::decode_error> error;
  bool has_list{false};
  bool has_lun{false};  ///< the iSCSI attributes of its elements have a LunNumber row (volumes)
  std::vector<target_entry> entries;
};

/// Copies the rows of an iSCSI attributes structure into `t`, by their fields (MODEL
/// VolumeiSCSIAttributes, DeviceiSCSIAttributes: operations.hpp).
template <class Attributes>
void read_attributes(const Attributes& a, target_entry& t) {
  sgwchap::detail::for_each_member(a, [&](auto i, const auto& member) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<Attributes, decltype(i)::value>();
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (std::is_same_v<M, std::optional<std::string>>) {
      if constexpr (m.which == sgwchap::field::target_arn) t.target_arn = member;
      if constexpr (m.which == sgwchap::field::network_interface_id) t.interface_id = member;
    } else if constexpr (std::is_same_v<M, std::optional<std::int32_t>>) {
      if constexpr (m.which == sgwchap::field::network_interface_port) t.port = member;
      if constexpr (m.which == sgwchap::field::lun_number) t.lun = member;
    } else if constexpr (std::is_same_v<M, std::optional<bool>>) {
      if constexpr (m.which == sgwchap::field::chap_enabled) t.chap_enabled = member;
    }
  });
}

/// True when shape `s` has a row of field `f`.
constexpr bool has_field(const sgwchap::shape_info& s, sgwchap::field f) noexcept {
  for (const sgwchap::member_info& m : s.members) {
    if (m.which == f) return true;
  }
  return false;
}

/// The body read as `Op`'s response: its top-level structure list, each element's own ARN (the
/// row with the volume_arn or vtl_device_arn rule) and its iSCSI attributes (its structure row).
template <sgwchap::operation Op>
target_reading read_targets(std::string_view body, const sgwchap::decode_options& limits) {
  using result_type = typename sgwchap::operation_types<Op>::result;
  target_reading r;
  r.op = Op;
  auto decoded = sgwchap::decode_body<result_type>(body, limits);
  if (!decoded.has_value()) {
    r.error = std::move(decoded.error());
    return r;
  }
  sgwchap::detail::for_each_member(*decoded, [&](auto i, const auto& list) {
    constexpr const sgwchap::member_info& m = sgwchap::detail::row<result_type, decltype(i)::value>();
    if constexpr (m.type == sgwchap::member_type::structure_list) {
      if (!list.has_value()) return;
      r.has_list = true;
      for (const auto& element : *list) {
        using E = std::remove_cvref_t<decltype(element)>;
        target_entry& t = r.entries.emplace_back();
        sgwchap::detail::for_each_member(element, [&](auto k, const auto& member) {
          constexpr const sgwchap::member_info& e = sgwchap::detail::row<E, decltype(k)::value>();
          if constexpr (e.type == sgwchap::member_type::string &&
                        (e.rule == sgwchap::value_rule::volume_arn || e.rule == sgwchap::value_rule::vtl_device_arn)) {
            t.arn = member;
          } else if constexpr (e.type == sgwchap::member_type::structure) {
            r.has_lun = has_field(*e.element, sgwchap::field::lun_number);
            if (member.has_value()) read_attributes(*member, t);
          }
        });
      }
    }
  });
  return r;
}

/// The top-level structure list of `op`'s output: "StorediSCSIVolumes".
const sgwchap::member_info& list_row(sgwchap::operation op) {
  const sgwchap::shape_info& out = sgwchap::operation_details(op).output;
  for (const sgwchap::member_info& m : out.members) {
    if (m.type == sgwchap::member_type::structure_list) return m;
  }
  return out.members.front();  // not reached: every target operation has one
}

/// The iSCSI portal, address:port (RFC 3720 §3.2.6.3 / iscsiadm -p): an IPv6 address in
/// brackets (RFC 3986 §3.2.2), as iscsiadm takes it; the address alone without a port.
std::optional<std::string> portal_of(const target_entry& t) {
  if (!t.interface_id.has_value()) return std::nullopt;
  const bool ipv6 = t.interface_id->find(':') != std::string::npos;
  std::string host = ipv6 ? fmt::format("[{}]", *t.interface_id) : *t.interface_id;
  if (t.port.has_value()) return fmt::format("{}:{}", host, *t.port);
  return host;
}

/// `sgwchap targets`: text, a block per target; JSON, an array of objects.
void print_targets(const output& out, const target_reading& r) {
  const sgwchap::member_info& list = list_row(r.op);
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_array();
    const auto text_or_null = [&](std::string_view key, const std::optional<std::string>& v) {
      j.key(key);
      if (v.has_value()) {
        j.string(*v);
      } else {
        j.null();
      }
    };
    for (const target_entry& t : r.entries) {
      j.begin_object();
      text_or_null("arn", t.arn);
      text_or_null("targetArn", t.target_arn);
      text_or_null("portal", portal_of(t));
      j.key("lun");
      if (t.lun.has_value()) {
        j.number_text(fmt::format("{}", *t.lun));
      } else {
        j.null();
      }
      j.key("chapEnabled");
      if (t.chap_enabled.has_value()) {
        j.boolean(*t.chap_enabled);
      } else {
        j.null();
      }
      j.end_object();
    }
    j.end_array();
    out.write(j.str() + "\n");
    return;
  }
  const palette& c = out.colours;
  std::string text = fmt::format("{}{} response{}: {} {}{}\n", c.field, sgwchap::operation_name(r.op), c.reset,
                                 r.entries.size(), list.element->noun, r.entries.size() == 1 ? "" : "s");
  const sgwchap::member_info& own_arn = [&]() -> const sgwchap::member_info& {
    for (const sgwchap::member_info& m : list.element->members) {
      if (m.rule == sgwchap::value_rule::volume_arn || m.rule == sgwchap::value_rule::vtl_device_arn) return m;
    }
    return list.element->members.front();
  }();
  constexpr std::string_view unknown = "unknown";
  for (const target_entry& t : r.entries) {
    if (t.arn.has_value()) {
      fmt::format_to(std::back_inserter(text), "{}{}{}\n", c.field, sgwchap::escaped{*t.arn}, c.reset);
    } else {
      fmt::format_to(std::back_inserter(text), "{}(no {}){}\n", c.field, own_arn.name, c.reset);
    }
    detail_rows rows;
    rows.emplace_back(SGWCHAP_NAME_TargetARN, t.target_arn.value_or(std::string(unknown)));
    rows.emplace_back("portal", portal_of(t).value_or(std::string(unknown)));
    if (r.has_lun) rows.emplace_back("LUN", t.lun.has_value() ? fmt::format("{}", *t.lun) : std::string(unknown));
    rows.emplace_back("CHAP enabled", !t.chap_enabled.has_value() ? std::string(unknown)
                                      : *t.chap_enabled           ? std::string("yes")
                                                                  : std::string("no"));
    append_rows(text, rows, "  ");
  }
  out.write(text);
}

/// "A, B or C".
std::string joined(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i != 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace

int list_targets(const output& out, const targets_options& o) {
  constexpr std::string_view command = "sgwchap targets";
  std::vector<sgwchap::operation> candidates(target_operations.begin(), target_operations.end());
  if (!o.operation.empty()) {
    const auto op = operation_argument(o.operation, command);
    if (!op) return exit_usage;
    if (std::find(candidates.begin(), candidates.end(), *op) == candidates.end()) {
      std::vector<std::string_view> names;
      for (const auto c : candidates) names.push_back(sgwchap::operation_name(c));
      return usage_error(
          fmt::format("targets reads a {} response, not {}", joined(names), sgwchap::operation_name(*op)), command);
    }
    candidates = {*op};
  }
  const sgwchap::decode_options limits{};
  wiped_buffer body(limits.max_body_size + 1);
  if (const int status = read_body_argument(o.file, body, command); status != exit_ok) return status;

  std::vector<target_reading> readings;
  for (const sgwchap::operation op : candidates) {
    sgwchap::with_operation(op, [&]<sgwchap::operation Op>() {
      if constexpr (Op == sgwchap::operation::describe_stored_iscsi_volumes ||
                    Op == sgwchap::operation::describe_cached_iscsi_volumes ||
                    Op == sgwchap::operation::describe_vtl_devices) {
        readings.push_back(read_targets<Op>(body.view(), limits));
      }
    });
  }
  body.wipe();

  // Which response it is: the one operation whose list member the body has.
  std::vector<const target_reading*> matches;
  std::vector<const target_reading*> failed;
  for (const target_reading& r : readings) {
    if (r.error.has_value()) failed.push_back(&r);
    if (!r.error.has_value() && r.has_list) matches.push_back(&r);
  }
  std::vector<std::string_view> members;
  std::vector<std::string_view> names;
  for (const target_reading* r : matches) {
    members.push_back(list_row(r->op).name);
    names.push_back(sgwchap::operation_name(r->op));
  }
  if (matches.size() > 1) {
    return usage_error(fmt::format("the response has {}: give --operation {}", joined(members), joined(names)),
                       command);
  }
  if (matches.size() == 1 && failed.empty()) {
    print_targets(out, *matches.front());
    return exit_ok;
  }
  if (!failed.empty()) {
    // Printed as decode response prints it. Every reading failed: the body itself is not a
    // response (not JSON, ...), whichever operation's; else the one that failed is the one the
    // body was meant to be (its list member, or another of its own, is what is wrong).
    const target_reading& r = *failed.front();
    const sgwchap::operation_info& info = sgwchap::operation_details(r.op);
    const std::string what = failed.size() == readings.size() && readings.size() > 1
                                 ? std::string("response")
                                 : fmt::format("{} response", info.name);
    print_problems(out, {from_decode_error(*r.error, info.output)}, what);
    return exit_invalid;
  }
  members.clear();
  names.clear();
  for (const target_reading& r : readings) {
    members.push_back(list_row(r.op).name);
    names.push_back(sgwchap::operation_name(r.op));
  }
  const std::string where = o.file.empty() || o.file == "-" ? std::string("the response on standard input")
                                                            : fmt::format("the response in '{}'", o.file);
  return usage_error(fmt::format("{} has no {} member: it is not a {} response", where, joined(members), joined(names)),
                     command);
}

}  // namespace sgwchap_tool
