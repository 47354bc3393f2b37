# Cross build for s390x Linux (IBM Z: big-endian, 64-bit) with Debian's cross compiler; ctest
# runs every test binary under qemu-user (CMAKE_CROSSCOMPILING_EMULATOR,
# https://cmake.org/cmake/help/latest/variable/CMAKE_CROSSCOMPILING_EMULATOR.html).
#   cmake -S . -B build/s390x -G Ninja --toolchain cmake/toolchains/s390x-linux-gnu.cmake -DSGWCHAP_HEADER_ONLY_DEPS=ON
# Debian 12 packages (scripts/deps installs them): g++-12-s390x-linux-gnu, qemu-user. Unlike
# arm64, the s390x Boost.JSON and fmt libraries cannot come through multiarch (Debian 12's
# security archive no longer carries s390x, so libc6-dev:s390x does not co-install with an
# up-to-date amd64 system): SGWCHAP_HEADER_ONLY_DEPS=ON compiles both from their
# (architecture-independent) headers for the test binaries (cmake/header_only_deps.cmake).
set(SGWCHAP_CROSS_TRIPLE s390x-linux-gnu)
set(CMAKE_SYSTEM_PROCESSOR s390x)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
