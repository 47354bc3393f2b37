// Boost.JSON compiled from its headers, for the test builds of cmake/header_only_deps.cmake (Clang
// with libc++, s390x): the documented header-only mode, this include in exactly one translation
// unit of each program.
#include <boost/json/src.hpp>
