// Tests of include/sgwchap/json/decode.hpp: documented responses, a table of hostile bodies
// (each row: exact error, offset and JSON Pointer), request bodies, limits, Content-Type.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <sgwchap/json.hpp>

#include "support/example.hpp"

using sgwchap::errc;

using sgwchap_test::doc_arn;
using sgwchap_test::doc_initiator;

namespace {

std::string nested(std::size_t depth) {
  std::string s = R"({"x":)";
  for (std::size_t i = 1; i < depth; ++i) s += "[";
  for (std::size_t i = 1; i < depth; ++i) s += "]";
  return s + "}";
}
}  // namespace

TEST_CASE("the documented responses decode to the expected values (MODEL-EXAMPLES, MODEL examples)") {
  const std::string body = std::string(R"({"TargetARN":")") + std::string(doc_arn) + R"(","InitiatorName":")" +
                           std::string(doc_initiator) + R"("})";
  const auto update = sgwchap::decode_update_chap_credentials_response(body);
  REQUIRE(update.has_value());
  CHECK(update->target_arn == std::string(doc_arn));
  CHECK(update->initiator_name == std::string(doc_initiator));
  const auto del = sgwchap::decode_delete_chap_credentials_response(body);
  REQUIRE(del.has_value());
  CHECK(del->target_arn == std::string(doc_arn));
  CHECK(del->initiator_name == std::string(doc_initiator));

  // botocore's DescribeChapCredentials example (keys in its alphabetical order).
  const std::string describe =
      std::string(R"({"ChapCredentials":[{"InitiatorName":")") + std::string(doc_initiator) +
      R"(","SecretToAuthenticateInitiator":"111111111111","SecretToAuthenticateTarget":"222222222222","TargetARN":")" +
      std::string(doc_arn) + R"("}]})";
  const auto d = sgwchap::decode_describe_chap_credentials_response(describe);
  REQUIRE(d.has_value());
  REQUIRE(d->chap_credentials.has_value());
  REQUIRE(d->chap_credentials->size() == 1);
  const auto& info = d->chap_credentials->front();
  CHECK(info.target_arn == std::string(doc_arn));
  CHECK(info.initiator_name == std::string(doc_initiator));
  CHECK(info.secret_to_authenticate_initiator->reveal() == "111111111111");
  CHECK(info.secret_to_authenticate_target->reveal() == "222222222222");
  CHECK_FALSE(info.secret_to_authenticate_initiator->is_checked());
  CHECK(sgwchap::validate(*d).empty());
}

TEST_CASE("empty body, {} and null decode as no members; [] as an empty list") {
  for (const std::string_view body : {std::string_view(""), std::string_view("{}"), std::string_view(" { } "),
                                      std::string_view(R"({"ChapCredentials":null})")}) {
    INFO(body);
    const auto d = sgwchap::decode_describe_chap_credentials_response(body);
    REQUIRE(d.has_value());
    CHECK_FALSE(d->chap_credentials.has_value());
    const auto u = sgwchap::decode_update_chap_credentials_response(body);
    REQUIRE(u.has_value());
    CHECK(*u == sgwchap::update_chap_credentials_result{});
  }
  const auto empty = sgwchap::decode_describe_chap_credentials_response(R"({"ChapCredentials":[]})");
  REQUIRE(empty.has_value());
  REQUIRE(empty->chap_credentials.has_value());
  CHECK(empty->chap_credentials->empty());
  const auto nulls = sgwchap::decode_update_chap_credentials_response(R"({"TargetARN":null,"InitiatorName":null})");
  REQUIRE(nulls.has_value());
  CHECK_FALSE(nulls->target_arn.has_value());
}

TEST_CASE("unknown keys are ignored at every level of a response, whatever their value") {
  const auto d = sgwchap::decode_describe_chap_credentials_response(
      R"({"Extra":{"__type":"x","a":[1,2,{"b":null}]},"ChapCredentials":[{"TargetARN":"t","New":[true,false],)"
      R"("Nested":{"TargetARN":5}}],"Tail":-1.5e3})");
  REQUIRE(d.has_value());
  REQUIRE(d->chap_credentials->size() == 1);
  CHECK(d->chap_credentials->front().target_arn == std::string("t"));
}

TEST_CASE("escaped strings decode exactly, also when the parser delivers them in parts") {
  const auto u = sgwchap::decode_update_chap_credentials_response(R"({"TargetARN":"a\"b\\c\/d\u00e9\ud83d\ude00\n"})");
  REQUIRE(u.has_value());
  CHECK(*u->target_arn == "a\"b\\c/d\xC3\xA9\xF0\x9F\x98\x80\n");
  const std::string long_value(10000, 'x');
  const std::string body = R"({"TargetARN":"\n)" + long_value + R"("})";
  const auto big = sgwchap::decode_update_chap_credentials_response(body);
  REQUIRE(big.has_value());
  CHECK(*big->target_arn == "\n" + long_value);
  // A key written with escapes is still the member it spells.
  const auto k = sgwchap::decode_update_chap_credentials_response(R"({"Target\u0041RN":"v"})");
  REQUIRE(k.has_value());
  CHECK(k->target_arn == std::string("v"));
}

namespace {
struct hostile_row {
  const char* what;
  std::string body;
  errc code;
  std::size_t offset;
  std::string pointer;
};

std::vector<hostile_row> hostile_rows() {
  const std::string huge(300000, 'a');
  return {
      {"empty object then garbage", "{} x", errc::malformed_json, 3, ""},
      {"truncated after key", R"({"ChapCredentials")", errc::malformed_json, 18, ""},
      {"truncated inside array", R"({"ChapCredentials":[{"TargetARN":"a"})", errc::malformed_json, 37,
       "/ChapCredentials"},
      {"truncated inside string", R"({"TargetARN":"arn:aws)", errc::malformed_json, 21, ""},
      {"truncated after colon", R"({"TargetARN":)", errc::malformed_json, 13, ""},
      {"only white space", "   ", errc::malformed_json, 3, ""},
      {"trailing comma in object", R"({"TargetARN":"a",})", errc::malformed_json, 17, ""},
      {"trailing comma in array", R"({"ChapCredentials":[{},]})", errc::malformed_json, 23, "/ChapCredentials"},
      {"single quotes", R"({'TargetARN':'a'})", errc::malformed_json, 1, ""},
      {"unquoted key", R"({TargetARN:"a"})", errc::malformed_json, 1, ""},
      {"comment", R"({/*x*/"TargetARN":"a"})", errc::malformed_json, 1, ""},
      {"bad escape", R"({"TargetARN":"a\x"})", errc::malformed_json, 16, ""},
      {"raw control character in string", "{\"TargetARN\":\"a\nb\"}", errc::malformed_json, 15, ""},
      {"raw NUL in string", std::string("{\"TargetARN\":\"a\0b\"}", 19), errc::malformed_json, 15, ""},
      {"byte-order mark", "\xEF\xBB\xBF{}", errc::malformed_json, 0, ""},
      {"trailing garbage after object", R"({"TargetARN":"a"}])", errc::malformed_json, 17, ""},
      {"two objects", R"({}{})", errc::malformed_json, 2, ""},
      // A lone surrogate escape is JSON text but names no Unicode scalar value: invalid_utf8 at
      // its backslash (RFC 8259 §7, RFC 3629 §3), whatever basic_parser says a little later.
      {"lone surrogate escape", R"({"TargetARN":"\ud800"})", errc::invalid_utf8, 14, ""},
      {"lone low surrogate escape", R"({"TargetARN":"ab\udc00"})", errc::invalid_utf8, 16, ""},
      {"high surrogate, then a letter", R"({"TargetARN":"\ud83d\u0041"})", errc::invalid_utf8, 14, ""},
      {"a pair is fine, a lone one after it is not", R"({"TargetARN":"\ud83d\ude00\ud800"})", errc::invalid_utf8, 26,
       ""},
      {"NaN", R"({"x":NaN})", errc::malformed_json, 5, ""},
      {"leading zero", R"({"x":012})", errc::malformed_json, 6, ""},
      {"invalid UTF-8 in a value", "{\"TargetARN\":\"a\xFF\"}", errc::invalid_utf8, 15, ""},
      {"overlong UTF-8 in a key", "{\"\xC0\xAF\":1}", errc::invalid_utf8, 2, ""},
      {"surrogate in UTF-8", "{\"TargetARN\":\"\xED\xA0\x80\"}", errc::invalid_utf8, 14, ""},
      {"truncated UTF-8 at the end", "{\"TargetARN\":\"\xE2\x82", errc::invalid_utf8, 14, ""},
      {"top-level array", R"([{"TargetARN":"a"}])", errc::not_an_object, 0, ""},
      {"top-level string", R"( "TargetARN")", errc::not_an_object, 1, ""},
      {"top-level number", "42", errc::not_an_object, 0, ""},
      {"top-level null", "null", errc::not_an_object, 0, ""},
      {"top-level true", " true", errc::not_an_object, 1, ""},
      {"number where a string belongs", R"({"TargetARN":123})", errc::wrong_type, 13, "/TargetARN"},
      {"negative float where a string belongs", R"({"InitiatorName": -1.5e3})", errc::wrong_type, 18, "/InitiatorName"},
      {"bool where a string belongs", R"({"TargetARN":true})", errc::wrong_type, 13, "/TargetARN"},
      {"array where a string belongs", R"({"TargetARN":["a"]})", errc::wrong_type, 13, "/TargetARN"},
      {"object where a string belongs", R"({"InitiatorName":{"a":1}})", errc::wrong_type, 17, "/InitiatorName"},
      {"duplicate key", R"({"TargetARN":"a","TargetARN":"b"})", errc::duplicate_key, 17, "/TargetARN"},
      {"duplicate key, first null", R"({"TargetARN":null, "TargetARN":"b"})", errc::duplicate_key, 19, "/TargetARN"},
      {"duplicate key spelt with an escape", R"({"TargetARN":"a","Target\u0041RN":"b"})", errc::duplicate_key, 17,
       "/TargetARN"},
      {"nesting 33 deep", nested(33), errc::nesting_too_deep, 36,
       "/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"},
      {"nesting 100000 deep", "{\"x\":" + std::string(100000, '['), errc::nesting_too_deep, 36,
       "/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"},
      {"huge string over the limit", R"({"TargetARN":")" + huge + huge + huge + huge + R"("})", errc::body_too_large,
       std::size_t{1} << 20, ""},
  };
}

std::vector<hostile_row> describe_rows() {
  return {
      {"APIREF's object-form ChapCredentials", R"({"ChapCredentials":{"TargetARN":"a"}})", errc::wrong_type, 19,
       "/ChapCredentials"},
      {"ChapCredentials as a string", R"({"ChapCredentials":"[]"})", errc::wrong_type, 19, "/ChapCredentials"},
      {"ChapCredentials as a number", R"({"ChapCredentials":0})", errc::wrong_type, 19, "/ChapCredentials"},
      {"array element not an object", R"({"ChapCredentials":[{},"x"]})", errc::wrong_type, 23, "/ChapCredentials/1"},
      {"array element null", R"({"ChapCredentials":[null]})", errc::wrong_type, 20, "/ChapCredentials/0"},
      {"array element array", R"({"ChapCredentials":[{},{},[]]})", errc::wrong_type, 26, "/ChapCredentials/2"},
      {"number in an element", R"({"ChapCredentials":[{},{},{},{"InitiatorName":7}]})", errc::wrong_type, 46,
       "/ChapCredentials/3/InitiatorName"},
      {"secret of the wrong type", R"({"ChapCredentials":[{"SecretToAuthenticateTarget":false}]})", errc::wrong_type,
       50, "/ChapCredentials/0/SecretToAuthenticateTarget"},
      {"duplicate secret in an element",
       R"({"ChapCredentials":[{"SecretToAuthenticateInitiator":"a","SecretToAuthenticateInitiator":"b"}]})",
       errc::duplicate_key, 57, "/ChapCredentials/0/SecretToAuthenticateInitiator"},
      {"duplicate ChapCredentials", R"({"ChapCredentials":[],"ChapCredentials":[]})", errc::duplicate_key, 22,
       "/ChapCredentials"},
      {"malformed inside an element", R"({"ChapCredentials":[{"TargetARN":"a" "x"}]})", errc::malformed_json, 37,
       "/ChapCredentials/0"},
  };
}
}  // namespace

TEST_CASE("hostile bodies: exact error, offset and pointer (responses)") {
  const auto rows = hostile_rows();
  REQUIRE(rows.size() + describe_rows().size() >= 40);
  for (const auto& row : rows) {
    INFO(row.what);
    const auto u = sgwchap::decode_update_chap_credentials_response(row.body);
    REQUIRE_FALSE(u.has_value());
    CHECK(u.error().code == row.code);
    CHECK(u.error().offset == row.offset);
    CHECK(u.error().pointer == row.pointer);
    // The same rows through the Delete decoder (same members) give the same answer.
    const auto d = sgwchap::decode_delete_chap_credentials_response(row.body);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error() == u.error());
  }
}

TEST_CASE("hostile bodies: exact error, offset and pointer (DescribeChapCredentials)") {
  for (const auto& row : describe_rows()) {
    INFO(row.what);
    const auto d = sgwchap::decode_describe_chap_credentials_response(row.body);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().code == row.code);
    CHECK(d.error().offset == row.offset);
    CHECK(d.error().pointer == row.pointer);
  }
}

TEST_CASE("wrong_type says the expected kind and names the member; messages never carry values") {
  const auto d = sgwchap::decode_describe_chap_credentials_response(R"({"ChapCredentials":{}})");
  REQUIRE_FALSE(d.has_value());
  CHECK(d.error().which == sgwchap::field::chap_credentials);
  CHECK(d.error().detail == 2);  // expected an array
  CHECK(d.error().message() == "/ChapCredentials: wrong JSON type (byte 19)");
  const auto s = sgwchap::decode_describe_chap_credentials_response(
      R"({"ChapCredentials":[{"SecretToAuthenticateInitiator":"topsecret123","SecretToAuthenticateInitiator":"topsecret456"}]})");
  REQUIRE_FALSE(s.has_value());
  CHECK(s.error().which == sgwchap::field::secret_to_authenticate_initiator);
  CHECK(s.error().message().find("topsecret") == std::string::npos);
}

TEST_CASE("limits are configurable") {
  sgwchap::decode_options small;
  small.max_body_size = 10;
  small.max_depth = 2;
  const auto big = sgwchap::decode_update_chap_credentials_response(R"({"TargetARN":"a"})", small);
  REQUIRE_FALSE(big.has_value());
  CHECK(big.error().code == errc::body_too_large);
  CHECK(big.error().offset == 10);
  CHECK(big.error().limit == 10);
  small.max_body_size = 100;
  const auto ok = sgwchap::decode_update_chap_credentials_response(R"({"a":[]})", small);
  CHECK(ok.has_value());
  const auto deep = sgwchap::decode_update_chap_credentials_response(R"({"a":[{}]})", small);
  REQUIRE_FALSE(deep.has_value());
  CHECK(deep.error().code == errc::nesting_too_deep);
  CHECK(deep.error().offset == 6);
  CHECK(deep.error().pointer == "/a/0");
  CHECK(deep.error().limit == 2);
  // Exactly at the default limits: accepted.
  CHECK(sgwchap::decode_update_chap_credentials_response(nested(32)).has_value());
  const std::string exact = R"({"x":")" + std::string((std::size_t{1} << 20) - 8, 'a') + R"("})";
  REQUIRE(exact.size() == std::size_t{1} << 20);
  CHECK(sgwchap::decode_update_chap_credentials_response(exact).has_value());
}

TEST_CASE("request bodies: unknown top-level keys are errors naming the member they resemble") {
  struct row {
    std::string body;
    errc code;
    std::size_t offset;
    std::string pointer;
    std::uint32_t detail;
  };
  const std::vector<row> rows{
      {R"({"TargetARN":"a","SecretToAuthenticateTarge":"x"})", errc::unknown_key, 17, "/SecretToAuthenticateTarge", 4},
      {R"({"targetarn":"a"})", errc::unknown_key, 1, "/targetarn", 1},
      {R"({"Zzz":1})", errc::unknown_key, 1, "/Zzz", 0},
      {R"({"a~b/c":1})", errc::unknown_key, 1, "/a~0b~1c", 0},
      {R"({"TargetARN":"a","TargetARN":"a"})", errc::duplicate_key, 17, "/TargetARN", 0},
      {R"({"InitiatorName":1})", errc::wrong_type, 17, "/InitiatorName", 1},
  };
  for (const auto& r : rows) {
    INFO(r.body);
    const auto u = sgwchap::decode_update_chap_credentials_request(r.body);
    REQUIRE_FALSE(u.has_value());
    CHECK(u.error().code == r.code);
    CHECK(u.error().offset == r.offset);
    CHECK(u.error().pointer == r.pointer);
    CHECK(u.error().detail == r.detail);
  }
  // Describe's body has only TargetARN: InitiatorName is unknown there.
  const auto d = sgwchap::decode_describe_chap_credentials_request(R"({"TargetARN":"a","InitiatorName":"b"})");
  REQUIRE_FALSE(d.has_value());
  CHECK(d.error().code == errc::unknown_key);
  CHECK(d.error().offset == 17);
  CHECK(d.error().detail == 0);  // too far from TargetARN to suggest it
  const auto del = sgwchap::decode_delete_chap_credentials_request(R"({"InitiatorName":"b","TargetARN":"a"})");
  REQUIRE(del.has_value());
  CHECK(del->initiator_name == std::string("b"));
}

TEST_CASE("a decoded request body checks into a request; problems are all listed") {
  const std::string body = std::string(R"({"TargetARN":")") + std::string(doc_arn) +
                           R"(","SecretToAuthenticateInitiator":"111111111111","InitiatorName":")" +
                           std::string(doc_initiator) + R"(","SecretToAuthenticateTarget":"111111111111"})";
  const auto raw = sgwchap::decode_update_chap_credentials_request(body);
  REQUIRE(raw.has_value());
  const auto checked = sgwchap::check_request(*raw);
  REQUIRE_FALSE(checked.has_value());
  REQUIRE(checked.error().size() == 1);
  CHECK(checked.error()[0].code == errc::secrets_must_differ);
  const auto missing = sgwchap::check_request(*sgwchap::decode_update_chap_credentials_request("{}"));
  REQUIRE_FALSE(missing.has_value());
  REQUIRE(missing.error().size() == 3);
  CHECK(missing.error()[0].which == sgwchap::field::target_arn);
  CHECK(missing.error()[1].which == sgwchap::field::secret_to_authenticate_initiator);
  CHECK(missing.error()[2].which == sgwchap::field::initiator_name);
  for (const auto& e : missing.error()) CHECK(e.code == errc::missing_member);
}

TEST_CASE("decode: Content-Type is checked for success responses, parameters tolerated") {
  const std::string body = R"({"TargetARN":"t"})";
  using sgwchap::operation;
  for (const std::string_view ct :
       {std::string_view("application/x-amz-json-1.1"), std::string_view("application/x-amz-json-1.1; charset=utf-8"),
        std::string_view("Application/X-Amz-Json-1.1 ;charset=UTF-8")}) {
    INFO(ct);
    const auto r = sgwchap::decode(operation::delete_chap_credentials, 200, {{"content-type", ct}}, body);
    REQUIRE(r.has_value());
    REQUIRE(std::holds_alternative<sgwchap::delete_chap_credentials_result>(*r));
    CHECK(std::get<sgwchap::delete_chap_credentials_result>(*r).target_arn == std::string("t"));
  }
  for (const std::string_view ct : {std::string_view("application/json"), std::string_view("text/html"),
                                    std::string_view("application/x-amz-json-1.0")}) {
    INFO(ct);
    const auto r = sgwchap::decode(operation::delete_chap_credentials, 200, {{"Content-Type", ct}}, body);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::bad_content_type);
    CHECK(r.error().which == sgwchap::field::content_type);
  }
  const auto none = sgwchap::decode(operation::delete_chap_credentials, 200, {}, body);
  REQUIRE_FALSE(none.has_value());
  CHECK(none.error().code == errc::bad_content_type);
  const auto empty = sgwchap::decode(operation::describe_chap_credentials, 200, {}, "");
  REQUIRE(empty.has_value());
  CHECK(std::holds_alternative<sgwchap::describe_chap_credentials_result>(*empty));
  const auto bad = sgwchap::decode(operation::update_chap_credentials, 200,
                                   {{"Content-Type", "application/x-amz-json-1.1"}}, R"({"TargetARN":1})");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == errc::wrong_type);
  // Any header container works.
  const std::vector<std::pair<std::string, std::string>> pairs{{"Content-Type", "application/x-amz-json-1.1"}};
  CHECK(sgwchap::decode(operation::update_chap_credentials, 200, pairs, "{}").has_value());
}

TEST_CASE("decode: errors become service_error whatever the Content-Type") {
  using sgwchap::operation;
  const auto r = sgwchap::decode(operation::update_chap_credentials, 502, {{"Content-Type", "text/html"}},
                                 "<html><body>Bad Gateway</body></html>");
  REQUIRE(r.has_value());
  REQUIRE(std::holds_alternative<sgwchap::service_error>(*r));
  const auto& e = std::get<sgwchap::service_error>(*r);
  CHECK(e.status == 502);
  CHECK(e.name.empty());
  CHECK_FALSE(e.body_was_json);
  CHECK(e.message == "<html><body>Bad Gateway</body></html>");
  CHECK(e.retryable());
  // An error-type header on a 200 is still an error.
  const auto h =
      sgwchap::decode(operation::update_chap_credentials, 200, {{"X-Amzn-ErrorType", "ThrottlingException"}}, "{}");
  REQUIRE(h.has_value());
  REQUIRE(std::holds_alternative<sgwchap::service_error>(*h));
  CHECK(std::get<sgwchap::service_error>(*h).name == "ThrottlingException");
}
