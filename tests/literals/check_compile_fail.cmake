# Compiles one translation unit with -fsyntax-only under the compiler in use and checks the
# outcome. Run by ctest (tests/literals/CMakeLists.txt):
#   cmake -DCXX=<compiler> -DINCLUDES=<dir>|<dir>... -DSOURCE=<file.cpp> -P check_compile_fail.cmake
# The source's line `// expect-error: <regex>` says what the compiler's FIRST `error:` line must
# match (the rule and offset of a bad literal, or the member a builder misses). A source with
# `// expect-compile` instead must compile: the control case that proves the harness itself
# (include paths, flags) works, so a failure elsewhere is the one intended.
cmake_minimum_required(VERSION 3.25)

foreach(var CXX INCLUDES SOURCE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_compile_fail.cmake: -D${var}=... is required")
  endif()
endforeach()

file(STRINGS "${SOURCE}" expect_error REGEX "^// expect-error: ")
file(STRINGS "${SOURCE}" expect_compile REGEX "^// expect-compile$")
if(NOT expect_error AND NOT expect_compile)
  message(FATAL_ERROR "${SOURCE}: no `// expect-error: <regex>` or `// expect-compile` line")
endif()

set(args -std=c++20 -fsyntax-only)
string(REPLACE "|" ";" include_dirs "${INCLUDES}")
list(REMOVE_DUPLICATES include_dirs)
foreach(dir IN LISTS include_dirs)
  # A system directory passed with -I would change the order of the system headers.
  if(dir AND NOT dir STREQUAL "/usr/include")
    list(APPEND args "-I${dir}")
  endif()
endforeach()

# LC_ALL=C: plain ASCII quotes in the diagnostics whatever the user's locale.
execute_process(COMMAND "${CMAKE_COMMAND}" -E env LC_ALL=C "${CXX}" ${args} "${SOURCE}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)

if(expect_compile)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${SOURCE} must compile, but ${CXX} failed:\n${err}")
  endif()
  message(STATUS "compiles, as expected")
  return()
endif()

list(GET expect_error 0 expected)
string(REGEX REPLACE "^// expect-error: " "" expected "${expected}")
if(status EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled with ${CXX}, but must not (expected an error matching: ${expected})")
endif()
string(REGEX MATCH "[^\n]*error:[^\n]*" first_error "${out}\n${err}")
if(NOT first_error)
  message(FATAL_ERROR "${CXX} failed on ${SOURCE} without an `error:` line:\n${err}")
endif()
if(NOT first_error MATCHES "${expected}")
  message(FATAL_ERROR "${SOURCE}: the first error line does not match `${expected}`:\n  ${first_error}\n"
                      "full output:\n${err}")
endif()
message(STATUS "fails as expected: ${first_error}")
