# Clang 14 with LLVM's standard library (libc++) on the host, instead of GCC's libstdc++.
#   cmake -S . -B build/libcxx -G Ninja --toolchain cmake/toolchains/clang-libcxx.cmake -DSGWCHAP_HEADER_ONLY_DEPS=ON
# Debian 12 packages (scripts/deps installs them): clang-14, libc++-14-dev, libc++abi-14-dev.
# Debian's libboost_json.so and libfmt.so are built against libstdc++: configure with
# SGWCHAP_HEADER_ONLY_DEPS=ON so the test binaries compile both from their headers
# (cmake/header_only_deps.cmake). -stdlib=libc++: https://libcxx.llvm.org/UsingLibcxx.html
set(CMAKE_CXX_COMPILER clang++-14)
set(CMAKE_CXX_FLAGS_INIT -stdlib=libc++)
set(CMAKE_EXE_LINKER_FLAGS_INIT -stdlib=libc++)
set(CMAKE_SHARED_LINKER_FLAGS_INIT -stdlib=libc++)
