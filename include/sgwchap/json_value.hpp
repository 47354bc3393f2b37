// sgwchap — Boost.JSON integration for users who already hold a boost::json::value.
//
// - `boost::json::try_value_to<T>(jv)` (and so `value_to<T>`) for every request, unchecked
//   request, result and `service_error`, with the decoder's rules (SPEC §3): the value must be an
//   object; null is absent; a known member of the wrong type is wrong_type; in an unchecked
//   request an unknown top-level key is unknown_key; a checked request is built with
//   `check_request` (strict profile) and fails with its first problem's code. Errors are
//   `sgwchap::errc` values as error codes (category "sgwchap"); a DOM keeps no positions, so
//   use the decoders when you need the offset and pointer.
// - `boost::json::value_from(x)` for the types without secrets. A type holding a secret goes
//   into a DOM only through the explicitly named `expose_secrets(x)`: the library cannot wipe a
//   DOM's memory, so the caller must choose to put secrets there.
#pragma once

#include <string>
#include <string_view>
#include <system_error>

#include <boost/json/conversion.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/system/result.hpp>

#include <sgwchap/error_code.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/service_error.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// A reference that lets `boost::json::value_from` write a type's secrets into a DOM.
template <class T>
struct secrets_exposed {
  const T& ref;
};

/// The one way to put a secret-holding type into a boost::json::value:
/// `boost::json::value_from(sgwchap::expose_secrets(request))`. The DOM is not wiped.
template <class T>
[[nodiscard]] secrets_exposed<T> expose_secrets(const T& value) noexcept {
  return {value};
}

namespace detail {

[[nodiscard]] inline boost::system::error_code dom_error(errc e) noexcept {
  return boost::system::error_code(make_error_code(e));
}

/// Reads an optional string member: absent or null leave `out` empty; a non-string is wrong_type.
template <class Store>
[[nodiscard]] bool dom_string(const boost::json::object& o, std::string_view key, Store&& store,
                              boost::system::error_code& ec) {
  const auto* v = o.if_contains(boost::json::string_view(key.data(), key.size()));
  if (v == nullptr || v->is_null()) return true;
  if (!v->is_string()) {
    ec = dom_error(errc::wrong_type);
    return false;
  }
  const auto& s = v->get_string();
  store(std::string_view(s.data(), s.size()));
  return true;
}

[[nodiscard]] inline bool dom_known_keys_only(const boost::json::object& o,
                                              std::initializer_list<std::string_view> keys,
                                              boost::system::error_code& ec) {
  for (const auto& kv : o) {
    const std::string_view k(kv.key().data(), kv.key().size());
    bool known = false;
    for (const auto name : keys) known = known || name == k;
    if (!known) {
      ec = dom_error(errc::unknown_key);
      return false;
    }
  }
  return true;
}

[[nodiscard]] inline const boost::json::object* dom_object(const boost::json::value& jv,
                                                           boost::system::error_code& ec) {
  const auto* o = jv.if_object();
  if (o == nullptr) ec = dom_error(errc::not_an_object);
  return o;
}

template <class T>
[[nodiscard]] boost::system::result<T> dom_names(const boost::json::value& jv, bool strict_keys) {
  boost::system::error_code ec;
  const auto* o = dom_object(jv, ec);
  if (o == nullptr) return ec;
  if (strict_keys && !dom_known_keys_only(*o, {"TargetARN", "InitiatorName"}, ec)) return ec;
  T out{};
  if (!dom_string(
          *o, "TargetARN", [&](std::string_view s) { out.target_arn.emplace(s); }, ec))
    return ec;
  if (!dom_string(
          *o, "InitiatorName", [&](std::string_view s) { out.initiator_name.emplace(s); }, ec))
    return ec;
  return out;
}

inline void put(boost::json::object& o, std::string_view key, std::string_view value) {
  o.emplace(boost::json::string_view(key.data(), key.size()), boost::json::string_view(value.data(), value.size()));
}
inline void put_optional(boost::json::object& o, std::string_view key, const std::optional<std::string>& value) {
  if (value.has_value()) put(o, key, *value);
}
inline void put_optional(boost::json::object& o, std::string_view key, const std::optional<chap_secret>& value) {
  if (value.has_value()) put(o, key, value->reveal());
}

template <class Checked, class Unchecked>
[[nodiscard]] boost::system::result<Checked> dom_checked(const boost::json::value& jv) {
  auto raw = boost::json::try_value_to<Unchecked>(jv);
  if (raw.has_error()) return raw.error();
  auto checked = check_request(*raw);
  if (!checked.has_value()) return dom_error(checked.error().front().code);
  return std::move(*checked);
}

}  // namespace detail

// -- try_value_to ------------------------------------------------------------------------------

inline boost::system::result<update_chap_credentials_result> tag_invoke(
    const boost::json::try_value_to_tag<update_chap_credentials_result>&, const boost::json::value& jv) {
  return detail::dom_names<update_chap_credentials_result>(jv, false);
}

inline boost::system::result<delete_chap_credentials_result> tag_invoke(
    const boost::json::try_value_to_tag<delete_chap_credentials_result>&, const boost::json::value& jv) {
  return detail::dom_names<delete_chap_credentials_result>(jv, false);
}

inline boost::system::result<unchecked_delete_chap_credentials_request> tag_invoke(
    const boost::json::try_value_to_tag<unchecked_delete_chap_credentials_request>&, const boost::json::value& jv) {
  return detail::dom_names<unchecked_delete_chap_credentials_request>(jv, true);
}

inline boost::system::result<unchecked_describe_chap_credentials_request> tag_invoke(
    const boost::json::try_value_to_tag<unchecked_describe_chap_credentials_request>&, const boost::json::value& jv) {
  boost::system::error_code ec;
  const auto* o = detail::dom_object(jv, ec);
  if (o == nullptr) return ec;
  if (!detail::dom_known_keys_only(*o, {"TargetARN"}, ec)) return ec;
  unchecked_describe_chap_credentials_request out;
  if (!detail::dom_string(
          *o, "TargetARN", [&](std::string_view s) { out.target_arn.emplace(s); }, ec))
    return ec;
  return out;
}

inline boost::system::result<unchecked_update_chap_credentials_request> tag_invoke(
    const boost::json::try_value_to_tag<unchecked_update_chap_credentials_request>&, const boost::json::value& jv) {
  boost::system::error_code ec;
  const auto* o = detail::dom_object(jv, ec);
  if (o == nullptr) return ec;
  if (!detail::dom_known_keys_only(
          *o, {"TargetARN", "SecretToAuthenticateInitiator", "InitiatorName", "SecretToAuthenticateTarget"}, ec)) {
    return ec;
  }
  unchecked_update_chap_credentials_request out;
  if (!detail::dom_string(
          *o, "TargetARN", [&](std::string_view s) { out.target_arn.emplace(s); }, ec) ||
      !detail::dom_string(
          *o, "SecretToAuthenticateInitiator",
          [&](std::string_view s) { out.secret_to_authenticate_initiator.emplace(chap_secret::unchecked(s)); }, ec) ||
      !detail::dom_string(
          *o, "InitiatorName", [&](std::string_view s) { out.initiator_name.emplace(s); }, ec) ||
      !detail::dom_string(
          *o, "SecretToAuthenticateTarget",
          [&](std::string_view s) { out.secret_to_authenticate_target.emplace(chap_secret::unchecked(s)); }, ec)) {
    return ec;
  }
  return out;
}

inline boost::system::result<update_chap_credentials_request> tag_invoke(
    const boost::json::try_value_to_tag<update_chap_credentials_request>&, const boost::json::value& jv) {
  return detail::dom_checked<update_chap_credentials_request, unchecked_update_chap_credentials_request>(jv);
}
inline boost::system::result<describe_chap_credentials_request> tag_invoke(
    const boost::json::try_value_to_tag<describe_chap_credentials_request>&, const boost::json::value& jv) {
  return detail::dom_checked<describe_chap_credentials_request, unchecked_describe_chap_credentials_request>(jv);
}
inline boost::system::result<delete_chap_credentials_request> tag_invoke(
    const boost::json::try_value_to_tag<delete_chap_credentials_request>&, const boost::json::value& jv) {
  return detail::dom_checked<delete_chap_credentials_request, unchecked_delete_chap_credentials_request>(jv);
}

inline boost::system::result<describe_chap_credentials_result> tag_invoke(
    const boost::json::try_value_to_tag<describe_chap_credentials_result>&, const boost::json::value& jv) {
  boost::system::error_code ec;
  const auto* o = detail::dom_object(jv, ec);
  if (o == nullptr) return ec;
  describe_chap_credentials_result out;
  const auto* list = o->if_contains("ChapCredentials");
  if (list == nullptr || list->is_null()) return out;
  if (!list->is_array()) return detail::dom_error(errc::wrong_type);
  auto& items = out.chap_credentials.emplace();
  items.reserve(list->get_array().size());
  for (const auto& element : list->get_array()) {
    const auto* item = element.if_object();
    if (item == nullptr) return detail::dom_error(errc::wrong_type);
    chap_info& info = items.emplace_back();
    if (!detail::dom_string(
            *item, "TargetARN", [&](std::string_view s) { info.target_arn.emplace(s); }, ec) ||
        !detail::dom_string(
            *item, "SecretToAuthenticateInitiator",
            [&](std::string_view s) { info.secret_to_authenticate_initiator.emplace(chap_secret::unchecked(s)); },
            ec) ||
        !detail::dom_string(
            *item, "InitiatorName", [&](std::string_view s) { info.initiator_name.emplace(s); }, ec) ||
        !detail::dom_string(
            *item, "SecretToAuthenticateTarget",
            [&](std::string_view s) { info.secret_to_authenticate_target.emplace(chap_secret::unchecked(s)); }, ec)) {
      return ec;
    }
  }
  return out;
}

/// The body part of a service error (status 0; no header, so the name comes from `code`, else
/// `__type`). Lenient like decode_service_error: members of the wrong type are ignored.
inline boost::system::result<service_error> tag_invoke(const boost::json::try_value_to_tag<service_error>&,
                                                       const boost::json::value& jv) {
  boost::system::error_code ec;
  const auto* o = detail::dom_object(jv, ec);
  if (o == nullptr) return ec;
  service_error out;
  auto text = [&](const boost::json::object& from, std::string_view key) -> std::optional<std::string_view> {
    const auto* v = from.if_contains(boost::json::string_view(key.data(), key.size()));
    if (v == nullptr || !v->is_string()) return std::nullopt;
    return std::string_view(v->get_string().data(), v->get_string().size());
  };
  std::string_view raw_name = text(*o, "code").value_or("");
  if (clean_error_name(raw_name).empty()) raw_name = text(*o, "__type").value_or("");
  out.name = detail::sanitized_error_name(raw_name);
  if (auto m = text(*o, "message"); m.has_value())
    out.message.assign(*m);
  else if (auto caps = text(*o, "Message"); caps.has_value())
    out.message.assign(*caps);
  if (const auto* e = o->if_contains("error"); e != nullptr && e->is_object()) {
    if (auto code = text(e->get_object(), "errorCode"); code.has_value()) out.error_code.emplace(*code);
    if (const auto* d = e->get_object().if_contains("errorDetails"); d != nullptr && d->is_object()) {
      for (const auto& kv : d->get_object()) {
        if (!kv.value().is_string()) continue;
        out.error_details.emplace(std::string(kv.key().data(), kv.key().size()),
                                  std::string(kv.value().get_string().data(), kv.value().get_string().size()));
      }
    }
  }
  return out;
}

// -- value_from (no secrets) --------------------------------------------------------------------

inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const describe_chap_credentials_request& r) {
  auto& o = jv.emplace_object();
  detail::put(o, "TargetARN", r.target_arn().str());
}
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const delete_chap_credentials_request& r) {
  auto& o = jv.emplace_object();
  detail::put(o, "TargetARN", r.target_arn().str());
  detail::put(o, "InitiatorName", r.initiator_name().str());
}
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const unchecked_describe_chap_credentials_request& r) {
  auto& o = jv.emplace_object();
  detail::put_optional(o, "TargetARN", r.target_arn);
}
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const unchecked_delete_chap_credentials_request& r) {
  auto& o = jv.emplace_object();
  detail::put_optional(o, "TargetARN", r.target_arn);
  detail::put_optional(o, "InitiatorName", r.initiator_name);
}
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const update_chap_credentials_result& r) {
  auto& o = jv.emplace_object();
  detail::put_optional(o, "TargetARN", r.target_arn);
  detail::put_optional(o, "InitiatorName", r.initiator_name);
}
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const delete_chap_credentials_result& r) {
  auto& o = jv.emplace_object();
  detail::put_optional(o, "TargetARN", r.target_arn);
  detail::put_optional(o, "InitiatorName", r.initiator_name);
}
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const service_error& e) {
  auto& o = jv.emplace_object();
  if (!e.name.empty()) detail::put(o, "__type", e.name);
  if (!e.message.empty()) detail::put(o, "message", e.message);
  if (e.error_code.has_value() || !e.error_details.empty()) {
    auto& inner = o["error"].emplace_object();
    if (e.error_code.has_value()) detail::put(inner, "errorCode", e.error_code->str());
    if (!e.error_details.empty()) {
      auto& details = inner["errorDetails"].emplace_object();
      for (const auto& [key, value] : e.error_details) detail::put(details, key, value);
    }
  }
}

// -- value_from with secrets: only through expose_secrets -----------------------------------------

inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const secrets_exposed<update_chap_credentials_request>& w) {
  auto& o = jv.emplace_object();
  const auto& r = w.ref;
  detail::put(o, "TargetARN", r.target_arn().str());
  detail::put(o, "SecretToAuthenticateInitiator", r.secret_to_authenticate_initiator().reveal());
  detail::put(o, "InitiatorName", r.initiator_name().str());
  if (const chap_secret* t = r.secret_to_authenticate_target(); t != nullptr) {
    detail::put(o, "SecretToAuthenticateTarget", t->reveal());
  }
}
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const secrets_exposed<unchecked_update_chap_credentials_request>& w) {
  auto& o = jv.emplace_object();
  detail::put_optional(o, "TargetARN", w.ref.target_arn);
  detail::put_optional(o, "SecretToAuthenticateInitiator", w.ref.secret_to_authenticate_initiator);
  detail::put_optional(o, "InitiatorName", w.ref.initiator_name);
  detail::put_optional(o, "SecretToAuthenticateTarget", w.ref.secret_to_authenticate_target);
}
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv,
                       const secrets_exposed<describe_chap_credentials_result>& w) {
  auto& o = jv.emplace_object();
  if (!w.ref.chap_credentials.has_value()) return;
  auto& list = o["ChapCredentials"].emplace_array();
  for (const chap_info& info : *w.ref.chap_credentials) {
    auto& item = list.emplace_back(boost::json::object()).get_object();
    detail::put_optional(item, "TargetARN", info.target_arn);
    detail::put_optional(item, "SecretToAuthenticateInitiator", info.secret_to_authenticate_initiator);
    detail::put_optional(item, "InitiatorName", info.initiator_name);
    detail::put_optional(item, "SecretToAuthenticateTarget", info.secret_to_authenticate_target);
  }
}

SGWCHAP_END_NAMESPACE
