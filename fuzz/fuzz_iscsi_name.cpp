// libFuzzer harness: iSCSI names (InitiatorName, RFC 3720 §3.2.6), both profiles, and normalization.
//
// Properties:
// - a success returns views that lie inside the input and reassemble to it (iqn: date,
//   naming authority and unique part; eui/naa: the hex digits);
// - the constexpr path (every prefix of a few values, evaluated at compile time) and the
//   run-time path agree; the bool fast path, the owning type and the view agree; strict success implies aws_model
//   success with the same form;
// - differential oracle: std::regex built from RFC 3720 §3.2.6's rules gives the parser's verdict under
//   both profiles, and says which RFC form an aws_model name has (none beyond 223 bytes);
// - the two normalize_iscsi_name overloads (into a span, into a static_string: separate code)
//   agree, fold exactly A-Z, and the folded name never fails for upper case; the static_string
//   one fails (too_long at byte 255) exactly when the input has more than 255 bytes.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <regex>
#include <span>
#include <string>
#include <string_view>

#include <sgwchap/iscsi_name.hpp>

#include "fuzz_common.hpp"

namespace {

using sgwchap::iscsi_name_form;
using sgwchap::profile;
using sgwchap_fuzz::whole_match;

// RFC 3720 §3.2.6, rule by rule.
const std::regex& model_regex() {  // MODEL IqnName: 1..255 of [0-9a-z:.-]
  static const std::regex re("[0-9a-z:.-]{1,255}");
  return re;
}
const std::regex& iqn_regex() {
  // iqn. YYYY-MM . label(.label)* [: unique]; label = 1..63 of [a-z0-9-], not starting or ending
  // with '-' (RFC 1035 §2.3.4); the first (top-level) label is not all digits (RFC 1123 §2.1).
  static const std::regex re(
      "iqn\\.[0-9]{4}-(0[1-9]|1[0-2])\\.(?![0-9]+([.:]|$))[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
      "(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9a-z:.-]+)?");
  return re;
}
const std::regex& eui_regex() {
  static const std::regex re("eui\\.[0-9a-f]{16}");
  return re;
}
const std::regex& naa_regex() {
  static const std::regex re("naa\\.([0-9a-f]{16}|[0-9a-f]{32})");
  return re;
}

iscsi_name_form oracle_form(std::string_view s) {
  if (whole_match(iqn_regex(), s)) return iscsi_name_form::iqn;
  if (whole_match(eui_regex(), s)) return iscsi_name_form::eui;
  if (whole_match(naa_regex(), s)) return iscsi_name_form::naa;
  return iscsi_name_form::unknown;
}

void check_view(const sgwchap::iscsi_name_view& v, std::string_view s, profile p, iscsi_name_form expected_form) {
  FUZZ_CHECK(v.value().data() == s.data() && v.value().size() == s.size());
  FUZZ_CHECK(v.checked_profile() == p);
  FUZZ_CHECK(v.form() == expected_form);
  for (const std::string_view part : {v.naming_authority(), v.unique_name(), v.hex_digits()}) {
    FUZZ_CHECK(sgwchap_fuzz::lies_inside(part, s));
  }
  switch (v.form()) {
    case iscsi_name_form::iqn: {
      FUZZ_CHECK(v.year() <= 9999 && v.month() >= 1 && v.month() <= 12);
      FUZZ_CHECK(v.hex_digits().empty() && !v.naming_authority().empty());
      char date[16];
      (void)std::snprintf(date, sizeof date, "%04u-%02u", v.year(), v.month());
      std::string rebuilt = "iqn." + std::string(date) + "." + std::string(v.naming_authority());
      if (!v.unique_name().empty()) rebuilt += ":" + std::string(v.unique_name());
      FUZZ_CHECK(rebuilt == s);
      break;
    }
    case iscsi_name_form::eui:
    case iscsi_name_form::naa:
      FUZZ_CHECK(v.naming_authority().empty() && v.unique_name().empty() && v.year() == 0 && v.month() == 0);
      FUZZ_CHECK(std::string(v.form() == iscsi_name_form::eui ? "eui." : "naa.") + std::string(v.hex_digits()) == s);
      break;
    case iscsi_name_form::unknown:
      FUZZ_CHECK(p == profile::aws_model);
      FUZZ_CHECK(v.naming_authority().empty() && v.unique_name().empty() && v.hex_digits().empty());
      break;
  }
}

void check_error(const sgwchap::error& e, std::string_view s) {
  FUZZ_CHECK(e.which == sgwchap::field::initiator_name);
  FUZZ_CHECK(e.code != sgwchap::errc{});
  FUZZ_CHECK(e.offset <= s.size());
  FUZZ_CHECK(!e.message().empty());
  if (e.code == sgwchap::errc::uppercase_character) {
    FUZZ_CHECK(e.offset < s.size() && s[e.offset] >= 'A' && s[e.offset] <= 'Z');
  }
  if (e.code == sgwchap::errc::invalid_character) {
    FUZZ_CHECK(e.offset < s.size() && !whole_match(model_regex(), s.substr(e.offset, 1)));
  }
}

// Compile-time outcomes of every prefix of a few values (see sgwchap_fuzz::outcome).
constexpr auto parse_strict = [](std::string_view v) { return sgwchap::parse_iscsi_name(v, profile::strict); };
constexpr auto parse_model = [](std::string_view v) { return sgwchap::parse_iscsi_name(v, profile::aws_model); };
constexpr std::string_view seed_iqn = "iqn.1991-05.com.microsoft:computername.domain-1.example.com";
constexpr std::string_view seed_naa = "naa.62004567ba64678d0123456789abcdef";
constexpr std::string_view seed_bad = "iqn.2017-13.com..x-:Y";
constexpr auto iqn_strict = sgwchap_fuzz::prefix_outcomes(seed_iqn, parse_strict);
constexpr auto iqn_model = sgwchap_fuzz::prefix_outcomes(seed_iqn, parse_model);
constexpr auto naa_strict = sgwchap_fuzz::prefix_outcomes(seed_naa, parse_strict);
constexpr auto bad_strict = sgwchap_fuzz::prefix_outcomes(seed_bad, parse_strict);
static_assert(iqn_strict[seed_iqn.size()].ok && naa_strict[seed_naa.size()].ok && !bad_strict[seed_bad.size()].ok);

void check_constexpr_path() {
  sgwchap_fuzz::check_prefix_outcomes(seed_iqn, iqn_strict, parse_strict);
  sgwchap_fuzz::check_prefix_outcomes(seed_iqn, iqn_model, parse_model);
  sgwchap_fuzz::check_prefix_outcomes(seed_naa, naa_strict, parse_strict);
  sgwchap_fuzz::check_prefix_outcomes(seed_bad, bad_strict, parse_strict);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool constexpr_path_checked = (check_constexpr_path(), true);
  (void)constexpr_path_checked;
  const std::string_view s = sgwchap_fuzz::as_view(data, size);
  if (s.size() > 4096) return 0;  // std::regex recurses per character: keep the oracle's stack bounded

  const bool model_ok = whole_match(model_regex(), s);
  // An RFC form needs the RFC length too (at most 223 bytes); a longer name passes only MODEL
  // and reports form unknown under aws_model.
  const iscsi_name_form form = model_ok && s.size() <= 223 ? oracle_form(s) : iscsi_name_form::unknown;
  // A Storage Gateway target's name is an iqn. name, but never an initiator's (strict).
  const bool strict_ok = form != iscsi_name_form::unknown && !s.starts_with("iqn.1997-05.com.amazon:");

  const auto strict = sgwchap::parse_iscsi_name(s, profile::strict);
  const auto model = sgwchap::parse_iscsi_name(s, profile::aws_model);
  FUZZ_CHECK(strict.has_value() == strict_ok);
  FUZZ_CHECK(model.has_value() == model_ok);
  FUZZ_CHECK(sgwchap::is_valid_iscsi_name(s, profile::strict) == strict.has_value());
  FUZZ_CHECK(sgwchap::is_valid_iscsi_name(s, profile::aws_model) == model.has_value());

  if (strict.has_value())
    check_view(*strict, s, profile::strict, form);
  else
    check_error(strict.error(), s);
  if (model.has_value())
    check_view(*model, s, profile::aws_model, form);
  else
    check_error(model.error(), s);

  for (const profile p : {profile::strict, profile::aws_model}) {
    const auto owned = sgwchap::iscsi_name::parse(s, p);
    const auto& view = p == profile::strict ? strict : model;
    FUZZ_CHECK(owned.has_value() == view.has_value());
    if (!owned.has_value()) {
      FUZZ_CHECK(owned.error() == view.error());
      continue;
    }
    const sgwchap::iscsi_name_view again = (*owned).view();
    FUZZ_CHECK(again.value() == s && again.form() == (*view).form() && again.checked_profile() == p);
    FUZZ_CHECK(again.naming_authority() == (*view).naming_authority() && again.unique_name() == (*view).unique_name());
  }

  // Normalization: both overloads, and a buffer one byte too small.
  const std::size_t upper = sgwchap::find_uppercase(s);
  std::array<char, 4096> buffer{};
  const auto in_place = sgwchap::normalize_iscsi_name(s, std::span<char>(buffer.data(), s.size()));
  FUZZ_CHECK(in_place.has_value() && (*in_place).data() == buffer.data());
  const std::string_view folded = *in_place;
  FUZZ_CHECK(folded.size() == s.size());
  FUZZ_CHECK(sgwchap::find_uppercase(folded) == std::string_view::npos);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool is_upper = c >= 'A' && c <= 'Z';
    FUZZ_CHECK(folded[i] == (is_upper ? static_cast<char>(c - 'A' + 'a') : c));
    if (is_upper && upper > i) FUZZ_CHECK(false);  // find_uppercase returns the first
  }
  FUZZ_CHECK((upper == std::string_view::npos) == (folded == s));
  const auto inline_folded = sgwchap::normalize_iscsi_name(s);
  if (s.size() <= sgwchap::normalized_iscsi_name::capacity()) {
    FUZZ_CHECK(inline_folded.has_value() && (*inline_folded).view() == folded);
  } else {
    FUZZ_CHECK(!inline_folded.has_value() && inline_folded.error().code == sgwchap::errc::too_long &&
               inline_folded.error().offset == sgwchap::normalized_iscsi_name::capacity());
  }
  if (!s.empty()) {
    const auto small = sgwchap::normalize_iscsi_name(s, std::span<char>(buffer.data(), s.size() - 1));
    FUZZ_CHECK(!small.has_value() && small.error().code == sgwchap::errc::buffer_too_small);
  }
  if (!strict.has_value() && strict.error().code == sgwchap::errc::uppercase_character) {
    const auto again = sgwchap::parse_iscsi_name(folded, profile::strict);
    FUZZ_CHECK(again.has_value() || again.error().code != sgwchap::errc::uppercase_character);
  }
  return 0;
}
