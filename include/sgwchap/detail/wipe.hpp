// sgwchap — a memory wipe the optimizer cannot remove (for secrets, SPEC §7).
#pragma once

#include <cstddef>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Overwrites `size` bytes at `data` with zeros. The writes go through a volatile pointer and
/// are followed by a compiler barrier that claims to read the memory, so dead-store
/// elimination cannot drop them even right before a free or the end of a lifetime.
inline void secure_wipe(void* data, std::size_t size) noexcept {
  if (data == nullptr || size == 0) return;
  auto* p = static_cast<volatile unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) p[i] = 0;
#if defined(__GNUC__) || defined(__clang__)
  __asm__ __volatile__("" : : "r"(data) : "memory");
#endif
}

SGWCHAP_END_NAMESPACE
