// sgwchap — an exactly-sized heap copy of some bytes, for owning types whose values are usually
// short but may be long (a target ARN: ~110 bytes in practice, up to 3200 under aws_model).
// std::string would do, but <string> is most of a validator header's compile time (issue 9);
// this needs only <cstring>, <string_view> and <utility> (new[] needs no header).
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>
#include <utility>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

namespace detail {

/// Owns a copy of a byte string: one allocation of exactly its size (none when empty). Copying
/// allocates (may throw std::bad_alloc, as std::string does); moving never allocates or throws
/// and leaves the source empty.
class owned_bytes {
 public:
  owned_bytes() noexcept = default;
  explicit owned_bytes(std::string_view bytes) {
    if (bytes.empty()) return;
    data_ = new char[bytes.size()];
    std::memcpy(data_, bytes.data(), bytes.size());
    size_ = bytes.size();
  }
  owned_bytes(const owned_bytes& other) : owned_bytes(other.view()) {}
  owned_bytes(owned_bytes&& other) noexcept : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
  }
  owned_bytes& operator=(const owned_bytes& other) {
    if (this != &other) {
      owned_bytes copy(other);  // allocate first: on bad_alloc, *this is unchanged
      swap(copy);
    }
    return *this;
  }
  owned_bytes& operator=(owned_bytes&& other) noexcept {
    owned_bytes taken(std::move(other));
    swap(taken);
    return *this;
  }
  ~owned_bytes() { delete[] data_; }

  [[nodiscard]] std::string_view view() const noexcept { return {data_, size_}; }
  void swap(owned_bytes& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
  }

 private:
  char* data_{nullptr};
  std::size_t size_{0};
};

}  // namespace detail

SGWCHAP_END_NAMESPACE
