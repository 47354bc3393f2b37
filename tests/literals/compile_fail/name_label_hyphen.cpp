// expect-error: invalid_iscsi_name::domain_label_hyphen<12>
// A bad `_iscsi_name` literal: a label starting with '-'.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "iqn.2001-04.-com.example"_iscsi_name;
