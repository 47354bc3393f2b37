# Shared part of the Debian cross toolchain files (aarch64-linux-gnu.cmake, s390x-linux-gnu.cmake):
# they set SGWCHAP_CROSS_TRIPLE and CMAKE_SYSTEM_PROCESSOR, then include this file.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_CXX_COMPILER ${SGWCHAP_CROSS_TRIPLE}-g++-12)
# No sysroot: Debian's cross compilers search /usr/<triple>/{include,lib} (the *-cross packages),
# then the multiarch /usr/lib/<triple> and the architecture-independent /usr/include. With the
# library architecture set, CMake looks for architecture-specific package files only under
# /usr/lib/<triple>/cmake (multiarch :arm64 packages), never the amd64 ones, while the
# architecture-independent ones (tl-expected, Catch2, CLI11) are found where they are.
set(CMAKE_LIBRARY_ARCHITECTURE ${SGWCHAP_CROSS_TRIPLE})
# qemu-user runs the test binaries. -L makes it look for the target's files (the dynamic loader,
# libc, libstdc++) under /usr/<triple> first, then at their own path: multiarch libraries in
# /usr/lib/<triple> (libboost_json, libfmt for arm64) load from there.
find_program(SGWCHAP_QEMU NAMES qemu-${CMAKE_SYSTEM_PROCESSOR} REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${SGWCHAP_QEMU} -L /usr/${SGWCHAP_CROSS_TRIPLE})
