// sgwchap — the wire codec (SPEC §1-3, §9), umbrella header. Target sgwchap::json (links
// Boost::json; this library never includes boost/json/src.hpp).
//
//   json_encode.hpp  encode_body, to_http_request (no Boost.JSON needed)
//   json_decode.hpp  decode_*_response, decode_*_request, decode_service_error, decode
//   json_value.hpp   Boost.JSON tag_invoke integration (value_to / try_value_to / value_from)
//
// Exceptions: no encoder or decoder throws for any input; they allocate (results, bodies), so
// std::bad_alloc on memory exhaustion is the one exception left. Bad input is a decode_error.
#pragma once

#include <sgwchap/json_decode.hpp>
#include <sgwchap/json_encode.hpp>
#include <sgwchap/json_value.hpp>
