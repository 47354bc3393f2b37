// expect-error: invalid_iscsi_name::invalid_character<23>
// A bad `_iscsi_name` literal: an embedded NUL is checked, not a silent end of the string.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2001-04.com.example\0:x"_iscsi_name;
