// Tests of include/sgwchap/wire/http_request.hpp: redaction and headers.
#include <catch2/catch.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/wire/http_request.hpp>

TEST_CASE("http_request redacts every secret span, headers compare case-insensitively") {
  sgwchap::secure_buffer body(std::string_view(R"({"A":"s1","B":"x","C":"s22"})"));
  std::array<sgwchap::body_span, 2> spans{{{6, 2}, {23, 3}}};
  sgwchap::http_request r("UpdateChapCredentials", std::move(body), spans, 2, "h.example");
  CHECK(r.redacted_body() == R"({"A":"[redacted]","B":"x","C":"[redacted]"})");
  CHECK(r.header("HOST") == std::optional<std::string_view>("h.example"));
  CHECK(r.header("Content-Length") == std::optional<std::string_view>("28"));
  CHECK(r.redacted().rfind("POST /\nHost: h.example\n", 0) == 0);
  CHECK(r.redacted().find("s22") == std::string::npos);
  r.set_header("x-amz-target", "Other");
  CHECK(r.header("X-Amz-Target") == std::optional<std::string_view>("Other"));
}
