// sgwchap tool — `sgwchap check-initiator`: reads this host's open-iscsi files and the gateway's
// CHAP state, prints every finding of <sgwchap/open_iscsi.hpp> with the line it is about and the
// commands that fix it.
//
//   sgwchap check-initiator --request FILE|- [--operation OP]      after UpdateChapCredentials or
//                                                                  DeleteChapCredentials (the body sent)
//   sgwchap check-initiator --describe FILE|- [--target-arn ARN] [--initiator-name NAME]
//   sgwchap call DescribeChapCredentials ... | sgwchap check-initiator [--target-arn ARN]
//           [--iscsi-dir DIR] [--db-root DIR] [--windows] [--allow-insecure-files]
//
// The gateway's state:
// - --request: an UpdateChapCredentials or DeleteChapCredentials request body (JSON, as
//   `sgwchap validate request` reads it), checked under --profile. The operation is --operation,
//   else UpdateChapCredentials when the body holds SecretToAuthenticateInitiator or
//   SecretToAuthenticateTarget, else DeleteChapCredentials ("expected: no CHAP").
// - --describe, or standard input when neither is given: a DescribeChapCredentials response body,
//   or the document `sgwchap decode response --operation DescribeChapCredentials --format json
//   --show-secrets` (and `sgwchap call`) prints, told apart by its members (valid, operation,
//   result). Its secrets must be real: a document printed without --show-secrets is refused. The
//   target is --target-arn, else the TargetARN every ChapInfo names; the initiator is
//   --initiator-name, else the InitiatorName of initiatorname.iscsi (the one iscsid uses).
//
// The files (Debian 12's layout; --iscsi-dir for another directory, --db-root when nodes/ is
// elsewhere, as in upstream builds from 2.1.9: /var/lib/iscsi): DIR/initiatorname.iscsi,
// DIR/iscsid.conf, and the target's node records under DBROOT/nodes/<target IQN>/. Every file is
// read into a buffer that is wiped when the command ends; node records and iscsid.conf hold CHAP
// passwords in plain text. A file that holds a secret and that group or others may access (any
// of mode 077), or that neither root nor the user running the tool owns, is refused (exit 2)
// unless --allow-insecure-files, which reports it as a finding instead: iscsiadm writes node
// records 0600 in 0700 directories (usr/iscsiadm.c main sets umask(0077) before usr/idbm.c
// idbm_rec_write's mkdir(..., 0770) and fopen(..., "w"), tag 2.1.8; the real-files tests assert
// the modes Debian's iscsiadm gives).
//
// Exit status: 0 when no finding is an error (nothing found that stops the login), 1 when one is,
// 2 on a usage error, an unreadable or refused file, or a gateway state that cannot be read.
#include "check_initiator.hpp"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/core.h>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/null_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serializer.hpp>
#include <boost/json/value.hpp>

#include <sgwchap/fmt.hpp>
#include <sgwchap/json.hpp>
#include <sgwchap/open_iscsi.hpp>

#include "initiator_fixes.hpp"
#include "input.hpp"
#include "report.hpp"

namespace sgwchap_tool {
namespace {

namespace oi = sgwchap::open_iscsi;
namespace fix = sgwchap_tool::initiator;
namespace fs = std::filesystem;

constexpr std::string_view check_initiator_command = "sgwchap check-initiator";

/// open-iscsi's files are a few kilobytes (a node record ~2.5 KiB, Debian's iscsid.conf ~14 KiB).
constexpr std::size_t max_config_bytes = std::size_t{1} << 20;

// ---------------------------------------------------------------------------------------------
// Reading files

/// A file read into a wiped buffer, with what fstat said about it.
struct input_file {
  std::string path;                   ///< As given or built; "standard input" for fd 0.
  std::optional<wiped_buffer> bytes;  ///< nullopt: the file is absent.
  bool regular{false};
  mode_t mode{0};
  uid_t owner{0};
  [[nodiscard]] std::string_view view() const noexcept { return bytes ? bytes->view() : std::string_view{}; }
};

/// Reads `fd` (already open) into `f`. An error message, or nullopt.
std::optional<std::string> read_fd(int fd, std::size_t max, bool regular_only, input_file& f) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::string(std::strerror(errno));
  f.regular = S_ISREG(st.st_mode);
  f.mode = st.st_mode;
  f.owner = st.st_uid;
  if (S_ISDIR(st.st_mode)) return std::string("it is a directory");
  if (regular_only && !f.regular) return std::string("it is not a regular file");
  std::size_t capacity = max + 1;
  if (f.regular) {
    if (st.st_size < 0 || static_cast<std::uint64_t>(st.st_size) > max) {
      return fmt::format("it is larger than {} bytes", max);
    }
    capacity = static_cast<std::size_t>(st.st_size) + 1;  // one more: a file that grew shows as truncated
  } else {
    // A pipe opened with O_NONBLOCK (so that opening a FIFO does not hang) must block to be read.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  }
  wiped_buffer buffer(capacity);
  if (const int err = read_all(fd, buffer); err != 0) return std::string(std::strerror(err));
  if (buffer.truncated() || buffer.size() > max) {
    return f.regular ? std::string("it changed while it was read") : fmt::format("it is larger than {} bytes", max);
  }
  f.bytes.emplace(std::move(buffer));
  return std::nullopt;
}

/// Reads the file at `path`. `optional`: an absent file (ENOENT) is no error and leaves `bytes`
/// empty. An error message, or nullopt.
std::optional<std::string> read_path(const std::string& path, std::size_t max, bool optional, bool regular_only,
                                     input_file& f) {
  f.path = path;
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    if (optional && errno == ENOENT) return std::nullopt;
    return std::string(std::strerror(errno));
  }
  auto error = read_fd(fd, max, regular_only, f);
  ::close(fd);
  return error;
}

/// "mode 0644" when group or others have any access, "owned by uid N" when neither root nor the
/// user running the tool owns it; nullopt when only they can read it.
std::optional<std::string> exposure(const input_file& f) {
  if (!f.regular) return std::nullopt;  // a pipe: nothing is left behind to protect
  if ((f.mode & 077U) != 0) {
    return fmt::format("group or others have access to it (mode {:04o})", static_cast<unsigned>(f.mode & 07777U));
  }
  if (f.owner != 0 && f.owner != ::geteuid()) {
    return fmt::format("it is owned by uid {}, who can read it and change its mode", static_cast<unsigned>(f.owner));
  }
  return std::nullopt;
}

/// True when an open-iscsi file holds a secret: a password open-iscsi reads, or any other line
/// (a skipped one, a misspelt key) whose name mentions "pass" other than the *_length keys.
bool config_holds_secret(std::string_view text, const oi::iscsi_config& parsed) {
  const auto has = [](const oi::auth_settings& a) { return !a.password.value.empty() || !a.password_in.value.empty(); };
  if (has(parsed.session) || has(parsed.discovery)) return true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    // Compared in place: the name may itself be a secret pasted on a line, so it is not copied.
    const std::string_view name = line.substr(0, line.find_first_of(" \t="));
    const auto lower = [&](std::size_t i) { return name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]; };
    bool mentions_pass = false;
    for (std::size_t i = 0; i + 4 <= name.size() && !mentions_pass; ++i) {
      mentions_pass = lower(i) == 'p' && lower(i + 1) == 'a' && lower(i + 2) == 's' && lower(i + 3) == 's';
    }
    constexpr std::string_view length_suffix = "_length";
    const bool length_key =
        name.size() >= length_suffix.size() && name.substr(name.size() - length_suffix.size()) == length_suffix;
    if (mentions_pass && !length_key) return true;
  }
  return false;
}

/// Why a secret-holding file is refused, in one line. `what`: what it holds; `usual`: how such
/// a file is normally protected.
std::string refusal(const input_file& f, std::string_view why, std::string_view what, std::string_view usual) {
  const bool foreign_owner = f.owner != 0 && f.owner != ::geteuid();
  return fmt::format("refusing to use '{}': it holds {}, and {}; {}: run {} on it, or pass --allow-insecure-files",
                     f.path, what, why, usual, foreign_owner ? "chown root and chmod 600" : "chmod 600");
}

constexpr std::string_view iscsiadm_mode = "Debian's iscsiadm writes node records 0600, in directories 0700";
constexpr std::string_view body_mode = "a file with CHAP secrets should be readable by its owner only";

// ---------------------------------------------------------------------------------------------
// The gateway's state

/// What the gateway holds, and the objects the expectation views into (not movable once set).
struct gateway_state {
  std::optional<sgwchap::update_chap_credentials_request> update;
  std::optional<sgwchap::delete_chap_credentials_request> removal;
  std::optional<sgwchap::describe_chap_credentials_request> describe_request;
  sgwchap::describe_chap_credentials_result answer;
  bool from_describe{false};
  std::string initiator_name;  ///< Describe: whose ChapInfo (given, from the files, or the only one)
  oi::expected_chap expected;
  std::string source;  ///< "the UpdateChapCredentials request", ...
  input_file input;    ///< The body as read (wiped at the end)
  bool input_holds_secret{false};
  gateway_state() = default;
  gateway_state(const gateway_state&) = delete;
  gateway_state& operator=(const gateway_state&) = delete;
};

/// One line for a request or response that cannot be used.
std::string first_problem(const sgwchap::error_list& errors) {
  const sgwchap::error& e = errors.front();
  std::string line = fmt::format("{} [{}]", e.message(), sgwchap::rule_name(e.code));
  if (errors.size() > 1) line += fmt::format(" and {} more", errors.size() - 1);
  return line;
}

std::string decode_problem(const sgwchap::decode_error& e) {
  std::string line =
      fmt::format("{} [{}]", static_cast<const sgwchap::error&>(e).message(), sgwchap::rule_name(e.code));
  if (!e.pointer.empty()) line += fmt::format(" at {}", e.pointer);
  return line;
}

/// Reads FILE, or standard input for "-" (never a terminal). An error message, or nullopt.
std::optional<std::string> read_state_input(const std::string& file, input_file& f) {
  const sgwchap::decode_options limits{};
  if (file == "-") {
    f.path = "standard input";
    if (::isatty(STDIN_FILENO) == 1) {
      return std::string(
          "standard input is a terminal: pipe the gateway's state into it (sgwchap call "
          "DescribeChapCredentials ... |), or give --request FILE or --describe FILE");
    }
    if (auto error = read_fd(STDIN_FILENO, limits.max_body_size, false, f)) {
      return fmt::format("cannot read standard input: {}", *error);
    }
    return std::nullopt;
  }
  if (auto error = read_path(file, limits.max_body_size, false, false, f)) {
    return fmt::format("cannot read '{}': {}", file, *error);
  }
  return std::nullopt;
}

/// --request: an Update or Delete body. An error message, or nullopt.
std::optional<std::string> load_request(const check_initiator_options& o, sgwchap::profile rules, gateway_state& g) {
  if (auto error = read_state_input(o.request, g.input)) return error;
  const std::string_view body = g.input.view();
  const std::string where =
      o.request == "-" ? std::string("the request on standard input") : fmt::format("the request in '{}'", o.request);
  std::optional<sgwchap::operation> op;
  if (o.operation_given->count() != 0) {
    op = sgwchap::parse_operation(o.operation);
    if (!op || *op == sgwchap::operation::describe_chap_credentials) {
      return fmt::format(
          "--request takes an UpdateChapCredentials or DeleteChapCredentials request, not '{}' (for "
          "DescribeChapCredentials give its response with --describe)",
          o.operation);
    }
  }
  const auto refuse_exposed = [&](std::string_view what) -> std::optional<std::string> {
    if (o.allow_insecure_files) return std::nullopt;
    if (auto why = exposure(g.input)) return refusal(g.input, *why, what, body_mode);
    return std::nullopt;
  };
  // Without --operation: an Update body is a superset of a Delete body, so decode as Update and
  // look at the secrets.
  auto update = sgwchap::decode_update_chap_credentials_request(body);
  if (!op && update.has_value()) {
    op = update->secret_to_authenticate_initiator || update->secret_to_authenticate_target
             ? sgwchap::operation::update_chap_credentials
             : sgwchap::operation::delete_chap_credentials;
  }
  if (!op) return fmt::format("cannot read {}: {}", where, decode_problem(update.error()));
  const std::string validate_hint =
      fmt::format("'sgwchap validate request --operation {}' lists every problem", sgwchap::operation_name(*op));
  const auto not_valid = [&](const sgwchap::error_list& errors, auto&& recheck) {
    std::string line = fmt::format("{} is not valid ({} profile): {}; {}", where, sgwchap::profile_name(rules),
                                   first_problem(errors), validate_hint);
    if (rules == sgwchap::profile::strict && recheck()) {
      line +=
          " (it passes the aws-model profile, what the service accepts: --profile aws-model checks the "
          "initiator against it)";
    }
    return line;
  };
  if (*op == sgwchap::operation::update_chap_credentials) {
    if (!update.has_value()) return fmt::format("cannot read {}: {}", where, decode_problem(update.error()));
    g.input_holds_secret = update->secret_to_authenticate_initiator || update->secret_to_authenticate_target;
    if (auto refused = refuse_exposed("CHAP secrets")) return refused;
    auto checked = sgwchap::check_request(*update, rules);
    if (!checked.has_value()) {
      return not_valid(checked.error(),
                       [&] { return sgwchap::check_request(*update, sgwchap::profile::aws_model).has_value(); });
    }
    g.update.emplace(std::move(*checked));
    g.expected = oi::expect(*g.update);
    g.source = "the UpdateChapCredentials request";
  } else {
    auto removal = sgwchap::decode_delete_chap_credentials_request(body);
    if (!removal.has_value()) return fmt::format("cannot read {}: {}", where, decode_problem(removal.error()));
    auto checked = sgwchap::check_request(*removal, rules);
    if (!checked.has_value()) {
      return not_valid(checked.error(),
                       [&] { return sgwchap::check_request(*removal, sgwchap::profile::aws_model).has_value(); });
    }
    g.removal.emplace(std::move(*checked));
    g.expected = oi::expect(*g.removal);
    g.source = "the DeleteChapCredentials request";
  }
  return std::nullopt;
}

/// The DescribeChapCredentials result in `body`: a raw response, or the document sgwchap prints
/// (`{"valid":true,"operation":"DescribeChapCredentials","result":{...},"warnings":[...]}`),
/// told apart by its top-level members. The document is read into a Boost.JSON DOM whose every
/// byte is in `arena` (a wiped buffer; nothing is allocated elsewhere), and its "result" is
/// written back into another wiped buffer for the library's decoder.
std::optional<std::string> decode_describe(std::string_view body, std::string_view where,
                                           sgwchap::describe_chap_credentials_result& out) {
  const sgwchap::decode_options limits{};
  const auto decode_raw = [&](std::string_view text) -> std::optional<std::string> {
    auto decoded = sgwchap::decode_describe_chap_credentials_response(text, limits);
    if (!decoded.has_value()) return fmt::format("cannot read {}: {}", where, decode_problem(decoded.error()));
    out = std::move(*decoded);
    return std::nullopt;
  };
  wiped_buffer arena(body.size() * 8 + 65536);
  wiped_buffer scratch(4096);
  std::optional<wiped_buffer> result_text;
  {
    boost::json::monotonic_resource memory(reinterpret_cast<unsigned char*>(arena.data()), arena.capacity(),
                                           boost::json::get_null_resource());
    boost::json::value doc;
    boost::system::error_code ec;
    try {
      boost::json::parser parser(boost::json::storage_ptr(&memory), boost::json::parse_options{},
                                 reinterpret_cast<unsigned char*>(scratch.data()), scratch.capacity());
      parser.reset(boost::json::storage_ptr(&memory));
      (void)parser.write(body.data(), body.size(), ec);  // one whole document, nothing after it
      if (!ec) doc = parser.release();
    } catch (const std::bad_alloc&) {
      ec = boost::json::error::exception;  // over the arena: the library's decoder says why below
    }
    sgwchap::detail::burn_stack();  // the parser unescapes strings on its stack
    if (ec || !doc.is_object()) return decode_raw(body);
    const boost::json::object& top = doc.get_object();
    const bool is_document =
        top.contains("result") || top.contains("valid") || top.contains("operation") || top.contains("problems");
    if (!is_document) return decode_raw(body);
    const boost::json::value* valid = top.if_contains("valid");
    if (valid == nullptr || !valid->is_bool() || !valid->get_bool()) {
      return fmt::format("{} is an sgwchap document of a response that could not be decoded (\"valid\" is not true)",
                         where);
    }
    const boost::json::value* operation = top.if_contains("operation");
    if (operation == nullptr || !operation->is_string() || operation->get_string() != "DescribeChapCredentials") {
      return fmt::format("{} is an sgwchap document, but not of a DescribeChapCredentials response", where);
    }
    const boost::json::value* result = top.if_contains("result");
    if (result == nullptr || !result->is_object()) {
      return fmt::format("{} is an sgwchap document without a \"result\" object", where);
    }
    // Written back, it is no longer than the body plus escapes of control characters.
    result_text.emplace(body.size() * 2 + 64);
    // The serializer's own stack holds positions, not text: the bytes go straight to result_text.
    boost::json::serializer writer;
    writer.reset(result);
    std::size_t used = 0;
    while (!writer.done() && used < result_text->capacity()) {
      used += writer.read(result_text->data() + used, result_text->capacity() - used).size();
    }
    if (!writer.done()) return fmt::format("{} is too large to read", where);
    result_text->set_size(used);
  }
  return decode_raw(result_text->view());
}

/// --describe, or standard input: a Describe response. The expectation is made later, once the
/// initiator's name is known. An error message, or nullopt.
std::optional<std::string> load_describe(const check_initiator_options& o, sgwchap::profile rules, gateway_state& g) {
  const std::string file = o.describe_given->count() != 0 ? o.describe : std::string("-");
  if (auto error = read_state_input(file, g.input)) return error;
  const std::string where =
      file == "-" ? std::string("the response on standard input") : fmt::format("the response in '{}'", o.describe);
  if (auto error = decode_describe(g.input.view(), where, g.answer)) return error;
  if (!g.answer.chap_credentials.has_value()) {
    return fmt::format("{} has no ChapCredentials member: it is not a DescribeChapCredentials response", where);
  }
  bool any_secret = false;
  for (const sgwchap::chap_info& info : *g.answer.chap_credentials) {
    for (const auto* secret : {&info.secret_to_authenticate_initiator, &info.secret_to_authenticate_target}) {
      if (!secret->has_value()) continue;
      any_secret = true;
      if ((*secret)->reveal() == sgwchap::chap_secret::redacted) {
        return fmt::format("the secrets in {} are redacted: run the command that printed it with --show-secrets",
                           where);
      }
    }
  }
  g.input_holds_secret = any_secret;
  if (any_secret && !o.allow_insecure_files) {
    if (auto why = exposure(g.input)) return refusal(g.input, *why, "CHAP secrets", body_mode);
  }
  // The target: --target-arn, else the one every ChapInfo names.
  std::string arn = o.target_arn;
  if (o.target_arn_given->count() == 0) {
    for (const sgwchap::chap_info& info : *g.answer.chap_credentials) {
      if (!info.target_arn.has_value() || (!arn.empty() && *info.target_arn != arn)) {
        arn.clear();
        break;
      }
      arn = *info.target_arn;
    }
    if (arn.empty()) {
      return fmt::format("give --target-arn: the ChapCredentials of {} do not all name one TargetARN", where);
    }
  }
  auto request = sgwchap::describe_chap_credentials_request::from_strings(arn, rules);
  if (!request.has_value()) {
    const sgwchap::error& e = request.error().front();
    return fmt::format("{}: {} [{}]", o.target_arn_given->count() != 0 ? "--target-arn" : "the TargetARN", e.message(),
                       sgwchap::rule_name(e.code));
  }
  g.describe_request.emplace(std::move(*request));
  if (o.initiator_name_given->count() != 0) {
    const auto name = sgwchap::parse_iscsi_name(o.initiator_name, rules);
    if (!name.has_value()) {
      return fmt::format("--initiator-name: {} [{}]", name.error().message(), sgwchap::rule_name(name.error().code));
    }
    g.initiator_name = o.initiator_name;
  }
  g.from_describe = true;
  g.source = "the DescribeChapCredentials response";
  return std::nullopt;
}

void make_describe_expectation(gateway_state& g) {
  g.expected = oi::expect(g.answer, g.describe_request->target_arn().str(), g.initiator_name);
}

// ---------------------------------------------------------------------------------------------
// The initiator's files

struct initiator_tree {
  std::string dir;      ///< --iscsi-dir
  std::string db_root;  ///< --db-root, else dir
  input_file name_file;
  input_file conf;
  std::vector<std::string> record_paths;  ///< relative to db_root: nodes/<IQN>/<portal>[/<iface>]
  std::vector<input_file> records;
  std::vector<oi::node_record_file> record_files;  ///< ids view into record_paths
  bool nodes_dir_missing{false};
};

/// A path under `dir`.
std::string join(const std::string& dir, std::string_view name) {
  if (!dir.empty() && dir.back() == '/') return dir + std::string(name);
  return fix::cat({dir, "/", name});
}

/// Reads the files; an error message, or nullopt. Only the target's node records are read.
std::optional<std::string> read_tree(const check_initiator_options& o, std::string_view target_iqn, initiator_tree& t) {
  t.dir = o.iscsi_dir;
  t.db_root = o.db_root_given->count() != 0 ? o.db_root : o.iscsi_dir;
  std::error_code ec;
  for (const std::string* dir : {&t.dir, &t.db_root}) {
    if (!fs::is_directory(*dir, ec)) return fmt::format("'{}' is not a directory", *dir);
  }
  if (auto error = read_path(join(t.dir, "initiatorname.iscsi"), max_config_bytes, true, true, t.name_file)) {
    return fmt::format("cannot read '{}': {}", t.name_file.path, *error);
  }
  if (auto error = read_path(join(t.dir, "iscsid.conf"), max_config_bytes, true, true, t.conf)) {
    return fmt::format("cannot read '{}': {}", t.conf.path, *error);
  }
  const std::string nodes = join(t.db_root, "nodes");
  t.nodes_dir_missing = !fs::is_directory(nodes, ec);
  // The target's directory: nodes/<IQN>/ holds <address>,<port>,<tpgt>/<iface> files, or flat
  // <address>,<port> files (usr/idbm.c idbm_rec_read).
  if (!t.nodes_dir_missing && !target_iqn.empty() && target_iqn.find('/') == std::string_view::npos &&
      target_iqn != "." && target_iqn != "..") {
    const std::string target_dir = join(nodes, target_iqn);
    const std::string relative_target = fix::cat({"nodes/", target_iqn});
    if (fs::is_directory(target_dir, ec)) {
      for (const fs::directory_entry& portal : fs::directory_iterator(target_dir, ec)) {
        const std::string portal_name = portal.path().filename().string();
        if (portal.is_regular_file(ec)) {
          t.record_paths.push_back(fix::cat({relative_target, "/", portal_name}));
        } else if (portal.is_directory(ec)) {
          for (const fs::directory_entry& iface : fs::directory_iterator(portal.path(), ec)) {
            if (iface.is_regular_file(ec)) {
              t.record_paths.push_back(
                  fix::cat({relative_target, "/", portal_name, "/", iface.path().filename().string()}));
            }
          }
        }
      }
      if (ec) return fmt::format("cannot list '{}': {}", target_dir, ec.message());
    }
  }
  std::sort(t.record_paths.begin(), t.record_paths.end());  // directory order is not stable
  // Paths of another shape (a stray file) are not records open-iscsi reads.
  std::erase_if(t.record_paths, [](const std::string& p) { return !oi::parse_node_record_path(p).has_value(); });
  t.records.resize(t.record_paths.size());
  for (std::size_t i = 0; i < t.record_paths.size(); ++i) {
    if (auto error = read_path(join(t.db_root, t.record_paths[i]), max_config_bytes, false, true, t.records[i])) {
      return fmt::format("cannot read '{}': {}", t.records[i].path, *error);
    }
  }
  // record_paths no longer changes: the ids may view into it.
  for (std::size_t i = 0; i < t.record_paths.size(); ++i) {
    t.record_files.push_back({*oi::parse_node_record_path(t.record_paths[i]), t.records[i].view()});
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// The report

struct report_item {
  std::string rule;
  oi::severity level{oi::severity::note};
  std::string message;
  std::string file;  ///< The file's path; empty for the gateway or the host.
  std::size_t line{0};
  std::size_t offset{0};
  std::string_view key;
  std::string_view target;
  std::string_view portal;
  std::string_view iface;
  std::optional<fix::shown_line> shown;
  std::vector<std::string> fix_lines;
};

std::string_view chap_state_name(oi::gateway_chap s) {
  switch (s) {
    case oi::gateway_chap::none: return "none";
    case oi::gateway_chap::one_way: return "one_way";
    case oi::gateway_chap::mutual: return "mutual";
  }
  return "none";
}

std::string_view chap_state_words(oi::gateway_chap s) {
  switch (s) {
    case oi::gateway_chap::none: return "no CHAP";
    case oi::gateway_chap::one_way: return "one-way CHAP";
    case oi::gateway_chap::mutual: return "mutual CHAP";
  }
  return "no CHAP";
}

std::string_view severity_colour(const palette& c, oi::severity s) {
  if (!c.enabled()) return {};
  switch (s) {
    case oi::severity::error: return c.error;
    case oi::severity::warning: return "\x1b[1;35m";  // bold magenta, as compilers draw warnings
    case oi::severity::note: return c.note;
  }
  return {};
}

struct counts {
  std::size_t errors{0}, warnings{0}, notes{0};
};

counts count(const std::vector<report_item>& items) {
  counts n;
  for (const report_item& i : items) {
    switch (i.level) {
      case oi::severity::error: ++n.errors; break;
      case oi::severity::warning: ++n.warnings; break;
      case oi::severity::note: ++n.notes; break;
    }
  }
  return n;
}

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

struct report {
  bool windows{false};
  const gateway_state* gateway{nullptr};
  std::string_view initiator_name;  ///< The initiator the check is about.
  const initiator_tree* tree{nullptr};
  std::vector<report_item> items;
  std::vector<std::string> commands;  ///< --windows: the PowerShell lines
};

void print_text(const output& out, const report& r) {
  const palette& c = out.colours;
  const oi::expected_chap& e = r.gateway->expected;
  std::string text = fmt::format("checking initiator {} for target {}{}: the gateway has {} (from {})\n",
                                 sgwchap::escaped{r.initiator_name.empty() ? "(unknown)" : r.initiator_name},
                                 sgwchap::escaped{e.target_iqn}, r.windows ? " on a Windows host" : "",
                                 chap_state_words(e.state), r.gateway->source);
  const std::vector<std::string>* previous_fix = nullptr;
  bool uses_initiator_secret = false;
  bool uses_target_secret = false;
  const auto note_variables = [&](std::string_view line) {
    uses_initiator_secret = uses_initiator_secret || line.find(fix::initiator_secret_env) != std::string_view::npos;
    uses_target_secret = uses_target_secret || line.find(fix::target_secret_env) != std::string_view::npos;
  };
  for (const report_item& i : r.items) {
    fmt::format_to(std::back_inserter(text), "{}{}:{} {}\n", severity_colour(c, i.level), oi::severity_name(i.level),
                   c.reset, sgwchap::escaped{i.message});
    if (!i.file.empty()) {
      if (i.line != 0) {
        fmt::format_to(std::back_inserter(text), "  --> {}:{}\n", sgwchap::escaped{i.file}, i.line);
      } else {
        fmt::format_to(std::back_inserter(text), "  --> {}\n", sgwchap::escaped{i.file});
      }
    }
    if (i.shown) {
      const std::size_t window = i.shown->text.size() > 120 ? 100 : 0;
      fmt::format_to(std::back_inserter(text), "{}\n",
                     sgwchap::caret_lines{i.shown->text, i.shown->caret, 4, window, c.caret, c.reset});
      if (i.shown->key_only) text += "    (the value is a secret: not shown)\n";
    }
    if (!i.fix_lines.empty() && previous_fix != nullptr && *previous_fix == i.fix_lines) {
      text += "  fix: as above\n";
    } else {
      for (const std::string& line : i.fix_lines) {
        fmt::format_to(std::back_inserter(text), "  {}fix:{} {}\n", c.ok, c.reset, sgwchap::escaped{line});
        note_variables(line);
      }
    }
    if (!i.fix_lines.empty()) previous_fix = &i.fix_lines;
  }
  if (r.windows) {
    text += "PowerShell, as Administrator, on the Windows host:\n";
    for (const std::string& line : r.commands) {
      fmt::format_to(std::back_inserter(text), "  {}\n", sgwchap::escaped{line});
      if (line.empty() || line.front() != '#') note_variables(line);
    }
  }
  const counts n = count(r.items);
  const std::string_view verdict = n.errors != 0 ? "the login will fail"
                                   : r.windows   ? "nothing in the gateway's state stops a Windows login"
                                                 : "nothing found that stops the login";
  fmt::format_to(std::back_inserter(text), "{}, {}, {}: {}\n", plural(n.errors, "error"), plural(n.warnings, "warning"),
                 plural(n.notes, "note"), verdict);
  if (uses_initiator_secret || uses_target_secret) {
    std::string which;
    if (uses_initiator_secret)
      which = fmt::format(SGWCHAP_NAME_SecretToAuthenticateInitiator " from {}", fix::initiator_secret_env);
    if (uses_target_secret) {
      which += fmt::format("{}" SGWCHAP_NAME_SecretToAuthenticateTarget " from {}", which.empty() ? "" : " and ",
                           fix::target_secret_env);
    }
    const std::string_view first = uses_initiator_secret ? fix::initiator_secret_env : fix::target_secret_env;
    const std::string how =
        r.windows
            ? fmt::format(
                  "PowerShell: $env:{} = [Net.NetworkCredential]::new('', (Read-Host -AsSecureString)).Password", first)
            : fmt::format("bash: read -rs {0}; export {0}", first);
    fmt::format_to(std::back_inserter(text), "{}note:{} the commands read {}: set {} without echoing ({})\n", c.note,
                   c.reset, which, uses_initiator_secret && uses_target_secret ? "them" : "it", how);
  }
  out.write(text);
}

void print_json(const output& out, const report& r) {
  const oi::expected_chap& e = r.gateway->expected;
  const counts n = count(r.items);
  json_writer j;
  j.begin_object().member("ok", n.errors == 0).member("host", r.windows ? "windows" : "linux");
  j.key("expected").begin_object();
  j.member("source", sgwchap::operation_name(e.source)).member("target", e.target_iqn);
  j.member("initiator_name", r.initiator_name).member("chap", chap_state_name(e.state));
  j.end_object();
  if (r.tree != nullptr) {
    const initiator_tree& t = *r.tree;
    j.key("files").begin_object();
    j.key("initiatorname");
    if (t.name_file.bytes)
      j.string(t.name_file.path);
    else
      j.null();
    j.key("iscsid_conf");
    if (t.conf.bytes)
      j.string(t.conf.path);
    else
      j.null();
    j.key("node_records").begin_array();
    for (const input_file& f : t.records) j.string(f.path);
    j.end_array().end_object();
  }
  j.key("findings").begin_array();
  for (const report_item& i : r.items) {
    j.begin_object().member("rule", i.rule).member("severity", oi::severity_name(i.level));
    j.key("file");
    if (i.file.empty())
      j.null();
    else
      j.string(i.file);
    j.member("line", static_cast<std::uint64_t>(i.line)).member("offset", static_cast<std::uint64_t>(i.offset));
    const auto optional_member = [&](std::string_view name, std::string_view value) {
      j.key(name);
      if (value.empty())
        j.null();
      else
        j.string(value);
    };
    optional_member("key", i.key);
    optional_member("target", i.target);
    optional_member("portal", i.portal);
    optional_member("iface", i.iface);
    j.member("message", i.message);
    j.key("fix").begin_array();
    for (const std::string& line : i.fix_lines) j.string(line);
    j.end_array().end_object();
  }
  j.end_array();
  if (r.windows) {
    j.key("commands").begin_array();
    for (const std::string& line : r.commands) j.string(line);
    j.end_array();
  }
  j.key("counts").begin_object();
  j.member("error", static_cast<std::uint64_t>(n.errors)).member("warning", static_cast<std::uint64_t>(n.warnings));
  j.member("note", static_cast<std::uint64_t>(n.notes)).end_object();
  j.end_object();
  out.write(j.str() + "\n");
}

int finish(const output& out, const report& r) {
  if (out.format == output_format::json)
    print_json(out, r);
  else
    print_text(out, r);
  return count(r.items).errors != 0 ? exit_invalid : exit_ok;
}

report_item exposed_item(const input_file& f, std::string why) {
  report_item i;
  i.rule = fix::tool_rule_name(fix::tool_rule::file_open_to_others);
  i.level = fix::tool_rule_severity(fix::tool_rule::file_open_to_others);
  i.file = f.path;
  i.message = fmt::format("{} holds CHAP secrets in plain text and {} [{}]", f.path, why, i.rule);
  if (const auto path = fix::shell_word(f.path)) {
    i.fix_lines.push_back("chmod 600 " + *path);
    if (f.owner != 0 && f.owner != ::geteuid()) i.fix_lines.push_back("chown root " + *path);
  }
  return i;
}

std::string_view target_arn_of(const gateway_state& g) {
  if (g.update) return g.update->target_arn().str();
  if (g.removal) return g.removal->target_arn().str();
  return g.describe_request->target_arn().str();
}

/// "gateway (DescribeChapCredentials, target T): ", as the library starts its gateway findings.
std::string gateway_subject(const oi::expected_chap& e) {
  return fmt::format("gateway ({}, target {}): ", sgwchap::operation_name(e.source), e.target_iqn);
}

report_item tool_item(fix::tool_rule rule, std::string message) {
  report_item i;
  i.rule = fix::tool_rule_name(rule);
  i.level = fix::tool_rule_severity(rule);
  i.message = fmt::format("{} [{}]", message, i.rule);
  return i;
}

/// The Linux check: the files against the expectation.
int check_linux(const output& out, const check_initiator_options& o, gateway_state& g) {
  const std::string_view arn = target_arn_of(g);
  initiator_tree tree;
  if (auto error = read_tree(o, oi::target_iqn_of(arn), tree)) return usage_error(*error, check_initiator_command);

  report r;
  r.gateway = &g;
  r.tree = &tree;
  if (o.allow_insecure_files && g.input_holds_secret) {
    if (auto why = exposure(g.input)) r.items.push_back(exposed_item(g.input, std::move(*why)));
  }
  // Files holding secrets that others may read: refused, or reported with --allow-insecure-files.
  {
    std::vector<oi::finding> ignored;  // the check below reports them
    const auto guard = [&](const input_file& f, const oi::iscsi_config& parsed) -> std::optional<std::string> {
      if (!config_holds_secret(f.view(), parsed)) return std::nullopt;
      auto why = exposure(f);
      if (!why) return std::nullopt;
      if (!o.allow_insecure_files) return refusal(f, *why, "CHAP passwords in plain text", iscsiadm_mode);
      r.items.push_back(exposed_item(f, std::move(*why)));
      return std::nullopt;
    };
    if (tree.conf.bytes) {
      if (auto refused = guard(tree.conf, oi::parse_iscsid_conf(tree.conf.view(), ignored))) {
        return usage_error(*refused, check_initiator_command);
      }
    }
    for (std::size_t i = 0; i < tree.records.size(); ++i) {
      if (auto refused = guard(tree.records[i], oi::parse_node_record(tree.record_files[i], ignored))) {
        return usage_error(*refused, check_initiator_command);
      }
    }
  }
  // A Describe answer is read for the initiator iscsid uses, unless --initiator-name named one.
  if (g.from_describe) {
    if (g.initiator_name.empty() && tree.name_file.bytes) {
      std::vector<oi::finding> ignored;
      const oi::initiator_name_file parsed = oi::parse_initiator_name_file(tree.name_file.view(), ignored);
      if (parsed.name.is_set()) g.initiator_name = std::string(parsed.name.value);
    }
    make_describe_expectation(g);
  }
  r.initiator_name = g.expected.initiator_name;

  const oi::initiator_files files{
      tree.name_file.bytes ? std::optional<std::string_view>(tree.name_file.view()) : std::nullopt,
      tree.conf.bytes ? std::optional<std::string_view>(tree.conf.view()) : std::nullopt, tree.record_files};
  std::vector<oi::finding> findings;
  oi::check_initiator(files, g.expected, findings);
  for (const oi::finding& f : findings) {
    report_item i;
    i.rule = oi::rule_name(f.id);
    i.level = f.level();
    i.message = f.message();  // never holds a secret (open_iscsi.hpp)
    i.line = f.line;
    i.offset = f.offset;
    i.key = oi::key_name(f.key);
    const input_file* file = nullptr;
    switch (f.file) {
      case oi::file_kind::initiator_name: file = &tree.name_file; break;
      case oi::file_kind::iscsid_conf: file = &tree.conf; break;
      case oi::file_kind::node_record: file = f.record < tree.records.size() ? &tree.records[f.record] : nullptr; break;
      case oi::file_kind::gateway: break;
    }
    if (file != nullptr) i.file = file->path;
    if (file != nullptr && file->bytes) i.shown = fix::line_to_show(file->view(), f.file, f.line, f.offset);
    if (f.file == oi::file_kind::node_record) {
      i.target = f.where.target_iqn;
      i.portal = f.where.portal;
      i.iface = f.where.iface;
    } else {
      i.target = f.target_iqn;
    }
    const fix::fix_context context{&g.expected, arn, i.file, tree.nodes_dir_missing};
    i.fix_lines = fix::linux_fix(f, context);
    r.items.push_back(std::move(i));
  }
  return finish(out, r);
}

/// --windows: no files; what the gateway's state means for a Windows initiator, and the lines
/// that set one up for it.
int check_windows(const output& out, const check_initiator_options& o, gateway_state& g) {
  if (g.from_describe) {
    if (g.initiator_name.empty()) {
      const auto& list = *g.answer.chap_credentials;
      if (list.size() != 1 || !list.front().initiator_name.has_value()) {
        return usage_error(fmt::format("give --initiator-name: with --windows no initiatorname.iscsi is read, and the "
                                       "response lists {}",
                                       plural(list.size(), "initiator")),
                           check_initiator_command);
      }
      g.initiator_name = *list.front().initiator_name;
    }
    make_describe_expectation(g);
  }
  const oi::expected_chap& e = g.expected;
  report r;
  r.windows = true;
  r.gateway = &g;
  r.initiator_name = e.initiator_name;
  if (o.allow_insecure_files && g.input_holds_secret) {
    if (auto why = exposure(g.input)) r.items.push_back(exposed_item(g.input, std::move(*why)));
  }
  r.items.push_back(tool_item(fix::tool_rule::windows_settings_not_read,
                              "host: the Windows initiator's own settings are not read (its CHAP secrets stay with "
                              "the iSCSI service); the PowerShell lines below set it up for the gateway's state"));
  if (e.state == oi::gateway_chap::none && e.source == sgwchap::operation::describe_chap_credentials) {
    r.items.push_back(tool_item(fix::tool_rule::windows_gateway_has_no_chap,
                                gateway_subject(e) + std::string(oi::rule_description(oi::rule::gateway_has_no_chap))));
  }
  const auto secret = [&](const sgwchap::chap_secret* s, std::string_view member) {
    if (s == nullptr) {
      r.items.push_back(tool_item(fix::tool_rule::windows_gateway_secret_missing,
                                  fmt::format("{}{} is absent from the DescribeChapCredentials answer: the lines below "
                                              "read it from a variable you set",
                                              gateway_subject(e), member)));
      return;
    }
    // https://learn.microsoft.com/windows/win32/api/iscsidsc/nf-iscsidsc-setiscsiinitiatorchapsharedsecret
    if (s->size() < oi::limits::secret_min_bytes || s->size() > oi::limits::secret_max_bytes) {
      report_item i = tool_item(fix::tool_rule::windows_secret_length,
                                fmt::format("{}{} is {} long: Windows accepts 12..16 bytes without IPsec, so the "
                                            "login fails",
                                            gateway_subject(e), member, plural(s->size(), "byte")));
      i.fix_lines.emplace_back("# choose a secret of 12..16 bytes and send UpdateChapCredentials again");
      r.items.push_back(std::move(i));
    }
  };
  if (e.state != oi::gateway_chap::none)
    secret(e.secret_to_authenticate_initiator, SGWCHAP_NAME_SecretToAuthenticateInitiator);
  if (e.state == oi::gateway_chap::mutual) {
    secret(e.secret_to_authenticate_target, SGWCHAP_NAME_SecretToAuthenticateTarget);
    r.items.push_back(tool_item(
        fix::tool_rule::windows_one_mutual_secret,
        "host: Windows keeps one mutual-CHAP secret for all its targets (Set-IscsiChapSecret): every target this "
        "host uses mutual CHAP with needs the same " SGWCHAP_NAME_SecretToAuthenticateTarget));
  }
  r.commands = fix::windows_commands(e, e.initiator_name);
  return finish(out, r);
}

}  // namespace

CLI::App* add_check_initiator_command(CLI::App& app, check_initiator_options& o, const std::string& footer) {
  CLI::App* cmd = app.add_subcommand(
      "check-initiator",
      "After UpdateChapCredentials or DeleteChapCredentials: will this host's open-iscsi log in? Prints each "
      "finding and the commands that fix it");
  o.request_given = cmd->add_option("--request", o.request,
                                    "The UpdateChapCredentials or DeleteChapCredentials request body sent (FILE, or - "
                                    "for standard input)");
  o.operation_given =
      cmd->add_option("--operation", o.operation,
                      "The request's operation (default: UpdateChapCredentials when the body holds a secret, else "
                      "DeleteChapCredentials)");
  o.describe_given = cmd->add_option("--describe", o.describe,
                                     "A DescribeChapCredentials response: its body, or what 'sgwchap decode response "
                                     "--format json --show-secrets' or 'sgwchap call' prints (FILE, or -; the "
                                     "default is standard input)");
  o.target_arn_given = cmd->add_option("--target-arn", o.target_arn,
                                       "With a Describe response: the TargetARN it was asked for (default: the one its "
                                       "ChapCredentials name)");
  o.initiator_name_given =
      cmd->add_option("--initiator-name", o.initiator_name,
                      "With a Describe response: whose credentials to expect (default: the " SGWCHAP_NAME_InitiatorName
                      " of initiatorname.iscsi)");
  o.iscsi_dir_given = cmd->add_option("--iscsi-dir", o.iscsi_dir,
                                      "Where initiatorname.iscsi, iscsid.conf and nodes/ are (default /etc/iscsi, "
                                      "Debian's layout)");
  o.db_root_given = cmd->add_option("--db-root", o.db_root,
                                    "Where nodes/ is when not in --iscsi-dir (upstream builds from 2.1.9: "
                                    "/var/lib/iscsi)");
  cmd->add_flag("--windows", o.windows,
                "The initiator is a Windows host: read no files, print the PowerShell lines for the gateway's state");
  cmd->add_flag("--allow-insecure-files", o.allow_insecure_files,
                "Use a file holding secrets that group or others may read (reported as a warning)");
  o.request_given->excludes(o.describe_given);
  o.request_given->excludes(o.target_arn_given);
  o.request_given->excludes(o.initiator_name_given);
  o.operation_given->needs(o.request_given);
  cmd->fallthrough()->footer(
      "The fix commands read " SGWCHAP_NAME_SecretToAuthenticateInitiator
      " from $SGWCHAP_INITIATOR_SECRET and\n" SGWCHAP_NAME_SecretToAuthenticateTarget
      " from $SGWCHAP_TARGET_SECRET; no secret is ever printed.\n"
      "Exit status: 0 nothing found that stops the login, 1 a finding is an error, 2 usage error,\n"
      "an unreadable or refused file, or a gateway state that cannot be read.\n" +
      footer);
  return cmd;
}

int check_initiator(const output& out, const check_initiator_options& o) {
  if (o.windows && (o.iscsi_dir_given->count() != 0 || o.db_root_given->count() != 0)) {
    return usage_error("--windows reads no open-iscsi files: --iscsi-dir and --db-root do not go with it",
                       check_initiator_command);
  }
  gateway_state g;
  auto error = o.request_given->count() != 0 ? load_request(o, out.rules, g) : load_describe(o, out.rules, g);
  if (error) return usage_error(*error, check_initiator_command);
  return o.windows ? check_windows(out, o, g) : check_linux(out, o, g);
}

}  // namespace sgwchap_tool
