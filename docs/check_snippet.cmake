# Fails unless DOC contains, verbatim, the lines of SOURCE between its two "// [quick start]"
# markers: the README's quick start is the code that ctest builds and runs.
#   cmake -DSOURCE=examples/quick_start.cpp -DDOC=README.md -P docs/check_snippet.cmake
cmake_minimum_required(VERSION 3.25)
file(READ ${SOURCE} source)
string(REGEX MATCH "// \\[quick start\\]\n(.*)// \\[quick start\\]" _ "${source}")
set(snippet "${CMAKE_MATCH_1}")
if(snippet STREQUAL "")
  message(FATAL_ERROR "${SOURCE} has no '// [quick start]' markers")
endif()
file(READ ${DOC} doc)
string(FIND "${doc}" "```cpp\n${snippet}```" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${DOC} does not show the quick start of ${SOURCE} verbatim; copy these lines:\n${snippet}")
endif()
message(STATUS "${DOC}: the quick start matches ${SOURCE}")
