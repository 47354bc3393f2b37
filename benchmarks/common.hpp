// Shared pieces of the benchmark binary: the allocation counter and the inputs every group uses
// (MODEL-EXAMPLES's documented example, and a long variant at the strict profile's limits).
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace bench {

/// Heap allocations made so far by the whole process (alloc_counter.cpp).
std::uint64_t allocations() noexcept;

/// malloc/realloc/free that count like the global operator new, for the C libraries' hooks.
void* counting_malloc(std::size_t size) noexcept;
void* counting_realloc(void* p, std::size_t size) noexcept;
void counting_free(void* p) noexcept;

/// Counts the allocations made while it lives and reports them as the `allocs` counter,
/// averaged per iteration. Create it right before the timed loop.
class alloc_scope {
 public:
  explicit alloc_scope(benchmark::State& state) noexcept : state_(state), start_(allocations()) {}
  alloc_scope(const alloc_scope&) = delete;
  alloc_scope& operator=(const alloc_scope&) = delete;
  ~alloc_scope() {
    state_.counters["allocs"] =
        benchmark::Counter(static_cast<double>(allocations() - start_), benchmark::Counter::kAvgIterations);
  }

 private:
  benchmark::State& state_;
  std::uint64_t start_;
};

/// The members of one UpdateChapCredentials call, as raw strings.
struct update_input {
  std::string target_arn;
  std::string initiator_name;
  std::string initiator_secret;
  std::string target_secret;
};

/// MODEL-EXAMPLES: the documented example.
const update_input& example_input();
/// The longest target ARN the strict profile accepts (aws-us-gov, a 63-byte region, a 26-digit
/// gateway id, a 200-byte TargetName), a 223-byte initiator name, multibyte 16-byte secrets.
const update_input& long_input();

/// Checks at start-up that both inputs pass the strict profile (a benchmark of a rejected input
/// would measure the wrong path); aborts with a message otherwise.
void check_inputs();

}  // namespace bench

namespace bench {

/// Adds a `key: value` line to the benchmark's context (printed before the results), e.g.
/// which kernel simdjson was built for. Call from a static initializer of a group's file.
bool add_context(const char* key, const std::string& value);

}  // namespace bench
