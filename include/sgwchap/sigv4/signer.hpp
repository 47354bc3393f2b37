// sgwchap — the AWS Signature Version 4 signer (header-based, AWS4-HMAC-SHA256), written against
// a pluggable SHA-256 (sigv4/crypto.hpp). No OpenSSL here: <sgwchap/sigv4.hpp> adds the OpenSSL
// adapter and overloads that use it.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
//
// Every function takes the request (a request_view, a sigv4::request or an http_request), the
// credentials, the scope (region, service), the time and options; the ones that sign take the
// SHA-256 implementation first. Errors use sgwchap::error (fields http_*, region, service,
// AccessKeyId, ...); none carries a secret's bytes. Only std::bad_alloc is thrown.
#pragma once

#include <array>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ratio>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/sigv4/canonical.hpp>
#include <sgwchap/sigv4/credentials.hpp>
#include <sgwchap/sigv4/crypto.hpp>
#include <sgwchap/sigv4/request.hpp>
#include <sgwchap/wire/http_request.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace sigv4 {

inline constexpr std::string_view algorithm = "AWS4-HMAC-SHA256";
/// Storage Gateway's signing name (its model's `signingName`, the endpoint prefix).
inline constexpr std::string_view storage_gateway_service = "storagegateway";

/// The credential scope's region and service: `<date>/<region>/<service>/aws4_request`. Views:
/// the strings must outlive the call.
struct signing_scope {
  std::string_view region{};
  std::string_view service{storage_gateway_service};
};

/// How to sign. The defaults are what every AWS service but S3 expects.
struct signing_options {
  /// Normalize the path (dot and empty segments) before encoding it; S3 wants false
  /// (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html).
  bool normalize_path{true};
  /// Sign X-Amz-Security-Token (botocore and the AWS SDKs do). false: the header is added after
  /// the signature, unsigned, as some services accept (the test suite's post-sts-header-after).
  bool sign_session_token{true};
  /// Headers left out of the signature (case-insensitive names); Authorization never is signed.
  std::span<const std::string_view> unsigned_headers{default_unsigned_headers};
};

/// The signing time as X-Amz-Date writes it (ISO 8601 basic, UTC): `20150830T123600Z`.
class amz_date {
 public:
  [[nodiscard]] std::string_view view() const noexcept { return {text_.data(), text_.size()}; }
  /// The date part, `20150830`: the scope's first element.
  [[nodiscard]] std::string_view date() const noexcept { return view().substr(0, 8); }

  /// Truncates `t` to whole seconds (std::chrono::floor). Error: timestamp_out_of_range outside
  /// 0000-01-01T00:00:00Z..9999-12-31T23:59:59Z (four year digits).
  template <class Duration>
  [[nodiscard]] static result<amz_date> make(std::chrono::sys_time<Duration> t) noexcept {
    using namespace std::chrono;
    constexpr sys_seconds first{sys_days{year{0} / January / 1}};
    constexpr sys_seconds end{sys_days{year{10000} / January / 1}};
    sys_seconds s{};
    if constexpr (std::ratio_less_equal_v<typename Duration::period, std::ratio<1>>) {
      s = floor<seconds>(t);  // a finer unit: its count always fits in seconds
    } else {
      // A coarser unit: refuse what would overflow seconds before converting.
      if (t < floor<Duration>(first) || t >= ceil<Duration>(end)) return out_of_range();
      s = time_point_cast<seconds>(t);
    }
    if (s < first || s >= end) return out_of_range();
    const sys_days day = floor<days>(s);
    const year_month_day ymd{day};
    const auto second_of_day = static_cast<unsigned>((s - day).count());
    amz_date out;
    out.put(0, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
    out.put(4, static_cast<unsigned>(ymd.month()), 2);
    out.put(6, static_cast<unsigned>(ymd.day()), 2);
    out.text_[8] = 'T';
    out.put(9, second_of_day / 3600, 2);
    out.put(11, second_of_day / 60 % 60, 2);
    out.put(13, second_of_day % 60, 2);
    out.text_[15] = 'Z';
    return out;
  }

 private:
  [[nodiscard]] static tl::unexpected<error> out_of_range() noexcept {
    return tl::unexpected(sgwchap::detail::make_error(errc::timestamp_out_of_range, field::timestamp, 0));
  }
  void put(std::size_t at, unsigned value, std::size_t digits) noexcept {
    for (std::size_t i = digits; i > 0; --i) {
      text_[at + i - 1] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  }
  std::array<char, 16> text_{};
};

/// Requests the signer accepts: the view, the owning general request, a Storage Gateway request.
template <class R>
concept signable_request = std::same_as<R, request_view> || std::same_as<R, request> || std::same_as<R, http_request>;

namespace detail {

[[nodiscard]] inline request_view as_view(const request_view& r) noexcept { return r; }
[[nodiscard]] inline request_view as_view(const request& r) noexcept { return r.view(); }
[[nodiscard]] inline request_view as_view(const http_request& r) noexcept { return view_of(r); }

/// A region or service in the scope: 1..63 bytes of lower-case letters, digits and `-`, not
/// starting or ending with `-` (a DNS label, RFC 1035 §2.3.1, lower case as AWS writes them).
/// Errors: missing_member (empty); region: bad_region; service: invalid_character, too_long.
[[nodiscard]] inline result<void> check_scope_part(std::string_view s, field which) noexcept {
  using sgwchap::detail::make_error;
  if (s.empty()) return tl::unexpected(make_error(errc::missing_member, which, 0));
  const errc bad = which == field::region ? errc::bad_region : errc::invalid_character;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i != 0 && i + 1 != s.size());
    if (!ok) return tl::unexpected(make_error(bad, which, i));
  }
  constexpr std::size_t max_label = 63;
  if (s.size() > max_label) {
    return tl::unexpected(which == field::region ? make_error(errc::bad_region, which, max_label)
                                                 : make_error(errc::too_long, which, max_label, profile::strict,
                                                              static_cast<std::uint32_t>(max_label)));
  }
  return {};
}

[[nodiscard]] inline result<void> check_scope(const signing_scope& scope) noexcept {
  if (auto r = check_scope_part(scope.region, field::region); !r.has_value()) return r;
  return check_scope_part(scope.service, field::service);
}

/// Feeds what it is given to a SHA-256, through a 512-byte buffer (few calls into the
/// implementation, no heap). The buffer may hold the session token: it is wiped.
template <sha256_hasher H>
class hashing_sink {
 public:
  explicit hashing_sink(H& h) noexcept : h_(h), ok_(h.init()) {}
  hashing_sink(const hashing_sink&) = delete;
  hashing_sink& operator=(const hashing_sink&) = delete;
  ~hashing_sink() { secure_wipe(buffer_, sizeof buffer_); }

  void append(std::string_view s) noexcept {
    if (s.size() > sizeof buffer_ - size_) {
      flush();
      if (s.size() >= sizeof buffer_) {
        ok_ = ok_ && h_.update(bytes_of(s), s.size());
        return;
      }
    }
    std::memcpy(buffer_ + size_, s.data(), s.size());
    size_ += s.size();
  }
  void push_back(char c) noexcept { append(std::string_view(&c, 1)); }
  static void begin_secret() noexcept {}
  static void end_secret() noexcept {}

  [[nodiscard]] bool finish(sha256_digest& out) noexcept {
    flush();
    ok_ = ok_ && h_.final(out.data());
    return ok_;
  }

 private:
  void flush() noexcept {
    if (size_ == 0) return;
    ok_ = ok_ && h_.update(reinterpret_cast<const unsigned char*>(buffer_),  // NOLINT
                           size_);
    size_ = 0;
  }

  H& h_;
  bool ok_;
  char buffer_[512]{};
  std::size_t size_{0};
};

/// The checked request and what signing adds to it, ready to be written in canonical form.
class canonical_form {
 public:
  canonical_form() noexcept = default;
  canonical_form(const canonical_form&) = delete;
  canonical_form& operator=(const canonical_form&) = delete;
  ~canonical_form() = default;

  /// Checks the request and collects the headers to sign: every header of the request but
  /// Authorization, the unsigned ones, and the X-Amz-Date and X-Amz-Security-Token that signing
  /// sets (the request's own are replaced); then X-Amz-Date (and the token) from `when` and
  /// `creds`. May throw std::bad_alloc (more than 16 headers).
  [[nodiscard]] result<void> prepare(const request_view& req, const credentials& creds, const amz_date& when,
                                     const signing_options& options) {
    using sgwchap::detail::iequals;
    using sgwchap::detail::make_error;
    if (creds.empty()) return tl::unexpected(make_error(errc::missing_member, field::access_key_id, 0));
    if (auto r = check_method(req.method); !r.has_value()) return r;
    if (auto r = check_path(req.path); !r.has_value()) return r;
    if (auto r = check_query(req.query); !r.has_value()) return r;
    req_ = req;
    normalize_path_ = options.normalize_path;
    for (std::size_t i = 0; i < req.headers.size(); ++i) {
      const http_header& h = req.headers[i];
      if (auto r = check_header(h, i + 1); !r.has_value()) return r;
      if (iequals(h.name, "authorization") || iequals(h.name, "x-amz-date")) continue;
      if (iequals(h.name, "x-amz-security-token")) {
        if (!creds.has_session_token()) {
          return tl::unexpected(make_error(errc::unexpected_security_token, field::http_header, 0, profile::strict, 0,
                                           length_unit::bytes, static_cast<std::uint32_t>(i + 1)));
        }
        continue;
      }
      bool skip = false;
      for (const std::string_view u : options.unsigned_headers) skip = skip || iequals(h.name, u);
      if (!skip) headers_.add({h.name, h.value, false});
    }
    headers_.add({"x-amz-date", when.view(), false});
    if (creds.has_session_token() && options.sign_session_token) {
      headers_.add({"x-amz-security-token", creds.reveal_session_token(), true});
    }
    if (!headers_.has("host")) return tl::unexpected(make_error(errc::missing_host_header, field::http_header, 0));
    headers_.sort();
    return {};
  }

  /// The canonical request: method, canonical URI, canonical query, canonical headers, a blank
  /// line, the signed headers, the payload hash, joined with `\n`.
  template <class Out>
  void write(Out& out, std::string_view payload_hash) const {
    out.append(req_.method);
    out.push_back('\n');
    append_canonical_path(out, req_.path, normalize_path_);
    out.push_back('\n');
    append_canonical_query(out, req_.query);
    out.push_back('\n');
    headers_.write_canonical(out);
    out.push_back('\n');
    headers_.write_signed(out);
    out.push_back('\n');
    out.append(payload_hash);
  }

  [[nodiscard]] const header_set& headers() const noexcept { return headers_; }

 private:
  request_view req_{};
  bool normalize_path_{true};
  header_set headers_;
};

/// What one signing computes; each output is filled when non-null.
struct outputs {
  std::string* canonical_request{nullptr};  // redacted
  std::string* string_to_sign{nullptr};
  std::string* authorization{nullptr};
};

[[nodiscard]] inline tl::unexpected<error> crypto_error() noexcept {
  return tl::unexpected(sgwchap::detail::make_error(errc::crypto_failure, field::none, 0));
}

template <sha256_hasher H>
[[nodiscard]] result<void> compute(H& h, const request_view& req, const credentials& creds, const signing_scope* scope,
                                   const amz_date& when, const signing_options& options, const outputs& out) {
  if (scope != nullptr) {
    if (auto r = check_scope(*scope); !r.has_value()) return r;
  }
  canonical_form form;
  if (auto r = form.prepare(req, creds, when, options); !r.has_value()) return r;

  sha256_digest digest{};
  if (!sha256(h, {req.body}, digest)) return crypto_error();
  const auto payload_hash = to_hex(digest);
  const std::string_view payload(payload_hash.data(), payload_hash.size());

  if (out.canonical_request != nullptr) {
    redacting_string_sink text{out.canonical_request};
    form.write(text, payload);
  }
  if (scope == nullptr) return {};

  {
    hashing_sink<H> sink(h);
    form.write(sink, payload);
    if (!sink.finish(digest)) return crypto_error();
  }
  const auto request_hash = to_hex(digest);
  // String to sign: algorithm, X-Amz-Date, credential scope, hex(SHA-256(canonical request)).
  const std::string_view parts[] = {algorithm,
                                    "\n",
                                    when.view(),
                                    "\n",
                                    when.date(),
                                    "/",
                                    scope->region,
                                    "/",
                                    scope->service,
                                    "/aws4_request\n",
                                    std::string_view(request_hash.data(), request_hash.size())};
  if (out.string_to_sign != nullptr) {
    for (const std::string_view p : parts) out.string_to_sign->append(p);
  }
  if (out.authorization == nullptr) return {};

  signing_key key;
  if (!derive_signing_key(h, creds.reveal_secret_access_key(), when.date(), scope->region, scope->service, key)) {
    return crypto_error();
  }
  sha256_digest signature{};
  const bool signed_ok = hmac_sha256(
      h, {}, chars_of(key.reveal()),
      {parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7], parts[8], parts[9], parts[10]},
      signature);
  if (!signed_ok) return crypto_error();
  const auto signature_hex = to_hex(signature);

  std::string& a = *out.authorization;
  a.reserve(200 + creds.access_key_id().size());
  a.append(algorithm);
  a.append(" Credential=");
  a.append(creds.access_key_id());
  a.push_back('/');
  a.append(when.date());
  a.push_back('/');
  a.append(scope->region);
  a.push_back('/');
  a.append(scope->service);
  a.append("/aws4_request, SignedHeaders=");
  form.headers().write_signed(a);
  a.append(", Signature=");
  a.append(signature_hex.data(), signature_hex.size());
  return {};
}

}  // namespace detail

/// The canonical request of `req` as signing it at `t` with `creds` would build it (X-Amz-Date
/// and, when signed, X-Amz-Security-Token included), for comparing with the one AWS reports in a
/// SignatureDoesNotMatch error. The session token's value is shown as `[redacted]`; nothing else
/// in it is secret. `h` hashes the body. May throw std::bad_alloc.
template <sha256_hasher H, signable_request R, class Duration>
[[nodiscard]] result<std::string> canonical_request(H& h, const R& req, const credentials& creds,
                                                    std::chrono::sys_time<Duration> t,
                                                    const signing_options& options = {}) {
  const auto when = amz_date::make(t);
  if (!when.has_value()) return tl::unexpected(when.error());
  std::string text;
  detail::outputs out;
  out.canonical_request = &text;
  if (auto r = detail::compute(h, detail::as_view(req), creds, nullptr, *when, options, out); !r.has_value()) {
    return tl::unexpected(r.error());
  }
  return text;
}

/// The string to sign (algorithm, X-Amz-Date, credential scope, the canonical request's hash):
/// nothing in it is secret. May throw std::bad_alloc.
template <sha256_hasher H, signable_request R, class Duration>
[[nodiscard]] result<std::string> string_to_sign(H& h, const R& req, const credentials& creds,
                                                 const signing_scope& scope, std::chrono::sys_time<Duration> t,
                                                 const signing_options& options = {}) {
  const auto when = amz_date::make(t);
  if (!when.has_value()) return tl::unexpected(when.error());
  std::string text;
  detail::outputs out;
  out.string_to_sign = &text;
  if (auto r = detail::compute(h, detail::as_view(req), creds, &scope, *when, options, out); !r.has_value()) {
    return tl::unexpected(r.error());
  }
  return text;
}

/// The Authorization header's value (`AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
/// Signature=...`) for `req` signed at `t`; the request is not changed (the caller sends the
/// X-Amz-Date and X-Amz-Security-Token the signature covers). May throw std::bad_alloc.
template <sha256_hasher H, signable_request R, class Duration>
[[nodiscard]] result<std::string> authorization(H& h, const R& req, const credentials& creds,
                                                const signing_scope& scope, std::chrono::sys_time<Duration> t,
                                                const signing_options& options = {}) {
  const auto when = amz_date::make(t);
  if (!when.has_value()) return tl::unexpected(when.error());
  std::string text;
  detail::outputs out;
  out.authorization = &text;
  if (auto r = detail::compute(h, detail::as_view(req), creds, &scope, *when, options, out); !r.has_value()) {
    return tl::unexpected(r.error());
  }
  return text;
}

/// Signs `req` at `t` (truncated to seconds): sets X-Amz-Date, X-Amz-Security-Token (when
/// `creds` hold a session token) and Authorization, each replacing a header of that name. On
/// error the request is unchanged. May throw std::bad_alloc.
template <sha256_hasher H, class Req, class Duration>
requires(std::same_as<Req, request> || std::same_as<Req, http_request>)
    [[nodiscard]] result<void> sign(H& h, Req& req, const credentials& creds, const signing_scope& scope,
                                    std::chrono::sys_time<Duration> t, const signing_options& options = {}) {
  const auto when = amz_date::make(t);
  if (!when.has_value()) return tl::unexpected(when.error());
  std::string auth;
  detail::outputs out;
  out.authorization = &auth;
  if (auto r = detail::compute(h, detail::as_view(req), creds, &scope, *when, options, out); !r.has_value()) {
    return r;
  }
  req.set_header("X-Amz-Date", when->view());
  if (creds.has_session_token()) req.set_header("X-Amz-Security-Token", creds.reveal_session_token());
  req.set_header("Authorization", auth);
  return {};
}

}  // namespace sigv4

SGWCHAP_END_NAMESPACE
