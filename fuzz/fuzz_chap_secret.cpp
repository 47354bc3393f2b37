// libFuzzer harness: CHAP secrets (APIREF-Update), both profiles, the owning holder, and the three
// requests built from raw strings.
//
// Properties:
// - differential oracle: std::regex of RFC 3629's UTF8-char (the offset of the first bad byte
//   included), APIREF-Update's forbidden characters (C0, DEL, C1, U+FEFF) and lengths (12..16 bytes
//   strict, 1..100 scalar values aws_model) give the parser's verdict and error;
// - the constexpr path (every prefix of a value, evaluated at compile time) and the run-time
//   path agree; the bool fast path and chap_secret::make agree with check_chap_secret; the holder keeps the
//   bytes, clones equal, a moved-from holder is empty; mutual CHAP refuses equal secrets;
// - no error message contains the secret (APIREF-Update), and messages stay the same once the secret's
//   buffer is overwritten: they are built from the error's members only. The same holds for
//   every error of update/describe/delete requests built from strings cut out of the input.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <sgwchap/chap_secret.hpp>
#include <sgwchap/requests.hpp>

#include "fuzz_common.hpp"

namespace {

using sgwchap::errc;
using sgwchap::field;
using sgwchap::profile;

// APIREF-Update strict: C0 (00-1F), DEL (7F), C1 (U+0080..U+009F = C2 80..C2 9F), U+FEFF (EF BB BF).
const std::regex& forbidden_regex() {
  static const std::regex re(R"([\x00-\x1F]|\x7F|\xC2[\x80-\x9F]|\xEF\xBB\xBF)");
  return re;
}

struct reference_verdict {
  std::optional<errc> code;
  std::size_t offset{0};
};

reference_verdict reference(std::string_view s, profile p) {
  const std::size_t valid = sgwchap_fuzz::utf8_valid_prefix(s);
  if (valid != s.size()) return {errc::invalid_utf8, valid};
  if (p == profile::strict) {
    std::match_results<std::string_view::const_iterator> m;
    if (std::regex_search(s.begin(), s.end(), m, forbidden_regex())) {
      const auto at = static_cast<std::size_t>(m.position(0));
      return {m.length(0) == 3 ? errc::byte_order_mark : errc::control_character, at};
    }
    if (s.size() < 12) return {errc::too_short, s.size()};
    if (s.size() > 16) return {errc::too_long, 16};
    return {};
  }
  const std::size_t scalars = sgwchap_fuzz::count_scalars(s);
  if (scalars < 1) return {errc::too_short, 0};
  if (scalars > 100) {
    std::size_t k = 0;
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0U) != 0x80U && k++ == 100) break;
    }
    return {errc::too_long, i};
  }
  return {};
}

void check_secret(std::string_view s, profile p) {
  const auto r = sgwchap::check_chap_secret(s, p, field::secret_to_authenticate_target);
  const reference_verdict ref = reference(s, p);
  FUZZ_CHECK(r.has_value() == !ref.code.has_value());
  FUZZ_CHECK(sgwchap::is_valid_chap_secret(s, p) == r.has_value());
  if (!r.has_value()) {
    const sgwchap::error& e = r.error();
    FUZZ_CHECK(e.code == *ref.code && e.offset == ref.offset);
    FUZZ_CHECK(e.which == field::secret_to_authenticate_target);
    if (e.code == errc::control_character) FUZZ_CHECK(e.detail < 0x20 || (e.detail >= 0x7F && e.detail <= 0x9F));
    // Wipe a copy, not the fuzzer's buffer: the message must not change.
    std::string copy(s);
    sgwchap_fuzz::check_no_leak(e, s, [&] { std::memset(copy.data(), 0xA5, copy.size()); });
  }

  auto held = sgwchap::chap_secret::make(s, p);
  FUZZ_CHECK(held.has_value() == r.has_value());
  if (held.has_value()) {
    sgwchap::chap_secret& h = *held;
    FUZZ_CHECK(h.reveal() == s && h.size() == s.size() && h.is_checked() && h.checked_profile() == p);
    sgwchap::chap_secret copy = h.clone();
    FUZZ_CHECK(copy == h && copy.reveal() == s);
    sgwchap::chap_secret moved = std::move(copy);
    // The documented moved-from state.
    // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
    FUZZ_CHECK(copy.empty() && copy.reveal().empty() && !copy.is_checked());
    FUZZ_CHECK(moved == h);
    // Mutual CHAP: equal secrets refused under strict only; a changed byte passes.
    const auto same = sgwchap::check_secrets_differ(s, s, p);
    FUZZ_CHECK(same.has_value() == (p == profile::aws_model));
    std::string other(s);
    other[0] = static_cast<char>(other[0] ^ 1);
    FUZZ_CHECK(sgwchap::check_secrets_differ(s, other, p).has_value());
  }
  const sgwchap::chap_secret raw = sgwchap::chap_secret::unchecked(s);
  FUZZ_CHECK(raw.reveal() == s && !raw.is_checked());
}

// Splits the input at the first three 0xFF bytes (never valid UTF-8, so a natural separator).
std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> parts;
  while (parts.size() < 3) {
    const std::size_t at = s.find('\xFF');
    if (at == std::string_view::npos) break;
    parts.push_back(s.substr(0, at));
    s.remove_prefix(at + 1);
  }
  parts.push_back(s);
  return parts;
}

void check_all_messages(const sgwchap::error_list& problems, std::string_view a, std::string_view b) {
  FUZZ_CHECK(!problems.empty() && problems.size() <= 4);
  for (const sgwchap::error& e : problems) {
    std::string copy_a(a);
    std::string copy_b(b);
    sgwchap_fuzz::check_no_leak(e, a, [] {});
    sgwchap_fuzz::check_no_leak(e, b, [&] {
      std::memset(copy_a.data(), 0, copy_a.size());
      std::memset(copy_b.data(), 0, copy_b.size());
    });
  }
}

void check_requests(std::string_view s) {
  const std::vector<std::string_view> parts = split(s);
  const std::string_view arn = parts[0];
  const std::string_view name = parts.size() > 1 ? parts[1] : std::string_view("iqn.2001-04.com.example");
  const std::string_view secret = parts.size() > 2 ? parts[2] : s;
  const std::optional<std::string_view> target_secret =
      parts.size() > 3 ? std::optional<std::string_view>(parts[3]) : std::nullopt;

  for (const profile p : {profile::strict, profile::aws_model}) {
    const auto update = sgwchap::update_chap_credentials_request::from_strings(arn, name, secret, target_secret, p);
    // The list is exactly the members' own first errors, in member order, then mutual CHAP.
    sgwchap::error_list expected;
    const auto a = sgwchap::parse_target_arn(arn, p);
    if (!a.has_value()) expected.push_back(a.error());
    const auto si = sgwchap::check_chap_secret(secret, p, field::secret_to_authenticate_initiator);
    if (!si.has_value()) expected.push_back(si.error());
    const auto n = sgwchap::parse_iscsi_name(name, p);
    if (!n.has_value()) expected.push_back(n.error());
    if (target_secret.has_value()) {
      const auto st = sgwchap::check_chap_secret(*target_secret, p, field::secret_to_authenticate_target);
      if (!st.has_value())
        expected.push_back(st.error());
      else if (si.has_value() && !sgwchap::check_secrets_differ(secret, *target_secret, p).has_value()) {
        expected.push_back(sgwchap::check_secrets_differ(secret, *target_secret, p).error());
      }
    }
    FUZZ_CHECK(update.has_value() == expected.empty());
    if (!update.has_value()) {
      FUZZ_CHECK(update.error() == expected);
      check_all_messages(update.error(), secret, target_secret.value_or(std::string_view{}));
    } else {
      const auto& req = *update;
      FUZZ_CHECK(req.target_arn().str() == arn && req.initiator_name().str() == name);
      FUZZ_CHECK(req.secret_to_authenticate_initiator().reveal() == secret);
      FUZZ_CHECK((req.secret_to_authenticate_target() != nullptr) == target_secret.has_value());
      if (target_secret.has_value()) FUZZ_CHECK(req.secret_to_authenticate_target()->reveal() == *target_secret);
      FUZZ_CHECK(req.checked_profile() == p);
    }

    const auto describe = sgwchap::describe_chap_credentials_request::from_strings(arn, p);
    FUZZ_CHECK(describe.has_value() == a.has_value());
    if (describe.has_value()) FUZZ_CHECK((*describe).target_arn().str() == arn);

    const auto del = sgwchap::delete_chap_credentials_request::from_strings(arn, name, p);
    FUZZ_CHECK(del.has_value() == (a.has_value() && n.has_value()));
    if (del.has_value()) FUZZ_CHECK((*del).initiator_name().str() == name && (*del).checked_profile() == p);
  }
}

// Compile-time outcomes of every prefix of a few values (see sgwchap_fuzz::outcome).
constexpr auto check_strict = [](std::string_view v) { return sgwchap::check_chap_secret(v, profile::strict); };
constexpr auto check_model = [](std::string_view v) { return sgwchap::check_chap_secret(v, profile::aws_model); };
constexpr std::string_view seed_utf8 =
    "s\xC3\xA9"
    "cret-\xE7\xA7\x98\xF0\x9F\x94\x91\xC2\x85\xEF\xBB\xBF\xED\xA0\x80\n";
constexpr auto utf8_strict = sgwchap_fuzz::prefix_outcomes(seed_utf8, check_strict);
constexpr auto utf8_model = sgwchap_fuzz::prefix_outcomes(seed_utf8, check_model);
static_assert(utf8_strict[15].ok && !utf8_strict[seed_utf8.size()].ok);

void check_constexpr_path() {
  sgwchap_fuzz::check_prefix_outcomes(seed_utf8, utf8_strict, check_strict);
  sgwchap_fuzz::check_prefix_outcomes(seed_utf8, utf8_model, check_model);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool constexpr_path_checked = (check_constexpr_path(), true);
  (void)constexpr_path_checked;
  const std::string_view s = sgwchap_fuzz::as_view(data, size);
  if (s.size() > 4096) return 0;  // std::regex recurses per character: keep the oracle's stack bounded
  check_secret(s, profile::strict);
  check_secret(s, profile::aws_model);
  check_requests(s);
  return 0;
}
