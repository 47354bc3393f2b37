# Drives one consumer test (tests/consumer/CMakeLists.txt): configures, builds and runs the tiny
# project in project/ against sgwchap, and checks what it prints.
#   -DMODE=stage|install|pkgconfig|subdirectory|fetchcontent -DSOURCE_DIR=... -DWORK_DIR=...
#   -DSTAGE_DIR=... -DGENERATOR=... -DCXX=... [-DCXX_STANDARD=23] -DVERSION=0.1.0
#   [-DREQUIRE_FMT=ON] [-DREQUIRE_SIGV4=ON]
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
# The AWS SigV4 test suite's post-vanilla.authz.
set(expected_sigv4 "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b\n")
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
  set(staged_files include/sgwchap/sgwchap.hpp share/cmake/sgwchap/sgwchapConfig.cmake
                   share/cmake/sgwchap/sgwchapConfigVersion.cmake share/pkgconfig/sgwchap.pc)
  if(REQUIRE_SIGV4)
    list(APPEND staged_files include/sgwchap/sigv4.hpp include/sgwchap/sigv4/signer.hpp
         share/cmake/sgwchap/sgwchapSigv4Targets.cmake share/pkgconfig/sgwchap-sigv4.pc)
  endif()
  foreach(file ${staged_files})
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
  if(EXISTS ${STAGE_DIR}/share/pkgconfig/sgwchap-sigv4.pc)
    run(pkg-config --cflags --libs sgwchap-sigv4)
    separate_arguments(flags UNIX_COMMAND "${run_output}")
    run(${CXX} -std=c++${CXX_STANDARD} ${project_dir}/main_sigv4.cpp ${flags} -o ${WORK_DIR}/consumer_sigv4)
    expect_output(${WORK_DIR}/consumer_sigv4 "${expected_sigv4}")
  elseif(REQUIRE_SIGV4)
    message(FATAL_ERROR "the staged install lacks sgwchap-sigv4.pc")
  endif()
  return()
endif()

run(${CMAKE_COMMAND} -S ${project_dir} -B ${WORK_DIR} -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX} ${standard_args}
    -DSGWCHAP_CONSUMER_MODE=${MODE} -DSGWCHAP_SOURCE_DIR=${SOURCE_DIR} -DCMAKE_PREFIX_PATH=${STAGE_DIR}
    -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON -DFETCHCONTENT_SOURCE_DIR_SGWCHAP=${SOURCE_DIR}
    -DFETCHCONTENT_FULLY_DISCONNECTED=ON -DSGWCHAP_REQUIRE_SIGV4=${REQUIRE_SIGV4})
message(STATUS "configured:\n${run_output}")
run(${CMAKE_COMMAND} --build ${WORK_DIR} --parallel 1)
expect_output(${WORK_DIR}/consumer "${expected_core}")
if(EXISTS ${WORK_DIR}/consumer_fmt)
  expect_output(${WORK_DIR}/consumer_fmt "${expected_fmt}")
elseif(REQUIRE_FMT)
  message(FATAL_ERROR "sgwchap::fmt was not available to the consumer")
endif()
if(EXISTS ${WORK_DIR}/consumer_sigv4)
  expect_output(${WORK_DIR}/consumer_sigv4 "${expected_sigv4}")
elseif(REQUIRE_SIGV4)
  message(FATAL_ERROR "sgwchap::sigv4 was not available to the consumer")
endif()
