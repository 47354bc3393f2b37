// libFuzzer harness: decode(operation, status, headers, body), the transport's one call.
// Input: operation selector, two status bytes, a Content-Type selector (absent, exact, with
// parameters, upper case, wrong, or fuzz bytes), an optional X-Amzn-Errortype, then the body.
//
// Properties (differential against the per-operation entry points):
// - a status outside 200..299 or an X-Amzn-Errortype header gives exactly
//   decode_service_error(status, headers, body);
// - otherwise a Content-Type that is not application/x-amz-json-1.1 (parameters and case
//   tolerated), or an absent one with a non-empty body, gives bad_content_type;
// - otherwise the result (or decode_error) is exactly the operation's response decoder's.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "fuzz_codec_common.hpp"

namespace {

template <class Result, class Direct>
void same_as_direct(const tl::expected<sgwchap::response, sgwchap::decode_error>& got, const Direct& direct) {
  FUZZ_CHECK(got.has_value() == direct.has_value());
  if (!direct.has_value()) {
    FUZZ_CHECK(got.error() == direct.error());
    return;
  }
  FUZZ_CHECK(std::holds_alternative<Result>(*got) && std::get<Result>(*got) == *direct);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sgwchap_fuzz::byte_splitter in(sgwchap_fuzz::as_view(data, size));
  const auto op = static_cast<sgwchap::operation>(in.byte() % sgwchap::operations.size());
  const int status_high = in.byte();  // two statements: the order of the bytes is fixed
  const int status = (status_high << 8 | in.byte()) % 600;
  const std::uint8_t type_choice = in.byte() % 6;
  const std::optional<std::string> errortype = in.maybe();
  const std::string custom_type(in.next());
  const std::string_view body = in.next();

  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> content_type;
  switch (type_choice) {
    case 0: break;
    case 1: content_type = "application/x-amz-json-1.1"; break;
    case 2: content_type = "application/x-amz-json-1.1; charset=utf-8"; break;
    case 3: content_type = "APPLICATION/X-AMZ-JSON-1.1"; break;
    case 4: content_type = "application/json"; break;
    default: content_type = custom_type; break;
  }
  if (content_type.has_value()) headers.emplace_back("Content-Type", *content_type);
  if (errortype.has_value()) headers.emplace_back("X-Amzn-ErrorType", *errortype);

  const auto got = sgwchap::decode(op, status, headers, body);
  if (status < 200 || status > 299 || errortype.has_value()) {
    const auto alone = sgwchap::decode_service_error(status, headers, body);
    FUZZ_CHECK(got.has_value() == alone.has_value());
    if (!alone.has_value()) {
      FUZZ_CHECK(got.error() == alone.error() && alone.error().code == sgwchap::errc::duplicate_key);
      return 0;
    }
    FUZZ_CHECK(std::holds_alternative<sgwchap::service_error>(*got));
    FUZZ_CHECK(std::get<sgwchap::service_error>(*got) == *alone);
    return 0;
  }
  const bool type_ok = content_type.has_value() ? sgwchap::is_amz_json_content_type(*content_type) : body.empty();
  if (type_choice >= 1 && type_choice <= 3) FUZZ_CHECK(type_ok);
  if (type_choice == 4) FUZZ_CHECK(!type_ok);
  if (!type_ok) {
    FUZZ_CHECK(!got.has_value() && got.error().code == sgwchap::errc::bad_content_type &&
               got.error().which == sgwchap::field::content_type);
    return 0;
  }
  sgwchap::with_operation(op, [&]<sgwchap::operation Op>() {
    using R = typename sgwchap::operation_types<Op>::result;
    same_as_direct<R>(got, sgwchap::decode_body<R>(body));
  });
  if (!got.has_value()) sgwchap_fuzz::check_decode_error(got.error(), body);
  return 0;
}
