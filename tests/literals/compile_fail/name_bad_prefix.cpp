// expect-error: invalid_iscsi_name::bad_prefix<1>
// A bad `_iscsi_name` literal: neither iqn., eui. nor naa..
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "ian.2001-04.com.example"_iscsi_name;
