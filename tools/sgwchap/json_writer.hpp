// sgwchap tool — the `--format json` output: one compact JSON object per run.
//
// Strings are escaped per RFC 8259 and, like the text output, terminal-safe: every character of
// render::must_escape is written as \uXXXX, so a JSON report printed on a terminal is as harmless
// as the text one. A byte that is not well-formed UTF-8 becomes U+FFFD (JSON cannot carry it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <sgwchap/detail/wipe.hpp>

#include "render.hpp"

namespace sgwchap_tool {

inline void append_json_string(std::string& out, std::string_view s) {
  constexpr std::string_view hex = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const sgwchap::render::unit u = sgwchap::render::unit_at(s, i);
    i += u.length;
    if (!u.valid) {
      out += "\\ufffd";
      continue;
    }
    const char32_t cp = u.code_point;
    if (cp == '"') {
      out += "\\\"";
    } else if (cp == '\\') {
      out += "\\\\";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (sgwchap::render::must_escape(cp)) {
      out += "\\u";
      for (unsigned shift = 12;; shift -= 4) {
        out += hex[(cp >> shift) & 0xFU];
        if (shift == 0) break;
      }
    } else {
      out.append(s.substr(u.offset, u.length));
    }
  }
  out += '"';
}

/// Builds one JSON object (or array) member by member. Keys are our own ASCII names.
class json_writer {
 public:
  json_writer& begin_object() { return open('{'); }
  json_writer& end_object() { return close('}'); }
  json_writer& begin_array() { return open('['); }
  json_writer& end_array() { return close(']'); }

  json_writer& key(std::string_view k) {
    comma();
    append_json_string(out_, k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  json_writer& string(std::string_view v) {
    comma();
    append_json_string(out_, v);
    return *this;
  }
  json_writer& number(std::uint64_t v) {
    comma();
    out_ += std::to_string(v);
    return *this;
  }
  json_writer& boolean(bool v) {
    comma();
    out_ += v ? "true" : "false";
    return *this;
  }
  json_writer& null() {
    comma();
    out_ += "null";
    return *this;
  }

  json_writer& member(std::string_view k, std::string_view v) { return key(k).string(v); }
  json_writer& member(std::string_view k, const char* v) { return key(k).string(v); }
  json_writer& member(std::string_view k, bool v) { return key(k).boolean(v); }
  json_writer& member(std::string_view k, std::uint64_t v) { return key(k).number(v); }

  [[nodiscard]] const std::string& str() const noexcept { return out_; }
  /// Overwrites the text (it may hold a secret being printed on purpose) before it is freed.
  void wipe() noexcept { sgwchap::secure_wipe(out_.data(), out_.size()); }

 private:
  json_writer& open(char c) {
    comma();
    out_ += c;
    first_ = true;
    return *this;
  }
  json_writer& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
  }

  std::string out_;
  bool first_{true};
  bool after_key_{false};
};

}  // namespace sgwchap_tool
