// The light headers under -fno-exceptions: every validator and request builder compiles and
// gives the same results as with exceptions. Table-driven; each row asserts code, field, offset.
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "this test must be built with -fno-exceptions"
#endif

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/sgwchap.hpp>

namespace {

int failures = 0;

void expect(bool ok, const char* what, int line) {
  if (!ok) {
    (void)std::fprintf(stderr, "test_no_exceptions.cpp:%d: failed: %s\n", line, what);
    ++failures;
  }
}
#define EXPECT(cond) expect((cond), #cond, __LINE__)

using sgwchap::errc;
using sgwchap::field;

constexpr std::string_view arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view initiator = "iqn.1991-05.com.microsoft:computername.domain.example.com";

struct row {
  std::string_view value;
  std::optional<errc> code;  // nullopt: valid
  std::size_t offset;
};

template <class Check>
void run(const char* name, Check check, field which, std::initializer_list<row> rows) {
  for (const row& r : rows) {
    const sgwchap::error* e = nullptr;
    const auto result = check(r.value);
    if (!result.has_value()) e = &result.error();
    const bool ok = r.code.has_value()
                        ? e != nullptr && e->code == *r.code && e->which == which && e->offset == r.offset
                        : e == nullptr;
    if (!ok) {
      (void)std::fprintf(stderr, "%s: row \"%.*s\": got %s at %zu\n", name, static_cast<int>(r.value.size()),
                         r.value.data(), e == nullptr ? "success" : std::string(sgwchap::rule_name(e->code)).c_str(),
                         e == nullptr ? std::size_t{0} : e->offset);
      ++failures;
    }
  }
}

}  // namespace

int main() {
  run("target_arn", [](std::string_view v) { return sgwchap::parse_target_arn(v); }, field::target_arn,
      {
          {arn, std::nullopt, 0},
          {"arn:aws:storagegateway:cn-north-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume",
           errc::region_not_in_partition, 23},
          {"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12a3456B/target/iqn.1997-05.com.amazon:myvolume",
           errc::lowercase_gateway_id, 60},
          {"arn:aws:storagegateway:us-east-1:1111", errc::too_short, 37},
          {"arn:aws:storagegateway:us-east-1:1111:gateway/sgw-12A3456B", errc::bad_account_id, 37},
      });
  run("iscsi_name", [](std::string_view v) { return sgwchap::parse_iscsi_name(v); }, field::initiator_name,
      {
          {initiator, std::nullopt, 0},
          {"eui.02004567a425678d", std::nullopt, 0},
          {"iqn.2015-1.x", errc::bad_iqn_date, 10},
          {"iqn.2017-13.com.x", errc::iqn_month_out_of_range, 9},
          {"iqn.1998-01.com.vmware:ESX01", errc::uppercase_character, 23},
          {"", errc::too_short, 0},
      });
  run("chap_secret", [](std::string_view v) { return sgwchap::check_chap_secret(v); },
      field::secret_to_authenticate_initiator,
      {
          {"111111111111", std::nullopt, 0},
          {"short", errc::too_short, 5},
          {"abcdefghijklmnopq", errc::too_long, 16},
          {"secret-secret\n", errc::control_character, 13},
          {"secret\xC0\xAFsecret", errc::invalid_utf8, 6},
      });

  // Requests built from strings: every problem, in member order.
  const auto update = sgwchap::update_chap_credentials_request::from_strings(arn, initiator, "111111111111",
                                                                             std::string_view("222222222222"));
  EXPECT(update.has_value());
  if (update.has_value()) {
    EXPECT((*update).secret_to_authenticate_target() != nullptr);
    EXPECT((*update).target_arn().str() == arn);
  }
  const auto bad =
      sgwchap::update_chap_credentials_request::from_strings("arn", "IQN", "short", std::string_view("short"));
  EXPECT(!bad.has_value());
  if (!bad.has_value()) {
    EXPECT(bad.error().size() == 4);
    EXPECT(bad.error()[0].which == field::target_arn && bad.error()[0].code == errc::too_short);
    EXPECT(bad.error()[1].which == field::secret_to_authenticate_initiator);
    EXPECT(bad.error()[2].which == field::initiator_name && bad.error()[2].code == errc::uppercase_character);
    EXPECT(bad.error()[3].which == field::secret_to_authenticate_target && bad.error()[3].code == errc::too_short);
    // Messages come from the error's members, never from the secret's bytes.
    for (const auto& e : bad.error()) EXPECT(e.message().view().find("short") == std::string_view::npos);
  }
  const auto same = sgwchap::update_chap_credentials_request::from_strings(arn, initiator, "111111111111",
                                                                           std::string_view("111111111111"));
  EXPECT(!same.has_value() && same.error().size() == 1 && same.error()[0].code == errc::secrets_must_differ);
  EXPECT(sgwchap::describe_chap_credentials_request::from_strings(arn).has_value());
  EXPECT(sgwchap::delete_chap_credentials_request::from_strings(arn, initiator).has_value());

  // The owning holders.
  auto secret = sgwchap::chap_secret::make("sécret-sécret");
  EXPECT(secret.has_value() && (*secret).size() == 15);
  EXPECT(sgwchap::normalize_iscsi_name("IQN.2001-04.COM.X") == "iqn.2001-04.com.x");

  if (failures != 0)
    (void)std::fprintf(stderr, "%d failures\n", failures);
  else
    std::puts("test_no_exceptions: all passed");
  return failures == 0 ? 0 : 1;
}
