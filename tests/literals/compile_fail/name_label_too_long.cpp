// expect-error: invalid_iscsi_name::domain_label_too_long<79>
// A bad `_iscsi_name` literal: a domain label of 64 bytes (RFC 1035 allows 63); byte 79 is its 64th.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2001-04.com.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl:x"_iscsi_name;
