// The contenders' allocation counting: cJSON through its hooks, RapidJSON through an allocator
// that counts like the global operator new (RapidJSON's default CrtAllocator calls malloc
// directly, which the counting operator new cannot see). Same malloc underneath: no speed change.
#pragma once

#include <cstddef>

#include <cjson/cJSON.h>
#include <rapidjson/allocators.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common.hpp"

namespace bench {

struct counting_crt_allocator {
  static const bool kNeedFree = true;
  void* Malloc(std::size_t size) { return size != 0 ? counting_malloc(size) : nullptr; }
  void* Realloc(void* p, std::size_t, std::size_t size) {
    if (size == 0) {
      counting_free(p);
      return nullptr;
    }
    return counting_realloc(p, size);
  }
  static void Free(void* p) { counting_free(p); }
};

using rapid_document =
    rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<counting_crt_allocator>,
                               counting_crt_allocator>;
using rapid_buffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, counting_crt_allocator>;

/// Routes cJSON's allocations through the counter (once, before any benchmark runs).
inline void count_cjson_allocations() {
  static const bool done = [] {
    cJSON_Hooks hooks{};
    hooks.malloc_fn = [](std::size_t n) { return counting_malloc(n); };
    hooks.free_fn = [](void* p) { counting_free(p); };
    cJSON_InitHooks(&hooks);
    return true;
  }();
  (void)done;
}

}  // namespace bench
