// Drift test: the library's hard-coded constants against the copy of botocore's model and
// partitions.json in tests/data/botocore/ (Apache-2.0, see LICENSE.txt and NOTICE there). When
// AWS changes a length, a pattern or adds a partition, refresh the copy and this test names what
// moved.
#include <array>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/detail/charset.hpp>
#include <sgwchap/detail/partitions.hpp>
#include <sgwchap/error.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/limits.hpp>
#include <sgwchap/operations.hpp>
#include <sgwchap/resource_arn.hpp>
#include <sgwchap/target_arn.hpp>

namespace json = boost::json;

namespace {

json::value load(const std::string& name) {
  const std::string path = std::string(SGWCHAP_TEST_DATA) + "/botocore/" + name;
  std::ifstream in(path, std::ios::binary);
  INFO("reading " << path);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  json::value v = json::parse(text.str(), ec);
  INFO("parse error: " << ec.message());
  REQUIRE_FALSE(ec);
  return v;
}

const json::object& shape(const json::value& model, std::string_view name) {
  const json::object* shapes = model.as_object().at("shapes").if_object();
  REQUIRE(shapes != nullptr);
  const json::value* s = shapes->if_contains(name);
  INFO("shape " << name);
  REQUIRE(s != nullptr);
  return s->as_object();
}

std::int64_t number(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  INFO("key " << key);
  REQUIRE(v != nullptr);
  REQUIRE(v->is_int64());
  return v->as_int64();
}

std::string text(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  INFO("key " << key);
  REQUIRE(v != nullptr);
  REQUIRE(v->is_string());
  return std::string(v->as_string());
}

/// The byte set of a pattern of the form `^?[...]+$?` (the MODEL patterns of IqnName and
/// TargetName), parsed here: ranges `a-z`, escapes `\.`, a literal `-` first or last.
std::array<bool, 256> bracket_set(std::string_view pattern) {
  INFO("pattern " << pattern);
  if (pattern.starts_with('^')) pattern.remove_prefix(1);
  if (pattern.ends_with('$')) pattern.remove_suffix(1);
  REQUIRE(pattern.size() >= 4);
  REQUIRE(pattern.front() == '[');
  REQUIRE(pattern.substr(pattern.size() - 2) == "]+");
  const std::string_view body = pattern.substr(1, pattern.size() - 3);
  REQUIRE_FALSE(body.starts_with('^'));  // a negated class is not what the library implements
  std::array<bool, 256> set{};
  std::size_t i = 0;
  const auto next_char = [&]() {
    if (body[i] == '\\') ++i;
    return static_cast<unsigned char>(body[i++]);
  };
  while (i < body.size()) {
    const unsigned char first = next_char();
    if (i + 1 < body.size() && body[i] == '-') {
      ++i;
      const unsigned char last = next_char();
      REQUIRE(first <= last);
      for (unsigned c = first; c <= last; ++c) set[c] = true;
    } else {
      set[first] = true;
    }
  }
  return set;
}

void check_class_matches(std::string_view pattern, std::uint8_t cls, std::string_view name) {
  const std::array<bool, 256> set = bracket_set(pattern);
  for (unsigned b = 0; b < 256; ++b) {
    INFO(name << " vs MODEL pattern " << pattern << ", byte " << b);
    CHECK(sgwchap::detail::in_class(static_cast<char>(b), cls) == set[b]);
  }
}

/// The region prefixes a PARTITIONS regex allows: `^P\-\w+\-\d+$` where P is text with `\-`
/// escapes and at most one group `(a|b|...)`.
std::set<std::string> prefixes_of_regex(std::string_view regex) {
  INFO("regionRegex " << regex);
  constexpr std::string_view head = "^";
  constexpr std::string_view tail = R"(\-\w+\-\d+$)";
  REQUIRE(regex.starts_with(head));
  REQUIRE(regex.ends_with(tail));
  std::string_view p = regex.substr(head.size(), regex.size() - head.size() - tail.size());
  std::vector<std::string> results{""};
  while (!p.empty()) {
    if (p.starts_with("\\")) {
      REQUIRE(p.size() >= 2);
      for (auto& r : results) r += p[1];
      p.remove_prefix(2);
    } else if (p.starts_with("(")) {
      const std::size_t close = p.find(')');
      REQUIRE(close != std::string_view::npos);
      std::string_view group = p.substr(1, close - 1);
      std::vector<std::string> expanded;
      while (true) {
        const std::size_t bar = group.find('|');
        for (const auto& r : results) expanded.push_back(r + std::string(group.substr(0, bar)));
        if (bar == std::string_view::npos) break;
        group.remove_prefix(bar + 1);
      }
      results = expanded;
      p.remove_prefix(close + 1);
    } else {
      REQUIRE(std::string_view("|)[]*+?.").find(p.front()) == std::string_view::npos);
      for (auto& r : results) r += p.front();
      p.remove_prefix(1);
    }
  }
  return {results.begin(), results.end()};
}

std::set<std::string> split_bars(std::string_view s) {
  std::set<std::string> out;
  while (true) {
    const std::size_t bar = s.find('|');
    out.emplace(s.substr(0, bar));
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

}  // namespace

TEST_CASE("drift: TargetARN, IqnName, ChapSecret, GatewayId, TargetName against MODEL", "[drift]") {
  const json::value model = load("storagegateway-2013-06-30.service-2.json");

  SECTION("TargetARN 50..800") {
    const auto& s = shape(model, "TargetARN");
    CHECK(number(s, "min") == static_cast<std::int64_t>(sgwchap::target_arn_limits::model_min_characters));
    CHECK(number(s, "max") == static_cast<std::int64_t>(sgwchap::target_arn_limits::model_max_characters));
    CHECK_FALSE(s.contains("pattern"));  // MODEL has none; the structure rules are strict-only
  }
  SECTION("IqnName 1..255 and its pattern") {
    const auto& s = shape(model, "IqnName");
    const auto empty = sgwchap::parse_iscsi_name("", sgwchap::profile::aws_model);
    REQUIRE_FALSE(empty.has_value());
    CHECK(number(s, "min") == empty.error().limit);
    CHECK(number(s, "max") == static_cast<std::int64_t>(sgwchap::iscsi_name_limits::model_max_characters));
    check_class_matches(text(s, "pattern"), sgwchap::detail::cc_iqn_name, "cc_iqn_name");
  }
  SECTION("ChapSecret 1..100, sensitive") {
    const auto& s = shape(model, "ChapSecret");
    CHECK(number(s, "min") == static_cast<std::int64_t>(sgwchap::chap_secret_limits::model_min_characters));
    CHECK(number(s, "max") == static_cast<std::int64_t>(sgwchap::chap_secret_limits::model_max_characters));
    const json::value* sensitive = s.if_contains("sensitive");
    REQUIRE(sensitive != nullptr);
    CHECK(sensitive->is_bool());
    CHECK(sensitive->as_bool());
    CHECK_FALSE(s.contains("pattern"));
  }
  SECTION("GatewayId 12..30 = sgw- + 8..26 hex digits") {
    const auto& s = shape(model, "GatewayId");
    CHECK(number(s, "min") == static_cast<std::int64_t>(4 + sgwchap::target_arn_limits::min_gateway_hex_digits));
    CHECK(number(s, "max") == static_cast<std::int64_t>(4 + sgwchap::target_arn_limits::max_gateway_hex_digits));
  }
  SECTION("TargetName 1..200 and its pattern") {
    const auto& s = shape(model, "TargetName");
    CHECK(number(s, "min") == 1);
    CHECK(number(s, "max") == static_cast<std::int64_t>(sgwchap::target_arn_limits::max_target_name_length));
    check_class_matches(text(s, "pattern"), sgwchap::detail::cc_target_name, "cc_target_name");
  }
}

TEST_CASE("drift: GatewayARN, VolumeARN, VTLDeviceARN, VolumeId against MODEL", "[drift]") {
  const json::value model = load("storagegateway-2013-06-30.service-2.json");
  for (const char* name : {"GatewayARN", "VolumeARN", "VTLDeviceARN"}) {
    INFO("shape " << name);
    const auto& s = shape(model, name);
    CHECK(number(s, "min") == static_cast<std::int64_t>(sgwchap::resource_arn_limits::model_min_characters));
    CHECK(number(s, "max") == static_cast<std::int64_t>(sgwchap::resource_arn_limits::model_max_characters));
  }
  // Only VolumeARN has a pattern, the one detail::match_volume_pattern_at implements (its comment
  // quotes it); GatewayARN and VTLDeviceARN have none, so their structure is strict-only.
  CHECK(
      text(shape(model, "VolumeARN"), "pattern") ==
      R"(arn:(aws(|-cn|-us-gov|-iso[A-Za-z0-9_-]*|-eusc)):storagegateway:[a-z\-0-9]+:[0-9]+:gateway\/(.+)\/volume\/vol-(\S+))");
  CHECK_FALSE(shape(model, "GatewayARN").contains("pattern"));
  CHECK_FALSE(shape(model, "VTLDeviceARN").contains("pattern"));
  const auto& volume_id = shape(model, "VolumeId");
  CHECK(number(volume_id, "min") == static_cast<std::int64_t>(4 + sgwchap::resource_arn_limits::min_volume_hex_digits));
  CHECK(number(volume_id, "max") == static_cast<std::int64_t>(4 + sgwchap::resource_arn_limits::max_volume_hex_digits));
  // The list members hold these shapes, and MODEL bounds neither list (the counts are strict's).
  for (const auto& [list, element] :
       {std::pair{"VolumeARNs", "VolumeARN"}, std::pair{"VTLDeviceARNs", "VTLDeviceARN"}}) {
    INFO("list " << list);
    const auto& s = shape(model, list);
    CHECK(text(s, "type") == "list");
    CHECK(s.at("member").as_object().at("shape").as_string() == element);
    CHECK_FALSE(s.contains("min"));
    CHECK_FALSE(s.contains("max"));
  }
}

TEST_CASE("drift: the CHAP members use the shapes the library checks them with", "[drift]") {
  const json::value model = load("storagegateway-2013-06-30.service-2.json");
  struct member_row {
    sgwchap::field which;
    std::string_view shape_name;
  };
  const member_row rows[] = {
      {sgwchap::field::target_arn, "TargetARN"},
      {sgwchap::field::secret_to_authenticate_initiator, "ChapSecret"},
      {sgwchap::field::initiator_name, "IqnName"},
      {sgwchap::field::secret_to_authenticate_target, "ChapSecret"},
  };
  for (const std::string_view structure : {"UpdateChapCredentialsInput", "ChapInfo"}) {
    const json::object& members = shape(model, structure).at("members").as_object();
    CHECK(members.size() == std::size(rows));
    for (const member_row& row : rows) {
      const std::string_view name = sgwchap::field_name(row.which);
      INFO(structure << "." << name);
      const json::value* member = members.if_contains(name);
      REQUIRE(member != nullptr);
      const std::string shape_name = text(member->as_object(), "shape");
      CHECK(shape_name == row.shape_name);
      // The library's idea of a secret field agrees with MODEL's `sensitive`.
      const json::value* sensitive = shape(model, shape_name).if_contains("sensitive");
      CHECK(sgwchap::is_secret_field(row.which) == (sensitive != nullptr && sensitive->as_bool()));
    }
  }
}

namespace {

/// MODEL's type of a member's shape, in the table's terms (lists by their element's type).
sgwchap::member_type model_type(const json::value& model, std::string_view shape_name) {
  const json::object& s = shape(model, shape_name);
  const std::string type = text(s, "type");
  if (type == "list") {
    const std::string element = text(s.at("member").as_object(), "shape");
    return text(shape(model, element), "type") == "structure" ? sgwchap::member_type::structure_list
                                                              : sgwchap::member_type::string_list;
  }
  if (type == "integer") return sgwchap::member_type::integer;
  if (type == "long") return sgwchap::member_type::long_integer;
  if (type == "double") return sgwchap::member_type::double_number;
  if (type == "boolean") return sgwchap::member_type::boolean;
  if (type == "timestamp") return sgwchap::member_type::timestamp;
  if (type == "structure") return sgwchap::member_type::structure;
  CHECK(type == "string");
  return sgwchap::member_type::string;
}

/// The table's shape against MODEL's: member names in MODEL order, types, required, sensitive, and
/// each nested shape (a structure, or the element of a list of structures) the same way.
void compare_shape(const json::value& model, const sgwchap::shape_info& ours, std::string_view model_name,
                   std::size_t& rows) {
  INFO("shape " << model_name);
  CHECK(ours.name == model_name);
  const json::object& s = shape(model, model_name);
  const json::object& members = s.at("members").as_object();
  std::set<std::string> required;
  if (const json::value* r = s.if_contains("required")) {
    for (const json::value& name : r->as_array()) required.insert(std::string(name.as_string()));
  }
  REQUIRE(members.size() == ours.members.size());
  std::size_t i = 0;
  for (const auto& kv : members) {
    const sgwchap::member_info& m = ours.members[i++];
    const std::string member_shape = text(kv.value().as_object(), "shape");
    INFO("member " << kv.key() << " (shape " << member_shape << ")");
    CHECK(m.name == kv.key());
    CHECK(sgwchap::field_name(m.which) == kv.key());
    CHECK(m.type == model_type(model, member_shape));
    CHECK(m.required == required.contains(std::string(kv.key())));
    const json::value* sensitive = shape(model, member_shape).if_contains("sensitive");
    CHECK(m.sensitive == (sensitive != nullptr && sensitive->as_bool()));
    ++rows;
    if (m.type == sgwchap::member_type::structure) compare_shape(model, *m.element, member_shape, rows);
    if (m.type == sgwchap::member_type::structure_list) {
      const std::string element = text(shape(model, member_shape).at("member").as_object(), "shape");
      compare_shape(model, *m.element, element, rows);
    }
  }
}

}  // namespace

TEST_CASE("drift: every operation's tables are MODEL's, member by member", "[drift][operations]") {
  const json::value model = load("storagegateway-2013-06-30.service-2.json");
  const json::object& operations = model.as_object().at("operations").as_object();
  std::size_t rows = 0;
  for (const sgwchap::operation_info& info : sgwchap::operations) {
    INFO("operation " << info.name);
    const json::value* op = operations.if_contains(info.name);
    REQUIRE(op != nullptr);
    compare_shape(model, info.input, text(op->as_object().at("input").as_object(), "shape"), rows);
    compare_shape(model, info.output, text(op->as_object().at("output").as_object(), "shape"), rows);
  }
  // 4 + 2 + 1 + (1 + 4) + 2 + 2 rows for the CHAP operations; the workflow's 3 + (3 + 7) + 1 +
  // (1 + 15 + 5) + 1 + (1 + 13 + 5) + 4 + (3 + 5 + 4).
  CHECK(rows == 16 + 71);
}

TEST_CASE("drift: the paging members' bounds (Marker, PositiveIntObject)", "[drift]") {
  const json::value model = load("storagegateway-2013-06-30.service-2.json");
  const auto& marker = shape(model, "Marker");
  CHECK(number(marker, "min") == static_cast<std::int64_t>(sgwchap::paging_limits::marker_min_characters));
  CHECK(number(marker, "max") == static_cast<std::int64_t>(sgwchap::paging_limits::marker_max_characters));
  const auto& limit = shape(model, "PositiveIntObject");
  CHECK(text(limit, "type") == "integer");
  CHECK(number(limit, "min") == sgwchap::paging_limits::limit_min);
  CHECK_FALSE(limit.contains("max"));  // int32's maximum bounds it
}

TEST_CASE("drift: the partition table against partitions.json, both ways", "[drift][partitions]") {
  const json::value data = load("partitions.json");
  const json::array& partitions = data.as_object().at("partitions").as_array();
  std::set<std::string> in_json;
  for (const json::value& entry : partitions) {
    const json::object& p = entry.as_object();
    const std::string id = text(p, "id");
    in_json.insert(id);
    const std::size_t index = sgwchap::detail::find_partition(id);
    if (index == sgwchap::detail::no_partition) {
      FAIL_CHECK("partition " << id << " is in partitions.json but missing from sgwchap's table "
                              << "(include/sgwchap/detail/partitions.hpp)");
      continue;
    }
    const sgwchap::partition_info& ours = sgwchap::known_partitions()[index];
    INFO("partition " << id);
    CHECK(ours.dns_suffix == text(p.at("outputs").as_object(), "dnsSuffix"));
    const std::string regex = text(p, "regionRegex");
    CHECK(ours.region_regex == regex);
    // The matcher's prefixes are what the regex says.
    CHECK(split_bars(ours.region_prefixes) == prefixes_of_regex(regex));
    // Every listed region (not the "*-global" pseudo-regions, which no regex matches) belongs
    // to this partition under both readings of \w.
    for (const auto& region : p.at("regions").as_object()) {
      const std::string_view name = region.key();
      if (name.ends_with("-global")) continue;
      INFO("region " << name);
      CHECK(sgwchap::detail::region_matches(ours, name, true));
      CHECK(sgwchap::detail::partition_of_region(name, true) == index);
      CHECK(sgwchap::detail::partition_of_region(name, false) == index);
    }
  }
  for (const sgwchap::partition_info& ours : sgwchap::known_partitions()) {
    if (!in_json.contains(std::string(ours.id))) {
      FAIL_CHECK("partition " << ours.id << " is in sgwchap's table but not in partitions.json");
    }
  }
  CHECK(in_json.size() == sgwchap::known_partitions().size());
}

TEST_CASE("drift: the model's examples pass the library's checks", "[drift]") {
  const json::value examples = load("storagegateway-2013-06-30.examples-1.json");
  const json::object& all = examples.as_object().at("examples").as_object();
  std::size_t checked = 0;
  for (const std::string_view operation :
       {"UpdateChapCredentials", "DescribeChapCredentials", "DeleteChapCredentials"}) {
    const json::value* list = all.if_contains(operation);
    INFO("operation " << operation);
    REQUIRE(list != nullptr);
    for (const json::value& example : list->as_array()) {
      const json::object& input = example.as_object().at("input").as_object();
      if (const json::value* arn = input.if_contains("TargetARN")) {
        INFO("TargetARN " << arn->as_string());
        CHECK(sgwchap::is_valid_target_arn(std::string_view(arn->as_string())));
        ++checked;
      }
      if (const json::value* name = input.if_contains("InitiatorName")) {
        INFO("InitiatorName " << name->as_string());
        CHECK(sgwchap::is_valid_iscsi_name(std::string_view(name->as_string())));
        ++checked;
      }
      for (const std::string_view secret : {"SecretToAuthenticateInitiator", "SecretToAuthenticateTarget"}) {
        if (const json::value* s = input.if_contains(secret)) {
          INFO(secret);  // never the value
          CHECK(sgwchap::is_valid_chap_secret(std::string_view(s->as_string())));
          ++checked;
        }
      }
    }
  }
  CHECK(checked >= 5);
}
