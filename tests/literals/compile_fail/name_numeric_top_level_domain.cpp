// expect-error: invalid_iscsi_name::numeric_top_level_domain<12>
// A bad `_iscsi_name` literal: the naming authority is an IP address, not a domain name.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2014-01.192.168.50.61:test"_iscsi_name;
