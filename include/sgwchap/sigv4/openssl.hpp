// sgwchap — the SigV4 signer's SHA-256 on OpenSSL's libcrypto (OpenSSL 3.0: EVP_MD_fetch,
// EVP_DigestInit_ex2/Update/Final_ex, none deprecated; https://www.openssl.org/docs/man3.0/man3/EVP_DigestInit.html).
// Header-only: link libcrypto (CMake target sgwchap::sigv4, pkg-config sgwchap-sigv4).
#pragma once

#include <cstddef>

#include <openssl/evp.h>

#include <sgwchap/sigv4/crypto.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace sigv4 {

/// SHA-256 through one EVP_MD_CTX, reused for every digest of a signing. (OpenSSL 3.0's
/// EVP_DigestInit_ex2 still frees and re-creates the provider's digest context on every init,
/// one malloc per digest, even with a NULL type; the allocation-free SHA256_Init family is
/// deprecated in 3.0. Measured: 13 libcrypto allocations per signature, benchmarks/bench_sign.cpp.) The algorithm is
/// fetched once per process (EVP_MD_fetch: an explicit fetch, which OpenSSL 3.0 recommends over the implicit one of
/// EVP_sha256() on every init; see the "Performance" section of https://www.openssl.org/docs/man3.0/man7/crypto.html)
/// and kept for the process's lifetime. EVP_MD_CTX_free wipes the digest state (the default provider frees it with
/// OPENSSL_clear_free). Not copyable; one thread at a time.
class openssl_sha256 {
 public:
  openssl_sha256() noexcept : ctx_(EVP_MD_CTX_new()) {}
  openssl_sha256(const openssl_sha256&) = delete;
  openssl_sha256& operator=(const openssl_sha256&) = delete;
  ~openssl_sha256() { EVP_MD_CTX_free(ctx_); }

  [[nodiscard]] bool init() noexcept {
    const EVP_MD* md = algorithm();
    return ctx_ != nullptr && md != nullptr && EVP_DigestInit_ex2(ctx_, md, nullptr) == 1;
  }
  [[nodiscard]] bool update(const unsigned char* bytes, std::size_t n) noexcept {
    return n == 0 || EVP_DigestUpdate(ctx_, bytes, n) == 1;
  }
  [[nodiscard]] bool final(unsigned char* out) noexcept {
    unsigned int size = 0;
    return EVP_DigestFinal_ex(ctx_, out, &size) == 1 && size == sha256_size;
  }

 private:
  [[nodiscard]] static const EVP_MD* algorithm() noexcept {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    return md;
  }
  EVP_MD_CTX* ctx_;
};

static_assert(sha256_hasher<openssl_sha256>);

}  // namespace sigv4

SGWCHAP_END_NAMESPACE
