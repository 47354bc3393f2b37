// sgwchap — the pieces of SigV4's canonical request: method, canonical URI, canonical query
// string, canonical headers, signed headers.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
//
// Everything here writes to an output `Out` with append(string_view), push_back(char) and
// begin_secret()/end_secret() around a secret value (the session token): the hashing sink feeds
// the bytes to SHA-256, the string sink that people read writes `[redacted]` instead. So the
// canonical request shown for debugging is the one hashed, byte for byte, but for the token.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sgwchap/error.hpp>
#include <sgwchap/sigv4/credentials.hpp>
#include <sgwchap/sigv4/request.hpp>
#include <sgwchap/wire/http_request.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace sigv4 {

/// Headers not signed unless the caller asks (signing_options::unsigned_headers): the hop-by-hop
/// headers a proxy may change (RFC 9110 §7.6.1), what a transport or agent adds or rewrites after
/// signing (Content-Length, which an HTTP/2 or chunked transport may not send; Expect;
/// User-Agent), and the trace id AWS's load balancers add. botocore leaves the same ones out
/// (SIGNED_HEADERS_BLACKLIST in botocore/auth.py; its older releases list only expect,
/// user-agent and x-amzn-trace-id, and sign before Content-Length is set).
inline constexpr std::array<std::string_view, 12> default_unsigned_headers = {
    "connection", "content-length", "expect",  "keep-alive",        "proxy-authenticate", "proxy-authorization",
    "te",         "trailer",        "upgrade", "transfer-encoding", "user-agent",         "x-amzn-trace-id"};

namespace detail {

using sgwchap::detail::make_error;

[[nodiscard]] constexpr char to_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// RFC 3986 §2.3 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". SigV4 leaves these as they
/// are and percent-encodes every other byte with upper-case hex (RFC 3986 §2.1).
[[nodiscard]] constexpr bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

/// RFC 9110 §5.6.2 tchar: the characters of a token (header names, methods).
[[nodiscard]] constexpr bool is_tchar(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

[[nodiscard]] constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

[[nodiscard]] constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

template <class Out>
void append_encoded_byte(Out& out, unsigned char c) {
  constexpr std::string_view hex = "0123456789ABCDEF";
  const char text[3] = {'%', hex[c >> 4U], hex[c & 0xFU]};
  out.append(std::string_view(text, 3));
}

/// Percent-encodes every byte of `s` but the unreserved ones (and `/` when `keep_slash`).
template <class Out>
void append_encoded(Out& out, std::string_view s, bool keep_slash) {
  std::size_t run = 0;  // start of the current run of bytes written as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_unreserved(c) || (keep_slash && c == '/')) continue;
    if (i > run) out.append(s.substr(run, i - run));
    append_encoded_byte(out, c);
    run = i + 1;
  }
  if (run < s.size()) out.append(s.substr(run));
}

/// Decodes `%XX` escapes of `s` (a `%` not followed by two hex digits stays a `%`), then
/// percent-encodes the bytes as append_encoded does: a query parameter already encoded on the
/// wire (`%E1%88%B4`) and one sent raw (UTF-8 bytes) give the same canonical text. `+` is not
/// a space here (RFC 3986 gives it no meaning; form encoding does).
template <class Out>
void append_reencoded(Out& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]);
      const int lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        c = static_cast<unsigned char>(hi * 16 + lo);
        i += 2;
      }
    }
    if (is_unreserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      append_encoded_byte(out, c);
    }
  }
}

/// The path checks: empty or starting with `/`; no `?` or `#` (the query is given apart, a
/// fragment is never sent, RFC 3986 §3.3) and no control characters.
[[nodiscard]] inline result<void> check_path(std::string_view path) noexcept {
  if (!path.empty() && path.front() != '/') return tl::unexpected(make_error(errc::bad_prefix, field::http_path, 0));
  for (std::size_t i = 0; i < path.size(); ++i) {
    const auto c = static_cast<unsigned char>(path[i]);
    if (c < 0x20 || c == 0x7F || c == '?' || c == '#') {
      return tl::unexpected(make_error(errc::invalid_character, field::http_path, i));
    }
  }
  return {};
}

/// The query checks: no `#` and no control characters.
[[nodiscard]] inline result<void> check_query(std::string_view query) noexcept {
  for (std::size_t i = 0; i < query.size(); ++i) {
    const auto c = static_cast<unsigned char>(query[i]);
    if (c < 0x20 || c == 0x7F || c == '#') {
      return tl::unexpected(make_error(errc::invalid_character, field::http_query, i));
    }
  }
  return {};
}

/// A method is a non-empty token (RFC 9110 §9.1).
[[nodiscard]] inline result<void> check_method(std::string_view method) noexcept {
  if (method.empty()) return tl::unexpected(make_error(errc::missing_member, field::http_method, 0));
  for (std::size_t i = 0; i < method.size(); ++i) {
    if (!is_tchar(static_cast<unsigned char>(method[i]))) {
      return tl::unexpected(make_error(errc::invalid_character, field::http_method, i));
    }
  }
  return {};
}

/// A header: its name a non-empty token (RFC 9110 §5.1); its value free of control characters
/// but HTAB (RFC 9110 §5.5), with CR LF or LF allowed only when SP or HTAB follows (a folded
/// line, RFC 9112 §5.2 obs-fold). `position` counts from 1 and goes into `detail`.
[[nodiscard]] inline result<void> check_header(const http_header& h, std::size_t position) noexcept {
  const auto at = static_cast<std::uint32_t>(position);
  const auto fail = [at](errc code, std::size_t offset) {
    return tl::unexpected(make_error(code, field::http_header, offset, profile::strict, 0, length_unit::bytes, at));
  };
  if (h.name.empty()) return fail(errc::bad_header_name, 0);
  for (std::size_t i = 0; i < h.name.size(); ++i) {
    if (!is_tchar(static_cast<unsigned char>(h.name[i]))) return fail(errc::bad_header_name, i);
  }
  const std::string_view v = h.value;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto c = static_cast<unsigned char>(v[i]);
    if (c == '\r' && i + 1 < v.size() && v[i + 1] == '\n') continue;  // checked as the LF below
    if (c == '\n') {
      if (i + 1 < v.size() && (v[i + 1] == ' ' || v[i + 1] == '\t')) continue;
      return fail(errc::bad_header_value, i);
    }
    if ((c < 0x20 && c != '\t') || c == 0x7F) return fail(errc::bad_header_value, i);
  }
  return {};
}

/// SigV4's Trimall: no whitespace before or after the value, each inner run of whitespace (a
/// folded line break included) as one space.
template <class Out>
void append_trimmed(Out& out, std::string_view v) {
  std::size_t i = 0;
  bool pending_space = false;
  bool any = false;
  while (i < v.size()) {
    if (is_space(v[i])) {
      pending_space = any;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < v.size() && !is_space(v[end])) ++end;
    if (pending_space) out.push_back(' ');
    out.append(v.substr(i, end - i));
    any = true;
    pending_space = false;
    i = end;
  }
}

template <class Out>
void append_lower(Out& out, std::string_view s) {
  char chunk[64];
  while (!s.empty()) {
    const std::size_t n = std::min(s.size(), sizeof chunk);
    for (std::size_t i = 0; i < n; ++i) chunk[i] = to_lower(s[i]);
    out.append(std::string_view(chunk, n));
    s.remove_prefix(n);
  }
}

/// a < b, comparing the names as lower case (header names are ASCII tokens).
[[nodiscard]] constexpr bool iless(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = to_lower(a[i]);
    const char y = to_lower(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
  }
  return a.size() < b.size();
}

/// The canonical URI. With `normalize` (every service but S3): the path split at `/`, empty and
/// `.` segments dropped, `..` dropping the segment before it (RFC 3986 §5.2.4's dot segments,
/// plus the empty segments AWS also removes); a trailing `/` is kept when the path ends with one
/// and any segment is left (botocore's remove_dot_segments and aws-c-auth's
/// s_append_normalized_path agree on this, which differs from RFC 3986 for `/a/b/..`: `/a`).
/// Then each segment is percent-encoded once more: the path as sent is already encoded, so a
/// `%` becomes `%25` ("each path segment must be URI-encoded twice", the AWS guide above).
template <class Out>
void append_canonical_path(Out& out, std::string_view path, bool normalize) {
  if (path.empty()) {
    out.push_back('/');
    return;
  }
  // Does any segment need dropping? (Not the empty one after a trailing slash.)
  bool needs = false;
  if (normalize) {
    std::size_t begin = 1;
    while (begin <= path.size() && !needs) {
      std::size_t end = path.find('/', begin);
      const bool last = end == std::string_view::npos;
      if (last) end = path.size();
      const std::string_view seg = path.substr(begin, end - begin);
      needs = (seg.empty() && !last) || seg == "." || seg == "..";
      begin = end + 1;
    }
  }
  if (!needs) {
    append_encoded(out, path, true);
    return;
  }
  std::vector<std::string_view> kept;
  std::size_t begin = 1;
  while (begin <= path.size()) {
    std::size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view seg = path.substr(begin, end - begin);
    if (seg == "..") {
      if (!kept.empty()) kept.pop_back();
    } else if (!seg.empty() && seg != ".") {
      kept.push_back(seg);
    }
    begin = end + 1;
  }
  out.push_back('/');
  const bool trailing_slash = path.back() == '/';
  for (std::size_t i = 0; i < kept.size(); ++i) {
    append_encoded(out, kept[i], false);
    if (i + 1 < kept.size() || trailing_slash) out.push_back('/');
  }
}

/// The canonical query string: the `&`-separated parameters (empty ones skipped; a name without
/// `=` has an empty value), each name and value decoded and encoded again (append_reencoded),
/// sorted by encoded name, then encoded value (byte order), joined as `name=value` with `&`.
/// Allocates for a non-empty query (the encoded parameters and their order).
template <class Out>
void append_canonical_query(Out& out, std::string_view query) {
  if (query.empty()) return;
  struct param {
    std::size_t name_begin, name_end, value_end;  // offsets into `encoded`
  };
  std::string encoded;
  encoded.reserve(query.size() + query.size() / 2);
  std::vector<param> params;
  std::size_t begin = 0;
  while (begin <= query.size()) {
    std::size_t end = query.find('&', begin);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view piece = query.substr(begin, end - begin);
    begin = end + 1;
    if (piece.empty()) continue;
    const std::size_t eq = piece.find('=');
    param p{encoded.size(), 0, 0};
    append_reencoded(encoded, piece.substr(0, eq));
    p.name_end = encoded.size();
    if (eq != std::string_view::npos) append_reencoded(encoded, piece.substr(eq + 1));
    p.value_end = encoded.size();
    params.push_back(p);
  }
  const std::string_view all = encoded;
  const auto name = [all](const param& p) { return all.substr(p.name_begin, p.name_end - p.name_begin); };
  const auto value = [all](const param& p) { return all.substr(p.name_end, p.value_end - p.name_end); };
  std::sort(params.begin(), params.end(), [&](const param& a, const param& b) {
    const int by_name = name(a).compare(name(b));
    return by_name != 0 ? by_name < 0 : value(a) < value(b);
  });
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i > 0) out.push_back('&');
    out.append(name(params[i]));
    out.push_back('=');
    out.append(value(params[i]));
  }
}

/// One header as it enters the canonical form.
struct header_entry {
  std::string_view name;   ///< any case; written lower-cased
  std::string_view value;  ///< as sent; written trimmed
  bool secret{false};      ///< the session token: shown as [redacted]
};

/// The headers to sign, sorted by lower-cased name, duplicates in their order (a stable sort).
/// Up to `inline_capacity` headers need no heap. Not copyable or movable (it points into itself).
class header_set {
 public:
  static constexpr std::size_t inline_capacity = 16;

  header_set() noexcept = default;
  header_set(const header_set&) = delete;
  header_set& operator=(const header_set&) = delete;
  ~header_set() = default;

  /// May throw std::bad_alloc beyond inline_capacity headers.
  void add(const header_entry& e) {
    if (heap_.empty() && size_ < inline_capacity) {
      inline_[size_++] = e;
      return;
    }
    if (heap_.empty()) heap_.assign(inline_.begin(), inline_.begin() + static_cast<std::ptrdiff_t>(size_));
    heap_.push_back(e);
    ++size_;
  }

  [[nodiscard]] std::span<const header_entry> entries() const noexcept {
    return heap_.empty() ? std::span<const header_entry>(inline_.data(), size_) : std::span<const header_entry>(heap_);
  }

  /// Stable sort by lower-cased name: an insertion sort inline (a few headers), std::stable_sort
  /// on the heap.
  void sort() {
    if (!heap_.empty()) {
      std::stable_sort(heap_.begin(), heap_.end(),
                       [](const header_entry& a, const header_entry& b) { return iless(a.name, b.name); });
      return;
    }
    for (std::size_t i = 1; i < size_; ++i) {
      const header_entry e = inline_[i];
      std::size_t j = i;
      while (j > 0 && iless(e.name, inline_[j - 1].name)) {
        inline_[j] = inline_[j - 1];
        --j;
      }
      inline_[j] = e;
    }
  }

  [[nodiscard]] bool has(std::string_view lower_name) const noexcept {
    for (const header_entry& e : entries()) {
      if (sgwchap::detail::iequals(e.name, lower_name)) return true;
    }
    return false;
  }

  /// `name:value[,value...]\n` per name (the canonical headers).
  template <class Out>
  void write_canonical(Out& out) const {
    const auto all = entries();
    for (std::size_t i = 0; i < all.size(); ++i) {
      const bool first = i == 0 || !sgwchap::detail::iequals(all[i - 1].name, all[i].name);
      if (first) {
        append_lower(out, all[i].name);
        out.push_back(':');
      } else {
        out.push_back(',');
      }
      if (all[i].secret) out.begin_secret();
      append_trimmed(out, all[i].value);
      if (all[i].secret) out.end_secret();
      if (i + 1 == all.size() || !sgwchap::detail::iequals(all[i + 1].name, all[i].name)) out.push_back('\n');
    }
  }

  /// The signed headers: the lower-cased names, each once, joined with `;`.
  template <class Out>
  void write_signed(Out& out) const {
    const auto all = entries();
    bool first = true;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i > 0 && sgwchap::detail::iequals(all[i - 1].name, all[i].name)) continue;
      if (!first) out.push_back(';');
      append_lower(out, all[i].name);
      first = false;
    }
  }

 private:
  std::array<header_entry, inline_capacity> inline_{};
  std::vector<header_entry> heap_;
  std::size_t size_{0};
};

/// An output that is a std::string, for people: a secret value is written as `[redacted]`.
struct redacting_string_sink {
  std::string* out;
  bool hidden{false};
  void append(std::string_view s) {
    if (!hidden) out->append(s);
  }
  void push_back(char c) {
    if (!hidden) out->push_back(c);
  }
  void begin_secret() {
    out->append(credentials::redacted);
    hidden = true;
  }
  void end_secret() noexcept { hidden = false; }
};

}  // namespace detail

}  // namespace sigv4

SGWCHAP_END_NAMESPACE
