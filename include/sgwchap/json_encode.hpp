// sgwchap — the encoder (SPEC §2, §3): request bodies, HTTP requests, and the service's side
// (results and error bodies, for test doubles and round trips). Compact JSON, MODEL member
// order, RFC 8259 escaping, non-ASCII kept as UTF-8. Needs no Boost.JSON.
//
// Allocation: `encode_body` measures the body first, reserves once, then writes; it allocates
// nothing when `out` already has the room, and it never leaves a secret behind in a freed
// block (the only growth happens before any byte is written). Pass a `secure_buffer` to get a
// copy that wipes itself; a `std::string` is the caller's to wipe (`secure_wipe`).
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include <sgwchap/detail/json_writer.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/http_request.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/secure_buffer.hpp>
#include <sgwchap/service_error.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace detail {

// -- the body of each type, written through any sink -----------------------------------------

/// A checked target ARN: under `strict` its grammar leaves nothing to escape (`aws_model`
/// accepts any UTF-8, so it is scanned).
template <class Sink>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_arn_member(Sink& out, bool& first, const target_arn& arn) {
  if (arn.checked_profile() == profile::strict) {
    write_clean_member(out, first, "TargetARN", arn.str());
  } else {
    write_member(out, first, "TargetARN", arn.str());
  }
}

template <class Sink>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_body(Sink& out, const update_chap_credentials_request& r,
                                             span_recorder* secrets = nullptr) {
  bool first = true;
  out.push_back('{');
  write_arn_member(out, first, r.target_arn());
  write_member(out, first, "SecretToAuthenticateInitiator", r.secret_to_authenticate_initiator().reveal(), secrets);
  write_clean_member(out, first, "InitiatorName", r.initiator_name().str());
  if (const chap_secret* t = r.secret_to_authenticate_target(); t != nullptr) {
    write_member(out, first, "SecretToAuthenticateTarget", t->reveal(), secrets);
  }
  out.push_back('}');
}

template <class Sink>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_body(Sink& out, const describe_chap_credentials_request& r,
                                             span_recorder* = nullptr) {
  bool first = true;
  out.push_back('{');
  write_arn_member(out, first, r.target_arn());
  out.push_back('}');
}

template <class Sink>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_body(Sink& out, const delete_chap_credentials_request& r,
                                             span_recorder* = nullptr) {
  bool first = true;
  out.push_back('{');
  write_arn_member(out, first, r.target_arn());
  write_clean_member(out, first, "InitiatorName", r.initiator_name().str());
  out.push_back('}');
}

template <class Sink>
void write_optional(Sink& out, bool& first, std::string_view key, const std::optional<std::string>& v) {
  if (v.has_value()) write_member(out, first, key, *v);
}
template <class Sink>
void write_optional(Sink& out, bool& first, std::string_view key, const std::optional<chap_secret>& v,
                    span_recorder* secrets) {
  if (v.has_value()) write_member(out, first, key, v->reveal(), secrets);
}

template <class Sink>
void write_body(Sink& out, const unchecked_update_chap_credentials_request& r, span_recorder* secrets = nullptr) {
  bool first = true;
  out.push_back('{');
  write_optional(out, first, "TargetARN", r.target_arn);
  write_optional(out, first, "SecretToAuthenticateInitiator", r.secret_to_authenticate_initiator, secrets);
  write_optional(out, first, "InitiatorName", r.initiator_name);
  write_optional(out, first, "SecretToAuthenticateTarget", r.secret_to_authenticate_target, secrets);
  out.push_back('}');
}

template <class Sink>
void write_body(Sink& out, const unchecked_describe_chap_credentials_request& r, span_recorder* = nullptr) {
  bool first = true;
  out.push_back('{');
  write_optional(out, first, "TargetARN", r.target_arn);
  out.push_back('}');
}

template <class Sink>
void write_body(Sink& out, const unchecked_delete_chap_credentials_request& r, span_recorder* = nullptr) {
  bool first = true;
  out.push_back('{');
  write_optional(out, first, "TargetARN", r.target_arn);
  write_optional(out, first, "InitiatorName", r.initiator_name);
  out.push_back('}');
}

template <class Sink, class Result>
requires std::is_same_v<Result, update_chap_credentials_result> ||
    std::is_same_v<Result, delete_chap_credentials_result>
void write_body(Sink& out, const Result& r, span_recorder* = nullptr) {
  bool first = true;
  out.push_back('{');
  write_optional(out, first, "TargetARN", r.target_arn);
  write_optional(out, first, "InitiatorName", r.initiator_name);
  out.push_back('}');
}

template <class Sink>
void write_body(Sink& out, const describe_chap_credentials_result& r, span_recorder* = nullptr) {
  bool first = true;
  out.push_back('{');
  if (r.chap_credentials.has_value()) {
    write_key(out, first, "ChapCredentials");
    out.push_back('[');
    bool first_item = true;
    for (const chap_info& info : *r.chap_credentials) {
      if (!first_item) out.push_back(',');
      first_item = false;
      bool first_member = true;
      out.push_back('{');
      write_optional(out, first_member, "TargetARN", info.target_arn);
      write_optional(out, first_member, "SecretToAuthenticateInitiator", info.secret_to_authenticate_initiator,
                     nullptr);
      write_optional(out, first_member, "InitiatorName", info.initiator_name);
      write_optional(out, first_member, "SecretToAuthenticateTarget", info.secret_to_authenticate_target, nullptr);
      out.push_back('}');
    }
    out.push_back(']');
  }
  out.push_back('}');
}

/// `{"__type":NAME,"message":MESSAGE,"error":{"errorCode":CODE,"errorDetails":{...}}}`, each
/// part only when present (an empty name or message is absent). The status is not in the body.
template <class Sink>
void write_body(Sink& out, const service_error& e, span_recorder* = nullptr) {
  bool first = true;
  out.push_back('{');
  if (!e.name.empty()) write_member(out, first, "__type", e.name);
  if (!e.message.empty()) write_member(out, first, "message", e.message);
  if (e.error_code.has_value() || !e.error_details.empty()) {
    write_key(out, first, "error");
    bool first_inner = true;
    out.push_back('{');
    if (e.error_code.has_value()) write_member(out, first_inner, "errorCode", e.error_code->str());
    if (!e.error_details.empty()) {
      write_key(out, first_inner, "errorDetails");
      bool first_detail = true;
      out.push_back('{');
      for (const auto& [key, value] : e.error_details) {
        if (!first_detail) out.push_back(',');
        first_detail = false;
        write_string(out, key);
        out.push_back(':');
        write_string(out, value);
      }
      out.push_back('}');
    }
    out.push_back('}');
  }
  out.push_back('}');
}

// -- UTF-8 checks of the types whose strings nobody validated --------------------------------

[[nodiscard]] constexpr result<void> check_json_utf8_sv(std::string_view s, field which,
                                                        std::uint32_t index = 0) noexcept {
  const utf8_scan scan = scan_utf8(s);
  if (scan.ok) return {};
  return tl::unexpected(
      make_error(errc::invalid_utf8, which, scan.error_offset, profile::aws_model, 0, length_unit::bytes, index));
}
[[nodiscard]] inline result<void> check_json_utf8(const std::optional<std::string>& s, field which,
                                                  std::uint32_t index = 0) noexcept {
  return s.has_value() ? check_json_utf8_sv(*s, which, index) : result<void>{};
}
[[nodiscard]] inline result<void> check_json_utf8(const std::optional<chap_secret>& s, field which,
                                                  std::uint32_t index = 0) noexcept {
  return s.has_value() ? check_json_utf8_sv(s->reveal(), which, index) : result<void>{};
}

#define SGWCHAP_TRY_UTF8(...)                       \
  do {                                              \
    auto sgwchap_r_ = check_json_utf8(__VA_ARGS__); \
    if (!sgwchap_r_.has_value()) return sgwchap_r_; \
  } while (false)

[[nodiscard]] inline result<void> check_body_utf8(const unchecked_update_chap_credentials_request& r) noexcept {
  SGWCHAP_TRY_UTF8(r.target_arn, field::target_arn);
  SGWCHAP_TRY_UTF8(r.secret_to_authenticate_initiator, field::secret_to_authenticate_initiator);
  SGWCHAP_TRY_UTF8(r.initiator_name, field::initiator_name);
  SGWCHAP_TRY_UTF8(r.secret_to_authenticate_target, field::secret_to_authenticate_target);
  return {};
}
[[nodiscard]] inline result<void> check_body_utf8(const unchecked_describe_chap_credentials_request& r) noexcept {
  return check_json_utf8(r.target_arn, field::target_arn);
}
[[nodiscard]] inline result<void> check_body_utf8(const unchecked_delete_chap_credentials_request& r) noexcept {
  SGWCHAP_TRY_UTF8(r.target_arn, field::target_arn);
  return check_json_utf8(r.initiator_name, field::initiator_name);
}
template <class Result>
requires std::is_same_v<Result, update_chap_credentials_result> ||
    std::is_same_v<Result, delete_chap_credentials_result>
[[nodiscard]] result<void> check_body_utf8(const Result& r) noexcept {
  SGWCHAP_TRY_UTF8(r.target_arn, field::target_arn);
  return check_json_utf8(r.initiator_name, field::initiator_name);
}
/// `detail` of the error is the ChapCredentials index.
[[nodiscard]] inline result<void> check_body_utf8(const describe_chap_credentials_result& r) noexcept {
  if (!r.chap_credentials.has_value()) return {};
  std::uint32_t i = 0;
  for (const chap_info& info : *r.chap_credentials) {
    SGWCHAP_TRY_UTF8(info.target_arn, field::target_arn, i);
    SGWCHAP_TRY_UTF8(info.secret_to_authenticate_initiator, field::secret_to_authenticate_initiator, i);
    SGWCHAP_TRY_UTF8(info.initiator_name, field::initiator_name, i);
    SGWCHAP_TRY_UTF8(info.secret_to_authenticate_target, field::secret_to_authenticate_target, i);
    ++i;
  }
  return {};
}
[[nodiscard]] inline result<void> check_body_utf8(const service_error& e) noexcept {
  std::array<std::string_view, 3> parts{e.name, e.message,
                                        e.error_code.has_value() ? std::string_view(e.error_code->str()) : ""};
  for (const auto part : parts) {
    if (auto r = check_json_utf8_sv(part, field::body); !r.has_value()) return r;
  }
  for (const auto& [key, value] : e.error_details) {
    if (auto r = check_json_utf8_sv(key, field::body); !r.has_value()) return r;
    if (auto r = check_json_utf8_sv(value, field::body); !r.has_value()) return r;
  }
  return {};
}
#undef SGWCHAP_TRY_UTF8

template <class T>
inline constexpr bool is_checked_request_v =
    std::is_same_v<T, update_chap_credentials_request> || std::is_same_v<T, describe_chap_credentials_request> ||
    std::is_same_v<T, delete_chap_credentials_request>;

template <class T>
inline constexpr bool is_unchecked_request_v = std::is_same_v<T, unchecked_update_chap_credentials_request> ||
                                               std::is_same_v<T, unchecked_describe_chap_credentials_request> ||
                                               std::is_same_v<T, unchecked_delete_chap_credentials_request>;

template <class T>
inline constexpr bool is_service_body_v =
    std::is_same_v<T, update_chap_credentials_result> || std::is_same_v<T, describe_chap_credentials_result> ||
    std::is_same_v<T, delete_chap_credentials_result> || std::is_same_v<T, service_error>;

/// Outputs the second pass can size up front and then write through a raw pointer.
template <class Out>
concept resizable_sink = requires(Out& out, std::size_t n) {
  out.resize(n);
  { out.data() } -> std::same_as<char*>;
};

/// Two passes: measure (8 bytes at a time), grow once, write. A `std::string` is resized to the
/// exact size and written through a pointer; other sinks get `append` calls into the reserved
/// room. Either way nothing is reallocated once a byte of the body is written.
template <class T, class Out>
void measure_and_write(const T& value, Out& out, span_recorder* secrets = nullptr) {
  counting_sink counter;
  write_body(counter, value);
  reserve_more(out, counter.n);
  if constexpr (resizable_sink<Out>) {
    const std::size_t start = out.size();
    out.resize(start + counter.n);
    pointer_sink sink{out.data(), out.data() + start};
    write_body(sink, value, secrets);
  } else {
    write_body(out, value, secrets);
  }
}

}  // namespace detail

/// Appends the JSON body of a checked request to `out` (SPEC §2-3). A checked request is valid
/// UTF-8 by construction, so this cannot fail. May throw std::bad_alloc when `out` must grow.
template <class Request, body_sink Out>
requires detail::is_checked_request_v<Request>
void encode_body(const Request& request, Out& out) { detail::measure_and_write(request, out); }

/// Appends the JSON body of an unchecked request, a result or a service error. Refuses a string
/// that is not valid UTF-8 (invalid_utf8 with the member's field and the byte offset in that
/// string; for a Describe result `detail` is the ChapCredentials index), and then appends nothing.
template <class T, body_sink Out>
requires(detail::is_unchecked_request_v<T> || detail::is_service_body_v<T>)
    [[nodiscard]] result<void> encode_body(const T& value, Out& out) {
  if (auto ok = detail::check_body_utf8(value); !ok.has_value()) return ok;
  detail::measure_and_write(value, out);
  return {};
}

/// The body as a self-wiping buffer.
template <class Request>
requires detail::is_checked_request_v<Request>
[[nodiscard]] secure_buffer encode_body(const Request& request) {
  secure_buffer out;
  encode_body(request, out);
  return out;
}

/// Options of `to_http_request`.
struct request_options {
  /// Host header to use instead of the one derived from the target ARN (a VPC endpoint, a test
  /// server). Empty: derive `storagegateway[-fips].<region>.<dnsSuffix>` from the ARN.
  std::string_view host{};
  /// Derive the FIPS host `storagegateway-fips.<region>.<dnsSuffix>` (SPEC §2).
  bool fips{false};
};

namespace detail {
[[nodiscard]] inline endpoint_host derive_host(std::string_view arn, const request_options& options) noexcept {
  const auto view = parse_target_arn(arn, profile::aws_model);
  if (!view.has_value()) return {};
  return options.fips ? (*view).fips_host() : (*view).host();
}

template <class T>
[[nodiscard]] http_request make_http_request(const T& value, std::string_view arn, const request_options& options) {
  secure_buffer body;
  std::array<body_span, http_request::max_secret_spans> spans{};
  span_recorder recorder{spans.data(), 0};
  measure_and_write(value, body, &recorder);
  const endpoint_host derived = options.host.empty() ? derive_host(arn, options) : endpoint_host{};
  return http_request(operation_name(T::op), std::move(body), spans, recorder.count,
                      options.host.empty() ? derived.view() : options.host);
}
}  // namespace detail

/// The HTTP request of a checked request (SPEC §2): `POST /`, Host (from the ARN's region and
/// partition, or `options.host`), Content-Type, X-Amz-Target, Content-Length, and the body in a
/// self-wiping buffer. May throw std::bad_alloc.
template <class Request>
requires detail::is_checked_request_v<Request>
[[nodiscard]] http_request to_http_request(const Request& request, const request_options& options = {}) {
  return detail::make_http_request(request, request.target_arn().str(), options);
}

/// The same for an unchecked request: refuses invalid UTF-8; without a TargetARN that has the
/// ARN structure, the Host header is absent unless `options.host` gives one.
template <class Request>
requires detail::is_unchecked_request_v<Request>
[[nodiscard]] result<http_request> to_http_request(const Request& request, const request_options& options = {}) {
  if (auto ok = detail::check_body_utf8(request); !ok.has_value()) return tl::unexpected(ok.error());
  return detail::make_http_request(request, request.target_arn.has_value() ? std::string_view(*request.target_arn) : "",
                                   options);
}

SGWCHAP_END_NAMESPACE
