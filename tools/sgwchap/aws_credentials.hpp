// sgwchap tool — the AWS credentials `sgwchap call` signs with, found where the AWS CLI looks
// first: the environment, then the shared credentials file.
//
//   1. AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (botocore
//      credentials.py, EnvProvider: used when AWS_ACCESS_KEY_ID is non-empty; then the secret
//      key must be set too).
//   2. The shared credentials file, AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, section
//      AWS_PROFILE (default "default"): aws_access_key_id, aws_secret_access_key and
//      aws_session_token (or the older aws_security_token) (botocore SharedCredentialProvider;
//      https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html).
//
// Never from the command line. The secret key and the token go into a sgwchap::sigv4::credentials
// (one wiped block) as soon as they are read; the environment variables holding them are then
// overwritten in place and unset, and the file's bytes are read into a wiped buffer. No error
// message holds a value read from either place.
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <tl/expected.hpp>

#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/fmt.hpp>
#include <sgwchap/sigv4/credentials.hpp>

#include "input.hpp"

namespace sgwchap_tool {

/// Credentials and where they came from ("environment", or the file and profile).
struct found_credentials {
  sgwchap::sigv4::credentials creds;
  std::string source;
};

namespace detail_credentials {

/// The value of environment variable `name`, or "" (unset or empty).
[[nodiscard]] inline std::string_view env(const char* name) noexcept {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string_view{} : std::string_view(v);
}

/// Overwrites a secret environment variable in place (the initial environment stays in the
/// process's memory until overwritten) and unsets it.
inline void wipe_env(const char* name) noexcept {
  if (char* v = std::getenv(name); v != nullptr) sgwchap::secure_wipe(v, std::strlen(v));
  ::unsetenv(name);
}

/// The message of credentials::make's error, which names the field and the byte, never a value.
[[nodiscard]] inline std::string refused(const sgwchap::error& e, std::string_view where) {
  std::string hint;
  if (e.code == sgwchap::errc::control_character && e.detail == '\n') hint = " (a line feed: was it set with echo?)";
  return fmt::format("the credentials in {} are not usable: {}{}", where, e.message().view(), hint);
}

/// One `key = value` of a section: views into the file's buffer.
struct ini_entry {
  std::string_view key;  ///< lower-cased copy is not needed: compared case-insensitively
  std::string_view value;
  bool continued{false};  ///< the value went on over indented lines (a multi-line value)
};
struct ini_section {
  std::string_view name;
  std::vector<ini_entry> entries;
};

[[nodiscard]] inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

[[nodiscard]] inline bool iequal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace detail_credentials

/// Parses the INI text the AWS CLI writes, as Python's configparser.RawConfigParser reads it
/// for botocore (botocore configloader.py, raw_config_parse;
/// https://docs.python.org/3/library/configparser.html): `[section]` headers, `key = value` or
/// `key: value` (the key before the first `=` or `:`, case-insensitive, both sides trimmed),
/// whole-line comments starting with `#` or `;` (no inline comments: a `#` after a value is part
/// of it), a line indented deeper than its key continuing the value, blank lines ignored.
/// Errors (with the line number, never the line): a key before any section, a line that is none
/// of these, a section or key given twice (configparser's strict mode refuses both).
[[nodiscard]] inline tl::expected<std::vector<detail_credentials::ini_section>, std::string> parse_ini(
    std::string_view text) {
  using namespace detail_credentials;
  std::vector<ini_section> sections;
  std::size_t line_no = 0;
  std::size_t key_indent = 0;
  bool in_value = false;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    const std::string_view value = trim(line);
    if (value.empty() || value.front() == '#' || value.front() == ';') continue;
    const std::size_t indent = line.find_first_not_of(" \t");
    if (in_value && indent > key_indent) {
      sections.back().entries.back().continued = true;
      continue;
    }
    in_value = false;
    // configparser's section pattern, \[(?P<header>.+)\], matched from the line's start: the name
    // runs to the last `]` ("[default] ; note" is the section "default").
    if (const std::size_t close = value.rfind(']');
        value.front() == '[' && close != std::string_view::npos && close > 1) {
      const std::string_view name = value.substr(1, close - 1);
      for (const ini_section& s : sections) {
        if (s.name == name) return tl::unexpected(fmt::format("line {}: a section given twice", line_no));
      }
      sections.push_back({name, {}});
      continue;
    }
    if (sections.empty()) return tl::unexpected(fmt::format("line {}: a key before any [section]", line_no));
    const std::size_t delimiter = value.find_first_of("=:");
    if (delimiter == std::string_view::npos || delimiter == 0) {
      return tl::unexpected(fmt::format("line {}: neither [section], key = value nor a # comment", line_no));
    }
    const std::string_view key = trim(value.substr(0, delimiter));
    for (const ini_entry& e : sections.back().entries) {
      if (iequal(e.key, key)) return tl::unexpected(fmt::format("line {}: a key given twice in its section", line_no));
    }
    sections.back().entries.push_back({key, trim(value.substr(delimiter + 1)), false});
    key_indent = indent;
    in_value = true;
  }
  return sections;
}

/// The credentials to sign with, or the one-line reason there are none.
[[nodiscard]] inline tl::expected<found_credentials, std::string> load_aws_credentials() {
  using namespace detail_credentials;
  // 1. The environment.
  if (const std::string_view key_id = env("AWS_ACCESS_KEY_ID"); !key_id.empty()) {
    const std::string_view secret = env("AWS_SECRET_ACCESS_KEY");
    if (secret.empty()) {
      wipe_env("AWS_SESSION_TOKEN");
      return tl::unexpected(std::string("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"));
    }
    auto made = sgwchap::sigv4::credentials::make(key_id, secret, env("AWS_SESSION_TOKEN"));
    wipe_env("AWS_SECRET_ACCESS_KEY");
    wipe_env("AWS_SESSION_TOKEN");
    if (!made.has_value()) return tl::unexpected(refused(made.error(), "the environment"));
    return found_credentials{std::move(*made), "environment"};
  }

  // 2. The shared credentials file. A secret key or token in the environment without a key id is
  // not used (botocore's EnvProvider neither): wiped all the same.
  wipe_env("AWS_SECRET_ACCESS_KEY");
  wipe_env("AWS_SESSION_TOKEN");
  std::string path;
  if (const std::string_view given = env("AWS_SHARED_CREDENTIALS_FILE"); !given.empty()) {
    path = given;
    if (path.size() >= 2 && path[0] == '~' && path[1] == '/' && !env("HOME").empty()) {
      path = std::string(env("HOME")) + path.substr(1);
    }
  } else if (const std::string_view home = env("HOME"); !home.empty()) {
    path = std::string(home) + "/.aws/credentials";
  }
  const std::string_view profile_env = env("AWS_PROFILE");
  const std::string profile = profile_env.empty() ? std::string("default") : std::string(profile_env);
  const std::string none = fmt::format(
      "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary "
      "credentials), or put them in the profile [{}] of the shared credentials file ({}; "
      "AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE)",
      sgwchap::escaped{profile},
      path.empty() ? std::string("~/.aws/credentials") : fmt::format("{}", sgwchap::escaped{path}));
  if (path.empty()) return tl::unexpected(none);

  constexpr std::size_t max_file = 1U << 20U;
  wiped_buffer file(max_file + 1);
  if (const int err = read_body(path, file); err != 0) {
    if (err == ENOENT) return tl::unexpected(none);
    return tl::unexpected(
        fmt::format("cannot read the shared credentials file {}: {}", sgwchap::escaped{path}, std::strerror(err)));
  }
  if (file.size() > max_file) {
    return tl::unexpected(fmt::format("the shared credentials file {} is over 1 MiB", sgwchap::escaped{path}));
  }
  const std::string where = fmt::format("the profile [{}] of {}", sgwchap::escaped{profile}, sgwchap::escaped{path});
  const auto sections = parse_ini(file.view());
  if (!sections.has_value()) {
    return tl::unexpected(
        fmt::format("cannot read the shared credentials file {}: {}", sgwchap::escaped{path}, sections.error()));
  }
  const ini_section* chosen = nullptr;
  for (const ini_section& s : *sections) {
    if (s.name == profile) chosen = &s;
  }
  if (chosen == nullptr) {
    if (!profile_env.empty()) return tl::unexpected(fmt::format("{}: no such profile", where));
    return tl::unexpected(none);
  }
  const auto find = [&](std::string_view key) -> const ini_entry* {
    for (const ini_entry& e : chosen->entries) {
      if (iequal(e.key, key)) return &e;
    }
    return nullptr;
  };
  const ini_entry* key_id = find("aws_access_key_id");
  const ini_entry* secret = find("aws_secret_access_key");
  const ini_entry* token = find("aws_session_token");
  if (token == nullptr) token = find("aws_security_token");
  if (key_id == nullptr) return tl::unexpected(fmt::format("{} has no aws_access_key_id", where));
  if (secret == nullptr) return tl::unexpected(fmt::format("{} has no aws_secret_access_key", where));
  for (const ini_entry* e : {key_id, secret, token}) {
    if (e != nullptr && e->continued) {
      return tl::unexpected(fmt::format("{}: {} goes on over several lines", where, e->key));
    }
  }
  auto made = sgwchap::sigv4::credentials::make(key_id->value, secret->value,
                                                token == nullptr ? std::string_view{} : token->value);
  file.wipe();
  if (!made.has_value()) return tl::unexpected(refused(made.error(), where));
  return found_credentials{std::move(*made), where};
}

}  // namespace sgwchap_tool
