// sgwchap — type-state builders of the three requests: an incomplete request, or a member set
// twice, does not compile.
//
//   using namespace sgwchap::literals;
//   auto request = sgwchap::update_chap_credentials_builder{}
//                      .target_arn("arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn)
//                      .initiator_name("iqn.1991-05.com.microsoft:host"_iscsi_name)
//                      .secret_to_authenticate_initiator(std::move(secret))   // a chap_secret
//                      .build();   // the update_chap_credentials_request itself
//
// Setters are named after the MODEL members in snake_case and take checked values only:
//   target_arn             a target_arn_view (a `_target_arn` literal or *parse_target_arn(s)),
//                          or an owning sgwchap::target_arn
//   initiator_name         an iscsi_name_view (`_iscsi_name` literal or *parse_iscsi_name(s)),
//                          or an owning sgwchap::iscsi_name
//   secret_to_authenticate_initiator / secret_to_authenticate_target
//                          a chap_secret, moved in (secrets are never literals)
// A raw string (std::string, const char*, std::string_view) or an unwrapped result does not
// compile: the static_assert says which checked value to pass instead. A builder refers to a
// view's bytes until `.build()` copies them into the request: keep a run-time view's input alive
// until then (a literal's bytes live for the whole program).
//
// `.build()` does not compile until every required member is set ("UpdateChapCredentials
// requires InitiatorName"); setting a member twice does not compile either.
//
// What `.build()` returns, and profiles. Every input is already checked (a literal under strict,
// a view or owning value under the profile it was parsed with, a secret by chap_secret::make), so
// a build has nothing left to check except, for mutual CHAP, that the two secrets differ:
//   - update_chap_credentials_builder, describe_chap_credentials_builder,
//     delete_chap_credentials_builder (the default builders) keep the weakest profile of their
//     inputs: the request's checked_profile() says what was checked (strict when every input is
//     a literal or came from a default parse_*). Describe, Delete and one-way Update builds
//     return the request itself; an Update build that sets SecretToAuthenticateTarget returns a
//     `result`, because the two secrets must differ (RFC 3720 §8.2.1, a run-time check:
//     update_chap_credentials_request::make).
//   - strict_update_chap_credentials_builder, strict_describe_chap_credentials_builder,
//     strict_delete_chap_credentials_builder refuse an input that passed only aws_model. Whether
//     a view passed strict is a run-time fact (a literal and a run-time view have the same type,
//     so a view's profile is a value, not part of its type), so these builds always return a
//     `result`. An input that passed only aws_model is re-checked under strict: the error is the
//     strict rule it breaks, with its field and offset (e.g. InitiatorName bad_iqn_date at byte
//     10 for iqn.2015-1.com.example); when it does satisfy strict, the request holds it as
//     strict. A chap_secret made by chap_secret::unchecked (decoded service values) is re-checked
//     the same way. The default builders carry it unchecked, as the request constructor does:
//     there is nothing to check it against without a result, so check decoded secrets with
//     chap_secret::make (or use a strict builder) before building a request from them.
// basic_*_builder<P> is the template behind both: P is the profile the build requires
// (aws_model, the default, requires nothing more than a checked value).
//
// Cost: a builder keeps only the bytes and profile of a view (three words), and moves an owning
// value or a secret into its state (again at each later setter: the next state is a new
// object); `.build()` then moves each member once, straight into the request (through
// detail::request_access, so no by-value parameter and no request-into-result move). A strict
// build adds one byte compare per member. Calling update_chap_credentials_request::make by hand
// moves each secret into its parameter, the request, then the result; the builder's total is
// about the same (bench group 5).
//
// Inside: one generic state (detail::builders::state) holds the members in the order of the
// operation's input table (operations.hpp) and does everything a build does from that table:
// which members are required, the strict re-check in member order, the cross-member rule
// (must_differ_from) and the construction. Each builder class adds only its named setters and
// the compile-time messages, which must be string literals (detail/model_names.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/detail/model_names.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/target_arn.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace detail::builders {

/// The state of a member that is not set yet.
struct unset {
  friend constexpr bool operator==(unset, unset) noexcept = default;
};

template <class T>
inline constexpr bool is_set = !std::is_same_v<T, unset>;

template <class T>
inline constexpr bool is_arn_value = std::is_same_v<T, target_arn_view> || std::is_same_v<T, target_arn>;
template <class T>
inline constexpr bool is_name_value = std::is_same_v<T, iscsi_name_view> || std::is_same_v<T, iscsi_name>;
template <class T>
inline constexpr bool is_secret_value = std::is_same_v<T, chap_secret>;

/// What a builder keeps of a view: its bytes and the profile they passed. The request needs no
/// more, and three words copy faster through the builder states than a whole view.
template <class View>
struct text {
  std::string_view value;
  profile checked;
};
using arn_text = text<target_arn_view>;
using name_text = text<iscsi_name_view>;

/// The member a setter stores for its argument: the text of a view, or the owning value itself.
template <class View>
requires(std::is_same_v<View, target_arn_view> || std::is_same_v<View, iscsi_name_view>)
    [[nodiscard]] constexpr text<View> store(const View& v) noexcept {
  return {v.value(), v.checked_profile()};
}
template <class T>
requires(std::is_same_v<std::remove_cvref_t<T>, target_arn> || std::is_same_v<std::remove_cvref_t<T>, iscsi_name> ||
         std::is_same_v<std::remove_cvref_t<T>, chap_secret>) [[nodiscard]] constexpr T&& store(T&& owning) noexcept {
  return std::forward<T>(owning);
}

// -- Make an input satisfy P, in place. The fast path is one compare. An input that passed a
//    weaker profile is re-checked under P: on failure the error names the rule it breaks; on
//    success the member is replaced by the value as checked under P (same bytes, profile P).

/// The validator of a member's grammar, picked by the view type the member was checked as.
[[nodiscard]] constexpr result<target_arn_view> parse_as(const target_arn_view*, std::string_view s,
                                                         profile p) noexcept {
  return parse_target_arn(s, p);
}
[[nodiscard]] constexpr result<iscsi_name_view> parse_as(const iscsi_name_view*, std::string_view s,
                                                         profile p) noexcept {
  return parse_iscsi_name(s, p);
}

template <profile P, class View>
[[nodiscard]] constexpr result<void> require(text<View>& t, const member_info&) noexcept {
  if (t.checked >= P) return {};
  const auto again = parse_as(static_cast<const View*>(nullptr), t.value, P);
  if (!again.has_value()) return tl::unexpected(again.error());
  t.checked = P;
  return {};
}
template <profile P, class Owning>
requires(std::is_same_v<Owning, target_arn> || std::is_same_v<Owning, iscsi_name>)
    [[nodiscard]] inline result<void> require(Owning& o, const member_info&) {  // a target_arn allocates
  if (o.checked_profile() >= P) return {};
  using View = std::conditional_t<std::is_same_v<Owning, target_arn>, target_arn_view, iscsi_name_view>;
  const auto again = parse_as(static_cast<const View*>(nullptr), o.str(), P);
  if (!again.has_value()) return tl::unexpected(again.error());
  o = Owning(*again);  // copies the bytes before the old value goes
  return {};
}
/// Secrets: also re-checks one made by chap_secret::unchecked (decoded service values).
template <profile P>
[[nodiscard]] inline result<void> require(chap_secret& s, const member_info& m) {
  if (s.is_checked() && s.checked_profile() >= P) return {};
  auto again = chap_secret::make(s.reveal(), P, m.which);
  if (!again.has_value()) return tl::unexpected(again.error());
  s = std::move(*again);
  return {};
}

/// The profile a member passed (an unchecked secret counts as aws_model).
template <class View>
[[nodiscard]] constexpr profile profile_of(const text<View>& t) noexcept {
  return t.checked;
}
template <class Owning>
[[nodiscard]] constexpr profile profile_of(const Owning& o) noexcept {
  return o.checked_profile();
}

// -- Hand a member to the request: a view becomes the owning value; an owning value or a secret
//    is passed as an xvalue, so it is moved once, into the request.

// A target_arn copies its bytes into one heap block (may throw std::bad_alloc); an iscsi_name
// holds them inline (noexcept).
[[nodiscard]] inline target_arn pass(const arn_text& t) {
  return target_arn(detail_target_arn_access::make(t.value, t.checked, nullptr));
}
[[nodiscard]] inline target_arn&& pass(target_arn&& a) noexcept { return std::move(a); }
[[nodiscard]] constexpr iscsi_name pass(const name_text& t) noexcept {
  iscsi_name_view v;
  return iscsi_name(detail_iscsi_name_access::value(v, t.value, t.checked));
}
[[nodiscard]] inline iscsi_name&& pass(iscsi_name&& n) noexcept { return std::move(n); }
[[nodiscard]] inline chap_secret&& pass(chap_secret&& s) noexcept { return std::move(s); }

/// The request's member `M` from a builder member: an optional member is empty when unset. An
/// owning member is handed on as the xvalue `pass` gives, so the request's constructor moves
/// it once; a view's owning value is a prvalue, made in place.
template <class M, class Slot>
[[nodiscard]] decltype(auto) member_from(Slot&& slot) {
  if constexpr (is_optional<M>::value) {
    if constexpr (is_set<std::remove_cvref_t<Slot>>) {
      return M(std::in_place, pass(std::forward<Slot>(slot)));
    } else {
      return M();
    }
  } else {
    return pass(std::forward<Slot>(slot));
  }
}

struct access;

/// The state of a builder of operation `Op`: its members in the order of the operation's input
/// table (operations.hpp), each `unset` or the value stored for it, and everything a build does
/// that the table decides.
template <operation Op, profile P, class... Slots>
class state {
  static constexpr const shape_info& shape = operation_details(Op).input;
  static_assert(sizeof...(Slots) == shape.members.size(), "one slot per row of the operation's input table");

  template <std::size_t I>
  using slot = std::tuple_element_t<I, std::tuple<Slots...>>;

  [[nodiscard]] static constexpr bool all_required_set() noexcept {
    return []<std::size_t... I>(std::index_sequence<I...>) {
      return ((!shape.members[I].required || is_set<slot<I>>)&&...);
    }
    (std::index_sequence_for<Slots...>{});
  }
  /// True when a cross-member rule (must_differ_from) has both its members set: a run-time check.
  [[nodiscard]] static constexpr bool cross_rule_set() noexcept {
    return []<std::size_t... I>(std::index_sequence<I...>) {
      const bool set[] = {is_set<slot<I>>...};
      bool any = false;
      for (std::size_t i = 0; i < sizeof...(I); ++i) {
        const std::uint8_t other = shape.members[i].must_differ_from;
        any = any || (set[i] && other != member_info::no_row && set[other]);
      }
      return any;
    }
    (std::index_sequence_for<Slots...>{});
  }

 public:
  using request_type = typename operation_types<Op>::request;
  static constexpr profile required_profile = P;
  /// True once every required member is set (`.build()` compiles).
  static constexpr bool is_complete = all_required_set();
  /// True when `.build()` returns result<request_type> rather than request_type: the strict
  /// builders, and a build with a cross-member rule to check (mutual CHAP's secrets).
  static constexpr bool build_returns_result = P == profile::strict || cross_rule_set();

 protected:
  friend struct access;

  constexpr state() noexcept = default;
  template <class... A>
  constexpr explicit state(std::in_place_t, A&&... in) : members_(std::forward<A>(in)...) {}

  /// The request (aws_model, no cross-member rule) or result<request>. Errors: the first member,
  /// in table order, that does not satisfy P (its own rule, field and offset); then each
  /// cross-member rule, checked under the weakest profile of the inputs (as
  /// update_chap_credentials_request::make does).
  auto build_complete() {
    using R = result<request_type>;
    std::optional<error> failure;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      const auto one = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
        if constexpr (P == profile::strict && is_set<slot<J>>) {
          if (failure.has_value()) return;
          if (auto ok = require<P>(std::get<J>(members_), shape.members[J]); !ok.has_value()) failure = ok.error();
        }
      };
      (one(std::integral_constant<std::size_t, I>{}), ...);
      if constexpr (cross_rule_set()) {
        if (failure.has_value()) return;
        profile weakest_input = profile::strict;
        ((weakest_input = is_set<slot<I>> ? weakest(weakest_input, profile_of(std::get<I>(members_))) : weakest_input),
         ...);
        const auto cross = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
          constexpr std::uint8_t other = shape.members[J].must_differ_from;
          if constexpr (other != member_info::no_row && is_set<slot<J>>) {
            if constexpr (is_set<slot<other>>) {
              if (failure.has_value()) return;
              const auto differ = check_secrets_differ(std::get<other>(members_).reveal(),
                                                       std::get<J>(members_).reveal(), weakest_input);
              if (!differ.has_value()) failure = differ.error();
            }
          }
        };
        (cross(std::integral_constant<std::size_t, I>{}), ...);
      }
    }
    (std::index_sequence_for<Slots...>{});
    using refs = decltype(members_of(std::declval<const request_type&>()));
    const auto make = [&]<std::size_t... I>(std::index_sequence<I...>) {
      if constexpr (build_returns_result) {
        return request_access::make_result<request_type>(
            member_from<std::remove_cvref_t<std::tuple_element_t<I, refs>>>(std::move(std::get<I>(members_)))...);
      } else {
        return request_access::make<request_type>(
            member_from<std::remove_cvref_t<std::tuple_element_t<I, refs>>>(std::move(std::get<I>(members_)))...);
      }
    };
    if constexpr (build_returns_result) {
      if (failure.has_value()) return R(tl::unexpect, *failure);
    }
    return make(std::index_sequence_for<Slots...>{});
  }

  std::tuple<Slots...> members_{};
};

/// Builds the next state of a setter: member I becomes `value`, the others are moved (from an
/// rvalue builder) or copied, each constructed once, in place.
struct access {
  template <template <profile, class...> class Builder, profile P, std::size_t I, class Self, class V>
  [[nodiscard]] static constexpr auto rebuild(Self&& self, V&& value) {
    using old = std::remove_cvref_t<decltype(self.members_)>;
    return [&]<std::size_t... J>(std::index_sequence<J...>) {
      using next = Builder<P, std::conditional_t<J == I, std::remove_cvref_t<V>, std::tuple_element_t<J, old>>...>;
      return next(std::in_place, pick<J, I>(std::forward<Self>(self).members_, std::forward<V>(value))...);
    }
    (std::make_index_sequence<std::tuple_size_v<old>>{});
  }
  template <class Builder>
  [[nodiscard]] static auto build(Builder&& b) {
    return std::forward<Builder>(b).build_complete();
  }

 private:
  /// Member J of the next state: the new value at the index being set, the old member elsewhere.
  template <std::size_t J, std::size_t I, class M, class V>
  [[nodiscard]] static constexpr decltype(auto) pick(M&& m, V&& v) noexcept {
    if constexpr (J == I) {
      return std::forward<V>(v);
    } else {
      return std::get<J>(std::forward<M>(m));
    }
  }
};

}  // namespace detail::builders

// The messages below are the compiler's first error line when a builder is misused.
#define SGWCHAP_DETAIL_ARN_TAKES                                                       \
  SGWCHAP_NAME_TargetARN                                                               \
      " takes a checked value: a \"...\"_target_arn literal, *parse_target_arn(s) or " \
      "target_arn::parse(s); not a raw string"
#define SGWCHAP_DETAIL_NAME_TAKES                                                      \
  SGWCHAP_NAME_InitiatorName                                                           \
      " takes a checked value: a \"...\"_iscsi_name literal, *parse_iscsi_name(s) or " \
      "iscsi_name::parse(s); not a raw string"
#define SGWCHAP_DETAIL_SECRET_TAKES(member) \
  member " takes a chap_secret (from chap_secret::make(s)); secrets are never literals or raw strings"
#define SGWCHAP_DETAIL_SECRET_MOVE(member) \
  member " takes the chap_secret by move (it is move-only): pass std::move(secret)"
#define SGWCHAP_DETAIL_COPY_HELD_SECRET \
  "this builder holds a chap_secret (move-only): call the setter or build() on std::move(builder)"

// SGWCHAP_DETAIL_SETTER(setter, index, accepts, takes_message, request, member): the setter
// `setter` of member `index` (in the input table's order) on an rvalue and on a const builder.
// `accepts<V>` says which checked values it takes; a static_assert names the misuse: a wrong
// type (takes_message), a secret passed as an lvalue, a member set twice, a copy of a builder
// that holds a secret. In a builder class with `base`, `with_members` and `slot<I>`.
#define SGWCHAP_DETAIL_SETTER(setter, index, accepts, takes_message, request, member)                   \
  template <class T>                                                                                    \
  [[nodiscard]] constexpr auto setter(T&& input)&& {                                                    \
    return setter##_into(std::move(*this), std::forward<T>(input));                                     \
  }                                                                                                     \
  template <class T>                                                                                    \
  [[nodiscard]] constexpr auto setter(T&& input) const& {                                               \
    return setter##_into(*this, std::forward<T>(input));                                                \
  }                                                                                                     \
                                                                                                        \
 private:                                                                                               \
  template <class Self, class T>                                                                        \
  static constexpr auto setter##_into(Self&& self, T&& input) {                                         \
    using V = std::remove_cvref_t<T>;                                                                   \
    constexpr bool moved_in = !detail::builders::is_secret_value<V> || !std::is_lvalue_reference_v<T>;  \
    constexpr bool copyable = std::is_rvalue_reference_v<Self&&> || std::is_copy_constructible_v<base>; \
    static_assert(accepts<V>, takes_message);                                                           \
    static_assert(!accepts<V> || moved_in, SGWCHAP_DETAIL_SECRET_MOVE(member));                         \
    static_assert(!detail::builders::is_set<slot<index>>, request ": " member " is set twice");         \
    static_assert(copyable, SGWCHAP_DETAIL_COPY_HELD_SECRET);                                           \
    if constexpr (accepts<V> && moved_in && !detail::builders::is_set<slot<index>> && copyable) {       \
      return detail::builders::access::rebuild<with_members, P, index>(                                 \
          std::forward<Self>(self), detail::builders::store(std::forward<T>(input)));                   \
    }                                                                                                   \
  }                                                                                                     \
                                                                                                        \
 public:

// SGWCHAP_DETAIL_BUILDER_STATE(builder): the members every builder class shares: its base (the
// generic state), the next state's template, `build() const&` (a copy, then the rvalue build())
// and the private constructor of a state. Ends in `public:`.
#define SGWCHAP_DETAIL_BUILDER_STATE(builder, op, ...)                                                    \
 private:                                                                                                 \
  using base = detail::builders::state<op, P, __VA_ARGS__>;                                               \
  template <profile Q, class... Ms>                                                                       \
  using with_members = builder<Q, Ms...>;                                                                 \
  template <std::size_t I>                                                                                \
  using slot = std::tuple_element_t<I, std::tuple<__VA_ARGS__>>;                                          \
  friend struct detail::builders::access;                                                                 \
  template <class... A>                                                                                   \
  constexpr explicit builder(std::in_place_t, A&&... in) : base(std::in_place, std::forward<A>(in)...) {} \
                                                                                                          \
 public:                                                                                                  \
  [[nodiscard]] auto build() const& {                                                                     \
    static_assert(std::is_copy_constructible_v<builder>, SGWCHAP_DETAIL_COPY_HELD_SECRET);                \
    if constexpr (std::is_copy_constructible_v<builder>) return builder(*this).build();                   \
  }

// ---------------------------------------------------------------------------------------------

/// Builds an update_chap_credentials_request. Required: TargetARN, SecretToAuthenticateInitiator,
/// InitiatorName; optional: SecretToAuthenticateTarget (mutual CHAP). See the file comment. The
/// member slots follow the input table: TargetARN, SecretToAuthenticateInitiator, InitiatorName,
/// SecretToAuthenticateTarget.
template <profile P = profile::aws_model, class Arn = detail::builders::unset,
          class InitiatorSecret = detail::builders::unset, class Name = detail::builders::unset,
          class TargetSecret = detail::builders::unset>
class basic_update_chap_credentials_builder
    : public detail::builders::state<operation::update_chap_credentials, P, Arn, InitiatorSecret, Name, TargetSecret> {
  SGWCHAP_DETAIL_BUILDER_STATE(basic_update_chap_credentials_builder, operation::update_chap_credentials, Arn,
                               InitiatorSecret, Name, TargetSecret)

 public:
  /// The empty state only: a state with members comes from the setters.
  constexpr basic_update_chap_credentials_builder() noexcept
      requires(!detail::builders::is_set<Arn> && !detail::builders::is_set<InitiatorSecret> &&
               !detail::builders::is_set<Name> && !detail::builders::is_set<TargetSecret>) = default;

  SGWCHAP_DETAIL_SETTER(target_arn, 0, detail::builders::is_arn_value, SGWCHAP_DETAIL_ARN_TAKES,
                        SGWCHAP_NAME_UpdateChapCredentials, SGWCHAP_NAME_TargetARN)
  SGWCHAP_DETAIL_SETTER(secret_to_authenticate_initiator, 1, detail::builders::is_secret_value,
                        SGWCHAP_DETAIL_SECRET_TAKES(SGWCHAP_NAME_SecretToAuthenticateInitiator),
                        SGWCHAP_NAME_UpdateChapCredentials, SGWCHAP_NAME_SecretToAuthenticateInitiator)
  SGWCHAP_DETAIL_SETTER(initiator_name, 2, detail::builders::is_name_value, SGWCHAP_DETAIL_NAME_TAKES,
                        SGWCHAP_NAME_UpdateChapCredentials, SGWCHAP_NAME_InitiatorName)
  SGWCHAP_DETAIL_SETTER(secret_to_authenticate_target, 3, detail::builders::is_secret_value,
                        SGWCHAP_DETAIL_SECRET_TAKES(SGWCHAP_NAME_SecretToAuthenticateTarget),
                        SGWCHAP_NAME_UpdateChapCredentials, SGWCHAP_NAME_SecretToAuthenticateTarget)

  /// The request (aws_model, one-way CHAP) or result<request> (strict, or mutual CHAP).
  /// Errors: the first member, in MODEL order, that does not satisfy P (its own rule, field and
  /// offset); secrets_must_differ for mutual CHAP (checked under the weakest profile of the
  /// inputs, as update_chap_credentials_request::make does).
  [[nodiscard]] auto build() && {
    static_assert(detail::builders::is_set<Arn>,
                  SGWCHAP_NAME_UpdateChapCredentials " requires " SGWCHAP_NAME_TargetARN);
    static_assert(detail::builders::is_set<InitiatorSecret>,
                  SGWCHAP_NAME_UpdateChapCredentials " requires " SGWCHAP_NAME_SecretToAuthenticateInitiator);
    static_assert(detail::builders::is_set<Name>,
                  SGWCHAP_NAME_UpdateChapCredentials " requires " SGWCHAP_NAME_InitiatorName);
    if constexpr (base::is_complete) return detail::builders::access::build(std::move(*this));
  }
};

/// Builds a describe_chap_credentials_request. Required: TargetARN.
template <profile P = profile::aws_model, class Arn = detail::builders::unset>
class basic_describe_chap_credentials_builder
    : public detail::builders::state<operation::describe_chap_credentials, P, Arn> {
  SGWCHAP_DETAIL_BUILDER_STATE(basic_describe_chap_credentials_builder, operation::describe_chap_credentials, Arn)

 public:
  constexpr basic_describe_chap_credentials_builder() noexcept requires(!detail::builders::is_set<Arn>) = default;

  SGWCHAP_DETAIL_SETTER(target_arn, 0, detail::builders::is_arn_value, SGWCHAP_DETAIL_ARN_TAKES,
                        SGWCHAP_NAME_DescribeChapCredentials, SGWCHAP_NAME_TargetARN)

  /// The request (aws_model) or result<request> (strict).
  [[nodiscard]] auto build() && {
    static_assert(detail::builders::is_set<Arn>,
                  SGWCHAP_NAME_DescribeChapCredentials " requires " SGWCHAP_NAME_TargetARN);
    if constexpr (base::is_complete) return detail::builders::access::build(std::move(*this));
  }
};

/// Builds a delete_chap_credentials_request. Required: TargetARN, InitiatorName.
template <profile P = profile::aws_model, class Arn = detail::builders::unset, class Name = detail::builders::unset>
class basic_delete_chap_credentials_builder
    : public detail::builders::state<operation::delete_chap_credentials, P, Arn, Name> {
  SGWCHAP_DETAIL_BUILDER_STATE(basic_delete_chap_credentials_builder, operation::delete_chap_credentials, Arn, Name)

 public:
  constexpr basic_delete_chap_credentials_builder() noexcept
      requires(!detail::builders::is_set<Arn> && !detail::builders::is_set<Name>) = default;

  SGWCHAP_DETAIL_SETTER(target_arn, 0, detail::builders::is_arn_value, SGWCHAP_DETAIL_ARN_TAKES,
                        SGWCHAP_NAME_DeleteChapCredentials, SGWCHAP_NAME_TargetARN)
  SGWCHAP_DETAIL_SETTER(initiator_name, 1, detail::builders::is_name_value, SGWCHAP_DETAIL_NAME_TAKES,
                        SGWCHAP_NAME_DeleteChapCredentials, SGWCHAP_NAME_InitiatorName)

  /// The request (aws_model) or result<request> (strict).
  [[nodiscard]] auto build() && {
    static_assert(detail::builders::is_set<Arn>,
                  SGWCHAP_NAME_DeleteChapCredentials " requires " SGWCHAP_NAME_TargetARN);
    static_assert(detail::builders::is_set<Name>,
                  SGWCHAP_NAME_DeleteChapCredentials " requires " SGWCHAP_NAME_InitiatorName);
    if constexpr (base::is_complete) return detail::builders::access::build(std::move(*this));
  }
};

#undef SGWCHAP_DETAIL_SETTER
#undef SGWCHAP_DETAIL_BUILDER_STATE
#undef SGWCHAP_DETAIL_ARN_TAKES
#undef SGWCHAP_DETAIL_NAME_TAKES
#undef SGWCHAP_DETAIL_SECRET_TAKES
#undef SGWCHAP_DETAIL_SECRET_MOVE
#undef SGWCHAP_DETAIL_COPY_HELD_SECRET

/// The default builders keep the weakest profile of their inputs; only a mutual-CHAP Update build
/// returns a result.
using update_chap_credentials_builder = basic_update_chap_credentials_builder<>;
using describe_chap_credentials_builder = basic_describe_chap_credentials_builder<>;
using delete_chap_credentials_builder = basic_delete_chap_credentials_builder<>;

/// The strict builders refuse an input that passed only aws_model; their build returns a result.
using strict_update_chap_credentials_builder = basic_update_chap_credentials_builder<profile::strict>;
using strict_describe_chap_credentials_builder = basic_describe_chap_credentials_builder<profile::strict>;
using strict_delete_chap_credentials_builder = basic_delete_chap_credentials_builder<profile::strict>;

SGWCHAP_END_NAMESPACE
