// sgwchap — fmt formatters (target sgwchap::fmt). Secrets are never formatted: a `chap_secret`,
// and every request or result member that holds one, prints `chap_secret::redacted`.
//
//   fmt::print("{}\n", view);                               // the value, e.g. an ARN
//   fmt::print("{}\n", r.error());                          // the message: field, rule, byte
//   fmt::print("{}\n", sgwchap::with_input(r.error(), s));  // message, the value, a caret
//   fmt::print("{}\n", request);                            // members, secrets redacted
//
// Values a formatter echoes (an input under a caret, strings of a decoded result) are printed
// terminal-safe: control characters, invalid UTF-8 and bidirectional controls are escaped.
// Light otherwise: fmt and the light headers only (http_request, service_error and
// decode_error are declared there), never Boost.JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/decode_error.hpp>
#include <sgwchap/detail/render.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/http_request.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/service_error.hpp>
#include <sgwchap/sigv4/credentials.hpp>
#include <sgwchap/static_string.hpp>
#include <sgwchap/target_arn.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// A string to print terminal-safe: printable ASCII and well-formed UTF-8 as they are; control
/// characters as `\n`, `\t`, `\r` or `\xHH`; bytes that are not UTF-8 as `\xHH`; C1 controls,
/// bidirectional controls (U+061C, U+200E/F, U+202A..U+202E, U+2066..U+2069), U+2028/9 and
/// U+FEFF as `\u{XXXX}`. With `quoted`, `"` and `\` are escaped too and the text is quoted.
/// Holds a view: the string must outlive the formatting call.
struct escaped {
  std::string_view text;
  bool quoted{false};
};

/// An error with the value it is about, formatted as the message, then (for non-secret fields)
/// the value, terminal-safe, with a caret under the offending byte:
///
///     InitiatorName: month must be 01..12 (byte 9)
///       iqn.2015-13.com.example
///                ^
///
/// For a secret field only the message is printed: the value never is. Values longer than 120
/// bytes are shown in a window of 100 bytes around the offset. Holds a view of `input`.
struct error_with_input {
  error err;
  std::string_view input;
};

/// Pairs an error with the value it was found in, for the caret rendering above.
[[nodiscard]] constexpr error_with_input with_input(const error& e, std::string_view input) noexcept {
  return {e, input};
}

namespace detail {

/// The formatters' spelling of escapes (see detail/render.hpp): upper-case hex, `\u{XXXX}`;
/// with `quoted`, `"` and `\` are escaped too.
[[nodiscard]] constexpr shown_char show_char(std::string_view s, std::size_t pos, bool quoted) noexcept {
  return show_char(s, pos, escape_style{false, true, quoted, quoted, false});
}

/// Writes character `c` (at byte `pos` of `s`) as show_char decided.
template <class Out>
Out write_shown(Out out, std::string_view s, std::size_t pos, const shown_char& c) {
  if (c.text_size == 0) {
    for (std::size_t k = 0; k < c.length; ++k) *out++ = s[pos + k];
  } else {
    for (std::size_t k = 0; k < c.text_size; ++k) *out++ = c.text[k];
  }
  return out;
}

template <class Out>
Out write_escaped(Out out, std::string_view s, bool quoted) {
  if (quoted) *out++ = '"';
  std::size_t i = 0;
  while (i < s.size()) {
    const shown_char c = show_char(s, i, quoted);
    out = write_shown(out, s, i, c);
    i += c.length;
  }
  if (quoted) *out++ = '"';
  return out;
}

/// As write_escaped (unquoted), but line feeds stay line feeds: for multi-line text we built.
template <class Out>
Out write_escaped_lines(Out out, std::string_view s) {
  std::size_t begin = 0;
  while (begin <= s.size()) {
    const std::size_t nl = s.find('\n', begin);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl;
    out = write_escaped(out, s.substr(begin, end - begin), false);
    if (nl == std::string_view::npos) break;
    *out++ = '\n';
    begin = nl + 1;
  }
  return out;
}

/// Start of the character that contains byte `pos` (steps back over continuation bytes).
[[nodiscard]] constexpr std::size_t char_start(std::string_view s, std::size_t pos) noexcept {
  std::size_t back = 0;
  while (pos > 0 && back < 3 && pos < s.size() && is_continuation(byte_at(s, pos))) {
    --pos;
    ++back;
  }
  return pos;
}

/// Rejects any format spec: these formatters have a single, fixed output.
struct fmt_no_spec {
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    const auto* it = ctx.begin();
    if (it != ctx.end() && *it != '}') FMT_THROW(fmt::format_error("sgwchap: this type takes no format spec"));
    return it;
  }
};

template <class Out>
Out write_optional_string(Out out, bool& first, std::string_view name, const std::optional<std::string>& v) {
  if (!v.has_value()) return out;
  out = fmt::format_to(out, "{}{}: ", first ? "" : ", ", name);
  first = false;
  return write_escaped(out, *v, true);
}

template <class Out>
Out write_optional_secret(Out out, bool& first, std::string_view name, bool present) {
  if (!present) return out;
  out = fmt::format_to(out, "{}{}: {}", first ? "" : ", ", name, chap_secret::redacted);
  first = false;
  return out;
}

}  // namespace detail

SGWCHAP_END_NAMESPACE

namespace fmt {

// -- Plain values: they accept the string format spec ({:>40} and so on).

template <>
struct formatter<sgwchap::errc> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(sgwchap::errc e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatter<std::string_view>::format(sgwchap::rule_name(e), ctx);
  }
};

template <>
struct formatter<sgwchap::field> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(sgwchap::field f, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatter<std::string_view>::format(sgwchap::field_name(f), ctx);
  }
};

template <>
struct formatter<sgwchap::profile> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(sgwchap::profile p, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatter<std::string_view>::format(sgwchap::profile_name(p), ctx);
  }
};

template <>
struct formatter<sgwchap::operation> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(sgwchap::operation op, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatter<std::string_view>::format(sgwchap::operation_name(op), ctx);
  }
};

template <>
struct formatter<sgwchap::iscsi_name_form> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(sgwchap::iscsi_name_form f, FormatContext& ctx) const -> decltype(ctx.out()) {
    std::string_view name = "unknown";
    if (f == sgwchap::iscsi_name_form::iqn)
      name = "iqn";
    else if (f == sgwchap::iscsi_name_form::eui)
      name = "eui";
    else if (f == sgwchap::iscsi_name_form::naa)
      name = "naa";
    return formatter<std::string_view>::format(name, ctx);
  }
};

/// The error's message (field, rule, bound, byte offset); never the input's bytes.
template <>
struct formatter<sgwchap::error> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(const sgwchap::error& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    const sgwchap::error_message message = e.message();
    return formatter<std::string_view>::format(message.view(), ctx);
  }
};

/// A CHAP secret: always `[redacted]`, whatever the spec.
template <>
struct formatter<sgwchap::chap_secret> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(const sgwchap::chap_secret&, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatter<std::string_view>::format(sgwchap::chap_secret::redacted, ctx);
  }
};

/// SigV4 credentials (sigv4/credentials.hpp): always `[redacted]`, whatever the spec; the
/// access key id is available through `access_key_id()` where a program means to show it.
template <>
struct formatter<sgwchap::sigv4::credentials> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(const sgwchap::sigv4::credentials&, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatter<std::string_view>::format(sgwchap::sigv4::credentials::redacted, ctx);
  }
};

// Views and owning values of checked names: the value itself (validated, so printable ASCII
// under strict; aws_model values may hold any UTF-8 and are escaped).

template <>
struct formatter<sgwchap::escaped> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::escaped& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_escaped(ctx.out(), e.text, e.quoted);
  }
};

template <>
struct formatter<sgwchap::target_arn_view> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::target_arn_view& v, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_escaped(ctx.out(), v.value(), false);
  }
};

template <>
struct formatter<sgwchap::target_arn> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::target_arn& v, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_escaped(ctx.out(), v.str(), false);
  }
};

template <>
struct formatter<sgwchap::iscsi_name_view> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::iscsi_name_view& v, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_escaped(ctx.out(), v.value(), false);
  }
};

template <>
struct formatter<sgwchap::iscsi_name> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::iscsi_name& v, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_escaped(ctx.out(), v.str(), false);
  }
};

template <std::size_t N>
struct formatter<sgwchap::static_string<N>> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(const sgwchap::static_string<N>& s, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatter<std::string_view>::format(s.view(), ctx);
  }
};

/// The message, the value and a caret (see sgwchap::error_with_input).
template <>
struct formatter<sgwchap::error_with_input> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::error_with_input& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    namespace d = sgwchap::detail;
    auto out = fmt::format_to(ctx.out(), "{}", e.err.message());
    if (sgwchap::is_secret_field(e.err.which)) return out;  // the bytes of a secret are never shown
    const std::string_view s = e.input;
    const std::size_t at = e.err.offset < s.size() ? d::char_start(s, e.err.offset) : s.size();
    // Values up to 120 bytes are shown whole (every valid ARN of the documentation is); longer
    // ones in a window of 100 bytes around the offset, cut at character boundaries.
    constexpr std::size_t whole = 120;
    constexpr std::size_t before = 60;
    constexpr std::size_t after = 40;
    const bool cut = s.size() > whole;
    const std::size_t begin = cut && at > before ? d::char_start(s, at - before) : 0;
    std::size_t end = cut && s.size() - at > after ? d::char_start(s, at + after) : s.size();
    if (end < at) end = at;
    out = fmt::format_to(out, "\n  {}", begin > 0 ? "..." : "");
    std::size_t caret_column = begin > 0 ? 3 : 0;
    std::size_t i = begin;
    while (i < end) {
      const d::shown_char c = d::show_char(s, i, false);
      if (i < at) caret_column += c.columns;
      out = d::write_shown(out, s, i, c);
      i += c.length;
    }
    if (end < s.size()) out = fmt::format_to(out, "...");
    return fmt::format_to(out, "\n  {:>{}}", '^', caret_column + 1);
  }
};

/// Every problem, in member order, separated by "; ".
template <>
struct formatter<sgwchap::error_list> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::error_list& list, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = ctx.out();
    bool first = true;
    for (const sgwchap::error& e : list) {
      out = fmt::format_to(out, "{}{}", first ? "" : "; ", e.message());
      first = false;
    }
    return out;
  }
};

// -- Requests and results: the MODEL shape name and its members; secrets always redacted.

template <>
struct formatter<sgwchap::update_chap_credentials_request> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::update_chap_credentials_request& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(
        ctx.out(), "UpdateChapCredentialsInput{{TargetARN: {}, SecretToAuthenticateInitiator: {}, InitiatorName: {}",
        sgwchap::escaped{r.target_arn().str(), true}, r.secret_to_authenticate_initiator(),
        sgwchap::escaped{r.initiator_name().str(), true});
    if (r.secret_to_authenticate_target() != nullptr) {
      out = fmt::format_to(out, ", SecretToAuthenticateTarget: {}", *r.secret_to_authenticate_target());
    }
    return fmt::format_to(out, "}}");
  }
};

template <>
struct formatter<sgwchap::describe_chap_credentials_request> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::describe_chap_credentials_request& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "DescribeChapCredentialsInput{{TargetARN: {}}}",
                          sgwchap::escaped{r.target_arn().str(), true});
  }
};

template <>
struct formatter<sgwchap::delete_chap_credentials_request> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::delete_chap_credentials_request& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "DeleteChapCredentialsInput{{TargetARN: {}, InitiatorName: {}}}",
                          sgwchap::escaped{r.target_arn().str(), true},
                          sgwchap::escaped{r.initiator_name().str(), true});
  }
};

template <>
struct formatter<sgwchap::update_chap_credentials_result> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::update_chap_credentials_result& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "UpdateChapCredentialsOutput{{");
    bool first = true;
    out = sgwchap::detail::write_optional_string(out, first, "TargetARN", r.target_arn);
    out = sgwchap::detail::write_optional_string(out, first, "InitiatorName", r.initiator_name);
    return fmt::format_to(out, "}}");
  }
};

template <>
struct formatter<sgwchap::delete_chap_credentials_result> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::delete_chap_credentials_result& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "DeleteChapCredentialsOutput{{");
    bool first = true;
    out = sgwchap::detail::write_optional_string(out, first, "TargetARN", r.target_arn);
    out = sgwchap::detail::write_optional_string(out, first, "InitiatorName", r.initiator_name);
    return fmt::format_to(out, "}}");
  }
};

template <>
struct formatter<sgwchap::chap_info> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::chap_info& c, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "ChapInfo{{");
    bool first = true;
    out = sgwchap::detail::write_optional_string(out, first, "TargetARN", c.target_arn);
    out = sgwchap::detail::write_optional_secret(out, first, "SecretToAuthenticateInitiator",
                                                 c.secret_to_authenticate_initiator.has_value());
    out = sgwchap::detail::write_optional_string(out, first, "InitiatorName", c.initiator_name);
    out = sgwchap::detail::write_optional_secret(out, first, "SecretToAuthenticateTarget",
                                                 c.secret_to_authenticate_target.has_value());
    return fmt::format_to(out, "}}");
  }
};

template <>
struct formatter<sgwchap::describe_chap_credentials_result> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::describe_chap_credentials_result& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "DescribeChapCredentialsOutput{{");
    if (r.chap_credentials.has_value()) {
      out = fmt::format_to(out, "ChapCredentials: [");
      bool first = true;
      for (const sgwchap::chap_info& c : *r.chap_credentials) {
        out = fmt::format_to(out, "{}{}", first ? "" : ", ", c);
        first = false;
      }
      out = fmt::format_to(out, "]");
    }
    return fmt::format_to(out, "}}");
  }
};

// -- Unchecked requests (raw strings, e.g. decoded request bodies): secrets redacted, strings escaped.

template <>
struct formatter<sgwchap::unchecked_update_chap_credentials_request> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::unchecked_update_chap_credentials_request& r, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "UpdateChapCredentialsInput(unchecked){{");
    bool first = true;
    out = sgwchap::detail::write_optional_string(out, first, "TargetARN", r.target_arn);
    out = sgwchap::detail::write_optional_secret(out, first, "SecretToAuthenticateInitiator",
                                                 r.secret_to_authenticate_initiator.has_value());
    out = sgwchap::detail::write_optional_string(out, first, "InitiatorName", r.initiator_name);
    out = sgwchap::detail::write_optional_secret(out, first, "SecretToAuthenticateTarget",
                                                 r.secret_to_authenticate_target.has_value());
    return fmt::format_to(out, "}}");
  }
};

template <>
struct formatter<sgwchap::unchecked_describe_chap_credentials_request> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::unchecked_describe_chap_credentials_request& r, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "DescribeChapCredentialsInput(unchecked){{");
    bool first = true;
    out = sgwchap::detail::write_optional_string(out, first, "TargetARN", r.target_arn);
    return fmt::format_to(out, "}}");
  }
};

template <>
struct formatter<sgwchap::unchecked_delete_chap_credentials_request> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::unchecked_delete_chap_credentials_request& r, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "DeleteChapCredentialsInput(unchecked){{");
    bool first = true;
    out = sgwchap::detail::write_optional_string(out, first, "TargetARN", r.target_arn);
    out = sgwchap::detail::write_optional_string(out, first, "InitiatorName", r.initiator_name);
    return fmt::format_to(out, "}}");
  }
};

// -- The wire: the HTTP request (its body holds the secrets), decode errors and service errors.

/// `http_request::redacted()`: "POST /", the headers, a blank line, the body with every secret
/// value replaced by `[redacted]`. The real body is only ever reachable through `body()`.
template <>
struct formatter<sgwchap::http_request> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::http_request& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string shown = r.redacted();
    return sgwchap::detail::write_escaped_lines(ctx.out(), shown);
  }
};

/// The message: JSON Pointer, rule, byte offset ("/ChapCredentials/3/InitiatorName: wrong JSON
/// type (byte 57)"). Never a value.
template <>
struct formatter<sgwchap::decode_error> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(const sgwchap::decode_error& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string message = e.message();
    return formatter<std::string_view>::format(message, ctx);
  }
};

/// MODEL's spelling of a Storage Gateway error code ("VolumeNotFound").
template <>
struct formatter<sgwchap::gateway_error_code> : formatter<std::string_view> {
  template <class FormatContext>
  auto format(sgwchap::gateway_error_code c, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatter<std::string_view>::format(sgwchap::gateway_error_code_name(c), ctx);
  }
};

/// The value as the service sent it, terminal-safe.
template <>
struct formatter<sgwchap::service_error_code> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::service_error_code& c, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_escaped(ctx.out(), c.str(), false);
  }
};

/// E.g. `ServiceError{status: 400, name: "InvalidGatewayRequestException", message: "...",
/// errorCode: "VolumeNotFound", retryable: false}`; strings from the network are escaped.
template <>
struct formatter<sgwchap::service_error> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::service_error& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "ServiceError{{status: {}", e.status);
    if (!e.name.empty()) out = fmt::format_to(out, ", name: {}", sgwchap::escaped{e.name, true});
    out = fmt::format_to(out, ", message: {}", sgwchap::escaped{e.message, true});
    if (e.error_code.has_value())
      out = fmt::format_to(out, ", errorCode: {}", sgwchap::escaped{e.error_code->str(), true});
    if (!e.error_details.empty()) {
      out = fmt::format_to(out, ", errorDetails: {{");
      bool first = true;
      for (const auto& [key, value] : e.error_details) {
        out = fmt::format_to(out, "{}{}: {}", first ? "" : ", ", sgwchap::escaped{key, true},
                             sgwchap::escaped{value, true});
        first = false;
      }
      out = fmt::format_to(out, "}}");
    }
    if (!e.body_was_json) out = fmt::format_to(out, ", body was not JSON");
    return fmt::format_to(out, ", retryable: {}}}", e.retryable());
  }
};

}  // namespace fmt
