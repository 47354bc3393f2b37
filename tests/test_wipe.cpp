// Tests of <sgwchap/detail/wipe.hpp>, compiled with -O2 (tests/CMakeLists.txt), the way users
// build: the wipe must zero exactly its bytes, and a destroyed chap_secret must leave none of its
// secret in its storage. (These tests pass with GCC 12 -O2 even without the wipe's compiler
// barrier, so they do not prove the barrier is needed; they check the result that matters.)
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>

#include <catch2/catch.hpp>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/wipe.hpp>

namespace {

bool contains(const unsigned char* bytes, std::size_t size, std::string_view needle) {
  const auto* first = reinterpret_cast<const char*>(bytes);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  return std::string_view(first, size).find(needle) != std::string_view::npos;
}

}  // namespace

TEST_CASE("secure_wipe zeroes exactly the bytes it is given", "[wipe]") {
  // Rows: where the wipe starts and how many bytes it covers, in a 32-byte buffer of 'x'.
  struct row {
    std::size_t from;
    std::size_t size;
  };
  for (const row r : {row{0, 0}, row{0, 1}, row{0, 16}, row{3, 13}, row{0, 32}, row{31, 1}}) {
    CAPTURE(r.from, r.size);
    unsigned char buffer[32];
    std::memset(buffer, 'x', sizeof buffer);
    sgwchap::secure_wipe(buffer + r.from, r.size);
    for (std::size_t i = 0; i < sizeof buffer; ++i) {
      const bool wiped = i >= r.from && i < r.from + r.size;
      CHECK(buffer[i] == (wiped ? 0 : 'x'));
    }
  }
  sgwchap::secure_wipe(nullptr, 16);  // nothing to do, and no crash
}

TEST_CASE("a destroyed chap_secret leaves no byte of its secret in its storage (-O2)", "[wipe]") {
  // Each row: a secret held inline (12..16 bytes), destroyed in place; its storage must not
  // contain the secret afterwards.
  for (const std::string_view value : {std::string_view("0123456789ab"), std::string_view("ZYXWVUTSRQPONMLK")}) {
    CAPTURE(value.size());
    alignas(sgwchap::chap_secret) unsigned char storage[sizeof(sgwchap::chap_secret)];
    auto made = sgwchap::chap_secret::make(value);
    REQUIRE(made.has_value());
    auto* held = ::new (static_cast<void*>(storage)) sgwchap::chap_secret(std::move(*made));
    REQUIRE(held->reveal() == value);
    REQUIRE(contains(storage, sizeof storage, value));  // the check below can see the bytes
    std::destroy_at(held);
    CHECK_FALSE(contains(storage, sizeof storage, value));
    CHECK_FALSE(contains(storage, sizeof storage, value.substr(0, 4)));
  }
}
