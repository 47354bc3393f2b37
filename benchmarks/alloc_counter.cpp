// The counting global operator new of the benchmark binary: every C++ heap allocation made by
// any contender (sgwchap, std::regex, RE2, nlohmann, Boost.JSON, simdjson) goes through here.
// C libraries are counted through their own hooks (cJSON_InitHooks, RapidJSON's allocator):
// see counting_malloc below. Single-threaded benchmarks only, so a plain counter is enough.
#include <cstdlib>
#include <new>

#include "common.hpp"

namespace {
std::uint64_t g_allocations = 0;

void* allocate(std::size_t size) {
  ++g_allocations;
  if (size == 0) size = 1;
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}

void* allocate_aligned(std::size_t size, std::align_val_t alignment) {
  ++g_allocations;
  const auto align = static_cast<std::size_t>(alignment);
  // aligned_alloc wants a size that is a multiple of the alignment.
  const std::size_t rounded = (size + align - 1) / align * align;
  if (void* p = std::aligned_alloc(align, rounded == 0 ? align : rounded)) return p;
  throw std::bad_alloc();
}
}  // namespace

namespace bench {
std::uint64_t allocations() noexcept { return g_allocations; }

void* counting_malloc(std::size_t size) noexcept {
  ++g_allocations;
  return std::malloc(size);
}
void* counting_realloc(void* p, std::size_t size) noexcept {
  if (size == 0) {  // realloc(p, 0) is implementation-defined (C23: undefined); say what is meant
    std::free(p);
    return nullptr;
  }
  ++g_allocations;
  return std::realloc(p, size);
}
void counting_free(void* p) noexcept { std::free(p); }
}  // namespace bench

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(std::size_t size, std::align_val_t a) { return allocate_aligned(size, a); }
void* operator new[](std::size_t size, std::align_val_t a) { return allocate_aligned(size, a); }

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
