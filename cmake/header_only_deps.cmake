# Test builds only (scripts/test): Boost::json and fmt::fmt compiled from their headers, for a
# target with no usable libboost_json.so / libfmt.so:
#   - Clang with libc++: Debian's libboost_json.so and libfmt.so are built against libstdc++,
#     whose std::string and exceptions a libc++ program cannot share;
#   - s390x: Debian 12's security archive no longer carries s390x, so libboost-json1.81-dev:s390x
#     (through libc6-dev:s390x, linux-libc-dev:s390x) does not co-install with an up-to-date amd64
#     system (Multi-Arch: same packages need equal versions, https://wiki.debian.org/Multiarch/HOWTO).
# Boost.JSON's header-only mode: <boost/json/src.hpp> in one translation unit of a program (the
# header says so; README "Header-Only", https://github.com/boostorg/json#header-only); fmt's:
# FMT_HEADER_ONLY (https://fmt.dev/9.1.0/usage.html#header-only-usage). The headers are
# architecture-independent (Debian installs them in /usr/include, which every compiler here
# searches). The library headers never include src.hpp: this is our test binaries' business.
# Included by the top-level CMakeLists.txt when SGWCHAP_HEADER_ONLY_DEPS is ON, before it looks for
# Boost.JSON and fmt (it uses targets that already exist).
include(CheckIncludeFileCXX)
check_include_file_cxx(boost/json/src.hpp SGWCHAP_HAVE_BOOST_JSON_SRC)
if(SGWCHAP_HAVE_BOOST_JSON_SRC)
  add_library(sgwchap_boost_json_src STATIC ${CMAKE_CURRENT_LIST_DIR}/boost_json_src.cpp)
  add_library(Boost::json ALIAS sgwchap_boost_json_src)
endif()
check_include_file_cxx(fmt/format.h SGWCHAP_HAVE_FMT_HEADERS)
if(SGWCHAP_HAVE_FMT_HEADERS)
  # Both names of fmt's export set, so a later find_package(fmt) sees them defined and keeps them.
  foreach(name fmt::fmt fmt::fmt-header-only)
    add_library(${name} INTERFACE IMPORTED GLOBAL)
    set_target_properties(${name} PROPERTIES INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)
  endforeach()
endif()
# Nothing of this is installed: the install rules' export sets cannot name these targets.
set(SGWCHAP_INSTALL OFF)
