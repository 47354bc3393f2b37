// A counting replacement of the global operator new/delete (every form: plain, array, nothrow,
// aligned), for the tests that assert how many heap allocations a call makes.
//
// The replacement functions are ordinary (non-inline) definitions, as the standard requires:
// include this header in exactly ONE translation unit of a test binary (its test_*.cpp; never
// catch_main.cpp). A second including TU in the same binary fails to link (multiple definition).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

namespace sgwchap_test {

/// Every operator new of the binary counts here (the test binaries are single-threaded).
inline std::size_t allocations = 0;

/// How many times `f()` calls operator new.
template <class F>
std::size_t count_allocations(F&& f) {
  const std::size_t before = allocations;
  f();
  return allocations - before;
}

namespace detail {
inline void* counted_alloc(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
inline void* counted_alloc_aligned(std::size_t size, std::align_val_t align) {
  ++allocations;
  const auto alignment = static_cast<std::size_t>(align);
  const std::size_t rounded = (size + alignment - 1) / alignment * alignment;
  if (void* p = std::aligned_alloc(alignment, rounded == 0 ? alignment : rounded)) return p;
  throw std::bad_alloc();
}
}  // namespace detail

}  // namespace sgwchap_test

// The static analyzer (clang-tidy) would see malloc here and pair it with the library's own
// delete[]: it analyzes the standard operators instead.
#ifndef __clang_analyzer__
// Every replacement out of line: once GCC 12 inlines one side (new into malloc, delete into
// free) into an optimized caller, it reports the pair as mismatched (-Wmismatched-new-delete, a
// false positive for these replacements, which pair malloc with free by construction).
// NOLINTBEGIN(cert-dcl54-cpp,misc-new-delete-overloads,hicpp-new-delete-operators,cppcoreguidelines-no-malloc)
[[gnu::noinline]] void* operator new(std::size_t size) { return sgwchap_test::detail::counted_alloc(size); }
[[gnu::noinline]] void* operator new[](std::size_t size) { return sgwchap_test::detail::counted_alloc(size); }
// The nothrow forms too: otherwise a sanitizer runtime supplies its own, and its blocks reach the
// free() below (ASan: alloc-dealloc-mismatch in Catch's test registration).
[[gnu::noinline]] void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  try {
    return sgwchap_test::detail::counted_alloc(size);
  } catch (...) {
    return nullptr;
  }
}
[[gnu::noinline]] void* operator new[](std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  try {
    return sgwchap_test::detail::counted_alloc(size);
  } catch (...) {
    return nullptr;
  }
}
[[gnu::noinline]] void* operator new(std::size_t size, std::align_val_t align) {
  return sgwchap_test::detail::counted_alloc_aligned(size, align);
}
[[gnu::noinline]] void* operator new[](std::size_t size, std::align_val_t align) {
  return sgwchap_test::detail::counted_alloc_aligned(size, align);
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t /*size*/) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t /*size*/) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::align_val_t /*align*/) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::align_val_t /*align*/) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t /*size*/, std::align_val_t /*align*/) noexcept {
  std::free(p);
}
[[gnu::noinline]] void operator delete[](void* p, std::size_t /*size*/, std::align_val_t /*align*/) noexcept {
  std::free(p);
}
// NOLINTEND(cert-dcl54-cpp,misc-new-delete-overloads,hicpp-new-delete-operators,cppcoreguidelines-no-malloc)
#endif
