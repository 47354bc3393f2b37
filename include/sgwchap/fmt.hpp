// sgwchap — fmt formatters (target sgwchap::fmt). Secrets are never formatted: a `chap_secret`,
// and every member a table marks sensitive, prints `chap_secret::redacted`.
//
//   fmt::print("{}\n", view);                               // the value, e.g. an ARN
//   fmt::print("{}\n", r.error());                          // the message: field, rule, byte
//   fmt::print("{}\n", sgwchap::with_input(r.error(), s));  // message, the value, a caret
//   fmt::print("{}\n", request);                            // members, secrets redacted
//
// Every value a formatter echoes (an input under a caret, a string of a decoded result) is
// printed terminal-safe, in the one spelling of detail/render.hpp: `\n`, `\xhh`, `\uhhhh`, `\\`.
// The command-line tool prints through these formatters too. Light otherwise: fmt and the core
// and wire headers only, never Boost.JSON.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/detail/render.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/sigv4/credentials.hpp>
#include <sgwchap/static_string.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/timestamp.hpp>
#include <sgwchap/wire/decode_error.hpp>
#include <sgwchap/wire/http_request.hpp>
#include <sgwchap/wire/service_error.hpp>
#include <sgwchap/wire/unchecked.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// A string to print terminal-safe (detail/render.hpp's spelling). With `quoted`, the text is
/// quoted and `"` is escaped too. Holds a view: the string must outlive the formatting call.
struct escaped {
  std::string_view text;
  bool quoted{false};
};

/// A string as a JSON string literal (RFC 8259 §7), terminal-safe: `"` and `\` escaped, the
/// characters detail::must_escape names as `\n` `\t` `\r` or `\u00hh` / `\uhhhh`, and every byte
/// that is not well-formed UTF-8 as `\ufffd` (JSON text is UTF-8 and cannot carry it: RFC 8259
/// §8.1). The command-line tool's `--format json` writes its strings with it.
struct json_quoted {
  std::string_view text;
};

/// Two lines that point at byte `offset` of `input`, compiler style: the value (terminal-safe,
/// a window of `window` bytes around the offset when it is longer, "..." marking a cut; 0 shows
/// it whole), and under it `^` followed by `~` across the rest of an escape, both after `indent`
/// spaces. `mark_on`/`mark_off` wrap the caret (e.g. a colour); no line feed after the second
/// line. Holds views.
struct caret_lines {
  std::string_view input;
  std::size_t offset;
  std::size_t indent{2};
  std::size_t window{0};
  std::string_view mark_on{};
  std::string_view mark_off{};
};

/// An error with the value it is about, formatted as the message, then (for non-secret fields)
/// the caret_lines of the value, indented by two spaces:
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

template <class Out>
Out write_json_quoted(Out out, std::string_view s) {
  constexpr std::string_view hex = "0123456789abcdef";
  const auto u_escape = [&](std::uint32_t cp) {
    *out++ = '\\';
    *out++ = 'u';
    for (int shift = 12; shift >= 0; shift -= 4) *out++ = hex[(cp >> static_cast<unsigned>(shift)) & 0xFU];
  };
  *out++ = '"';
  for (std::size_t i = 0; i < s.size();) {
    const std::uint8_t b = byte_at(s, i);
    if (b == '"' || b == '\\') {
      *out++ = '\\';
      *out++ = static_cast<char>(b);
      ++i;
    } else if (b == '\n' || b == '\t' || b == '\r') {
      *out++ = '\\';
      *out++ = b == '\n' ? 'n' : b == '\t' ? 't' : 'r';
      ++i;
    } else if (b < 0x80U) {
      if (must_escape(b)) {
        u_escape(b);
      } else {
        *out++ = static_cast<char>(b);
      }
      ++i;
    } else {
      const utf8_char c = decode_utf8(s, i);
      if (c.length == 0) {
        u_escape(0xFFFDU);  // not UTF-8: JSON cannot carry the byte
        ++i;
        continue;
      }
      if (must_escape(c.code_point)) {
        u_escape(c.code_point);
      } else {
        for (std::size_t k = 0; k < c.length; ++k) *out++ = s[i + k];
      }
      i += c.length;
    }
  }
  *out++ = '"';
  return out;
}

template <class Out>
Out write_caret_lines(Out out, const caret_lines& c) {
  const std::string_view s = c.input;
  const std::size_t at = c.offset < s.size() ? char_start(s, c.offset) : s.size();
  // A value longer than the window is shown around the offset: 60% before, 40% after, cut at
  // character boundaries.
  const bool cut = c.window != 0 && s.size() > c.window + c.window / 5;
  const std::size_t before = c.window * 3 / 5;
  const std::size_t after = c.window - before;
  const std::size_t begin = cut && at > before ? char_start(s, at - before) : 0;
  std::size_t end = cut && s.size() - at > after ? char_start(s, at + after) : s.size();
  if (end < at) end = at;
  for (std::size_t k = 0; k < c.indent; ++k) *out++ = ' ';
  std::size_t column = 0;
  if (begin > 0) {
    out = fmt::format_to(out, "...");
    column = 3;
  }
  std::size_t caret_width = 1;
  std::size_t i = begin;
  while (i < end) {
    const shown_char sc = show_char(s, i, false);
    if (i < at) column += sc.columns;
    if (i == at) caret_width = sc.columns;
    out = write_shown(out, s, i, sc);
    i += sc.length;
  }
  if (end < s.size()) out = fmt::format_to(out, "...");
  *out++ = '\n';
  for (std::size_t k = 0; k < c.indent + column; ++k) *out++ = ' ';
  out = fmt::format_to(out, "{}^", c.mark_on);
  for (std::size_t k = 1; k < caret_width; ++k) *out++ = '~';
  return fmt::format_to(out, "{}", c.mark_off);
}

/// Rejects any format spec: these formatters have a single, fixed output.
struct fmt_no_spec {
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    const auto* it = ctx.begin();
    if (it != ctx.end() && *it != '}') FMT_THROW(fmt::format_error("sgwchap: this type takes no format spec"));
    return it;
  }
};

/// The string format spec of the plain-value formatters, parsed by our own code:
///
///   text-spec = [[fill] align] [width] ["." precision] ["s"]
///   align     = "<" / ">" / "^"          ; default "<", as for strings
///   fill      = any one UTF-8 character but "{" and "}"
///   width, precision = 1*DIGIT           ; in characters (code points), at most 65535
///
/// Not `formatter<std::string_view>`'s parse: inheriting it makes GCC 12 at -O2/-O3 report
/// -Wstringop-overflow inside fmt 9's `fill_t::operator=` (a false positive: the size is checked
/// before) in every user's optimized build with -Werror. A spec outside this grammar (a sign, `#`, `0`, a dynamic
/// `{}` width, another type) is a `fmt::format_error`, at compile time where fmt checks formats.
class text_spec {
 public:
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    const auto* it = ctx.begin();
    const auto* const end = ctx.end();
    const auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
    if (it != end && *it != '}') {
      const auto lead = static_cast<unsigned char>(*it);
      const std::size_t n = lead < 0x80U ? 1 : lead < 0xE0U ? 2 : lead < 0xF0U ? 3 : 4;
      if (static_cast<std::size_t>(end - it) > n && is_align(it[n])) {
        if (*it == '{' || *it == '}') FMT_THROW(fmt::format_error("sgwchap: '{' or '}' cannot be a fill"));
        for (std::size_t k = 0; k < n; ++k) fill_[k] = it[k];
        fill_size_ = static_cast<unsigned char>(n);
        align_ = it[n];
        it += n + 1;
      } else if (is_align(*it)) {
        align_ = *it++;
      }
    }
    if (it != end && *it == '0') FMT_THROW(fmt::format_error("sgwchap: no '0' flag for text"));
    it = parse_count(it, end, width_);
    if (it != end && *it == '.') {
      const auto* const digits = ++it;
      it = parse_count(it, end, precision_);
      if (it == digits) FMT_THROW(fmt::format_error("sgwchap: a precision needs digits"));
    }
    if (it != end && *it == 's') ++it;
    if (it != end && *it != '}') FMT_THROW(fmt::format_error("sgwchap: not a string format spec"));
    return it;
  }

  /// `s` cut to the precision and padded to the width, counted in UTF-8 characters.
  template <class Out>
  Out write(Out out, std::string_view s) const {
    std::size_t chars = 0;
    std::size_t bytes = 0;
    while (bytes < s.size() && chars < precision_) {
      ++chars;
      ++bytes;
      while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xC0U) == 0x80U) ++bytes;
    }
    const std::size_t pad = width_ > chars ? width_ - chars : 0;
    const std::size_t before = align_ == '>' ? pad : align_ == '^' ? pad / 2 : 0;
    out = write_fill(out, before);
    for (std::size_t k = 0; k < bytes; ++k) *out++ = s[k];
    return write_fill(out, pad - before);
  }

 private:
  static constexpr std::size_t max_count = 65535;

  static constexpr const char* parse_count(const char* it, const char* end, std::size_t& value) {
    if (it == end || *it < '0' || *it > '9') return it;
    std::size_t v = 0;
    for (; it != end && *it >= '0' && *it <= '9'; ++it) {
      v = v * 10 + static_cast<std::size_t>(*it - '0');
      if (v > max_count) FMT_THROW(fmt::format_error("sgwchap: width or precision above 65535"));
    }
    if (it != end && *it == '{') FMT_THROW(fmt::format_error("sgwchap: no dynamic width or precision"));
    value = v;
    return it;
  }

  template <class Out>
  Out write_fill(Out out, std::size_t n) const {
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t b = 0; b < fill_size_; ++b) *out++ = fill_[b];
    }
    return out;
  }

  char fill_[4] = {' ', 0, 0, 0};
  unsigned char fill_size_ = 1;
  char align_ = '<';
  std::size_t width_ = 0;
  std::size_t precision_ = static_cast<std::size_t>(-1);
};

/// A plain value printed as text under `text_spec`.
struct text_formatter : text_spec {
  template <class FormatContext>
  auto write_text(std::string_view s, FormatContext& ctx) const -> decltype(ctx.out()) {
    return write(ctx.out(), s);
  }
};

// -- The names of the enumerations, for the one enum formatter below.
[[nodiscard]] constexpr std::string_view enum_name(errc e) noexcept { return rule_name(e); }
[[nodiscard]] constexpr std::string_view enum_name(field f) noexcept { return field_name(f); }
[[nodiscard]] constexpr std::string_view enum_name(profile p) noexcept { return profile_name(p); }
[[nodiscard]] constexpr std::string_view enum_name(operation op) noexcept { return operation_name(op); }
[[nodiscard]] constexpr std::string_view enum_name(iscsi_name_form f) noexcept { return iscsi_name_form_name(f); }
[[nodiscard]] constexpr std::string_view enum_name(gateway_error_code c) noexcept { return gateway_error_code_name(c); }
template <class E>
concept named_enum = std::is_enum_v<E> && requires(E e) {
  { enum_name(e) } -> std::convertible_to<std::string_view>;
};

/// `Shape{Member: value, ...}`: members in table order, absent ones left out, each by its row's
/// type: strings quoted and escaped (write_escaped), sensitive members `[redacted]`, string lists
/// `["a", "b"]` (each element as a string), integers in decimal, doubles as fmt's `{}` writes
/// them (the shortest form that reads back the same, e.g. `0.1`, `1e+300`), booleans `true` /
/// `false`, timestamps as UTC ISO 8601 date-times with the fraction's trailing zeros removed
/// (format_iso8601: `2020-03-05T21:23:06.123Z`), structures as a nested `Shape{...}` and
/// structure lists as `[Element{...}, ...]`.
template <class T, class Out>
Out write_members(Out out, const T& value) {
  out = fmt::format_to(out, "{}{}{{", shape_of<T>->name, unchecked_request<T> ? "(unchecked)" : "");
  bool first = true;
  for_each_member(value, [&](auto i, const auto& member) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if (!is_present(member)) return;
    out = fmt::format_to(out, "{}{}: ", first ? "" : ", ", m.name);
    first = false;
    if constexpr (m.sensitive) {
      out = fmt::format_to(out, "{}", chap_secret::redacted);
    } else if constexpr (m.type == member_type::string) {
      out = write_escaped(out, *text_of(member), true);
    } else {
      // Every other type is held in a std::optional, but a checked request's required list.
      const auto& v = [&]() -> const auto& {
        if constexpr (is_optional<std::remove_cvref_t<decltype(member)>>::value) {
          return *member;
        } else {
          return member;
        }
      }
      ();
      if constexpr (m.type == member_type::structure_list || m.type == member_type::string_list) {
        *out++ = '[';
        bool first_item = true;
        for (const auto& item : v) {
          if (!first_item) out = fmt::format_to(out, ", ");
          first_item = false;
          if constexpr (m.type == member_type::structure_list) {
            out = write_members(out, item);
          } else {
            out = write_escaped(out, element_text(item), true);
          }
        }
        *out++ = ']';
      } else if constexpr (m.type == member_type::structure) {
        out = write_members(out, v);
      } else if constexpr (m.type == member_type::timestamp) {
        const iso8601_text text = format_iso8601(v);
        out = fmt::format_to(out, "{}", text.view());
      } else {
        static_assert(m.type == member_type::integer || m.type == member_type::long_integer ||
                          m.type == member_type::double_number || m.type == member_type::boolean,
                      "write_members: a member type without a spelling");
        out = fmt::format_to(out, "{}", v);  // digits; the shortest round-trip double; true / false
      }
    }
  });
  *out++ = '}';
  return out;
}

}  // namespace detail

SGWCHAP_END_NAMESPACE

namespace fmt {

// -- Plain values: they accept the string format spec ({:>40} and so on).

/// errc, field, profile, operation, iscsi_name_form, gateway_error_code: the name the library
/// gives the value (rule_name, field_name, profile_name, operation_name, ...).
template <class E>
struct formatter<E, char, std::enable_if_t<sgwchap::detail::named_enum<E>>> : sgwchap::detail::text_formatter {
  template <class FormatContext>
  auto format(E e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return write_text(sgwchap::detail::enum_name(e), ctx);
  }
};

/// The error's message (field, rule, bound, byte offset); never the input's bytes.
template <>
struct formatter<sgwchap::error> : sgwchap::detail::text_formatter {
  template <class FormatContext>
  auto format(const sgwchap::error& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    const sgwchap::error_message message = e.message();
    return write_text(message.view(), ctx);
  }
};

/// A CHAP secret: always `[redacted]`, whatever the spec.
template <>
struct formatter<sgwchap::chap_secret> : sgwchap::detail::text_formatter {
  template <class FormatContext>
  auto format(const sgwchap::chap_secret&, FormatContext& ctx) const -> decltype(ctx.out()) {
    return write_text(sgwchap::chap_secret::redacted, ctx);
  }
};

template <std::size_t N>
struct formatter<sgwchap::static_string<N>> : sgwchap::detail::text_formatter {
  template <class FormatContext>
  auto format(const sgwchap::static_string<N>& s, FormatContext& ctx) const -> decltype(ctx.out()) {
    return write_text(s.view(), ctx);
  }
};

/// SigV4 credentials (sigv4/credentials.hpp): always `[redacted]`, whatever the spec; the
/// access key id is available through `access_key_id()` where a program means to show it.
template <>
struct formatter<sgwchap::sigv4::credentials> : sgwchap::detail::text_formatter {
  template <class FormatContext>
  auto format(const sgwchap::sigv4::credentials&, FormatContext& ctx) const -> decltype(ctx.out()) {
    return write_text(sgwchap::sigv4::credentials::redacted, ctx);
  }
};

// -- Echoed text: terminal-safe.

template <>
struct formatter<sgwchap::escaped> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::escaped& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_escaped(ctx.out(), e.text, e.quoted);
  }
};

template <>
struct formatter<sgwchap::json_quoted> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::json_quoted& j, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_json_quoted(ctx.out(), j.text);
  }
};

template <>
struct formatter<sgwchap::caret_lines> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::caret_lines& c, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_caret_lines(ctx.out(), c);
  }
};

/// The message, the value and a caret (see sgwchap::error_with_input).
template <>
struct formatter<sgwchap::error_with_input> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const sgwchap::error_with_input& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "{}", e.err.message());
    if (sgwchap::is_secret_field(e.err.which)) return out;  // the bytes of a secret are never shown
    return fmt::format_to(out, "\n{}", sgwchap::caret_lines{e.input, e.err.offset, 2, 100});
  }
};

// Views and owning values of checked names: the value itself (validated, so printable ASCII
// under strict; aws_model values may hold any UTF-8 and are escaped).

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

// -- Requests, unchecked requests and results: the MODEL shape name and its members, from the
//    tables (operations.hpp); secrets always redacted.

template <class T>
struct formatter<T, char, std::enable_if_t<sgwchap::detail::described<T>>> : sgwchap::detail::fmt_no_spec {
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    return sgwchap::detail::write_members(ctx.out(), value);
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
struct formatter<sgwchap::decode_error> : sgwchap::detail::text_formatter {
  template <class FormatContext>
  auto format(const sgwchap::decode_error& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string message = e.message();
    return write_text(message, ctx);
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
