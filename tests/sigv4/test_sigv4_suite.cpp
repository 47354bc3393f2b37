// Every case of the AWS SigV4 test suite (tests/data/aws4_testsuite, botocore's copy): the
// canonical request, the string to sign, the Authorization header and the signed request must
// match the files byte for byte, in each signing mode the case applies to. Where a case does not
// apply to a mode, the table below names it and says why.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/sigv4.hpp>

namespace {

namespace s4 = sgwchap::sigv4;
using namespace std::chrono_literals;

// The suite's README: these keys, region us-east-1, service `service`, 2015-08-30T12:36:00Z.
constexpr std::string_view suite_key_id = "AKIDEXAMPLE";
constexpr std::string_view suite_secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const s4::signing_scope scope{"us-east-1", "service"};
constexpr std::chrono::sys_seconds when =
    std::chrono::sys_days{std::chrono::year{2015} / std::chrono::August / 30} + 12h + 36min;

const std::filesystem::path suite_dir = std::filesystem::path(SGWCHAP_TEST_DATA) / "aws4_testsuite";

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A .req or .sreq file: the request line, the header lines (a line that starts with a space or a
/// tab continues the previous header's value: an obs-fold, kept as "\n" + the line), a blank line
/// and the body. Values are kept exactly as after the ':'. The request-target is what lies between
/// the first and the last space of the request line (normalize-path/get-space has a space in it).
struct parsed_request {
  s4::request req;
  std::string version;
};

parsed_request parse(const std::string& text) {
  parsed_request out;
  std::size_t pos = 0;
  const auto next_line = [&](std::string& line) {
    if (pos > text.size()) return false;
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    line = text.substr(pos, end - pos);
    pos = end + 1;
    return true;
  };
  std::string line;
  REQUIRE(next_line(line));
  const std::size_t first = line.find(' ');
  const std::size_t last = line.rfind(' ');
  REQUIRE(first != std::string::npos);
  REQUIRE(last > first);
  out.req.method = line.substr(0, first);
  const std::string target = line.substr(first + 1, last - first - 1);
  out.version = line.substr(last + 1);
  const std::size_t q = target.find('?');
  out.req.path = target.substr(0, q);
  out.req.query = q == std::string::npos ? "" : target.substr(q + 1);
  while (next_line(line) && !line.empty()) {
    if (line[0] == ' ' || line[0] == '\t') {
      REQUIRE_FALSE(out.req.headers.empty());
      out.req.headers.back().value += "\n" + line;
      continue;
    }
    const std::size_t colon = line.find(':');
    REQUIRE(colon != std::string::npos);
    out.req.headers.push_back({line.substr(0, colon), line.substr(colon + 1)});
  }
  out.req.body = pos <= text.size() ? text.substr(pos) : "";
  return out;
}

/// Header lists compare with the whitespace after the ':' dropped (the .sreq files write
/// "Authorization: AWS4..." with a space, every other header without).
std::vector<sgwchap::http_header> left_trimmed(std::vector<sgwchap::http_header> headers) {
  for (auto& h : headers) h.value.erase(0, h.value.find_first_not_of(" \t"));
  return headers;
}

std::string header_text(const std::vector<sgwchap::http_header>& headers) {
  std::string out;
  for (const auto& h : headers) out += h.name + ":" + h.value + "\n";
  return out;
}

/// The value of the x-amz-security-token line of a canonical request or header block, or "".
std::string token_in(const std::string& text, std::string_view prefix) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), line.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return line.substr(prefix.size());
    }
  }
  return {};
}

enum class mode {
  standard,             // normalize the path, sign the session token (what every service but S3 wants)
  token_after_signing,  // sign_session_token = false: the token is added after signing, unsigned
  no_normalization,     // normalize_path = false (S3)
};

const char* name_of(mode m) {
  switch (m) {
    case mode::standard: return "standard";
    case mode::token_after_signing: return "token_after_signing";
    case mode::no_normalization: return "no_normalization";
  }
  return "?";
}

// The cases that do not apply to a mode, and why (decided from the files).
const std::map<std::pair<std::string, mode>, std::string_view> not_applicable = {
    {{"post-sts-token/post-sts-header-after", mode::standard},
     "its signed request sends X-Amz-Security-Token, which its canonical request does not sign: the token is added "
     "after signing (post-sts-token/readme.txt)"},
    {{"post-sts-token/post-sts-header-after", mode::no_normalization},
     "as in standard mode: its token is added after signing (no_normalization signs the token)"},
    {{"get-vanilla-with-session-token", mode::token_after_signing}, "its canonical request signs x-amz-security-token"},
    {{"post-sts-token/post-sts-header-before", mode::token_after_signing},
     "its canonical request signs x-amz-security-token (post-sts-token/readme.txt)"},
    // normalize-path/normalize-path.txt: S3 does not normalize paths; these paths change when normalized.
    {{"normalize-path/get-relative", mode::no_normalization}, "'..' segment: the path is normalized"},
    {{"normalize-path/get-relative-relative", mode::no_normalization}, "'..' segments: the path is normalized"},
    {{"normalize-path/get-slash", mode::no_normalization}, "'//': the empty segment is removed"},
    {{"normalize-path/get-slash-dot-slash", mode::no_normalization}, "'.' segment: the path is normalized"},
    {{"normalize-path/get-slash-pointless-dot", mode::no_normalization}, "'.' segment: the path is normalized"},
    {{"normalize-path/get-slashes", mode::no_normalization}, "empty segments: the path is normalized"},
};

/// Every case: the folder relative to the suite (a folder holding a .req file).
std::vector<std::string> all_cases() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(suite_dir)) {
    if (entry.path().extension() == ".req") {
      out.push_back(std::filesystem::relative(entry.path().parent_path(), suite_dir).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct counts {
  std::size_t passed_runs = 0;
  std::set<std::string> cases_passed;
};

void run_case(const std::string& name, mode m, counts& total) {
  const std::filesystem::path base = suite_dir / name / std::filesystem::path(name).filename();
  const auto file = [&](const char* ext) { return read(base.string() + ext); };
  const std::string creq = file(".creq");
  const std::string sts = file(".sts");
  const std::string authz = file(".authz");
  const parsed_request original = parse(file(".req"));
  const parsed_request expected_signed = parse(file(".sreq"));

  // The session token: the .creq's x-amz-security-token value; in token_after_signing mode the one
  // the .sreq sends.
  std::string token = token_in(creq, "x-amz-security-token:");
  if (m == mode::token_after_signing && token.empty()) token = token_in(file(".sreq"), "x-amz-security-token:");
  const auto creds = s4::credentials::make(suite_key_id, suite_secret, token);
  REQUIRE(creds.has_value());
  s4::signing_options options;
  options.normalize_path = m != mode::no_normalization;
  options.sign_session_token = m != mode::token_after_signing;

  // 1. The canonical request, the token shown as [redacted] (nothing else differs from the file).
  std::string expected_creq = creq;
  if (const std::string signed_token = token_in(creq, "x-amz-security-token:"); !signed_token.empty()) {
    expected_creq.replace(expected_creq.find(signed_token), signed_token.size(), "[redacted]");
  }
  const auto canonical = s4::canonical_request(original.req, *creds, when, options);
  REQUIRE(canonical.has_value());
  CHECK(*canonical == expected_creq);

  // 2. The string to sign: it holds the SHA-256 of the real canonical request, so it matching
  // the file proves the bytes hashed are the .creq's, token included.
  const auto to_sign = s4::string_to_sign(original.req, *creds, scope, when, options);
  REQUIRE(to_sign.has_value());
  CHECK(*to_sign == sts);

  // 3. The Authorization header.
  const auto auth = s4::authorization(original.req, *creds, scope, when, options);
  REQUIRE(auth.has_value());
  CHECK(*auth == authz);

  // 4. The signed request: sign() sets X-Amz-Date in place, appends the token and Authorization.
  s4::request signed_req = original.req;
  REQUIRE(s4::sign(signed_req, *creds, scope, when, options).has_value());
  CHECK(signed_req.method == expected_signed.req.method);
  CHECK(signed_req.path == expected_signed.req.path);
  CHECK(signed_req.query == expected_signed.req.query);
  CHECK(signed_req.body == expected_signed.req.body);
  auto got = left_trimmed(signed_req.headers);
  auto want = left_trimmed(expected_signed.req.headers);
  if (name == "get-vanilla-with-session-token") {
    // This .sreq contradicts its own .authz: its Signature is get-vanilla's (5fa00fa3...),
    // while .creq -> .sts -> .authz agree (checked above). Compare all but that header.
    REQUIRE(want.back().name == "Authorization");
    CHECK(want.back().value != authz);
    CHECK(got.back().value == authz);
    got.pop_back();
    want.pop_back();
  }
  CHECK(header_text(got) == header_text(want));

  ++total.passed_runs;
  total.cases_passed.insert(name);
}

}  // namespace

TEST_CASE("sigv4: every case of the AWS test suite, in every mode it applies to", "[sigv4][suite]") {
  const std::vector<std::string> cases = all_cases();
  REQUIRE(cases.size() == 34);  // botocore's copy: 34 .req cases (a missing folder must fail)
  // Every name of the table is a case of the suite.
  for (const auto& [key, why] : not_applicable) CHECK(std::count(cases.begin(), cases.end(), key.first) == 1);

  counts total;
  std::size_t skipped = 0;
  for (const std::string& name : cases) {
    for (const mode m : {mode::standard, mode::token_after_signing, mode::no_normalization}) {
      if (not_applicable.count({name, m}) != 0) {
        ++skipped;
        continue;
      }
      INFO("case " << name << " [" << name_of(m) << "]");
      run_case(name, m, total);
    }
  }
  CHECK(skipped == not_applicable.size());
  CHECK(total.passed_runs == cases.size() * 3 - skipped);  // 92 runs
  CHECK(total.cases_passed.size() == cases.size());        // every case passed in at least one mode
}
