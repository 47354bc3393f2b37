// sgwchap — the decoders (SPEC §3): responses, request bodies, service errors, and the one
// entry point a transport calls. boost::json::basic_parser with our handler: no DOM.
//
// Link Boost::json (Debian: libboost_json.so). This header never includes boost/json/src.hpp.
#pragma once

#include <bit>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>

#include <sgwchap/decode_error.hpp>
#include <sgwchap/detail/json_handler.hpp>
#include <sgwchap/detail/json_writer.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/http_request.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/service_error.hpp>

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

/// Runs the handler over `body`; on success `target` is filled. `handler_out` (optional) gets
/// the handler's extra findings (error bodies: names and messages).
template <class Target, class Inspect>
[[nodiscard]] std::optional<decode_error> run_decoder(std::string_view body, Target& target,
                                                      const decode_options& options, Inspect&& inspect) {
  if (body.size() > options.max_body_size) return too_large<Target>(options).error();
  if (body.empty()) return std::nullopt;  // SPEC §3: zero bytes is an output with no members
  boost::json::basic_parser<decode_handler<Target>> parser(parser_options(options), body, target, options);
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(false, body.data(), body.size(), ec);
  const auto& h = parser.handler();
  if (h.secret_left_in_parser_memory()) burn_stack();
  if (h.failed()) return h.failure();
  if (ec) {
    const std::size_t stop = find_stop(body, options);
    const utf8_scan scan = scan_utf8(body);
    if (!scan.ok && scan.error_offset <= stop) {
      return decode_error(make_error(errc::invalid_utf8, field::body, scan.error_offset, profile::aws_model),
                          h.container_pointer());
    }
    return decode_error(make_error(errc::malformed_json, field::body, stop, profile::aws_model), h.container_pointer());
  }
  if (used < body.size()) {
    return decode_error(make_error(errc::malformed_json, field::body, used, profile::aws_model), "");
  }
  inspect(h);
  return std::nullopt;
}

#if defined(__GNUC__) || defined(__clang__)
#define SGWCHAP_DETAIL_LAMBDA_INLINE __attribute__((always_inline))
#else
#define SGWCHAP_DETAIL_LAMBDA_INLINE
#endif

/// The first byte of `p[i..n)` that ends a plain run inside a JSON string: `"`, `\`, a control
/// byte (< 0x20) or a byte >= 0x80; `n` when there is none. 16 bytes at a time with SSE2.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE std::size_t next_string_stop(const char* p, std::size_t i,
                                                                        std::size_t n) noexcept {
#if SGWCHAP_DETAIL_SSE2
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned m = escape_bits16(v) | static_cast<unsigned>(_mm_movemask_epi8(v));
    if (m != 0) return i + static_cast<std::size_t>(std::countr_zero(m));
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '"' || c == '\\' || c < 0x20U || c >= 0x80U) return i;
  }
  return n;
}

/// The fast path of DescribeChapCredentials (SPEC §3): one pass over a body of the usual shape,
/// straight into `out`, no parser state, no positions. It accepts only this subset of JSON:
///   ws { ws } ws    or    ws { ws "ChapCredentials" ws : ws [ items ] ws } ws
/// where each item is an object whose members are the four chap_info keys (each at most once)
/// with string values free of escapes and of control bytes, in well-formed UTF-8. For every
/// body of that subset the exact decoder (basic_parser + decode_handler) gives the same result
/// and no error. Anything else (an escape, a number, null, an unknown or repeated key, bad
/// UTF-8, any syntax error, trailing bytes) returns false without judging the body: the caller
/// then discards `out` and runs the exact decoder, which finds the error, its offset and its
/// pointer. So no error path depends on this function. Secrets are copied from the body into
/// their chap_secret directly (no intermediate buffer; `\`-escaped ones take the exact path).
[[nodiscard]] inline bool fast_describe(std::string_view body, describe_chap_credentials_result& out) {
  const char* const p = body.data();
  const std::size_t n = body.size();
  std::size_t i = 0;
  // Compact bodies (the service's) have no white space: one compare settles the usual case.
  auto skip_ws = [&]() SGWCHAP_DETAIL_LAMBDA_INLINE {
    if (i < n && static_cast<unsigned char>(p[i]) <= 0x20U) [[unlikely]] {
      while (i < n && is_ws(p[i])) ++i;
    }
  };
  // A string starting at its opening quote `i`: [begin, end) of its bytes; i moves past the
  // closing quote. False for anything the subset leaves out.
  auto string = [&](std::size_t& begin, std::size_t& end) SGWCHAP_DETAIL_LAMBDA_INLINE {
    if (i >= n || p[i] != '"') return false;
    begin = i + 1;
    std::size_t j = begin;
    for (;;) {
      j = next_string_stop(p, j, n);
      if (j >= n) return false;
      const auto c = static_cast<unsigned char>(p[j]);
      if (c == '"') break;
      if (c < 0x80U) return false;  // an escape or a control byte
      const utf8_char u = decode_utf8(body, j);
      if (u.length == 0) return false;
      j += u.length;
    }
    end = j;
    i = j + 1;
    return true;
  };
  auto literal = [&](char c) SGWCHAP_DETAIL_LAMBDA_INLINE {
    skip_ws();
    if (i >= n || p[i] != c) return false;
    ++i;
    return true;
  };

  if (!literal('{')) return false;
  skip_ws();
  if (i < n && p[i] == '}') {
    ++i;
    skip_ws();
    return i == n;  // {}: no members
  }
  std::size_t b = 0;
  std::size_t e = 0;
  if (!string(b, e) || body.substr(b, e - b) != "ChapCredentials") return false;
  if (!literal(':') || !literal('[')) return false;
  std::vector<chap_info>& entries = out.chap_credentials.emplace();
  skip_ws();
  if (i < n && p[i] == ']') {
    ++i;
  } else {
    const std::size_t array_begin = i;
    chap_info first;  // read before the vector is sized from its length: one allocation in all
    for (;;) {
      if (!literal('{')) return false;
      // `first` is moved into the vector when the vector gets its capacity, and never named
      // again: every later entry is emplaced (clang-tidy cannot see the capacity invariant).
      chap_info& info = entries.capacity() == 0 ? first : entries.emplace_back();  // NOLINT(bugprone-use-after-move)
      skip_ws();
      if (i < n && p[i] == '}') {
        ++i;
      } else {
        unsigned seen = 0;
        for (;;) {
          // The key: one of the four names, compared in place with its closing quote (a name
          // has no `"` or `\`, so equal bytes mean an equal, unescaped key). Anything else
          // (an unknown key, an escaped one) goes to the exact path.
          if (i >= n || p[i] != '"' || n - i < 12) return false;
          unsigned bit = 0;
          switch (p[i + 1]) {
            case 'T':
              bit = swar::equal_at(body, i + 1, "TargetARN\"") ? 1U : 0U;
              i += 11;
              break;
            case 'I':
              bit = swar::equal_at(body, i + 1, "InitiatorName\"") ? 2U : 0U;
              i += 15;
              break;
            case 'S':
              if (swar::equal_at(body, i + 1, "SecretToAuthenticateInitiator\"")) {
                bit = 4U;
                i += 31;
              } else if (swar::equal_at(body, i + 1, "SecretToAuthenticateTarget\"")) {
                bit = 8U;
                i += 28;
              }
              break;
            default: break;
          }
          if (bit == 0 || (seen & bit) != 0) return false;  // unknown, escaped or repeated key
          seen |= bit;
          if (!literal(':')) return false;
          skip_ws();
          std::size_t vb = 0;
          std::size_t ve = 0;
          if (!string(vb, ve)) return false;
          const std::string_view value(p + vb, ve - vb);
          switch (bit) {
            case 1U: info.target_arn.emplace(value); break;
            case 2U: info.initiator_name.emplace(value); break;
            case 4U: info.secret_to_authenticate_initiator.emplace(chap_secret::unchecked(value)); break;
            default: info.secret_to_authenticate_target.emplace(chap_secret::unchecked(value)); break;
          }
          skip_ws();
          if (i < n && p[i] == ',') {
            ++i;
            skip_ws();
            continue;
          }
          if (i < n && p[i] == '}') {
            ++i;
            break;
          }
          return false;
        }
      }
      skip_ws();
      const bool more = i < n && p[i] == ',';
      if (!more && (i >= n || p[i] != ']')) return false;
      ++i;
      if (entries.capacity() == 0) {
        // Entries are alike: size the vector from the first one's bytes (at least 96, the
        // four keys' share alone, so a body reserves at most 1 entry per 96 bytes).
        const std::size_t bytes = i - array_begin < 96 ? 96 : i - array_begin;
        entries.reserve(more ? 2 + (n - i) / bytes : 1);
        entries.push_back(std::move(first));
      }
      if (!more) break;
    }
  }
  if (!literal('}')) return false;
  skip_ws();
  return i == n;
}

template <class T>
inline constexpr bool is_decodable_v =
    std::is_same_v<T, update_chap_credentials_result> || std::is_same_v<T, describe_chap_credentials_result> ||
    std::is_same_v<T, delete_chap_credentials_result> || std::is_same_v<T, unchecked_update_chap_credentials_request> ||
    std::is_same_v<T, unchecked_describe_chap_credentials_request> ||
    std::is_same_v<T, unchecked_delete_chap_credentials_request>;

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

/// Decodes a body into `T`: one of the three results, or one of the three unchecked requests
/// (request bodies refuse unknown top-level keys, SPEC §3). Rules of SPEC §3: one JSON object of
/// valid UTF-8 within the limits; unknown keys ignored (responses); null is absent; a known key
/// twice is duplicate_key; a known key of the wrong type is wrong_type (`detail`: the expected
/// kind, 1 string, 2 array, 3 object); zero bytes and `{}` have no members. Nothing is
/// validated (see `validate`). Allocates for the values; may throw std::bad_alloc.
template <class T>
requires detail::is_decodable_v<T>
[[nodiscard]] decode_result<T> decode_body(std::string_view body, const decode_options& options = {}) {
  T target{};
  if constexpr (std::is_same_v<T, describe_chap_credentials_result>) {
    // Depth 3 (body, array, entry) must be allowed, else the exact path reports nesting_too_deep.
    if (!body.empty() && body.size() <= options.max_body_size && options.max_depth >= 3) {
      if (detail::fast_describe(body, target)) return target;
      target = T{};  // not the usual shape: start over on the exact path (chap_secret wipes itself)
    }
  }
  if (auto failure = detail::run_decoder(body, target, options, [](const auto&) {}); failure.has_value()) {
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

/// A service error from what the transport received (SPEC §3). The name: the
/// `X-Amzn-Errortype` header, else the body's top-level `code`, else its `__type`, cleaned
/// (`clean_error_name`); a nested `__type` is not the name. The message: `message`, else
/// `Message`. `error.errorCode` and `error.errorDetails` when present. The body is read
/// leniently (a member of the wrong type is ignored, a repeated one keeps its first value). A
/// body that is not one JSON object within the limits still gives a service error:
/// `body_was_json` false, the name from the header only, and a sanitized excerpt as `message`.
template <class Headers>
[[nodiscard]] service_error decode_service_error(int status, const Headers& headers, std::string_view body,
                                                 const decode_options& options = {}) {
  service_error out;
  std::string code;
  std::string type;
  std::optional<std::string> message_caps;
  bool has_message = false;
  const auto failure = detail::run_decoder(body, out, options, [&](const auto& h) {
    code.assign(h.code_name());
    type.assign(h.type_name());
    message_caps = h.message_caps();
    has_message = h.has_message();
  });
  if (failure.has_value() || body.empty()) {
    out = service_error{};
    out.body_was_json = false;
    detail::append_sanitized_excerpt(out.message, body);
  } else if (!has_message && message_caps.has_value()) {
    out.message = std::move(*message_caps);
  }
  out.status = status;
  std::string_view raw_name;
  if (const auto header = detail::find_header(headers, "X-Amzn-Errortype"); header.has_value()) {
    raw_name = *header;
  }
  if (clean_error_name(raw_name).empty()) raw_name = code;
  if (clean_error_name(raw_name).empty()) raw_name = type;
  out.name = detail::sanitized_error_name(raw_name);
  return out;
}

[[nodiscard]] inline service_error decode_service_error(int status, std::initializer_list<header_view> headers,
                                                        std::string_view body, const decode_options& options = {}) {
  return decode_service_error<std::initializer_list<header_view>>(status, headers, body, options);
}

/// True for `application/x-amz-json-1.1`, any case, with or without parameters (`; charset=...`).
[[nodiscard]] constexpr bool is_amz_json_content_type(std::string_view value) noexcept {
  if (const auto semicolon = value.find(';'); semicolon != std::string_view::npos) value = value.substr(0, semicolon);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return detail::iequals(value, amz_json_content_type);
}

/// What `decode` gives when the exchange itself was understood: the operation's result or the
/// service's error.
using response = std::variant<update_chap_credentials_result, describe_chap_credentials_result,
                              delete_chap_credentials_result, service_error>;

/// The transport's one call. A status outside 200..299, or an `X-Amzn-Errortype` header, gives
/// a `service_error` (never a decode_error: even a proxy's HTML page is one). Otherwise the
/// Content-Type must be `application/x-amz-json-1.1` (parameters tolerated; it may be absent
/// only when the body is empty), else bad_content_type (field Content-Type, offset 0); then the
/// body is decoded as `op`'s result.
template <class Headers>
[[nodiscard]] tl::expected<response, decode_error> decode(operation op, int status, const Headers& headers,
                                                          std::string_view body, const decode_options& options = {}) {
  // Each answer is built in place inside the expected, never as a temporary `response` moved in:
  // destroying such a temporary visits every alternative, and GCC 12 at -O2/-O3 then reports
  // -Wmaybe-uninitialized for the optionals of the alternatives it does not hold, in every
  // caller's build (the std::optional false positive tracked as GCC PR 80635,
  // https://gcc.gnu.org/bugzilla/show_bug.cgi?id=80635).
  if (status < 200 || status > 299 || detail::find_header(headers, "X-Amzn-Errortype").has_value()) {
    return tl::expected<response, decode_error>(tl::in_place, std::in_place_type<service_error>,
                                                decode_service_error(status, headers, body, options));
  }
  const auto content_type = detail::find_header(headers, "Content-Type");
  if (content_type.has_value() ? !is_amz_json_content_type(*content_type) : !body.empty()) {
    return tl::unexpected(
        decode_error(detail::make_error(errc::bad_content_type, field::content_type, 0, profile::aws_model), ""));
  }
  auto wrap = [](auto decoded) -> tl::expected<response, decode_error> {
    if (!decoded.has_value()) return tl::unexpected(std::move(decoded.error()));
    return tl::expected<response, decode_error>(tl::in_place, std::move(*decoded));
  };
  switch (op) {
    case operation::update_chap_credentials: return wrap(decode_update_chap_credentials_response(body, options));
    case operation::describe_chap_credentials: return wrap(decode_describe_chap_credentials_response(body, options));
    case operation::delete_chap_credentials: return wrap(decode_delete_chap_credentials_response(body, options));
  }
  return wrap(decode_update_chap_credentials_response(body, options));
}

[[nodiscard]] inline tl::expected<response, decode_error> decode(operation op, int status,
                                                                 std::initializer_list<header_view> headers,
                                                                 std::string_view body,
                                                                 const decode_options& options = {}) {
  return decode<std::initializer_list<header_view>>(op, status, headers, body, options);
}

SGWCHAP_END_NAMESPACE
