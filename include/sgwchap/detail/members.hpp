// sgwchap — how a C++ type is tied to its member table (operations.hpp), and how code walks its
// members without naming them.
//
// A type is bound by one line, `shape_of<T> = &model::...`, next to its definition. Its data
// members, in declaration order, are then the table's rows, in MODEL order: an aggregate is
// taken apart with a structured binding (so a member count that differs from the table's does
// not compile), a class with private members provides `sgwchap_members(const T&)`, a tuple of
// references in table order, found by argument-dependent lookup. `members_fit` checks that each
// data member's C++ type can hold its row's JSON type.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/target_arn.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace detail {
/// What an unbound type's shape_of points to: no name, no members.
inline constexpr shape_info unbound_shape{};
}  // namespace detail

/// The member table a type is bound to, or detail::unbound_shape. Specialised next to each
/// bound type.
template <class T>
inline constexpr const shape_info* shape_of = &detail::unbound_shape;

namespace detail {

// Shapes are told apart by their names (MODEL shape names are unique), never by address: GCC
// 12 cannot compare addresses of inline variables in a constant expression under
// -fno-delete-null-pointer-checks, which -fsanitize=null (part of -fsanitize=undefined) turns on.
template <class T>
concept described = !shape_of<std::remove_cvref_t<T>>->name.empty();

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

/// The element type of a std::optional<std::vector<E>> (or void).
template <class T>
struct list_element {
  using type = void;
};
template <class E>
struct list_element<std::optional<std::vector<E>>> {
  using type = E;
};
template <class T>
using list_element_t = typename list_element<std::remove_cvref_t<T>>::type;

/// Can a data member of type `M` hold the values of row `m`?
template <class M>
[[nodiscard]] constexpr bool member_fits(const member_info& m) noexcept {
  switch (m.type) {
    case member_type::string:
      if (m.sensitive) return std::is_same_v<M, chap_secret> || std::is_same_v<M, std::optional<chap_secret>>;
      if (m.rule == value_rule::target_arn && std::is_same_v<M, target_arn>) return true;
      if (m.rule == value_rule::iscsi_name && std::is_same_v<M, iscsi_name>) return true;
      return std::is_same_v<M, std::optional<std::string>>;
    case member_type::structure_list:
      if constexpr (!std::is_void_v<list_element_t<M>>) return shape_of<list_element_t<M>>->name == m.element->name;
      return false;
  }
  return false;
}

/// The data members of the aggregate `o`, by reference, in declaration order.
template <std::size_t N, class T>
[[nodiscard]] constexpr auto tie_aggregate(T& o) noexcept {
  static_assert(N >= 1 && N <= 8, "extend tie_aggregate for shapes of more members");
  if constexpr (N == 1) {
    auto& [a] = o;
    return std::tie(a);
  } else if constexpr (N == 2) {
    auto& [a, b] = o;
    return std::tie(a, b);
  } else if constexpr (N == 3) {
    auto& [a, b, c] = o;
    return std::tie(a, b, c);
  } else if constexpr (N == 4) {
    auto& [a, b, c, d] = o;
    return std::tie(a, b, c, d);
  } else if constexpr (N == 5) {
    auto& [a, b, c, d, e] = o;
    return std::tie(a, b, c, d, e);
  } else if constexpr (N == 6) {
    auto& [a, b, c, d, e, f] = o;
    return std::tie(a, b, c, d, e, f);
  } else if constexpr (N == 7) {
    auto& [a, b, c, d, e, f, g] = o;
    return std::tie(a, b, c, d, e, f, g);
  } else {
    auto& [a, b, c, d, e, f, g, h] = o;
    return std::tie(a, b, c, d, e, f, g, h);
  }
}

/// The members of `obj` (a bound type), by reference, in table order.
template <class T>
requires described<T>
[[nodiscard]] constexpr auto members_of(T& obj) noexcept {
  if constexpr (requires { sgwchap_members(obj); }) {
    return sgwchap_members(obj);
  } else {
    return tie_aggregate<shape_of<std::remove_const_t<T>>->members.size()>(obj);
  }
}

/// True when every data member of T can hold its row (checked once per bound type, at compile time).
template <class T>
[[nodiscard]] constexpr bool members_fit() noexcept {
  using refs = decltype(members_of(std::declval<T&>()));
  constexpr const shape_info& s = *shape_of<T>;
  if (std::tuple_size_v<refs> != s.members.size()) return false;
  return []<std::size_t... I>(std::index_sequence<I...>) {
    return (member_fits<std::remove_cvref_t<std::tuple_element_t<I, refs>>>(s.members[I]) && ...);
  }
  (std::make_index_sequence<std::tuple_size_v<refs>>{});
}

/// Calls `f(index, value)` for each member of `obj` in table order; `index` is a
/// std::integral_constant, so `shape_of<T>->members[index]` is a constant expression.
template <class T, class F>
requires described<T>
constexpr void for_each_member(T& obj, F&& f) {
  static_assert(members_fit<std::remove_const_t<T>>(), "a data member does not fit its row of the member table");
  auto refs = members_of(obj);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f(std::integral_constant<std::size_t, I>{}, std::get<I>(refs)), ...);
  }
  (std::make_index_sequence<std::tuple_size_v<decltype(refs)>>{});
}

/// The row of member `I` of T.
template <class T, std::size_t I>
[[nodiscard]] constexpr const member_info& row() noexcept {
  return shape_of<std::remove_cvref_t<T>>->members[I];
}

// -- The text of a string member, whatever holds it: absent is nullopt.

[[nodiscard]] inline std::optional<std::string_view> text_of(const std::optional<std::string>& v) noexcept {
  if (!v.has_value()) return std::nullopt;
  return std::string_view(*v);
}
[[nodiscard]] inline std::optional<std::string_view> text_of(const std::optional<chap_secret>& v) noexcept {
  if (!v.has_value()) return std::nullopt;
  return v->reveal();
}
[[nodiscard]] inline std::optional<std::string_view> text_of(const chap_secret& v) noexcept { return v.reveal(); }
[[nodiscard]] inline std::optional<std::string_view> text_of(const target_arn& v) noexcept { return v.str(); }
[[nodiscard]] constexpr std::optional<std::string_view> text_of(const iscsi_name& v) noexcept { return v.str(); }

/// True for a member that is present (a checked value always is).
template <class M>
[[nodiscard]] constexpr bool is_present(const M& v) noexcept {
  if constexpr (is_optional<M>::value) {
    return v.has_value();
  } else {
    (void)v;
    return true;
  }
}

}  // namespace detail
SGWCHAP_END_NAMESPACE
