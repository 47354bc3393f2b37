// sgwchap — SigV4 signing (target sgwchap::sigv4, OpenSSL's libcrypto): signs the HTTP request
// of a Storage Gateway call, or any HTTP request, with no I/O.
//
//   auto creds = sgwchap::sigv4::credentials::make(key_id, secret, session_token);
//   sgwchap::http_request http = sgwchap::to_http_request(request);            // json.hpp
//   auto ok = sgwchap::sigv4::sign(http, *creds, sgwchap::sigv4::storage_gateway_scope(request),
//                                  std::chrono::system_clock::now());
//
// sign() adds X-Amz-Date, X-Amz-Security-Token (with a session token) and Authorization; it signs
// Content-Type, Host, X-Amz-Date, X-Amz-Target (and the token) over the SHA-256 of the body's
// exact bytes. canonical_request() and string_to_sign() show what was signed, for debugging a
// SignatureDoesNotMatch (the token shown as [redacted]).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
//
// Each function here uses OpenSSL (sigv4/openssl.hpp); sigv4/signer.hpp has the same functions
// taking any SHA-256 implementation (sigv4/crypto.hpp's sha256_hasher) as their first argument.
#pragma once

#include <chrono>
#include <concepts>
#include <string>

#include <sgwchap/error.hpp>
#include <sgwchap/sigv4/credentials.hpp>
#include <sgwchap/sigv4/crypto.hpp>
#include <sgwchap/sigv4/openssl.hpp>
#include <sgwchap/sigv4/request.hpp>
#include <sgwchap/sigv4/signer.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/wire/http_request.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace sigv4 {

/// Requests that name a target ARN: the checked Storage Gateway requests (requests.hpp).
template <class Request>
concept has_target_arn = requires(const Request& r) {
  { r.target_arn() } -> std::same_as<const target_arn&>;
};

/// The scope of a Storage Gateway call: the region of the request's target ARN, service
/// `storagegateway`. The region is a view into `request`, which must outlive the scope. An ARN
/// without the ARN structure (possible under aws_model) gives an empty region, which signing
/// refuses (missing_member, field region).
template <has_target_arn Request>
[[nodiscard]] signing_scope storage_gateway_scope(const Request& request) noexcept {
  return {request.target_arn().view().region(), storage_gateway_service};
}

/// canonical_request (signer.hpp) with OpenSSL's SHA-256.
template <signable_request R, class Duration>
[[nodiscard]] result<std::string> canonical_request(const R& req, const credentials& creds,
                                                    std::chrono::sys_time<Duration> t,
                                                    const signing_options& options = {}) {
  openssl_sha256 h;
  return canonical_request(h, req, creds, t, options);
}

/// string_to_sign (signer.hpp) with OpenSSL's SHA-256.
template <signable_request R, class Duration>
[[nodiscard]] result<std::string> string_to_sign(const R& req, const credentials& creds, const signing_scope& scope,
                                                 std::chrono::sys_time<Duration> t,
                                                 const signing_options& options = {}) {
  openssl_sha256 h;
  return string_to_sign(h, req, creds, scope, t, options);
}

/// authorization (signer.hpp) with OpenSSL's SHA-256.
template <signable_request R, class Duration>
[[nodiscard]] result<std::string> authorization(const R& req, const credentials& creds, const signing_scope& scope,
                                                std::chrono::sys_time<Duration> t,
                                                const signing_options& options = {}) {
  openssl_sha256 h;
  return authorization(h, req, creds, scope, t, options);
}

/// sign (signer.hpp) with OpenSSL's SHA-256: a sigv4::request or an http_request.
template <class Req, class Duration>
requires(std::same_as<Req, request> || std::same_as<Req, http_request>)
    [[nodiscard]] result<void> sign(Req& req, const credentials& creds, const signing_scope& scope,
                                    std::chrono::sys_time<Duration> t, const signing_options& options = {}) {
  openssl_sha256 h;
  return sign(h, req, creds, scope, t, options);
}

/// Signs the HTTP request of a checked Storage Gateway request (`to_http_request(request)`)
/// in the region of its target ARN, service `storagegateway`.
template <has_target_arn Request, class Duration>
[[nodiscard]] result<void> sign(http_request& http, const credentials& creds, const Request& request,
                                std::chrono::sys_time<Duration> t, const signing_options& options = {}) {
  return sign(http, creds, storage_gateway_scope(request), t, options);
}

}  // namespace sigv4

SGWCHAP_END_NAMESPACE
