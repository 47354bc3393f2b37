// <sgwchap/open_iscsi.hpp> allocates nothing beyond the findings list: the parsers work on views
// of the caller's files, and a secret read from a file is copied into its chap_secret only (which
// allocates for secrets longer than 16 bytes, its inline capacity). This binary counts every
// operator new (support/counting_new.hpp); counts are read before any Catch2 macro runs.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include <sgwchap/open_iscsi.hpp>

#include "support/counting_new.hpp"  // the counting operator new/delete of this binary

namespace oi = sgwchap::open_iscsi;
using sgwchap_test::count_allocations;

namespace {

constexpr std::string_view arn =
    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume";
constexpr std::string_view host = "iqn.1993-08.org.debian:01:da65ae3337c1";

std::string record(std::string_view password, std::string_view password_in) {
  return "# BEGIN RECORD 2.1.8\nnode.name = iqn.1997-05.com.amazon:myvolume\nnode.tpgt = 1\n"
         "node.session.auth.authmethod = CHAP\nnode.session.auth.username = " +
         std::string(host) + "\nnode.session.auth.password = " + std::string(password) +
         "\nnode.session.auth.username_in = iqn.1997-05.com.amazon:myvolume\nnode.session.auth.password_in = " +
         std::string(password_in) + "\nnode.conn[0].address = 10.0.0.5\nnode.conn[0].port = 3260\n# END RECORD\n";
}

}  // namespace

TEST_CASE("check_initiator allocates only for its findings and for secrets over 16 bytes",
          "[open_iscsi][allocations]") {
  const std::string name_file = "InitiatorName=" + std::string(host) + "\n";
  const std::string conf = "node.startup = manual\nnode.session.auth.chap_algs = MD5\n";
  // 16-byte secrets (inline in chap_secret), and a 17-byte pair (one heap block each).
  const std::string short_record = record("Init!ator#S3cret", "Targ%t#S3cret-1");
  const std::string long_record = record("Init!ator#S3cret+", "Targ%t#S3cret-1++");
  auto request = sgwchap::update_chap_credentials_request::from_strings(arn, host, "Init!ator#S3cret",
                                                                        std::string_view("Targ%t#S3cret-1"));
  REQUIRE(request.has_value());
  const oi::expected_chap expected = oi::expect(*request);

  std::vector<oi::finding> findings;
  findings.reserve(64);
  const std::vector<oi::node_record_file> short_records = {
      {{"iqn.1997-05.com.amazon:myvolume", "10.0.0.5,3260,1", "default"}, short_record}};
  const std::vector<oi::node_record_file> long_records = {
      {{"iqn.1997-05.com.amazon:myvolume", "10.0.0.5,3260,1", "default"}, long_record}};
  const oi::initiator_files short_files{name_file, conf, short_records};
  const oi::initiator_files long_files{name_file, conf, long_records};

  const std::size_t short_count = count_allocations([&] { oi::check_initiator(short_files, expected, findings); });
  const std::size_t short_findings = findings.size();
  findings.clear();
  const std::size_t long_count = count_allocations([&] { oi::check_initiator(long_files, expected, findings); });
  findings.clear();
  std::size_t parse_count = 0;
  parse_count += count_allocations([&] { (void)oi::parse_iscsid_conf(conf, findings); });
  parse_count += count_allocations([&] { (void)oi::parse_initiator_name_file(std::string_view(name_file), findings); });

  CHECK(short_findings >= 2);  // the notes at least: the check ran
  CHECK(short_count == 0);
  CHECK(long_count == 2);  // password and password_in, 17 bytes each: one chap_secret block each
  CHECK(parse_count == 0);
}
