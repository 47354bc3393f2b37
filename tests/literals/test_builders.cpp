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
