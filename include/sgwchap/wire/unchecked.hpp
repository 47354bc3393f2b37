// sgwchap — unchecked requests: raw values, visibly named, for request bodies read from files
// (`sgwchap validate request`) and for tests of the service's own checks. Any member may be
// absent. The encoder still refuses invalid UTF-8 (its output is always valid JSON); nothing
// else is checked. `check_request` turns one into a checked request, reporting every problem.
// Light: no Boost.JSON.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

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

/// ListVolumes input, unchecked.
struct unchecked_list_volumes_request {
  static constexpr operation op = operation::list_volumes;
  using checked_type = list_volumes_request;
  std::optional<std::string> gateway_arn;
  std::optional<std::string> marker;
  std::optional<std::int32_t> limit;
  friend bool operator==(const unchecked_list_volumes_request&, const unchecked_list_volumes_request&) = default;
};
template <>
inline constexpr const shape_info* shape_of<unchecked_list_volumes_request> = &model::list_volumes_input;
template <>
struct unchecked_of<list_volumes_request> {
  using type = unchecked_list_volumes_request;
};

/// DescribeStorediSCSIVolumes input, unchecked.
struct unchecked_describe_stored_iscsi_volumes_request {
  static constexpr operation op = operation::describe_stored_iscsi_volumes;
  using checked_type = describe_stored_iscsi_volumes_request;
  std::optional<std::vector<std::string>> volume_arns;
  friend bool operator==(const unchecked_describe_stored_iscsi_volumes_request&,
                         const unchecked_describe_stored_iscsi_volumes_request&) = default;
};
template <>
inline constexpr const shape_info* shape_of<unchecked_describe_stored_iscsi_volumes_request> =
    &model::describe_stored_iscsi_volumes_input;
template <>
struct unchecked_of<describe_stored_iscsi_volumes_request> {
  using type = unchecked_describe_stored_iscsi_volumes_request;
};

/// DescribeCachediSCSIVolumes input, unchecked.
struct unchecked_describe_cached_iscsi_volumes_request {
  static constexpr operation op = operation::describe_cached_iscsi_volumes;
  using checked_type = describe_cached_iscsi_volumes_request;
  std::optional<std::vector<std::string>> volume_arns;
  friend bool operator==(const unchecked_describe_cached_iscsi_volumes_request&,
                         const unchecked_describe_cached_iscsi_volumes_request&) = default;
};
template <>
inline constexpr const shape_info* shape_of<unchecked_describe_cached_iscsi_volumes_request> =
    &model::describe_cached_iscsi_volumes_input;
template <>
struct unchecked_of<describe_cached_iscsi_volumes_request> {
  using type = unchecked_describe_cached_iscsi_volumes_request;
};

/// DescribeVTLDevices input, unchecked.
struct unchecked_describe_vtl_devices_request {
  static constexpr operation op = operation::describe_vtl_devices;
  using checked_type = describe_vtl_devices_request;
  std::optional<std::string> gateway_arn;
  std::optional<std::vector<std::string>> vtl_device_arns;
  std::optional<std::string> marker;
  std::optional<std::int32_t> limit;
  friend bool operator==(const unchecked_describe_vtl_devices_request&,
                         const unchecked_describe_vtl_devices_request&) = default;
};
template <>
inline constexpr const shape_info* shape_of<unchecked_describe_vtl_devices_request> =
    &model::describe_vtl_devices_input;
template <>
struct unchecked_of<describe_vtl_devices_request> {
  using type = unchecked_describe_vtl_devices_request;
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
    using From = std::remove_cvref_t<decltype(value)>;
    if constexpr (std::is_same_v<To, std::optional<chap_secret>>) {
      if constexpr (detail::is_optional<From>::value) {
        to = value->clone();
      } else {
        to = value.clone();
      }
    } else if constexpr (std::is_same_v<To, std::optional<std::vector<std::string>>>) {
      const auto& list = [&]() -> const auto& {
        if constexpr (detail::is_optional<From>::value) {
          return *value;
        } else {
          return value;
        }
      }
      ();
      auto& out = to.emplace();
      out.reserve(list.size());
      for (const auto& element : list) out.emplace_back(element.str());
    } else if constexpr (std::is_same_v<To, std::optional<std::int32_t>>) {
      to = value;
    } else {
      to.emplace(*detail::text_of(value));
    }
  });
  return u;
}

namespace detail {
/// The raw value make_request takes for one member of an unchecked request (views into it).
template <class M>
[[nodiscard]] auto raw_of(const M& value) noexcept {
  if constexpr (std::is_same_v<M, std::optional<std::vector<std::string>>>) {
    return value.has_value() ? std::optional<text_list>(text_list(std::span<const std::string>(*value)))
                             : std::optional<text_list>();
  } else if constexpr (std::is_same_v<M, std::optional<std::int32_t>>) {
    return value.has_value() ? std::optional<std::int64_t>(*value) : std::optional<std::int64_t>();
  } else {
    return text_of(value);
  }
}
}  // namespace detail

/// Checks an unchecked request under `p` and makes the checked request. Errors, in MODEL member
/// order (operations.hpp): missing_member (offset 0) for each absent member the checked request
/// requires (MODEL `required`; ListVolumes' GatewayARN); the first error of each present member's
/// validator (parse_target_arn, check_chap_secret, parse_iscsi_name, parse_gateway_arn, the ARN
/// lists' checks, check_marker, check_limit); secrets_must_differ (RFC 3720 §8.2.1) when both
/// secrets are valid and equal. The same rows as the request's `from_strings`.
/// Throws only std::bad_alloc (allocation failure), when the owning members are built.
template <class Unchecked>
requires detail::unchecked_request<Unchecked>
[[nodiscard]] request_result<typename Unchecked::checked_type> check_request(const Unchecked& u,
                                                                             profile p = profile::strict) {
  using Request = typename Unchecked::checked_type;
  detail::raw_values<Request> values;
  detail::for_each_member(
      u, [&](auto i, const auto& value) { std::get<decltype(i)::value>(values) = detail::raw_of(value); });
  return detail::make_request<Request>(values, p);
}

SGWCHAP_END_NAMESPACE
