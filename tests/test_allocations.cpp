// Validation allocates nothing: this binary replaces the global operator new/delete with
// counting versions and checks the documented example of MODEL-EXAMPLES (all four fields and the
// mutual-CHAP rule, under both profiles), a failing value of each field, and the inline
// chap_secret holder. Counts are read before any Catch2 macro runs (the macros may allocate).
#include <cstddef>
#include <cstdlib>
#include <new>
#include <string_view>
#include <utility>

#include <catch2/catch.hpp>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/iscsi_name.hpp>
#include <sgwchap/target_arn.hpp>

#include "support/counting_new.hpp"  // the counting operator new/delete of this binary
#include "support/example.hpp"

using sgwchap_test::allocations;

namespace {

/// Makes `value` observable: an optimizer may leave out the heap block of an object it can prove
/// unobserved (Clang 14 -O3 drops a copied target_arn's allocation, [expr.new] p14), which would
/// make a count measure the optimizer instead of the code.
template <class T>
void keep(const T& value) {
  asm volatile("" : : "r"(&value) : "memory");
}

// MODEL-EXAMPLES.
constexpr std::string_view target_arn = sgwchap_test::doc_arn;
constexpr std::string_view initiator_name = sgwchap_test::doc_initiator;
constexpr std::string_view initiator_secret = sgwchap_test::doc_initiator_secret;
constexpr std::string_view target_secret = sgwchap_test::doc_target_secret;

struct example_outcome {
  bool arn_ok, name_ok, initiator_secret_ok, target_secret_ok, differ_ok;
  std::size_t host_size;
};

// Not constexpr-evaluated: called with the profile as a run-time value.
example_outcome validate_example(sgwchap::profile p) {
  const auto arn = sgwchap::parse_target_arn(target_arn, p);
  const auto name = sgwchap::parse_iscsi_name(initiator_name, p);
  const auto s1 = sgwchap::check_chap_secret(initiator_secret, p, sgwchap::field::secret_to_authenticate_initiator);
  const auto s2 = sgwchap::check_chap_secret(target_secret, p, sgwchap::field::secret_to_authenticate_target);
  const auto differ = sgwchap::check_secrets_differ(initiator_secret, target_secret, p);
  return {arn.has_value(), name.has_value(),   s1.has_value(),
          s2.has_value(),  differ.has_value(), arn.has_value() ? arn->host().size() : 0};
}

}  // namespace

TEST_CASE("the counting operator new counts", "[allocations]") {
  const std::size_t before = allocations;
  // A direct call, not a new-expression: an optimizer may omit the allocation of a
  // new-expression whose storage it can provide otherwise ([expr.new], https://wg21.link/n3664),
  // and Clang 14 at -O2 drops `delete new int(42)` altogether; a call of ::operator new is kept.
  void* p = ::operator new(sizeof(int));
  const std::size_t after = allocations;
  ::operator delete(p);
  CHECK(after == before + 1);
}

TEST_CASE("validating the documented example allocates nothing", "[allocations]") {
  for (const sgwchap::profile p : {sgwchap::profile::strict, sgwchap::profile::aws_model}) {
    const std::size_t before = allocations;
    const example_outcome outcome = validate_example(p);
    const std::size_t used = allocations - before;
    INFO("profile " << sgwchap::profile_name(p));
    CHECK(used == 0);
    CHECK(outcome.arn_ok);
    CHECK(outcome.name_ok);
    CHECK(outcome.initiator_secret_ok);
    CHECK(outcome.target_secret_ok);
    CHECK(outcome.differ_ok);
    CHECK(outcome.host_size == std::string_view("storagegateway.us-east-1.amazonaws.com").size());
  }
}

TEST_CASE("failing validation allocates nothing either", "[allocations]") {
  const std::size_t before = allocations;
  const auto arn = sgwchap::parse_target_arn(
      "arn:aws:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume");
  const auto name = sgwchap::parse_iscsi_name("iqn.1998-01.com.vmware:ESX01-0ba2d462");
  const auto secret = sgwchap::check_chap_secret("111111111111\n");
  const auto differ = sgwchap::check_secrets_differ(initiator_secret, initiator_secret);
  const bool fast = sgwchap::is_valid_target_arn(target_arn) && sgwchap::is_valid_iscsi_name(initiator_name) &&
                    sgwchap::is_valid_chap_secret(initiator_secret);
  const std::size_t used = allocations - before;
  CHECK(used == 0);
  CHECK_FALSE(arn.has_value());
  CHECK_FALSE(name.has_value());
  CHECK_FALSE(secret.has_value());
  CHECK_FALSE(differ.has_value());
  CHECK(fast);
}

TEST_CASE("chap_secret holds up to 16 bytes without the heap", "[allocations]") {
  std::size_t used_inline = 0;
  std::size_t used_heap = 0;
  bool inline_ok = false;
  bool heap_ok = false;
  {
    const std::size_t before = allocations;
    auto held = sgwchap::chap_secret::make("abcdefghijklmnop");
    auto moved = std::move(*held);
    auto copy = moved.clone();
    inline_ok = held.has_value() && copy == moved;
    used_inline = allocations - before;
  }
  {
    const std::size_t before = allocations;
    auto held = sgwchap::chap_secret::make("abcdefghijklmnopq", sgwchap::profile::aws_model);
    heap_ok = held.has_value() && held->size() == 17;
    used_heap = allocations - before;
  }
  CHECK(inline_ok);
  CHECK(used_inline == 0);
  CHECK(heap_ok);
  CHECK(used_heap == 1);
}

TEST_CASE("the owning iscsi_name and normalize_iscsi_name allocate nothing; a target_arn one block", "[allocations]") {
  bool ok = true;
  std::size_t used_name = 0;
  std::size_t used_arn_parse = 0;
  std::size_t used_arn_copy = 0;
  for (const sgwchap::profile p : {sgwchap::profile::strict, sgwchap::profile::aws_model}) {
    std::size_t before = allocations;
    const auto name = sgwchap::iscsi_name::parse(initiator_name, p);
    const auto name_copy = name;  // the bytes are inline
    const auto folded = sgwchap::normalize_iscsi_name("iqn.1998-01.com.vmware:ESX01-0BA2D462");
    used_name += allocations - before;
    ok = ok && name.has_value() && name_copy == name && name->str() == initiator_name && folded.has_value() &&
         *folded == "iqn.1998-01.com.vmware:esx01-0ba2d462";

    // A target ARN may be 3200 bytes under aws_model: its bytes are one block of their size.
    before = allocations;
    const auto arn = sgwchap::target_arn::parse(target_arn, p);
    used_arn_parse += allocations - before;
    before = allocations;
    const auto arn_copy = arn;  // NOLINT(performance-unnecessary-copy-initialization): the copy is measured
    keep(arn_copy);
    used_arn_copy += allocations - before;
    ok = ok && arn.has_value() && arn_copy == arn && arn->str() == target_arn;
  }
  CHECK(ok);
  CHECK(used_name == 0);
  CHECK(used_arn_parse == 2);  // one per profile
  CHECK(used_arn_copy == 2);
}
