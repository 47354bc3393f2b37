// Group 2 (issue 8): encode the body of a built, already validated UpdateChapCredentials request.
//   sgwchap           encode_body into a std::string with room reserved beforehand
//   nlohmann          build a json object + dump()
//   cjson_print       cJSON object + cJSON_Print (pretty: what the AWS SDK for C++ does per request)
//   cjson_unformatted cJSON object + cJSON_PrintUnformatted
//   rapidjson_writer  Writer into a StringBuffer
//   boost_dom         boost::json::object + serialize
//   memcpy            floor: copy the finished body into a reserved buffer
// Group 6: build the request from raw strings (every check of the strict profile) and encode it,
// against the same peers' encode, which checks nothing: reported, no target.
#include <cstdlib>
#include <cstring>
#include <string>

#include <boost/json.hpp>
#include <nlohmann/json.hpp>

#include <sgwchap/json.hpp>
#include <sgwchap/requests.hpp>

#include "common.hpp"
#include "peers.hpp"

namespace {

using bench::update_input;

const update_input& input_for(const benchmark::State& state) {
  return state.range(0) == 0 ? bench::example_input() : bench::long_input();
}

sgwchap::update_chap_credentials_request built(const update_input& in) {
  auto r = sgwchap::update_chap_credentials_request::from_strings(in.target_arn, in.initiator_name, in.initiator_secret,
                                                                  in.target_secret);
  if (!r.has_value()) std::abort();  // bench::check_inputs guarantees the inputs pass
  return std::move(*r);
}

// ---- the peers' encoders (member order of MODEL where the library keeps order) ---------------

std::string encode_nlohmann(const update_input& in) {
  nlohmann::json j;
  j["TargetARN"] = in.target_arn;
  j["SecretToAuthenticateInitiator"] = in.initiator_secret;
  j["InitiatorName"] = in.initiator_name;
  j["SecretToAuthenticateTarget"] = in.target_secret;
  return j.dump();
}

template <bool pretty>
std::size_t encode_cjson(const update_input& in) {
  cJSON* o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "TargetARN", in.target_arn.c_str());
  cJSON_AddStringToObject(o, "SecretToAuthenticateInitiator", in.initiator_secret.c_str());
  cJSON_AddStringToObject(o, "InitiatorName", in.initiator_name.c_str());
  cJSON_AddStringToObject(o, "SecretToAuthenticateTarget", in.target_secret.c_str());
  char* text = pretty ? cJSON_Print(o) : cJSON_PrintUnformatted(o);
  const std::size_t n = std::strlen(text);
  benchmark::DoNotOptimize(text);
  cJSON_free(text);
  cJSON_Delete(o);
  return n;
}

std::size_t encode_rapidjson(const update_input& in) {
  bench::rapid_buffer buffer;
  rapidjson::Writer<bench::rapid_buffer, rapidjson::UTF8<>, rapidjson::UTF8<>, bench::counting_crt_allocator> w(buffer);
  const auto member = [&w](const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  };
  w.StartObject();
  member("TargetARN", in.target_arn);
  member("SecretToAuthenticateInitiator", in.initiator_secret);
  member("InitiatorName", in.initiator_name);
  member("SecretToAuthenticateTarget", in.target_secret);
  w.EndObject();
  benchmark::DoNotOptimize(buffer.GetString());
  return buffer.GetSize();
}

std::string encode_boost(const update_input& in) {
  boost::json::object o;
  o["TargetARN"] = in.target_arn;
  o["SecretToAuthenticateInitiator"] = in.initiator_secret;
  o["InitiatorName"] = in.initiator_name;
  o["SecretToAuthenticateTarget"] = in.target_secret;
  return boost::json::serialize(o);
}

// ---- group 2 ---------------------------------------------------------------------------------

void BM_encode_sgwchap(benchmark::State& state) {
  const auto request = built(input_for(state));
  std::string out;
  out.reserve(4096);
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    out.clear();
    sgwchap::encode_body(request, out);
    benchmark::DoNotOptimize(out.data());
  }
}

template <class F>
void run_peer(benchmark::State& state, F encode) {
  const update_input& in = input_for(state);
  bench::count_cjson_allocations();
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    auto r = encode(in);
    benchmark::DoNotOptimize(r);
  }
}

void BM_encode_nlohmann(benchmark::State& s) { run_peer(s, encode_nlohmann); }
void BM_encode_cjson_print(benchmark::State& s) { run_peer(s, encode_cjson<true>); }
void BM_encode_cjson_unformatted(benchmark::State& s) { run_peer(s, encode_cjson<false>); }
void BM_encode_rapidjson(benchmark::State& s) { run_peer(s, encode_rapidjson); }
void BM_encode_boost(benchmark::State& s) { run_peer(s, encode_boost); }

void BM_encode_memcpy(benchmark::State& state) {
  std::string body;
  sgwchap::encode_body(built(input_for(state)), body);
  std::string out(body.size() + 64, '\0');
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    std::memcpy(out.data(), body.data(), body.size());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
}

// ---- group 6: build from raw strings (validation included) + encode -------------------------

void BM_build_encode_sgwchap(benchmark::State& state) {
  const update_input& in = input_for(state);
  std::string out;
  out.reserve(4096);
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    auto request = sgwchap::update_chap_credentials_request::from_strings(in.target_arn, in.initiator_name,
                                                                          in.initiator_secret, in.target_secret);
    out.clear();
    if (request.has_value()) sgwchap::encode_body(*request, out);
    benchmark::DoNotOptimize(out.data());
  }
}

void inputs(benchmark::internal::Benchmark* b) { b->ArgNames({"input"})->Arg(0)->Arg(1); }

BENCHMARK(BM_encode_sgwchap)->Name("encode/sgwchap")->Apply(inputs);
BENCHMARK(BM_encode_nlohmann)->Name("encode/nlohmann")->Apply(inputs);
BENCHMARK(BM_encode_cjson_print)->Name("encode/cjson_print")->Apply(inputs);
BENCHMARK(BM_encode_cjson_unformatted)->Name("encode/cjson_unformatted")->Apply(inputs);
BENCHMARK(BM_encode_rapidjson)->Name("encode/rapidjson_writer")->Apply(inputs);
BENCHMARK(BM_encode_boost)->Name("encode/boost_dom")->Apply(inputs);
BENCHMARK(BM_encode_memcpy)->Name("encode/memcpy")->Apply(inputs);

BENCHMARK(BM_build_encode_sgwchap)->Name("build_encode/sgwchap")->Apply(inputs);
BENCHMARK(BM_encode_nlohmann)->Name("build_encode/nlohmann")->Apply(inputs);
BENCHMARK(BM_encode_cjson_print)->Name("build_encode/cjson_print")->Apply(inputs);
BENCHMARK(BM_encode_rapidjson)->Name("build_encode/rapidjson_writer")->Apply(inputs);
BENCHMARK(BM_encode_boost)->Name("build_encode/boost_dom")->Apply(inputs);

}  // namespace
