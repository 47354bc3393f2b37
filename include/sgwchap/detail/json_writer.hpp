// sgwchap — moved to <sgwchap/wire/detail/writer.hpp> (layer folders, CHANGELOG "Unreleased"). This path forwards
// there for one release and will then be removed: include the new path.
#pragma once
#include <sgwchap/wire/detail/writer.hpp>
