// sgwchap — the error of a decoder (the README's "Decoding"): an `error` (rule, field, byte offset, limit) plus
// the JSON Pointer (RFC 6901) of the member it is about. Light: no Boost.JSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <sgwchap/error.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Where and why a body was refused.
/// - `code`: malformed_json, invalid_utf8, not_an_object, wrong_type, duplicate_key, unknown_key,
///   body_too_large, nesting_too_deep, bad_content_type; or a validator's code when
///   `validate(result)` checked a decoded value.
/// - `offset`: a byte offset into the body: the first byte of the offending value; the first
///   byte (the opening quote) of the key for duplicate_key and unknown_key; where parsing stopped
///   for malformed_json (the first byte the parser could not accept, or the body's size when it
///   ended too early); the first bad byte for invalid_utf8; the limit for body_too_large; the
///   `{` or `[` that went one level too deep for nesting_too_deep. For `validate(result)`: the
///   offset into the decoded string, as the validators give it.
/// - `which`: the MODEL member when it is one (field::body otherwise).
/// - `pointer`: JSON Pointer of the member, e.g. `/ChapCredentials/3/InitiatorName`; "" for the
///   whole body. A `std::string` (allocated on the error path only) because an unknown key in a
///   request body is named by its own text, whose length has no small bound. A pointer never
///   contains a value, so never a secret.
struct decode_error : error {
  std::string pointer;

  decode_error() = default;
  decode_error(const error& e, std::string json_pointer) : error(e), pointer(std::move(json_pointer)) {}

  /// E.g. "/ChapCredentials/3/InitiatorName: wrong JSON type (byte 57)". Allocates.
  [[nodiscard]] std::string message() const {
    std::string out;
    out.reserve(96);
    out += pointer.empty() ? std::string_view("(body)") : std::string_view(pointer);
    out += ": ";
    detail::write_error_body(*this, out);  // error::message() without its "<field>: ", which the pointer replaces
    return out;
  }

  friend bool operator==(const decode_error& a, const decode_error& b) noexcept {
    return static_cast<const error&>(a) == static_cast<const error&>(b) && a.pointer == b.pointer;
  }
};

template <class T>
using decode_result = tl::expected<T, decode_error>;

namespace detail {
/// Appends one reference token of a JSON Pointer: `~` as `~0`, `/` as `~1` (RFC 6901 §3).
inline void append_pointer_token(std::string& out, std::string_view token) {
  out.push_back('/');
  for (const char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out.push_back(c);
  }
}
}  // namespace detail

SGWCHAP_END_NAMESPACE
