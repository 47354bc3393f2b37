// sgwchap — a growable byte buffer that wipes itself (MODEL marks the CHAP secrets sensitive: they never stay behind in
// freed memory). Holds encoded request bodies (which contain both CHAP secrets) and the
// decoder's scratch space for strings delivered in parts.
#pragma once

#include <cstddef>
#include <cstring>
#include <new>
#include <string_view>

#include <sgwchap/detail/wipe.hpp>
#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// An owning byte buffer with the `std::string` subset the encoder writes through
/// (`append`, `push_back`, `reserve`, `size`, `capacity`). Every byte it ever held is wiped
/// before its memory is released: on destruction, on `clear()`, when it grows (the old block is
/// wiped before it is freed) and when it is moved from. Move-only; `clone()` copies explicitly.
/// No stream operator and no formatter: print `view()` only where printing the body is the purpose.
class secure_buffer {
 public:
  secure_buffer() noexcept = default;
  /// Copies `bytes` (may throw std::bad_alloc).
  explicit secure_buffer(std::string_view bytes) { append(bytes.data(), bytes.size()); }

  secure_buffer(const secure_buffer&) = delete;
  secure_buffer& operator=(const secure_buffer&) = delete;
  secure_buffer(secure_buffer&& other) noexcept : data_(other.data_), size_(other.size_), capacity_(other.capacity_) {
    other.data_ = nullptr;
    other.size_ = 0;
    other.capacity_ = 0;
  }
  secure_buffer& operator=(secure_buffer&& other) noexcept {
    if (this != &other) {
      release();
      data_ = other.data_;
      size_ = other.size_;
      capacity_ = other.capacity_;
      other.data_ = nullptr;
      other.size_ = 0;
      other.capacity_ = 0;
    }
    return *this;
  }
  ~secure_buffer() { release(); }

  /// An explicit copy: a new block holding the same bytes (this buffer is unchanged). Throws
  /// only std::bad_alloc (allocation failure); nothing is then allocated or left behind.
  [[nodiscard]] secure_buffer clone() const { return secure_buffer(view()); }

  [[nodiscard]] const char* data() const noexcept { return data_ != nullptr ? data_ : ""; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// The bytes. Named `view`, not an implicit conversion, so every read is visible in review.
  [[nodiscard]] std::string_view view() const noexcept { return {data(), size_}; }

  /// Grows to at least `n` bytes of capacity: allocates a new block, copies, wipes and frees
  /// the old one. May throw std::bad_alloc (the buffer is then unchanged).
  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    char* fresh = new char[n];
    if (size_ != 0) std::memcpy(fresh, data_, size_);
    secure_wipe(data_, capacity_);
    delete[] data_;
    data_ = fresh;
    capacity_ = n;
  }

  /// Appends `n` bytes. When they do not fit, grows as reserve() does (to twice the capacity,
  /// at least 32 bytes): the old block is wiped before it is freed. Throws only std::bad_alloc
  /// (allocation failure); the buffer, its bytes and its capacity are then unchanged.
  void append(const char* bytes, std::size_t n) {
    if (n == 0) return;
    if (n > capacity_ - size_) reserve(grown(size_ + n));
    std::memcpy(data_ + size_, bytes, n);
    size_ += n;
  }
  /// As append(const char*, size_t). Throws only std::bad_alloc.
  void append(std::string_view bytes) { append(bytes.data(), bytes.size()); }
  /// As append(&c, 1). Throws only std::bad_alloc.
  void push_back(char c) { append(&c, 1); }

  /// Wipes the bytes and keeps the capacity (for reuse).
  void clear() noexcept {
    secure_wipe(data_, size_);
    size_ = 0;
  }

  /// Constant-time in the bytes (lengths are compared first).
  friend bool operator==(const secure_buffer& a, const secure_buffer& b) noexcept {
    if (a.size_ != b.size_) return false;
    unsigned diff = 0;
    for (std::size_t i = 0; i < a.size_; ++i) {
      diff |= static_cast<unsigned>(static_cast<unsigned char>(a.data_[i]) ^ static_cast<unsigned char>(b.data_[i]));
    }
    return diff == 0;
  }

 private:
  [[nodiscard]] std::size_t grown(std::size_t needed) const noexcept {
    const std::size_t doubled = capacity_ * 2;
    return doubled > needed ? doubled : (needed < 32 ? 32 : needed);
  }
  void release() noexcept {
    secure_wipe(data_, capacity_);
    delete[] data_;
    data_ = nullptr;
    size_ = 0;
    capacity_ = 0;
  }

  char* data_{nullptr};
  std::size_t size_{0};
  std::size_t capacity_{0};
};

SGWCHAP_END_NAMESPACE
