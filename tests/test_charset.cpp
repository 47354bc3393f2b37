// Exhaustive tests of <sgwchap/detail/charset.hpp>, detail::is_region_word_char and the UTF-8
// decoder of <sgwchap/detail/utf8.hpp>: every byte value 0..255 against an independent
// definition of each class, and every lead byte of UTF-8 with every continuation.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/partitions.hpp>
#include <sgwchap/detail/utf8.hpp>

namespace d = sgwchap::detail;

namespace {

/// Membership by listing the class's characters (a second, independent definition).
bool listed(std::string_view members, unsigned byte) {
  return byte < 128 && members.find(static_cast<char>(byte)) != std::string_view::npos;
}

constexpr std::string_view digits = "0123456789";
constexpr std::string_view lower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

struct class_row {
  std::uint8_t cls;
  const char* name;
  std::string members;
};

}  // namespace

TEST_CASE("every character class, every byte", "[charset]") {
  const class_row rows[] = {
      {d::cc_digit, "digit", std::string(digits)},
      {d::cc_lower, "lower", std::string(lower)},
      {d::cc_upper, "upper", std::string(upper)},
      {d::cc_hex_lower, "hex_lower", std::string(digits) + "abcdef"},
      {d::cc_hex_upper, "hex_upper", std::string(digits) + "ABCDEF"},
      {d::cc_iqn_name, "iqn_name [0-9a-z:.-]", std::string(digits) + std::string(lower) + ":.-"},
      {d::cc_target_name, "target_name [-.;a-z0-9]", std::string(digits) + std::string(lower) + "-.;"},
      {d::cc_label, "label [a-z0-9-]", std::string(digits) + std::string(lower) + "-"},
  };
  std::size_t checked = 0;
  for (const class_row& row : rows) {
    std::size_t members = 0;
    for (unsigned b = 0; b < 256; ++b) {
      INFO("class " << row.name << ", byte " << b);
      const bool expected = listed(row.members, b);
      CHECK(d::in_class(static_cast<char>(b), row.cls) == expected);
      members += expected ? 1 : 0;
      ++checked;
    }
    CHECK(members == row.members.size());
  }
  CHECK(checked == std::size(rows) * 256);
  // The table has no bits beyond the eight classes.
  for (unsigned b = 0; b < 256; ++b) {
    std::uint8_t all = 0;
    for (const class_row& row : rows) all = static_cast<std::uint8_t>(all | row.cls);
    CHECK((d::char_table[b] & static_cast<std::uint8_t>(~all)) == 0);
  }
}

TEST_CASE("is_digit and is_upper, every byte", "[charset]") {
  for (unsigned b = 0; b < 256; ++b) {
    INFO("byte " << b);
    CHECK(d::is_digit(static_cast<char>(b)) == listed(digits, b));
    CHECK(d::is_upper(static_cast<char>(b)) == listed(upper, b));
  }
}

TEST_CASE("is_region_word_char in both modes, every byte", "[charset][partitions]") {
  // strict: [a-z0-9] (PARTITIONS: real region names); aws_model: the regex \w = [A-Za-z0-9_].
  const std::string strict_members = std::string(lower) + std::string(digits);
  const std::string regex_members = std::string(lower) + std::string(upper) + std::string(digits) + "_";
  for (unsigned b = 0; b < 256; ++b) {
    INFO("byte " << b);
    CHECK(d::is_region_word_char(static_cast<char>(b), true) == listed(strict_members, b));
    CHECK(d::is_region_word_char(static_cast<char>(b), false) == listed(regex_members, b));
  }
}

namespace {

/// RFC 3629 §4 (UTF8-2/3/4 second-byte ranges) as an independent table: for a lead byte, the
/// sequence length and the allowed range of the second byte; length 0 for a non-lead.
struct lead_rule {
  std::size_t length;
  unsigned low;
  unsigned high;
};

lead_rule rfc3629(unsigned lead) {
  if (lead <= 0x7F) return {1, 0, 0};
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};  // 0x80..0xC1, 0xF5..0xFF
}

/// The code point of a well-formed sequence, computed the long way.
char32_t expected_code_point(const std::string& s) {
  const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i])); };
  switch (s.size()) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1FU) << 6U) | (b(1) & 0x3FU);
    case 3: return ((b(0) & 0x0FU) << 12U) | ((b(1) & 0x3FU) << 6U) | (b(2) & 0x3FU);
    default: return ((b(0) & 0x07U) << 18U) | ((b(1) & 0x3FU) << 12U) | ((b(2) & 0x3FU) << 6U) | (b(3) & 0x3FU);
  }
}

}  // namespace

TEST_CASE("decode_utf8: every lead byte with every second byte", "[charset][utf8]") {
  std::size_t well_formed_pairs = 0;
  for (unsigned lead = 0; lead < 256; ++lead) {
    const lead_rule rule = rfc3629(lead);
    if (rule.length == 1) {
      const std::string s(1, static_cast<char>(lead));
      const auto c = d::decode_utf8(s, 0);
      CHECK(c.length == 1);
      CHECK(c.code_point == lead);
      continue;
    }
    // The lead byte alone is never well-formed (truncated, or not a lead at all).
    {
      const std::string alone(1, static_cast<char>(lead));
      INFO("lead " << lead << " alone");
      CHECK(d::decode_utf8(alone, 0).length == 0);
      CHECK_FALSE(d::scan_utf8(alone).ok);
    }
    for (unsigned second = 0; second < 256; ++second) {
      INFO("lead " << lead << ", second " << second);
      // Complete the sequence with the lowest continuation bytes.
      std::string s;
      s.push_back(static_cast<char>(lead));
      s.push_back(static_cast<char>(second));
      while (s.size() < rule.length) s.push_back(static_cast<char>(0x80));
      const bool ok = rule.length != 0 && second >= rule.low && second <= rule.high;
      const auto c = d::decode_utf8(s, 0);
      if (ok) {
        ++well_formed_pairs;
        CHECK(c.length == rule.length);
        CHECK(c.code_point == expected_code_point(s));
        CHECK(c.code_point <= 0x10FFFFU);
        CHECK_FALSE((c.code_point >= 0xD800U && c.code_point <= 0xDFFFU));
        const auto scan = d::scan_utf8(s);
        CHECK(scan.ok);
        CHECK(scan.scalars == 1);
        // Truncated by one byte: refused.
        CHECK(d::decode_utf8(std::string_view(s).substr(0, s.size() - 1), 0).length == 0);
      } else {
        CHECK(c.length == 0);
        const auto scan = d::scan_utf8(s);
        CHECK_FALSE(scan.ok);
        CHECK(scan.error_offset == 0);
      }
    }
  }
  // 30 two-byte leads x 64 + E0 x 32 + 14 three-byte leads x 64 + ED x 32 + F0 x 48 + 3 x 64 + F4 x 16.
  CHECK(well_formed_pairs == 30 * 64 + 32 + 14 * 64 + 32 + 48 + 3 * 64 + 16);
}

TEST_CASE("decode_utf8: third and fourth bytes must be continuations", "[charset][utf8]") {
  for (unsigned b = 0; b < 256; ++b) {
    INFO("byte " << b);
    const bool continuation = b >= 0x80 && b <= 0xBF;
    const std::string three = std::string("\xE2\x82") + static_cast<char>(b);
    CHECK((d::decode_utf8(three, 0).length == 3) == continuation);
    const std::string four_third = std::string("\xF0\x9F") + static_cast<char>(b) + "\x80";
    CHECK((d::decode_utf8(four_third, 0).length == 4) == continuation);
    const std::string four_last = std::string("\xF0\x9F\x98") + static_cast<char>(b);
    CHECK((d::decode_utf8(four_last, 0).length == 4) == continuation);
  }
}

TEST_CASE("scan_utf8 counts scalars and finds the first bad byte", "[charset][utf8]") {
  const auto mixed = d::scan_utf8("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z");
  CHECK(mixed.ok);
  CHECK(mixed.scalars == 5);
  const auto bad = d::scan_utf8("ab\xC3\xA9\xED\xA0\x80");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error_offset == 4);
  CHECK(bad.scalars == 3);
  CHECK(d::scan_utf8("").ok);
  CHECK(d::scan_utf8("").scalars == 0);
  // offset_of_scalar: byte offset of the n-th scalar.
  const std::string_view s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
  CHECK(d::offset_of_scalar(s, 0) == 0);
  CHECK(d::offset_of_scalar(s, 1) == 1);
  CHECK(d::offset_of_scalar(s, 2) == 3);
  CHECK(d::offset_of_scalar(s, 3) == 6);
  CHECK(d::offset_of_scalar(s, 4) == 10);
  CHECK(d::offset_of_scalar(s, 5) == s.size());
  CHECK(d::offset_of_scalar(s, 99) == s.size());
}
