// sgwchap — umbrella header of the light headers (no Boost.JSON, no fmt).
// The codec is <sgwchap/json.hpp> (target sgwchap::json); formatters are <sgwchap/fmt.hpp>.
//
// Exceptions: the parse/check functions (parse_target_arn, parse_iscsi_name, check_chap_secret,
// check_secrets_differ, is_valid_*, both normalize_iscsi_name overloads), the owning
// iscsi_name (parse, construction, copy) and error::message() are noexcept and allocate
// nothing. Every other public function (the owning target_arn among them: its bytes are one
// heap block) throws nothing for any input
// except std::bad_alloc when memory runs out; bad input is always a typed error. Under
// -fno-exceptions an allocation failure terminates.
#pragma once

#include <sgwchap/builders.hpp>
#include <sgwchap/chap_secret.hpp>
#include <sgwchap/decode_error.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/error_code.hpp>
#include <sgwchap/http_request.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/literals.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/secure_buffer.hpp>
#include <sgwchap/service_error.hpp>
#include <sgwchap/static_string.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/version.hpp>
