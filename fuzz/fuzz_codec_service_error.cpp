// libFuzzer harness: decode_service_error(status, headers, body).
// Input: two bytes of status, a selector for the X-Amzn-Errortype header, then (after 0xFF)
// the header's value, then the body.
//
// Properties:
// - never throws, never fails: any body gives a service_error with the given status;
// - the name is cleaned (SMITHY-JSON): no ':' in it; with the header present it is the header's
//   cleaned value; otherwise `code`, else `__type`, of the DOM's top-level object;
// - a JSON body's message and errorCode are the DOM's `message` (else `Message`) and
//   `error.errorCode`;
// - a body that is not JSON gives body_was_json false and a sanitized excerpt: valid UTF-8, no
//   control characters, bounded;
// - re-encoding (encode_body of the service_error) gives JSON the DOM accepts, and decoding it
//   again gives the same error (name, message, errorCode, errorDetails, retryable()); the name
//   is sanitized, so even one taken from a header of raw bytes re-encodes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_codec_common.hpp"

namespace {

std::optional<std::string> dom_string(const boost::json::object& o, std::string_view key) {
  const auto* const it = o.find(boost::json::string_view(key.data(), key.size()));
  if (it == o.end() || !it->value().is_string()) return std::nullopt;
  return std::string(it->value().get_string().data(), it->value().get_string().size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sgwchap_fuzz::byte_splitter in(sgwchap_fuzz::as_view(data, size));
  const int status_high = in.byte();  // two statements: the order of the bytes is fixed
  const int status = (status_high << 8 | in.byte()) % 1000;
  const std::optional<std::string> header = in.maybe();
  const std::string_view body = in.next();  // up to the next 0xFF; the rest is ignored

  std::vector<sgwchap::header_view> headers{{"content-type", "application/x-amz-json-1.1"}};
  if (header.has_value()) headers.push_back({"x-amzn-errortype", *header});
  const sgwchap::service_error e = sgwchap::decode_service_error(status, headers, body);

  FUZZ_CHECK(e.status == status);
  FUZZ_CHECK(e.name.find(':') == std::string::npos);
  FUZZ_CHECK(sgwchap_fuzz::utf8_valid_prefix(e.message) == e.message.size() || e.body_was_json);
  const bool has_header_name = header.has_value() && !sgwchap::clean_error_name(*header).empty();
  if (has_header_name) FUZZ_CHECK(e.name == sgwchap::detail::sanitized_error_name(*header));

  const auto dom = sgwchap_fuzz::dom_parse(body);
  if (!e.body_was_json) {
    // Not one JSON object within the limits (or empty): the excerpt is safe to print.
    FUZZ_CHECK(body.empty() || !dom.has_value() || !dom->is_object());
    FUZZ_CHECK(e.message.size() <= sgwchap::service_error::body_excerpt_limit + 3 + 3);
    for (const char c : e.message) {
      const auto b = static_cast<unsigned char>(c);
      FUZZ_CHECK(b >= 0x20 && b != 0x7F);
    }
    FUZZ_CHECK(!e.error_code.has_value() && e.error_details.empty());
    if (!has_header_name) FUZZ_CHECK(e.name.empty());
  } else {
    FUZZ_CHECK(dom.has_value() && dom->is_object());
    const auto& o = dom->as_object();
    // Reference name, per SMITHY-JSON. Our decoder keeps the first of a repeated member, the DOM the
    // last: compare only when the body has no repeated top-level key.
    if (!has_header_name && o.size() > 0) {
      std::string ref;
      if (const auto code = dom_string(o, "code"); code.has_value()) ref = sgwchap::detail::sanitized_error_name(*code);
      if (ref.empty()) {
        if (const auto type = dom_string(o, "__type"); type.has_value())
          ref = sgwchap::detail::sanitized_error_name(*type);
      }
      const bool repeated = body.find("\"code\"") != body.rfind("\"code\"") ||
                            body.find("\"__type\"") != body.rfind("\"__type\"") ||
                            body.find('\\') != std::string_view::npos;
      if (!repeated) FUZZ_CHECK(e.name == ref);
    }
  }

  // Round trip through the encoder.
  // Every decoded error re-encodes: the name is sanitized (never raw header bytes), and the
  // message and details come from JSON strings or the sanitized excerpt, all valid UTF-8.
  std::string encoded;
  const auto reencoded = sgwchap::encode_body(e, encoded);
  FUZZ_CHECK(reencoded.has_value());
  FUZZ_CHECK(sgwchap_fuzz::utf8_valid_prefix(e.name) == e.name.size());
  for (const char c : e.name) FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20U && c != 0x7F);
  const auto dom2 = sgwchap_fuzz::dom_parse(encoded);
  FUZZ_CHECK(dom2.has_value() && dom2->is_object());
  const sgwchap::service_error again = sgwchap::decode_service_error(status, {}, encoded);
  FUZZ_CHECK(again.body_was_json);
  // The encoder writes the cleaned name as __type; cleaning is idempotent unless the name still
  // holds a '#' ("a#b#c" cleans to "b#c", then to "c").
  if (e.name.find('#') == std::string::npos) FUZZ_CHECK(again.name == e.name);
  FUZZ_CHECK(again.message == e.message);
  FUZZ_CHECK(again.error_code == e.error_code);
  FUZZ_CHECK(again.error_details == e.error_details);
  FUZZ_CHECK(again.retryable() == e.retryable() || e.name != again.name);
  return 0;
}
