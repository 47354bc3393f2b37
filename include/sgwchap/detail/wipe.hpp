// sgwchap — a memory wipe the optimizer cannot remove (for secrets: MODEL marks ChapSecret sensitive).
#pragma once

#include <cstddef>
#include <cstring>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Overwrites `size` bytes at `data` with zeros, in a way dead-store elimination cannot drop,
/// even right before a free or the end of a lifetime. With GCC and Clang: a plain memset (a
/// couple of wide stores for a 16-byte secret, where a volatile loop made 16 byte stores on
/// every chap_secret move), then an empty asm that takes the pointer and clobbers memory, so the
/// compiler must assume the zeros are read (the Linux kernel's memzero_explicit does the same).
/// Elsewhere: byte writes through a volatile pointer.
inline void secure_wipe(void* data, std::size_t size) noexcept {
  if (data == nullptr || size == 0) return;
#if defined(__GNUC__) || defined(__clang__)
  std::memset(data, 0, size);
  __asm__ __volatile__("" : : "r"(data) : "memory");
#else
  auto* p = static_cast<volatile unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) p[i] = 0;
#endif
}

SGWCHAP_END_NAMESPACE
