// sgwchap — typed requests and results of the operations (operations.hpp). Light: no Boost.JSON,
// no fmt, nothing of the wire. A request holds validated owning values, so encoding never
// re-validates; a result holds what the service sent (constraints are not enforced on output:
// docs/sources.md SMITHY-JSON), and `validate(result)` (wire/validate.hpp) checks it on request.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/target_arn.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Every problem of a request built from raw strings: the first error of each member plus the
/// mutual-secret rule, in member order. Fixed capacity, no heap.
class error_list {
 public:
  static constexpr std::size_t capacity = 8;

  constexpr void push_back(const error& e) noexcept {
    if (count_ < capacity) items_[count_++] = e;
  }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return count_ == 0; }
  [[nodiscard]] constexpr const error& operator[](std::size_t i) const noexcept { return items_[i]; }
  [[nodiscard]] constexpr const error* begin() const noexcept { return items_.data(); }
  [[nodiscard]] constexpr const error* end() const noexcept { return items_.data() + count_; }
  [[nodiscard]] constexpr const error& front() const noexcept { return items_[0]; }

  friend constexpr bool operator==(const error_list& a, const error_list& b) noexcept {
    if (a.count_ != b.count_) return false;
    for (std::size_t i = 0; i < a.count_; ++i) {
      if (!(a.items_[i] == b.items_[i])) return false;
    }
    return true;
  }

 private:
  std::array<error, capacity> items_{};
  std::size_t count_{0};
};

/// Results of building a request from raw strings: the request, or every problem found.
template <class T>
using request_result = tl::expected<T, error_list>;

// ---------------------------------------------------------------------------------------------
// Checking raw values against a member table

namespace detail {

struct request_access;

/// The key of the requests' member-wise constructors: only request_access makes one, so only
/// code that has checked every member (make_request, the builders) builds a request that way.
class members_key {
  friend struct request_access;
  constexpr members_key() noexcept = default;
};

/// A CHAP secret's text that passed check_chap_secret under `p` (not yet copied).
struct checked_secret_text {
  std::string_view text;
  profile p;
};

/// What checking a member's text keeps until the request is built: a view into the text.
template <class M>
struct checked_member;
template <>
struct checked_member<sgwchap::target_arn> {
  using type = target_arn_view;
};
template <>
struct checked_member<sgwchap::iscsi_name> {
  using type = iscsi_name_view;
};
template <>
struct checked_member<chap_secret> {
  using type = checked_secret_text;
};
template <class M>
struct checked_member<std::optional<M>> : checked_member<M> {};
template <class M>
using checked_member_t = typename checked_member<M>::type;

/// Builds a checked request from its members, already checked, in table order: as a value, or
/// in place inside a result (each member moved once).
struct request_access {
  template <class Request, class... M>
  [[nodiscard]] static Request make(M&&... members) noexcept {
    return Request(members_key{}, std::forward<M>(members)...);
  }
  template <class Request, class... M>
  [[nodiscard]] static result<Request> make_result(M&&... members) noexcept {
    return result<Request>(tl::in_place, members_key{}, std::forward<M>(members)...);
  }
  /// The request, built in place inside its request_result from the owning members.
  template <class Request, class... M>
  [[nodiscard]] static request_result<Request> make_request_result(M&&... members) noexcept {
    return request_result<Request>(tl::in_place, members_key{}, std::forward<M>(members)...);
  }

  /// The owning value of a member that passed its check: its only copy of the text. Allocates
  /// for a target_arn and a secret over 16 bytes (std::bad_alloc).
  template <class M>
  [[nodiscard]] static M own(const std::optional<checked_member_t<M>>& checked) {
    if constexpr (is_optional<M>::value) {
      if (!checked.has_value()) return M();
      return M(own<typename M::value_type>(checked));
    } else if constexpr (std::is_same_v<M, chap_secret>) {
      return chap_secret::checked_copy(checked->text, checked->p);
    } else {
      return M(*checked);  // target_arn, iscsi_name: from the view that passed
    }
  }
};

/// Checks the text of row `m` (owning type `M`) under `p` by the row's validator: a view into
/// the text, or the validator's first error. No allocation.
template <class M>
[[nodiscard]] constexpr result<checked_member_t<M>> check_member(std::string_view text, const member_info& m,
                                                                 profile p) noexcept {
  if constexpr (is_optional<M>::value) {
    return check_member<typename M::value_type>(text, m, p);
  } else if constexpr (std::is_same_v<M, sgwchap::target_arn>) {
    return parse_target_arn(text, p);
  } else if constexpr (std::is_same_v<M, sgwchap::iscsi_name>) {
    return parse_iscsi_name(text, p);
  } else {
    static_assert(std::is_same_v<M, chap_secret>, "check_member: no validator for this member type");
    const auto checked = check_chap_secret(text, p, m.which);
    if (!checked.has_value()) return tl::unexpected(checked.error());
    return checked_secret_text{text, p};
  }
}

/// The error for a required member that is absent (MODEL `required`).
[[nodiscard]] constexpr error missing(const member_info& m) noexcept {
  return make_error(errc::missing_member, m.which, 0, profile::aws_model);
}

/// The cross-member rule of row `m` (must_differ_from), when both values passed their own checks.
[[nodiscard]] constexpr result<void> check_cross_member(const member_info& m, std::string_view value,
                                                        std::string_view other, profile p) noexcept {
  (void)m;  // the one cross-member rule: mutual CHAP (check_secrets_differ names the field itself)
  return check_secrets_differ(other, value, p);
}

/// A checked request of type `Request` from the texts of its members (row order; nullopt:
/// absent), under `p`. Errors, in row order: missing_member for an absent required member, the
/// first error of each present member's validator, and each cross-member rule whose members both
/// passed (secrets_must_differ). Every member is checked first, on views; only then is each
/// copied, once, into the request, which is built in place inside the result. Allocates only
/// for the owning members (std::bad_alloc).
template <class Request, std::size_t N>
[[nodiscard]] request_result<Request> make_request(const std::array<std::optional<std::string_view>, N>& values,
                                                   profile p) {
  using refs = decltype(members_of(std::declval<const Request&>()));
  static_assert(std::tuple_size_v<refs> == N, "one value per row of the request's member table");
  error_list problems;
  std::array<bool, N> passed{};
  auto checked = [&]<std::size_t... I>(std::index_sequence<I...>) {
    return std::tuple<std::optional<checked_member_t<std::remove_cvref_t<std::tuple_element_t<I, refs>>>>...>{};
  }
  (std::make_index_sequence<N>{});
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto one = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
      constexpr const member_info& m = row<Request, J>();
      using M = std::remove_cvref_t<std::tuple_element_t<J, refs>>;
      if (!values[J].has_value()) {
        if (m.required) problems.push_back(missing(m));
        return;  // an absent optional member stays nullopt: a valid value
      }
      auto r = check_member<M>(*values[J], m, p);
      if (!r.has_value()) {
        problems.push_back(r.error());
        return;
      }
      passed[J] = true;
      if constexpr (m.must_differ_from != member_info::no_row) {
        if (passed[m.must_differ_from]) {
          if (auto d = check_cross_member(m, *values[J], *values[m.must_differ_from], p); !d.has_value()) {
            problems.push_back(d.error());
            return;
          }
        }
      }
      std::get<J>(checked).emplace(*r);
    };
    (one(std::integral_constant<std::size_t, I>{}), ...);
  }
  (std::make_index_sequence<N>{});
  if (!problems.empty()) return tl::unexpected(problems);
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return request_access::make_request_result<Request>(
        request_access::own<std::remove_cvref_t<std::tuple_element_t<I, refs>>>(std::get<I>(checked))...);
  }
  (std::make_index_sequence<N>{});
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Requests

/// UpdateChapCredentials input: TargetARN, SecretToAuthenticateInitiator, InitiatorName
/// (required), SecretToAuthenticateTarget (optional; when present it differs from the
/// initiator's secret under strict). Move-only (it holds secrets).
class update_chap_credentials_request {
 public:
  static constexpr operation op = operation::update_chap_credentials;

  /// One-way CHAP: always valid once its parts are.
  update_chap_credentials_request(sgwchap::target_arn arn, sgwchap::iscsi_name initiator,
                                  chap_secret initiator_secret) noexcept
      : arn_(std::move(arn)), initiator_secret_(std::move(initiator_secret)), initiator_(std::move(initiator)) {}

  /// For detail::request_access (make_request, the builders): the members in table order,
  /// already checked (mutual CHAP's secrets already compared).
  update_chap_credentials_request(detail::members_key, sgwchap::target_arn&& arn, chap_secret&& initiator_secret,
                                  sgwchap::iscsi_name&& initiator, std::optional<chap_secret>&& target_secret) noexcept
      : arn_(std::move(arn)),
        initiator_secret_(std::move(initiator_secret)),
        initiator_(std::move(initiator)),
        target_secret_(std::move(target_secret)) {}

  /// Mutual CHAP: checks that the secrets differ under the weakest profile of the parts.
  [[nodiscard]] static result<update_chap_credentials_request> make(sgwchap::target_arn arn,
                                                                    sgwchap::iscsi_name initiator,
                                                                    chap_secret initiator_secret,
                                                                    std::optional<chap_secret> target_secret) {
    update_chap_credentials_request request(std::move(arn), std::move(initiator), std::move(initiator_secret));
    if (target_secret.has_value()) {
      const auto differ = check_secrets_differ(request.initiator_secret_.reveal(), target_secret->reveal(),
                                               weakest(request.checked_profile(), target_secret->checked_profile()));
      if (!differ.has_value()) return tl::unexpected(differ.error());
      request.target_secret_ = std::move(target_secret);
    }
    return request;
  }

  /// Checks every member of raw strings under `p` and reports all problems at once, in member
  /// order: the first error of TargetARN (parse_target_arn), SecretToAuthenticateInitiator
  /// (check_chap_secret), InitiatorName (parse_iscsi_name), SecretToAuthenticateTarget, and
  /// secrets_must_differ (RFC 3720 §8.2.1) when both secrets are valid and equal.
  /// Throws only std::bad_alloc (allocation failure), when the owning TargetARN or a secret
  /// longer than 16 bytes (aws_model) is stored on the heap.
  [[nodiscard]] static request_result<update_chap_credentials_request> from_strings(
      std::string_view arn, std::string_view initiator, std::string_view initiator_secret,
      std::optional<std::string_view> target_secret, profile p = profile::strict) {
    return detail::make_request<update_chap_credentials_request, 4>({arn, initiator_secret, initiator, target_secret},
                                                                    p);
  }

  [[nodiscard]] const sgwchap::target_arn& target_arn() const noexcept { return arn_; }
  [[nodiscard]] const chap_secret& secret_to_authenticate_initiator() const noexcept { return initiator_secret_; }
  [[nodiscard]] const sgwchap::iscsi_name& initiator_name() const noexcept { return initiator_; }
  /// nullptr when one-way CHAP.
  [[nodiscard]] const chap_secret* secret_to_authenticate_target() const noexcept {
    return target_secret_.has_value() ? &*target_secret_ : nullptr;
  }
  /// The weakest profile any member passed. A secret made by chap_secret::unchecked passed
  /// none and counts as aws_model here: its is_checked() says so.
  [[nodiscard]] profile checked_profile() const noexcept {
    profile p =
        weakest(weakest(arn_.checked_profile(), initiator_.checked_profile()), initiator_secret_.checked_profile());
    if (target_secret_.has_value()) p = weakest(p, target_secret_->checked_profile());
    return p;
  }

  friend bool operator==(const update_chap_credentials_request&, const update_chap_credentials_request&) = default;
  /// The members in table order (detail/members.hpp).
  friend auto sgwchap_members(const update_chap_credentials_request& r) noexcept {
    return std::tie(r.arn_, r.initiator_secret_, r.initiator_, r.target_secret_);
  }

 private:
  sgwchap::target_arn arn_;
  chap_secret initiator_secret_;
  sgwchap::iscsi_name initiator_;
  std::optional<chap_secret> target_secret_;
};
template <>
inline constexpr const shape_info* shape_of<update_chap_credentials_request> = &model::update_chap_credentials_input;

/// DescribeChapCredentials input: TargetARN (required).
class describe_chap_credentials_request {
 public:
  static constexpr operation op = operation::describe_chap_credentials;

  explicit describe_chap_credentials_request(sgwchap::target_arn arn) noexcept : arn_(std::move(arn)) {}

  describe_chap_credentials_request(detail::members_key, sgwchap::target_arn&& arn) noexcept : arn_(std::move(arn)) {}

  /// Checks a raw TargetARN under `p` (parse_target_arn: MODEL TargetARN, 50..800 characters,
  /// then arn:PARTITION:storagegateway:REGION:ACCOUNT:gateway/GATEWAY-ID/target/TARGET-IQN).
  /// Errors: a one-row error_list holding the first error of parse_target_arn (too_short,
  /// too_long, invalid_utf8, bad_prefix, unknown_partition, bad_service, bad_region,
  /// region_not_in_partition, bad_account_id, bad_resource_type, bad_gateway_id,
  /// lowercase_gateway_id, bad_target_prefix, bad_target_name, ...; field TargetARN, byte offset).
  /// Throws only std::bad_alloc (allocation failure), when the owning target_arn is built.
  [[nodiscard]] static request_result<describe_chap_credentials_request> from_strings(std::string_view arn,
                                                                                      profile p = profile::strict) {
    return detail::make_request<describe_chap_credentials_request, 1>({arn}, p);
  }

  [[nodiscard]] const sgwchap::target_arn& target_arn() const noexcept { return arn_; }
  [[nodiscard]] profile checked_profile() const noexcept { return arn_.checked_profile(); }

  friend bool operator==(const describe_chap_credentials_request&, const describe_chap_credentials_request&) = default;
  friend auto sgwchap_members(const describe_chap_credentials_request& r) noexcept { return std::tie(r.arn_); }

 private:
  sgwchap::target_arn arn_;
};
template <>
inline constexpr const shape_info* shape_of<describe_chap_credentials_request> =
    &model::describe_chap_credentials_input;

/// DeleteChapCredentials input: TargetARN and InitiatorName (both required).
class delete_chap_credentials_request {
 public:
  static constexpr operation op = operation::delete_chap_credentials;

  delete_chap_credentials_request(sgwchap::target_arn arn, sgwchap::iscsi_name initiator) noexcept
      : arn_(std::move(arn)), initiator_(std::move(initiator)) {}

  delete_chap_credentials_request(detail::members_key, sgwchap::target_arn&& arn,
                                  sgwchap::iscsi_name&& initiator) noexcept
      : arn_(std::move(arn)), initiator_(std::move(initiator)) {}

  /// Checks a raw TargetARN (as describe_chap_credentials_request::from_strings) and a raw
  /// InitiatorName (parse_iscsi_name: MODEL IqnName, 1..255 bytes of [0-9a-z:.-]; under strict
  /// the iqn./eui./naa. forms of RFC 3720 §3.2.6.3) under `p`, and reports all problems at once.
  /// Errors: an error_list with the first error of each member that fails, in member order
  /// (TargetARN, then InitiatorName: too_short, too_long, invalid_character,
  /// uppercase_character, bad_prefix, bad_iqn_date, iqn_month_out_of_range, empty_domain_label,
  /// ...), each with its field and byte offset.
  /// Throws only std::bad_alloc (allocation failure), when the owning target_arn is built.
  [[nodiscard]] static request_result<delete_chap_credentials_request> from_strings(std::string_view arn,
                                                                                    std::string_view initiator,
                                                                                    profile p = profile::strict) {
    return detail::make_request<delete_chap_credentials_request, 2>({arn, initiator}, p);
  }

  [[nodiscard]] const sgwchap::target_arn& target_arn() const noexcept { return arn_; }
  [[nodiscard]] const sgwchap::iscsi_name& initiator_name() const noexcept { return initiator_; }
  [[nodiscard]] profile checked_profile() const noexcept {
    return weakest(arn_.checked_profile(), initiator_.checked_profile());
  }

  friend bool operator==(const delete_chap_credentials_request&, const delete_chap_credentials_request&) = default;
  friend auto sgwchap_members(const delete_chap_credentials_request& r) noexcept {
    return std::tie(r.arn_, r.initiator_);
  }

 private:
  sgwchap::target_arn arn_;
  sgwchap::iscsi_name initiator_;
};
template <>
inline constexpr const shape_info* shape_of<delete_chap_credentials_request> = &model::delete_chap_credentials_input;

// ---------------------------------------------------------------------------------------------
// Results: values as the service sent them (constraints are not enforced when decoding output:
// docs/sources.md SMITHY-JSON). Every member is optional, as in MODEL; members in MODEL order.

/// UpdateChapCredentials output.
struct update_chap_credentials_result {
  std::optional<std::string> target_arn;
  std::optional<std::string> initiator_name;
  friend bool operator==(const update_chap_credentials_result&, const update_chap_credentials_result&) = default;
};
template <>
inline constexpr const shape_info* shape_of<update_chap_credentials_result> = &model::update_chap_credentials_output;

/// DeleteChapCredentials output.
struct delete_chap_credentials_result {
  std::optional<std::string> target_arn;
  std::optional<std::string> initiator_name;
  friend bool operator==(const delete_chap_credentials_result&, const delete_chap_credentials_result&) = default;
};
template <>
inline constexpr const shape_info* shape_of<delete_chap_credentials_result> = &model::delete_chap_credentials_output;

/// One element of DescribeChapCredentials' ChapCredentials (MODEL ChapInfo), members in MODEL
/// order. Secrets are held in `chap_secret` (unchecked: kept as sent). Move-only.
struct chap_info {
  std::optional<std::string> target_arn;
  std::optional<chap_secret> secret_to_authenticate_initiator;
  std::optional<std::string> initiator_name;
  std::optional<chap_secret> secret_to_authenticate_target;
  friend bool operator==(const chap_info&, const chap_info&) = default;
};
template <>
inline constexpr const shape_info* shape_of<chap_info> = &model::chap_info;

/// DescribeChapCredentials output. `chap_credentials` is absent when the body had no such
/// member (an empty body, `{}`, or `null`), and an empty vector for `[]`.
struct describe_chap_credentials_result {
  std::optional<std::vector<chap_info>> chap_credentials;
  friend bool operator==(const describe_chap_credentials_result&, const describe_chap_credentials_result&) = default;
};
template <>
inline constexpr const shape_info* shape_of<describe_chap_credentials_result> =
    &model::describe_chap_credentials_output;

/// The C++ types of each operation: its checked request and its result.
template <operation Op>
struct operation_types;
template <>
struct operation_types<operation::update_chap_credentials> {
  using request = update_chap_credentials_request;
  using result = update_chap_credentials_result;
};
template <>
struct operation_types<operation::describe_chap_credentials> {
  using request = describe_chap_credentials_request;
  using result = describe_chap_credentials_result;
};
template <>
struct operation_types<operation::delete_chap_credentials> {
  using request = delete_chap_credentials_request;
  using result = delete_chap_credentials_result;
};

/// Calls `f.template operator()<Op>()` with `op` as a template argument (its types are then
/// operation_types<Op>). Every call must return the same type.
template <class F>
constexpr decltype(auto) with_operation(operation op, F&& f) {
  return [&]<std::size_t... I>(std::index_sequence<I...>)->decltype(auto) {
    using R = decltype(f.template operator()<operation{}>());
    if constexpr (std::is_void_v<R>) {
      (void)((static_cast<std::size_t>(op) == I ? (f.template operator()<static_cast<operation>(I)>(), true) : false) ||
             ...);
    } else {
      std::optional<R> out;
      (void)((static_cast<std::size_t>(op) == I
                  ? (out.emplace(f.template operator()<static_cast<operation>(I)>()), true)
                  : false) ||
             ...);
      return std::move(*out);
    }
  }
  (std::make_index_sequence<operations.size()>{});
}

namespace detail {
/// True when `s` is the output shape of an operation.
[[nodiscard]] constexpr bool is_operation_output(const shape_info& s) noexcept {
  for (const operation_info& info : operations) {
    if (info.output.name == s.name) return true;  // by name: see detail::described
  }
  return false;
}
/// A checked request type (requests above): bound to an input table, knows its operation.
template <class T>
concept checked_request = described<T> && requires(const T& r) {
  { T::op } -> std::convertible_to<operation>;
  r.checked_profile();
};
/// A result type: bound to an operation's output table.
template <class T>
concept operation_result = described<T> && is_operation_output(*shape_of<std::remove_cvref_t<T>>);
}  // namespace detail

SGWCHAP_END_NAMESPACE
