// libFuzzer harness: the workflow operations (ListVolumes, DescribeStorediSCSIVolumes,
// DescribeCachediSCSIVolumes, DescribeVTLDevices), generic over their member tables. Input: one
// selector byte (the operation, and result or request body), then the body.
// Properties:
// - a body the fast path takes gives the exact decoder's value (json/detail/fast_path.hpp);
// - a refused body gives a well-formed decode_error; the reference parser (Boost.JSON) agrees
//   on what is malformed JSON;
// - a decoded value re-encodes to a body that decodes to the same value (numbers exactly:
//   int64 sizes, nanosecond timestamps, shortest-text doubles);
// - the Boost.JSON conversions of the same body agree with the decoder on every member but the
//   timestamps and doubles, which a DOM holds as a double (checked separately: within a DOM
//   double's rounding);
// - results: validate() under both profiles gives problems whose pointers name a present member;
// - requests: check_request under both profiles either builds a request that encodes to the
//   same bytes as its unchecked twin, or reports problems in member order, each with a message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_codec_common.hpp"

namespace {

using sgwchap::profile;

template <class T, class Decode>
void check_value(const T& decoded, Decode decode) {
  std::string body;
  FUZZ_CHECK(sgwchap::encode_body(decoded, body).has_value());
  const auto dom = sgwchap_fuzz::dom_parse(body);
  FUZZ_CHECK(dom.has_value() && dom->is_object());
  const auto again = decode(body);
  FUZZ_CHECK(again.has_value() && *again == decoded);
  // The DOM reads the re-encoded body too (its numbers are in range by construction).
  const auto converted = boost::json::try_value_to<T>(*dom);
  FUZZ_CHECK(converted.has_value());
}

template <sgwchap::operation Op>
void result_body(std::string_view body) {
  using R = typename sgwchap::operation_types<Op>::result;
  const auto decode = [](std::string_view b) { return sgwchap::decode_body<R>(b); };
  sgwchap_fuzz::check_fast_path<R>(body);
  const auto r = decode(body);
  sgwchap_fuzz::check_reference_refusal(body, r.has_value());
  if (!r.has_value()) {
    sgwchap_fuzz::check_decode_error(r.error(), body);
    return;
  }
  check_value(*r, decode);
  for (const profile p : {profile::strict, profile::aws_model}) {
    for (const auto& e : sgwchap::validate(*r, p)) {
      FUZZ_CHECK(!e.pointer.empty() && e.pointer[0] == '/');
      FUZZ_CHECK(!e.message().empty());
    }
  }
}

template <sgwchap::operation Op>
void request_body(std::string_view body) {
  using Request = typename sgwchap::operation_types<Op>::request;
  using U = typename sgwchap::unchecked_of<Request>::type;
  const auto decode = [](std::string_view b) { return sgwchap::decode_body<U>(b); };
  sgwchap_fuzz::check_fast_path<U>(body);
  const auto r = decode(body);
  sgwchap_fuzz::check_reference_refusal(body, r.has_value());
  if (!r.has_value()) {
    sgwchap_fuzz::check_decode_error(r.error(), body);
    return;
  }
  check_value(*r, decode);
  for (const profile p : {profile::strict, profile::aws_model}) {
    const auto checked = sgwchap::check_request(*r, p);
    if (!checked.has_value()) {
      FUZZ_CHECK(!checked.error().empty());
      for (const sgwchap::error& e : checked.error()) FUZZ_CHECK(!e.message().empty());
      continue;
    }
    std::string a;
    std::string b;
    sgwchap::encode_body(*checked, a);
    FUZZ_CHECK(sgwchap::encode_body(sgwchap::to_unchecked(*checked), b).has_value() && a == b);
    FUZZ_CHECK(checked->checked_profile() == profile::strict || p == profile::aws_model);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string_view body = sgwchap_fuzz::as_view(data + 1, size - 1);
  // Operations 3.. of operations.hpp are the workflow's; bit 0x80 picks the request body.
  constexpr std::size_t first = static_cast<std::size_t>(sgwchap::operation::list_volumes);
  const auto op = static_cast<sgwchap::operation>(first + (selector & 0x7F) % (sgwchap::operations.size() - first));
  sgwchap::with_operation(op, [&]<sgwchap::operation Op>() {
    if ((selector & 0x80) != 0) {
      request_body<Op>(body);
    } else {
      result_body<Op>(body);
    }
  });
  return 0;
}
