// sgwchap tool — how results are printed: text for people (field, rule, value with a caret,
// colour on a terminal) or one JSON object for scripts (--format json).
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include <sgwchap/error.hpp>
#include <sgwchap/profile.hpp>

#include "json_writer.hpp"
#include "render.hpp"

namespace sgwchap_tool {

/// Exit statuses (the interface: scripts depend on them).
enum exit_status : int { exit_ok = 0, exit_invalid = 1, exit_usage = 2 };

enum class output_format { text, json };

/// What every command prints with.
struct output {
  output_format format{output_format::text};
  sgwchap::render::palette colours{sgwchap::render::palette::plain()};
  sgwchap::profile rules{sgwchap::profile::strict};
  bool stdout_is_terminal{false};

  // A short write to stdout (a closed pipe) has no better place to be reported.
  void write(std::string_view s) const { (void)std::fwrite(s.data(), 1, s.size(), stdout); }
};

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

inline void append_problem_members(json_writer& j, const problem& p) {
  j.member("field", sgwchap::field_name(p.error.which));
  if (!p.pointer.empty()) j.member("pointer", p.pointer);
  j.member("rule", sgwchap::rule_name(p.error.code));
  j.member("offset", static_cast<std::uint64_t>(p.error.offset));
  j.member("profile", sgwchap::profile_name(p.error.rule_profile));
  j.member("message", p.error.message());
  if (!p.hint.empty()) j.member("hint", p.hint);
}

inline void append_problem_json(json_writer& j, const problem& p) {
  j.begin_object();
  append_problem_members(j, p);
  j.end_object();
}

inline std::string problem_text(const output& out, const problem& p) {
  const auto& c = out.colours;
  std::string text = fmt::format("{}error:{} {}{}{} [{}]\n", c.error, c.reset, c.field, p.error.message(), c.reset,
                                 sgwchap::rule_name(p.error.code));
  if (!p.pointer.empty()) text += fmt::format("    at {}\n", sgwchap::render::escape_for_terminal(p.pointer));
  if (const auto value = shown_value(p)) text += sgwchap::render::caret_lines(*value, p.error.offset, c);
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

/// A valid value: `name: valid (PROFILE profile)` and aligned detail rows (already escaped by
/// the caller or known-safe); JSON: `{"valid": true, "field": ..., "profile": ..., rows...}`.
using detail_rows = std::vector<std::pair<std::string_view, std::string>>;

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
  const auto& c = out.colours;
  std::string text = fmt::format("{}{}{}: {}valid{} ({} profile)\n", c.field, field, c.reset, c.ok, c.reset,
                                 sgwchap::profile_name(out.rules));
  std::size_t width = 0;
  for (const auto& row : rows) width = row.first.size() > width ? row.first.size() : width;
  for (const auto& [key, value] : rows) {
    text += fmt::format("  {:<{}}  {}\n", key, width, sgwchap::render::escape_for_terminal(value));
  }
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
  std::string text =
      fmt::format("sgwchap: error: {} (see '{} --help')\n", sgwchap::render::escape_for_terminal(line), help_command);
  (void)std::fwrite(text.data(), 1, text.size(), stderr);
  return exit_usage;
}

}  // namespace sgwchap_tool
