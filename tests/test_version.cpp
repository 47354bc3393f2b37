// version.hpp: the version macros match project(VERSION) in CMakeLists.txt (passed in by
// tests/CMakeLists.txt as SGWCHAP_CMAKE_VERSION_*), and everything lives in the inline
// namespace sgwchap::v0, so two versions in one program fail to link instead of misbehaving.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>

#include <sgwchap/sgwchap.hpp>
#include <sgwchap/version.hpp>

#if !defined(SGWCHAP_CMAKE_VERSION_MAJOR) || !defined(SGWCHAP_CMAKE_VERSION_MINOR) || \
    !defined(SGWCHAP_CMAKE_VERSION_PATCH) || !defined(SGWCHAP_CMAKE_VERSION_STRING)
#error "tests/CMakeLists.txt passes the CMake project version as SGWCHAP_CMAKE_VERSION_*"
#endif

static_assert(SGWCHAP_VERSION_MAJOR == SGWCHAP_CMAKE_VERSION_MAJOR, "version.hpp: MAJOR differs from CMake");
static_assert(SGWCHAP_VERSION_MINOR == SGWCHAP_CMAKE_VERSION_MINOR, "version.hpp: MINOR differs from CMake");
static_assert(SGWCHAP_VERSION_PATCH == SGWCHAP_CMAKE_VERSION_PATCH, "version.hpp: PATCH differs from CMake");

// The inline namespace is v<MAJOR>: sgwchap::errc and sgwchap::v0::errc are one type.
static_assert(std::is_same_v<sgwchap::errc, sgwchap::v0::errc>);
static_assert(std::is_same_v<sgwchap::chap_secret, sgwchap::v0::chap_secret>);
static_assert(std::is_same_v<sgwchap::update_chap_credentials_request, sgwchap::v0::update_chap_credentials_request>);
static_assert(SGWCHAP_VERSION_MAJOR == 0, "on 1.0, rename the inline namespace v0 to v1 and update this test");

TEST_CASE("version: the string matches the numbers and CMake") {
  const std::string numbers = std::to_string(SGWCHAP_VERSION_MAJOR) + "." + std::to_string(SGWCHAP_VERSION_MINOR) +
                              "." + std::to_string(SGWCHAP_VERSION_PATCH);
  REQUIRE(numbers == SGWCHAP_VERSION_STRING);
  REQUIRE(std::string_view(SGWCHAP_VERSION_STRING) == SGWCHAP_CMAKE_VERSION_STRING);
}

TEST_CASE("version: the inline namespace is part of every mangled name") {
  // Itanium ABI: sgwchap::v0::X mangles as N7sgwchap2v0...; a v1 build would not link against it.
  const std::string_view names[] = {typeid(sgwchap::errc).name(), typeid(sgwchap::error).name(),
                                    typeid(sgwchap::target_arn).name(), typeid(sgwchap::chap_secret).name()};
  for (const std::string_view name : names) {
    CAPTURE(name);
    REQUIRE(name.find("7sgwchap2v0") != std::string_view::npos);
  }
}
