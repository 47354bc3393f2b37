// sgwchap tool — check-initiator's pure parts: the fix commands for each finding, shell and
// PowerShell quoting, and which part of a file's line may be shown. No I/O, so that
// tests/tool/test_check_initiator_internals.cpp can test them row by row.
//
// A fix is a list of lines: commands a user can paste, and comments ("# ...") where no command
// can do it (iscsiadm does not edit iscsid.conf; the CHAP user names Storage Gateway expects are
// not documented). Secrets never appear in a fix: a command reads them from an environment
// variable the user sets ("$SGWCHAP_INITIATOR_SECRET", $env:SGWCHAP_TARGET_SECRET).
//
// Sources:
// - iscsiadm(8) of open-iscsi 2.1.8 (Debian 12): `-m node -T TARGET -p IP:PORT -o update -n NAME
//   -v VALUE`, `--logout`, `--login`; `-v ""` empties a setting (usr/idbm.c idbm_rec_update_param
//   with an empty value; iscsiadm then writes no line for it: seen with Debian's iscsiadm).
//   `-p` takes an IPv6 address in brackets (usr/iscsi_util.c str_to_ipport, called from
//   usr/iscsiadm.c main for -p).
// - A session copies its credentials when it is created (usr/initiator_common.c
//   iscsi_setup_authentication, called from usr/initiator.c __session_create), so a changed
//   record takes effect only after --logout and --login.
// - Windows: https://learn.microsoft.com/powershell/module/iscsi/connect-iscsitarget
//   ("AuthenticationType ... NONE, ONEWAYCHAP, MUTUALCHAP ... must be in uppercase"),
//   https://learn.microsoft.com/powershell/module/iscsi/set-iscsichapsecret ,
//   https://learn.microsoft.com/powershell/module/iscsi/disconnect-iscsitarget ,
//   https://learn.microsoft.com/windows/win32/api/iscsidsc/nf-iscsidsc-setiscsiinitiatorchapsharedsecret
//   (one mutual-CHAP secret for every target of the host; 12..16 bytes without IPsec).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sgwchap/open_iscsi.hpp>
#include <sgwchap/operations.hpp>

namespace sgwchap_tool::initiator {

namespace oi = sgwchap::open_iscsi;

/// The environment variables the fix commands read the secrets from (the tool never reads them).
inline constexpr std::string_view initiator_secret_env = "SGWCHAP_INITIATOR_SECRET";  // SecretToAuthenticateInitiator
inline constexpr std::string_view target_secret_env = "SGWCHAP_TARGET_SECRET";        // SecretToAuthenticateTarget

/// The pieces joined into one string, in one allocation. (Not `"literal" + std::string(...)`:
/// GCC 12 warns -Wrestrict on it at -O2 and above, a known false positive:
/// https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329 .)
[[nodiscard]] inline std::string cat(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (const std::string_view p : pieces) size += p.size();
  std::string out;
  out.reserve(size);
  for (const std::string_view p : pieces) out.append(p);
  return out;
}

/// True for the bytes a command may hold as they are: printable ASCII. Anything else (a control
/// byte, ESC, UTF-8) gets no command: a terminal could act on it, and a user could not see it.
[[nodiscard]] constexpr bool printable_ascii(std::string_view s) noexcept {
  for (const char c : s) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

/// `s` as one POSIX shell word (XCU 2.2.2: within single quotes every byte is literal, and a
/// single quote is written '\''). Bare when every byte is one the shell gives no meaning.
/// nullopt when `s` is not printable ASCII.
[[nodiscard]] inline std::optional<std::string> shell_word(std::string_view s) {
  if (!printable_ascii(s)) return std::nullopt;
  constexpr std::string_view safe_punctuation = "@%+=:,./-_";
  bool bare = !s.empty();
  for (const char c : s) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && safe_punctuation.find(c) == std::string_view::npos) bare = false;
  }
  if (bare) return std::string(s);
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
  return out;
}

/// `s` as a PowerShell single-quoted string (about_Quoting_Rules: a single quote inside is
/// doubled; nothing else is expanded). nullopt when `s` is not printable ASCII.
[[nodiscard]] inline std::optional<std::string> powershell_word(std::string_view s) {
  if (!printable_ascii(s)) return std::nullopt;
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

/// iscsiadm's -p argument for a node record's portal directory `<address>,<port>[,<tpgt>]`
/// (usr/idbm.c idbm_rec_write names it "%s,%d,%d"): `address:port`, or `[address]:port` for an
/// IPv6 address. nullopt when the name has no port.
[[nodiscard]] inline std::optional<std::string> iscsiadm_portal(std::string_view portal) {
  const std::size_t comma = portal.find(',');
  if (comma == std::string_view::npos || comma == 0) return std::nullopt;
  const std::string_view address = portal.substr(0, comma);
  std::string_view port = portal.substr(comma + 1);
  port = port.substr(0, port.find(','));
  if (port.empty()) return std::nullopt;
  if (address.find(':') != std::string_view::npos) return cat({"[", address, "]:", port});
  return cat({address, ":", port});
}

/// What a fix may refer to besides the finding.
struct fix_context {
  const oi::expected_chap* expected{nullptr};
  std::string_view target_arn;    ///< For `sgwchap encode` lines (empty: none printed).
  std::string_view file_path;     ///< The finding's file, for comments.
  bool nodes_dir_missing{false};  ///< No nodes/ directory at all under the DB root.
};

namespace detail {

/// `iscsiadm -m node -T TARGET -p PORTAL` for a node record, quoted; nullopt when either cannot
/// be written safely.
[[nodiscard]] inline std::optional<std::string> node_prefix(const oi::node_record_id& id) {
  const auto target = shell_word(id.target_iqn);
  const auto portal_arg = iscsiadm_portal(id.portal);
  if (!target || !portal_arg) return std::nullopt;
  const auto portal = shell_word(*portal_arg);
  if (!portal) return std::nullopt;
  return "iscsiadm -m node -T " + *target + " -p " + *portal;
}

[[nodiscard]] inline std::string env_value(std::string_view var) { return cat({"\"$", var, "\""}); }

/// Builds the lines of one node record's fix.
class node_fix {
 public:
  explicit node_fix(const oi::node_record_id& id) : prefix_(node_prefix(id)) {}
  node_fix& set(oi::chap_key key, std::string_view value) {
    if (prefix_) lines_.push_back(cat({*prefix_, " -o update -n ", oi::key_name(key), " -v ", value}));
    return *this;
  }
  /// The new settings take effect at the next login of a new session.
  node_fix& relogin() {
    if (prefix_) {
      lines_.push_back(*prefix_ + " --logout");
      lines_.push_back(*prefix_ + " --login");
    }
    return *this;
  }
  [[nodiscard]] std::vector<std::string> lines() && {
    if (!prefix_) {
      return {"# no command: the node record's target or portal holds bytes that are not printable ASCII"};
    }
    return std::move(lines_);
  }

 private:
  std::optional<std::string> prefix_;
  std::vector<std::string> lines_;
};

[[nodiscard]] inline std::string conf_comment(const fix_context& ctx, std::string_view what) {
  return cat({"# edit ", ctx.file_path, " (iscsiadm does not write it): ", what,
              "; discovery copies it into the target's new node record"});
}

/// `sgwchap encode UpdateChapCredentials ...` with the secrets from the variables: the request to
/// send again. Empty when the ARN or the name cannot be written safely.
[[nodiscard]] inline std::string encode_update(const fix_context& ctx, std::string_view initiator_name, bool mutual) {
  const auto arn = shell_word(ctx.target_arn);
  const auto name = shell_word(initiator_name);
  if (ctx.target_arn.empty() || !arn || !name) return {};
  std::string line = cat({"sgwchap encode UpdateChapCredentials --target-arn ", *arn, " --initiator-name ", *name,
                          " --secret-to-authenticate-initiator-env ", initiator_secret_env});
  if (mutual) line += cat({" --secret-to-authenticate-target-env ", target_secret_env});
  return line;
}

}  // namespace detail

/// The fix of one finding on a Linux host with open-iscsi: commands and comments (see the top).
[[nodiscard]] inline std::vector<std::string> linux_fix(const oi::finding& f, const fix_context& ctx) {
  using oi::chap_key;
  using oi::rule;
  const oi::expected_chap& e = *ctx.expected;
  const bool node = f.file == oi::file_kind::node_record;
  const bool conf = f.file == oi::file_kind::iscsid_conf;
  const std::string initiator_var = detail::env_value(initiator_secret_env);
  const std::string target_var = detail::env_value(target_secret_env);
  const std::string path(ctx.file_path);
  std::vector<std::string> lines;
  switch (f.id) {
    case rule::password_mismatch:
    case rule::outgoing_credentials_missing:
      if (node) {
        detail::node_fix fix(f.where);
        if (f.id == rule::outgoing_credentials_missing) fix.set(chap_key::authmethod, "CHAP");
        return std::move(fix.set(chap_key::password, initiator_var).relogin()).lines();
      }
      if (conf)
        lines.push_back(
            detail::conf_comment(ctx, "set node.session.auth.password to " SGWCHAP_NAME_SecretToAuthenticateInitiator));
      break;
    case rule::password_in_mismatch:
      if (node) return std::move(detail::node_fix(f.where).set(chap_key::password_in, target_var).relogin()).lines();
      if (conf)
        lines.push_back(
            detail::conf_comment(ctx, "set node.session.auth.password_in to " SGWCHAP_NAME_SecretToAuthenticateTarget));
      break;
    case rule::mutual_chap_initiator_only:
      if (node) {
        return std::move(detail::node_fix(f.where)
                             .set(chap_key::username_in, "\"\"")
                             .set(chap_key::password_in, "\"\"")
                             .relogin())
            .lines();
      }
      if (conf) {
        lines.push_back(
            detail::conf_comment(ctx, "remove node.session.auth.username_in and node.session.auth.password_in"));
      }
      break;
    case rule::stale_credentials:
      // Every credential goes, whichever one the finding names: open-iscsi offers CHAP while any is set.
      if (node) {
        return std::move(detail::node_fix(f.where)
                             .set(chap_key::authmethod, "None")
                             .set(chap_key::username, "\"\"")
                             .set(chap_key::password, "\"\"")
                             .set(chap_key::username_in, "\"\"")
                             .set(chap_key::password_in, "\"\"")
                             .relogin())
            .lines();
      }
      if (conf) {
        lines.push_back(detail::conf_comment(
            ctx,
            "remove the node.session.auth username, password, username_in and password_in lines, and set "
            "node.session.auth.authmethod = None"));
      }
      break;
    case rule::authmethod_none_with_credentials:
      if (e.state == oi::gateway_chap::none) break;  // stale_credentials clears them
      if (node) return std::move(detail::node_fix(f.where).set(chap_key::authmethod, "CHAP")).lines();
      if (conf) lines.push_back(detail::conf_comment(ctx, "set node.session.auth.authmethod = CHAP"));
      break;
    case rule::invalid_authmethod:
      if (node && f.key == chap_key::authmethod) {
        return std::move(detail::node_fix(f.where).set(chap_key::authmethod,
                                                       e.state == oi::gateway_chap::none ? "None" : "CHAP"))
            .lines();
      }
      lines.push_back("# write exactly None or CHAP (open-iscsi compares with strcmp)");
      break;
    case rule::incoming_incomplete:
      // username_in without password_in, and the gateway has a target secret: give it.
      if (node && f.key == chap_key::username_in && e.state == oi::gateway_chap::mutual) {
        return std::move(detail::node_fix(f.where).set(chap_key::password_in, target_var).relogin()).lines();
      }
      break;
    case rule::password_length_mismatch:
      // iscsiadm sets a password and its length together (usr/idbm.c check_password_param).
      if (node && f.key == chap_key::password_length && e.state != oi::gateway_chap::none) {
        return std::move(detail::node_fix(f.where).set(chap_key::password, initiator_var).relogin()).lines();
      }
      if (node && f.key == chap_key::password_in_length && e.state == oi::gateway_chap::mutual) {
        return std::move(detail::node_fix(f.where).set(chap_key::password_in, target_var).relogin()).lines();
      }
      lines.push_back(cat({"# remove the ", oi::key_name(f.key), " line from ", path}));
      break;
    case rule::record_shadowed:
      lines.push_back(
          "# open-iscsi reads the flat record <address>,<port> of this portal instead: remove that one "
          "once this record is right");
      break;
    case rule::no_node_record:
      lines.push_back(
          "# discover the target, then run this check again: iscsiadm -m discovery -t sendtargets -p "
          "GATEWAY-ADDRESS:3260");
      if (ctx.nodes_dir_missing) {
        lines.push_back(
            "# there is no nodes/ directory at all: upstream builds from 2.1.9 keep node records under "
            "/var/lib/iscsi (--db-root /var/lib/iscsi)");
      }
      break;
    case rule::initiator_name_mismatch: {
      if (e.source == sgwchap::operation::delete_chap_credentials) {
        lines.push_back(
            "# the DeleteChapCredentials request named another initiator: this host's credentials may "
            "still be on the gateway");
        break;
      }
      lines.push_back("# either give the gateway's CHAP credentials to this host's name:");
      if (std::string encode = detail::encode_update(ctx, f.value, e.state == oi::gateway_chap::mutual);
          !encode.empty()) {
        lines.push_back(std::move(encode));
      }
      lines.push_back("# or make the gateway's name this host's: InitiatorName=<it> in " + path +
                      ", then systemctl restart iscsid (iscsid reads the file only when it starts; every target then "
                      "sees the new name)");
      break;
    }
    case rule::initiator_name_missing:
    case rule::initiator_name_line_skipped:
    case rule::debian_startup_check_fails:
      lines.push_back("# write one line InitiatorName=<name> in " + path +
                      " (iscsi-iname -p iqn.1993-08.org.debian:01 makes a name), then systemctl restart iscsid");
      break;
    case rule::initiator_name_uppercase:
    case rule::initiator_name_not_storable:
    case rule::initiator_name_is_amazon_target:
      lines.push_back(
          "# give this host a name of lower-case letters, digits, '.', '-' and ':' (iscsi-iname -p "
          "iqn.1993-08.org.debian:01 makes one) in " +
          path + ", systemctl restart iscsid, and register that name with UpdateChapCredentials");
      break;
    case rule::generate_name_pending:
      lines.push_back("# Debian writes a new name into " + path +
                      " when iscsid next starts: register that name with UpdateChapCredentials");
      break;
    case rule::gateway_secret_unrepresentable:
      lines.push_back(
          "# choose a secret without blanks at its ends, line feeds or NULs, then send "
          "UpdateChapCredentials again:");
      if (std::string encode = detail::encode_update(ctx, e.initiator_name, e.state == oi::gateway_chap::mutual);
          !encode.empty()) {
        lines.push_back(std::move(encode));
      }
      break;
    case rule::running_sessions_not_checked: {
      const auto target = shell_word(e.target_iqn);
      if (e.target_iqn.empty() || !target) break;
      lines.push_back("# a session that logged in before the change keeps its old credentials: log it out and in");
      lines.push_back("iscsiadm -m node -T " + *target + " --logout");
      lines.push_back("iscsiadm -m node -T " + *target + " --login");
      break;
    }
    default: break;
  }
  return lines;
}

/// A tool-level finding of check-initiator (besides the library's oi::finding rows).
enum class tool_rule {
  file_open_to_others,             ///< A file holding secrets that group or others may read (--allow-insecure-files).
  windows_secret_length,           ///< A gateway secret outside the 12..16 bytes Windows accepts without IPsec.
  windows_one_mutual_secret,       ///< Windows keeps one mutual-CHAP secret for every target of the host.
  windows_settings_not_read,       ///< The Windows initiator's settings are not read: only commands are printed.
  windows_gateway_secret_missing,  ///< The Describe answer omits a secret the commands need.
  windows_gateway_has_no_chap,     ///< Describe lists no CHAP for this initiator.
};

[[nodiscard]] constexpr std::string_view tool_rule_name(tool_rule r) noexcept {
  switch (r) {
    case tool_rule::file_open_to_others: return "file_open_to_others";
    case tool_rule::windows_secret_length: return "windows_secret_length";
    case tool_rule::windows_one_mutual_secret: return "windows_one_mutual_secret";
    case tool_rule::windows_settings_not_read: return "windows_settings_not_read";
    case tool_rule::windows_gateway_secret_missing: return "gateway_secret_missing";
    case tool_rule::windows_gateway_has_no_chap: return "gateway_has_no_chap";
  }
  return "unknown_rule";
}

[[nodiscard]] constexpr oi::severity tool_rule_severity(tool_rule r) noexcept {
  switch (r) {
    case tool_rule::windows_secret_length: return oi::severity::error;
    case tool_rule::file_open_to_others: return oi::severity::warning;
    default: return oi::severity::note;
  }
}

/// The PowerShell lines that set a Windows initiator up for the gateway's state `e`, for the
/// initiator `initiator_name`. Windows names the secrets the other way round: the one-way
/// secret (SecretToAuthenticateInitiator) is the "target secret" given to Connect-IscsiTarget,
/// and SecretToAuthenticateTarget is the host's one mutual-CHAP secret (Set-IscsiChapSecret).
[[nodiscard]] inline std::vector<std::string> windows_commands(const oi::expected_chap& e,
                                                               std::string_view initiator_name) {
  std::vector<std::string> lines;
  const auto target = powershell_word(e.target_iqn);
  const auto name = powershell_word(initiator_name);
  if (!target || !name || e.target_iqn.empty()) {
    lines.emplace_back("# no commands: the target or initiator name holds bytes that are not printable ASCII");
    return lines;
  }
  const std::string initiator_var = cat({"$env:", initiator_secret_env});
  const std::string target_var = cat({"$env:", target_secret_env});
  lines.push_back("# this host's initiator name must be " + *name + ": (Get-InitiatorPort).NodeAddress shows it");
  lines.emplace_back("# a session keeps the credentials it logged in with: disconnect it first");
  lines.push_back("Disconnect-IscsiTarget -NodeAddress " + *target + " -Confirm:$false");
  const std::string connect = "Connect-IscsiTarget -NodeAddress " + *target;
  // One-way and mutual CHAP log in alike but for -AuthenticationType.
  const auto chap_login = [&](std::string_view type) {
    lines.emplace_back("# Windows calls " SGWCHAP_NAME_SecretToAuthenticateInitiator
                       " the \"target secret\": it is Connect-IscsiTarget's -ChapSecret");
    lines.push_back(
        cat({connect, " -AuthenticationType ", type, " -ChapUsername ", *name, " -ChapSecret ", initiator_var}));
  };
  switch (e.state) {
    case oi::gateway_chap::none: lines.push_back(connect + " -AuthenticationType NONE"); break;
    case oi::gateway_chap::one_way: chap_login("ONEWAYCHAP"); break;
    case oi::gateway_chap::mutual:
      lines.emplace_back("# " SGWCHAP_NAME_SecretToAuthenticateTarget
                         " is this host's one mutual-CHAP secret, for every target (Set-IscsiChapSecret)");
      lines.push_back("Set-IscsiChapSecret -ChapSecret " + target_var);
      chap_login("MUTUALCHAP");
      break;
  }
  if (e.state != oi::gateway_chap::none) {
    lines.emplace_back(
        "# -AuthenticationType must be upper case; -ChapUsername is the CHAP name sent, here the initiator name (the "
        "name Storage Gateway expects is not documented)");
  }
  lines.emplace_back(
      "# add -IsPersistent $true to reconnect after a restart; a favorite target saved before keeps its old "
      "credentials");
  return lines;
}

/// The CHAP key spelt exactly `name` (any scope, either file), or chap_key::none.
[[nodiscard]] constexpr oi::chap_key chap_key_named(std::string_view name) noexcept {
  for (auto k = static_cast<unsigned>(oi::chap_key::authmethod);
       k <= static_cast<unsigned>(oi::chap_key::discovery_password_in_length); ++k) {
    const auto key = static_cast<oi::chap_key>(k);
    if (oi::key_name(key) == name) return key;
  }
  return oi::chap_key::none;
}

/// Which part of a file's line a report may show under a finding.
struct shown_line {
  std::string_view text;  ///< The line (without its line end), or only its key.
  std::size_t caret{0};   ///< Byte of `text` the caret points at.
  bool key_only{false};   ///< The line holds a secret: only its key is shown.
};

/// The line of `contents` a finding at byte `offset` points into, for display:
/// - initiatorname.iscsi (no secrets): the whole line;
/// - a line whose name is a non-secret CHAP key open-iscsi reads (authmethod, username,
///   username_in, chap_algs, the *_length keys): the whole line;
/// - a line whose name is a secret key (password, password_in): the name only, the caret under it;
/// - anything else (an unknown name, a line open-iscsi cannot read, a pasted secret): nothing.
[[nodiscard]] inline std::optional<shown_line> line_to_show(std::string_view contents, oi::file_kind kind,
                                                            std::size_t line, std::size_t offset) {
  if (line == 0 || offset > contents.size()) return std::nullopt;
  std::size_t begin = offset;
  while (begin > 0 && contents[begin - 1] != '\n') --begin;
  std::size_t end = contents.find('\n', offset);
  if (end == std::string_view::npos) end = contents.size();
  if (offset == end && offset > begin && contents[offset - 1] == '\n') return std::nullopt;
  std::string_view text = contents.substr(begin, end - begin);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  const std::size_t at = offset - begin;
  if (kind == oi::file_kind::initiator_name) return shown_line{text, at < text.size() ? at : text.size(), false};
  if (kind != oi::file_kind::iscsid_conf && kind != oi::file_kind::node_record) return std::nullopt;
  // The name as idbm_recinfo_config reads it: after blanks, up to a blank or '=' (isspace in the C locale).
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
  std::size_t name_begin = 0;
  while (name_begin < text.size() && blank(text[name_begin])) ++name_begin;
  std::size_t name_end = name_begin;
  while (name_end < text.size() && !blank(text[name_end]) && text[name_end] != '=') ++name_end;
  const oi::chap_key key = chap_key_named(text.substr(name_begin, name_end - name_begin));
  if (key == oi::chap_key::none) return std::nullopt;
  if (oi::is_secret_key(key)) {
    const std::size_t caret = at >= name_begin && at < name_end ? at : name_begin;
    return shown_line{text.substr(0, name_end), caret, true};
  }
  return shown_line{text, at < text.size() ? at : text.size(), false};
}

}  // namespace sgwchap_tool::initiator
