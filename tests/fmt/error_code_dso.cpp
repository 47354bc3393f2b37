#include "error_code_dso.hpp"

#include <sgwchap/error_code.hpp>

__attribute__((visibility("default"))) std::error_code sgwchap_dso_error_code(int value) {
  return sgwchap::make_error_code(static_cast<sgwchap::errc>(value));
}

__attribute__((visibility("default"))) const std::error_category* sgwchap_dso_category() {
  return &sgwchap::error_category();
}
