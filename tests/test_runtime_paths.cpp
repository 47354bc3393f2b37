// The validators have two paths: plain grammar code in constant evaluation, and 8-bytes-at-a-time
// skips at run time (detail/swar.hpp). Both must give the same answer, error, offset and detail.
// This test computes the answers for thousands of single-byte mutations (replace, insert, delete
// at every position, with bytes chosen to hit every rule) of the documented values AT COMPILE
// TIME, then recomputes them at run time and compares.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <catch2/catch.hpp>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/accel/simd.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/target_arn.hpp>

// Which run-time path this build tests: the suites built with -DSGWCHAP_NO_SSE2 and those on
// other CPUs (scripts/test: nosse2, arm64, s390x) must have every SIMD path off, or they would
// test the x86-64 path a second time instead of the portable one.
#if defined(SGWCHAP_NO_SSE2) || !defined(__SSE2__)
static_assert(SGWCHAP_DETAIL_SSE2 == 0, "-DSGWCHAP_NO_SSE2 (or a CPU without SSE2) turns every SIMD path off");
#else
static_assert(SGWCHAP_DETAIL_SSE2 == 1, "x86-64 builds take the SSE2 paths");
#endif

using sgwchap::errc;
using sgwchap::profile;

namespace {

struct outcome {
  bool ok = false;
  errc code{};
  std::size_t offset = 0;
  std::uint32_t detail = 0;
  std::size_t part = 0;  // size of a parsed part (region / unique name), to compare views too
  friend constexpr bool operator==(const outcome&, const outcome&) = default;
};

constexpr std::array<char, 16> mutation_bytes = {'\0', '\n', ' ', '-', '.', ':',    '/',    ';',
                                                 '_',  'A',  'F', 'a', '9', '\x7F', '\xC3', '\xE2'};

constexpr std::string_view arn_base =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view name_base = "iqn.1991-05.com.microsoft:computername.domain.example.com";
constexpr std::string_view eui_base = "eui.02004567a425678d";
constexpr std::string_view secret_base = "abcdefgh12345678";  // 16 bytes: mutations cross 12..17
constexpr std::string_view secret_utf8_base =
    "abcdefgh\xC3\xA9\xE2\x82\xAC"
    "xyz";

constexpr std::size_t max_input = 128;

/// Mutation `m` of `base`: replace (m < n), insert (n <= m < 2n+1) or delete (the rest) at a
/// position, with byte `b`. Writes into `buffer`, returns the size.
constexpr std::size_t mutate(std::string_view base, std::size_t m, char b, std::array<char, max_input>& buffer) {
  const std::size_t n = base.size();
  std::size_t out = 0;
  if (m < n) {
    for (std::size_t i = 0; i < n; ++i) buffer[out++] = i == m ? b : base[i];
  } else if (m < 2 * n + 1) {
    const std::size_t at = m - n;
    for (std::size_t i = 0; i <= n; ++i) {
      if (i == at) buffer[out++] = b;
      if (i < n) buffer[out++] = base[i];
    }
  } else {
    const std::size_t at = m - (2 * n + 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (i != at) buffer[out++] = base[i];
    }
  }
  return out;
}

constexpr std::size_t mutations(std::string_view base) { return 3 * base.size() + 1; }

enum class validator : std::uint8_t { arn_strict, arn_model, name_strict, name_model, secret_strict, secret_model };

constexpr outcome run(validator v, std::string_view s) {
  outcome o;
  switch (v) {
    case validator::arn_strict:
    case validator::arn_model: {
      const auto r = sgwchap::parse_target_arn(s, v == validator::arn_strict ? profile::strict : profile::aws_model);
      o.ok = r.has_value();
      if (o.ok) o.part = (*r).region().size() + (*r).gateway_id().size() + (*r).target_name().size();
      if (!o.ok) o = {false, r.error().code, r.error().offset, r.error().detail, 0};
      break;
    }
    case validator::name_strict:
    case validator::name_model: {
      const auto r = sgwchap::parse_iscsi_name(s, v == validator::name_strict ? profile::strict : profile::aws_model);
      o.ok = r.has_value();
      if (o.ok) o.part = (*r).naming_authority().size() * 1000 + (*r).unique_name().size();
      if (!o.ok) o = {false, r.error().code, r.error().offset, r.error().detail, 0};
      break;
    }
    case validator::secret_strict:
    case validator::secret_model: {
      const auto r =
          sgwchap::check_chap_secret(s, v == validator::secret_strict ? profile::strict : profile::aws_model);
      o.ok = r.has_value();
      if (!o.ok) o = {false, r.error().code, r.error().offset, r.error().detail, 0};
      break;
    }
  }
  return o;
}

struct job {
  validator v;
  std::string_view base;
};

constexpr std::array<job, 8> jobs = {{
    {validator::arn_strict, arn_base},
    {validator::arn_model, arn_base},
    {validator::name_strict, name_base},
    {validator::name_model, name_base},
    {validator::name_strict, eui_base},
    {validator::secret_strict, secret_base},
    {validator::secret_strict, secret_utf8_base},
    {validator::secret_model, secret_utf8_base},
}};

constexpr std::size_t max_mutations = 3 * arn_base.size() + 1;

constexpr std::size_t chunk_size = 64;  // mutations per constant evaluation (Clang's step limit)
constexpr std::size_t chunks = (max_mutations + chunk_size - 1) / chunk_size;

/// One constant evaluation per (job, byte, chunk of mutations).
template <std::size_t Job, std::size_t Byte, std::size_t Chunk>
constexpr std::array<outcome, chunk_size> compile_time_outcomes() {
  std::array<outcome, chunk_size> out{};
  std::array<char, max_input> buffer{};
  const job& j = jobs[Job];
  for (std::size_t k = 0; k < chunk_size && Chunk * chunk_size + k < mutations(j.base); ++k) {
    const std::size_t n = mutate(j.base, Chunk * chunk_size + k, mutation_bytes[Byte], buffer);
    out[k] = run(j.v, std::string_view(buffer.data(), n));
  }
  return out;
}

template <std::size_t Job, std::size_t Byte, std::size_t Chunk>
constexpr std::array<outcome, chunk_size> expected = compile_time_outcomes<Job, Byte, Chunk>();

using chunk_outcomes = std::array<outcome, chunk_size>;

/// Every compile-time chunk, indexed [job][byte][chunk] so one run-time loop reads them all (the
/// templates above are only constant evaluations; no run-time code is instantiated per chunk).
template <std::size_t Job, std::size_t Byte, std::size_t... Chunks>
constexpr std::array<const chunk_outcomes*, chunks> byte_table(std::index_sequence<Chunks...> /*chunks*/) {
  return {&expected<Job, Byte, Chunks>...};
}

template <std::size_t Job, std::size_t... Bytes>
constexpr std::array<std::array<const chunk_outcomes*, chunks>, sizeof...(Bytes)> job_table(
    std::index_sequence<Bytes...> /*bytes*/) {
  return {byte_table<Job, Bytes>(std::make_index_sequence<chunks>{})...};
}

template <std::size_t... Jobs>
constexpr auto all_tables(std::index_sequence<Jobs...> /*jobs*/) {
  return std::array{job_table<Jobs>(std::make_index_sequence<mutation_bytes.size()>{})...};
}

constexpr auto tables = all_tables(std::make_index_sequence<jobs.size()>{});

std::size_t compare_all() {
  std::size_t compared = 0;
  std::array<char, max_input> buffer{};
  for (std::size_t job_index = 0; job_index < jobs.size(); ++job_index) {
    const job& j = jobs[job_index];
    for (std::size_t byte = 0; byte < mutation_bytes.size(); ++byte) {
      for (std::size_t m = 0; m < mutations(j.base); ++m) {
        const std::size_t n = mutate(j.base, m, mutation_bytes[byte], buffer);
        // A fresh heap copy: the run-time path, and no constant folding of the input.
        const std::string input(buffer.data(), n);
        const outcome got = run(j.v, input);
        const outcome& want = (*tables[job_index][byte][m / chunk_size])[m % chunk_size];
        if (!(got == want)) {
          FAIL_CHECK("job " << job_index << ", byte "
                            << static_cast<int>(static_cast<unsigned char>(mutation_bytes[byte])) << ", mutation " << m
                            << ": run time " << (got.ok ? "ok" : sgwchap::rule_name(got.code)) << "@" << got.offset
                            << " vs compile time " << (want.ok ? "ok" : sgwchap::rule_name(want.code)) << "@"
                            << want.offset);
        }
        ++compared;
      }
    }
  }
  return compared;
}

}  // namespace

TEST_CASE("run-time fast paths agree with the constexpr grammar code", "[runtime_paths]") {
  const std::size_t compared = compare_all();
  CHECK(compared > 5000);
  // The unmutated values pass, so the mutations start from a valid input.
  CHECK(run(validator::arn_strict, std::string(arn_base)).ok);
  CHECK(run(validator::name_strict, std::string(name_base)).ok);
  CHECK(run(validator::secret_strict, std::string(secret_base)).ok);
}
