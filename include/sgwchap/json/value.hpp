// sgwchap — Boost.JSON integration for users who already hold a boost::json::value, member by
// member from the tables of <sgwchap/operations.hpp>.
//
// - `boost::json::try_value_to<T>(jv)` (and so `value_to<T>`) for every result, unchecked
//   request, checked request and `service_error`, with the decoder's rules: the value must be an
//   object; null is absent; a known member of the wrong type is wrong_type; in an unchecked
//   request an unknown top-level key is unknown_key; a checked request is built with
//   `check_request` (strict profile) and fails with its first problem's code. Errors are
//   `sgwchap::errc` values as error codes (category "sgwchap"); a DOM keeps no positions, so use
//   the decoders when you need the offset and pointer.
// - `boost::json::value_from(x)` for the types without secrets. A type holding a secret (a table
//   row marked sensitive) goes into a DOM only through the explicitly named `expose_secrets(x)`:
//   the library cannot wipe a DOM's memory, so the caller must choose to put secrets there.
// - Numbers: a DOM holds a number with a fraction or an exponent as a double (Boost.JSON 1.81 has
//   no exact mode), so a timestamp read from one is the double's value (1583443386.123456789 is
//   ...123456716 ns there, exact through the decoders), and one written into one is the nearest
//   double. Integer members refuse a DOM double, as the decoders refuse a fraction or exponent.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

#include <boost/json/conversion.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/system/result.hpp>

#include <sgwchap/detail/members.hpp>
#include <sgwchap/error_code.hpp>
#include <sgwchap/json/detail/numbers.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/wire/service_error.hpp>
#include <sgwchap/wire/unchecked.hpp>

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

template <class T>
concept secret_free = described<T> && !holds_secrets(*shape_of<T>);

[[nodiscard]] inline boost::system::error_code dom_error(errc e) noexcept {
  return boost::system::error_code(make_error_code(e));
}

[[nodiscard]] inline boost::json::string_view dom_key(std::string_view key) noexcept {
  return {key.data(), key.size()};
}

/// A number of the DOM as the text of a JSON number: an int64 or uint64 exactly, a double by its
/// shortest round-trip spelling (Boost.JSON has already rounded the body's digits to a double).
[[nodiscard]] inline std::size_t dom_number_text(const boost::json::value& v, char (&buf)[32]) noexcept {
  std::to_chars_result r{};
  if (v.is_int64()) {
    r = std::to_chars(buf, buf + sizeof buf, v.get_int64());
  } else if (v.is_uint64()) {
    r = std::to_chars(buf, buf + sizeof buf, v.get_uint64());
  } else {
    r = std::to_chars(buf, buf + sizeof buf, v.get_double());
  }
  return static_cast<std::size_t>(r.ptr - buf);
}

template <class T>
[[nodiscard]] bool dom_read(const boost::json::object& o, T& out, bool request_body, boost::system::error_code& ec);

/// Reads one member (row `m`) from the DOM value `v` (not null). False with `ec` on a wrong type
/// or a number its member cannot hold (numbers.hpp's rules, on the DOM's number).
template <class T, std::size_t I, class M>
[[nodiscard]] bool dom_read_member(const boost::json::value& v, M& member, boost::system::error_code& ec) {
  constexpr const member_info& m = row<T, I>();
  const auto wrong = [&](errc e) {
    ec = dom_error(e);
    return false;
  };
  if constexpr (m.type == member_type::structure_list) {
    if (!v.is_array()) return wrong(errc::wrong_type);
    auto& items = member.emplace();
    items.reserve(v.get_array().size());
    for (const boost::json::value& element : v.get_array()) {
      const boost::json::object* item = element.if_object();
      if (item == nullptr) return wrong(errc::wrong_type);
      if (!dom_read(*item, items.emplace_back(), false, ec)) return false;
    }
    return true;
  } else if constexpr (m.type == member_type::structure) {
    const boost::json::object* item = v.if_object();
    if (item == nullptr) return wrong(errc::wrong_type);
    return dom_read(*item, member.emplace(), false, ec);
  } else if constexpr (m.type == member_type::string_list) {
    if (!v.is_array()) return wrong(errc::wrong_type);
    auto& items = member.emplace();
    items.reserve(v.get_array().size());
    for (const boost::json::value& element : v.get_array()) {
      if (!element.is_string()) return wrong(errc::wrong_type);
      items.emplace_back(element.get_string().data(), element.get_string().size());
    }
    return true;
  } else if constexpr (is_number_type(m.type)) {
    if (!v.is_number()) return wrong(errc::wrong_type);
    // A DOM double was written with a fraction or an exponent: never an integer member's value,
    // as the decoder reads it (1.0 and 1e2 are refused there too).
    if ((m.type == member_type::integer || m.type == member_type::long_integer) && v.is_double()) {
      return wrong(errc::number_out_of_range);
    }
    char buf[32];
    const std::string_view text(buf, dom_number_text(v, buf));
    const number_outcome r = store_json_number(member, text, m.which);
    return r.code == errc{} ? true : wrong(r.code);
  } else if constexpr (m.type == member_type::boolean) {
    if (!v.is_bool()) return wrong(errc::wrong_type);
    member.emplace(v.get_bool());
    return true;
  } else {
    if (!v.is_string()) return wrong(errc::wrong_type);
    const std::string_view text(v.get_string().data(), v.get_string().size());
    if constexpr (std::is_same_v<M, std::optional<chap_secret>>) {
      member.emplace(chap_secret::unchecked(text));
    } else {
      member.emplace(text);
    }
    return true;
  }
}

/// Reads the members of `o` into `out` (a bound type). `request_body`: an unknown key is
/// unknown_key. Absent and null members stay absent; a member of the wrong type is wrong_type.
template <class T>
[[nodiscard]] bool dom_read(const boost::json::object& o, T& out, bool request_body, boost::system::error_code& ec) {
  if (request_body) {
    for (const auto& kv : o) {
      const std::string_view k(kv.key().data(), kv.key().size());
      if (shape_of<T>->find(k) == shape_of<T>->members.size()) {
        ec = dom_error(errc::unknown_key);
        return false;
      }
    }
  }
  bool ok = true;
  for_each_member(out, [&](auto i, auto& member) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if (!ok) return;
    const boost::json::value* v = o.if_contains(dom_key(m.name));
    if (v == nullptr || v->is_null()) return;
    ok = dom_read_member<T, decltype(i)::value>(*v, member, ec);
  });
  return ok;
}

/// The DOM value of a timestamp: whole seconds as an integer, else the seconds as a double (the
/// DOM holds no exact decimal; the encoder writes the exact one).
[[nodiscard]] inline boost::json::value dom_timestamp(timestamp t) noexcept {
  const std::int64_t ns = t.time_since_epoch().count();
  if (ns % 1'000'000'000 == 0) return boost::json::value(ns / 1'000'000'000);
  return boost::json::value(static_cast<double>(ns / 1'000'000'000) + static_cast<double>(ns % 1'000'000'000) / 1e9);
}

/// Writes the members of `in` (a bound type, checked or not) into the object `o`, in table order.
template <class T>
void dom_write(boost::json::object& o, const T& in) {
  for_each_member(in, [&](auto i, const auto& member) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    const auto* present = present_value(member);
    if (present == nullptr) return;
    const auto& value = *present;
    if constexpr (m.type == member_type::structure_list) {
      auto& list = o[dom_key(m.name)].emplace_array();
      for (const auto& element : value) dom_write(list.emplace_back(boost::json::object()).get_object(), element);
    } else if constexpr (m.type == member_type::structure) {
      dom_write(o[dom_key(m.name)].emplace_object(), value);
    } else if constexpr (m.type == member_type::string_list) {
      auto& list = o[dom_key(m.name)].emplace_array();
      for (const auto& element : value) {
        const std::string_view text = element_text(element);
        list.emplace_back(boost::json::string_view(text.data(), text.size()));
      }
    } else if constexpr (m.type == member_type::timestamp) {
      o.emplace(dom_key(m.name), dom_timestamp(value));
    } else if constexpr (is_number_type(m.type) || m.type == member_type::boolean) {
      o.emplace(dom_key(m.name), value);
    } else if (const std::optional<std::string_view> text = text_of(member); text.has_value()) {
      o.emplace(dom_key(m.name), boost::json::string_view(text->data(), text->size()));
    }
  });
}

}  // namespace detail

// -- try_value_to --------------------------------------------------------------------------------

/// Results and unchecked requests.
template <class T>
requires(detail::operation_result<T> ||
         detail::unchecked_request<T>) boost::system::result<T> tag_invoke(const boost::json::try_value_to_tag<T>&,
                                                                           const boost::json::value& jv) {
  const boost::json::object* o = jv.if_object();
  if (o == nullptr) return detail::dom_error(errc::not_an_object);
  T out{};
  boost::system::error_code ec;
  if (!detail::dom_read(*o, out, detail::unchecked_request<T>, ec)) return ec;
  return out;
}

/// Checked requests: the unchecked twin, then check_request (strict profile).
template <class T>
requires detail::checked_request<T> boost::system::result<T> tag_invoke(const boost::json::try_value_to_tag<T>&,
                                                                        const boost::json::value& jv) {
  auto raw = boost::json::try_value_to<typename unchecked_of<T>::type>(jv);
  if (raw.has_error()) return raw.error();
  auto checked = check_request(*raw);
  if (!checked.has_value()) return detail::dom_error(checked.error().front().code);
  return std::move(*checked);
}

/// The body part of a service error (status 0; no header, so the name comes from `__type`, else
/// `code`, as decode_service_error reads it). Members of the wrong type are ignored; a DOM holds
/// no repeated key (Boost.JSON keeps one), so none is refused here.
inline boost::system::result<service_error> tag_invoke(const boost::json::try_value_to_tag<service_error>&,
                                                       const boost::json::value& jv) {
  const boost::json::object* o = jv.if_object();
  if (o == nullptr) return detail::dom_error(errc::not_an_object);
  service_error out;
  auto text = [&](const boost::json::object& from, std::string_view key) -> std::optional<std::string_view> {
    const auto* v = from.if_contains(detail::dom_key(key));
    if (v == nullptr || !v->is_string()) return std::nullopt;
    return std::string_view(v->get_string().data(), v->get_string().size());
  };
  std::string_view raw_name = text(*o, "__type").value_or("");
  if (clean_error_name(raw_name).empty()) raw_name = text(*o, "code").value_or("");
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

// -- value_from ----------------------------------------------------------------------------------

/// Every bound type without a sensitive member.
template <class T>
requires detail::secret_free<T>
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const T& value) {
  detail::dom_write(jv.emplace_object(), value);
}

/// A type with secrets, explicitly exposed.
template <class T>
requires detail::described<T>
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const secrets_exposed<T>& w) {
  detail::dom_write(jv.emplace_object(), w.ref);
}

inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const service_error& e) {
  auto& o = jv.emplace_object();
  const auto put = [](boost::json::object& to, std::string_view key, std::string_view value) {
    to.emplace(detail::dom_key(key), boost::json::string_view(value.data(), value.size()));
  };
  if (!e.name.empty()) put(o, "__type", e.name);
  if (!e.message.empty()) put(o, "message", e.message);
  if (e.error_code.has_value() || !e.error_details.empty()) {
    auto& inner = o["error"].emplace_object();
    if (e.error_code.has_value()) put(inner, "errorCode", e.error_code->str());
    if (!e.error_details.empty()) {
      auto& details = inner["errorDetails"].emplace_object();
      for (const auto& [key, value] : e.error_details) put(details, key, value);
    }
  }
}

SGWCHAP_END_NAMESPACE
