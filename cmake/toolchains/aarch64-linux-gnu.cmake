# Cross build for arm64 (aarch64) Linux with Debian's cross compiler; ctest runs every test
# binary under qemu-user (CMAKE_CROSSCOMPILING_EMULATOR, https://cmake.org/cmake/help/latest/variable/CMAKE_CROSSCOMPILING_EMULATOR.html).
#   cmake -S . -B build/arm64 -G Ninja --toolchain cmake/toolchains/aarch64-linux-gnu.cmake
# Debian 12 packages (scripts/deps installs them): g++-12-aarch64-linux-gnu, qemu-user, and for
# the codec and the formatters the arm64 libraries through multiarch
# (dpkg --add-architecture arm64; apt-get install libboost-json1.81-dev:arm64 libfmt-dev:arm64,
# https://wiki.debian.org/Multiarch/HOWTO). Header-only dependencies (tl-expected, Catch2,
# CLI11) are found in /usr/include as for a native build.
set(SGWCHAP_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
