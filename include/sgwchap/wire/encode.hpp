// sgwchap — the encoder (SMITHY-JSON, RFC 8259 §7): request bodies, HTTP requests, and the service's side
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

#include <sgwchap/detail/members.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/wire/detail/writer.hpp>
#include <sgwchap/wire/http_request.hpp>
#include <sgwchap/wire/secure_buffer.hpp>
#include <sgwchap/wire/service_error.hpp>
#include <sgwchap/wire/unchecked.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// What the encoder can write into: `std::string`, `secure_buffer`, or any type with this shape.
template <class Out>
concept body_sink = requires(Out& out, const char* p, std::size_t n, char c) {
  out.append(p, n);
  out.push_back(c);
  out.reserve(n);
  { out.size() } -> std::convertible_to<std::size_t>;
  { out.capacity() } -> std::convertible_to<std::size_t>;
};

namespace detail {

template <class Sink, class T>
requires described<T> SGWCHAP_DETAIL_ALWAYS_INLINE void write_body(Sink& out, const T& value, span_recorder* secrets);
template <class Sink, class T>
requires described<T> SGWCHAP_DETAIL_ALWAYS_INLINE void write_body(Sink& out, const T& value);

// -- the body of each type, written through any sink, member by member from its table --------

/// Writes one member (row `m`) of a bound type. A value that needs no escape by construction
/// (an iSCSI name of any profile: [0-9a-z:.-]; a strict target ARN: ASCII letters, digits and
/// `:/.;-`) is copied without a scan. A sensitive value's place is recorded in `secrets`.
template <class T, std::size_t I, class Sink, class V>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_member_value(Sink& out, bool& first, const V& v, span_recorder* secrets) {
  constexpr const member_info& m = row<T, I>();
  if constexpr (std::is_same_v<V, target_arn>) {
    if (v.checked_profile() == profile::strict) {
      write_clean_member(out, first, m.name, v.str());
    } else {
      write_member(out, first, m.name, v.str());
    }
  } else if constexpr (std::is_same_v<V, iscsi_name>) {
    write_clean_member(out, first, m.name, v.str());
  } else if constexpr (m.type == member_type::structure_list) {
    if (!v.has_value()) return;
    write_key(out, first, m.name);
    out.push_back('[');
    bool first_item = true;
    for (const auto& item : *v) {
      if (!first_item) out.push_back(',');
      first_item = false;
      write_body(out, item);  // nested secrets are never recorded: results are not sent
    }
    out.push_back(']');
  } else {
    const std::optional<std::string_view> text = text_of(v);
    if (text.has_value()) write_member(out, first, m.name, *text, m.sensitive ? secrets : nullptr);
  }
}

/// The JSON object of a bound type: its members in table order (MODEL order), absent ones left
/// out, compact. Always inlined, as each member is: the measuring pass then folds to little
/// more than the lengths of the values, and the writing pass to the stores.
template <class Sink, class T>
requires described<T> SGWCHAP_DETAIL_ALWAYS_INLINE void write_body(Sink& out, const T& value, span_recorder* secrets) {
  bool first = true;
  out.push_back('{');
  for_each_member(value,
                  [&](auto i, const auto& v) { write_member_value<T, decltype(i)::value>(out, first, v, secrets); });
  out.push_back('}');
}
template <class Sink, class T>
requires described<T> SGWCHAP_DETAIL_ALWAYS_INLINE void write_body(Sink& out, const T& value) {
  write_body(out, value, static_cast<span_recorder*>(nullptr));
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

/// Every string member of an unchecked request or a result (and of the elements of its
/// structure lists) is well-formed UTF-8: else invalid_utf8 with the member's field and the
/// offset in that string; inside a structure list, `detail` is the element's index.
template <class T>
requires described<T>
[[nodiscard]] result<void> check_body_utf8(const T& value, std::uint32_t index = 0) noexcept {
  result<void> found;
  for_each_member(value, [&](auto i, const auto& v) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if (!found.has_value()) return;
    if constexpr (m.type == member_type::structure_list) {
      if (!v.has_value()) return;
      std::uint32_t k = 0;
      for (const auto& item : *v) {
        found = check_body_utf8(item, k++);
        if (!found.has_value()) return;
      }
    } else if (const std::optional<std::string_view> text = text_of(v); text.has_value()) {
      found = check_json_utf8_sv(*text, m.which, index);
    }
  });
  return found;
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

template <class T>
inline constexpr bool is_service_body_v = operation_result<T> || std::is_same_v<T, service_error>;

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

/// Appends the JSON body of a checked request to `out` (SMITHY-JSON). A checked request is valid
/// UTF-8 by construction, so this cannot fail. May throw std::bad_alloc when `out` must grow.
template <class Request, body_sink Out>
requires detail::checked_request<Request>
void encode_body(const Request& request, Out& out) { detail::measure_and_write(request, out); }

/// Appends the JSON body of an unchecked request, a result or a service error. Refuses a string
/// that is not valid UTF-8 (invalid_utf8 with the member's field and the byte offset in that
/// string; for a Describe result `detail` is the ChapCredentials index), and then appends nothing.
template <class T, body_sink Out>
requires(detail::unchecked_request<T> || detail::is_service_body_v<T>)
    [[nodiscard]] result<void> encode_body(const T& value, Out& out) {
  if (auto ok = detail::check_body_utf8(value); !ok.has_value()) return ok;
  detail::measure_and_write(value, out);
  return {};
}

/// The body as a self-wiping buffer.
template <class Request>
requires detail::checked_request<Request>
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
  /// Derive the FIPS host `storagegateway-fips.<region>.<dnsSuffix>` (PARTITIONS).
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

/// The HTTP request of a checked request (SMITHY-JSON): `POST /`, Host (from the ARN's region and
/// partition, or `options.host`), Content-Type, X-Amz-Target, Content-Length, and the body in a
/// self-wiping buffer. May throw std::bad_alloc.
template <class Request>
requires detail::checked_request<Request>
[[nodiscard]] http_request to_http_request(const Request& request, const request_options& options = {}) {
  return detail::make_http_request(request, request.target_arn().str(), options);
}

/// The same for an unchecked request: refuses invalid UTF-8; without a TargetARN that has the
/// ARN structure, the Host header is absent unless `options.host` gives one.
template <class Request>
requires detail::unchecked_request<Request>
[[nodiscard]] result<http_request> to_http_request(const Request& request, const request_options& options = {}) {
  if (auto ok = detail::check_body_utf8(request); !ok.has_value()) return tl::unexpected(ok.error());
  return detail::make_http_request(request, request.target_arn.has_value() ? std::string_view(*request.target_arn) : "",
                                   options);
}

SGWCHAP_END_NAMESPACE
