// Group "volumes" (issue 16): a DescribeCachediSCSIVolumes response of 1,000 volumes decoded into
// owning results. Every contender fills the same sgwchap::describe_cached_iscsi_volumes_result,
// the way a C++ team would with that library:
//   sgwchap            decode_describe_cached_iscsi_volumes_response (no DOM; exact int64 sizes
//                      and nanosecond timestamps; duplicate, type and UTF-8 checks included)
//   nlohmann, cjson, rapidjson, boost_dom, boost_monotonic   parse a DOM, then copy out
//   simdjson_ondemand  On-Demand, one pass, no DOM
//   output_floor       builds the same result from known values: the allocations the owning
//                      result itself needs (the floor no decoder can go under)
//   trusting_by_hand   reads this body's bytes knowing their layout: keys skipped by their
//                      known lengths, string ends found 16 bytes at a time, digits read until
//                      a non-digit with no range or overflow check, no UTF-8, escape, order or
//                      type test (reported only: what reading the values costs with nothing
//                      checked; it accepts this body alone)
// The DOM contenders read CreatedDate as a double (the nearest binary fraction, as those
// libraries hold it) and convert it to nanoseconds; sgwchap reads its digits exactly. The
// targets are the Describe group's (bench_decode.cpp): main.cpp checks them per input.
#include <benchmark/benchmark.h>

#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <simdjson.h>
#include <boost/json.hpp>
#include <nlohmann/json.hpp>
#include <sgwchap/json.hpp>

#include "common.hpp"
#include "peers.hpp"

namespace {

using result_t = sgwchap::describe_cached_iscsi_volumes_result;
using volume_t = sgwchap::cached_iscsi_volume;
constexpr std::size_t volume_count = 1000;

std::string hex8(std::size_t i) {
  constexpr std::string_view digits = "0123456789ABCDEF";
  std::string out(8, '0');
  for (std::size_t k = 8; k-- > 0; i >>= 4U) out[k] = digits[i & 0xFU];
  return out;
}

/// One volume as the service writes it (APIREF-Volumes' sample response, its values varied).
std::string volume_json(std::size_t i) {
  const std::string gw = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B";
  const std::string id = "vol-" + hex8(0x1122AABB + i);
  return R"({"VolumeARN":")" + gw + "/volume/" + id + R"(","VolumeId":")" + id +
         R"(","VolumeType":"CACHED iSCSI","VolumeStatus":"AVAILABLE","VolumeAttachmentStatus":"ATTACHED",)"
         R"("VolumeSizeInBytes":)" +
         std::to_string(1099511627776ULL + i * 4096) + R"(,"VolumeiSCSIAttributes":{"TargetARN":")" + gw +
         "/target/iqn.1997-05.com.amazon:myvolume-" + std::to_string(i) +
         R"(","NetworkInterfaceId":"10.243.43.207","NetworkInterfacePort":3260,"LunNumber":)" + std::to_string(i + 1) +
         R"(,"ChapEnabled":)" + (i % 2 == 0 ? "true" : "false") + R"(},"CreatedDate":1583443386.)" +
         std::to_string(100 + i % 900) + R"(,"VolumeUsedInBytes":)" + std::to_string(i * 1048576) +
         R"(,"TargetName":"myvolume-)" + std::to_string(i) + R"("})";
}

const std::string& body() {
  static const std::string b = [] {
    std::string s = R"({"CachediSCSIVolumes":[)";
    for (std::size_t i = 0; i < volume_count; ++i) {
      if (i != 0) s += ',';
      s += volume_json(i);
    }
    return s + "]}";
  }();
  return b;
}

sgwchap::timestamp from_seconds(double seconds) {
  return sgwchap::timestamp(std::chrono::nanoseconds(std::llround(seconds * 1e9)));
}

/// One volume from its members, each given by key: the dispatch every DOM contender uses.
struct volume_builder {
  volume_t v;
  void string(std::string_view key, std::string_view s) {
    if (key == "VolumeARN")
      v.volume_arn.emplace(s);
    else if (key == "VolumeId")
      v.volume_id.emplace(s);
    else if (key == "VolumeType")
      v.volume_type.emplace(s);
    else if (key == "VolumeStatus")
      v.volume_status.emplace(s);
    else if (key == "VolumeAttachmentStatus")
      v.volume_attachment_status.emplace(s);
    else if (key == "SourceSnapshotId")
      v.source_snapshot_id.emplace(s);
    else if (key == "KMSKey")
      v.kms_key.emplace(s);
    else if (key == "TargetName")
      v.target_name.emplace(s);
  }
  void integer(std::string_view key, std::int64_t n) {
    if (key == "VolumeSizeInBytes")
      v.volume_size_in_bytes = n;
    else if (key == "VolumeUsedInBytes")
      v.volume_used_in_bytes = n;
    else if (key == "CreatedDate")
      v.created_date = sgwchap::timestamp(std::chrono::seconds(n));
  }
  void real(std::string_view key, double d) {
    if (key == "VolumeProgress")
      v.volume_progress = d;
    else if (key == "CreatedDate")
      v.created_date = from_seconds(d);
  }
};

/// VolumeiSCSIAttributes from its members, by key.
struct attributes_builder {
  sgwchap::volume_iscsi_attributes& a;
  void string(std::string_view key, std::string_view s) {
    if (key == "TargetARN")
      a.target_arn.emplace(s);
    else if (key == "NetworkInterfaceId")
      a.network_interface_id.emplace(s);
  }
  void integer(std::string_view key, std::int64_t n) {
    if (key == "NetworkInterfacePort")
      a.network_interface_port = static_cast<std::int32_t>(n);
    else if (key == "LunNumber")
      a.lun_number = static_cast<std::int32_t>(n);
  }
  void boolean(std::string_view key, bool b) {
    if (key == "ChapEnabled") a.chap_enabled = b;
  }
};

void check(benchmark::State& state, const result_t& r) {
  if (!r.cached_iscsi_volumes.has_value() || r.cached_iscsi_volumes->size() != volume_count ||
      !r.cached_iscsi_volumes->back().volume_iscsi_attributes.has_value() ||
      r.cached_iscsi_volumes->back().volume_iscsi_attributes->lun_number != static_cast<int>(volume_count)) {
    state.SkipWithError("wrong result decoded");
  }
}

// ---- contenders ------------------------------------------------------------------------------

template <class Json>
void nlohmann_attributes(const Json& o, sgwchap::volume_iscsi_attributes& a) {
  attributes_builder b{a};
  for (const auto& [key, value] : o.items()) {
    if (value.is_string())
      b.string(key, value.template get_ref<const std::string&>());
    else if (value.is_number_integer())
      b.integer(key, value.template get<std::int64_t>());
    else if (value.is_boolean())
      b.boolean(key, value.template get<bool>());
  }
}

result_t decode_nlohmann(std::string_view text) {
  const auto j = nlohmann::json::parse(text);
  result_t r;
  auto& out = r.cached_iscsi_volumes.emplace();
  const auto& array = j.at("CachediSCSIVolumes");
  out.reserve(array.size());
  for (const auto& e : array) {
    volume_builder b;
    for (const auto& [key, value] : e.items()) {
      if (value.is_string())
        b.string(key, value.get_ref<const std::string&>());
      else if (value.is_number_integer())
        b.integer(key, value.get<std::int64_t>());
      else if (value.is_number_float())
        b.real(key, value.get<double>());
      else if (value.is_object() && key == "VolumeiSCSIAttributes")
        nlohmann_attributes(value, b.v.volume_iscsi_attributes.emplace());
    }
    out.push_back(std::move(b.v));
  }
  return r;
}

result_t decode_cjson(std::string_view text) {
  cJSON* root = cJSON_ParseWithLength(text.data(), text.size());
  result_t r;
  auto& out = r.cached_iscsi_volumes.emplace();
  const cJSON* array = cJSON_GetObjectItemCaseSensitive(root, "CachediSCSIVolumes");
  out.reserve(static_cast<std::size_t>(cJSON_GetArraySize(array)));
  // cJSON keeps every number as a double (and an int): int64 sizes come from the double.
  const auto integer = [](const cJSON* m) { return static_cast<std::int64_t>(m->valuedouble); };
  const cJSON* e = nullptr;
  cJSON_ArrayForEach(e, array) {
    volume_builder b;
    const cJSON* m = nullptr;
    cJSON_ArrayForEach(m, e) {
      const std::string_view key = m->string;
      if (cJSON_IsString(m)) {
        b.string(key, m->valuestring);
      } else if (cJSON_IsNumber(m)) {
        if (key == "CreatedDate" || key == "VolumeProgress")
          b.real(key, m->valuedouble);
        else
          b.integer(key, integer(m));
      } else if (cJSON_IsObject(m) && key == "VolumeiSCSIAttributes") {
        attributes_builder a{b.v.volume_iscsi_attributes.emplace()};
        const cJSON* n = nullptr;
        cJSON_ArrayForEach(n, m) {
          const std::string_view k = n->string;
          if (cJSON_IsString(n))
            a.string(k, n->valuestring);
          else if (cJSON_IsNumber(n))
            a.integer(k, integer(n));
          else if (cJSON_IsBool(n))
            a.boolean(k, cJSON_IsTrue(n) != 0);
        }
      }
    }
    out.push_back(std::move(b.v));
  }
  cJSON_Delete(root);
  return r;
}

result_t decode_rapidjson(std::string_view text) {
  bench::rapid_document d;
  d.Parse(text.data(), text.size());
  result_t r;
  auto& out = r.cached_iscsi_volumes.emplace();
  const auto array = d["CachediSCSIVolumes"].GetArray();
  out.reserve(array.Size());
  const auto key_of = [](const auto& m) { return std::string_view(m.name.GetString(), m.name.GetStringLength()); };
  for (const auto& e : array) {
    volume_builder b;
    for (const auto& m : e.GetObject()) {
      const std::string_view key = key_of(m);
      if (m.value.IsString()) {
        b.string(key, std::string_view(m.value.GetString(), m.value.GetStringLength()));
      } else if (m.value.IsInt64()) {
        b.integer(key, m.value.GetInt64());
      } else if (m.value.IsDouble()) {
        b.real(key, m.value.GetDouble());
      } else if (m.value.IsObject() && key == "VolumeiSCSIAttributes") {
        attributes_builder a{b.v.volume_iscsi_attributes.emplace()};
        for (const auto& n : m.value.GetObject()) {
          const std::string_view k = key_of(n);
          if (n.value.IsString())
            a.string(k, std::string_view(n.value.GetString(), n.value.GetStringLength()));
          else if (n.value.IsInt64())
            a.integer(k, n.value.GetInt64());
          else if (n.value.IsBool())
            a.boolean(k, n.value.GetBool());
        }
      }
    }
    out.push_back(std::move(b.v));
  }
  return r;
}

result_t extract_boost(const boost::json::value& j) {
  result_t r;
  auto& out = r.cached_iscsi_volumes.emplace();
  const boost::json::array& array = j.as_object().at("CachediSCSIVolumes").as_array();
  out.reserve(array.size());
  for (const auto& e : array) {
    volume_builder b;
    for (const auto& m : e.as_object()) {
      const std::string_view key = m.key();
      const boost::json::value& v = m.value();
      if (const auto* s = v.if_string()) {
        b.string(key, *s);
      } else if (const auto* n = v.if_int64()) {
        b.integer(key, *n);
      } else if (const auto* d = v.if_double()) {
        b.real(key, *d);
      } else if (const auto* o = v.if_object(); o != nullptr && key == "VolumeiSCSIAttributes") {
        attributes_builder a{b.v.volume_iscsi_attributes.emplace()};
        for (const auto& member : *o) {
          if (const auto* text = member.value().if_string())
            a.string(member.key(), *text);
          else if (const auto* i = member.value().if_int64())
            a.integer(member.key(), *i);
          else if (const auto* flag = member.value().if_bool())
            a.boolean(member.key(), *flag);
        }
      }
    }
    out.push_back(std::move(b.v));
  }
  return r;
}

result_t decode_boost(std::string_view text) { return extract_boost(boost::json::parse(text)); }

result_t decode_boost_monotonic(std::string_view text) {
  boost::json::monotonic_resource mr;
  return extract_boost(boost::json::parse(text, &mr));
}

result_t decode_simdjson(simdjson::ondemand::parser& parser, const simdjson::padded_string& text) {
  result_t r;
  auto& out = r.cached_iscsi_volumes.emplace();
  simdjson::ondemand::document doc = parser.iterate(text);
  for (simdjson::ondemand::object e : doc["CachediSCSIVolumes"].get_array()) {
    volume_builder b;
    for (simdjson::ondemand::field m : e) {
      const std::string_view key = m.unescaped_key();
      simdjson::ondemand::value v = m.value();
      switch (v.type()) {
        case simdjson::ondemand::json_type::string: b.string(key, v.get_string()); break;
        case simdjson::ondemand::json_type::number:
          if (v.get_number_type() == simdjson::ondemand::number_type::floating_point_number)
            b.real(key, v.get_double());
          else
            b.integer(key, v.get_int64());
          break;
        case simdjson::ondemand::json_type::object:
          if (key == "VolumeiSCSIAttributes") {
            attributes_builder a{b.v.volume_iscsi_attributes.emplace()};
            for (simdjson::ondemand::field n : v.get_object()) {
              const std::string_view k = n.unescaped_key();
              simdjson::ondemand::value w = n.value();
              switch (w.type()) {
                case simdjson::ondemand::json_type::string: a.string(k, w.get_string()); break;
                case simdjson::ondemand::json_type::number: a.integer(k, w.get_int64()); break;
                case simdjson::ondemand::json_type::boolean: a.boolean(k, w.get_bool()); break;
                default: break;
              }
            }
          }
          break;
        default: break;
      }
    }
    out.push_back(std::move(b.v));
  }
  return r;
}

/// This body's layout (volume_json), read with nothing checked. Not a JSON decoder: it is
/// correct for this body only, which the benchmark checks against sgwchap's result.
class trusting_reader {
 public:
  explicit trusting_reader(std::string_view text) noexcept : p_(text.data()), end_(text.data() + text.size()) {}
  void skip(std::size_t bytes) noexcept { p_ += bytes; }
  /// `"Key":` of a key of `length` bytes, then the value.
  void key(std::size_t length) noexcept { p_ += length + 3; }
  void string(std::optional<std::string>& out) noexcept {
    const char* begin = p_ + 1;
    const char* close = begin;
#if defined(__SSE2__)
    // 16 bytes at a time, inline: with a call to memchr per string, memchr drew 19% of a profile's
    // samples.
    for (; end_ - close >= 16; close += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(close));
      const auto quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));
      if (quotes != 0) {
        close += std::countr_zero(quotes);
        break;
      }
    }
#endif
    while (close < end_ && *close != '"') ++close;
    out.emplace(begin, close);
    p_ = close + 2;  // the quote, and the `,` or `}` after it
  }
  template <class Int>
  void integer(std::optional<Int>& out) noexcept {
    Int v = 0;
    while (*p_ >= '0' && *p_ <= '9') v = static_cast<Int>(v * 10 + (*p_++ - '0'));
    out.emplace(v);
    ++p_;
  }
  void seconds_and_fraction(std::optional<sgwchap::timestamp>& out) noexcept {
    std::int64_t seconds = 0;
    while (*p_ >= '0' && *p_ <= '9') seconds = seconds * 10 + (*p_++ - '0');
    std::int64_t fraction = 0;
    int digits = 0;
    if (*p_ == '.') {
      for (++p_; *p_ >= '0' && *p_ <= '9'; ++digits) fraction = fraction * 10 + (*p_++ - '0');
    }
    for (; digits < 9; ++digits) fraction *= 10;
    out.emplace(std::chrono::nanoseconds(seconds * 1'000'000'000 + fraction));
    ++p_;
  }
  void boolean(std::optional<bool>& out) noexcept {
    const bool t = *p_ == 't';
    out.emplace(t);
    p_ += t ? 5 : 6;  // the word, and the `,` or `}` after it
  }
  [[nodiscard]] char next() noexcept { return *p_++; }

 private:
  const char* p_;
  const char* end_;
};

result_t decode_trusting(std::string_view text) {
  result_t r;
  auto& out = r.cached_iscsi_volumes.emplace();
  out.reserve(volume_count);
  trusting_reader in(text);
  in.skip(std::string_view(R"({"CachediSCSIVolumes":[)").size());
  do {
    volume_t& v = out.emplace_back();
    in.skip(1);  // {
    in.key(9), in.string(v.volume_arn);
    in.key(8), in.string(v.volume_id);
    in.key(10), in.string(v.volume_type);
    in.key(12), in.string(v.volume_status);
    in.key(22), in.string(v.volume_attachment_status);
    in.key(17), in.integer(v.volume_size_in_bytes);
    in.key(21), in.skip(1);  // {
    sgwchap::volume_iscsi_attributes& a = v.volume_iscsi_attributes.emplace();
    in.key(9), in.string(a.target_arn);
    in.key(18), in.string(a.network_interface_id);
    in.key(20), in.integer(a.network_interface_port);
    in.key(9), in.integer(a.lun_number);
    in.key(11), in.boolean(a.chap_enabled);
    in.skip(1);  // ,
    in.key(11), in.seconds_and_fraction(v.created_date);
    in.key(17), in.integer(v.volume_used_in_bytes);
    in.key(10), in.string(v.target_name);
  } while (in.next() == ',');
  return r;
}

// ---- benchmarks ------------------------------------------------------------------------------

void BM_volumes_sgwchap(benchmark::State& state) {
  const std::string& text = body();
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      auto r = sgwchap::decode_describe_cached_iscsi_volumes_response(text);
      if (!r.has_value()) {
        state.SkipWithError("sgwchap refused the body");
        break;
      }
      benchmark::DoNotOptimize(*r);
    }
  }
  auto r = sgwchap::decode_describe_cached_iscsi_volumes_response(text);
  if (r.has_value()) check(state, *r);
}

template <class F>
void run_peer(benchmark::State& state, F decode) {
  const std::string& text = body();
  bench::count_cjson_allocations();
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      auto r = decode(text);
      benchmark::DoNotOptimize(r);
    }
  }
  check(state, decode(text));
}

void BM_volumes_nlohmann(benchmark::State& s) { run_peer(s, decode_nlohmann); }
void BM_volumes_cjson(benchmark::State& s) { run_peer(s, decode_cjson); }
void BM_volumes_rapidjson(benchmark::State& s) { run_peer(s, decode_rapidjson); }
void BM_volumes_boost(benchmark::State& s) { run_peer(s, decode_boost); }
void BM_volumes_boost_monotonic(benchmark::State& s) { run_peer(s, decode_boost_monotonic); }

void BM_volumes_simdjson(benchmark::State& state) {
  const simdjson::padded_string text(body());
  simdjson::ondemand::parser parser;
  (void)decode_simdjson(parser, text);  // sizes the parser's buffers before timing
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      auto r = decode_simdjson(parser, text);
      benchmark::DoNotOptimize(r);
    }
  }
  check(state, decode_simdjson(parser, text));
}

void BM_volumes_output_floor(benchmark::State& state) {
  // The decoded values, kept as views into sgwchap's own result of the body.
  const auto known = sgwchap::decode_describe_cached_iscsi_volumes_response(body());
  if (!known.has_value()) {
    state.SkipWithError("sgwchap refused the body");
    return;
  }
  const std::vector<volume_t>& volumes = *known->cached_iscsi_volumes;
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      result_t r;
      auto& out = r.cached_iscsi_volumes.emplace();
      out.reserve(volumes.size());
      for (const volume_t& v : volumes) out.push_back(v);  // every string copied once, as a decoder must
      benchmark::DoNotOptimize(r);
    }
  }
}

void BM_volumes_trusting_by_hand(benchmark::State& state) {
  const std::string& text = body();
  const auto exact = sgwchap::decode_describe_cached_iscsi_volumes_response(text);
  if (!exact.has_value() || !(decode_trusting(text) == *exact)) {
    state.SkipWithError("the trusting reader and sgwchap disagree on the body");
    return;
  }
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      auto r = decode_trusting(text);
      benchmark::DoNotOptimize(r);
    }
  }
}

void volumes(benchmark::internal::Benchmark* b) { b->ArgNames({"volumes"})->Arg(volume_count); }

BENCHMARK(BM_volumes_sgwchap)->Name("volumes/sgwchap")->Apply(volumes);
BENCHMARK(BM_volumes_nlohmann)->Name("volumes/nlohmann")->Apply(volumes);
BENCHMARK(BM_volumes_cjson)->Name("volumes/cjson")->Apply(volumes);
BENCHMARK(BM_volumes_rapidjson)->Name("volumes/rapidjson")->Apply(volumes);
BENCHMARK(BM_volumes_boost)->Name("volumes/boost_dom")->Apply(volumes);
BENCHMARK(BM_volumes_boost_monotonic)->Name("volumes/boost_monotonic")->Apply(volumes);
BENCHMARK(BM_volumes_simdjson)->Name("volumes/simdjson_ondemand")->Apply(volumes);
BENCHMARK(BM_volumes_output_floor)->Name("volumes/output_floor")->Apply(volumes);
BENCHMARK(BM_volumes_trusting_by_hand)->Name("volumes/trusting_by_hand")->Apply(volumes);

}  // namespace
