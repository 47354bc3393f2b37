// Group 4 (issue 8): decode a service error (InvalidGatewayRequestException with errorCode):
// sgwchap decode_service_error against nlohmann and the Boost.JSON DOM, each producing the
// name, message and errorCode as owning strings. Reported, no target.
#include <string>
#include <string_view>

#include <boost/json.hpp>
#include <nlohmann/json.hpp>

#include <sgwchap/json.hpp>

#include "common.hpp"

namespace {

constexpr std::string_view body =
    R"({"__type":"InvalidGatewayRequestException","message":"The specified gateway was not found.",)"
    R"("error":{"errorCode":"GatewayNotFound"}})";

struct plain_error {
  std::string name, message, code;
};

plain_error decode_nlohmann() {
  const auto j = nlohmann::json::parse(body);
  plain_error e;
  e.name = j.at("__type").get<std::string>();
  e.message = j.at("message").get<std::string>();
  e.code = j.at("error").at("errorCode").get<std::string>();
  return e;
}

plain_error decode_boost() {
  const auto j = boost::json::parse(body);
  const auto& o = j.as_object();
  plain_error e;
  e.name = o.at("__type").as_string();
  e.message = o.at("message").as_string();
  e.code = o.at("error").as_object().at("errorCode").as_string();
  return e;
}

void BM_error_sgwchap(benchmark::State& state) {
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    auto e = sgwchap::decode_service_error(400, {}, body).value();
    benchmark::DoNotOptimize(e);
  }
}

template <class F>
void run_peer(benchmark::State& state, F decode) {
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    auto e = decode();
    benchmark::DoNotOptimize(e);
  }
}

void BM_error_nlohmann(benchmark::State& s) { run_peer(s, decode_nlohmann); }
void BM_error_boost(benchmark::State& s) { run_peer(s, decode_boost); }

BENCHMARK(BM_error_sgwchap)->Name("service_error/sgwchap");
BENCHMARK(BM_error_nlohmann)->Name("service_error/nlohmann");
BENCHMARK(BM_error_boost)->Name("service_error/boost_dom");

}  // namespace
