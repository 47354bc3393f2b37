// sgwchap — unchecked requests: raw values, visibly named, for request bodies read from files
// (`sgwchap validate request`) and for tests of the service's own checks. Any member may be
// absent. The encoder still refuses invalid UTF-8 (its output is always valid JSON); nothing
// else is checked. `check_request` turns one into a checked request, reporting every problem.
// Light: no Boost.JSON.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// The unchecked twin of each checked request type.
template <class Request>
struct unchecked_of;

/// UpdateChapCredentials input, unchecked. Secrets are held in `chap_secret` (wiped). Move-only.
struct unchecked_update_chap_credentials_request {
  static constexpr operation op = operation::update_chap_credentials;
  using checked_type = update_chap_credentials_request;
  std::optional<std::string> target_arn;
  std::optional<chap_secret> secret_to_authenticate_initiator;
  std::optional<std::string> initiator_name;
  std::optional<chap_secret> secret_to_authenticate_target;
  friend bool operator==(const unchecked_update_chap_credentials_request&,
                         const unchecked_update_chap_credentials_request&) = default;
};
template <>
inline constexpr const shape_info* shape_of<unchecked_update_chap_credentials_request> =
    &model::update_chap_credentials_input;
template <>
struct unchecked_of<update_chap_credentials_request> {
  using type = unchecked_update_chap_credentials_request;
};

/// DescribeChapCredentials input, unchecked.
struct unchecked_describe_chap_credentials_request {
  static constexpr operation op = operation::describe_chap_credentials;
  using checked_type = describe_chap_credentials_request;
  std::optional<std::string> target_arn;
  friend bool operator==(const unchecked_describe_chap_credentials_request&,
                         const unchecked_describe_chap_credentials_request&) = default;
};
template <>
inline constexpr const shape_info* shape_of<unchecked_describe_chap_credentials_request> =
    &model::describe_chap_credentials_input;
template <>
struct unchecked_of<describe_chap_credentials_request> {
  using type = unchecked_describe_chap_credentials_request;
};

/// DeleteChapCredentials input, unchecked.
struct unchecked_delete_chap_credentials_request {
  static constexpr operation op = operation::delete_chap_credentials;
  using checked_type = delete_chap_credentials_request;
  std::optional<std::string> target_arn;
  std::optional<std::string> initiator_name;
  friend bool operator==(const unchecked_delete_chap_credentials_request&,
                         const unchecked_delete_chap_credentials_request&) = default;
};
template <>
inline constexpr const shape_info* shape_of<unchecked_delete_chap_credentials_request> =
    &model::delete_chap_credentials_input;
template <>
struct unchecked_of<delete_chap_credentials_request> {
  using type = unchecked_delete_chap_credentials_request;
};

namespace detail {
template <class T>
concept unchecked_request = requires {
  typename T::checked_type;
}
&&described<T>&& described<typename T::checked_type>;
}  // namespace detail

/// The unchecked twin of a checked request (copies; the secrets too). Throws only std::bad_alloc.
template <class Request>
requires detail::checked_request<Request>
[[nodiscard]] auto to_unchecked(const Request& r) {
  using U = typename unchecked_of<Request>::type;
  static_assert(std::is_same_v<typename U::checked_type, Request>);
  U u;
  const auto from = detail::members_of(r);
  detail::for_each_member(u, [&](auto i, auto& to) {
    const auto& value = std::get<decltype(i)::value>(from);
    if (!detail::is_present(value)) return;
    using To = std::remove_cvref_t<decltype(to)>;
    if constexpr (std::is_same_v<To, std::optional<chap_secret>>) {
      if constexpr (detail::is_optional<std::remove_cvref_t<decltype(value)>>::value) {
        to = value->clone();
      } else {
        to = value.clone();
      }
    } else {
      to.emplace(*detail::text_of(value));
    }
  });
  return u;
}

/// Checks an unchecked request under `p` and makes the checked request. Errors, in MODEL member
/// order (operations.hpp): missing_member (offset 0) for each absent required member (MODEL
/// `required`); the first error of each present member's validator (parse_target_arn,
/// check_chap_secret, parse_iscsi_name); secrets_must_differ (RFC 3720 §8.2.1) when both
/// secrets are valid and equal. The same rows as the request's `from_strings`.
/// Throws only std::bad_alloc (allocation failure), when the owning members are built.
template <class Unchecked>
requires detail::unchecked_request<Unchecked>
[[nodiscard]] request_result<typename Unchecked::checked_type> check_request(const Unchecked& u,
                                                                             profile p = profile::strict) {
  constexpr std::size_t n = shape_of<Unchecked>->members.size();
  std::array<std::optional<std::string_view>, n> values{};
  detail::for_each_member(u, [&](auto i, const auto& value) { values[i] = detail::text_of(value); });
  return detail::make_request<typename Unchecked::checked_type, n>(values, p);
}

SGWCHAP_END_NAMESPACE
