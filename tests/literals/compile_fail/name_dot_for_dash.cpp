// expect-error: invalid_iscsi_name::bad_iqn_date<8>
// A bad `_iscsi_name` literal: a dot where the date needs its dash.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2017.11.com.example"_iscsi_name;
