# Drives one consumer test (tests/consumer/CMakeLists.txt): configures, builds and runs the tiny
# project in project/ against sgwchap, and checks what it prints.
#   -DMODE=stage|install|pkgconfig|subdirectory|fetchcontent -DSOURCE_DIR=... -DWORK_DIR=...
#   -DSTAGE_DIR=... -DGENERATOR=... -DCXX=... [-DCXX_STANDARD=23] -DVERSION=0.1.0
cmake_minimum_required(VERSION 3.25)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${status}): ${command}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

function(expect_output program expected)
  run(${program})
  if(NOT run_output STREQUAL expected)
    message(FATAL_ERROR "${program} printed:\n${run_output}\nexpected:\n${expected}")
  endif()
  message(STATUS "${program}: output as expected")
endfunction()

set(expected_core "sgwchap ${VERSION}\nendpoint storagegateway.us-east-1.amazonaws.com\nInitiatorName: month must be 01..12 (byte 9)\n")
set(expected_fmt "mutual\n[redacted]\n")
set(project_dir ${CMAKE_CURRENT_LIST_DIR}/project)
set(standard_args "")
if(CXX_STANDARD)
  set(standard_args -DCMAKE_CXX_STANDARD=${CXX_STANDARD})
endif()

file(REMOVE_RECURSE ${WORK_DIR})

if(MODE STREQUAL "stage")
  # sgwchap configured as a top-level project with only its install rules, then installed.
  file(REMOVE_RECURSE ${STAGE_DIR})
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR} -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX}
      -DSGWCHAP_BUILD_TESTS=OFF -DSGWCHAP_BUILD_TOOLS=OFF -DSGWCHAP_BUILD_EXAMPLES=OFF -DSGWCHAP_INSTALL=ON)
  run(${CMAKE_COMMAND} --install ${WORK_DIR} --prefix ${STAGE_DIR})
  foreach(file include/sgwchap/sgwchap.hpp share/cmake/sgwchap/sgwchapConfig.cmake
               share/cmake/sgwchap/sgwchapConfigVersion.cmake share/pkgconfig/sgwchap.pc)
    if(NOT EXISTS ${STAGE_DIR}/${file})
      message(FATAL_ERROR "the staged install lacks ${file}")
    endif()
  endforeach()
  message(STATUS "staged install in ${STAGE_DIR}")
  return()
endif()

if(MODE STREQUAL "pkgconfig")
  # pkg-config from the staged install: sgwchap.pc (and sgwchap-fmt.pc when installed).
  set(ENV{PKG_CONFIG_PATH} ${STAGE_DIR}/share/pkgconfig)
  file(MAKE_DIRECTORY ${WORK_DIR})
  run(pkg-config --modversion sgwchap)
  string(STRIP "${run_output}" pc_version)
  if(NOT pc_version STREQUAL VERSION)
    message(FATAL_ERROR "sgwchap.pc says version ${pc_version}, expected ${VERSION}")
  endif()
  run(pkg-config --cflags sgwchap)
  separate_arguments(cflags UNIX_COMMAND "${run_output}")
  if(NOT CXX_STANDARD)
    set(CXX_STANDARD 20)
  elseif(CXX_STANDARD STREQUAL "23")
    set(CXX_STANDARD 2b)  # Clang 16 knows only -std=c++2b; GCC 12 takes both
  endif()
  run(${CXX} -std=c++${CXX_STANDARD} ${cflags} ${project_dir}/main.cpp -o ${WORK_DIR}/consumer)
  expect_output(${WORK_DIR}/consumer "${expected_core}")
  if(EXISTS ${STAGE_DIR}/share/pkgconfig/sgwchap-fmt.pc)
    run(pkg-config --cflags --libs sgwchap-fmt)
    separate_arguments(flags UNIX_COMMAND "${run_output}")
    run(${CXX} -std=c++${CXX_STANDARD} ${project_dir}/main_fmt.cpp ${flags} -o ${WORK_DIR}/consumer_fmt)
    expect_output(${WORK_DIR}/consumer_fmt "${expected_fmt}")
  endif()
  return()
endif()

run(${CMAKE_COMMAND} -S ${project_dir} -B ${WORK_DIR} -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX} ${standard_args}
    -DSGWCHAP_CONSUMER_MODE=${MODE} -DSGWCHAP_SOURCE_DIR=${SOURCE_DIR} -DCMAKE_PREFIX_PATH=${STAGE_DIR}
    -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON -DFETCHCONTENT_SOURCE_DIR_SGWCHAP=${SOURCE_DIR}
    -DFETCHCONTENT_FULLY_DISCONNECTED=ON)
message(STATUS "configured:\n${run_output}")
run(${CMAKE_COMMAND} --build ${WORK_DIR} --parallel 1)
expect_output(${WORK_DIR}/consumer "${expected_core}")
if(EXISTS ${WORK_DIR}/consumer_fmt)
  expect_output(${WORK_DIR}/consumer_fmt "${expected_fmt}")
elseif(REQUIRE_FMT)
  message(FATAL_ERROR "sgwchap::fmt was not available to the consumer")
endif()
