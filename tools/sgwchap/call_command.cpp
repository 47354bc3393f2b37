// sgwchap tool — `sgwchap call`: everything `encode` checks, then SigV4 signing
// (<sgwchap/sigv4.hpp>), HTTPS with libcurl (transport.hpp), botocore's standard retries, and the
// answer decoded and printed as `decode response` / `decode error` print it. Generic over the
// operation tables, like encode: no member is named here.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <unistd.h>

#include <curl/curl.h>
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <sgwchap/detail/region.hpp>
#include <sgwchap/fmt.hpp>
#include <sgwchap/json.hpp>
#include <sgwchap/sigv4.hpp>

#include "aws_credentials.hpp"
#include "call_command.hpp"
#include "codec_shared.hpp"
#include "report.hpp"
#include "transport.hpp"

namespace sgwchap_tool {
namespace {

constexpr std::string_view call_command_name = "sgwchap call";

/// Where requests go: the URL libcurl is given and the Host header that is signed and sent.
struct endpoint {
  std::string url;
  std::string host;  ///< host[:port], the port only when the URL names one other than the scheme's
};

/// A loopback host: the only place plain HTTP is allowed (a local test double); anything else
/// would carry the CHAP secrets and the session token in clear text.
bool is_loopback(std::string_view host) {
  return host == "localhost" || host == "[::1]" || host.substr(0, 4) == "127.";
}

/// --endpoint-url, as the AWS CLI takes it
/// (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-endpoints.html): scheme://host[:port][/]. Parsed by
/// libcurl's URL API (https://curl.se/libcurl/c/curl_url_get.html), the parser that will use it. Refused: a scheme
/// other than https (http only on loopback), user information, a path other than "/", a query or a fragment (Storage
/// Gateway is `POST /`).
tl::expected<endpoint, std::string> parse_endpoint_url(const std::string& text) {
  CURLU* u = curl_url();
  if (u == nullptr) return tl::unexpected(std::string("out of memory"));
  struct guard {
    CURLU* u;
    ~guard() { curl_url_cleanup(u); }
  } g{u};
  if (curl_url_set(u, CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return tl::unexpected(fmt::format("--endpoint-url {} is not a URL", sgwchap::escaped{text, true}));
  }
  const auto part = [&](CURLUPart which) -> std::optional<std::string> {
    char* value = nullptr;
    if (curl_url_get(u, which, &value, 0) != CURLUE_OK || value == nullptr) return std::nullopt;
    std::string out(value);
    curl_free(value);
    return out;
  };
  const std::string scheme = part(CURLUPART_SCHEME).value_or("");
  const std::string host = part(CURLUPART_HOST).value_or("");
  const std::optional<std::string> port = part(CURLUPART_PORT);
  const std::string path = part(CURLUPART_PATH).value_or("/");
  if (scheme != "https" && !(scheme == "http" && is_loopback(host))) {
    return tl::unexpected(fmt::format("--endpoint-url must be https:// (http:// only to a loopback address), not {}",
                                      sgwchap::escaped{scheme, true}));
  }
  if (part(CURLUPART_USER) || part(CURLUPART_PASSWORD) || part(CURLUPART_QUERY) || part(CURLUPART_FRAGMENT) ||
      (path != "/" && !path.empty()) || host.empty()) {
    return tl::unexpected(std::string("--endpoint-url takes scheme://host[:port] only (Storage Gateway is POST /)"));
  }
  endpoint e;
  e.host = host;
  const bool default_port = !port || (scheme == "https" && *port == "443") || (scheme == "http" && *port == "80");
  if (!default_port) e.host += ":" + *port;
  e.url = scheme + "://" + e.host + "/";
  return e;
}

/// `storagegateway[-fips].<region>.<dnsSuffix>` for a region of a known partition (the Host the
/// library derives from a target ARN: target_arn.hpp, make_host).
std::optional<std::string> derived_host(std::string_view region, bool fips) {
  const std::size_t p = sgwchap::detail::partition_of_region(region, true);
  if (p == sgwchap::detail::no_partition) return std::nullopt;
  return fmt::format("storagegateway{}.{}.{}", fips ? "-fips" : "", region, sgwchap::known_partitions()[p].dns_suffix);
}

/// Overwrites the session token's header value in place before the request is freed (a
/// std::string frees its block as it is).
struct token_header_wiper {
  sgwchap::http_request& http;
  ~token_header_wiper() {
    if (const auto token = http.header("X-Amz-Security-Token"); token.has_value()) {
      http.set_header("X-Amz-Security-Token", std::string(token->size(), '\0'));
    }
  }
};

/// The Authorization value with its signature replaced by [redacted].
std::string redacted_authorization(std::string_view value) {
  constexpr std::string_view key = "Signature=";
  const std::size_t at = value.find(key);
  if (at == std::string_view::npos) return std::string(value);
  return fmt::format("{}{}[redacted]", value.substr(0, at), key);
}

/// --dry-run: the signed request as it would be sent, with the signature, the session token and
/// the secrets in the body shown as [redacted].
int print_dry_run(const output& out, sgwchap::operation op, const endpoint& where, const sgwchap::http_request& http) {
  const auto shown = [](const sgwchap::http_header& h) -> std::string {
    if (sgwchap::detail::iequals(h.name, "Authorization")) return redacted_authorization(h.value);
    if (sgwchap::detail::iequals(h.name, "X-Amz-Security-Token")) return std::string(sgwchap::http_request::redaction);
    return h.value;
  };
  if (out.format == output_format::json) {
    json_writer j;
    j.begin_object().member("dryRun", true).member("operation", sgwchap::operation_name(op));
    j.member("method", sgwchap::http_request::method()).member("url", where.url);
    j.key("headers").begin_object();
    for (const auto& h : http.headers()) j.member(h.name, shown(h));
    j.end_object();
    j.member("body", http.redacted_body());
    j.end_object();
    out.write(j.str() + "\n");
    return exit_ok;
  }
  std::string text = fmt::format("{} {}\n", sgwchap::http_request::method(), where.url);
  for (const auto& h : http.headers()) {
    fmt::format_to(std::back_inserter(text), "{}: {}\n", h.name, sgwchap::escaped{shown(h)});
  }
  fmt::format_to(std::back_inserter(text), "\n{}\n", sgwchap::escaped{http.redacted_body()});
  out.write(text);
  return exit_ok;
}

/// No answer after every attempt: one line on standard error, exit 3.
int transport_error(const transport_failure& f, const endpoint& where, unsigned attempts) {
  std::string line = fmt::format("sgwchap: error: {} (POST {}, {} attempt{})\n", sgwchap::escaped{f.what},
                                 sgwchap::escaped{where.url}, attempts, attempts == 1 ? "" : "s");
  (void)std::fwrite(line.data(), 1, line.size(), stderr);
  return exit_transport;
}

/// botocore's standard retry mode (botocore/retries/standard.py, ExponentialBackoff.delay_amount):
/// before attempt n+1, wait min(random() * 2^(n-1), 20) seconds, random() uniform in [0, 1).
/// SGWCHAP_TEST_BACKOFF_SCALE (test-only: a factor, e.g. 0.01) shortens the wait so that the
/// end-to-end test does not sleep for seconds.
std::chrono::duration<double> backoff(unsigned failed_attempt, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  double seconds = std::min(unit(rng) * std::ldexp(1.0, static_cast<int>(failed_attempt) - 1), 20.0);
  if (const char* scale = std::getenv("SGWCHAP_TEST_BACKOFF_SCALE"); scale != nullptr) {
    char* end = nullptr;
    const double factor = std::strtod(scale, &end);
    if (end != scale && factor >= 0 && factor <= 1) seconds *= factor;
  }
  return std::chrono::duration<double>(seconds);
}

/// A whole number of milliseconds from seconds (CLI11 checked the range).
long millis(double seconds) { return static_cast<long>(std::llround(seconds * 1000.0)); }

}  // namespace

CLI::App* add_call_command(CLI::App& app, call_options& o, const std::string& operation_help) {
  CLI::App* call =
      app.add_subcommand("call", "Validate, encode, sign (SigV4) and send a call over HTTPS, then decode the answer");
  call->add_option("OP", o.request.operation, operation_help)->required();
  call->add_option("--region", o.region,
                   "Region to sign for and send to (default: the region of the request's ARN, else AWS_REGION, "
                   "else AWS_DEFAULT_REGION)");
  call->add_option("--endpoint-url", o.endpoint_url,
                   "Send to this URL instead of storagegateway.REGION.DNS-SUFFIX (https://host[:port]; a VPC "
                   "endpoint, a test server); the Host header signed is its host[:port]");
  call->add_flag("--fips", o.fips, "Send to the FIPS endpoint, storagegateway-fips.REGION.DNS-SUFFIX");
  call->add_option("--connect-timeout", o.connect_timeout, "Seconds to connect (default 60, as the AWS CLI)")
      ->check(CLI::Range(0.001, 86400.0));
  call->add_option("--read-timeout", o.read_timeout,
                   "Seconds without a byte before an attempt fails (default 60, as the AWS CLI; 0: never)")
      ->check(CLI::Range(0.0, 86400.0));
  call->add_option("--timeout", o.timeout, "Seconds for a whole attempt (default 0: no limit)")
      ->check(CLI::Range(0.0, 86400.0));
  call->add_option("--ca-bundle", o.ca_bundle,
                   "CA certificates (PEM) to verify the server with, instead of the system's (else AWS_CA_BUNDLE)");
  call->add_option("--max-attempts", o.max_attempts,
                   "Attempts in all, first included (default: AWS_MAX_ATTEMPTS, else 3, botocore's standard mode)")
      ->check(CLI::Range(1, 10));
  call->add_flag("--dry-run", o.dry_run,
                 "Print the signed request (signature, session token and secrets redacted) instead of sending it");
  call->add_flag("--show-secrets", o.show_secrets, "Print the secrets of the answer instead of [redacted]");
  call->add_flag("--body-only", o.body_only,
                 "Print only the response body, exact bytes, for a pipe (e.g. into 'sgwchap targets'); a service "
                 "error goes to standard error (exit 1). A body that holds secrets needs --show-secrets too");
  return call;
}

int call_service(const output& out, const call_options& o) {
  // First: the wiping allocators must be in place before libcurl or OpenSSL allocate.
  auto transport = curl_transport::make();
  if (!transport.has_value()) return usage_error(transport.error(), call_command_name);
  // The raw body cannot be redacted: printing one that holds secrets must be asked for.
  if (const auto op = sgwchap::parse_operation(o.request.operation);
      o.body_only && !o.dry_run && !o.show_secrets && op.has_value() && output_holds_secrets(*op)) {
    return usage_error(fmt::format("--body-only prints the {} response as received, secrets included: add "
                                   "--show-secrets to print them",
                                   sgwchap::operation_name(*op)),
                       call_command_name);
  }

  std::optional<endpoint> explicit_endpoint;
  if (!o.endpoint_url.empty()) {
    if (o.fips) return usage_error("--fips and --endpoint-url exclude each other", call_command_name);
    auto parsed = parse_endpoint_url(o.endpoint_url);
    if (!parsed.has_value()) return usage_error(parsed.error(), call_command_name);
    explicit_endpoint = std::move(*parsed);
  }
  int max_attempts = 3;
  if (o.max_attempts) {
    max_attempts = *o.max_attempts;
  } else if (const char* env = std::getenv("AWS_MAX_ATTEMPTS"); env != nullptr && env[0] != '\0') {
    char* end = nullptr;
    const long n = std::strtol(env, &end, 10);
    if (*end != '\0' || n < 1 || n > 10)
      return usage_error("AWS_MAX_ATTEMPTS must be a number from 1 to 10", call_command_name);
    max_attempts = static_cast<int>(n);
  }
  transport_options net;
  net.connect_timeout_ms = millis(o.connect_timeout);
  net.read_timeout_ms = millis(o.read_timeout);
  net.total_timeout_ms = millis(o.timeout);
  net.ca_bundle = o.ca_bundle;
  if (net.ca_bundle.empty()) {
    if (const char* env = std::getenv("AWS_CA_BUNDLE"); env != nullptr) net.ca_bundle = env;
  }

  return with_checked_request(out, o.request, call_command_name, [&](checked_call& c) -> int {
    // The region: --region, the request's ARN, then the environment (the SDKs' order:
    // https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html).
    std::string region = o.region;
    if (region.empty()) region = std::string(c.arn_region);
    for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      if (const char* env = std::getenv(name); region.empty() && env != nullptr) region = env;
    }
    if (region.empty()) {
      return usage_error("no region: the request names no ARN; give --region, or set AWS_REGION or AWS_DEFAULT_REGION",
                         call_command_name);
    }
    const sgwchap::sigv4::signing_scope scope{region};
    if (auto ok = sgwchap::sigv4::detail::check_scope(scope); !ok.has_value()) {
      return usage_error(fmt::format("region {}: {}", sgwchap::escaped{region, true}, ok.error().message().view()),
                         call_command_name);
    }
    endpoint where;
    if (explicit_endpoint) {
      where = *explicit_endpoint;
    } else {
      const auto host = derived_host(region, o.fips);
      if (!host) {
        return usage_error(
            fmt::format("region {} belongs to no known partition: give --endpoint-url", sgwchap::escaped{region, true}),
            call_command_name);
      }
      where = {fmt::format("https://{}/", *host), *host};
    }
    c.http.set_host(where.host);

    auto found = load_aws_credentials();
    if (!found.has_value()) return usage_error(found.error(), call_command_name);
    const sgwchap::sigv4::credentials& creds = found->creds;
    const token_header_wiper wiper{c.http};

    const auto sign = [&]() -> std::optional<int> {
      if (auto ok = sgwchap::sigv4::sign(c.http, creds, scope, std::chrono::system_clock::now()); !ok.has_value()) {
        return usage_error(fmt::format("cannot sign the request: {}", ok.error().message().view()), call_command_name);
      }
      return std::nullopt;
    };
    if (o.dry_run) {
      if (const auto failed = sign()) return *failed;
      return print_dry_run(out, c.op, where, c.http);
    }

    const sgwchap::decode_options limits{};
    std::mt19937_64 rng{std::random_device{}()};
    for (unsigned attempt = 1;; ++attempt) {
      if (const auto failed = sign()) return *failed;  // each attempt signed anew (X-Amz-Date)
      auto answer = transport->post(where.url, c.http, net, limits.max_body_size);
      const bool last = attempt >= static_cast<unsigned>(max_attempts);
      if (!answer.has_value()) {
        if (last || !answer.error().retryable) return transport_error(answer.error(), where, attempt);
      } else {
        const auto decoded = sgwchap::decode(c.op, answer->status, answer->headers, answer->body.view(), limits);
        const auto* error = decoded.has_value() ? std::get_if<sgwchap::service_error>(&*decoded) : nullptr;
        if (last || error == nullptr || !error->retryable()) {
          if (!o.body_only) return print_answer(out, c.op, decoded, o.show_secrets, attempt);
          if (decoded.has_value() && error == nullptr) {
            print_body(out, answer->body.view());
            return exit_ok;
          }
          // Standard output is for the body alone: what came instead goes to standard error.
          output to_stderr = out;
          to_stderr.stream = stderr;
          to_stderr.fd = STDERR_FILENO;
          to_stderr.stdout_is_terminal = false;
          to_stderr.colours =
              want_colour(::isatty(STDERR_FILENO) == 1, std::getenv("NO_COLOR")) && out.format == output_format::text
                  ? palette::colour()
                  : palette::plain();
          return print_answer(to_stderr, c.op, decoded, o.show_secrets, attempt);
        }
      }
      std::this_thread::sleep_for(backoff(attempt, rng));
    }
  });
}

}  // namespace sgwchap_tool
