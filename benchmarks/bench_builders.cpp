// Group 5 (issue 8): the type-state builder against filling the request by hand
// (update_chap_credentials_request::make), from the same checked views and freshly made secrets.
// Target: the builder (default, strict, one-way) within 5% of the hand-written call.
#include <cstdlib>

#include <sgwchap/builders.hpp>
#include <sgwchap/requests.hpp>

#include "common.hpp"

namespace {

using bench::update_input;

struct checked_parts {
  sgwchap::target_arn_view arn;
  sgwchap::iscsi_name_view name;
};

checked_parts parts_of(const update_input& in) {
  const auto arn = sgwchap::parse_target_arn(in.target_arn);
  const auto name = sgwchap::parse_iscsi_name(in.initiator_name);
  if (!arn.has_value() || !name.has_value()) std::abort();
  return {*arn, *name};
}

sgwchap::chap_secret secret(const std::string& s, sgwchap::field which) {
  auto r = sgwchap::chap_secret::make(s, sgwchap::profile::strict, which);
  if (!r.has_value()) std::abort();
  return std::move(*r);
}

const update_input& input_for(const benchmark::State& state) {
  return state.range(0) == 0 ? bench::example_input() : bench::long_input();
}

sgwchap::chap_secret initiator_secret(const update_input& in) {
  return secret(in.initiator_secret, sgwchap::field::secret_to_authenticate_initiator);
}
sgwchap::chap_secret target_secret(const update_input& in) {
  return secret(in.target_secret, sgwchap::field::secret_to_authenticate_target);
}

/// Times `make(in, parts)`, one request per iteration, from the same checked views and freshly
/// made secrets on every side (the lambda is inlined: nothing but the build differs).
template <class Make>
void measure(benchmark::State& state, Make make) {
  const update_input& in = input_for(state);
  const checked_parts parts = parts_of(in);
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    auto request = make(in, parts);
    benchmark::DoNotOptimize(request);
  }
}

// Mutual CHAP with `Builder`: the default builder, or the strict one, whose extra work is one
// profile compare per member. By hand: update_chap_credentials_request::make.
template <class Builder>
void BM_builder(benchmark::State& state) {
  measure(state, [](const update_input& in, const checked_parts& parts) {
    return Builder{}
        .target_arn(parts.arn)
        .initiator_name(parts.name)
        .secret_to_authenticate_initiator(initiator_secret(in))
        .secret_to_authenticate_target(target_secret(in))
        .build();
  });
}

void BM_by_hand(benchmark::State& state) {
  measure(state, [](const update_input& in, const checked_parts& parts) {
    return sgwchap::update_chap_credentials_request::make(
        sgwchap::target_arn(parts.arn), sgwchap::iscsi_name(parts.name), initiator_secret(in), target_secret(in));
  });
}

// One-way CHAP: the default builder returns the request itself; by hand, its constructor.
void BM_one_way_builder(benchmark::State& state) {
  measure(state, [](const update_input& in, const checked_parts& parts) {
    return sgwchap::update_chap_credentials_builder{}
        .target_arn(parts.arn)
        .initiator_name(parts.name)
        .secret_to_authenticate_initiator(initiator_secret(in))
        .build();
  });
}

void BM_one_way_by_hand(benchmark::State& state) {
  measure(state, [](const update_input& in, const checked_parts& parts) {
    return sgwchap::update_chap_credentials_request(sgwchap::target_arn(parts.arn), sgwchap::iscsi_name(parts.name),
                                                    initiator_secret(in));
  });
}

void inputs(benchmark::internal::Benchmark* b) { b->ArgNames({"input"})->Arg(0)->Arg(1); }

BENCHMARK_TEMPLATE(BM_builder, sgwchap::update_chap_credentials_builder)->Name("builders/sgwchap")->Apply(inputs);
BENCHMARK(BM_by_hand)->Name("builders/by_hand")->Apply(inputs);
// The strict builder as a group of its own, against the same hand-written call.
BENCHMARK_TEMPLATE(BM_builder, sgwchap::strict_update_chap_credentials_builder)
    ->Name("strict_builders/sgwchap")
    ->Apply(inputs);
BENCHMARK(BM_by_hand)->Name("strict_builders/by_hand")->Apply(inputs);
BENCHMARK(BM_one_way_builder)->Name("one_way_builders/sgwchap")->Apply(inputs);
BENCHMARK(BM_one_way_by_hand)->Name("one_way_builders/by_hand")->Apply(inputs);

}  // namespace
