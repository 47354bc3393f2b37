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
    CHECK(sgwchap::decode_service_error(400, {}, in_type).value().name == "FooError");
    const std::string in_code = R"({"code":")" + std::string(raw) + R"("})";
    CHECK(sgwchap::decode_service_error(400, {}, in_code).value().name == "FooError");
    CHECK(sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", raw}}, "{}").value().name == "FooError");
  }
}

TEST_CASE("name precedence: __type, then code, then the X-Amzn-Errortype header; nested __type ignored") {
  const std::string body = R"({"__type":"TypeName","code":"CodeName","message":"m"})";
  CHECK(sgwchap::decode_service_error(400, {{"x-amzn-errortype", "HeaderName:uri"}}, body).value().name == "TypeName");
  CHECK(sgwchap::decode_service_error(400, {}, body).value().name == "TypeName");
  CHECK(sgwchap::decode_service_error(400, {}, R"({"code":"CodeName"})").value().name == "CodeName");
  CHECK(
      sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", "HeaderName"}}, R"({"code":"CodeName"})").value().name ==
      "CodeName");
  CHECK(sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", "HeaderName"}}, R"({"message":"m"})").value().name ==
        "HeaderName");
  CHECK(sgwchap::decode_service_error(400, {}, R"({"error":{"__type":"Nested"},"x":{"__type":"Deep"}})")
            .value()
            .name.empty());
  CHECK(sgwchap::decode_service_error(400, {}, R"({"error":{"__type":"Nested"},"__type":"Top"})").value().name ==
        "Top");
  // An empty __type falls back to code, then to the header.
  CHECK(sgwchap::decode_service_error(400, {}, R"({"__type":"","code":"CodeName"})").value().name == "CodeName");
  CHECK(sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", "H"}}, R"({"__type":"","code":""})").value().name ==
        "H");
  // The issue's example: the body's name wins over a throttling header, so it is not retryable.
  const auto e = sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", "ThrottlingException"}},
                                               R"({"__type":"InvalidGatewayRequestException","message":"m"})");
  REQUIRE(e.has_value());
  CHECK(e->name == "InvalidGatewayRequestException");
  CHECK_FALSE(e->retryable());
  // A header a proxy joined from repeated ones counts up to its first ','.
  CHECK(sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", "FooError,BarError"}}, "{}").value().name ==
        "FooError");
  CHECK(sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", "aws.sg#FooError:http://x,Bar"}}, "").value().name ==
        "FooError");
}

TEST_CASE("a member read twice in an error body is refused: duplicate_key, its pointer and offset") {
  struct row {
    std::string_view body;
    std::size_t offset;
    std::string_view pointer;
  };
  const row rows[] = {
      {R"({"__type":"ThrottlingException","__type":"InvalidGatewayRequestException"})", 32, "/__type"},
      {R"({"code":"A","message":"m","code":"B"})", 26, "/code"},
      {R"({"message":"a","message":"b"})", 15, "/message"},
      {R"({"Message":"a","Message":"b"})", 15, "/Message"},
      {R"({"error":{"errorCode":"A","errorCode":"B"}})", 26, "/error/errorCode"},
      {R"({"error":{"errorDetails":{"k":"1","k":"2"}}})", 34, "/error/errorDetails/k"},
      {R"({"error":{},"error":{}})", 12, "/error"},
  };
  for (const row& r : rows) {
    INFO(r.body);
    const auto e = sgwchap::decode_service_error(400, {}, r.body);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code == sgwchap::errc::duplicate_key);
    CHECK(e.error().offset == r.offset);
    CHECK(r.body.substr(e.error().offset, 1) == "\"");
    CHECK(e.error().pointer == r.pointer);
    // decode() gives the same refusal: the caller keeps the status it passed.
    const auto d = sgwchap::decode(sgwchap::operation::update_chap_credentials, 400, {}, r.body);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error() == e.error());
  }
  // Keys it does not read may repeat (they are skipped, as in any response), and "message"
  // beside "Message" is no repetition.
  CHECK(sgwchap::decode_service_error(400, {}, R"({"x":1,"x":2,"message":"a","Message":"b"})").has_value());
}

TEST_CASE("invalid UTF-8 in the message alone: the name and errorCode stay, the message is sanitized") {
  const std::string raw_byte = std::string(R"({"__type":"InvalidGatewayRequestException","message":"bad )") + "\xff" +
                               R"( byte","error":{"errorCode":"TargetNotFound"}})";
  const std::string lone = R"({"__type":"InvalidGatewayRequestException","message":"bad \ud800 escape",)"
                           R"("error":{"errorCode":"TargetNotFound"}})";
  for (const std::string& body : {raw_byte, lone}) {
    const auto e = sgwchap::decode_service_error(400, {}, body);
    REQUIRE(e.has_value());
    CHECK(e->body_was_json);
    CHECK(e->name == "InvalidGatewayRequestException");
    REQUIRE(e->error_code.has_value());
    CHECK(e->error_code->value() == sgwchap::gateway_error_code::target_not_found);
    CHECK(sgwchap::detail::scan_utf8(e->message).ok);
    CHECK(e->message.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD where the bad text was
  }
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
    const auto e = sgwchap::decode_service_error(400, headers, r.body).value();
    CHECK(e.name == r.name);
    std::string encoded;
    CHECK(sgwchap::encode_body(e, encoded).has_value());
  }
}

TEST_CASE("message, else Message; the Storage Gateway error member") {
  const auto e =
      sgwchap::decode_service_error(
          400, {},
          R"({"__type":"InvalidGatewayRequestException","message":"The specified volume was not found.","error":{"errorCode":"VolumeNotFound"}})")
          .value();
  CHECK(e.name == "InvalidGatewayRequestException");
  CHECK(e.message == "The specified volume was not found.");
  REQUIRE(e.error_code.has_value());
  CHECK(*e.error_code == gateway_error_code::volume_not_found);
  CHECK(e.error_code->str() == "VolumeNotFound");
  CHECK(e.body_was_json);
  CHECK(sgwchap::decode_service_error(400, {}, R"({"Message":"caps"})").value().message == "caps");
  CHECK(sgwchap::decode_service_error(400, {}, R"({"Message":"caps","message":"lower"})").value().message == "lower");
  const auto d = sgwchap::decode_service_error(
                     500, {}, R"({"error":{"errorCode":"InternalError","errorDetails":{"a":"1","b":"2","n":5}}})")
                     .value();
  CHECK(d.error_details.size() == 2);
  CHECK(d.error_details.at("b") == "2");
}

TEST_CASE("errorCode is an open enum of MODEL's 62 values; unknown values are kept") {
  CHECK(sgwchap::gateway_error_codes.size() == 62);
  CHECK(sgwchap::gateway_error_code_name(gateway_error_code::lun_already_allocated) == "LunAlreadyAllocated ");
  const auto lun = sgwchap::decode_service_error(400, {}, R"({"error":{"errorCode":"LunAlreadyAllocated "}})").value();
  CHECK(*lun.error_code == gateway_error_code::lun_already_allocated);
  CHECK(lun.error_code->str() == "LunAlreadyAllocated ");
  const auto unknown = sgwchap::decode_service_error(400, {}, R"({"error":{"errorCode":"BrandNewCode"}})").value();
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
                                    "<html>\r\n<head><title>504 Gateway Time-out</title></head>\x1b[31m\n</html>")
          .value();
  CHECK_FALSE(html.body_was_json);
  CHECK(html.status == 504);
  CHECK(html.name.empty());
  CHECK(html.message == "<html> <head><title>504 Gateway Time-out</title></head>?[31m </html>");
  const auto empty = sgwchap::decode_service_error(403, {}, "").value();
  CHECK_FALSE(empty.body_was_json);
  CHECK(empty.message.empty());
  CHECK(empty.status == 403);
  const auto cut = sgwchap::decode_service_error(502, {}, std::string(1000, 'x')).value();
  CHECK(cut.message == std::string(256, 'x') + "...");
  const auto bidi = sgwchap::decode_service_error(502, {},
                                                  "a\xE2\x80\xAE"
                                                  "b\xFF")
                        .value();
  CHECK(bidi.message == "a?b?");
  const auto with_header =
      sgwchap::decode_service_error(400, {{"X-Amzn-Errortype", "ThrottlingException"}}, "oops").value();
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
      // errorCode is information, no retry signal (botocore and the JavaScript SDK v3 try a 400
      // with errorCode RequestTimeout once).
      {400, "InvalidGatewayRequestException", "RequestTimeout", false},
      {400, "InvalidGatewayRequestException", "ServiceUnavailable", false},
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
