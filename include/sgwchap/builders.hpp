// sgwchap — type-state builders of the three requests: an incomplete request, or a member set
// twice, does not compile.
//
//   using namespace sgwchap::literals;
//   auto request = sgwchap::update_chap_credentials_builder{}
//                      .target_arn("arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn)
//                      .initiator_name("iqn.1991-05.com.microsoft:host"_iscsi_name)
//                      .secret_to_authenticate_initiator(std::move(secret))   // a chap_secret
//                      .build();   // result<update_chap_credentials_request>
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
// Profiles. A builder has a required profile `P` (default strict, as everywhere):
//   - basic_*_builder<profile::strict> (the default aliases below) refuses an input that passed
//     only aws_model. That is a run-time fact (a view's profile is a run-time value; a literal
//     and a run-time view have the same type), so a strict `.build()` returns a `result`. An
//     input that passed only aws_model is re-checked under strict: the error is the strict rule
//     it breaks, with its field and offset (e.g. InitiatorName bad_iqn_date at byte 10
//     for iqn.2015-1.com.example); when it
//     does satisfy strict, the request holds it as strict. A chap_secret made by
//     chap_secret::unchecked (decoded service values) is re-checked the same way.
//   - basic_*_builder<profile::aws_model> refuses nothing (every checked value passed at least
//     aws_model) and keeps the weakest profile of its inputs: the request's checked_profile()
//     says what was checked. Its Describe, Delete and one-way Update builds return the request
//     itself; it carries an unchecked chap_secret as the request constructor does.
//   - An Update build that sets SecretToAuthenticateTarget always returns a `result`: the two
//     secrets must differ (RFC 3720 §8.2.1), a run-time check (update_chap_credentials_request::make).
//
// Cost: a builder keeps only the bytes and profile of a view (two words), and moves an owning
// value or a secret into its state; `.build()` then constructs the request in place, passing
// each value as the request's constructor expects it. Compared with calling that constructor by
// hand, the only extra work is one move per owning value or secret (the setter's; for a
// chap_secret a 16-byte copy plus the wipe of the moved-from bytes), and, for a strict build,
// one byte compare per member.
#pragma once

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
/// more, and two words copy faster through the builder states than a whole view.
struct arn_text {
  std::string_view value;
  profile checked;
};
struct name_text {
  std::string_view value;
  profile checked;
};

/// The member a setter stores for its argument: the text of a view, or the owning value itself.
template <class T>
struct stored {
  using type = T;
};
template <>
struct stored<target_arn_view> {
  using type = arn_text;
};
template <>
struct stored<iscsi_name_view> {
  using type = name_text;
};
template <class T>
using stored_t = typename stored<T>::type;

[[nodiscard]] constexpr arn_text store(const target_arn_view& v) noexcept { return {v.value(), v.checked_profile()}; }
[[nodiscard]] constexpr name_text store(const iscsi_name_view& v) noexcept { return {v.value(), v.checked_profile()}; }
template <class T>
  requires(std::is_same_v<std::remove_cvref_t<T>, target_arn> || std::is_same_v<std::remove_cvref_t<T>, iscsi_name> ||
           std::is_same_v<std::remove_cvref_t<T>, chap_secret>)
[[nodiscard]] constexpr T&& store(T&& owning) noexcept {
  return std::forward<T>(owning);
}

// -- Make an input satisfy P, in place. The fast path is one compare. An input that passed a
//    weaker profile is re-checked under P: on failure the error names the rule it breaks; on
//    success the member is replaced by the value as checked under P (same bytes, profile P).

template <profile P>
[[nodiscard]] constexpr result<void> require(arn_text& t) noexcept {
  if (t.checked >= P) return {};
  const auto again = parse_target_arn(t.value, P);
  if (!again.has_value()) return tl::unexpected(again.error());
  t.checked = P;
  return {};
}
template <profile P>
[[nodiscard]] inline result<void> require(target_arn& a) {
  if (a.checked_profile() >= P) return {};
  const auto again = parse_target_arn(a.str(), P);
  if (!again.has_value()) return tl::unexpected(again.error());
  a = target_arn(*again);  // copies the bytes before the old value goes
  return {};
}
template <profile P>
[[nodiscard]] constexpr result<void> require(name_text& t) noexcept {
  if (t.checked >= P) return {};
  const auto again = parse_iscsi_name(t.value, P);
  if (!again.has_value()) return tl::unexpected(again.error());
  t.checked = P;
  return {};
}
template <profile P>
[[nodiscard]] inline result<void> require(iscsi_name& n) {
  if (n.checked_profile() >= P) return {};
  const auto again = parse_iscsi_name(n.str(), P);
  if (!again.has_value()) return tl::unexpected(again.error());
  n = iscsi_name(*again);
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

[[nodiscard]] inline target_arn pass(const arn_text& t) {
  return target_arn(detail_target_arn_access::make(t.value, t.checked, nullptr));
}
[[nodiscard]] inline target_arn&& pass(target_arn&& a) noexcept { return std::move(a); }
[[nodiscard]] inline iscsi_name pass(const name_text& t) {
  iscsi_name_view v;
  return iscsi_name(detail_iscsi_name_access::value(v, t.value, t.checked));
}
[[nodiscard]] inline iscsi_name&& pass(iscsi_name&& n) noexcept { return std::move(n); }
[[nodiscard]] inline chap_secret&& pass(chap_secret&& s) noexcept { return std::move(s); }

}  // namespace detail::builders

// The messages below are the compiler's first error line when a builder is misused.
#define SGWCHAP_DETAIL_ARN_TAKES \
  "TargetARN takes a checked value: a \"...\"_target_arn literal, *parse_target_arn(s) or target_arn::parse(s); not a raw string"
#define SGWCHAP_DETAIL_NAME_TAKES \
  "InitiatorName takes a checked value: a \"...\"_iscsi_name literal, *parse_iscsi_name(s) or iscsi_name::parse(s); not a raw string"
#define SGWCHAP_DETAIL_SECRET_TAKES(member) \
  member " takes a chap_secret (from chap_secret::make(s)); secrets are never literals or raw strings"
#define SGWCHAP_DETAIL_SECRET_MOVE(member) member " takes the chap_secret by move (it is move-only): pass std::move(secret)"
#define SGWCHAP_DETAIL_COPY_HELD_SECRET \
  "this builder holds a chap_secret (move-only): call the setter or build() on std::move(builder)"

// ---------------------------------------------------------------------------------------------

/// Builds an update_chap_credentials_request. Required: TargetARN, SecretToAuthenticateInitiator,
/// InitiatorName; optional: SecretToAuthenticateTarget (mutual CHAP). See the file comment.
template <profile P = profile::strict, class Arn = detail::builders::unset, class Name = detail::builders::unset,
          class InitiatorSecret = detail::builders::unset, class TargetSecret = detail::builders::unset>
class basic_update_chap_credentials_builder {
  template <profile, class, class, class, class>
  friend class basic_update_chap_credentials_builder;
  template <class T>
  static constexpr bool is_set = detail::builders::is_set<T>;

 public:
  using request_type = update_chap_credentials_request;
  static constexpr profile required_profile = P;
  /// True once every required member is set (`.build()` compiles).
  static constexpr bool is_complete = is_set<Arn> && is_set<Name> && is_set<InitiatorSecret>;
  /// True when `.build()` returns result<request_type> rather than request_type.
  static constexpr bool build_returns_result = P == profile::strict || is_set<TargetSecret>;

  constexpr basic_update_chap_credentials_builder() noexcept
    requires(!is_set<Arn> && !is_set<Name> && !is_set<InitiatorSecret> && !is_set<TargetSecret>)
  = default;

  template <class T>
  [[nodiscard]] constexpr auto target_arn(T&& input) && { return set_arn(std::move(*this), std::forward<T>(input)); }
  template <class T>
  [[nodiscard]] constexpr auto target_arn(T&& input) const& { return set_arn(*this, std::forward<T>(input)); }

  template <class T>
  [[nodiscard]] constexpr auto initiator_name(T&& input) && { return set_name(std::move(*this), std::forward<T>(input)); }
  template <class T>
  [[nodiscard]] constexpr auto initiator_name(T&& input) const& { return set_name(*this, std::forward<T>(input)); }

  template <class T>
  [[nodiscard]] constexpr auto secret_to_authenticate_initiator(T&& input) && {
    return set_initiator_secret(std::move(*this), std::forward<T>(input));
  }
  template <class T>
  [[nodiscard]] constexpr auto secret_to_authenticate_initiator(T&& input) const& {
    return set_initiator_secret(*this, std::forward<T>(input));
  }

  template <class T>
  [[nodiscard]] constexpr auto secret_to_authenticate_target(T&& input) && {
    return set_target_secret(std::move(*this), std::forward<T>(input));
  }
  template <class T>
  [[nodiscard]] constexpr auto secret_to_authenticate_target(T&& input) const& {
    return set_target_secret(*this, std::forward<T>(input));
  }

  /// The request (aws_model, one-way CHAP) or result<request> (strict, or mutual CHAP).
  /// Errors: the first member, in MODEL order, that does not satisfy P (its own rule, field and
  /// offset); secrets_must_differ for mutual CHAP under strict.
  [[nodiscard]] auto build() && {
    static_assert(is_set<Arn>, "UpdateChapCredentials requires TargetARN");
    static_assert(is_set<InitiatorSecret>, "UpdateChapCredentials requires SecretToAuthenticateInitiator");
    static_assert(is_set<Name>, "UpdateChapCredentials requires InitiatorName");
    if constexpr (is_complete) return build_complete();
  }
  [[nodiscard]] auto build() const& {
    static_assert(std::is_copy_constructible_v<basic_update_chap_credentials_builder>, SGWCHAP_DETAIL_COPY_HELD_SECRET);
    if constexpr (std::is_copy_constructible_v<basic_update_chap_credentials_builder>) {
      return basic_update_chap_credentials_builder(*this).build();
    }
  }

 private:
  template <class A, class N, class I, class T>
  constexpr basic_update_chap_credentials_builder(std::in_place_t, A&& arn_in, N&& name_in, I&& initiator_secret_in,
                                                  T&& target_secret_in)
      : arn_(std::forward<A>(arn_in)),
        name_(std::forward<N>(name_in)),
        initiator_secret_(std::forward<I>(initiator_secret_in)),
        target_secret_(std::forward<T>(target_secret_in)) {}

  template <class Self, class T>
  static constexpr auto set_arn(Self&& self, T&& input) {
    using V = std::remove_cvref_t<T>;
    static_assert(detail::builders::is_arn_value<V>, SGWCHAP_DETAIL_ARN_TAKES);
    static_assert(!is_set<Arn>, "UpdateChapCredentials: TargetARN is set twice");
    static_assert(std::is_rvalue_reference_v<Self&&> || std::is_copy_constructible_v<InitiatorSecret>,
                  SGWCHAP_DETAIL_COPY_HELD_SECRET);
    if constexpr (detail::builders::is_arn_value<V> && !is_set<Arn>) {
      return basic_update_chap_credentials_builder<P, detail::builders::stored_t<V>, Name, InitiatorSecret, TargetSecret>(
          std::in_place, detail::builders::store(std::forward<T>(input)), std::forward<Self>(self).name_,
          std::forward<Self>(self).initiator_secret_, std::forward<Self>(self).target_secret_);
    }
  }
  template <class Self, class T>
  static constexpr auto set_name(Self&& self, T&& input) {
    using V = std::remove_cvref_t<T>;
    static_assert(detail::builders::is_name_value<V>, SGWCHAP_DETAIL_NAME_TAKES);
    static_assert(!is_set<Name>, "UpdateChapCredentials: InitiatorName is set twice");
    static_assert(std::is_rvalue_reference_v<Self&&> || std::is_copy_constructible_v<InitiatorSecret>,
                  SGWCHAP_DETAIL_COPY_HELD_SECRET);
    if constexpr (detail::builders::is_name_value<V> && !is_set<Name>) {
      return basic_update_chap_credentials_builder<P, Arn, detail::builders::stored_t<V>, InitiatorSecret, TargetSecret>(
          std::in_place, std::forward<Self>(self).arn_, detail::builders::store(std::forward<T>(input)),
          std::forward<Self>(self).initiator_secret_, std::forward<Self>(self).target_secret_);
    }
  }
  template <class Self, class T>
  static constexpr auto set_initiator_secret(Self&& self, T&& input) {
    using V = std::remove_cvref_t<T>;
    static_assert(detail::builders::is_secret_value<V>, SGWCHAP_DETAIL_SECRET_TAKES("SecretToAuthenticateInitiator"));
    static_assert(!detail::builders::is_secret_value<V> || !std::is_lvalue_reference_v<T>,
                  SGWCHAP_DETAIL_SECRET_MOVE("SecretToAuthenticateInitiator"));
    static_assert(!is_set<InitiatorSecret>, "UpdateChapCredentials: SecretToAuthenticateInitiator is set twice");
    if constexpr (detail::builders::is_secret_value<V> && !std::is_lvalue_reference_v<T> && !is_set<InitiatorSecret>) {
      return basic_update_chap_credentials_builder<P, Arn, Name, V, TargetSecret>(
          std::in_place, std::forward<Self>(self).arn_, std::forward<Self>(self).name_, std::forward<T>(input),
          std::forward<Self>(self).target_secret_);
    }
  }
  template <class Self, class T>
  static constexpr auto set_target_secret(Self&& self, T&& input) {
    using V = std::remove_cvref_t<T>;
    static_assert(detail::builders::is_secret_value<V>, SGWCHAP_DETAIL_SECRET_TAKES("SecretToAuthenticateTarget"));
    static_assert(!detail::builders::is_secret_value<V> || !std::is_lvalue_reference_v<T>,
                  SGWCHAP_DETAIL_SECRET_MOVE("SecretToAuthenticateTarget"));
    static_assert(!is_set<TargetSecret>, "UpdateChapCredentials: SecretToAuthenticateTarget is set twice");
    if constexpr (detail::builders::is_secret_value<V> && !std::is_lvalue_reference_v<T> && !is_set<TargetSecret>) {
      return basic_update_chap_credentials_builder<P, Arn, Name, InitiatorSecret, V>(
          std::in_place, std::forward<Self>(self).arn_, std::forward<Self>(self).name_,
          std::forward<Self>(self).initiator_secret_, std::forward<T>(input));
    }
  }

  auto build_complete() {
    namespace B = detail::builders;
    using R = result<update_chap_credentials_request>;
    if constexpr (P == profile::strict) {
      // MODEL member order: TargetARN, SecretToAuthenticateInitiator, InitiatorName, SecretToAuthenticateTarget.
      if (auto ok = B::require<P>(arn_); !ok.has_value()) return R(tl::unexpect, ok.error());
      if (auto ok = B::require<P>(initiator_secret_, field::secret_to_authenticate_initiator); !ok.has_value()) {
        return R(tl::unexpect, ok.error());
      }
      if (auto ok = B::require<P>(name_); !ok.has_value()) return R(tl::unexpect, ok.error());
      if constexpr (is_set<TargetSecret>) {
        if (auto ok = B::require<P>(target_secret_, field::secret_to_authenticate_target); !ok.has_value()) {
          return R(tl::unexpect, ok.error());
        }
      }
    }
    if constexpr (is_set<TargetSecret>) {
      return update_chap_credentials_request::make(B::pass(std::move(arn_)), B::pass(std::move(name_)),
                                                   B::pass(std::move(initiator_secret_)),
                                                   std::optional<chap_secret>(B::pass(std::move(target_secret_))));
    } else if constexpr (P == profile::strict) {
      return R(tl::in_place, B::pass(std::move(arn_)), B::pass(std::move(name_)), B::pass(std::move(initiator_secret_)));
    } else {
      return update_chap_credentials_request(B::pass(std::move(arn_)), B::pass(std::move(name_)),
                                             B::pass(std::move(initiator_secret_)));
    }
  }

  [[no_unique_address]] Arn arn_{};
  [[no_unique_address]] Name name_{};
  [[no_unique_address]] InitiatorSecret initiator_secret_{};
  [[no_unique_address]] TargetSecret target_secret_{};
};

// ---------------------------------------------------------------------------------------------

/// Builds a describe_chap_credentials_request. Required: TargetARN.
template <profile P = profile::strict, class Arn = detail::builders::unset>
class basic_describe_chap_credentials_builder {
  template <profile, class>
  friend class basic_describe_chap_credentials_builder;
  template <class T>
  static constexpr bool is_set = detail::builders::is_set<T>;

 public:
  using request_type = describe_chap_credentials_request;
  static constexpr profile required_profile = P;
  static constexpr bool is_complete = is_set<Arn>;
  static constexpr bool build_returns_result = P == profile::strict;

  constexpr basic_describe_chap_credentials_builder() noexcept
    requires(!is_set<Arn>)
  = default;

  template <class T>
  [[nodiscard]] constexpr auto target_arn(T&& input) const {
    using V = std::remove_cvref_t<T>;
    static_assert(detail::builders::is_arn_value<V>, SGWCHAP_DETAIL_ARN_TAKES);
    static_assert(!is_set<Arn>, "DescribeChapCredentials: TargetARN is set twice");
    if constexpr (detail::builders::is_arn_value<V> && !is_set<Arn>) {
      return basic_describe_chap_credentials_builder<P, detail::builders::stored_t<V>>(
          std::in_place, detail::builders::store(std::forward<T>(input)));
    }
  }

  /// The request (aws_model) or result<request> (strict).
  [[nodiscard]] auto build() && {
    static_assert(is_set<Arn>, "DescribeChapCredentials requires TargetARN");
    if constexpr (is_complete) {
      namespace B = detail::builders;
      if constexpr (P == profile::strict) {
        using R = result<describe_chap_credentials_request>;
        if (auto ok = B::require<P>(arn_); !ok.has_value()) return R(tl::unexpect, ok.error());
        return R(tl::in_place, B::pass(std::move(arn_)));
      } else {
        return describe_chap_credentials_request(B::pass(std::move(arn_)));
      }
    }
  }
  [[nodiscard]] auto build() const& { return basic_describe_chap_credentials_builder(*this).build(); }

 private:
  template <class A>
  constexpr basic_describe_chap_credentials_builder(std::in_place_t, A&& arn_in) : arn_(std::forward<A>(arn_in)) {}

  [[no_unique_address]] Arn arn_{};
};

// ---------------------------------------------------------------------------------------------

/// Builds a delete_chap_credentials_request. Required: TargetARN, InitiatorName.
template <profile P = profile::strict, class Arn = detail::builders::unset, class Name = detail::builders::unset>
class basic_delete_chap_credentials_builder {
  template <profile, class, class>
  friend class basic_delete_chap_credentials_builder;
  template <class T>
  static constexpr bool is_set = detail::builders::is_set<T>;

 public:
  using request_type = delete_chap_credentials_request;
  static constexpr profile required_profile = P;
  static constexpr bool is_complete = is_set<Arn> && is_set<Name>;
  static constexpr bool build_returns_result = P == profile::strict;

  constexpr basic_delete_chap_credentials_builder() noexcept
    requires(!is_set<Arn> && !is_set<Name>)
  = default;

  template <class T>
  [[nodiscard]] constexpr auto target_arn(T&& input) && { return set_arn(std::move(*this), std::forward<T>(input)); }
  template <class T>
  [[nodiscard]] constexpr auto target_arn(T&& input) const& { return set_arn(*this, std::forward<T>(input)); }
  template <class T>
  [[nodiscard]] constexpr auto initiator_name(T&& input) && { return set_name(std::move(*this), std::forward<T>(input)); }
  template <class T>
  [[nodiscard]] constexpr auto initiator_name(T&& input) const& { return set_name(*this, std::forward<T>(input)); }

  /// The request (aws_model) or result<request> (strict).
  [[nodiscard]] auto build() && {
    static_assert(is_set<Arn>, "DeleteChapCredentials requires TargetARN");
    static_assert(is_set<Name>, "DeleteChapCredentials requires InitiatorName");
    if constexpr (is_complete) {
      namespace B = detail::builders;
      if constexpr (P == profile::strict) {
        using R = result<delete_chap_credentials_request>;
        if (auto ok = B::require<P>(arn_); !ok.has_value()) return R(tl::unexpect, ok.error());
        if (auto ok = B::require<P>(name_); !ok.has_value()) return R(tl::unexpect, ok.error());
        return R(tl::in_place, B::pass(std::move(arn_)), B::pass(std::move(name_)));
      } else {
        return delete_chap_credentials_request(B::pass(std::move(arn_)), B::pass(std::move(name_)));
      }
    }
  }
  [[nodiscard]] auto build() const& { return basic_delete_chap_credentials_builder(*this).build(); }

 private:
  template <class A, class N>
  constexpr basic_delete_chap_credentials_builder(std::in_place_t, A&& arn_in, N&& name_in)
      : arn_(std::forward<A>(arn_in)), name_(std::forward<N>(name_in)) {}

  template <class Self, class T>
  static constexpr auto set_arn(Self&& self, T&& input) {
    using V = std::remove_cvref_t<T>;
    static_assert(detail::builders::is_arn_value<V>, SGWCHAP_DETAIL_ARN_TAKES);
    static_assert(!is_set<Arn>, "DeleteChapCredentials: TargetARN is set twice");
    if constexpr (detail::builders::is_arn_value<V> && !is_set<Arn>) {
      return basic_delete_chap_credentials_builder<P, detail::builders::stored_t<V>, Name>(
          std::in_place, detail::builders::store(std::forward<T>(input)),
                                                               std::forward<Self>(self).name_);
    }
  }
  template <class Self, class T>
  static constexpr auto set_name(Self&& self, T&& input) {
    using V = std::remove_cvref_t<T>;
    static_assert(detail::builders::is_name_value<V>, SGWCHAP_DETAIL_NAME_TAKES);
    static_assert(!is_set<Name>, "DeleteChapCredentials: InitiatorName is set twice");
    if constexpr (detail::builders::is_name_value<V> && !is_set<Name>) {
      return basic_delete_chap_credentials_builder<P, Arn, detail::builders::stored_t<V>>(
          std::in_place, std::forward<Self>(self).arn_, detail::builders::store(std::forward<T>(input)));
    }
  }

  [[no_unique_address]] Arn arn_{};
  [[no_unique_address]] Name name_{};
};

#undef SGWCHAP_DETAIL_ARN_TAKES
#undef SGWCHAP_DETAIL_NAME_TAKES
#undef SGWCHAP_DETAIL_SECRET_TAKES
#undef SGWCHAP_DETAIL_SECRET_MOVE
#undef SGWCHAP_DETAIL_COPY_HELD_SECRET

/// The default builders require the strict profile (their `.build()` returns a result).
using update_chap_credentials_builder = basic_update_chap_credentials_builder<>;
using describe_chap_credentials_builder = basic_describe_chap_credentials_builder<>;
using delete_chap_credentials_builder = basic_delete_chap_credentials_builder<>;

SGWCHAP_END_NAMESPACE
