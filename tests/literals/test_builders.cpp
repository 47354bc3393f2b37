// Builders (include/sgwchap/builders.hpp). The type-state rules are checked by static_assert
// here (which member is set, whether build() returns a result); the misuses that must not
// compile are in compile_fail/. The Catch2 cases check what build() produces and refuses.
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <catch2/catch.hpp>

#include <sgwchap/builders.hpp>
#include <sgwchap/literals.hpp>

namespace {

using namespace sgwchap::literals;
using sgwchap::chap_secret;
using sgwchap::errc;
using sgwchap::field;
using sgwchap::profile;

constexpr auto arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"_target_arn;
constexpr auto name = "iqn.1991-05.com.microsoft:computername.domain.example.com"_iscsi_name;

chap_secret secret(std::string_view bytes, profile p = profile::strict,
                   field which = field::secret_to_authenticate_initiator) {
  auto made = chap_secret::make(bytes, p, which);
  REQUIRE(made.has_value());
  return std::move(*made);
}

// -- Type-state, at compile time.
using sgwchap::basic_update_chap_credentials_builder;
using sgwchap::delete_chap_credentials_builder;
using sgwchap::describe_chap_credentials_builder;
using sgwchap::strict_delete_chap_credentials_builder;
using sgwchap::strict_describe_chap_credentials_builder;
using sgwchap::strict_update_chap_credentials_builder;
using sgwchap::update_chap_credentials_builder;
using update_request = sgwchap::update_chap_credentials_request;
using describe_request = sgwchap::describe_chap_credentials_request;
using delete_request = sgwchap::delete_chap_credentials_request;

// The default builders require nothing beyond a checked value; the strict ones require strict.
static_assert(update_chap_credentials_builder::required_profile == profile::aws_model);
static_assert(std::is_same_v<update_chap_credentials_builder, basic_update_chap_credentials_builder<>>);
static_assert(strict_update_chap_credentials_builder::required_profile == profile::strict);
static_assert(strict_describe_chap_credentials_builder::required_profile == profile::strict);
static_assert(strict_delete_chap_credentials_builder::required_profile == profile::strict);

static_assert(!update_chap_credentials_builder::is_complete);
using update_arn_name = decltype(update_chap_credentials_builder{}.target_arn(arn).initiator_name(name));
static_assert(!update_arn_name::is_complete);
using update_complete =
    decltype(std::declval<update_arn_name>().secret_to_authenticate_initiator(std::declval<chap_secret>()));
static_assert(update_complete::is_complete && !update_complete::build_returns_result);
using update_mutual =
    decltype(std::declval<update_complete>().secret_to_authenticate_target(std::declval<chap_secret>()));
static_assert(update_mutual::is_complete && update_mutual::build_returns_result);
// Set in any order: the state is the same type.
using update_other_order = decltype(update_chap_credentials_builder{}
                                        .secret_to_authenticate_initiator(std::declval<chap_secret>())
                                        .initiator_name(name)
                                        .target_arn(arn));
static_assert(std::is_same_v<update_complete, update_other_order>);

// What build() returns: the request itself, except for mutual CHAP (the secrets must differ, a
// run-time check) and for the strict builders (whether a view passed strict is a run-time fact).
static_assert(std::is_same_v<decltype(std::declval<update_complete>().build()), update_request>);
static_assert(std::is_same_v<decltype(std::declval<update_mutual>().build()), sgwchap::result<update_request>>);
static_assert(std::is_same_v<decltype(describe_chap_credentials_builder{}.target_arn(arn).build()), describe_request>);
static_assert(std::is_same_v<decltype(delete_chap_credentials_builder{}.initiator_name(name).target_arn(arn).build()),
                             delete_request>);

using strict_update = decltype(
    strict_update_chap_credentials_builder{}.target_arn(arn).initiator_name(name).secret_to_authenticate_initiator(
        std::declval<chap_secret>()));
static_assert(strict_update::build_returns_result);
static_assert(std::is_same_v<decltype(std::declval<strict_update>().build()), sgwchap::result<update_request>>);
using strict_update_mutual =
    decltype(std::declval<strict_update>().secret_to_authenticate_target(std::declval<chap_secret>()));
static_assert(std::is_same_v<decltype(std::declval<strict_update_mutual>().build()), sgwchap::result<update_request>>);
static_assert(std::is_same_v<decltype(strict_describe_chap_credentials_builder{}.target_arn(arn).build()),
                             sgwchap::result<describe_request>>);
static_assert(
    std::is_same_v<decltype(strict_delete_chap_credentials_builder{}.target_arn(arn).initiator_name(name).build()),
                   sgwchap::result<delete_request>>);

// Builders that hold views only are literal types: filled in a constant expression.
constexpr auto delete_state = delete_chap_credentials_builder{}.target_arn(arn).initiator_name(name);
static_assert(decltype(delete_state)::is_complete);
constexpr auto describe_state = describe_chap_credentials_builder{}.target_arn(arn);
static_assert(decltype(describe_state)::is_complete);
// A builder that holds only empty members costs no storage beyond one byte per member.
static_assert(sizeof(update_chap_credentials_builder) <= 4);

}  // namespace

TEST_CASE("builders: one-way and mutual UpdateChapCredentials", "[builders]") {
  // One-way CHAP: the request itself, strict because every input passed strict.
  const update_request one_way = update_chap_credentials_builder{}
                                     .target_arn(arn)
                                     .initiator_name(name)
                                     .secret_to_authenticate_initiator(secret("111111111111"))
                                     .build();
  CHECK(one_way.target_arn().str() == arn.value());
  CHECK(one_way.initiator_name().str() == name.value());
  CHECK(one_way.secret_to_authenticate_initiator().reveal() == "111111111111");
  CHECK(one_way.secret_to_authenticate_target() == nullptr);
  CHECK(one_way.checked_profile() == profile::strict);

  // Equal to the request filled by hand.
  const update_request by_hand(sgwchap::target_arn(arn), sgwchap::iscsi_name(name), secret("111111111111"));
  CHECK(one_way == by_hand);

  // Mutual CHAP: a result, from the default and the strict builder alike.
  auto mutual =
      update_chap_credentials_builder{}
          .target_arn(arn)
          .initiator_name(name)
          .secret_to_authenticate_initiator(secret("111111111111"))
          .secret_to_authenticate_target(secret("222222222222", profile::strict, field::secret_to_authenticate_target))
          .build();
  REQUIRE(mutual.has_value());
  REQUIRE(mutual->secret_to_authenticate_target() != nullptr);
  CHECK(mutual->secret_to_authenticate_target()->reveal() == "222222222222");
  CHECK(mutual->checked_profile() == profile::strict);

  const auto same_secrets = [](auto builder) {
    return std::move(builder)
        .target_arn(arn)
        .initiator_name(name)
        .secret_to_authenticate_initiator(secret("111111111111"))
        .secret_to_authenticate_target(secret("111111111111"))
        .build();
  };
  const auto same_error =
      sgwchap::detail::make_error(errc::secrets_must_differ, field::secret_to_authenticate_target, 0);
  auto same = same_secrets(update_chap_credentials_builder{});
  REQUIRE_FALSE(same.has_value());
  CHECK(same.error() == same_error);
  auto same_strict = same_secrets(strict_update_chap_credentials_builder{});
  REQUIRE_FALSE(same_strict.has_value());
  CHECK(same_strict.error() == same_error);
}

TEST_CASE("builders: owning values and run-time views are accepted and moved", "[builders]") {
  const std::string arn_text(arn.value());
  const std::string name_text = "iqn.2001-04.com.example:storage:diskarrays-sn-a8675309";
  auto owning_arn = sgwchap::target_arn::parse(arn_text);
  auto owning_name = sgwchap::iscsi_name::parse(name_text);
  REQUIRE(owning_arn.has_value());
  REQUIRE(owning_name.has_value());
  const update_request request = update_chap_credentials_builder{}
                                     .target_arn(std::move(*owning_arn))
                                     .initiator_name(std::move(*owning_name))
                                     .secret_to_authenticate_initiator(secret("abcdefghijkl"))
                                     .build();
  CHECK(request.target_arn().str() == arn_text);
  CHECK(request.initiator_name().str() == name_text);

  const auto view = sgwchap::parse_iscsi_name(name_text);
  REQUIRE(view.has_value());
  const delete_request removed = delete_chap_credentials_builder{}.initiator_name(*view).target_arn(arn).build();
  CHECK(removed.initiator_name().str() == name_text);
  CHECK(removed == delete_request(sgwchap::target_arn(arn), sgwchap::iscsi_name(*view)));

  // A builder state that holds only views is copyable: build it twice.
  const auto state = describe_chap_credentials_builder{}.target_arn(arn);
  const describe_request first = state.build();
  const describe_request second = state.build();
  CHECK(first == second);
  CHECK(first.target_arn().str() == arn.value());

  // The strict builders take the same values and, when they pass strict, build the same requests.
  const auto strict_state = strict_describe_chap_credentials_builder{}.target_arn(arn);
  const auto strict_first = strict_state.build();
  REQUIRE(strict_first.has_value());
  CHECK(*strict_first == first);
  auto strict_removed = strict_delete_chap_credentials_builder{}.initiator_name(*view).target_arn(arn).build();
  REQUIRE(strict_removed.has_value());
  CHECK(*strict_removed == removed);
}

TEST_CASE("builders: the default builders keep the weakest profile of their inputs", "[builders]") {
  // Rows: an Update built from inputs of different profiles, and the request's profile.
  struct row {
    profile arn_profile;
    profile name_profile;
    profile secret_profile;
    profile expected;
  };
  const row rows[] = {
      {profile::strict, profile::strict, profile::strict, profile::strict},
      {profile::aws_model, profile::strict, profile::strict, profile::aws_model},
      {profile::strict, profile::aws_model, profile::strict, profile::aws_model},
      {profile::strict, profile::strict, profile::aws_model, profile::aws_model},
      {profile::aws_model, profile::aws_model, profile::aws_model, profile::aws_model},
  };
  for (const auto& r : rows) {
    CAPTURE(static_cast<int>(r.arn_profile), static_cast<int>(r.name_profile), static_cast<int>(r.secret_profile));
    const auto in_arn = sgwchap::parse_target_arn(arn.value(), r.arn_profile);
    const auto in_name = sgwchap::parse_iscsi_name(name.value(), r.name_profile);
    REQUIRE(in_arn.has_value());
    REQUIRE(in_name.has_value());
    const update_request built = update_chap_credentials_builder{}
                                     .target_arn(*in_arn)
                                     .initiator_name(*in_name)
                                     .secret_to_authenticate_initiator(secret("111111111111", r.secret_profile))
                                     .build();
    CHECK(built.checked_profile() == r.expected);
    CHECK(built.target_arn().checked_profile() == r.arn_profile);
    CHECK(built.initiator_name().checked_profile() == r.name_profile);
    const delete_request removed =
        delete_chap_credentials_builder{}.target_arn(*in_arn).initiator_name(*in_name).build();
    CHECK(removed.checked_profile() == weakest(r.arn_profile, r.name_profile));
  }

  // An input that passes only aws_model is kept as it is, not refused.
  const auto weak_name = sgwchap::parse_iscsi_name("host01", profile::aws_model);
  REQUIRE(weak_name.has_value());
  const delete_request kept = delete_chap_credentials_builder{}.target_arn(arn).initiator_name(*weak_name).build();
  CHECK(kept.checked_profile() == profile::aws_model);
  CHECK(kept.initiator_name().str() == "host01");

  // A secret over strict's 16 bytes, allowed by the AWS model, is carried and reported as aws_model.
  const update_request long_secret =
      update_chap_credentials_builder{}
          .target_arn(arn)
          .initiator_name(name)
          .secret_to_authenticate_initiator(secret("12345678901234567", profile::aws_model))
          .build();
  CHECK(long_secret.checked_profile() == profile::aws_model);
  CHECK(long_secret.secret_to_authenticate_initiator().size() == 17);
}

TEST_CASE("builders: a strict build refuses inputs that pass only aws_model, naming the strict rule", "[builders]") {
  // Rows: an input checked only under aws_model, and the strict rule the build reports.
  struct row {
    std::string_view arn;
    std::string_view name;
    errc code;
    field which;
    std::size_t offset;
  };
  const std::string_view good_arn = arn.value();
  const std::string_view good_name = name.value();
  const row rows[] = {
      // One-digit month, '.' at byte 10.
      {good_arn, "iqn.2015-1.com.example", errc::bad_iqn_date, field::initiator_name, 10},
      // No RFC form at all.
      {good_arn, "host01", errc::bad_prefix, field::initiator_name, 0},
      {good_arn, "iqn.2001-04.com.example:", errc::empty_unique_name, field::initiator_name, 24},
      // Lower-case gateway hex: aws_model accepts it, strict refuses at the first 'a'.
      {"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12a3456b/target/iqn.1997-05.com.amazon:myvolume",
       good_name, errc::lowercase_gateway_id, field::target_arn, 60},
      // The ARN comes first (MODEL member order) when both are weak.
      {"arn:aws:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume",
       "iqn.2015-1.com.example", errc::region_not_in_partition, field::target_arn, 23},
  };
  for (const auto& r : rows) {
    CAPTURE(r.arn, r.name);
    const auto weak_arn = sgwchap::parse_target_arn(r.arn, profile::aws_model);
    const auto weak_name = sgwchap::parse_iscsi_name(r.name, profile::aws_model);
    REQUIRE(weak_arn.has_value());
    REQUIRE(weak_name.has_value());

    auto removed = strict_delete_chap_credentials_builder{}.target_arn(*weak_arn).initiator_name(*weak_name).build();
    REQUIRE_FALSE(removed.has_value());
    CHECK(removed.error().code == r.code);
    CHECK(removed.error().which == r.which);
    CHECK(removed.error().offset == r.offset);

    auto updated = strict_update_chap_credentials_builder{}
                       .target_arn(*weak_arn)
                       .initiator_name(*weak_name)
                       .secret_to_authenticate_initiator(secret("111111111111"))
                       .build();
    REQUIRE_FALSE(updated.has_value());
    CHECK(updated.error().code == r.code);
    CHECK(updated.error().which == r.which);
    CHECK(updated.error().offset == r.offset);

    // The same inputs as owning values.
    auto owned_arn = sgwchap::target_arn::parse(r.arn, profile::aws_model);
    auto owned_name = sgwchap::iscsi_name::parse(r.name, profile::aws_model);
    REQUIRE(owned_arn.has_value());
    REQUIRE(owned_name.has_value());
    auto owned = strict_delete_chap_credentials_builder{}
                     .target_arn(std::move(*owned_arn))
                     .initiator_name(std::move(*owned_name))
                     .build();
    REQUIRE_FALSE(owned.has_value());
    CHECK(owned.error().code == r.code);
    CHECK(owned.error().offset == r.offset);

    // The default builder keeps the weakest profile instead of refusing.
    const delete_request kept =
        delete_chap_credentials_builder{}.target_arn(*weak_arn).initiator_name(*weak_name).build();
    CHECK(kept.checked_profile() == profile::aws_model);
    CHECK(kept.initiator_name().str() == r.name);
  }

  // DescribeChapCredentials: the ARN alone.
  const auto weak = sgwchap::parse_target_arn(rows[3].arn, profile::aws_model);
  REQUIRE(weak.has_value());
  auto described = strict_describe_chap_credentials_builder{}.target_arn(*weak).build();
  REQUIRE_FALSE(described.has_value());
  CHECK(described.error() == sgwchap::detail::make_error(errc::lowercase_gateway_id, field::target_arn, 60));
}

TEST_CASE("builders: a moved-from target_arn claims no profile, so a strict build refuses it", "[builders]") {
  auto owned = sgwchap::target_arn::parse(arn.value());
  REQUIRE(owned.has_value());
  const sgwchap::target_arn kept = std::move(*owned);
  CHECK(kept.str() == arn.value());
  // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the moved-from state is the point
  auto refused = strict_describe_chap_credentials_builder{}.target_arn(std::move(*owned)).build();
  REQUIRE_FALSE(refused.has_value());
  const auto empty = sgwchap::parse_target_arn("", profile::strict);
  REQUIRE_FALSE(empty.has_value());
  CHECK(refused.error() == empty.error());
  CHECK(refused.error().code == errc::too_short);
  CHECK(refused.error().which == field::target_arn);
}

TEST_CASE("builders: a strict build accepts a weakly checked value that does satisfy strict, as strict", "[builders]") {
  const auto weak_arn = sgwchap::parse_target_arn(arn.value(), profile::aws_model);
  const auto weak_name = sgwchap::parse_iscsi_name(name.value(), profile::aws_model);
  REQUIRE(weak_arn.has_value());
  REQUIRE(weak_name.has_value());
  REQUIRE(weak_arn->checked_profile() == profile::aws_model);
  auto removed = strict_delete_chap_credentials_builder{}.target_arn(*weak_arn).initiator_name(*weak_name).build();
  REQUIRE(removed.has_value());
  CHECK(removed->checked_profile() == profile::strict);
  CHECK(removed->target_arn().checked_profile() == profile::strict);

  auto request = strict_update_chap_credentials_builder{}
                     .target_arn(arn)
                     .initiator_name(name)
                     .secret_to_authenticate_initiator(secret("111111111111", profile::aws_model))
                     .build();
  REQUIRE(request.has_value());
  CHECK(request->checked_profile() == profile::strict);
  CHECK(request->secret_to_authenticate_initiator().is_checked());
  CHECK(request->secret_to_authenticate_initiator().reveal() == "111111111111");
}

TEST_CASE("builders: secrets checked only under aws_model, or not at all, are re-checked by a strict build",
          "[builders]") {
  struct row {
    std::string_view initiator;
    std::string_view target;  // empty: one-way
    bool unchecked;
    errc code;
    field which;
    std::size_t offset;
  };
  const row rows[] = {
      // 17 bytes: MODEL allows up to 100 characters, APIREF 16 bytes.
      {"12345678901234567", "", false, errc::too_long, field::secret_to_authenticate_initiator, 16},
      {"abcde", "", false, errc::too_short, field::secret_to_authenticate_initiator, 5},
      // A trailing newline from echo, in a value decoded from somewhere (chap_secret::unchecked).
      {"111111111111\n", "", true, errc::control_character, field::secret_to_authenticate_initiator, 12},
      // The target secret is reported on its own field.
      {"111111111111", "22222222222222222", false, errc::too_long, field::secret_to_authenticate_target, 16},
  };
  for (const auto& r : rows) {
    CAPTURE(r.initiator.size(), r.target.size(), r.unchecked);
    auto make = [&](std::string_view bytes, field which) {
      return r.unchecked ? chap_secret::unchecked(bytes) : secret(bytes, profile::aws_model, which);
    };
    auto base =
        strict_update_chap_credentials_builder{}.target_arn(arn).initiator_name(name).secret_to_authenticate_initiator(
            make(r.initiator, field::secret_to_authenticate_initiator));
    sgwchap::result<update_request> built =
        r.target.empty() ? std::move(base).build()
                         : std::move(base)
                               .secret_to_authenticate_target(make(r.target, field::secret_to_authenticate_target))
                               .build();
    REQUIRE_FALSE(built.has_value());
    CHECK(built.error().code == r.code);
    CHECK(built.error().which == r.which);
    CHECK(built.error().offset == r.offset);
    // Never the secret's bytes in the message.
    CHECK(std::string_view(built.error().message()).find(r.initiator) == std::string_view::npos);
  }

  // The default builder carries an unchecked secret, as the request constructor does.
  const update_request carried = update_chap_credentials_builder{}
                                     .target_arn(arn)
                                     .initiator_name(name)
                                     .secret_to_authenticate_initiator(chap_secret::unchecked("111111111111\n"))
                                     .build();
  CHECK_FALSE(carried.secret_to_authenticate_initiator().is_checked());
  CHECK(carried.secret_to_authenticate_initiator().size() == 13);
}

// ---------------------------------------------------------------------------------------------
// The workflow operations: ListVolumes, DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes,
// DescribeVTLDevices (APIREF-Volumes, APIREF-VTL).

namespace {

using sgwchap::describe_cached_iscsi_volumes_builder;
using sgwchap::describe_stored_iscsi_volumes_builder;
using sgwchap::describe_vtl_devices_builder;
using sgwchap::list_volumes_builder;
using sgwchap::page_limit;
using sgwchap::strict_describe_cached_iscsi_volumes_builder;
using sgwchap::strict_describe_stored_iscsi_volumes_builder;
using sgwchap::strict_describe_vtl_devices_builder;
using sgwchap::strict_list_volumes_builder;
using sgwchap::volume_arn_view;
using sgwchap::vtl_device_arn_view;
using list_request = sgwchap::list_volumes_request;
using stored_request = sgwchap::describe_stored_iscsi_volumes_request;
using cached_request = sgwchap::describe_cached_iscsi_volumes_request;
using vtl_request = sgwchap::describe_vtl_devices_request;

#define GW "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"
#define OTHER_GW "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456C"
constexpr auto gateway = GW ""_gateway_arn;
constexpr auto vol1 = GW "/volume/vol-1122AABB"_volume_arn;
constexpr auto vol2 = GW "/volume/vol-3344CCDD"_volume_arn;
constexpr auto vol_other = OTHER_GW "/volume/vol-1122AABB"_volume_arn;
constexpr auto dev1 = GW "/device/AMZN_SGW-12A3456B_TAPEDRIVE_00001"_vtl_device_arn;
constexpr auto dev2 = GW "/device/AMZN_SGW-12A3456B_MEDIACHANGER_00001"_vtl_device_arn;
constexpr auto dev_other = OTHER_GW "/device/AMZN_SGW-12A3456C_TAPEDRIVE_00001"_vtl_device_arn;
// Accepted by aws_model only: lower-case hex in the volume id (strict: bad_volume_id at byte 82),
// in the gateway id (strict: lowercase_gateway_id at byte 60).
constexpr std::string_view weak_volume = GW "/volume/vol-1122aabb";
constexpr std::string_view weak_gateway = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12a3456b";
#undef GW
#undef OTHER_GW

// Required members: ListVolumes' GatewayARN (optional in MODEL, required by the request) too.
static_assert(!list_volumes_builder::is_complete);
static_assert(strict_list_volumes_builder::required_profile == profile::strict);
using list_marker_limit =
    decltype(list_volumes_builder{}.marker(std::declval<sgwchap::marker_view>()).limit(page_limit(10)));
static_assert(!list_marker_limit::is_complete);
using list_complete = decltype(std::declval<list_marker_limit>().gateway_arn(gateway));
static_assert(list_complete::is_complete && !list_complete::build_returns_result);
static_assert(std::is_same_v<decltype(std::declval<list_complete>().build()), list_request>);
static_assert(std::is_same_v<decltype(list_volumes_builder{}.gateway_arn(gateway).build()), list_request>);
static_assert(std::is_same_v<decltype(strict_list_volumes_builder{}.gateway_arn(gateway).build()),
                             sgwchap::result<list_request>>);
// A list's rules are a run-time check: a build with a list set returns a result.
static_assert(!describe_stored_iscsi_volumes_builder::is_complete);
static_assert(std::is_same_v<decltype(describe_stored_iscsi_volumes_builder{}.volume_arns({vol1}).build()),
                             sgwchap::result<stored_request>>);
static_assert(std::is_same_v<decltype(strict_describe_cached_iscsi_volumes_builder{}.volume_arns({vol1}).build()),
                             sgwchap::result<cached_request>>);
static_assert(std::is_same_v<decltype(describe_vtl_devices_builder{}.gateway_arn(gateway).build()), vtl_request>);
static_assert(
    std::is_same_v<decltype(describe_vtl_devices_builder{}.gateway_arn(gateway).vtl_device_arns({dev1}).build()),
                   sgwchap::result<vtl_request>>);
static_assert(!decltype(describe_vtl_devices_builder{}.vtl_device_arns({dev1}).limit(page_limit(5)))::is_complete);
// A braced list is copied into the state (its size is part of the type); a literal-only state
// is a literal type.
constexpr auto stored_state = describe_stored_iscsi_volumes_builder{}.volume_arns({vol1, vol2});
static_assert(decltype(stored_state)::is_complete);
// Paging values: checked at compile time (page_limit) or at run time (parse_marker, make).
static_assert(page_limit(1).value() == 1 && page_limit(2147483647).value() == 2147483647);
static_assert(sgwchap::parse_marker("next-page").has_value());
static_assert(!sgwchap::parse_marker("").has_value());

/// The owning copies of a list of views.
template <class Owning, class Views>
std::vector<Owning> owning(const Views& views) {
  std::vector<Owning> out;
  for (const auto& v : views) out.emplace_back(v);
  return out;
}

}  // namespace

TEST_CASE("builders: page_limit and parse_marker report check_limit's and check_marker's errors", "[builders]") {
  struct limit_row {
    std::int64_t value;
    bool ok;
    std::uint32_t bound;
  };
  const limit_row limits[] = {
      {1, true, 0},  {100, true, 0}, {2147483647, true, 0},
      {0, false, 1}, {-5, false, 1}, {2147483648, false, 2147483647},
  };
  for (const auto& r : limits) {
    CAPTURE(r.value);
    const auto made = page_limit::make(r.value);
    REQUIRE(made.has_value() == r.ok);
    if (r.ok) {
      CHECK(made->value() == r.value);
    } else {
      CHECK(made.error() ==
            sgwchap::detail::make_error(errc::number_out_of_range, field::limit, 0, profile::aws_model, r.bound));
      CHECK(made.error() == sgwchap::check_limit(r.value).error());
    }
  }
  struct marker_row {
    std::string_view value;
    bool ok;
    errc code;
    std::size_t offset;
  };
  const std::string long_marker(2001, 'm');
  const marker_row markers[] = {
      {"1", true, {}, 0},
      {"opaque/marker+from==previous", true, {}, 0},
      {std::string_view(long_marker).substr(0, 2000), true, {}, 0},
      {"", false, errc::too_short, 0},
      {long_marker, false, errc::too_long, 2000},
      {"ab\xFF", false, errc::invalid_utf8, 2},
  };
  for (const auto& r : markers) {
    CAPTURE(r.value.size());
    const auto parsed = sgwchap::parse_marker(r.value);
    REQUIRE(parsed.has_value() == r.ok);
    if (r.ok) {
      CHECK(parsed->value() == r.value);
    } else {
      CHECK(parsed.error().code == r.code);
      CHECK(parsed.error().which == field::marker);
      CHECK(parsed.error().offset == r.offset);
      CHECK(parsed.error() == sgwchap::check_marker(r.value).error());
    }
  }
}

TEST_CASE("builders: ListVolumes equals from_strings, with and without paging", "[builders]") {
  struct row {
    std::optional<std::string_view> marker;
    std::optional<std::int64_t> limit;
  };
  const row rows[] = {{std::nullopt, std::nullopt}, {"page-2", std::nullopt}, {std::nullopt, 25}, {"page-3", 1}};
  for (const auto& r : rows) {
    CAPTURE(r.marker.has_value(), r.limit.has_value());
    const auto expected = list_request::from_strings(gateway.value(), r.marker, r.limit);
    REQUIRE(expected.has_value());
    const auto with_paging = [&](auto builder) {
      // Each combination of set members is its own state type: set them by hand.
      if (r.marker && r.limit) {
        return sgwchap::result<list_request>(
            std::move(builder).marker(*sgwchap::parse_marker(*r.marker)).limit(*page_limit::make(*r.limit)).build());
      }
      if (r.marker)
        return sgwchap::result<list_request>(std::move(builder).marker(*sgwchap::parse_marker(*r.marker)).build());
      if (r.limit) return sgwchap::result<list_request>(std::move(builder).limit(*page_limit::make(*r.limit)).build());
      return sgwchap::result<list_request>(std::move(builder).build());
    };
    const auto built = with_paging(list_volumes_builder{}.gateway_arn(gateway));
    REQUIRE(built.has_value());
    CHECK(*built == *expected);
    CHECK(built->checked_profile() == profile::strict);
    // The strict builder, and an owning GatewayARN, build the same request.
    const auto strict = with_paging(strict_list_volumes_builder{}.gateway_arn(sgwchap::gateway_arn(gateway)));
    REQUIRE(strict.has_value());
    CHECK(*strict == *expected);
  }
  const list_request paged = list_volumes_builder{}.limit(page_limit(10)).gateway_arn(gateway).build();
  REQUIRE(paged.limit().has_value());
  CHECK(*paged.limit() == 10);
  CHECK_FALSE(paged.marker().has_value());
}

TEST_CASE("builders: ListVolumes keeps or refuses a GatewayARN that passed only aws_model", "[builders]") {
  const auto weak = sgwchap::parse_gateway_arn(weak_gateway, profile::aws_model);
  REQUIRE(weak.has_value());
  const list_request kept = list_volumes_builder{}.gateway_arn(*weak).build();
  const auto expected = list_request::from_strings(weak_gateway, std::nullopt, std::nullopt, profile::aws_model);
  REQUIRE(expected.has_value());
  CHECK(kept == *expected);
  CHECK(kept.checked_profile() == profile::aws_model);

  const auto strict_error = sgwchap::detail::make_error(errc::lowercase_gateway_id, field::gateway_arn, 60);
  const auto from_strict = list_request::from_strings(weak_gateway);
  REQUIRE_FALSE(from_strict.has_value());
  REQUIRE(from_strict.error().size() == 1);
  CHECK(from_strict.error().front() == strict_error);
  auto refused = strict_list_volumes_builder{}.gateway_arn(*weak).limit(page_limit(3)).build();
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error() == strict_error);
  auto owned = sgwchap::gateway_arn::parse(weak_gateway, profile::aws_model);
  REQUIRE(owned.has_value());
  auto refused_owned = strict_list_volumes_builder{}.gateway_arn(std::move(*owned)).build();
  REQUIRE_FALSE(refused_owned.has_value());
  CHECK(refused_owned.error() == strict_error);

  // A weak value that does satisfy strict is held as strict.
  const auto weak_good = sgwchap::parse_gateway_arn(gateway.value(), profile::aws_model);
  REQUIRE(weak_good.has_value());
  auto raised = strict_list_volumes_builder{}.gateway_arn(*weak_good).build();
  REQUIRE(raised.has_value());
  CHECK(raised->checked_profile() == profile::strict);
  CHECK(*raised == *list_request::from_strings(gateway.value()));
}

TEST_CASE("builders: DescribeStorediSCSIVolumes / DescribeCachediSCSIVolumes check the list as from_strings does",
          "[builders]") {
  // Rows: a list of views (each parsed under its profile), and the outcome of the default and the
  // strict build; an error is what from_strings reports for the same list under that profile.
  struct element {
    std::string_view text;
    profile p;
  };
  struct row {
    std::vector<element> list;
    std::optional<sgwchap::error> default_error;
    std::optional<sgwchap::error> strict_error;
  };
  const auto mixed = [](std::size_t index) {
    return sgwchap::detail::make_error(errc::mixed_gateways, field::volume_arns, 65, profile::strict, 0,
                                       sgwchap::length_unit::bytes, static_cast<std::uint32_t>(index));
  };
  auto bad_volume_id = sgwchap::detail::make_error(errc::bad_volume_id, field::volume_arn, 82);
  bad_volume_id.detail = 1;  // the element's index
  const auto empty = sgwchap::detail::make_error(errc::empty_list, field::volume_arns, 0);
  const row rows[] = {
      {{{vol1.value(), profile::strict}}, std::nullopt, std::nullopt},
      {{{vol1.value(), profile::strict}, {vol2.value(), profile::strict}}, std::nullopt, std::nullopt},
      // All strict: the strict list rules hold for the default build too (checked_profile stays true).
      {{{vol1.value(), profile::strict}, {vol_other.value(), profile::strict}}, mixed(1), mixed(1)},
      {{}, empty, empty},
      // A weak element: the default build checks the list under aws_model (no list rules) and
      // keeps it; the strict build re-checks it under strict.
      {{{vol1.value(), profile::strict}, {weak_volume, profile::aws_model}}, std::nullopt, bad_volume_id},
      {{{vol1.value(), profile::aws_model}, {vol_other.value(), profile::strict}}, std::nullopt, mixed(1)},
  };
  for (const auto& r : rows) {
    CAPTURE(r.list.size());
    std::vector<volume_arn_view> views;
    std::vector<std::string_view> texts;
    profile weakest_element = profile::strict;
    for (const auto& e : r.list) {
      const auto v = sgwchap::parse_volume_arn(e.text, e.p);
      REQUIRE(v.has_value());
      views.push_back(*v);
      texts.push_back(e.text);
      weakest_element = weakest(weakest_element, e.p);
    }
    const sgwchap::text_list list{std::span<const std::string_view>(texts)};

    // The default build: a std::vector lvalue of views (referred to), and the owning copies.
    const auto expected_default = stored_request::from_strings(list, weakest_element);
    auto by_views = describe_stored_iscsi_volumes_builder{}.volume_arns(views).build();
    auto by_owning = describe_stored_iscsi_volumes_builder{}.volume_arns(owning<sgwchap::volume_arn>(views)).build();
    if (r.default_error) {
      REQUIRE_FALSE(by_views.has_value());
      CHECK(by_views.error() == *r.default_error);
      REQUIRE_FALSE(by_owning.has_value());
      CHECK(by_owning.error() == *r.default_error);
      REQUIRE_FALSE(expected_default.has_value());
      CHECK(expected_default.error().front() == *r.default_error);
    } else {
      REQUIRE(by_views.has_value());
      REQUIRE(by_owning.has_value());
      // Each element keeps its own profile.
      for (std::size_t i = 0; i < views.size(); ++i) {
        CHECK(by_views->volume_arns()[i].checked_profile() == views[i].checked_profile());
      }
      CHECK(*by_views == *by_owning);
      if (weakest_element == profile::strict) {
        REQUIRE(expected_default.has_value());
        CHECK(*by_views == *expected_default);
      }
    }

    // The strict build (the cached builder: the same input).
    const auto expected_strict = cached_request::from_strings(list, profile::strict);
    auto strict =
        strict_describe_cached_iscsi_volumes_builder{}.volume_arns(std::span<const volume_arn_view>(views)).build();
    if (r.strict_error) {
      REQUIRE_FALSE(strict.has_value());
      CHECK(strict.error() == *r.strict_error);
      REQUIRE_FALSE(expected_strict.has_value());
      CHECK(expected_strict.error().front() == *r.strict_error);
    } else {
      REQUIRE(strict.has_value());
      REQUIRE(expected_strict.has_value());
      CHECK(*strict == *expected_strict);
      CHECK(strict->checked_profile() == profile::strict);
    }
  }
}

TEST_CASE("builders: a braced list of literals, a std::array and owning ARNs build the same request", "[builders]") {
  const std::string_view texts[] = {vol1.value(), vol2.value()};
  const auto expected = stored_request::from_strings(std::span<const std::string_view>(texts));
  REQUIRE(expected.has_value());
  auto braced = describe_stored_iscsi_volumes_builder{}.volume_arns({vol1, vol2}).build();
  const std::array<volume_arn_view, 2> array{vol1, vol2};
  auto from_array = strict_describe_stored_iscsi_volumes_builder{}.volume_arns(array).build();
  auto from_owning =
      describe_stored_iscsi_volumes_builder{}.volume_arns(owning<sgwchap::volume_arn>(std::array{vol1, vol2})).build();
  // The copied state outlives the braced list it was set from.
  auto from_state = stored_state.build();
  for (const auto* built : {&braced, &from_array, &from_owning, &from_state}) {
    REQUIRE(built->has_value());
    CHECK(**built == *expected);
  }
  // A strict build re-checks owning elements that passed only aws_model, and holds them as strict.
  auto weak_owned = sgwchap::volume_arn::parse(vol1.value(), profile::aws_model);
  REQUIRE(weak_owned.has_value());
  std::vector<sgwchap::volume_arn> weak_list;
  weak_list.push_back(std::move(*weak_owned));
  auto raised = strict_describe_cached_iscsi_volumes_builder{}.volume_arns(std::move(weak_list)).build();
  REQUIRE(raised.has_value());
  CHECK(raised->checked_profile() == profile::strict);
  CHECK(raised->volume_arns()[0].str() == vol1.value());
}

TEST_CASE("builders: DescribeVTLDevices checks its devices against its gateway as from_strings does", "[builders]") {
  struct row {
    std::vector<vtl_device_arn_view> devices;  // empty: VTLDeviceARNs unset
    bool set;
    std::optional<sgwchap::error> error;  // default and strict alike (every input strict)
  };
  const auto mixed = sgwchap::detail::make_error(errc::mixed_gateways, field::vtl_device_arns, 65, profile::strict, 0,
                                                 sgwchap::length_unit::bytes, 1);
  const row rows[] = {
      {{}, false, std::nullopt},
      {{}, true, std::nullopt},  // an empty list: every device (APIREF-VTL)
      {{dev1, dev2}, true, std::nullopt},
      {{dev1, dev_other}, true, mixed},
  };
  for (const auto& r : rows) {
    CAPTURE(r.devices.size(), r.set);
    std::vector<std::string_view> texts;
    for (const auto& d : r.devices) texts.push_back(d.value());
    const std::optional<sgwchap::text_list> list =
        r.set ? std::optional<sgwchap::text_list>(std::span<const std::string_view>(texts)) : std::nullopt;
    const auto expected = vtl_request::from_strings(gateway.value(), list, "m", 7);
    const auto build = [&](auto builder) -> sgwchap::result<vtl_request> {
      auto paged = std::move(builder).gateway_arn(gateway).marker(*sgwchap::parse_marker("m")).limit(page_limit(7));
      if (!r.set) return std::move(paged).build();
      return std::move(paged).vtl_device_arns(r.devices).build();
    };
    for (auto built : {build(describe_vtl_devices_builder{}), build(strict_describe_vtl_devices_builder{})}) {
      if (r.error) {
        REQUIRE_FALSE(built.has_value());
        CHECK(built.error() == *r.error);
        REQUIRE_FALSE(expected.has_value());
        CHECK(expected.error().front() == *r.error);
      } else {
        REQUIRE(built.has_value());
        REQUIRE(expected.has_value());
        CHECK(*built == *expected);
      }
    }
  }

  // A gateway that passed only aws_model: the default build skips the gateway rule (as
  // from_strings under aws_model does); the strict build refuses the gateway first.
  const auto weak = sgwchap::parse_gateway_arn(weak_gateway, profile::aws_model);
  REQUIRE(weak.has_value());
  auto kept = describe_vtl_devices_builder{}.gateway_arn(*weak).vtl_device_arns({dev_other}).build();
  REQUIRE(kept.has_value());
  CHECK(kept->checked_profile() == profile::aws_model);
  auto refused = strict_describe_vtl_devices_builder{}.vtl_device_arns({dev1}).gateway_arn(*weak).build();
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error() == sgwchap::detail::make_error(errc::lowercase_gateway_id, field::gateway_arn, 60));
}
