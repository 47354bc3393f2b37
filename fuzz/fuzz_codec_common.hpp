// Shared helpers of the codec harnesses (fuzz_codec_*): the Boost.JSON DOM as a reference
// parser, and a splitter that turns fuzz bytes into several strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <sgwchap/json.hpp>

#include "fuzz_common.hpp"

namespace sgwchap_fuzz {

/// The reference reading of a body: Boost.JSON's DOM parser with its default options (RFC 8259,
/// UTF-8 checked, depth 32) — a different consumer of the same grammar than our handler.
inline std::optional<boost::json::value> dom_parse(std::string_view body) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(boost::json::string_view(body.data(), body.size()), ec);
  if (ec) return std::nullopt;
  return v;
}

/// Our decoder accepted `body`, so the reference must read it as one object (or it is empty).
inline const boost::json::object* reference_object(std::string_view body, std::optional<boost::json::value>& dom) {
  if (body.empty()) return nullptr;
  dom = dom_parse(body);
  FUZZ_CHECK(dom.has_value() && dom->is_object());
  return &dom->as_object();
}

/// What the reference says a member is: absent/null gives nullopt; a string gives its value.
/// (A member of another type never reaches here: our decoder refused it as wrong_type.)
inline std::optional<std::string> reference_string(const boost::json::object* o, std::string_view key) {
  if (o == nullptr) return std::nullopt;
  const auto it = o->find(boost::json::string_view(key.data(), key.size()));
  if (it == o->end() || it->value().is_null()) return std::nullopt;
  FUZZ_CHECK(it->value().is_string());
  const auto& s = it->value().get_string();
  return std::string(s.data(), s.size());
}

template <class Optional>
inline void check_same_string(const Optional& ours, const boost::json::object* o, std::string_view key) {
  const std::optional<std::string> ref = reference_string(o, key);
  FUZZ_CHECK(ours.has_value() == ref.has_value());
  if (!ours.has_value()) return;
  if constexpr (std::is_same_v<typename Optional::value_type, sgwchap::chap_secret>) {
    FUZZ_CHECK(ours->reveal() == *ref);
  } else {
    FUZZ_CHECK(*ours == *ref);
  }
}

/// A decode error is well formed: a code, an offset inside the body (or at its end, or the size
/// limit), a JSON Pointer that is empty or starts with '/', and a message.
inline void check_decode_error(const sgwchap::decode_error& e, std::string_view body,
                               const sgwchap::decode_options& options = {}) {
  FUZZ_CHECK(e.code != sgwchap::errc{});
  FUZZ_CHECK(e.offset <= body.size() || (e.code == sgwchap::errc::body_too_large && e.offset <= options.max_body_size));
  FUZZ_CHECK(e.pointer.empty() || e.pointer[0] == '/');
  FUZZ_CHECK(!e.message().empty());
  // Malformed JSON for our decoder must also be refused by the reference, and the other way round.
  if (e.code == sgwchap::errc::malformed_json || e.code == sgwchap::errc::invalid_utf8) {
    FUZZ_CHECK(!dom_parse(body).has_value());
  }
}

/// The fast path (json/detail/fast_path.hpp), when it takes `body`, gives exactly the value the
/// exact decoder (basic_parser and decode_handler) gives, which accepts the body too.
template <class T>
void check_fast_path(std::string_view body) {
  if (body.size() > sgwchap::decode_options{}.max_body_size) return;  // the exact decoder's limit
  T fast{};
  if (!sgwchap::detail::fast_decode(body, fast)) return;
  T exact{};
  FUZZ_CHECK(!sgwchap::detail::run_decoder(body, exact, sgwchap::decode_options{}).has_value());
  FUZZ_CHECK(exact == fast);
}

/// A body the reference refuses (and that is not empty) is refused by our decoder too.
inline void check_reference_refusal(std::string_view body, bool ours_ok) {
  if (ours_ok && !body.empty()) FUZZ_CHECK(dom_parse(body).has_value());
}

/// Cuts fuzz bytes into strings at 0xFF bytes (0xFF never occurs in UTF-8, so a natural
/// separator that leaves every UTF-8 value reachable).
class byte_splitter {
 public:
  explicit byte_splitter(std::string_view data) : rest_(data) {}
  [[nodiscard]] bool empty() const { return rest_.empty() && done_; }
  std::string_view next() {
    if (done_) return {};
    const std::size_t at = rest_.find('\xFF');
    if (at == std::string_view::npos) {
      done_ = true;
      return rest_;
    }
    const std::string_view part = rest_.substr(0, at);
    rest_.remove_prefix(at + 1);
    return part;
  }
  /// One byte as a small number (0 when exhausted), taken from the front.
  std::uint8_t byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(rest_[0]);
    rest_.remove_prefix(1);
    return b;
  }
  /// An optional string: absent when the selector byte's low bit is 0.
  std::optional<std::string> maybe() {
    const std::uint8_t b = byte();
    std::string_view s = next();
    if ((b & 1U) == 0) return std::nullopt;
    return std::string(s);
  }

 private:
  std::string_view rest_;
  bool done_{false};
};

}  // namespace sgwchap_fuzz
