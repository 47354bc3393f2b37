// sgwchap — umbrella header of the light headers (no Boost.JSON, no fmt).
// The codec is <sgwchap/json.hpp> (target sgwchap::json); formatters are <sgwchap/fmt.hpp>.
#pragma once

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/static_string.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/version.hpp>
