// expect-error: invalid_iscsi_name::invalid_character<23>
// A bad `_iscsi_name` literal: a Windows name copied with its line end.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2001-04.com.example\n"_iscsi_name;
