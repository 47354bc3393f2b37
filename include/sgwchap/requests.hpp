// sgwchap — typed requests and results of the three CHAP operations (SPEC §1). Light: no
// Boost.JSON, no fmt. A request holds validated owning values, so encoding never re-validates.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/decode_error.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/http_request.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/secure_buffer.hpp>
#include <sgwchap/service_error.hpp>
#include <sgwchap/target_arn.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// The three operations (SPEC §1).
enum class operation : std::uint8_t { update_chap_credentials, describe_chap_credentials, delete_chap_credentials };

/// MODEL's operation name, e.g. "UpdateChapCredentials".
[[nodiscard]] constexpr std::string_view operation_name(operation op) noexcept {
  switch (op) {
    case operation::update_chap_credentials: return "UpdateChapCredentials";
    case operation::describe_chap_credentials: return "DescribeChapCredentials";
    case operation::delete_chap_credentials: return "DeleteChapCredentials";
  }
  return "UpdateChapCredentials";
}

/// Accepts MODEL's name ("UpdateChapCredentials") and the CLI's ("update-chap-credentials").
[[nodiscard]] constexpr std::optional<operation> parse_operation(std::string_view name) noexcept {
  constexpr std::array<std::pair<std::string_view, operation>, 6> names{{
      {"UpdateChapCredentials", operation::update_chap_credentials},
      {"DescribeChapCredentials", operation::describe_chap_credentials},
      {"DeleteChapCredentials", operation::delete_chap_credentials},
      {"update-chap-credentials", operation::update_chap_credentials},
      {"describe-chap-credentials", operation::describe_chap_credentials},
      {"delete-chap-credentials", operation::delete_chap_credentials},
  }};
  for (const auto& [spelling, op] : names) {
    if (spelling == name) return op;
  }
  return std::nullopt;
}

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
// Requests

namespace detail::builders {
struct update_request_access;  // builders.hpp
}  // namespace detail::builders

/// UpdateChapCredentials input: TargetARN, SecretToAuthenticateInitiator, InitiatorName
/// (required), SecretToAuthenticateTarget (optional; when present it differs from the
/// initiator's secret under strict). Move-only (it holds secrets).
class update_chap_credentials_request {
 public:
  static constexpr operation op = operation::update_chap_credentials;

  /// One-way CHAP: always valid once its parts are.
  update_chap_credentials_request(sgwchap::target_arn arn, sgwchap::iscsi_name initiator,
                                  chap_secret initiator_secret) noexcept
      : arn_(std::move(arn)), initiator_(std::move(initiator)), initiator_secret_(std::move(initiator_secret)) {}

  /// For the builders only (the key is theirs): each member is moved once, from the builder's
  /// state into the request, which the builder constructs inside its result. Mutual CHAP here
  /// does not check that the secrets differ: detail::builders::update_request_access::mutual
  /// does, first.
  class builder_key {
    friend struct detail::builders::update_request_access;
    constexpr builder_key() noexcept = default;
  };
  update_chap_credentials_request(builder_key, sgwchap::target_arn&& arn, sgwchap::iscsi_name&& initiator,
                                  chap_secret&& initiator_secret) noexcept
      : arn_(std::move(arn)), initiator_(std::move(initiator)), initiator_secret_(std::move(initiator_secret)) {}
  update_chap_credentials_request(builder_key, sgwchap::target_arn&& arn, sgwchap::iscsi_name&& initiator,
                                  chap_secret&& initiator_secret, chap_secret&& target_secret) noexcept
      : arn_(std::move(arn)),
        initiator_(std::move(initiator)),
        initiator_secret_(std::move(initiator_secret)),
        target_secret_(std::in_place, std::move(target_secret)) {}

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

  /// Checks every member of raw strings under `p` and reports all problems at once.
  /// Throws only std::bad_alloc (allocation failure), when the owning TargetARN or a secret
  /// longer than 16 bytes (aws_model) is stored on the heap.
  [[nodiscard]] static request_result<update_chap_credentials_request> from_strings(
      std::string_view arn, std::string_view initiator, std::string_view initiator_secret,
      std::optional<std::string_view> target_secret, profile p = profile::strict) {
    error_list problems;
    const auto arn_view = parse_target_arn(arn, p);
    if (!arn_view.has_value()) problems.push_back(arn_view.error());
    const auto initiator_secret_ok = check_chap_secret(initiator_secret, p, field::secret_to_authenticate_initiator);
    if (!initiator_secret_ok.has_value()) problems.push_back(initiator_secret_ok.error());
    const auto name_view = parse_iscsi_name(initiator, p);
    if (!name_view.has_value()) problems.push_back(name_view.error());
    if (target_secret.has_value()) {
      const auto target_secret_ok = check_chap_secret(*target_secret, p, field::secret_to_authenticate_target);
      if (!target_secret_ok.has_value()) {
        problems.push_back(target_secret_ok.error());
      } else if (initiator_secret_ok.has_value()) {
        const auto differ = check_secrets_differ(initiator_secret, *target_secret, p);
        if (!differ.has_value()) problems.push_back(differ.error());
      }
    }
    if (!problems.empty()) return tl::unexpected(problems);
    auto secret = chap_secret::make(initiator_secret, p, field::secret_to_authenticate_initiator);
    update_chap_credentials_request request(sgwchap::target_arn(*arn_view), sgwchap::iscsi_name(*name_view),
                                            std::move(*secret));
    if (target_secret.has_value()) {
      auto second = chap_secret::make(*target_secret, p, field::secret_to_authenticate_target);
      request.target_secret_ = std::move(*second);
    }
    return request;
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

 private:
  sgwchap::target_arn arn_;
  sgwchap::iscsi_name initiator_;
  chap_secret initiator_secret_;
  std::optional<chap_secret> target_secret_;
};

/// DescribeChapCredentials input: TargetARN (required).
class describe_chap_credentials_request {
 public:
  static constexpr operation op = operation::describe_chap_credentials;

  explicit describe_chap_credentials_request(sgwchap::target_arn arn) noexcept : arn_(std::move(arn)) {}

  /// Checks a raw TargetARN under `p` (grammar: SPEC §4, MODEL TargetARN: length 50..800, then
  /// arn:PARTITION:storagegateway:REGION:ACCOUNT:gateway/GATEWAY-ID/target/TARGET-IQN).
  /// Errors: a one-row error_list holding the first error of parse_target_arn (too_short,
  /// too_long, invalid_utf8, bad_prefix, unknown_partition, bad_service, bad_region,
  /// region_not_in_partition, bad_account_id, bad_resource_type, bad_gateway_id,
  /// lowercase_gateway_id, bad_target_prefix, bad_target_name, ...; field TargetARN, byte offset).
  /// Throws only std::bad_alloc (allocation failure), when the owning target_arn is built.
  [[nodiscard]] static request_result<describe_chap_credentials_request> from_strings(std::string_view arn,
                                                                                      profile p = profile::strict) {
    const auto view = parse_target_arn(arn, p);
    if (!view.has_value()) {
      error_list problems;
      problems.push_back(view.error());
      return tl::unexpected(problems);
    }
    return describe_chap_credentials_request(sgwchap::target_arn(*view));
  }

  [[nodiscard]] const sgwchap::target_arn& target_arn() const noexcept { return arn_; }
  [[nodiscard]] profile checked_profile() const noexcept { return arn_.checked_profile(); }

  friend bool operator==(const describe_chap_credentials_request&, const describe_chap_credentials_request&) = default;

 private:
  sgwchap::target_arn arn_;
};

/// DeleteChapCredentials input: TargetARN and InitiatorName (both required).
class delete_chap_credentials_request {
 public:
  static constexpr operation op = operation::delete_chap_credentials;

  delete_chap_credentials_request(sgwchap::target_arn arn, sgwchap::iscsi_name initiator) noexcept
      : arn_(std::move(arn)), initiator_(std::move(initiator)) {}

  /// Checks a raw TargetARN (SPEC §4, as describe_chap_credentials_request::from_strings) and a
  /// raw InitiatorName (SPEC §5, MODEL IqnName: iqn./eui./naa. names of RFC 3720 §3.2.6.3,
  /// 1..255 bytes of [0-9a-z:.-] under aws_model) under `p`, and reports all problems at once.
  /// Errors: an error_list with the first error of each member that fails, in member order
  /// (TargetARN, then InitiatorName: too_short, too_long, invalid_character,
  /// uppercase_character, bad_prefix, bad_iqn_date, iqn_month_out_of_range, empty_domain_label,
  /// ...), each with its field and byte offset.
  /// Throws only std::bad_alloc (allocation failure), when the owning target_arn is built.
  [[nodiscard]] static request_result<delete_chap_credentials_request> from_strings(std::string_view arn,
                                                                                    std::string_view initiator,
                                                                                    profile p = profile::strict) {
    error_list problems;
    const auto arn_view = parse_target_arn(arn, p);
    if (!arn_view.has_value()) problems.push_back(arn_view.error());
    const auto name_view = parse_iscsi_name(initiator, p);
    if (!name_view.has_value()) problems.push_back(name_view.error());
    if (!problems.empty()) return tl::unexpected(problems);
    return delete_chap_credentials_request(sgwchap::target_arn(*arn_view), sgwchap::iscsi_name(*name_view));
  }

  [[nodiscard]] const sgwchap::target_arn& target_arn() const noexcept { return arn_; }
  [[nodiscard]] const sgwchap::iscsi_name& initiator_name() const noexcept { return initiator_; }
  [[nodiscard]] profile checked_profile() const noexcept {
    return weakest(arn_.checked_profile(), initiator_.checked_profile());
  }

  friend bool operator==(const delete_chap_credentials_request&, const delete_chap_credentials_request&) = default;

 private:
  sgwchap::target_arn arn_;
  sgwchap::iscsi_name initiator_;
};

// ---------------------------------------------------------------------------------------------
// Results: values as the service sent them (SPEC §3: constraints are not enforced on output).
// Every member is optional, as in MODEL.

/// UpdateChapCredentials output.
struct update_chap_credentials_result {
  std::optional<std::string> target_arn;
  std::optional<std::string> initiator_name;
  friend bool operator==(const update_chap_credentials_result&, const update_chap_credentials_result&) = default;
};

/// DeleteChapCredentials output.
struct delete_chap_credentials_result {
  std::optional<std::string> target_arn;
  std::optional<std::string> initiator_name;
  friend bool operator==(const delete_chap_credentials_result&, const delete_chap_credentials_result&) = default;
};

/// One element of DescribeChapCredentials' ChapCredentials (MODEL ChapInfo), members in MODEL
/// order. Secrets are held in `chap_secret` (unchecked: kept as sent). Move-only.
struct chap_info {
  std::optional<std::string> target_arn;
  std::optional<chap_secret> secret_to_authenticate_initiator;
  std::optional<std::string> initiator_name;
  std::optional<chap_secret> secret_to_authenticate_target;
  friend bool operator==(const chap_info&, const chap_info&) = default;
};

/// DescribeChapCredentials output. `chap_credentials` is absent when the body had no such
/// member (an empty body, `{}`, or `null`), and an empty vector for `[]`.
struct describe_chap_credentials_result {
  std::optional<std::vector<chap_info>> chap_credentials;
  friend bool operator==(const describe_chap_credentials_result&, const describe_chap_credentials_result&) = default;
};

// ---------------------------------------------------------------------------------------------
// Unchecked requests: raw values, visibly named, for tests of the service's own checks and for
// request bodies read from files (`sgwchap validate request`). Any member may be absent. The
// encoder still refuses invalid UTF-8 (its output is always valid JSON); nothing else is checked.
// `check_request` turns one into a checked request, reporting every problem.

/// UpdateChapCredentials input, unchecked. Secrets are held in `chap_secret` (wiped). Move-only.
struct unchecked_update_chap_credentials_request {
  static constexpr operation op = operation::update_chap_credentials;
  std::optional<std::string> target_arn;
  std::optional<chap_secret> secret_to_authenticate_initiator;
  std::optional<std::string> initiator_name;
  std::optional<chap_secret> secret_to_authenticate_target;
  friend bool operator==(const unchecked_update_chap_credentials_request&,
                         const unchecked_update_chap_credentials_request&) = default;
};

/// DescribeChapCredentials input, unchecked.
struct unchecked_describe_chap_credentials_request {
  static constexpr operation op = operation::describe_chap_credentials;
  std::optional<std::string> target_arn;
  friend bool operator==(const unchecked_describe_chap_credentials_request&,
                         const unchecked_describe_chap_credentials_request&) = default;
};

/// DeleteChapCredentials input, unchecked.
struct unchecked_delete_chap_credentials_request {
  static constexpr operation op = operation::delete_chap_credentials;
  std::optional<std::string> target_arn;
  std::optional<std::string> initiator_name;
  friend bool operator==(const unchecked_delete_chap_credentials_request&,
                         const unchecked_delete_chap_credentials_request&) = default;
};

/// The unchecked twin of a checked request (copies; the secrets too).
[[nodiscard]] inline unchecked_update_chap_credentials_request to_unchecked(const update_chap_credentials_request& r) {
  unchecked_update_chap_credentials_request u;
  u.target_arn.emplace(r.target_arn().str());
  u.secret_to_authenticate_initiator = r.secret_to_authenticate_initiator().clone();
  u.initiator_name.emplace(r.initiator_name().str());
  if (const chap_secret* t = r.secret_to_authenticate_target(); t != nullptr)
    u.secret_to_authenticate_target = t->clone();
  return u;
}
[[nodiscard]] inline unchecked_describe_chap_credentials_request to_unchecked(
    const describe_chap_credentials_request& r) {
  return {std::string(r.target_arn().str())};
}
[[nodiscard]] inline unchecked_delete_chap_credentials_request to_unchecked(const delete_chap_credentials_request& r) {
  return {std::string(r.target_arn().str()), std::string(r.initiator_name().str())};
}

namespace detail {
inline void require_member(error_list& problems, bool present, field which) {
  if (!present) problems.push_back(make_error(errc::missing_member, which, 0, profile::aws_model));
}
}  // namespace detail

/// Checks an unchecked request under `p`: missing_member for each absent required member (MODEL
/// `required`), then the first error of each present member and the mutual-secret rule, in
/// member order (the same rows as `from_strings`).
/// Errors, in MODEL member order TargetARN, SecretToAuthenticateInitiator, InitiatorName,
/// SecretToAuthenticateTarget: missing_member (offset 0) for an absent required member; the
/// first error of a present member's own grammar (parse_target_arn, check_chap_secret: RFC 1994
/// / MODEL length 12..16 and the profile's characters, parse_iscsi_name); secrets_must_differ
/// (RFC 3720 §8.2.1) when both secrets are valid and equal.
/// Throws only std::bad_alloc (allocation failure), when the owning members are built.
[[nodiscard]] inline request_result<update_chap_credentials_request> check_request(
    const unchecked_update_chap_credentials_request& u, profile p = profile::strict) {
  const auto reveal = [](const std::optional<chap_secret>& s) -> std::optional<std::string_view> {
    if (!s.has_value()) return std::nullopt;
    return s->reveal();
  };
  if (u.target_arn.has_value() && u.secret_to_authenticate_initiator.has_value() && u.initiator_name.has_value()) {
    return update_chap_credentials_request::from_strings(*u.target_arn, *u.initiator_name,
                                                         u.secret_to_authenticate_initiator->reveal(),
                                                         reveal(u.secret_to_authenticate_target), p);
  }
  error_list problems;
  detail::require_member(problems, u.target_arn.has_value(), field::target_arn);
  if (u.target_arn.has_value()) {
    if (auto r = parse_target_arn(*u.target_arn, p); !r.has_value()) problems.push_back(r.error());
  }
  detail::require_member(problems, u.secret_to_authenticate_initiator.has_value(),
                         field::secret_to_authenticate_initiator);
  if (u.secret_to_authenticate_initiator.has_value()) {
    if (auto r =
            check_chap_secret(u.secret_to_authenticate_initiator->reveal(), p, field::secret_to_authenticate_initiator);
        !r.has_value()) {
      problems.push_back(r.error());
    }
  }
  detail::require_member(problems, u.initiator_name.has_value(), field::initiator_name);
  if (u.initiator_name.has_value()) {
    if (auto r = parse_iscsi_name(*u.initiator_name, p); !r.has_value()) problems.push_back(r.error());
  }
  if (u.secret_to_authenticate_target.has_value()) {
    if (auto r = check_chap_secret(u.secret_to_authenticate_target->reveal(), p, field::secret_to_authenticate_target);
        !r.has_value()) {
      problems.push_back(r.error());
    } else if (u.secret_to_authenticate_initiator.has_value()) {
      if (auto d = check_secrets_differ(u.secret_to_authenticate_initiator->reveal(),
                                        u.secret_to_authenticate_target->reveal(), p);
          !d.has_value()) {
        problems.push_back(d.error());
      }
    }
  }
  return tl::unexpected(problems);
}

/// Checks an unchecked DescribeChapCredentials request under `p`. Errors: missing_member
/// (TargetARN, offset 0) when the ARN is absent; else as describe_chap_credentials_request::
/// from_strings (the first error of the SPEC §4 grammar). Throws only std::bad_alloc.
[[nodiscard]] inline request_result<describe_chap_credentials_request> check_request(
    const unchecked_describe_chap_credentials_request& u, profile p = profile::strict) {
  if (u.target_arn.has_value()) return describe_chap_credentials_request::from_strings(*u.target_arn, p);
  error_list problems;
  detail::require_member(problems, false, field::target_arn);
  return tl::unexpected(problems);
}

/// Checks an unchecked DeleteChapCredentials request under `p`. Errors, in member order:
/// missing_member (offset 0) for an absent TargetARN or InitiatorName, and the first error of
/// each present member's grammar (SPEC §4, §5), as delete_chap_credentials_request::from_strings.
/// Throws only std::bad_alloc (allocation failure).
[[nodiscard]] inline request_result<delete_chap_credentials_request> check_request(
    const unchecked_delete_chap_credentials_request& u, profile p = profile::strict) {
  if (u.target_arn.has_value() && u.initiator_name.has_value()) {
    return delete_chap_credentials_request::from_strings(*u.target_arn, *u.initiator_name, p);
  }
  error_list problems;
  detail::require_member(problems, u.target_arn.has_value(), field::target_arn);
  if (u.target_arn.has_value()) {
    if (auto r = parse_target_arn(*u.target_arn, p); !r.has_value()) problems.push_back(r.error());
  }
  detail::require_member(problems, u.initiator_name.has_value(), field::initiator_name);
  if (u.initiator_name.has_value()) {
    if (auto r = parse_iscsi_name(*u.initiator_name, p); !r.has_value()) problems.push_back(r.error());
  }
  return tl::unexpected(problems);
}

// ---------------------------------------------------------------------------------------------
// validate(result): the explicit, separate step that runs the validators on what the service
// sent (decoding never does, SPEC §3). Each problem is a decode_error: the validator's code and
// its offset into the decoded string, with the member's JSON Pointer. Empty when all is valid.

namespace detail {
inline void validate_member(std::vector<decode_error>& out, const result<void>& r, std::string_view pointer_prefix,
                            std::string_view member) {
  if (r.has_value()) return;
  std::string pointer(pointer_prefix);
  append_pointer_token(pointer, member);
  out.emplace_back(r.error(), std::move(pointer));
}
template <class T>
[[nodiscard]] result<void> drop_value(const result<T>& r) {
  if (r.has_value()) return {};
  return tl::unexpected(r.error());
}
inline void validate_names(std::vector<decode_error>& out, const std::optional<std::string>& arn,
                           const std::optional<std::string>& name, profile p, std::string_view prefix) {
  if (arn.has_value()) validate_member(out, drop_value(parse_target_arn(*arn, p)), prefix, "TargetARN");
  if (name.has_value()) validate_member(out, drop_value(parse_iscsi_name(*name, p)), prefix, "InitiatorName");
}
}  // namespace detail

[[nodiscard]] inline std::vector<decode_error> validate(const update_chap_credentials_result& r,
                                                        profile p = profile::strict) {
  std::vector<decode_error> out;
  detail::validate_names(out, r.target_arn, r.initiator_name, p, "");
  return out;
}

[[nodiscard]] inline std::vector<decode_error> validate(const delete_chap_credentials_result& r,
                                                        profile p = profile::strict) {
  std::vector<decode_error> out;
  detail::validate_names(out, r.target_arn, r.initiator_name, p, "");
  return out;
}

/// Checks every ChapInfo: TargetARN, SecretToAuthenticateInitiator, InitiatorName,
/// SecretToAuthenticateTarget and the mutual-secret rule, in member order.
[[nodiscard]] inline std::vector<decode_error> validate(const describe_chap_credentials_result& r,
                                                        profile p = profile::strict) {
  std::vector<decode_error> out;
  if (!r.chap_credentials.has_value()) return out;
  std::string prefix;
  for (std::size_t i = 0; i < r.chap_credentials->size(); ++i) {
    const chap_info& info = (*r.chap_credentials)[i];
    prefix.assign("/ChapCredentials/");
    detail::append_number(prefix, i);
    if (info.target_arn.has_value()) {
      detail::validate_member(out, detail::drop_value(parse_target_arn(*info.target_arn, p)), prefix, "TargetARN");
    }
    if (info.secret_to_authenticate_initiator.has_value()) {
      detail::validate_member(out,
                              check_chap_secret(info.secret_to_authenticate_initiator->reveal(), p,
                                                field::secret_to_authenticate_initiator),
                              prefix, "SecretToAuthenticateInitiator");
    }
    if (info.initiator_name.has_value()) {
      detail::validate_member(out, detail::drop_value(parse_iscsi_name(*info.initiator_name, p)), prefix,
                              "InitiatorName");
    }
    if (info.secret_to_authenticate_target.has_value()) {
      const auto own =
          check_chap_secret(info.secret_to_authenticate_target->reveal(), p, field::secret_to_authenticate_target);
      detail::validate_member(out, own, prefix, "SecretToAuthenticateTarget");
      if (own.has_value() && info.secret_to_authenticate_initiator.has_value()) {
        detail::validate_member(out,
                                check_secrets_differ(info.secret_to_authenticate_initiator->reveal(),
                                                     info.secret_to_authenticate_target->reveal(), p),
                                prefix, "SecretToAuthenticateTarget");
      }
    }
  }
  return out;
}

SGWCHAP_END_NAMESPACE
