// expect-error: invalid_iscsi_name::too_short<0>
// A bad `_iscsi_name` literal: an empty name.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = ""_iscsi_name;
