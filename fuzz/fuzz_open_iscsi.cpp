// libFuzzer harness: <sgwchap/open_iscsi.hpp>, the parsers of open-iscsi's files and
// check_initiator.
//
// Input: a selector byte (which expectation: UpdateChapCredentials one-way or mutual,
// DeleteChapCredentials, DescribeChapCredentials), then parts separated by 0xFF bytes:
// initiatorname.iscsi, iscsid.conf, and up to four node records (identities fixed by position:
// the target, another target, the target's flat record, a second portal).
//
// Properties:
// - differential oracles: a literal emulation of open-iscsi's readers on NUL-terminated
//   buffers (fgets into 2048/1024 bytes, strlen, strstrip writing its NUL, the name/'=' pointer
//   walk that may step past that NUL, strstr/strchr for InitiatorName) gives the same effective
//   CHAP settings and InitiatorName as the view-based parsers;
// - every finding is well-formed: a known rule, a line that matches its byte offset, an offset
//   inside its file, a valid record index, a non-empty message ending in its rule id;
// - no message holds a planted secret (unless a non-secret value it quotes holds the same bytes),
//   and every message stays the same when every byte of every line naming a password is
//   overwritten afterwards: messages never depend on a secret's bytes, even on lines open-iscsi
//   could not read.
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sgwchap/open_iscsi.hpp>

#include "fuzz_common.hpp"

namespace {

namespace oi = sgwchap::open_iscsi;

// The planted secrets; the dictionary and the seeds carry them.
constexpr std::string_view initiator_secret = "Pl@nt3d!Init#01";
constexpr std::string_view target_secret = "Pl@nt3d%Targ#02";
constexpr std::string_view target_arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view initiator = "iqn.1993-08.org.debian:01:da65ae3337c1";

const std::array<oi::node_record_id, 4> identities = {{
    {"iqn.1997-05.com.amazon:myvolume", "10.0.0.5,3260,1", "default"},
    {"iqn.1997-05.com.amazon:other", "10.0.0.5,3260,1", "default"},
    {"iqn.1997-05.com.amazon:myvolume", "10.0.1.5,3260", ""},
    {"iqn.1997-05.com.amazon:myvolume", "10.0.1.5,3260,1", "default"},
}};

// ---------------------------------------------------------------------------------------------
// The oracle: open-iscsi's readers emulated on C strings (usr/idbm.c idbm_recinfo_config as
// patched in Debian's 2.1.8-1+deb12u1: "key too long" / "value too long"; usr/iscsi_util.c).

bool c_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

/// strstrip: trims in place (writes a NUL after the last kept byte), returns the new start.
char* c_strstrip(char* s) {
  std::size_t size = std::strlen(s);
  if (size == 0) return s;
  char* end = s + size - 1;
  while (end >= s && c_space(*end)) --end;
  *(end + 1) = '\0';
  while (*s != '\0' && c_space(*s)) ++s;
  return s;
}

struct emulated_auth {
  std::string authmethod = "None";
  std::string username, password, username_in, password_in;
  std::vector<std::string> algorithms = {"MD5"};
};

void emulate_update(emulated_auth& a, const std::string& name, const std::string& value) {
  if (name == "node.session.auth.authmethod") {
    if (value == "None" || value == "CHAP") a.authmethod = value;
  } else if (name == "node.session.auth.username") {
    a.username = value;
  } else if (name == "node.session.auth.password") {
    a.password = value;
  } else if (name == "node.session.auth.username_in") {
    a.username_in = value;
  } else if (name == "node.session.auth.password_in") {
    a.password_in = value;
  } else if (name == "node.session.auth.chap_algs") {
    std::vector<std::string> list;
    std::string token;
    for (std::size_t i = 0; i <= value.size(); ++i) {
      if (i == value.size() || value[i] == ',' || value[i] == ' ' || value[i] == '\n') {
        const bool known = token == "MD5" || token == "SHA1" || token == "SHA256" || token == "SHA3-256";
        bool repeated = false;
        for (const auto& t : list) repeated = repeated || t == token;
        if (known && !repeated) list.push_back(token);
        token.clear();
      } else {
        token += value[i];
      }
    }
    a.algorithms = list;
  }
}

emulated_auth emulate_config(std::string_view text) {
  emulated_auth a;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // fgets(buffer, 2048): at most 2047 bytes, through a '\n'; NUL-terminated.
    std::array<char, 2048 + 1> buffer{};
    std::size_t n = 0;
    while (n < 2047 && pos < text.size()) {
      buffer[n++] = text[pos++];
      if (buffer[n - 1] == '\n') break;
    }
    buffer[n] = '\0';
    const std::size_t len = std::strlen(buffer.data());
    if (len == 0 || buffer[len - 1] != '\n') continue;
    char* line = c_strstrip(buffer.data());
    if (*line == '\0' || *line == '#') continue;
    std::string name;
    char* p = line;
    while (*p != '\0' && !c_space(*p) && *p != '=') name += *p++;
    if (name.size() > 127) continue;  // "key too long" (and no key is that long)
    if (*p == '\0') continue;
    ++p;
    while (*p != '\0' && c_space(*p)) ++p;
    if (*p != '\0' && *p != '=') continue;
    ++p;  // may step past strstrip's NUL, onto the stripped blanks and fgets' NUL
    while (*p != '\0' && c_space(*p)) ++p;
    if (*p == '\0') continue;
    std::string value(p);
    if (value.size() > 255) value.resize(255);  // "value too long": the first 255 bytes
    emulate_update(a, name, value);
  }
  return a;
}

/// cfg_get_string_param(file, "InitiatorName").
std::optional<std::string> emulate_initiator_name(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::array<char, 1024 + 1> buffer{};
    std::size_t n = 0;
    while (n < 1023 && pos < text.size()) {
      buffer[n++] = text[pos++];
      if (buffer[n - 1] == '\n') break;
    }
    buffer[n] = '\0';
    char* line = buffer.data();
    char* param = std::strstr(line, "InitiatorName");
    if (param == nullptr) continue;
    const char* comment = std::strchr(line, '#');
    if (comment != nullptr && comment < param) continue;
    param = std::strchr(param, '=');
    if (param == nullptr) continue;
    ++param;
    if (std::strlen(param) == 0) continue;
    param = c_strstrip(param);
    if (std::strlen(param) == 0) continue;
    return std::string(param);
  }
  return std::nullopt;
}

std::string algorithm_name(oi::chap_algorithm a) {
  switch (a) {
    case oi::chap_algorithm::md5: return "MD5";
    case oi::chap_algorithm::sha1: return "SHA1";
    case oi::chap_algorithm::sha256: return "SHA256";
    case oi::chap_algorithm::sha3_256: return "SHA3-256";
  }
  return "?";
}

void check_against_emulation(const oi::auth_settings& a, std::string_view text) {
  const emulated_auth e = emulate_config(text);
  FUZZ_CHECK(e.authmethod == (a.method == oi::auth_method::chap ? "CHAP" : "None"));
  FUZZ_CHECK(e.username == a.username.value);
  FUZZ_CHECK(e.username_in == a.username_in.value);
  FUZZ_CHECK(e.password == a.password.value.reveal());
  FUZZ_CHECK(e.password_in == a.password_in.value.reveal());
  FUZZ_CHECK(e.algorithms.size() == a.algorithms.count);
  for (std::size_t i = 0; i < a.algorithms.count && i < e.algorithms.size(); ++i) {
    FUZZ_CHECK(e.algorithms[i] == algorithm_name(a.algorithms.items[i]));
  }
}

// ---------------------------------------------------------------------------------------------

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> parts;
  while (parts.size() < 5) {
    const std::size_t at = s.find('\xFF');
    if (at == std::string_view::npos) break;
    parts.emplace_back(s.substr(0, at));
    s.remove_prefix(at + 1);
  }
  parts.emplace_back(s);
  return parts;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

/// Overwrites every byte of every line that names a password (any case): the secrets, and what a
/// user meant as one on a line open-iscsi could not read.
void wipe_password_lines(std::string& text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string lower = text.substr(pos, nl - pos);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (contains(lower, "pass")) std::memset(text.data() + pos, 0xA5, nl - pos);
    pos = nl + 1;
  }
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1U : 0U;
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = sgwchap_fuzz::as_view(data, size);
  if (input.empty() || input.size() > 8192) return 0;
  const auto selector = static_cast<unsigned char>(input[0]) % 5U;
  input.remove_prefix(1);
  std::vector<std::string> parts = split(input);
  std::string name_file = parts[0];
  std::string conf = parts.size() > 1 ? parts[1] : std::string();
  std::vector<std::string> texts(parts.begin() + (parts.size() > 2 ? 2 : static_cast<std::ptrdiff_t>(parts.size())),
                                 parts.end());
  std::vector<oi::node_record_file> records;
  for (std::size_t i = 0; i < texts.size(); ++i) records.push_back({identities[i % identities.size()], texts[i]});
  const oi::initiator_files files{selector == 4 ? std::nullopt : std::optional<std::string_view>(name_file),
                                  parts.size() > 1 ? std::optional<std::string_view>(conf) : std::nullopt, records};

  // The parsers against the emulation.
  {
    std::vector<oi::finding> f;
    check_against_emulation(oi::parse_iscsid_conf(conf, f).session, conf);
    for (const auto& r : records) check_against_emulation(oi::parse_node_record(r, f).session, r.contents);
    const oi::initiator_name_file n = oi::parse_initiator_name_file(std::string_view(name_file), f);
    const auto emulated = emulate_initiator_name(name_file);
    FUZZ_CHECK(n.name.is_set() == emulated.has_value());
    if (emulated.has_value()) FUZZ_CHECK(n.name.value == *emulated);
    const auto id = oi::parse_node_record_path(name_file);
    if (id.has_value()) {
      FUZZ_CHECK(sgwchap_fuzz::lies_inside(id->target_iqn, name_file));
      FUZZ_CHECK(sgwchap_fuzz::lies_inside(id->portal, name_file));
      FUZZ_CHECK(sgwchap_fuzz::lies_inside(id->iface, name_file));
    }
  }

  // check_initiator against one expectation.
  auto update = sgwchap::update_chap_credentials_request::from_strings(
      target_arn, initiator, initiator_secret,
      selector == 1 || selector == 3 ? std::optional<std::string_view>(target_secret) : std::nullopt);
  auto remove = sgwchap::delete_chap_credentials_request::from_strings(target_arn, initiator);
  auto describe = sgwchap::describe_chap_credentials_request::from_strings(target_arn);
  FUZZ_CHECK(update.has_value() && remove.has_value() && describe.has_value());
  sgwchap::describe_chap_credentials_result described;
  described.chap_credentials.emplace();
  sgwchap::chap_info info;
  info.target_arn = std::string(target_arn);
  info.initiator_name = std::string(initiator);
  info.secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked(initiator_secret);
  info.secret_to_authenticate_target = sgwchap::chap_secret::unchecked(target_secret);
  described.chap_credentials->push_back(std::move(info));

  std::vector<oi::finding> findings;
  switch (selector) {
    case 0:
    case 1: findings = oi::check_initiator(files, *update); break;
    case 2: findings = oi::check_initiator(files, *remove); break;
    default: findings = oi::check_initiator(files, *describe, described); break;
  }

  const auto text_of = [&](const oi::finding& f) -> std::string_view {
    switch (f.file) {
      case oi::file_kind::initiator_name: return name_file;
      case oi::file_kind::iscsid_conf: return conf;
      case oi::file_kind::node_record: return f.record < texts.size() ? std::string_view(texts[f.record]) : "";
      case oi::file_kind::gateway: break;
    }
    return {};
  };
  std::vector<std::string> messages;
  FUZZ_CHECK(!findings.empty() && findings.back().id == oi::rule::running_sessions_not_checked);
  for (const oi::finding& f : findings) {
    FUZZ_CHECK(f.id >= oi::rule::missing_final_newline && f.id <= oi::last_rule);
    FUZZ_CHECK(f.file <= oi::file_kind::gateway);
    FUZZ_CHECK((f.file == oi::file_kind::node_record) == (f.record != static_cast<std::size_t>(-1)));
    if (f.file == oi::file_kind::node_record) FUZZ_CHECK(f.record < texts.size());
    if (f.line != 0) {
      const std::string_view text = text_of(f);
      FUZZ_CHECK(f.offset <= text.size());
      FUZZ_CHECK(f.line == line_of(text, f.offset));
    } else {
      FUZZ_CHECK(f.offset == 0);
    }
    std::string m = f.message();
    // Appended piecewise: GCC 12 -O2 warns (-Wrestrict, a known false positive) on "[" + string.
    std::string tail = "[";
    tail += oi::rule_name(f.id);
    tail += "]";
    FUZZ_CHECK(m.size() > tail.size() && m.compare(m.size() - tail.size(), tail.size(), tail) == 0);
    for (const std::string_view secret : {initiator_secret, target_secret}) {
      if (!contains(m, secret)) continue;
      // Only a non-secret value the message quotes may hold the same bytes.
      const bool quoted = contains(f.value, secret) || contains(f.other, secret) ||
                          contains(f.where.target_iqn, secret) || contains(f.where.portal, secret) ||
                          contains(f.where.iface, secret) || contains(f.target_iqn, secret);
      FUZZ_CHECK(quoted);
    }
    messages.push_back(std::move(m));
  }

  // Overwrite every password line of every file the findings may view: same messages.
  wipe_password_lines(conf);
  for (std::string& t : texts) wipe_password_lines(t);
  for (std::size_t i = 0; i < findings.size(); ++i) FUZZ_CHECK(findings[i].message() == messages[i]);
  return 0;
}
