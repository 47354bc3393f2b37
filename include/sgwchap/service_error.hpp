// sgwchap — moved to <sgwchap/wire/service_error.hpp> (layer folders, CHANGELOG "Unreleased"). This path forwards
// there for one release and will then be removed: include the new path.
#pragma once
#include <sgwchap/wire/service_error.hpp>
