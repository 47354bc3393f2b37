// The JSONTestSuite parsing corpus (tests/data/JSONTestSuite, MIT licence) through every decoder.
// y_: the 12 files whose top level is an object are accepted by every response decoder (request
// decoders accept them too unless a top-level key is unknown there: unknown_key, SMITHY-JSON);
// other y_ files are refused as not_an_object. n_: none accepted, except the zero-byte
// n_structure_no_data.json (the protocol reads zero bytes as "no members"). i_: each outcome listed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <sgwchap/json.hpp>

using sgwchap::errc;

namespace {
std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct outcome {
  bool accepted;
  errc code;
  std::size_t offset;
};

}  // namespace

TEST_CASE("JSONTestSuite through every decoder") {
  const auto dir = std::filesystem::path(SGWCHAP_TEST_DATA) / "JSONTestSuite" / "test_parsing";
  REQUIRE(std::filesystem::is_directory(dir));

  const std::set<std::string> y_objects{"y_object.json",
                                        "y_object_basic.json",
                                        "y_object_duplicated_key.json",
                                        "y_object_duplicated_key_and_value.json",
                                        "y_object_empty.json",
                                        "y_object_empty_key.json",
                                        "y_object_escaped_null_in_key.json",
                                        "y_object_extreme_numbers.json",
                                        "y_object_long_strings.json",
                                        "y_object_simple.json",
                                        "y_object_string_unicode.json",
                                        "y_object_with_newlines.json"};
  REQUIRE(y_objects.size() == 12);

  // Boost.JSON 1.81 with default options; the top level decides most: arrays are not objects.
  const std::map<std::string, outcome> i_outcomes{
      {"i_number_double_huge_neg_exp.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_huge_exp.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_neg_int_huge_exp.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_pos_double_huge_exp.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_real_neg_overflow.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_real_pos_overflow.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_real_underflow.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_too_big_neg_int.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_too_big_pos_int.json", outcome{false, errc::not_an_object, 0}},
      {"i_number_very_big_negative_int.json", outcome{false, errc::not_an_object, 0}},
      {"i_object_key_lone_2nd_surrogate.json", outcome{false, errc::invalid_utf8, 2}},  // a lone \uDFAA
      {"i_string_1st_surrogate_but_2nd_missing.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_1st_valid_surrogate_2nd_invalid.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_UTF-16LE_with_BOM.json", outcome{false, errc::invalid_utf8, 0}},
      {"i_string_UTF-8_invalid_sequence.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_UTF8_surrogate_U+D800.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_incomplete_surrogate_and_escape_valid.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_incomplete_surrogate_pair.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_incomplete_surrogates_escape_valid.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_invalid_lonely_surrogate.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_invalid_surrogate.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_invalid_utf-8.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_inverted_surrogates_U+1D11E.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_iso_latin_1.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_lone_second_surrogate.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_lone_utf8_continuation_byte.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_not_in_unicode_range.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_overlong_sequence_2_bytes.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_overlong_sequence_6_bytes.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_overlong_sequence_6_bytes_null.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_truncated-utf-8.json", outcome{false, errc::not_an_object, 0}},
      {"i_string_utf16BE_no_BOM.json", outcome{false, errc::malformed_json, 0}},
      {"i_string_utf16LE_no_BOM.json", outcome{false, errc::not_an_object, 0}},
      {"i_structure_500_nested_arrays.json", outcome{false, errc::not_an_object, 0}},
      {"i_structure_UTF-8_BOM_empty_object.json", outcome{false, errc::malformed_json, 0}},
  };

  auto all = [](const std::string& body) {
    std::vector<outcome> out;
    auto push = [&](const auto& r) {
      out.push_back(r.has_value() ? outcome{true, errc{}, 0} : outcome{false, r.error().code, r.error().offset});
    };
    push(sgwchap::decode_update_chap_credentials_response(body));
    push(sgwchap::decode_describe_chap_credentials_response(body));
    push(sgwchap::decode_delete_chap_credentials_response(body));
    push(sgwchap::decode_update_chap_credentials_request(body));
    push(sgwchap::decode_describe_chap_credentials_request(body));
    push(sgwchap::decode_delete_chap_credentials_request(body));
    return out;
  };

  std::size_t files = 0;
  std::size_t y_accepted = 0;
  std::size_t i_seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string body = read_file(entry.path());
    INFO(name);
    ++files;
    const auto results = all(body);
    // The service-error decoder never fails: JSON objects are read, everything else is an excerpt.
    const auto e = sgwchap::decode_service_error(500, {}, body).value();
    CHECK(e.status == 500);
    CHECK(e.message.size() <= sgwchap::service_error::body_excerpt_limit + 3);
    if (name.rfind("y_", 0) == 0) {
      if (y_objects.contains(name)) {
        for (std::size_t k = 0; k < 3; ++k) CHECK(results[k].accepted);
        for (std::size_t k = 3; k < 6; ++k) {
          CHECK((results[k].accepted || results[k].code == errc::unknown_key));
        }
        CHECK(e.body_was_json);
        ++y_accepted;
      } else {
        for (const auto& r : results) {
          CHECK_FALSE(r.accepted);
          CHECK(r.code == errc::not_an_object);
        }
        CHECK_FALSE(e.body_was_json);
      }
    } else if (name.rfind("n_", 0) == 0) {
      for (std::size_t k = 0; k < results.size(); ++k) {
        const auto& r = results[k];
        if (name == "n_structure_no_data.json") {
          CHECK(body.empty());
          CHECK(r.accepted);
        } else {
          CHECK_FALSE(r.accepted);
          // Request decoders may stop earlier, at an unknown key (y_ rule above).
          CHECK((r.code == errc::malformed_json || r.code == errc::not_an_object || r.code == errc::invalid_utf8 ||
                 (k >= 3 && r.code == errc::unknown_key)));
          CHECK(r.offset <= body.size());
        }
      }
    } else if (name.rfind("i_", 0) == 0) {
      ++i_seen;
      const auto it = i_outcomes.find(name);
      REQUIRE(it != i_outcomes.end());
      for (const auto& r : results) {
        CHECK(r.accepted == it->second.accepted);
        CHECK(r.code == it->second.code);
        CHECK(r.offset == it->second.offset);
      }
    }
  }
  CHECK(files == 318);
  CHECK(y_accepted == 12);
  CHECK(i_seen == i_outcomes.size());
}
