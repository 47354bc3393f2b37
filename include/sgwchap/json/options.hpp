// sgwchap — the limits of the decoders (docs/sources.md: the decoding rules, README "Decoding").
#pragma once

#include <cstddef>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// Limits of the decoders. A body over `max_body_size` bytes is body_too_large; a body that
/// nests objects and arrays deeper than `max_depth` is nesting_too_deep.
struct decode_options {
  std::size_t max_body_size = std::size_t{1} << 20;  ///< bytes (1 MiB)
  std::size_t max_depth = 32;                        ///< nested objects/arrays
};

SGWCHAP_END_NAMESPACE
