// Tests of <sgwchap/sigv4.hpp> beyond the AWS suite: the credentials, every error with its field,
// offset and detail, X-Amz-Date, the canonical pieces, signing a Storage Gateway http_request
// (rows checked against botocore 1.29's SigV4Auth), no secret in any output, and the pluggable
// SHA-256.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/sigv4.hpp>
#ifdef SGWCHAP_SIGV4_HAVE_JSON
#include <sgwchap/json.hpp>
#include <sgwchap/requests.hpp>
#endif

namespace {

namespace s4 = sgwchap::sigv4;
using sgwchap::errc;
using sgwchap::field;
using namespace std::chrono_literals;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

constexpr std::string_view key_id = "AKIAIOSFODNN7EXAMPLE";
constexpr std::string_view secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
constexpr std::string_view token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN+/=";
constexpr sys_seconds leap_day = sys_days{std::chrono::year{2024} / std::chrono::February / 29} + 23h + 59min + 58s;

s4::credentials make_credentials(std::string_view session_token = {}) {
  auto c = s4::credentials::make(key_id, secret, session_token);
  REQUIRE(c.has_value());
  return std::move(*c);
}

s4::request base_request() {
  s4::request r;
  r.method = "POST";
  r.path = "/";
  r.headers = {{"Host", "example.amazonaws.com"}, {"Content-Type", "application/x-amz-json-1.1"}};
  r.body = "{}";
  return r;
}

struct expected_error {
  errc code;
  field which;
  std::size_t offset;
  std::uint32_t detail{0};
};

void check_error(const sgwchap::error& e, const expected_error& want) {
  CHECK(e.code == want.code);
  CHECK(e.which == want.which);
  CHECK(e.offset == want.offset);
  CHECK(e.detail == want.detail);
}

}  // namespace

TEST_CASE("sigv4 credentials: the values, their checks and their errors", "[sigv4][credentials]") {
  const s4::credentials c = make_credentials(token);
  CHECK(c.access_key_id() == key_id);
  CHECK(c.reveal_secret_access_key() == secret);
  CHECK(c.reveal_session_token() == token);
  CHECK(c.has_session_token());
  CHECK_FALSE(c.empty());
  const s4::credentials long_term = make_credentials();
  CHECK_FALSE(long_term.has_session_token());
  CHECK(long_term.reveal_session_token().empty());
  CHECK(c.clone() == c);
  CHECK_FALSE(long_term == c);
  // Same bytes, split differently: not equal.
  CHECK_FALSE(*s4::credentials::make("AB", "CD") == *s4::credentials::make("A", "BCD"));

  struct row {
    std::string_view id, key, tok;
    expected_error want;
  };
  const row rows[] = {
      {"", secret, {}, {errc::missing_member, field::access_key_id, 0}},
      {"AKID/X", secret, {}, {errc::invalid_character, field::access_key_id, 4}},
      {"AKID X", secret, {}, {errc::invalid_character, field::access_key_id, 4}},
      {"AKID,", secret, {}, {errc::invalid_character, field::access_key_id, 4}},
      {"AKID\xC3\xA9", secret, {}, {errc::invalid_character, field::access_key_id, 4}},
      {key_id, "", {}, {errc::missing_member, field::secret_access_key, 0}},
      {key_id, "abc\n", {}, {errc::control_character, field::secret_access_key, 3, 0x0A}},
      {key_id, "a\x7F", {}, {errc::control_character, field::secret_access_key, 1, 0x7F}},
      {key_id, secret, "tok\r\n", {errc::control_character, field::session_token, 3, 0x0D}},
  };
  for (const row& r : rows) {
    CAPTURE(r.id, r.want.code, r.want.offset);
    const auto made = s4::credentials::make(r.id, r.key, r.tok);
    REQUIRE_FALSE(made.has_value());
    check_error(made.error(), r.want);
  }
}

TEST_CASE("sigv4 credentials: a move hands the block over and empties the source", "[sigv4][credentials]") {
  s4::credentials a = make_credentials(token);
  const char* block = a.reveal_secret_access_key().data();
  s4::credentials b = std::move(a);
  CHECK(b.reveal_secret_access_key().data() == block);  // not copied
  CHECK(a.empty());                                     // NOLINT(bugprone-use-after-move): the point
  CHECK(a.access_key_id().empty());                     // NOLINT(bugprone-use-after-move)
  CHECK(a.reveal_secret_access_key().empty());          // NOLINT(bugprone-use-after-move)
  CHECK_FALSE(a.has_session_token());                   // NOLINT(bugprone-use-after-move)
  s4::credentials c = make_credentials();
  c = std::move(b);
  CHECK(c.reveal_session_token() == token);
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move)
  // Empty credentials sign nothing.
  auto r = base_request();
  const auto signed_empty = s4::sign(r, a, {"us-east-1"}, leap_day);  // NOLINT(bugprone-use-after-move)
  REQUIRE_FALSE(signed_empty.has_value());
  check_error(signed_empty.error(), {errc::missing_member, field::access_key_id, 0});
}

TEST_CASE("sigv4: X-Amz-Date from any sys_time, truncated, years 0000..9999", "[sigv4][time]") {
  using namespace std::chrono;
  const auto date = [](auto t) {
    const auto d = s4::amz_date::make(t);
    REQUIRE(d.has_value());
    return std::string(d->view());
  };
  CHECK(date(leap_day) == "20240229T235958Z");
  CHECK(date(sys_seconds{}) == "19700101T000000Z");
  CHECK(date(sys_time<nanoseconds>{leap_day + 999999999ns}) == "20240229T235958Z");  // truncated
  CHECK(date(sys_time<milliseconds>{sys_seconds{} - 1ms}) == "19691231T235959Z");    // floor, not toward 0
  CHECK(date(sys_days{year{2015} / August / 30}) == "20150830T000000Z");
  CHECK(date(sys_seconds{sys_days{year{0} / January / 1}}) == "00000101T000000Z");
  CHECK(date(sys_seconds{sys_days{year{10000} / January / 1}} - 1s) == "99991231T235959Z");
  CHECK(s4::amz_date::make(leap_day)->date() == "20240229");
  for (const sys_seconds bad :
       {sys_seconds{sys_days{year{10000} / January / 1}}, sys_seconds{sys_days{year{0} / January / 1}} - 1s,
        sys_seconds::max(), sys_seconds::min()}) {
    const auto d = s4::amz_date::make(bad);
    REQUIRE_FALSE(d.has_value());
    check_error(d.error(), {errc::timestamp_out_of_range, field::timestamp, 0});
  }
  CHECK_FALSE(s4::amz_date::make(sys_days::max()).has_value());  // a coarse unit: refused before converting
}

TEST_CASE("sigv4: every input error, with its field, offset and detail; the request unchanged", "[sigv4][errors]") {
  struct row {
    const char* what;
    std::function<void(s4::request&)> change;
    s4::signing_scope scope;
    bool with_token;
    expected_error want;
  };
  const std::string long_label(64, 'a');
  const s4::signing_scope ok{"us-east-1"};
  const row rows[] = {
      {"empty region", [](s4::request&) {}, {"", "storagegateway"}, false, {errc::missing_member, field::region, 0}},
      {"upper-case region", [](s4::request&) {}, {"US-east-1"}, false, {errc::bad_region, field::region, 0}},
      {"region ends with -", [](s4::request&) {}, {"us-east-"}, false, {errc::bad_region, field::region, 7}},
      {"region starts with -", [](s4::request&) {}, {"-us"}, false, {errc::bad_region, field::region, 0}},
      {"region with a dot", [](s4::request&) {}, {"us.east"}, false, {errc::bad_region, field::region, 2}},
      {"region of 64", [](s4::request&) {}, {long_label}, false, {errc::bad_region, field::region, 63}},
      {"empty service", [](s4::request&) {}, {"us-east-1", ""}, false, {errc::missing_member, field::service, 0}},
      {"service with /",
       [](s4::request&) {},
       {"us-east-1", "a/b"},
       false,
       {errc::invalid_character, field::service, 1}},
      {"empty method",
       [](s4::request& r) { r.method.clear(); },
       ok,
       false,
       {errc::missing_member, field::http_method, 0}},
      {"method with a space",
       [](s4::request& r) { r.method = "GE T"; },
       ok,
       false,
       {errc::invalid_character, field::http_method, 2}},
      {"relative path", [](s4::request& r) { r.path = "a/b"; }, ok, false, {errc::bad_prefix, field::http_path, 0}},
      {"query in the path",
       [](s4::request& r) { r.path = "/a?b=1"; },
       ok,
       false,
       {errc::invalid_character, field::http_path, 2}},
      {"LF in the path",
       [](s4::request& r) { r.path = "/a\nb"; },
       ok,
       false,
       {errc::invalid_character, field::http_path, 2}},
      {"fragment in the query",
       [](s4::request& r) { r.query = "a=1#x"; },
       ok,
       false,
       {errc::invalid_character, field::http_query, 3}},
      {"header value with CR LF (injection)",
       [](s4::request& r) {
         r.headers.push_back({"X-A", "1\r\nX-Injected: 1"});
       },
       ok,
       false,
       {errc::bad_header_value, field::http_header, 2, 3}},
      {"header value with a bare LF",
       [](s4::request& r) { r.headers[1].value = "a\nb"; },
       ok,
       false,
       {errc::bad_header_value, field::http_header, 1, 2}},
      {"header value with a bare CR",
       [](s4::request& r) { r.headers[0].value = "a\r b"; },
       ok,
       false,
       {errc::bad_header_value, field::http_header, 1, 1}},
      {"header value ending in LF",
       [](s4::request& r) { r.headers[0].value = "a\n"; },
       ok,
       false,
       {errc::bad_header_value, field::http_header, 1, 1}},
      {"header value with NUL",
       [](s4::request& r) { r.headers[1].value = std::string("a\0b", 3); },
       ok,
       false,
       {errc::bad_header_value, field::http_header, 1, 2}},
      {"header value with ESC",
       [](s4::request& r) { r.headers[1].value = "\x1B[2J"; },
       ok,
       false,
       {errc::bad_header_value, field::http_header, 0, 2}},
      {"header name with a space",
       [](s4::request& r) {
         r.headers.push_back({"Bad Name", "v"});
       },
       ok,
       false,
       {errc::bad_header_name, field::http_header, 3, 3}},
      {"header name with a colon",
       [](s4::request& r) { r.headers[0].name = "Host:"; },
       ok,
       false,
       {errc::bad_header_name, field::http_header, 4, 1}},
      {"empty header name",
       [](s4::request& r) {
         r.headers.push_back({"", "v"});
       },
       ok,
       false,
       {errc::bad_header_name, field::http_header, 0, 3}},
      {"no Host",
       [](s4::request& r) { r.headers.erase(r.headers.begin()); },
       ok,
       false,
       {errc::missing_host_header, field::http_header, 0}},
      {"a stale token, credentials without one",
       [](s4::request& r) {
         r.headers.push_back({"X-Amz-Security-Token", "old"});
       },
       ok,
       false,
       {errc::unexpected_security_token, field::http_header, 0, 3}},
  };
  const s4::credentials with_token = make_credentials(token);
  const s4::credentials without = make_credentials();
  for (const row& r : rows) {
    CAPTURE(r.what);
    s4::request req = base_request();
    r.change(req);
    const s4::request before = req;
    const s4::credentials& creds = r.with_token ? with_token : without;
    const auto result = s4::sign(req, creds, r.scope, leap_day);
    REQUIRE_FALSE(result.has_value());
    check_error(result.error(), r.want);
    CHECK(req.headers == before.headers);  // nothing added on error
    // The other entry points report the same error (canonical_request has no scope to check).
    const auto sts = s4::string_to_sign(before, creds, r.scope, leap_day);
    REQUIRE_FALSE(sts.has_value());
    CHECK(sts.error() == result.error());
    CHECK(sgwchap::rule_name(result.error().code) != "unknown_error");
  }
  // A folded line (obs-fold) and HTAB are not errors.
  s4::request folded = base_request();
  folded.headers.push_back({"X-Folded", " a\r\n\tb\n  c\t"});
  const auto canonical = s4::canonical_request(folded, without, leap_day);
  REQUIRE(canonical.has_value());
  CHECK(canonical->find("\nx-folded:a b c\n") != std::string::npos);
}

TEST_CASE("sigv4: canonical URI, query and header values", "[sigv4][canonical]") {
  namespace d = s4::detail;
  const std::pair<std::string_view, std::string_view> paths[] = {
      {"", "/"},
      {"/", "/"},
      {"/a/b/..", "/a"},  // botocore and aws-c-auth: no trailing slash here (RFC 3986 would keep one)
      {"/a/b/../", "/a/"},
      {"/a/./b/", "/a/b/"},
      {"//a//b", "/a/b"},
      {"/..", "/"},
      {"/../a", "/a"},
      {"/a%20b", "/a%2520b"},  // the path as sent is encoded once more
      {"/a b/$c", "/a%20b/%24c"},
      {"/\xE1\x88\xB4", "/%E1%88%B4"},
      {"/~a-_.", "/~a-_."},
      {"/a:b@c+d", "/a%3Ab%40c%2Bd"},
  };
  for (const auto& [in, want] : paths) {
    CAPTURE(in);
    std::string out;
    d::append_canonical_path(out, in, true);
    CHECK(out == want);
  }
  std::string raw;
  d::append_canonical_path(raw, "//a/./b/../", false);  // S3: not normalized, encoded
  CHECK(raw == "//a/./b/../");

  const std::pair<std::string_view, std::string_view> queries[] = {
      {"", ""},
      {"b=2&a=1", "a=1&b=2"},
      {"a=2&a=1&A=3", "A=3&a=1&a=2"},
      {"a", "a="},
      {"a=1&&b", "a=1&b="},
      {"&", ""},
      {"a+b=%7e", "a%2Bb=~"},
      {"%zz=1%4", "%25zz=1%254"},
      {"x=%E1%88%b4", "x=%E1%88%B4"},
      {"x=a=b", "x=a%3Db"},
      {"=v", "=v"},
      {"k=a%20b&k=a b", "k=a%20b&k=a%20b"},
  };
  for (const auto& [in, want] : queries) {
    CAPTURE(in);
    std::string out;
    d::append_canonical_query(out, in);
    CHECK(out == want);
  }

  const std::pair<std::string_view, std::string_view> values[] = {
      {"", ""}, {"  ", ""}, {" a ", "a"}, {"a   b\t\tc", "a b c"}, {"\"a   b\"", "\"a b\""}, {"a\n b", "a b"},
  };
  for (const auto& [in, want] : values) {
    CAPTURE(in);
    std::string out;
    d::append_trimmed(out, in);
    CHECK(out == want);
  }
}

TEST_CASE("sigv4: headers signed and not signed, duplicates, re-signing", "[sigv4]") {
  const s4::credentials creds = make_credentials(token);
  s4::request r = base_request();
  r.headers.push_back({"User-Agent", "me/1.0"});
  r.headers.push_back({"Content-Length", "2"});
  r.headers.push_back({"x-amz-meta", "b"});
  r.headers.push_back({"X-AMZ-META", " a "});
  r.headers.push_back({"Authorization", "old"});
  const auto canonical = s4::canonical_request(r, creds, leap_day);
  REQUIRE(canonical.has_value());
  CHECK(*canonical ==
        "POST\n/\n\n"
        "content-type:application/x-amz-json-1.1\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20240229T235958Z\n"
        "x-amz-meta:b,a\n"
        "x-amz-security-token:[redacted]\n"
        "\n"
        "content-type;host;x-amz-date;x-amz-meta;x-amz-security-token\n"
        "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");  // SHA-256 of "{}"
  // Unsigned headers are a choice: with none left out, User-Agent and Content-Length are signed.
  s4::signing_options all;
  all.unsigned_headers = {};
  const auto everything = s4::canonical_request(r, creds, leap_day, all);
  REQUIRE(everything.has_value());
  CHECK(everything->find("content-length;content-type;host;user-agent;x-amz-date") != std::string::npos);

  // sign() twice: the headers it owns are replaced, not duplicated.
  REQUIRE(s4::sign(r, creds, {"us-east-1", "service"}, leap_day).has_value());
  const std::string first = std::string(*r.header("Authorization"));
  REQUIRE(s4::sign(r, creds, {"us-east-1", "service"}, leap_day + 1s).has_value());
  std::size_t authorizations = 0;
  std::size_t dates = 0;
  for (const auto& h : r.headers) {
    authorizations += sgwchap::detail::iequals(h.name, "authorization") ? 1U : 0U;
    dates += sgwchap::detail::iequals(h.name, "x-amz-date") ? 1U : 0U;
  }
  CHECK(authorizations == 1);
  CHECK(dates == 1);
  CHECK(r.header("X-Amz-Date") == "20240229T235959Z");
  CHECK(*r.header("Authorization") != first);
}

#ifdef SGWCHAP_SIGV4_HAVE_JSON
TEST_CASE("sigv4: a Storage Gateway http_request, as botocore 1.29 signs it", "[sigv4][http_request]") {
  constexpr std::string_view arn =
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
  auto request = sgwchap::describe_chap_credentials_request::from_strings(arn);
  REQUIRE(request.has_value());
  // Expected values: botocore.auth.SigV4Auth(Credentials(key_id, secret[, token]), "storagegateway",
  // "us-east-1").add_auth() on the same POST, headers (Host, Content-Type, X-Amz-Target) and body at
  // 2024-02-29T23:59:58Z (Debian's python3-botocore 1.29.27).
  struct row {
    std::string_view token;
    std::string_view authorization;
  };
  const row rows[] = {
      {{},
       "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240229/us-east-1/storagegateway/aws4_request, "
       "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
       "Signature=fde326472c527c2aa0c23d08899145cdc736d3006b86d9592ea0c75f31e6e0b1"},
      {token,
       "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240229/us-east-1/storagegateway/aws4_request, "
       "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
       "Signature=5c30e15f7a39a5e2a67ba3869a27c534ed349906de562e85a0b3b70df534345c"},
  };
  for (const row& r : rows) {
    CAPTURE(r.token);
    const s4::credentials creds = make_credentials(r.token);
    sgwchap::http_request http = sgwchap::to_http_request(*request);
    CHECK(s4::storage_gateway_scope(*request).region == "us-east-1");
    CHECK(s4::storage_gateway_scope(*request).service == "storagegateway");
    const auto canonical = s4::canonical_request(http, creds, leap_day);
    REQUIRE(canonical.has_value());
    CHECK(*canonical == std::string("POST\n/\n\ncontent-type:application/x-amz-json-1.1\n"
                                    "host:storagegateway.us-east-1.amazonaws.com\n"
                                    "x-amz-date:20240229T235958Z\n") +
                            (r.token.empty() ? "" : "x-amz-security-token:[redacted]\n") +
                            "x-amz-target:StorageGateway_20130630.DescribeChapCredentials\n\n" +
                            (r.token.empty() ? "content-type;host;x-amz-date;x-amz-target\n"
                                             : "content-type;host;x-amz-date;x-amz-security-token;x-amz-target\n") +
                            "fcb5eb7b8db2cec1547ac636366d4333ce168db1f58e5058ce6bcee431556f98");
    REQUIRE(s4::sign(http, creds, *request, leap_day).has_value());  // the scope from the ARN
    CHECK(http.header("Authorization") == r.authorization);
    CHECK(http.header("X-Amz-Date") == "20240229T235958Z");
    CHECK(http.header("X-Amz-Security-Token") ==
          (r.token.empty() ? std::nullopt : std::optional<std::string_view>(r.token)));
    CHECK(http.header("Content-Length") == std::to_string(http.body().size()));  // kept, not signed
    // No secret in anything meant for people.
    const auto sts = s4::string_to_sign(http, creds, s4::storage_gateway_scope(*request), leap_day);
    REQUIRE(sts.has_value());
    for (const std::string& shown : {*canonical, *sts, std::string(*http.header("Authorization")), http.redacted()}) {
      CHECK(shown.find(secret) == std::string::npos);
      CHECK(shown.find(secret.substr(0, 8)) == std::string::npos);
      if (!r.token.empty()) CHECK(shown.find(r.token) == std::string::npos);
    }
  }
  // A FIPS host signs the same way: the scope is the ARN's region either way.
  sgwchap::request_options fips;
  fips.fips = true;
  sgwchap::http_request http = sgwchap::to_http_request(*request, fips);
  REQUIRE(s4::sign(http, make_credentials(), *request, leap_day).has_value());
  CHECK(http.host() == "storagegateway-fips.us-east-1.amazonaws.com");
  // An aws-cn ARN: its region.
  auto cn = sgwchap::describe_chap_credentials_request::from_strings(
      "arn:aws-cn:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:v");
  REQUIRE(cn.has_value());
  CHECK(s4::storage_gateway_scope(*cn).region == "cn-north-1");
}
#endif

namespace {

/// A SHA-256 that forwards to OpenSSL and counts the calls: any implementation plugs in.
struct counting_sha256 {
  s4::openssl_sha256 inner;
  std::size_t inits = 0;
  std::size_t updates = 0;
  bool fail_at_init = false;
  bool init() noexcept {
    ++inits;
    return !fail_at_init && inner.init();
  }
  bool update(const unsigned char* p, std::size_t n) noexcept {
    ++updates;
    return inner.update(p, n);
  }
  bool final(unsigned char* out) noexcept { return inner.final(out); }
};
static_assert(s4::sha256_hasher<counting_sha256>);
static_assert(!s4::sha256_hasher<int>);

}  // namespace

TEST_CASE("sigv4: the SHA-256 is pluggable; a failing one gives crypto_failure", "[sigv4][crypto]") {
  const s4::credentials creds = make_credentials(token);
  const s4::request r = base_request();
  counting_sha256 h;
  const auto with_counting = s4::authorization(h, r, creds, {"us-east-1"}, leap_day);
  const auto with_openssl = s4::authorization(r, creds, {"us-east-1"}, leap_day);
  REQUIRE(with_counting.has_value());
  REQUIRE(with_openssl.has_value());
  CHECK(*with_counting == *with_openssl);
  // The body, the canonical request, and 5 HMACs of 2 digests each (kDate, kRegion, kService,
  // kSigning, the signature).
  CHECK(h.inits == 12);

  counting_sha256 broken;
  broken.fail_at_init = true;
  s4::request target = base_request();
  const auto failed = s4::sign(broken, target, creds, {"us-east-1"}, leap_day);
  REQUIRE_FALSE(failed.has_value());
  check_error(failed.error(), {errc::crypto_failure, field::none, 0});
  CHECK(target.headers == base_request().headers);

  // HMAC-SHA256 itself: RFC 4231 §4.2 (test case 1) and §4.7 (test case 6, a key longer than a block).
  namespace d = s4::detail;
  s4::sha256_digest mac{};
  const std::string key1(20, '\x0b');
  REQUIRE(d::hmac_sha256(h, {}, key1, {"Hi ", "There"}, mac));
  CHECK(std::string_view(d::to_hex(mac).data(), 64) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  const std::string key6(131, '\xaa');
  REQUIRE(d::hmac_sha256(h, key6.substr(0, 4), key6.substr(4),
                         {"Test Using Larger Than Block-Size Key - Hash Key First"}, mac));
  CHECK(std::string_view(d::to_hex(mac).data(), 64) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}
