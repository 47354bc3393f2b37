// expect-error: invalid_iscsi_name::uppercase_character<23>
// A bad `_iscsi_name` literal: VMware keeps the host name's case; MODEL forbids it.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.1998-01.com.vmware:ESX01-0ba2d462"_iscsi_name;
