// Group 3 (issue 8): decode a DescribeChapCredentials response with 1, 10, 100 and 1000 entries
// into owning results. Every contender fills the same sgwchap::describe_chap_credentials_result
// (so the output costs the same), from:
//   sgwchap            decode_describe_chap_credentials_response (no DOM; duplicate, type and
//                      offset checks included)
//   nlohmann / cjson / rapidjson / boost_dom   parse into the library's DOM, then extract
//   boost_monotonic    Boost.JSON DOM in a monotonic_resource
//   simdjson_ondemand  simdjson On-Demand (parser and padded input prepared outside the loop)
//   output_floor       only builds the owning results from already-known strings
// The vector of entries: the floor reserves exactly n, the DOM peers reserve their array's size
// (they know it once parsed), sgwchap sizes it from the first entry; simdjson On-Demand does not
// know the count without a second pass over the array (count_elements), so it grows the vector.
#include <cstdlib>
#include <string>
#include <string_view>
#include <typeinfo>

#include <simdjson.h>
#include <boost/json.hpp>
#include <nlohmann/json.hpp>

#include <sgwchap/json.hpp>

#include "common.hpp"
#include "peers.hpp"

namespace {

using result_t = sgwchap::describe_chap_credentials_result;

std::string describe_body(std::size_t entries) {
  const bench::update_input& in = bench::example_input();
  std::string body = R"({"ChapCredentials":[)";
  for (std::size_t i = 0; i < entries; ++i) {
    if (i != 0) body += ',';
    body += R"({"TargetARN":")" + in.target_arn + R"(","SecretToAuthenticateInitiator":")" + in.initiator_secret +
            R"(","InitiatorName":")" + in.initiator_name + R"(","SecretToAuthenticateTarget":")" + in.target_secret +
            R"("})";
  }
  body += "]}";
  return body;
}

const std::string& body_for(const benchmark::State& state) {
  static const std::string bodies[] = {describe_body(1), describe_body(10), describe_body(100), describe_body(1000)};
  switch (state.range(0)) {
    case 1: return bodies[0];
    case 10: return bodies[1];
    case 100: return bodies[2];
    default: return bodies[3];
  }
}

/// One entry from four strings, exactly as the library's result holds it.
struct entry_builder {
  std::vector<sgwchap::chap_info>& out;
  std::string_view arn, s1, name, s2;
  /// Keeps `value` for the member named `key` (a string member of a ChapInfo); other keys are
  /// ignored, as the service's decoders ignore them.
  void set(std::string_view key, std::string_view value) {
    if (key == "TargetARN")
      arn = value;
    else if (key == "SecretToAuthenticateInitiator")
      s1 = value;
    else if (key == "InitiatorName")
      name = value;
    else if (key == "SecretToAuthenticateTarget")
      s2 = value;
  }
  void add() {
    sgwchap::chap_info info;
    if (arn.data() != nullptr) info.target_arn.emplace(arn);
    if (s1.data() != nullptr) info.secret_to_authenticate_initiator.emplace(sgwchap::chap_secret::unchecked(s1));
    if (name.data() != nullptr) info.initiator_name.emplace(name);
    if (s2.data() != nullptr) info.secret_to_authenticate_target.emplace(sgwchap::chap_secret::unchecked(s2));
    out.push_back(std::move(info));
  }
};

void check(benchmark::State& state, const result_t& r) {
  if (!r.chap_credentials.has_value() || r.chap_credentials->size() != static_cast<std::size_t>(state.range(0))) {
    state.SkipWithError("wrong number of entries decoded");
  }
}

// ---- contenders ------------------------------------------------------------------------------

result_t decode_nlohmann(std::string_view body) {
  const auto j = nlohmann::json::parse(body);
  result_t r;
  auto& v = r.chap_credentials.emplace();
  const auto& array = j.at("ChapCredentials");
  v.reserve(array.size());
  for (const auto& e : array) {
    entry_builder b{v, {}, {}, {}, {}};
    for (const auto& [key, value] : e.items()) {
      const auto& s = value.get_ref<const std::string&>();
      b.set(key, s);
    }
    b.add();
  }
  return r;
}

result_t decode_cjson(std::string_view body) {
  cJSON* root = cJSON_ParseWithLength(body.data(), body.size());
  result_t r;
  auto& v = r.chap_credentials.emplace();
  const cJSON* array = cJSON_GetObjectItemCaseSensitive(root, "ChapCredentials");
  v.reserve(static_cast<std::size_t>(cJSON_GetArraySize(array)));
  const cJSON* e = nullptr;
  cJSON_ArrayForEach(e, array) {
    entry_builder b{v, {}, {}, {}, {}};
    const cJSON* m = nullptr;
    cJSON_ArrayForEach(m, e) {
      if (!cJSON_IsString(m)) continue;
      const std::string_view key = m->string;
      const std::string_view s = m->valuestring;
      b.set(key, s);
    }
    b.add();
  }
  cJSON_Delete(root);
  return r;
}

result_t decode_rapidjson(std::string_view body) {
  bench::rapid_document d;
  d.Parse(body.data(), body.size());
  result_t r;
  auto& v = r.chap_credentials.emplace();
  const auto array = d["ChapCredentials"].GetArray();
  v.reserve(array.Size());
  for (const auto& e : array) {
    entry_builder b{v, {}, {}, {}, {}};
    for (const auto& m : e.GetObject()) {
      if (!m.value.IsString()) continue;
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      const std::string_view s(m.value.GetString(), m.value.GetStringLength());
      b.set(key, s);
    }
    b.add();
  }
  return r;
}

result_t extract_boost(const boost::json::value& j) {
  result_t r;
  auto& v = r.chap_credentials.emplace();
  const boost::json::array& array = j.as_object().at("ChapCredentials").as_array();
  v.reserve(array.size());
  for (const auto& e : array) {
    entry_builder b{v, {}, {}, {}, {}};
    for (const auto& m : e.as_object()) {
      const boost::json::string* s = m.value().if_string();
      if (s == nullptr) continue;
      const std::string_view key = m.key();
      b.set(key, *s);
    }
    b.add();
  }
  return r;
}

result_t decode_boost(std::string_view body) { return extract_boost(boost::json::parse(body)); }

result_t decode_boost_monotonic(std::string_view body) {
  boost::json::monotonic_resource mr;
  return extract_boost(boost::json::parse(body, &mr));
}

result_t decode_simdjson(simdjson::ondemand::parser& parser, const simdjson::padded_string& body) {
  result_t r;
  auto& v = r.chap_credentials.emplace();
  simdjson::ondemand::document doc = parser.iterate(body);
  for (simdjson::ondemand::object e : doc["ChapCredentials"].get_array()) {
    entry_builder b{v, {}, {}, {}, {}};
    for (simdjson::ondemand::field m : e) {
      const std::string_view key = m.unescaped_key();
      std::string_view s;
      if (m.value().get_string().get(s) != simdjson::SUCCESS) continue;
      b.set(key, s);
    }
    b.add();
  }
  return r;
}

// ---- benchmarks ------------------------------------------------------------------------------

void BM_decode_sgwchap(benchmark::State& state) {
  const std::string& body = body_for(state);
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      auto r = sgwchap::decode_describe_chap_credentials_response(body);
      if (!r.has_value()) {
        state.SkipWithError("sgwchap refused the body");
        break;
      }
      benchmark::DoNotOptimize(*r);
    }
  }
  auto r = sgwchap::decode_describe_chap_credentials_response(body);
  if (r.has_value()) check(state, *r);
}

template <class F>
void run_peer(benchmark::State& state, F decode) {
  const std::string& body = body_for(state);
  bench::count_cjson_allocations();
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      auto r = decode(body);
      benchmark::DoNotOptimize(r);
    }
  }
  check(state, decode(body));
}

void BM_decode_nlohmann(benchmark::State& s) { run_peer(s, decode_nlohmann); }
void BM_decode_cjson(benchmark::State& s) { run_peer(s, decode_cjson); }
void BM_decode_rapidjson(benchmark::State& s) { run_peer(s, decode_rapidjson); }
void BM_decode_boost(benchmark::State& s) { run_peer(s, decode_boost); }
void BM_decode_boost_monotonic(benchmark::State& s) { run_peer(s, decode_boost_monotonic); }

void BM_decode_simdjson(benchmark::State& state) {
  const simdjson::padded_string body(body_for(state));
  simdjson::ondemand::parser parser;
  (void)decode_simdjson(parser, body);  // sizes the parser's buffers before timing
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      auto r = decode_simdjson(parser, body);
      benchmark::DoNotOptimize(r);
    }
  }
  check(state, decode_simdjson(parser, body));
}

void BM_decode_output_floor(benchmark::State& state) {
  const bench::update_input& in = bench::example_input();
  const auto n = static_cast<std::size_t>(state.range(0));
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      result_t r;
      auto& v = r.chap_credentials.emplace();
      v.reserve(n);
      for (std::size_t i = 0; i < n; ++i) {
        entry_builder{v, in.target_arn, in.initiator_secret, in.initiator_name, in.target_secret}.add();
      }
      benchmark::DoNotOptimize(r);
    }
  }
}

void entries(benchmark::internal::Benchmark* b) { b->ArgNames({"entries"})->Arg(1)->Arg(10)->Arg(100)->Arg(1000); }

BENCHMARK(BM_decode_sgwchap)->Name("decode/sgwchap")->Apply(entries);
BENCHMARK(BM_decode_nlohmann)->Name("decode/nlohmann")->Apply(entries);
BENCHMARK(BM_decode_cjson)->Name("decode/cjson")->Apply(entries);
BENCHMARK(BM_decode_rapidjson)->Name("decode/rapidjson")->Apply(entries);
BENCHMARK(BM_decode_boost)->Name("decode/boost_dom")->Apply(entries);
BENCHMARK(BM_decode_boost_monotonic)->Name("decode/boost_monotonic")->Apply(entries);
BENCHMARK(BM_decode_simdjson)->Name("decode/simdjson_ondemand")->Apply(entries);
BENCHMARK(BM_decode_output_floor)->Name("decode/output_floor")->Apply(entries);

// The kernel On-Demand runs here is the one THIS translation unit selected:
// SIMDJSON_BUILTIN_IMPLEMENTATION, from our compile flags (-O2: fallback; -march=native on an
// AVX-512 CPU: icelake). simdjson::builtin_implementation() would not say so: it is defined in
// libsimdjson.so, so it names the kernel of Debian's own build flags (fallback) in every binary.
const bool simdjson_context = bench::add_context(
    "simdjson",
    std::string("version ") + SIMDJSON_STRINGIFY(SIMDJSON_VERSION) +
        ", On-Demand kernel compiled in (this binary's flags): " + SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION) +
        " (parser type " + typeid(simdjson::ondemand::parser).name() + ")" +
        ", libsimdjson.so's builtin_implementation(): " + std::string(simdjson::builtin_implementation()->name()) +
        ", best for this CPU (runtime dispatch, DOM only): " +
        std::string(simdjson::get_active_implementation()->name()));

}  // namespace
