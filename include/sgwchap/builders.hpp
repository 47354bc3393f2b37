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
// object); `.build()` then moves each member once, straight into the request (update requests:
// the request's builder_key constructors, so no by-value parameter and no request-into-result
// move). A strict build adds one byte compare per member. Calling
// update_chap_credentials_request::make by hand moves each secret into its parameter, the
// request, then the result; the builder's total is about the same (bench group 5).
#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
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
[[nodiscard]] constexpr result<void> require(text<View>& t) noexcept {
  if (t.checked >= P) return {};
  const auto again = parse_as(static_cast<const View*>(nullptr), t.value, P);
  if (!again.has_value()) return tl::unexpected(again.error());
  t.checked = P;
  return {};
}
template <profile P, class Owning>
requires(std::is_same_v<Owning, target_arn> || std::is_same_v<Owning, iscsi_name>)
    [[nodiscard]] inline result<void> require(Owning& o) {  // a target_arn allocates
  if (o.checked_profile() >= P) return {};
  using View = std::conditional_t<std::is_same_v<Owning, target_arn>, target_arn_view, iscsi_name_view>;
  const auto again = parse_as(static_cast<const View*>(nullptr), o.str(), P);
  if (!again.has_value()) return tl::unexpected(again.error());
  o = Owning(*again);  // copies the bytes before the old value goes
  return {};
}
/// Secrets: also re-checks one made by chap_secret::unchecked (decoded service values).
template <profile P>
[[nodiscard]] inline result<void> require(chap_secret& s, field which) {
  if (s.is_checked() && s.checked_profile() >= P) return {};
  auto again = chap_secret::make(s.reveal(), P, which);
  if (!again.has_value()) return tl::unexpected(again.error());
  s = std::move(*again);
  return {};
}

// -- Hand a member to the request's constructor: a view becomes the owning value; an owning
//    value or a secret is passed as an xvalue, so it is moved once, into the parameter.

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

/// Constructs an update request from a builder's members, each moved once, straight into the
/// request inside the result (the request's builder_key constructors).
struct update_request_access {
  using request = update_chap_credentials_request;
  [[nodiscard]] static request one_way(target_arn&& arn, iscsi_name&& name, chap_secret&& initiator_secret) noexcept {
    return request(request::builder_key{}, std::move(arn), std::move(name), std::move(initiator_secret));
  }
  [[nodiscard]] static result<request> one_way_result(target_arn&& arn, iscsi_name&& name,
                                                      chap_secret&& initiator_secret) noexcept {
    return result<request>(tl::in_place, request::builder_key{}, std::move(arn), std::move(name),
                           std::move(initiator_secret));
  }
  /// Mutual CHAP: the check of update_chap_credentials_request::make (the secrets differ under
  /// the weakest profile of the parts), then the request, built in place.
  [[nodiscard]] static result<request> mutual(target_arn&& arn, iscsi_name&& name, chap_secret&& initiator_secret,
                                              chap_secret&& target_secret) noexcept {
    const profile p =
        weakest(weakest(weakest(arn.checked_profile(), name.checked_profile()), initiator_secret.checked_profile()),
                target_secret.checked_profile());
    const auto differ = check_secrets_differ(initiator_secret.reveal(), target_secret.reveal(), p);
    if (!differ.has_value()) return tl::unexpected(differ.error());
    return result<request>(tl::in_place, request::builder_key{}, std::move(arn), std::move(name),
                           std::move(initiator_secret), std::move(target_secret));
  }
};

// -- The members of a builder state, by index (MODEL order of the builder's parameters). An
//    unset member is an empty object that takes no storage beyond one byte.

template <class... Ts>
struct members;
template <>
struct members<> {
  constexpr members() noexcept = default;
  constexpr explicit members(std::in_place_t) noexcept {}
};
template <class Head, class... Rest>
struct members<Head, Rest...> {
  constexpr members() noexcept = default;
  template <class H, class... R>
  constexpr members(std::in_place_t, H&& h, R&&... r)
      : head(std::forward<H>(h)), tail(std::in_place, std::forward<R>(r)...) {}

  [[no_unique_address]] Head head{};
  [[no_unique_address]] members<Rest...> tail{};
};

template <std::size_t I, class M>
[[nodiscard]] constexpr auto&& get(M&& m) noexcept {
  if constexpr (I == 0) {
    return (std::forward<M>(m).head);
  } else {
    return get<I - 1>(std::forward<M>(m).tail);
  }
}

template <std::size_t I, class M>
struct member_type;
template <class Head, class... Rest>
struct member_type<0, members<Head, Rest...>> {
  using type = Head;
};
template <std::size_t I, class Head, class... Rest>
struct member_type<I, members<Head, Rest...>> : member_type<I - 1, members<Rest...>> {};

/// Member J of the next state: the new value at the index being set, the old member elsewhere.
template <std::size_t J, std::size_t I, class M, class V>
[[nodiscard]] constexpr decltype(auto) pick(M&& m, V&& v) noexcept {
  if constexpr (J == I) {
    return std::forward<V>(v);
  } else {
    return get<J>(std::forward<M>(m));
  }
}

/// Builds the builders' states; a friend of each builder, whose constructors stay private.
struct access {
  /// The next state `Builder<...>` of a setter: member I becomes `value`, the others are moved
  /// (from an rvalue builder) or copied, each constructed once, in place.
  template <template <class...> class Builder, std::size_t I, class M, class V>
  [[nodiscard]] static constexpr auto rebuild(M&& m, V&& value) {
    return rebuild_at<Builder, I>(
        std::forward<M>(m), std::forward<V>(value),
        std::make_index_sequence<member_count(static_cast<std::remove_cvref_t<M>*>(nullptr))>{});
  }

 private:
  template <class... Ts>
  static constexpr std::size_t member_count(members<Ts...>*) noexcept {
    return sizeof...(Ts);
  }
  template <template <class...> class Builder, std::size_t I, class M, class V, std::size_t... J>
  [[nodiscard]] static constexpr auto rebuild_at(M&& m, V&& value, std::index_sequence<J...>) {
    using old = std::remove_cvref_t<M>;
    using next = Builder<std::conditional_t<J == I, std::remove_cvref_t<V>, typename member_type<J, old>::type>...>;
    return next(std::in_place, pick<J, I>(std::forward<M>(m), std::forward<V>(value))...);
  }
};

}  // namespace detail::builders

// The messages below are the compiler's first error line when a builder is misused.
#define SGWCHAP_DETAIL_ARN_TAKES                                                                                      \
  "TargetARN takes a checked value: a \"...\"_target_arn literal, *parse_target_arn(s) or target_arn::parse(s); not " \
  "a raw string"
#define SGWCHAP_DETAIL_NAME_TAKES                                                                                     \
  "InitiatorName takes a checked value: a \"...\"_iscsi_name literal, *parse_iscsi_name(s) or iscsi_name::parse(s); " \
  "not a raw string"
#define SGWCHAP_DETAIL_SECRET_TAKES(member) \
  member " takes a chap_secret (from chap_secret::make(s)); secrets are never literals or raw strings"
#define SGWCHAP_DETAIL_SECRET_MOVE(member) \
  member " takes the chap_secret by move (it is move-only): pass std::move(secret)"
#define SGWCHAP_DETAIL_COPY_HELD_SECRET \
  "this builder holds a chap_secret (move-only): call the setter or build() on std::move(builder)"

// The parts every builder shares. In a builder class whose members are `members_` of type
// `state`, with `template <class...> using with_members` naming the builder of the next state.
//
// SGWCHAP_DETAIL_SETTER(setter, index, Slot, accepts, takes_message, request, member): the setter
// `setter` of member `index` (template parameter `Slot`, still unset) on an rvalue and on a const
// builder. `accepts<V>` says which checked values it takes; a static_assert names the misuse:
// a wrong type (takes_message), a secret passed as an lvalue, a member set twice, a copy of a
// builder that holds a secret. Ends in `public:`.
#define SGWCHAP_DETAIL_SETTER(setter, index, Slot, accepts, takes_message, request, member)                           \
  template <class T>                                                                                                  \
  [[nodiscard]] constexpr auto setter(T&& input)&& {                                                                  \
    return setter##_into(std::move(*this), std::forward<T>(input));                                                   \
  }                                                                                                                   \
  template <class T>                                                                                                  \
  [[nodiscard]] constexpr auto setter(T&& input) const& {                                                             \
    return setter##_into(*this, std::forward<T>(input));                                                              \
  }                                                                                                                   \
                                                                                                                      \
 private:                                                                                                             \
  template <class Self, class T>                                                                                      \
  static constexpr auto setter##_into(Self&& self, T&& input) {                                                       \
    using V = std::remove_cvref_t<T>;                                                                                 \
    constexpr bool moved_in = !detail::builders::is_secret_value<V> || !std::is_lvalue_reference_v<T>;                \
    constexpr bool copyable = std::is_rvalue_reference_v<Self&&> || std::is_copy_constructible_v<state>;              \
    static_assert(accepts<V>, takes_message);                                                                         \
    static_assert(!accepts<V> || moved_in, SGWCHAP_DETAIL_SECRET_MOVE(member));                                       \
    static_assert(!detail::builders::is_set<Slot>, request ": " member " is set twice");                              \
    static_assert(copyable, SGWCHAP_DETAIL_COPY_HELD_SECRET);                                                         \
    if constexpr (accepts<V> && moved_in && !detail::builders::is_set<Slot> && copyable) {                            \
      return detail::builders::access::rebuild<with_members, index>(std::forward<Self>(self).members_,                \
                                                                    detail::builders::store(std::forward<T>(input))); \
    }                                                                                                                 \
  }                                                                                                                   \
                                                                                                                      \
 public:

// SGWCHAP_DETAIL_BUILDER_STATE(builder): the private constructor of a state, its members, the
// builder of the next state, and `build() const&` (a copy, then the rvalue build()). Ends in
// `public:`.
#define SGWCHAP_DETAIL_BUILDER_STATE(builder, ...)                                                            \
  [[nodiscard]] auto build() const& {                                                                         \
    static_assert(std::is_copy_constructible_v<builder>, SGWCHAP_DETAIL_COPY_HELD_SECRET);                    \
    if constexpr (std::is_copy_constructible_v<builder>) return builder(*this).build();                       \
  }                                                                                                           \
                                                                                                              \
 private:                                                                                                     \
  friend struct detail::builders::access;                                                                     \
  using state = detail::builders::members<__VA_ARGS__>;                                                       \
  template <class... Ms>                                                                                      \
  using with_members = builder<P, Ms...>;                                                                     \
  template <class... A>                                                                                       \
  constexpr explicit builder(std::in_place_t, A&&... in) : members_(std::in_place, std::forward<A>(in)...) {} \
  template <std::size_t I>                                                                                    \
  [[nodiscard]] constexpr auto& member() noexcept {                                                           \
    return detail::builders::get<I>(members_);                                                                \
  }                                                                                                           \
                                                                                                              \
  state members_{};                                                                                           \
                                                                                                              \
 public:

// ---------------------------------------------------------------------------------------------

/// Builds an update_chap_credentials_request. Required: TargetARN, SecretToAuthenticateInitiator,
/// InitiatorName; optional: SecretToAuthenticateTarget (mutual CHAP). See the file comment.
template <profile P = profile::aws_model, class Arn = detail::builders::unset, class Name = detail::builders::unset,
          class InitiatorSecret = detail::builders::unset, class TargetSecret = detail::builders::unset>
class basic_update_chap_credentials_builder {
  template <class T>
  static constexpr bool is_set = detail::builders::is_set<T>;
  enum : std::size_t { arn, name, initiator_secret, target_secret };

 public:
  using request_type = update_chap_credentials_request;
  static constexpr profile required_profile = P;
  /// True once every required member is set (`.build()` compiles).
  static constexpr bool is_complete = is_set<Arn> && is_set<Name> && is_set<InitiatorSecret>;
  /// True when `.build()` returns result<request_type> rather than request_type.
  static constexpr bool build_returns_result = P == profile::strict || is_set<TargetSecret>;

  constexpr basic_update_chap_credentials_builder() noexcept
      requires(!is_set<Arn> && !is_set<Name> && !is_set<InitiatorSecret> && !is_set<TargetSecret>) = default;

  SGWCHAP_DETAIL_SETTER(target_arn, arn, Arn, detail::builders::is_arn_value, SGWCHAP_DETAIL_ARN_TAKES,
                        "UpdateChapCredentials", "TargetARN")
  SGWCHAP_DETAIL_SETTER(initiator_name, name, Name, detail::builders::is_name_value, SGWCHAP_DETAIL_NAME_TAKES,
                        "UpdateChapCredentials", "InitiatorName")
  SGWCHAP_DETAIL_SETTER(secret_to_authenticate_initiator, initiator_secret, InitiatorSecret,
                        detail::builders::is_secret_value, SGWCHAP_DETAIL_SECRET_TAKES("SecretToAuthenticateInitiator"),
                        "UpdateChapCredentials", "SecretToAuthenticateInitiator")
  SGWCHAP_DETAIL_SETTER(secret_to_authenticate_target, target_secret, TargetSecret, detail::builders::is_secret_value,
                        SGWCHAP_DETAIL_SECRET_TAKES("SecretToAuthenticateTarget"), "UpdateChapCredentials",
                        "SecretToAuthenticateTarget")

  /// The request (aws_model, one-way CHAP) or result<request> (strict, or mutual CHAP).
  /// Errors: the first member, in MODEL order, that does not satisfy P (its own rule, field and
  /// offset); secrets_must_differ for mutual CHAP (checked under the weakest profile of the
  /// inputs, as update_chap_credentials_request::make does).
  [[nodiscard]] auto build() && {
    static_assert(is_set<Arn>, "UpdateChapCredentials requires TargetARN");
    static_assert(is_set<InitiatorSecret>, "UpdateChapCredentials requires SecretToAuthenticateInitiator");
    static_assert(is_set<Name>, "UpdateChapCredentials requires InitiatorName");
    if constexpr (is_complete) return build_complete();
  }
  SGWCHAP_DETAIL_BUILDER_STATE(basic_update_chap_credentials_builder, Arn, Name, InitiatorSecret, TargetSecret)

 private:
  auto build_complete() {
    namespace B = detail::builders;
    using R = result<update_chap_credentials_request>;
    if constexpr (P == profile::strict) {
      // MODEL member order: TargetARN, SecretToAuthenticateInitiator, InitiatorName, SecretToAuthenticateTarget.
      if (auto ok = B::require<P>(member<arn>()); !ok.has_value()) return R(tl::unexpect, ok.error());
      if (auto ok = B::require<P>(member<initiator_secret>(), field::secret_to_authenticate_initiator);
          !ok.has_value()) {
        return R(tl::unexpect, ok.error());
      }
      if (auto ok = B::require<P>(member<name>()); !ok.has_value()) return R(tl::unexpect, ok.error());
      if constexpr (is_set<TargetSecret>) {
        if (auto ok = B::require<P>(member<target_secret>(), field::secret_to_authenticate_target); !ok.has_value()) {
          return R(tl::unexpect, ok.error());
        }
      }
    }
    using A = B::update_request_access;
    if constexpr (is_set<TargetSecret>) {
      return A::mutual(B::pass(std::move(member<arn>())), B::pass(std::move(member<name>())),
                       B::pass(std::move(member<initiator_secret>())), B::pass(std::move(member<target_secret>())));
    } else if constexpr (P == profile::strict) {
      return A::one_way_result(B::pass(std::move(member<arn>())), B::pass(std::move(member<name>())),
                               B::pass(std::move(member<initiator_secret>())));
    } else {
      return A::one_way(B::pass(std::move(member<arn>())), B::pass(std::move(member<name>())),
                        B::pass(std::move(member<initiator_secret>())));
    }
  }
};

// ---------------------------------------------------------------------------------------------

/// Builds a describe_chap_credentials_request. Required: TargetARN.
template <profile P = profile::aws_model, class Arn = detail::builders::unset>
class basic_describe_chap_credentials_builder {
  template <class T>
  static constexpr bool is_set = detail::builders::is_set<T>;
  enum : std::size_t { arn };

 public:
  using request_type = describe_chap_credentials_request;
  static constexpr profile required_profile = P;
  static constexpr bool is_complete = is_set<Arn>;
  static constexpr bool build_returns_result = P == profile::strict;

  constexpr basic_describe_chap_credentials_builder() noexcept requires(!is_set<Arn>) = default;

  SGWCHAP_DETAIL_SETTER(target_arn, arn, Arn, detail::builders::is_arn_value, SGWCHAP_DETAIL_ARN_TAKES,
                        "DescribeChapCredentials", "TargetARN")

  /// The request (aws_model) or result<request> (strict).
  [[nodiscard]] auto build() && {
    static_assert(is_set<Arn>, "DescribeChapCredentials requires TargetARN");
    if constexpr (is_complete) {
      namespace B = detail::builders;
      if constexpr (P == profile::strict) {
        using R = result<describe_chap_credentials_request>;
        if (auto ok = B::require<P>(member<arn>()); !ok.has_value()) return R(tl::unexpect, ok.error());
        return R(tl::in_place, B::pass(std::move(member<arn>())));
      } else {
        return describe_chap_credentials_request(B::pass(std::move(member<arn>())));
      }
    }
  }
  SGWCHAP_DETAIL_BUILDER_STATE(basic_describe_chap_credentials_builder, Arn)
};

// ---------------------------------------------------------------------------------------------

/// Builds a delete_chap_credentials_request. Required: TargetARN, InitiatorName.
template <profile P = profile::aws_model, class Arn = detail::builders::unset, class Name = detail::builders::unset>
class basic_delete_chap_credentials_builder {
  template <class T>
  static constexpr bool is_set = detail::builders::is_set<T>;
  enum : std::size_t { arn, name };

 public:
  using request_type = delete_chap_credentials_request;
  static constexpr profile required_profile = P;
  static constexpr bool is_complete = is_set<Arn> && is_set<Name>;
  static constexpr bool build_returns_result = P == profile::strict;

  constexpr basic_delete_chap_credentials_builder() noexcept requires(!is_set<Arn> && !is_set<Name>) = default;

  SGWCHAP_DETAIL_SETTER(target_arn, arn, Arn, detail::builders::is_arn_value, SGWCHAP_DETAIL_ARN_TAKES,
                        "DeleteChapCredentials", "TargetARN")
  SGWCHAP_DETAIL_SETTER(initiator_name, name, Name, detail::builders::is_name_value, SGWCHAP_DETAIL_NAME_TAKES,
                        "DeleteChapCredentials", "InitiatorName")

  /// The request (aws_model) or result<request> (strict).
  [[nodiscard]] auto build() && {
    static_assert(is_set<Arn>, "DeleteChapCredentials requires TargetARN");
    static_assert(is_set<Name>, "DeleteChapCredentials requires InitiatorName");
    if constexpr (is_complete) {
      namespace B = detail::builders;
      if constexpr (P == profile::strict) {
        using R = result<delete_chap_credentials_request>;
        if (auto ok = B::require<P>(member<arn>()); !ok.has_value()) return R(tl::unexpect, ok.error());
        if (auto ok = B::require<P>(member<name>()); !ok.has_value()) return R(tl::unexpect, ok.error());
        return R(tl::in_place, B::pass(std::move(member<arn>())), B::pass(std::move(member<name>())));
      } else {
        return delete_chap_credentials_request(B::pass(std::move(member<arn>())), B::pass(std::move(member<name>())));
      }
    }
  }
  SGWCHAP_DETAIL_BUILDER_STATE(basic_delete_chap_credentials_builder, Arn, Name)
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
