// sgwchap — the encoder (SMITHY-JSON, RFC 8259 §7): request bodies, HTTP requests, and the service's side
// (results and error bodies, for test doubles and round trips). Compact JSON, MODEL member
// order, RFC 8259 escaping, non-ASCII kept as UTF-8; numbers exact (RFC 8259 §6): integers in
// decimal, doubles in the shortest form that reads back the same, timestamps as epoch seconds
// to the nanosecond (timestamp.hpp format_epoch_seconds). Needs no Boost.JSON.
//
// Allocation: `encode_body` measures the body first, reserves once, then writes; it allocates
// nothing when `out` already has the room, and it never leaves a secret behind in a freed
// block (the only growth happens before any byte is written). Pass a `secure_buffer` to get a
// copy that wipes itself; a `std::string` is the caller's to wipe (`secure_wipe`).
#pragma once

#include <array>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

#include <sgwchap/detail/members.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/resource_arn.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/timestamp.hpp>
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

/// Writes `s` quoted, as is: for a value that needs no escape by construction (see
/// write_clean_member). Both passes take its size as is.
template <class Sink>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_clean_string(Sink& out, std::string_view s) {
  out.push_back('"');
  out.append(s.data(), s.size());
  out.push_back('"');
}

/// One element of a string list: a std::string (escaped), or a checked ARN (resource_arn.hpp),
/// copied as is when it passed strict (ASCII letters, digits and `:/_-`), else escaped.
template <class Sink, class E>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_list_element(Sink& out, const E& element) {
  if constexpr (is_resource_arn_v<E>) {
    if (element.checked_profile() == profile::strict) {
      write_clean_string(out, element.str());
    } else {
      write_string(out, element.str());
    }
  } else {
    write_string(out, std::string_view(element));
  }
}

/// Writes a JSON number (RFC 8259 §6) from the characters std::to_chars gives: integers in
/// decimal; a double in the shortest form that reads back to the same double (a finite one:
/// check_body_values refuses the others first). At most 24 characters (-2.2250738585072014e-308).
template <class Sink, class N>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_number(Sink& out, N n) {
  char buffer[32];
  const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, static_cast<std::size_t>(r.ptr - buffer));  // the buffer always has room
}

/// Writes one member (row `m`) of a bound type, by the row's type (SMITHY-JSON: each MODEL
/// type's JSON form); an absent member is left out. A value that needs no escape by construction
/// (an iSCSI name of any profile: [0-9a-z:.-]; a strict target, gateway, volume or VTL device
/// ARN: ASCII letters, digits and `:/.;_-`) is copied without a scan. A sensitive value's place
/// is recorded in `secrets`.
template <class T, std::size_t I, class Sink, class V>
SGWCHAP_DETAIL_ALWAYS_INLINE void write_member_value(Sink& out, bool& first, const V& v, span_recorder* secrets) {
  constexpr const member_info& m = row<T, I>();
  if constexpr (m.type == member_type::string) {
    if constexpr (std::is_same_v<V, target_arn> || is_resource_arn_v<V>) {
      if (v.checked_profile() == profile::strict) {
        write_clean_member(out, first, m.name, v.str());
      } else {
        write_member(out, first, m.name, v.str());
      }
    } else if constexpr (std::is_same_v<V, iscsi_name>) {
      write_clean_member(out, first, m.name, v.str());
    } else {
      const std::optional<std::string_view> text = text_of(v);
      if (text.has_value()) write_member(out, first, m.name, *text, m.sensitive ? secrets : nullptr);
    }
  } else if constexpr (m.type == member_type::structure_list || m.type == member_type::string_list) {
    const auto* list = present_value(v);
    if (list == nullptr) return;
    write_key(out, first, m.name);
    out.push_back('[');
    bool first_item = true;
    for (const auto& item : *list) {
      if (!first_item) out.push_back(',');
      first_item = false;
      if constexpr (m.type == member_type::structure_list) {
        write_body(out, item);  // nested secrets are never recorded: results are not sent
      } else {
        write_list_element(out, item);
      }
    }
    out.push_back(']');
  } else if constexpr (m.type == member_type::structure) {
    const auto* nested = present_value(v);
    if (nested == nullptr) return;
    write_key(out, first, m.name);
    write_body(out, *nested);
  } else {
    const auto* value = present_value(v);
    if (value == nullptr) return;
    write_key(out, first, m.name);
    if constexpr (m.type == member_type::boolean) {
      if (*value) {
        out.append("true", 4);
      } else {
        out.append("false", 5);
      }
    } else if constexpr (m.type == member_type::timestamp) {
      const epoch_seconds_text text = format_epoch_seconds(*value);
      out.append(text.data(), text.size());
    } else {
      static_assert(
          m.type == member_type::integer || m.type == member_type::long_integer || m.type == member_type::double_number,
          "write_member_value: a member type without a JSON form");
      write_number(out, *value);
    }
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

/// What the encoder cannot write as JSON in an unchecked request or a result (and in the
/// elements of its lists and its nested structures), by each row's type: a string (a member, or
/// an element of a string list) that is not well-formed UTF-8 (RFC 8259 §8.1) is invalid_utf8
/// with the member's field and the offset in that string; a double that is NaN or infinite
/// (RFC 8259 §6 has neither) is number_out_of_range with the member's field, offset 0. `detail`
/// is the index of the string list element, else of the structure list element the member is in
/// (0 at the top level). The first problem in member order. No allocation.
template <class T>
requires described<T>
[[nodiscard]] result<void> check_body_values(const T& value, std::uint32_t index = 0) noexcept {
  result<void> found;
  for_each_member(value, [&](auto i, const auto& v) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if (!found.has_value()) return;
    if constexpr (m.type == member_type::structure_list) {
      const auto* list = present_value(v);
      if (list == nullptr) return;
      std::uint32_t k = 0;
      for (const auto& item : *list) {
        found = check_body_values(item, k++);
        if (!found.has_value()) return;
      }
    } else if constexpr (m.type == member_type::string_list) {
      const auto* list = present_value(v);
      if (list == nullptr) return;
      std::uint32_t k = 0;
      for (const auto& item : *list) {
        if constexpr (!is_resource_arn_v<std::remove_cvref_t<decltype(item)>>) {  // a checked ARN is UTF-8
          found = check_json_utf8_sv(item, m.which, k);
          if (!found.has_value()) return;
        }
        ++k;
      }
    } else if constexpr (m.type == member_type::structure) {
      if (const auto* nested = present_value(v); nested != nullptr) found = check_body_values(*nested, index);
    } else if constexpr (m.type == member_type::double_number) {
      if (const auto* d = present_value(v); d != nullptr && !std::isfinite(*d)) {
        found = tl::unexpected(
            make_error(errc::number_out_of_range, m.which, 0, profile::aws_model, 0, length_unit::bytes, index));
      }
    } else if constexpr (m.type == member_type::string) {
      if (const std::optional<std::string_view> text = text_of(v); text.has_value()) {
        found = check_json_utf8_sv(*text, m.which, index);
      }
    }
    // integer, long_integer, boolean, timestamp: every value has a JSON form.
  });
  return found;
}
[[nodiscard]] inline result<void> check_body_values(const service_error& e) noexcept {
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

/// Appends the JSON body of an unchecked request, a result or a service error. Refuses what JSON
/// cannot carry (check_body_values: a string that is not valid UTF-8, invalid_utf8 with the
/// member's field and the byte offset in that string; a NaN or infinite double,
/// number_out_of_range with the member's field; `detail` the index of the list element it is
/// in), and then appends nothing.
template <class T, body_sink Out>
requires(detail::unchecked_request<T> || detail::is_service_body_v<T>)
    [[nodiscard]] result<void> encode_body(const T& value, Out& out) {
  if (auto ok = detail::check_body_values(value); !ok.has_value()) return ok;
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
  /// Host header to use instead of the one derived from the request's ARN (a VPC endpoint, a
  /// test server). Empty: derive `storagegateway[-fips].<region>.<dnsSuffix>` from the ARN.
  std::string_view host{};
  /// Derive the FIPS host `storagegateway-fips.<region>.<dnsSuffix>` (PARTITIONS).
  bool fips{false};
};

namespace detail {

/// The row of the member whose ARN names the endpoint: the first whose rule is target_arn,
/// gateway_arn or volume_arn (of a list: its first element), or members.size().
[[nodiscard]] constexpr std::size_t host_row(const shape_info& s) noexcept {
  std::size_t i = 0;
  while (i < s.members.size() && s.members[i].rule != value_rule::target_arn &&
         s.members[i].rule != value_rule::gateway_arn && s.members[i].rule != value_rule::volume_arn) {
    ++i;
  }
  return i;
}

/// The ARN text that names the endpoint of a request (host_row's value, or its list's first
/// element); empty when the request has none (absent, or an empty list).
template <class T>
[[nodiscard]] std::string_view host_arn_text(const T& request) noexcept {
  constexpr const shape_info& shape = *shape_of<T>;
  constexpr std::size_t r = host_row(shape);
  if constexpr (r == shape.members.size()) {
    (void)request;
    return {};
  } else {
    const auto members = members_of(request);
    const auto* value = present_value(std::get<r>(members));
    if (value == nullptr) return {};
    if constexpr (shape.members[r].type == member_type::string_list) {
      return value->empty() ? std::string_view{} : element_text(value->front());
    } else {
      return element_text(*value);
    }
  }
}

/// The endpoint host of a gateway, volume or VTL device ARN that has the structure, else empty.
template <resource_kind K>
[[nodiscard]] constexpr endpoint_host resource_host(const resource_arn_view<K>& view, bool fips) noexcept {
  if (!view.has_structure()) return {};
  return make_endpoint_host<endpoint_host>(fips ? fips_endpoint_label : endpoint_label, view.region(),
                                           find_partition(view.partition()));
}

/// `storagegateway[-fips].<region>.<dnsSuffix>` (PARTITIONS) of `arn`, read under aws_model by
/// the row's rule; empty when it does not have the ARN structure.
[[nodiscard]] inline endpoint_host derive_host(value_rule rule, std::string_view arn,
                                               const request_options& options) noexcept {
  switch (rule) {
    case value_rule::target_arn:
      if (const auto view = parse_target_arn(arn, profile::aws_model); view.has_value()) {
        return options.fips ? (*view).fips_host() : (*view).host();
      }
      break;
    case value_rule::gateway_arn:
      if (const auto view = parse_gateway_arn(arn, profile::aws_model); view.has_value()) {
        return resource_host(*view, options.fips);
      }
      break;
    case value_rule::volume_arn:
      if (const auto view = parse_volume_arn(arn, profile::aws_model); view.has_value()) {
        return resource_host(*view, options.fips);
      }
      break;
    default: break;  // host_row names no other rule
  }
  return {};
}

template <class T>
[[nodiscard]] http_request make_http_request(const T& value, const request_options& options) {
  secure_buffer body;
  std::array<body_span, http_request::max_secret_spans> spans{};
  span_recorder recorder{spans.data(), 0};
  measure_and_write(value, body, &recorder);
  constexpr const shape_info& shape = *shape_of<T>;
  constexpr std::size_t r = host_row(shape);
  endpoint_host derived;
  if constexpr (r < shape.members.size()) {
    if (options.host.empty()) derived = derive_host(shape.members[r].rule, host_arn_text(value), options);
  }
  return http_request(operation_name(T::op), std::move(body), spans, recorder.count,
                      options.host.empty() ? derived.view() : options.host);
}
}  // namespace detail

/// The HTTP request of a checked request (SMITHY-JSON): `POST /`, Host (from the region and
/// partition of the ARN that names the endpoint: the TargetARN of the CHAP calls, the GatewayARN
/// of ListVolumes and DescribeVTLDevices, the first VolumeARN of DescribeStorediSCSIVolumes and
/// DescribeCachediSCSIVolumes; or `options.host`), Content-Type, X-Amz-Target, Content-Length,
/// and the body in a self-wiping buffer. An ARN checked under aws_model only, without the ARN
/// structure (or an empty VolumeARNs list), gives no Host unless `options.host` does. May throw
/// std::bad_alloc.
template <class Request>
requires detail::checked_request<Request>
[[nodiscard]] http_request to_http_request(const Request& request, const request_options& options = {}) {
  static_assert(detail::host_row(*shape_of<Request>) < shape_of<Request>->members.size(),
                "to_http_request: the request has no member whose ARN names the endpoint");
  return detail::make_http_request(request, options);
}

/// The same for an unchecked request: refuses what check_body_values refuses (invalid UTF-8, a
/// non-finite number); without an ARN that has the ARN structure in that member, the Host
/// header is absent unless `options.host` gives one.
template <class Request>
requires detail::unchecked_request<Request>
[[nodiscard]] result<http_request> to_http_request(const Request& request, const request_options& options = {}) {
  if (auto ok = detail::check_body_values(request); !ok.has_value()) return tl::unexpected(ok.error());
  return detail::make_http_request(request, options);
}

SGWCHAP_END_NAMESPACE
