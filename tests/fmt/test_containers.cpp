// Owning types in containers: target_arn and iscsi_name hash and order; chap_secret and every
// type that holds one has no std::hash and no ordering (its equality is constant time and a
// hash would leak), and no stream operator.
#include <catch2/catch.hpp>

#include <compare>
#include <concepts>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/target_arn.hpp>
#include <sgwchap/wire/http_request.hpp>
#include <sgwchap/wire/service_error.hpp>
#include <sgwchap/wire/unchecked.hpp>

namespace {

template <class T>
concept std_hashable = requires(const T& v) {
  { std::hash<T>{}(v) } -> std::convertible_to<std::size_t>;
};

template <class T>
concept streamable = requires(std::ostream& os, const T& v) {
  os << v;
};

// Positive controls: the concepts do detect what they claim to.
static_assert(std_hashable<std::string>);
static_assert(streamable<std::string>);

// Owning names: hashable, totally ordered, copyable.
static_assert(std_hashable<sgwchap::target_arn>);
static_assert(std_hashable<sgwchap::iscsi_name>);
static_assert(std::totally_ordered<sgwchap::target_arn>);
static_assert(std::totally_ordered<sgwchap::iscsi_name>);
static_assert(std::copyable<sgwchap::target_arn>);
static_assert(std::copyable<sgwchap::iscsi_name>);

// Secrets and everything that holds one: equality only, no hash, no order, no copy, no stream.
static_assert(!std_hashable<sgwchap::chap_secret>);
static_assert(!std::is_default_constructible_v<std::hash<sgwchap::chap_secret>>);  // a disabled hash
static_assert(std::equality_comparable<sgwchap::chap_secret>);
static_assert(!std::three_way_comparable<sgwchap::chap_secret>);
static_assert(!std::totally_ordered<sgwchap::chap_secret>);
static_assert(!std::copy_constructible<sgwchap::chap_secret>);
static_assert(!std::is_copy_assignable_v<sgwchap::chap_secret>);
static_assert(std::is_nothrow_move_constructible_v<sgwchap::chap_secret>);
static_assert(!streamable<sgwchap::chap_secret>);
static_assert(!std::is_convertible_v<sgwchap::chap_secret, std::string_view>);

static_assert(!std_hashable<sgwchap::update_chap_credentials_request>);
static_assert(!std::three_way_comparable<sgwchap::update_chap_credentials_request>);
static_assert(!std::copy_constructible<sgwchap::update_chap_credentials_request>);
static_assert(!streamable<sgwchap::update_chap_credentials_request>);
static_assert(!std_hashable<sgwchap::chap_info>);
static_assert(!std::three_way_comparable<sgwchap::chap_info>);
static_assert(!std::copy_constructible<sgwchap::chap_info>);
static_assert(!std_hashable<sgwchap::describe_chap_credentials_result>);
// (not copy_constructible either, but std::vector<chap_info> claims to be: its copy constructor is
// not constrained, so the trait cannot tell; copying one does not compile.)
static_assert(!std_hashable<std::optional<sgwchap::chap_secret>>);
static_assert(!std_hashable<sgwchap::unchecked_update_chap_credentials_request>);
static_assert(!std::three_way_comparable<sgwchap::unchecked_update_chap_credentials_request>);
static_assert(!std::copy_constructible<sgwchap::unchecked_update_chap_credentials_request>);
// The HTTP request's body holds both secrets.
static_assert(!std_hashable<sgwchap::http_request>);
static_assert(!std::three_way_comparable<sgwchap::http_request>);
static_assert(!streamable<sgwchap::http_request>);

// Codes are plain enums: hashable and ordered, for maps of counters and the like.
static_assert(std_hashable<sgwchap::errc>);
static_assert(std_hashable<sgwchap::field>);
static_assert(std_hashable<sgwchap::gateway_error_code>);
static_assert(std::equality_comparable<sgwchap::error>);

constexpr std::string_view arn_a =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view arn_b =
    "arn:aws:storagegateway:us-east-2:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view name_a = "iqn.1991-05.com.microsoft:computername.domain.example.com";
constexpr std::string_view name_b = "iqn.1998-01.com.vmware:esx01-0ba2d462";

sgwchap::target_arn arn(std::string_view s) {
  auto r = sgwchap::target_arn::parse(s);
  REQUIRE(r.has_value());
  return *r;
}

sgwchap::iscsi_name name(std::string_view s) {
  auto r = sgwchap::iscsi_name::parse(s);
  REQUIRE(r.has_value());
  return *r;
}

}  // namespace

TEST_CASE("target_arn and iscsi_name: hash agrees with equality") {
  REQUIRE(std::hash<sgwchap::target_arn>{}(arn(arn_a)) == std::hash<sgwchap::target_arn>{}(arn(arn_a)));
  REQUIRE(std::hash<sgwchap::target_arn>{}(arn(arn_a)) == std::hash<std::string>{}(std::string(arn_a)));
  REQUIRE(std::hash<sgwchap::iscsi_name>{}(name(name_a)) == std::hash<std::string>{}(std::string(name_a)));

  std::unordered_set<sgwchap::target_arn> arns{arn(arn_a), arn(arn_b), arn(arn_a)};
  REQUIRE(arns.size() == 2);
  REQUIRE(arns.count(arn(arn_b)) == 1);

  std::unordered_map<sgwchap::iscsi_name, int> sessions;
  ++sessions[name(name_a)];
  ++sessions[name(name_a)];
  ++sessions[name(name_b)];
  REQUIRE(sessions.size() == 2);
  REQUIRE(sessions.at(name(name_a)) == 2);
}

TEST_CASE("target_arn and iscsi_name: ordered by value") {
  REQUIRE(arn(arn_a) < arn(arn_b));  // us-east-1 < us-east-2
  REQUIRE((arn(arn_a) <=> arn(arn_a)) == std::strong_ordering::equal);
  REQUIRE(name(name_a) < name(name_b));  // iqn.1991 < iqn.1998

  std::set<sgwchap::iscsi_name> names{name(name_b), name(name_a), name(name_b)};
  REQUIRE(names.size() == 2);
  REQUIRE(names.begin()->str() == name_a);

  std::map<sgwchap::target_arn, std::string> volumes{{arn(arn_b), "b"}, {arn(arn_a), "a"}};
  REQUIRE(volumes.begin()->second == "a");
}

TEST_CASE("chap_secret: equality only, by value") {
  struct row {
    std::string_view a, b;
    bool equal;
  };
  const row rows[] = {
      {"111111111111", "111111111111", true},
      {"111111111111", "111111111112", false},   // last byte differs
      {"211111111111", "111111111111", false},   // first byte differs
      {"111111111111", "1111111111111", false},  // lengths differ
      {"", "", true},
  };
  for (const row& r : rows) {
    CAPTURE(r.equal);
    const auto a = sgwchap::chap_secret::unchecked(r.a);
    const auto b = sgwchap::chap_secret::unchecked(r.b);
    REQUIRE((a == b) == r.equal);
    REQUIRE((a != b) == !r.equal);
  }
}
