// Table-driven tests of <sgwchap/open_iscsi.hpp>: each parser rule of open-iscsi's files (rows
// mirror what Debian 12's iscsiadm 2.1.8-1+deb12u1 does with the same bytes; test_real_files.cpp
// checks a set of them against iscsiadm itself), initiatorname.iscsi, the node-record paths, and
// every finding of check_initiator. Each row asserts the exact rule, file, line, byte offset and
// key of every finding, in order. The last test renders every message of every row and checks
// that none holds a byte sequence of any secret the rows use.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/open_iscsi.hpp>

namespace oi = sgwchap::open_iscsi;
using oi::chap_key;
using oi::file_kind;
using oi::rule;

namespace {

// ---------------------------------------------------------------------------------------------
// Fixtures

constexpr std::string_view target_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view target_iqn = "iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view host = "iqn.1993-08.org.debian:01:da65ae3337c1";
// Secrets the rows plant. Each holds '#', '!' or '%', bytes no fixed message text uses.
constexpr std::string_view s1 = "Init!ator#S3cret";     // 16 bytes: SecretToAuthenticateInitiator
constexpr std::string_view s2 = "Targ%t#S3cret-1";      // 15 bytes: SecretToAuthenticateTarget
constexpr std::string_view wrong1 = "Wr0ng!Secret#12";  // a different initiator secret
constexpr std::string_view wrong2 = "Wr0ng%Target#99";  // a different target secret
constexpr std::string_view short1 = "Sh0rt!S3c#t";      // 11 bytes
constexpr std::string_view disc1 = "D1sc%very#Secret";
constexpr std::string_view disc2 = "D1sc!very%Target";

/// Every secret any row of this file plants (the no-leak test scans every message for each).
const std::vector<std::string> all_secrets = {
    std::string(s1),    std::string(s2),    std::string(wrong1), std::string(wrong2), std::string(short1),
    std::string(disc1), std::string(disc2), "S3cret%with-end",   "Pa55w0rd!x#",       "abcdefghijklmn"};

/// Debian's initiatorname.iscsi as its postinst writes it (five comment lines, then the name).
std::string debian_initiator_file(std::string_view name) {
  return "## DO NOT EDIT OR REMOVE THIS FILE!\n"
         "## If you remove this file, the iSCSI daemon will not start.\n"
         "## If you change the InitiatorName, existing access control lists\n"
         "## may reject this initiator.  The InitiatorName must be unique\n"
         "## for each iSCSI initiator.  Do NOT duplicate iSCSI InitiatorNames.\n"
         "InitiatorName=" +
         std::string(name) + "\n";
}

/// A node record shaped as iscsiadm writes it, with `auth` as its CHAP lines.
std::string record(std::string_view auth) {
  return "# BEGIN RECORD 2.1.8\n"
         "node.name = iqn.1997-05.com.amazon:myvolume\n"
         "node.tpgt = 1\n"
         "node.startup = manual\n" +
         std::string(auth) +
         "node.conn[0].address = 10.0.0.5\n"
         "node.conn[0].port = 3260\n"
         "# END RECORD\n";
}

std::string line(std::string_view key, std::string_view value) {
  return std::string(key) + " = " + std::string(value) + "\n";
}

std::string auth_one_way(std::string_view password = s1) {
  return line("node.session.auth.authmethod", "CHAP") + line("node.session.auth.username", host) +
         line("node.session.auth.password", password);
}

std::string auth_mutual(std::string_view password = s1, std::string_view password_in = s2) {
  return auth_one_way(password) + line("node.session.auth.username_in", target_iqn) +
         line("node.session.auth.password_in", password_in);
}

// ---------------------------------------------------------------------------------------------
// Expected findings

/// An expected finding by its exact line and offset.
struct want {
  rule id;
  std::size_t line;
  std::size_t offset;
  chap_key key = chap_key::none;
  std::uint64_t number = 0;
};

std::string describe(const oi::finding& f) {
  return std::string(oi::rule_name(f.id)) + " " + std::string(oi::file_kind_name(f.file)) + " line " +
         std::to_string(f.line) + " byte " + std::to_string(f.offset) + " key " + std::string(oi::key_name(f.key)) +
         " number " + std::to_string(f.number);
}

std::string describe_all(const std::vector<oi::finding>& got) {
  std::string s;
  for (const auto& f : got) s += "\n  " + describe(f);
  return s;
}

void check_findings(const std::vector<oi::finding>& got, const std::vector<want>& expected, file_kind file,
                    std::string_view text) {
  INFO("got:" << describe_all(got));
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("finding " << i);
    CHECK(got[i].id == expected[i].id);
    CHECK(got[i].file == file);
    CHECK(got[i].line == expected[i].line);
    CHECK(got[i].offset == expected[i].offset);
    CHECK(got[i].key == expected[i].key);
    CHECK(got[i].number == expected[i].number);
    CHECK(got[i].offset <= text.size());
    if (got[i].line != 0) {
      // The line number is the count of '\n' before the offset, plus one.
      const auto newlines = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(got[i].offset), '\n');
      CHECK(got[i].line == static_cast<std::size_t>(newlines) + 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// iscsid.conf / node record syntax (usr/idbm.c idbm_recinfo_config)

struct syntax_row {
  std::string name;
  std::string text;
  std::vector<want> findings = {};
  std::optional<std::string> username = std::nullopt;  ///< nullopt: not set
  std::optional<std::string> password = std::nullopt;
  std::optional<std::string> username_in = std::nullopt;
  std::optional<std::string> password_in = std::nullopt;
  oi::auth_method method = oi::auth_method::none;
  std::vector<oi::chap_algorithm> algorithms = {oi::chap_algorithm::md5};
};

const std::string long_comment_then_key = "#" + std::string(2046, 'x') + "node.session.auth.username = tail\n";
const std::string value_2017 = "node.session.auth.username = " + std::string(2017, 'u') + "\n";
const std::string line_2048 = "node.session.auth.username = " + std::string(2018, 'u') + "\n";
const std::string name_128 = std::string(128, 'k') + " = v\n";
const std::string name_127 = std::string(127, 'k') + " = v\n";
const std::string password_255 = "node.session.auth.password = " + std::string(255, 'p') + "\n";
const std::string password_256 = "node.session.auth.password = " + std::string(256, 'p') + "\n";

const std::vector<syntax_row> syntax_rows = {
    {"name = value", "node.session.auth.username = bob\n", {}, "bob"},
    // '=' right after the name is consumed with it; open-iscsi then wants another '='.
    {"name=value is skipped",
     "node.session.auth.username=bob\n",
     {{rule::equals_without_space, 1, 26, chap_key::username}}},
    {"name==value reads the value", "node.session.auth.username==bob\n", {}, "bob"},
    {"name= =value reads the value", "node.session.auth.username= =bob\n", {}, "bob"},
    {"name =value", "node.session.auth.username =bob\n", {}, "bob"},
    {"name value (no '=')", "node.session.auth.username bob\n", {{rule::missing_separator, 1, 27, chap_key::username}}},
    {"name only", "node.session.auth.username\n", {{rule::missing_value, 1, 0, chap_key::username}}},
    {"name =", "node.session.auth.username =\n", {{rule::missing_value, 1, 0, chap_key::username}}},
    {"name = blanks", "node.session.auth.username = \t \n", {{rule::missing_value, 1, 0, chap_key::username}}},
    {"'=' alone", "=\n", {{rule::missing_value, 1, 0}}},
    {"tabs and blanks around",
     " \tnode.session.auth.username\t=\tbob  \n",
     {{rule::whitespace_stripped, 1, 34, chap_key::username}},
     "bob"},
    {"comments", "#node.session.auth.username = bob\n   # x = y\n\n", {}},
    {"no inline comments", "node.session.auth.username = bob # not a comment\n", {}, "bob # not a comment"},
    {"no quoting", "node.session.auth.username = \"bob\"\n", {}, "\"bob\""},
    {"CRLF line ends", "node.session.auth.username = bob\r\n", {}, "bob"},
    {"last line without newline", "node.session.auth.username = bob", {{rule::missing_final_newline, 1, 0}}},
    {"last line without newline after others",
     "x = 1\nnode.session.auth.username = bob",
     {{rule::missing_final_newline, 2, 6}}},
    {"NUL inside a line", std::string("node.session.auth.username = a\0b\n", 33), {{rule::nul_byte, 1, 30}}},
    {"NUL first", std::string("\0node.session.auth.username = b\n", 32), {{rule::nul_byte, 1, 0}}},
    // fgets(buffer, 2048): 2047 bytes skipped, the rest read as a line of its own.
    {"over-long line: the tail is read",
     long_comment_then_key,
     {{rule::line_too_long, 1, 0, chap_key::none, 2047}, {rule::long_line_tail_read, 1, 2047, chap_key::username}},
     "tail"},
    {"2047 bytes with the newline: read, value cut to 255",
     value_2017,
     {{rule::value_too_long, 1, 29, chap_key::username, 2017}},
     std::string(255, 'u')},
    {"2048 bytes with the newline: skipped", line_2048, {{rule::line_too_long, 1, 0, chap_key::none, 2047}}},
    {"name of 128 bytes", name_128, {{rule::name_too_long, 1, 0, chap_key::none, 128}}},
    {"name of 127 bytes (unknown key, ignored)", name_127, {}},
    {"password of 255 bytes", password_255, {}, std::nullopt, std::string(255, 'p')},
    {"password of 256 bytes: cut to 255",
     password_256,
     {{rule::value_too_long, 1, 29, chap_key::password, 256}},
     std::nullopt,
     std::string(255, 'p')},
    {"authmethod chap (lower case)",
     "node.session.auth.authmethod = chap\n",
     {{rule::invalid_authmethod, 1, 31, chap_key::authmethod}}},
    {"authmethod CHAP", "node.session.auth.authmethod = CHAP\n", {}, {}, {}, {}, {}, oi::auth_method::chap},
    {"chap_algs: unknown, tab-joined and repeated tokens",
     "node.session.auth.chap_algs = SHA256,md5 MD5\tSHA1, ,SHA256\n",
     {{rule::unknown_chap_algorithm, 1, 37, chap_key::chap_algs},
      {rule::unknown_chap_algorithm, 1, 41, chap_key::chap_algs},
      {rule::chap_algs_without_md5, 1, 30, chap_key::chap_algs}},
     {},
     {},
     {},
     {},
     oi::auth_method::none,
     {oi::chap_algorithm::sha256}},
    {"chap_algs: nothing known",
     "node.session.auth.chap_algs = md5\n",
     {{rule::unknown_chap_algorithm, 1, 30, chap_key::chap_algs},
      {rule::no_chap_algorithm, 1, 30, chap_key::chap_algs}},
     {},
     {},
     {},
     {},
     oi::auth_method::none,
     {}},
    {"chap_algs: all four",
     "node.session.auth.chap_algs = SHA3-256,SHA256,SHA1,MD5\n",
     {},
     {},
     {},
     {},
     {},
     oi::auth_method::none,
     {oi::chap_algorithm::sha3_256, oi::chap_algorithm::sha256, oi::chap_algorithm::sha1, oi::chap_algorithm::md5}},
    {"later lines override earlier ones",
     "node.session.auth.username_in = first\nnode.session.auth.username_in = second\n",
     {{rule::key_repeated, 1, 32, chap_key::username_in, 2}},
     {},
     {},
     "second"},
    {"three settings",
     "node.session.auth.username = a\nnode.session.auth.username = b\nnode.session.auth.username = c\n",
     {{rule::key_repeated, 1, 29, chap_key::username, 2}, {rule::key_repeated, 2, 60, chap_key::username, 3}},
     "c"},
    {"an empty value keeps the earlier one",
     "node.session.auth.password_in = Pa55w0rd!x#\nnode.session.auth.password_in =\n",
     {{rule::missing_value, 2, 44, chap_key::password_in}},
     {},
     {},
     {},
     "Pa55w0rd!x#"},
    {"key in the wrong case", "node.session.auth.Password = x\n", {{rule::unknown_auth_key, 1, 0}}},
    {"node.sendtargets.auth.*", "node.sendtargets.auth.password = x\n", {{rule::unknown_auth_key, 1, 0}}},
    {"discovery has no chap_algs key",
     "discovery.sendtargets.auth.chap_algs = MD5\n",
     {{rule::unknown_auth_key, 1, 0}}},
    {"*auth* keys that are no CHAP keys", "node.conn[0].timeo.auth_timeout = 45\niscsid.ipc_auth_uid = No\n", {}},
    {"password_length after the password",
     "node.session.auth.password = abcdefghijklmn\nnode.session.auth.password_length = 3\n",
     {{rule::password_length_mismatch, 2, 80, chap_key::password_length, 14}},
     {},
     "abcdefghijklmn"},
    {"password_length before the password",
     "node.session.auth.password_length = 3\nnode.session.auth.password = abcdefghijklmn\n",
     {},
     {},
     "abcdefghijklmn"},
    {"password_length without a password",
     "node.session.auth.password_length = 5\n",
     {{rule::password_length_mismatch, 1, 36, chap_key::password_length, 0}}},
    {"blank after a password",
     "node.session.auth.password = Pa55w0rd!x# \n",
     {{rule::whitespace_stripped, 1, 40, chap_key::password}},
     {},
     "Pa55w0rd!x#"},
    {"blank before a CRLF",
     "node.session.auth.password = Pa55w0rd!x# \r\n",
     {{rule::whitespace_stripped, 1, 40, chap_key::password}},
     {},
     "Pa55w0rd!x#"},
};

TEST_CASE("iscsid.conf syntax: open-iscsi's idbm_recinfo_config, byte for byte", "[open_iscsi][syntax]") {
  for (const syntax_row& row : syntax_rows) {
    INFO("row: " << row.name);
    std::vector<oi::finding> findings;
    const oi::iscsi_config config = oi::parse_iscsid_conf(row.text, findings);
    check_findings(findings, row.findings, file_kind::iscsid_conf, row.text);
    const oi::auth_settings& a = config.session;
    CHECK(a.username.is_set() == row.username.has_value());
    if (row.username.has_value()) CHECK(a.username.value == *row.username);
    CHECK(a.username_in.is_set() == row.username_in.has_value());
    if (row.username_in.has_value()) CHECK(a.username_in.value == *row.username_in);
    // Secrets: compared as booleans, so a failure prints no secret.
    CHECK(a.password.is_set() == row.password.has_value());
    CHECK((a.password.value.reveal() == row.password.value_or("")));
    CHECK(a.password_in.is_set() == row.password_in.has_value());
    CHECK((a.password_in.value.reveal() == row.password_in.value_or("")));
    CHECK(!a.password.value.is_checked());
    CHECK(a.method == row.method);
    REQUIRE(a.algorithms.count == row.algorithms.size());
    for (std::size_t i = 0; i < row.algorithms.size(); ++i) CHECK(a.algorithms.items[i] == row.algorithms[i]);
    // iscsid.conf's chap_algs also seeds discovery records (usr/idbm.c idbm_recinfo_discovery).
    CHECK(config.discovery.algorithms.count == a.algorithms.count);
  }
}

// The line reader is constexpr: the same rows hold at compile time.
namespace constexpr_rows {
using oi::detail::line_kind;
constexpr line_kind kind_of(std::string_view text) {
  return oi::detail::read_config_line(text, {0, text.size(), 1, false}).kind;
}
static_assert(kind_of("a = b\n") == line_kind::setting);
static_assert(kind_of("a=b\n") == line_kind::equals_without_space);
static_assert(kind_of("a==b\n") == line_kind::setting);
static_assert(kind_of("a b\n") == line_kind::missing_separator);
static_assert(kind_of("a =\n") == line_kind::missing_value);
static_assert(kind_of("=\n") == line_kind::missing_value);
static_assert(kind_of("  # x = y\n") == line_kind::comment);
static_assert(kind_of(" \t\r\n") == line_kind::blank);
static_assert(kind_of("a = b") == line_kind::missing_final_newline);
static_assert(kind_of(std::string_view("a = \0b\n", 7)) == line_kind::nul_byte);
static_assert(oi::detail::read_config_line("a = b c  \n", {0, 10, 1, false}).value_end == 7);
static_assert(oi::detail::read_config_line("a = b c  \n", {0, 10, 1, false}).blanks_stripped);
static_assert(!oi::detail::read_config_line("a = b\r\n", {0, 7, 1, false}).blanks_stripped);
static_assert(oi::detail::lookup_key("node.session.auth.password", file_kind::node_record) == chap_key::password);
static_assert(oi::detail::lookup_key("discovery.sendtargets.auth.password", file_kind::node_record) == chap_key::none);
static_assert(oi::detail::lookup_key("discovery.sendtargets.auth.password", file_kind::iscsid_conf) ==
              chap_key::discovery_password);
static_assert(oi::detail::lookup_key("discovery.sendtargets.auth.chap_algs", file_kind::iscsid_conf) == chap_key::none);
static_assert(oi::detail::looks_like_auth_key("Node.Session.AUTH.x") && !oi::detail::looks_like_auth_key("a.auth_x"));
static_assert(oi::detail::parse_c_int("  -1") == -1 && oi::detail::parse_c_int("42x") == 42 &&
              oi::detail::parse_c_int("x") == 0 && oi::detail::parse_c_int("4294967297") == 1);
static_assert(oi::target_iqn_of(target_arn) == target_iqn && oi::target_iqn_of("arn:x").empty());
}  // namespace constexpr_rows

TEST_CASE("iscsid.conf: discovery keys, and what a node record ignores", "[open_iscsi][syntax]") {
  const std::string conf =
      "discovery.sendtargets.auth.authmethod = CHAP\n"
      "discovery.sendtargets.auth.username = disc-user\n"
      "discovery.sendtargets.auth.password = D1sc%very#Secret\n";
  std::vector<oi::finding> findings;
  const oi::iscsi_config config = oi::parse_iscsid_conf(conf, findings);
  CHECK(findings.empty());
  CHECK(config.discovery.method == oi::auth_method::chap);
  CHECK(config.discovery.username.value == "disc-user");
  CHECK((config.discovery.password.value.reveal() == disc1));
  CHECK(!config.session.uses_chap());

  // The same lines in a node record are no keys of it (idbm_recinfo_node has no discovery.*).
  const oi::node_record_file file{{target_iqn, "10.0.0.5,3260,1", "default"}, conf};
  std::vector<oi::finding> record_findings;
  const oi::iscsi_config rec = oi::parse_node_record(file, record_findings, 3);
  check_findings(record_findings,
                 {{rule::unknown_auth_key, 1, 0}, {rule::unknown_auth_key, 2, 45}, {rule::unknown_auth_key, 3, 93}},
                 file_kind::node_record, conf);
  CHECK(!rec.discovery.uses_chap());
  for (const oi::finding& f : record_findings) {
    CHECK(f.record == 3);
    CHECK(f.where == file.id);
  }
}

TEST_CASE("node records: header, identity fields, findings carry the portal", "[open_iscsi][syntax]") {
  const std::string text = record(line("node.session.auth.password", s1) + "node.session.auth.username=x\n");
  const oi::node_record_file file{{target_iqn, "10.0.0.5,3260,1", "default"}, text};
  std::vector<oi::finding> findings;
  const oi::iscsi_config config = oi::parse_node_record(file, findings, 0);
  CHECK(config.record_version == "2.1.8");
  CHECK(config.node_name.value == target_iqn);
  CHECK(config.tpgt.value == "1");
  CHECK(config.address.value == "10.0.0.5");
  CHECK(config.port.value == "3260");
  CHECK((config.session.password.value.reveal() == s1));
  CHECK(config.session.password.line == 5);
  check_findings(findings, {{rule::equals_without_space, 6, 173, chap_key::username}}, file_kind::node_record, text);
  // node.conn[0].address comes after the bad line; the finding still carries it.
  CHECK(findings[0].address == "10.0.0.5");
  CHECK(findings[0].port == "3260");
}

// ---------------------------------------------------------------------------------------------
// initiatorname.iscsi (usr/iscsi_util.c cfg_get_string_param; Debian's startup-checks.sh)

struct name_row {
  std::string name;
  std::optional<std::string> text;
  std::vector<want> findings = {};
  std::optional<std::string> value = std::nullopt;  ///< The InitiatorName open-iscsi uses
  bool debian_ok = true;
};

const std::string key_then_split_line = std::string(1010, 'x') + "InitiatorName=iqn.2001-04.com.example:a\n";
const std::string split_key_line = std::string(1012, 'x') + "InitiatorName=iqn.2001-04.com.example:a\n";

const std::vector<name_row> name_rows = {
    {"Debian's file", debian_initiator_file(host), {}, std::string(host)},
    {"absent", std::nullopt, {{rule::initiator_name_missing, 0, 0, chap_key::none, 0}}, std::nullopt, false},
    {"empty",
     std::string(),
     {{rule::initiator_name_missing, 0, 0, chap_key::none, 1}, {rule::debian_startup_check_fails, 0, 0}},
     std::nullopt,
     false},
    // open-iscsi accepts blanks around '='; Debian's grep refuses a blank after it, or before the key.
    {"blanks around '='",
     "InitiatorName = iqn.2001-04.com.example:host\n",
     {{rule::debian_startup_check_fails, 1, 16}},
     "iqn.2001-04.com.example:host",
     false},
    {"leading blank",
     " InitiatorName=iqn.2001-04.com.example:host\n",
     {{rule::debian_startup_check_fails, 1, 15}},
     "iqn.2001-04.com.example:host",
     false},
    // ... but its bracket [^ \t\n] holds ' ', '\', 't' and 'n', not a tab.
    {"tab after '='", "InitiatorName=\tiqn.2001-04.com.example:host\n", {}, "iqn.2001-04.com.example:host"},
    {"naa. name fails Debian's check",
     "InitiatorName=naa.52004567ba64678d\n",
     {{rule::debian_startup_check_fails, 1, 14}},
     "naa.52004567ba64678d",
     false},
    {"eui. name passes it", "InitiatorName=eui.02004567a425678d\n", {}, "eui.02004567a425678d"},
    {"commented line skipped silently",
     "#InitiatorName=iqn.2001-04.com.example:a\nInitiatorName=iqn.2001-04.com.example:b\n",
     {},
     "iqn.2001-04.com.example:b"},
    {"'#' after the key is part of the value",
     "InitiatorName=iqn.2001-04.com.example:a # comment\n",
     {{rule::initiator_name_not_storable, 1, 39, chap_key::none,
       static_cast<std::uint64_t>(sgwchap::errc::invalid_character)}},
     "iqn.2001-04.com.example:a # comment"},
    {"no '=' then a good line",
     "InitiatorName iqn.2001-04.com.example:a\nInitiatorName=iqn.2001-04.com.example:b\n",
     {{rule::initiator_name_line_skipped, 1, 0}},
     "iqn.2001-04.com.example:b"},
    {"empty value then a good line",
     "InitiatorName=\nInitiatorName=iqn.2001-04.com.example:b\n",
     {{rule::initiator_name_line_skipped, 1, 0}},
     "iqn.2001-04.com.example:b"},
    {"the first one wins",
     "InitiatorName=iqn.2001-04.com.example:a\nInitiatorName=iqn.2001-04.com.example:b\n",
     {{rule::initiator_name_repeated, 2, 40}},
     "iqn.2001-04.com.example:a"},
    {"no newline at the end (cfg_get_string_param does not care)",
     "InitiatorName=iqn.2001-04.com.example:a",
     {},
     "iqn.2001-04.com.example:a"},
    {"GenerateName=yes",
     "GenerateName=yes\n",
     {{rule::generate_name_pending, 0, 0}, {rule::initiator_name_missing, 0, 0, chap_key::none, 1}},
     std::nullopt,
     false},
    {"upper case",
     "InitiatorName=iqn.1998-01.com.vmware:ESX01\n",
     {{rule::initiator_name_uppercase, 1, 37, chap_key::none,
       static_cast<std::uint64_t>(sgwchap::errc::uppercase_character)}},
     "iqn.1998-01.com.vmware:ESX01"},
    {"not RFC 3720 (one-digit month)",
     "InitiatorName=iqn.2015-1.x\n",
     {{rule::initiator_name_not_rfc3720, 1, 24, chap_key::none,
       static_cast<std::uint64_t>(sgwchap::errc::bad_iqn_date)}},
     "iqn.2015-1.x"},
    {"a Storage Gateway target's name",
     "InitiatorName=iqn.1997-05.com.amazon:myvolume\n",
     {{rule::initiator_name_is_amazon_target, 1, 14}},
     "iqn.1997-05.com.amazon:myvolume"},
    {"any line holding the key counts (strstr)",
     "DefaultInitiatorName=iqn.2001-04.com.example:a\n",
     {{rule::debian_startup_check_fails, 1, 21}},
     "iqn.2001-04.com.example:a",
     false},
    {"quotes are kept",
     "InitiatorName=\"iqn.2001-04.com.example:a\"\n",
     {{rule::initiator_name_not_storable, 1, 14, chap_key::none,
       static_cast<std::uint64_t>(sgwchap::errc::invalid_character)}},
     "\"iqn.2001-04.com.example:a\""},
    // fgets(buffer, 1024): a read that ends right after the key has no '=' (line skipped), and a
    // key split across two reads is found in neither.
    {"key at the end of a 1023-byte read",
     key_then_split_line,
     {{rule::initiator_name_line_skipped, 1, 1010},
      {rule::initiator_name_missing, 0, 0, chap_key::none, 1},
      {rule::debian_startup_check_fails, 0, 0}},
     std::nullopt,
     false},
    {"key split by the 1023-byte read",
     split_key_line,
     {{rule::initiator_name_missing, 0, 0, chap_key::none, 1}, {rule::debian_startup_check_fails, 0, 0}},
     std::nullopt,
     false},
};

TEST_CASE("initiatorname.iscsi: cfg_get_string_param and Debian's startup check", "[open_iscsi][initiatorname]") {
  for (const name_row& row : name_rows) {
    INFO("row: " << row.name);
    std::vector<oi::finding> findings;
    const oi::initiator_name_file parsed = oi::parse_initiator_name_file(row.text, findings);
    check_findings(findings, row.findings, file_kind::initiator_name, row.text.value_or(""));
    CHECK(parsed.name.is_set() == row.value.has_value());
    if (row.value.has_value()) CHECK(parsed.name.value == *row.value);
    CHECK(parsed.passes_debian_check == row.debian_ok);
  }
}

TEST_CASE("initiatorname.iscsi: the constexpr scanners", "[open_iscsi][initiatorname]") {
  static_assert(oi::detail::passes_debian_check("InitiatorName=iqn.x\n"));
  static_assert(oi::detail::passes_debian_check("#\nInitiatorName=\tx"));
  static_assert(!oi::detail::passes_debian_check("InitiatorName=tqn\n"));
  static_assert(!oi::detail::passes_debian_check("InitiatorName=\\x\n"));
  static_assert(!oi::detail::passes_debian_check("InitiatorName=\n"));
  static_assert(oi::detail::has_generate_name("x\nGenerateName=yes\n"));
  static_assert(!oi::detail::has_generate_name(" GenerateName=yes\n"));
  constexpr auto pick = oi::detail::scan_initiator_name("# x\nInitiatorName = iqn.a \n");
  static_assert(pick.line == 2 && pick.value_begin == 20 && pick.value_end == 25);
  CHECK(pick.key_at == 4);
}

// ---------------------------------------------------------------------------------------------
// Node record paths (usr/idbm.c idbm_rec_read: the flat layout first, then the current one)

TEST_CASE("node record paths", "[open_iscsi][paths]") {
  struct row {
    std::string_view path;
    std::optional<oi::node_record_id> id;
  };
  const std::vector<row> rows = {
      {"/etc/iscsi/nodes/iqn.1997-05.com.amazon:myvolume/10.0.0.5,3260,1/default",
       oi::node_record_id{"iqn.1997-05.com.amazon:myvolume", "10.0.0.5,3260,1", "default"}},
      {"/var/lib/iscsi/nodes/iqn.1997-05.com.amazon:v/fd00::5,3260,1/default",
       oi::node_record_id{"iqn.1997-05.com.amazon:v", "fd00::5,3260,1", "default"}},
      {"nodes/iqn.2001-04.com.example:t/10.0.0.7,3260",
       oi::node_record_id{"iqn.2001-04.com.example:t", "10.0.0.7,3260", ""}},
      {"iqn.2001-04.com.example:t/10.0.0.7,3260,1/iface0",
       oi::node_record_id{"iqn.2001-04.com.example:t", "10.0.0.7,3260,1", "iface0"}},
      {"/etc/iscsi/nodes/iqn.x/10.0.0.5,3260,1", std::nullopt},  // the portal directory itself
      {"/etc/iscsi/nodes/iqn.x", std::nullopt},
      {"/etc/iscsi/nodes/iqn.x/portal/default", std::nullopt},  // no "address,port,tpgt"
      {"/etc/iscsi/nodes/iqn.x//default", std::nullopt},
      {"/etc/iscsi/nodes/iqn.x/1,2,3/default/extra", std::nullopt},
      {"/srv/mynodes/iqn.x/1,2,3/default", std::nullopt},  // "mynodes/" is no nodes/ component
      {"", std::nullopt},
  };
  for (const row& r : rows) {
    INFO(r.path);
    CHECK(oi::parse_node_record_path(r.path) == r.id);
  }
  static_assert(oi::parse_node_record_path("nodes/iqn.x/1.2.3.4,3260,1/default")->iface == "default");
}

// ---------------------------------------------------------------------------------------------
// check_initiator

enum class gateway { one_way, mutual, deleted };

/// A finding expected at the end of `anchor` in `file` (line 0 when anchor is empty), by text.
struct want_at {
  rule id;
  file_kind file;
  std::string anchor;
  chap_key key = chap_key::none;
  std::size_t record = static_cast<std::size_t>(-1);
  std::uint64_t number = 0;
};

struct extra_record {
  oi::node_record_id id;
  std::string text;
};

struct check_row {
  std::string name;
  std::optional<std::string> auth;  ///< The CHAP lines of the target's record; nullopt: no record
  gateway gw;
  std::vector<want_at> findings;  ///< Every finding but the final running_sessions_not_checked
  std::string conf_extra = {};
  std::string initiator_secret = std::string(s1);
  std::string initiator_name_file = debian_initiator_file(host);
  std::vector<extra_record> extra = {};
  std::optional<std::string> whole_record = std::nullopt;  ///< Replaces record(*auth)
};

constexpr std::size_t npos = static_cast<std::size_t>(-1);
const oi::node_record_id main_id{target_iqn, "10.0.0.5,3260,1", "default"};

const std::vector<check_row> check_rows = {
    {"one-way, matching", auth_one_way(), gateway::one_way, {{rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"mutual, matching", auth_mutual(), gateway::mutual, {{rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"password differs",
     auth_one_way(wrong1),
     gateway::one_way,
     {{rule::password_mismatch, file_kind::node_record, "node.session.auth.password = ", chap_key::password, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"no password",
     line("node.session.auth.authmethod", "CHAP") + line("node.session.auth.username", host),
     gateway::one_way,
     {{rule::outgoing_credentials_missing, file_kind::node_record, "", chap_key::password, 0}}},
    {"the gateway has mutual CHAP, the initiator one-way",
     auth_one_way(),
     gateway::mutual,
     {{rule::mutual_chap_gateway_only, file_kind::node_record, "", chap_key::password_in, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"the initiator wants mutual CHAP, the gateway has one-way",
     auth_mutual(),
     gateway::one_way,
     {{rule::mutual_chap_initiator_only, file_kind::node_record,
       "node.session.auth.password_in = ", chap_key::password_in, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"password_in differs",
     auth_mutual(s1, wrong2),
     gateway::mutual,
     {{rule::password_in_mismatch, file_kind::node_record, "node.session.auth.password_in = ", chap_key::password_in,
       0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"password == password_in",
     auth_mutual(s1, s1),
     gateway::mutual,
     {{rule::passwords_identical, file_kind::node_record, "node.session.auth.password_in = ", chap_key::password_in, 0},
      {rule::password_in_mismatch, file_kind::node_record, "node.session.auth.password_in = ", chap_key::password_in,
       0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"incoming credentials without outgoing ones",
     line("node.session.auth.authmethod", "CHAP") + line("node.session.auth.username_in", target_iqn) +
         line("node.session.auth.password_in", s2),
     gateway::mutual,
     {{rule::incoming_without_outgoing, file_kind::node_record,
       "node.session.auth.password_in = ", chap_key::password_in, 0},
      {rule::outgoing_credentials_missing, file_kind::node_record, "", chap_key::password, 0}}},
    {"username_in without password_in",
     auth_one_way() + line("node.session.auth.username_in", target_iqn),
     gateway::mutual,
     {{rule::incoming_incomplete, file_kind::node_record, "node.session.auth.username_in = ", chap_key::username_in, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"password_in without username_in",
     auth_one_way() + line("node.session.auth.password_in", s2),
     gateway::mutual,
     {{rule::incoming_incomplete, file_kind::node_record, "node.session.auth.password_in = ", chap_key::password_in, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"an 11-byte secret on both sides",
     auth_one_way(short1),
     gateway::one_way,
     {{rule::secret_length, file_kind::node_record, "node.session.auth.password = ", chap_key::password, 0, 11},
      {rule::usernames_not_checked, file_kind::gateway, ""}},
     "",
     std::string(short1)},
    {"authmethod None with credentials",
     line("node.session.auth.authmethod", "None") + line("node.session.auth.username", host) +
         line("node.session.auth.password", s1),
     gateway::one_way,
     {{rule::authmethod_none_with_credentials, file_kind::node_record,
       "node.session.auth.authmethod = ", chap_key::authmethod, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"no authmethod line (default None) with credentials",
     line("node.session.auth.username", host) + line("node.session.auth.password", s1),
     gateway::one_way,
     {{rule::authmethod_none_with_credentials, file_kind::node_record, "", chap_key::authmethod, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"password without username",
     line("node.session.auth.authmethod", "CHAP") + line("node.session.auth.password", s1),
     gateway::one_way,
     {{rule::username_empty, file_kind::node_record, "", chap_key::username, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}}},
    {"after DeleteChapCredentials, credentials left (authmethod None)",
     line("node.session.auth.authmethod", "None") + line("node.session.auth.username", host) +
         line("node.session.auth.password", s1),
     gateway::deleted,
     {{rule::authmethod_none_with_credentials, file_kind::node_record,
       "node.session.auth.authmethod = ", chap_key::authmethod, 0},
      {rule::stale_credentials, file_kind::node_record, "node.session.auth.password = ", chap_key::password, 0}}},
    {"after DeleteChapCredentials, mutual credentials left",
     auth_mutual(),
     gateway::deleted,
     {{rule::stale_credentials, file_kind::node_record, "node.session.auth.password = ", chap_key::password, 0},
      {rule::stale_credentials, file_kind::node_record, "node.session.auth.password_in = ", chap_key::password_in, 0}}},
    {"after DeleteChapCredentials, clean", line("node.session.auth.authmethod", "None"), gateway::deleted, {}},
    {"no node record: iscsid.conf's defaults have no password",
     std::nullopt,
     gateway::one_way,
     {{rule::no_node_record, file_kind::gateway, ""},
      {rule::outgoing_credentials_missing, file_kind::iscsid_conf, "", chap_key::password}}},
    {"no node record: iscsid.conf carries the secret",
     std::nullopt,
     gateway::one_way,
     {{rule::no_node_record, file_kind::gateway, ""}, {rule::usernames_not_checked, file_kind::gateway, ""}},
     auth_one_way()},
    {"no node record: iscsid.conf has another secret",
     std::nullopt,
     gateway::one_way,
     {{rule::no_node_record, file_kind::gateway, ""},
      {rule::password_mismatch, file_kind::iscsid_conf, "node.session.auth.password = ", chap_key::password},
      {rule::usernames_not_checked, file_kind::gateway, ""}},
     auth_one_way(wrong1)},
    {"discovery CHAP with incoming credentials only",
     auth_one_way(),
     gateway::one_way,
     {{rule::incoming_without_outgoing, file_kind::iscsid_conf,
       "discovery.sendtargets.auth.password_in = ", chap_key::discovery_password_in},
      {rule::authmethod_none_with_credentials, file_kind::iscsid_conf, "", chap_key::discovery_authmethod},
      {rule::discovery_chap_not_compared, file_kind::iscsid_conf,
       "discovery.sendtargets.auth.password_in = ", chap_key::discovery_password_in},
      {rule::usernames_not_checked, file_kind::gateway, ""}},
     line("discovery.sendtargets.auth.username_in", "gw") + line("discovery.sendtargets.auth.password_in", disc2)},
    {"discovery CHAP, one-way, identical secrets in both directions",
     auth_one_way(),
     gateway::one_way,
     {{rule::passwords_identical, file_kind::iscsid_conf,
       "discovery.sendtargets.auth.password_in = ", chap_key::discovery_password_in},
      {rule::discovery_chap_not_compared, file_kind::iscsid_conf,
       "discovery.sendtargets.auth.password = ", chap_key::discovery_password},
      {rule::usernames_not_checked, file_kind::gateway, ""}},
     line("discovery.sendtargets.auth.authmethod", "CHAP") + line("discovery.sendtargets.auth.username", "u") +
         line("discovery.sendtargets.auth.password", disc1) + line("discovery.sendtargets.auth.username_in", "gw") +
         line("discovery.sendtargets.auth.password_in", disc1)},
    {"name=value hides the password",
     line("node.session.auth.authmethod", "CHAP") + line("node.session.auth.username", host) +
         "node.session.auth.password=" + std::string(s1) + "\n",
     gateway::one_way,
     {{rule::equals_without_space, file_kind::node_record, "node.session.auth.password", chap_key::password, 0},
      {rule::outgoing_credentials_missing, file_kind::node_record, "", chap_key::password, 0}}},
    {"the password is the last line, without a newline",
     std::string(),
     gateway::one_way,
     {{rule::missing_final_newline, file_kind::node_record, "# END RECORD\n", chap_key::none, 0},
      {rule::outgoing_credentials_missing, file_kind::node_record, "", chap_key::password, 0}},
     "",
     std::string(s1),
     debian_initiator_file(host),
     {},
     record("") + "node.session.auth.password = " + std::string(s1)},
    {"InitiatorName differs",
     auth_one_way(),
     gateway::one_way,
     {{rule::initiator_name_mismatch, file_kind::initiator_name, "InitiatorName="},
      {rule::usernames_not_checked, file_kind::gateway, ""}},
     "",
     std::string(s1),
     debian_initiator_file("iqn.1993-08.org.debian:01:0123456789ab")},
    {"a record for another target only",
     std::nullopt,
     gateway::one_way,
     {{rule::no_node_record, file_kind::gateway, ""},
      {rule::outgoing_credentials_missing, file_kind::iscsid_conf, "", chap_key::password}},
     "",
     std::string(s1),
     debian_initiator_file(host),
     {{{"iqn.1997-05.com.amazon:other", "10.0.0.5,3260,1", "default"}, record(auth_one_way())}}},
    {"a flat record shadows the current layout",
     auth_one_way(wrong1),
     gateway::one_way,
     {{rule::record_shadowed, file_kind::node_record, "", chap_key::none, 0},
      {rule::usernames_not_checked, file_kind::gateway, ""}},
     "",
     std::string(s1),
     debian_initiator_file(host),
     {{{target_iqn, "10.0.0.5,3260", ""}, record(auth_one_way())}}},
};

/// The expected finding's line and offset: just after `anchor` in `text` (which holds it once).
std::pair<std::size_t, std::size_t> locate(std::string_view text, std::string_view anchor) {
  if (anchor.empty()) return {0, 0};
  const std::size_t at = text.find(anchor);
  REQUIRE(at != std::string_view::npos);
  REQUIRE(text.find(anchor, at + 1) == std::string_view::npos);
  const std::size_t offset = at + anchor.size();  // after a name: its '='; after "= ": the value
  const auto newlines = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return {static_cast<std::size_t>(newlines) + 1, offset};
}

struct built {
  std::optional<sgwchap::update_chap_credentials_request> update;  // findings view into the request
  std::optional<sgwchap::delete_chap_credentials_request> remove;
  std::string initiator_name;
  std::string conf;
  std::vector<std::string> texts;
  std::vector<oi::node_record_file> records;
  oi::initiator_files files;
};

void build(const check_row& row, built& b) {
  b.initiator_name = row.initiator_name_file;
  b.conf = "node.startup = manual\n" + row.conf_extra;
  b.texts.clear();
  std::vector<oi::node_record_id> ids;
  if (row.auth.has_value()) {
    b.texts.push_back(row.whole_record.value_or(record(*row.auth)));
    ids.push_back(main_id);
  }
  for (const extra_record& e : row.extra) {
    b.texts.push_back(e.text);
    ids.push_back(e.id);
  }
  b.records.clear();
  for (std::size_t i = 0; i < ids.size(); ++i) b.records.push_back({ids[i], b.texts[i]});
  b.files = {b.initiator_name, b.conf, b.records};
}

sgwchap::update_chap_credentials_request update_request(std::string_view initiator_secret, bool mutual) {
  auto r = sgwchap::update_chap_credentials_request::from_strings(
      target_arn, host, initiator_secret, mutual ? std::optional<std::string_view>(s2) : std::nullopt,
      sgwchap::profile::aws_model);
  REQUIRE(r.has_value());
  return std::move(*r);
}

sgwchap::delete_chap_credentials_request delete_request() {
  auto r = sgwchap::delete_chap_credentials_request::from_strings(target_arn, host);
  REQUIRE(r.has_value());
  return std::move(*r);
}

/// Runs a row. The findings view into `b` (the files and the request), which must outlive them.
std::vector<oi::finding> run(const check_row& row, built& b) {
  build(row, b);
  if (row.gw == gateway::deleted) {
    b.remove.emplace(delete_request());
    return oi::check_initiator(b.files, *b.remove);
  }
  b.update.emplace(update_request(row.initiator_secret, row.gw == gateway::mutual));
  return oi::check_initiator(b.files, *b.update);
}

std::string_view file_text(const built& b, const want_at& w) {
  switch (w.file) {
    case file_kind::initiator_name: return b.initiator_name;
    case file_kind::iscsid_conf: return b.conf;
    case file_kind::node_record: return b.texts.empty() ? std::string_view() : std::string_view(b.texts[0]);
    case file_kind::gateway: break;
  }
  return {};
}

TEST_CASE("check_initiator: every finding of a row, in order", "[open_iscsi][check]") {
  for (const check_row& row : check_rows) {
    INFO("row: " << row.name);
    built b;
    const std::vector<oi::finding> got = run(row, b);
    INFO("got:" << describe_all(got));
    REQUIRE(got.size() == row.findings.size() + 1);
    for (std::size_t i = 0; i < row.findings.size(); ++i) {
      const want_at& w = row.findings[i];
      INFO("finding " << i << ": " << oi::rule_name(w.id));
      const auto [want_line, want_offset] = locate(file_text(b, w), w.anchor);
      CHECK(got[i].id == w.id);
      CHECK(got[i].file == w.file);
      CHECK(got[i].line == want_line);
      CHECK(got[i].offset == want_offset);
      CHECK(got[i].key == w.key);
      CHECK(got[i].number == w.number);
      CHECK(got[i].target_iqn == target_iqn);
      if (w.file == file_kind::node_record) {
        CHECK(got[i].record == 0);
        CHECK(got[i].where == main_id);
        CHECK(got[i].address == (w.id == rule::record_shadowed ? "" : "10.0.0.5"));
      } else {
        CHECK(got[i].record == npos);
      }
    }
    CHECK(got.back().id == rule::running_sessions_not_checked);
    CHECK(got.back().file == file_kind::gateway);
  }
}

TEST_CASE("check_initiator: DescribeChapCredentials answers", "[open_iscsi][check]") {
  const std::string name_file = debian_initiator_file(host);
  const std::string conf = "node.startup = manual\n";
  const std::string text = record(auth_mutual());
  const std::vector<oi::node_record_file> records = {{main_id, text}};
  const oi::initiator_files files{name_file, conf, records};
  const auto describe_request = sgwchap::describe_chap_credentials_request::from_strings(target_arn);
  REQUIRE(describe_request.has_value());
  const sgwchap::describe_chap_credentials_request& describe = *describe_request;

  const auto info = [](std::string_view initiator, std::optional<std::string_view> secret1,
                       std::optional<std::string_view> secret2) {
    sgwchap::chap_info i;
    i.target_arn = std::string(target_arn);
    i.initiator_name = std::string(initiator);
    if (secret1.has_value()) i.secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked(*secret1);
    if (secret2.has_value()) i.secret_to_authenticate_target = sgwchap::chap_secret::unchecked(*secret2);
    return i;
  };
  const auto rules = [](const std::vector<oi::finding>& got) {
    std::vector<rule> out;
    out.reserve(got.size());
    for (const auto& f : got) out.push_back(f.id);
    return out;
  };

  SECTION("the ChapInfo of the files' InitiatorName, matching") {
    sgwchap::describe_chap_credentials_result d;
    d.chap_credentials.emplace();
    d.chap_credentials->push_back(info("iqn.1993-08.org.debian:01:other", wrong1, wrong2));
    d.chap_credentials->push_back(info(host, s1, s2));
    const auto got = oi::check_initiator(files, describe, d);
    CHECK(rules(got) == std::vector<rule>{rule::usernames_not_checked, rule::running_sessions_not_checked});
    for (const auto& f : got) CHECK(f.source == sgwchap::operation::describe_chap_credentials);
  }
  SECTION("an explicit initiator name picks another ChapInfo") {
    sgwchap::describe_chap_credentials_result d;
    d.chap_credentials.emplace();
    d.chap_credentials->push_back(info("iqn.1993-08.org.debian:01:other", wrong1, wrong2));
    const auto got = oi::check_initiator(files, describe, d, "iqn.1993-08.org.debian:01:other");
    CHECK(rules(got) == std::vector<rule>{rule::initiator_name_mismatch, rule::password_mismatch,
                                          rule::password_in_mismatch, rule::usernames_not_checked,
                                          rule::running_sessions_not_checked});
  }
  SECTION("no ChapInfo for this initiator: the gateway has no CHAP for it") {
    sgwchap::describe_chap_credentials_result d;
    d.chap_credentials.emplace();
    d.chap_credentials->push_back(info("iqn.1993-08.org.debian:01:other", s1, s2));
    const auto got = oi::check_initiator(files, describe, d);
    CHECK(rules(got) == std::vector<rule>{rule::gateway_has_no_chap, rule::stale_credentials, rule::stale_credentials,
                                          rule::running_sessions_not_checked});
    CHECK(got[0].file == file_kind::gateway);
  }
  SECTION("a ChapInfo for another target does not count") {
    sgwchap::describe_chap_credentials_result d;
    d.chap_credentials.emplace();
    auto other = info(host, s1, s2);
    other.target_arn =
        "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:x";
    d.chap_credentials->push_back(std::move(other));
    const auto got = oi::check_initiator(files, describe, d);
    CHECK(rules(got).front() == rule::gateway_has_no_chap);
  }
  SECTION("an answer without SecretToAuthenticateInitiator") {
    sgwchap::describe_chap_credentials_result d;
    d.chap_credentials.emplace();
    d.chap_credentials->push_back(info(host, std::nullopt, s2));
    const auto got = oi::check_initiator(files, describe, d);
    CHECK(rules(got) == std::vector<rule>{rule::gateway_secret_missing, rule::usernames_not_checked,
                                          rule::running_sessions_not_checked});
    CHECK(got[0].key == chap_key::password);
  }
  SECTION("a gateway secret open-iscsi cannot hold") {
    struct row {
      std::string secret;
      std::uint64_t why;
    };
    const std::vector<row> rows = {{"S3cret%with-end ", 2},
                                   {" S3cret%with-end", 1},
                                   {std::string("S3cret%with\0end", 15), 3},
                                   {"S3cret%with\nend", 3},
                                   {std::string(256, 'z'), 4}};
    for (const row& r : rows) {
      INFO("reason " << r.why);
      sgwchap::describe_chap_credentials_result d;
      d.chap_credentials.emplace();
      d.chap_credentials->push_back(info(host, r.secret, s2));
      const auto got = oi::check_initiator(files, describe, d);
      REQUIRE(got.size() >= 2);
      CHECK(got[0].id == rule::gateway_secret_unrepresentable);
      CHECK(got[0].key == chap_key::password);
      CHECK(got[0].number == r.why);
      CHECK(got[1].id == rule::password_mismatch);
    }
  }
  SECTION("no answer at all") {
    const sgwchap::describe_chap_credentials_result d;
    const auto got = oi::check_initiator(files, describe, d);
    CHECK(rules(got).front() == rule::gateway_has_no_chap);
  }
}

TEST_CASE("check_initiator: every record of the target is checked, records of other targets are not",
          "[open_iscsi][check]") {
  const std::string name_file = debian_initiator_file(host);
  const std::string good = record(auth_one_way());
  const std::string bad = record(auth_one_way(wrong1));
  const std::string other = record("node.session.auth.username=broken\n");
  const std::vector<oi::node_record_file> records = {
      {{target_iqn, "10.0.0.5,3260,1", "default"}, good},
      {{"iqn.1997-05.com.amazon:other", "10.0.0.5,3260,1", "default"}, other},
      {{target_iqn, "10.0.1.5,3260,1", "default"}, bad},
  };
  const oi::initiator_files files{name_file, std::nullopt, records};
  const auto request = update_request(s1, false);
  const auto got = oi::check_initiator(files, request);
  INFO(describe_all(got));
  REQUIRE(got.size() == 3);
  CHECK(got[0].id == rule::password_mismatch);
  CHECK(got[0].record == 2);
  CHECK(got[0].where.portal == "10.0.1.5,3260,1");
  CHECK(got[1].id == rule::usernames_not_checked);
  CHECK(got[2].id == rule::running_sessions_not_checked);
}

// Findings and expectations view into the request: a temporary request does not compile.
template <class Request>
constexpr bool can_check = requires(const oi::initiator_files& f, Request&& r) {
  oi::check_initiator(f, std::forward<Request>(r));
};
template <class Request>
constexpr bool can_expect = requires(Request&& r) {
  oi::expect(std::forward<Request>(r));
};
template <class Request>
constexpr bool can_check_describe = requires(const oi::initiator_files& f, Request&& r,
                                             const sgwchap::describe_chap_credentials_result& a) {
  oi::check_initiator(f, std::forward<Request>(r), a);
};
static_assert(can_check<const sgwchap::update_chap_credentials_request&>);
static_assert(!can_check<sgwchap::update_chap_credentials_request>);
static_assert(can_check<const sgwchap::delete_chap_credentials_request&>);
static_assert(!can_check<sgwchap::delete_chap_credentials_request>);
static_assert(can_expect<sgwchap::update_chap_credentials_request&>);
static_assert(!can_expect<sgwchap::update_chap_credentials_request>);
static_assert(!can_expect<sgwchap::delete_chap_credentials_request>);
static_assert(can_check_describe<const sgwchap::describe_chap_credentials_request&>);
static_assert(!can_check_describe<sgwchap::describe_chap_credentials_request>);

TEST_CASE("check_initiator appends to the caller's list and allocates nothing else for short secrets",
          "[open_iscsi][check]") {
  built b;
  const check_row& row = check_rows[2];  // password differs
  build(row, b);
  const auto request = update_request(s1, false);
  std::vector<oi::finding> findings;
  findings.push_back({});  // kept: check_initiator appends
  oi::check_initiator(b.files, oi::expect(request), findings);
  CHECK(findings.size() == 4);
  CHECK(findings[1].id == rule::password_mismatch);
  // No finding holds a secret: scan the findings' own bytes (views are pointers, not copies).
  const auto* raw = reinterpret_cast<const char*>(findings.data());
  const std::string_view bytes(raw, findings.size() * sizeof(oi::finding));
  CHECK(bytes.find(s1) == std::string_view::npos);
  CHECK(bytes.find(wrong1) == std::string_view::npos);
}

// ---------------------------------------------------------------------------------------------
// Rules, names and messages

TEST_CASE("every rule has a distinct name, a description and a severity", "[open_iscsi][rules]") {
  std::set<std::string_view> names;
  for (auto r = static_cast<unsigned>(rule::missing_final_newline); r <= static_cast<unsigned>(oi::last_rule); ++r) {
    const auto id = static_cast<rule>(r);
    INFO(r);
    CHECK(oi::rule_name(id) != "unknown_rule");
    CHECK(oi::rule_description(id) != "unknown rule");
    CHECK(names.insert(oi::rule_name(id)).second);
  }
  CHECK(names.size() == static_cast<std::size_t>(oi::last_rule));
  CHECK(oi::rule_name(static_cast<rule>(0)) == "unknown_rule");
  CHECK(oi::rule_severity(rule::password_mismatch) == oi::severity::error);
  CHECK(oi::rule_severity(rule::secret_length) == oi::severity::warning);
  CHECK(oi::rule_severity(rule::usernames_not_checked) == oi::severity::note);
  CHECK(oi::severity_name(oi::severity::warning) == "warning");
  const std::vector<oi::finding> none;
  CHECK(!oi::worst_severity(none).has_value());
}

TEST_CASE("messages: the exact text of a few findings", "[open_iscsi][messages]") {
  built b;
  std::vector<oi::finding> got = run(check_rows[2], b);  // password differs
  CHECK(got[0].message() ==
        "node record iqn.1997-05.com.amazon:myvolume 10.0.0.5,3260,1 default line 7 (byte 234): "
        "node.session.auth.password differs from the gateway's SecretToAuthenticateInitiator: the login fails "
        "[password_mismatch]");
  CHECK(got[1].message() ==
        "gateway (UpdateChapCredentials, target iqn.1997-05.com.amazon:myvolume): the CHAP user names "
        "(node.session.auth.username, username_in) are not checked: the names Storage Gateway expects and sends are "
        "not documented [usernames_not_checked]");
  CHECK(oi::worst_severity(got) == oi::severity::error);

  got = run(check_rows[25], b);  // InitiatorName differs
  CHECK(got[0].message() ==
        "initiatorname.iscsi line 6 (byte 310): InitiatorName iqn.1993-08.org.debian:01:0123456789ab differs from "
        "the gateway's InitiatorName iqn.1993-08.org.debian:01:da65ae3337c1 [initiator_name_mismatch]");

  // Bytes outside printable ASCII in a quoted value are escaped.
  std::vector<oi::finding> findings;
  (void)oi::parse_initiator_name_file(std::string_view("InitiatorName=iqn.\x01\xff\\x\n"), findings);
  REQUIRE(!findings.empty());
  const std::string m = findings.back().message();
  CHECK(m.find("iqn.\\x01\\xff\\x5cx") != std::string::npos);
}

/// Every finding the rows of this file produce, with its message.
std::vector<std::pair<rule, std::string>> every_message() {
  std::vector<std::pair<rule, std::string>> out;
  const auto add = [&](const std::vector<oi::finding>& findings) {
    for (const auto& f : findings) out.emplace_back(f.id, f.message());
  };
  for (const syntax_row& row : syntax_rows) {
    std::vector<oi::finding> f;
    (void)oi::parse_iscsid_conf(row.text, f);
    const oi::node_record_file file{main_id, row.text};
    (void)oi::parse_node_record(file, f);
    add(f);
  }
  for (const name_row& row : name_rows) {
    std::vector<oi::finding> f;
    (void)oi::parse_initiator_name_file(row.text, f);
    add(f);
  }
  for (const check_row& row : check_rows) {
    built b;
    add(run(row, b));
  }
  return out;
}

TEST_CASE("no message of any row holds a secret, and the rows cover every rule", "[open_iscsi][messages][secrets]") {
  const auto messages = every_message();
  std::set<rule> seen;
  for (const auto& [id, m] : messages) {
    seen.insert(id);
    for (const std::string& secret : all_secrets) {
      INFO("a message holds a planted secret (" << secret.size() << " bytes)");
      CHECK(m.find(secret) == std::string::npos);
      // Nor its first half (a truncation would not hide it).
      CHECK(m.find(secret.substr(0, secret.size() / 2)) == std::string::npos);
    }
  }
  // The Describe-only rules are exercised by their own test case above.
  for (const rule r : {rule::gateway_secret_unrepresentable, rule::gateway_secret_missing, rule::gateway_has_no_chap}) {
    seen.insert(r);
  }
  for (auto r = static_cast<unsigned>(rule::missing_final_newline); r <= static_cast<unsigned>(oi::last_rule); ++r) {
    INFO("no row produces " << oi::rule_name(static_cast<rule>(r)));
    CHECK(seen.count(static_cast<rule>(r)) == 1);
  }
}

}  // namespace
