// <sgwchap/open_iscsi.hpp> on files Debian 12's open-iscsi really writes: real_files.sh makes them
// with iscsi-iname and iscsiadm in a throw-away /etc/iscsi (see that script for how, and for what
// iscsiadm cannot do without its daemon) and runs this binary with SGWCHAP_OPEN_ISCSI_FILES set to
// the directory. Without it every test fails: this test never skips.
//
// - the InitiatorName iscsi-iname generated, in the file Debian's postinst writes;
// - Debian's shipped iscsid.conf;
// - node records written by `iscsiadm -m node -o new/-o update`, checked against requests;
// - the old flat layout, which iscsiadm still lists;
// - the oracle: for each case of oracle_cases.txt, what iscsiadm understood of a record (it read
//   it through usr/idbm.c and wrote every setting back) equals what parse_node_record reads.
#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/open_iscsi.hpp>

namespace fs = std::filesystem;
namespace oi = sgwchap::open_iscsi;
using oi::rule;

namespace {

// The secrets real_files.sh planted.
constexpr std::string_view s1 = "Init!ator#S3cret";
constexpr std::string_view s2 = "Targ%t#S3cret-1";

fs::path files_dir() {
  const char* dir = std::getenv("SGWCHAP_OPEN_ISCSI_FILES");
  INFO("SGWCHAP_OPEN_ISCSI_FILES is not set: run this binary through real_files.sh (ctest does)");
  REQUIRE(dir != nullptr);
  REQUIRE(fs::is_directory(dir));
  return dir;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  INFO("cannot read " << path);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string arn_of(std::string_view target) {
  return "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/" + std::string(target);
}

/// Every node record under root/nodes, with its identity from its path.
struct record_set {
  std::vector<std::string> paths;
  std::vector<std::string> texts;
  std::vector<oi::node_record_file> files;
};

void load_records(const fs::path& root, record_set& out) {
  for (const auto& entry : fs::recursive_directory_iterator(root / "nodes")) {
    if (!entry.is_regular_file()) continue;
    out.paths.push_back(fs::relative(entry.path(), root).string());
  }
  std::sort(out.paths.begin(), out.paths.end());  // directory order is not stable
  for (const std::string& path : out.paths) out.texts.push_back(read_file(root / path));
  for (std::size_t i = 0; i < out.paths.size(); ++i) {
    const auto id = oi::parse_node_record_path(out.paths[i]);
    INFO(out.paths[i]);
    REQUIRE(id.has_value());
    out.files.push_back({*id, out.texts[i]});
  }
}

std::vector<rule> rules_of(const std::vector<oi::finding>& findings) {
  std::vector<rule> r;
  r.reserve(findings.size());
  for (const auto& f : findings) r.push_back(f.id);
  return r;
}

std::string describe_all(const std::vector<oi::finding>& findings) {
  std::string s;
  for (const auto& f : findings) s += "\n  " + f.message();  // messages hold no secret
  return s;
}

/// Where `needle` ends in `text` (it occurs exactly once).
std::size_t end_of(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  REQUIRE(at != std::string_view::npos);
  REQUIRE(text.find(needle, at + 1) == std::string_view::npos);
  return at + needle.size();
}

struct fixture {
  fs::path dir = files_dir();
  std::string name_file = read_file(dir / "initiatorname.iscsi");
  std::string name = read_file(dir / "generated-name");
  std::string conf = read_file(dir / "debian-iscsid.conf");
  record_set records;
  fixture() { load_records(dir / "root", records); }
  [[nodiscard]] oi::initiator_files files() const { return {name_file, conf, records.files}; }

  [[nodiscard]] sgwchap::update_chap_credentials_request update(std::string_view target, bool mutual) const {
    auto r = sgwchap::update_chap_credentials_request::from_strings(
        arn_of(target), name, s1, mutual ? std::optional<std::string_view>(s2) : std::nullopt);
    REQUIRE(r.has_value());
    return std::move(*r);
  }
};

}  // namespace

TEST_CASE("initiatorname.iscsi with a name from iscsi-iname", "[open_iscsi][real]") {
  const fixture fx;
  std::vector<oi::finding> findings;
  const oi::initiator_name_file parsed = oi::parse_initiator_name_file(std::string_view(fx.name_file), findings);
  INFO("findings:" << describe_all(findings));
  CHECK(findings.empty());
  CHECK(parsed.name.value == fx.name);
  CHECK(parsed.name.line == 6);
  CHECK(parsed.passes_debian_check);
  CHECK(!parsed.generate_name);
  CHECK(fx.name.rfind("iqn.1993-08.org.debian:01:", 0) == 0);
  CHECK(sgwchap::is_valid_iscsi_name(fx.name));
}

TEST_CASE("Debian's shipped iscsid.conf", "[open_iscsi][real]") {
  const fixture fx;
  const std::string state = read_file(fx.dir / "iscsid.conf.md5");
  INFO("/etc/iscsi/iscsid.conf differs from the file dpkg installed: this test needs the shipped file");
  REQUIRE(state == "pristine\n");
  // The shipped file documents the CHAP keys in comments only.
  CHECK(fx.conf.find("#node.session.auth.password = password") != std::string::npos);
  std::vector<oi::finding> findings;
  const oi::iscsi_config config = oi::parse_iscsid_conf(fx.conf, findings);
  INFO("findings:" << describe_all(findings));
  CHECK(findings.empty());
  for (const oi::auth_settings* a : {&config.session, &config.discovery}) {
    CHECK(!a->uses_chap());
    CHECK(!a->username.is_set());
    CHECK(!a->authmethod.is_set());
    CHECK(a->method == oi::auth_method::none);
    CHECK(!a->chap_algs.is_set());
    REQUIRE(a->algorithms.count == 1);
    CHECK(a->algorithms.items[0] == oi::chap_algorithm::md5);
  }
}

TEST_CASE("node records iscsiadm wrote", "[open_iscsi][real]") {
  const fixture fx;
  const oi::initiator_files files = fx.files();
  const std::string version_line = read_file(fx.dir / "iscsiadm-version.txt");  // "iscsiadm version 2.1.8\n"
  const std::string version =
      version_line.substr(version_line.rfind(' ') + 1, version_line.size() - 1 - (version_line.rfind(' ') + 1));
  REQUIRE(fx.records.files.size() == 8);
  for (std::size_t i = 0; i < fx.records.files.size(); ++i) {
    const oi::node_record_file& r = fx.records.files[i];
    INFO(fx.records.paths[i]);
    std::vector<oi::finding> findings;
    const oi::iscsi_config config = oi::parse_node_record(r, findings, i);
    CHECK(config.record_version == version);
    CHECK(config.node_name.value == r.id.target_iqn);
    CHECK(r.id.portal.rfind(std::string(config.address.value) + "," + std::string(config.port.value), 0) == 0);
    // Clean files, except the blank iscsiadm wrote after a password on purpose, and the list
    // without MD5 it was asked to write.
    std::vector<rule> expected;
    if (r.id.target_iqn == "iqn.1997-05.com.amazon:trailing") expected.push_back(rule::whitespace_stripped);
    if (r.id.target_iqn == "iqn.1997-05.com.amazon:algs") expected.push_back(rule::chap_algs_without_md5);
    CHECK(rules_of(findings) == expected);
  }

  SECTION("one-way CHAP: the second portal's record has another secret") {
    const auto request = fx.update("iqn.1997-05.com.amazon:oneway", false);
    const auto got = oi::check_initiator(files, request);
    INFO("findings:" << describe_all(got));
    REQUIRE(rules_of(got) == std::vector<rule>{rule::password_mismatch, rule::usernames_not_checked,
                                               rule::running_sessions_not_checked});
    const oi::finding& f = got[0];
    CHECK(f.where.portal == "10.0.1.5,3260,1");
    CHECK(f.where.iface == "default");
    CHECK(f.address == "10.0.1.5");
    CHECK(f.port == "3260");
    const std::string_view text = fx.records.files[f.record].contents;
    CHECK(f.offset == end_of(text, "node.session.auth.password = "));
    CHECK(f.line == static_cast<std::size_t>(
                        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(f.offset), '\n')) +
                        1);
  }
  SECTION("mutual CHAP, matching") {
    const auto request = fx.update("iqn.1997-05.com.amazon:mutual", true);
    const auto got = oi::check_initiator(files, request);
    INFO("findings:" << describe_all(got));
    CHECK(rules_of(got) == std::vector<rule>{rule::usernames_not_checked, rule::running_sessions_not_checked});
  }
  SECTION("mutual CHAP on the gateway, one-way on the initiator") {
    const auto request = fx.update("iqn.1997-05.com.amazon:oneway", true);
    const auto got = oi::check_initiator(files, request);
    INFO("findings:" << describe_all(got));
    CHECK(rules_of(got) == std::vector<rule>{rule::mutual_chap_gateway_only, rule::password_mismatch,
                                             rule::mutual_chap_gateway_only, rule::usernames_not_checked,
                                             rule::running_sessions_not_checked});
  }
  SECTION("iscsiadm wrote a blank after the password; open-iscsi strips it") {
    const auto request = fx.update("iqn.1997-05.com.amazon:trailing", false);
    const auto got = oi::check_initiator(files, request);
    INFO("findings:" << describe_all(got));
    CHECK(rules_of(got) == std::vector<rule>{rule::whitespace_stripped, rule::usernames_not_checked,
                                             rule::running_sessions_not_checked});
  }
  SECTION("after DeleteChapCredentials: authmethod None, credentials left") {
    auto request =
        sgwchap::delete_chap_credentials_request::from_strings(arn_of("iqn.1997-05.com.amazon:deleted"), fx.name);
    REQUIRE(request.has_value());
    const auto got = oi::check_initiator(files, *request);
    INFO("findings:" << describe_all(got));
    CHECK(rules_of(got) == std::vector<rule>{rule::authmethod_none_with_credentials, rule::stale_credentials,
                                             rule::running_sessions_not_checked});
  }
  SECTION("chap_algs without MD5") {
    const auto request = fx.update("iqn.1997-05.com.amazon:algs", false);
    const auto got = oi::check_initiator(files, request);
    INFO("findings:" << describe_all(got));
    CHECK(rules_of(got) == std::vector<rule>{rule::chap_algs_without_md5, rule::usernames_not_checked,
                                             rule::running_sessions_not_checked});
  }
  SECTION("the old flat layout") {
    const auto flat = std::find_if(fx.records.files.begin(), fx.records.files.end(),
                                   [](const auto& r) { return r.id.target_iqn == "iqn.1997-05.com.amazon:flat"; });
    REQUIRE(flat != fx.records.files.end());
    CHECK(flat->id.portal == "10.0.0.10,3260");
    CHECK(flat->id.iface.empty());
    // iscsiadm still lists it (usr/idbm.c idbm_rec_read tries the flat file first).
    CHECK(read_file(fx.dir / "node-listing.txt").find("10.0.0.10:3260,1 iqn.1997-05.com.amazon:flat") !=
          std::string::npos);
    const auto request = fx.update("iqn.1997-05.com.amazon:flat", false);
    const auto got = oi::check_initiator(files, request);
    INFO("findings:" << describe_all(got));
    CHECK(rules_of(got) == std::vector<rule>{rule::usernames_not_checked, rule::running_sessions_not_checked});
  }
  SECTION("a target never discovered: Debian's iscsid.conf defaults carry no CHAP") {
    const auto request = fx.update("iqn.1997-05.com.amazon:absent", false);
    const auto got = oi::check_initiator(files, request);
    INFO("findings:" << describe_all(got));
    REQUIRE(rules_of(got) == std::vector<rule>{rule::no_node_record, rule::outgoing_credentials_missing,
                                               rule::running_sessions_not_checked});
    CHECK(got[1].file == oi::file_kind::iscsid_conf);
  }
  SECTION("a gateway secret with a trailing blank cannot be carried") {
    sgwchap::describe_chap_credentials_result described;
    described.chap_credentials.emplace();
    sgwchap::chap_info info;
    info.initiator_name = fx.name;
    info.secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked(std::string(s1) + " ");
    described.chap_credentials->push_back(std::move(info));
    const auto request =
        sgwchap::describe_chap_credentials_request::from_strings(arn_of("iqn.1997-05.com.amazon:trailing"));
    REQUIRE(request.has_value());
    const auto got = oi::check_initiator(files, *request, described);
    INFO("findings:" << describe_all(got));
    CHECK(rules_of(got) == std::vector<rule>{rule::gateway_secret_unrepresentable, rule::whitespace_stripped,
                                             rule::password_mismatch, rule::usernames_not_checked,
                                             rule::running_sessions_not_checked});
  }
}

namespace {

/// What iscsiadm wrote back: idbm_print's "name = value" lines (empty values are not written).
std::map<std::string, std::string> written_settings(const std::string& text) {
  std::map<std::string, std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    const std::size_t eq = line.find(" = ");
    if (line.rfind('#', 0) != 0 && eq != std::string::npos) out[line.substr(0, eq)] = line.substr(eq + 3);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

std::string algorithm_names(const oi::chap_algorithm_list& list) {
  std::string s;
  for (std::size_t i = 0; i < list.count; ++i) {
    if (!s.empty()) s += ",";
    switch (list.items[i]) {
      case oi::chap_algorithm::md5: s += "MD5"; break;
      case oi::chap_algorithm::sha1: s += "SHA1"; break;
      case oi::chap_algorithm::sha256: s += "SHA256"; break;
      case oi::chap_algorithm::sha3_256: s += "SHA3-256"; break;
    }
  }
  return s;
}

}  // namespace

TEST_CASE("the oracle: parse_node_record reads what iscsiadm reads", "[open_iscsi][real][oracle]") {
  const fixture fx;
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(fx.dir / "oracle")) {
    if (entry.path().extension() == ".in") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  CHECK(inputs.size() >= 30);
  for (const fs::path& input : inputs) {
    const std::string name = input.stem().string();
    INFO("case " << name);
    const std::string in = read_file(input);
    fs::path output = input;
    output.replace_extension(".out");
    const std::map<std::string, std::string> written = written_settings(read_file(output));
    const auto value = [&](const std::string& key) {
      const auto it = written.find(key);
      return it == written.end() ? std::string() : it->second;
    };
    const oi::node_record_file file{{"iqn.2001-04.com.example:oracle", "10.0.0.20,3260,1", "default"}, in};
    std::vector<oi::finding> findings;
    const oi::iscsi_config config = oi::parse_node_record(file, findings);
    const oi::auth_settings& a = config.session;
    CHECK(value("node.session.auth.authmethod") == (a.method == oi::auth_method::chap ? "CHAP" : "None"));
    CHECK(value("node.session.auth.username") == a.username.value);
    CHECK(value("node.session.auth.username_in") == a.username_in.value);
    // Secrets: compared as booleans, so a failure prints neither.
    CHECK((value("node.session.auth.password") == a.password.value.reveal()));
    CHECK((value("node.session.auth.password_in") == a.password_in.value.reveal()));
    CHECK(value("node.session.auth.chap_algs") == algorithm_names(a.algorithms));
    CHECK(value("node.name") == "iqn.2001-04.com.example:oracle");
  }
}
