// expect-error: invalid_iscsi_name::iqn_month_out_of_range<9>
// A bad `_iscsi_name` literal: month 13.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.1991-13.com.microsoft:host"_iscsi_name;
