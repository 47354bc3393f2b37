// libFuzzer harness: request bodies (what `sgwchap validate request` reads), the three decoders,
// then validation (check_request) under both profiles.
//
// Properties:
// - the input is decoded by all three request decoders; an error is well formed (code, offset
//   inside the body, JSON Pointer, message), and malformed JSON for us is malformed for the
//   Boost.JSON DOM too;
// - a success is one JSON object for the DOM, and every member we decoded has the DOM's value
//   (string unescaping, null as absent); an unknown top-level key is never accepted;
// - a success re-encodes (encode_body of the unchecked request) to JSON the DOM accepts, and
//   decoding that gives the same request (decode(encode(decode(x))) == decode(x));
// - check_request agrees with from_strings on the same members, and none of its messages
//   contains a decoded secret (APIREF-Update).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_codec_common.hpp"

namespace {

using sgwchap::profile;
using sgwchap_fuzz::check_same_string;

constexpr std::string_view known_keys[] = {"TargetARN", "SecretToAuthenticateInitiator", "InitiatorName",
                                           "SecretToAuthenticateTarget"};

void check_only_known_keys(const boost::json::object* o, std::size_t allowed) {
  if (o == nullptr) return;
  for (const auto& kv : *o) {
    bool known = false;
    for (std::size_t i = 0; i < allowed && i < 4; ++i) {
      const std::string_view k = known_keys[i];
      known = known || std::string_view(kv.key().data(), kv.key().size()) == k;
    }
    FUZZ_CHECK(known);
  }
}

template <class Unchecked>
void check_reencode(const Unchecked& decoded, Unchecked (*decode_again)(std::string_view)) {
  std::string body;
  const auto encoded = sgwchap::encode_body(decoded, body);
  FUZZ_CHECK(encoded.has_value());  // decoded strings are valid UTF-8: the encoder never refuses them
  FUZZ_CHECK(sgwchap_fuzz::dom_parse(body).has_value() && sgwchap_fuzz::dom_parse(body)->is_object());
  FUZZ_CHECK(decode_again(body) == decoded);
}

template <class Problems>
void check_messages(const Problems& problems, const sgwchap::unchecked_update_chap_credentials_request& u) {
  for (const sgwchap::error& e : problems) {
    for (const auto* s : {&u.secret_to_authenticate_initiator, &u.secret_to_authenticate_target}) {
      if (s->has_value()) sgwchap_fuzz::check_no_leak(e, (*s)->reveal(), [] {});
    }
  }
}

void update(std::string_view body) {
  auto r = sgwchap::decode_update_chap_credentials_request(body);
  if (!r.has_value()) {
    sgwchap_fuzz::check_decode_error(r.error(), body);
    return;
  }
  const auto& u = *r;
  std::optional<boost::json::value> dom;
  const boost::json::object* o = sgwchap_fuzz::reference_object(body, dom);
  check_only_known_keys(o, 4);
  check_same_string(u.target_arn, o, "TargetARN");
  check_same_string(u.secret_to_authenticate_initiator, o, "SecretToAuthenticateInitiator");
  check_same_string(u.initiator_name, o, "InitiatorName");
  check_same_string(u.secret_to_authenticate_target, o, "SecretToAuthenticateTarget");
  check_reencode<sgwchap::unchecked_update_chap_credentials_request>(u, [](std::string_view b) {
    auto again = sgwchap::decode_update_chap_credentials_request(b);
    FUZZ_CHECK(again.has_value());
    return std::move(*again);
  });
  for (const profile p : {profile::strict, profile::aws_model}) {
    const auto checked = sgwchap::check_request(u, p);
    const bool complete = u.target_arn && u.secret_to_authenticate_initiator && u.initiator_name;
    if (complete) {
      std::optional<std::string_view> target;
      if (u.secret_to_authenticate_target) target = u.secret_to_authenticate_target->reveal();
      const auto direct = sgwchap::update_chap_credentials_request::from_strings(
          *u.target_arn, *u.initiator_name, u.secret_to_authenticate_initiator->reveal(), target, p);
      FUZZ_CHECK(checked.has_value() == direct.has_value());
      if (!checked.has_value()) FUZZ_CHECK(checked.error() == direct.error());
    } else {
      FUZZ_CHECK(!checked.has_value());
      bool missing = false;
      for (const auto& e : checked.error()) missing = missing || e.code == sgwchap::errc::missing_member;
      FUZZ_CHECK(missing);
    }
    if (!checked.has_value()) {
      check_messages(checked.error(), u);
    } else {
      // A checked request encodes to the same body as its unchecked twin.
      std::string a;
      std::string b;
      sgwchap::encode_body(*checked, a);
      FUZZ_CHECK(sgwchap::encode_body(sgwchap::to_unchecked(*checked), b).has_value() && a == b);
    }
  }
}

void describe(std::string_view body) {
  auto r = sgwchap::decode_describe_chap_credentials_request(body);
  if (!r.has_value()) {
    sgwchap_fuzz::check_decode_error(r.error(), body);
    return;
  }
  std::optional<boost::json::value> dom;
  const boost::json::object* o = sgwchap_fuzz::reference_object(body, dom);
  check_only_known_keys(o, 1);
  check_same_string((*r).target_arn, o, "TargetARN");
  check_reencode<sgwchap::unchecked_describe_chap_credentials_request>(*r, [](std::string_view b) {
    auto again = sgwchap::decode_describe_chap_credentials_request(b);
    FUZZ_CHECK(again.has_value());
    return std::move(*again);
  });
  for (const profile p : {profile::strict, profile::aws_model}) {
    const auto checked = sgwchap::check_request(*r, p);
    FUZZ_CHECK(checked.has_value() ==
               ((*r).target_arn.has_value() && sgwchap::is_valid_target_arn(*(*r).target_arn, p)));
  }
}

void remove(std::string_view body) {
  auto r = sgwchap::decode_delete_chap_credentials_request(body);
  if (!r.has_value()) {
    sgwchap_fuzz::check_decode_error(r.error(), body);
    return;
  }
  std::optional<boost::json::value> dom;
  const boost::json::object* o = sgwchap_fuzz::reference_object(body, dom);
  // Delete knows TargetARN and InitiatorName: check both by name.
  if (o != nullptr) {
    for (const auto& kv : *o) {
      const std::string_view k(kv.key().data(), kv.key().size());
      FUZZ_CHECK(k == "TargetARN" || k == "InitiatorName");
    }
  }
  check_same_string((*r).target_arn, o, "TargetARN");
  check_same_string((*r).initiator_name, o, "InitiatorName");
  check_reencode<sgwchap::unchecked_delete_chap_credentials_request>(*r, [](std::string_view b) {
    auto again = sgwchap::decode_delete_chap_credentials_request(b);
    FUZZ_CHECK(again.has_value());
    return std::move(*again);
  });
  for (const profile p : {profile::strict, profile::aws_model}) {
    const auto checked = sgwchap::check_request(*r, p);
    const bool expected = (*r).target_arn.has_value() && (*r).initiator_name.has_value() &&
                          sgwchap::is_valid_target_arn(*(*r).target_arn, p) &&
                          sgwchap::is_valid_iscsi_name(*(*r).initiator_name, p);
    FUZZ_CHECK(checked.has_value() == expected);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = sgwchap_fuzz::as_view(data, size);
  update(body);
  describe(body);
  remove(body);
  return 0;
}
