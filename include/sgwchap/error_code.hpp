// sgwchap — the `std::error_code` adapter of the error model: the "sgwchap" `std::error_category`,
// `make_error_code`, `to_error_code`, and `std::is_error_code_enum<sgwchap::errc>`.
//
// Kept apart from <sgwchap/error.hpp> so that the validators, which every user includes, do not
// pull in <system_error> and <string> (docs/compile-time.md). <sgwchap/sgwchap.hpp> includes it.
// Include it in every translation unit that converts an `errc` to a `std::error_code`: a TU that
// sees only error.hpp has no is_error_code_enum specialisation, so `std::error_code ec =
// errc::too_long;` does not compile there.
#pragma once

#include <string>
#include <system_error>
#include <type_traits>

#include <sgwchap/error.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// The `std::error_category` adapter, named "sgwchap". One instance per program (an inline
/// function's static: merged across shared objects on ELF platforms).
class error_category_impl final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "sgwchap"; }
  /// rule_description of the value ("unknown error" for a value no rule has). Allocates (the
  /// interface of std::error_category returns std::string); may throw std::bad_alloc.
  [[nodiscard]] std::string message(int value) const override {
    return std::string(rule_description(static_cast<errc>(value)));
  }
};

[[nodiscard]] inline const std::error_category& error_category() noexcept {
  static const error_category_impl instance;
  return instance;
}

/// The `std::error_code` of a rule, in the "sgwchap" category (error_category()); its
/// message() is rule_description(e). Found by ADL, so `std::error_code ec = errc::...` works
/// (std::is_error_code_enum<errc> is specialised). No error, no throw.
[[nodiscard]] inline std::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), error_category()};
}

/// The `std::error_code` of an error (the rule only; offset and field are in `error`).
[[nodiscard]] inline std::error_code to_error_code(const error& e) noexcept { return make_error_code(e.code); }

SGWCHAP_END_NAMESPACE

template <>
struct std::is_error_code_enum<sgwchap::errc> : std::true_type {};
