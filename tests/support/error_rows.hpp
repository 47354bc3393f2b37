// The check of one invalid row of a validator's table: the error must carry exactly the row's
// code, field, offset, rule profile, limit and unit (and detail, for rows that have one), and
// its offset must lie within the input.
#pragma once

#include <string_view>

#include <catch2/catch.hpp>

#include <sgwchap/error.hpp>

namespace sgwchap_test {

template <class Row>
void check_error_row(const sgwchap::error& e, const Row& row, sgwchap::field which, std::string_view input) {
  CHECK(e.code == row.code);
  CHECK(e.which == which);
  CHECK(e.offset == row.offset);
  CHECK(e.rule_profile == row.rule_profile);
  CHECK(e.limit == row.limit);
  CHECK(e.unit == row.unit);
  if constexpr (requires { row.detail; }) CHECK(e.detail == row.detail);
  CHECK(e.offset <= input.size());
}

}  // namespace sgwchap_test
