// The C++ half of the differential test against botocore (differential_botocore.py runs it):
// builds N Storage Gateway requests of the three operations with sgwchap (to_http_request),
// across partitions, FIPS hosts, times, and with and without session tokens, signs each, and
// prints one line per request for botocore to sign the same way:
//   op  url  headers  body  key_id  secret  token  region  time  authorization
// tab-separated, every field but op, region and time hex-encoded. The credentials are made up.
// Usage: differential_driver [count]   (default 120; deterministic: a fixed-seed generator)
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include <sgwchap/json.hpp>
#include <sgwchap/requests.hpp>
#include <sgwchap/sigv4.hpp>

namespace {

namespace s4 = sgwchap::sigv4;

/// A 64-bit linear congruential generator (Knuth's MMIX constants): the same requests every run.
struct generator {
  std::uint64_t state = 0x5eed5eed5eed5eedULL;
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 11U;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  std::string pick(std::string_view alphabet, std::size_t length) {
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out.push_back(alphabet[below(alphabet.size())]);
    return out;
  }
};

constexpr std::string_view upper_digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view hex_upper = "0123456789ABCDEF";
constexpr std::string_view lower_digits = "abcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

struct partition_row {
  std::string_view partition;
  std::string_view region;
};
constexpr partition_row partitions[] = {
    {"aws", "us-east-1"},
    {"aws", "eu-west-3"},
    {"aws", "ap-southeast-2"},
    {"aws-cn", "cn-north-1"},
    {"aws-us-gov", "us-gov-west-1"},
    {"aws-iso", "us-iso-east-1"},
    {"aws-iso-b", "us-isob-east-1"},
    {"aws-iso-e", "eu-isoe-west-1"},
    {"aws-iso-f", "us-isof-south-1"},
    {"aws-eusc", "eusc-de-east-1"},
};

/// CHAP secrets of 12..16 bytes (strict): printable ASCII including JSON's escapes `"` and `\`,
/// sometimes a two-byte UTF-8 character.
std::string chap_secret(generator& g) {
  std::string s = g.pick(R"(abcXYZ019 !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)", 10 + g.below(5));
  if (g.below(3) == 0) s += "\xC3\xA9";  // é
  while (s.size() < 12) s.push_back('x');
  return s;
}

std::string hex(std::string_view s) {
  static constexpr std::string_view digits = "0123456789abcdef";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(digits[b >> 4U]);
    out.push_back(digits[b & 0xFU]);
  }
  return out;
}

template <class Request>
bool emit(std::string_view op, const Request& request, bool fips, generator& g) {
  sgwchap::request_options options;
  options.fips = fips;
  sgwchap::http_request http = sgwchap::to_http_request(request, options);
  const std::string key_id = "AKIA" + g.pick(upper_digits, 16);
  const std::string secret = g.pick(base64, 40);
  const std::string token = g.below(2) == 0 ? std::string() : g.pick(base64, 100 + g.below(700)) + "==";
  const auto creds = s4::credentials::make(key_id, secret, token);
  // Any second from 1970 to 2099.
  const std::chrono::sys_seconds when{std::chrono::seconds{static_cast<std::int64_t>(g.below(4102444800ULL))}};
  if (!creds.has_value()) return false;
  const s4::signing_scope scope = s4::storage_gateway_scope(request);
  if (!s4::sign(http, *creds, scope, when).has_value()) return false;

  std::string headers;  // what botocore sees when it signs: Content-Length is set later, by prepare()
  for (const auto& h : http.headers()) {
    if (h.name == "Content-Length" || h.name == "Authorization" || h.name == "X-Amz-Date" ||
        h.name == "X-Amz-Security-Token") {
      continue;
    }
    headers += h.name + ": " + h.value + "\n";
  }
  const std::string url = "https://" + std::string(http.host()) + "/";
  std::printf("%.*s\t%s\t%s\t%s\t%s\t%s\t%s\t%.*s\t%lld\t%s\n", static_cast<int>(op.size()), op.data(),
              hex(url).c_str(), hex(headers).c_str(), hex(http.body().view()).c_str(), hex(key_id).c_str(),
              hex(secret).c_str(), hex(token).c_str(), static_cast<int>(scope.region.size()), scope.region.data(),
              static_cast<long long>(when.time_since_epoch().count()), hex(*http.header("Authorization")).c_str());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const long count = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 120;
  generator g;
  for (long i = 0; i < count; ++i) {
    const partition_row& p = partitions[g.below(std::size(partitions))];
    const std::string arn = "arn:" + std::string(p.partition) + ":storagegateway:" + std::string(p.region) + ":" +
                            g.pick("0123456789", 12) + ":gateway/sgw-" + g.pick(hex_upper, 8) +
                            "/target/iqn.1997-05.com.amazon:" + g.pick(lower_digits, 1 + g.below(40));
    const std::string initiator = "iqn.1991-05.com.microsoft:" + g.pick(lower_digits, 3 + g.below(30));
    const bool fips = g.below(4) == 0;
    bool ok = false;
    switch (i % 3) {
      case 0: {
        const std::string a = chap_secret(g);
        std::string b = chap_secret(g);
        const bool mutual = g.below(2) == 0 && b != a;
        auto r = mutual ? sgwchap::update_chap_credentials_request::from_strings(arn, initiator, a, b)
                        : sgwchap::update_chap_credentials_request::from_strings(arn, initiator, a, std::nullopt);
        ok = r.has_value() && emit("UpdateChapCredentials", *r, fips, g);
        break;
      }
      case 1: {
        auto r = sgwchap::describe_chap_credentials_request::from_strings(arn);
        ok = r.has_value() && emit("DescribeChapCredentials", *r, fips, g);
        break;
      }
      default: {
        auto r = sgwchap::delete_chap_credentials_request::from_strings(arn, initiator);
        ok = r.has_value() && emit("DeleteChapCredentials", *r, fips, g);
        break;
      }
    }
    if (!ok) {
      std::fprintf(stderr, "differential_driver: request %ld could not be built or signed (%s)\n", i, arn.c_str());
      return 1;
    }
  }
  return 0;
}
