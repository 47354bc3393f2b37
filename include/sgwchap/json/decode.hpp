// sgwchap — the decoders (SMITHY-JSON, RFC 8259; docs/sources.md): responses, request bodies, service errors, and the
// one entry point a transport calls. boost::json::basic_parser with our handler: no DOM.
//
// Link Boost::json (Debian: libboost_json.so). This header never includes boost/json/src.hpp.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>

#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/json/detail/error_body.hpp>
#include <sgwchap/json/detail/fast_path.hpp>
#include <sgwchap/json/detail/handler.hpp>
#include <sgwchap/json/options.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/wire/decode_error.hpp>
#include <sgwchap/wire/http_request.hpp>
#include <sgwchap/wire/service_error.hpp>
#include <sgwchap/wire/unchecked.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// A header as the caller holds it; `decode` also takes any range of elements with
/// `.name`/`.value` or `.first`/`.second` (std::map, std::vector<std::pair<...>>, http_header).
struct header_view {
  std::string_view name;
  std::string_view value;
};

namespace detail {

/// Accepts everything: used to find where a body stops being JSON.
struct null_handler {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  using sv = boost::json::string_view;
  using ec_t = boost::system::error_code;
  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }
  bool on_object_begin(ec_t&) { return true; }
  bool on_object_end(std::size_t, ec_t&) { return true; }
  bool on_array_begin(ec_t&) { return true; }
  bool on_array_end(std::size_t, ec_t&) { return true; }
  bool on_key_part(sv, std::size_t, ec_t&) { return true; }
  bool on_key(sv, std::size_t, ec_t&) { return true; }
  bool on_string_part(sv, std::size_t, ec_t&) { return true; }
  bool on_string(sv, std::size_t, ec_t&) { return true; }
  bool on_number_part(sv, ec_t&) { return true; }
  bool on_int64(std::int64_t, sv, ec_t&) { return true; }
  bool on_uint64(std::uint64_t, sv, ec_t&) { return true; }
  bool on_double(double, sv, ec_t&) { return true; }
  bool on_bool(bool, ec_t&) { return true; }
  bool on_null(ec_t&) { return true; }
  bool on_comment_part(sv, ec_t&) { return true; }
  bool on_comment(sv, ec_t&) { return true; }
};

[[nodiscard]] inline boost::json::parse_options parser_options(const decode_options& options) noexcept {
  boost::json::parse_options opt;
  // One more than ours: our handler reports nesting_too_deep (with offset and pointer) first.
  opt.max_depth = options.max_depth + 1;
  return opt;
}

/// Where parsing stops: the offset of the first byte the parser cannot accept, or body.size()
/// when the body ends too early. Error path only: feeds 64-byte chunks with `more = true` (the
/// parser suspends instead of failing at a chunk's end), then re-feeds the failing chunk byte
/// by byte from a fresh parser: two parses and at most 64 single-byte writes.
[[nodiscard]] inline std::size_t find_stop(std::string_view body, const decode_options& options) {
  constexpr std::size_t chunk = 64;
  boost::system::error_code ec;
  std::size_t good = 0;
  {
    boost::json::basic_parser<null_handler> probe(parser_options(options));
    while (good < body.size()) {
      const std::size_t n = body.size() - good < chunk ? body.size() - good : chunk;
      const std::size_t used = probe.write_some(true, body.data() + good, n, ec);
      if (ec) break;
      if (used < n) return good + used;  // the document ended: extra data starts here
      good += n;
    }
    if (!ec) return body.size();
  }
  boost::json::basic_parser<null_handler> probe(parser_options(options));
  ec = {};
  if (good > 0) (void)probe.write_some(true, body.data(), good, ec);
  for (std::size_t i = good; i < body.size(); ++i) {
    const std::size_t used = probe.write_some(true, body.data() + i, 1, ec);
    if (ec || used < 1) return i;
  }
  return body.size();
}

/// basic_parser unescapes a string with escapes in a buffer on its stack. After a secret went
/// through it, overwrite that much stack (best effort: the callee frames sit below ours).
[[gnu::noinline]] inline void burn_stack() noexcept {
  unsigned char area[4 * BOOST_JSON_STACK_BUFFER_SIZE];
  secure_wipe(area, sizeof area);
}

template <class Target>
[[nodiscard]] decode_result<Target> too_large(const decode_options& options) {
  const auto limit =
      static_cast<std::uint32_t>(options.max_body_size > 0xFFFFFFFFU ? 0xFFFFFFFFU : options.max_body_size);
  return tl::unexpected(decode_error(
      make_error(errc::body_too_large, field::body, options.max_body_size, profile::aws_model, limit), ""));
}

/// Where the exact decoder failed when basic_parser refused the body: invalid_utf8 at the first
/// bad byte when it comes no later than where parsing stops, else malformed_json there.
[[nodiscard]] inline decode_error parse_failure(std::string_view body, const decode_options& options,
                                                std::string pointer) {
  const std::size_t stop = find_stop(body, options);
  const utf8_scan scan = scan_utf8(body);
  // A lone surrogate escape (\ud800) is JSON text, but no string of Unicode scalar values:
  // invalid_utf8 at its backslash, like a bad byte (basic_parser stops a little after it).
  std::size_t bad = scan.ok ? std::string_view::npos : scan.error_offset;
  if (const std::size_t lone = find_lone_surrogate(body, stop + 1); lone < bad) bad = lone;
  if (bad != std::string_view::npos && bad <= stop) {
    return decode_error(make_error(errc::invalid_utf8, field::body, bad, profile::aws_model), std::move(pointer));
  }
  return decode_error(make_error(errc::malformed_json, field::body, stop, profile::aws_model), std::move(pointer));
}

/// The exact decoder: basic_parser with decode_handler over `body` into `target`, an object of
/// the type `root` binds. One function for every bound type (not a template), so the parser's
/// code exists once in a program. Nothing on success.
[[nodiscard]] inline std::optional<decode_error> run_exact_decoder(std::string_view body, const object_binding& root,
                                                                   void* target, bool request_body,
                                                                   const decode_options& options) {
  boost::json::basic_parser<decode_handler> parser(parser_options(options), body, root, target, request_body, options);
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(false, body.data(), body.size(), ec);
  const decode_handler& h = parser.handler();
  if (h.secret_left_in_parser_memory()) burn_stack();
  if (h.failed()) return h.failure();
  if (ec) return parse_failure(body, options, h.container_pointer());
  if (used < body.size()) {
    return decode_error(make_error(errc::malformed_json, field::body, used, profile::aws_model), "");
  }
  return std::nullopt;
}

/// The exact decoder for a bound result or unchecked request.
template <class Target>
[[nodiscard]] std::optional<decode_error> run_decoder(std::string_view body, Target& target,
                                                      const decode_options& options) {
  if (body.size() > options.max_body_size) return too_large<Target>(options).error();
  if (body.empty()) return std::nullopt;  // zero bytes is an output with no members
  return run_exact_decoder(body, binding_of<Target>, static_cast<void*>(&target), unchecked_request<Target>, options);
}

/// The nesting depth of a body of shape `s` at its deepest (objects and arrays), for the fast
/// path's depth check.
[[nodiscard]] constexpr std::size_t shape_depth(const shape_info& s) noexcept {
  std::size_t deepest = 1;
  for (const member_info& m : s.members) {
    std::size_t d = 1;
    if (m.type == member_type::structure_list) d = 1 + shape_depth(*m.element) + 1;  // the array, then its objects
    if (m.type == member_type::structure) d = 1 + shape_depth(*m.element);
    if (m.type == member_type::string_list) d = 2;
    deepest = d > deepest ? d : deepest;
  }
  return deepest;
}

template <class T>
concept decodable = operation_result<T> || unchecked_request<T>;

template <class H>
[[nodiscard]] std::string_view header_name(const H& h) noexcept {
  if constexpr (requires { h.name; })
    return h.name;
  else
    return h.first;
}
template <class H>
[[nodiscard]] std::string_view header_value(const H& h) noexcept {
  if constexpr (requires { h.value; })
    return h.value;
  else
    return h.second;
}

template <class Headers>
[[nodiscard]] std::optional<std::string_view> find_header(const Headers& headers, std::string_view name) noexcept {
  for (const auto& h : headers) {
    if (iequals(header_name(h), name)) return header_value(h);
  }
  return std::nullopt;
}

}  // namespace detail

/// Decodes a body into `T`: an operation's result, or an unchecked request (a request body
/// refuses unknown top-level keys). The rules (README "Decoding"; docs/sources.md SMITHY-JSON,
/// RFC 8259): one JSON object of valid UTF-8 within the limits; unknown keys ignored
/// (responses); null is absent; a known key twice is duplicate_key; a known key of the wrong type
/// is wrong_type (`detail`: the expected kind, 1 string, 2 array, 3 object); zero bytes and `{}`
/// have no members. Nothing is validated (see `validate`). Allocates for the values; may throw
/// std::bad_alloc.
template <class T>
requires detail::decodable<T>
[[nodiscard]] decode_result<T> decode_body(std::string_view body, const decode_options& options = {}) {
  T target{};
  // The usual shape takes the fast path (json/detail/fast_path.hpp); the exact path must then
  // allow its depth, else it would report nesting_too_deep.
  constexpr std::size_t depth = detail::shape_depth(*shape_of<T>);  // a constant, not a walk per call
  if (!body.empty() && body.size() <= options.max_body_size && options.max_depth >= depth) {
    if (detail::fast_decode(body, target)) return target;
    target = T{};  // not the usual shape: start over on the exact path (chap_secret wipes itself)
  }
  if (auto failure = detail::run_decoder(body, target, options); failure.has_value()) {
    return tl::unexpected(std::move(*failure));
  }
  return target;
}

[[nodiscard]] inline decode_result<update_chap_credentials_result> decode_update_chap_credentials_response(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<update_chap_credentials_result>(body, options);
}
[[nodiscard]] inline decode_result<describe_chap_credentials_result> decode_describe_chap_credentials_response(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<describe_chap_credentials_result>(body, options);
}
[[nodiscard]] inline decode_result<delete_chap_credentials_result> decode_delete_chap_credentials_response(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<delete_chap_credentials_result>(body, options);
}
[[nodiscard]] inline decode_result<unchecked_update_chap_credentials_request> decode_update_chap_credentials_request(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<unchecked_update_chap_credentials_request>(body, options);
}
[[nodiscard]] inline decode_result<unchecked_describe_chap_credentials_request>
decode_describe_chap_credentials_request(std::string_view body, const decode_options& options = {}) {
  return decode_body<unchecked_describe_chap_credentials_request>(body, options);
}
[[nodiscard]] inline decode_result<unchecked_delete_chap_credentials_request> decode_delete_chap_credentials_request(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<unchecked_delete_chap_credentials_request>(body, options);
}

[[nodiscard]] inline decode_result<list_volumes_result> decode_list_volumes_response(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<list_volumes_result>(body, options);
}
[[nodiscard]] inline decode_result<unchecked_list_volumes_request> decode_list_volumes_request(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<unchecked_list_volumes_request>(body, options);
}
[[nodiscard]] inline decode_result<describe_stored_iscsi_volumes_result> decode_describe_stored_iscsi_volumes_response(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<describe_stored_iscsi_volumes_result>(body, options);
}
[[nodiscard]] inline decode_result<unchecked_describe_stored_iscsi_volumes_request>
decode_describe_stored_iscsi_volumes_request(std::string_view body, const decode_options& options = {}) {
  return decode_body<unchecked_describe_stored_iscsi_volumes_request>(body, options);
}
[[nodiscard]] inline decode_result<describe_cached_iscsi_volumes_result> decode_describe_cached_iscsi_volumes_response(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<describe_cached_iscsi_volumes_result>(body, options);
}
[[nodiscard]] inline decode_result<unchecked_describe_cached_iscsi_volumes_request>
decode_describe_cached_iscsi_volumes_request(std::string_view body, const decode_options& options = {}) {
  return decode_body<unchecked_describe_cached_iscsi_volumes_request>(body, options);
}
[[nodiscard]] inline decode_result<describe_vtl_devices_result> decode_describe_vtl_devices_response(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<describe_vtl_devices_result>(body, options);
}
[[nodiscard]] inline decode_result<unchecked_describe_vtl_devices_request> decode_describe_vtl_devices_request(
    std::string_view body, const decode_options& options = {}) {
  return decode_body<unchecked_describe_vtl_devices_request>(body, options);
}

/// A service error from what the transport received (SMITHY-JSON errors, APIREF-Errors).
/// - The name: the body's top-level `__type`, else its `code`, else the `X-Amzn-Errortype`
///   header (up to its first `,`: a proxy may join repeated headers), cleaned by
///   `clean_error_name`; a nested `__type` is not the name. (botocore reads `__type` alone; the
///   JavaScript SDK v3 reads the header first: the body, which the service writes, wins here.)
/// - The message: `message`, else `Message`. `error.errorCode` and `error.errorDetails` when
///   present. Members of the wrong type are ignored. Every string kept is valid UTF-8: a byte
///   that is not (or a lone surrogate escape) becomes U+FFFD, and the rest of the error stays.
/// - A key read twice in its object (`__type`, `code`, `message`, `Message`, `error`,
///   `errorCode`, `errorDetails` or a detail) is refused as in any other body: duplicate_key at
///   the repeated key, with its JSON Pointer. The caller still has the status it passed.
/// - A body that is not one JSON object within the limits still gives a service error:
///   `body_was_json` false, the name from the header only, and a sanitized excerpt as `message`.
/// Allocates; may throw std::bad_alloc.
template <class Headers>
[[nodiscard]] decode_result<service_error> decode_service_error(int status, const Headers& headers,
                                                                std::string_view body,
                                                                const decode_options& options = {}) {
  service_error out;
  std::string code;
  std::string type;
  std::optional<std::string> message_caps;
  bool has_message = false;
  bool was_json = !body.empty() && body.size() <= options.max_body_size;
  if (was_json) {
    // basic_parser refuses a lone surrogate escape: read a copy with each as \ufffd (the same
    // length, so every offset stays), which then decodes to U+FFFD.
    // No `\u` escape (the usual body): nothing to look for.
    std::string patched;
    std::string_view text = body;
    if (body.find("\\u") != std::string_view::npos) {
      for (std::size_t at = detail::find_lone_surrogate(text, text.size()); at != std::string_view::npos;
           at = detail::find_lone_surrogate(text, text.size())) {
        if (patched.empty()) patched.assign(body);
        patched.replace(at, 6, "\\ufffd");
        text = patched;
      }
    }
    boost::json::parse_options parse = detail::parser_options(options);
    parse.allow_invalid_utf8 = true;  // inside strings only: they are sanitized when kept
    boost::json::basic_parser<detail::error_body_handler> parser(parse, text, out, options);
    boost::system::error_code ec;
    const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    detail::error_body_handler& h = parser.handler();
    if (h.refused().has_value()) return tl::unexpected(*h.refused());
    was_json = !ec && !h.failed() && used == text.size();
    if (was_json) {
      code = std::move(h.code_name());
      type = std::move(h.type_name());
      message_caps = std::move(h.message_caps());
      has_message = h.has_message();
    }
  }
  if (!was_json) {
    out = service_error{};
    out.body_was_json = false;
    detail::append_sanitized_excerpt(out.message, body);
  } else if (!has_message && message_caps.has_value()) {
    out.message = std::move(*message_caps);
  }
  out.status = status;
  std::string_view raw_name = type;
  if (clean_error_name(raw_name).empty()) raw_name = code;
  if (clean_error_name(raw_name).empty()) {
    if (const auto header = detail::find_header(headers, "X-Amzn-Errortype"); header.has_value()) {
      raw_name = header->substr(0, header->find(','));
    }
  }
  out.name = detail::sanitized_error_name(raw_name);
  return out;
}

[[nodiscard]] inline decode_result<service_error> decode_service_error(int status,
                                                                       std::initializer_list<header_view> headers,
                                                                       std::string_view body,
                                                                       const decode_options& options = {}) {
  return decode_service_error<std::initializer_list<header_view>>(status, headers, body, options);
}

/// True for `application/x-amz-json-1.1`, any case, with or without parameters (`; charset=...`).
[[nodiscard]] constexpr bool is_amz_json_content_type(std::string_view value) noexcept {
  if (const auto semicolon = value.find(';'); semicolon != std::string_view::npos) value = value.substr(0, semicolon);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return detail::iequals(value, amz_json_content_type);
}

namespace detail {
template <std::size_t... I>
auto response_of(std::index_sequence<I...>)
    -> std::variant<typename operation_types<static_cast<operation>(I)>::result..., service_error>;
}  // namespace detail

/// What `decode` gives when the exchange itself was understood: the operation's result or the
/// service's error (one alternative per operation, in `operation` order, then service_error).
using response = decltype(detail::response_of(std::make_index_sequence<operations.size()>{}));

/// The transport's one call. A status outside 200..299, or an `X-Amzn-Errortype` header, gives
/// a `service_error` (never a decode_error: even a proxy's HTML page is one). Otherwise the
/// Content-Type must be `application/x-amz-json-1.1` (parameters tolerated; it may be absent
/// only when the body is empty), else bad_content_type (field Content-Type, offset 0); then the
/// body is decoded as `op`'s result.
template <class Headers>
[[nodiscard]] tl::expected<response, decode_error> decode(operation op, int status, const Headers& headers,
                                                          std::string_view body, const decode_options& options = {}) {
  if (status < 200 || status > 299 || detail::find_header(headers, "X-Amzn-Errortype").has_value()) {
    auto e = decode_service_error(status, headers, body, options);
    if (!e.has_value()) return tl::unexpected(std::move(e.error()));
    // Built in place: a response temporary moved into the result is destroyed as a variant, and
    // GCC 12 -O2 then warns (-Wmaybe-uninitialized) about the alternatives it does not hold.
    return tl::expected<response, decode_error>(tl::in_place, std::in_place_type<service_error>, std::move(*e));
  }
  const auto content_type = detail::find_header(headers, "Content-Type");
  if (content_type.has_value() ? !is_amz_json_content_type(*content_type) : !body.empty()) {
    return tl::unexpected(
        decode_error(detail::make_error(errc::bad_content_type, field::content_type, 0, profile::aws_model), ""));
  }
  tl::expected<response, decode_error> out = tl::unexpected(decode_error());
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto one = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
      if (static_cast<std::size_t>(op) != J) return;
      using R = typename operation_types<static_cast<operation>(J)>::result;
      auto decoded = decode_body<R>(body, options);
      if (decoded.has_value()) {
        out = response(std::in_place_type<R>, std::move(*decoded));
      } else {
        out = tl::unexpected(std::move(decoded.error()));
      }
    };
    (one(std::integral_constant<std::size_t, I>{}), ...);
  }
  (std::make_index_sequence<operations.size()>{});
  return out;
}

[[nodiscard]] inline tl::expected<response, decode_error> decode(operation op, int status,
                                                                 std::initializer_list<header_view> headers,
                                                                 std::string_view body,
                                                                 const decode_options& options = {}) {
  return decode<std::initializer_list<header_view>>(op, status, headers, body, options);
}

SGWCHAP_END_NAMESPACE
