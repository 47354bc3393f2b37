// sgwchap tool — the commands that need the codec (<sgwchap/json.hpp>): validate request,
// encode, decode response, decode error.
#include <string>

#include "commands.hpp"

namespace sgwchap_tool {

int validate_request(const output&, const std::string&, const std::string&) {
  return usage_error("'validate request' is not available yet", "sgwchap validate request");
}
int encode_request(const output&, const encode_options&) {
  return usage_error("'encode' is not available yet", "sgwchap encode");
}
int decode_response(const output&, const std::string&, const std::string&, bool) {
  return usage_error("'decode response' is not available yet", "sgwchap decode response");
}
int decode_error(const output&, const error_options&) {
  return usage_error("'decode error' is not available yet", "sgwchap decode error");
}

}  // namespace sgwchap_tool
