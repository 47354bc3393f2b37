// Rows of formatter output for the fmt tests: each row's text must equal the expected text and
// must not contain either of the two secrets the requests under test hold.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

namespace sgwchap_test {

// Secrets that must never show up in any formatted output.
inline constexpr std::string_view secret_1 = "Sec1-xyzzy-1";
inline constexpr std::string_view secret_2 = "Sec2-plugh-22";

struct fmt_row {
  std::string what;
  std::string actual;
  std::string expected;
};

inline void require_rows(const std::vector<fmt_row>& rows) {
  for (const fmt_row& r : rows) {
    CAPTURE(r.what);
    REQUIRE(r.actual == r.expected);
    REQUIRE(r.actual.find(secret_1) == std::string::npos);
    REQUIRE(r.actual.find(secret_2) == std::string::npos);
  }
}

}  // namespace sgwchap_test
