// sgwchap — the general HTTP request the SigV4 signer signs: method, raw path, raw query string,
// an ordered header list (duplicate names and folded multi-line values allowed) and the body.
// http_request (the Storage Gateway calls) is signed through the same model (sigv4.hpp).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sgwchap/version.hpp>
#include <sgwchap/wire/http_request.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace sigv4 {

/// What the signer reads: views into a request that must outlive the call.
///   method  as sent, e.g. "POST" (compared as is: HTTP methods are case-sensitive, RFC 9110 §9.1);
///   path    the request-target's path as sent on the wire ("" means "/"), without the query;
///   query   the query string as sent, without the `?` ("" for none);
///   headers in order; names in any case; values as sent (surrounding whitespace and obs-fold
///           line breaks, RFC 9112 §5.2, are allowed: the canonical form trims and joins them);
///   body    the exact bytes whose SHA-256 is signed.
struct request_view {
  std::string_view method{};
  std::string_view path{};
  std::string_view query{};
  std::span<const http_header> headers{};
  std::string_view body{};
};

/// An owning general request. `sign()` adds (or replaces) its X-Amz-Date, X-Amz-Security-Token
/// and Authorization headers. Copying may throw only std::bad_alloc.
struct request {
  std::string method;
  std::string path{"/"};
  std::string query;
  std::vector<http_header> headers;
  std::string body;

  [[nodiscard]] request_view view() const noexcept { return {method, path, query, headers, body}; }

  /// The value of the first header named `name` (case-insensitive), or nullopt.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const noexcept {
    for (const auto& h : headers) {
      if (sgwchap::detail::iequals(h.name, name)) return std::string_view(h.value);
    }
    return std::nullopt;
  }

  /// Replaces the first header named `name` (case-insensitive) in place and removes any later
  /// ones, or appends the header. May throw std::bad_alloc.
  void set_header(std::string_view name, std::string_view value) {
    bool found = false;
    for (auto it = headers.begin(); it != headers.end();) {
      if (!sgwchap::detail::iequals(it->name, name)) {
        ++it;
      } else if (!found) {
        it->value.assign(value);
        found = true;
        ++it;
      } else {
        it = headers.erase(it);
      }
    }
    if (!found) headers.push_back({std::string(name), std::string(value)});
  }
};

/// The view of a Storage Gateway request: `POST /`, no query, its headers and its body.
[[nodiscard]] inline request_view view_of(const http_request& r) noexcept {
  return {http_request::method(), http_request::path(), {}, r.headers(), r.body().view()};
}

}  // namespace sigv4

SGWCHAP_END_NAMESPACE
