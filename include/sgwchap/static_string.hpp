// sgwchap — a fixed-capacity string usable in constant expressions (std::string is not
// constexpr on Clang 14 with libstdc++ 12). Used for derived values such as endpoint hosts and
// for error messages (error::message()).
#pragma once

#include <cstddef>
#include <string_view>

#include <sgwchap/version.hpp>

SGWCHAP_BEGIN_NAMESPACE

/// A string of at most `Capacity` bytes stored inline (no heap, no exception, usable in
/// constant expressions). It implements no grammar: its users check what they put in. The only
/// failure is running out of room, which `append` reports by returning false and leaving the
/// string unchanged: nothing is ever silently truncated. The bytes are always followed by a NUL
/// (one byte of storage beyond `Capacity`), so `c_str()` can be handed to C APIs.
template <std::size_t Capacity>
class static_string {
 public:
  constexpr static_string() noexcept = default;

  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars_, size_}; }
  [[nodiscard]] constexpr const char* data() const noexcept { return chars_; }
  /// The bytes followed by a NUL (the string itself may contain NULs: size() is the length).
  [[nodiscard]] constexpr const char* c_str() const noexcept { return chars_; }
  [[nodiscard]] constexpr const char* begin() const noexcept { return chars_; }
  [[nodiscard]] constexpr const char* end() const noexcept { return chars_ + size_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] static constexpr std::size_t capacity() noexcept { return Capacity; }
  constexpr operator std::string_view() const noexcept { return view(); }  // NOLINT(google-explicit-constructor)

  /// Appends as much of `s` as fits; returns false (and appends nothing) when it does not fit.
  constexpr bool append(std::string_view s) noexcept {
    if (s.size() > Capacity - size_) return false;
    for (const char c : s) chars_[size_++] = c;
    chars_[size_] = '\0';  // already 0 (nothing ever shrinks the string); kept explicit for c_str()
    return true;
  }

  friend constexpr bool operator==(const static_string& a, const static_string& b) noexcept {
    return a.view() == b.view();
  }
  friend constexpr bool operator==(const static_string& a, std::string_view b) noexcept { return a.view() == b; }

 private:
  char chars_[Capacity + 1]{};  // + 1: the NUL after the last byte
  std::size_t size_{0};
};

SGWCHAP_END_NAMESPACE
