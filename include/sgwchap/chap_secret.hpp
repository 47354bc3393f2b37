// sgwchap — CHAP secrets (MODEL ChapSecret, APIREF-Update, RFC 3720 §8.2.1): check them, and hold them so they never
// leak.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include <sgwchap/detail/swar.hpp>
#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/profile.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace detail {

/// Strict profile (the README's rule table): C0 (U+0000..U+001F), DEL, C1 (U+0080..U+009F, incl. NEL) and
/// U+FEFF are refused. Returns the offending character's code point and offset, or npos.
struct secret_char_problem {
  std::size_t offset;
  char32_t code_point;
};

[[nodiscard]] constexpr secret_char_problem find_forbidden_secret_char(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::uint8_t b = byte_at(s, i);
    if (b < 0x80U) {
      if (b < 0x20U || b == 0x7FU) return {i, b};
      ++i;
      continue;
    }
    const utf8_char c = decode_utf8(s, i);  // s is already known to be well-formed
    if ((c.code_point >= 0x80U && c.code_point <= 0x9FU) || c.code_point == 0xFEFFU) return {i, c.code_point};
    i += c.length == 0 ? 1 : c.length;
  }
  return {std::string_view::npos, 0};
}

/// Compares in time that depends on the lengths only, never on where the bytes differ.
[[nodiscard]] constexpr bool constant_time_equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (!std::is_constant_evaluated() && a.size() >= 8) {
    // Whole words, the last one overlapping: still no branch on the bytes.
    std::uint64_t words = 0;
    std::size_t i = 0;
    for (; i + 8 <= a.size(); i += 8) words |= swar::load8(a.data() + i) ^ swar::load8(b.data() + i);
    if (i < a.size()) words |= swar::load8(a.data() + a.size() - 8) ^ swar::load8(b.data() + b.size() - 8);
    return words == 0;
  }
  unsigned diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned>(byte_at(a, i) ^ byte_at(b, i));
  return diff == 0;
}

}  // namespace detail

namespace detail {

/// Strict fast path for a 12..16-byte secret with non-ASCII bytes: RFC 3629 §4's UTF8-char
/// grammar by lead byte, minus what the strict profile forbids (C0, DEL, C1 = C2 80..C2 9F, U+FEFF =
/// EF BB BF). Only says yes or no: any "no" goes to the exact loop, which reports.
[[nodiscard]] inline bool accept_strict_utf8_secret(std::string_view s) noexcept {
  const auto at = [&s](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
  const auto cont = [](std::uint8_t b) { return (b & 0xC0U) == 0x80U; };
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const std::uint8_t b = at(i);
    if (b < 0x80U) {
      if (b < 0x20U || b == 0x7FU) return false;
      ++i;
    } else if (b >= 0xC2U && b <= 0xDFU) {
      if (n - i < 2 || !cont(at(i + 1)) || (b == 0xC2U && at(i + 1) < 0xA0U)) return false;
      i += 2;
    } else if (b >= 0xE0U && b <= 0xEFU) {
      if (n - i < 3 || !cont(at(i + 1)) || !cont(at(i + 2))) return false;
      if ((b == 0xE0U && at(i + 1) < 0xA0U) || (b == 0xEDU && at(i + 1) > 0x9FU)) return false;
      if (b == 0xEFU && at(i + 1) == 0xBBU && at(i + 2) == 0xBFU) return false;
      i += 3;
    } else if (b >= 0xF0U && b <= 0xF4U) {
      if (n - i < 4 || !cont(at(i + 1)) || !cont(at(i + 2)) || !cont(at(i + 3))) return false;
      if ((b == 0xF0U && at(i + 1) < 0x90U) || (b == 0xF4U && at(i + 1) > 0x8FU)) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

/// The strict run-time fast path: a 12..16-byte secret of printable ASCII (0x20..0x7E) is
/// valid; two overlapping words cover every byte. Other 12..16-byte values go through the
/// UTF-8 fast path above. False sends the value to the exact loop, which decides and reports.
[[nodiscard]] SGWCHAP_DETAIL_ALWAYS_INLINE bool accept_strict_secret(std::string_view secret) noexcept {
  namespace L = chap_secret_limits;
  if (secret.size() < L::strict_min_bytes || secret.size() > L::strict_max_bytes) return false;
  const std::uint64_t first = swar::load8(secret.data());
  const std::uint64_t last = swar::load8(secret.data() + secret.size() - 8);
  if (((first | last) & swar::high) == 0) {
    return (swar::in_range(first, 0x20U, 0x7EU) & swar::in_range(last, 0x20U, 0x7EU)) == swar::high;
  }
  return accept_strict_utf8_secret(secret);
}

/// The whole check, usable in constant evaluation.
[[nodiscard]] constexpr result<void> check_chap_secret_full(std::string_view secret, profile p, field which) noexcept {
  namespace L = chap_secret_limits;
  if (p == profile::strict) {
    // One pass for both rules: the first ill-formed byte wins over any control character (as
    // if the UTF-8 scan ran first), else the first forbidden character is reported.
    std::size_t i = 0;
    detail::secret_char_problem problem{std::string_view::npos, 0};
    while (i < secret.size()) {
      if (!std::is_constant_evaluated() && secret.size() - i >= 8) {
        i = detail::swar::skip(secret, i, secret.size(),
                               [](std::uint64_t w) { return detail::swar::in_range(w, 0x20U, 0x7EU); });
        if (i == secret.size()) break;
      }
      const std::uint8_t b = detail::byte_at(secret, i);
      if (b < 0x80U) {
        if ((b < 0x20U || b == 0x7FU) && problem.offset == std::string_view::npos) problem = {i, b};
        ++i;
        continue;
      }
      const detail::utf8_char c = detail::decode_utf8(secret, i);
      if (c.length == 0) return tl::unexpected(detail::make_error(errc::invalid_utf8, which, i, profile::aws_model));
      if (((c.code_point >= 0x80U && c.code_point <= 0x9FU) || c.code_point == 0xFEFFU) &&
          problem.offset == std::string_view::npos) {
        problem = {i, c.code_point};
      }
      i += c.length;
    }
    // Control characters first: a trailing newline is the cause even when it also breaks the length.
    if (problem.offset != std::string_view::npos) {
      const errc code = problem.code_point == 0xFEFFU ? errc::byte_order_mark : errc::control_character;
      return tl::unexpected(detail::make_error(code, which, problem.offset, profile::strict, 0, length_unit::bytes,
                                               static_cast<std::uint32_t>(problem.code_point)));
    }
    // The strict bounds imply MODEL's 1..100 characters.
    if (secret.size() < L::strict_min_bytes) {
      return tl::unexpected(
          detail::make_error(errc::too_short, which, secret.size(), profile::strict, L::strict_min_bytes));
    }
    if (secret.size() > L::strict_max_bytes) {
      return tl::unexpected(
          detail::make_error(errc::too_long, which, L::strict_max_bytes, profile::strict, L::strict_max_bytes));
    }
    return {};
  }
  const detail::utf8_scan scan = detail::scan_utf8(secret);
  if (!scan.ok)
    return tl::unexpected(detail::make_error(errc::invalid_utf8, which, scan.error_offset, profile::aws_model));
  if (scan.scalars < L::model_min_characters) {
    return tl::unexpected(detail::make_error(errc::too_short, which, 0, profile::aws_model, L::model_min_characters,
                                             length_unit::characters));
  }
  if (scan.scalars > L::model_max_characters) {
    return tl::unexpected(detail::make_error(errc::too_long, which,
                                             detail::offset_of_scalar(secret, L::model_max_characters),
                                             profile::aws_model, L::model_max_characters, length_unit::characters));
  }
  return {};
}

}  // namespace detail

/// Checks a CHAP secret (MODEL ChapSecret; strict: APIREF-Update's 12..16 bytes) under `p`; `which` names the member in
/// the error. Errors: invalid_utf8 (first bad byte); strict: control_character (`detail` = code point),
/// byte_order_mark, too_short/too_long (12..16 bytes, APIREF); aws_model: too_short/too_long
/// (1..100 characters, MODEL). No error ever carries the secret's bytes.
[[nodiscard]] constexpr result<void> check_chap_secret(std::string_view secret, profile p = profile::strict,
                                                       field which = field::secret_to_authenticate_initiator) noexcept {
  // Small enough to inline: the common strict case costs two loads and no call.
  if (p == profile::strict && !std::is_constant_evaluated() && detail::accept_strict_secret(secret)) return {};
  return detail::check_chap_secret_full(secret, p, which);
}

/// The bool fast path: true when `check_chap_secret(secret, p)` would succeed.
[[nodiscard]] constexpr bool is_valid_chap_secret(std::string_view secret, profile p = profile::strict) noexcept {
  return check_chap_secret(secret, p).has_value();
}

/// Mutual CHAP (strict): the target's secret must differ from the initiator's (RFC 3720
/// §8.2.1, RFC 7143 §12.1.3). Compared in constant time. Error: secrets_must_differ on
/// SecretToAuthenticateTarget, offset 0. Under aws_model this rule does not apply.
[[nodiscard]] constexpr result<void> check_secrets_differ(std::string_view initiator_secret,
                                                          std::string_view target_secret,
                                                          profile p = profile::strict) noexcept {
  if (p == profile::strict && detail::constant_time_equal(initiator_secret, target_secret)) {
    return tl::unexpected(detail::make_error(errc::secrets_must_differ, field::secret_to_authenticate_target, 0));
  }
  return {};
}

/// An owning CHAP secret. Up to 16 bytes live inline (no heap); longer ones (aws_model allows
/// 100 characters, up to 400 bytes; decoded values may be longer) live in a heap block that is
/// wiped before it is freed. Bytes are wiped on destruction and when moved from. Move-only
/// (`clone()` copies explicitly), constant-time equality, no hash, no stream operator: every
/// formatter prints `chap_secret::redacted`.
namespace detail {
struct request_access;
}  // namespace detail

class chap_secret {
 public:
  static constexpr std::size_t inline_capacity = chap_secret_limits::strict_max_bytes;
  static constexpr std::string_view redacted = "[redacted]";

  chap_secret() noexcept = default;

  /// Checks `secret` (check_chap_secret) and copies it. Allocates only beyond 16 bytes (may
  /// throw std::bad_alloc then).
  [[nodiscard]] static result<chap_secret> make(std::string_view secret, profile p = profile::strict,
                                                field which = field::secret_to_authenticate_initiator) {
    const auto checked = check_chap_secret(secret, p, which);
    if (!checked.has_value()) return tl::unexpected(checked.error());
    chap_secret out(secret);
    out.checked_ = true;
    out.profile_ = p;
    return out;
  }

  /// Copies `secret` without checking it: for values decoded from the service, which decoding
  /// keeps as sent (SMITHY-JSON: constraints are not enforced on output). `is_checked()` is false. May throw
  /// std::bad_alloc.
  [[nodiscard]] static chap_secret unchecked(std::string_view secret) { return chap_secret(secret); }

  chap_secret(const chap_secret&) = delete;
  chap_secret& operator=(const chap_secret&) = delete;
  chap_secret(chap_secret&& other) noexcept { steal(other); }
  chap_secret& operator=(chap_secret&& other) noexcept {
    if (this != &other) {
      release();
      steal(other);
    }
    return *this;
  }
  ~chap_secret() { release(); }

  /// An explicit copy (may throw std::bad_alloc).
  [[nodiscard]] chap_secret clone() const {
    chap_secret copy(reveal());
    copy.checked_ = checked_;
    copy.profile_ = profile_;
    return copy;
  }

  /// The secret's bytes. Named so that every use is visible in review.
  [[nodiscard]] std::string_view reveal() const noexcept { return {data(), size_}; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// True when built by `make` (checked under `checked_profile()`); false for `unchecked`.
  [[nodiscard]] bool is_checked() const noexcept { return checked_; }
  [[nodiscard]] profile checked_profile() const noexcept { return profile_; }

  /// Constant-time in the bytes (the lengths are compared first).
  friend bool operator==(const chap_secret& a, const chap_secret& b) noexcept {
    return detail::constant_time_equal(a.reveal(), b.reveal());
  }

 private:
  // detail::make_request checks every member first, then copies the secrets that passed.
  friend struct detail::request_access;
  /// A copy of `secret`, which passed check_chap_secret under `p`.
  [[nodiscard]] static chap_secret checked_copy(std::string_view secret, profile p) {
    chap_secret out(secret);
    out.checked_ = true;
    out.profile_ = p;
    return out;
  }

  explicit chap_secret(std::string_view bytes) {
    if (bytes.size() > inline_capacity) heap_ = new char[bytes.size()];
    if (!bytes.empty()) std::memcpy(data(), bytes.data(), bytes.size());
    size_ = bytes.size();
  }
  [[nodiscard]] char* data() noexcept { return heap_ != nullptr ? heap_ : inline_; }
  [[nodiscard]] const char* data() const noexcept { return heap_ != nullptr ? heap_ : inline_; }

  void release() noexcept {
    secure_wipe(data(), size_);
    delete[] heap_;
    heap_ = nullptr;
    size_ = 0;
    checked_ = false;
    profile_ = profile::aws_model;
  }
  void steal(chap_secret& other) noexcept {
    heap_ = other.heap_;
    size_ = other.size_;
    checked_ = other.checked_;
    profile_ = other.profile_;
    if (heap_ == nullptr) std::memcpy(inline_, other.inline_, inline_capacity);
    // The moved-from object forgets the block (now ours) and wipes its inline copy.
    secure_wipe(other.inline_, inline_capacity);
    other.heap_ = nullptr;
    other.size_ = 0;
    other.checked_ = false;
    other.profile_ = profile::aws_model;  // as a default-constructed (empty, unchecked) holder
  }

  char inline_[inline_capacity]{};
  char* heap_{nullptr};
  std::size_t size_{0};
  bool checked_{false};
  profile profile_{profile::aws_model};
};

SGWCHAP_END_NAMESPACE
