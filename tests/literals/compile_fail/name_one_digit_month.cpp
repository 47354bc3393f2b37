// expect-error: invalid_iscsi_name::bad_iqn_date<10>
// A bad `_iscsi_name` literal: a one-digit month.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2015-1.com.example"_iscsi_name;
