// sgwchap — the crypto the SigV4 signer needs, written against a pluggable SHA-256 (in the spirit
// of coreSigV4's SigV4CryptoInterface_t: the caller brings init/update/final). HMAC-SHA256 is built
// here on top of it (RFC 2104 §2), so the key material it derives is ours to wipe. No OpenSSL
// here: the OpenSSL adapter is sigv4/openssl.hpp.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <string_view>

#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace sigv4 {

inline constexpr std::size_t sha256_size = 32;        ///< FIPS 180-4 §1: a 256-bit digest
inline constexpr std::size_t sha256_block_size = 64;  ///< FIPS 180-4 §1: 512-bit blocks
using sha256_digest = std::array<unsigned char, sha256_size>;

/// A SHA-256 implementation (FIPS 180-4) the signer can use: `init()` starts a digest, `update()`
/// feeds bytes (any number of calls, `n` may be 0), `final(out)` writes the 32-byte digest to
/// `out`; after `final`, `init` starts the next one on the same object. Each returns false on
/// failure (the signer then reports errc::crypto_failure) and throws nothing. An object is used
/// by one thread at a time. sigv4/openssl.hpp's `openssl_sha256` is one; a test or an embedded
/// user can bring another.
template <class H>
concept sha256_hasher = requires(H& h, const unsigned char* bytes, std::size_t n, unsigned char* out) {
  { h.init() }
  noexcept->std::same_as<bool>;
  { h.update(bytes, n) }
  noexcept->std::same_as<bool>;
  { h.final(out) }
  noexcept->std::same_as<bool>;
};

namespace detail {

[[nodiscard]] inline const unsigned char* bytes_of(std::string_view s) noexcept {
  return reinterpret_cast<const unsigned char*>(s.data());  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}
[[nodiscard]] inline std::string_view chars_of(const sha256_digest& d) noexcept {
  return {reinterpret_cast<const char*>(d.data()), d.size()};  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

/// Lower-case hex of a digest (SigV4 writes every hash and the signature so).
[[nodiscard]] inline std::array<char, 2 * sha256_size> to_hex(const sha256_digest& d) noexcept {
  constexpr std::string_view digits = "0123456789abcdef";
  std::array<char, 2 * sha256_size> out{};
  for (std::size_t i = 0; i < d.size(); ++i) {
    out[2 * i] = digits[d[i] >> 4U];
    out[2 * i + 1] = digits[d[i] & 0xFU];
  }
  return out;
}

/// SHA-256 of the concatenation of `parts`.
template <sha256_hasher H>
[[nodiscard]] bool sha256(H& h, std::initializer_list<std::string_view> parts, sha256_digest& out) noexcept {
  bool ok = h.init();
  for (const std::string_view p : parts) ok = ok && h.update(bytes_of(p), p.size());
  return ok && h.final(out.data());
}

/// HMAC-SHA256 (RFC 2104 §2) with the key `key_prefix` + `key` (SigV4's first key is "AWS4" +
/// the secret access key: the two parts are never copied into one string) over the
/// concatenation of `message`. The padded key blocks and the inner digest are wiped before
/// returning; what stays in `h` after `final` is the outer digest's state, i.e. `out` itself.
template <sha256_hasher H>
[[nodiscard]] bool hmac_sha256(H& h, std::string_view key_prefix, std::string_view key,
                               std::initializer_list<std::string_view> message, sha256_digest& out) noexcept {
  unsigned char block[sha256_block_size] = {};
  unsigned char pad[sha256_block_size];
  sha256_digest inner{};
  bool ok = true;
  if (key_prefix.size() + key.size() > sha256_block_size) {
    // RFC 2104 §2: a key longer than the block is hashed first (zero-padded after its digest).
    ok = h.init() && h.update(bytes_of(key_prefix), key_prefix.size()) && h.update(bytes_of(key), key.size()) &&
         h.final(block);
  } else {
    if (!key_prefix.empty()) std::memcpy(block, key_prefix.data(), key_prefix.size());
    if (!key.empty()) std::memcpy(block + key_prefix.size(), key.data(), key.size());
  }
  for (std::size_t i = 0; i < sha256_block_size; ++i) pad[i] = static_cast<unsigned char>(block[i] ^ 0x36U);
  ok = ok && h.init() && h.update(pad, sizeof pad);
  for (const std::string_view m : message) ok = ok && h.update(bytes_of(m), m.size());
  ok = ok && h.final(inner.data());
  for (std::size_t i = 0; i < sha256_block_size; ++i) pad[i] = static_cast<unsigned char>(block[i] ^ 0x5CU);
  ok = ok && h.init() && h.update(pad, sizeof pad) && h.update(inner.data(), inner.size()) && h.final(out.data());
  secure_wipe(block, sizeof block);
  secure_wipe(pad, sizeof pad);
  secure_wipe(inner.data(), inner.size());
  return ok;
}

}  // namespace detail

/// A derived SigV4 signing key (kSigning): it signs for one day, region and service. Wiped on
/// destruction; not copyable.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
class signing_key {
 public:
  signing_key() noexcept = default;
  signing_key(const signing_key&) = delete;
  signing_key& operator=(const signing_key&) = delete;
  ~signing_key() { secure_wipe(key_.data(), key_.size()); }

  [[nodiscard]] const sha256_digest& reveal() const noexcept { return key_; }
  [[nodiscard]] sha256_digest& storage() noexcept { return key_; }

 private:
  sha256_digest key_{};
};

namespace detail {

/// kDate = HMAC("AWS4" + secret, yyyymmdd); kRegion = HMAC(kDate, region); kService =
/// HMAC(kRegion, service); kSigning = HMAC(kService, "aws4_request"). Every intermediate key is
/// wiped; `out` holds kSigning.
template <sha256_hasher H>
[[nodiscard]] bool derive_signing_key(H& h, std::string_view secret, std::string_view date, std::string_view region,
                                      std::string_view service, signing_key& out) noexcept {
  sha256_digest a{};
  sha256_digest b{};
  const bool ok = hmac_sha256(h, "AWS4", secret, {date}, a) && hmac_sha256(h, {}, chars_of(a), {region}, b) &&
                  hmac_sha256(h, {}, chars_of(b), {service}, a) &&
                  hmac_sha256(h, {}, chars_of(a), {"aws4_request"}, out.storage());
  secure_wipe(a.data(), a.size());
  secure_wipe(b.data(), b.size());
  return ok;
}

}  // namespace detail

}  // namespace sigv4

SGWCHAP_END_NAMESPACE
