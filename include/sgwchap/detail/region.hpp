// sgwchap — matching a region name against a partition's pattern (docs/sources.md: PARTITIONS).
//
//   region = PREFIX "-" WORD "-" DIGITS     ; the shape of every pattern in partitions.json:
//                                            ; ^(P1|P2|...)\-\w+\-\d+$
//   WORD   = 1*( ALPHA / DIGIT / "_" )      ; `\w` as a regex reads it (aws_model)
//          / 1*( %x61-7A / DIGIT )          ; as real region names are written (strict)
//   DIGITS = 1*DIGIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <sgwchap/detail/swar.hpp>
#include <sgwchap/partitions.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// `\w` of the PARTITIONS patterns: `[A-Za-z0-9_]` in the regex sense (aws_model), or
/// `[a-z0-9]` as real region names are written (strict: every region name in PARTITIONS is written so).
[[nodiscard]] constexpr bool is_region_word_char(char c, bool strict) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return !strict && ((c >= 'A' && c <= 'Z') || c == '_');
}

/// Does `region` match `^PREFIX\-\w+\-\d+$` for one of the partition's prefixes?
/// `\w` cannot match '-', so the first '-' after PREFIX splits the word from the digits.
[[nodiscard]] constexpr bool region_matches(const partition_info& p, std::string_view region, bool strict) noexcept {
  // Plain loops, no find/substr calls: this runs on every target ARN parsed.
  const std::string_view alternatives = p.region_prefixes;
  std::size_t begin = 0;
  while (begin < alternatives.size()) {
    std::size_t bar = begin;
    while (bar < alternatives.size() && alternatives[bar] != '|') ++bar;
    const std::size_t prefix_size = bar - begin;
    const std::size_t next = bar + 1;
    // PREFIX "-"
    bool ok = region.size() > prefix_size + 1 && region[prefix_size] == '-';
    for (std::size_t i = 0; i < prefix_size && ok; ++i) ok = region[i] == alternatives[begin + i];
    if (ok) {
      // \w+ "-" \d+ : `\w` cannot match '-', so the first '-' splits the word from the digits.
      const std::size_t word_begin = prefix_size + 1;
      std::size_t dash = word_begin;
      bool fast = !std::is_constant_evaluated();  // not const: a const bool would be constant-evaluated
      if (fast)
        dash = swar::skip(region, dash, region.size(),
                          [](std::uint64_t w) { return ~swar::equal_to(w, '-') & swar::high; });
      while (dash < region.size() && region[dash] != '-') ++dash;
      if (dash != word_begin && dash < region.size() && dash + 1 != region.size()) {
        std::size_t i = word_begin;
        if (fast) {
          i = strict ? swar::skip(region, i, dash, [](std::uint64_t w) { return swar::lower_or_digit(w); })
                     : swar::skip(region, i, dash, [](std::uint64_t w) {
                         return swar::lower_or_digit(w) | swar::in_range(w, 'A', 'Z') | swar::equal_to(w, '_');
                       });
        }
        for (; i < dash && ok; ++i) ok = is_region_word_char(region[i], strict);
        for (i = dash + 1; i < region.size() && ok; ++i) ok = region[i] >= '0' && region[i] <= '9';
        if (ok) return true;
      }
    }
    begin = next;
  }
  return false;
}

/// The alternatives of each partition's `region_prefixes`, split once at compile time (for the
/// run-time fast path, which compares a whole prefix at once instead of scanning for '|').
struct region_prefix_list {
  std::array<std::string_view, 9> items{};
  std::size_t count{0};
};
[[nodiscard]] constexpr std::array<region_prefix_list, partitions.size()> make_region_prefix_lists() noexcept {
  std::array<region_prefix_list, partitions.size()> lists{};
  for (std::size_t p = 0; p < partitions.size(); ++p) {
    const std::string_view alternatives = partitions[p].region_prefixes;
    std::size_t begin = 0;
    while (begin < alternatives.size()) {
      std::size_t bar = begin;
      while (bar < alternatives.size() && alternatives[bar] != '|') ++bar;
      lists[p].items[lists[p].count++] = alternatives.substr(begin, bar - begin);
      begin = bar + 1;
    }
  }
  return lists;
}
inline constexpr std::array<region_prefix_list, partitions.size()> region_prefix_lists = make_region_prefix_lists();

/// Index of the first partition whose pattern `region` matches, or `no_partition`.
[[nodiscard]] constexpr std::size_t partition_of_region(std::string_view region, bool strict) noexcept {
  for (std::size_t i = 0; i < partitions.size(); ++i) {
    if (region_matches(partitions[i], region, strict)) return i;
  }
  return no_partition;
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
