// sgwchap — type-state builders of the requests (the three CHAP calls and the workflow calls
// ListVolumes, DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes, DescribeVTLDevices): an
// incomplete request, or a member set twice, does not compile.
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
// The workflow builders (APIREF-Volumes, APIREF-VTL) take, in the same way:
//   gateway_arn            a gateway_arn_view (`_gateway_arn` literal or *parse_gateway_arn(s)), or
//                          an owning sgwchap::gateway_arn. ListVolumes requires it although MODEL
//                          leaves it optional: list_volumes_request holds it as a plain value, and
//                          the state reads "required" from the table OR the request's member type.
//   marker                 a marker_view (*parse_marker(s): check_marker's rules). A checked value
//                          type rather than a raw string checked at build, so that a build with
//                          every input checked still returns the request itself.
//   limit                  a page_limit: page_limit(100) is checked at compile time (consteval),
//                          *page_limit::make(n) at run time (check_limit's rules).
//   volume_arns / vtl_device_arns
//                          a braced list or std::array of views (`{"..."_volume_arn, ...}`, copied
//                          into the builder: no heap, the size is part of the state's type; `{}`
//                          does not compile), a std::span or std::vector lvalue of views (referred
//                          to until build(); a temporary std::vector of views does not compile),
//                          or the request's owning std::vector<volume_arn / vtl_device_arn>.
// A list's rules span its elements (check_volume_arns: at least one, one gateway;
// check_vtl_device_arns: every device on GatewayARN), so they are a run-time check, like mutual
// CHAP's: a build with a list set returns a `result` (DescribeStored/CachediSCSIVolumes always;
// DescribeVTLDevices when VTLDeviceARNs is set). A strict build checks the list under strict
// (each element re-checked, then the list rules); a default build under the weakest profile of
// its inputs (an empty list: strict), so strict inputs keep strict's list rules and the request's
// checked_profile() stays true. Errors are those from_strings reports first for the same values
// (an element's error with its index in `detail`). A build re-parses each element once (no heap).
//
// Inside: one generic state (detail::builders::state) holds the members in the order of the
// operation's input table (operations.hpp) and does everything a build does from that table:
// which members are required, the strict re-check in member order, the cross-member rule
// (must_differ_from) and the construction. Each builder class adds only its named setters and
// the compile-time messages, which must be string literals (detail/model_names.hpp).
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
#include <sgwchap/detail/model_names.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/resource_arn.hpp>
#include <sgwchap/target_arn.hpp>

SGWCHAP_BEGIN_NAMESPACE

// -- The checked paging values the builders take (ListVolumes, DescribeVTLDevices). Their rules
//    do not depend on the profile, so a strict build has nothing to re-check in them.

class marker_view;
[[nodiscard]] constexpr result<marker_view> parse_marker(std::string_view marker) noexcept;

/// A Marker that passed check_marker (MODEL Marker: 1..2000 characters of UTF-8; opaque, taken
/// from the previous page's output). A view: keep its bytes alive until `.build()` copies them.
class marker_view {
 public:
  [[nodiscard]] constexpr std::string_view value() const noexcept { return value_; }
  friend constexpr bool operator==(const marker_view&, const marker_view&) noexcept = default;

 private:
  friend constexpr result<marker_view> parse_marker(std::string_view marker) noexcept;
  constexpr explicit marker_view(std::string_view value) noexcept : value_(value) {}
  std::string_view value_;
};

/// Checks a Marker (check_marker: invalid_utf8, too_short, too_long; field Marker).
[[nodiscard]] constexpr result<marker_view> parse_marker(std::string_view marker) noexcept {
  if (auto ok = check_marker(marker); !ok.has_value()) return tl::unexpected(ok.error());
  return marker_view(marker);
}

namespace detail::builders {
/// Named after the rule: a page_limit constant outside 1..2^31-1 calls it, so the compiler's
/// diagnostic names it (not constexpr on purpose).
inline std::int32_t page_limit_must_be_1_to_2147483647() noexcept { return 0; }
}  // namespace detail::builders

/// A Limit that passed check_limit (MODEL PositiveIntObject: 1..2147483647). `page_limit(100)`
/// is checked at compile time (a constant out of range does not compile); a run-time number goes
/// through page_limit::make.
class page_limit {
 public:
  consteval explicit page_limit(std::int64_t limit)
      : value_(limit >= paging_limits::limit_min && limit <= paging_limits::limit_max
                   ? static_cast<std::int32_t>(limit)
                   : detail::builders::page_limit_must_be_1_to_2147483647()) {}

  /// Errors: check_limit's (number_out_of_range, field Limit, `limit`: the bound).
  [[nodiscard]] static constexpr result<page_limit> make(std::int64_t limit) noexcept {
    const auto checked = check_limit(limit);
    if (!checked.has_value()) return tl::unexpected(checked.error());
    return page_limit(std::in_place, *checked);
  }

  [[nodiscard]] constexpr std::int32_t value() const noexcept { return value_; }
  friend constexpr bool operator==(const page_limit&, const page_limit&) noexcept = default;

 private:
  constexpr page_limit(std::in_place_t, std::int32_t checked) noexcept : value_(checked) {}
  std::int32_t value_;
};

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
template <class T>
inline constexpr bool is_gateway_value = std::is_same_v<T, gateway_arn_view> || std::is_same_v<T, gateway_arn>;
template <class T>
inline constexpr bool is_marker_value = std::is_same_v<T, marker_view>;
template <class T>
inline constexpr bool is_limit_value = std::is_same_v<T, page_limit>;

/// The lists of ARNs of kind K a list setter takes: views copied into the builder (a C array,
/// which a braced list becomes, a std::array, a std::span of static extent), views it refers to
/// (a std::span, a std::vector lvalue), or the owning std::vector the request holds.
template <resource_kind K, class T>
struct is_list_of : std::false_type {};
template <resource_kind K, std::size_t N>
struct is_list_of<K, resource_arn_view<K>[N]> : std::true_type {};
template <resource_kind K, std::size_t N>
struct is_list_of<K, std::array<resource_arn_view<K>, N>> : std::true_type {};
template <resource_kind K, std::size_t E>
struct is_list_of<K, std::span<const resource_arn_view<K>, E>> : std::true_type {};
template <resource_kind K, std::size_t E>
struct is_list_of<K, std::span<resource_arn_view<K>, E>> : std::true_type {};
template <resource_kind K>
struct is_list_of<K, std::vector<resource_arn_view<K>>> : std::true_type {};
template <resource_kind K>
struct is_list_of<K, std::vector<resource_arn<K>>> : std::true_type {};
template <class T>
inline constexpr bool is_volume_list_value = is_list_of<resource_kind::volume, T>::value;
template <class T>
inline constexpr bool is_vtl_device_list_value = is_list_of<resource_kind::vtl_device, T>::value;

/// True for an argument whose elements the builder would refer to after it is gone: a
/// std::vector of views passed as an rvalue.
template <class T>
inline constexpr bool dangles =
    !std::is_lvalue_reference_v<T> && (std::is_same_v<std::remove_cvref_t<T>, std::vector<volume_arn_view>> ||
                                       std::is_same_v<std::remove_cvref_t<T>, std::vector<vtl_device_arn_view>>);

/// What a builder keeps of a view: its bytes and the profile they passed. The request needs no
/// more, and three words copy faster through the builder states than a whole view.
template <class View>
struct text {
  std::string_view value;
  profile checked;
};
using arn_text = text<target_arn_view>;
using name_text = text<iscsi_name_view>;
using gateway_text = text<gateway_arn_view>;

/// A list of views copied into the builder: the text of each (N is at least 1: a braced list
/// `{}` does not deduce N).
template <resource_kind K, std::size_t N>
struct view_list {
  std::array<text<resource_arn_view<K>>, N> items;
};
/// A list of views the builder refers to (keep them alive until `.build()`). A strict build that
/// finds every element strict raises them to `raised`.
template <resource_kind K>
struct view_span {
  std::span<const resource_arn_view<K>> items;
  profile raised{profile::aws_model};
};

template <class T>
struct list_kind;
template <resource_kind K, std::size_t N>
struct list_kind<view_list<K, N>> {
  static constexpr resource_kind value = K;
};
template <resource_kind K>
struct list_kind<view_span<K>> {
  static constexpr resource_kind value = K;
};
template <resource_kind K>
struct list_kind<std::vector<resource_arn<K>>> {
  static constexpr resource_kind value = K;
};

/// The member a setter stores for its argument: the text of a view, a list of views (copied or
/// referred to), the owning value itself, or a paging value.
template <class View>
requires(std::is_same_v<View, target_arn_view> || std::is_same_v<View, iscsi_name_view> ||
         std::is_same_v<View, gateway_arn_view>) [[nodiscard]] constexpr text<View> store(const View& v) noexcept {
  return {v.value(), v.checked_profile()};
}
template <class T>
requires(std::is_same_v<std::remove_cvref_t<T>, target_arn> || std::is_same_v<std::remove_cvref_t<T>, iscsi_name> ||
         std::is_same_v<std::remove_cvref_t<T>, chap_secret> || std::is_same_v<std::remove_cvref_t<T>, gateway_arn> ||
         std::is_same_v<std::remove_cvref_t<T>, std::vector<volume_arn>> ||
         std::is_same_v<std::remove_cvref_t<T>, std::vector<vtl_device_arn>>)
    [[nodiscard]] constexpr T&& store(T&& owning) noexcept {
  return std::forward<T>(owning);
}
[[nodiscard]] constexpr marker_view store(const marker_view& m) noexcept { return m; }
[[nodiscard]] constexpr page_limit store(const page_limit& l) noexcept { return l; }
template <resource_kind K, std::size_t N>
requires(N != std::dynamic_extent)
    [[nodiscard]] constexpr view_list<K, N> store(std::span<const resource_arn_view<K>, N> views) noexcept {
  view_list<K, N> out{};
  for (std::size_t i = 0; i < N; ++i) out.items[i] = {views[i].value(), views[i].checked_profile()};
  return out;
}
template <resource_kind K, std::size_t N>
[[nodiscard]] constexpr view_list<K, N> store(const resource_arn_view<K> (&views)[N]) noexcept {
  return store(std::span<const resource_arn_view<K>, N>(views));
}
template <resource_kind K, std::size_t N>
[[nodiscard]] constexpr view_list<K, N> store(const std::array<resource_arn_view<K>, N>& views) noexcept {
  return store(std::span<const resource_arn_view<K>, N>(views));
}
template <resource_kind K, std::size_t N>
requires(N != std::dynamic_extent)
    [[nodiscard]] constexpr view_list<K, N> store(std::span<resource_arn_view<K>, N> views) noexcept {
  return store(std::span<const resource_arn_view<K>, N>(views));
}
template <resource_kind K>
[[nodiscard]] constexpr view_span<K> store(std::span<const resource_arn_view<K>> views) noexcept {
  return {views};
}
template <resource_kind K>
[[nodiscard]] constexpr view_span<K> store(std::span<resource_arn_view<K>> views) noexcept {
  return {views};
}
template <resource_kind K>
[[nodiscard]] constexpr view_span<K> store(const std::vector<resource_arn_view<K>>& views) noexcept {
  return {views};
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
[[nodiscard]] constexpr result<gateway_arn_view> parse_as(const gateway_arn_view*, std::string_view s,
                                                          profile p) noexcept {
  return parse_gateway_arn(s, p);
}

/// The view type of an owning value.
template <class Owning>
using view_of =
    std::conditional_t<std::is_same_v<Owning, target_arn>, target_arn_view,
                       std::conditional_t<std::is_same_v<Owning, iscsi_name>, iscsi_name_view, gateway_arn_view>>;

template <profile P, class View>
[[nodiscard]] constexpr result<void> require(text<View>& t, const member_info&) noexcept {
  if (t.checked >= P) return {};
  const auto again = parse_as(static_cast<const View*>(nullptr), t.value, P);
  if (!again.has_value()) return tl::unexpected(again.error());
  t.checked = P;
  return {};
}
template <profile P, class Owning>
requires(std::is_same_v<Owning, target_arn> || std::is_same_v<Owning, iscsi_name> ||
         std::is_same_v<Owning, gateway_arn>) [[nodiscard]] inline result<void> require(Owning& o, const member_info&) {
  // Re-making an owning ARN allocates (once, only when it passed a weaker profile).
  if (o.checked_profile() >= P) return {};
  const auto again = parse_as(static_cast<const view_of<Owning>*>(nullptr), o.str(), P);
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
/// Paging values: their rules are the same under every profile, and already held.
template <profile P>
[[nodiscard]] constexpr result<void> require(const marker_view&, const member_info&) noexcept {
  return {};
}
template <profile P>
[[nodiscard]] constexpr result<void> require(const page_limit&, const member_info&) noexcept {
  return {};
}

// -- Lists, whatever holds them: their size, and each element's text and profile.

template <resource_kind K, std::size_t N>
[[nodiscard]] constexpr std::size_t list_size(const view_list<K, N>&) noexcept {
  return N;
}
template <resource_kind K>
[[nodiscard]] constexpr std::size_t list_size(const view_span<K>& l) noexcept {
  return l.items.size();
}
template <resource_kind K>
[[nodiscard]] constexpr std::size_t list_size(const std::vector<resource_arn<K>>& l) noexcept {
  return l.size();
}
template <resource_kind K, std::size_t N>
[[nodiscard]] constexpr text<resource_arn_view<K>> list_item(const view_list<K, N>& l, std::size_t i) noexcept {
  return l.items[i];
}
template <resource_kind K>
[[nodiscard]] constexpr text<resource_arn_view<K>> list_item(const view_span<K>& l, std::size_t i) noexcept {
  const profile own = l.items[i].checked_profile();
  return {l.items[i].value(), own >= l.raised ? own : l.raised};
}
template <resource_kind K>
[[nodiscard]] inline text<resource_arn_view<K>> list_item(const std::vector<resource_arn<K>>& l,
                                                          std::size_t i) noexcept {
  return {l[i].str(), l[i].checked_profile()};
}

/// A list as the list checks of resource_arn.hpp read it (size() and operator[] giving text).
template <class List>
struct list_texts {
  const List& list;
  [[nodiscard]] constexpr std::size_t size() const noexcept { return list_size(list); }
  [[nodiscard]] constexpr std::string_view operator[](std::size_t i) const noexcept { return list_item(list, i).value; }
};

/// After a list passed its check under P, each element claims P (a strict build stores what it
/// checked). An owning element that claimed less is re-made: one allocation each.
template <profile P, resource_kind K, std::size_t N>
constexpr void raise(view_list<K, N>& l) noexcept {
  for (auto& t : l.items) t.checked = t.checked >= P ? t.checked : P;
}
template <profile P, resource_kind K>
constexpr void raise(view_span<K>& l) noexcept {
  l.raised = P;
}
template <profile P, resource_kind K>
inline void raise(std::vector<resource_arn<K>>& l) {
  for (auto& a : l) {
    if (a.checked_profile() < P) a = resource_arn<K>(resource_arn_view<K>::make_(a.str(), P, nullptr));
  }
}

/// The list rules of row `m` over a list, under `p`: each element's grammar, and under strict
/// check_volume_arns' (empty_list, mixed_gateways) or check_vtl_device_arns' (every device on
/// `gateway`). The error is what make_request reports for the same list: an element's own error
/// has the element's index in `detail` (unless its rule uses `detail`: region_not_in_partition).
template <class List>
[[nodiscard]] constexpr result<void> check_list(const List& l, const member_info& m, const gateway_arn_view& gateway,
                                                profile p) noexcept {
  const list_texts<List> texts{l};
  const list_result r =
      m.rule == value_rule::volume_arn ? check_volume_arns_in(texts, p) : check_vtl_device_arns_in(gateway, texts, p);
  if (r.has_value()) return {};
  return tl::unexpected(list_member_error(r.error(), m));
}

/// The profile a member passed (an unchecked secret counts as aws_model; a list: its weakest
/// element, strict when empty; a paging value has no profile-dependent rule: strict).
template <class View>
[[nodiscard]] constexpr profile profile_of(const text<View>& t) noexcept {
  return t.checked;
}
[[nodiscard]] constexpr profile profile_of(unset) noexcept { return profile::strict; }
[[nodiscard]] constexpr profile profile_of(const marker_view&) noexcept { return profile::strict; }
[[nodiscard]] constexpr profile profile_of(const page_limit&) noexcept { return profile::strict; }
template <class List>
requires requires { list_kind<List>::value; }
[[nodiscard]] constexpr profile profile_of(const List& l) noexcept {
  profile p = profile::strict;
  for (std::size_t i = 0; i < list_size(l); ++i) p = weakest(p, list_item(l, i).checked);
  return p;
}
template <class Owning>
[[nodiscard]] constexpr profile profile_of(const Owning& o) noexcept {
  return o.checked_profile();
}

/// The bytes of a single member that holds an ARN (its view's text, or the owning value's).
template <class View>
[[nodiscard]] constexpr std::string_view bytes_of(const text<View>& t) noexcept {
  return t.value;
}
template <class Owning>
[[nodiscard]] std::string_view bytes_of(const Owning& o) noexcept {
  return o.str();
}

// -- Hand a member to the request: a view becomes the owning value; an owning value or a secret
//    is passed as an xvalue, so it is moved once, into the request.

// A target_arn or resource ARN copies its bytes into one heap block (may throw std::bad_alloc);
// an iscsi_name holds them inline (noexcept).
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
// resource_arn's constructor reads only the view's bytes and profile: no second parse.
[[nodiscard]] inline gateway_arn pass(const gateway_text& t) {
  return gateway_arn(gateway_arn_view::make_(t.value, t.checked, nullptr));
}
[[nodiscard]] inline gateway_arn&& pass(gateway_arn&& g) noexcept { return std::move(g); }
[[nodiscard]] inline std::string pass(const marker_view& m) { return std::string(m.value()); }
[[nodiscard]] constexpr std::int32_t pass(const page_limit& l) noexcept { return l.value(); }
template <class List>
requires(!std::is_same_v<List, std::vector<volume_arn>> && !std::is_same_v<List, std::vector<vtl_device_arn>> &&
         requires { list_kind<List>::value; })
    [[nodiscard]] std::vector<resource_arn<list_kind<List>::value>> pass(const List& l) {
  constexpr resource_kind K = list_kind<List>::value;
  std::vector<resource_arn<K>> out;
  out.reserve(list_size(l));
  for (std::size_t i = 0; i < list_size(l); ++i) {
    const auto t = list_item(l, i);
    out.emplace_back(resource_arn_view<K>::make_(t.value, t.checked, nullptr));
  }
  return out;
}
template <resource_kind K>
[[nodiscard]] inline std::vector<resource_arn<K>>&& pass(std::vector<resource_arn<K>>&& l) noexcept {
  return std::move(l);
}

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

 public:
  using request_type = typename operation_types<Op>::request;

 private:
  using refs = decltype(members_of(std::declval<const request_type&>()));
  template <std::size_t I>
  using request_member = std::remove_cvref_t<std::tuple_element_t<I, refs>>;
  /// The row of the shape's GatewayARN (the VTLDeviceARNs rule reads it), or members.size().
  static constexpr std::size_t gateway = gateway_row(shape);

  /// A row is required when MODEL says so, or when the request holds it as a plain value
  /// (ListVolumes' GatewayARN: optional in MODEL, required by list_volumes_request), as
  /// make_request decides.
  template <std::size_t I>
  static constexpr bool required_row = shape.members[I].required || !is_optional<request_member<I>>::value;
  template <std::size_t I>
  static constexpr bool list_row = shape.members[I].type == member_type::string_list;

  [[nodiscard]] static constexpr bool all_required_set() noexcept {
    return []<std::size_t... I>(std::index_sequence<I...>) { return ((!required_row<I> || is_set<slot<I>>)&&...); }
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
  /// True when a list is set: its rules (non-empty, one gateway) span its elements, a run-time check.
  [[nodiscard]] static constexpr bool list_rule_set() noexcept {
    return []<std::size_t... I>(std::index_sequence<I...>) { return ((list_row<I> && is_set<slot<I>>) || ...); }
    (std::index_sequence_for<Slots...>{});
  }

 public:
  static constexpr profile required_profile = P;
  /// True once every required member is set (`.build()` compiles).
  static constexpr bool is_complete = all_required_set();
  /// True when `.build()` returns result<request_type> rather than request_type: the strict
  /// builders, and a build with a run-time rule to check: a cross-member rule (mutual CHAP's
  /// secrets) or a list's rules.
  static constexpr bool build_returns_result = P == profile::strict || cross_rule_set() || list_rule_set();

 protected:
  friend struct access;

  constexpr state() noexcept = default;
  template <class... A>
  constexpr explicit state(std::in_place_t, A&&... in) : members_(std::forward<A>(in)...) {}

  /// The request (aws_model, no run-time rule) or result<request>. Errors: the first member, in
  /// table order, that does not satisfy P (its own rule, field and offset; for a list, as
  /// make_request reports it, the list's rules included); then each cross-member rule. The rules
  /// that span members or elements (a list's, a cross-member rule's) are checked under P for a
  /// strict build, and under the weakest profile of the inputs for a default one (as
  /// update_chap_credentials_request::make does): a default build of strict inputs keeps the
  /// strict rules, so the request's checked_profile() stays true.
  auto build_complete() {
    using R = result<request_type>;
    std::optional<error> failure;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      const auto weakest_input = [&] {
        profile p = profile::strict;
        ((p = is_set<slot<I>> ? weakest(p, profile_of(std::get<I>(members_))) : p), ...);
        return p;
      };
      const auto gateway_view = [&] {
        if constexpr (gateway < sizeof...(Slots)) {
          if constexpr (is_set<slot<gateway>>) {
            const auto& g = std::get<gateway>(members_);
            const auto parsed = parse_gateway_arn(bytes_of(g), profile_of(g));  // passed already: cannot fail
            return parsed.has_value() ? *parsed : gateway_arn_view{};
          }
        }
        return gateway_arn_view{};
      };
      const auto one = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
        if constexpr (is_set<slot<J>>) {
          if (failure.has_value()) return;
          auto& member = std::get<J>(members_);
          if constexpr (list_row<J>) {
            const profile q = P == profile::strict ? P : weakest_input();
            if (auto ok = check_list(member, shape.members[J], gateway_view(), q); !ok.has_value()) {
              failure = ok.error();
            } else if constexpr (P == profile::strict) {
              raise<P>(member);
            }
          } else if constexpr (P == profile::strict) {
            if (auto ok = require<P>(member, shape.members[J]); !ok.has_value()) failure = ok.error();
          }
        }
      };
      (one(std::integral_constant<std::size_t, I>{}), ...);
      if constexpr (cross_rule_set()) {
        if (failure.has_value()) return;
        const profile q = weakest_input();
        const auto cross = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
          constexpr std::uint8_t other = shape.members[J].must_differ_from;
          if constexpr (other != member_info::no_row && is_set<slot<J>>) {
            if constexpr (is_set<slot<other>>) {
              if (failure.has_value()) return;
              const auto differ =
                  check_secrets_differ(std::get<other>(members_).reveal(), std::get<J>(members_).reveal(), q);
              if (!differ.has_value()) failure = differ.error();
            }
          }
        };
        (cross(std::integral_constant<std::size_t, I>{}), ...);
      }
    }
    (std::index_sequence_for<Slots...>{});
    const auto make = [&]<std::size_t... I>(std::index_sequence<I...>) {
      if constexpr (build_returns_result) {
        return request_access::make_result<request_type>(
            member_from<request_member<I>>(std::move(std::get<I>(members_)))...);
      } else {
        return request_access::make<request_type>(member_from<request_member<I>>(std::move(std::get<I>(members_)))...);
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
#define SGWCHAP_DETAIL_GATEWAY_TAKES                                                     \
  SGWCHAP_NAME_GatewayARN                                                                \
      " takes a checked value: a \"...\"_gateway_arn literal, *parse_gateway_arn(s) or " \
      "gateway_arn::parse(s); not a raw string"
#define SGWCHAP_DETAIL_MARKER_TAKES \
  SGWCHAP_NAME_Marker " takes a checked value: *parse_marker(s) (the previous page's Marker); not a raw string"
#define SGWCHAP_DETAIL_LIMIT_TAKES                                            \
  SGWCHAP_NAME_Limit                                                          \
      " takes a checked value: page_limit(100) (checked at compile time) or " \
      "*page_limit::make(n); not a raw number"
#define SGWCHAP_DETAIL_LIST_TAKES(member, literal, view, owning)                                      \
  member " takes checked values: a braced list or std::array of \"...\"" literal " literals or " view \
         "s (copied), a std::span or std::vector lvalue of " view                                     \
         "s (referred to until build()), or a "                                                       \
         "std::vector<" owning ">; not raw strings"
#define SGWCHAP_DETAIL_LIST_DANGLES(member)                                                              \
  member                                                                                                 \
      " refers to a std::vector of views until build(): pass an lvalue that outlives build(), a braced " \
      "list or a std::array (copied), or a std::vector of owning ARNs"

// SGWCHAP_DETAIL_SETTER(setter, index, accepts, takes_message, request, member): the setter
// `setter` of member `index` (in the input table's order) on an rvalue and on a const builder.
// `accepts<V>` says which checked values it takes; a static_assert names the misuse: a wrong
// type (takes_message), a secret passed as an lvalue, a member set twice, a copy of a builder
// that holds a secret. In a builder class with `base`, `with_members` and `slot<I>`.
#define SGWCHAP_DETAIL_SETTER(setter, index, accepts, takes_message, request, member)                     \
  template <class T>                                                                                      \
  [[nodiscard]] constexpr auto setter(T&& input)&& {                                                      \
    return setter##_into(std::move(*this), std::forward<T>(input));                                       \
  }                                                                                                       \
  template <class T>                                                                                      \
  [[nodiscard]] constexpr auto setter(T&& input) const& {                                                 \
    return setter##_into(*this, std::forward<T>(input));                                                  \
  }                                                                                                       \
                                                                                                          \
 private:                                                                                                 \
  template <class Self, class T>                                                                          \
  static constexpr auto setter##_into(Self&& self, T&& input) {                                           \
    using V = std::remove_cvref_t<T>;                                                                     \
    constexpr bool moved_in = !detail::builders::is_secret_value<V> || !std::is_lvalue_reference_v<T>;    \
    constexpr bool copyable = std::is_rvalue_reference_v<Self&&> || std::is_copy_constructible_v<base>;   \
    static_assert(accepts<V>, takes_message);                                                             \
    static_assert(!accepts<V> || moved_in, SGWCHAP_DETAIL_SECRET_MOVE(member));                           \
    constexpr bool kept = !detail::builders::dangles<T>;                                                  \
    static_assert(!accepts<V> || kept, SGWCHAP_DETAIL_LIST_DANGLES(member));                              \
    static_assert(!detail::builders::is_set<slot<index>>, request ": " member " is set twice");           \
    static_assert(copyable, SGWCHAP_DETAIL_COPY_HELD_SECRET);                                             \
    if constexpr (accepts<V> && moved_in && kept && !detail::builders::is_set<slot<index>> && copyable) { \
      return detail::builders::access::rebuild<with_members, P, index>(                                   \
          std::forward<Self>(self), detail::builders::store(std::forward<T>(input)));                     \
    }                                                                                                     \
  }                                                                                                       \
                                                                                                          \
 public:

// SGWCHAP_DETAIL_LIST_SETTER(setter, index, kind, accepts, takes_message, request, member): a
// setter of a list member: SGWCHAP_DETAIL_SETTER, plus the overloads that take a braced list
// of views (`{"..."_volume_arn, ...}`), which a forwarding reference cannot deduce; the views
// are copied into the builder, so the braced list may be a temporary.
#define SGWCHAP_DETAIL_LIST_SETTER(setter, index, kind, accepts, takes_message, request, member) \
  SGWCHAP_DETAIL_SETTER(setter, index, accepts, takes_message, request, member)                  \
  template <std::size_t N>                                                                       \
  [[nodiscard]] constexpr auto setter(const resource_arn_view<kind>(&views)[N])&& {              \
    return setter##_into(std::move(*this), std::span<const resource_arn_view<kind>, N>(views));  \
  }                                                                                              \
  template <std::size_t N>                                                                       \
  [[nodiscard]] constexpr auto setter(const resource_arn_view<kind>(&views)[N]) const& {         \
    return setter##_into(*this, std::span<const resource_arn_view<kind>, N>(views));             \
  }

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

/// Builds a list_volumes_request. Required: GatewayARN (MODEL leaves it optional; the request
/// requires it, requests.hpp); optional: Marker, Limit (paging, APIREF-Volumes ListVolumes). The
/// slots follow the input table: GatewayARN, Marker, Limit.
template <profile P = profile::aws_model, class Gateway = detail::builders::unset,
          class Marker = detail::builders::unset, class Limit = detail::builders::unset>
class basic_list_volumes_builder : public detail::builders::state<operation::list_volumes, P, Gateway, Marker, Limit> {
  SGWCHAP_DETAIL_BUILDER_STATE(basic_list_volumes_builder, operation::list_volumes, Gateway, Marker, Limit)

 public:
  constexpr basic_list_volumes_builder() noexcept
      requires(!detail::builders::is_set<Gateway> && !detail::builders::is_set<Marker> &&
               !detail::builders::is_set<Limit>) = default;

  SGWCHAP_DETAIL_SETTER(gateway_arn, 0, detail::builders::is_gateway_value, SGWCHAP_DETAIL_GATEWAY_TAKES,
                        SGWCHAP_NAME_ListVolumes, SGWCHAP_NAME_GatewayARN)
  SGWCHAP_DETAIL_SETTER(marker, 1, detail::builders::is_marker_value, SGWCHAP_DETAIL_MARKER_TAKES,
                        SGWCHAP_NAME_ListVolumes, SGWCHAP_NAME_Marker)
  SGWCHAP_DETAIL_SETTER(limit, 2, detail::builders::is_limit_value, SGWCHAP_DETAIL_LIMIT_TAKES,
                        SGWCHAP_NAME_ListVolumes, SGWCHAP_NAME_Limit)

  /// The request (aws_model) or result<request> (strict: GatewayARN re-checked).
  [[nodiscard]] auto build() && {
    static_assert(detail::builders::is_set<Gateway>, SGWCHAP_NAME_ListVolumes " requires " SGWCHAP_NAME_GatewayARN);
    if constexpr (base::is_complete) return detail::builders::access::build(std::move(*this));
  }
};

/// Builds a describe_stored_iscsi_volumes_request. Required: VolumeARNs. Its build always
/// returns a result: the list's rules (check_volume_arns: at least one, all on one gateway;
/// APIREF-Volumes) are checked at run time.
template <profile P = profile::aws_model, class List = detail::builders::unset>
class basic_describe_stored_iscsi_volumes_builder
    : public detail::builders::state<operation::describe_stored_iscsi_volumes, P, List> {
  SGWCHAP_DETAIL_BUILDER_STATE(basic_describe_stored_iscsi_volumes_builder, operation::describe_stored_iscsi_volumes,
                               List)

 public:
  constexpr basic_describe_stored_iscsi_volumes_builder() noexcept requires(!detail::builders::is_set<List>) = default;

  SGWCHAP_DETAIL_LIST_SETTER(volume_arns, 0, resource_kind::volume, detail::builders::is_volume_list_value,
                             SGWCHAP_DETAIL_LIST_TAKES(SGWCHAP_NAME_VolumeARNs, "_volume_arn", "volume_arn_view",
                                                       "volume_arn"),
                             SGWCHAP_NAME_DescribeStorediSCSIVolumes, SGWCHAP_NAME_VolumeARNs)

  /// result<request>. Errors: check_volume_arns' under P (strict build) or under the weakest
  /// profile of the elements (default build), as from_strings reports them.
  [[nodiscard]] auto build() && {
    static_assert(detail::builders::is_set<List>,
                  SGWCHAP_NAME_DescribeStorediSCSIVolumes " requires " SGWCHAP_NAME_VolumeARNs);
    if constexpr (base::is_complete) return detail::builders::access::build(std::move(*this));
  }
};

/// Builds a describe_cached_iscsi_volumes_request: as the stored one (same input, APIREF-Volumes).
template <profile P = profile::aws_model, class List = detail::builders::unset>
class basic_describe_cached_iscsi_volumes_builder
    : public detail::builders::state<operation::describe_cached_iscsi_volumes, P, List> {
  SGWCHAP_DETAIL_BUILDER_STATE(basic_describe_cached_iscsi_volumes_builder, operation::describe_cached_iscsi_volumes,
                               List)

 public:
  constexpr basic_describe_cached_iscsi_volumes_builder() noexcept requires(!detail::builders::is_set<List>) = default;

  SGWCHAP_DETAIL_LIST_SETTER(volume_arns, 0, resource_kind::volume, detail::builders::is_volume_list_value,
                             SGWCHAP_DETAIL_LIST_TAKES(SGWCHAP_NAME_VolumeARNs, "_volume_arn", "volume_arn_view",
                                                       "volume_arn"),
                             SGWCHAP_NAME_DescribeCachediSCSIVolumes, SGWCHAP_NAME_VolumeARNs)

  /// result<request>, as the stored builder's.
  [[nodiscard]] auto build() && {
    static_assert(detail::builders::is_set<List>,
                  SGWCHAP_NAME_DescribeCachediSCSIVolumes " requires " SGWCHAP_NAME_VolumeARNs);
    if constexpr (base::is_complete) return detail::builders::access::build(std::move(*this));
  }
};

/// Builds a describe_vtl_devices_request. Required: GatewayARN; optional: VTLDeviceARNs (unset:
/// every device of the gateway, APIREF-VTL), Marker, Limit. The slots follow the input table.
template <profile P = profile::aws_model, class Gateway = detail::builders::unset,
          class Devices = detail::builders::unset, class Marker = detail::builders::unset,
          class Limit = detail::builders::unset>
class basic_describe_vtl_devices_builder
    : public detail::builders::state<operation::describe_vtl_devices, P, Gateway, Devices, Marker, Limit> {
  SGWCHAP_DETAIL_BUILDER_STATE(basic_describe_vtl_devices_builder, operation::describe_vtl_devices, Gateway, Devices,
                               Marker, Limit)

 public:
  constexpr basic_describe_vtl_devices_builder() noexcept
      requires(!detail::builders::is_set<Gateway> && !detail::builders::is_set<Devices> &&
               !detail::builders::is_set<Marker> && !detail::builders::is_set<Limit>) = default;

  SGWCHAP_DETAIL_SETTER(gateway_arn, 0, detail::builders::is_gateway_value, SGWCHAP_DETAIL_GATEWAY_TAKES,
                        SGWCHAP_NAME_DescribeVTLDevices, SGWCHAP_NAME_GatewayARN)
  SGWCHAP_DETAIL_LIST_SETTER(vtl_device_arns, 1, resource_kind::vtl_device, detail::builders::is_vtl_device_list_value,
                             SGWCHAP_DETAIL_LIST_TAKES(SGWCHAP_NAME_VTLDeviceARNs, "_vtl_device_arn",
                                                       "vtl_device_arn_view", "vtl_device_arn"),
                             SGWCHAP_NAME_DescribeVTLDevices, SGWCHAP_NAME_VTLDeviceARNs)
  SGWCHAP_DETAIL_SETTER(marker, 2, detail::builders::is_marker_value, SGWCHAP_DETAIL_MARKER_TAKES,
                        SGWCHAP_NAME_DescribeVTLDevices, SGWCHAP_NAME_Marker)
  SGWCHAP_DETAIL_SETTER(limit, 3, detail::builders::is_limit_value, SGWCHAP_DETAIL_LIMIT_TAKES,
                        SGWCHAP_NAME_DescribeVTLDevices, SGWCHAP_NAME_Limit)

  /// The request (aws_model, no VTLDeviceARNs) or result<request> (strict, or VTLDeviceARNs set:
  /// every device on the gateway, check_vtl_device_arns, under P or the weakest input profile).
  [[nodiscard]] auto build() && {
    static_assert(detail::builders::is_set<Gateway>,
                  SGWCHAP_NAME_DescribeVTLDevices " requires " SGWCHAP_NAME_GatewayARN);
    if constexpr (base::is_complete) return detail::builders::access::build(std::move(*this));
  }
};

#undef SGWCHAP_DETAIL_SETTER
#undef SGWCHAP_DETAIL_LIST_SETTER
#undef SGWCHAP_DETAIL_GATEWAY_TAKES
#undef SGWCHAP_DETAIL_MARKER_TAKES
#undef SGWCHAP_DETAIL_LIMIT_TAKES
#undef SGWCHAP_DETAIL_LIST_TAKES
#undef SGWCHAP_DETAIL_LIST_DANGLES
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

using list_volumes_builder = basic_list_volumes_builder<>;
using describe_stored_iscsi_volumes_builder = basic_describe_stored_iscsi_volumes_builder<>;
using describe_cached_iscsi_volumes_builder = basic_describe_cached_iscsi_volumes_builder<>;
using describe_vtl_devices_builder = basic_describe_vtl_devices_builder<>;
using strict_list_volumes_builder = basic_list_volumes_builder<profile::strict>;
using strict_describe_stored_iscsi_volumes_builder = basic_describe_stored_iscsi_volumes_builder<profile::strict>;
using strict_describe_cached_iscsi_volumes_builder = basic_describe_cached_iscsi_volumes_builder<profile::strict>;
using strict_describe_vtl_devices_builder = basic_describe_vtl_devices_builder<profile::strict>;

SGWCHAP_END_NAMESPACE
