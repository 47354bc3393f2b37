// sgwchap — the HTTP request handed to a transport (SMITHY-JSON): method, path, headers and a body
// that wipes itself. No I/O and no signing here. Light: no Boost.JSON, no fmt.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sgwchap/detail/charset.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/wire/secure_buffer.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// The awsJson1_1 content type (SMITHY-JSON).
inline constexpr std::string_view amz_json_content_type = "application/x-amz-json-1.1";

/// One HTTP header field (RFC 9110 §5: field-name ":" field-value), as http_request holds and
/// writes it: `name` in the spelling sent (e.g. "Content-Type", "X-Amz-Target"), `value` without
/// surrounding whitespace. Plain data: it checks nothing itself; the request that builds it
/// writes only the values of the awsJson1_1 wire format. Copying may throw only std::bad_alloc.
struct http_header {
  std::string name;
  std::string value;
  friend bool operator==(const http_header&, const http_header&) = default;
};

/// A byte range of the body that holds a secret's (escaped) value, between its quotes.
struct body_span {
  std::size_t offset{0};
  std::size_t size{0};
  friend constexpr bool operator==(const body_span&, const body_span&) noexcept = default;
};

/// `POST /` with Content-Type, X-Amz-Target, Content-Length and (when known) Host, and the body.
///
/// Printing: the body holds both CHAP secrets of an Update request. `redacted_body()` and
/// `redacted()` replace every secret's value with `[redacted]`; formatters (fmt.hpp) print those
/// only. `body().view()` gives the real bytes, for the transport and for the tool's `encode`.
class http_request {
 public:
  /// The most secret values one body holds (UpdateChapCredentials: two).
  static constexpr std::size_t max_secret_spans = 2;
  static constexpr std::string_view redaction = "[redacted]";

  /// Built by `to_http_request` (json.hpp). `secrets` are the ranges of secret values in `body`;
  /// `host` may be empty (no Host header: the ARN did not say the region, and none was given).
  http_request(std::string_view operation_name, secure_buffer body, std::array<body_span, max_secret_spans> secrets,
               std::size_t secret_count, std::string_view host)
      : body_(std::move(body)), secrets_(secrets), secret_count_(secret_count) {
    headers_.reserve(4);
    if (!host.empty()) headers_.push_back({"Host", std::string(host)});
    headers_.push_back({"Content-Type", std::string(amz_json_content_type)});
    std::string target(amz_target_prefix);
    target += operation_name;
    headers_.push_back({"X-Amz-Target", std::move(target)});
    std::string length;
    detail::append_number(length, body_.size());
    headers_.push_back({"Content-Length", std::move(length)});
  }

  [[nodiscard]] static constexpr std::string_view method() noexcept { return "POST"; }
  [[nodiscard]] static constexpr std::string_view path() noexcept { return "/"; }
  [[nodiscard]] const std::vector<http_header>& headers() const noexcept { return headers_; }
  /// The value of a header (names compare case-insensitively), or nullopt.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const noexcept {
    for (const auto& h : headers_) {
      if (detail::iequals(h.name, name)) return std::string_view(h.value);
    }
    return std::nullopt;
  }
  /// The Host header's value ("" when there is none).
  [[nodiscard]] std::string_view host() const noexcept { return header("Host").value_or(std::string_view{}); }
  /// Replaces a header's value (case-insensitive name) or adds the header: e.g. a VPC endpoint's
  /// Host, or the transport's signing headers.
  void set_header(std::string_view name, std::string_view value) {
    for (auto& h : headers_) {
      if (detail::iequals(h.name, name)) {
        h.value.assign(value);
        return;
      }
    }
    headers_.push_back({std::string(name), std::string(value)});
  }
  void set_host(std::string_view host) { set_header("Host", host); }

  /// The body, secrets included. It wipes itself when the request is destroyed.
  [[nodiscard]] const secure_buffer& body() const noexcept { return body_; }
  /// Where the secret values sit in the body.
  [[nodiscard]] const body_span* secret_spans_begin() const noexcept { return secrets_.data(); }
  [[nodiscard]] const body_span* secret_spans_end() const noexcept { return secrets_.data() + secret_count_; }

  /// The body with every secret value replaced by `[redacted]` (still valid JSON).
  [[nodiscard]] std::string redacted_body() const {
    std::string out;
    out.reserve(body_.size());
    const std::string_view all = body_.view();
    std::size_t pos = 0;
    for (std::size_t i = 0; i < secret_count_; ++i) {
      out.append(all.substr(pos, secrets_[i].offset - pos));
      out.append(redaction);
      pos = secrets_[i].offset + secrets_[i].size;
    }
    out.append(all.substr(pos));
    return out;
  }

  /// The whole request for people: "POST /", one "Name: value" line per header, a blank line,
  /// and `redacted_body()`. Lines end with "\n". The value of X-Amz-Security-Token (the session
  /// token a SigV4 signer adds, a bearer secret) is shown as `[redacted]` too.
  [[nodiscard]] std::string redacted() const {
    std::string out;
    out.append(method());
    out.push_back(' ');
    out.append(path());
    out.push_back('\n');
    for (const auto& h : headers_) {
      out += h.name;
      out += ": ";
      out += detail::iequals(h.name, "X-Amz-Security-Token") ? redaction : std::string_view(h.value);
      out.push_back('\n');
    }
    out.push_back('\n');
    out += redacted_body();
    return out;
  }

 private:
  std::vector<http_header> headers_;
  secure_buffer body_;
  std::array<body_span, max_secret_spans> secrets_{};
  std::size_t secret_count_{0};
};

SGWCHAP_END_NAMESPACE
