// expect-error: invalid_iscsi_name::bad_hex_length<19>
// A bad `_iscsi_name` literal: 15 hex digits; EUI-64 needs 16.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "eui.02004567a425678"_iscsi_name;
