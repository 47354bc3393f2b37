#!/usr/bin/env python3
"""Differential test: sgwchap against botocore, the AWS SDK for Python (team issue 14).

Usage (ctest runs it with Debian's interpreter, `/usr/bin/python3 -I`):
  run_botocore_differential.py --driver PATH --data tests/data/botocore
                               [--category requests|bad_inputs|responses|all] [--seed N] [--verbose]

botocore is the reference client. It is driven with no network at all:
- Model data: a botocore Session whose `data_path` is a temporary directory laid out the way
  botocore.loaders.Loader searches it: the repository's snapshot of the Storage Gateway model
  (tests/data/botocore, the copy the drift test pins) and its partitions.json. The snapshot has
  no endpoint rule set, so the one botocore itself ships for storagegateway is copied next to it.
  The loader reports where each file came from and the test checks that it is the temporary
  directory.
- Requests: a client per region (dummy credentials) with a handler on the `before-send` event
  (botocore.endpoint.Endpoint._do_get_response emits it with the signed AWSPreparedRequest and
  sends nothing when a handler returns a response). The handler records the request and answers
  with a canned botocore.awsrequest.AWSResponse.
- Responses and errors: the same hook returns the case's status, headers and body, so every
  byte goes through what a boto3 user gets: botocore.endpoint.convert_to_response_dict, the
  client's `json` protocol parser (botocore.parsers.JSONParser) against the operation's output
  shape, the modeled-error fields (BaseClient._make_api_call raising the ClientError), and the
  standard retry mode (botocore.retries.standard, total_max_attempts 2, the back-off sleep
  patched out): a response is "retryable" for botocore when the hook sees a second attempt.

sgwchap's side is tests/differential/sgwchap_driver.cpp (JSON lines in, JSON lines out).

The operations: the CHAP calls (string members only) and the workflow calls ListVolumes,
DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes and DescribeVTLDevices (string lists,
int32 and int64 integers, doubles, booleans, timestamps, nested structures).

What is compared, and the lists a reader should know about:
- requests: at least 200 generated valid requests in all, every operation in every partition of
  the snapshot (80 of each CHAP operation, 40 of each workflow operation): method, path, Host,
  Content-Type, X-Amz-Target and the body as a parsed JSON value agree; sgwchap's body is byte
  for byte the compact JSON of the members in MODEL order; and botocore's own body bytes, read
  by sgwchap's request-body decoder, give the same request. REQUEST_REFUSALS lists what botocore
  sends and sgwchap's aws_model refuses, with the reason; REQUEST_DIFFERENCES what both send,
  differently.
- bad_inputs: everything botocore's parameter validation (botocore.validate.ParamValidator)
  refuses is refused by sgwchap under profile::aws_model, with the counterpart rule;
  ACCEPTED_DESPITE_BOTOCORE lists the exceptions (null for an optional member) and why.
- responses: success and error bodies. Where botocore decodes a value, sgwchap decodes the same
  value, member by member by MODEL type (compare_output: integers and doubles exactly, booleans,
  strings; a timestamp, which botocore reads through a double into a datetime of microseconds
  and sgwchap exactly to the nanosecond, to the microsecond), except where a case names a
  deliberate difference of RESPONSE_DIFFERENCES; BOTOCORE_PARSER_CRASHES lists the error
  responses on which botocore's parser raises a Python exception (not a ClientError) while
  sgwchap reports the service error.
- KNOWN_LIBRARY_GAPS: cases where the library does not yet do what its specification asks. Each
  such case is reported as an expected failure; a listed case that passes fails the test, so the
  list is deleted as the library catches up.

Secrets are compared by equality only and are never printed: anything shown of a request or a
response has every SecretToAuthenticate* value replaced by [redacted], and bodies that cannot be
shown that way are shown by length and SHA-256 prefix.
"""

import argparse
import collections
import datetime
import decimal
import hashlib
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest.mock
import urllib.parse

# botocore reads AWS_* variables and ~/.aws files (region, FIPS, retry mode, endpoints): none of
# them may change what this test sees.
for _name in list(os.environ):
    if _name.startswith("AWS_"):
        del os.environ[_name]
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
# botocore's parse_timestamp (botocore/utils.py) gives a datetime in tzlocal(): the instant is the
# same in any zone, but the test runs in UTC so that no zone's rules (DST folds) are involved.
os.environ["TZ"] = "UTC"
time.tzset()

try:
    import botocore
    import botocore.awsrequest
    import botocore.exceptions
    import botocore.session
    from botocore import xform_name
    from botocore.config import Config
    from botocore.retries import standard as retry_standard
    from urllib3._collections import HTTPHeaderDict
except ImportError as missing:
    print(f"FAIL: botocore cannot be imported by {sys.executable} ({missing}).")
    print("Install Debian's python3-botocore (scripts/deps test does); this test never skips.")
    sys.exit(1)

SERVICE = "storagegateway"
API_VERSION = "2013-06-30"
CHAP_OPERATIONS = ("UpdateChapCredentials", "DescribeChapCredentials", "DeleteChapCredentials")
# The workflow operations (from a gateway or a volume to its TargetARN): numbers, booleans,
# timestamps, string lists and nested structures. Each is a row here and in the driver's table.
WORKFLOW_OPERATIONS = ("ListVolumes", "DescribeStorediSCSIVolumes", "DescribeCachediSCSIVolumes",
                       "DescribeVTLDevices")
OPERATIONS = CHAP_OPERATIONS + WORKFLOW_OPERATIONS
UPDATE = OPERATIONS[0]
SECRET_MEMBERS = ("SecretToAuthenticateInitiator", "SecretToAuthenticateTarget")
CHAP_INFO_MEMBERS = ("TargetARN", "SecretToAuthenticateInitiator", "InitiatorName", "SecretToAuthenticateTarget")
JSON_CONTENT_TYPE = "application/x-amz-json-1.1"
# The AWS documentation's example key pair (SigV4 test suite); never valid anywhere.
DUMMY_KEY_ID = "AKIDEXAMPLE"
DUMMY_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
DOC_ARN = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"
DOC_NAME = "iqn.1991-05.com.microsoft:computername.domain.example.com"
# The API reference's examples (ListVolumes, DescribeVTLDevices).
DOC_GATEWAY = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"
DOC_VOLUME = DOC_GATEWAY + "/volume/vol-1122AABB"
DOC_DEVICE = DOC_GATEWAY + "/device/AMZN_SGW-12A3456B_TAPEDRIVE_00001"
DEFAULT_SEED = 20130630

# -----------------------------------------------------------------------------------------------
# The lists. Each entry says why; the test fails when an entry is no longer true.

# What botocore sends and sgwchap refuses under profile::aws_model (requests category).
REQUEST_REFUSALS = {
    "model_max_length": (
        "botocore's ParamValidator checks only the `min` of a string shape (botocore/validate.py: "
        "ParamValidator._validate_string calls range_check, which reads `min` and never `max`); "
        "aws_model also enforces MODEL's max: ChapSecret 100, IqnName 255, TargetARN 800, GatewayARN, "
        "VolumeARN and VTLDeviceARN 500, Marker 2000 characters"),
    "model_pattern": (
        "botocore never checks a string shape's `pattern` (botocore/validate.py has no pattern "
        "check); aws_model enforces IqnName's [0-9a-z:.-]+, so an upper-case or `_` IQN is refused, "
        "and VolumeARN's (region [a-z\\-0-9]+, then gateway/.../volume/vol-...)"),
    "model_integer_range": (
        "botocore checks only the `min` of an integer shape (validate.py range_check), never that a "
        "MODEL integer is an int32 (Smithy: integer is 32-bit signed), so it sends Limit 2^31 or "
        "2^63 as it is; sgwchap refuses it as number_out_of_range"),
    "bool_as_integer": (
        "a Python bool is an int (isinstance(True, int)), so ParamValidator._validate_integer accepts "
        "Limit=True, True >= 1 passes the min check, and json.dumps sends \"Limit\":true; a JSON "
        "boolean is no integer (SMITHY-JSON), so sgwchap refuses it as wrong_type"),
    "gateway_arn_required": (
        "MODEL leaves ListVolumes' GatewayARN optional and botocore sends a request without it; sgwchap's "
        "list_volumes_request requires it, as the issue's workflow does and because its region names "
        "the endpoint (requests.hpp), so it is missing_member"),
    "surrogate_escape_sent": (
        "a Python str may hold a lone surrogate and botocore sends it as the escape \\ud800 "
        "(botocore/serialize.py JSONSerializer: json.dumps, ensure_ascii); that is no Unicode "
        "scalar value (Unicode 15 §3.9 D76; RFC 8259 §8.2: such strings' behaviour is "
        "unpredictable), so sgwchap refuses it as invalid_utf8 at the escape"),
}

# What botocore sends and sgwchap sends differently, both accepting the request (requests
# category): the compared fields it changes, and why.
REQUEST_DIFFERENCES = {
    "empty_volume_arns_no_host": (("Host",), (
        "an empty VolumeARNs list (aws_model only; strict refuses it as empty_list): sgwchap derives "
        "the Host from the first VolumeARN, so with none it sends no Host unless the caller gives "
        "request_options::host (encode.hpp to_http_request); botocore takes the client's region")),
}

# What botocore's parameter validation refuses and sgwchap accepts (bad_inputs category).
NULL_IS_ABSENT = (
    "None for an optional member: ParamValidator refuses the Python value None (validate.py "
    "_validate_string, _validate_integer, _validate_list: not of the type), but a request body can "
    "only say it as JSON null, which means absent (Smithy awsJson1_1 null handling; sgwchap's "
    "request-body decoder reads null as absent), and a C++ unchecked request has no third state "
    "besides absent: the request sgwchap accepts is the one botocore would send without the member")
ACCEPTED_DESPITE_BOTOCORE = {
    "B-UpdateChapCredentials-type-SecretToAuthenticateTarget-None": (
        NULL_IS_ABSENT + " (here the one-way CHAP request)"),
    "B-ListVolumes-type-Marker-None": NULL_IS_ABSENT,
    "B-ListVolumes-type-Limit-None": NULL_IS_ABSENT,
    "B-DescribeVTLDevices-type-VTLDeviceARNs-None": NULL_IS_ABSENT,
    "B-DescribeVTLDevices-type-Marker-None": NULL_IS_ABSENT,
    "B-DescribeVTLDevices-type-Limit-None": NULL_IS_ABSENT,
}

# Deliberate differences on responses: sgwchap refuses, or reads differently, what botocore
# accepts. Each case that shows one names it; `fields` are the compared fields it may change.
RESPONSE_DIFFERENCES = {
    # sgwchap refuses a body botocore decodes
    "duplicate_key": (("outcome",), (
        "a known key twice in one object: botocore keeps the last value (json.loads builds a "
        "dict), another reader may keep the first; two readers must never see two different "
        "values, and AWS never sends it, so sgwchap refuses it as duplicate_key")),
    "wrong_type": (("outcome",), (
        "a known member of the wrong JSON type: botocore's JSONParser passes the raw value through "
        "(it has no string handler, so ResponseParser._default_handle returns a number or an object "
        "as it is), and a boto3 user gets an int in a str field; sgwchap refuses it as wrong_type "
        "with the member's JSON Pointer")),
    "null_in_list": (("outcome",), (
        "null as an element of a structure list (ChapCredentials, VTLDevices, ...): botocore's "
        "_handle_structure returns None for it, so the list holds None; a list element is no member "
        "that may be absent, so sgwchap refuses it as wrong_type")),
    "structure_list_object": (("outcome",), (
        "a structure list (VolumeInfos) as an object: botocore's _handle_list iterates the dict's "
        "keys, so {} becomes []; MODEL says list, so sgwchap refuses the object form as wrong_type")),
    "integer_not_integral": (("outcome",), (
        "a MODEL integer or long written with a fraction or an exponent (1.5, 1e3): json.loads gives a "
        "float and botocore's JSONParser passes it through (it has no integer handler), so an int "
        "member holds 1.5 or 1000.0; sgwchap reads integers exactly from their digits (SMITHY-JSON: "
        "an integer type has no fraction) and refuses it as number_out_of_range")),
    "integer_out_of_range": (("outcome",), (
        "a MODEL integer beyond int32, or a long beyond int64: a Python int is unbounded and botocore "
        "passes it through; sgwchap's int32_t / int64_t cannot hold it: number_out_of_range")),
    "double_overflow": (("outcome",), (
        "a MODEL double beyond the finite range (1e400, 1.7976931348623159e308): json.loads rounds it "
        "to inf and botocore passes inf through; RFC 8259 §6 has no infinity, so sgwchap refuses it "
        "as number_out_of_range")),
    "timestamp_as_string": (("outcome",), (
        "a timestamp as a JSON string (ISO 8601, or epoch digits): botocore's parse_timestamp "
        "(botocore/utils.py) reads either; awsJson1_1 sends a timestamp as epoch seconds, a JSON "
        "number (SMITHY-JSON), so sgwchap refuses a string as wrong_type")),
    "timestamp_range": (("outcome",), (
        "a timestamp after 2262-04-11T23:47:16.854775807Z (int64 nanoseconds): botocore's datetime "
        "reaches the year 9999; sgwchap's timestamp (sys_time<nanoseconds>, exact) cannot hold it and "
        "refuses it as bad_timestamp at the number")),
    "timestamp_finer_than_ns": (("outcome",), (
        "a timestamp with a digit below the nanosecond (1583443386.0000000001): botocore reads it "
        "through a double and rounds to the microsecond; sgwchap keeps timestamps exact and refuses "
        "what it cannot hold exactly as bad_timestamp at that digit")),
    "chap_credentials_object": (("outcome",), (
        "ChapCredentials as an object (the API reference's sample response prints it so): "
        "botocore's _handle_list iterates the dict's keys, so {} becomes [] (and a non-empty "
        "object crashes the parser); MODEL says list, so sgwchap refuses the object form")),
    "lone_surrogate": (("outcome", "message"), (
        "a \\uD800..\\uDFFF escape without its pair: json.loads keeps it as a lone surrogate in a "
        "str, which cannot be encoded as UTF-8; sgwchap's strings are UTF-8 (RFC 8259 §8.1-8.2), "
        "so it is invalid_utf8 at the escape (an error body keeps its name and errorCode, and its "
        "message is made safe)")),
    "malformed_json": (("outcome",), (
        "not JSON (white space only, trailing data, a byte-order mark, NaN, a truncated object): "
        "botocore's BaseJSONParser._parse_body_as_json turns a body json.loads cannot read into "
        "{'message': body}, so the call returns an empty output (and json.loads itself accepts "
        "NaN); RFC 8259 §2/§6 say otherwise, so sgwchap refuses it as malformed_json")),
    "body_too_large": (("outcome",), (
        "sgwchap refuses bodies over its size limit (1 MiB by default, decode_options) before "
        "parsing; botocore reads any size")),
    "nesting_too_deep": (("outcome",), (
        "sgwchap refuses nesting deeper than its limit (32 by default, decode_options) even inside "
        "an unknown member; botocore parses any depth json.loads can")),
    "content_type": (("outcome",), (
        "a 2xx body whose Content-Type is absent or not application/x-amz-json-1.1: botocore "
        "never reads the Content-Type; sgwchap refuses it as bad_content_type (Smithy "
        "awsJson1_1: the response is application/x-amz-json-1.1)")),
    "errortype_header_on_2xx": (("outcome",), (
        "an X-Amzn-Errortype header on a 2xx response: botocore decides by status alone "
        "(ResponseParser.parse: status >= 301 is an error); sgwchap reports the named error")),
    # sgwchap and botocore both decode the error and read it differently
    "name_status_fallback": (("name", "retryable"), (
        "no usable __type: botocore's BaseJSONParser._do_error_parse names the error by the HTTP "
        "status (\"400\") and, for a 5xx HTML or empty body, ResponseParser._do_generic_error_parse "
        "does the same; sgwchap leaves the name empty (or takes `code` or X-Amzn-Errortype)")),
    "name_code_member": (("name", "retryable"), (
        "the name in the body's `code`: botocore 1.29 never reads it (only __type); sgwchap reads "
        "__type, then code, then the X-Amzn-Errortype header")),
    "name_header": (("name", "retryable"), (
        "the name in the X-Amzn-Errortype header: botocore 1.29 never reads it; sgwchap reads it "
        "after __type and code (the JavaScript SDK v3 reads it first: aws-sdk-js-v3, "
        "packages/core/src/submodules/protocols/json/parseJsonBody.ts, loadRestJsonErrorCode)")),
    "name_uri_suffix": (("name", "retryable"), (
        "a name with a `:uri` suffix: botocore keeps everything after the last `#`, suffix "
        "included, so \"FooError:http://...\" is its error code and no modeled error or retry "
        "name matches it; sgwchap keeps what is before the first `:`")),
    "name_last_hash": (("name", "retryable"), (
        "a name with two `#`: botocore takes what follows the last one (code.rsplit('#', 1)); "
        "sgwchap's clean-up takes what follows the first one")),
    "name_sanitized": (("name", "retryable"), (
        "an error name is made log-safe by sgwchap (control characters become `?`, white space "
        "around it is dropped); botocore keeps the raw string")),
    "name_query_error_header": (("name", "retryable"), (
        "botocore 1.29 takes the name from an x-amzn-query-error header (awsQueryCompatible "
        "services) whatever the service; Storage Gateway is not one, and sgwchap ignores it")),
    "message_reason_phrase": (("message",), (
        "a 5xx HTML or empty body: botocore's message is the HTTP reason phrase "
        "(ResponseParser._do_generic_error_parse, http.client.responses); sgwchap keeps a "
        "sanitized excerpt of the body")),
    "message_excerpt": (("message",), (
        "a body that is not JSON: botocore's message is the whole body text; sgwchap keeps a "
        "log-safe excerpt (white space runs folded, control bytes as `?`, at most 256 bytes)")),
    "message_null_fallback": (("message",), (
        "`message` is null and `Message` a string: botocore's body.get('message', ...) finds the "
        "key and returns None; for sgwchap null is absent, so `Message` is the message")),
    "error_member_wrong_type": (("message", "error_code", "details"), (
        "a member of an error body with the wrong JSON type (a numeric message, errorCode or "
        "errorDetails value): botocore passes the raw value through; sgwchap reads error bodies "
        "leniently and leaves such a member out")),
}

# Error responses on which botocore's parser raises a Python exception instead of the ClientError
# a caller expects, and sgwchap reports the service error (every error response gives a
# service_error with its status: a caller can always tell what happened).
BOTOCORE_PARSER_CRASHES = {
    "E-top-array": ("AttributeError", "a JSON array as an error body: _do_error_parse calls body.get"),
    "E-top-null": ("AttributeError", "null as an error body: _do_error_parse calls body.get on None"),
    "E-type-number": ("TypeError", "a numeric __type: `'#' in code` on an int"),
    "E-error-string": ("AttributeError", "`error` as a string in a modeled error: _handle_structure calls .get"),
    "E-details-array": ("AttributeError", "errorDetails as an array in a modeled error: _handle_map calls .items"),
    "E-message-invalid-utf8": ("UnicodeDecodeError", "invalid UTF-8 in `message`: _parse_body_as_json "
                               "decodes the whole body strictly before parsing"),
}

# Cases where the library does not yet do what its specification asks (key: case id, value: the
# point of the specification). The test reports them as expected failures and fails when one of
# them passes. Empty it, in one edit, once the library is fixed.
KNOWN_LIBRARY_GAPS = {
    # The 18 cases that were listed here before the workflow operations (the error-name order,
    # the comma-joined header, retryable() without errorCode, duplicate keys in error bodies,
    # invalid UTF-8 or a lone surrogate in an error's message, lone surrogate escapes as
    # invalid_utf8) pass now.
    # The two double underflows (1e-400, -2.4703282292062327e-324) found when the workflow
    # operations joined pass now: a double that rounds to zero is zero (json/detail/numbers.hpp).
}


# -----------------------------------------------------------------------------------------------
# Output that never shows a secret.

def redact(value):
    """A copy of a decoded JSON value with every secret member's value replaced."""
    if isinstance(value, dict):
        return {k: ("[redacted]" if k in SECRET_MEMBERS else redact(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


def show_body(body):
    """A body for a failure message: its JSON with secrets redacted, else its length and hash."""
    try:
        text = json.dumps(redact(json.loads(body)), ensure_ascii=True)
        return text if len(text) <= 300 else text[:300] + "..."
    except (ValueError, UnicodeDecodeError, RecursionError):
        return f"<{len(body)} bytes, sha256 {hashlib.sha256(body).hexdigest()[:16]}>"


def show_fields(fields):
    """A dict of compared fields for a failure message; secret-bearing values are redacted."""
    out = {}
    for k, v in fields.items():
        out[k] = redact(v) if k == "value" else v
    return json.dumps(out, ensure_ascii=True, default=repr)[:600]


class Report:
    def __init__(self):
        self.failures = []
        self.counts = collections.Counter()
        self.differences = collections.defaultdict(list)  # difference key -> case ids
        self.gaps = []  # (case id, point, expected, actual)
        self.crashes = []
        self.refused_bodies = []  # workflow bodies sgwchap refuses: (case id, sgwchap, botocore)

    def fail(self, case_id, message):
        self.failures.append(f"{case_id}: {message}")


# -----------------------------------------------------------------------------------------------
# botocore, driven without a network.

class FakeRaw:
    """What AWSResponse.content reads the body from (urllib3's response has stream())."""

    def __init__(self, body):
        self._body = body

    def stream(self, **_):
        yield self._body


class Botocore:
    def __init__(self, data_dir, work_dir):
        self.snapshot_dir = data_dir
        model_dir = os.path.join(work_dir, SERVICE, API_VERSION)
        os.makedirs(model_dir)
        shutil.copyfile(os.path.join(data_dir, f"{SERVICE}-{API_VERSION}.service-2.json"),
                        os.path.join(model_dir, "service-2.json"))
        shutil.copyfile(os.path.join(data_dir, "partitions.json"), os.path.join(work_dir, "partitions.json"))
        self.own_data = os.path.join(os.path.dirname(botocore.__file__), "data")
        self.ruleset_source = os.path.join(self.own_data, SERVICE, API_VERSION, "endpoint-rule-set-1.json")
        shutil.copyfile(self.ruleset_source, os.path.join(model_dir, "endpoint-rule-set-1.json"))

        self.session = botocore.session.Session()
        self.session.set_config_variable("data_path", work_dir)
        loader = self.session.get_component("data_loader")
        self.loaded_from = {}
        for name in (f"{SERVICE}/{API_VERSION}/service-2", f"{SERVICE}/{API_VERSION}/endpoint-rule-set-1",
                     "partitions"):
            _, path = loader.load_data_with_path(name)
            self.loaded_from[name] = path
            if not os.path.realpath(path).startswith(os.path.realpath(work_dir) + os.sep):
                raise SystemExit(f"FAIL: botocore loaded {name} from {path}, not from the snapshot")
        self.model = self.session.get_service_model(SERVICE)
        with open(os.path.join(data_dir, f"{SERVICE}-{API_VERSION}.service-2.json"), encoding="utf-8") as f:
            snapshot = json.load(f)
        if sorted(self.model.operation_names) != sorted(snapshot["operations"]):
            raise SystemExit("FAIL: the service model botocore loaded is not the snapshot's")
        self.clients = {}

    def partitions(self, which="snapshot"):
        path = (os.path.join(self.snapshot_dir, "partitions.json") if which == "snapshot"
                else os.path.join(self.own_data, "partitions.json"))
        with open(path, encoding="utf-8") as f:
            return json.load(f)["partitions"]

    def new_client(self, region, fips=False):
        config = Config(retries={"mode": "standard", "total_max_attempts": 2}, use_fips_endpoint=fips,
                        parameter_validation=True)
        return self.session.create_client(SERVICE, region_name=region, aws_access_key_id=DUMMY_KEY_ID,
                                          aws_secret_access_key=DUMMY_SECRET_KEY, config=config)

    def call(self, operation, params, region="us-east-1", fips=False, response=(200, [], b"{}"), fresh=False):
        """Calls the operation; returns (outcome, detail, captured requests).

        outcome: "value" (the parsed output, ResponseMetadata removed), "client_error" (the
        ClientError's response dict), "param_error" (the ParamValidationError's report) or
        "exception" ((type name, message))."""
        key = (region, fips)
        client = self.new_client(region, fips) if fresh else self.clients.get(key)
        if client is None:
            client = self.clients[key] = self.new_client(region, fips)
        captured = []
        status, headers, body = response

        def before_send(request, **_):
            captured.append(request)
            return botocore.awsrequest.AWSResponse(request.url, status, HTTPHeaderDict(headers), FakeRaw(body))

        client.meta.events.register("before-send", before_send)
        method = getattr(client, xform_name(operation))
        try:
            with unittest.mock.patch("botocore.endpoint.time.sleep") as sleep:
                try:
                    parsed = method(**params)
                    parsed.pop("ResponseMetadata", None)
                    result = ("value", parsed)
                except botocore.exceptions.ParamValidationError as e:
                    result = ("param_error", e.kwargs.get("report", ""))
                except botocore.exceptions.ClientError as e:
                    result = ("client_error", e.response)
                except Exception as e:  # noqa: BLE001 - a parser crash is an outcome here
                    result = ("exception", (type(e).__name__, str(e)))
            if sleep.call_count != max(len(captured) - 1, 0):
                raise SystemExit("FAIL: botocore's retry sleeps do not match its attempts")
        finally:
            client.meta.events.unregister("before-send", before_send)
        return result[0], result[1], captured

    def retry_rule(self, operation, name, status):
        """botocore's standard retry decision (StandardRetryConditions) for an error of this
        name and status, on a first attempt."""
        http = botocore.awsrequest.AWSResponse("https://example.invalid/", status, HTTPHeaderDict(), FakeRaw(b""))
        context = retry_standard.RetryContext(
            attempt_number=1, operation_model=self.model.operation_model(operation),
            parsed_response={"Error": {"Code": name, "Message": ""}}, http_response=http)
        return retry_standard.StandardRetryConditions(max_attempts=2).is_retryable(context)


# -----------------------------------------------------------------------------------------------
# The driver.

def run_driver(driver, cases):
    lines = "".join(json.dumps(c, ensure_ascii=True) + "\n" for c in cases)
    proc = subprocess.run([driver], input=lines.encode("ascii"), capture_output=True, timeout=120)
    if proc.returncode != 0:
        raise SystemExit(f"FAIL: the driver exited with {proc.returncode} (stderr: {len(proc.stderr)} bytes)")
    results = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        out = json.loads(line)
        for key in [k for k in out if k.endswith("_hex")]:
            value = out.pop(key)
            out[key[:-4]] = None if value is None else bytes.fromhex(value)
        if "details" in out:
            out["details"] = {bytes.fromhex(k): bytes.fromhex(v) for k, v in out["details"]}
        results[out["id"]] = out
    missing = [c["id"] for c in cases if c["id"] not in results]
    if missing:
        raise SystemExit(f"FAIL: the driver gave no result for {len(missing)} cases, first {missing[0]}")
    for out in results.values():
        if out["outcome"] == "driver_error":
            raise SystemExit(f"FAIL: the driver could not read case {out['id']}: {out['message']}")
    return results


def hexed(b):
    return b.hex()


def text_of(b):
    """Driver bytes as a str, or None when they are not UTF-8 (never expected)."""
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return None


# -----------------------------------------------------------------------------------------------
# Values. Strict values pass every rule of both profiles; aws_model values pass only MODEL's.

LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789"
UPPER_HEX = "0123456789ABCDEF"
LOWER_HEX = "0123456789abcdef"
# Secret characters for strict: printable ASCII (quotes, backslash and slash included) and
# non-ASCII letters of 2, 3 and 4 UTF-8 bytes. No C0, DEL, C1 or U+FEFF.
STRICT_SECRET_CHARS = [chr(c) for c in range(0x20, 0x7F)] + ["é", "ß", "€", "中", "😀"]
# aws_model allows any Unicode scalar value in a secret: control characters, C1, U+FEFF, U+2028.
MODEL_SECRET_CHARS = STRICT_SECRET_CHARS + [chr(c) for c in range(0x00, 0x20)] + ["\x7f", "\x85", "\ufeff",
                                                                                  "\u2028", "\U0010FFFF"]


def region_prefix(region):
    """`us` of us-east-1, `us-gov` of us-gov-west-1, `eusc-de` of eusc-de-east-1."""
    return region.rsplit("-", 2)[0]


def partition_regions(rng, partition):
    """The partition's named regions (not its `*-global` pseudo-regions) and one made-up region
    that fits its regionRegex (botocore resolves it by the pattern, sgwchap by the same one)."""
    named = sorted(r for r in partition["regions"] if not r.endswith("-global"))
    made_up = None
    while made_up is None or made_up in named:
        word = rng.choice(["north", "south", "east", "west", "central", "northeast", "southwest", "zz"])
        made_up = f"{region_prefix(rng.choice(named))}-{word}-{rng.randint(1, 12)}"
    assert re.match(partition["regionRegex"], made_up), made_up
    return named + [made_up]


def target_name(rng):
    """A TargetName (MODEL: 1..200 of [-.;a-z0-9])."""
    kind = rng.randrange(6)
    if kind == 0:
        return "myvolume"
    if kind == 1:
        return f"sgw-{''.join(rng.choice(LOWER_HEX) for _ in range(8))}-tapedrive-{rng.randint(1, 10):02d}"
    length = rng.choice([1, 3, 12, 40, 120, 200])
    name = "".join(rng.choice(LOWER_DIGITS + "-.;") for _ in range(length))
    return name


def gateway_arn(rng, partition_id, region, lower_hex=False):
    """A GatewayARN: 12 account digits, `sgw-` and 8..26 hex digits (upper case unless lower_hex)."""
    account = "".join(rng.choice("0123456789") for _ in range(12))
    digits = rng.choice([8, 8, 8, 12, 17, 26])
    gateway = "sgw-" + "".join(rng.choice(LOWER_HEX if lower_hex else UPPER_HEX) for _ in range(digits))
    return f"arn:{partition_id}:storagegateway:{region}:{account}:gateway/{gateway}"


def target_arn(rng, partition_id, region, lower_hex=False):
    return f"{gateway_arn(rng, partition_id, region, lower_hex)}/target/iqn.1997-05.com.amazon:{target_name(rng)}"


def volume_arn(rng, gateway, lower_hex=False):
    """A VolumeARN on `gateway`: `vol-` and 8..26 hex digits."""
    digits = rng.choice([8, 8, 8, 12, 17, 26])
    return f"{gateway}/volume/vol-{''.join(rng.choice(LOWER_HEX if lower_hex else UPPER_HEX) for _ in range(digits))}"


def vtl_device_arn(rng, gateway):
    """A VTLDeviceARN on `gateway`, named the way the service names its devices."""
    kind = rng.choice(["TAPEDRIVE", "TAPEDRIVE", "TAPEDRIVE", "MEDIACHANGER"])
    hex_digits = gateway.rsplit("/sgw-", 1)[1]
    return f"{gateway}/device/AMZN_SGW-{hex_digits}_{kind}_{rng.randint(1, 10):05d}"


# A Marker is opaque (MODEL: 1..2000 characters, no pattern): base64-like text as the service
# writes it, or any characters, escapes and non-ASCII included.
MARKER_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
MARKER_CHARS = [chr(c) for c in range(0x20, 0x7F)] + ["\n", "\x01", "\u2028", "é", "€", "中", "😀"]


def marker(rng):
    length = rng.choice([1, 2, 24, 88, 2000, rng.randint(1, 2000)])
    pool = MARKER_BASE64 if rng.random() < 0.6 else MARKER_CHARS
    return "".join(rng.choice(pool) for _ in range(length))


def limit(rng):
    """MODEL PositiveIntObject: 1..2^31-1."""
    return rng.choice([1, 2, 10, 100, 1000, 2 ** 31 - 1, rng.randint(1, 2 ** 31 - 1)])


def workflow_members(rng, operation, profile, partition_id, region):
    """Valid members of a workflow operation: every list on one gateway; under aws_model, hex
    digits may be lower case."""
    lower = profile == "aws_model" and rng.random() < 0.5
    gateway = gateway_arn(rng, partition_id, region, lower_hex=lower)
    members = {}
    if operation in ("DescribeStorediSCSIVolumes", "DescribeCachediSCSIVolumes"):
        count = rng.choice([1, 1, 2, 3, 5, 10])
        members["VolumeARNs"] = [volume_arn(rng, gateway, lower_hex=lower and rng.random() < 0.5)
                                 for _ in range(count)]
    else:
        members["GatewayARN"] = gateway
        if operation == "DescribeVTLDevices":
            r = rng.random()
            if r < 0.2:
                members["VTLDeviceARNs"] = []  # every device of the gateway
            elif r < 0.75:
                members["VTLDeviceARNs"] = [vtl_device_arn(rng, gateway) for _ in range(rng.randint(1, 6))]
        if rng.random() < 0.5:
            members["Marker"] = marker(rng)
        if rng.random() < 0.5:
            members["Limit"] = limit(rng)
    keys = list(members)
    rng.shuffle(keys)
    return {k: members[k] for k in keys}


def domain_label(rng, first=False):
    if first:
        return rng.choice(["com", "org", "net", "io", "de", "example", "local"])
    length = rng.randint(1, 20)
    label = "".join(rng.choice(LOWER_DIGITS + "-") for _ in range(length))
    return label.strip("-") or "x"


def strict_initiator_name(rng):
    form = rng.choice(["iqn", "iqn", "iqn", "eui", "naa"])
    if form == "eui":
        return "eui." + "".join(rng.choice(LOWER_HEX) for _ in range(16))
    if form == "naa":
        return "naa." + "".join(rng.choice(LOWER_HEX) for _ in range(rng.choice([16, 32])))
    while True:
        labels = [domain_label(rng, first=True)] + [domain_label(rng) for _ in range(rng.randint(1, 3))]
        date = f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}"
        if date == "1997-05" and labels[:2] == ["com", "amazon"]:
            continue  # a target's own name, a rule of its own
        name = f"iqn.{date}.{'.'.join(labels)}"
        if rng.random() < 0.7:
            unique = "".join(rng.choice(LOWER_DIGITS + ".-:") for _ in range(rng.randint(1, 60)))
            name += ":" + unique
        if len(name) <= 223:
            return name


def model_initiator_name(rng):
    """MODEL's IqnName only: 1..255 of [0-9a-z:.-], no grammar."""
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(["a", "::", "iqn.2015-1.x", "iqn.1997-05.com.amazon:myvolume", "eui.02004567a425678d0"])
    if kind == 1:
        return "".join(rng.choice(LOWER_DIGITS + ":.-") for _ in range(255))
    return "".join(rng.choice(LOWER_DIGITS + ":.-") for _ in range(rng.randint(1, 80)))


def strict_secret(rng):
    """12..16 UTF-8 bytes of STRICT_SECRET_CHARS."""
    want = rng.randint(12, 16)
    out = ""
    while len(out.encode("utf-8")) < want:
        c = rng.choice(STRICT_SECRET_CHARS)
        if len((out + c).encode("utf-8")) <= 16:
            out += c
    return out


def model_secret(rng):
    """1..100 Unicode scalar values (MODEL ChapSecret), any of them."""
    length = rng.choice([1, 2, 11, 17, 50, 100, rng.randint(1, 100)])
    return "".join(rng.choice(MODEL_SECRET_CHARS) for _ in range(length))


def valid_members(rng, operation, profile, partition_id, region):
    strict = profile == "strict"
    members = {"TargetARN": target_arn(rng, partition_id, region, lower_hex=not strict and rng.random() < 0.5)}
    if operation in ("UpdateChapCredentials", "DeleteChapCredentials"):
        members["InitiatorName"] = strict_initiator_name(rng) if strict else model_initiator_name(rng)
    if operation == "UpdateChapCredentials":
        secret = strict_secret if strict else model_secret
        members["SecretToAuthenticateInitiator"] = secret(rng)
        if rng.random() < 0.5:
            target = secret(rng)
            while strict and target == members["SecretToAuthenticateInitiator"]:
                target = secret(rng)
            if not strict and rng.random() < 0.2:
                target = members["SecretToAuthenticateInitiator"]  # the mutual-CHAP rule is strict only
            members["SecretToAuthenticateTarget"] = target
    keys = list(members)
    rng.shuffle(keys)  # botocore writes members in the caller's order, sgwchap in MODEL's
    return {k: members[k] for k in keys}


# -----------------------------------------------------------------------------------------------
# Category "requests": valid requests, compared field by field.

VALID_REQUESTS = 240  # 80 per operation, 30 per partition of the snapshot (8), 10 per pair
WORKFLOW_REQUESTS = 160  # 40 per workflow operation, 5 per operation and partition


def compact_model_order(model, operation, members):
    """The body sgwchap must write: compact JSON, MODEL member order, non-ASCII as UTF-8, the
    RFC 8259 escapes (Python's json.dumps escapes exactly `"`, `\\` and U+0000..U+001F, with the
    short forms and lower-case \\u00xx, as sgwchap does)."""
    order = list(model.operation_model(operation).input_shape.members)
    ordered = {k: members[k] for k in order if k in members}
    return json.dumps(ordered, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def header(headers, name):
    for n, v in headers:
        if n.lower() == name.lower():
            return v
    return None


def botocore_header(request, name):
    value = request.headers.get(name)
    return value.decode("ascii") if isinstance(value, bytes) else value


def make_request_cases(rng, bc):
    """VALID_REQUESTS cases: every partition of the snapshot, every CHAP operation, ten cases each;
    in each ten, three under aws_model and three for the FIPS endpoint; regions taken in turn from
    the partition's (shuffled) named regions and a made-up one that fits its pattern. Then
    WORKFLOW_REQUESTS cases the same way, five per workflow operation and partition (drawn after
    the CHAP cases, which stay what they were)."""
    cases = []
    partitions = bc.partitions("snapshot")
    regions_of = {}
    per_group = VALID_REQUESTS // (len(partitions) * len(CHAP_OPERATIONS))
    for partition in partitions:
        regions = partition_regions(rng, partition)
        rng.shuffle(regions)
        regions_of[partition["id"]] = regions
        for o, operation in enumerate(CHAP_OPERATIONS):
            for k in range(per_group):
                region = regions[(o * per_group + k) % len(regions)]
                profile = "aws_model" if k % 3 == 2 else "strict"
                fips = k % 4 == 1
                if profile == "aws_model" and partition["id"] == "aws" and k % 2 == 0:
                    # aws_model reads the pattern's \w as the regex does, [A-Za-z0-9_]; botocore
                    # resolves such a region by the same pattern.
                    prefix, word, number = region_prefix(region), region.split("-")[-2], region.split("-")[-1]
                    region = f"{prefix}-{word.upper()}-{number}"
                cases.append({"id": f"V-{operation}-{partition['id']}-{k}-{region}{'-fips' if fips else ''}",
                              "operation": operation, "profile": profile, "region": region, "fips": fips,
                              "partition": partition["id"],
                              "members": valid_members(rng, operation, profile, partition["id"], region)})
    per_group = WORKFLOW_REQUESTS // (len(partitions) * len(WORKFLOW_OPERATIONS))
    for partition in partitions:
        regions = regions_of[partition["id"]]
        for o, operation in enumerate(WORKFLOW_OPERATIONS):
            for k in range(per_group):
                # The same regions as the CHAP cases: botocore's clients are reused.
                region = regions[(o * per_group + k) % len(regions)]
                profile = "aws_model" if k in (2, 4) else "strict"
                fips = k in (1, 4)
                if profile == "aws_model" and partition["id"] == "aws" and "GatewayARN" in (
                        bc.model.operation_model(operation).input_shape.members):
                    # As above; not in a VolumeARN, whose MODEL pattern has [a-z\-0-9]+ regions.
                    prefix, word, number = region_prefix(region), region.split("-")[-2], region.split("-")[-1]
                    region = f"{prefix}-{word.upper()}-{number}"
                cases.append({"id": f"V-{operation}-{partition['id']}-{k}-{region}{'-fips' if fips else ''}",
                              "operation": operation, "profile": profile, "region": region, "fips": fips,
                              "partition": partition["id"],
                              "members": workflow_members(rng, operation, profile, partition["id"], region)})
    return cases


def difference_request_cases():
    """Requests both send, differently (REQUEST_DIFFERENCES): case, operation, members, profile,
    difference."""
    return [
        ("D-DescribeStorediSCSIVolumes-empty-list", "DescribeStorediSCSIVolumes", {"VolumeARNs": []}, "aws_model",
         "empty_volume_arns_no_host"),
        ("D-DescribeCachediSCSIVolumes-empty-list", "DescribeCachediSCSIVolumes", {"VolumeARNs": []}, "aws_model",
         "empty_volume_arns_no_host"),
    ]


def refused_request_cases():
    """Requests botocore sends and aws_model refuses (REQUEST_REFUSALS): case, expected rule/field."""
    long_arn = DOC_ARN + "v" * (801 - len(DOC_ARN))
    surrogate_secret = "abc\ud800defghijk"
    rows = [
        ("R-secret-101", "UpdateChapCredentials",
         {"TargetARN": DOC_ARN, "SecretToAuthenticateInitiator": "s" * 101, "InitiatorName": DOC_NAME},
         "model_max_length", ("too_long", "SecretToAuthenticateInitiator")),
        ("R-target-secret-101", "UpdateChapCredentials",
         {"TargetARN": DOC_ARN, "SecretToAuthenticateInitiator": "s" * 12, "InitiatorName": DOC_NAME,
          "SecretToAuthenticateTarget": "é" * 101},
         "model_max_length", ("too_long", "SecretToAuthenticateTarget")),
        ("R-arn-801", "DescribeChapCredentials", {"TargetARN": long_arn},
         "model_max_length", ("too_long", "TargetARN")),
        ("R-iqn-256", "DeleteChapCredentials", {"TargetARN": DOC_ARN, "InitiatorName": "a" * 256},
         "model_max_length", ("too_long", "InitiatorName")),
        ("R-iqn-upper", "DeleteChapCredentials",
         {"TargetARN": DOC_ARN, "InitiatorName": "iqn.1998-01.com.vmware:ESX01-0ba2d462"},
         "model_pattern", ("uppercase_character", "InitiatorName")),
        ("R-iqn-underscore", "UpdateChapCredentials",
         {"TargetARN": DOC_ARN, "SecretToAuthenticateInitiator": "111111111111",
          "InitiatorName": "iqn.2001-04.com.example:my_host"},
         "model_pattern", ("invalid_character", "InitiatorName")),
        ("R-iqn-newline", "DeleteChapCredentials", {"TargetARN": DOC_ARN, "InitiatorName": DOC_NAME + "\n"},
         "model_pattern", ("invalid_character", "InitiatorName")),
        ("R-arn-lone-surrogate", "DescribeChapCredentials", {"TargetARN": DOC_ARN[:-8] + "vol\udc00ume"},
         "surrogate_escape_sent", ("invalid_utf8", None)),
        ("R-secret-lone-surrogate", "UpdateChapCredentials",
         {"TargetARN": DOC_ARN, "SecretToAuthenticateInitiator": surrogate_secret, "InitiatorName": DOC_NAME},
         "surrogate_escape_sent", ("invalid_utf8", None)),
        # The workflow operations.
        ("R-gateway-501", "ListVolumes", {"GatewayARN": DOC_GATEWAY + "A" * (501 - len(DOC_GATEWAY))},
         "model_max_length", ("too_long", "GatewayARN")),
        ("R-marker-2001", "DescribeVTLDevices", {"GatewayARN": DOC_GATEWAY, "Marker": "m" * 2001},
         "model_max_length", ("too_long", "Marker")),
        ("R-marker-2001-four-byte", "ListVolumes", {"GatewayARN": DOC_GATEWAY, "Marker": "😀" * 2001},
         "model_max_length", ("too_long", "Marker")),
        ("R-volume-arn-501", "DescribeCachediSCSIVolumes",
         {"VolumeARNs": [DOC_VOLUME, DOC_VOLUME + "A" * (501 - len(DOC_VOLUME))]},
         "model_max_length", ("too_long", "VolumeARN")),
        ("R-device-arn-501", "DescribeVTLDevices",
         {"GatewayARN": DOC_GATEWAY, "VTLDeviceARNs": [DOC_DEVICE + "_" * (501 - len(DOC_DEVICE))]},
         "model_max_length", ("too_long", "VTLDeviceARN")),
        ("R-volume-arn-upper-region", "DescribeStorediSCSIVolumes",
         {"VolumeARNs": [DOC_VOLUME.replace("us-east-1", "us-EAST-1")]}, "model_pattern", ("bad_region", "VolumeARN")),
        ("R-volume-arn-gateway-only", "DescribeCachediSCSIVolumes", {"VolumeARNs": [DOC_GATEWAY]},
         "model_pattern", ("bad_resource_type", "VolumeARN")),
        ("R-limit-2^31", "ListVolumes", {"GatewayARN": DOC_GATEWAY, "Limit": 2 ** 31},
         "model_integer_range", ("number_out_of_range", "Limit")),
        ("R-limit-2^63", "DescribeVTLDevices", {"GatewayARN": DOC_GATEWAY, "Limit": 2 ** 63},
         "model_integer_range", ("number_out_of_range", "Limit")),
        ("R-limit-true", "ListVolumes", {"GatewayARN": DOC_GATEWAY, "Limit": True},
         "bool_as_integer", ("wrong_type", "Limit")),
        ("R-list-volumes-no-gateway", "ListVolumes", {}, "gateway_arn_required", ("missing_member", "GatewayARN")),
        ("R-list-volumes-paging-only", "ListVolumes", {"Marker": "abc", "Limit": 5},
         "gateway_arn_required", ("missing_member", "GatewayARN")),
        ("R-marker-lone-surrogate", "DescribeVTLDevices", {"GatewayARN": DOC_GATEWAY, "Marker": "page\udfff2"},
         "surrogate_escape_sent", ("invalid_utf8", None)),
    ]
    return rows


def compared_request_fields(request, mine):
    """The fields compared with botocore's request: (botocore's, sgwchap's) by name."""
    url = urllib.parse.urlsplit(request.url)
    body = mine["body"]
    return {
        "method": (request.method, mine["method"]),
        "path": ((url.path, url.query), (mine["path"], "")),
        "Host": (url.netloc, header(mine["headers"], "Host")),
        "Content-Type": (botocore_header(request, "Content-Type"), header(mine["headers"], "Content-Type")),
        "X-Amz-Target": (botocore_header(request, "X-Amz-Target"), header(mine["headers"], "X-Amz-Target")),
        "Content-Length": (str(len(body)), header(mine["headers"], "Content-Length")),
    }


def check_requests(rng, bc, driver, report, verbose):
    cases = make_request_cases(rng, bc)
    refused = refused_request_cases()
    differing = difference_request_cases()
    botocore_side = {}
    driver_cases = []
    for case in cases:
        outcome, detail, captured = bc.call(case["operation"], case["members"], case["region"], case["fips"])
        if outcome != "value" or len(captured) != 1:
            report.fail(case["id"], f"botocore did not send the valid request ({outcome})")
            continue
        botocore_side[case["id"]] = captured[0]
        base = {"kind": "request", "operation": case["operation"], "profile": case["profile"], "fips": case["fips"]}
        driver_cases.append(dict(base, id=case["id"], members=case["members"]))
        # botocore's own bytes (", " separators, \uXXXX for non-ASCII) through sgwchap's reader.
        driver_cases.append(dict(base, id=case["id"] + "/botocore-body", body_hex=hexed(captured[0].body)))
    for case_id, operation, members, difference, _ in refused:
        outcome, detail, captured = bc.call(operation, members)
        if outcome != "value" or len(captured) != 1:
            report.fail(case_id, f"botocore did not send it ({outcome}): the case no longer shows {difference}")
            continue
        botocore_side[case_id] = captured[0]
        driver_cases.append({"id": case_id, "kind": "request", "operation": operation, "profile": "aws_model",
                             "body_hex": hexed(captured[0].body)})
    for case_id, operation, members, profile, difference in differing:
        outcome, detail, captured = bc.call(operation, members)
        if outcome != "value" or len(captured) != 1:
            report.fail(case_id, f"botocore did not send it ({outcome}): the case no longer shows {difference}")
            continue
        botocore_side[case_id] = captured[0]
        driver_cases.append({"id": case_id, "kind": "request", "operation": operation, "profile": profile,
                             "members": members})
    results = run_driver(driver, driver_cases)

    per_operation = collections.Counter()
    per_partition = collections.Counter()
    for case in cases:
        if case["id"] not in botocore_side:
            continue
        request = botocore_side[case["id"]]
        mine = results[case["id"]]
        again = results[case["id"] + "/botocore-body"]
        per_operation[case["operation"]] += 1
        per_partition[case["partition"]] += 1
        if mine["outcome"] != "http":
            rows = mine.get("errors", [mine])
            report.fail(case["id"], f"sgwchap refused a valid request under {case['profile']}: "
                        + ", ".join(f"{r['rule']} {r['field']} @{r['offset']}" for r in rows))
            continue
        body = mine["body"]
        for name, (theirs, ours) in compared_request_fields(request, mine).items():
            if theirs != ours:
                report.fail(case["id"], f"{name}: botocore {theirs!r}, sgwchap {ours!r}")
        try:
            same_value = json.loads(request.body) == json.loads(body) == case["members"]
        except ValueError:
            same_value = False
        if not same_value:
            report.fail(case["id"], f"body values differ (secrets, shown as [redacted], are compared too): "
                        f"botocore {show_body(request.body)}, sgwchap {show_body(body)}")
        if body != compact_model_order(bc.model, case["operation"], case["members"]):
            report.fail(case["id"], f"sgwchap's body is not the compact JSON in MODEL order: {show_body(body)}")
        if again["outcome"] != "http" or again["body"] != body or again["headers"] != mine["headers"]:
            report.fail(case["id"] + "/botocore-body",
                        f"botocore's body bytes read back by sgwchap give another request ({again['outcome']})")
        report.counts["requests: valid, compared with botocore"] += 1
        report.counts["requests: botocore's body read back by sgwchap"] += 1
        if case["fips"]:
            report.counts["requests: FIPS endpoint"] += 1
        report.counts[f"requests: valid under {case['profile']}"] += 1
        if case["region"] != case["region"].lower():
            report.counts["requests: region with upper case (aws_model)"] += 1
        if verbose:
            print(f"  ok {case['id']}")

    for case_id, operation, members, difference, (rule, field) in refused:
        if case_id not in botocore_side:
            continue
        mine = results[case_id]
        rows = mine.get("errors", [mine]) if mine["outcome"] != "http" else []
        expected = {"rule": rule, "field": field}
        got = [(r["rule"], r.get("field"), r.get("offset")) for r in rows]
        ok = any(r == rule and (field is None or f == field) for r, f, _ in got)
        if rule == "invalid_utf8":
            # The offset of the lone surrogate's escape in botocore's body (these bodies hold no
            # other \uD800..\uDFFF escape).
            escape_at = re.search(rb"\\ud[89a-f][0-9a-f]{2}", botocore_side[case_id].body).start()
            expected["offset"] = escape_at
            ok = any(r == rule and o == escape_at for r, _, o in got)
        check_gap(report, case_id, ok, f"refused as {expected}", f"{got or 'accepted'}")
        if mine["outcome"] == "http":
            report.fail(case_id, f"sgwchap accepted under aws_model what REQUEST_REFUSALS[{difference!r}] "
                        "says it refuses")
        report.differences[difference].append(case_id)
        report.counts["requests: botocore sends, aws_model refuses (REQUEST_REFUSALS)"] += 1

    for case_id, operation, members, profile, difference in differing:
        if case_id not in botocore_side:
            continue
        request, mine = botocore_side[case_id], results[case_id]
        if mine["outcome"] != "http":
            report.fail(case_id, f"sgwchap refused it under {profile} ({mine.get('rule') or mine.get('errors')}): "
                        f"the case no longer shows {difference}")
            continue
        allowed, _ = REQUEST_DIFFERENCES[difference]
        observed = {name for name, (theirs, ours) in compared_request_fields(request, mine).items() if theirs != ours}
        if json.loads(request.body) != json.loads(mine["body"]) or mine["body"] != compact_model_order(
                bc.model, operation, members):
            observed.add("body")
        if observed - set(allowed):
            report.fail(case_id, f"differs from botocore in {sorted(observed - set(allowed))}, not listed by "
                        f"REQUEST_DIFFERENCES[{difference!r}]")
        if not observed & set(allowed):
            report.fail(case_id, f"listed difference {difference!r} not observed: delete it")
        report.differences[difference].append(case_id)
        report.counts["requests: both send, differently (REQUEST_DIFFERENCES)"] += 1

    refused_ids = {row[0] for row in refused}
    for case_id in KNOWN_LIBRARY_GAPS:
        if case_id.startswith("R-") and case_id not in refused_ids:
            report.fail(case_id, "listed in KNOWN_LIBRARY_GAPS but no such case")
    report.counts.update({f"requests: valid {op}": n for op, n in per_operation.items()})
    report.counts.update({f"requests: valid in partition {p}": n for p, n in per_partition.items()})
    if (sum(per_operation.values()) < 200 or len(per_partition) != len(bc.partitions("snapshot"))
            or set(per_operation) != set(OPERATIONS)):
        report.fail("requests", "fewer than 200 valid requests compared, or a partition or an operation without one")


def check_gap(report, case_id, ok, expected, actual):
    """Records a comparison of sgwchap with its specification, minding KNOWN_LIBRARY_GAPS."""
    if case_id in KNOWN_LIBRARY_GAPS:
        if ok:
            report.fail(case_id, "listed in KNOWN_LIBRARY_GAPS but the library now does what the specification asks:"
                        " delete the entry")
        else:
            report.gaps.append((case_id, KNOWN_LIBRARY_GAPS[case_id], expected, actual))
        return True
    if not ok:
        report.fail(case_id, f"expected {expected}, sgwchap gave {actual}")
    return False


# -----------------------------------------------------------------------------------------------
# Category "bad_inputs": what botocore's parameter validation refuses.

# Python values of a type other than str. bytes is left out: a JSON request body cannot carry it,
# and a C++ caller has no such value either.
WRONG_VALUES = [("int", 0), ("negative", -1), ("float", 1.5), ("true", True), ("false", False), ("None", None),
                ("list", []), ("list-of-str", ["iqn.2001-04.com.example"]), ("dict", {}), ("dict-of-str", {"k": "v"})]
TOO_SHORT = {
    "TargetARN": [("empty", ""), ("49-ascii", DOC_ARN[:49]), ("49-two-byte", "é" * 49), ("49-four-byte", "😀" * 49)],
    "InitiatorName": [("empty", "")],
    "SecretToAuthenticateInitiator": [("empty", "")],
    "SecretToAuthenticateTarget": [("empty", "")],
    "GatewayARN": [("empty", ""), ("49-ascii", DOC_GATEWAY[:49])],
    "Marker": [("empty", "")],
    # An element of a list: botocore names it VolumeARNs[i], sgwchap VolumeARN (index in `detail`).
    "VolumeARNs": [("element-empty", [""]), ("element-49", [DOC_VOLUME[:49]]),
                   ("second-element-12", [DOC_VOLUME, "vol-1122AABB"])],
    "VTLDeviceARNs": [("element-49", [DOC_DEVICE[:49]])],
    "Limit": [],
}
# Values of the right type below MODEL's min (botocore's range check: "invalid range").
OUT_OF_RANGE = {"Limit": [("zero", 0), ("negative", -1), ("int32-min", -2 ** 31), ("int64-min", -2 ** 63)]}
# Python values of another type for an integer member (True is left out: botocore sends it,
# REQUEST_REFUSALS bool_as_integer; False fails its min check instead) and for a list member.
WRONG_INTEGER_VALUES = [("str", "5"), ("float", 1.5), ("float-integral", 5.0), ("false", False), ("None", None),
                        ("list", []), ("dict", {})]
WRONG_LIST_VALUES = [("int", 0), ("true", True), ("None", None), ("dict", {}), ("element-int", [5]),
                     ("element-None", [None]), ("element-list", [[DOC_VOLUME]]), ("element-dict", [{}])]
VALID_FOR_BAD_INPUTS = {"TargetARN": DOC_ARN, "InitiatorName": DOC_NAME,
                        "SecretToAuthenticateInitiator": "111111111111", "SecretToAuthenticateTarget": "222222222222",
                        "GatewayARN": DOC_GATEWAY, "Marker": "AQIDBAUGBwgJCgsMDQ4PEA==", "Limit": 10,
                        "VolumeARNs": [DOC_VOLUME], "VTLDeviceARNs": [DOC_DEVICE]}
# The element field sgwchap names for an element of a list member.
LIST_ELEMENT_FIELDS = {"VolumeARNs": "VolumeARN", "VTLDeviceARNs": "VTLDeviceARN"}


def wrong_values(shape, member):
    """The wrong-type values of a member, by its MODEL type."""
    type_name = shape.members[member].type_name
    if type_name == "integer":
        return WRONG_INTEGER_VALUES
    if type_name == "list":
        # A string for a list: the valid element alone.
        return [("str", VALID_FOR_BAD_INPUTS[member][0])] + WRONG_LIST_VALUES
    return WRONG_VALUES

COMPLAINTS = [
    ("missing", re.compile(r'^Missing required parameter in input: "([^"]+)"$')),
    ("unknown", re.compile(r'^Unknown parameter in input: "([^"]+)", must be one of: ')),
    ("type", re.compile(r"^Invalid type for parameter ([A-Za-z0-9_]+(?:\[\d+\])?), value: .*, "
                        r"type: <class '(\w+)'>, valid types: ")),
    ("length", re.compile(r"^Invalid length for parameter ([A-Za-z0-9_]+(?:\[\d+\])?), value: \d+, "
                          r"valid min length: \d+$")),
    ("range", re.compile(r"^Invalid value for parameter ([A-Za-z0-9_]+), value: (.*), valid min value: -?\d+$")),
]


def botocore_complaints(report_text):
    """botocore's validation report as (kind, parameter, python type) rows; None when a line is of
    a form this test does not know (botocore changed: the test must be looked at). The report
    itself is never printed: it holds the values, secrets included."""
    rows = []
    for line in report_text.splitlines():
        for kind, pattern in COMPLAINTS:
            m = pattern.match(line)
            if m:
                rows.append((kind, m.group(1), m.group(2) if kind in ("type", "range") else None))
                break
        else:
            return None
    return rows


def counterparts(complaint):
    """The sgwchap (rule, member) rows that answer one botocore complaint."""
    kind, member, python_type = complaint
    element = re.match(r"^(\w+)\[\d+\]$", member)
    if element:
        # An element of a list: sgwchap names the element's field (a check's error) or the list
        # (a decode error's JSON Pointer, /VolumeARNs/1); null is no element (wrong_type).
        names = {element.group(1), LIST_ELEMENT_FIELDS.get(element.group(1))}
        return {("too_short" if kind == "length" else "wrong_type", name) for name in names}
    if kind == "range":
        # botocore's min check also refuses False (False < 1): for sgwchap a JSON boolean.
        return {("wrong_type" if python_type in ("True", "False") else "number_out_of_range", member)}
    if kind == "missing":
        return {("missing_member", member)}
    if kind == "unknown":
        return {("unknown_key", member)}
    if kind == "length":
        return {("too_short", member)}
    if python_type == "NoneType":
        return {("missing_member", member)}  # JSON null is an absent member
    if python_type == "float":
        # A JSON number either way: in an integer member (Limit) a fraction is number_out_of_range.
        return {("wrong_type", member), ("number_out_of_range", member)}
    return {("wrong_type", member)}


def make_bad_input_cases(rng, bc):
    cases = []
    for operation in OPERATIONS:
        family = CHAP_OPERATIONS if operation in CHAP_OPERATIONS else WORKFLOW_OPERATIONS
        all_members = set()
        for other in family:
            all_members |= set(bc.model.operation_model(other).input_shape.members)
        shape = bc.model.operation_model(operation).input_shape
        members = list(shape.members)
        valid = {m: VALID_FOR_BAD_INPUTS[m] for m in members}
        mutations = []
        for m in shape.required_members:
            mutations.append((f"missing-{m}", "missing", lambda p, m=m: p.pop(m)))
        for m in members:
            for label, value in wrong_values(shape, m):
                mutations.append((f"type-{m}-{label}", "wrong_type", lambda p, m=m, v=value: p.__setitem__(m, v)))
            for label, value in TOO_SHORT[m]:
                mutations.append((f"short-{m}-{label}", "min_length", lambda p, m=m, v=value: p.__setitem__(m, v)))
            for label, value in OUT_OF_RANGE.get(m, []):
                mutations.append((f"range-{m}-{label}", "min_value", lambda p, m=m, v=value: p.__setitem__(m, v)))
        misspelt = {"targetARN", "TargetArn"} if family == CHAP_OPERATIONS else {"gatewayARN", "Limits", "TargetARN"}
        unknown = ({"Foo", "ResponseMetadata"} | misspelt | {m[:-1] for m in members} | (all_members - set(members)))
        for name in sorted(unknown):
            mutations.append((f"unknown-{name}", "unknown", lambda p, n=name: p.__setitem__(n, "x")))
        for label, kind, mutate in mutations:
            params = dict(valid)
            mutate(params)
            cases.append((f"B-{operation}-{label}", operation, kind, params))
        if shape.required_members:  # ListVolumes has none: botocore sends {}
            cases.append((f"B-{operation}-empty", operation, "missing", {}))
        # Several problems at once: botocore reports all of them, sgwchap at least one.
        for k in range(10 if family == CHAP_OPERATIONS else 4):
            params = dict(valid)
            labels = []
            for label, _, mutate in rng.sample(mutations, 3):
                try:
                    mutate(params)
                    labels.append(label)
                except KeyError:
                    pass  # a member already dropped
            cases.append((f"B-{operation}-combined-{k}", operation, "combined", params))
    return cases


def check_bad_inputs(rng, bc, driver, report, verbose):
    cases = make_bad_input_cases(rng, bc)
    complaints = {}
    driver_cases = []
    for case_id, operation, kind, params in cases:
        outcome, detail, captured = bc.call(operation, params)
        if outcome != "param_error":
            report.fail(case_id, f"botocore's validation accepted it ({outcome}): not a bad input")
            continue
        rows = botocore_complaints(detail)
        if not rows:
            report.fail(case_id, "botocore's validation report has a line of an unknown form")
            continue
        complaints[case_id] = rows
        driver_cases.append({"id": case_id, "kind": "request", "operation": operation, "profile": "aws_model",
                             "members": params})
    results = run_driver(driver, driver_cases)
    kinds = {case_id: kind for case_id, _, kind, _ in cases}
    for case_id, rows in complaints.items():
        mine = results[case_id]
        if mine["outcome"] == "http":
            if case_id in ACCEPTED_DESPITE_BOTOCORE:
                report.differences["accepted_despite_botocore"].append(case_id)
                report.counts["bad inputs: botocore refuses, sgwchap accepts (ACCEPTED_DESPITE_BOTOCORE)"] += 1
            else:
                report.fail(case_id, f"botocore refuses ({', '.join(k + ' ' + p for k, p, _ in rows)}) "
                            "and sgwchap's aws_model accepts")
            continue
        if case_id in ACCEPTED_DESPITE_BOTOCORE:
            report.fail(case_id, "listed in ACCEPTED_DESPITE_BOTOCORE but sgwchap refuses it now: delete the entry")
            continue
        if mine["outcome"] == "decode_error":
            pointer = text_of(mine["pointer"]) or ""
            ours = [(mine["rule"], pointer.lstrip("/").split("/")[0])]
        else:
            ours = [(e["rule"], e["field"]) for e in mine["errors"]]
        answers = set().union(*(counterparts(c) for c in rows))
        unexplained = [o for o in ours if o not in answers]
        if unexplained or not ours:
            report.fail(case_id, f"sgwchap's errors {ours} do not answer botocore's complaints "
                        f"{[(k, p) for k, p, _ in rows]}")
            continue
        report.counts[f"bad inputs: {kinds[case_id]}"] += 1
        report.counts["bad inputs: refused by both"] += 1
        if verbose:
            print(f"  ok {case_id}: {ours}")
    for case_id in ACCEPTED_DESPITE_BOTOCORE:
        if case_id not in complaints:
            report.fail(case_id, "listed in ACCEPTED_DESPITE_BOTOCORE but no longer generated or refused by botocore")


# -----------------------------------------------------------------------------------------------
# Category "responses": success bodies, refused bodies and error responses.

JSON_HEADERS = [["Content-Type", JSON_CONTENT_TYPE], ["x-amzn-RequestId", "3f0c1d4e-0000-4000-8000-000000000000"]]
IGRE = "InvalidGatewayRequestException"
CALL_PARAMS = {
    "UpdateChapCredentials": {"TargetARN": DOC_ARN, "SecretToAuthenticateInitiator": "111111111111",
                              "InitiatorName": DOC_NAME},
    "DescribeChapCredentials": {"TargetARN": DOC_ARN},
    "DeleteChapCredentials": {"TargetARN": DOC_ARN, "InitiatorName": DOC_NAME},
    "ListVolumes": {"GatewayARN": DOC_GATEWAY},
    "DescribeStorediSCSIVolumes": {"VolumeARNs": [DOC_VOLUME]},
    "DescribeCachediSCSIVolumes": {"VolumeARNs": [DOC_VOLUME]},
    "DescribeVTLDevices": {"GatewayARN": DOC_GATEWAY},
}
# The retry names of botocore's standard mode (retries/standard.py, TransientRetryableChecker and
# ThrottledRetryableChecker), each sent as an error once.
RETRY_NAMES = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "Throttling",
               "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
               "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
               "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
               "EC2ThrottledException"]


def nth(body, needle, n=1):
    """Byte offset of the n-th occurrence of `needle` in `body`."""
    at = -1
    for _ in range(n):
        at = body.index(needle, at + 1)
    return at


def js(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def chap_info(rng, secrets=True):
    info = {"TargetARN": DOC_ARN.replace("myvolume", target_name(rng)), "InitiatorName": strict_initiator_name(rng)}
    if secrets:
        info["SecretToAuthenticateInitiator"] = strict_secret(rng)
        if rng.random() < 0.5:
            info["SecretToAuthenticateTarget"] = strict_secret(rng)
    return info


def unknown_value(rng, depth=0):
    kind = rng.randrange(7 if depth < 4 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([0, -7, 3.25, 1e300, True, False])
    if kind in (2, 3):
        return rng.choice(["", "x", "é\u2028", "\u0000\n\"\\", "😀"])
    if kind in (4, 5):
        return [unknown_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    # An object whose keys are the operations' own member names: unknown at this level.
    return {rng.choice(["TargetARN", "ChapCredentials", "__type", "k"]) + str(i): unknown_value(rng, depth + 1)
            for i in range(rng.randint(0, 3))}


def random_text(rng):
    pool = ["arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:v",
            "iqn.2001-04.com.example", "", " ", "é", "中文", "😀", "\u0000", "\t", "\"", "\\", "/", "\u2028",
            "\x7f", "\u0085", "\ufeff", "UPPER", "x" * 300]
    return "".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))


def random_success_body(rng, operation):
    """A body of the operation's output with members present, null, absent and unknown, written
    with varying JSON spellings (escapes or raw UTF-8, white space or none)."""
    if operation == "DescribeChapCredentials":
        value = {}
        choice = rng.randrange(4)
        if choice == 0:
            value["ChapCredentials"] = None
        elif choice > 1:
            items = []
            for _ in range(rng.randint(0, 6)):
                item = {}
                for member in CHAP_INFO_MEMBERS:
                    r = rng.random()
                    if r < 0.6:
                        item[member] = random_text(rng)
                    elif r < 0.75:
                        item[member] = None
                if rng.random() < 0.3:
                    item["Unknown" + str(rng.randint(0, 9))] = unknown_value(rng)
                items.append(item)
            value["ChapCredentials"] = items
    else:
        value = {}
        for member in ("TargetARN", "InitiatorName"):
            r = rng.random()
            if r < 0.7:
                value[member] = random_text(rng)
            elif r < 0.85:
                value[member] = None
    for _ in range(rng.randint(0, 2)):
        value["Extra" + str(rng.randint(0, 99))] = unknown_value(rng)
    keys = list(value)
    rng.shuffle(keys)
    value = {k: value[k] for k in keys}
    spacing = rng.choice([(",", ":"), (", ", ": ")])
    indent = rng.choice([None, None, 2])
    return json.dumps(value, separators=spacing, indent=indent, ensure_ascii=rng.random() < 0.5).encode("utf-8")


class Raw(str):
    """A JSON number written as this text (timestamps and doubles in forms json.dumps never writes)."""


def to_json(value, separators=(",", ":"), ensure_ascii=False):
    """json.dumps for values that may hold Raw numbers, as UTF-8 bytes."""
    item_sep, key_sep = separators

    def write(v):
        if isinstance(v, Raw):
            return str(v)
        if isinstance(v, dict):
            return "{" + item_sep.join(json.dumps(k, ensure_ascii=ensure_ascii) + key_sep + write(x)
                                       for k, x in v.items()) + "}"
        if isinstance(v, list):
            return "[" + item_sep.join(write(x) for x in v) + "]"
        return json.dumps(v, ensure_ascii=ensure_ascii)

    return write(value).encode("utf-8")


# Doubles in the forms a body may hold (RFC 8259 §6): integers, exponents, -0, the subnormal and
# largest finite doubles, more digits than a double keeps.
DOUBLE_TEXTS = ["0", "-0", "0.0", "-0.0", "1", "100", "100.0", "23.7", "0.1", "99.99999999999999", "1E2", "1e-7",
                "12.5e+1", "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "0.30000000000000004",
                "123456789012345678901234567890", "-42.125", "2.4703282292062328e-324"]


def timestamp_text(rng):
    """Epoch seconds (SMITHY-JSON), mostly 1970..2038, as integers, with a fraction of 1 to 9
    digits (milliseconds, microseconds, nanoseconds), with an exponent, or negative."""
    seconds = rng.choice([0, 1, 86400, 1583443386, 2 ** 31 - 1, rng.randint(0, 2 ** 31 - 1)])
    form = rng.randrange(6)
    if form == 0:
        return str(seconds)
    if form in (1, 2, 3):
        digits = {1: 3, 2: 6, 3: rng.choice([1, 2, 4, 5, 7, 8, 9, 9, 9])}[form]
        return f"{seconds}.{rng.randrange(10 ** digits):0{digits}d}"
    if form == 4:
        text = f"{seconds}{rng.randrange(1000):03d}"  # milliseconds, written with an exponent
        return f"{text[0]}.{text[1:]}e{len(text) - 1 - 3}" if len(text) > 1 else text
    return f"-{rng.randint(1, 2 ** 31)}.{rng.randrange(1000):03d}"


def random_shape_value(rng, shape, depth=0):
    """A random value of a MODEL shape (botocore's model of the snapshot): strings, numbers at and
    near their bounds, booleans, timestamps, nested structures and lists, with members null,
    absent and unknown."""
    kind = shape.type_name
    if kind == "string":
        return random_text(rng)
    if kind == "integer":
        return rng.choice([0, 1, -1, 3260, 2 ** 31 - 1, -2 ** 31, rng.randint(-2 ** 31, 2 ** 31 - 1)])
    if kind == "long":
        return rng.choice([0, 1, 107374182400, 2 ** 63 - 1, -2 ** 63, rng.randint(0, 2 ** 63 - 1)])
    if kind == "double":
        return Raw(rng.choice(DOUBLE_TEXTS + [repr(rng.uniform(0, 100)), repr(rng.uniform(-1e300, 1e300))]))
    if kind == "boolean":
        return rng.choice([True, False])
    if kind == "timestamp":
        return Raw(timestamp_text(rng))
    if kind == "list":
        return [random_shape_value(rng, shape.member, depth + 1) for _ in range(rng.randint(0, 4))]
    assert kind == "structure", kind
    value = {}
    for name, member in shape.members.items():
        r = rng.random()
        if r < 0.7:
            value[name] = random_shape_value(rng, member, depth + 1)
        elif r < 0.8:
            value[name] = None
    if rng.random() < 0.3:
        value["Unknown" + str(rng.randint(0, 9))] = unknown_value(rng)
    keys = list(value)
    rng.shuffle(keys)
    return {k: value[k] for k in keys}


def random_workflow_body(rng, bc, operation):
    """A body of a workflow operation's output, written as random_success_body writes."""
    value = random_shape_value(rng, bc.model.operation_model(operation).output_shape)
    spacing = rng.choice([(",", ":"), (", ", ": ")])
    return to_json(value, spacing, ensure_ascii=rng.random() < 0.5)


class R:
    """One response case. `expect` is what sgwchap must give (its specification); `diffs` the
    deliberate differences from botocore it shows (RESPONSE_DIFFERENCES keys)."""

    def __init__(self, case_id, operation, status, body, expect, headers=None, diffs=()):
        self.id, self.operation, self.status, self.body = case_id, operation, status, body
        self.headers = JSON_HEADERS if headers is None else headers
        self.expect, self.diffs = expect, tuple(diffs)


def ok(case_id, operation, body, headers=None, status=200):
    return R(case_id, operation, status, body, {"outcome": "result"}, headers)


def refused(case_id, operation, body, rule, offset, pointer=None, diffs=(), headers=None, status=200):
    expect = {"outcome": "decode_error", "rule": rule, "offset": offset}
    if pointer is not None:
        expect["pointer"] = pointer
    return R(case_id, operation, status, body, expect, headers, diffs)


def error(case_id, status, body, name, error_code=None, diffs=(), headers=None, message=None, details=None,
          operation="UpdateChapCredentials", message_is_utf8=False):
    expect = {"outcome": "service_error", "name": name, "error_code": error_code}
    if message is not None:
        expect["message"] = message
    if details is not None:
        expect["details"] = details
    if message_is_utf8:
        expect["message_is_utf8"] = True
    return R(case_id, operation, status, body, expect, headers, diffs)


def success_cases(rng):
    U, D, X = CHAP_OPERATIONS
    arn, name = DOC_ARN, DOC_NAME
    info = {"TargetARN": arn, "SecretToAuthenticateInitiator": "111111111111", "InitiatorName": name,
            "SecretToAuthenticateTarget": "222222222222"}
    cases = [
        ok("S-U-documented", U, js({"TargetARN": arn, "InitiatorName": name})),
        ok("S-U-empty-object", U, b"{}"),
        ok("S-U-empty-body", U, b""),
        ok("S-U-empty-body-no-content-type", U, b"", headers=[]),
        ok("S-U-204-empty", U, b"", status=204),
        ok("S-U-null-members", U, b'{"TargetARN":null,"InitiatorName":null}'),
        ok("S-U-one-member", U, js({"TargetARN": arn})),
        ok("S-U-unknown-members", U, b'{"Extra":1,"TargetARN":"' + arn.encode() + b'",'
           b'"Nested":{"InitiatorName":[1,{"b":null}]},"InitiatorName":"' + name.encode() + b'",'
           b'"__type":"NotAnError","x":true}'),
        ok("S-U-pretty", U, json.dumps({"TargetARN": arn, "InitiatorName": name}, indent=4).encode() + b"\r\n\t "),
        ok("S-U-escapes", U, b'{"TargetARN":"arn:aws:storagegateway:us-east-1:111122223333:gateway\\/sgw-12A3456B'
           b'\\/target\\/iqn.1997-05.com.amazon:my\\u0076olume",'
           b'"InitiatorName":"line\\nfeed \\"quoted\\" back\\\\slash \\b\\f\\r\\t"}'),
        ok("S-U-non-ascii", U,
           '{"TargetARN":"é中😀","InitiatorName":"\\u00e9\\u4e2d\\ud83d\\ude00\\uD83D\\uDE00"}'.encode()),
        ok("S-U-content-type-charset", U, js({"TargetARN": arn}),
           headers=[["Content-Type", JSON_CONTENT_TYPE + "; charset=utf-8"]]),
        ok("S-U-content-type-case", U, js({"TargetARN": arn}),
           headers=[["content-type", "Application/X-Amz-Json-1.1"]]),
        ok("S-X-documented", X, js({"TargetARN": arn, "InitiatorName": name})),
        ok("S-X-empty-object", X, b"{}"),
        ok("S-X-null-and-unknown", X,
           b'{"TargetARN":null,"Unknown":{"TargetARN":5},"InitiatorName":"' + name.encode() + b'"}'),
        ok("S-D-zero", D, b'{"ChapCredentials":[]}'),
        ok("S-D-one", D, js({"ChapCredentials": [info]})),
        ok("S-D-many", D, js({"ChapCredentials": [chap_info(rng, secrets=i % 3 != 0) for i in range(7)]})),
        ok("S-D-hundred", D, js({"ChapCredentials": [chap_info(rng) for _ in range(100)]})),
        ok("S-D-missing", D, b"{}"),
        ok("S-D-null", D, b'{"ChapCredentials":null}'),
        ok("S-D-empty-body", D, b""),
        ok("S-D-empty-items", D, b'{"ChapCredentials":[{},{}]}'),
        ok("S-D-null-members", D, b'{"ChapCredentials":[{"TargetARN":"' + arn.encode() + b'",'
           b'"SecretToAuthenticateInitiator":null,"InitiatorName":null,"SecretToAuthenticateTarget":null}]}'),
        ok("S-D-unknown-in-item", D,
           b'{"ChapCredentials":[{"Unknown":[{"TargetARN":1}],"TargetARN":"t","Other":null}]}'),
        ok("S-D-unknown-top", D,
           b'{"Foo":[1,2],"ChapCredentials":[{"InitiatorName":"i"}],"Bar":{"ChapCredentials":7}}'),
        ok("S-D-secret-escapes", D,
           b'{"ChapCredentials":[{"SecretToAuthenticateInitiator":"q\\"uote\\\\back\\u0000nul\\t",'
           b'"SecretToAuthenticateTarget":"\\u00e9\\ud83d\\ude00 \\/"}]}'),
        ok("S-D-whitespace", D, b' \n{ "ChapCredentials" : [ { "TargetARN" : "t" } , { } ] }\n '),
        ok("S-D-depth-32", D, b'{"Deep":' + b"[" * 31 + b"]" * 31 + b',"ChapCredentials":[]}'),
    ]
    # Exactly the size limit (1 MiB): still read.
    body = js({"ChapCredentials": [info] * 3000})
    cases.append(ok("S-D-exactly-1-MiB", D, body + b" " * ((1 << 20) - len(body))))
    for i in range(30):
        operation = CHAP_OPERATIONS[i % 3]
        cases.append(ok(f"S-random-{i:02d}-{operation}", operation, random_success_body(rng, operation)))
    return cases


def workflow_success_cases(rng, bc):
    """Success bodies of the workflow operations: ones shaped like the API reference's examples,
    every number and timestamp form at its edges, and random bodies of every member kind."""
    L, S, C, T = WORKFLOW_OPERATIONS
    target = DOC_ARN
    volume_2 = DOC_GATEWAY + "/volume/vol-3344CCDD"
    attributes = {"TargetARN": target, "NetworkInterfaceId": "10.243.43.207", "NetworkInterfacePort": 3260,
                  "LunNumber": 1, "ChapEnabled": True}
    stored = {"VolumeARN": DOC_VOLUME, "VolumeId": "vol-1122AABB", "VolumeType": "STORED iSCSI",
              "VolumeStatus": "BOOTSTRAPPING", "VolumeAttachmentStatus": "ATTACHED", "VolumeSizeInBytes": 1099511627776,
              "VolumeProgress": Raw("23.7"), "VolumeDiskId": "pci-0000:03:00.0-scsi-0:0:0:0",
              "SourceSnapshotId": "snap-f47b7b94", "PreservedExistingData": False, "VolumeiSCSIAttributes": attributes,
              "CreatedDate": Raw("1583443386.123"), "VolumeUsedInBytes": 536870912, "KMSKey": None,
              "TargetName": "myvolume"}
    cached = {k: v for k, v in stored.items() if k not in ("VolumeDiskId", "PreservedExistingData")}
    cached.update(VolumeType="CACHED iSCSI", VolumeStatus="AVAILABLE", VolumeProgress=Raw("100.0"))
    device = {"VTLDeviceARN": DOC_DEVICE, "VTLDeviceType": "Tape Drive", "VTLDeviceVendor": "IBM",
              "VTLDeviceProductIdentifier": "ULT3580-TD5",
              "DeviceiSCSIAttributes": {"TargetARN": DOC_GATEWAY + "/target/iqn.1997-05.com.amazon:sgw-12a3456b-"
                                                                   "tapedrive-01",
                                        "NetworkInterfaceId": "*", "NetworkInterfacePort": 3260,
                                        "ChapEnabled": False}}
    infos = [{"VolumeARN": v, "VolumeId": v[-12:], "GatewayARN": DOC_GATEWAY, "GatewayId": "sgw-12A3456B",
              "VolumeType": "STORED", "VolumeSizeInBytes": 107374182400, "VolumeAttachmentStatus": "ATTACHED"}
             for v in (DOC_VOLUME, volume_2)]
    # Every timestamp form, one volume each (the last two are outside 1970..2038, in whole seconds).
    timestamps = ["0", "-0", "0.0", "1583443386", "1583443386.1", "1583443386.123", "1583443386.123456",
                  "1583443386.123456789", "1583443386.000000001", "1583443386.999999999", "1583443386.100000000",
                  "1.583443386123E9", "15834433861e-1", "1583443386123456e-6", "-1.5", "-0.000001", "1E-9",
                  "2147483647.999999", "9223372036", "-2208988800"]
    cases = [
        ok("S-L-documented", L, to_json({"GatewayARN": DOC_GATEWAY, "Marker": "1", "VolumeInfos": infos})),
        ok("S-S-documented", S, to_json({"StorediSCSIVolumes": [stored]})),
        ok("S-C-documented", C, to_json({"CachediSCSIVolumes": [cached]})),
        ok("S-T-documented", T, to_json({"GatewayARN": DOC_GATEWAY, "VTLDevices": [device, dict(
            device, VTLDeviceARN=DOC_DEVICE.replace("TAPEDRIVE", "MEDIACHANGER"), VTLDeviceType="Medium Changer")],
            "Marker": "AQIDBAUGBwgJCgsMDQ4PEA=="})),
        ok("S-L-empty-list", L, b'{"GatewayARN":"' + DOC_GATEWAY.encode() + b'","VolumeInfos":[]}'),
        ok("S-S-empty-body", S, b""),
        ok("S-C-empty-object", C, b"{}"),
        ok("S-T-nulls", T, b'{"GatewayARN":null,"VTLDevices":null,"Marker":null}'),
        ok("S-T-nested-empty-and-null", T, b'{"VTLDevices":[{"DeviceiSCSIAttributes":{}},{"DeviceiSCSIAttributes":'
           b'null},{"DeviceiSCSIAttributes":{"TargetARN":null,"NetworkInterfacePort":null,"ChapEnabled":null}}]}'),
        ok("S-S-number-edges", S, to_json({"StorediSCSIVolumes": [
            {"VolumeSizeInBytes": 2 ** 63 - 1, "VolumeUsedInBytes": -2 ** 63, "VolumeProgress": Raw("5e-324"),
             "VolumeiSCSIAttributes": {"LunNumber": -2 ** 31, "NetworkInterfacePort": 2 ** 31 - 1}},
            {"VolumeSizeInBytes": Raw("-0"), "VolumeUsedInBytes": 0, "VolumeProgress": Raw("-0.0"),
             "PreservedExistingData": True, "VolumeiSCSIAttributes": {"LunNumber": 0, "ChapEnabled": False}}]})),
        ok("S-C-double-forms", C, to_json({"CachediSCSIVolumes": [{"VolumeProgress": Raw(t)} for t in DOUBLE_TEXTS]})),
        ok("S-S-timestamp-forms", S, to_json({"StorediSCSIVolumes": [{"CreatedDate": Raw(t)} for t in timestamps]})),
        ok("S-C-timestamp-forms", C, to_json({"CachediSCSIVolumes": [{"CreatedDate": Raw(t)} for t in timestamps]})),
        ok("S-L-unknown-nested", L, b'{"VolumeInfos":[{"VolumeSizeInBytes":1,"Extra":{"VolumeSizeInBytes":1.5,'
           b'"CreatedDate":"x"},"VolumeId":"vol-1"}],"VolumeInfos2":1e400,"Marker":"m"}'),
        # Known library gaps (KNOWN_LIBRARY_GAPS): a double that rounds to zero.
        ok("S-S-progress-underflow", S, b'{"StorediSCSIVolumes":[{"VolumeProgress":1e-400}]}'),
        ok("S-C-progress-underflow-negative", C,
           b'{"CachediSCSIVolumes":[{"VolumeProgress":-2.4703282292062327e-324}]}'),
    ]
    for i in range(24):
        operation = WORKFLOW_OPERATIONS[i % 4]
        cases.append(ok(f"S-random-{i:02d}-{operation}", operation, random_workflow_body(rng, bc, operation)))
    return cases


def workflow_refused_cases():
    """Workflow bodies sgwchap refuses: numbers its member cannot hold, timestamps it cannot hold
    exactly, members of the wrong JSON type."""
    L, S, C, T = WORKFLOW_OPERATIONS

    rows = []

    def add(case_id, body, needle, pointer, rule="number_out_of_range", diffs=()):
        """Refused at the first `needle` (the value's first byte, or its offending digit)."""
        op = {"L": L, "S": S, "C": C, "T": T}[case_id[2]]
        rows.append(refused(case_id, op, body, rule, body.index(needle), pointer, list(diffs)))

    stored, cached = b'{"StorediSCSIVolumes":[{', b'{"CachediSCSIVolumes":[{'
    add("F-L-size-fraction", b'{"VolumeInfos":[{"VolumeSizeInBytes":1.5}]}', b"1.5",
        "/VolumeInfos/0/VolumeSizeInBytes", diffs=["integer_not_integral"])
    add("F-L-size-exponent", b'{"VolumeInfos":[{"VolumeId":"v"},{"VolumeSizeInBytes":1e3}]}', b"1e3",
        "/VolumeInfos/1/VolumeSizeInBytes", diffs=["integer_not_integral"])
    add("F-S-used-zero-fraction", stored + b'"VolumeUsedInBytes":0.0}]}', b"0.0",
        "/StorediSCSIVolumes/0/VolumeUsedInBytes", diffs=["integer_not_integral"])
    add("F-S-size-2^63", stored + b'"VolumeSizeInBytes":9223372036854775808}]}', b"92233",
        "/StorediSCSIVolumes/0/VolumeSizeInBytes", diffs=["integer_out_of_range"])
    add("F-C-used-below-int64", cached + b'"VolumeUsedInBytes":-9223372036854775809}]}', b"-92233",
        "/CachediSCSIVolumes/0/VolumeUsedInBytes", diffs=["integer_out_of_range"])
    add("F-S-port-2^31", stored + b'"VolumeiSCSIAttributes":{"NetworkInterfacePort":2147483648}}]}', b"21474",
        "/StorediSCSIVolumes/0/VolumeiSCSIAttributes/NetworkInterfacePort", diffs=["integer_out_of_range"])
    add("F-C-lun-below-int32", cached + b'"VolumeiSCSIAttributes":{"LunNumber":-2147483649}}]}', b"-21474",
        "/CachediSCSIVolumes/0/VolumeiSCSIAttributes/LunNumber", diffs=["integer_out_of_range"])
    add("F-S-progress-1e400", stored + b'"VolumeProgress":1e400}]}', b"1e400",
        "/StorediSCSIVolumes/0/VolumeProgress", diffs=["double_overflow"])
    add("F-C-progress-above-max", cached + b'"VolumeProgress":-1.7976931348623159e308}]}', b"-1.79",
        "/CachediSCSIVolumes/0/VolumeProgress", diffs=["double_overflow"])
    # botocore's parser raises OverflowError (datetime.fromtimestamp(inf)): refused by both.
    add("F-C-created-1e400", cached + b'"CreatedDate":1e400}]}', b"1e400", "/CachediSCSIVolumes/0/CreatedDate",
        rule="bad_timestamp")
    add("F-S-created-2286", stored + b'"CreatedDate":1e10}]}', b"1e10", "/StorediSCSIVolumes/0/CreatedDate",
        rule="bad_timestamp", diffs=["timestamp_range"])
    add("F-C-created-2262-plus-1ns", cached + b'"CreatedDate":9223372036.854775808}]}', b"9223",
        "/CachediSCSIVolumes/0/CreatedDate", rule="bad_timestamp", diffs=["timestamp_range"])
    # The offset of a digit below the nanosecond: the last non-zero one.
    add("F-S-created-finer-than-ns", stored + b'"CreatedDate":1583443386.0000000001}]}', b"1}",
        "/StorediSCSIVolumes/0/CreatedDate", rule="bad_timestamp", diffs=["timestamp_finer_than_ns"])
    add("F-C-created-iso-string", cached + b'"CreatedDate":"2020-03-05T21:23:06Z"}]}', b'"2020',
        "/CachediSCSIVolumes/0/CreatedDate", rule="wrong_type", diffs=["timestamp_as_string"])
    add("F-S-created-epoch-string", stored + b'"CreatedDate":"1583443386"}]}', b'"1583',
        "/StorediSCSIVolumes/0/CreatedDate", rule="wrong_type", diffs=["timestamp_as_string"])
    add("F-C-created-true", cached + b'"CreatedDate":true}]}', b"true", "/CachediSCSIVolumes/0/CreatedDate",
        rule="wrong_type", diffs=["wrong_type"])
    add("F-T-chap-enabled-number", b'{"VTLDevices":[{"DeviceiSCSIAttributes":{"ChapEnabled":1}}]}', b"1}",
        "/VTLDevices/0/DeviceiSCSIAttributes/ChapEnabled", rule="wrong_type", diffs=["wrong_type"])
    add("F-S-preserved-string", stored + b'"PreservedExistingData":"false"}]}', b'"false',
        "/StorediSCSIVolumes/0/PreservedExistingData", rule="wrong_type", diffs=["wrong_type"])
    add("F-L-size-string", b'{"VolumeInfos":[{"VolumeSizeInBytes":"107374182400"}]}', b'"1073',
        "/VolumeInfos/0/VolumeSizeInBytes", rule="wrong_type", diffs=["wrong_type"])
    add("F-C-progress-string", cached + b'"VolumeProgress":"23.7"}]}', b'"23.7', "/CachediSCSIVolumes/0/VolumeProgress",
        rule="wrong_type", diffs=["wrong_type"])
    add("F-T-marker-number", b'{"Marker":5}', b"5", "/Marker", rule="wrong_type", diffs=["wrong_type"])
    add("F-T-null-device", b'{"VTLDevices":[{},null]}', b"null", "/VTLDevices/1", rule="wrong_type",
        diffs=["null_in_list"])
    add("F-L-volume-infos-object", b'{"VolumeInfos":{}}', b"{}", "/VolumeInfos", rule="wrong_type",
        diffs=["structure_list_object"])
    # A structure that is no object: botocore's _handle_structure calls .get and raises.
    add("F-S-attributes-array", stored + b'"VolumeiSCSIAttributes":[]}]}', b"[]}",
        "/StorediSCSIVolumes/0/VolumeiSCSIAttributes", rule="wrong_type")
    add("F-T-attributes-string", b'{"VTLDevices":[{"DeviceiSCSIAttributes":"x"}]}', b'"x"',
        "/VTLDevices/0/DeviceiSCSIAttributes", rule="wrong_type")
    dup = b'{"VolumeInfos":[{"VolumeSizeInBytes":1,"VolumeSizeInBytes":2}]}'
    rows.append(refused("F-L-duplicate-in-item", L, dup, "duplicate_key", nth(dup, b'"VolumeSizeInBytes"', 2),
                        "/VolumeInfos/0/VolumeSizeInBytes", ["duplicate_key"]))
    return rows


def workflow_error_cases():
    """The modeled error of each workflow operation (Storage Gateway's error member included)."""
    return [error(f"E-{operation}-not-found", 400,
                  js({"__type": IGRE, "message": f"The specified {code[:-8].lower()} was not found.",
                      "error": {"errorCode": code, "errorDetails": {"resource": DOC_GATEWAY}}}),
                  IGRE, code, details={"resource": DOC_GATEWAY}, operation=operation)
            for operation, code in zip(WORKFLOW_OPERATIONS, ["GatewayNotFound", "VolumeNotFound", "VolumeNotFound",
                                                             "GatewayNotFound"])]


def refused_cases():
    U, D, X = CHAP_OPERATIONS
    arn = DOC_ARN.encode()
    dup = b'{"TargetARN":"a","InitiatorName":"i","TargetARN":"b"}'
    dup_item = b'{"ChapCredentials":[{"InitiatorName":"a"},{"InitiatorName":"b","InitiatorName":"c"}]}'
    dup_list = b'{"ChapCredentials":[],"ChapCredentials":[{"TargetARN":"t"}]}'
    apiref_sample = (b'{"ChapCredentials":{"TargetARN":"' + arn + b'","SecretToAuthenticateInitiator":"111111111111",'
                     b'"InitiatorName":"iqn.1991-05.com.microsoft:computername.domain.example.com",'
                     b'"SecretToAuthenticateTarget":"222222222222"}}')
    secret_number = b'{"ChapCredentials":[{"SecretToAuthenticateInitiator":123456789012}]}'
    lone_high = b'{"TargetARN":"a\\ud800"}'
    lone_low = b'{"InitiatorName":"x\\udc00y"}'
    high_then_letter = b'{"ChapCredentials":[{"SecretToAuthenticateInitiator":"abc\\ud83d\\u0041def"}]}'
    raw_invalid = b'{"TargetARN":"a\xffb"}'
    raw_surrogate = b'{"InitiatorName":"\xed\xa0\x80"}'  # UTF-8 of U+D800: not well-formed (RFC 3629 §3)
    overlong = b'{"TargetARN":"\xc0\xaf"}'
    too_deep = b'{"Extra":' + b"[" * 40 + b"]" * 40 + b',"TargetARN":"x"}'
    large = js({"ChapCredentials": [{"TargetARN": DOC_ARN, "InitiatorName": DOC_NAME}] * 6000})
    one = js({"TargetARN": DOC_ARN})
    return [
        refused("F-U-duplicate-key", U, dup, "duplicate_key", nth(dup, b'"TargetARN"', 2), "/TargetARN",
                ["duplicate_key"]),
        refused("F-D-duplicate-in-item", D, dup_item, "duplicate_key", nth(dup_item, b'"InitiatorName"', 3),
                "/ChapCredentials/1/InitiatorName", ["duplicate_key"]),
        refused("F-D-duplicate-list", D, dup_list, "duplicate_key", nth(dup_list, b'"ChapCredentials"', 2),
                "/ChapCredentials", ["duplicate_key"]),
        refused("F-U-number", U, b'{"TargetARN":5}', "wrong_type", 13, "/TargetARN", ["wrong_type"]),
        refused("F-X-object", X, b'{"TargetARN":"t","InitiatorName":{}}', "wrong_type", 33, "/InitiatorName",
                ["wrong_type"]),
        refused("F-X-array", X, b'{"InitiatorName":["i"]}', "wrong_type", 17, "/InitiatorName", ["wrong_type"]),
        refused("F-U-bool", U, b'{"InitiatorName":true}', "wrong_type", 17, "/InitiatorName", ["wrong_type"]),
        refused("F-D-secret-number", D, secret_number, "wrong_type", secret_number.index(b"123"),
                "/ChapCredentials/0/SecretToAuthenticateInitiator", ["wrong_type"]),
        refused("F-D-null-element", D, b'{"ChapCredentials":[{},null]}', "wrong_type", 23, "/ChapCredentials/1",
                ["null_in_list"]),
        refused("F-D-object-empty", D, b'{"ChapCredentials":{}}', "wrong_type", 19, "/ChapCredentials",
                ["chap_credentials_object"]),
        # The API reference's sample response: botocore's parser fails on it too.
        refused("F-D-object-apiref-sample", D, apiref_sample, "wrong_type", 19, "/ChapCredentials"),
        refused("F-D-string", D, b'{"ChapCredentials":"x"}', "wrong_type", 19, "/ChapCredentials"),
        refused("F-D-number", D, b'{"ChapCredentials":5}', "wrong_type", 19, "/ChapCredentials"),
        refused("F-D-string-element", D, b'{"ChapCredentials":["x"]}', "wrong_type", 20, "/ChapCredentials/0"),
        refused("F-U-top-array", U, b"[]", "not_an_object", 0),
        refused("F-U-top-null", U, b"null", "not_an_object", 0),
        refused("F-U-top-string", U, b'"x"', "not_an_object", 0),
        refused("F-U-white-space-only", U, b"  \n", "malformed_json", 3, diffs=["malformed_json"]),
        refused("F-U-trailing-data", U, b"{} x", "malformed_json", 3, diffs=["malformed_json"]),
        refused("F-U-byte-order-mark", U, b'\xef\xbb\xbf{"TargetARN":"t"}', "malformed_json", 0,
                diffs=["malformed_json"]),
        refused("F-U-nan", U, b'{"TargetARN":NaN}', "malformed_json", 13, diffs=["malformed_json"]),
        refused("F-U-truncated", U, b'{"TargetARN":"t"', "malformed_json", 16, diffs=["malformed_json"]),
        refused("F-U-lone-high-surrogate", U, lone_high, "invalid_utf8", lone_high.index(b"\\ud800"),
                diffs=["lone_surrogate"]),
        refused("F-X-lone-low-surrogate", X, lone_low, "invalid_utf8", lone_low.index(b"\\udc00"),
                diffs=["lone_surrogate"]),
        refused("F-D-high-surrogate-then-letter", D, high_then_letter, "invalid_utf8",
                high_then_letter.index(b"\\ud83d"), diffs=["lone_surrogate"]),
        refused("F-U-invalid-byte", U, raw_invalid, "invalid_utf8", raw_invalid.index(b"\xff")),
        refused("F-X-encoded-surrogate", X, raw_surrogate, "invalid_utf8", raw_surrogate.index(b"\xed")),
        refused("F-U-overlong", U, overlong, "invalid_utf8", overlong.index(b"\xc0")),
        # The 32nd `[` is the 33rd level (the object is the first).
        refused("F-U-too-deep", U, too_deep, "nesting_too_deep", nth(too_deep, b"[", 32), diffs=["nesting_too_deep"]),
        refused("F-D-too-large", D, large, "body_too_large", 1 << 20, "", ["body_too_large"]),
        refused("F-U-no-content-type", U, one, "bad_content_type", 0, "", ["content_type"], headers=[]),
        refused("F-U-html-content-type", U, one, "bad_content_type", 0, "", ["content_type"],
                headers=[["Content-Type", "text/html"]]),
        refused("F-U-plain-json-content-type", U, one, "bad_content_type", 0, "", ["content_type"],
                headers=[["Content-Type", "application/json"]]),
        R("F-U-errortype-on-200", U, 200, one,
          {"outcome": "service_error", "name": "ThrottlingException", "error_code": None},
          JSON_HEADERS + [["X-Amzn-Errortype", "ThrottlingException"]], ["errortype_header_on_2xx"]),
    ]


def duplicate(case_id, body, key, pointer, diffs=("duplicate_key",)):
    """An error body with a key twice: refused as duplicate_key at the second key's quote."""
    return R(case_id, UPDATE, 400, body,
             {"outcome": "decode_error", "rule": "duplicate_key", "offset": nth(body, key, 2), "pointer": pointer},
             None, diffs)


def error_cases():
    igre = {"__type": IGRE, "message": "The specified volume was not found.", "error": {"errorCode": "VolumeNotFound"}}
    uri = ":http://internal.amazon.com/coral/com.amazon.coral.validate/"
    html = b"<html><body><b>Http/1.1 Service Unavailable</b></body></html>"
    html_504 = b"<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body></body>\r\n</html>"
    igre_prefix = b'{"__type":"' + IGRE.encode() + b'",'

    def with_header(value, name="X-Amzn-Errortype"):
        return JSON_HEADERS + [[name, value]]

    cases = [
        # The name: __type, code, X-Amzn-Errortype, in that order, each cleaned.
        error("E-type", 400, js(igre), IGRE, "VolumeNotFound"),
        error("E-type-namespace", 400, js(dict(igre, __type="com.amazonaws.storagegateway#" + IGRE)), IGRE,
              "VolumeNotFound"),
        error("E-type-uri", 400, js(dict(igre, __type=IGRE + uri)), IGRE, "VolumeNotFound", ["name_uri_suffix"]),
        error("E-type-namespace-uri", 400, js({"__type": "aws.sg#ThrottlingException" + uri}), "ThrottlingException",
              diffs=["name_uri_suffix"]),
        error("E-type-two-hashes", 400, js({"__type": "a#b#RequestTimeout"}), "b#RequestTimeout",
              diffs=["name_last_hash"]),
        error("E-code-only", 400, js({"code": "ThrottlingException", "message": "Rate exceeded"}),
              "ThrottlingException", diffs=["name_code_member"]),
        error("E-code-namespace-uri", 400, js({"code": "aws.sg#SerializationException" + uri}),
              "SerializationException", diffs=["name_code_member"]),
        error("E-header-only", 400, js({"message": "Rate exceeded"}), "ThrottlingException", diffs=["name_header"],
              headers=with_header("ThrottlingException:http://internal.amazon.com/coral/")),
        error("E-header-lower-case-name", 400, b"{}", "UnknownOperationException", diffs=["name_header"],
              headers=[["x-amzn-errortype", "UnknownOperationException"]]),
        error("E-all-three", 400, js({"__type": IGRE, "code": "CodeName", "message": "m"}), IGRE,
              headers=with_header("HeaderName")),
        error("E-code-and-header", 400, js({"code": "ThrottlingException", "message": "m"}), "ThrottlingException",
              diffs=["name_code_member"], headers=with_header("HeaderName")),
        error("E-type-and-header", 400, js({"__type": "SerializationException"}), "SerializationException",
              headers=with_header("HeaderName")),
        error("E-empty-type-then-code", 400, js({"__type": "", "code": "ThrottlingException"}), "ThrottlingException",
              diffs=["name_code_member"]),
        error("E-header-comma-joined", 400, b"{}", "ThrottlingException", diffs=["name_header"],
              headers=with_header("ThrottlingException,InternalFailure")),
        error("E-header-comma-joined-uri", 400, b"{}", "ThrottlingException", diffs=["name_header"],
              headers=with_header("ThrottlingException:http://internal.amazon.com/coral/,Other")),
        error("E-nested-type", 400, js({"message": "m", "error": {"__type": "Nested"}, "x": {"__type": "Deep"}}), "",
              diffs=["name_status_fallback"]),
        error("E-no-name", 400, js({"message": "Something went wrong"}), "", diffs=["name_status_fallback"]),
        error("E-type-null", 400, js({"__type": None, "message": "m"}), ""),
        error("E-type-empty", 400, js({"__type": "", "message": "m"}), ""),
        error("E-control-in-name", 400, js({"__type": "Evil\u001b[31m"}), "Evil?[31m", diffs=["name_sanitized"]),
        error("E-space-around-name", 400, js({"__type": "  ThrottlingException "}), "ThrottlingException",
              diffs=["name_sanitized"]),
        error("E-query-error-header", 400, js({"__type": IGRE, "message": "m"}), IGRE,
              diffs=["name_query_error_header"],
              headers=with_header("AWS.SimpleQueueService.NonExistentQueue;Sender", "x-amzn-query-error")),
        # The message: message, else Message.
        error("E-message-caps", 400, js({"__type": "InternalServerError", "Message": "Capital M",
                                         "error": {"errorCode": "InternalError"}}),
              "InternalServerError", "InternalError", message="Capital M"),
        error("E-message-both", 500, js({"__type": "InternalServerError", "Message": "second", "message": "first"}),
              "InternalServerError", message="first"),
        error("E-message-null", 400, js({"__type": IGRE, "message": None, "Message": "M"}), IGRE, message="M",
              diffs=["message_null_fallback"]),
        # Storage Gateway's error member: errorCode (an open enum) and errorDetails.
        error("E-error-code-unknown", 400, js({"__type": IGRE, "error": {"errorCode": "SomethingNewIn2031"}}), IGRE,
              "SomethingNewIn2031"),
        error("E-error-code-trailing-space", 400, js({"__type": IGRE, "error": {"errorCode": "LunAlreadyAllocated "}}),
              IGRE, "LunAlreadyAllocated "),
        error("E-error-details", 400, js({"__type": IGRE, "message": "m", "error": {
            "errorCode": "InvalidParameters", "errorDetails": {"parameter": "InitiatorName", "why": "é \u2028"}}}),
              IGRE, "InvalidParameters", details={"parameter": "InitiatorName", "why": "é \u2028"}),
        error("E-error-null", 400, js({"__type": IGRE, "error": None}), IGRE),
        error("E-chap-not-found", 400, js({"__type": IGRE, "message": "The specified CHAP credentials were not found.",
                                           "error": {"errorCode": "ChapCredentialNotFound"}}),
              IGRE, "ChapCredentialNotFound", operation="DeleteChapCredentials"),
        error("E-internal-server-error", 500, js({"__type": "InternalServerError", "message": "m",
                                                  "error": {"errorCode": "InternalError"}}),
              "InternalServerError", "InternalError", operation="DescribeChapCredentials"),
        # Errors any operation may get from AWS's front door (AWS Storage Gateway API Reference,
        # Common Errors: https://docs.aws.amazon.com/storagegateway/latest/APIReference/CommonErrors.html).
        error("E-validation", 400, js({"__type": "ValidationException", "message": "1 validation error detected: "
                                       "Value 'IQN.X' at 'initiatorName' failed to satisfy constraint: Member must "
                                       "satisfy regular expression pattern: [0-9a-z:.-]+"}), "ValidationException"),
        error("E-serialization", 400, js({"__type": "SerializationException"}), "SerializationException"),
        error("E-unknown-operation", 400, js({"__type": "UnknownOperationException"}), "UnknownOperationException"),
        error("E-invalid-signature", 400, js({"__type": "InvalidSignatureException", "message": "The request "
                                              "signature we calculated does not match the signature you provided."}),
              "InvalidSignatureException"),
        error("E-missing-token", 403, js({"__type": "MissingAuthenticationToken", "message": "Missing "
                                          "Authentication Token"}), "MissingAuthenticationToken"),
        error("E-service-unavailable", 503, js({"__type": "ServiceUnavailable"}), "ServiceUnavailable"),
        error("E-internal-failure", 500, js({"__type": "InternalFailure"}), "InternalFailure"),
        # Retry: errorCode is no retry signal (botocore's checkers read the name and the status).
        error("E-error-code-request-timeout", 400, js({"__type": IGRE, "error": {"errorCode": "RequestTimeout"}}),
              IGRE, "RequestTimeout"),
        error("E-error-code-service-unavailable", 400,
              js({"__type": IGRE, "error": {"errorCode": "ServiceUnavailable"}}), IGRE, "ServiceUnavailable"),
        error("E-429-no-name", 429, js({"message": "slow down"}), "", diffs=["name_status_fallback"]),
        error("E-not-a-retry-name", 400, js({"__type": "TooManyRequests"}), "TooManyRequests"),
        # Bodies that are not JSON.
        error("E-html-503", 503, html, "", diffs=["name_status_fallback", "message_reason_phrase"]),
        error("E-html-504-multiline", 504, html_504, "", diffs=["name_status_fallback", "message_reason_phrase"]),
        error("E-html-400", 400, b"<html>Bad Request</html>", "", diffs=["name_status_fallback"]),
        error("E-text-400-multiline", 400, b"Bad Request\n\n  from the proxy\t\x01", "",
              diffs=["name_status_fallback", "message_excerpt"]),
        error("E-text-400-long", 400, b"x" * 1000, "", diffs=["name_status_fallback", "message_excerpt"]),
        error("E-empty-403", 403, b"", "", diffs=["name_status_fallback"]),
        error("E-empty-502", 502, b"", "", diffs=["name_status_fallback", "message_reason_phrase"]),
        # Duplicate keys: refused as in any other body.
        duplicate("E-duplicate-type", b'{"__type":"A","message":"m","__type":"B"}', b'"__type"', "/__type"),
        duplicate("E-duplicate-message", igre_prefix + b'"message":"a","message":"b"}', b'"message"', "/message"),
        duplicate("E-duplicate-code", b'{"code":"A","code":"B"}', b'"code"', "/code"),
        duplicate("E-duplicate-error-code", igre_prefix + b'"error":{"errorCode":"A","errorCode":"B"}}',
                  b'"errorCode"', "/error/errorCode"),
        duplicate("E-duplicate-error-detail", igre_prefix + b'"error":{"errorDetails":{"k":"1","k":"2"}}}',
                  b'"k"', "/error/errorDetails/k"),
        error("E-duplicate-unknown-key", 400, igre_prefix + b'"x":1,"x":2}', IGRE),
        # Invalid UTF-8 in the message alone: the error keeps its name and errorCode.
        error("E-message-invalid-utf8", 400,
              igre_prefix + b'"message":"bad \xff byte","error":{"errorCode":"TargetNotFound"}}',
              IGRE, "TargetNotFound", message_is_utf8=True),
        error("E-message-lone-surrogate", 400,
              igre_prefix + b'"message":"bad \\ud800 escape","error":{"errorCode":"TargetNotFound"}}',
              IGRE, "TargetNotFound", diffs=["lone_surrogate"], message_is_utf8=True),
        # Members of the wrong type: read leniently.
        error("E-message-number", 400, js({"__type": "InternalServerError", "message": 5}), "InternalServerError",
              message="", diffs=["error_member_wrong_type"]),
        error("E-error-code-number", 400,
              js({"__type": IGRE, "error": {"errorCode": 5, "errorDetails": {"a": 5, "b": "c"}}}),
              IGRE, None, details={"b": "c"}, diffs=["error_member_wrong_type"]),
        error("E-error-string", 400, js({"__type": IGRE, "error": "VolumeNotFound"}), IGRE),
        error("E-details-array", 400, js({"__type": IGRE, "error": {"errorCode": "A", "errorDetails": [1]}}),
              IGRE, "A"),
        error("E-type-number", 400, js({"__type": 5, "code": "SerializationException"}), "SerializationException"),
        error("E-top-array", 400, b"[]", "", message="[]"),
        error("E-top-null", 400, b"null", "", message="null"),
    ]
    for n, name in enumerate(RETRY_NAMES):
        cases.append(error(f"E-retry-name-{name}", 400, js({"__type": name, "message": "m"}), name,
                           operation=CHAP_OPERATIONS[n % 3]))
    for status in (500, 501, 502, 503, 504, 505, 408):
        cases.append(error(f"E-status-{status}", status, js({"__type": IGRE, "message": "m"}), IGRE))
    return cases



def botocore_view(bc, case, kind, detail, attempts):
    """What botocore gave, in the fields compared with sgwchap's service_error."""
    if kind != "client_error":
        return None
    error = detail.get("Error", {})
    message = error.get("Message")
    view = {"status": detail.get("ResponseMetadata", {}).get("HTTPStatusCode"), "name": error.get("Code"),
            "message": "" if message is None else message, "retryable": attempts == 2}
    # botocore parses `error` only for the operation's modeled errors (BaseClient's
    # _add_modeled_error_fields, by the error's Code).
    modeled = {shape.name for shape in bc.model.operation_model(case.operation).error_shapes}
    if view["name"] in modeled:
        member = detail.get("error") or {}
        view["error_code"] = member.get("errorCode")
        view["details"] = member.get("errorDetails") or {}
    return view


def sgwchap_view(out):
    """sgwchap's service_error in the same fields (strings as str)."""
    view = {"status": out["status"], "name": text_of(out["name"]), "message": text_of(out["message"]),
            "retryable": out["retryable"],
            "error_code": None if out["error_code"] is None else text_of(out["error_code"]),
            "details": {text_of(k): text_of(v) for k, v in out["details"].items()}}
    return view


def meets_expectation(bc, case, out):
    """Does sgwchap's answer `out` match the case's specification? Returns (ok, what it gave)."""
    expect = case.expect
    if out["outcome"] != expect["outcome"]:
        brief = {k: out[k] for k in ("rule", "offset") if k in out}
        if out["outcome"] == "service_error":
            brief = {"name": text_of(out["name"]), "body_was_json": out["body_was_json"]}
        return False, f"{out['outcome']} {brief}"
    if expect["outcome"] == "decode_error":
        got = {"rule": out["rule"], "offset": out["offset"], "pointer": text_of(out["pointer"])}
        ok = got["rule"] == expect["rule"] and got["offset"] == expect["offset"] and (
            "pointer" not in expect or got["pointer"] == expect["pointer"])
        return ok, str(got)
    if expect["outcome"] == "service_error":
        view = sgwchap_view(out)
        want_retry = bc.retry_rule(case.operation, expect["name"], case.status)
        ok = (view["name"] == expect["name"] and view["error_code"] == expect["error_code"]
              and view["retryable"] == want_retry and view["status"] == case.status)
        if "message" in expect:
            ok = ok and view["message"] == expect["message"]
        if "details" in expect:
            ok = ok and view["details"] == expect["details"]
        if expect.get("message_is_utf8"):
            ok = ok and view["message"] is not None
        shown = {k: view[k] for k in ("name", "error_code", "retryable")}
        shown["body_was_json"] = out["body_was_json"]
        return ok, str(shown)
    return True, "result"


def effective(bc, case, out):
    """sgwchap's answer as its specification has it: for a KNOWN_LIBRARY_GAPS case the expected
    answer replaces what the library gives today (retryable from botocore's standard rule for the
    expected name), so that botocore is compared with the behaviour the library is asked for."""
    if case.id not in KNOWN_LIBRARY_GAPS:
        return out
    expect = case.expect
    if expect["outcome"] == "result":
        return out if out["outcome"] == "result" else None  # no value to compare with botocore's
    if expect["outcome"] == "decode_error":
        return {"outcome": "decode_error", "rule": expect["rule"], "offset": expect["offset"],
                "pointer": expect.get("pointer", "").encode()}
    if expect["outcome"] == "service_error":
        fixed = dict(out) if out["outcome"] == "service_error" else {
            "status": case.status, "message": b"", "details": {}, "body_was_json": True}
        fixed["outcome"] = "service_error"
        fixed["name"] = expect["name"].encode()
        fixed["error_code"] = None if expect["error_code"] is None else expect["error_code"].encode()
        fixed["retryable"] = bc.retry_rule(case.operation, expect["name"], case.status)
        if "message" in expect:
            fixed["message"] = expect["message"].encode()
        if "details" in expect:
            fixed["details"] = {k.encode(): v.encode() for k, v in expect["details"].items()}
        return fixed
    return out


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def same_double(theirs, ours):
    """botocore's double (a float, or an int when the JSON number had no fraction) and sgwchap's
    (exact decimal text): the same double, sign of zero included where botocore has one."""
    a, b = float(theirs), float(ours)
    if a != b:
        return False
    return type(theirs) is int or math.copysign(1.0, a) == math.copysign(1.0, b)


def compare_instant(theirs, ours):
    """botocore's datetime (tz-aware, microseconds) against sgwchap's exact epoch seconds: equal
    when sgwchap's value is a whole microsecond, else botocore's is one of the two microseconds
    around it (botocore rounds through a double). Returns (same, sgwchap has nanoseconds)."""
    if not isinstance(theirs, datetime.datetime) or theirs.tzinfo is None or not isinstance(ours, decimal.Decimal):
        return False, False
    delta = theirs - EPOCH
    botocore_us = (delta.days * 86400 + delta.seconds) * 10 ** 6 + delta.microseconds
    exact_us = ours.scaleb(6)
    floor_us = int(exact_us.to_integral_value(rounding=decimal.ROUND_FLOOR))
    if exact_us == floor_us:
        return botocore_us == floor_us, False
    return floor_us <= botocore_us <= floor_us + 1, True


def compare_output(shape, theirs, ours, path, problems, counts):
    """botocore's parsed output against sgwchap's result (its encode_body output read with exact
    numbers), member by member by MODEL type: integers exactly, doubles exactly, booleans,
    strings, timestamps to the microsecond. Appends each difference to `problems`."""
    kind = shape.type_name
    counts[kind] += 1

    def differ(what):
        shown = ("[redacted]", "[redacted]") if shape.metadata.get("sensitive") else (theirs, ours)
        problems.append(f"{path or '/'} ({kind}): {what}: botocore {shown[0]!r}, sgwchap {shown[1]!r}")

    if kind == "structure":
        if not isinstance(theirs, dict) or not isinstance(ours, dict):
            return differ("not both objects")
        for name in sorted(set(theirs) | set(ours)):
            if name not in shape.members:
                problems.append(f"{path}/{name}: not a member of {shape.name}")
            elif name not in theirs or name not in ours:
                problems.append(f"{path}/{name}: only {'botocore' if name in theirs else 'sgwchap'} has it")
            else:
                compare_output(shape.members[name], theirs[name], ours[name], f"{path}/{name}", problems, counts)
    elif kind == "list":
        if not isinstance(theirs, list) or not isinstance(ours, list) or len(theirs) != len(ours):
            return differ("not lists of the same length")
        for i, (a, b) in enumerate(zip(theirs, ours)):
            compare_output(shape.member, a, b, f"{path}/{i}", problems, counts)
    elif kind == "string":
        if not isinstance(theirs, str) or theirs != ours:
            differ("strings differ")
    elif kind in ("integer", "long"):
        if type(theirs) is not int or not isinstance(ours, decimal.Decimal) or ours != theirs:
            differ("integers differ")
    elif kind == "double":
        if type(theirs) not in (int, float) or not isinstance(ours, decimal.Decimal) or not same_double(theirs, ours):
            differ("doubles differ")
    elif kind == "boolean":
        if type(theirs) is not bool or type(ours) is not bool or theirs != ours:
            differ("booleans differ")
    elif kind == "timestamp":
        same, nanoseconds = compare_instant(theirs, ours)
        if not same:
            differ("instants differ beyond the microsecond")
        counts["timestamp with digits below the microsecond"] += nanoseconds
    else:
        differ("a MODEL type this test does not compare")


def compare_response(bc, report, case, kind, detail, attempts, mine):
    """botocore's outcome against sgwchap's (effective) one; every difference must be listed."""
    listed = set(case.diffs)
    observed = set()
    sg = mine["outcome"]
    if kind == "exception":
        if sg == "result":
            report.fail(case.id, f"botocore's parser refuses it ({detail[0]}) and sgwchap decodes a result")
        elif sg == "service_error":
            crash = BOTOCORE_PARSER_CRASHES.get(case.id)
            if crash is None or crash[0] != detail[0]:
                report.fail(case.id, f"botocore's parser raises {detail[0]} and sgwchap gives a service error; "
                            "not listed in BOTOCORE_PARSER_CRASHES as such")
            else:
                report.crashes.append(case.id)
        else:
            report.counts["responses: refused by both"] += 1
    elif kind == "value":
        if attempts != 1:
            report.fail(case.id, f"botocore tried a successful response {attempts} times")
        if sg == "result":
            value = json.loads(mine["value"], parse_float=decimal.Decimal, parse_int=decimal.Decimal)
            problems, kinds = [], collections.Counter()
            compare_output(bc.model.operation_model(case.operation).output_shape, detail, value, "", problems, kinds)
            if problems:
                more = f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
                report.fail(case.id, "values differ (secrets, shown as [redacted], are compared too): "
                            + "; ".join(problems[:5]) + more)
            else:
                report.counts["responses: same value"] += 1
                for member_kind, n in kinds.items():
                    report.counts[f"responses: values compared: {member_kind}"] += n
        else:
            observed.add("outcome")
    elif kind == "client_error":
        theirs = botocore_view(bc, case, kind, detail, attempts)
        if sg != "service_error":
            observed.add("outcome")
        else:
            ours = sgwchap_view(mine)
            for field, value in theirs.items():
                if ours.get(field) != value:
                    observed.add(field)
            if not observed:
                report.counts["responses: same service error"] += 1
    else:
        report.fail(case.id, f"botocore gave {kind}")
    allowed = set()
    for key in listed:
        fields, _ = RESPONSE_DIFFERENCES[key]
        allowed |= set(fields)
        if not observed & set(fields):
            report.fail(case.id, f"listed difference {key!r} not observed: botocore and sgwchap agree on {fields}")
        else:
            report.differences[key].append(case.id)
    if observed - allowed:
        fields = sorted(observed - allowed)
        theirs = botocore_view(bc, case, kind, detail, attempts) or {"outcome": kind}
        ours = sgwchap_view(mine) if sg == "service_error" else {"outcome": sg, "rule": mine.get("rule")}
        shown = fields + ["name"] if "name" in theirs and "name" in ours else fields
        report.fail(case.id, f"differs from botocore in {fields}, listed by no difference: "
                    f"botocore {show_fields({k: theirs.get(k) for k in shown})}, "
                    f"sgwchap {show_fields({k: ours.get(k) for k in shown})}")


def botocore_reading(kind, detail, pointer):
    """What botocore made of a body sgwchap refuses, at sgwchap's JSON Pointer: the Python value
    and its type, or the exception its parser raised."""
    if kind == "exception":
        return f"parser raises {detail[0]}"
    if kind != "value":
        return kind
    value = detail
    for step in (pointer or "").split("/")[1:]:
        try:
            value = value[int(step)] if isinstance(value, list) else value[step]
        except (KeyError, IndexError, ValueError, TypeError):
            return f"returns an output without {pointer}"
    return f"returns {type(value).__name__} {value!r}"[:100]


def check_responses(rng, bc, driver, report, verbose):
    cases = (success_cases(rng) + refused_cases() + error_cases() + workflow_success_cases(rng, bc)
             + workflow_refused_cases() + workflow_error_cases())
    ids = [c.id for c in cases]
    if len(ids) != len(set(ids)):
        raise SystemExit("FAIL: two response cases share an id")
    driver_cases = [{"id": c.id, "kind": "response", "operation": c.operation, "status": c.status,
                     "headers": c.headers, "body_hex": hexed(c.body)} for c in cases]
    results = run_driver(driver, driver_cases)
    for case in cases:
        # A fresh client for each error response (the standard retry mode's quota is the client's);
        # a 2xx response is never retried and leaves the client as it was.
        kind, detail, captured = bc.call(case.operation, CALL_PARAMS[case.operation],
                                         response=(case.status, case.headers, case.body),
                                         fresh=not 200 <= case.status < 300)
        out = results[case.id]
        ok, gave = meets_expectation(bc, case, out)
        check_gap(report, case.id, ok, str(case.expect), gave)
        mine = effective(bc, case, out)
        if mine is None:
            report.counts[f"responses: {'success bodies' if case.id[0] == 'S' else 'refused bodies'}"] += 1
            continue  # a known library gap: the library gives no result to compare yet
        if mine["outcome"] == "service_error" and case.id not in KNOWN_LIBRARY_GAPS:
            # retryable() is botocore's standard rule, applied to sgwchap's own name and status.
            rule = bc.retry_rule(case.operation, text_of(mine["name"]) or "", mine["status"])
            if mine["retryable"] != rule:
                report.fail(case.id, f"retryable() is {mine['retryable']}, botocore's standard rule says {rule}")
        compare_response(bc, report, case, kind, detail, len(captured), mine)
        if case.id.startswith("F-") and case.operation in WORKFLOW_OPERATIONS and out["outcome"] == "decode_error":
            report.refused_bodies.append((case.id, f"{out['rule']} @{out['offset']} {text_of(out['pointer'])}",
                                          botocore_reading(kind, detail, text_of(out["pointer"]))))
        group = {"S": "success bodies", "F": "refused bodies", "E": "error responses"}[case.id[0]]
        report.counts[f"responses: {group}"] += 1
        if verbose:
            print(f"  {case.id}: botocore {kind}, sgwchap {out['outcome']}")
    for case_id in BOTOCORE_PARSER_CRASHES:
        if case_id not in report.crashes:
            report.fail(case_id, "listed in BOTOCORE_PARSER_CRASHES but botocore's parser did not raise "
                        "there (or there is no such case): delete the entry")
    for case_id in KNOWN_LIBRARY_GAPS:
        if case_id not in ids and not case_id.startswith("R-"):
            report.fail(case_id, "listed in KNOWN_LIBRARY_GAPS but no such case")
    if len(cases) < 60:
        report.fail("responses", "fewer than 60 response cases")


# -----------------------------------------------------------------------------------------------

def print_summary(bc, report, categories):
    print(f"botocore {botocore.__version__} from {os.path.dirname(botocore.__file__)}")
    for name, path in bc.loaded_from.items():
        print(f"  {name}: {path}")
    print(f"  endpoint rule set copied from {bc.ruleset_source} (the snapshot has none)")
    print(f"  partitions of the snapshot:      {', '.join(p['id'] for p in bc.partitions('snapshot'))}")
    print(f"  partitions of botocore's own data: {', '.join(p['id'] for p in bc.partitions('own'))}")
    print("counts:")
    for key in sorted(report.counts):
        print(f"  {key}: {report.counts[key]}")
    observed = report.differences
    if any(k in observed for k in REQUEST_DIFFERENCES):
        print("requests both send, differently (REQUEST_DIFFERENCES):")
        for key, (fields, why) in REQUEST_DIFFERENCES.items():
            if key in observed:
                print(f"  {key} ({len(observed[key])}, {'/'.join(fields)}): {', '.join(observed[key])}\n"
                      f"      why: {why}")
    if any(k in observed for k in REQUEST_REFUSALS):
        print("requests botocore sends and sgwchap's aws_model refuses (REQUEST_REFUSALS):")
        for key, why in REQUEST_REFUSALS.items():
            if key in observed:
                print(f"  {key} ({len(observed[key])}): {', '.join(observed[key])}\n      why: {why}")
    if "accepted_despite_botocore" in observed:
        print("bad inputs botocore refuses and sgwchap accepts (ACCEPTED_DESPITE_BOTOCORE):")
        by_reason = collections.defaultdict(list)
        for case_id in observed["accepted_despite_botocore"]:
            by_reason[ACCEPTED_DESPITE_BOTOCORE[case_id]].append(case_id)
        for why, case_ids in by_reason.items():
            print(f"  {', '.join(case_ids)}\n      why: {why}")
    if any(k in observed for k in RESPONSE_DIFFERENCES):
        print("responses sgwchap refuses or reads differently from botocore (RESPONSE_DIFFERENCES):")
        for key, (fields, why) in RESPONSE_DIFFERENCES.items():
            if key in observed:
                print(f"  {key} ({len(observed[key])}, {'/'.join(fields)}): {', '.join(observed[key])}")
                print(f"      why: {why}")
    if report.refused_bodies:
        print("workflow bodies sgwchap refuses (rule @offset JSON Pointer), and what botocore does:")
        for case_id, ours, theirs in report.refused_bodies:
            print(f"  {case_id}: sgwchap {ours}; botocore {theirs}")
    timestamps = report.counts.get("responses: values compared: timestamp", 0)
    if timestamps:
        finer = report.counts.get("responses: values compared: timestamp with digits below the microsecond", 0)
        print(f"timestamps: {timestamps} compared to the microsecond. sgwchap keeps a timestamp exactly, to the "
              f"nanosecond (sys_time<nanoseconds>); botocore reads it through a double into a datetime of "
              f"microseconds. {finer} of them have digits below the microsecond, which botocore rounds away "
              f"(its value is one of the two microseconds around sgwchap's).")
    if report.crashes:
        print("botocore's parser raises where sgwchap reports the service error (BOTOCORE_PARSER_CRASHES):")
        for case_id in report.crashes:
            exception, why = BOTOCORE_PARSER_CRASHES[case_id]
            print(f"  {case_id}: {exception}: {why}")
    if report.gaps:
        print(f"known library gaps ({len(report.gaps)}, expected failures: KNOWN_LIBRARY_GAPS):")
        for case_id, point, expected, actual in report.gaps:
            print(f"  {case_id}: {point}\n      expected {expected}\n      sgwchap  {actual}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--driver", required=True)
    parser.add_argument("--data", required=True, help="tests/data/botocore")
    parser.add_argument("--category", choices=["requests", "bad_inputs", "responses", "all"], default="all")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    categories = ["requests", "bad_inputs", "responses"] if args.category == "all" else [args.category]
    report = Report()
    with tempfile.TemporaryDirectory(prefix="sgwchap-botocore-") as work_dir:
        bc = Botocore(args.data, work_dir)
        checks = {"requests": check_requests, "bad_inputs": check_bad_inputs, "responses": check_responses}
        for category in categories:
            # One generator per category, seeded from the category's name: each ctest sees the
            # same cases as a run of all categories.
            rng = random.Random(f"{args.seed}:{category}")
            checks[category](rng, bc, args.driver, report, args.verbose)
        print_summary(bc, report, categories)
    if report.failures:
        print(f"FAILED: {len(report.failures)} problem(s):")
        for failure in report.failures:
            print(f"  {failure}")
        return 1
    print(f"PASSED: {', '.join(categories)} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
