// Group "sign" (issue 15): SigV4-sign the HTTP request of the documented UpdateChapCredentials
// call (include/sgwchap/sigv4.hpp, OpenSSL 3.0's libcrypto), without and with a session token.
//   sgwchap      sign an http_request (the steady state: its signing headers replaced in place)
//   crypto_only  the SHA-256 and HMAC work of one signature alone, on the same bytes: SHA-256 of
//                the body and of the canonical request, the four HMACs of the key derivation
//                and the signature's HMAC (one OpenSSL context, as sign() uses)
//   encode_sign  to_http_request + sign: a fresh request each time
//   encode_only  to_http_request alone
// The table's ratio for crypto_only is crypto_only / sign: the share of a signature that is
// SHA-256; crypto_only / encode_sign is the share of an encode + sign. No targets.
// libcrypto's own allocations are counted too (CRYPTO_set_mem_functions, set before OpenSSL's
// first allocation).
#include <chrono>
#include <cstdlib>
#include <string>

#include <openssl/crypto.h>

#include <sgwchap/json.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/sigv4.hpp>

#include "common.hpp"

namespace {

namespace s4 = sgwchap::sigv4;

const bool openssl_counted = [] {
  // 0 when OpenSSL already allocated: then its allocations go uncounted, and the context says so.
  const int ok =
      CRYPTO_set_mem_functions([](std::size_t n, const char*, int) { return bench::counting_malloc(n); },
                               [](void* p, std::size_t n, const char*, int) { return bench::counting_realloc(p, n); },
                               [](void* p, const char*, int) { bench::counting_free(p); });
  return bench::add_context("sign: libcrypto allocations counted", ok == 1 ? "yes" : "no");
}();

constexpr std::string_view token =
    "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE"
    "EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPL"
    "EEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMP"
    "LEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE==";
constexpr std::chrono::sys_seconds when{std::chrono::seconds{1700000000}};

sgwchap::update_chap_credentials_request built() {
  const bench::update_input& in = bench::example_input();
  auto r = sgwchap::update_chap_credentials_request::from_strings(in.target_arn, in.initiator_name, in.initiator_secret,
                                                                  in.target_secret);
  if (!r.has_value()) std::abort();  // bench::check_inputs guarantees the input passes
  return std::move(*r);
}

s4::credentials credentials_for(const benchmark::State& state) {
  auto c = s4::credentials::make("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                                 state.range(0) == 0 ? std::string_view{} : token);
  if (!c.has_value()) std::abort();
  return std::move(*c);
}

void BM_sign(benchmark::State& state) {
  const auto request = built();
  const auto creds = credentials_for(state);
  sgwchap::http_request http = sgwchap::to_http_request(request);
  if (!s4::sign(http, creds, request, when).has_value()) std::abort();  // the headers exist from here on
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    auto ok = s4::sign(http, creds, request, when);
    benchmark::DoNotOptimize(ok);
  }
}

void BM_crypto_only(benchmark::State& state) {
  const auto request = built();
  const auto creds = credentials_for(state);
  const sgwchap::http_request http = sgwchap::to_http_request(request);
  // The bytes sign() hashes: the canonical request with the real token, the string to sign.
  std::string canonical = *s4::canonical_request(http, creds, when);
  if (const std::size_t at = canonical.find("[redacted]"); at != std::string::npos) {
    canonical.replace(at, 10, creds.reveal_session_token());
  }
  const std::string to_sign = *s4::string_to_sign(http, creds, s4::storage_gateway_scope(request), when);
  const std::string_view body = http.body().view();
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    s4::openssl_sha256 h;
    s4::sha256_digest d{};
    bool ok = s4::detail::sha256(h, {body}, d) && s4::detail::sha256(h, {canonical}, d);
    s4::signing_key key;
    ok = ok && s4::detail::derive_signing_key(h, creds.reveal_secret_access_key(), "20231114", "us-east-1",
                                              "storagegateway", key);
    ok = ok && s4::detail::hmac_sha256(h, {}, s4::detail::chars_of(key.reveal()), {to_sign}, d);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(d.data());
  }
}

void BM_encode_sign(benchmark::State& state) {
  const auto request = built();
  const auto creds = credentials_for(state);
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    sgwchap::http_request http = sgwchap::to_http_request(request);
    auto ok = s4::sign(http, creds, request, when);
    benchmark::DoNotOptimize(ok);
  }
}

void BM_encode_only(benchmark::State& state) {
  const auto request = built();
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    sgwchap::http_request http = sgwchap::to_http_request(request);
    benchmark::DoNotOptimize(http.body().data());
  }
}

void tokens(benchmark::internal::Benchmark* b) { b->ArgNames({"token"})->Arg(0)->Arg(1); }

BENCHMARK(BM_sign)->Name("sign/sgwchap")->Apply(tokens);
BENCHMARK(BM_crypto_only)->Name("sign/crypto_only")->Apply(tokens);
BENCHMARK(BM_encode_sign)->Name("sign/encode_sign")->Apply(tokens);
BENCHMARK(BM_encode_only)->Name("sign/encode_only")->Apply(tokens);

}  // namespace
