// Tests of include/sgwchap/wire/secure_buffer.hpp.
#include <catch2/catch.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/wire/secure_buffer.hpp>

TEST_CASE("secure_buffer grows, clears and moves, and compares by content") {
  sgwchap::secure_buffer b;
  CHECK(b.empty());
  b.append("abc");
  b.push_back('d');
  CHECK(b.view() == "abcd");
  b.append(std::string(100, 'x'));
  CHECK(b.size() == 104);
  CHECK(b.capacity() >= 104);
  const auto copy = b.clone();
  CHECK(copy == b);
  sgwchap::secure_buffer moved(std::move(b));
  CHECK(moved.size() == 104);
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  const std::size_t capacity = moved.capacity();
  moved.clear();
  CHECK(moved.empty());
  CHECK(moved.capacity() == capacity);
}
