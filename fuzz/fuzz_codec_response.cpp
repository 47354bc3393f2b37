// libFuzzer harness: the three response decoders, and validate(result).
//
// Properties:
// - a body the fast path takes gives the exact decoder's value (json/detail/fast_path.hpp);
// - an error is well formed (code, offset inside the body, JSON Pointer, message); malformed
//   JSON for us is malformed for the Boost.JSON DOM too;
// - a success is one JSON object for the DOM (or an empty body), and every member we decoded has
//   the DOM's value, at every level of ChapCredentials (null as absent, unknown keys ignored);
// - a success re-encodes (encode_body of the result) to JSON the DOM accepts, and decoding that
//   gives the same result: decode(encode(decode(x))) == decode(x);
// - validate(result) never throws, names members by pointer, and its messages never contain a
//   secret of the response.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_codec_common.hpp"

namespace {

using sgwchap::profile;
using sgwchap_fuzz::check_same_string;

template <class Result, class Decode>
void check_reencode(const Result& decoded, Decode decode) {
  std::string body;
  FUZZ_CHECK(sgwchap::encode_body(decoded, body).has_value());
  const auto dom = sgwchap_fuzz::dom_parse(body);
  FUZZ_CHECK(dom.has_value() && dom->is_object());
  const auto again = decode(body);
  FUZZ_CHECK(again.has_value() && *again == decoded);
}

template <class Result, class Decode>
void names_result(std::string_view body, Decode decode) {
  const auto r = decode(body);
  if (!r.has_value()) {
    sgwchap_fuzz::check_decode_error(r.error(), body);
    return;
  }
  std::optional<boost::json::value> dom;
  const boost::json::object* o = sgwchap_fuzz::reference_object(body, dom);
  check_same_string((*r).target_arn, o, "TargetARN");
  check_same_string((*r).initiator_name, o, "InitiatorName");
  check_reencode(*r, decode);
  for (const profile p : {profile::strict, profile::aws_model}) {
    for (const auto& e : sgwchap::validate(*r, p)) {
      FUZZ_CHECK(e.pointer == "/TargetARN" || e.pointer == "/InitiatorName");
      FUZZ_CHECK(!e.message().empty());
    }
  }
}

void describe(std::string_view body) {
  sgwchap_fuzz::check_fast_path<sgwchap::describe_chap_credentials_result>(body);
  const auto r = sgwchap::decode_describe_chap_credentials_response(body);
  if (!r.has_value()) {
    sgwchap_fuzz::check_decode_error(r.error(), body);
    return;
  }
  std::optional<boost::json::value> dom;
  const boost::json::object* o = sgwchap_fuzz::reference_object(body, dom);
  const boost::json::value* list = nullptr;
  if (o != nullptr) {
    const auto* const it = o->find("ChapCredentials");
    if (it != o->end() && !it->value().is_null()) list = &it->value();
  }
  FUZZ_CHECK((*r).chap_credentials.has_value() == (list != nullptr));
  if (list != nullptr) {
    FUZZ_CHECK(list->is_array());
    const auto& items = list->as_array();
    const auto& ours = *(*r).chap_credentials;
    // null elements: our decoder either skips or refuses them; every element we kept is an
    // object of the DOM, in order.
    std::size_t k = 0;
    for (const auto& item : items) {
      if (item.is_null()) continue;
      FUZZ_CHECK(item.is_object() && k < ours.size());
      const boost::json::object* io = &item.as_object();
      check_same_string(ours[k].target_arn, io, "TargetARN");
      check_same_string(ours[k].secret_to_authenticate_initiator, io, "SecretToAuthenticateInitiator");
      check_same_string(ours[k].initiator_name, io, "InitiatorName");
      check_same_string(ours[k].secret_to_authenticate_target, io, "SecretToAuthenticateTarget");
      ++k;
    }
    FUZZ_CHECK(k == ours.size());
  }
  check_reencode(*r, [](std::string_view b) { return sgwchap::decode_describe_chap_credentials_response(b); });
  for (const profile p : {profile::strict, profile::aws_model}) {
    for (const auto& e : sgwchap::validate(*r, p)) {
      FUZZ_CHECK(e.pointer.rfind("/ChapCredentials/", 0) == 0);
      // Never a secret in a message: check every secret of the response.
      for (const auto& info : *(*r).chap_credentials) {
        for (const auto* s : {&info.secret_to_authenticate_initiator, &info.secret_to_authenticate_target}) {
          if (s->has_value()) sgwchap_fuzz::check_no_leak(e, (*s)->reveal(), [] {});
        }
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = sgwchap_fuzz::as_view(data, size);
  names_result<sgwchap::update_chap_credentials_result>(
      body, [](std::string_view b) { return sgwchap::decode_update_chap_credentials_response(b); });
  names_result<sgwchap::delete_chap_credentials_result>(
      body, [](std::string_view b) { return sgwchap::decode_delete_chap_credentials_response(b); });
  describe(body);
  return 0;
}
