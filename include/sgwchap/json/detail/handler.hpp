// sgwchap — the decoder's boost::json::basic_parser handler for the bound types (results and
// unchecked requests): reads straight into them, member by member from their tables
// (operations.hpp), with no DOM. Internal; the public API is <sgwchap/json/decode.hpp>.
//
// A frame per open object or array. An object frame knows the C++ object it fills and that
// object's `object_binding`: its member table and, for each row, how to store a string or open
// a structure list, written once per C++ type by templates over the table. So one handler class,
// not a template, serves every operation, and a new member or operation needs no code here.
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
#include <sgwchap/json/detail/numbers.hpp>
#include <sgwchap/json/options.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/wire/decode_error.hpp>
#include <sgwchap/wire/secure_buffer.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace detail {

/// What a JSON value is, for wrong_type's `detail` (the expected kind).
enum class json_kind : std::uint32_t { string = 1, array = 2, object = 3, number = 4, boolean = 5 };

/// The JSON kind a row's value must have (SMITHY-JSON).
[[nodiscard]] constexpr json_kind kind_of(const member_info& m) noexcept {
  switch (m.type) {
    case member_type::string: return json_kind::string;
    case member_type::structure_list:
    case member_type::string_list: return json_kind::array;
    case member_type::structure: return json_kind::object;
    case member_type::boolean: return json_kind::boolean;
    case member_type::integer:
    case member_type::long_integer:
    case member_type::double_number:
    case member_type::timestamp: return json_kind::number;
  }
  return json_kind::string;
}

struct object_binding;

/// An open structure list: the vector, how to add an element, and the elements' binding.
struct list_ref {
  void* list{nullptr};
  void* (*append)(void* list){nullptr};
  const object_binding* element{nullptr};
};

/// An open nested structure: the C++ object and its binding.
struct object_ref {
  void* object{nullptr};
  const object_binding* binding{nullptr};
};

/// How the handler fills one C++ type, type-erased: its table, and per row how to store a
/// string, a number or a boolean, or open a list or a nested structure. Each function acts on
/// the rows of its kind only.
struct object_binding {
  const shape_info* shape;
  void (*store_string)(void* object, std::size_t row, std::string_view value);
  list_ref (*open_list)(void* object, std::size_t row);
  number_outcome (*store_number)(void* object, std::size_t row, std::string_view text);
  void (*store_bool)(void* object, std::size_t row, bool value);
  std::vector<std::string>* (*open_string_list)(void* object, std::size_t row);
  object_ref (*open_structure)(void* object, std::size_t row);
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

template <class T>
number_outcome store_number_into(void* object, std::size_t r, std::string_view text) {
  number_outcome out;
  for_each_member(*static_cast<T*>(object), [&](auto i, auto& member) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if constexpr (is_number_type(m.type)) {
      if (decltype(i)::value == r) out = store_json_number(member, text, m.which);
    }
  });
  return out;
}

template <class T>
void store_bool_into(void* object, std::size_t r, bool value) {
  for_each_member(*static_cast<T*>(object), [&](auto i, auto& member) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if constexpr (m.type == member_type::boolean) {
      if (decltype(i)::value == r) member.emplace(value);
    }
  });
}

template <class T>
std::vector<std::string>* open_string_list_in(void* object, std::size_t r) {
  std::vector<std::string>* out = nullptr;
  for_each_member(*static_cast<T*>(object), [&](auto i, auto& member) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if constexpr (m.type == member_type::string_list) {
      if (decltype(i)::value == r) out = &member.emplace();
    }
  });
  return out;
}

template <class E>
void* append_element(void* list) {
  return &static_cast<std::vector<E>*>(list)->emplace_back();
}

template <class T>
list_ref open_list_in(void* object, std::size_t r);
template <class T>
object_ref open_structure_in(void* object, std::size_t r);

/// The binding of T (one constant object per bound type).
template <class T>
inline constexpr object_binding binding_of{shape_of<T>,           &store_string_into<T>, &open_list_in<T>,
                                           &store_number_into<T>, &store_bool_into<T>,   &open_string_list_in<T>,
                                           &open_structure_in<T>};

template <class T>
object_ref open_structure_in(void* object, std::size_t r) {
  object_ref out;
  for_each_member(*static_cast<T*>(object), [&](auto i, auto& member) {
    constexpr const member_info& m = row<T, decltype(i)::value>();
    if constexpr (m.type == member_type::structure) {
      using S = typename std::remove_cvref_t<decltype(member)>::value_type;
      if (decltype(i)::value == r) out = object_ref{&member.emplace(), &binding_of<S>};
    }
  });
  return out;
}

template <class T>
list_ref open_list_in(void* object, std::size_t r) {
  list_ref out;
  for_each_member(*static_cast<T*>(object), [&](auto i, auto& member) {
    using E = list_element_t<decltype(member)>;
    if constexpr (row<T, decltype(i)::value>().type == member_type::structure_list) {
      if (decltype(i)::value != r) return;
      out = list_ref{&member.emplace(), &append_element<E>, &binding_of<E>};
    }
  });
  return out;
}

/// The handler: one class for every bound type (results and unchecked requests), which it
/// reaches through `root` only, so basic_parser is instantiated once per program rather than
/// once per operation (it is most of the decoder's code). `request_body` adds the rule of
/// request bodies: an unknown top-level key is unknown_key, not ignored.
class decode_handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  decode_handler(std::string_view input, const object_binding& root, void* target, bool request_body,
                 const decode_options& options) noexcept
      : cursor_(input), root_(root), target_(target), options_(options), request_body_(request_body) {}

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
    if (stack_.empty()) return push(frame{frame_kind::object, &root_, target_}, at, ec);
    frame& f = stack_.back();
    enter_value();
    switch (f.kind) {
      case frame_kind::list: {
        void* element = f.list.append(f.list.list);
        return push(frame{frame_kind::object, f.list.element, element}, at, ec);
      }
      case frame_kind::string_list: return wrong_type(at, json_kind::string, ec);
      case frame_kind::skip_object:
      case frame_kind::skip_array: return push(frame{frame_kind::skip_object}, at, ec);
      case frame_kind::object: break;
    }
    if (f.pending == unknown_row) return push(frame{frame_kind::skip_object}, at, ec);
    const member_info& m = pending_row(f);
    if (m.type != member_type::structure) return wrong_type(at, kind_of(m), ec);
    const object_ref nested = f.binding->open_structure(f.object, f.pending);
    return push(frame{frame_kind::object, nested.binding, nested.object}, at, ec);
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
    if (f.kind == frame_kind::string_list) return wrong_type(at, json_kind::string, ec);
    if (f.pending == unknown_row) return push(frame{frame_kind::skip_array}, at, ec);
    const member_info& m = pending_row(f);
    if (m.type == member_type::string_list) {
      frame list{frame_kind::string_list};
      list.strings = f.binding->open_string_list(f.object, f.pending);
      return push(list, at, ec);
    }
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
      if (request_body_ && stack_.size() == 1) {
        return fail(errc::unknown_key, field::body, at, ec, resembles(key, too_long), true);
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
    if (f.kind == frame_kind::string_list) {
      f.strings->emplace_back(value);
    } else {
      if (pending_row(f).sensitive && (had_parts || !cursor_.from_input(s))) secret_escaped_ = true;
      f.binding->store_string(f.object, f.pending, value);
    }
    scratch_.clear();
    return true;
  }

  bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_int64(std::int64_t, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }
  bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }
  bool on_double(double, boost::json::string_view, boost::system::error_code& ec) { return number(ec); }

  bool on_bool(bool b, boost::system::error_code& ec) {
    const std::size_t at = cursor_.token(b ? 4 : 5);
    if (!scalar_allowed(at, json_kind::boolean, ec)) return false;
    const frame& f = stack_.back();
    if (f.kind == frame_kind::object && f.pending != unknown_row) f.binding->store_bool(f.object, f.pending, b);
    return true;
  }

  bool on_null(boost::system::error_code& ec) {
    const std::size_t at = cursor_.token(4);
    if (stack_.empty()) return not_an_object(at, ec);
    enter_value();
    if (stack_.back().kind == frame_kind::list) return wrong_type(at, json_kind::object, ec);
    if (stack_.back().kind == frame_kind::string_list) return wrong_type(at, json_kind::string, ec);
    return true;  // null counts as absent (docs/sources.md SMITHY-JSON)
  }

  bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

 private:
  static constexpr std::uint8_t unknown_row = 0xFF;

  enum class frame_kind : std::uint8_t { object, list, string_list, skip_object, skip_array };

  struct frame {
    frame_kind kind{frame_kind::skip_object};
    const object_binding* binding{nullptr};      // object: the type being filled
    void* object{nullptr};                       // object: the C++ object being filled
    list_ref list{};                             // list: the vector and its elements' binding
    std::vector<std::string>* strings{nullptr};  // string_list: the vector
    std::uint8_t pending{unknown_row};           // object: the row whose value comes next
    bool key_seen{false};                        // object: a key was read; list/skip_array: an element was seen
    std::uint64_t seen{0};                       // object: bit per row, for duplicate keys
    std::size_t index{0};                        // arrays: the current element
    std::size_t key_offset{0};                   // objects: offset of the current key's opening quote
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
    if (f.kind == frame_kind::list || f.kind == frame_kind::string_list || f.kind == frame_kind::skip_array) {
      if (f.key_seen) ++f.index;  // key_seen marks "an element was seen" in arrays
      f.key_seen = true;
    }
  }

  /// A number: stored when its row is of a number type (exactly: numbers.hpp), else wrong_type
  /// for a known row; ignored for an unknown key.
  bool number(boost::system::error_code& ec) {
    const std::size_t at = cursor_.number_token();
    if (!scalar_allowed(at, json_kind::number, ec)) return false;
    const frame& f = stack_.back();
    if (f.kind != frame_kind::object || f.pending == unknown_row) return true;
    const std::string_view text = cursor_.input().substr(at, cursor_.position() - at);
    const number_outcome r = f.binding->store_number(f.object, f.pending, text);
    if (r.code == errc{}) return true;
    return fail(r.code, pending_row(f).which, at + r.offset, ec, 0, true);
  }

  /// Whether a number or a boolean (`kind`) may stand here: at the top level it is
  /// not_an_object; as an element of a list or for a known row of another kind, wrong_type.
  bool scalar_allowed(std::size_t at, json_kind kind, boost::system::error_code& ec) {
    if (stack_.empty()) return not_an_object(at, ec);
    enter_value();
    const frame& f = stack_.back();
    if (f.kind == frame_kind::list) return wrong_type(at, json_kind::object, ec);
    if (f.kind == frame_kind::string_list) return wrong_type(at, json_kind::string, ec);
    if (f.kind != frame_kind::object || f.pending == unknown_row) return true;
    if (kind_of(pending_row(f)) != kind) return wrong_type(at, kind_of(pending_row(f)), ec);
    return true;
  }

  [[nodiscard]] bool keeps_string() const noexcept {
    if (stack_.empty()) return false;
    const frame& f = stack_.back();
    if (f.kind == frame_kind::string_list) return true;
    return f.kind == frame_kind::object && f.pending != unknown_row && pending_row(f).type == member_type::string;
  }

  /// unknown_key's `detail`: 1 + the row of the member the key resembles (at most 3 edits, or a
  /// case-insensitive match), or 0.
  [[nodiscard]] std::uint32_t resembles(std::string_view key, bool too_long) const noexcept {
    if (too_long) return 0;
    const auto members = root_.shape->members;
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
    const field which = f.kind == frame_kind::list || f.kind == frame_kind::string_list ? list_field()
                        : f.kind == frame_kind::object                                  ? pending_row(f).which
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
      if (f.kind == frame_kind::list || f.kind == frame_kind::string_list || f.kind == frame_kind::skip_array) {
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
  const object_binding& root_;
  void* target_;
  const decode_options& options_;
  std::vector<frame> stack_;
  secure_buffer scratch_;  // string parts; wiped after each value
  std::array<char, 48> key_buf_{};
  std::size_t key_size_{0};
  bool key_parts_{false};
  bool parts_{false};
  bool failed_{false};
  bool secret_escaped_{false};
  bool request_body_;
  decode_error failure_;
};

}  // namespace detail
SGWCHAP_END_NAMESPACE
