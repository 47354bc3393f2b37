// expect-error: invalid_iscsi_name::empty_unique_name<24>
// A bad `_iscsi_name` literal: nothing after ':'.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2001-04.com.example:"_iscsi_name;
