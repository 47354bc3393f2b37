// Shared helpers of the libFuzzer harnesses (fuzz/ only; never part of the library).
//
// Every harness asserts properties with FUZZ_CHECK: a failed property prints itself and calls
// std::abort(), which libFuzzer reports as a crash and saves the input.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <regex>
#include <string>
#include <string_view>

#include <sgwchap/error.hpp>

namespace sgwchap_fuzz {

[[noreturn]] inline void property_failed(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n", file, line, what);
  std::abort();
}

#define FUZZ_CHECK(cond) ((cond) ? static_cast<void>(0) : ::sgwchap_fuzz::property_failed(#cond, __FILE__, __LINE__))

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return size == 0 ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(data), size);
}

/// True when `part` lies inside `whole` (an empty view anywhere counts: it addresses no byte).
inline bool lies_inside(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  const std::less_equal<const char*> le;
  return le(whole.data(), part.data()) && le(part.data() + part.size(), whole.data() + whole.size());
}

/// A std::regex over bytes, matched against the whole value. Built once per pattern.
inline bool whole_match(const std::regex& re, std::string_view s) { return std::regex_match(s.begin(), s.end(), re); }

/// RFC 3629 §4's UTF8-char, written as a byte regex straight from the RFC's ABNF (ranges never
/// cross 0x7F/0x80, where a signed `char` would reorder them).
inline constexpr const char* utf8_char_regex =
    R"(([\x01-\x7F]|\x00|[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC][\x80-\xBF][\x80-\xBF])"
    R"(|[\xEE-\xEF][\x80-\xBF][\x80-\xBF]|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF][\x80-\xBF])"
    R"(|[\xF1-\xF3][\x80-\xBF][\x80-\xBF][\x80-\xBF]|\xF4[\x80-\x8F][\x80-\xBF][\x80-\xBF]))";

/// Length of the longest prefix of `s` that is well-formed UTF-8 (the regex oracle's view).
/// One UTF8-char per regex match: libstdc++'s std::regex recurses once per repetition of `*`,
/// and a 3 KiB value overflowed the stack under ASan (found by the 5-minute run).
inline std::size_t utf8_valid_prefix(std::string_view s) {
  static const std::regex one_char(utf8_char_regex);
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(s.begin() + static_cast<std::ptrdiff_t>(pos), s.end(), m, one_char,
                           std::regex_constants::match_continuous)) {
      break;
    }
    pos += static_cast<std::size_t>(m.length(0));
  }
  return pos;
}

/// Unicode scalar values in well-formed UTF-8: every byte that is not a continuation byte.
inline std::size_t count_scalars(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

/// True when every byte of `s` occurs somewhere in the fixed text of the library's messages
/// (field names, rule descriptions, numbers, punctuation; collected once from every errc x
/// field). Such a secret could be spelled by that fixed text by coincidence (the fuzzer is good
/// at finding those strings), so for it only the wipe test below applies. Any other secret, i.e.
/// one with a byte that no message uses (non-ASCII, a control, `!#$%&*;=@[]^{|}~"<>`...), must
/// never appear in a message.
inline bool only_message_vocabulary(std::string_view s) {
  static const auto vocabulary = [] {
    std::array<bool, 256> seen{};
    for (unsigned code = 1; code < 64; ++code) {
      for (unsigned f = 0; f < 8; ++f) {
        for (const std::uint32_t limit : {0U, 16U, 32U}) {
          sgwchap::error e{};
          e.code = static_cast<sgwchap::errc>(code);
          e.which = static_cast<sgwchap::field>(f);
          e.limit = limit;
          e.detail = code;
          for (const char c : e.message()) seen[static_cast<unsigned char>(c)] = true;
        }
      }
    }
    for (char c = '0'; c <= '9'; ++c) seen[static_cast<unsigned char>(c)] = true;
    for (char c = 'A'; c <= 'F'; ++c) seen[static_cast<unsigned char>(c)] = true;
    return seen;
  }();
  for (const char c : s) {
    if (!vocabulary[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

/// The leak property of APIREF-Update: the message of `e` never contains `secret` (>= 12 bytes).
/// Messages are built from the error's members only, so they must also stay the same when the
/// secret's buffer is overwritten afterwards (`wipe` does that, then the message is rebuilt).
/// `E` is sgwchap::error or decode_error (whose message() adds the JSON Pointer).
template <class E, class Wipe>
inline void check_no_leak(const E& e, std::string_view secret, Wipe&& wipe) {
  // error::message() is a static_string, decode_error::message() a std::string: copy either.
  const std::string before(std::string_view(e.message()));
  FUZZ_CHECK(!before.empty());
  if (secret.size() >= 12 && !only_message_vocabulary(secret)) {
    FUZZ_CHECK(before.find(secret) == std::string::npos);
  }
  wipe();
  FUZZ_CHECK(std::string_view(e.message()) == before);
}

/// The constexpr path against the run-time path. The parsers are one constexpr code base, so
/// the two can only part where the compiled code misbehaves (undefined behaviour that the
/// constant evaluator refuses, a miscompilation): the outcome of every prefix of a few seed
/// values is computed at compile time, and `check_prefix_outcomes` recomputes it at run time.
struct outcome {
  bool ok{false};
  sgwchap::errc code{};
  std::size_t offset{0};
  friend constexpr bool operator==(const outcome&, const outcome&) = default;
};

inline constexpr std::size_t max_prefixes = 128;

template <class Parse>
constexpr std::array<outcome, max_prefixes> prefix_outcomes(std::string_view s, Parse parse) {
  std::array<outcome, max_prefixes> out{};
  for (std::size_t i = 0; i <= s.size() && i < max_prefixes; ++i) {
    const auto r = parse(s.substr(0, i));
    out[i] = r.has_value() ? outcome{true, {}, 0} : outcome{false, r.error().code, r.error().offset};
  }
  return out;
}

template <class Parse>
void check_prefix_outcomes(std::string_view s, const std::array<outcome, max_prefixes>& compile_time, Parse parse) {
  // Copy the value so that run-time parsing reads a buffer the compiler cannot see through.
  const std::string copy(s);
  const std::array<outcome, max_prefixes> run_time = prefix_outcomes(std::string_view(copy), parse);
  FUZZ_CHECK(run_time == compile_time);
}

}  // namespace sgwchap_fuzz
