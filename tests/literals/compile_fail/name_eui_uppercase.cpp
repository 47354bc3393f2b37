// expect-error: invalid_iscsi_name::uppercase_character<12>
// A bad `_iscsi_name` literal: RFC examples print upper-case hex; the wire form is lower case.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "eui.02004567A425678D"_iscsi_name;
