// sgwchap — "check-initiator" for Linux: reads an open-iscsi initiator's configuration files with
// open-iscsi's own parsing rules and reports, before the next login, why it will not log in to a
// Storage Gateway target after UpdateChapCredentials or DeleteChapCredentials. Light: no I/O (the
// caller reads the files and passes their contents), no JSON library, no fmt.
//
// Rules are open-iscsi 2.1.8's, the version in Debian 12 (github.com/open-iscsi/open-iscsi, tag
// 2.1.8), and where Debian's build 2.1.8-1+deb12u1 differs, Debian's (seen with its iscsiadm):
// - iscsid.conf and node records: usr/idbm.c `idbm_recinfo_config` (the reader) and
//   `idbm_rec_update_param` (applying one "name = value"), usr/iscsi_util.c `strstrip`.
// - initiatorname.iscsi: usr/iscsi_util.c `cfg_get_string_param`, called from usr/iscsid.c
//   `main` for "InitiatorName" when iscsid starts; Debian's /lib/open-iscsi/startup-checks.sh
//   (ExecStartPre of iscsid.service) checks and may regenerate the file first.
// - CHAP: usr/initiator_common.c `iscsi_setup_authentication`, usr/auth.c
//   (`acl_chap_auth_request`, the AUTH_DBG_STATUS_PASSWD_IDENTICAL check), usr/auth.h.
// - Node record locations: usr/idbm.c `idbm_rec_read` and `idbm_rec_write`.
// Debian's build differs from tag 2.1.8 where a name or value is too long: tag 2.1.8 copies them
// into char name[128] / value[256] without a bound (a stack overflow); Debian's patch for
// CVE-2026-18724 skips the line ("key too long") or keeps the value's first 255 bytes ("value too
// long"), which is what this header reports. tests/open_iscsi/oracle_cases.txt lists the cases
// checked against Debian's iscsiadm itself.
//
// Usage (the caller reads the files; every view must outlive the findings):
//   const std::vector<oi::node_record_file> records = {
//       {*oi::parse_node_record_path(path), contents_of_that_file}, ...};
//   const oi::initiator_files files{initiatorname_contents, iscsid_conf_contents, records};
//   for (const oi::finding& f : oi::check_initiator(files, update_request))  // the request sent
//     std::printf("%s: %s\n", oi::severity_name(f.level()).data(), f.message().c_str());
// check_initiator also takes a DeleteChapCredentials request ("expected: deleted": no CHAP for
// this initiator and target), or a DescribeChapCredentials request with its answer (the ChapInfo
// of the files' InitiatorName, or of a name the caller gives), or an expected_chap built by hand.
//
// Where the files are (DB root: /etc/iscsi in Debian 12 and in upstream builds up to 2.1.8; upstream
// meson builds from 2.1.9 on default to /var/lib/iscsi, open-iscsi commit 2eda288):
//   /etc/iscsi/initiatorname.iscsi                          InitiatorName=<this host's IQN>
//   /etc/iscsi/iscsid.conf                                  defaults copied into a node record when
//                                                           the target is discovered or added
//   <DB root>/nodes/<target IQN>/<address>,<port>,<tpgt>/<iface>  one node record per target,
//                                                           portal and interface ("default" for TCP)
//   <DB root>/nodes/<target IQN>/<address>,<port>           the old flat layout (before open-iscsi
//                                                           svn r780): the portal is itself the record;
//                                                           idbm_rec_read still reads it first, and
//                                                           iscsiadm moves it to the layout above when
//                                                           it writes the record with a known tpgt.
// A node record holds its own copy of every setting: editing iscsid.conf later changes nothing for
// a target already discovered. Node records store CHAP passwords in plain text (root-only files).
//
// Findings (rule ids, each with a severity: error = the login fails or a line is not read as
// written, warning = likely or future trouble, note = what the files cannot tell):
//   file syntax (iscsid.conf, node records): missing_final_newline, line_too_long,
//     long_line_tail_read, nul_byte, equals_without_space, missing_separator, missing_value,
//     name_too_long, value_too_long, unknown_auth_key, invalid_authmethod, key_repeated,
//     whitespace_stripped, unknown_chap_algorithm, no_chap_algorithm, chap_algs_without_md5,
//     password_length_mismatch;
//   initiatorname.iscsi: initiator_name_missing, initiator_name_line_skipped,
//     initiator_name_repeated, debian_startup_check_fails, generate_name_pending,
//     initiator_name_uppercase, initiator_name_not_storable, initiator_name_not_rfc3720,
//     initiator_name_is_amazon_target, initiator_name_mismatch;
//   node records: no_node_record, record_shadowed;
//   CHAP settings: incoming_without_outgoing, incoming_incomplete, passwords_identical,
//     secret_length, authmethod_none_with_credentials, username_empty, stale_credentials,
//     outgoing_credentials_missing, password_mismatch, mutual_chap_initiator_only,
//     mutual_chap_gateway_only, password_in_mismatch, discovery_chap_not_compared;
//   the gateway's side: gateway_secret_unrepresentable, gateway_secret_missing, gateway_has_no_chap;
//   what the files cannot tell: usernames_not_checked, running_sessions_not_checked.
// `rule_description` says what each one means; tests/open_iscsi has a row for each.
//
// What cannot be decided from these files (reported as notes, never guessed):
// - The CHAP user names: which CHAP_N Storage Gateway expects from the initiator
//   (node.session.auth.username) and which it sends back in mutual CHAP (username_in, compared by
//   strcmp in usr/auth.c acl_chap_auth_request) are not documented
//   (https://docs.aws.amazon.com/storagegateway/latest/vgw/ConfiguringiSCSIClientInitiatorCHAP.html
//   shows the console fields only).
// - Whether a running session still uses the old credentials: open-iscsi copies them into the
//   session when it is created (iscsi_setup_authentication), and iscsid's reconnects reuse them, so
//   after an update the session must be logged out and in again; and iscsid reads
//   initiatorname.iscsi only when it starts. Only `iscsiadm -m session` / sysfs can tell.
// - Which CHAP algorithms the gateway accepts (not documented; RFC 3720 §11.1.4 and RFC 7143
//   §12.1.3 require every implementation to support MD5, CHAP_A=5).
// - Discovery (SendTargets) CHAP: whether the gateway asks for it is not documented, so
//   discovery.sendtargets.auth.* is checked for open-iscsi's own rules only.
// - Network reachability, the volume's state, and anything about Windows initiators.
//
// Secrets: every password read from a file goes straight from the caller's buffer into a
// `chap_secret` (wiped, compared in constant time); no other buffer of this header holds a copy.
// A finding holds views of the files' non-secret parts only (path identity, InitiatorName lines,
// non-secret values) and its message is built from those and fixed text, never from a secret.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/target_arn.hpp>

SGWCHAP_BEGIN_NAMESPACE
namespace open_iscsi {

/// open-iscsi's buffer sizes (usr/idbm.c, usr/idbm.h, usr/iscsi_util.c, usr/auth.h).
namespace limits {
/// idbm_recinfo_config reads with fgets(buffer, 2048): at most 2047 bytes per read.
inline constexpr std::size_t config_read_bytes = 2047;
/// cfg_get_string_param reads initiatorname.iscsi with fgets(buffer, 1024).
inline constexpr std::size_t initiator_name_read_bytes = 1023;
/// NAME_MAXVAL 128 (with its NUL): a longer name is "key too long" (Debian) or overflows (upstream).
inline constexpr std::size_t max_name_bytes = 127;
/// VALUE_MAXVAL 256 and AUTH_STR_MAX_LEN 256 (with the NUL): the longest value open-iscsi keeps.
inline constexpr std::size_t max_value_bytes = 255;
/// The secret lengths Windows accepts without IPsec and AWS documents for Storage Gateway:
/// https://learn.microsoft.com/en-us/windows/win32/api/iscsidsc/nf-iscsidsc-setiscsiinitiatorchapsharedsecret ,
/// https://docs.aws.amazon.com/storagegateway/latest/vgw/ConfiguringiSCSIClientInitiatorCHAP.html
inline constexpr std::size_t secret_min_bytes = 12;
inline constexpr std::size_t secret_max_bytes = 16;
}  // namespace limits

/// How bad a finding is.
enum class severity : std::uint8_t {
  note,     ///< Information: something the files cannot tell, or a harmless oddity.
  warning,  ///< Likely trouble, or trouble at the next discovery or with other initiators.
  error,    ///< The login fails, or a line is not read the way it is written.
};

[[nodiscard]] constexpr std::string_view severity_name(severity s) noexcept {
  switch (s) {
    case severity::note: return "note";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "error";
}

/// One value per rule; the enumerator's name is the rule's id (rule_name).
enum class rule : std::uint8_t {
  // -- iscsid.conf and node records (usr/idbm.c idbm_recinfo_config, idbm_rec_update_param)
  missing_final_newline = 1,  ///< The last line has no '\n': fgets' line is "too long" and skipped.
  line_too_long,              ///< A line of 2048+ bytes: its first 2047 bytes are skipped.
  long_line_tail_read,        ///< The rest of such a line is read as a line of its own.
  nul_byte,                   ///< A NUL byte: the line looks unterminated and is skipped.
  equals_without_space,       ///< `name=value`: the '=' ends the name and is consumed with it; line skipped.
  missing_separator,          ///< A name, blanks, then no '=': line skipped.
  missing_value,              ///< Nothing after the name or the '=': line skipped, an earlier value stays.
  name_too_long,              ///< A name of 128+ bytes: "key too long", line skipped.
  value_too_long,             ///< A value of 256+ bytes: open-iscsi keeps its first 255 bytes.
  unknown_auth_key,           ///< A `*.auth.*` name open-iscsi does not read in this file: ignored.
  invalid_authmethod,         ///< authmethod is not exactly `None` or `CHAP`: line ignored.
  key_repeated,               ///< A CHAP key set again later: the later line wins.
  whitespace_stripped,        ///< Blanks after a credential's value: strstrip removes them.
  unknown_chap_algorithm,     ///< A chap_algs token other than MD5, SHA1, SHA256, SHA3-256: ignored.
  no_chap_algorithm,          ///< chap_algs has no algorithm open-iscsi knows: CHAP cannot be negotiated.
  chap_algs_without_md5,      ///< chap_algs lacks MD5, the one algorithm every target supports.
  password_length_mismatch,   ///< A `*_length` line sets a length other than the password's own.
  // -- initiatorname.iscsi (usr/iscsi_util.c cfg_get_string_param; Debian startup-checks.sh)
  initiator_name_missing,           ///< No line yields an InitiatorName (or the file is absent).
  initiator_name_line_skipped,      ///< A line names InitiatorName but has no '=' or no value.
  initiator_name_repeated,          ///< A later InitiatorName line: ignored, the first one wins.
  debian_startup_check_fails,       ///< No line matches `^InitiatorName=[^ \t\n]` (grep): iscsid.service fails.
  generate_name_pending,            ///< `GenerateName=yes`: Debian replaces the file at iscsid's next start.
  initiator_name_uppercase,         ///< Upper case: Storage Gateway's InitiatorName cannot hold it.
  initiator_name_not_storable,      ///< Fails the service model's IqnName (1..255 of [0-9a-z:.-]).
  initiator_name_not_rfc3720,       ///< Passes the model but not RFC 3720 §3.2.6.3's iqn./eui./naa. grammar.
  initiator_name_is_amazon_target,  ///< `iqn.1997-05.com.amazon:`: a target's name, not this host's.
  initiator_name_mismatch,          ///< Differs (exact bytes) from the gateway's InitiatorName.
  // -- which node record
  no_node_record,   ///< No record for the target: iscsid.conf's defaults will be copied at discovery.
  record_shadowed,  ///< A flat `<address>,<port>` record is read instead of this one.
  // -- CHAP settings (usr/initiator_common.c iscsi_setup_authentication, usr/auth.c)
  incoming_without_outgoing,         ///< username_in/password_in without password: EINVAL, no CHAP.
  incoming_incomplete,               ///< Only one of username_in and password_in: mutual CHAP fails.
  passwords_identical,               ///< password == password_in: open-iscsi refuses the target's answer.
  secret_length,                     ///< A password outside 12..16 bytes.
  authmethod_none_with_credentials,  ///< authmethod None but credentials set: CHAP is used anyway.
  username_empty,                    ///< password without username: CHAP_N is sent empty.
  stale_credentials,                 ///< Credentials set, but the gateway has no CHAP for this pair.
  outgoing_credentials_missing,      ///< The gateway has CHAP, the initiator has no password.
  password_mismatch,                 ///< password differs from SecretToAuthenticateInitiator.
  mutual_chap_initiator_only,        ///< The initiator wants mutual CHAP, the gateway has no target secret.
  mutual_chap_gateway_only,          ///< The gateway has a target secret the initiator never asks for.
  password_in_mismatch,              ///< password_in differs from SecretToAuthenticateTarget.
  discovery_chap_not_compared,       ///< Discovery CHAP is set; the gateway's use of it is undocumented.
  // -- the gateway's side
  gateway_secret_unrepresentable,  ///< A gateway secret open-iscsi cannot hold (blanks at an end, NUL/LF, >255).
  gateway_secret_missing,          ///< The DescribeChapCredentials answer omits a secret: not compared.
  gateway_has_no_chap,             ///< DescribeChapCredentials lists no ChapInfo for this initiator.
  // -- what the files cannot tell
  usernames_not_checked,         ///< The CHAP user names the gateway expects are not documented.
  running_sessions_not_checked,  ///< A running session keeps its old credentials until logout/login.
};

/// The highest rule value (tests iterate over every rule).
inline constexpr rule last_rule = rule::running_sessions_not_checked;

[[nodiscard]] constexpr std::string_view rule_name(rule r) noexcept {
  switch (r) {
    case rule::missing_final_newline: return "missing_final_newline";
    case rule::line_too_long: return "line_too_long";
    case rule::long_line_tail_read: return "long_line_tail_read";
    case rule::nul_byte: return "nul_byte";
    case rule::equals_without_space: return "equals_without_space";
    case rule::missing_separator: return "missing_separator";
    case rule::missing_value: return "missing_value";
    case rule::name_too_long: return "name_too_long";
    case rule::value_too_long: return "value_too_long";
    case rule::unknown_auth_key: return "unknown_auth_key";
    case rule::invalid_authmethod: return "invalid_authmethod";
    case rule::key_repeated: return "key_repeated";
    case rule::whitespace_stripped: return "whitespace_stripped";
    case rule::unknown_chap_algorithm: return "unknown_chap_algorithm";
    case rule::no_chap_algorithm: return "no_chap_algorithm";
    case rule::chap_algs_without_md5: return "chap_algs_without_md5";
    case rule::password_length_mismatch: return "password_length_mismatch";
    case rule::initiator_name_missing: return "initiator_name_missing";
    case rule::initiator_name_line_skipped: return "initiator_name_line_skipped";
    case rule::initiator_name_repeated: return "initiator_name_repeated";
    case rule::debian_startup_check_fails: return "debian_startup_check_fails";
    case rule::generate_name_pending: return "generate_name_pending";
    case rule::initiator_name_uppercase: return "initiator_name_uppercase";
    case rule::initiator_name_not_storable: return "initiator_name_not_storable";
    case rule::initiator_name_not_rfc3720: return "initiator_name_not_rfc3720";
    case rule::initiator_name_is_amazon_target: return "initiator_name_is_amazon_target";
    case rule::initiator_name_mismatch: return "initiator_name_mismatch";
    case rule::no_node_record: return "no_node_record";
    case rule::record_shadowed: return "record_shadowed";
    case rule::incoming_without_outgoing: return "incoming_without_outgoing";
    case rule::incoming_incomplete: return "incoming_incomplete";
    case rule::passwords_identical: return "passwords_identical";
    case rule::secret_length: return "secret_length";
    case rule::authmethod_none_with_credentials: return "authmethod_none_with_credentials";
    case rule::username_empty: return "username_empty";
    case rule::stale_credentials: return "stale_credentials";
    case rule::outgoing_credentials_missing: return "outgoing_credentials_missing";
    case rule::password_mismatch: return "password_mismatch";
    case rule::mutual_chap_initiator_only: return "mutual_chap_initiator_only";
    case rule::mutual_chap_gateway_only: return "mutual_chap_gateway_only";
    case rule::password_in_mismatch: return "password_in_mismatch";
    case rule::discovery_chap_not_compared: return "discovery_chap_not_compared";
    case rule::gateway_secret_unrepresentable: return "gateway_secret_unrepresentable";
    case rule::gateway_secret_missing: return "gateway_secret_missing";
    case rule::gateway_has_no_chap: return "gateway_has_no_chap";
    case rule::usernames_not_checked: return "usernames_not_checked";
    case rule::running_sessions_not_checked: return "running_sessions_not_checked";
  }
  return "unknown_rule";
}

[[nodiscard]] constexpr severity rule_severity(rule r) noexcept {
  switch (r) {
    case rule::long_line_tail_read:
    case rule::missing_value:
    case rule::name_too_long:
    case rule::unknown_auth_key:
    case rule::whitespace_stripped:
    case rule::unknown_chap_algorithm:
    case rule::chap_algs_without_md5:
    case rule::initiator_name_line_skipped:
    case rule::generate_name_pending:
    case rule::initiator_name_not_rfc3720:
    case rule::initiator_name_is_amazon_target:
    case rule::no_node_record:
    case rule::record_shadowed:
    case rule::secret_length:
    case rule::authmethod_none_with_credentials:
    case rule::mutual_chap_gateway_only: return severity::warning;
    case rule::key_repeated:
    case rule::initiator_name_repeated:
    case rule::username_empty:
    case rule::discovery_chap_not_compared:
    case rule::gateway_secret_missing:
    case rule::gateway_has_no_chap:
    case rule::usernames_not_checked:
    case rule::running_sessions_not_checked: return severity::note;
    default: return severity::error;
  }
}

/// The rule in words (what open-iscsi does), without location, key or values.
[[nodiscard]] constexpr std::string_view rule_description(rule r) noexcept {
  switch (r) {
    case rule::missing_final_newline: return "the last line has no newline, so open-iscsi does not read it";
    case rule::line_too_long: return "the line is longer than 2047 bytes, so open-iscsi skips its first 2047 bytes";
    case rule::long_line_tail_read:
      return "open-iscsi reads what follows the first 2047 bytes of an over-long line as a line of its own";
    case rule::nul_byte: return "the line holds a NUL byte, so open-iscsi sees no line end and skips it";
    case rule::equals_without_space:
      return "'=' right after the name: open-iscsi consumes it with the name, finds no separator and skips the "
             "line (write 'name = value')";
    case rule::missing_separator: return "no '=' after the name, so open-iscsi skips the line";
    case rule::missing_value: return "no value, so open-iscsi skips the line and keeps any earlier value";
    case rule::name_too_long: return "the name is 128 bytes or longer, so open-iscsi skips the line";
    case rule::value_too_long: return "the value is longer than 255 bytes, so open-iscsi keeps only its first 255";
    case rule::unknown_auth_key: return "open-iscsi reads no such key in this file and ignores the line";
    case rule::invalid_authmethod: return "must be exactly None or CHAP, so open-iscsi ignores the line";
    case rule::key_repeated: return "is set again later; open-iscsi uses the later line";
    case rule::whitespace_stripped: return "ends in blanks that open-iscsi strips from the value";
    case rule::unknown_chap_algorithm:
      return "names an algorithm open-iscsi does not know (MD5, SHA1, SHA256, SHA3-256; case matters): ignored";
    case rule::no_chap_algorithm: return "leaves no CHAP algorithm, so CHAP cannot be negotiated";
    case rule::chap_algs_without_md5:
      return "lacks MD5, the one CHAP algorithm RFC 7143 12.1.3 requires of every implementation (the algorithms "
             "Storage Gateway accepts are not documented)";
    case rule::password_length_mismatch:
      return "sets a length other than the password's own, and open-iscsi uses it as the secret's length";
    case rule::initiator_name_missing: return "no InitiatorName: iscsid cannot log in with software iSCSI";
    case rule::initiator_name_line_skipped:
      return "this line names InitiatorName without '=' or without a value, so open-iscsi skips it";
    case rule::initiator_name_repeated: return "this line names InitiatorName again; open-iscsi uses the first one";
    case rule::debian_startup_check_fails:
      return "no line matches Debian's startup check ^InitiatorName=[^ \\t\\n] (a grep bracket, so it refuses a "
             "space, '\\', 't' and 'n' after '='), so iscsid.service does not start";
    case rule::generate_name_pending:
      return "GenerateName=yes: Debian writes a new InitiatorName into this file when iscsid next starts";
    case rule::initiator_name_uppercase:
      return "has upper case, which Storage Gateway's InitiatorName ([0-9a-z:.-]) cannot hold";
    case rule::initiator_name_not_storable:
      return "is not a name Storage Gateway's InitiatorName can hold (1..255 of [0-9a-z:.-])";
    case rule::initiator_name_not_rfc3720: return "is not an iqn./eui./naa. name of RFC 3720 3.2.6.3";
    case rule::initiator_name_is_amazon_target:
      return "is a Storage Gateway target's name (iqn.1997-05.com.amazon:), not this initiator's";
    case rule::initiator_name_mismatch: return "differs from the gateway's InitiatorName";
    case rule::no_node_record:
      return "no node record for the target: discovery will copy iscsid.conf's node.session.auth settings, "
             "checked here";
    case rule::record_shadowed:
      return "this record is not read: open-iscsi reads the old flat record <address>,<port> of the same portal "
             "first";
    case rule::incoming_without_outgoing:
      return "is set, but no outgoing password is: open-iscsi refuses the configuration (EINVAL) and logs in "
             "without CHAP";
    case rule::incoming_incomplete:
      return "is set without its partner (username_in and password_in go together): open-iscsi insists on "
             "mutual CHAP and fails it";
    case rule::passwords_identical:
      return "equals password: open-iscsi refuses a target that answers with the initiator's own secret";
    case rule::secret_length: return "is outside 12..16 bytes, the lengths AWS documents and Windows initiators accept";
    case rule::authmethod_none_with_credentials:
      return "is None but CHAP credentials are set: open-iscsi 2.1.8 uses CHAP anyway";
    case rule::username_empty: return "is not set, so open-iscsi sends an empty CHAP name";
    case rule::stale_credentials:
      return "is still set, but the gateway holds no CHAP for this initiator and target: open-iscsi still "
             "offers CHAP and the login fails";
    case rule::outgoing_credentials_missing: return "is not set, but the gateway requires CHAP: the login fails";
    case rule::password_mismatch:
      return "differs from the gateway's " SGWCHAP_NAME_SecretToAuthenticateInitiator ": the login fails";
    case rule::mutual_chap_initiator_only:
      return "asks for mutual CHAP, but the gateway has no " SGWCHAP_NAME_SecretToAuthenticateTarget
             ": the login fails";
    case rule::mutual_chap_gateway_only:
      return "is not set, so this initiator never authenticates the target (the gateway has "
             "a " SGWCHAP_NAME_SecretToAuthenticateTarget " for mutual CHAP)";
    case rule::password_in_mismatch:
      return "differs from the gateway's " SGWCHAP_NAME_SecretToAuthenticateTarget ": the login fails";
    case rule::discovery_chap_not_compared:
      return "is set: whether the gateway asks for discovery CHAP is not documented, so it is checked only for "
             "open-iscsi's own rules";
    case rule::gateway_secret_unrepresentable: return "cannot be written into an open-iscsi file";
    case rule::gateway_secret_missing: return "is absent from the DescribeChapCredentials answer: not compared";
    case rule::gateway_has_no_chap:
      return "DescribeChapCredentials lists no CHAP credentials for this initiator on this target";
    case rule::usernames_not_checked:
      return "the CHAP user names (node.session.auth.username, username_in) are not checked: the names Storage "
             "Gateway expects and sends are not documented";
    case rule::running_sessions_not_checked:
      return "files cannot show a running session: it keeps the credentials it logged in with until it is logged "
             "out and in again, and iscsid reads initiatorname.iscsi only when it starts";
  }
  return "unknown rule";
}

/// Which file (or side) a finding is about.
enum class file_kind : std::uint8_t {
  initiator_name,  ///< /etc/iscsi/initiatorname.iscsi
  iscsid_conf,     ///< /etc/iscsi/iscsid.conf
  node_record,     ///< <DB root>/nodes/<target IQN>/<portal>[/<iface>]
  gateway,         ///< Not a file: the gateway's CHAP credentials (the request or the Describe answer).
};

[[nodiscard]] constexpr std::string_view file_kind_name(file_kind f) noexcept {
  switch (f) {
    case file_kind::initiator_name: return "initiatorname.iscsi";
    case file_kind::iscsid_conf: return "iscsid.conf";
    case file_kind::node_record: return "node record";
    case file_kind::gateway: return "gateway";
  }
  return "file";
}

/// The CHAP keys of open-iscsi's files (usr/idbm_fields.h). Discovery has no chap_algs key of its
/// own: idbm_recinfo_discovery reuses node.session.auth.chap_algs ("reusing SESSION_CHAP_ALGS").
enum class chap_key : std::uint8_t {
  none,
  authmethod,          ///< node.session.auth.authmethod
  username,            ///< node.session.auth.username
  password,            ///< node.session.auth.password (secret)
  username_in,         ///< node.session.auth.username_in
  password_in,         ///< node.session.auth.password_in (secret)
  chap_algs,           ///< node.session.auth.chap_algs (node and discovery sessions)
  password_length,     ///< node.session.auth.password_length (written by no tool; read if present)
  password_in_length,  ///< node.session.auth.password_in_length
  discovery_authmethod,
  discovery_username,
  discovery_password,
  discovery_username_in,
  discovery_password_in,
  discovery_password_length,
  discovery_password_in_length,
};

[[nodiscard]] constexpr std::string_view key_name(chap_key k) noexcept {
  switch (k) {
    case chap_key::authmethod: return "node.session.auth.authmethod";
    case chap_key::username: return "node.session.auth.username";
    case chap_key::password: return "node.session.auth.password";
    case chap_key::username_in: return "node.session.auth.username_in";
    case chap_key::password_in: return "node.session.auth.password_in";
    case chap_key::chap_algs: return "node.session.auth.chap_algs";
    case chap_key::password_length: return "node.session.auth.password_length";
    case chap_key::password_in_length: return "node.session.auth.password_in_length";
    case chap_key::discovery_authmethod: return "discovery.sendtargets.auth.authmethod";
    case chap_key::discovery_username: return "discovery.sendtargets.auth.username";
    case chap_key::discovery_password: return "discovery.sendtargets.auth.password";
    case chap_key::discovery_username_in: return "discovery.sendtargets.auth.username_in";
    case chap_key::discovery_password_in: return "discovery.sendtargets.auth.password_in";
    case chap_key::discovery_password_length: return "discovery.sendtargets.auth.password_length";
    case chap_key::discovery_password_in_length: return "discovery.sendtargets.auth.password_in_length";
    case chap_key::none: break;
  }
  return "";
}

/// True for the keys whose values are secrets (never in any output).
[[nodiscard]] constexpr bool is_secret_key(chap_key k) noexcept {
  return k == chap_key::password || k == chap_key::password_in || k == chap_key::discovery_password ||
         k == chap_key::discovery_password_in;
}

/// A node record's identity, from its path under <DB root>/nodes (see the top of this header).
struct node_record_id {
  std::string_view target_iqn;  ///< The directory under nodes/, e.g. iqn.1997-05.com.amazon:myvolume
  std::string_view portal;      ///< `<address>,<port>,<tpgt>`, or `<address>,<port>` in the flat layout
  std::string_view iface;       ///< The file's name, e.g. `default`; empty in the flat layout
  friend constexpr bool operator==(const node_record_id&, const node_record_id&) = default;
};

/// Splits a node record's path (absolute, or relative to the DB root or to nodes/) into its
/// identity: `.../nodes/<IQN>/<address>,<port>,<tpgt>/<iface>` or the flat
/// `.../nodes/<IQN>/<address>,<port>`. nullopt when the path has neither shape. Views into `path`.
[[nodiscard]] constexpr std::optional<node_record_id> parse_node_record_path(std::string_view path) noexcept {
  // The last "nodes/" component starts the record's part; without one, the path starts there.
  std::string_view rest = path;
  for (std::size_t at = path.find("nodes/"); at != std::string_view::npos; at = path.find("nodes/", at + 1)) {
    if (at == 0 || path[at - 1] == '/') rest = path.substr(at + 6);
  }
  std::array<std::string_view, 4> parts{};
  std::size_t count = 0;
  while (!rest.empty() && count < parts.size()) {
    const std::size_t slash = rest.find('/');
    parts[count++] = rest.substr(0, slash);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  if (!rest.empty() && rest.find('/') != std::string_view::npos) return std::nullopt;
  const auto commas = [](std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += c == ',' ? 1U : 0U;
    return n;
  };
  for (std::size_t i = 0; i < count; ++i) {
    if (parts[i].empty()) return std::nullopt;
  }
  // "%s,%d,%d" and "%s,%d" (usr/idbm.c idbm_rec_read); an address holds no ',' (IPv6 uses ':').
  if (count == 3 && commas(parts[1]) == 2) return node_record_id{parts[0], parts[1], parts[2]};
  if (count == 2 && commas(parts[1]) == 1) return node_record_id{parts[0], parts[1], {}};
  return std::nullopt;
}

/// One node record: its identity (from its path, parse_node_record_path) and its contents.
struct node_record_file {
  node_record_id id;
  std::string_view contents;
};

/// The initiator's files, as read by the caller (contents only; this header does no I/O).
/// Every view must outlive the findings, which view into them.
struct initiator_files {
  std::optional<std::string_view> initiator_name;  ///< initiatorname.iscsi; nullopt: the file is absent
  std::optional<std::string_view> iscsid_conf;     ///< iscsid.conf; nullopt: absent (built-in defaults)
  std::span<const node_record_file> node_records;  ///< Every record under nodes/ (any target).
};

/// One finding. Views point into the caller's files and the expectation (keep them alive); none
/// ever points at a secret. `message()` is built from these members only.
struct finding {
  rule id{};
  file_kind file{file_kind::gateway};
  std::size_t line{0};    ///< 1-based line of the file (physical lines, counted by '\n'); 0: the whole file.
  std::size_t offset{0};  ///< Byte offset into the file's contents (0 when line is 0).
  chap_key key{chap_key::none};
  /// Index into initiator_files::node_records for node-record findings, else npos.
  std::size_t record{static_cast<std::size_t>(-1)};
  node_record_id where{};       ///< The node record's identity (node-record findings).
  std::string_view address;     ///< The record's node.conn[0].address value (empty if absent).
  std::string_view port;        ///< The record's node.conn[0].port value (empty if absent).
  std::string_view target_iqn;  ///< The target the check is about (from the expectation).
  std::string_view value;       ///< A non-secret value the message quotes (an InitiatorName).
  std::string_view other;       ///< What `value` was compared with (the gateway's InitiatorName).
  std::uint64_t number{0};      ///< Rule-specific (documented in message()): a length, a line, a code.
  operation source{operation::update_chap_credentials};  ///< The call the expectation came from.

  [[nodiscard]] severity level() const noexcept { return rule_severity(id); }
  /// E.g. "node record iqn.1997-05.com.amazon:myvolume 10.0.0.5,3260,1 default line 33 (byte 871):
  /// node.session.auth.password differs from the gateway's SecretToAuthenticateInitiator: the
  /// login fails [password_mismatch]". Never holds a secret byte; bytes outside printable ASCII
  /// in quoted values are written as \xNN. May throw std::bad_alloc.
  [[nodiscard]] std::string message() const;
};

/// Writes `f`'s message (see finding::message) to `out`, anything with append(std::string_view).
template <class Out>
inline void write_message(const finding& f, Out& out);

/// The worst severity among `findings` (nullopt when empty).
[[nodiscard]] inline std::optional<severity> worst_severity(std::span<const finding> findings) noexcept {
  std::optional<severity> worst;
  for (const finding& f : findings) {
    if (!worst.has_value() || f.level() > *worst) worst = f.level();
  }
  return worst;
}

// ---------------------------------------------------------------------------------------------
// Parsed files

/// authmethod (usr/idbm.c: an option list, compared with strcmp).
enum class auth_method : std::uint8_t { none, chap };

/// chap_algs tokens (usr/idbm.c chap_algs table, usr/auth.h AUTH_CHAP_ALG_*: CHAP_A values).
enum class chap_algorithm : std::uint8_t { md5 = 5, sha1 = 6, sha256 = 7, sha3_256 = 8 };

/// Where a setting's effective value is: line 0 when no line set it (the built-in default).
struct setting_location {
  std::size_t line{0};
  std::size_t offset{0};  ///< Offset of the value's first byte.
  [[nodiscard]] constexpr bool is_set() const noexcept { return line != 0; }
};

struct text_setting : setting_location {
  std::string_view value;  ///< View into the file (after strstrip; at most 255 bytes).
};

struct secret_setting : setting_location {
  chap_secret value;  ///< `chap_secret::unchecked` of the value open-iscsi keeps (at most 255 bytes).
};

/// The effective chap_algs list, in the order written (duplicates and unknown tokens dropped).
struct chap_algorithm_list {
  std::array<chap_algorithm, 4> items{chap_algorithm::md5};
  std::size_t count{1};  ///< open-iscsi's default: MD5 only (usr/idbm.c idbm_node_setup_defaults).
  [[nodiscard]] constexpr bool contains(chap_algorithm a) const noexcept {
    for (std::size_t i = 0; i < count; ++i) {
      if (items[i] == a) return true;
    }
    return false;
  }
};

/// One scope's CHAP settings (node.session.auth.* or discovery.sendtargets.auth.*), as
/// open-iscsi ends up with them after reading every line: built-in defaults, then each line in
/// order, a later line replacing an earlier one.
struct auth_settings {
  auth_method method{auth_method::none};  ///< open-iscsi's default is None.
  text_setting authmethod;
  text_setting username;
  secret_setting password;
  text_setting username_in;
  secret_setting password_in;
  text_setting chap_algs;
  chap_algorithm_list algorithms;
  /// True when open-iscsi uses CHAP: a password or an incoming credential is set (authmethod is
  /// not consulted; usr/initiator_common.c iscsi_setup_authentication).
  [[nodiscard]] bool uses_chap() const noexcept {
    return !password.value.empty() || !password_in.value.empty() || !username_in.value.empty();
  }
};

/// A parsed iscsid.conf or node record.
struct iscsi_config {
  auth_settings session;            ///< node.session.auth.*
  auth_settings discovery;          ///< discovery.sendtargets.auth.* (iscsid.conf only)
  text_setting node_name;           ///< node.name (node records)
  text_setting tpgt;                ///< node.tpgt
  text_setting address;             ///< node.conn[0].address
  text_setting port;                ///< node.conn[0].port
  std::string_view record_version;  ///< "2.1.8" from a first line "# BEGIN RECORD 2.1.8" (node records)
};

/// What open-iscsi reads from initiatorname.iscsi.
struct initiator_name_file {
  text_setting name;                ///< The InitiatorName iscsid uses (not set: none).
  bool generate_name{false};        ///< A line starts with GenerateName=yes (Debian regenerates the file).
  bool passes_debian_check{false};  ///< A line matches Debian's `^InitiatorName=[^ \t\n]`.
};

namespace detail {

/// isspace() in the C locale, as usr/iscsi_util.c strstrip and idbm_recinfo_config call it.
[[nodiscard]] constexpr bool is_c_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/// One fgets() read: the bytes [begin, end) of the file, at most `max` of them, through the
/// first '\n'. `line` is the physical line the read starts on; `continuation` says it starts in
/// the middle of a line (the previous read filled the buffer without reaching a '\n').
struct read_chunk {
  std::size_t begin{0};
  std::size_t end{0};
  std::size_t line{1};
  bool continuation{false};
};

class chunk_reader {
 public:
  constexpr chunk_reader(std::string_view text, std::size_t max) noexcept : text_(text), max_(max) {}
  constexpr bool next(read_chunk& out) noexcept {
    if (pos_ >= text_.size()) return false;
    const std::size_t limit = text_.size() - pos_ > max_ ? pos_ + max_ : text_.size();
    std::size_t end = limit;
    bool newline = false;
    for (std::size_t i = pos_; i < limit; ++i) {
      if (text_[i] == '\n') {
        end = i + 1;
        newline = true;
        break;
      }
    }
    out = read_chunk{pos_, end, line_, continuation_};
    pos_ = end;
    continuation_ = !newline;
    if (newline) ++line_;
    return true;
  }

 private:
  std::string_view text_;
  std::size_t max_;
  std::size_t pos_{0};
  std::size_t line_{1};
  bool continuation_{false};
};

/// What idbm_recinfo_config makes of one read.
enum class line_kind : std::uint8_t {
  blank,
  comment,
  setting,
  nul_byte,
  missing_final_newline,
  too_long,
  equals_without_space,
  missing_separator,
  missing_value,
  name_too_long,
};

struct config_line {
  line_kind kind{line_kind::blank};
  read_chunk chunk;
  std::size_t at{0};  ///< Offset the line's finding points at (the NUL, the name, the '=', ...).
  std::size_t name_begin{0};
  std::size_t name_end{0};
  std::size_t value_begin{0};
  std::size_t value_end{0};     ///< After strstrip; value_end - value_begin may exceed 255.
  bool blanks_stripped{false};  ///< Blanks between the value and the line end (a CR before '\n' excepted).
  [[nodiscard]] constexpr std::size_t kept_value_end() const noexcept {
    return value_end - value_begin > limits::max_value_bytes ? value_begin + limits::max_value_bytes : value_end;
  }
};

/// idbm_recinfo_config's reading of one fgets() chunk (usr/idbm.c), byte for byte:
/// - no '\n' at the chunk's end (strlen stops at a NUL, too): "too long", skipped;
/// - strstrip; empty or '#' first: skipped;
/// - the name runs to the first blank or '='; the byte that ends it is then skipped, blanks are
///   skipped, and the next byte must be '=' (so `name=value` fails: its '=' was the byte
///   skipped); after the '=', blanks are skipped and the rest is the value.
[[nodiscard]] constexpr config_line read_config_line(std::string_view text, const read_chunk& c) noexcept {
  config_line r;
  r.chunk = c;
  r.at = c.begin;
  for (std::size_t i = c.begin; i < c.end; ++i) {
    if (text[i] == '\0') {
      r.kind = line_kind::nul_byte;
      r.at = i;
      return r;
    }
  }
  if (text[c.end - 1] != '\n') {
    r.kind = c.end == text.size() && c.end - c.begin < limits::config_read_bytes ? line_kind::missing_final_newline
                                                                                 : line_kind::too_long;
    return r;
  }
  std::size_t b = c.begin;
  std::size_t e = c.end;
  while (e > b && is_c_space(text[e - 1])) --e;
  while (b < e && is_c_space(text[b])) ++b;
  if (b == e) return r;
  r.at = b;
  if (text[b] == '#') {
    r.kind = line_kind::comment;
    return r;
  }
  std::size_t i = b;
  while (i < e && !is_c_space(text[i]) && text[i] != '=') ++i;
  r.name_begin = b;
  r.name_end = i;
  if (i - b > limits::max_name_bytes) {
    r.kind = line_kind::name_too_long;
    return r;
  }
  if (i == e) {
    r.kind = line_kind::missing_value;
    return r;
  }
  const bool ended_by_equals = text[i] == '=';
  std::size_t j = i + 1;
  while (j < e && is_c_space(text[j])) ++j;
  if (j < e && text[j] != '=') {
    r.kind = ended_by_equals ? line_kind::equals_without_space : line_kind::missing_separator;
    r.at = ended_by_equals ? i : j;
    return r;
  }
  ++j;  // the '=' (or one past the stripped end, where open-iscsi meets the NUL strstrip wrote)
  while (j < e && is_c_space(text[j])) ++j;
  if (j >= e) {
    r.kind = line_kind::missing_value;
    return r;
  }
  r.kind = line_kind::setting;
  r.value_begin = j;
  r.value_end = e;
  r.at = j;
  for (std::size_t k = e; k + 1 < c.end; ++k) {
    if (!(text[k] == '\r' && k + 2 == c.end)) r.blanks_stripped = true;
  }
  return r;
}

/// The key a name sets in a file of `kind` (exact bytes, as idbm_rec_update_param's strcmp).
[[nodiscard]] constexpr chap_key lookup_key(std::string_view name, file_kind kind) noexcept {
  constexpr std::string_view session = "node.session.auth.";
  constexpr std::string_view discovery = "discovery.sendtargets.auth.";
  std::string_view tail;
  bool is_discovery = false;
  if (name.substr(0, session.size()) == session) {
    tail = name.substr(session.size());
  } else if (kind == file_kind::iscsid_conf && name.substr(0, discovery.size()) == discovery) {
    tail = name.substr(discovery.size());
    is_discovery = true;
  } else {
    return chap_key::none;
  }
  struct entry {
    std::string_view tail;
    chap_key session_key;
    chap_key discovery_key;
  };
  constexpr std::array<entry, 8> table{{
      {"authmethod", chap_key::authmethod, chap_key::discovery_authmethod},
      {"username", chap_key::username, chap_key::discovery_username},
      {"password", chap_key::password, chap_key::discovery_password},
      {"username_in", chap_key::username_in, chap_key::discovery_username_in},
      {"password_in", chap_key::password_in, chap_key::discovery_password_in},
      {"chap_algs", chap_key::chap_algs, chap_key::none},
      {"password_length", chap_key::password_length, chap_key::discovery_password_length},
      {"password_in_length", chap_key::password_in_length, chap_key::discovery_password_in_length},
  }};
  for (const entry& e : table) {
    if (e.tail == tail) return is_discovery ? e.discovery_key : e.session_key;
  }
  return chap_key::none;
}

/// True for a name that looks like a CHAP key (`*.auth.*`, any case) but is none open-iscsi reads
/// in this file: a typo, the wrong case, node.sendtargets.auth.*, discovery keys in a node record,
/// discovery.sendtargets.auth.chap_algs.
[[nodiscard]] constexpr bool looks_like_auth_key(std::string_view name) noexcept {
  constexpr std::string_view needle = ".auth.";
  if (name.size() < needle.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= name.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < needle.size(); ++k) {
      char c = name[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != needle[k]) {
        match = false;
        break;
      }
    }
    if (match) return true;
  }
  return false;
}

/// One chap_algs token (usr/idbm.c TYPE_INT_LIST: strsep on ", \n", so a tab is no separator;
/// names compared with strcmp against the chap_algs table).
[[nodiscard]] constexpr std::optional<chap_algorithm> parse_chap_algorithm(std::string_view token) noexcept {
  if (token == "MD5") return chap_algorithm::md5;
  if (token == "SHA1") return chap_algorithm::sha1;
  if (token == "SHA256") return chap_algorithm::sha256;
  if (token == "SHA3-256") return chap_algorithm::sha3_256;
  return std::nullopt;
}

/// strtoul(value, NULL, 10) stored into an int (usr/idbm.c TYPE_INT): blanks, a sign, digits.
[[nodiscard]] constexpr std::int64_t parse_c_int(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size() && is_c_space(s[i])) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::uint64_t n = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    const auto digit = static_cast<std::uint64_t>(s[i] - '0');
    n = n > (~std::uint64_t{0} - digit) / 10 ? ~std::uint64_t{0} : n * 10 + digit;
  }
  if (negative) n = ~n + 1;
  // Only the low 32 bits reach the int (two's complement, as on every Linux target).
  const auto low = static_cast<std::uint32_t>(n);
  return low >= 0x80000000U ? static_cast<std::int64_t>(low) - 0x100000000LL : static_cast<std::int64_t>(low);
}

/// The InitiatorName line cfg_get_string_param (usr/iscsi_util.c) picks: reading fgets chunks of
/// at most 1023 bytes, the first chunk whose C string (up to a NUL) holds "InitiatorName" with no
/// '#' before it, a '=' after it, and a non-blank value after that '=' (stripped).
struct initiator_name_scan {
  std::size_t value_begin{0};
  std::size_t value_end{0};
  std::size_t line{0};  ///< 0: none found
  std::size_t key_at{0};
};

[[nodiscard]] constexpr initiator_name_scan scan_initiator_name(std::string_view text) noexcept {
  constexpr std::string_view key = "InitiatorName";
  chunk_reader reader(text, limits::initiator_name_read_bytes);
  read_chunk c;
  while (reader.next(c)) {
    std::string_view s = text.substr(c.begin, c.end - c.begin);
    if (const std::size_t nul = s.find('\0'); nul != std::string_view::npos) s = s.substr(0, nul);
    const std::size_t k = s.find(key);
    if (k == std::string_view::npos) continue;
    if (const std::size_t hash = s.find('#'); hash != std::string_view::npos && hash < k) continue;
    const std::size_t eq = s.find('=', k);
    if (eq == std::string_view::npos) continue;
    std::size_t b = eq + 1;
    std::size_t e = s.size();
    while (e > b && is_c_space(s[e - 1])) --e;
    while (b < e && is_c_space(s[b])) ++b;
    if (b == e) continue;
    return {c.begin + b, c.begin + e, c.line, c.begin + k};
  }
  return {};
}

/// Debian's /lib/open-iscsi/startup-checks.sh runs `grep -q "^InitiatorName=[^ \t\n]"`. In a POSIX
/// bracket expression a backslash is literal, so the class refuses ' ', '\', 't' and 'n' (not a
/// tab or a newline): `InitiatorName=naa.…` fails it. Lines are split at '\n' (C locale assumed).
[[nodiscard]] constexpr bool passes_debian_check(std::string_view text) noexcept {
  constexpr std::string_view prefix = "InitiatorName=";
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    if (line.size() > prefix.size() && line.substr(0, prefix.size()) == prefix) {
      const char c = line[prefix.size()];
      if (c != ' ' && c != '\\' && c != 't' && c != 'n') return true;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

/// `grep -q "^GenerateName=yes"` of the same script.
[[nodiscard]] constexpr bool has_generate_name(std::string_view text) noexcept {
  constexpr std::string_view prefix = "GenerateName=yes";
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text.substr(pos, prefix.size()) == prefix) return true;
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

/// Storage Gateway's own target names (TargetARN after /target/).
[[nodiscard]] constexpr bool is_amazon_target_name(std::string_view name) noexcept {
  return name.substr(0, target_arn_limits::target_iqn_prefix.size()) == target_arn_limits::target_iqn_prefix;
}

/// Appends `s` with every byte outside printable ASCII (and '\') as \xNN.
template <class Out>
void append_escaped(Out& out, std::string_view s) {
  constexpr std::string_view hex = "0123456789abcdef";
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20U && b < 0x7FU && b != '\\') continue;
    out.append(s.substr(run, i - run));
    const char esc[4] = {'\\', 'x', hex[b >> 4U], hex[b & 0xFU]};
    out.append(std::string_view(esc, 4));
    run = i + 1;
  }
  out.append(s.substr(run));
}

template <class Out>
void append_number(Out& out, std::uint64_t n) {
  sgwchap::detail::append_number(out, n);
}

/// Appends a finding to `out` with the fields every finding of one file shares.
struct finding_base {
  file_kind file{file_kind::gateway};
  std::size_t record{static_cast<std::size_t>(-1)};
  node_record_id where{};
  std::string_view target_iqn;
  operation source{operation::update_chap_credentials};

  [[nodiscard]] finding make(rule r, std::size_t line, std::size_t offset, chap_key key = chap_key::none,
                             std::uint64_t number = 0) const noexcept {
    finding f;
    f.id = r;
    f.file = file;
    f.line = line;
    f.offset = line == 0 ? 0 : offset;
    f.key = key;
    f.record = record;
    f.where = where;
    f.target_iqn = target_iqn;
    f.number = number;
    f.source = source;
    return f;
  }
};

/// The state of one key while a file is read.
struct key_state {
  std::size_t line{0};
  std::size_t offset{0};
  std::size_t order{0};  ///< The setting's position among the file's settings (later wins).
};

class config_reader {
 public:
  config_reader(std::string_view text, const finding_base& base, std::vector<finding>& out) noexcept
      : text_(text), base_(base), out_(out) {}

  void read(iscsi_config& config) {
    chunk_reader reader(text_, limits::config_read_bytes);
    read_chunk c;
    bool after_long = false;
    while (reader.next(c)) {
      const config_line l = read_config_line(text_, c);
      const bool tail = after_long;
      after_long = l.kind == line_kind::too_long;
      switch (l.kind) {
        case line_kind::blank:
        case line_kind::comment: break;
        case line_kind::nul_byte: report(rule::nul_byte, l); break;
        case line_kind::missing_final_newline: report(rule::missing_final_newline, l); break;
        case line_kind::too_long: report(rule::line_too_long, l, limits::config_read_bytes); break;
        case line_kind::equals_without_space: report(rule::equals_without_space, l, 0, key_of(l)); break;
        case line_kind::missing_separator: report(rule::missing_separator, l, 0, key_of(l)); break;
        case line_kind::missing_value: report(rule::missing_value, l, 0, key_of(l)); break;
        case line_kind::name_too_long: report(rule::name_too_long, l, l.name_end - l.name_begin); break;
        case line_kind::setting: apply(config, l, tail); break;
      }
    }
    check_length(config.session.password, chap_key::password_length, session_.password, session_.length);
    check_length(config.session.password_in, chap_key::password_in_length, session_.password_in, session_.length_in);
    check_length(config.discovery.password, chap_key::discovery_password_length, discovery_.password,
                 discovery_.length);
    check_length(config.discovery.password_in, chap_key::discovery_password_in_length, discovery_.password_in,
                 discovery_.length_in);
    check_algorithms(config.session, chap_key::chap_algs);
    if (base_.file == file_kind::iscsid_conf) {
      // idbm_recinfo_discovery reuses node.session.auth.chap_algs for discovery records.
      config.discovery.chap_algs = config.session.chap_algs;
      config.discovery.algorithms = config.session.algorithms;
    }
  }

 private:
  struct length_state {
    key_state line;
    std::int64_t value{0};
  };
  struct scope_state {
    key_state password;
    key_state password_in;
    length_state length;
    length_state length_in;
  };

  [[nodiscard]] chap_key key_of(const config_line& l) const noexcept {
    return lookup_key(text_.substr(l.name_begin, l.name_end - l.name_begin), base_.file);
  }

  void report(rule r, const config_line& l, std::uint64_t number = 0, chap_key key = chap_key::none) {
    out_.push_back(base_.make(r, l.chunk.line, l.at, key, number));
  }

  void apply(iscsi_config& config, const config_line& l, bool tail) {
    const std::string_view name = text_.substr(l.name_begin, l.name_end - l.name_begin);
    const std::string_view value = text_.substr(l.value_begin, l.kept_value_end() - l.value_begin);
    const chap_key key = lookup_key(name, base_.file);
    if (tail) out_.push_back(base_.make(rule::long_line_tail_read, l.chunk.line, l.chunk.begin, key));
    if (l.value_end - l.value_begin > limits::max_value_bytes) {
      report(rule::value_too_long, l, l.value_end - l.value_begin, key);
    }
    ++order_;
    if (key == chap_key::none) {
      apply_node_field(config, name, value, l);
      if (looks_like_auth_key(name)) {
        out_.push_back(base_.make(rule::unknown_auth_key, l.chunk.line, l.name_begin));
      }
      return;
    }
    const bool discovery = key >= chap_key::discovery_authmethod;
    auth_settings& a = discovery ? config.discovery : config.session;
    scope_state& s = discovery ? discovery_ : session_;
    switch (key) {
      case chap_key::authmethod:
      case chap_key::discovery_authmethod:
        if (value == "None" || value == "CHAP") {
          repeated(key, a.authmethod, l);
          a.method = value == "CHAP" ? auth_method::chap : auth_method::none;
          set_text(a.authmethod, value, l);
        } else {
          report(rule::invalid_authmethod, l, 0, key);
        }
        break;
      case chap_key::username:
      case chap_key::discovery_username:
        repeated(key, a.username, l);
        set_text(a.username, value, l);
        stripped(key, l);
        break;
      case chap_key::username_in:
      case chap_key::discovery_username_in:
        repeated(key, a.username_in, l);
        set_text(a.username_in, value, l);
        stripped(key, l);
        break;
      case chap_key::password:
      case chap_key::discovery_password:
        repeated(key, a.password, l);
        set_secret(a.password, s.password, value, l);
        stripped(key, l);
        break;
      case chap_key::password_in:
      case chap_key::discovery_password_in:
        repeated(key, a.password_in, l);
        set_secret(a.password_in, s.password_in, value, l);
        stripped(key, l);
        break;
      case chap_key::chap_algs:
        repeated(key, a.chap_algs, l);
        set_text(a.chap_algs, value, l);
        a.algorithms = read_algorithms(value, l.value_begin, l.chunk.line);
        break;
      case chap_key::password_length:
      case chap_key::discovery_password_length:
        s.length = {{l.chunk.line, l.value_begin, order_}, parse_c_int(value)};
        break;
      case chap_key::password_in_length:
      case chap_key::discovery_password_in_length:
        s.length_in = {{l.chunk.line, l.value_begin, order_}, parse_c_int(value)};
        break;
      case chap_key::none: break;
    }
  }

  void apply_node_field(iscsi_config& config, std::string_view name, std::string_view value, const config_line& l) {
    if (base_.file != file_kind::node_record) return;
    text_setting* target = nullptr;
    if (name == "node.name") target = &config.node_name;
    if (name == "node.tpgt") target = &config.tpgt;
    if (name == "node.conn[0].address") target = &config.address;
    if (name == "node.conn[0].port") target = &config.port;
    if (target != nullptr) set_text(*target, value, l);
  }

  void set_text(text_setting& t, std::string_view value, const config_line& l) const noexcept {
    t.value = value;
    t.line = l.chunk.line;
    t.offset = l.value_begin;
  }

  void set_secret(secret_setting& t, key_state& state, std::string_view value, const config_line& l) {
    // The only copy of the secret: from the caller's buffer into the wiped holder.
    t.value = chap_secret::unchecked(value);
    t.line = l.chunk.line;
    t.offset = l.value_begin;
    state = {l.chunk.line, l.value_begin, order_};
  }

  void repeated(chap_key key, const setting_location& previous, const config_line& l) {
    if (previous.is_set())
      out_.push_back(base_.make(rule::key_repeated, previous.line, previous.offset, key, l.chunk.line));
  }

  void stripped(chap_key key, const config_line& l) {
    if (l.blanks_stripped) out_.push_back(base_.make(rule::whitespace_stripped, l.chunk.line, l.value_end, key));
  }

  chap_algorithm_list read_algorithms(std::string_view value, std::size_t at, std::size_t line) {
    chap_algorithm_list list;
    list.count = 0;
    std::size_t pos = 0;
    while (pos <= value.size()) {
      std::size_t end = pos;
      while (end < value.size() && value[end] != ',' && value[end] != ' ' && value[end] != '\n') ++end;
      const std::string_view token = value.substr(pos, end - pos);
      if (!token.empty()) {
        const auto algorithm = parse_chap_algorithm(token);
        if (!algorithm.has_value()) {
          out_.push_back(base_.make(rule::unknown_chap_algorithm, line, at + pos, chap_key::chap_algs));
        } else if (!list.contains(*algorithm) && list.count < list.items.size()) {
          list.items[list.count++] = *algorithm;
        }
      }
      pos = end + 1;
    }
    return list;
  }

  void check_algorithms(const auth_settings& a, chap_key key) {
    if (!a.chap_algs.is_set()) return;
    if (a.algorithms.count == 0) {
      out_.push_back(base_.make(rule::no_chap_algorithm, a.chap_algs.line, a.chap_algs.offset, key));
    } else if (!a.algorithms.contains(chap_algorithm::md5)) {
      out_.push_back(base_.make(rule::chap_algs_without_md5, a.chap_algs.line, a.chap_algs.offset, key));
    }
  }

  /// A `*_length` line after the password's last line sets the length open-iscsi uses
  /// (usr/idbm.c idbm_rec_update_param: a password line sets its length from strlen through
  /// check_password_param; a later `*_length` line, an ordinary TYPE_INT key, overrides it).
  void check_length(const secret_setting& secret, chap_key length_key, const key_state& password,
                    const length_state& length) {
    if (length.line.line == 0 || length.line.order < password.order) return;
    const std::size_t actual = secret.value.size();
    if (length.value != static_cast<std::int64_t>(actual)) {
      out_.push_back(base_.make(rule::password_length_mismatch, length.line.line, length.line.offset, length_key,
                                static_cast<std::uint64_t>(actual)));
    }
  }

  std::string_view text_;
  const finding_base& base_;
  std::vector<finding>& out_;
  scope_state session_{};
  scope_state discovery_{};
  std::size_t order_{0};
};

}  // namespace detail

/// Reads iscsid.conf as open-iscsi does (usr/idbm.c idbm_sync_config: built-in defaults, then
/// idbm_recinfo_config over the file). Appends the file's syntax findings to `findings`.
/// Passwords are held in `chap_secret::unchecked` values. May throw std::bad_alloc.
[[nodiscard]] inline iscsi_config parse_iscsid_conf(std::string_view contents, std::vector<finding>& findings) {
  iscsi_config config;
  detail::finding_base base;
  base.file = file_kind::iscsid_conf;
  detail::config_reader(contents, base, findings).read(config);
  return config;
}

/// Reads a node record as open-iscsi does (usr/idbm.c __idbm_rec_read: built-in defaults, not
/// iscsid.conf's, then idbm_recinfo_config over the file). `index` is stored in the findings'
/// `record`. Appends the file's syntax findings to `findings`. May throw std::bad_alloc.
[[nodiscard]] inline iscsi_config parse_node_record(const node_record_file& file, std::vector<finding>& findings,
                                                    std::size_t index = static_cast<std::size_t>(-1));

/// Reads initiatorname.iscsi as iscsid does (usr/iscsi_util.c cfg_get_string_param) and checks it
/// as Debian's startup script does. Appends findings about the file itself: initiator_name_missing,
/// initiator_name_line_skipped, initiator_name_repeated, generate_name_pending,
/// debian_startup_check_fails, initiator_name_uppercase, initiator_name_not_storable,
/// initiator_name_not_rfc3720, initiator_name_is_amazon_target. May throw std::bad_alloc.
[[nodiscard]] inline initiator_name_file parse_initiator_name_file(std::optional<std::string_view> contents,
                                                                   std::vector<finding>& findings);

// ---------------------------------------------------------------------------------------------
// The expectation: what the gateway holds for this initiator and target

/// The gateway's CHAP state for one initiator on one target.
enum class gateway_chap : std::uint8_t {
  none,     ///< No CHAP credentials (after DeleteChapCredentials, or none listed by Describe).
  one_way,  ///< SecretToAuthenticateInitiator only.
  mutual,   ///< Both secrets.
};

/// What check_initiator compares the files with. Views and pointers refer to the caller's request
/// or Describe result, which must outlive the findings.
struct expected_chap {
  std::string_view target_iqn;      ///< The target's IQN: the TargetARN after "/target/".
  std::string_view initiator_name;  ///< The gateway's InitiatorName (empty: not known).
  gateway_chap state{gateway_chap::none};
  /// For one_way/mutual; nullptr when a Describe answer omitted it (then not compared).
  const chap_secret* secret_to_authenticate_initiator{nullptr};
  /// For mutual; nullptr when a Describe answer omitted it.
  const chap_secret* secret_to_authenticate_target{nullptr};
  operation source{operation::update_chap_credentials};  ///< The call this came from (for messages).
};

/// The target IQN of a TargetARN: everything after the first "/target/" (empty without one).
[[nodiscard]] constexpr std::string_view target_iqn_of(std::string_view target_arn) noexcept {
  constexpr std::string_view marker = "/target/";
  const std::size_t at = target_arn.find(marker);
  return at == std::string_view::npos ? std::string_view{} : target_arn.substr(at + marker.size());
}

/// After UpdateChapCredentials: the request's initiator, target and secrets.
[[nodiscard]] inline expected_chap expect(const update_chap_credentials_request& request) noexcept {
  expected_chap e;
  e.target_iqn = target_iqn_of(request.target_arn().str());
  e.initiator_name = request.initiator_name().str();
  e.secret_to_authenticate_initiator = &request.secret_to_authenticate_initiator();
  e.secret_to_authenticate_target = request.secret_to_authenticate_target();
  e.state = e.secret_to_authenticate_target != nullptr ? gateway_chap::mutual : gateway_chap::one_way;
  e.source = operation::update_chap_credentials;
  return e;
}

/// After DeleteChapCredentials: no CHAP for this initiator and target.
[[nodiscard]] inline expected_chap expect(const delete_chap_credentials_request& request) noexcept {
  expected_chap e;
  e.target_iqn = target_iqn_of(request.target_arn().str());
  e.initiator_name = request.initiator_name().str();
  e.state = gateway_chap::none;
  e.source = operation::delete_chap_credentials;
  return e;
}

/// From a DescribeChapCredentials answer for `target_arn` (the request's TargetARN): the first
/// ChapInfo whose InitiatorName is `initiator_name` (exact bytes) and whose TargetARN, when
/// present, names the same target. None matching: gateway_chap::none.
[[nodiscard]] inline expected_chap expect(const describe_chap_credentials_result& described,
                                          std::string_view target_arn, std::string_view initiator_name) noexcept {
  expected_chap e;
  e.target_iqn = target_iqn_of(target_arn);
  e.initiator_name = initiator_name;
  e.source = operation::describe_chap_credentials;
  if (!described.chap_credentials.has_value()) return e;
  for (const chap_info& info : *described.chap_credentials) {
    if (!info.initiator_name.has_value() || *info.initiator_name != initiator_name) continue;
    if (info.target_arn.has_value() && target_iqn_of(*info.target_arn) != e.target_iqn) continue;
    e.secret_to_authenticate_initiator =
        info.secret_to_authenticate_initiator.has_value() ? &*info.secret_to_authenticate_initiator : nullptr;
    e.secret_to_authenticate_target =
        info.secret_to_authenticate_target.has_value() ? &*info.secret_to_authenticate_target : nullptr;
    e.state = info.secret_to_authenticate_target.has_value() ? gateway_chap::mutual : gateway_chap::one_way;
    return e;
  }
  return e;
}

// An expectation views into its request or answer: from a temporary it would dangle at once.
expected_chap expect(const update_chap_credentials_request&&) = delete;
expected_chap expect(const delete_chap_credentials_request&&) = delete;
expected_chap expect(const describe_chap_credentials_result&&, std::string_view, std::string_view) = delete;

/// Checks the initiator's files against `expected` and appends every finding to `findings`, in
/// this order: the gateway's secrets; initiatorname.iscsi; each node record of the target (by
/// `target_iqn`, exact bytes; every record when it is empty), syntax then CHAP settings; when
/// there is none, no_node_record and iscsid.conf's node.session.auth defaults; iscsid.conf's
/// syntax and discovery CHAP; then the notes of what the files cannot tell. Allocates only to
/// append to `findings` and for secrets longer than 16 bytes (chap_secret). May throw
/// std::bad_alloc; any input bytes are a finding, never an exception.
inline void check_initiator(const initiator_files& files, const expected_chap& expected,
                            std::vector<finding>& findings);

/// As above, returning the findings.
[[nodiscard]] inline std::vector<finding> check_initiator(const initiator_files& files, const expected_chap& expected) {
  std::vector<finding> findings;
  check_initiator(files, expected, findings);
  return findings;
}

/// After UpdateChapCredentials (expect(request)).
[[nodiscard]] inline std::vector<finding> check_initiator(const initiator_files& files,
                                                          const update_chap_credentials_request& request) {
  return check_initiator(files, expect(request));
}

/// After DeleteChapCredentials: "expected: deleted" (expect(request)).
[[nodiscard]] inline std::vector<finding> check_initiator(const initiator_files& files,
                                                          const delete_chap_credentials_request& request) {
  return check_initiator(files, expect(request));
}

/// Against the answer to a DescribeChapCredentials request. The initiator is `initiator_name`, or,
/// when empty, the InitiatorName the files give (cfg_get_string_param's pick). Findings view into
/// the request (the target) and the files, never into the answer.
[[nodiscard]] inline std::vector<finding> check_initiator(const initiator_files& files,
                                                          const describe_chap_credentials_request& request,
                                                          const describe_chap_credentials_result& answer,
                                                          std::string_view initiator_name = {});

// Findings view into the request: a temporary one would leave them dangling.
std::vector<finding> check_initiator(const initiator_files&, const update_chap_credentials_request&&) = delete;
std::vector<finding> check_initiator(const initiator_files&, const delete_chap_credentials_request&&) = delete;
std::vector<finding> check_initiator(const initiator_files&, const describe_chap_credentials_request&&,
                                     const describe_chap_credentials_result&, std::string_view = {}) = delete;

// ---------------------------------------------------------------------------------------------
// Implementation

inline iscsi_config parse_node_record(const node_record_file& file, std::vector<finding>& findings, std::size_t index) {
  iscsi_config config;
  detail::finding_base base;
  base.file = file_kind::node_record;
  base.record = index;
  base.where = file.id;
  const std::size_t first = findings.size();
  detail::config_reader(file.contents, base, findings).read(config);
  // "# BEGIN RECORD <version>" (usr/idbm_fields.h ISCSI_BEGIN_REC), the first line iscsiadm writes.
  constexpr std::string_view header = "# BEGIN RECORD ";
  const std::string_view head = file.contents.substr(0, file.contents.find('\n'));
  if (head.substr(0, header.size()) == header) {
    std::string_view version = head.substr(header.size());
    while (!version.empty() && detail::is_c_space(version.back())) version.remove_suffix(1);
    config.record_version = version;
  }
  for (std::size_t i = first; i < findings.size(); ++i) {
    findings[i].address = config.address.value;
    findings[i].port = config.port.value;
  }
  return config;
}

inline initiator_name_file parse_initiator_name_file(std::optional<std::string_view> contents,
                                                     std::vector<finding>& findings) {
  initiator_name_file out;
  detail::finding_base base;
  base.file = file_kind::initiator_name;
  if (!contents.has_value()) {
    findings.push_back(base.make(rule::initiator_name_missing, 0, 0));
    return out;
  }
  const std::string_view text = *contents;
  const detail::initiator_name_scan pick = detail::scan_initiator_name(text);
  // Lines that name the key but are skipped, and later ones that are ignored.
  detail::chunk_reader reader(text, limits::initiator_name_read_bytes);
  detail::read_chunk c;
  while (reader.next(c)) {
    std::string_view s = text.substr(c.begin, c.end - c.begin);
    if (const std::size_t nul = s.find('\0'); nul != std::string_view::npos) s = s.substr(0, nul);
    const std::size_t k = s.find("InitiatorName");
    if (k == std::string_view::npos || c.begin + k == pick.key_at) continue;
    if (const std::size_t hash = s.find('#'); hash != std::string_view::npos && hash < k) continue;
    const bool before_pick = pick.line == 0 || c.begin < pick.value_begin;
    findings.push_back(base.make(before_pick ? rule::initiator_name_line_skipped : rule::initiator_name_repeated,
                                 c.line, c.begin + k));
  }
  out.generate_name = detail::has_generate_name(text);
  out.passes_debian_check = detail::passes_debian_check(text);
  if (out.generate_name) findings.push_back(base.make(rule::generate_name_pending, 0, 0));
  if (pick.line == 0) {
    findings.push_back(base.make(rule::initiator_name_missing, 0, 0, chap_key::none, 1));
  } else {
    out.name.value = text.substr(pick.value_begin, pick.value_end - pick.value_begin);
    out.name.line = pick.line;
    out.name.offset = pick.value_begin;
  }
  if (!out.generate_name && !out.passes_debian_check) {
    findings.push_back(base.make(rule::debian_startup_check_fails, out.name.line, out.name.offset));
  }
  if (!out.name.is_set()) return out;
  const std::string_view name = out.name.value;
  const auto add = [&](rule r, std::size_t at, const error* e) {
    finding f = base.make(r, out.name.line, out.name.offset + at);
    f.value = name;
    if (e != nullptr) f.number = static_cast<std::uint64_t>(e->code);
    findings.push_back(f);
  };
  const auto model = parse_iscsi_name(name, profile::aws_model);
  if (!model.has_value()) {
    const error& e = model.error();
    add(e.code == errc::uppercase_character ? rule::initiator_name_uppercase : rule::initiator_name_not_storable,
        e.offset, &e);
  } else if (const auto strict = parse_iscsi_name(name, profile::strict);
             !strict.has_value() && strict.error().code != errc::initiator_is_target_name) {
    // (a target's name passes the grammar: initiator_name_is_amazon_target below says what it is)
    add(rule::initiator_name_not_rfc3720, strict.error().offset, &strict.error());
  }
  if (detail::is_amazon_target_name(name)) add(rule::initiator_name_is_amazon_target, 0, nullptr);
  return out;
}

namespace detail {

/// Why open-iscsi cannot hold a gateway secret (finding::number of gateway_secret_unrepresentable).
enum class unrepresentable : std::uint8_t { representable, leading_blank, trailing_blank, line_break_or_nul, too_long };

[[nodiscard]] constexpr unrepresentable why_unrepresentable(std::string_view s) noexcept {
  if (s.size() > limits::max_value_bytes) return unrepresentable::too_long;
  for (const char c : s) {
    if (c == '\n' || c == '\0') return unrepresentable::line_break_or_nul;
  }
  if (!s.empty() && is_c_space(s.front())) return unrepresentable::leading_blank;
  if (!s.empty() && is_c_space(s.back())) return unrepresentable::trailing_blank;
  return unrepresentable::representable;
}

struct key_set {
  chap_key password, password_in, username, username_in, authmethod;
};

inline constexpr key_set session_keys{chap_key::password, chap_key::password_in, chap_key::username,
                                      chap_key::username_in, chap_key::authmethod};
inline constexpr key_set discovery_keys{chap_key::discovery_password, chap_key::discovery_password_in,
                                        chap_key::discovery_username, chap_key::discovery_username_in,
                                        chap_key::discovery_authmethod};

/// The rules that hold whatever the gateway holds (usr/initiator_common.c, usr/auth.c).
inline void check_own_rules(const auth_settings& a, const key_set& keys, const finding_base& base,
                            std::vector<finding>& out) {
  const auto at = [&](rule r, const setting_location& s, chap_key key, std::uint64_t number = 0) {
    out.push_back(base.make(r, s.line, s.offset, key, number));
  };
  const bool has_out = !a.password.value.empty();
  const bool has_in_name = !a.username_in.value.empty();
  const bool has_in_secret = !a.password_in.value.empty();
  if ((has_in_name || has_in_secret) && !has_out) {
    if (has_in_secret)
      at(rule::incoming_without_outgoing, a.password_in, keys.password_in);
    else
      at(rule::incoming_without_outgoing, a.username_in, keys.username_in);
  } else if (has_in_name != has_in_secret) {
    if (has_in_secret)
      at(rule::incoming_incomplete, a.password_in, keys.password_in);
    else
      at(rule::incoming_incomplete, a.username_in, keys.username_in);
  }
  if (has_out && has_in_secret && a.password.value == a.password_in.value) {
    at(rule::passwords_identical, a.password_in, keys.password_in);
  }
  for (const auto& [secret, key] : {std::pair<const secret_setting*, chap_key>{&a.password, keys.password},
                                    std::pair<const secret_setting*, chap_key>{&a.password_in, keys.password_in}}) {
    const std::size_t n = secret->value.size();
    if (n != 0 && (n < limits::secret_min_bytes || n > limits::secret_max_bytes)) {
      at(rule::secret_length, *secret, key, n);
    }
  }
  if (a.uses_chap() && a.method == auth_method::none) {
    at(rule::authmethod_none_with_credentials, a.authmethod, keys.authmethod);
  }
  if (has_out && a.username.value.empty()) at(rule::username_empty, a.username, keys.username);
}

/// The comparison with the gateway.
inline void check_against_gateway(const auth_settings& a, const expected_chap& e, const finding_base& base,
                                  std::vector<finding>& out) {
  const auto at = [&](rule r, const setting_location& s, chap_key key) {
    out.push_back(base.make(r, s.line, s.offset, key));
  };
  const bool has_out = !a.password.value.empty();
  const bool has_in = !a.password_in.value.empty() || !a.username_in.value.empty();
  if (e.state == gateway_chap::none) {
    if (has_out) at(rule::stale_credentials, a.password, chap_key::password);
    if (!a.password_in.value.empty()) at(rule::stale_credentials, a.password_in, chap_key::password_in);
    if (a.password_in.value.empty() && !a.username_in.value.empty())
      at(rule::stale_credentials, a.username_in, chap_key::username_in);
    return;
  }
  if (!has_out) {
    at(rule::outgoing_credentials_missing, a.password, chap_key::password);
  } else if (e.secret_to_authenticate_initiator != nullptr &&
             !(a.password.value == *e.secret_to_authenticate_initiator)) {
    at(rule::password_mismatch, a.password, chap_key::password);
  }
  if (e.state == gateway_chap::mutual) {
    if (!has_in) {
      at(rule::mutual_chap_gateway_only, a.password_in, chap_key::password_in);
    } else if (!a.password_in.value.empty() && e.secret_to_authenticate_target != nullptr &&
               !(a.password_in.value == *e.secret_to_authenticate_target)) {
      at(rule::password_in_mismatch, a.password_in, chap_key::password_in);
    }
  } else if (has_in) {
    const bool secret = !a.password_in.value.empty();
    at(rule::mutual_chap_initiator_only,
       secret ? static_cast<const setting_location&>(a.password_in)
              : static_cast<const setting_location&>(a.username_in),
       secret ? chap_key::password_in : chap_key::username_in);
  }
}

inline void check_gateway_side(const expected_chap& e, const finding_base& base, std::vector<finding>& out) {
  const auto secret = [&](const chap_secret* s, chap_key key) {
    if (s == nullptr) {
      out.push_back(base.make(rule::gateway_secret_missing, 0, 0, key));
      return;
    }
    const unrepresentable why = why_unrepresentable(s->reveal());
    if (why != unrepresentable::representable) {
      out.push_back(base.make(rule::gateway_secret_unrepresentable, 0, 0, key, static_cast<std::uint64_t>(why)));
    }
  };
  if (e.state == gateway_chap::none) {
    if (e.source == operation::describe_chap_credentials) out.push_back(base.make(rule::gateway_has_no_chap, 0, 0));
    return;
  }
  secret(e.secret_to_authenticate_initiator, chap_key::password);
  if (e.state == gateway_chap::mutual) secret(e.secret_to_authenticate_target, chap_key::password_in);
}

}  // namespace detail

inline void check_initiator(const initiator_files& files, const expected_chap& expected,
                            std::vector<finding>& findings) {
  detail::finding_base gateway;
  gateway.file = file_kind::gateway;
  gateway.target_iqn = expected.target_iqn;
  gateway.source = expected.source;
  detail::check_gateway_side(expected, gateway, findings);

  // initiatorname.iscsi
  const std::size_t name_first = findings.size();
  const initiator_name_file name = parse_initiator_name_file(files.initiator_name, findings);
  for (std::size_t i = name_first; i < findings.size(); ++i) {
    findings[i].target_iqn = expected.target_iqn;
    findings[i].source = expected.source;
  }
  if (name.name.is_set() && !expected.initiator_name.empty() && name.name.value != expected.initiator_name) {
    detail::finding_base base = gateway;
    base.file = file_kind::initiator_name;
    finding f = base.make(rule::initiator_name_mismatch, name.name.line, name.name.offset);
    f.value = name.name.value;
    f.other = expected.initiator_name;
    findings.push_back(f);
  }

  bool any_password = false;
  // Node records of the target. A flat "<address>,<port>" record shadows "<address>,<port>,<tpgt>/*".
  const auto is_target = [&](const node_record_file& r) {
    return expected.target_iqn.empty() || r.id.target_iqn == expected.target_iqn;
  };
  const auto shadowed = [&](const node_record_file& r) {
    if (r.id.iface.empty()) return false;
    for (const node_record_file& other : files.node_records) {
      if (!other.id.iface.empty() || other.id.target_iqn != r.id.target_iqn) continue;
      const std::string_view p = r.id.portal;
      if (p.size() > other.id.portal.size() && p.substr(0, other.id.portal.size()) == other.id.portal &&
          p[other.id.portal.size()] == ',') {
        return true;
      }
    }
    return false;
  };
  bool found = false;
  for (std::size_t i = 0; i < files.node_records.size(); ++i) {
    const node_record_file& r = files.node_records[i];
    if (!is_target(r)) continue;
    found = true;
    detail::finding_base base = gateway;
    base.file = file_kind::node_record;
    base.record = i;
    base.where = r.id;
    if (shadowed(r)) {
      findings.push_back(base.make(rule::record_shadowed, 0, 0));
      continue;
    }
    const std::size_t first = findings.size();
    const iscsi_config config = parse_node_record(r, findings, i);
    detail::check_own_rules(config.session, detail::session_keys, base, findings);
    detail::check_against_gateway(config.session, expected, base, findings);
    any_password = any_password || !config.session.password.value.empty();
    for (std::size_t k = first; k < findings.size(); ++k) {
      findings[k].address = config.address.value;
      findings[k].port = config.port.value;
      findings[k].target_iqn = expected.target_iqn;
      findings[k].source = expected.source;
    }
  }

  // iscsid.conf: its syntax always (it seeds every later discovery); its node defaults when the
  // target has no record yet; its discovery CHAP for open-iscsi's own rules.
  detail::finding_base conf = gateway;
  conf.file = file_kind::iscsid_conf;
  if (!found) findings.push_back(gateway.make(rule::no_node_record, 0, 0));
  const std::size_t conf_first = findings.size();
  const iscsi_config defaults =
      files.iscsid_conf.has_value() ? parse_iscsid_conf(*files.iscsid_conf, findings) : iscsi_config{};
  if (!found) {
    detail::check_own_rules(defaults.session, detail::session_keys, conf, findings);
    detail::check_against_gateway(defaults.session, expected, conf, findings);
    any_password = any_password || !defaults.session.password.value.empty();
  }
  detail::check_own_rules(defaults.discovery, detail::discovery_keys, conf, findings);
  if (defaults.discovery.uses_chap()) {
    const setting_location& s =
        !defaults.discovery.password.value.empty() ? defaults.discovery.password : defaults.discovery.password_in;
    findings.push_back(conf.make(
        rule::discovery_chap_not_compared, s.line, s.offset,
        !defaults.discovery.password.value.empty() ? chap_key::discovery_password : chap_key::discovery_password_in));
  }
  for (std::size_t k = conf_first; k < findings.size(); ++k) {
    findings[k].target_iqn = expected.target_iqn;
    findings[k].source = expected.source;
  }

  if (expected.state != gateway_chap::none && any_password) {
    findings.push_back(gateway.make(rule::usernames_not_checked, 0, 0));
  }
  findings.push_back(gateway.make(rule::running_sessions_not_checked, 0, 0));
}

inline std::vector<finding> check_initiator(const initiator_files& files,
                                            const describe_chap_credentials_request& request,
                                            const describe_chap_credentials_result& answer,
                                            std::string_view initiator_name) {
  if (initiator_name.empty() && files.initiator_name.has_value()) {
    const detail::initiator_name_scan pick = detail::scan_initiator_name(*files.initiator_name);
    if (pick.line != 0)
      initiator_name = files.initiator_name->substr(pick.value_begin, pick.value_end - pick.value_begin);
  }
  return check_initiator(files, expect(answer, request.target_arn().str(), initiator_name));
}

// ---------------------------------------------------------------------------------------------
// Messages

template <class Out>
void write_message(const finding& f, Out& out) {
  // Where: the file (a node record by its identity), the line and the byte.
  if (f.file == file_kind::node_record) {
    out.append("node record ");
    detail::append_escaped(out, f.where.target_iqn);
    out.append(" ");
    detail::append_escaped(out, f.where.portal);
    if (!f.where.iface.empty()) {
      out.append(" ");
      detail::append_escaped(out, f.where.iface);
    }
  } else if (f.file == file_kind::gateway) {
    out.append("gateway (");
    out.append(operation_name(f.source));
    if (!f.target_iqn.empty()) {
      out.append(", target ");
      detail::append_escaped(out, f.target_iqn);
    }
    out.append(")");
  } else {
    out.append(file_kind_name(f.file));
  }
  if (f.line != 0) {
    out.append(" line ");
    detail::append_number(out, f.line);
    out.append(" (byte ");
    detail::append_number(out, f.offset);
    out.append(")");
  }
  out.append(": ");
  // What: the key (or value), then the rule in words, with the numbers that belong to it.
  const std::string_view key = key_name(f.key);
  switch (f.id) {
    case rule::gateway_secret_unrepresentable: {
      out.append(field_name(f.key == chap_key::password ? field::secret_to_authenticate_initiator
                                                        : field::secret_to_authenticate_target));
      out.append(" ");
      out.append(rule_description(f.id));
      switch (static_cast<detail::unrepresentable>(f.number)) {
        case detail::unrepresentable::leading_blank:
          out.append(": it starts with a blank, which open-iscsi strips");
          break;
        case detail::unrepresentable::trailing_blank:
          out.append(": it ends with a blank, which open-iscsi strips");
          break;
        case detail::unrepresentable::line_break_or_nul: out.append(": it holds a line feed or a NUL"); break;
        case detail::unrepresentable::too_long: out.append(": it is longer than 255 bytes"); break;
        case detail::unrepresentable::representable: break;
      }
      break;
    }
    case rule::gateway_secret_missing:
      out.append(field_name(f.key == chap_key::password ? field::secret_to_authenticate_initiator
                                                        : field::secret_to_authenticate_target));
      out.append(" ");
      out.append(rule_description(f.id));
      break;
    case rule::initiator_name_uppercase:
    case rule::initiator_name_not_storable:
    case rule::initiator_name_not_rfc3720:
    case rule::initiator_name_is_amazon_target:
      out.append("InitiatorName ");
      detail::append_escaped(out, f.value);
      out.append(" ");
      out.append(rule_description(f.id));
      if (f.id == rule::initiator_name_not_storable || f.id == rule::initiator_name_not_rfc3720) {
        out.append(" (");
        out.append(sgwchap::rule_description(static_cast<errc>(f.number)));
        out.append(")");
      }
      break;
    case rule::initiator_name_missing:
      out.append(rule_description(f.id));
      if (f.number == 0) out.append(" (the file is absent)");
      break;
    case rule::initiator_name_mismatch:
      out.append("InitiatorName ");
      detail::append_escaped(out, f.value);
      out.append(" differs from the gateway's InitiatorName ");
      detail::append_escaped(out, f.other);
      break;
    case rule::key_repeated:
      out.append(key);
      out.append(" is set again on line ");
      detail::append_number(out, f.number);
      out.append("; open-iscsi uses the later line");
      break;
    case rule::line_too_long:
    case rule::name_too_long:
    case rule::value_too_long:
      if (!key.empty()) {
        out.append(key);
        out.append(": ");
      }
      out.append(rule_description(f.id));
      if (f.id != rule::line_too_long) {
        out.append(" (");
        detail::append_number(out, f.number);
        out.append(" bytes)");
      }
      break;
    case rule::secret_length:
      out.append(key);
      out.append(" is ");
      detail::append_number(out, f.number);
      out.append(f.number == 1 ? " byte long, " : " bytes long, ");
      out.append(rule_description(f.id).substr(3));  // "outside 12..16 bytes, ..." after "is "
      break;
    case rule::password_length_mismatch:
      out.append(key);
      out.append(" ");
      out.append(rule_description(f.id));
      out.append(" (the password has ");
      detail::append_number(out, f.number);
      out.append(" bytes)");
      break;
    case rule::no_node_record:
      out.append("no node record for target ");
      detail::append_escaped(out, f.target_iqn);
      out.append(rule_description(f.id).substr(std::string_view("no node record for the target").size()));
      break;
    default:
      if (!key.empty()) {
        out.append(key);
        // A line rule describes the line ("key: no value, ..."); the others continue the key.
        const bool line_rule = f.id == rule::equals_without_space || f.id == rule::missing_separator ||
                               f.id == rule::missing_value || f.id == rule::long_line_tail_read;
        out.append(line_rule ? ": " : " ");
      }
      out.append(rule_description(f.id));
      break;
  }
  out.append(" [");
  out.append(rule_name(f.id));
  out.append("]");
}

inline std::string finding::message() const {
  std::string out;
  write_message(*this, out);
  return out;
}

}  // namespace open_iscsi
SGWCHAP_END_NAMESPACE
