// sgwchap tool — one HTTPS exchange with libcurl's easy interface (https://curl.se/libcurl/c/),
// for `sgwchap call`: the signed request out, status, headers and body back. The tool alone
// links libcurl; the library does no I/O.
//
// What is sent holds the CHAP secrets (the body) and the session token (a header); what comes
// back may hold secrets too (a DescribeChapCredentials answer). So:
//   - the body is handed to libcurl by pointer (CURLOPT_POSTFIELDS), never copied by us, and the
//     answer is collected into a secure_buffer;
//   - every block libcurl and OpenSSL free is wiped first: libcurl's allocator is replaced
//     through curl_global_init_mem (https://curl.se/libcurl/c/curl_global_init_mem.html) and
//     OpenSSL's through CRYPTO_set_mem_functions
//     (https://www.openssl.org/docs/man3.0/man3/CRYPTO_set_mem_functions.html), both with
//     functions that overwrite a block (malloc_usable_size bytes) before free();
//   - TLS connections cleanse decrypted application data once it is handed over
//     (SSL_OP_CLEANSE_PLAINTEXT, https://www.openssl.org/docs/man3.0/man3/SSL_CTX_set_options.html);
//   - header lines we build for libcurl (one holds the token) are built in a secure_buffer.
// TLS peer and host verification stay on (libcurl's defaults); --ca-bundle sets CURLOPT_CAINFO.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <malloc.h>

#include <curl/curl.h>
#include <fmt/core.h>
#include <openssl/crypto.h>
#include <openssl/ssl.h>
#include <tl/expected.hpp>

#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/version.hpp>
#include <sgwchap/wire/http_request.hpp>
#include <sgwchap/wire/secure_buffer.hpp>

namespace sgwchap_tool {

namespace detail_transport {

// -- allocators that wipe what they free ------------------------------------------------------

inline void wipe_and_free(void* p) noexcept {
  if (p == nullptr) return;
  sgwchap::secure_wipe(p, ::malloc_usable_size(p));
  std::free(p);  // NOLINT(cppcoreguidelines-no-malloc): the allocator we stand in for
}
/// realloc that never leaves the old block's bytes behind: a new block, a copy, the old wiped.
inline void* wiping_realloc(void* p, std::size_t n) noexcept {
  if (p == nullptr) return std::malloc(n == 0 ? 1 : n);  // NOLINT(cppcoreguidelines-no-malloc)
  const std::size_t old = ::malloc_usable_size(p);
  if (n != 0 && n <= old) return p;
  void* fresh = std::malloc(n == 0 ? 1 : n);  // NOLINT(cppcoreguidelines-no-malloc)
  if (fresh == nullptr) return nullptr;
  std::memcpy(fresh, p, old < n ? old : n);
  wipe_and_free(p);
  return fresh;
}

extern "C" {
inline void* curl_malloc_fn(std::size_t n) { return std::malloc(n); }  // NOLINT(cppcoreguidelines-no-malloc)
inline void curl_free_fn(void* p) { wipe_and_free(p); }
inline void* curl_realloc_fn(void* p, std::size_t n) { return wiping_realloc(p, n); }
inline char* curl_strdup_fn(const char* s) {
  const std::size_t n = std::strlen(s) + 1;
  auto* copy = static_cast<char*>(std::malloc(n));  // NOLINT(cppcoreguidelines-no-malloc)
  if (copy != nullptr) std::memcpy(copy, s, n);
  return copy;
}
inline void* curl_calloc_fn(std::size_t count, std::size_t size) {
  return std::calloc(count, size);  // NOLINT(cppcoreguidelines-no-malloc)
}
inline void* ossl_malloc_fn(std::size_t n, const char* /*file*/, int /*line*/) {
  return std::malloc(n);  // NOLINT(cppcoreguidelines-no-malloc)
}
inline void* ossl_realloc_fn(void* p, std::size_t n, const char* /*file*/, int /*line*/) {
  return wiping_realloc(p, n);
}
inline void ossl_free_fn(void* p, const char* /*file*/, int /*line*/) { wipe_and_free(p); }
}

/// SSL_CTX callback (CURLOPT_SSL_CTX_FUNCTION): cleanse decrypted data once libcurl has it.
extern "C" inline CURLcode cleanse_plaintext(CURL* /*curl*/, void* ssl_ctx, void* /*user*/) {
  SSL_CTX_set_options(static_cast<SSL_CTX*>(ssl_ctx), SSL_OP_CLEANSE_PLAINTEXT);
  return CURLE_OK;
}

}  // namespace detail_transport

/// Timeouts and TLS settings of an exchange.
struct transport_options {
  long connect_timeout_ms{60'000};  ///< CURLOPT_CONNECTTIMEOUT_MS
  long read_timeout_ms{60'000};     ///< no byte in either direction for this long ends the attempt (0: never)
  long total_timeout_ms{0};         ///< CURLOPT_TIMEOUT_MS (0: none)
  std::string ca_bundle;            ///< CURLOPT_CAINFO, "" for the system's store
};

/// What came back: the status, the headers of the final response, the body (at most
/// `max_body` bytes are kept, then one more to show it was longer).
struct http_answer {
  int status{0};
  std::vector<sgwchap::http_header> headers;
  sgwchap::secure_buffer body;
};

/// Why no answer came back. `retryable`: a failure botocore's standard retry mode tries again
/// (ConnectionError and HTTPClientError: DNS, connect, TLS, timeouts, a dropped connection;
/// botocore retries/standard.py, TransientRetryableChecker), not a local problem (a CA file
/// that cannot be read, a URL libcurl refuses, no memory).
struct transport_failure {
  std::string what;
  bool retryable{true};
};

/// libcurl's global state and one easy handle, reused across attempts (its connection too).
class curl_transport {
 public:
  /// Installs the wiping allocators (OpenSSL's must come before OpenSSL allocates anything:
  /// call this before signing) and initialises libcurl. Returns an error line on failure.
  [[nodiscard]] static tl::expected<curl_transport, std::string> make() {
    using namespace detail_transport;
    // 0 when OpenSSL already allocated (then its frees are not wiped; nothing else changes).
    (void)CRYPTO_set_mem_functions(ossl_malloc_fn, ossl_realloc_fn, ossl_free_fn);
    if (curl_global_init_mem(CURL_GLOBAL_DEFAULT, curl_malloc_fn, curl_free_fn, curl_realloc_fn, curl_strdup_fn,
                             curl_calloc_fn) != CURLE_OK) {
      return tl::unexpected(std::string("libcurl could not be initialised"));
    }
    curl_transport t;
    t.global_ = true;
    t.easy_ = curl_easy_init();
    if (t.easy_ == nullptr) return tl::unexpected(std::string("libcurl could not be initialised"));
    return t;
  }

  curl_transport(const curl_transport&) = delete;
  curl_transport& operator=(const curl_transport&) = delete;
  curl_transport(curl_transport&& other) noexcept
      : easy_(std::exchange(other.easy_, nullptr)), global_(std::exchange(other.global_, false)) {}
  curl_transport& operator=(curl_transport&&) = delete;
  ~curl_transport() {
    if (easy_ != nullptr) curl_easy_cleanup(easy_);
    if (global_) curl_global_cleanup();
  }

  /// POSTs `request` (signed; its Host header names the server of `url`) to `url`.
  [[nodiscard]] tl::expected<http_answer, transport_failure> post(const std::string& url,
                                                                  const sgwchap::http_request& request,
                                                                  const transport_options& options,
                                                                  std::size_t max_body) {
    curl_easy_reset(easy_);
    exchange state{{}, max_body, false, options.read_timeout_ms, std::chrono::steady_clock::now(), 0, false};
    header_list headers;
    for (const auto& h : request.headers()) {
      if (!headers.add(h.name, h.value)) return tl::unexpected(transport_failure{"out of memory", false});
    }
    // No "Expect: 100-continue" round trip, no default "Accept: */*": the request as signed.
    if (!headers.add("Expect", "") || !headers.add("Accept", "")) {
      return tl::unexpected(transport_failure{"out of memory", false});
    }
    char error_text[CURL_ERROR_SIZE] = {};
    const std::string_view body = request.body().view();
    CURL* c = easy_;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());  // a pointer: libcurl does not copy it
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_USERAGENT, "sgwchap/" SGWCHAP_VERSION_STRING);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options.total_timeout_ms);
    if (options.read_timeout_ms > 0) {
      // The AWS CLI's read timeout is a socket timeout: no byte for that long. libcurl's
      // low-speed limit averages over seconds (a quick upload hides a stalled answer), so the
      // progress callback, called at least once a second
      // (https://curl.se/libcurl/c/CURLOPT_XFERINFOFUNCTION.html), watches for bytes instead.
      curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
      curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
      curl_easy_setopt(c, CURLOPT_XFERINFODATA, &state);
    }
    if (!options.ca_bundle.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options.ca_bundle.c_str());
    // Not every TLS backend takes an SSL_CTX callback; Debian's libcurl4-openssl does.
    curl_easy_setopt(c, CURLOPT_SSL_CTX_FUNCTION, detail_transport::cleanse_plaintext);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &state);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &state);

    const CURLcode rc = curl_easy_perform(c);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, static_cast<char*>(nullptr));
    if (state.out_of_memory) return tl::unexpected(transport_failure{"out of memory", false});
    if (state.read_timed_out) {
      return tl::unexpected(transport_failure{
          fmt::format("timed out: no byte in {} ms (--read-timeout)", options.read_timeout_ms), true});
    }
    if (rc != CURLE_OK) return tl::unexpected(failure(rc, error_text));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    state.answer.status = static_cast<int>(status);
    return std::move(state.answer);
  }

 private:
  curl_transport() = default;

  struct exchange {
    http_answer answer;
    std::size_t max_body;
    bool out_of_memory;
    long read_timeout_ms;
    std::chrono::steady_clock::time_point last_byte;
    curl_off_t bytes_so_far;
    bool read_timed_out;
  };

  static int on_progress(void* user, curl_off_t dl_total, curl_off_t dl_now, curl_off_t ul_total,
                         curl_off_t ul_now) noexcept {
    (void)dl_total;
    (void)ul_total;
    auto& state = *static_cast<exchange*>(user);
    const auto now = std::chrono::steady_clock::now();
    if (dl_now + ul_now != state.bytes_so_far) {
      state.bytes_so_far = dl_now + ul_now;
      state.last_byte = now;
      return 0;
    }
    if (now - state.last_byte > std::chrono::milliseconds(state.read_timeout_ms)) {
      state.read_timed_out = true;
      return 1;  // CURLE_ABORTED_BY_CALLBACK
    }
    return 0;
  }

  /// A curl_slist of "Name: value" lines; each line is built in a secure_buffer (a header may
  /// hold the session token) and copied by curl_slist_append with the wiping allocator.
  class header_list {
   public:
    header_list() = default;
    header_list(const header_list&) = delete;
    header_list& operator=(const header_list&) = delete;
    ~header_list() { curl_slist_free_all(list_); }
    [[nodiscard]] bool add(std::string_view name, std::string_view value) {
      sgwchap::secure_buffer line;
      line.append(name);
      line.append(value.empty() ? std::string_view(":") : std::string_view(": "));
      line.append(value);
      line.push_back('\0');
      curl_slist* grown = curl_slist_append(list_, line.data());
      if (grown == nullptr) return false;
      list_ = grown;
      return true;
    }
    [[nodiscard]] curl_slist* get() const noexcept { return list_; }

   private:
    curl_slist* list_{nullptr};
  };

  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    auto& state = *static_cast<exchange*>(user);
    const std::size_t n = size * count;
    const std::size_t room =
        state.answer.body.size() > state.max_body ? 0 : state.max_body + 1 - state.answer.body.size();
    try {
      state.answer.body.append(data, n < room ? n : room);
    } catch (...) {
      state.out_of_memory = true;
      return 0;  // ends the transfer
    }
    return n;
  }

  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    auto& state = *static_cast<exchange*>(user);
    const std::size_t n = size * count;
    std::string_view line(data, n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    try {
      if (line.substr(0, 5) == "HTTP/") {
        state.answer.headers.clear();  // a new response (after a 100 Continue)
      } else if (const std::size_t colon = line.find(':'); colon != std::string_view::npos && colon > 0) {
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
        state.answer.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
      }
    } catch (...) {
      state.out_of_memory = true;
      return 0;
    }
    return n;
  }

  /// One line for a failed transfer: what kind, libcurl's detail, retryable or not.
  static transport_failure failure(CURLcode rc, const char* detail) {
    std::string what;
    bool retryable = true;
    switch (rc) {
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY: what = "cannot resolve the host"; break;
      case CURLE_COULDNT_CONNECT: what = "cannot connect"; break;
      case CURLE_OPERATION_TIMEDOUT: what = "timed out"; break;
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      case CURLE_SSL_INVALIDCERTSTATUS: what = "TLS failed"; break;
      case CURLE_SSL_CACERT_BADFILE:
        what = "cannot read the CA bundle";
        retryable = false;
        break;
      case CURLE_SEND_ERROR:
      case CURLE_RECV_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_PARTIAL_FILE: what = "the connection was dropped"; break;
      case CURLE_OUT_OF_MEMORY:
        what = "out of memory";
        retryable = false;
        break;
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT:
        what = "libcurl refused the URL";
        retryable = false;
        break;
      default: what = "the transfer failed"; break;
    }
    const std::string_view text = detail != nullptr && detail[0] != '\0' ? detail : curl_easy_strerror(rc);
    what += ": ";
    what += text;
    return {std::move(what), retryable};
  }

  CURL* easy_{nullptr};
  bool global_{false};
};

}  // namespace sgwchap_tool
