// sgwchap — validate(result): the explicit, separate step that runs the validators on what the
// service sent (decoding never does: constraints are not enforced on output, docs/sources.md
// SMITHY-JSON). Each problem is a decode_error: the validator's code and its offset into the
// decoded string, with the member's JSON Pointer (RFC 6901). Light: no Boost.JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/wire/decode_error.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace detail {

/// The validator of a row's rule on `value`, its view dropped.
[[nodiscard]] constexpr result<void> check_rule(const member_info& m, std::string_view value, profile p) noexcept {
  switch (m.rule) {
    case value_rule::target_arn:
      if (auto r = parse_target_arn(value, p); !r.has_value()) return tl::unexpected(r.error());
      return {};
    case value_rule::iscsi_name:
      if (auto r = parse_iscsi_name(value, p); !r.has_value()) return tl::unexpected(r.error());
      return {};
    case value_rule::chap_secret: return check_chap_secret(value, p, m.which);
    case value_rule::none: break;
  }
  return {};
}

inline void add_problem(std::vector<decode_error>& out, const error& e, std::string_view prefix,
                        std::string_view member) {
  std::string pointer(prefix);
  append_pointer_token(pointer, member);
  out.emplace_back(e, std::move(pointer));
}

/// Validates every member of `obj` (a bound result or element) whose row has a rule, in row
/// order, then its cross-member rule (must_differ_from: when this member passed and the other
/// is present); recurses into structure lists with "/<member>/<index>" prefixes.
template <class T>
void validate_members(std::vector<decode_error>& out, const T& obj, profile p, const std::string& prefix) {
  const auto all = members_of(obj);
  for_each_member(obj, [&](auto i, const auto& value) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if constexpr (m.type == member_type::structure_list) {
      if (!value.has_value()) return;
      std::string element_prefix;
      for (std::size_t k = 0; k < value->size(); ++k) {
        element_prefix.assign(prefix);
        append_pointer_token(element_prefix, m.name);
        element_prefix.push_back('/');
        append_number(element_prefix, k);
        validate_members(out, (*value)[k], p, element_prefix);
      }
    } else {
      const std::optional<std::string_view> text = text_of(value);
      if (!text.has_value() || m.rule == value_rule::none) return;
      const result<void> own = check_rule(m, *text, p);
      if (!own.has_value()) {
        add_problem(out, own.error(), prefix, m.name);
        return;
      }
      if constexpr (m.must_differ_from != member_info::no_row) {
        const std::optional<std::string_view> other = text_of(std::get<m.must_differ_from>(all));
        if (!other.has_value()) return;
        if (auto d = check_secrets_differ(*other, *text, p); !d.has_value())
          add_problem(out, d.error(), prefix, m.name);
      }
    }
  });
}

}  // namespace detail

/// Checks every member of a decoded result that has a validator (operations.hpp: TargetARN,
/// InitiatorName, the CHAP secrets of each ChapInfo, and the mutual-secret rule), in member
/// order, under `p`. Empty when all is valid. Allocates (the pointers); may throw std::bad_alloc.
template <class Result>
requires detail::operation_result<Result>
[[nodiscard]] std::vector<decode_error> validate(const Result& r, profile p = profile::strict) {
  std::vector<decode_error> out;
  detail::validate_members(out, r, p, std::string());
  return out;
}

SGWCHAP_END_NAMESPACE
