// sgwchap — typed requests and results of the operations (operations.hpp). Light: no Boost.JSON,
// no fmt, nothing of the wire. A request holds validated owning values, so encoding never
// re-validates; a result holds what the service sent (constraints are not enforced on output:
// docs/sources.md SMITHY-JSON), and `validate(result)` (wire/validate.hpp) checks it on request.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/resource_arn.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/timestamp.hpp>

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

/// A list of texts, whatever holds them (std::string_view or std::string elements, contiguous):
/// what the requests' list members are checked from. Non-owning: the elements must outlive it.
class text_list {
 public:
  constexpr text_list() noexcept = default;
  constexpr text_list(std::span<const std::string_view> views) noexcept : views_(views.data()), size_(views.size()) {}
  constexpr text_list(std::span<const std::string> strings) noexcept
      : strings_(strings.data()), size_(strings.size()) {}

  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] constexpr std::string_view operator[](std::size_t i) const noexcept {
    return views_ != nullptr ? views_[i] : std::string_view(strings_[i]);
  }

 private:
  const std::string_view* views_{nullptr};
  const std::string* strings_{nullptr};
  std::size_t size_{0};
};

/// Checks a paging Marker (MODEL Marker: 1..2000 characters of UTF-8; it is opaque, taken from
/// a previous response). Errors, field Marker: invalid_utf8, too_short, too_long (characters).
[[nodiscard]] constexpr result<void> check_marker(std::string_view marker) noexcept {
  namespace L = paging_limits;
  const detail::utf8_scan scan = detail::scan_utf8(marker);
  if (!scan.ok) return tl::unexpected(detail::make_error(errc::invalid_utf8, field::marker, scan.error_offset));
  if (scan.scalars < L::marker_min_characters) {
    return tl::unexpected(detail::make_error(errc::too_short, field::marker, marker.size(), profile::aws_model,
                                             L::marker_min_characters, length_unit::characters));
  }
  if (scan.scalars > L::marker_max_characters) {
    return tl::unexpected(detail::make_error(errc::too_long, field::marker,
                                             detail::offset_of_scalar(marker, L::marker_max_characters),
                                             profile::aws_model, L::marker_max_characters, length_unit::characters));
  }
  return {};
}

/// Checks a paging Limit (MODEL PositiveIntObject: an integer, at least 1, at most int32's
/// maximum). Errors, field Limit: number_out_of_range (`limit`: the bound it broke).
[[nodiscard]] constexpr result<std::int32_t> check_limit(std::int64_t limit) noexcept {
  namespace L = paging_limits;
  if (limit < L::limit_min) {
    return tl::unexpected(detail::make_error(errc::number_out_of_range, field::limit, 0, profile::aws_model,
                                             static_cast<std::uint32_t>(L::limit_min)));
  }
  if (limit > L::limit_max) {
    return tl::unexpected(detail::make_error(errc::number_out_of_range, field::limit, 0, profile::aws_model,
                                             static_cast<std::uint32_t>(L::limit_max)));
  }
  return static_cast<std::int32_t>(limit);
}

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
/// A list of ARNs that passed its list check under `p` (not yet copied).
struct checked_text_list {
  text_list list;
  profile p;
};

/// What make_request takes for a member of owning type `M`: its text, its list of texts or its
/// number (nullopt: absent).
template <class M>
struct raw_member {
  using type = std::optional<std::string_view>;
};
template <class E, class A>
struct raw_member<std::vector<E, A>> {
  using type = std::optional<text_list>;
};
template <>
struct raw_member<std::int32_t> {
  using type = std::optional<std::int64_t>;
};
template <class M>
struct raw_member<std::optional<M>> : raw_member<M> {};
template <class M>
using raw_member_t = typename raw_member<M>::type;

/// What checking a member keeps until the request is built: a view into its text, or its value.
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
template <>
struct checked_member<sgwchap::gateway_arn> {
  using type = gateway_arn_view;
};
template <>
struct checked_member<std::string> {
  using type = std::string_view;
};
template <>
struct checked_member<std::int32_t> {
  using type = std::int32_t;
};
template <class E, class A>
struct checked_member<std::vector<E, A>> {
  using type = checked_text_list;
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
  /// for an ARN, a Marker, a list and a secret over 16 bytes (std::bad_alloc).
  template <class M>
  [[nodiscard]] static M own(const std::optional<checked_member_t<M>>& checked) {
    if constexpr (is_optional<M>::value) {
      if (!checked.has_value()) return M();
      return M(own<typename M::value_type>(checked));
    } else if constexpr (std::is_same_v<M, chap_secret>) {
      return chap_secret::checked_copy(checked->text, checked->p);
    } else if constexpr (is_vector<M>::value) {
      using E = typename M::value_type;
      M out;
      out.reserve(checked->list.size());
      for (std::size_t i = 0; i < checked->list.size(); ++i) {
        // Passed its list check under this profile: the parse cannot fail.
        out.emplace_back(*parse_resource_arn<E::view_type::kind>(checked->list[i], checked->p));
      }
      return out;
    } else {
      return M(*checked);  // ARNs and names from the view that passed; a Marker's text; a Limit
    }
  }
};

/// An element's own error from a list check names the element by its index in `detail`, unless
/// its rule uses `detail` itself (region_not_in_partition); the list's own errors (field of the
/// list: empty_list, mixed_gateways) carry it already.
[[nodiscard]] constexpr error list_member_error(const list_error& e, const member_info& m) noexcept {
  error out = e.err;
  if (out.which != m.which && out.code != errc::region_not_in_partition) {
    out.detail = static_cast<std::uint32_t>(e.index);
  }
  return out;
}

/// Checks the raw value of row `m` (owning type `M`) under `p` by the row's validator: a view
/// into the text (or the value), or the validator's first error (a list's: its element's error,
/// `detail` the element's index). `gateway`: the request's GatewayARN when it passed (the
/// VTLDeviceARNs rule), else nullptr. No allocation.
template <class M, class Raw>
[[nodiscard]] constexpr result<checked_member_t<M>> check_member(const Raw& value, const member_info& m, profile p,
                                                                 const gateway_arn_view* gateway = nullptr) noexcept {
  if constexpr (is_optional<M>::value) {
    return check_member<typename M::value_type>(value, m, p, gateway);
  } else if constexpr (std::is_same_v<M, sgwchap::target_arn>) {
    return parse_target_arn(value, p);
  } else if constexpr (std::is_same_v<M, sgwchap::iscsi_name>) {
    return parse_iscsi_name(value, p);
  } else if constexpr (std::is_same_v<M, sgwchap::gateway_arn>) {
    return parse_gateway_arn(value, p);
  } else if constexpr (std::is_same_v<M, std::string>) {
    if (auto r = check_marker(value); !r.has_value()) return tl::unexpected(r.error());
    return value;
  } else if constexpr (std::is_same_v<M, std::int32_t>) {
    return check_limit(value);
  } else if constexpr (is_vector<M>::value) {
    const list_result r = m.rule == value_rule::volume_arn
                              ? check_volume_arns_in(value, p)
                              : check_vtl_device_arns_in(gateway != nullptr ? *gateway : gateway_arn_view{}, value, p);
    if (!r.has_value()) return tl::unexpected(list_member_error(r.error(), m));
    return checked_text_list{value, p};
  } else {
    static_assert(std::is_same_v<M, chap_secret>, "check_member: no validator for this member type");
    const auto checked = check_chap_secret(value, p, m.which);
    if (!checked.has_value()) return tl::unexpected(checked.error());
    return checked_secret_text{value, p};
  }
}

/// The error for a required member that is absent (MODEL `required`, or a member the checked
/// request needs: ListVolumes' GatewayARN).
[[nodiscard]] constexpr error missing(const member_info& m) noexcept {
  return make_error(errc::missing_member, m.which, 0, profile::aws_model);
}

/// The cross-member rule of row `m` (must_differ_from), when both values passed their own checks.
[[nodiscard]] constexpr result<void> check_cross_member(const member_info& m, std::string_view value,
                                                        std::string_view other, profile p) noexcept {
  (void)m;  // the one cross-member rule: mutual CHAP (check_secrets_differ names the field itself)
  return check_secrets_differ(other, value, p);
}

/// The row of a shape's GatewayARN (value_rule::gateway_arn), or members.size().
[[nodiscard]] constexpr std::size_t gateway_row(const shape_info& s) noexcept {
  std::size_t i = 0;
  while (i < s.members.size() && s.members[i].rule != value_rule::gateway_arn) ++i;
  return i;
}

/// The GatewayARN (row G of `values`, which passed its check) as a view; empty when the shape
/// has no such row. (A function, not a discarded `if constexpr` branch: Clang 14 instantiates
/// std::get<G> there even when G is out of range.)
template <std::size_t G, class Values>
[[nodiscard]] constexpr gateway_arn_view gateway_from(const Values& values, profile p) noexcept {
  if constexpr (G < std::tuple_size_v<Values>) {
    const auto parsed = parse_gateway_arn(*std::get<G>(values), p);
    return parsed.has_value() ? *parsed : gateway_arn_view{};
  } else {
    (void)values;
    (void)p;
    return {};
  }
}

/// The raw values of a request's members, one per row of its table.
template <class Request, class Rows = std::make_index_sequence<shape_of<Request>->members.size()>>
struct raw_values_of;
template <class Request, std::size_t... I>
struct raw_values_of<Request, std::index_sequence<I...>> {
  using refs = decltype(members_of(std::declval<const Request&>()));
  using type = std::tuple<raw_member_t<std::remove_cvref_t<std::tuple_element_t<I, refs>>>...>;
};
template <class Request>
using raw_values = typename raw_values_of<Request>::type;

/// A checked request of type `Request` from the raw values of its members (row order; nullopt:
/// absent), under `p`. Errors, in row order: missing_member for an absent member the request
/// requires, the first error of each present member's validator, and each cross-member rule
/// whose members both passed (secrets_must_differ). Every member is checked first, on views;
/// only then is each copied, once, into the request, which is built in place inside the result.
/// Allocates only for the owning members (std::bad_alloc).
template <class Request>
[[nodiscard]] request_result<Request> make_request(const raw_values<Request>& values, profile p) {
  using refs = decltype(members_of(std::declval<const Request&>()));
  constexpr std::size_t N = std::tuple_size_v<refs>;
  constexpr std::size_t gw = gateway_row(*shape_of<Request>);
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
      const auto& value = std::get<J>(values);
      if (!value.has_value()) {
        if (m.required || !is_optional<M>::value) problems.push_back(missing(m));
        return;  // an absent optional member stays nullopt: a valid value
      }
      const gateway_arn_view* gateway = nullptr;
      gateway_arn_view gateway_view;
      if constexpr (m.rule == value_rule::vtl_device_arn && m.type == member_type::string_list) {
        if (gw < N && passed[gw < N ? gw : 0]) {  // the one rule that needs the request's gateway
          gateway_view = gateway_from<gw>(values, p);
          gateway = &gateway_view;
        }
      }
      auto r = check_member<M>(*value, m, p, gateway);
      if (!r.has_value()) {
        problems.push_back(r.error());
        return;
      }
      passed[J] = true;
      if constexpr (m.must_differ_from != member_info::no_row) {
        if (passed[m.must_differ_from]) {
          if (auto d = check_cross_member(m, *value, *std::get<m.must_differ_from>(values), p); !d.has_value()) {
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

/// make_request from each member's raw value, in row order (the tuple is formed here, where the
/// request's table is known: a request's own members call this before its shape_of is declared).
template <class Request, class... Raw>
[[nodiscard]] request_result<Request> make_request_from(profile p, const Raw&... raw) {
  return make_request<Request>(raw_values<Request>(raw...), p);
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
    return detail::make_request_from<update_chap_credentials_request>(p, arn, initiator_secret, initiator,
                                                                      target_secret);
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
    return detail::make_request_from<describe_chap_credentials_request>(p, arn);
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
    return detail::make_request_from<delete_chap_credentials_request>(p, arn, initiator);
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

/// ListVolumes input: GatewayARN, and the paging members Marker (from the previous page's
/// output) and Limit (at least 1). MODEL leaves GatewayARN optional; this request requires it,
/// as the workflow and the endpoint do: the gateway's region names the host.
class list_volumes_request {
 public:
  static constexpr operation op = operation::list_volumes;

  explicit list_volumes_request(sgwchap::gateway_arn gateway, std::optional<std::string> marker = std::nullopt,
                                std::optional<std::int32_t> limit = std::nullopt) noexcept
      : gateway_(std::move(gateway)), marker_(std::move(marker)), limit_(limit) {}

  list_volumes_request(detail::members_key, sgwchap::gateway_arn&& gateway, std::optional<std::string>&& marker,
                       std::optional<std::int32_t>&& limit) noexcept
      : gateway_(std::move(gateway)), marker_(std::move(marker)), limit_(limit) {}

  /// Checks every member under `p` and reports all problems at once, in member order: GatewayARN
  /// (parse_gateway_arn; missing_member when absent), Marker (check_marker), Limit (check_limit).
  /// Throws only std::bad_alloc.
  [[nodiscard]] static request_result<list_volumes_request> from_strings(
      std::string_view gateway, std::optional<std::string_view> marker = std::nullopt,
      std::optional<std::int64_t> limit = std::nullopt, profile p = profile::strict) {
    return detail::make_request_from<list_volumes_request>(p, gateway, marker, limit);
  }

  [[nodiscard]] const sgwchap::gateway_arn& gateway_arn() const noexcept { return gateway_; }
  [[nodiscard]] const std::optional<std::string>& marker() const noexcept { return marker_; }
  [[nodiscard]] std::optional<std::int32_t> limit() const noexcept { return limit_; }
  [[nodiscard]] profile checked_profile() const noexcept { return gateway_.checked_profile(); }

  friend bool operator==(const list_volumes_request&, const list_volumes_request&) = default;
  friend auto sgwchap_members(const list_volumes_request& r) noexcept {
    return std::tie(r.gateway_, r.marker_, r.limit_);
  }

 private:
  sgwchap::gateway_arn gateway_;
  std::optional<std::string> marker_;
  std::optional<std::int32_t> limit_;
};
template <>
inline constexpr const shape_info* shape_of<list_volumes_request> = &model::list_volumes_input;

/// DescribeStorediSCSIVolumes and DescribeCachediSCSIVolumes take the same input: VolumeARNs.
/// Use the two aliases below.
template <operation Op>
class describe_volumes_request {
 public:
  static constexpr operation op = Op;

  describe_volumes_request(detail::members_key, std::vector<sgwchap::volume_arn>&& arns) noexcept
      : arns_(std::move(arns)) {}

  /// Checks the list under `p` (check_volume_arns: each element's parse_volume_arn error with
  /// its index in `detail`; strict: empty_list, mixed_gateways). Throws only std::bad_alloc.
  [[nodiscard]] static request_result<describe_volumes_request> from_strings(text_list arns,
                                                                             profile p = profile::strict) {
    return detail::make_request_from<describe_volumes_request>(p, std::optional<text_list>(arns));
  }
  /// The same from a braced list: `from_strings({arn1, arn2})`.
  [[nodiscard]] static request_result<describe_volumes_request> from_strings(
      std::initializer_list<std::string_view> arns, profile p = profile::strict) {
    return from_strings(text_list(std::span<const std::string_view>(arns.begin(), arns.size())), p);
  }

  [[nodiscard]] const std::vector<sgwchap::volume_arn>& volume_arns() const noexcept { return arns_; }
  /// The weakest profile of the elements; aws_model for an empty list (only aws_model builds one).
  [[nodiscard]] profile checked_profile() const noexcept {
    profile p = arns_.empty() ? profile::aws_model : profile::strict;
    for (const auto& a : arns_) p = weakest(p, a.checked_profile());
    return p;
  }

  friend bool operator==(const describe_volumes_request&, const describe_volumes_request&) = default;
  friend auto sgwchap_members(const describe_volumes_request& r) noexcept { return std::tie(r.arns_); }

 private:
  std::vector<sgwchap::volume_arn> arns_;
};

/// DescribeStorediSCSIVolumes input: VolumeARNs (required).
using describe_stored_iscsi_volumes_request = describe_volumes_request<operation::describe_stored_iscsi_volumes>;
/// DescribeCachediSCSIVolumes input: VolumeARNs (required).
using describe_cached_iscsi_volumes_request = describe_volumes_request<operation::describe_cached_iscsi_volumes>;
template <>
inline constexpr const shape_info* shape_of<describe_stored_iscsi_volumes_request> =
    &model::describe_stored_iscsi_volumes_input;
template <>
inline constexpr const shape_info* shape_of<describe_cached_iscsi_volumes_request> =
    &model::describe_cached_iscsi_volumes_input;

/// DescribeVTLDevices input: GatewayARN (required), VTLDeviceARNs (absent or empty: every device
/// of the gateway), Marker and Limit.
class describe_vtl_devices_request {
 public:
  static constexpr operation op = operation::describe_vtl_devices;

  explicit describe_vtl_devices_request(sgwchap::gateway_arn gateway) noexcept : gateway_(std::move(gateway)) {}

  describe_vtl_devices_request(detail::members_key, sgwchap::gateway_arn&& gateway,
                               std::optional<std::vector<sgwchap::vtl_device_arn>>&& devices,
                               std::optional<std::string>&& marker, std::optional<std::int32_t>&& limit) noexcept
      : gateway_(std::move(gateway)), devices_(std::move(devices)), marker_(std::move(marker)), limit_(limit) {}

  /// Checks every member under `p` and reports all problems at once, in member order: GatewayARN,
  /// VTLDeviceARNs (check_vtl_device_arns against that gateway; an element's error has its index
  /// in `detail`), Marker, Limit. Throws only std::bad_alloc.
  [[nodiscard]] static request_result<describe_vtl_devices_request> from_strings(
      std::string_view gateway, std::optional<text_list> devices = std::nullopt,
      std::optional<std::string_view> marker = std::nullopt, std::optional<std::int64_t> limit = std::nullopt,
      profile p = profile::strict) {
    return detail::make_request_from<describe_vtl_devices_request>(p, gateway, devices, marker, limit);
  }

  [[nodiscard]] const sgwchap::gateway_arn& gateway_arn() const noexcept { return gateway_; }
  [[nodiscard]] const std::optional<std::vector<sgwchap::vtl_device_arn>>& vtl_device_arns() const noexcept {
    return devices_;
  }
  [[nodiscard]] const std::optional<std::string>& marker() const noexcept { return marker_; }
  [[nodiscard]] std::optional<std::int32_t> limit() const noexcept { return limit_; }
  [[nodiscard]] profile checked_profile() const noexcept {
    profile p = gateway_.checked_profile();
    if (devices_.has_value()) {
      for (const auto& d : *devices_) p = weakest(p, d.checked_profile());
    }
    return p;
  }

  friend bool operator==(const describe_vtl_devices_request&, const describe_vtl_devices_request&) = default;
  friend auto sgwchap_members(const describe_vtl_devices_request& r) noexcept {
    return std::tie(r.gateway_, r.devices_, r.marker_, r.limit_);
  }

 private:
  sgwchap::gateway_arn gateway_;
  std::optional<std::vector<sgwchap::vtl_device_arn>> devices_;
  std::optional<std::string> marker_;
  std::optional<std::int32_t> limit_;
};
template <>
inline constexpr const shape_info* shape_of<describe_vtl_devices_request> = &model::describe_vtl_devices_input;

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

/// VolumeiSCSIAttributes: where an initiator logs in to a volume, and whether CHAP is on.
struct volume_iscsi_attributes {
  std::optional<std::string> target_arn;
  std::optional<std::string> network_interface_id;
  std::optional<std::int32_t> network_interface_port;
  std::optional<std::int32_t> lun_number;
  std::optional<bool> chap_enabled;
  friend bool operator==(const volume_iscsi_attributes&, const volume_iscsi_attributes&) = default;
};
template <>
inline constexpr const shape_info* shape_of<volume_iscsi_attributes> = &model::volume_iscsi_attributes;

/// DeviceiSCSIAttributes: the same for a VTL device (no LUN).
struct device_iscsi_attributes {
  std::optional<std::string> target_arn;
  std::optional<std::string> network_interface_id;
  std::optional<std::int32_t> network_interface_port;
  std::optional<bool> chap_enabled;
  friend bool operator==(const device_iscsi_attributes&, const device_iscsi_attributes&) = default;
};
template <>
inline constexpr const shape_info* shape_of<device_iscsi_attributes> = &model::device_iscsi_attributes;

/// One element of ListVolumes' VolumeInfos (MODEL VolumeInfo).
struct volume_info {
  std::optional<std::string> volume_arn;
  std::optional<std::string> volume_id;
  std::optional<std::string> gateway_arn;
  std::optional<std::string> gateway_id;
  std::optional<std::string> volume_type;
  std::optional<std::int64_t> volume_size_in_bytes;
  std::optional<std::string> volume_attachment_status;
  friend bool operator==(const volume_info&, const volume_info&) = default;
};
template <>
inline constexpr const shape_info* shape_of<volume_info> = &model::volume_info;

/// ListVolumes output. `marker`, when present, asks for the next page.
struct list_volumes_result {
  std::optional<std::string> gateway_arn;
  std::optional<std::string> marker;
  std::optional<std::vector<volume_info>> volume_infos;
  friend bool operator==(const list_volumes_result&, const list_volumes_result&) = default;
};
template <>
inline constexpr const shape_info* shape_of<list_volumes_result> = &model::list_volumes_output;

/// One element of DescribeStorediSCSIVolumes' StorediSCSIVolumes (MODEL StorediSCSIVolume).
/// `created_date` is exact to the nanosecond (timestamp.hpp); sizes are exact int64.
struct stored_iscsi_volume {
  std::optional<std::string> volume_arn;
  std::optional<std::string> volume_id;
  std::optional<std::string> volume_type;
  std::optional<std::string> volume_status;
  std::optional<std::string> volume_attachment_status;
  std::optional<std::int64_t> volume_size_in_bytes;
  std::optional<double> volume_progress;
  std::optional<std::string> volume_disk_id;
  std::optional<std::string> source_snapshot_id;
  std::optional<bool> preserved_existing_data;
  std::optional<sgwchap::volume_iscsi_attributes> volume_iscsi_attributes;
  std::optional<timestamp> created_date;
  std::optional<std::int64_t> volume_used_in_bytes;
  std::optional<std::string> kms_key;
  std::optional<std::string> target_name;
  friend bool operator==(const stored_iscsi_volume&, const stored_iscsi_volume&) = default;
};
template <>
inline constexpr const shape_info* shape_of<stored_iscsi_volume> = &model::stored_iscsi_volume;

/// DescribeStorediSCSIVolumes output.
struct describe_stored_iscsi_volumes_result {
  std::optional<std::vector<stored_iscsi_volume>> stored_iscsi_volumes;
  friend bool operator==(const describe_stored_iscsi_volumes_result&,
                         const describe_stored_iscsi_volumes_result&) = default;
};
template <>
inline constexpr const shape_info* shape_of<describe_stored_iscsi_volumes_result> =
    &model::describe_stored_iscsi_volumes_output;

/// One element of DescribeCachediSCSIVolumes' CachediSCSIVolumes (MODEL CachediSCSIVolume).
struct cached_iscsi_volume {
  std::optional<std::string> volume_arn;
  std::optional<std::string> volume_id;
  std::optional<std::string> volume_type;
  std::optional<std::string> volume_status;
  std::optional<std::string> volume_attachment_status;
  std::optional<std::int64_t> volume_size_in_bytes;
  std::optional<double> volume_progress;
  std::optional<std::string> source_snapshot_id;
  std::optional<sgwchap::volume_iscsi_attributes> volume_iscsi_attributes;
  std::optional<timestamp> created_date;
  std::optional<std::int64_t> volume_used_in_bytes;
  std::optional<std::string> kms_key;
  std::optional<std::string> target_name;
  friend bool operator==(const cached_iscsi_volume&, const cached_iscsi_volume&) = default;
};
template <>
inline constexpr const shape_info* shape_of<cached_iscsi_volume> = &model::cached_iscsi_volume;

/// DescribeCachediSCSIVolumes output.
struct describe_cached_iscsi_volumes_result {
  std::optional<std::vector<cached_iscsi_volume>> cached_iscsi_volumes;
  friend bool operator==(const describe_cached_iscsi_volumes_result&,
                         const describe_cached_iscsi_volumes_result&) = default;
};
template <>
inline constexpr const shape_info* shape_of<describe_cached_iscsi_volumes_result> =
    &model::describe_cached_iscsi_volumes_output;

/// One element of DescribeVTLDevices' VTLDevices (MODEL VTLDevice).
struct vtl_device {
  std::optional<std::string> vtl_device_arn;
  std::optional<std::string> vtl_device_type;
  std::optional<std::string> vtl_device_vendor;
  std::optional<std::string> vtl_device_product_identifier;
  std::optional<sgwchap::device_iscsi_attributes> device_iscsi_attributes;
  friend bool operator==(const vtl_device&, const vtl_device&) = default;
};
template <>
inline constexpr const shape_info* shape_of<vtl_device> = &model::vtl_device;

/// DescribeVTLDevices output. `marker`, when present, asks for the next page.
struct describe_vtl_devices_result {
  std::optional<std::string> gateway_arn;
  std::optional<std::vector<vtl_device>> vtl_devices;
  std::optional<std::string> marker;
  friend bool operator==(const describe_vtl_devices_result&, const describe_vtl_devices_result&) = default;
};
template <>
inline constexpr const shape_info* shape_of<describe_vtl_devices_result> = &model::describe_vtl_devices_output;

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
template <>
struct operation_types<operation::list_volumes> {
  using request = list_volumes_request;
  using result = list_volumes_result;
};
template <>
struct operation_types<operation::describe_stored_iscsi_volumes> {
  using request = describe_stored_iscsi_volumes_request;
  using result = describe_stored_iscsi_volumes_result;
};
template <>
struct operation_types<operation::describe_cached_iscsi_volumes> {
  using request = describe_cached_iscsi_volumes_request;
  using result = describe_cached_iscsi_volumes_result;
};
template <>
struct operation_types<operation::describe_vtl_devices> {
  using request = describe_vtl_devices_request;
  using result = describe_vtl_devices_result;
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
