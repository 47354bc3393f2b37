// The benchmark binary's main: runs every registered benchmark (Google Benchmark flags apply),
// then prints issue 8's table: sgwchap against each contender and the floor as ratios of the
// median CPU times of one run, the target beside each ratio, and one line per missed target.
// Exit status 0 even when a target is missed (the table says so); 1 when a benchmark failed.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"

#ifndef SGWCHAP_BENCH_FLAGS
#define SGWCHAP_BENCH_FLAGS "unknown"
#endif

namespace bench {

bool add_context(const char* key, const std::string& value) {
  benchmark::AddCustomContext(key, value);
  return true;
}

namespace {

struct figure {
  double cpu_ns = 0;
  double allocs = 0;
  bool median = false;
};

/// Keys "group/contender/input", e.g. "validate/re2/input:1".
struct parts {
  std::string group, contender, input;
};

parts split(const std::string& name) {
  parts p;
  const std::size_t a = name.find('/');
  const std::size_t b = a == std::string::npos ? std::string::npos : name.find('/', a + 1);
  p.group = name.substr(0, a);
  if (a != std::string::npos) p.contender = name.substr(a + 1, b == std::string::npos ? b : b - a - 1);
  if (b != std::string::npos) p.input = name.substr(b + 1);
  return p;
}

/// Records the median of each benchmark (or its only run when there are no repetitions).
class recording_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred) failed_ = true;
      const bool is_median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Aggregate && !is_median) continue;
      const std::string key = run.run_name.function_name + (run.run_name.args.empty() ? "" : "/" + run.run_name.args);
      figure& f = figures_[key];
      if (f.median && !is_median) continue;
      if (order_.empty() || std::find(order_.begin(), order_.end(), key) == order_.end()) order_.push_back(key);
      f.cpu_ns = run.GetAdjustedCPUTime() * 1e9 / benchmark::GetTimeUnitMultiplier(run.time_unit);
      const auto allocs = run.counters.find("allocs");
      f.allocs = allocs == run.counters.end() ? std::nan("") : allocs->second.value;
      f.median = is_median;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  [[nodiscard]] const std::map<std::string, figure>& figures() const { return figures_; }
  [[nodiscard]] const std::vector<std::string>& order() const { return order_; }
  [[nodiscard]] bool failed() const { return failed_; }

 private:
  std::map<std::string, figure> figures_;
  std::vector<std::string> order_;
  bool failed_ = false;
};

// ---- Issue 8's targets -----------------------------------------------------------------------

enum class kind {
  faster_than,  ///< contender time / sgwchap time >= value
  at_most,      ///< sgwchap time / contender time <= value (floors, simdjson, by-hand builders)
  reported,     ///< sgwchap time / contender time, printed with no target (a bound for context)
};

struct target {
  std::string_view group;
  std::string_view contender;
  kind k;
  double value;
  std::string_view inputs;  ///< comma-separated inputs the target applies to; empty: all
};

constexpr target targets[] = {
    {"validate", "std_regex", kind::faster_than, 100, ""},
    {"validate", "re2", kind::faster_than, 10, ""},
    {"validate", "floor8", kind::at_most, 2.5, ""},
    {"encode", "nlohmann", kind::faster_than, 20, ""},
    {"encode", "cjson_print", kind::faster_than, 10, ""},
    {"encode", "rapidjson_writer", kind::faster_than, 12, ""},
    {"encode", "boost_dom", kind::faster_than, 6, ""},
    {"encode", "memcpy", kind::at_most, 10, ""},
    {"decode", "nlohmann", kind::faster_than, 12, "entries:10,entries:100,entries:1000"},
    {"decode", "cjson", kind::faster_than, 3.5, "entries:10,entries:100,entries:1000"},
    {"decode", "rapidjson", kind::faster_than, 2.8, "entries:10,entries:100,entries:1000"},
    {"decode", "boost_dom", kind::faster_than, 2.1, "entries:10,entries:100,entries:1000"},
    {"decode", "boost_monotonic", kind::faster_than, 1.6, "entries:10,entries:100,entries:1000"},
    {"decode", "simdjson_ondemand", kind::at_most, 1.15, "entries:10,entries:100,entries:1000"},
    {"decode", "output_floor", kind::at_most, 2, "entries:10,entries:100,entries:1000"},
    // Issue 16: the Describe group's targets on a 1,000-volume DescribeCachediSCSIVolumes response.
    {"volumes", "nlohmann", kind::faster_than, 12, ""},
    {"volumes", "cjson", kind::faster_than, 3.5, ""},
    {"volumes", "rapidjson", kind::faster_than, 2.8, ""},
    {"volumes", "boost_dom", kind::faster_than, 2.1, ""},
    {"volumes", "boost_monotonic", kind::faster_than, 1.6, ""},
    {"volumes", "simdjson_ondemand", kind::at_most, 1.15, ""},
    {"volumes", "output_floor", kind::at_most, 2, ""},
    {"volumes", "trusting_by_hand", kind::reported, 0, ""},
    {"builders", "by_hand", kind::at_most, 1.05, ""},
    {"strict_builders", "by_hand", kind::at_most, 1.05, ""},
    {"one_way_builders", "by_hand", kind::at_most, 1.05, ""},
};

bool applies(std::string_view list, std::string_view input) {
  if (list.empty()) return true;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (list.substr(0, comma) == input) return true;
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
  return false;
}

const target* find_target(const parts& p) {
  for (const target& t : targets) {
    if (t.group == p.group && t.contender == p.contender && applies(t.inputs, p.input)) return &t;
  }
  return nullptr;
}

std::string input_label(const std::string& input) {
  if (input == "input:0") return "example";
  if (input == "input:1") return "long";
  return input;
}

std::string format_allocs(double a) {
  if (std::isnan(a)) return "-";
  char buf[32];
  (void)std::snprintf(buf, sizeof buf, a == std::floor(a) ? "%.0f" : "%.2f", a);
  return buf;
}

int print_table(const recording_reporter& r) {
  const auto& figures = r.figures();
  std::vector<std::string> misses;
  const bool informative = std::string_view(SGWCHAP_BENCH_FLAGS).find("-march=native") != std::string_view::npos;
  std::printf("\n== sgwchap against each contender (median CPU time of the repetitions, one run)\n");
  std::printf("   flags: %s%s\n", SGWCHAP_BENCH_FLAGS,
              informative ? "  (-march=native: ratios reported, no target)" : "");
  std::printf("%-12s %-14s %-20s %12s %12s %10s %12s  %-6s %9s %9s\n", "group", "input", "contender", "sgwchap ns",
              "contender ns", "ratio", "target", "", "allocs", "allocs");
  std::printf("%-12s %-14s %-20s %12s %12s %10s %12s  %-6s %9s %9s\n", "", "", "", "", "", "", "", "", "sgwchap",
              "contender");
  for (const std::string& key : r.order()) {
    const parts p = split(key);
    if (p.contender == "sgwchap") continue;
    const auto base = figures.find(p.group + "/sgwchap" + (p.input.empty() ? "" : "/" + p.input));
    if (base == figures.end()) continue;
    const figure& mine = base->second;
    const figure& theirs = figures.at(key);
    const target* t = find_target(p);
    const bool inverse = t != nullptr && (t->k == kind::at_most || t->k == kind::reported);
    const double ratio = inverse ? mine.cpu_ns / theirs.cpu_ns : theirs.cpu_ns / mine.cpu_ns;
    char ratio_text[32];
    char target_text[32] = "-";
    std::string verdict;
    (void)std::snprintf(ratio_text, sizeof ratio_text, inverse ? "%.2fx time" : "%.1fx", ratio);
    if (t != nullptr && t->k != kind::reported) {
      const bool ok = inverse ? ratio <= t->value : ratio >= t->value;
      (void)std::snprintf(target_text, sizeof target_text, inverse ? "<= %gx time" : ">= %gx", t->value);
      verdict = informative ? "info" : ok ? "ok" : "MISS";
      if (!ok && !informative) {
        misses.push_back(p.group + " " + input_label(p.input) + ": sgwchap vs " + p.contender + " " + ratio_text +
                         ", target " + target_text);
      }
    }
    std::printf("%-12s %-14s %-20s %12.1f %12.1f %10s %12s  %-6s %9s %9s\n", p.group.c_str(),
                input_label(p.input).c_str(), p.contender.c_str(), mine.cpu_ns, theirs.cpu_ns, ratio_text, target_text,
                verdict.c_str(), format_allocs(mine.allocs).c_str(), format_allocs(theirs.allocs).c_str());
  }

  // Allocation targets: none when validating or encoding into a reserved buffer; when decoding,
  // no more than the owning results need (the output floor's count).
  for (const std::string& key : r.order()) {
    const parts p = split(key);
    if (p.contender != "sgwchap") continue;
    const figure& f = figures.at(key);
    if (p.group == "validate" || p.group == "encode") {
      const bool ok = f.allocs == 0;
      std::printf("allocations  %-12s %-14s %9s per iteration, target 0  %s\n", p.group.c_str(),
                  input_label(p.input).c_str(), format_allocs(f.allocs).c_str(), ok ? "ok" : "MISS");
      if (!ok)
        misses.push_back(p.group + " " + input_label(p.input) + ": " + format_allocs(f.allocs) +
                         " allocations, target 0");
    } else if (p.group == "decode" || p.group == "volumes") {
      const auto floor = figures.find(p.group + "/output_floor/" + p.input);
      if (floor == figures.end()) continue;
      const bool ok = f.allocs <= floor->second.allocs;
      std::printf("allocations  %-12s %-14s %9s per iteration, target <= output floor's %s  %s\n", p.group.c_str(),
                  input_label(p.input).c_str(), format_allocs(f.allocs).c_str(),
                  format_allocs(floor->second.allocs).c_str(), ok ? "ok" : "MISS");
      if (!ok) misses.push_back(p.group + " " + p.input + ": more allocations than the owning results need");
      if (p.group == "volumes") {
        std::printf("allocations  volumes      per volume     %9.3f (sgwchap), %.3f (output floor)\n", f.allocs / 1000,
                    floor->second.allocs / 1000);
      }
    }
  }

  // Scaling: time per entry at 1000 entries within 5% of the time per entry at 10.
  const auto at10 = figures.find("decode/sgwchap/entries:10");
  const auto at1000 = figures.find("decode/sgwchap/entries:1000");
  if (at10 != figures.end() && at1000 != figures.end()) {
    const double per10 = at10->second.cpu_ns / 10;
    const double per1000 = at1000->second.cpu_ns / 1000;
    const double ratio = per1000 / per10;
    const bool ok = ratio <= 1.05;
    std::printf("scaling      decode: %.1f ns/entry at 1000, %.1f ns/entry at 10: %.3fx, target <= 1.05x  %s\n",
                per1000, per10, ratio,
                informative ? "info"
                : ok        ? "ok"
                            : "MISS");
    if (!ok && !informative) misses.push_back("decode scaling: " + std::to_string(ratio) + "x per entry, target 1.05x");
  }

  std::printf("\n");
  if (informative) {
    std::printf("-march=native run: no targets apply.\n");
  } else if (misses.empty()) {
    std::printf("All targets met.\n");
  } else {
    for (const std::string& m : misses) std::printf("MISSED: %s\n", m.c_str());
  }
  return r.failed() ? 1 : 0;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
  bench::check_inputs();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::AddCustomContext("sgwchap_flags", SGWCHAP_BENCH_FLAGS);
  bench::recording_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return bench::print_table(reporter);
}
