// sgwchap — moved to <sgwchap/partitions.hpp> (the table) and <sgwchap/detail/region.hpp> (the
// region matcher); this path forwards there for one release and will then be removed.
#pragma once
#include <sgwchap/detail/region.hpp>
