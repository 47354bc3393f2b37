// sgwchap — AWS credentials for SigV4 signing: an access key id, a secret access key and an
// optional session token (https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html).
// The secrets are held like chap_secret: wiped, never formatted, compared in constant time.
// Light: no OpenSSL, no fmt, no <string> (fmt.hpp and the tool include it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <sgwchap/error.hpp>
#include <sgwchap/secure_buffer.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace sigv4 {

namespace detail {

/// A byte an access key id may hold: visible ASCII except the separators of the Authorization
/// header's `Credential=<id>/<date>/<region>/<service>/aws4_request,` (IAM's ids are
/// `[A-Z0-9]{16,128}`, https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKey.html;
/// S3-compatible servers use other visible characters, so only what breaks the header is refused).
[[nodiscard]] constexpr bool is_key_id_char(unsigned char c) noexcept {
  return c > 0x20 && c < 0x7F && c != '/' && c != ',' && c != '=';
}

/// The offset of the first C0 control or DEL in `s` (a secret or token read with `echo` ends in
/// a line feed), or npos.
[[nodiscard]] constexpr std::size_t find_control(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return i;
  }
  return std::string_view::npos;
}

}  // namespace detail

/// AWS credentials for signing. The access key id is not secret (it is sent in every
/// Authorization header); the secret access key and the session token are: their bytes live in
/// one heap block (a secure_buffer) that is wiped before it is freed, and that a move hands over
/// without copying (the moved-from object is empty). Move-only (`clone()` copies explicitly),
/// constant-time equality, no hash, no stream operator; the fmt formatter (fmt.hpp) prints
/// `credentials::redacted`.
class credentials {
 public:
  static constexpr std::string_view redacted = "[redacted]";

  /// Empty credentials (what a moved-from object holds); signing refuses them (missing_member).
  credentials() noexcept = default;

  /// Checks and copies the three values (an empty `session_token`: long-term credentials).
  /// Errors (the offset is a byte offset into the value named by `which`):
  ///   missing_member       empty access key id (AccessKeyId) or secret access key (SecretAccessKey);
  ///   invalid_character    an access key id byte that is not visible ASCII, or is `/`, `,` or `=`;
  ///   control_character    a C0 control or DEL in the secret access key or the session token
  ///                        (`detail`: the code point; a trailing line feed is the usual cause).
  /// No error carries a secret's bytes. May throw std::bad_alloc (one allocation).
  [[nodiscard]] static result<credentials> make(std::string_view access_key_id, std::string_view secret_access_key,
                                                std::string_view session_token = {}) {
    if (access_key_id.empty()) return fail(errc::missing_member, field::access_key_id, 0);
    for (std::size_t i = 0; i < access_key_id.size(); ++i) {
      if (!detail::is_key_id_char(static_cast<unsigned char>(access_key_id[i]))) {
        return fail(errc::invalid_character, field::access_key_id, i);
      }
    }
    if (secret_access_key.empty()) return fail(errc::missing_member, field::secret_access_key, 0);
    if (const std::size_t at = detail::find_control(secret_access_key); at != std::string_view::npos) {
      return fail(errc::control_character, field::secret_access_key, at,
                  static_cast<unsigned char>(secret_access_key[at]));
    }
    if (const std::size_t at = detail::find_control(session_token); at != std::string_view::npos) {
      return fail(errc::control_character, field::session_token, at, static_cast<unsigned char>(session_token[at]));
    }
    credentials out;
    out.bytes_.reserve(access_key_id.size() + secret_access_key.size() + session_token.size());
    out.bytes_.append(access_key_id);
    out.bytes_.append(secret_access_key);
    out.bytes_.append(session_token);
    out.key_id_size_ = access_key_id.size();
    out.secret_size_ = secret_access_key.size();
    return out;
  }

  credentials(const credentials&) = delete;
  credentials& operator=(const credentials&) = delete;
  credentials(credentials&& other) noexcept
      : bytes_(std::move(other.bytes_)),
        key_id_size_(std::exchange(other.key_id_size_, 0)),
        secret_size_(std::exchange(other.secret_size_, 0)) {}
  credentials& operator=(credentials&& other) noexcept {
    if (this != &other) {
      bytes_ = std::move(other.bytes_);  // wipes and frees our old block first
      key_id_size_ = std::exchange(other.key_id_size_, 0);
      secret_size_ = std::exchange(other.secret_size_, 0);
    }
    return *this;
  }
  ~credentials() = default;  // secure_buffer wipes the block

  /// An explicit copy (may throw std::bad_alloc).
  [[nodiscard]] credentials clone() const {
    credentials copy;
    copy.bytes_ = bytes_.clone();
    copy.key_id_size_ = key_id_size_;
    copy.secret_size_ = secret_size_;
    return copy;
  }

  /// The access key id (not a secret: it is part of the Authorization header).
  [[nodiscard]] std::string_view access_key_id() const noexcept { return bytes_.view().substr(0, key_id_size_); }
  /// The secret access key. Named so that every use is visible in review.
  [[nodiscard]] std::string_view reveal_secret_access_key() const noexcept {
    return bytes_.view().substr(key_id_size_, secret_size_);
  }
  /// The session token ("" for long-term credentials). A bearer secret: named like the key.
  [[nodiscard]] std::string_view reveal_session_token() const noexcept {
    return bytes_.view().substr(key_id_size_ + secret_size_);
  }
  [[nodiscard]] bool has_session_token() const noexcept { return bytes_.size() > key_id_size_ + secret_size_; }
  /// True for default-constructed and moved-from credentials.
  [[nodiscard]] bool empty() const noexcept { return bytes_.empty(); }

  /// Constant-time in the bytes (the three lengths are compared first).
  friend bool operator==(const credentials& a, const credentials& b) noexcept {
    return a.key_id_size_ == b.key_id_size_ && a.secret_size_ == b.secret_size_ && a.bytes_ == b.bytes_;
  }

 private:
  [[nodiscard]] static tl::unexpected<error> fail(errc code, field which, std::size_t offset,
                                                  std::uint32_t detail = 0) noexcept {
    return tl::unexpected(
        sgwchap::detail::make_error(code, which, offset, profile::strict, 0, length_unit::bytes, detail));
  }

  secure_buffer bytes_;  // access key id, secret access key, session token, back to back
  std::size_t key_id_size_{0};
  std::size_t secret_size_{0};
};

}  // namespace sigv4

SGWCHAP_END_NAMESPACE
