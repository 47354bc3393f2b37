// The sgwchap side of the botocore differential test (run_botocore_differential.py).
//
// Reads one JSON case per line on standard input and writes one JSON result per line on
// standard output, in the same order. Every string that comes from a request or a response is
// written as lower-case hex of its bytes, so that any byte (invalid UTF-8 included) survives the
// trip exactly; secrets are included (this is a test: the Python side compares them by equality
// and never prints them).
//
// Cases (`kind`):
//   request:  {"id", "kind":"request", "operation":"UpdateChapCredentials", "profile":"strict"|"aws_model",
//              "members":{...} | "body_hex":"...", "fips":false}
//             The members object (any JSON values) is serialized and read back with the
//             operation's request-body decoder (decode_body<unchecked_..._request>), the one
//             entry point of the library where a member can have a JSON type other than string;
//             then check_request(request, profile), then to_http_request.
//             -> {"outcome":"decode_error", rule, field, offset, pointer_hex, ...}
//              | {"outcome":"invalid", "errors":[{rule, field, offset, ...}, ...]}
//              | {"outcome":"http", "method", "path", "headers":[[name, value], ...], "body_hex"}
//   response: {"id", "kind":"response", "operation", "status":200, "headers":[[name, value], ...], "body_hex"}
//             sgwchap::decode(operation, status, headers, body), the transport's one call.
//             -> {"outcome":"result", "value_hex"}   (the decoded result, encoded again by encode_body)
//              | {"outcome":"service_error", status, name_hex, message_hex, error_code_hex|null,
//                 details:[[key_hex, value_hex], ...], retryable, body_was_json}
//              | {"outcome":"decode_error", rule, field, offset, pointer_hex, ...}
//             encode_body writes every member kind exactly, so the Python side reads value_hex
//             with exact numbers (json.loads, parse_int/parse_float=Decimal): int32 and int64 in
//             decimal, a double in the shortest form that reads back to it (std::to_chars, "-0"
//             for -0.0), a boolean as true/false, a timestamp as exact epoch seconds to the
//             nanosecond (format_epoch_seconds: "1583443386.123456789", no exponent).
// Anything the driver cannot read gives {"outcome":"driver_error", "message"}.
//
// A new operation is one row in `operations` below (its name and its unchecked request type):
// responses need nothing more, since sgwchap::parse_operation and sgwchap::decode know it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json.hpp>
#include <sgwchap/json.hpp>

namespace {

namespace json = boost::json;

std::string to_hex(std::string_view bytes) {
  constexpr std::string_view digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(digits[b >> 4U]);
    out.push_back(digits[b & 0xFU]);
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = nibble(hex[i]);
    const int low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>((high << 4) | low));
  }
  return out;
}

std::string_view text(const json::value& v) {
  const json::string& s = v.as_string();
  return {s.data(), s.size()};
}

/// The fields of an sgwchap::error, by name (the rule and field as the library spells them).
json::object error_fields(const sgwchap::error& e) {
  json::object o;
  o["rule"] = sgwchap::rule_name(e.code);
  o["field"] = sgwchap::field_name(e.which);
  o["offset"] = e.offset;
  o["limit"] = e.limit;
  o["detail"] = e.detail;
  o["profile"] = e.rule_profile == sgwchap::profile::strict ? "strict" : "aws_model";
  return o;
}

json::object decode_error_fields(const sgwchap::decode_error& e) {
  json::object o = error_fields(e);
  o["outcome"] = "decode_error";
  o["pointer_hex"] = to_hex(e.pointer);
  return o;
}

sgwchap::profile profile_of(const json::object& c) {
  const json::value* p = c.if_contains("profile");
  if (p == nullptr || text(*p) == "strict") return sgwchap::profile::strict;
  if (text(*p) == "aws_model") return sgwchap::profile::aws_model;
  throw std::invalid_argument("profile must be strict or aws_model");
}

/// A request case for the operation whose unchecked request type is `Unchecked`.
template <class Unchecked>
json::object run_request(const json::object& c) {
  std::string body;
  if (const json::value* hex = c.if_contains("body_hex"); hex != nullptr) {
    auto bytes = from_hex(text(*hex));
    if (!bytes.has_value()) throw std::invalid_argument("body_hex is not hex");
    body = std::move(*bytes);
  } else {
    body = json::serialize(c.at("members"));
  }
  const auto decoded = sgwchap::decode_body<Unchecked>(body);
  if (!decoded.has_value()) return decode_error_fields(decoded.error());

  const auto checked = sgwchap::check_request(*decoded, profile_of(c));
  if (!checked.has_value()) {
    json::array errors;
    for (const sgwchap::error& e : checked.error()) errors.emplace_back(error_fields(e));
    return {{"outcome", "invalid"}, {"errors", std::move(errors)}};
  }

  sgwchap::request_options options;
  if (const json::value* fips = c.if_contains("fips"); fips != nullptr) options.fips = fips->as_bool();
  const sgwchap::http_request http = sgwchap::to_http_request(*checked, options);
  json::array headers;
  for (const sgwchap::http_header& h : http.headers()) headers.emplace_back(json::array{h.name, h.value});
  return {{"outcome", "http"},
          {"method", sgwchap::http_request::method()},
          {"path", sgwchap::http_request::path()},
          {"headers", std::move(headers)},
          {"body_hex", to_hex(http.body().view())}};
}

struct operation_row {
  std::string_view name;  ///< MODEL's operation name
  json::object (*request)(const json::object&);
};

// One row per operation.
constexpr std::array operations{
    operation_row{"UpdateChapCredentials", &run_request<sgwchap::unchecked_update_chap_credentials_request>},
    operation_row{"DescribeChapCredentials", &run_request<sgwchap::unchecked_describe_chap_credentials_request>},
    operation_row{"DeleteChapCredentials", &run_request<sgwchap::unchecked_delete_chap_credentials_request>},
    operation_row{"ListVolumes", &run_request<sgwchap::unchecked_list_volumes_request>},
    operation_row{"DescribeStorediSCSIVolumes", &run_request<sgwchap::unchecked_describe_stored_iscsi_volumes_request>},
    operation_row{"DescribeCachediSCSIVolumes", &run_request<sgwchap::unchecked_describe_cached_iscsi_volumes_request>},
    operation_row{"DescribeVTLDevices", &run_request<sgwchap::unchecked_describe_vtl_devices_request>},
};

const operation_row& find_operation(std::string_view name) {
  for (const operation_row& row : operations) {
    if (row.name == name) return row;
  }
  throw std::invalid_argument("unknown operation");
}

json::object service_error_fields(const sgwchap::service_error& e) {
  json::array details;
  for (const auto& [key, value] : e.error_details) details.emplace_back(json::array{to_hex(key), to_hex(value)});
  json::object o{{"outcome", "service_error"},      {"status", e.status},
                 {"name_hex", to_hex(e.name)},      {"message_hex", to_hex(e.message)},
                 {"details", std::move(details)},   {"retryable", e.retryable()},
                 {"body_was_json", e.body_was_json}};
  if (e.error_code.has_value()) {
    o["error_code_hex"] = to_hex(e.error_code->str());
  } else {
    o["error_code_hex"] = nullptr;
  }
  return o;
}

json::object run_response(const json::object& c) {
  const std::string_view name = text(c.at("operation"));
  const std::optional<sgwchap::operation> op = sgwchap::parse_operation(name);
  if (!op.has_value()) throw std::invalid_argument("operation unknown to sgwchap::parse_operation");
  std::vector<std::pair<std::string, std::string>> headers;
  for (const json::value& h : c.at("headers").as_array()) {
    const json::array& pair = h.as_array();
    headers.emplace_back(std::string(text(pair.at(0))), std::string(text(pair.at(1))));
  }
  auto body = from_hex(text(c.at("body_hex")));
  if (!body.has_value()) throw std::invalid_argument("body_hex is not hex");
  const int status = static_cast<int>(c.at("status").as_int64());

  const auto answer = sgwchap::decode(*op, status, headers, *body);
  if (!answer.has_value()) return decode_error_fields(answer.error());
  return std::visit(
      [](const auto& value) -> json::object {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, sgwchap::service_error>) {
          return service_error_fields(value);
        } else {
          // The decoded result, written again by the library's own encoder: any result type
          // works the same way, and the Python side reads it with json.loads.
          std::string encoded;
          if (const auto written = sgwchap::encode_body(value, encoded); !written.has_value()) {
            json::object o = error_fields(written.error());
            o["outcome"] = "result_not_encodable";
            return o;
          }
          return {{"outcome", "result"}, {"value_hex", to_hex(encoded)}};
        }
      },
      *answer);
}

json::object run_case(const json::object& c) {
  const std::string_view kind = text(c.at("kind"));
  if (kind == "request") return find_operation(text(c.at("operation"))).request(c);
  if (kind == "response") return run_response(c);
  throw std::invalid_argument("kind must be request or response");
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    json::object out;
    json::value id = nullptr;
    try {
      const json::value parsed = json::parse(line);
      const json::object& c = parsed.as_object();
      if (const json::value* given = c.if_contains("id"); given != nullptr) id = *given;
      out = run_case(c);
    } catch (const std::exception& e) {
      out = {{"outcome", "driver_error"}, {"message", e.what()}};
    }
    out["id"] = id;
    std::cout << json::serialize(out) << '\n';
  }
  std::cout.flush();
  return std::cout.good() ? 0 : 1;
}
