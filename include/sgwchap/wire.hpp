// sgwchap — the wire layer, umbrella header (target sgwchap::sgwchap; light: no JSON library).
//
//   wire/http_request.hpp   the HTTP request a transport signs and sends
//   wire/secure_buffer.hpp  a byte buffer that wipes itself
//   wire/encode.hpp         encode_body, to_http_request
//   wire/unchecked.hpp      unchecked requests, check_request, to_unchecked
//   wire/validate.hpp       validate(result)
//   wire/service_error.hpp  service errors (names, errorCode, retryable)
//   wire/decode_error.hpp   the error of a decoder: an error plus a JSON Pointer
#pragma once

#include <sgwchap/wire/decode_error.hpp>
#include <sgwchap/wire/encode.hpp>
#include <sgwchap/wire/http_request.hpp>
#include <sgwchap/wire/secure_buffer.hpp>
#include <sgwchap/wire/service_error.hpp>
#include <sgwchap/wire/unchecked.hpp>
#include <sgwchap/wire/validate.hpp>
