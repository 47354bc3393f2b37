// Table-driven tests of <sgwchap/chap_secret.hpp> (APIREF-Update): the 12..16 byte rule with
// multibyte UTF-8 at the boundary, RFC 3629 well-formedness, control characters and BOM, MODEL's
// 1..100 characters, the mutual-CHAP rule, the owning holder, and that no message ever carries
// a secret's bytes.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/error_code.hpp>

#include "support/error_rows.hpp"

using sgwchap::errc;
using sgwchap::field;
using sgwchap::length_unit;
using sgwchap::profile;

namespace {

constexpr auto strict = profile::strict;
constexpr auto model = profile::aws_model;

std::string repeat(std::string_view piece, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += piece;
  return s;
}

constexpr std::string_view e_acute = "\xC3\xA9";           // U+00E9, 2 bytes
constexpr std::string_view euro = "\xE2\x82\xAC";          // U+20AC, 3 bytes
constexpr std::string_view grinning = "\xF0\x9F\x98\x80";  // U+1F600, 4 bytes

struct valid_row {
  std::string secret;
  profile p;
};

const std::vector<valid_row> valid_rows = {
    // Strict: 12..16 bytes of UTF-8 (APIREF), no control characters.
    {"111111111111", strict},                               // MODEL-EXAMPLES, 12 bytes
    {"222222222222", strict},                               // MODEL-EXAMPLES
    {"abcdefghijklmnop", strict},                           // 16 bytes
    {"a b~c!d\"e#f$g%h", strict},                           // printable ASCII, space
    {std::string(14, 'a') + std::string(e_acute), strict},  // 15 characters, 16 bytes
    {std::string(10, 'a') + std::string(e_acute), strict},  // 11 characters, 12 bytes
    {repeat(euro, 4), strict},                              // 4 characters, 12 bytes
    {repeat(grinning, 4), strict},                          // 4 characters, 16 bytes
    {"abcdefghijk\xC2\xA0", strict},                        // U+00A0 is not C1
    {"abcdefghijk\xEF\xBB\xBE", strict},                    // U+FEFE, next to the BOM
    {"abcdefghij\xF4\x8F\xBF\xBF", strict},                 // U+10FFFF, the last scalar
    {"abcdefghi\xED\x9F\xBF", strict},                      // U+D7FF, below the surrogates
    // aws_model: 1..100 characters (MODEL), control characters allowed.
    {"a", model},
    {std::string(17, 'a'), model},
    {std::string(100, 'a'), model},
    {repeat(euro, 100), model},      // 100 characters, 300 bytes
    {repeat(grinning, 100), model},  // 400 bytes: the largest
    {std::string(99, 'a') + std::string(grinning), model},
    {"abcdefghijkl\n", model},
    {"\xEF\xBB\xBF"
     "abcdefghijkl",
     model},
};

struct invalid_row {
  std::string secret;
  profile p;
  errc code;
  std::size_t offset;
  profile rule_profile;
  std::uint32_t limit = 0;
  length_unit unit = length_unit::bytes;
  std::uint32_t detail = 0;
};

const std::vector<invalid_row> invalid_rows = {
    // Strict lengths: 12..16 bytes, counted in UTF-8 bytes, not characters.
    {"", strict, errc::too_short, 0, strict, 12},
    {"11111111111", strict, errc::too_short, 11, strict, 12},
    {"abcdefghijklmnopq", strict, errc::too_long, 16, strict, 16},
    {std::string(15, 'a') + std::string(e_acute), strict, errc::too_long, 16, strict, 16},  // 16 chars, 17 bytes
    {std::string(9, 'a') + std::string(e_acute), strict, errc::too_short, 11, strict, 12},  // 10 chars, 11 bytes
    {repeat(euro, 6), strict, errc::too_long, 16, strict, 16},                              // 6 characters
    {repeat(grinning, 5), strict, errc::too_long, 16, strict, 16},
    {std::string(100, 'a'), strict, errc::too_long, 16, strict, 16},
    // RFC 3629: the first bad byte, in both profiles (the rule belongs to aws_model).
    {"abcde\xC0\xAF"
     "abcdefg",
     strict, errc::invalid_utf8, 5, model},  // overlong '/'
    {"abcde\xE0\x80\xAF"
     "abcdefg",
     strict, errc::invalid_utf8, 5, model},  // 3-byte overlong
    {"abcde\xF0\x80\x80\xAF"
     "abcdefg",
     model, errc::invalid_utf8, 5, model},                                  // 4-byte overlong
    {"abcdefghij\xED\xA0\x80", strict, errc::invalid_utf8, 10, model},      // U+D800
    {"abcdefghij\xED\xBF\xBF", model, errc::invalid_utf8, 10, model},       // U+DFFF
    {"abcdefghij\xF4\x90\x80\x80", strict, errc::invalid_utf8, 10, model},  // U+110000
    {"abcdefghij\xF5\x80\x80\x80", strict, errc::invalid_utf8, 10, model},
    {"abcdefghijk\xE2\x82", strict, errc::invalid_utf8, 11, model},  // truncated at the end
    {"abcdefghijk\xE2\x82"
     "a",
     strict, errc::invalid_utf8, 11, model},  // truncated mid-string
    {"abcdefghijk\xF0\x9F\x98", model, errc::invalid_utf8, 11, model},
    {"\x80"
     "abcdefghijkl",
     strict, errc::invalid_utf8, 0, model},  // lone continuation
    {"abcdefghijkl\xFF", model, errc::invalid_utf8, 12, model},
    {"abcdefghijkl\xC1\xBF", strict, errc::invalid_utf8, 12, model},
    // Strict: C0, DEL, C1 (incl. NEL) and the BOM, at the offending character; detail = code point.
    {"\x01"
     "bcdefghijklm",
     strict, errc::control_character, 0, strict, 0, length_unit::bytes, 0x01},
    {std::string("\0bcdefghijklm", 13), strict, errc::control_character, 0, strict, 0, length_unit::bytes, 0x00},
    {"abcdefghijkl\n", strict, errc::control_character, 12, strict, 0, length_unit::bytes, 0x0A},  // echo's newline
    {"abcdefghijkl\r\n", strict, errc::control_character, 12, strict, 0, length_unit::bytes, 0x0D},
    {"abcdefghijklmnop\n", strict, errc::control_character, 16, strict, 0, length_unit::bytes, 0x0A},  // 17 bytes
    {"abcdefghijk\n", strict, errc::control_character, 11, strict, 0, length_unit::bytes, 0x0A},       // 12 bytes
    {"abc\tdefghijkl", strict, errc::control_character, 3, strict, 0, length_unit::bytes, 0x09},
    {"abc\x1F"
     "defghijkl",
     strict, errc::control_character, 3, strict, 0, length_unit::bytes, 0x1F},
    {"abcde\x7F"
     "fghijkl",
     strict, errc::control_character, 5, strict, 0, length_unit::bytes, 0x7F},
    {"abc\xC2\x85"
     "defghijkl",
     strict, errc::control_character, 3, strict, 0, length_unit::bytes, 0x85},  // NEL
    {"abc\xC2\x80"
     "defghijkl",
     strict, errc::control_character, 3, strict, 0, length_unit::bytes, 0x80},
    {"abc\xC2\x9F"
     "defghijkl",
     strict, errc::control_character, 3, strict, 0, length_unit::bytes, 0x9F},
    {"\xEF\xBB\xBF"
     "abcdefghijkl",
     strict, errc::byte_order_mark, 0, strict, 0, length_unit::bytes, 0xFEFF},
    {"abcdef\xEF\xBB\xBF"
     "ghijkl",
     strict, errc::byte_order_mark, 6, strict, 0, length_unit::bytes, 0xFEFF},
    // aws_model: 1..100 characters (MODEL).
    {"", model, errc::too_short, 0, model, 1, length_unit::characters},
    {std::string(101, 'a'), model, errc::too_long, 100, model, 100, length_unit::characters},
    {std::string(100, 'a') + std::string(e_acute), model, errc::too_long, 100, model, 100, length_unit::characters},
    {repeat(euro, 101), model, errc::too_long, 300, model, 100, length_unit::characters},
    {repeat(grinning, 101), model, errc::too_long, 400, model, 100, length_unit::characters},
};

}  // namespace

TEST_CASE("check_chap_secret: valid rows", "[chap_secret]") {
  for (const valid_row& row : valid_rows) {
    INFO("row of " << row.secret.size() << " bytes, profile " << sgwchap::profile_name(row.p));
    CHECK(sgwchap::check_chap_secret(row.secret, row.p).has_value());
    CHECK(sgwchap::is_valid_chap_secret(row.secret, row.p));
    const auto held = sgwchap::chap_secret::make(row.secret, row.p);
    REQUIRE(held.has_value());
    CHECK(held->reveal() == row.secret);
    CHECK(held->is_checked());
    CHECK(held->checked_profile() == row.p);
  }
}

TEST_CASE("check_chap_secret: invalid rows give the exact rule, field and offset", "[chap_secret]") {
  for (const invalid_row& row : invalid_rows) {
    // Never print the secret itself, even in a failing test.
    INFO("row of " << row.secret.size() << " bytes, profile " << sgwchap::profile_name(row.p));
    for (const field which : {field::secret_to_authenticate_initiator, field::secret_to_authenticate_target}) {
      const auto checked = sgwchap::check_chap_secret(row.secret, row.p, which);
      REQUIRE_FALSE(checked.has_value());
      const sgwchap::error& e = checked.error();
      INFO("got " << sgwchap::rule_name(e.code) << " at " << e.offset);
      sgwchap_test::check_error_row(e, row, which, row.secret);
      const auto held = sgwchap::chap_secret::make(row.secret, row.p, which);
      REQUIRE_FALSE(held.has_value());
      CHECK(held.error() == e);
    }
    CHECK_FALSE(sgwchap::is_valid_chap_secret(row.secret, row.p));
  }
}

TEST_CASE("check_chap_secret: the initiator's field is the default", "[chap_secret]") {
  const auto checked = sgwchap::check_chap_secret("short");
  REQUIRE_FALSE(checked.has_value());
  CHECK(checked.error().which == field::secret_to_authenticate_initiator);
  CHECK(checked.error().rule_profile == strict);
}

TEST_CASE("check_chap_secret: a trailing newline says so", "[chap_secret]") {
  const auto lf = sgwchap::check_chap_secret("abcdefghijkl\n");
  REQUIRE_FALSE(lf.has_value());
  CHECK(lf.error().message() ==
        "SecretToAuthenticateInitiator: control character U+000A (line feed: was the value written with echo "
        "instead of printf?) not allowed (byte 12)");
  const auto cr = sgwchap::check_chap_secret("abcdefghijkl\r\n", strict, field::secret_to_authenticate_target);
  REQUIRE_FALSE(cr.has_value());
  CHECK(cr.error().message() ==
        "SecretToAuthenticateTarget: control character U+000D (carriage return: a Windows line ending?) not allowed "
        "(byte 12)");
  const auto nel = sgwchap::check_chap_secret(
      "abc\xC2\x85"
      "defghijkl");
  REQUIRE_FALSE(nel.has_value());
  CHECK(nel.error().message() == "SecretToAuthenticateInitiator: control character U+0085 not allowed (byte 3)");
}

TEST_CASE("check_secrets_differ: the mutual-CHAP rule", "[chap_secret]") {
  struct row {
    std::string_view initiator, target;
    profile p;
    bool ok;
  };
  const row rows[] = {
      {"111111111111", "222222222222", strict, true},
      {"111111111111", "111111111111", strict, false},
      {"111111111111", "1111111111111", strict, true},
      {"111111111112", "111111111111", strict, true},
      {"211111111111", "111111111111", strict, true},
      {"111111111111", "111111111111", model, true},  // not a MODEL rule
      {"", "", strict, false},
  };
  for (const row& r : rows) {
    const auto differ = sgwchap::check_secrets_differ(r.initiator, r.target, r.p);
    CHECK(differ.has_value() == r.ok);
    if (!differ.has_value()) {
      CHECK(differ.error().code == errc::secrets_must_differ);
      CHECK(differ.error().which == field::secret_to_authenticate_target);
      CHECK(differ.error().offset == 0);
      CHECK(differ.error().rule_profile == strict);
      CHECK(differ.error().message() ==
            "SecretToAuthenticateTarget: must differ from SecretToAuthenticateInitiator (mutual CHAP) (byte 0)");
    }
  }
}

TEST_CASE("chap_secret: inline up to 16 bytes, heap beyond", "[chap_secret][holder]") {
  auto small = sgwchap::chap_secret::make("abcdefghijklmnop");
  REQUIRE(small.has_value());
  const auto* small_object = reinterpret_cast<const char*>(&*small);
  // Inline: the bytes live inside the object itself.
  CHECK(small->reveal().data() >= small_object);
  CHECK(small->reveal().data() < small_object + sizeof(sgwchap::chap_secret));
  CHECK(sgwchap::chap_secret::inline_capacity == 16);

  const std::string long_secret = repeat(euro, 100);
  auto big = sgwchap::chap_secret::make(long_secret, model);
  REQUIRE(big.has_value());
  const auto* big_object = reinterpret_cast<const char*>(&*big);
  const bool outside = big->reveal().data() < big_object || big->reveal().data() >= big_object + sizeof(*big);
  CHECK(outside);
  CHECK(big->reveal() == long_secret);
  CHECK(big->size() == 300);
}

TEST_CASE("chap_secret: moving wipes the source", "[chap_secret][holder]") {
  for (const std::string& value : {std::string("abcdefghijklmnop"), repeat(grinning, 40)}) {
    auto source = sgwchap::chap_secret::make(value, model);
    REQUIRE(source.has_value());
    sgwchap::chap_secret moved(std::move(*source));
    CHECK(moved.reveal() == value);
    CHECK(moved.is_checked());
    // NOLINTBEGIN(bugprone-use-after-move,hicpp-invalid-access-moved,clang-analyzer-cplusplus.Move): the point of the
    // test
    CHECK(source->size() == 0);
    CHECK(source->empty());
    CHECK(source->reveal().empty());
    CHECK_FALSE(source->is_checked());
    CHECK(source->checked_profile() == model);  // like a default-constructed holder

    sgwchap::chap_secret assigned = sgwchap::chap_secret::unchecked("another secret value");
    assigned = std::move(moved);
    CHECK(assigned.reveal() == value);
    CHECK(moved.size() == 0);
    CHECK(moved.reveal().empty());
    // NOLINTEND(bugprone-use-after-move,hicpp-invalid-access-moved,clang-analyzer-cplusplus.Move)
  }
}

TEST_CASE("chap_secret: clone, equality, unchecked", "[chap_secret][holder]") {
  auto a = sgwchap::chap_secret::make("111111111111");
  REQUIRE(a.has_value());
  const sgwchap::chap_secret b = a->clone();
  CHECK(b.reveal() == "111111111111");
  CHECK(b.reveal().data() != a->reveal().data());
  CHECK(b.is_checked());
  CHECK(b.checked_profile() == strict);
  CHECK(b == *a);

  const auto c = sgwchap::chap_secret::make("111111111112");
  REQUIRE(c.has_value());
  CHECK_FALSE(*c == *a);
  CHECK_FALSE(sgwchap::chap_secret::unchecked("11111111111") == *a);  // shorter

  // Values decoded from the service are kept as sent, even when they break every rule.
  const sgwchap::chap_secret decoded = sgwchap::chap_secret::unchecked("x\n");
  CHECK(decoded.reveal() == "x\n");
  CHECK_FALSE(decoded.is_checked());
  const sgwchap::chap_secret long_decoded = sgwchap::chap_secret::unchecked(std::string(500, 'z'));
  CHECK(long_decoded.size() == 500);
  CHECK_FALSE(long_decoded.is_checked());
  CHECK(long_decoded.clone() == long_decoded);

  const sgwchap::chap_secret empty;
  CHECK(empty.empty());
  CHECK(empty.reveal().empty());
  CHECK_FALSE(empty.is_checked());

  const auto loose = sgwchap::chap_secret::make(std::string(20, 'a'), model);
  REQUIRE(loose.has_value());
  CHECK(loose->checked_profile() == model);
  CHECK(loose->clone().checked_profile() == model);
}

TEST_CASE("constant_time_equal matches plain equality", "[chap_secret]") {
  std::mt19937 rng(7);  // NOLINT(cert-msc32-c,cert-msc51-cpp): reproducible on purpose
  std::uniform_int_distribution<int> byte(0, 3);
  for (int i = 0; i < 2000; ++i) {
    std::string a(static_cast<std::size_t>(i % 5), '\0');
    std::string b(static_cast<std::size_t>((i / 5) % 5), '\0');
    for (char& c : a) c = static_cast<char>('a' + byte(rng));
    for (char& c : b) c = static_cast<char>('a' + byte(rng));
    CHECK(sgwchap::detail::constant_time_equal(a, b) == (a == b));
  }
}

TEST_CASE("no error message about a secret contains the secret's bytes", "[chap_secret][redaction]") {
  std::vector<std::string> secrets;
  // Crafted: every invalid row of at least 12 bytes, and close relatives of the documented ones.
  for (const invalid_row& row : invalid_rows) {
    if (row.secret.size() >= 12) secrets.push_back(row.secret);
  }
  for (const std::string_view s :
       {"111111111111\n", "2222222222222222x", "11111111111", "abcdefghijkl\r\n", "p@ssw0rd-p@ssw0rd"}) {
    secrets.emplace_back(s);
  }
  // Random: printable ASCII, raw bytes, and mixed well-formed UTF-8, 12..120 bytes.
  std::mt19937 rng(20240607);  // NOLINT(cert-msc32-c,cert-msc51-cpp): reproducible on purpose
  std::uniform_int_distribution<int> any_byte(0, 255);
  std::uniform_int_distribution<int> printable(0x20, 0x7E);
  std::uniform_int_distribution<std::size_t> length(12, 120);
  const std::string_view pieces[] = {"a", "Z", "9", "\n", "\x7F", e_acute, euro, grinning, "\xC2\x85", "\xEF\xBB\xBF"};
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    const std::size_t n = length(rng);
    switch (i % 3) {
      case 0:
        while (s.size() < n) s.push_back(static_cast<char>(printable(rng)));
        break;
      case 1:
        while (s.size() < n) s.push_back(static_cast<char>(any_byte(rng)));
        break;
      default:
        while (s.size() < n) s += pieces[piece(rng)];
        break;
    }
    secrets.push_back(std::move(s));
  }

  std::size_t errors_seen = 0;
  for (const std::string& secret : secrets) {
    for (const profile p : {strict, model}) {
      for (const field which : {field::secret_to_authenticate_initiator, field::secret_to_authenticate_target}) {
        const auto checked = sgwchap::check_chap_secret(secret, p, which);
        if (checked.has_value()) continue;
        ++errors_seen;
        const sgwchap::error_message message = checked.error().message();
        const std::string code_message = sgwchap::to_error_code(checked.error()).message();
        // Not the whole secret, and no 6-byte window of it either (a partial leak).
        for (std::size_t at = 0; at + 6 <= secret.size(); ++at) {
          const std::string_view window = std::string_view(secret).substr(at, 6);
          if (message.view().find(window) != std::string_view::npos || code_message.find(window) != std::string::npos) {
            FAIL_CHECK("an error message contains 6 bytes of the secret, at offset " << at);
            break;
          }
        }
      }
    }
    // The mutual rule's message too.
    const auto differ = sgwchap::check_secrets_differ(secret, secret);
    REQUIRE_FALSE(differ.has_value());
    CHECK(differ.error().message().view().find(secret) == std::string_view::npos);
  }
  CHECK(errors_seen > 3000);  // the loop did look at many messages
}

TEST_CASE("chap_secret tables have the required size", "[chap_secret]") {
  CHECK(valid_rows.size() + invalid_rows.size() >= 30);
}
