#!/usr/bin/python3 -I
"""Differential test: botocore's own SigV4 signer must give the Authorization header sgwchap gave.

Runs the C++ driver (differential_driver.cpp), which prints Storage Gateway requests built and
signed by sgwchap, and signs each again with botocore.auth.SigV4Auth.add_auth on an AWSRequest with
the same method, URL, headers and body, at the same time (botocore reads the clock through
datetime.datetime.utcnow, replaced here by the request's time). No network.

Run it with Debian's /usr/bin/python3 (python3-botocore 1.29): ctest does. A missing botocore is a
failure, never a skip: the test command (scripts/deps) installs it.
Usage: differential_botocore.py DRIVER [COUNT]
"""
import datetime
import subprocess
import sys
from unittest import mock

try:
    import botocore
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as e:  # pragma: no cover - the failure path
    print(f"FAIL: botocore is not importable by {sys.executable} ({e}); "
          "install Debian's python3-botocore (scripts/deps test)", file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(1)


def unhex(field):
    return bytes.fromhex(field)


def main():
    driver = sys.argv[1]
    count = sys.argv[2] if len(sys.argv) > 2 else "120"
    out = subprocess.run([driver, count], check=True, capture_output=True).stdout.decode("ascii")
    lines = [line for line in out.split("\n") if line]
    if len(lines) != int(count):
        print(f"FAIL: the driver printed {len(lines)} requests, expected {count}", file=sys.stderr)
        return 1

    passed = failed = 0
    seen = {"ops": set(), "regions": set(), "tokens": set(), "fips": set()}
    for number, line in enumerate(lines):
        op, url, headers, body, key_id, secret, token, region, when, authorization = line.split("\t")
        url = unhex(url).decode()
        token = unhex(token).decode() or None
        header_list = []
        for h in unhex(headers).decode().split("\n"):
            if h:
                name, _, value = h.partition(": ")
                header_list.append((name, value))
        request = AWSRequest(method="POST", url=url, data=unhex(body), headers=dict(header_list))
        credentials = Credentials(unhex(key_id).decode(), unhex(secret).decode(), token)
        fixed = datetime.datetime.utcfromtimestamp(int(when))

        class FixedClock(datetime.datetime):
            @classmethod
            def utcnow(cls):
                return fixed

        with mock.patch.object(botocore.auth.datetime, "datetime", FixedClock):
            botocore.auth.SigV4Auth(credentials, "storagegateway", region).add_auth(request)
        expected = request.headers["Authorization"]
        got = unhex(authorization).decode()
        token_ok = request.headers.get("X-Amz-Security-Token") == token
        if got == expected and token_ok:
            passed += 1
        else:
            failed += 1
            print(f"request {number} ({op}, {url}, token: {token is not None}):\n"
                  f"  sgwchap:  {got}\n  botocore: {expected}", file=sys.stderr)
        seen["ops"].add(op)
        seen["regions"].add(region)
        seen["tokens"].add(token is not None)
        seen["fips"].add("-fips." in url)

    # The generated requests cover what they claim to (a generator bug must not thin the test).
    coverage = (len(seen["ops"]) == 3 and len(seen["regions"]) >= 8 and seen["tokens"] == {True, False}
                and seen["fips"] == {True, False})
    if not coverage:
        failed += 1
        print(f"FAIL: the requests do not cover operations, regions, tokens and FIPS hosts: {seen}", file=sys.stderr)
    print(f"botocore {botocore.__version__} at {botocore.__file__}, python {sys.executable}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed >= 100 else 1


if __name__ == "__main__":
    sys.exit(main())
