// sgwchap — version macros. Kept in step with project(VERSION) in CMakeLists.txt; a test checks it.
#pragma once

#define SGWCHAP_VERSION_MAJOR 0
#define SGWCHAP_VERSION_MINOR 1
#define SGWCHAP_VERSION_PATCH 0
#define SGWCHAP_VERSION_STRING "0.1.0"

// Every declaration lives in sgwchap::v0 (an inline namespace), as fmt does: two incompatible
// versions linked into one program then fail to link instead of misbehaving.
#define SGWCHAP_BEGIN_NAMESPACE \
  namespace sgwchap {           \
  inline namespace v0 {
#define SGWCHAP_END_NAMESPACE \
  }                           \
  }
