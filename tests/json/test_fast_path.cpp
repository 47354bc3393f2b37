// include/sgwchap/json/detail/fast_path.hpp: the fast path takes every valid body of its subset
// and no invalid one, and what it takes decodes to exactly the exact decoder's value (basic_parser
// and decode_handler, run here on the same body). Rows: the number forms at the edges of the
// one-pass readers (integers of 18 and 19 digits, int32 and int64 limits, timestamps of 10
// integer and 9 fraction digits), and key orders (the table's, reversed, with gaps, repeated,
// unknown). fuzz_codec_workflow checks the same property on random bodies.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/json.hpp>

using sgwchap::errc;

namespace {

/// Both decoders on `body`: whether the fast path took it and its value, and the exact
/// decoder's outcome (which must equal the fast path's value when it took it).
template <class T>
struct both_outcome {
  bool fast_took{false};
  T fast{};
  std::optional<sgwchap::decode_error> exact_error;
  T value{};
};

template <class T>
both_outcome<T> decode_both(std::string_view body) {
  both_outcome<T> out;
  out.fast_took = sgwchap::detail::fast_decode(body, out.fast);
  out.exact_error = sgwchap::detail::run_decoder(body, out.value, sgwchap::decode_options{});
  if (out.fast_took) {
    CHECK_FALSE(out.exact_error.has_value());
    CHECK(out.fast == out.value);
  }
  // decode_body (fast path first) gives the same outcome.
  const auto d = sgwchap::decode_body<T>(body);
  CHECK(d.has_value() == !out.exact_error.has_value());
  if (d.has_value()) CHECK(*d == out.value);
  return out;
}

using volumes = sgwchap::describe_cached_iscsi_volumes_result;

/// A number row: the member's JSON text, and the value or the error (code, offset from the
/// number's first byte).
struct number_row {
  std::string_view text;
  std::optional<std::int64_t> value;  // for a timestamp: nanoseconds since the epoch
  errc code{};
  std::size_t offset{0};
};

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

template <class Read>
void check_number_rows(std::string_view prefix, std::string_view suffix, std::initializer_list<number_row> rows,
                       Read read) {
  for (const number_row& r : rows) {
    INFO(r.text);
    const std::string body = std::string(prefix) + std::string(r.text) + std::string(suffix);
    const auto got = decode_both<volumes>(body);
    // Valid numbers take the fast path; invalid ones never do.
    CHECK(got.fast_took == r.value.has_value());
    if (r.value.has_value()) {
      REQUIRE_FALSE(got.exact_error.has_value());
      CHECK(read(got.value) == *r.value);
    } else {
      REQUIRE(got.exact_error.has_value());
      CHECK(got.exact_error->code == r.code);
      CHECK(got.exact_error->offset == prefix.size() + r.offset);
    }
  }
}

}  // namespace

TEST_CASE("fast path: MODEL long (VolumeSizeInBytes) at the edges of the one-pass reader", "[fast_path]") {
  check_number_rows(R"({"CachediSCSIVolumes":[{"VolumeSizeInBytes":)", "}]}",
                    {
                        {"0", 0},
                        {"-0", 0},
                        {"7", 7},
                        {"-7", -7},
                        {"1099511627776", 1099511627776},
                        {"999999999999999999", 999999999999999999},    // 18 digits: the one-pass reader's longest
                        {"-999999999999999999", -999999999999999999},  //
                        {"1000000000000000000", 1000000000000000000},  // 19 digits: the general reader
                        {"9223372036854775807", int64_max},
                        {"-9223372036854775808", int64_min},
                        {"9223372036854775808", std::nullopt, errc::number_out_of_range, 0},
                        {"-9223372036854775809", std::nullopt, errc::number_out_of_range, 0},
                        {"1.0", std::nullopt, errc::number_out_of_range, 0},
                        {"1e2", std::nullopt, errc::number_out_of_range, 0},
                        {"1E2", std::nullopt, errc::number_out_of_range, 0},
                        {"01", std::nullopt, errc::malformed_json, 1},
                        {"-", std::nullopt, errc::malformed_json, 1},
                        {"-a", std::nullopt, errc::malformed_json, 1},
                    },
                    [](const volumes& v) { return *v.cached_iscsi_volumes->front().volume_size_in_bytes; });
}

TEST_CASE("fast path: MODEL integer (LunNumber) at the edges of the one-pass reader", "[fast_path]") {
  check_number_rows(
      R"({"CachediSCSIVolumes":[{"VolumeiSCSIAttributes":{"LunNumber":)", "}}]}",
      {
          {"0", 0},
          {"1", 1},
          {"2147483647", 2147483647},
          {"-2147483648", -2147483648LL},
          {"2147483648", std::nullopt, errc::number_out_of_range, 0},
          {"-2147483649", std::nullopt, errc::number_out_of_range, 0},
          {"999999999999999999", std::nullopt, errc::number_out_of_range, 0},
          {"3.5", std::nullopt, errc::number_out_of_range, 0},
      },
      [](const volumes& v) { return *v.cached_iscsi_volumes->front().volume_iscsi_attributes->lun_number; });
}

TEST_CASE("fast path: timestamps (CreatedDate) at the edges of the one-pass reader", "[fast_path]") {
  check_number_rows(
      R"({"CachediSCSIVolumes":[{"CreatedDate":)", "}]}",
      {
          {"1583443386", 1'583'443'386'000'000'000},
          {"1583443386.5", 1'583'443'386'500'000'000},
          {"1583443386.123", 1'583'443'386'123'000'000},
          {"1583443386.123456789", 1'583'443'386'123'456'789},   // 9 fraction digits: one pass
          {"1583443386.1234567890", 1'583'443'386'123'456'789},  // 10: the general reader
          {"9223372035.999999999", 9'223'372'035'999'999'999},   // the one-pass reader's largest
          {"9223372036", 9'223'372'036'000'000'000},             // above the one-pass limit
          {"9223372036.854775807", int64_max},                   // the general reader's
          {"0", 0},
          {"0.5", 500'000'000},
          {"1", 1'000'000'000},
          {"1e9", 1'000'000'000'000'000'000},
          {"-1.5", -1'500'000'000},
          {"1583443386.1234567891", std::nullopt, errc::bad_timestamp, 20},  // finer than 1 ns
          {"9223372036.854775808", std::nullopt, errc::bad_timestamp, 0},
          {"10000000000", std::nullopt, errc::bad_timestamp, 0},
          {"1583443386.", std::nullopt, errc::malformed_json, 11},
          {"01", std::nullopt, errc::malformed_json, 1},
      },
      [](const volumes& v) { return v.cached_iscsi_volumes->front().created_date->time_since_epoch().count(); });
}

TEST_CASE("fast path: keys in any order, each row found; a repeated key left to the exact decoder", "[fast_path]") {
  struct row {
    std::string_view members;  // inside the volume's object
    bool fast_takes;
    std::optional<errc> code{};  // the exact decoder's error
    std::size_t offset{0};       // from the volume's `{`
  };
  const row rows[] = {
      // The table's order (the service's), with and without gaps.
      {R"("VolumeARN":"a","VolumeId":"b","VolumeType":"c","VolumeStatus":"d","VolumeAttachmentStatus":"e",)"
       R"("VolumeSizeInBytes":1,"VolumeProgress":2.5,"SourceSnapshotId":"f","VolumeiSCSIAttributes":{},)"
       R"("CreatedDate":3,"VolumeUsedInBytes":4,"KMSKey":"g","TargetName":"h")",
       true},
      {R"("VolumeARN":"a","TargetName":"h")", true},
      {R"("VolumeId":"b","VolumeiSCSIAttributes":{"TargetARN":"t","ChapEnabled":true},"TargetName":"h")", true},
      // Reversed, and shuffled.
      {R"("TargetName":"h","KMSKey":"g","VolumeUsedInBytes":4,"CreatedDate":3,"VolumeiSCSIAttributes":{},)"
       R"("SourceSnapshotId":"f","VolumeProgress":2.5,"VolumeSizeInBytes":1,"VolumeAttachmentStatus":"e",)"
       R"("VolumeStatus":"d","VolumeType":"c","VolumeId":"b","VolumeARN":"a")",
       true},
      {R"("VolumeUsedInBytes":4,"VolumeSizeInBytes":1,"VolumeId":"b","VolumeARN":"a")", true},
      // White space around every token.
      {R"( "VolumeARN" : "a" , "VolumeId" : "b" )", true},
      // A repeated key, next to its first or after the expected row moved on.
      {R"("VolumeId":"b","VolumeId":"c")", false, errc::duplicate_key, 16},
      {R"("VolumeARN":"a","VolumeId":"b","VolumeARN":"c")", false, errc::duplicate_key, 32},
      {R"("TargetName":"h","VolumeARN":"a","TargetName":"i")", false, errc::duplicate_key, 34},
      // Unknown keys (ignored in a response), among them a row name's prefix and extension.
      {R"("VolumeARN":"a","Volume":"x","VolumeId":"b")", false},
      {R"("VolumeIdX":"x","VolumeId":"b")", false},
      {R"("VolumeI":"x")", false},
  };
  for (const row& r : rows) {
    INFO(r.members);
    const std::string prefix = R"({"CachediSCSIVolumes":[)";
    const std::string body = prefix + "{" + std::string(r.members) + "}]}";
    const auto got = decode_both<volumes>(body);
    CHECK(got.fast_took == r.fast_takes);
    if (r.code.has_value()) {
      REQUIRE(got.exact_error.has_value());
      CHECK(got.exact_error->code == *r.code);
      CHECK(got.exact_error->offset == prefix.size() + r.offset);
    } else {
      REQUIRE_FALSE(got.exact_error.has_value());
      // Each known member has its row's value, whatever the order (decode_both compared the
      // fast path's value with the exact decoder's).
      const auto& v = got.value.cached_iscsi_volumes->front();
      std::string compact(r.members);
      std::erase(compact, ' ');
      const auto has = [&compact](std::string_view member) { return compact.find(member) != std::string::npos; };
      CHECK(v.volume_arn == (has(R"("VolumeARN":"a")") ? std::optional<std::string>("a") : std::nullopt));
      CHECK(v.volume_id == (has(R"("VolumeId":"b")") ? std::optional<std::string>("b") : std::nullopt));
      CHECK(v.target_name == (has(R"("TargetName":"h")") ? std::optional<std::string>("h") : std::nullopt));
      CHECK(v.volume_used_in_bytes ==
            (has(R"("VolumeUsedInBytes":4)") ? std::optional<std::int64_t>(4) : std::nullopt));
    }
  }
}

TEST_CASE("fast path: ChapInfo members in any order, secrets included", "[fast_path]") {
  const std::string_view bodies[] = {
      R"({"ChapCredentials":[{"TargetARN":"t","SecretToAuthenticateInitiator":"111111111111",)"
      R"("InitiatorName":"iqn.1991-05.com.microsoft:x","SecretToAuthenticateTarget":"222222222222"}]})",
      R"({"ChapCredentials":[{"SecretToAuthenticateTarget":"222222222222","InitiatorName":"iqn.1991-05.com.microsoft:x",)"
      R"("SecretToAuthenticateInitiator":"111111111111","TargetARN":"t"}]})",
      R"({"ChapCredentials":[{"InitiatorName":"iqn.1991-05.com.microsoft:x","TargetARN":"t"},)"
      R"({"TargetARN":"t","InitiatorName":"iqn.1991-05.com.microsoft:x"}]})",
  };
  for (const std::string_view body : bodies) {
    INFO(body);
    const auto got = decode_both<sgwchap::describe_chap_credentials_result>(body);
    CHECK(got.fast_took);
    REQUIRE_FALSE(got.exact_error.has_value());
    for (const auto& c : *got.value.chap_credentials) {
      CHECK(c.target_arn == std::optional<std::string>("t"));
      CHECK(c.initiator_name == std::optional<std::string>("iqn.1991-05.com.microsoft:x"));
    }
  }
}

TEST_CASE("fast path: lists of every length, in place below 1 KiB and sized from the first element above",
          "[fast_path]") {
  // Elements smaller than the 96 bytes the sizing assumes (so the vector grows), and the usual
  // ones; lists just below and above the 1,024 bytes read in place.
  const std::string small = R"({"InitiatorName":"i"})";
  const std::string usual =
      R"({"TargetARN":"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/)"
      R"(iqn.1997-05.com.amazon:myvolume","SecretToAuthenticateInitiator":"111111111111",)"
      R"("InitiatorName":"iqn.1991-05.com.microsoft:computername.domain.example.com",)"
      R"("SecretToAuthenticateTarget":"222222222222"})";
  for (const std::string* element : {&small, &usual}) {
    for (std::size_t count : {1U, 2U, 3U, 4U, 5U, 40U, 45U, 50U, 100U}) {
      std::string body = R"({"ChapCredentials":[)";
      for (std::size_t k = 0; k < count; ++k) body += (k == 0 ? "" : ",") + *element;
      body += "]}";
      INFO(body.size() << " bytes, " << count << " elements");
      const auto got = decode_both<sgwchap::describe_chap_credentials_result>(body);
      CHECK(got.fast_took);
      REQUIRE_FALSE(got.exact_error.has_value());
      REQUIRE(got.value.chap_credentials.has_value());
      CHECK(got.value.chap_credentials->size() == count);
      // The fast path's reservation is at most one element per 96 bytes, plus two; a list of
      // smaller elements then grows as emplace_back does (doubling).
      REQUIRE(got.fast.chap_credentials.has_value());
      CHECK(got.fast.chap_credentials->capacity() <= std::max<std::size_t>(2 + body.size() / 96, 2 * count));
      // Entries of 96 bytes or more never make it grow: the reservation alone bounds it.
      if (element == &usual) CHECK(got.fast.chap_credentials->capacity() <= 2 + body.size() / 96);
    }
  }
}
