// sgwchap — the codec, umbrella header: the wire layer and the JSON layer. Target sgwchap::json
// (links Boost::json; this library never includes boost/json/src.hpp).
//
//   wire.hpp        encode_body, to_http_request, check_request, validate (no Boost.JSON needed)
//   json/decode.hpp decode_body, decode_*_response, decode_*_request, decode_service_error, decode
//   json/value.hpp  Boost.JSON tag_invoke integration (value_to / try_value_to / value_from)
//
// Exceptions: no encoder or decoder throws for any input; they allocate (results, bodies), so
// std::bad_alloc on memory exhaustion is the one exception left. Bad input is a decode_error.
#pragma once

#include <sgwchap/json/decode.hpp>
#include <sgwchap/json/value.hpp>
#include <sgwchap/wire.hpp>
