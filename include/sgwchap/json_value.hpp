// sgwchap — moved to <sgwchap/json/value.hpp> (layer folders, CHANGELOG "Unreleased"). This path forwards
// there for one release and will then be removed: include the new path.
#pragma once
#include <sgwchap/json/value.hpp>
