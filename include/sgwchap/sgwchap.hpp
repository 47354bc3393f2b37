// sgwchap — umbrella header of target sgwchap::sgwchap: the core and the wire layer (no JSON
// library, no fmt). The decoders are <sgwchap/json.hpp> (target sgwchap::json); the formatters
// are <sgwchap/fmt.hpp> (target sgwchap::fmt).
//
// Exceptions: the parse/check functions (parse_target_arn, parse_iscsi_name, check_chap_secret,
// check_secrets_differ, is_valid_*, both normalize_iscsi_name overloads), the owning
// iscsi_name (parse, construction, copy) and error::message() are noexcept and allocate
// nothing. Every other public function (the owning target_arn among them: its bytes are one
// heap block) throws nothing for any input except std::bad_alloc when memory runs out; bad
// input is always a typed error. Under -fno-exceptions an allocation failure terminates.
#pragma once

// The core: errors, profiles, partitions, the validators, the operation tables, requests,
// builders and literals.
#include <sgwchap/builders.hpp>
#include <sgwchap/chap_secret.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/error_code.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/literals.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/partitions.hpp>
#include <sgwchap/profile.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/resource_arn.hpp>
#include <sgwchap/static_string.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/version.hpp>
// The wire layer.
#include <sgwchap/wire.hpp>
