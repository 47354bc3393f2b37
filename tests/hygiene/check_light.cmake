# Preprocesses one header and lists what it includes (the compiler's -M dependency list, system
# headers included). Fails when a heavy dependency is pulled in, or one of the names in
# ALSO_FORBID ('|'-separated: string, system_error), or, with EXPECT set to names below
# ('|'-separated), when one of those is not (a control that the check can fail).
#   cmake -DCXX=g++ -DINCLUDE_DIRS="a|b" -DHEADER=sgwchap/error.hpp [-DALSO_FORBID="string|system_error"]
#         [-DEXPECT=fmt] -P check_light.cmake
cmake_minimum_required(VERSION 3.25)

string(REPLACE "|" ";" dirs "${INCLUDE_DIRS}")
set(flags -std=c++20 -M -x c++)
foreach(dir ${dirs})
  list(APPEND flags -I${dir})
endforeach()
# One input file per header: ctest -j runs these checks in parallel in the same directory.
string(MAKE_C_IDENTIFIER "${HEADER}" id)
set(input ${CMAKE_CURRENT_BINARY_DIR}/check_light_${id}.cpp)
file(WRITE ${input} "#include <${HEADER}>\n")
execute_process(COMMAND ${CXX} ${flags} ${input}
                OUTPUT_VARIABLE deps ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${HEADER}: preprocessing failed:\n${errors}")
endif()
string(REGEX REPLACE "[ \t\r\n\\\\]+" ";" deps "${deps}")

# name -> regular expression on an included file's path
set(heavy boost_json fmt regex iostream)
set(pattern_boost_json "/boost/json[/.]")
set(pattern_fmt "/fmt/[a-z_]+\\.h$")
set(pattern_regex "/regex$")
set(pattern_iostream "/iostream$")
# Not heavy, but what the validator headers (error.hpp, chap_secret.hpp, target_arn.hpp,
# iscsi_name.hpp) keep out (docs/compile-time.md): <string>
# itself or libstdc++'s std::basic_string (bits/basic_string.h, also reached through <stdexcept>),
# and <system_error>.
set(pattern_string "(/string|/bits/basic_string\\.h)$")
set(pattern_system_error "/system_error$")
string(REPLACE "|" ";" also_forbid "${ALSO_FORBID}")
string(REPLACE "|" ";" expected "${EXPECT}")
set(forbidden ${heavy} ${also_forbid})
set(scanned ${forbidden} ${expected})
list(REMOVE_DUPLICATES scanned)

set(found "")
list(LENGTH deps count)
foreach(name ${scanned})
  foreach(dep ${deps})
    if(dep MATCHES "${pattern_${name}}")
      list(APPEND found ${name})
      message(STATUS "${HEADER} includes ${dep}")
      break()
    endif()
  endforeach()
endforeach()

if(expected)
  foreach(name ${expected})
    if(NOT name IN_LIST found)
      message(FATAL_ERROR "control failed: ${HEADER} should include ${name} (found: ${found}; ${count} files)")
    endif()
  endforeach()
  message(STATUS "control: ${HEADER} includes ${expected}, as expected (${count} files)")
elseif(found)
  message(FATAL_ERROR "${HEADER} is a light header but includes: ${found}")
else()
  message(STATUS "${HEADER}: light (${count} files, none of: ${forbidden})")
endif()
