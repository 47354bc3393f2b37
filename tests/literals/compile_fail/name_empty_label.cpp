// expect-error: invalid_iscsi_name::empty_domain_label<16>
// A bad `_iscsi_name` literal: '..' in the reversed domain name.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2001-04.com..example"_iscsi_name;
