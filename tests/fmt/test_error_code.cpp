// std::error_code interplay (error_code.hpp): the "sgwchap" category, errc as an error-code enum,
// and the category's identity across shared objects (std::error_code compares categories by
// address, so two copies of the category would make equal codes compare unequal).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

#include <sgwchap/error_code.hpp>
#include <sgwchap/iscsi_name.hpp>

#include "error_code_dso.hpp"

namespace {

// Every enumerator: the values are dense from 1; the first value without a name ends them.
int enumerator_count() {
  int n = 0;
  while (n < 255 && sgwchap::rule_name(static_cast<sgwchap::errc>(n + 1)) != "unknown_error") ++n;
  return n;
}

}  // namespace

static_assert(std::is_error_code_enum_v<sgwchap::errc>);
static_assert(!std::is_error_condition_enum_v<sgwchap::errc>);

TEST_CASE("error_code: category name, value and message of each rule") {
  const int count = enumerator_count();
  REQUIRE(count >= 37);  // the rules of error.hpp when this test was written
  // Past the last enumerator there is nothing: the values are dense.
  for (int v = count + 1; v <= 255; ++v) {
    CAPTURE(v);
    REQUIRE(sgwchap::rule_name(static_cast<sgwchap::errc>(v)) == "unknown_error");
  }
  for (int v = 1; v <= count; ++v) {
    const auto e = static_cast<sgwchap::errc>(v);
    const std::error_code ec = sgwchap::make_error_code(e);
    CAPTURE(v, sgwchap::rule_name(e));
    REQUIRE(ec.value() == v);
    REQUIRE(std::string_view(ec.category().name()) == "sgwchap");
    REQUIRE(ec.message() == sgwchap::rule_description(e));
    REQUIRE(static_cast<bool>(ec));
    REQUIRE(ec == e);  // implicit conversion through is_error_code_enum
  }
}

TEST_CASE("error_code: conversions and comparisons") {
  const std::error_code month = sgwchap::errc::iqn_month_out_of_range;  // implicit, via ADL make_error_code
  REQUIRE(month == sgwchap::errc::iqn_month_out_of_range);
  REQUIRE(month != sgwchap::errc::bad_iqn_date);
  REQUIRE(month != std::make_error_code(std::errc::invalid_argument));  // other category, same or not
  REQUIRE(std::error_code(static_cast<int>(sgwchap::errc::too_long), std::generic_category()) !=
          std::error_code(sgwchap::errc::too_long));
  REQUIRE_FALSE(std::error_code{});  // value 0 is "no error"

  // to_error_code keeps the rule; field and offset stay in sgwchap::error.
  const auto parsed = sgwchap::parse_iscsi_name("iqn.2015-13.com.example");
  REQUIRE_FALSE(parsed.has_value());
  const std::error_code ec = sgwchap::to_error_code(parsed.error());
  REQUIRE(ec == sgwchap::errc::iqn_month_out_of_range);
  REQUIRE(ec.message() == "month must be 01..12");
}

TEST_CASE("error_code: one category across shared objects") {
  // The shared library was compiled separately and instantiated error_category() itself.
  REQUIRE(sgwchap_dso_category() == &sgwchap::error_category());
  const std::error_code from_dso = sgwchap_dso_error_code(static_cast<int>(sgwchap::errc::too_long));
  REQUIRE(&from_dso.category() == &sgwchap::error_category());
  REQUIRE(from_dso == sgwchap::errc::too_long);
  REQUIRE(from_dso == sgwchap::make_error_code(sgwchap::errc::too_long));
  REQUIRE(from_dso != sgwchap::errc::too_short);
}
