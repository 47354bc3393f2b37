// expect-error: invalid_iscsi_name::initiator_is_target_name<0>
// A bad `_iscsi_name` literal: the gateway target's name pasted where the initiator's belongs.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.1997-05.com.amazon:myvolume"_iscsi_name;
