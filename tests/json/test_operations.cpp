// Every operation of include/sgwchap/operations.hpp, member by member, generated from the tables:
// each input and output type is filled with a value in every member (structure lists with two
// elements), then sent through encode -> decode, the Boost.JSON conversions, check_request and
// validate. A member added to a table (with its data member) is covered here with no new code.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/json/serialize.hpp>
#include <sgwchap/json.hpp>

#include "support/example.hpp"

namespace {

using sgwchap::member_info;
using sgwchap::member_type;
using sgwchap::value_rule;
namespace d = sgwchap::detail;

/// A valid value for a row (its rule's example), distinct per row and element.
std::string sample(const member_info& m, std::size_t row, std::size_t element) {
  switch (m.rule) {
    case value_rule::target_arn: return std::string(sgwchap_test::doc_arn);
    case value_rule::iscsi_name: return std::string(sgwchap_test::doc_initiator);
    case value_rule::chap_secret:  // 12 bytes, different for every row and element
      return "secret-" + std::to_string(10000 + row * 100 + element);
    case value_rule::gateway_arn: return std::string(sgwchap_test::doc_gateway_arn);
    case value_rule::volume_arn: return std::string(sgwchap_test::doc_volume_arn);
    case value_rule::vtl_device_arn: return std::string(sgwchap_test::doc_vtl_device_arn);
    case value_rule::marker:
    case value_rule::positive:
    case value_rule::none: break;
  }
  return std::string(m.name) + "-value-" + std::to_string(element);
}

/// Fills every member of `obj` (a result or an unchecked request) from its table.
template <class T>
void fill(T& obj, std::size_t element = 0) {
  d::for_each_member(obj, [&](auto i, auto& member) {
    constexpr const member_info& m = d::row<T, decltype(i)::value>();
    using M = std::remove_cvref_t<decltype(member)>;
    constexpr std::size_t r = decltype(i)::value;
    if constexpr (m.type == member_type::structure_list) {
      auto& list = member.emplace();
      list.resize(2);
      for (std::size_t k = 0; k < list.size(); ++k) fill(list[k], element * 10 + k + 1);
    } else if constexpr (m.type == member_type::structure) {
      fill(member.emplace(), element);
    } else if constexpr (m.type == member_type::string_list) {
      member.emplace({sample(m, r, element), sample(m, r, element + 1)});
    } else if constexpr (m.type == member_type::integer) {
      member = static_cast<std::int32_t>(m.rule == value_rule::positive ? 1 + element : 2147483000 + r + element);
    } else if constexpr (m.type == member_type::long_integer) {
      member = std::int64_t{9'223'372'036'854'775'000} + static_cast<std::int64_t>(r * 10 + element);
    } else if constexpr (m.type == member_type::double_number) {
      member = 0.1 + static_cast<double>(element);  // not a binary fraction: the shortest text must round-trip
    } else if constexpr (m.type == member_type::boolean) {
      member = element % 2 == 0;
    } else if constexpr (m.type == member_type::timestamp) {
      // Half seconds: a double holds them exactly, so the Boost.JSON DOM (which holds a double)
      // round-trips too; test_json_decode checks nanoseconds a double cannot hold.
      member =
          sgwchap::timestamp(std::chrono::milliseconds(1'583'443'386'500 + 1000 * static_cast<long long>(element)));
    } else if constexpr (std::is_same_v<M, std::optional<sgwchap::chap_secret>>) {
      member = sgwchap::chap_secret::unchecked(sample(m, decltype(i)::value, element));
    } else {
      member = sample(m, decltype(i)::value, element);
    }
  });
}

/// How many members of `obj` (and of its elements) are present.
template <class T>
std::size_t present(const T& obj) {
  std::size_t n = 0;
  d::for_each_member(obj, [&](auto i, const auto& member) {
    constexpr const member_info& m = d::row<T, decltype(i)::value>();
    if (!d::is_present(member)) return;
    ++n;
    if constexpr (m.type == member_type::structure_list) {
      for (const auto& element : *member) n += present(element);
    } else if constexpr (m.type == member_type::structure) {
      n += present(*member);
    }
  });
  return n;
}

/// How many members a filled shape has: every row, every row of a nested structure, and every
/// row of two elements per structure list.
constexpr std::size_t expected_members(const sgwchap::shape_info& s) {
  std::size_t n = 0;
  for (const member_info& m : s.members) {
    ++n;
    if (m.type == member_type::structure) n += expected_members(*m.element);
    if (m.type == member_type::structure_list) n += 2 * expected_members(*m.element);
  }
  return n;
}
template <class T>
constexpr std::size_t expected_members() {
  return expected_members(*sgwchap::shape_of<T>);
}

}  // namespace

TEST_CASE("every operation's members round-trip: encode -> decode, Boost.JSON, check_request", "[operations]") {
  std::size_t operations_seen = 0;
  for (const sgwchap::operation_info& info : sgwchap::operations) {
    INFO(info.name);
    sgwchap::with_operation(info.op, [&]<sgwchap::operation Op>() {
      using request = typename sgwchap::operation_types<Op>::request;
      using unchecked = typename sgwchap::unchecked_of<request>::type;
      using result = typename sgwchap::operation_types<Op>::result;
      ++operations_seen;

      // The input: an unchecked request with every member.
      unchecked u;
      fill(u);
      REQUIRE(present(u) == expected_members<unchecked>());
      std::string body;
      REQUIRE(sgwchap::encode_body(u, body).has_value());
      for (const member_info& m : info.input.members) CHECK(body.find("\"" + std::string(m.name) + "\":") != body.npos);
      const auto decoded = sgwchap::decode_body<unchecked>(body);
      REQUIRE(decoded.has_value());
      CHECK(*decoded == u);
      // Boost.JSON: value_from (secrets only when exposed) and try_value_to agree with the codec.
      const boost::json::value dom = boost::json::value_from(sgwchap::expose_secrets(u));
      CHECK(boost::json::serialize(dom).size() == body.size());
      const auto converted = boost::json::try_value_to<unchecked>(dom);
      REQUIRE(converted.has_value());
      CHECK(*converted == u);
      // The checked request: every sample is valid, so check_request accepts it, encodes the same
      // bytes, and converts through Boost.JSON too.
      const auto checked = sgwchap::check_request(u);
      REQUIRE(checked.has_value());
      std::string checked_body;
      sgwchap::encode_body(*checked, checked_body);
      CHECK(checked_body == body);
      CHECK(sgwchap::to_unchecked(*checked) == u);
      const auto from_dom = boost::json::try_value_to<request>(dom);
      REQUIRE(from_dom.has_value());
      CHECK(*from_dom == *checked);
      const sgwchap::http_request http = sgwchap::to_http_request(*checked);
      CHECK(http.header("X-Amz-Target") == std::optional<std::string_view>(sgwchap::amz_target(Op).view()));
      CHECK(http.body().view() == body);

      // The output: a result with every member, its lists two elements long.
      result r;
      fill(r);
      REQUIRE(present(r) == expected_members<result>());
      std::string out;
      REQUIRE(sgwchap::encode_body(r, out).has_value());
      const auto read = sgwchap::decode_body<result>(out);
      REQUIRE(read.has_value());
      CHECK(*read == r);
      const auto answer = sgwchap::decode(Op, 200, {{"Content-Type", "application/x-amz-json-1.1"}}, out);
      REQUIRE(answer.has_value());
      REQUIRE(std::holds_alternative<result>(*answer));
      CHECK(std::get<result>(*answer) == r);
      const auto result_dom = boost::json::try_value_to<result>(boost::json::value_from(sgwchap::expose_secrets(r)));
      REQUIRE(result_dom.has_value());
      CHECK(*result_dom == r);
      // Every sample is valid: validate(result) finds nothing.
      CHECK(sgwchap::validate(r).empty());
      // The same body with white space takes the fast path's slower branch to the same value.
      std::string spaced;
      bool in_string = false;
      for (const char c : out) {  // (no escapes in the samples: a quote always opens or closes)
        spaced += c;
        if (c == '"') in_string = !in_string;
        if (!in_string && (c == ',' || c == ':')) spaced += ' ';
      }
      const auto exact = sgwchap::decode_body<result>(spaced);
      REQUIRE(exact.has_value());
      CHECK(*exact == r);
    });
  }
  CHECK(operations_seen == sgwchap::operations.size());
}

TEST_CASE("every operation's table is the model's: names, required, sensitive", "[operations]") {
  for (const sgwchap::operation_info& info : sgwchap::operations) {
    INFO(info.name);
    CHECK(sgwchap::parse_operation(info.name) == info.op);
    CHECK(sgwchap::parse_operation(info.cli_name) == info.op);
    CHECK(sgwchap::operation_name(info.op) == info.name);
    CHECK(info.input.name == std::string(info.name) + "Input");
    CHECK(info.output.name == std::string(info.name) + "Output");
    for (const member_info& m : info.input.members) {
      // Only CHAP secrets are sensitive, and only they are checked as secrets.
      CHECK(m.sensitive == (m.rule == value_rule::chap_secret));
      CHECK(info.input.find(m.name) < info.input.members.size());
    }
  }
}
