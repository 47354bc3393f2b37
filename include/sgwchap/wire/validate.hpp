// sgwchap — validate(result): the explicit, separate step that runs the validators on what the
// service sent (decoding never does: constraints are not enforced on output, docs/sources.md
// SMITHY-JSON). Each problem is a decode_error: the validator's code and its offset into the
// decoded string, with the member's JSON Pointer (RFC 6901). Light: no Boost.JSON.
//
// Allocation: none for a valid result. The pointer of the member being checked is built in a
// fixed buffer (its size bound by the tables, checked at compile time); a problem's own pointer
// string and the vector that holds the problems are allocated only when there is a problem.
#pragma once

#include <algorithm>
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
#include <sgwchap/resource_arn.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/wire/decode_error.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace detail {

/// The validator of a row's rule on a string `value`, its view dropped (resource_arn.hpp,
/// target_arn.hpp, iscsi_name.hpp, chap_secret.hpp, requests.hpp's check_marker).
[[nodiscard]] constexpr result<void> check_rule(const member_info& m, std::string_view value, profile p) noexcept {
  const auto drop_view = [](const auto& r) -> result<void> {
    if (!r.has_value()) return tl::unexpected(r.error());
    return {};
  };
  switch (m.rule) {
    case value_rule::target_arn: return drop_view(parse_target_arn(value, p));
    case value_rule::iscsi_name: return drop_view(parse_iscsi_name(value, p));
    case value_rule::chap_secret: return check_chap_secret(value, p, m.which);
    case value_rule::gateway_arn: return drop_view(parse_gateway_arn(value, p));
    case value_rule::volume_arn: return drop_view(parse_volume_arn(value, p));
    case value_rule::vtl_device_arn: return drop_view(parse_vtl_device_arn(value, p));
    case value_rule::marker: return check_marker(value);
    case value_rule::positive: break;  // a rule of numbers (a request's Limit), not of strings
    case value_rule::none: break;
  }
  return {};
}

/// The longest JSON Pointer validate can build under shape `s`: "/<member>" per level, plus
/// "/<index>" (at most 20 digits) for a list (RFC 6901 §3: `~` and `/` take two bytes).
[[nodiscard]] constexpr std::size_t max_pointer_length(const shape_info& s) noexcept {
  std::size_t longest = 0;
  for (const member_info& m : s.members) {
    std::size_t token = 1;
    for (const char c : m.name) token += c == '~' || c == '/' ? 2 : 1;
    if (m.type == member_type::structure_list || m.type == member_type::string_list) token += 1 + 20;
    if (m.type == member_type::structure_list || m.type == member_type::structure) {
      token += max_pointer_length(*m.element);
    }
    longest = std::max(longest, token);
  }
  return longest;
}

/// The JSON Pointer of the member being checked, in a fixed buffer: tokens are pushed on the way
/// down and cut off on the way back (`truncate`). No allocation.
class pointer_path {
 public:
  static constexpr std::size_t capacity = 256;

  [[nodiscard]] std::string_view view() const noexcept { return {chars_, size_}; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  void truncate(std::size_t n) noexcept { size_ = n; }

  /// Appends "/" and `token`, `~` as `~0` and `/` as `~1` (RFC 6901 §3).
  void push_token(std::string_view token) noexcept {
    put('/');
    for (const char c : token) {
      if (c == '~' || c == '/') {
        put('~');
        put(c == '~' ? '0' : '1');
      } else {
        put(c);
      }
    }
  }
  /// Appends "/" and the decimal digits of `index`.
  void push_index(std::size_t index) noexcept {
    char digits[20];
    std::size_t n = 0;
    do {
      digits[n++] = static_cast<char>('0' + index % 10);
      index /= 10;
    } while (index != 0);
    put('/');
    while (n > 0) put(digits[--n]);
  }

 private:
  // Never full: every operation's output fits (checked below, where validate is defined).
  void put(char c) noexcept {
    if (size_ < capacity) chars_[size_++] = c;
  }

  char chars_[capacity]{};
  std::size_t size_{0};
};

/// Records `e` under the pointer `path` (allocates: the problem's pointer, the vector's room).
inline void add_problem(std::vector<decode_error>& out, const error& e, const pointer_path& path) {
  out.emplace_back(e, std::string(path.view()));
}

/// Runs row `m`'s rule on `text` and records its error at `path`; true when it passed.
inline bool check_text(std::vector<decode_error>& out, const member_info& m, std::string_view text, profile p,
                       const pointer_path& path) {
  const result<void> own = check_rule(m, text, p);
  if (!own.has_value()) add_problem(out, own.error(), path);
  return own.has_value();
}

/// Validates every member of `obj` (a bound result, element or nested structure) whose row has a
/// rule, in row order, by the row's type: a string by its rule, then its cross-member rule
/// (must_differ_from: when this member passed and the other is present); each element of a
/// string list by the row's rule ("/<member>/<index>"); each element of a structure list
/// ("/<member>/<index>/...") and a nested structure ("/<member>/...") member by member. Numbers,
/// booleans and timestamps have no rule. `path` holds the pointer of `obj`, and again on return.
template <class T>
void validate_members(std::vector<decode_error>& out, const T& obj, profile p, pointer_path& path) {
  const auto all = members_of(obj);
  const std::size_t base = path.size();
  for_each_member(obj, [&](auto i, const auto& value) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if constexpr (m.type == member_type::structure_list) {
      if (!value.has_value()) return;
      for (std::size_t k = 0; k < value->size(); ++k) {
        path.push_token(m.name);
        path.push_index(k);
        validate_members(out, (*value)[k], p, path);
        path.truncate(base);
      }
    } else if constexpr (m.type == member_type::structure) {
      if (!value.has_value()) return;
      path.push_token(m.name);
      validate_members(out, *value, p, path);
      path.truncate(base);
    } else if constexpr (m.type == member_type::string_list) {
      if (!value.has_value() || m.rule == value_rule::none) return;
      for (std::size_t k = 0; k < value->size(); ++k) {
        path.push_token(m.name);
        path.push_index(k);
        (void)check_text(out, m, (*value)[k], p, path);
        path.truncate(base);
      }
    } else if constexpr (m.type == member_type::string) {
      const std::optional<std::string_view> text = text_of(value);
      if (!text.has_value() || m.rule == value_rule::none) return;
      path.push_token(m.name);
      if (check_text(out, m, *text, p, path)) {
        if constexpr (m.must_differ_from != member_info::no_row) {
          const std::optional<std::string_view> other = text_of(std::get<m.must_differ_from>(all));
          if (other.has_value()) {
            if (auto d = check_secrets_differ(*other, *text, p); !d.has_value()) add_problem(out, d.error(), path);
          }
        }
      }
      path.truncate(base);
    }
    // integer, long_integer, double_number, boolean, timestamp: no rule.
  });
}

/// True when every operation's output fits pointer_path.
[[nodiscard]] constexpr bool pointers_fit() noexcept {
  for (const operation_info& info : operations) {
    if (max_pointer_length(info.output) > pointer_path::capacity) return false;
  }
  return true;
}
static_assert(pointers_fit(), "a JSON Pointer of an output would not fit pointer_path: raise its capacity");

}  // namespace detail

/// Checks every member of a decoded result that has a validator (operations.hpp: TargetARN,
/// InitiatorName, the CHAP secrets of each ChapInfo and the mutual-secret rule; GatewayARN,
/// VolumeARN and VTLDeviceARN; the TargetARN inside each VolumeiSCSIAttributes and
/// DeviceiSCSIAttributes), in member order, under `p`, with JSON Pointers such as
/// `/StorediSCSIVolumes/0/VolumeiSCSIAttributes/TargetARN`. Empty when all is valid. Allocates
/// only for problems (their pointers); may then throw std::bad_alloc.
template <class Result>
requires detail::operation_result<Result>
[[nodiscard]] std::vector<decode_error> validate(const Result& r, profile p = profile::strict) {
  std::vector<decode_error> out;
  detail::pointer_path path;
  detail::validate_members(out, r, p, path);
  return out;
}

SGWCHAP_END_NAMESPACE
