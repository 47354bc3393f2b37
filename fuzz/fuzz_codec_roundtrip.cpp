// libFuzzer harness: structured round trips. The fuzz bytes choose a kind and give its strings
// (cut at 0xFF bytes, each optional by a selector byte); the value is encoded, decoded, compared.
//
// Properties:
// - checked requests (from_strings under both profiles): encode_body gives JSON the DOM
//   accepts, decode_*_request gives back to_unchecked(request), check_request gives back the
//   request; to_http_request's body is the same bytes, its Content-Length is the body's size,
//   its X-Amz-Target names the operation, and the redacted forms do not depend on the secrets'
//   bytes (they equal those of the same request with placeholder secrets);
// - unchecked requests, the three results (Describe with up to 8 ChapInfo) and service errors:
//   encode_body refuses exactly the values with a string that is not valid UTF-8 (oracle: the
//   RFC 3629 regex), and otherwise decode(encode(x)) == x.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_codec_common.hpp"

namespace {

using sgwchap::profile;
using sgwchap_fuzz::byte_splitter;

bool valid_text(std::string_view s) { return sgwchap_fuzz::utf8_valid_prefix(s) == s.size(); }
bool valid_utf8(const std::optional<std::string>& s) { return !s.has_value() || valid_text(*s); }
bool valid_utf8(const std::optional<sgwchap::chap_secret>& s) { return !s.has_value() || valid_text(s->reveal()); }

std::optional<sgwchap::chap_secret> maybe_secret(byte_splitter& in) {
  auto s = in.maybe();
  if (!s.has_value()) return std::nullopt;
  return sgwchap::chap_secret::unchecked(*s);
}

template <class T, class Decode>
void round_trip(const T& value, bool utf8_ok, Decode decode) {
  std::string body;
  const auto encoded = sgwchap::encode_body(value, body);
  FUZZ_CHECK(encoded.has_value() == utf8_ok);
  if (!encoded.has_value()) {
    FUZZ_CHECK(encoded.error().code == sgwchap::errc::invalid_utf8 && body.empty());
    return;
  }
  const auto dom = sgwchap_fuzz::dom_parse(body);
  FUZZ_CHECK(dom.has_value() && dom->is_object());
  auto decoded = decode(std::string_view(body));
  FUZZ_CHECK(decoded.has_value() && *decoded == value);
}

std::string without_content_length(std::string text) {
  const std::size_t at = text.find("Content-Length:");
  if (at == std::string::npos) return text;
  const std::size_t end = text.find('\n', at);
  return text.erase(at, end == std::string::npos ? std::string::npos : end - at);
}

template <class Request, class Decode>
void checked_request(const Request& request, Decode decode, const Request* placeholder = nullptr) {
  std::string body;
  sgwchap::encode_body(request, body);
  const auto dom = sgwchap_fuzz::dom_parse(body);
  FUZZ_CHECK(dom.has_value() && dom->is_object());
  const auto decoded = decode(std::string_view(body));
  FUZZ_CHECK(decoded.has_value() && *decoded == sgwchap::to_unchecked(request));
  const auto checked = sgwchap::check_request(*decoded, request.checked_profile());
  FUZZ_CHECK(checked.has_value() && *checked == request);

  const sgwchap::http_request http = sgwchap::to_http_request(request);
  FUZZ_CHECK(http.body().view() == body);
  FUZZ_CHECK(http.header("Content-Length") == std::optional<std::string_view>(std::to_string(body.size())));
  FUZZ_CHECK(
      http.header("X-Amz-Target") ==
      std::optional<std::string_view>("StorageGateway_20130630." + std::string(sgwchap::operation_name(Request::op))));
  FUZZ_CHECK(http.host() == request.target_arn().view().host().view());
  // Secrets are sensitive: the redacted forms do not depend on the secrets' bytes at all. The
  // same request with placeholder secrets gives the same redacted body, and the same redacted
  // request apart from Content-Length.
  if (placeholder != nullptr) {
    const sgwchap::http_request other = sgwchap::to_http_request(*placeholder);
    FUZZ_CHECK(http.redacted_body() == other.redacted_body());
    FUZZ_CHECK(without_content_length(http.redacted()) == without_content_length(other.redacted()));
  }
}

void run_checked(byte_splitter& in) {
  const std::string arn(in.next());
  const std::string name(in.next());
  const std::string secret(in.next());
  const std::optional<std::string> target = in.maybe();
  for (const profile p : {profile::strict, profile::aws_model}) {
    std::optional<std::string_view> t;
    if (target.has_value()) t = *target;
    if (auto u = sgwchap::update_chap_credentials_request::from_strings(arn, name, secret, t, p); u.has_value()) {
      std::optional<std::string_view> other_target;
      if (t.has_value()) other_target = "placeholder-2";
      const auto placeholder =
          sgwchap::update_chap_credentials_request::from_strings(arn, name, "placeholder-1", other_target, p);
      FUZZ_CHECK(placeholder.has_value());
      checked_request(
          *u, [](std::string_view b) { return sgwchap::decode_update_chap_credentials_request(b); }, &*placeholder);
    }
    if (auto d = sgwchap::describe_chap_credentials_request::from_strings(arn, p); d.has_value()) {
      checked_request(*d, [](std::string_view b) { return sgwchap::decode_describe_chap_credentials_request(b); });
    }
    if (auto d = sgwchap::delete_chap_credentials_request::from_strings(arn, name, p); d.has_value()) {
      checked_request(*d, [](std::string_view b) { return sgwchap::decode_delete_chap_credentials_request(b); });
    }
  }
}

void run_unchecked(byte_splitter& in) {
  sgwchap::unchecked_update_chap_credentials_request u;
  u.target_arn = in.maybe();
  u.secret_to_authenticate_initiator = maybe_secret(in);
  u.initiator_name = in.maybe();
  u.secret_to_authenticate_target = maybe_secret(in);
  round_trip(u,
             valid_utf8(u.target_arn) && valid_utf8(u.secret_to_authenticate_initiator) &&
                 valid_utf8(u.initiator_name) && valid_utf8(u.secret_to_authenticate_target),
             [](std::string_view b) { return sgwchap::decode_update_chap_credentials_request(b); });
  sgwchap::unchecked_describe_chap_credentials_request d{u.target_arn};
  round_trip(d, valid_utf8(d.target_arn),
             [](std::string_view b) { return sgwchap::decode_describe_chap_credentials_request(b); });
  sgwchap::unchecked_delete_chap_credentials_request x{u.target_arn, u.initiator_name};
  round_trip(x, valid_utf8(x.target_arn) && valid_utf8(x.initiator_name),
             [](std::string_view b) { return sgwchap::decode_delete_chap_credentials_request(b); });
}

void run_results(byte_splitter& in) {
  sgwchap::update_chap_credentials_result r{in.maybe(), in.maybe()};
  round_trip(r, valid_utf8(r.target_arn) && valid_utf8(r.initiator_name),
             [](std::string_view b) { return sgwchap::decode_update_chap_credentials_response(b); });
  sgwchap::delete_chap_credentials_result d{r.target_arn, r.initiator_name};
  round_trip(d, valid_utf8(d.target_arn) && valid_utf8(d.initiator_name),
             [](std::string_view b) { return sgwchap::decode_delete_chap_credentials_response(b); });

  sgwchap::describe_chap_credentials_result list;
  bool ok = true;
  if ((in.byte() & 1U) != 0) {
    list.chap_credentials.emplace();
    const std::size_t count = in.byte() % 9;
    for (std::size_t i = 0; i < count; ++i) {
      sgwchap::chap_info info;
      info.target_arn = in.maybe();
      info.secret_to_authenticate_initiator = maybe_secret(in);
      info.initiator_name = in.maybe();
      info.secret_to_authenticate_target = maybe_secret(in);
      ok = ok && valid_utf8(info.target_arn) && valid_utf8(info.secret_to_authenticate_initiator) &&
           valid_utf8(info.initiator_name) && valid_utf8(info.secret_to_authenticate_target);
      list.chap_credentials->push_back(std::move(info));
    }
  }
  round_trip(list, ok, [](std::string_view b) { return sgwchap::decode_describe_chap_credentials_response(b); });
}

void run_service_error(byte_splitter& in) {
  sgwchap::service_error e;
  e.status = 400;
  // Names as decoding leaves them: cleaned, and with no '#' left (see fuzz_codec_service_error).
  const std::string raw(in.next());
  e.name = sgwchap::detail::sanitized_error_name(raw);
  if (e.name.find('#') != std::string::npos) e.name.clear();
  e.message = std::string(in.next());
  if (auto code = in.maybe(); code.has_value()) e.error_code.emplace(*code);
  const std::size_t details = in.byte() % 4;
  bool ok = valid_text(e.name) && valid_text(e.message) && (!e.error_code || valid_text(e.error_code->str()));
  for (std::size_t i = 0; i < details; ++i) {
    std::string key(in.next());
    std::string value(in.next());
    const bool pair_ok = valid_text(key) && valid_text(value);
    if (e.error_details.emplace(std::move(key), std::move(value)).second)
      ok = ok && pair_ok;  // a repeated key is dropped
  }
  round_trip(e, ok, [](std::string_view b) {
    return std::optional<sgwchap::service_error>(sgwchap::decode_service_error(400, {}, b).value());
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  byte_splitter in(sgwchap_fuzz::as_view(data, size));
  switch (in.byte() % 4) {
    case 0: run_checked(in); break;
    case 1: run_unchecked(in); break;
    case 2: run_results(in); break;
    default: run_service_error(in); break;
  }
  return 0;
}
