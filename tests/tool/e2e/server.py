#!/usr/bin/python3
"""A stand-in for AWS Storage Gateway on 127.0.0.1, for the end-to-end tests of `sgwchap call`
and examples/send_with_curl.cpp (run_e2e_tests.py starts and stops it).

Every request's SigV4 signature is recomputed with botocore (Debian's python3-botocore:
botocore.auth.SigV4Auth, the signer of the AWS CLI) from the headers the request says it signed,
with the credentials the test gave both sides (E2E_ACCESS_KEY_ID, E2E_SECRET_ACCESS_KEY,
E2E_SESSION_TOKEN). A request that does not verify is answered 403 InvalidSignatureException, as
the service does, and logged as unverified: the driver fails every test that made one, except the
scenario that sends a wrong signature on purpose.

The scenario is the last part of the request's TargetARN, after `iqn.1997-05.com.amazon:`,
up to a `-` and a test's own suffix (so that counters are per test); a request without a
TargetARN (DescribeStorediSCSIVolumes, ...) is counted under its first VolumeARN (or its
GatewayARN) and answered with its result:
  result         the operation's result (Describe: one CHAP credential with its secrets)
  error          400 InvalidGatewayRequestException, errorCode TargetNotFound
  retry503       503 ServiceUnavailable the first time, then the result
  always503      503 every time
  badsig         expects a wrong signature (the client signs with another secret key)
  slow           the result after 3 seconds (past the client's timeout)
  html502        502 with an HTML body (a proxy's page)

Usage: server.py --cert CERT --key KEY --log FILE   (prints the port on its first line)
Standard library and botocore only. Not for anything but tests.
"""

import argparse
import datetime
import hmac
import http.server
import json
import os
import ssl
import sys
import threading
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY = os.environ["E2E_ACCESS_KEY_ID"]
SECRET_KEY = os.environ["E2E_SECRET_ACCESS_KEY"]
TOKEN = os.environ.get("E2E_SESSION_TOKEN") or None
# The CHAP secrets a Describe answer holds (the test checks they are redacted unless asked for).
DESCRIBED_SECRETS = (os.environ.get("E2E_DESCRIBED_INITIATOR_SECRET", "describedsecretA"),
                     os.environ.get("E2E_DESCRIBED_TARGET_SECRET", "describedsecretB"))
PREFIX = "StorageGateway_20130630."

counters = {}
lock = threading.Lock()


def verify(handler, body):
    """Returns None when the request's signature is botocore's, else why not."""
    auth = handler.headers.get("Authorization", "")
    if not auth.startswith("AWS4-HMAC-SHA256 "):
        return "no AWS4-HMAC-SHA256 Authorization header"
    fields = dict(part.strip().split("=", 1) for part in auth[len("AWS4-HMAC-SHA256 "):].split(","))
    key_id, date, region, service, terminator = fields["Credential"].split("/")
    if key_id != ACCESS_KEY or service != "storagegateway" or terminator != "aws4_request":
        return f"unexpected credential scope {fields['Credential']}"
    signed = fields["SignedHeaders"].split(";")
    for needed in ("content-type", "host", "x-amz-date", "x-amz-target") + (("x-amz-security-token",) if TOKEN else ()):
        if needed not in signed:
            return f"{needed} is not signed"
    if TOKEN is not None and not hmac.compare_digest(handler.headers.get("X-Amz-Security-Token", ""), TOKEN):
        return "wrong session token"
    amz_date = handler.headers.get("X-Amz-Date", "")
    when = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")
    if abs((datetime.datetime.utcnow() - when).total_seconds()) > 300 or amz_date[:8] != date:
        return "X-Amz-Date is not now or does not match the scope"
    # The request as botocore would sign it: the headers it signed, as received.
    headers = {name: handler.headers.get(name, "") for name in signed}
    request = AWSRequest(method=handler.command, url="https://" + handler.headers["Host"] + handler.path,
                         data=body, headers=headers)
    request.context["timestamp"] = amz_date
    signer = SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY, TOKEN), service, region)
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    if not hmac.compare_digest(expected, fields["Signature"]):
        return "signature mismatch"
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the log file says what happened
        pass

    def answer(self, status, doc=None, raw=None, content_type="application/x-amz-json-1.1", headers=()):
        data = raw if raw is not None else json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", "e2e-0000")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        operation = self.headers.get("X-Amz-Target", "")[len(PREFIX):]
        try:
            request = json.loads(body)
            # The workflow operations name volumes, devices or a gateway instead of a target.
            arn = (request.get("TargetARN") or (request.get("VolumeARNs") or [None])[0] or request["GatewayARN"])
            scenario = arn.rsplit(":", 1)[-1].split("-", 1)[0]
        except (ValueError, KeyError):
            request, arn, scenario = {}, "", "unknown"
        problem = verify(self, body)
        with lock:
            counters[arn] = counters.get(arn, 0) + 1
            attempt = counters[arn]
            with open(LOG, "a") as log:
                log.write(json.dumps({"arn": arn, "scenario": scenario, "operation": operation, "attempt": attempt,
                                      "verified": problem is None, "problem": problem,
                                      "host": self.headers.get("Host"), "date": self.headers.get("X-Amz-Date"),
                                      "body_members": sorted(request)}) + "\n")
        if problem is not None:
            self.answer(403, {"__type": "InvalidSignatureException",
                              "message": "The request signature we calculated does not match the signature you "
                                         "provided."})
            return
        if scenario == "error":
            self.answer(400, {"__type": "InvalidGatewayRequestException", "message": "The specified target was not "
                              "found.", "error": {"errorCode": "TargetNotFound"}})
        elif scenario == "always503" or (scenario == "retry503" and attempt == 1):
            self.answer(503, {"__type": "ServiceUnavailable", "message": "try again"})
        elif scenario == "html502":
            self.answer(502, raw=b"<html><body>502 Bad Gateway</body></html>", content_type="text/html")
        else:
            if scenario == "slow":
                time.sleep(3)
            self.answer(200, result(operation, request))


def result(operation, request):
    if operation == "DescribeChapCredentials":
        return {"ChapCredentials": [{"TargetARN": request.get("TargetARN"),
                                     "SecretToAuthenticateInitiator": DESCRIBED_SECRETS[0],
                                     "InitiatorName": "iqn.1991-05.com.microsoft:computername.domain.example.com",
                                     "SecretToAuthenticateTarget": DESCRIBED_SECRETS[1]}]}
    if operation in ("DescribeStorediSCSIVolumes", "DescribeCachediSCSIVolumes"):
        # MODEL-EXAMPLES' answer, for the volume asked about (the cached form has a LUN).
        member = "StorediSCSIVolumes" if operation == "DescribeStorediSCSIVolumes" else "CachediSCSIVolumes"
        return {member: [{"VolumeARN": arn, "VolumeId": "vol-1122AABB", "VolumeSizeInBytes": 1099511627776,
                          "VolumeStatus": "AVAILABLE", "CreatedDate": 1583443386.5,
                          "VolumeiSCSIAttributes": {"ChapEnabled": True, "LunNumber": 1,
                                                    "NetworkInterfaceId": "10.243.43.207",
                                                    "NetworkInterfacePort": 3260,
                                                    "TargetARN": arn.split("/volume/")[0] +
                                                    "/target/iqn.1997-05.com.amazon:myvolume"}}
                         for arn in request.get("VolumeARNs", [])]}
    if operation == "ListVolumes":
        # MODEL-EXAMPLES' answer: the gateway's one cached volume, no further page.
        gateway = request.get("GatewayARN")
        return {"GatewayARN": gateway, "VolumeInfos": [
            {"VolumeARN": gateway + "/volume/vol-1122AABB", "VolumeId": "vol-1122AABB", "GatewayARN": gateway,
             "GatewayId": gateway.rsplit("/", 1)[-1], "VolumeType": "CACHED iSCSI",
             "VolumeSizeInBytes": 1099511627776, "VolumeAttachmentStatus": "ATTACHED"}]}
    return {"TargetARN": request.get("TargetARN"), "InitiatorName": request.get("InitiatorName")}


def main():
    global LOG
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--log", required=True)
    opts = parser.parse_args()
    LOG = opts.log
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(opts.cert, opts.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    # Never outlive the driver, even if it is killed (e.g. by ctest's timeout): it is our parent.
    parent = os.getppid()

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch_parent, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


LOG = None
if __name__ == "__main__":
    sys.exit(main())
