// The SigV4 secrets leave no byte behind in freed memory, checked at -O2 (tests/sigv4/CMakeLists.txt).
// Every heap block is scanned for the watched secret right before it is freed, so a copy of a
// secret in any block the program frees is seen: this binary replaces the global operator
// new/delete (malloc_usable_size gives a block's size); under AddressSanitizer, which brings its
// own operator new, the sanitizer's free hook does the scan instead. The derived signing key is checked in place, as
// tests/test_wipe.cpp checks chap_secret.
#include <malloc.h>

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define SGWCHAP_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SGWCHAP_TEST_ASAN 1
#endif
#endif
#ifdef SGWCHAP_TEST_ASAN
#if __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#else
// GCC ships no allocator_interface.h, but its libasan has both functions (compiler-rt's
// sanitizer_common, with the declarations of LLVM's header).
extern "C" {
std::size_t __sanitizer_get_allocated_size(const volatile void* p);  // NOLINT(bugprone-reserved-identifier)
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*, std::size_t),
                                              void (*free_hook)(const volatile void*));  // NOLINT
}
#endif
#endif

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include <sgwchap/sigv4.hpp>

namespace {

// Not std::string_view members: the scanner must not allocate.
const char* g_watched = nullptr;
std::size_t g_watched_size = 0;
bool g_seen = false;

void scan_block(const void* p, std::size_t n) noexcept {
  if (p == nullptr || g_watched == nullptr) return;
  const std::string_view block(static_cast<const char*>(p), n);
  if (block.find(std::string_view(g_watched, g_watched_size)) != std::string_view::npos) g_seen = true;
}

/// Watches `secret` while it lives: `seen()` is true once a block holding it was freed.
class watch {
 public:
  explicit watch(std::string_view secret) noexcept {
    g_watched = secret.data();
    g_watched_size = secret.size();
    g_seen = false;
  }
  watch(const watch&) = delete;
  watch& operator=(const watch&) = delete;
  ~watch() { g_watched = nullptr; }
  [[nodiscard]] static bool seen() noexcept { return g_seen; }
};

// The watched values are string literals (static storage): never freed, so never seen themselves.
constexpr std::string_view key_secret = "wipe-test/SECRET/ACCESS/KEY/0123456789ab";
constexpr std::string_view session_token = "wipe-test-SESSION-TOKEN-FQoGZXIvYXdzEBaaDExample";
constexpr std::chrono::sys_seconds when{std::chrono::seconds{1700000000}};

}  // namespace

#ifdef SGWCHAP_TEST_ASAN
namespace {
void free_hook(const volatile void* p) noexcept {
  const void* block = const_cast<const void*>(p);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  if (block != nullptr) scan_block(block, __sanitizer_get_allocated_size(block));
}
void malloc_hook(const volatile void*, std::size_t) noexcept {}  // the API takes both hooks or none
const int hook_installed = __sanitizer_install_malloc_and_free_hooks(malloc_hook, free_hook);
}  // namespace
#else
namespace {
void* allocate(std::size_t n) {
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void release(void* p) noexcept {
  if (p != nullptr) scan_block(p, malloc_usable_size(p));
  std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
#endif

TEST_CASE("the scan sees a secret left in a freed block (control)", "[sigv4][wipe]") {
#ifdef SGWCHAP_TEST_ASAN
  REQUIRE(hook_installed != 0);
#endif
  const watch w(key_secret);
  {
    const auto* copy = new std::string(key_secret);  // NOLINT(cppcoreguidelines-owning-memory)
    delete copy;                                     // NOLINT(cppcoreguidelines-owning-memory)
  }
  CHECK(watch::seen());
}

TEST_CASE("destroyed and moved-over credentials leave neither secret in freed memory", "[sigv4][wipe]") {
  for (const std::string_view watched : {key_secret, session_token}) {
    CAPTURE(watched);
    const watch w(watched);
    {
      auto made = sgwchap::sigv4::credentials::make("AKIDEXAMPLE", key_secret, session_token);
      REQUIRE(made.has_value());
      sgwchap::sigv4::credentials held = std::move(*made);
      sgwchap::sigv4::credentials copy = held.clone();
      REQUIRE(copy.reveal_secret_access_key() == key_secret);
      copy = sgwchap::sigv4::credentials::make("AKIDOTHER", "other-secret").value();  // frees the old block
      sgwchap::sigv4::credentials moved = std::move(held);
      REQUIRE(moved.reveal_session_token() == session_token);
    }
    CHECK_FALSE(watch::seen());
  }
}

TEST_CASE("signing copies the secret access key into no heap block", "[sigv4][wipe]") {
  const watch w(key_secret);
  {
    auto creds = sgwchap::sigv4::credentials::make("AKIDEXAMPLE", key_secret);
    REQUIRE(creds.has_value());
    sgwchap::sigv4::request r;
    r.method = "POST";
    r.path = "/a/./b";
    r.query = "x=1&y=%41";
    r.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Target", "T.Op"}};
    r.body = "{}";
    REQUIRE(sgwchap::sigv4::sign(r, *creds, {"us-east-1", "service"}, when).has_value());
    REQUIRE(sgwchap::sigv4::canonical_request(r, *creds, when).has_value());
    REQUIRE(sgwchap::sigv4::string_to_sign(r, *creds, {"us-east-1", "service"}, when).has_value());
  }
  CHECK_FALSE(watch::seen());
}

TEST_CASE("a destroyed signing_key leaves no byte of the key (-O2)", "[sigv4][wipe]") {
  alignas(sgwchap::sigv4::signing_key) unsigned char storage[sizeof(sgwchap::sigv4::signing_key)];
  auto* key = ::new (static_cast<void*>(storage)) sgwchap::sigv4::signing_key();
  sgwchap::sigv4::openssl_sha256 h;
  REQUIRE(sgwchap::sigv4::detail::derive_signing_key(h, key_secret, "20231114", "us-east-1", "service", *key));
  std::size_t nonzero = 0;
  for (const unsigned char b : storage) nonzero += b != 0 ? 1U : 0U;
  REQUIRE(nonzero > 16);  // the key is there (so the check below can fail)
  std::destroy_at(key);
  nonzero = 0;
  for (const unsigned char b : storage) nonzero += b != 0 ? 1U : 0U;
  CHECK(nonzero == 0);
}
