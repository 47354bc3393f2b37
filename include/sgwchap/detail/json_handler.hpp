// sgwchap — the decoder's boost::json::basic_parser handler: reads straight into our types, no
// DOM. Internal; the public API is <sgwchap/json_decode.hpp>.
//
// Positions: basic_parser hands a handler no positions. The handler keeps a cursor: the byte
// after the last token it was told about. At each event it skips white space, `,` and `:` from
// the cursor; the token starts there (the parser already accepted these bytes, so this re-lexing
// cannot disagree with it). It then moves the cursor past the token: one byte for `{ } [ ]`, 4
// or 5 for literals, the number's characters, and for a string either the view the parser gave
// (when it points into the input: an unescaped string, the usual case) or a scan to the
// closing quote. So every value and key has its exact first byte at no extra pass.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/basic_parser.hpp>

#include <sgwchap/decode_error.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/secure_buffer.hpp>
#include <sgwchap/service_error.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Limits of the decoders (SPEC §3).
struct decode_options {
  std::size_t max_body_size = std::size_t{1} << 20;  ///< bytes; larger bodies: body_too_large
  std::size_t max_depth = 32;                        ///< nested objects/arrays; deeper: nesting_too_deep
};

namespace detail {

/// The members any decoder knows, with their MODEL (or error body) names.
enum class member : std::uint8_t {
  unknown,
  target_arn,
  secret_to_authenticate_initiator,
  initiator_name,
  secret_to_authenticate_target,
  chap_credentials,
  type_name,      // __type
  code,           // code
  message,        // message
  message_caps,   // Message
  error,          // error
  error_code,     // error.errorCode
  error_details,  // error.errorDetails
  detail_value,   // a value inside errorDetails
};

/// What an open container is, for the handler.
enum class frame_kind : std::uint8_t {
  top,
  chap_array,
  chap_item,
  error_object,
  error_details,
  skip_object,
  skip_array
};

/// What a JSON value is, for wrong_type's `detail` (the expected kind) and for the handler.
enum class json_kind : std::uint32_t { string = 1, array = 2, object = 3, number = 4, boolean = 5, null = 6 };

struct frame {
  frame_kind kind{frame_kind::top};
  member pending{member::unknown};  // the member whose value comes next (objects)
  bool key_seen{false};             // a key was read in this object (for pointers)
  std::uint32_t seen{0};            // bit per member: duplicate detection
  std::size_t index{0};             // arrays: elements so far
  std::size_t key_offset{0};        // objects: offset of the current key's opening quote
};

/// The member names of each object kind. Request bodies add "did you mean" by index.
struct member_name {
  std::string_view name;
  member which;
};
inline constexpr std::array<member_name, 4> chap_info_members{{
    {"TargetARN", member::target_arn},
    {"SecretToAuthenticateInitiator", member::secret_to_authenticate_initiator},
    {"InitiatorName", member::initiator_name},
    {"SecretToAuthenticateTarget", member::secret_to_authenticate_target},
}};
inline constexpr std::array<member_name, 5> error_body_members{{
    {"__type", member::type_name},
    {"code", member::code},
    {"message", member::message},
    {"Message", member::message_caps},
    {"error", member::error},
}};
inline constexpr std::array<member_name, 2> error_object_members{{
    {"errorCode", member::error_code},
    {"errorDetails", member::error_details},
}};

[[nodiscard]] constexpr field field_of(member m) noexcept {
  switch (m) {
    case member::target_arn: return field::target_arn;
    case member::secret_to_authenticate_initiator: return field::secret_to_authenticate_initiator;
    case member::initiator_name: return field::initiator_name;
    case member::secret_to_authenticate_target: return field::secret_to_authenticate_target;
    case member::chap_credentials: return field::chap_credentials;
    default: return field::body;
  }
}

[[nodiscard]] constexpr bool is_ws(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Levenshtein distance for short ASCII names (unknown_key's "did you mean"); capped inputs.
[[nodiscard]] constexpr std::size_t edit_distance(std::string_view a, std::string_view b) noexcept {
  constexpr std::size_t cap = 48;
  if (a.size() > cap || b.size() > cap) return cap + 1;
  std::array<std::size_t, cap + 1> row{};
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? std::size_t{0} : std::size_t{1};
      std::size_t best = diagonal + cost;
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diagonal = up;
    }
  }
  return row[b.size()];
}

/// Appends the decoded text of the JSON string whose opening quote is at `offset` of `input`
/// (already accepted by the parser). Used only to name an unknown key in an error's pointer.
inline void append_unescaped_string(std::string& out, std::string_view input, std::size_t offset) {
  auto hex = [&](std::size_t at) -> std::uint32_t {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4 && at + k < input.size(); ++k) {
      const char c = input[at + k];
      v = v * 16U + static_cast<std::uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
  };
  auto put = [&](std::uint32_t cp) {
    if (cp < 0x80U) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800U) {
      out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
      out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else if (cp < 0x10000U) {
      out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
      out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else {
      out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
      out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    }
  };
  std::size_t i = offset + 1;
  while (i < input.size() && input[i] != '"') {
    if (input[i] != '\\') {
      out.push_back(input[i++]);
      continue;
    }
    if (i + 1 >= input.size()) break;
    const char e = input[i + 1];
    i += 2;
    switch (e) {
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        std::uint32_t cp = hex(i);
        i += 4;
        if (cp >= 0xD800U && cp <= 0xDBFFU && i + 6 <= input.size() && input[i] == '\\' && input[i + 1] == 'u') {
          const std::uint32_t low = hex(i + 2);
          if (low >= 0xDC00U && low <= 0xDFFFU) {
            cp = 0x10000U + ((cp - 0xD800U) << 10U) + (low - 0xDC00U);
            i += 6;
          }
        }
        put(cp >= 0xD800U && cp <= 0xDFFFU ? 0xFFFDU : cp);
        break;
      }
      default: out.push_back(e); break;
    }
  }
}

/// The handler. `Target` is a result, an unchecked request, or `service_error` (lenient: wrong
/// types and duplicates in an error body are ignored, since the error is reported either way).
template <class Target>
class decode_handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  static constexpr bool is_describe = std::is_same_v<Target, describe_chap_credentials_result>;
  static constexpr bool is_error_body = std::is_same_v<Target, service_error>;
  static constexpr bool is_request = std::is_same_v<Target, unchecked_update_chap_credentials_request> ||
                                     std::is_same_v<Target, unchecked_describe_chap_credentials_request> ||
                                     std::is_same_v<Target, unchecked_delete_chap_credentials_request>;
  static constexpr bool lenient = is_error_body;

  decode_handler(std::string_view input, Target& target, const decode_options& options) noexcept
      : input_(input), target_(target), options_(options) {}

  // -- what the decoder reads after the parse
  [[nodiscard]] bool failed() const noexcept { return failed_; }
  [[nodiscard]] const decode_error& failure() const noexcept { return failure_; }
  [[nodiscard]] bool secret_left_in_parser_memory() const noexcept { return secret_escaped_; }
  [[nodiscard]] std::string_view code_name() const noexcept { return code_; }
  [[nodiscard]] std::string_view type_name() const noexcept { return type_; }
  [[nodiscard]] bool has_message_caps() const noexcept { return message_caps_.has_value(); }
  [[nodiscard]] const std::optional<std::string>& message_caps() const noexcept { return message_caps_; }
  [[nodiscard]] bool has_message() const noexcept { return has_message_; }

  /// The pointer of the innermost open container (for malformed_json).
  [[nodiscard]] std::string container_pointer() const { return pointer(false); }
  [[nodiscard]] std::size_t cursor() const noexcept { return cursor_; }

  // -- basic_parser's handler interface
  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }

  bool on_object_begin(boost::system::error_code& ec) {
    const std::size_t at = token(1);
    if (stack_.empty()) return push(frame_kind::top, at, ec);
    frame& f = stack_.back();
    if (!enter_value(at, ec)) return false;
    switch (f.kind) {
      case frame_kind::chap_array:
        if constexpr (is_describe) target_.chap_credentials->emplace_back();
        return push(frame_kind::chap_item, at, ec);
      case frame_kind::skip_object:
      case frame_kind::skip_array: return push(frame_kind::skip_object, at, ec);
      default: break;
    }
    if (f.pending == member::error) return push(frame_kind::error_object, at, ec);
    if (f.pending == member::error_details) return push(frame_kind::error_details, at, ec);
    if (f.pending == member::unknown || (lenient && f.pending != member::unknown)) {
      return push(frame_kind::skip_object, at, ec);
    }
    return wrong_type(at, f.pending == member::chap_credentials ? json_kind::array : json_kind::string, ec);
  }

  bool on_object_end(std::size_t, boost::system::error_code&) {
    (void)token(1);
    stack_.pop_back();
    return true;
  }

  bool on_array_begin(boost::system::error_code& ec) {
    const std::size_t at = token(1);
    if (stack_.empty()) return not_an_object(at, ec);
    frame& f = stack_.back();
    if (!enter_value(at, ec)) return false;
    if (f.kind == frame_kind::skip_object || f.kind == frame_kind::skip_array)
      return push(frame_kind::skip_array, at, ec);
    if (f.kind == frame_kind::chap_array) return wrong_type(at, json_kind::object, ec);
    if (f.pending == member::chap_credentials) {
      if constexpr (is_describe) target_.chap_credentials.emplace();
      return push(frame_kind::chap_array, at, ec);
    }
    if (f.pending == member::unknown || lenient) return push(frame_kind::skip_array, at, ec);
    return wrong_type(at, json_kind::string, ec);
  }

  bool on_array_end(std::size_t, boost::system::error_code&) {
    (void)token(1);
    stack_.pop_back();
    return true;
  }

  bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    key_part(s);
    key_parts_ = true;
    return true;
  }

  bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
    const std::size_t at = string_token(s, key_parts_);
    key_part(s);
    const std::string_view key(key_buf_.data(), key_size_ <= key_buf_.size() ? key_size_ : 0);
    const bool too_long = key_size_ > key_buf_.size();
    key_size_ = 0;
    key_parts_ = false;
    frame& f = stack_.back();
    f.key_offset = at;
    f.key_seen = true;
    // errorDetails takes any key, however long (its text is re-read from the input when stored).
    f.pending = f.kind == frame_kind::error_details ? member::detail_value
                : too_long                          ? member::unknown
                                                    : lookup(f.kind, key);
    if (f.pending == member::unknown) {
      if constexpr (is_request) {
        if (f.kind == frame_kind::top)
          return fail(errc::unknown_key, field::body, at, ec, resembles(key, too_long), true);
      }
      return true;
    }
    if (f.kind == frame_kind::error_details) return true;  // detail_value: any key
    const std::uint32_t bit = 1U << static_cast<unsigned>(f.pending);
    if ((f.seen & bit) != 0) {
      if constexpr (lenient) {
        f.pending = member::unknown;  // keep the first value
        return true;
      } else {
        return fail(errc::duplicate_key, field_of(f.pending), at, ec, 0, true);
      }
    }
    f.seen |= bit;
    return true;
  }

  bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    parts_ = true;
    if (keeps_string()) scratch_.append(s.data(), s.size());
    return true;
  }

  bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
    const std::size_t at = string_token(s, parts_);
    const bool had_parts = parts_;
    parts_ = false;
    if (stack_.empty()) return not_an_object(at, ec);
    if (!enter_value(at, ec)) return false;
    const frame& f = stack_.back();
    if (f.kind == frame_kind::chap_array) return wrong_type(at, json_kind::object, ec);
    if (!keeps_string()) {
      if (f.pending == member::chap_credentials && !lenient) return wrong_type(at, json_kind::array, ec);
      if (f.pending == member::error && !lenient) return wrong_type(at, json_kind::object, ec);
      scratch_.clear();
      return true;
    }
    std::string_view value(s.data(), s.size());
    if (had_parts) {
      scratch_.append(s.data(), s.size());
      value = scratch_.view();
    }
    const bool from_input = !had_parts && s.data() >= input_.data() && s.data() <= input_.data() + input_.size();
    store(f, value, from_input);
    scratch_.clear();
    return true;
  }

  bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_int64(std::int64_t, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }
  bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }
  bool on_double(double, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }

  bool on_bool(bool b, boost::system::error_code& ec) { return scalar(token(b ? 4 : 5), json_kind::boolean, ec); }

  bool on_null(boost::system::error_code& ec) {
    const std::size_t at = token(4);
    if (stack_.empty()) return not_an_object(at, ec);
    if (!enter_value(at, ec)) return false;
    const frame& f = stack_.back();
    if (f.kind == frame_kind::chap_array && !lenient) return wrong_type(at, json_kind::object, ec);
    return true;  // SPEC §3: null counts as absent
  }

  bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

 private:
  // -- positions
  std::size_t skip_separators() noexcept {
    while (cursor_ < input_.size() && (is_ws(input_[cursor_]) || input_[cursor_] == ',' || input_[cursor_] == ':')) {
      ++cursor_;
    }
    return cursor_;
  }
  std::size_t token(std::size_t length) noexcept {
    const std::size_t at = skip_separators();
    cursor_ = at + length;
    return at;
  }
  std::size_t string_token(boost::json::string_view s, bool had_parts) noexcept {
    const std::size_t at = skip_separators();
    const char* expected = input_.data() + at + 1;
    if (!had_parts && s.data() == expected && at + 1 + s.size() < input_.size() && input_[at + 1 + s.size()] == '"') {
      cursor_ = at + s.size() + 2;
      return at;
    }
    std::size_t i = at + 1;
    while (i < input_.size() && input_[i] != '"') i += input_[i] == '\\' ? std::size_t{2} : std::size_t{1};
    cursor_ = i + 1;
    return at;
  }

  // -- structure
  bool push(frame_kind kind, std::size_t at, boost::system::error_code& ec) {
    if (stack_.size() + 1 > options_.max_depth) {
      const auto limit =
          static_cast<std::uint32_t>(options_.max_depth > 0xFFFFFFFFU ? 0xFFFFFFFFU : options_.max_depth);
      return fail(errc::nesting_too_deep, field::body, at, ec, 0, true, limit);
    }
    frame f;
    f.kind = kind;
    stack_.push_back(f);
    return true;
  }

  /// Counts array elements (pointers name the current one); false never (kept for symmetry).
  bool enter_value(std::size_t, boost::system::error_code&) {
    frame& f = stack_.back();
    if (f.kind == frame_kind::chap_array || f.kind == frame_kind::skip_array) {
      if (f.key_seen) ++f.index;  // key_seen marks "an element was seen" in arrays
      f.key_seen = true;
    }
    return true;
  }

  bool number(boost::system::error_code& ec) {
    const std::size_t at = skip_separators();
    std::size_t i = at;
    while (i < input_.size() && (input_[i] == '-' || input_[i] == '+' || input_[i] == '.' || input_[i] == 'e' ||
                                 input_[i] == 'E' || (input_[i] >= '0' && input_[i] <= '9'))) {
      ++i;
    }
    cursor_ = i;
    return scalar(at, json_kind::number, ec);
  }

  bool scalar(std::size_t at, json_kind, boost::system::error_code& ec) {
    if (stack_.empty()) return not_an_object(at, ec);
    if (!enter_value(at, ec)) return false;
    const frame& f = stack_.back();
    if constexpr (lenient) return true;
    if (f.kind == frame_kind::chap_array) return wrong_type(at, json_kind::object, ec);
    if (f.kind == frame_kind::skip_object || f.kind == frame_kind::skip_array || f.pending == member::unknown) {
      return true;
    }
    return wrong_type(at, f.pending == member::chap_credentials ? json_kind::array : json_kind::string, ec);
  }

  [[nodiscard]] bool keeps_string() const noexcept {
    if (stack_.empty()) return false;
    const frame& f = stack_.back();
    if (f.kind == frame_kind::skip_object || f.kind == frame_kind::skip_array || f.kind == frame_kind::chap_array) {
      return false;
    }
    return f.pending != member::unknown && f.pending != member::chap_credentials && f.pending != member::error &&
           f.pending != member::error_details;
  }

  [[nodiscard]] static member lookup(frame_kind kind, std::string_view key) noexcept {
    auto find = [&](const auto& table) {
      for (const auto& m : table) {
        if (m.name == key) return m.which;
      }
      return member::unknown;
    };
    switch (kind) {
      case frame_kind::top:
        if constexpr (is_describe) return key == "ChapCredentials" ? member::chap_credentials : member::unknown;
        if constexpr (is_error_body)
          return find(error_body_members);
        else {
          const member m = find(chap_info_members);
          return allowed_at_top(m) ? m : member::unknown;
        }
      case frame_kind::chap_item: return find(chap_info_members);
      case frame_kind::error_object: return find(error_object_members);
      case frame_kind::error_details: return member::detail_value;
      default: return member::unknown;
    }
  }

  [[nodiscard]] static constexpr bool allowed_at_top(member m) noexcept {
    if constexpr (std::is_same_v<Target, unchecked_update_chap_credentials_request>) return m != member::unknown;
    if constexpr (std::is_same_v<Target, unchecked_describe_chap_credentials_request>) return m == member::target_arn;
    return m == member::target_arn || m == member::initiator_name;
  }

  /// unknown_key's `detail`: 1 + index (in MODEL order) of the member the key resembles, or 0.
  [[nodiscard]] static std::uint32_t resembles(std::string_view key, bool too_long) noexcept {
    if (too_long) return 0;
    std::uint32_t best = 0;
    std::size_t best_distance = 4;  // at most 3 edits, or a case-insensitive match
    for (std::size_t i = 0; i < chap_info_members.size(); ++i) {
      if (!allowed_at_top(chap_info_members[i].which)) continue;
      const std::string_view name = chap_info_members[i].name;
      std::size_t d = edit_distance(key, name);
      if (d != 0 && iequals(key, name)) d = 1;
      if (d < best_distance) {
        best_distance = d;
        best = static_cast<std::uint32_t>(i + 1);
      }
    }
    return best;
  }

  void key_part(boost::json::string_view s) noexcept {
    for (const char c : s) {
      if (key_size_ < key_buf_.size()) key_buf_[key_size_] = c;
      ++key_size_;
    }
  }

  void store(const frame& f, std::string_view value, bool from_input) {
    const member m = f.pending;
    if (m == member::secret_to_authenticate_initiator || m == member::secret_to_authenticate_target) {
      if (!from_input) secret_escaped_ = true;
    }
    if constexpr (is_describe) {
      if (f.kind != frame_kind::chap_item) return;
      chap_info& info = target_.chap_credentials->back();
      switch (m) {
        case member::target_arn: info.target_arn.emplace(value); break;
        case member::secret_to_authenticate_initiator:
          info.secret_to_authenticate_initiator.emplace(chap_secret::unchecked(value));
          break;
        case member::initiator_name: info.initiator_name.emplace(value); break;
        case member::secret_to_authenticate_target:
          info.secret_to_authenticate_target.emplace(chap_secret::unchecked(value));
          break;
        default: break;
      }
    } else if constexpr (is_error_body) {
      switch (m) {
        case member::type_name: type_.assign(value); break;
        case member::code: code_.assign(value); break;
        case member::message:
          target_.message.assign(value);
          has_message_ = true;
          break;
        case member::message_caps: message_caps_.emplace(value); break;
        case member::error_code: target_.error_code.emplace(value); break;
        case member::detail_value: {
          std::string key;
          append_unescaped_string(key, input_, f.key_offset);
          target_.error_details.emplace(std::move(key), std::string(value));
          break;
        }
        default: break;
      }
    } else {
      switch (m) {
        case member::target_arn: target_.target_arn.emplace(value); break;
        case member::initiator_name:
          if constexpr (!std::is_same_v<Target, unchecked_describe_chap_credentials_request>) {
            target_.initiator_name.emplace(value);
          }
          break;
        case member::secret_to_authenticate_initiator:
          if constexpr (std::is_same_v<Target, unchecked_update_chap_credentials_request>) {
            target_.secret_to_authenticate_initiator.emplace(chap_secret::unchecked(value));
          }
          break;
        case member::secret_to_authenticate_target:
          if constexpr (std::is_same_v<Target, unchecked_update_chap_credentials_request>) {
            target_.secret_to_authenticate_target.emplace(chap_secret::unchecked(value));
          }
          break;
        default: break;
      }
    }
  }

  // -- errors
  bool not_an_object(std::size_t at, boost::system::error_code& ec) {
    return fail(errc::not_an_object, field::body, at, ec, 0, false);
  }
  bool wrong_type(std::size_t at, json_kind expected, boost::system::error_code& ec) {
    if constexpr (lenient) {
      (void)at;
      (void)expected;
      (void)ec;
      return true;
    } else {
      const frame& f = stack_.back();
      const field which = f.kind == frame_kind::chap_array ? field::chap_credentials : field_of(f.pending);
      return fail(errc::wrong_type, which, at, ec, static_cast<std::uint32_t>(expected), true);
    }
  }
  bool fail(errc code, field which, std::size_t at, boost::system::error_code& ec, std::uint32_t extra, bool with_key,
            std::uint32_t limit = 0) {
    failed_ = true;
    failure_ = decode_error(make_error(code, which, at, profile::aws_model, limit, length_unit::bytes, extra),
                            pointer(with_key));
    ec = boost::json::error::syntax;  // any failure stops the parser; failure_ says why
    return false;
  }

  /// JSON Pointer of the open containers (and the pending key / array element when `with_key`).
  [[nodiscard]] std::string pointer(bool with_key) const {
    std::string out;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const frame& f = stack_[i];
      const bool last = i + 1 == stack_.size();
      if (last && !with_key) break;
      if (f.kind == frame_kind::chap_array || f.kind == frame_kind::skip_array) {
        if (!f.key_seen) break;
        out.push_back('/');
        append_number(out, f.index);
      } else {
        if (!f.key_seen) break;
        std::string key;
        append_unescaped_string(key, input_, f.key_offset);
        append_pointer_token(out, key);
      }
    }
    return out;
  }

  std::string_view input_;
  Target& target_;
  const decode_options& options_;
  std::vector<frame> stack_;
  std::size_t cursor_{0};
  secure_buffer scratch_;  // string parts; wiped after each value
  std::array<char, 48> key_buf_{};
  std::size_t key_size_{0};
  bool key_parts_{false};
  bool parts_{false};
  bool failed_{false};
  bool secret_escaped_{false};
  bool has_message_{false};
  decode_error failure_;
  std::string type_;
  std::string code_;
  std::optional<std::string> message_caps_;
};

}  // namespace detail
SGWCHAP_END_NAMESPACE
