// expect-error: invalid_iscsi_name::invalid_character<28>
// A bad `_iscsi_name` literal: '_' from a host name.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2001-04.com.example:host_1"_iscsi_name;
