// A shared library with its own copy of sgwchap's inline functions (tests/fmt/test_error_code.cpp).
#pragma once

#include <system_error>

std::error_code sgwchap_dso_error_code(int value);
const std::error_category* sgwchap_dso_category();
