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
#include <sgwchap/resource_arn.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/timestamp.hpp>

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

/// The value type of a std::optional<V> (or void).
template <class T>
struct optional_value {
  using type = void;
};
template <class V>
struct optional_value<std::optional<V>> {
  using type = V;
};
template <class T>
using optional_value_t = typename optional_value<std::remove_cvref_t<T>>::type;

/// True for the owning ARN types of resource_arn.hpp.
template <class M>
inline constexpr bool is_resource_arn_v =
    std::is_same_v<M, gateway_arn> || std::is_same_v<M, volume_arn> || std::is_same_v<M, vtl_device_arn>;

/// Can a C++ list hold the elements of a string_list row: std::string (unchecked, results) or
/// the row's checked ARN type (requests)?
template <class E>
[[nodiscard]] constexpr bool string_list_element_fits(const member_info& m) noexcept {
  if (std::is_same_v<E, std::string>) return true;
  if (m.rule == value_rule::volume_arn) return std::is_same_v<E, volume_arn>;
  if (m.rule == value_rule::vtl_device_arn) return std::is_same_v<E, vtl_device_arn>;
  return false;
}

/// The element type of a std::vector<E> or std::optional<std::vector<E>> (or void).
template <class T>
struct any_list_element {
  using type = void;
};
template <class E, class A>
struct any_list_element<std::vector<E, A>> {
  using type = E;
};
template <class E, class A>
struct any_list_element<std::optional<std::vector<E, A>>> {
  using type = E;
};
template <class T>
using any_list_element_t = typename any_list_element<std::remove_cvref_t<T>>::type;

/// Can a data member of type `M` hold the values of row `m`?
template <class M>
[[nodiscard]] constexpr bool member_fits(const member_info& m) noexcept {
  switch (m.type) {
    case member_type::string:
      if (m.sensitive) return std::is_same_v<M, chap_secret> || std::is_same_v<M, std::optional<chap_secret>>;
      if (m.rule == value_rule::target_arn && std::is_same_v<M, target_arn>) return true;
      if (m.rule == value_rule::iscsi_name && std::is_same_v<M, iscsi_name>) return true;
      if (m.rule == value_rule::gateway_arn && std::is_same_v<M, gateway_arn>) return true;
      return std::is_same_v<M, std::optional<std::string>>;
    case member_type::structure_list:
      if constexpr (!std::is_void_v<list_element_t<M>>) return shape_of<list_element_t<M>>->name == m.element->name;
      return false;
    case member_type::string_list:
      if constexpr (!std::is_void_v<any_list_element_t<M>>) return string_list_element_fits<any_list_element_t<M>>(m);
      return false;
    case member_type::integer: return std::is_same_v<M, std::optional<std::int32_t>>;
    case member_type::long_integer: return std::is_same_v<M, std::optional<std::int64_t>>;
    case member_type::double_number: return std::is_same_v<M, std::optional<double>>;
    case member_type::boolean: return std::is_same_v<M, std::optional<bool>>;
    case member_type::timestamp: return std::is_same_v<M, std::optional<timestamp>>;
    case member_type::structure:
      if constexpr (!std::is_void_v<optional_value_t<M>>) {
        if constexpr (std::is_class_v<optional_value_t<M>>) {
          return shape_of<optional_value_t<M>>->name == m.element->name;
        }
      }
      return false;
  }
  return false;
}

/// The data members of the aggregate `o`, by reference, in declaration order (a structured
/// binding needs its count spelled out: one branch per count, up to the widest MODEL shape
/// sgwchap binds, StorediSCSIVolume's 15).
template <std::size_t N, class T>
[[nodiscard]] constexpr auto tie_aggregate(T& o) noexcept {
  static_assert(N >= 1 && N <= 16, "extend tie_aggregate for shapes of more members");
  if constexpr (N == 1) {
    auto& [m0] = o;
    return std::tie(m0);
  } else if constexpr (N == 2) {
    auto& [m0, m1] = o;
    return std::tie(m0, m1);
  } else if constexpr (N == 3) {
    auto& [m0, m1, m2] = o;
    return std::tie(m0, m1, m2);
  } else if constexpr (N == 4) {
    auto& [m0, m1, m2, m3] = o;
    return std::tie(m0, m1, m2, m3);
  } else if constexpr (N == 5) {
    auto& [m0, m1, m2, m3, m4] = o;
    return std::tie(m0, m1, m2, m3, m4);
  } else if constexpr (N == 6) {
    auto& [m0, m1, m2, m3, m4, m5] = o;
    return std::tie(m0, m1, m2, m3, m4, m5);
  } else if constexpr (N == 7) {
    auto& [m0, m1, m2, m3, m4, m5, m6] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6);
  } else if constexpr (N == 8) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7);
  } else if constexpr (N == 9) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8);
  } else if constexpr (N == 10) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9);
  } else if constexpr (N == 11) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10);
  } else if constexpr (N == 12) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11);
  } else if constexpr (N == 13) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12);
  } else if constexpr (N == 14) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13);
  } else if constexpr (N == 15) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14);
  } else {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15] = o;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15);
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
template <resource_kind K>
[[nodiscard]] std::optional<std::string_view> text_of(const resource_arn<K>& v) noexcept {
  return v.str();
}

/// The value of a member, or nullptr when it is absent (a checked request's required member is
/// held without std::optional, and is always present).
template <class V>
[[nodiscard]] constexpr const auto* present_value(const V& v) noexcept {
  if constexpr (is_optional<V>::value) {
    return v.has_value() ? &*v : nullptr;
  } else {
    return &v;
  }
}

/// The text of a string list's element: a std::string's (results, unchecked requests), or a
/// checked ARN's (requests).
template <class E>
[[nodiscard]] std::string_view element_text(const E& e) noexcept {
  if constexpr (requires { e.str(); }) {
    return e.str();
  } else {
    return std::string_view(e);
  }
}

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
