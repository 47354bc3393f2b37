// expect-error: sgwchap literals take a string literal only
// A run-time const char* turned into a fixed_string, the literals' template argument type.
#include <sgwchap/literals.hpp>

void f(const char* from_config) {
  sgwchap::fixed_string s = from_config;
  (void)s;
}
