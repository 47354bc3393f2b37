// libFuzzer harness: decode_service_error(status, headers, body).
// Input: two bytes of status, a selector for the X-Amzn-Errortype header, then (after 0xFF)
// the header's value, then the body.
//
// Properties:
// - never throws; the only refusal is duplicate_key (a key it reads, twice), at a key's quote;
//   any other body gives a service_error with the given status;
// - the name is cleaned (SMITHY-JSON): no ':' in it; it is the DOM's top-level `__type`, else
//   `code`, else the header's cleaned value up to its first ',';
// - every string kept is valid UTF-8 (a bad byte in a JSON string becomes U+FFFD);
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
  const auto got = sgwchap::decode_service_error(status, headers, body);
  if (!got.has_value()) {
    FUZZ_CHECK(got.error().code == sgwchap::errc::duplicate_key);
    FUZZ_CHECK(got.error().offset < body.size() && body[got.error().offset] == '"');
    FUZZ_CHECK(!got.error().pointer.empty());
    return 0;
  }
  const sgwchap::service_error& e = *got;

  FUZZ_CHECK(e.status == status);
  FUZZ_CHECK(e.name.find(':') == std::string::npos);
  FUZZ_CHECK(sgwchap_fuzz::utf8_valid_prefix(e.message) == e.message.size());
  const std::string header_name =
      header.has_value() ? sgwchap::detail::sanitized_error_name(header->substr(0, header->find(','))) : "";

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
    FUZZ_CHECK(e.name == header_name);
  } else if (dom.has_value()) {  // (a body with invalid UTF-8 in a string is JSON to us, not to the DOM)
    FUZZ_CHECK(dom->is_object());
    const auto& o = dom->as_object();
    // Reference name: __type, else code, else the header (SMITHY-JSON). Repeated keys are
    // refused above, so the DOM (which keeps the last) agrees; escapes are left to the decoder.
    std::string ref;
    if (const auto type = dom_string(o, "__type"); type.has_value()) ref = sgwchap::detail::sanitized_error_name(*type);
    if (ref.empty()) {
      if (const auto code = dom_string(o, "code"); code.has_value()) ref = sgwchap::detail::sanitized_error_name(*code);
    }
    if (ref.empty()) ref = header_name;
    if (body.find('\\') == std::string_view::npos) FUZZ_CHECK(e.name == ref);
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
  const auto again_got = sgwchap::decode_service_error(status, {}, encoded);
  FUZZ_CHECK(again_got.has_value());
  const sgwchap::service_error& again = *again_got;
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
