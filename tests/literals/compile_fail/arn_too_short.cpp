// expect-error: invalid_target_arn::too_short<32>
// A bad `_target_arn` literal: MODEL: at least 50 characters; the offset is the length.
#include <sgwchap/literals.hpp>

using namespace sgwchap::literals;
constexpr auto bad = "arn:aws:storagegateway:us-east-1"_target_arn;
