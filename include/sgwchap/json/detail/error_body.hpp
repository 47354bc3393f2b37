// sgwchap — the basic_parser handler of error response bodies (SMITHY-JSON errors, APIREF-Errors,
// MODEL StorageGatewayError). Internal; the public API is decode_service_error in
// <sgwchap/json/decode.hpp>.
//
//   error-body = "{" members "}"   ; top-level keys it reads, every other key is skipped:
//     "__type"  : string           ; the error's name (a nested "__type" is not)
//     "code"    : string           ; the name, in some services' errors
//     "message" : string  /  "Message" : string
//     "error"   : { "errorCode" : string, "errorDetails" : { *( string : string ) } }
//
// A member of the wrong type is skipped (the error is reported either way). A key it reads that
// appears twice in its object is refused as duplicate_key, as in any other body: botocore and
// the JavaScript SDK keep the last value, and two readers must never see two different errors.
// The body is parsed with invalid UTF-8 allowed: a byte that is not UTF-8 inside a string does
// not hide the error's name; every string kept is sanitized (a bad byte becomes U+FFFD), so a
// service_error always holds valid UTF-8.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/basic_parser.hpp>

#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/json/detail/cursor.hpp>
#include <sgwchap/json/options.hpp>
#include <sgwchap/wire/decode_error.hpp>
#include <sgwchap/wire/service_error.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// Assigns to `out` the text `s` with every byte that is not well-formed UTF-8 (RFC 3629 §4)
/// replaced by U+FFFD. A valid text (the usual case) is copied as it is, in one step.
inline void assign_valid_utf8(std::string& out, std::string_view s) {
  const utf8_scan scan = scan_utf8(s);
  if (scan.ok) {
    out.assign(s);
    return;
  }
  out.assign(s.substr(0, scan.error_offset));
  for (std::size_t i = scan.error_offset; i < s.size();) {
    const utf8_char c = decode_utf8(s, i);
    if (c.length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, c.length));
      i += c.length;
    }
  }
}

/// `s` with every byte that is not well-formed UTF-8 replaced by U+FFFD.
[[nodiscard]] inline std::string valid_utf8_text(std::string_view s) {
  std::string out;
  assign_valid_utf8(out, s);
  return out;
}

class error_body_handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  error_body_handler(std::string_view input, service_error& target, const decode_options& options) noexcept
      : cursor_(input), target_(target), options_(options) {}

  /// The body is not one JSON object within the limits (the error is then read from the status
  /// and the header, with an excerpt).
  [[nodiscard]] bool failed() const noexcept { return failed_; }
  /// A body refused outright: a key read twice (duplicate_key, with its pointer and offset).
  [[nodiscard]] const std::optional<decode_error>& refused() const noexcept { return refused_; }
  /// The name candidates and the capitalized message, taken once the body is read.
  [[nodiscard]] std::string& code_name() noexcept { return code_; }
  [[nodiscard]] std::string& type_name() noexcept { return type_; }
  [[nodiscard]] std::optional<std::string>& message_caps() noexcept { return message_caps_; }
  [[nodiscard]] bool has_message() const noexcept { return has_message_; }

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }

  bool on_object_begin(boost::system::error_code& ec) {
    (void)cursor_.token(1);
    if (depth() == 0) return push(frame_kind::top, ec);
    if (skip_depth_ == 0) {
      const frame& f = frames_[count_ - 1];
      if (f.kind == frame_kind::top && f.pending == slot::error) return push(frame_kind::error_object, ec);
      if (f.kind == frame_kind::error_object && f.pending == slot::error_details) {
        detail_keys_.clear();
        return push(frame_kind::details, ec);
      }
    }
    return push_skip(ec);
  }
  bool on_object_end(std::size_t, boost::system::error_code&) {
    (void)cursor_.token(1);
    pop();
    return true;
  }
  bool on_array_begin(boost::system::error_code& ec) {
    (void)cursor_.token(1);
    if (depth() == 0) return fail(ec);  // not an object
    return push_skip(ec);
  }
  bool on_array_end(std::size_t, boost::system::error_code&) {
    (void)cursor_.token(1);
    pop();
    return true;
  }

  bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    if (skip_depth_ == 0) key_.append(s.data(), s.size());
    key_parts_ = true;
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
    const std::size_t at = cursor_.string_token(s, key_parts_);
    const bool parts = std::exchange(key_parts_, false);
    if (skip_depth_ > 0) return true;  // a key inside a skipped value: never read
    if (parts) key_.append(s.data(), s.size());
    const std::string_view key = parts ? std::string_view(key_) : std::string_view(s.data(), s.size());
    frame& f = frames_[count_ - 1];
    f.pending = slot::none;
    f.key_offset = at;
    bool repeated = false;
    if (f.kind == frame_kind::details) {
      f.pending = slot::detail_value;
      repeated = !detail_keys_.emplace(key).second;
    } else {
      f.pending = lookup(f.kind, key);
      if (f.pending != slot::none) {
        const auto bit = 1U << static_cast<unsigned>(f.pending);
        repeated = (f.seen & bit) != 0;
        f.seen |= bit;
      }
    }
    key_.clear();
    if (repeated) return refuse(at, ec);
    return true;
  }

  bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    parts_ = true;
    if (skip_depth_ == 0) scratch_.append(s.data(), s.size());
    return true;
  }
  bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
    (void)cursor_.string_token(s, parts_);
    const bool parts = std::exchange(parts_, false);
    if (depth() == 0) return fail(ec);
    if (skip_depth_ > 0) return true;
    if (parts) scratch_.append(s.data(), s.size());
    store(frames_[count_ - 1], parts ? std::string_view(scratch_) : std::string_view(s.data(), s.size()));
    scratch_.clear();
    return true;
  }

  bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_int64(std::int64_t, boost::json::string_view, boost::system::error_code& ec) {
    return scalar(cursor_.number_token(), ec);
  }
  bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code& ec) {
    return scalar(cursor_.number_token(), ec);
  }
  bool on_double(double, boost::json::string_view, boost::system::error_code& ec) {
    return scalar(cursor_.number_token(), ec);
  }
  bool on_bool(bool b, boost::system::error_code& ec) { return scalar(cursor_.token(b ? 4 : 5), ec); }
  bool on_null(boost::system::error_code& ec) { return scalar(cursor_.token(4), ec); }
  bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

 private:
  enum class frame_kind : std::uint8_t { top, error_object, details };
  enum class slot : std::uint8_t {
    type_name,
    code,
    message,
    message_caps,
    error,
    error_code,
    error_details,
    detail_value,
    none
  };

  /// An object whose keys are read: the body, its "error" and that one's "errorDetails", never
  /// deeper. Every other object or array, and everything inside one, is skipped and only counted.
  struct frame {
    frame_kind kind{frame_kind::top};
    slot pending{slot::none};
    unsigned seen{0};
    std::size_t key_offset{0};  // the current key's opening quote
  };

  [[nodiscard]] static slot lookup(frame_kind kind, std::string_view key) noexcept {
    if (kind == frame_kind::top) {
      if (key == "__type") return slot::type_name;
      if (key == "code") return slot::code;
      if (key == "message") return slot::message;
      if (key == "Message") return slot::message_caps;
      if (key == "error") return slot::error;
      return slot::none;
    }
    if (key == "errorCode") return slot::error_code;
    if (key == "errorDetails") return slot::error_details;
    return slot::none;
  }

  [[nodiscard]] std::size_t depth() const noexcept { return count_ + skip_depth_; }
  bool push(frame_kind kind, boost::system::error_code& ec) {
    if (depth() + 1 > options_.max_depth) return fail(ec);
    frames_[count_++] = frame{kind};
    return true;
  }
  bool push_skip(boost::system::error_code& ec) {
    if (depth() + 1 > options_.max_depth) return fail(ec);
    ++skip_depth_;
    return true;
  }
  void pop() noexcept {
    if (skip_depth_ > 0) {
      --skip_depth_;
    } else {
      --count_;
    }
  }
  /// A number or a literal: never stored (skipped, or ignored where a string belongs).
  bool scalar(std::size_t, boost::system::error_code& ec) { return depth() == 0 ? fail(ec) : true; }
  bool fail(boost::system::error_code& ec) {
    failed_ = true;
    ec = boost::json::error::syntax;
    return false;
  }
  /// duplicate_key at the repeated key's opening quote, with the pointer of the key.
  bool refuse(std::size_t at, boost::system::error_code& ec) {
    std::string pointer;
    std::string key;
    for (std::size_t i = 0; i < count_; ++i) {
      key.clear();
      append_unescaped_string(key, cursor_.input(), frames_[i].key_offset);
      append_pointer_token(pointer, valid_utf8_text(key));
    }
    refused_.emplace(make_error(errc::duplicate_key, field::body, at, profile::aws_model), std::move(pointer));
    return fail(ec);
  }

  void store(const frame& f, std::string_view raw) {
    switch (f.pending) {
      case slot::type_name: assign_valid_utf8(type_, raw); break;
      case slot::code: assign_valid_utf8(code_, raw); break;
      case slot::message:
        assign_valid_utf8(target_.message, raw);
        has_message_ = true;
        break;
      case slot::message_caps: assign_valid_utf8(message_caps_.emplace(), raw); break;
      case slot::error_code: target_.error_code.emplace(valid_utf8_text(raw)); break;
      case slot::detail_value: {
        std::string key;
        append_unescaped_string(key, cursor_.input(), f.key_offset);
        target_.error_details.emplace(valid_utf8_text(key), valid_utf8_text(raw));
        break;
      }
      default: break;  // not read, or an object expected ("error", "errorDetails")
    }
  }

  json_cursor cursor_;
  service_error& target_;
  const decode_options& options_;
  std::array<frame, 3> frames_{};
  std::size_t count_{0};
  std::size_t skip_depth_{0};
  std::set<std::string, std::less<>> detail_keys_;  // the keys of "errorDetails" read so far
  std::string key_;
  std::string scratch_;
  bool key_parts_{false};
  bool parts_{false};
  bool failed_{false};
  bool has_message_{false};
  std::optional<decode_error> refused_;
  std::string type_;
  std::string code_;
  std::optional<std::string> message_caps_;
};

}  // namespace detail
SGWCHAP_END_NAMESPACE
