// sgwchap — the decoder's boost::json::basic_parser handler for the bound types (results and
// unchecked requests): reads straight into them, member by member from their tables
// (operations.hpp), with no DOM. Internal; the public API is <sgwchap/json/decode.hpp>.
//
// A frame per open object or array. An object frame knows the C++ object it fills and that
// object's `object_binding`: its member table and, for each row, how to store a string or open
// a structure list, written once per C++ type by templates over the table. So one handler class
// serves every operation, and a new member or operation needs no code here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/json/basic_parser.hpp>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/members.hpp>
#include <sgwchap/json/detail/cursor.hpp>
#include <sgwchap/json/options.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/wire/decode_error.hpp>
#include <sgwchap/wire/secure_buffer.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// What a JSON value is, for wrong_type's `detail` (the expected kind).
enum class json_kind : std::uint32_t { string = 1, array = 2, object = 3 };

/// The JSON kind a row's value must have.
[[nodiscard]] constexpr json_kind kind_of(const member_info& m) noexcept {
  return m.type == member_type::structure_list ? json_kind::array : json_kind::string;
}

struct object_binding;

/// An open structure list: the vector, how to add an element, and the elements' binding.
struct list_ref {
  void* list{nullptr};
  void* (*append)(void* list){nullptr};
  const object_binding* element{nullptr};
};

/// How the handler fills one C++ type, type-erased: its table, and per row how to store a
/// string (string rows) or open a structure list (structure_list rows).
struct object_binding {
  const shape_info* shape;
  void (*store_string)(void* object, std::size_t row, std::string_view value);
  list_ref (*open_list)(void* object, std::size_t row);
};

template <class T>
void store_string_into(void* object, std::size_t r, std::string_view value) {
  for_each_member(*static_cast<T*>(object), [&](auto i, auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    if (decltype(i)::value != r) return;
    if constexpr (std::is_same_v<M, std::optional<chap_secret>>) {
      member.emplace(chap_secret::unchecked(value));  // decoded secrets are kept as sent
    } else if constexpr (std::is_same_v<M, std::optional<std::string>>) {
      member.emplace(value);
    }
  });
}

template <class E>
void* append_element(void* list) {
  return &static_cast<std::vector<E>*>(list)->emplace_back();
}

template <class T>
list_ref open_list_in(void* object, std::size_t r);

/// The binding of T (one constant object per bound type).
template <class T>
inline constexpr object_binding binding_of{shape_of<T>, &store_string_into<T>, &open_list_in<T>};

template <class T>
list_ref open_list_in(void* object, std::size_t r) {
  list_ref out;
  for_each_member(*static_cast<T*>(object), [&](auto i, auto& member) {
    using E = list_element_t<decltype(member)>;
    if constexpr (!std::is_void_v<E>) {
      if (decltype(i)::value != r) return;
      out = list_ref{&member.emplace(), &append_element<E>, &binding_of<E>};
    }
  });
  return out;
}

/// The handler. `Target` is a bound result or unchecked request; `request_body` adds the rule
/// of request bodies: an unknown top-level key is unknown_key, not ignored.
template <class Target, bool RequestBody>
class decode_handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  decode_handler(std::string_view input, Target& target, const decode_options& options) noexcept
      : cursor_(input), target_(target), options_(options) {}

  // -- what the decoder reads after the parse
  [[nodiscard]] bool failed() const noexcept { return failed_; }
  [[nodiscard]] const decode_error& failure() const noexcept { return failure_; }
  [[nodiscard]] bool secret_left_in_parser_memory() const noexcept { return secret_escaped_; }
  /// The pointer of the innermost open container (for malformed_json).
  [[nodiscard]] std::string container_pointer() const { return pointer(false); }

  // -- basic_parser's handler interface
  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }

  bool on_object_begin(boost::system::error_code& ec) {
    const std::size_t at = cursor_.token(1);
    if (stack_.empty()) return push(frame{frame_kind::object, &binding_of<Target>, &target_}, at, ec);
    frame& f = stack_.back();
    enter_value();
    switch (f.kind) {
      case frame_kind::list: {
        void* element = f.list.append(f.list.list);
        return push(frame{frame_kind::object, f.list.element, element}, at, ec);
      }
      case frame_kind::skip_object:
      case frame_kind::skip_array: return push(frame{frame_kind::skip_object}, at, ec);
      case frame_kind::object: break;
    }
    if (f.pending == unknown_row) return push(frame{frame_kind::skip_object}, at, ec);
    return wrong_type(at, kind_of(pending_row(f)), ec);
  }

  bool on_object_end(std::size_t, boost::system::error_code&) {
    (void)cursor_.token(1);
    stack_.pop_back();
    return true;
  }

  bool on_array_begin(boost::system::error_code& ec) {
    const std::size_t at = cursor_.token(1);
    if (stack_.empty()) return not_an_object(at, ec);
    frame& f = stack_.back();
    enter_value();
    if (f.kind == frame_kind::skip_object || f.kind == frame_kind::skip_array) {
      return push(frame{frame_kind::skip_array}, at, ec);
    }
    if (f.kind == frame_kind::list) return wrong_type(at, json_kind::object, ec);
    if (f.pending == unknown_row) return push(frame{frame_kind::skip_array}, at, ec);
    const member_info& m = pending_row(f);
    if (m.type != member_type::structure_list) return wrong_type(at, kind_of(m), ec);
    frame list{frame_kind::list};
    list.list = f.binding->open_list(f.object, f.pending);
    return push(list, at, ec);
  }

  bool on_array_end(std::size_t, boost::system::error_code&) {
    (void)cursor_.token(1);
    stack_.pop_back();
    return true;
  }

  bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    key_part(s);
    key_parts_ = true;
    return true;
  }

  bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
    const std::size_t at = cursor_.string_token(s, key_parts_);
    key_part(s);
    const bool too_long = key_size_ > key_buf_.size();
    const std::string_view key(key_buf_.data(), too_long ? 0 : key_size_);
    key_size_ = 0;
    key_parts_ = false;
    frame& f = stack_.back();
    f.key_offset = at;
    f.key_seen = true;
    f.pending = unknown_row;
    if (f.kind != frame_kind::object) return true;
    const std::size_t r = too_long ? f.binding->shape->members.size() : f.binding->shape->find(key);
    if (r == f.binding->shape->members.size()) {
      if constexpr (RequestBody) {
        if (stack_.size() == 1) return fail(errc::unknown_key, field::body, at, ec, resembles(key, too_long), true);
      }
      return true;
    }
    const std::uint64_t bit = std::uint64_t{1} << r;
    if ((f.seen & bit) != 0) return fail(errc::duplicate_key, f.binding->shape->members[r].which, at, ec, 0, true);
    f.seen |= bit;
    f.pending = static_cast<std::uint8_t>(r);
    return true;
  }

  bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    parts_ = true;
    if (keeps_string()) scratch_.append(s.data(), s.size());
    return true;
  }

  bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
    const std::size_t at = cursor_.string_token(s, parts_);
    const bool had_parts = parts_;
    parts_ = false;
    if (stack_.empty()) return not_an_object(at, ec);
    enter_value();
    const frame& f = stack_.back();
    if (f.kind == frame_kind::list) return wrong_type(at, json_kind::object, ec);
    if (!keeps_string()) {
      scratch_.clear();
      if (f.kind == frame_kind::object && f.pending != unknown_row) return wrong_type(at, kind_of(pending_row(f)), ec);
      return true;
    }
    std::string_view value(s.data(), s.size());
    if (had_parts) {
      scratch_.append(s.data(), s.size());
      value = scratch_.view();
    }
    if (pending_row(f).sensitive && (had_parts || !cursor_.from_input(s))) secret_escaped_ = true;
    f.binding->store_string(f.object, f.pending, value);
    scratch_.clear();
    return true;
  }

  bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_int64(std::int64_t, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }
  bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }
  bool on_double(double, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }

  bool on_bool(bool b, boost::system::error_code& ec) { return scalar(cursor_.token(b ? 4 : 5), ec); }

  bool on_null(boost::system::error_code& ec) {
    const std::size_t at = cursor_.token(4);
    if (stack_.empty()) return not_an_object(at, ec);
    enter_value();
    if (stack_.back().kind == frame_kind::list) return wrong_type(at, json_kind::object, ec);
    return true;  // null counts as absent (docs/sources.md SMITHY-JSON)
  }

  bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

 private:
  static constexpr std::uint8_t unknown_row = 0xFF;

  enum class frame_kind : std::uint8_t { object, list, skip_object, skip_array };

  struct frame {
    frame_kind kind{frame_kind::skip_object};
    const object_binding* binding{nullptr};  // object: the type being filled
    void* object{nullptr};                   // object: the C++ object being filled
    list_ref list{};                         // list: the vector and its elements' binding
    std::uint8_t pending{unknown_row};       // object: the row whose value comes next
    bool key_seen{false};                    // object: a key was read; list/skip_array: an element was seen
    std::uint64_t seen{0};                   // object: bit per row, for duplicate keys
    std::size_t index{0};                    // arrays: the current element
    std::size_t key_offset{0};               // objects: offset of the current key's opening quote
  };
  static_assert(sizeof(std::uint64_t) * 8 >= 64);  // a shape has fewer than 64 members

  [[nodiscard]] const member_info& pending_row(const frame& f) const noexcept {
    return f.binding->shape->members[f.pending];
  }

  bool push(frame f, std::size_t at, boost::system::error_code& ec) {
    if (stack_.size() + 1 > options_.max_depth) {
      const auto limit =
          static_cast<std::uint32_t>(options_.max_depth > 0xFFFFFFFFU ? 0xFFFFFFFFU : options_.max_depth);
      return fail(errc::nesting_too_deep, field::body, at, ec, 0, true, limit);
    }
    stack_.push_back(f);
    return true;
  }

  /// Counts array elements (pointers name the current one).
  void enter_value() noexcept {
    frame& f = stack_.back();
    if (f.kind == frame_kind::list || f.kind == frame_kind::skip_array) {
      if (f.key_seen) ++f.index;  // key_seen marks "an element was seen" in arrays
      f.key_seen = true;
    }
  }

  bool number(boost::system::error_code& ec) { return scalar(cursor_.number_token(), ec); }

  /// A number or a boolean: no member of the tables holds one.
  bool scalar(std::size_t at, boost::system::error_code& ec) {
    if (stack_.empty()) return not_an_object(at, ec);
    enter_value();
    const frame& f = stack_.back();
    if (f.kind == frame_kind::list) return wrong_type(at, json_kind::object, ec);
    if (f.kind != frame_kind::object || f.pending == unknown_row) return true;
    return wrong_type(at, kind_of(pending_row(f)), ec);
  }

  [[nodiscard]] bool keeps_string() const noexcept {
    if (stack_.empty()) return false;
    const frame& f = stack_.back();
    return f.kind == frame_kind::object && f.pending != unknown_row && pending_row(f).type == member_type::string;
  }

  /// unknown_key's `detail`: 1 + the row of the member the key resembles (at most 3 edits, or a
  /// case-insensitive match), or 0.
  [[nodiscard]] static std::uint32_t resembles(std::string_view key, bool too_long) noexcept {
    if (too_long) return 0;
    const auto members = shape_of<Target>->members;
    std::uint32_t best = 0;
    std::size_t best_distance = 4;
    for (std::size_t i = 0; i < members.size(); ++i) {
      std::size_t d = edit_distance(key, members[i].name);
      if (d != 0 && iequals(key, members[i].name)) d = 1;
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

  // -- errors
  bool not_an_object(std::size_t at, boost::system::error_code& ec) {
    return fail(errc::not_an_object, field::body, at, ec, 0, false);
  }
  bool wrong_type(std::size_t at, json_kind expected, boost::system::error_code& ec) {
    const frame& f = stack_.back();
    const field which = f.kind == frame_kind::list     ? list_field()
                        : f.kind == frame_kind::object ? pending_row(f).which
                                                       : field::body;
    return fail(errc::wrong_type, which, at, ec, static_cast<std::uint32_t>(expected), true);
  }
  /// The field of the structure list that holds the innermost open list.
  [[nodiscard]] field list_field() const noexcept {
    if (stack_.size() < 2) return field::body;
    const frame& parent = stack_[stack_.size() - 2];
    return parent.kind == frame_kind::object && parent.pending != unknown_row ? pending_row(parent).which : field::body;
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
      if (i + 1 == stack_.size() && !with_key) break;
      if (!f.key_seen) break;
      if (f.kind == frame_kind::list || f.kind == frame_kind::skip_array) {
        out.push_back('/');
        append_number(out, f.index);
      } else {
        std::string key;
        append_unescaped_string(key, cursor_.input(), f.key_offset);
        append_pointer_token(out, key);
      }
    }
    return out;
  }

  json_cursor cursor_;
  Target& target_;
  const decode_options& options_;
  std::vector<frame> stack_;
  secure_buffer scratch_;  // string parts; wiped after each value
  std::array<char, 48> key_buf_{};
  std::size_t key_size_{0};
  bool key_parts_{false};
  bool parts_{false};
  bool failed_{false};
  bool secret_escaped_{false};
  decode_error failure_;
};

}  // namespace detail
SGWCHAP_END_NAMESPACE
