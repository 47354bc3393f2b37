// Tests of decode_service_error (SMITHY-JSON): the four name forms, header precedence, message and
// Message, the nested __type, errorCode (known, unknown, trailing space), non-JSON bodies, retryable().
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <sgwchap/json.hpp>

using sgwchap::gateway_error_code;

TEST_CASE("the four error-name forms all mean FooError, from code, __type and the header") {
  for (const std::string_view raw :
       {std::string_view("FooError"),
        std::string_view("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
        std::string_view("aws.sg#FooError"), std::string_view("aws.sg#FooError:http://internal.amazon.com/coral/")}) {
    INFO(raw);
    CHECK(sgwchap::clean_error_name(raw) == "FooError");
    const std::string in_type = R"({"__type":")" + std::string(raw) + R"("})";
    CHECK(sgwchap::decode_service_error(400, {}, in_type).name == "FooError");
    const std::string in_code = R"({"code":")" + std::string(raw) + R"("})";
    CHECK(sgwchap::decode_service_error(400, {}, in_code).name == "FooError");
    CHECK(sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", raw}}, "{}").name == "FooError");
  }
}

TEST_CASE("name precedence: X-Amzn-Errortype header, then code, then __type; nested __type ignored") {
  const std::string body = R"({"__type":"TypeName","code":"CodeName","message":"m"})";
  CHECK(sgwchap::decode_service_error(400, {{"x-amzn-errortype", "HeaderName:uri"}}, body).name == "HeaderName");
  CHECK(sgwchap::decode_service_error(400, {}, body).name == "CodeName");
  CHECK(sgwchap::decode_service_error(400, {}, R"({"__type":"TypeName"})").name == "TypeName");
  CHECK(sgwchap::decode_service_error(400, {}, R"({"error":{"__type":"Nested"},"x":{"__type":"Deep"}})").name.empty());
  CHECK(sgwchap::decode_service_error(400, {}, R"({"error":{"__type":"Nested"},"__type":"Top"})").name == "Top");
  // An empty header falls back to the body.
  CHECK(sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", ""}}, body).name == "CodeName");
}

TEST_CASE("an error name with control bytes or invalid UTF-8 is made log-safe, and re-encodes") {
  struct row {
    std::string_view header;
    std::string_view body;
    std::string_view name;
  };
  const row rows[] = {
      {"\x1b[31mEvil", "{}", "?[31mEvil"},              // ESC from a header
      {"Bad\xff\xfeName", "{}", "Bad??Name"},           // invalid UTF-8 from a header
      {"  Spaced  ", "{}", "Spaced"},                   // HTTP white space around the value
      {"", R"({"code":"A\u001bB"})", "A?B"},            // an escaped ESC from the body
      {"", R"({"__type":"x#\u202eRTL:uri"})", "?RTL"},  // a bidi override after cleaning
  };
  for (const auto& r : rows) {
    INFO(r.name);
    std::vector<sgwchap::header_view> headers;
    if (!r.header.empty()) headers.push_back({"X-Amzn-Errortype", r.header});
    const auto e = sgwchap::decode_service_error(400, headers, r.body);
    CHECK(e.name == r.name);
    std::string encoded;
    CHECK(sgwchap::encode_body(e, encoded).has_value());
  }
}

TEST_CASE("message, else Message; the Storage Gateway error member") {
  const auto e = sgwchap::decode_service_error(
      400, {},
      R"({"__type":"InvalidGatewayRequestException","message":"The specified volume was not found.","error":{"errorCode":"VolumeNotFound"}})");
  CHECK(e.name == "InvalidGatewayRequestException");
  CHECK(e.message == "The specified volume was not found.");
  REQUIRE(e.error_code.has_value());
  CHECK(*e.error_code == gateway_error_code::volume_not_found);
  CHECK(e.error_code->str() == "VolumeNotFound");
  CHECK(e.body_was_json);
  CHECK(sgwchap::decode_service_error(400, {}, R"({"Message":"caps"})").message == "caps");
  CHECK(sgwchap::decode_service_error(400, {}, R"({"Message":"caps","message":"lower"})").message == "lower");
  const auto d = sgwchap::decode_service_error(
      500, {}, R"({"error":{"errorCode":"InternalError","errorDetails":{"a":"1","b":"2","n":5}}})");
  CHECK(d.error_details.size() == 2);
  CHECK(d.error_details.at("b") == "2");
}

TEST_CASE("errorCode is an open enum of MODEL's 62 values; unknown values are kept") {
  CHECK(sgwchap::gateway_error_codes.size() == 62);
  CHECK(sgwchap::gateway_error_code_name(gateway_error_code::lun_already_allocated) == "LunAlreadyAllocated ");
  const auto lun = sgwchap::decode_service_error(400, {}, R"({"error":{"errorCode":"LunAlreadyAllocated "}})");
  CHECK(*lun.error_code == gateway_error_code::lun_already_allocated);
  CHECK(lun.error_code->str() == "LunAlreadyAllocated ");
  const auto unknown = sgwchap::decode_service_error(400, {}, R"({"error":{"errorCode":"BrandNewCode"}})");
  REQUIRE(unknown.error_code.has_value());
  CHECK_FALSE(unknown.error_code->is_known());
  CHECK(*unknown.error_code == gateway_error_code::unknown);
  CHECK(unknown.error_code->str() == "BrandNewCode");
  for (const auto& entry : sgwchap::gateway_error_codes) {
    INFO(entry.wire);
    CHECK(sgwchap::parse_gateway_error_code(entry.wire) == entry.code);
  }
  // Re-encoding keeps the value byte for byte.
  std::string body;
  REQUIRE(sgwchap::encode_body(unknown, body).has_value());
  CHECK(body == R"({"error":{"errorCode":"BrandNewCode"}})");
}

TEST_CASE("a body that is not JSON still gives a service error with a sanitized excerpt") {
  const auto html =
      sgwchap::decode_service_error(504, {{"Content-Type", "text/html"}},
                                    "<html>\r\n<head><title>504 Gateway Time-out</title></head>\x1b[31m\n</html>");
  CHECK_FALSE(html.body_was_json);
  CHECK(html.status == 504);
  CHECK(html.name.empty());
  CHECK(html.message == "<html> <head><title>504 Gateway Time-out</title></head>?[31m </html>");
  const auto empty = sgwchap::decode_service_error(403, {}, "");
  CHECK_FALSE(empty.body_was_json);
  CHECK(empty.message.empty());
  CHECK(empty.status == 403);
  const auto cut = sgwchap::decode_service_error(502, {}, std::string(1000, 'x'));
  CHECK(cut.message == std::string(256, 'x') + "...");
  const auto bidi = sgwchap::decode_service_error(502, {},
                                                  "a\xE2\x80\xAE"
                                                  "b\xFF");
  CHECK(bidi.message == "a?b?");
  const auto with_header = sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", "ThrottlingException"}}, "oops");
  CHECK(with_header.name == "ThrottlingException");
  CHECK(with_header.message == "oops");
}

TEST_CASE("retryable() per class (botocore standard retry mode)") {
  struct row {
    int status;
    std::string_view name;
    std::string_view code;
    bool retryable;
  };
  const row rows[] = {
      {500, "InternalServerError", "", true},
      {502, "", "", true},
      {503, "ServiceUnavailable", "", true},
      {504, "", "", true},
      {400, "ThrottlingException", "", true},
      {400, "Throttling", "", true},
      {400, "TooManyRequestsException", "", true},
      {400, "RequestTimeoutException", "", true},
      {400, "PriorRequestNotComplete", "", true},
      {400, "SlowDown", "", true},
      {400, "InvalidGatewayRequestException", "RequestTimeout", true},
      {400, "InvalidGatewayRequestException", "ServiceUnavailable", true},
      {400, "InvalidGatewayRequestException", "VolumeNotFound", false},
      {400, "ValidationException", "", false},
      {403, "MissingAuthenticationToken", "", false},
      {400, "InvalidSignatureException", "", false},
      {404, "", "", false},
  };
  for (const auto& r : rows) {
    INFO(r.status << " " << r.name << " " << r.code);
    sgwchap::service_error e;
    e.status = r.status;
    e.name = r.name;
    if (!r.code.empty()) e.error_code.emplace(r.code);
    CHECK(e.retryable() == r.retryable);
  }
}
