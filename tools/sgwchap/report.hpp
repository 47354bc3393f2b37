// sgwchap tool — how results are printed: text for people (field, rule, value with a caret,
// colour on a terminal) or one JSON object for scripts (--format json). Every value the tool
// echoes goes through the library's formatters (<sgwchap/fmt.hpp>): `sgwchap::escaped` and
// `sgwchap::caret_lines` for text, `sgwchap::json_quoted` for JSON strings, so the tool and the
// library escape a control byte, an invalid byte or a bidi control the same way.
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

#include <fmt/core.h>
#include <fmt/format.h>

#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/fmt.hpp>
#include <sgwchap/profile.hpp>

namespace sgwchap_tool {

/// Exit statuses (the interface: scripts depend on them).
enum exit_status : int { exit_ok = 0, exit_invalid = 1, exit_usage = 2 };

enum class output_format { text, json };

/// SGR colours of the tool's output; empty strings when colour is off.
struct palette {
  std::string_view error;  ///< bold red
  std::string_view caret;  ///< bold green, as compilers draw it
  std::string_view note;   ///< bold cyan
  std::string_view ok;     ///< bold green
  std::string_view field;  ///< bold
  std::string_view reset;

  [[nodiscard]] static constexpr palette colour() noexcept {
    return {"\x1b[1;31m", "\x1b[1;32m", "\x1b[1;36m", "\x1b[1;32m", "\x1b[1m", "\x1b[0m"};
  }
  [[nodiscard]] static constexpr palette plain() noexcept { return {"", "", "", "", "", ""}; }
  [[nodiscard]] constexpr bool enabled() const noexcept { return !reset.empty(); }
};

/// Colour is used only when the stream is a terminal and NO_COLOR is absent or empty
/// (https://no-color.org: "when present and not an empty string ... prevents ... color").
/// `no_color` is getenv("NO_COLOR"); `is_terminal` is isatty() of the stream.
[[nodiscard]] constexpr bool want_colour(bool is_terminal, const char* no_color) noexcept {
  const bool no_color_set = no_color != nullptr && no_color[0] != '\0';
  return is_terminal && !no_color_set;
}

/// What every command prints with.
struct output {
  output_format format{output_format::text};
  palette colours{palette::plain()};
  sgwchap::profile rules{sgwchap::profile::strict};
  bool stdout_is_terminal{false};
  /// Where the output goes: standard output, or standard error for what `call --body-only`
  /// prints instead of a body (its standard output is the body, or nothing).
  std::FILE* stream{stdout};
  int fd{STDOUT_FILENO};

  // A short write to stdout (a closed pipe) has no better place to be reported.
  void write(std::string_view s) const { (void)std::fwrite(s.data(), 1, s.size(), stream); }

  /// Writes bytes that hold a secret printed on purpose (encode's body, --show-secrets) straight
  /// from the caller's wiped buffer with write(2): stdio would keep a copy in stdout's buffer
  /// until the process ends. What was written before through write() is flushed first, so the
  /// order is kept.
  void write_secret(std::string_view s) const {
    (void)std::fflush(stream);
    while (!s.empty()) {
      const ssize_t n = ::write(fd, s.data(), s.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;  // a closed pipe: nowhere better to report it
      s.remove_prefix(static_cast<std::size_t>(n));
    }
  }
};

/// Builds one compact JSON object (or array) member by member; strings are written by
/// sgwchap::json_quoted (RFC 8259, terminal-safe). Keys are our own ASCII names. `Text` is
/// std::string, or secret_text (secret_text.hpp) for a document that holds a secret.
template <class Text>
class basic_json_writer {
 public:
  using json_writer = basic_json_writer;
  json_writer& begin_object() { return open('{'); }
  json_writer& end_object() { return close('}'); }
  json_writer& begin_array() { return open('['); }
  json_writer& end_array() { return close(']'); }

  json_writer& key(std::string_view k) {
    comma();
    fmt::format_to(std::back_inserter(out_), "{}:", sgwchap::json_quoted{k});
    after_key_ = true;
    return *this;
  }
  json_writer& string(std::string_view v) {
    comma();
    fmt::format_to(std::back_inserter(out_), "{}", sgwchap::json_quoted{v});
    return *this;
  }
  json_writer& number(std::uint64_t v) {
    comma();
    fmt::format_to(std::back_inserter(out_), "{}", v);
    return *this;
  }
  /// A JSON number already spelled (RFC 8259 §6): a decoded integer's digits, a double as fmt's
  /// `{}` writes it, a timestamp's exact epoch seconds (sgwchap::format_epoch_seconds).
  json_writer& number_text(std::string_view digits) {
    comma();
    out_ += digits;
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

  [[nodiscard]] const Text& str() const noexcept { return out_; }
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

  Text out_;
  bool first_{true};
  bool after_key_{false};
};
using json_writer = basic_json_writer<std::string>;

/// One problem to report. `value` is the checked value the offset points into, when it may be
/// shown (never for a secret: see `shown_value`); `pointer` is a JSON Pointer for problems found
/// inside a body.
struct problem {
  sgwchap::error error;
  std::optional<std::string_view> value;
  std::string pointer;
  std::string hint;
};

/// The value to echo under an error: none for secret fields, whatever the caller passed.
[[nodiscard]] inline std::optional<std::string_view> shown_value(const problem& p) {
  if (sgwchap::is_secret_field(p.error.which)) return std::nullopt;
  return p.value;
}

template <class Writer>
void append_problem_members(Writer& j, const problem& p) {
  j.member("field", sgwchap::field_name(p.error.which));
  if (!p.pointer.empty()) j.member("pointer", p.pointer);
  j.member("rule", sgwchap::rule_name(p.error.code));
  j.member("offset", static_cast<std::uint64_t>(p.error.offset));
  j.member("profile", sgwchap::profile_name(p.error.rule_profile));
  j.member("message", p.error.message());
  if (!p.hint.empty()) j.member("hint", p.hint);
}

template <class Writer>
void append_problem_json(Writer& j, const problem& p) {
  j.begin_object();
  append_problem_members(j, p);
  j.end_object();
}

/// `error: MESSAGE [rule]`, the pointer, the value with a caret, and the hint, one per line.
inline std::string problem_text(const output& out, const problem& p, std::string_view label = "error") {
  const palette& c = out.colours;
  std::string text = fmt::format("{}{}:{} {}{}{} [{}]\n", c.error, label, c.reset, c.field, p.error.message(), c.reset,
                                 sgwchap::rule_name(p.error.code));
  if (!p.pointer.empty()) text += fmt::format("    at {}\n", sgwchap::escaped{p.pointer});
  if (const auto value = shown_value(p)) {
    text += fmt::format("{}\n", sgwchap::caret_lines{*value, p.error.offset, 4, 0, c.caret, c.reset});
  }
  if (!p.hint.empty()) text += fmt::format("{}note:{} {}\n", c.note, c.reset, p.hint);
  return text;
}

/// A single value that failed (validate target-arn / initiator-name / secret).
inline void print_invalid(const output& out, const problem& p) {
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("valid", false);
    append_problem_members(j, p);
    j.end_object();
    out.write(j.str() + "\n");
    return;
  }
  out.write(problem_text(out, p));
}

/// Several problems (validate request): `{"valid": false, "problems": [...]}`.
inline void print_problems(const output& out, const std::vector<problem>& problems, std::string_view what) {
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("valid", false).key("problems").begin_array();
    for (const problem& p : problems) append_problem_json(j, p);
    j.end_array().end_object();
    out.write(j.str() + "\n");
    return;
  }
  std::string text;
  for (const problem& p : problems) text += problem_text(out, p);
  text += fmt::format("{}: {} problem{}\n", what, problems.size(), problems.size() == 1 ? "" : "s");
  out.write(text);
}

/// A valid value: `name: valid (PROFILE profile)` and aligned detail rows (escaped here);
/// JSON: `{"valid": true, "field": ..., "profile": ..., rows...}`.
using detail_rows = std::vector<std::pair<std::string_view, std::string>>;

/// Aligned `key  value` rows after `indent`, values escaped. `Text`: std::string or secret_text.
template <class Text>
void append_rows(Text& text, const detail_rows& rows, std::string_view indent) {
  std::size_t width = 0;
  for (const auto& row : rows) width = row.first.size() > width ? row.first.size() : width;
  for (const auto& [key, value] : rows) {
    fmt::format_to(std::back_inserter(text), "{}{:<{}}  {}\n", indent, key, width, sgwchap::escaped{value});
  }
}

inline void print_valid(const output& out, std::string_view field, const detail_rows& rows,
                        std::string_view hint = {}) {
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("valid", true).member("field", field).member("profile", sgwchap::profile_name(out.rules));
    for (const auto& [key, value] : rows) j.member(key, value);
    if (!hint.empty()) j.member("hint", hint);
    j.end_object();
    out.write(j.str() + "\n");
    return;
  }
  const palette& c = out.colours;
  std::string text = fmt::format("{}{}{}: {}valid{} ({} profile)\n", c.field, field, c.reset, c.ok, c.reset,
                                 sgwchap::profile_name(out.rules));
  append_rows(text, rows, "  ");
  if (!hint.empty()) text += fmt::format("{}note:{} {}\n", c.note, c.reset, hint);
  out.write(text);
}

/// Usage errors: one line on standard error, whatever the format; the caller exits 2.
inline int usage_error(std::string_view reason, std::string_view help_command = "sgwchap") {
  std::string line(reason);
  for (char& ch : line) {
    if (ch == '\n' || ch == '\r') ch = ' ';
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  std::string text = fmt::format("sgwchap: error: {} (see '{} --help')\n", sgwchap::escaped{line}, help_command);
  (void)std::fwrite(text.data(), 1, text.size(), stderr);
  return exit_usage;
}

}  // namespace sgwchap_tool
