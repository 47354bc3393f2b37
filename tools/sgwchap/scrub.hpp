// sgwchap tool — what is left of the secrets once every buffer is wiped: dead stack and vector
// registers. main() scrubs both after the command returns, before the exit handlers run.
//
// The tool wipes every buffer it owns, but copies it cannot reach remain: libc's memcpy and
// memset move data through vector registers (16 to 64 bytes at a time), and whatever saves those
// registers later writes them to the stack, below the frame that runs at the time: glibc's
// lazy-binding trampoline (_dl_runtime_resolve_xsave/xsavec, glibc sysdeps/x86_64/dl-trampoline.h)
// the first time a function of libstdc++ or libfmt is called (both are linked without BIND_NOW
// in Debian 12), and the callee frames of the decoder and the printing code. A core dump taken
// at exit found such pieces of CHAP secrets in dead stack (tests/tool/check_secrets_in_core.py).
// Burning the stack the command used and zeroing the vector registers removes them, as
// libgcrypt's _gcry_burn_stack and sgwchap's own decoder (json/decode.hpp, burn_stack) do.
#pragma once

#include <cstddef>

#include <sgwchap/detail/wipe.hpp>

namespace sgwchap_tool {

/// Overwrites `bytes` of the stack below the caller's frame (what every command's callees used:
/// the deepest, the TLS handshake, stays well under 64 KiB).
[[gnu::noinline]] inline void burn_stack(std::size_t bytes = 128 * 1024) noexcept {
  constexpr std::size_t chunk = 16 * 1024;
  unsigned char area[chunk];
  sgwchap::secure_wipe(area, sizeof area);
  if (bytes > chunk) burn_stack(bytes - chunk);  // one frame after another, each wiped
  __asm__ __volatile__("" : : "r"(area) : "memory");
}

namespace detail_scrub {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
[[gnu::target("avx")]] inline void zero_ymm0_15() noexcept {
  __asm__ __volatile__("vzeroall" ::
                           : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
                             "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}
inline void zero_xmm0_15() noexcept {
  __asm__ __volatile__(
      "pxor %%xmm0, %%xmm0\n pxor %%xmm1, %%xmm1\n pxor %%xmm2, %%xmm2\n pxor %%xmm3, %%xmm3\n"
      "pxor %%xmm4, %%xmm4\n pxor %%xmm5, %%xmm5\n pxor %%xmm6, %%xmm6\n pxor %%xmm7, %%xmm7\n"
      "pxor %%xmm8, %%xmm8\n pxor %%xmm9, %%xmm9\n pxor %%xmm10, %%xmm10\n pxor %%xmm11, %%xmm11\n"
      "pxor %%xmm12, %%xmm12\n pxor %%xmm13, %%xmm13\n pxor %%xmm14, %%xmm14\n pxor %%xmm15, %%xmm15" ::
          : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
            "xmm13", "xmm14", "xmm15");
}
// glibc's EVEX string functions use ymm16-31 (they need no vzeroupper).
[[gnu::target("avx512f")]] inline void zero_zmm16_31() noexcept {
  __asm__ __volatile__(
      "vpxord %%zmm16, %%zmm16, %%zmm16\n vpxord %%zmm17, %%zmm17, %%zmm17\n"
      "vpxord %%zmm18, %%zmm18, %%zmm18\n vpxord %%zmm19, %%zmm19, %%zmm19\n"
      "vpxord %%zmm20, %%zmm20, %%zmm20\n vpxord %%zmm21, %%zmm21, %%zmm21\n"
      "vpxord %%zmm22, %%zmm22, %%zmm22\n vpxord %%zmm23, %%zmm23, %%zmm23\n"
      "vpxord %%zmm24, %%zmm24, %%zmm24\n vpxord %%zmm25, %%zmm25, %%zmm25\n"
      "vpxord %%zmm26, %%zmm26, %%zmm26\n vpxord %%zmm27, %%zmm27, %%zmm27\n"
      "vpxord %%zmm28, %%zmm28, %%zmm28\n vpxord %%zmm29, %%zmm29, %%zmm29\n"
      "vpxord %%zmm30, %%zmm30, %%zmm30\n vpxord %%zmm31, %%zmm31, %%zmm31" ::
          : "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22", "xmm23", "xmm24", "xmm25", "xmm26", "xmm27",
            "xmm28", "xmm29", "xmm30", "xmm31");
}
#endif
}  // namespace detail_scrub

/// Zeroes the vector registers libc's string functions use (xmm/ymm/zmm 0-15, and 16-31 where
/// AVX-512 is there), so that a later register save writes zeros.
inline void clear_vector_registers() noexcept {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (__builtin_cpu_supports("avx")) {
    detail_scrub::zero_ymm0_15();
  } else {
    detail_scrub::zero_xmm0_15();
  }
  if (__builtin_cpu_supports("avx512f")) detail_scrub::zero_zmm16_31();
#endif
}

/// Both, for the end of main().
inline void scrub_stack_and_registers() noexcept {
  burn_stack();
  clear_vector_registers();
}

}  // namespace sgwchap_tool
