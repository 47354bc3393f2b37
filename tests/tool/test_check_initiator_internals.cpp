// check-initiator's pure parts (tools/sgwchap/initiator_fixes.hpp), row by row: the shell and
// PowerShell quoting (the shell's own reading of each quoted word is compared with the input), the
// -p argument of iscsiadm, which part of a line may be shown, and the fix of every rule in every
// gateway state (never a secret byte; every command of a node record names its target and portal).
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/open_iscsi.hpp>

#include "sgwchap/initiator_fixes.hpp"

namespace fix = sgwchap_tool::initiator;
namespace oi = sgwchap::open_iscsi;

namespace {

/// What /bin/sh makes of `word` as one argument: printf '%s' WORD.
std::string through_shell(const std::string& word) {
  const std::string command = "printf '%s' " + word;
  // NOLINTNEXTLINE(cert-env33-c): asking /bin/sh itself how it reads each word is the point of the test
  std::FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 256> chunk{};
  std::size_t n = 0;
  while ((n = std::fread(chunk.data(), 1, chunk.size(), pipe)) > 0) out.append(chunk.data(), n);
  REQUIRE(::pclose(pipe) == 0);
  return out;
}

}  // namespace

TEST_CASE("shell_word: the shell reads back exactly the input") {
  const std::vector<std::string> words = {"iqn.1997-05.com.amazon:myvolume",
                                          "10.0.0.5:3260",
                                          "[fe80::1]:3260",
                                          "a b",
                                          "it's",
                                          "'",
                                          "''",
                                          "$(id)",
                                          "`id`",
                                          "a\\b",
                                          "*",
                                          "a;b|c&d",
                                          "\"quoted\"",
                                          "~root",
                                          "#x",
                                          "",
                                          "!x",
                                          "{a,b}"};
  for (const std::string& w : words) {
    INFO(w);
    const auto quoted = fix::shell_word(w);
    REQUIRE(quoted.has_value());
    CHECK(through_shell(*quoted) == w);
  }
  CHECK(*fix::shell_word("iqn.1997-05.com.amazon:myvolume") == "iqn.1997-05.com.amazon:myvolume");  // bare
  CHECK(*fix::shell_word("it's") == "'it'\\''s'");
  CHECK(*fix::shell_word("") == "''");
}

TEST_CASE("shell_word and powershell_word: no command for bytes a terminal could act on") {
  for (const std::string_view s :
       {std::string_view("a\x1b[2Jb"), std::string_view("a\nb"), std::string_view("a\tb"), std::string_view("\xc3\xa9"),
        std::string_view("a\x7f"), std::string_view("a\0b", 3)}) {
    CHECK_FALSE(fix::shell_word(s).has_value());
    CHECK_FALSE(fix::powershell_word(s).has_value());
  }
}

TEST_CASE("powershell_word: single quotes, a quote doubled") {
  CHECK(*fix::powershell_word("iqn.1997-05.com.amazon:v") == "'iqn.1997-05.com.amazon:v'");
  CHECK(*fix::powershell_word("it's") == "'it''s'");
  CHECK(*fix::powershell_word("$env:X") == "'$env:X'");  // nothing expands in single quotes
}

TEST_CASE("iscsiadm_portal: address:port, IPv6 in brackets") {
  struct row {
    std::string_view dir;
    std::optional<std::string> portal;
  };
  const std::vector<row> rows = {
      {"10.0.0.5,3260,1", "10.0.0.5:3260"}, {"10.0.0.5,3260", "10.0.0.5:3260"},  // the old flat layout
      {"fe80::1,3260,1", "[fe80::1]:3260"}, {"gateway.example.com,3261,2", "gateway.example.com:3261"},
      {"10.0.0.5", std::nullopt},           {",3260,1", std::nullopt},
      {"10.0.0.5,,1", std::nullopt}};
  for (const row& r : rows) {
    INFO(r.dir);
    CHECK(fix::iscsiadm_portal(r.dir) == r.portal);
  }
}

TEST_CASE("line_to_show: whole line, key only, or nothing") {
  const std::string record =
      "# BEGIN RECORD 2.1.8\n"
      "node.session.auth.authmethod = chap\n"
      "node.session.auth.password = Init!ator#S3cret\r\n"
      "  node.session.auth.password_in=Targ%t#S3cret-1\n"
      "Wr0ng!Secret#12\n"
      "node.session.auth.passwd = Wr0ng!Secret#12\n";
  const auto at = [&](std::string_view needle) { return record.find(needle); };
  const auto kind = oi::file_kind::node_record;

  const auto method = fix::line_to_show(record, kind, 2, at("chap"));
  REQUIRE(method.has_value());
  CHECK(method->text == "node.session.auth.authmethod = chap");
  CHECK(method->caret == std::string_view("node.session.auth.authmethod = ").size());
  CHECK_FALSE(method->key_only);

  const auto password = fix::line_to_show(record, kind, 3, at("Init!"));
  REQUIRE(password.has_value());
  CHECK(password->text == "node.session.auth.password");
  CHECK(password->caret == 0);  // the value is not shown: the caret goes under the key
  CHECK(password->key_only);

  const auto indented = fix::line_to_show(record, kind, 4, at("Targ%"));
  REQUIRE(indented.has_value());
  CHECK(indented->text == "  node.session.auth.password_in");
  CHECK(indented->caret == 2);

  CHECK_FALSE(fix::line_to_show(record, kind, 5, at("Wr0ng")).has_value());                     // a pasted secret
  CHECK_FALSE(fix::line_to_show(record, kind, 6, at("node.session.auth.passwd")).has_value());  // unknown key
  CHECK_FALSE(fix::line_to_show(record, kind, 0, 0).has_value());                               // the whole file
  CHECK_FALSE(fix::line_to_show(record, oi::file_kind::gateway, 2, at("chap")).has_value());

  const std::string name_file = "## DO NOT EDIT\nInitiatorName=iqn.1993-08.org.debian:01:abc\r\n";
  const auto name = fix::line_to_show(name_file, oi::file_kind::initiator_name, 2, name_file.find("iqn."));
  REQUIRE(name.has_value());
  CHECK(name->text == "InitiatorName=iqn.1993-08.org.debian:01:abc");
  CHECK(name->caret == 14);
}

TEST_CASE("linux_fix: per rule, in every gateway state: commands name the record, no secret") {
  const std::string s_i = "Init!ator#S3cret";
  const std::string s_t = "Targ%t#S3cret-1";
  const sgwchap::chap_secret secret_i = sgwchap::chap_secret::unchecked(s_i);
  const sgwchap::chap_secret secret_t = sgwchap::chap_secret::unchecked(s_t);
  const std::string arn =
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:v";
  for (const oi::gateway_chap state : {oi::gateway_chap::none, oi::gateway_chap::one_way, oi::gateway_chap::mutual}) {
    oi::expected_chap e;
    e.target_iqn = "iqn.1997-05.com.amazon:v";
    e.initiator_name = "iqn.1993-08.org.debian:01:abc";
    e.state = state;
    e.secret_to_authenticate_initiator = state == oi::gateway_chap::none ? nullptr : &secret_i;
    e.secret_to_authenticate_target = state == oi::gateway_chap::mutual ? &secret_t : nullptr;
    for (auto r = static_cast<unsigned>(oi::rule::missing_final_newline); r <= static_cast<unsigned>(oi::last_rule);
         ++r) {
      for (const oi::file_kind file : {oi::file_kind::node_record, oi::file_kind::iscsid_conf,
                                       oi::file_kind::initiator_name, oi::file_kind::gateway}) {
        oi::finding f;
        f.id = static_cast<oi::rule>(r);
        f.file = file;
        f.key = oi::chap_key::password;
        f.where = {"iqn.1997-05.com.amazon:v", "10.0.0.5,3260,1", "default"};
        f.value = "iqn.1993-08.org.debian:01:abc";
        const std::vector<std::string> lines = fix::linux_fix(f, {&e, arn, "/etc/iscsi/x", false});
        INFO(oi::rule_name(f.id) << " in " << oi::file_kind_name(file));
        for (const std::string& line : lines) {
          INFO(line);
          CHECK(line.find(s_i) == std::string::npos);
          CHECK(line.find(s_t) == std::string::npos);
          CHECK(fix::printable_ascii(line));
          if (line.rfind("iscsiadm -m node -T iqn.1997-05.com.amazon:v -p", 0) == 0) {
            CHECK(line.find(" -p 10.0.0.5:3260 ") != std::string::npos);
          } else if (line.rfind("iscsiadm", 0) == 0) {
            // discovery or the whole target: never another target
            CHECK(line.find("iqn.1997-05.com.amazon:v") != std::string::npos);
          } else {
            CHECK((line.rfind("# ", 0) == 0 || line.rfind("sgwchap encode UpdateChapCredentials ", 0) == 0));
          }
        }
      }
    }
  }
}

TEST_CASE("linux_fix: the commands of the main findings") {
  const sgwchap::chap_secret secret = sgwchap::chap_secret::unchecked("Init!ator#S3cret");
  oi::expected_chap e;
  e.target_iqn = "iqn.1997-05.com.amazon:v";
  e.state = oi::gateway_chap::one_way;
  e.secret_to_authenticate_initiator = &secret;
  const std::string node = "iscsiadm -m node -T iqn.1997-05.com.amazon:v -p 10.0.0.5:3260";
  const auto fix_of = [&](oi::rule r, oi::chap_key key = oi::chap_key::password) {
    oi::finding f;
    f.id = r;
    f.file = oi::file_kind::node_record;
    f.key = key;
    f.where = {"iqn.1997-05.com.amazon:v", "10.0.0.5,3260,1", "default"};
    return fix::linux_fix(f, {&e, "", "/etc/iscsi/nodes/x", false});
  };
  CHECK(fix_of(oi::rule::password_mismatch) ==
        std::vector<std::string>{node + " -o update -n node.session.auth.password -v \"$SGWCHAP_INITIATOR_SECRET\"",
                                 node + " --logout", node + " --login"});
  CHECK(fix_of(oi::rule::outgoing_credentials_missing).front() ==
        node + " -o update -n node.session.auth.authmethod -v CHAP");
  CHECK(fix_of(oi::rule::authmethod_none_with_credentials) ==
        std::vector<std::string>{node + " -o update -n node.session.auth.authmethod -v CHAP"});
  CHECK(fix_of(oi::rule::usernames_not_checked).empty());
  e.state = oi::gateway_chap::none;
  CHECK(fix_of(oi::rule::authmethod_none_with_credentials).empty());  // stale_credentials' fix clears them
  CHECK(fix_of(oi::rule::stale_credentials, oi::chap_key::password_in).size() == 7);
}

TEST_CASE("windows_commands: MUTUALCHAP in upper case, secrets from variables") {
  const sgwchap::chap_secret s_i = sgwchap::chap_secret::unchecked("Init!ator#S3cret");
  const sgwchap::chap_secret s_t = sgwchap::chap_secret::unchecked("Targ%t#S3cret-1");
  oi::expected_chap e;
  e.target_iqn = "iqn.1997-05.com.amazon:v";
  e.state = oi::gateway_chap::mutual;
  e.secret_to_authenticate_initiator = &s_i;
  e.secret_to_authenticate_target = &s_t;
  const auto joined = [](const std::vector<std::string>& lines) {
    std::string all;
    for (const std::string& l : lines) all += l + "\n";
    return all;
  };
  const std::string mutual = joined(fix::windows_commands(e, "iqn.1991-05.com.microsoft:host"));
  CHECK(mutual.find("Set-IscsiChapSecret -ChapSecret $env:SGWCHAP_TARGET_SECRET\n") != std::string::npos);
  CHECK(mutual.find("Connect-IscsiTarget -NodeAddress 'iqn.1997-05.com.amazon:v' -AuthenticationType MUTUALCHAP "
                    "-ChapUsername 'iqn.1991-05.com.microsoft:host' -ChapSecret $env:SGWCHAP_INITIATOR_SECRET\n") !=
        std::string::npos);
  CHECK(mutual.find("Init!ator") == std::string::npos);
  CHECK(mutual.find("Targ%t") == std::string::npos);
  e.state = oi::gateway_chap::one_way;
  const std::string one_way = joined(fix::windows_commands(e, "iqn.1991-05.com.microsoft:host"));
  CHECK(one_way.find("-AuthenticationType ONEWAYCHAP") != std::string::npos);
  CHECK(one_way.find("Set-IscsiChapSecret") == std::string::npos);
  e.state = oi::gateway_chap::none;
  CHECK(joined(fix::windows_commands(e, "iqn.1991-05.com.microsoft:host")).find("-AuthenticationType NONE\n") !=
        std::string::npos);
  CHECK(fix::windows_commands(e, "iqn.1991-05.com.microsoft:\x1b[2J").size() == 1);  // no command, one comment
}
