// Tests of include/sgwchap/wire/encode.hpp: the documented example byte for byte (MODEL-EXAMPLES).
#include <catch2/catch.hpp>

#include <sgwchap/json.hpp>

#include <iterator>
#include <optional>
#include <string>

#include "support/counting_new.hpp"  // the counting operator new/delete of this binary
#include "support/example.hpp"

using sgwchap_test::doc_arn;
using sgwchap_test::doc_initiator;

TEST_CASE("the documented UpdateChapCredentials example encodes byte for byte, in MODEL order") {
  const auto request = sgwchap::update_chap_credentials_request::from_strings(doc_arn, doc_initiator, "111111111111",
                                                                              std::string_view("222222222222"));
  REQUIRE(request.has_value());
  std::string body;
  sgwchap::encode_body(*request, body);
  CHECK(body == std::string(R"({"TargetARN":")") + std::string(doc_arn) +
                    R"(","SecretToAuthenticateInitiator":"111111111111","InitiatorName":")" +
                    std::string(doc_initiator) + R"(","SecretToAuthenticateTarget":"222222222222"})");
}

// ---------------------------------------------------------------------------------------------
// Allocation counting: every operator new in this binary goes through support/counting_new.hpp.

namespace {
using sgwchap_test::count_allocations;

sgwchap::update_chap_credentials_request documented_request() {
  auto r = sgwchap::update_chap_credentials_request::from_strings(doc_arn, doc_initiator, "111111111111",
                                                                  std::string_view("222222222222"));
  REQUIRE(r.has_value());
  return std::move(*r);
}
}  // namespace

TEST_CASE("encoding into a reserved buffer allocates nothing") {
  const auto request = documented_request();
  std::string body;
  body.reserve(1024);
  sgwchap::secure_buffer secure;
  secure.reserve(1024);
  CHECK(count_allocations([&] { sgwchap::encode_body(request, body); }) == 0);
  CHECK(count_allocations([&] { sgwchap::encode_body(request, secure); }) == 0);
  CHECK(secure.view() == body);
  // Reuse: clear and encode again, still nothing.
  body.clear();
  CHECK(count_allocations([&] { sgwchap::encode_body(request, body); }) == 0);
  // An empty string grows exactly once (measured first, then one reserve).
  std::string fresh;
  CHECK(count_allocations([&] { sgwchap::encode_body(request, fresh); }) == 1);
  CHECK(fresh == body);
  // Results and errors too.
  sgwchap::update_chap_credentials_result result{std::string(doc_arn), std::string(doc_initiator)};
  body.clear();
  CHECK(count_allocations([&] { REQUIRE(sgwchap::encode_body(result, body).has_value()); }) == 0);
}

TEST_CASE("allocations per decode (documented bodies)") {
  const auto request = documented_request();
  std::string body;
  sgwchap::encode_body(request, body);
  // Update request body: the two owning strings (ARN, name: past the small-string buffer); the
  // 12-byte secrets stay inline in chap_secret. The body has the usual shape, so the fast path
  // (json/detail/fast_path.hpp) reads it: no parser, no frame stack.
  CHECK(count_allocations([&] { REQUIRE(sgwchap::decode_update_chap_credentials_request(body).has_value()); }) == 2);
  const std::string response = std::string(R"({"TargetARN":")") + std::string(doc_arn) + R"(","InitiatorName":")" +
                               std::string(doc_initiator) + R"("})";
  CHECK(count_allocations([&] { REQUIRE(sgwchap::decode_update_chap_credentials_response(response).has_value()); }) ==
        2);
  // An escape sends a body to the exact path: the fast path's ARN it gave up on, then the
  // handler's frame stack and the two strings.
  const std::string escaped = std::string(R"({"TargetARN":")") + std::string(doc_arn) + R"(","Initiator\u004eame":")" +
                              std::string(doc_initiator) + R"("})";
  CHECK(count_allocations([&] { REQUIRE(sgwchap::decode_update_chap_credentials_response(escaped).has_value()); }) ==
        4);
}

TEST_CASE("allocations per decode: a Describe list allocates its vector once, whatever its length") {
  // Each entry owns two strings (ARN, name: past the small-string buffer); its secrets stay
  // inline. A list in the body's last KiB is sized from those bytes, a longer one from its first
  // entry (json/detail/fast_path.hpp): either way the vector is allocated once.
  const std::string entry = std::string(R"({"TargetARN":")") + std::string(doc_arn) +
                            R"(","SecretToAuthenticateInitiator":"111111111111","InitiatorName":")" +
                            std::string(doc_initiator) + R"(","SecretToAuthenticateTarget":"222222222222"})";
  for (const std::size_t count : {1U, 2U, 3U, 4U, 10U, 100U}) {
    std::string body = R"({"ChapCredentials":[)";
    for (std::size_t k = 0; k < count; ++k) body += (k == 0 ? "" : ",") + entry;
    body += "]}";
    INFO(count << " entries, " << body.size() << " bytes");
    CHECK(count_allocations([&] {
            const auto r = sgwchap::decode_describe_chap_credentials_response(body);
            REQUIRE(r.has_value());
            REQUIRE(r->chap_credentials->size() == count);
          }) == 1 + 2 * count);
  }
}

// ---------------------------------------------------------------------------------------------
// Round trips: decode(encode(x)) == x over generated valid and edge values.

TEST_CASE("round trip of UpdateChapCredentials requests over edge values") {
  const std::string long_name = "iqn.2001-04.com.example:" + std::string(199, 'a');  // 223 bytes
  REQUIRE(long_name.size() == 223);
  std::string arn800 = std::string(doc_arn) + "\"\\\xC3\xA9";
  while (arn800.size() < 850) arn800 += "x";
  // 800 characters: the ARN's ASCII bytes plus one two-byte character.
  arn800.resize(801);
  const auto [arn, name, secret1, secret2, p] =
      GENERATE_COPY(table<std::string, std::string, std::string, std::optional<std::string>, sgwchap::profile>({
          {std::string(doc_arn), std::string(doc_initiator), "111111111111", std::string("222222222222"),
           sgwchap::profile::strict},
          {std::string(doc_arn), long_name, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", std::nullopt,
           sgwchap::profile::strict},
          {std::string(doc_arn), std::string(doc_initiator),
           "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
           std::string("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC"), sgwchap::profile::strict},
          {std::string(doc_arn), "eui.02004567a425678d", "a\"b\\c\"d\\e\"fg", std::string("\\\\\\\\\\\\\"\"\"\"\"\""),
           sgwchap::profile::strict},
          {arn800, std::string(doc_initiator), "tab\there\nnewline\x01", std::string("/\x7F\xC2\x85"),
           sgwchap::profile::aws_model},
          {arn800, long_name, std::string(100, 'z'), std::nullopt, sgwchap::profile::aws_model},
      }));
  const auto request = sgwchap::update_chap_credentials_request::from_strings(
      arn, name, secret1, secret2.has_value() ? std::optional<std::string_view>(*secret2) : std::nullopt, p);
  if (!request.has_value()) FAIL(request.error().front().message().view());
  CHECK(request->target_arn().str().size() >= 50);
  sgwchap::secure_buffer body;
  sgwchap::encode_body(*request, body);
  const auto decoded = sgwchap::decode_update_chap_credentials_request(body.view());
  REQUIRE(decoded.has_value());
  CHECK(*decoded == sgwchap::to_unchecked(*request));
  const auto checked = sgwchap::check_request(*decoded, p);
  REQUIRE(checked.has_value());
  CHECK(*checked == *request);
  // The HTTP request carries the same body; its redacted form never shows a secret.
  const auto http = sgwchap::to_http_request(*request);
  CHECK(http.body().view() == body.view());
  CHECK(http.redacted().find(secret1) == std::string::npos);
}

TEST_CASE("round trip of Describe and Delete requests, results and service errors") {
  const auto describe = sgwchap::describe_chap_credentials_request::from_strings(doc_arn);
  REQUIRE(describe.has_value());
  std::string body;
  sgwchap::encode_body(*describe, body);
  CHECK(body == std::string(R"({"TargetARN":")") + std::string(doc_arn) + R"("})");
  CHECK(*sgwchap::check_request(*sgwchap::decode_describe_chap_credentials_request(body)) == *describe);

  const auto del = sgwchap::delete_chap_credentials_request::from_strings(doc_arn, doc_initiator);
  REQUIRE(del.has_value());
  body.clear();
  sgwchap::encode_body(*del, body);
  CHECK(*sgwchap::check_request(*sgwchap::decode_delete_chap_credentials_request(body)) == *del);

  const auto value = GENERATE(as<std::string>{}, "", "x", "\"\\/\b\f\n\r\t\x01\x1f\x7f", "\xF0\x9F\x98\x80 \xC3\xA9",
                              std::string(5000, 'q'));
  sgwchap::describe_chap_credentials_result result;
  auto& list = result.chap_credentials.emplace();
  list.emplace_back();
  list.back().target_arn = value;
  list.back().secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked(value);
  list.emplace_back();
  list.back().initiator_name = value;
  list.back().secret_to_authenticate_target = sgwchap::chap_secret::unchecked(value);
  body.clear();
  REQUIRE(sgwchap::encode_body(result, body).has_value());
  const auto back = sgwchap::decode_describe_chap_credentials_response(body);
  REQUIRE(back.has_value());
  CHECK(*back == result);

  sgwchap::delete_chap_credentials_result names{value, value};
  body.clear();
  REQUIRE(sgwchap::encode_body(names, body).has_value());
  CHECK(*sgwchap::decode_delete_chap_credentials_response(body) == names);

  sgwchap::service_error error;
  error.status = 400;
  error.name = "InvalidGatewayRequestException";
  error.message = value.empty() ? "m" : value;
  error.error_code.emplace(value.empty() ? "LunAlreadyAllocated " : value);
  error.error_details.emplace(value, value);
  body.clear();
  REQUIRE(sgwchap::encode_body(error, body).has_value());
  const auto decoded_error = sgwchap::decode_service_error(400, {}, body).value();
  CHECK(decoded_error.name == error.name);
  CHECK(decoded_error.message == error.message);
  CHECK(decoded_error.error_code == error.error_code);
  CHECK(decoded_error.error_details == error.error_details);
  CHECK(decoded_error == error);
}

TEST_CASE("encoding escapes per RFC 8259 and keeps non-ASCII as UTF-8") {
  sgwchap::unchecked_delete_chap_credentials_request r;
  r.target_arn = std::string("\"\\/\b\f\n\r\t\x00\x1f\x7f\xC3\xA9", 13);
  std::string body;
  REQUIRE(sgwchap::encode_body(r, body).has_value());
  CHECK(body == "{\"TargetARN\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\x7f\xC3\xA9\"}");
}

TEST_CASE("unchecked values are encoded as given but never as invalid UTF-8") {
  sgwchap::unchecked_update_chap_credentials_request r;
  r.target_arn = "not an arn";
  r.secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked("ab\xFF");
  std::string body = "keep";
  const auto bad = sgwchap::encode_body(r, body);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == sgwchap::errc::invalid_utf8);
  CHECK(bad.error().which == sgwchap::field::secret_to_authenticate_initiator);
  CHECK(bad.error().offset == 2);
  CHECK(body == "keep");
  r.secret_to_authenticate_initiator = sgwchap::chap_secret::unchecked("short");
  REQUIRE(sgwchap::encode_body(r, body).has_value());
  CHECK(body == R"(keep{"TargetARN":"not an arn","SecretToAuthenticateInitiator":"short"})");
  const auto http = sgwchap::to_http_request(r);
  REQUIRE(http.has_value());
  CHECK(http->host().empty());  // no ARN structure, no Host
  CHECK(http->redacted_body() == R"({"TargetARN":"not an arn","SecretToAuthenticateInitiator":"[redacted]"})");
}

TEST_CASE("to_http_request: method, path, headers, Host derived and overridable") {
  const auto request = documented_request();
  const auto http = sgwchap::to_http_request(request);
  CHECK(http.method() == "POST");
  CHECK(http.path() == "/");
  CHECK(http.host() == "storagegateway.us-east-1.amazonaws.com");
  CHECK(http.header("content-type") == std::optional<std::string_view>("application/x-amz-json-1.1"));
  CHECK(http.header("X-Amz-Target") ==
        std::optional<std::string_view>("StorageGateway_20130630.UpdateChapCredentials"));
  CHECK(http.header("Content-Length") == std::optional<std::string_view>(std::to_string(http.body().size())));
  CHECK(std::distance(http.secret_spans_begin(), http.secret_spans_end()) == 2);
  CHECK(http.body().view().substr(http.secret_spans_begin()->offset, http.secret_spans_begin()->size) ==
        "111111111111");
  sgwchap::request_options fips;
  fips.fips = true;
  CHECK(sgwchap::to_http_request(request, fips).host() == "storagegateway-fips.us-east-1.amazonaws.com");
  sgwchap::request_options vpc;
  vpc.host = "vpce-1.storagegateway.us-east-1.vpce.amazonaws.com";
  CHECK(sgwchap::to_http_request(request, vpc).host() == vpc.host);
  const auto cn = sgwchap::describe_chap_credentials_request::from_strings(
      "arn:aws-cn:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:v");
  REQUIRE(cn.has_value());
  CHECK(sgwchap::to_http_request(*cn).host() == "storagegateway.cn-north-1.amazonaws.com.cn");
  auto copy = sgwchap::to_http_request(*cn);
  copy.set_host("localhost:8080");
  CHECK(copy.host() == "localhost:8080");
  CHECK(copy.headers().size() == 4);
}
