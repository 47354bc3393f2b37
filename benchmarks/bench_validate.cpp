// Group 1 (issue 8): validate a whole UpdateChapCredentials request under the strict profile
// (target ARN, initiator name, both secrets, the mutual-CHAP rule).
//   sgwchap    parse_target_arn + parse_iscsi_name + check_chap_secret x2 + check_secrets_differ
//   std_regex  the same rules as std::regex patterns (ECMAScript), plus size() checks for the
//              byte/length bounds a regex cannot count
//   re2        the same patterns with RE2 (Latin-1 mode: the patterns match bytes)
//   floor8     reads the same bytes 8 at a time and ORs them: the physical limit of reading
//   floor1     the same, one byte at a time (reported only: a good validator beats it)
#include <cstring>
#include <regex>
#include <string_view>

#include <re2/re2.h>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/target_arn.hpp>

#include "common.hpp"

namespace {

using bench::update_input;

// ---- The patterns (one per rule of MODEL TargetARN, §5, §7; strict profile) -------------------------

// MODEL TargetARN: partition and its region prefixes (PARTITIONS, `\w` read as [a-z0-9]), 12-digit
// account, sgw- + 8..26 upper-case hex, the Storage Gateway target IQN prefix, TargetName.
constexpr const char* arn_pattern =
    "arn:(?:aws:storagegateway:(?:us|eu|ap|sa|ca|me|af|il|mx)|aws-cn:storagegateway:cn"
    "|aws-eusc:storagegateway:eusc-de|aws-iso:storagegateway:us-iso|aws-iso-b:storagegateway:us-isob"
    "|aws-iso-e:storagegateway:eu-isoe|aws-iso-f:storagegateway:us-isof|aws-us-gov:storagegateway:us-gov)"
    "-[a-z0-9]+-[0-9]+:[0-9]{12}:gateway/sgw-[0-9A-F]{8,26}/target/iqn\\.1997-05\\.com\\.amazon:[-.;a-z0-9]{1,200}";

// RFC 3720 §3.2.6: iqn. YYYY-MM . labels [ : unique ] | eui. 16 hex | naa. 16 or 32 hex.
constexpr const char* iscsi_pattern =
    "iqn\\.[0-9]{4}-(?:0[1-9]|1[0-2])\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    "(?::[0-9a-z:.-]+)?|eui\\.[0-9a-f]{16}|naa\\.[0-9a-f]{16}(?:[0-9a-f]{16})?";

// APIREF-Update: well-formed UTF-8 (RFC 3629 §4) without C0, DEL, C1 (U+0080..U+009F) or U+FEFF.
constexpr const char* secret_pattern =
    "(?:[\\x20-\\x7E]"
    "|\\xC2[\\xA0-\\xBF]|[\\xC3-\\xDF][\\x80-\\xBF]"
    "|\\xE0[\\xA0-\\xBF][\\x80-\\xBF]|[\\xE1-\\xEC][\\x80-\\xBF][\\x80-\\xBF]"
    "|\\xED[\\x80-\\x9F][\\x80-\\xBF]|\\xEE[\\x80-\\xBF][\\x80-\\xBF]"
    "|\\xEF(?:[\\x80-\\xBA][\\x80-\\xBF]|\\xBB[\\x80-\\xBE]|[\\xBC-\\xBF][\\x80-\\xBF])"
    "|\\xF0[\\x90-\\xBF][\\x80-\\xBF][\\x80-\\xBF]|[\\xF1-\\xF3][\\x80-\\xBF][\\x80-\\xBF][\\x80-\\xBF]"
    "|\\xF4[\\x80-\\x8F][\\x80-\\xBF][\\x80-\\xBF])+";

// The bounds a regular expression cannot count: 50..800 (the strict ARN is ASCII, so characters
// are bytes), a region of at most 63 bytes, 223 bytes for a name, 12..16 bytes for a secret.
bool arn_lengths_ok(std::string_view arn) {
  if (arn.size() < 50 || arn.size() > 800) return false;
  // The region lies between the third and fourth ':'.
  std::size_t colon = 0;
  for (int i = 0; i < 3; ++i) colon = arn.find(':', colon) + 1;
  return arn.find(':', colon) - colon <= 63;
}
bool name_length_ok(std::string_view name) { return name.size() <= 223; }
bool secret_length_ok(std::string_view s) { return s.size() >= 12 && s.size() <= 16; }

// ---- Contenders ------------------------------------------------------------------------------

bool validate_sgwchap(const update_input& in) {
  const auto arn = sgwchap::parse_target_arn(in.target_arn);
  const auto name = sgwchap::parse_iscsi_name(in.initiator_name);
  const auto initiator_secret = sgwchap::check_chap_secret(in.initiator_secret, sgwchap::profile::strict,
                                                           sgwchap::field::secret_to_authenticate_initiator);
  const auto target_secret = sgwchap::check_chap_secret(in.target_secret, sgwchap::profile::strict,
                                                        sgwchap::field::secret_to_authenticate_target);
  const auto differ = sgwchap::check_secrets_differ(in.initiator_secret, in.target_secret);
  // Keep the parsed views (parts, offsets) alive: a caller gets them, so they are part of the cost.
  benchmark::DoNotOptimize(arn);
  benchmark::DoNotOptimize(name);
  return arn.has_value() && name.has_value() && initiator_secret.has_value() && target_secret.has_value() &&
         differ.has_value();
}

struct std_regexes {
  std::regex arn{arn_pattern, std::regex::ECMAScript | std::regex::optimize};
  std::regex name{iscsi_pattern, std::regex::ECMAScript | std::regex::optimize};
  std::regex secret{secret_pattern, std::regex::ECMAScript | std::regex::optimize};
};

bool validate_std_regex(const std_regexes& re, const update_input& in) {
  return arn_lengths_ok(in.target_arn) && std::regex_match(in.target_arn, re.arn) &&
         name_length_ok(in.initiator_name) && std::regex_match(in.initiator_name, re.name) &&
         secret_length_ok(in.initiator_secret) && std::regex_match(in.initiator_secret, re.secret) &&
         secret_length_ok(in.target_secret) && std::regex_match(in.target_secret, re.secret) &&
         in.initiator_secret != in.target_secret;
}

re2::RE2::Options latin1() {
  re2::RE2::Options o;
  o.set_encoding(re2::RE2::Options::EncodingLatin1);
  o.set_log_errors(true);
  return o;
}

struct re2_regexes {
  re2::RE2 arn{arn_pattern, latin1()};
  re2::RE2 name{iscsi_pattern, latin1()};
  re2::RE2 secret{secret_pattern, latin1()};
};

bool validate_re2(const re2_regexes& re, const update_input& in) {
  return arn_lengths_ok(in.target_arn) && re2::RE2::FullMatch(in.target_arn, re.arn) &&
         name_length_ok(in.initiator_name) && re2::RE2::FullMatch(in.initiator_name, re.name) &&
         secret_length_ok(in.initiator_secret) && re2::RE2::FullMatch(in.initiator_secret, re.secret) &&
         secret_length_ok(in.target_secret) && re2::RE2::FullMatch(in.target_secret, re.secret) &&
         in.initiator_secret != in.target_secret;
}

std::uint64_t or_8_at_a_time(std::string_view s, std::uint64_t acc) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    acc |= word;
  }
  for (; i < s.size(); ++i) acc |= static_cast<unsigned char>(s[i]);
  return acc;
}

std::uint64_t or_1_at_a_time(std::string_view s, std::uint64_t acc) {
  for (const char c : s) {
    acc |= static_cast<unsigned char>(c);
    benchmark::DoNotOptimize(acc);  // keeps it a byte loop: the compiler would vectorize it
  }
  return acc;
}

template <class F>
std::uint64_t floor_pass(const update_input& in, F f) {
  std::uint64_t acc = 0;
  acc = f(in.target_arn, acc);
  acc = f(in.initiator_name, acc);
  acc = f(in.initiator_secret, acc);
  acc = f(in.target_secret, acc);
  return acc;
}

// ---- Benchmarks ------------------------------------------------------------------------------

const update_input& input_for(const benchmark::State& state) {
  return state.range(0) == 0 ? bench::example_input() : bench::long_input();
}

void run_checked(benchmark::State& state, bool ok) {
  if (!ok) state.SkipWithError("the input did not validate");
}

void BM_validate_sgwchap(benchmark::State& state) {
  const update_input& in = input_for(state);
  bool ok = true;
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      const bool r = validate_sgwchap(in);
      ok = ok && r;
      benchmark::DoNotOptimize(r);
    }
  }
  run_checked(state, ok);
}

void BM_validate_std_regex(benchmark::State& state) {
  const update_input& in = input_for(state);
  const std_regexes re;
  bool ok = true;
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      const bool r = validate_std_regex(re, in);
      ok = ok && r;
      benchmark::DoNotOptimize(r);
    }
  }
  run_checked(state, ok);
}

void BM_validate_re2(benchmark::State& state) {
  const update_input& in = input_for(state);
  const re2_regexes re;
  if (!re.arn.ok() || !re.name.ok() || !re.secret.ok()) {
    state.SkipWithError("RE2 refused a pattern");
    return;
  }
  bool ok = true;
  {
    bench::alloc_scope allocs(state);
    for (auto _ : state) {
      const bool r = validate_re2(re, in);
      ok = ok && r;
      benchmark::DoNotOptimize(r);
    }
  }
  run_checked(state, ok);
}

void BM_validate_floor8(benchmark::State& state) {
  const update_input& in = input_for(state);
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    const std::uint64_t acc = floor_pass(in, or_8_at_a_time);
    benchmark::DoNotOptimize(acc);  // also a memory clobber: the next iteration reads again
  }
}

void BM_validate_floor1(benchmark::State& state) {
  const update_input& in = input_for(state);
  bench::alloc_scope allocs(state);
  for (auto _ : state) {
    const std::uint64_t acc = floor_pass(in, or_1_at_a_time);
    benchmark::DoNotOptimize(acc);
  }
}

// Arg 0: MODEL-EXAMPLES's example; arg 1: the long variant. Names: validate/<input>/<contender>.
void inputs(benchmark::internal::Benchmark* b) { b->ArgNames({"input"})->Arg(0)->Arg(1); }

BENCHMARK(BM_validate_sgwchap)->Name("validate/sgwchap")->Apply(inputs);
BENCHMARK(BM_validate_std_regex)->Name("validate/std_regex")->Apply(inputs);
BENCHMARK(BM_validate_re2)->Name("validate/re2")->Apply(inputs);
BENCHMARK(BM_validate_floor8)->Name("validate/floor8")->Apply(inputs);
BENCHMARK(BM_validate_floor1)->Name("validate/floor1")->Apply(inputs);

}  // namespace
