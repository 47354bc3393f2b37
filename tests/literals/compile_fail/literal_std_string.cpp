// expect-error: sgwchap literals take a string literal only
// A run-time std::string passed to the literal operator: never silently accepted.
#include <string>

#include <sgwchap/literals.hpp>

std::string read_config();

void f() {
  const std::string from_config = read_config();
  auto name = sgwchap::literals::operator""_iscsi_name<from_config>();
  (void)name;
}
