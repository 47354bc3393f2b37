// sgwchap tool — text that may hold a secret being printed on purpose (encode's body,
// --show-secrets): a growable buffer that wipes every block it gives up, and that fmt writes
// into directly.
//
// A std::string that grows frees its old block as it is, secret included; fmt::format_to into
// any other output iterator goes through a 256-byte array on the stack (fmt 9 core.h,
// `iterator_buffer`). fmt writes straight into a container it knows to be contiguous
// (`fmt::is_contiguous`, specialised below; https://fmt.dev/9.1.0/api.html, "format_to"), so
// text built here has exactly one copy, in a block that is wiped when it grows, on clear() and
// on destruction. Print it with `output::write_secret` (report.hpp), which bypasses stdio's
// buffer.
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/core.h>

#include <sgwchap/detail/wipe.hpp>

namespace sgwchap_tool {

/// The std::string subset the tool's printing uses (append, +=, push_back, resize, data, size)
/// over one heap block that is wiped before it is freed. Move-only.
class secret_text {
 public:
  using value_type = char;

  secret_text() noexcept = default;
  secret_text(const secret_text&) = delete;
  secret_text& operator=(const secret_text&) = delete;
  secret_text(secret_text&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  secret_text& operator=(secret_text&& other) noexcept {
    if (this != &other) {
      release();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
      capacity_ = std::exchange(other.capacity_, 0);
    }
    return *this;
  }
  ~secret_text() { release(); }

  [[nodiscard]] std::string_view view() const noexcept { return {data_ == nullptr ? "" : data_, size_}; }
  [[nodiscard]] char* data() noexcept { return data_; }
  [[nodiscard]] const char* data() const noexcept { return data_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  char& operator[](std::size_t i) noexcept { return data_[i]; }

  /// Grows to at least `n` bytes: a new block, the bytes copied, the old block wiped and freed.
  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    char* fresh = new char[n];
    if (size_ != 0) std::memcpy(fresh, data_, size_);
    sgwchap::secure_wipe(data_, capacity_);
    delete[] data_;
    data_ = fresh;
    capacity_ = n;
  }
  /// What fmt calls to make room (new bytes are zero; fmt overwrites them).
  void resize(std::size_t n) {
    if (n > capacity_) reserve(n > 2 * capacity_ ? (n < 64 ? 64 : n) : 2 * capacity_);
    if (n > size_) std::memset(data_ + size_, 0, n - size_);
    size_ = n;
  }
  void append(std::string_view s) {
    if (s.empty()) return;
    const std::size_t at = size_;
    resize(size_ + s.size());
    std::memcpy(data_ + at, s.data(), s.size());
  }
  void push_back(char c) { append(std::string_view(&c, 1)); }
  secret_text& operator+=(std::string_view s) {
    append(s);
    return *this;
  }
  secret_text& operator+=(char c) {
    push_back(c);
    return *this;
  }

  /// Wipes the bytes, keeps the block.
  void clear() noexcept {
    sgwchap::secure_wipe(data_, size_);
    size_ = 0;
  }

 private:
  void release() noexcept {
    sgwchap::secure_wipe(data_, capacity_);
    delete[] data_;
    data_ = nullptr;
    size_ = 0;
    capacity_ = 0;
  }

  char* data_{nullptr};
  std::size_t size_{0};
  std::size_t capacity_{0};
};

}  // namespace sgwchap_tool

/// fmt writes into a secret_text directly, with no stack buffer in between.
template <>
struct fmt::is_contiguous<sgwchap_tool::secret_text> : std::true_type {};
