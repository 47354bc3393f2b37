#!/usr/bin/python3
"""End-to-end tests of `sgwchap call` and examples/send_with_curl against a local HTTPS server
(server.py, botocore checking every signature), started and stopped here.

Usage: run_e2e_tests.py --binary SGWCHAP [--example SEND_WITH_CURL] --group tool|example

A certificate for 127.0.0.1 is made with openssl's command line for each run; the client trusts
it through --ca-bundle. The server runs in its own process group and is killed on every way out.
Each case checks the exit status and the output, that no secret (CHAP secrets, the secret access
key, the session token) is printed unless asked for, and how many requests the server received
and verified; any request the server could not verify fails the run (but the one scenario that
signs wrongly on purpose). Retries wait SGWCHAP_TEST_BACKOFF_SCALE (0.01) of botocore's backoff.
Standard library only on this side; /usr/bin/python3 (Debian's botocore) runs the server.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ACCESS_KEY = "AKIDSGWCHAPE2ETEST1"
SECRET_KEY = "e2eSecretAccessKey/Zm9vYmFyYmF6cXV4cXV1eA"
TOKEN = "e2eSessionToken//IQoJb3JpZ2luX2VjEHsaCXVzLWVhc3QtMSJHMEUCIQD"
SECRET_I = "e2einitiatorA1"
SECRET_T = "e2etargetB22"
DESCRIBED = ("describedsecretA", "describedsecretB")
NAME = "iqn.1991-05.com.microsoft:computername.domain.example.com"


def arn(scenario, suffix):
    return ("arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/"
            f"iqn.1997-05.com.amazon:{scenario}-{suffix}")


class Server:
    def __init__(self, tmp, token):
        self.tmp = tmp
        self.cert = os.path.join(tmp, "cert.pem")
        key = os.path.join(tmp, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", key, "-out", self.cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
        self.log = os.path.join(tmp, "requests.jsonl")
        open(self.log, "w").close()
        env = dict(os.environ, E2E_ACCESS_KEY_ID=ACCESS_KEY, E2E_SECRET_ACCESS_KEY=SECRET_KEY,
                   E2E_SESSION_TOKEN=token or "", E2E_DESCRIBED_INITIATOR_SECRET=DESCRIBED[0],
                   E2E_DESCRIBED_TARGET_SECRET=DESCRIBED[1])
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "server.py"), "--cert", self.cert,
                                      "--key", key, "--log", self.log], env=env, stdout=subprocess.PIPE,
                                     start_new_session=True)
        line = self.proc.stdout.readline()
        if not line.strip().isdigit():
            self.stop()
            raise RuntimeError("the test server did not start")
        self.url = f"https://127.0.0.1:{int(line)}"

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def requests(self, target_arn):
        with open(self.log) as f:
            return [r for r in map(json.loads, f) if r["arn"] == target_arn]

    def all_requests(self):
        with open(self.log) as f:
            return [json.loads(line) for line in f]


class Case:
    def __init__(self, name, args, exit, out=(), err=(), json_doc=None, requests=None, env=None,
                 show_secrets=False, verified=True, example=False, slow=False, pipe=None, pipe_out=None,
                 stderr_ok=False):
        self.name, self.args, self.exit = name, args, exit
        self.out, self.err, self.json = out, err, json_doc
        self.requests = requests          # (ARN, expected count) or None
        self.env = env or {}
        self.show_secrets = show_secrets  # the described secrets may be printed
        self.verified = verified          # the server must verify every request of this case
        self.example = example
        self.pipe = pipe                  # args of a second sgwchap run fed with this one's stdout
        self.pipe_out = pipe_out          # its exact stdout (str)
        self.stderr_ok = stderr_ok        # exit 1 with the answer on stderr (call --body-only)


def lookup(doc, path):
    for part in path.split("."):
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


def cases(url, cert, tmp):
    c = []
    common = ["--endpoint-url", url, "--ca-bundle", cert]
    update = lambda a: ["call", "UpdateChapCredentials", "--target-arn", a, "--initiator-name", NAME,
                        "--secret-to-authenticate-initiator-env", "INIT", "--secret-to-authenticate-target-env",
                        "TGT"] + common
    a = arn("result", "update")
    c.append(Case("update: the documented call, mutual CHAP", update(a), 0, requests=(a, 1),
                  out=["UpdateChapCredentials response", "TargetARN      " + a, "InitiatorName  " + NAME]))
    a = arn("result", "updatejson")
    c.append(Case("update --format json", update(a) + ["--format", "json"], 0, requests=(a, 1),
                  json_doc={"valid": True, "operation": "UpdateChapCredentials", "result.TargetARN": a,
                            "warnings": []}))
    a = arn("result", "describe")
    describe = ["call", "DescribeChapCredentials", "--target-arn", a] + common
    c.append(Case("describe: secrets redacted", describe, 0, requests=(a, 1),
                  out=["1 CHAP credential", "SecretToAuthenticateInitiator  [redacted]"]))
    a = arn("result", "describeshow")
    c.append(Case("describe --show-secrets --format json",
                  ["call", "DescribeChapCredentials", "--target-arn", a, "--show-secrets", "--format", "json"] + common,
                  0, requests=(a, 1), show_secrets=True,
                  json_doc={"result.ChapCredentials.0.SecretToAuthenticateInitiator": DESCRIBED[0],
                            "result.ChapCredentials.0.SecretToAuthenticateTarget": DESCRIBED[1]}))
    a = arn("result", "delete")
    c.append(Case("delete, CLI spelling", ["call", "delete-chap-credentials", "--target-arn", a, "--initiator-name",
                                           NAME, "--format", "json"] + common, 0, requests=(a, 1),
                  json_doc={"operation": "DeleteChapCredentials", "result.InitiatorName": NAME}))
    a = arn("error", "one")
    c.append(Case("service error: printed as decode error, exit 1, not retried", update(a), 1, requests=(a, 1),
                  out=["InvalidGatewayRequestException (HTTP 400)", "errorCode  TargetNotFound", "retryable  no"]))
    a = arn("retry503", "one")
    c.append(Case("503 then the result: retried, signed again", update(a) + ["--format", "json"], 0,
                  requests=(a, 2), json_doc={"valid": True, "result.TargetARN": a}))
    a = arn("always503", "one")
    c.append(Case("503 three times: botocore's 3 attempts, then the error", update(a) + ["--format", "json"], 1,
                  requests=(a, 3), json_doc={"name": "ServiceUnavailable", "status": 503, "retryable": True,
                                             "attempts": 3}))
    a = arn("always503", "two")
    c.append(Case("--max-attempts 1", update(a) + ["--max-attempts", "1", "--format", "json"], 1,
                  requests=(a, 1), json_doc={"status": 503}))
    a = arn("html502", "one")
    c.append(Case("non-JSON 502: a service error, retried", update(a) + ["--format", "json"], 1, requests=(a, 3),
                  json_doc={"status": 502, "bodyWasJson": False, "retryable": True, "attempts": 3}))
    a = arn("badsig", "one")
    c.append(Case("wrong secret access key: InvalidSignatureException, exit 1", update(a), 1, requests=(a, 1),
                  env={"AWS_SECRET_ACCESS_KEY": "not-the-right-key"}, verified=False,
                  out=["InvalidSignatureException (HTTP 403)"]))
    a = arn("slow", "read")
    c.append(Case("slow answer past --read-timeout: exit 3", update(a) + ["--read-timeout", "1", "--max-attempts",
                                                                         "1"], 3, requests=(a, 1),
                  err=["timed out", "1 attempt)"]))
    a = arn("slow", "total")
    c.append(Case("slow answer past --timeout, retried: exit 3", update(a) + ["--timeout", "0.3", "--max-attempts",
                                                                             "2"], 3, requests=(a, 2),
                  err=["timed out", "2 attempts)"]))
    a = arn("result", "notrust")
    c.append(Case("TLS verification is on: an unknown CA fails", ["call", "DescribeChapCredentials", "--target-arn",
                                                                 a, "--endpoint-url", url, "--max-attempts", "1"], 3,
                  requests=(a, 0), err=["TLS failed"]))
    c.append(Case("nothing listening: exit 3", ["call", "DescribeChapCredentials", "--target-arn",
                                                 arn("result", "closed"), "--endpoint-url", "https://127.0.0.1:9",
                                                 "--max-attempts", "2"], 3, err=["cannot connect", "2 attempts)"]))
    a = arn("result", "invalid")
    c.append(Case("invalid input is never sent", ["call", "DeleteChapCredentials", "--target-arn", a,
                                                  "--initiator-name", "iqn.2015-13.com.example"] + common, 1,
                  requests=(a, 0), out=["[iqn_month_out_of_range]"]))
    a = arn("result", "samevar")
    c.append(Case("one variable for both secrets: secrets_must_differ, not sent",
                  ["call", "UpdateChapCredentials", "--target-arn", a, "--initiator-name", NAME,
                   "--secret-to-authenticate-initiator-env", "INIT", "--secret-to-authenticate-target-env",
                   "INIT", "--format", "json"] + common, 1, requests=(a, 0),
                  json_doc={"problems.0.rule": "secrets_must_differ"}))
    a = arn("result", "dryrun")
    c.append(Case("--dry-run sends nothing", update(a) + ["--dry-run"], 0, requests=(a, 0),
                  out=["POST " + url + "/\n", "Host: 127.0.0.1:", "Signature=[redacted]",
                       "X-Amz-Security-Token: [redacted]", '"SecretToAuthenticateInitiator":"[redacted]"']))
    creds_file = os.path.join(tmp, "credentials")
    with open(creds_file, "w") as f:
        f.write("# written like the AWS CLI does\n[default]\naws_access_key_id = WRONG\n"
                f"aws_secret_access_key = wrong\n\n[e2e]\naws_access_key_id = {ACCESS_KEY}\n"
                f"aws_secret_access_key = {SECRET_KEY}\n; a comment\naws_session_token = {TOKEN}\n")
    a = arn("result", "file")
    c.append(Case("credentials from the shared credentials file, profile AWS_PROFILE", describe[:3] + [a] + common,
                  0, requests=(a, 1), env={"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None,
                                           "AWS_SESSION_TOKEN": None, "AWS_SHARED_CREDENTIALS_FILE": creds_file,
                                           "AWS_PROFILE": "e2e"}))
    c.append(Case("no credentials: one line naming the variables, exit 2", describe, 2,
                  env={"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None, "AWS_SESSION_TOKEN": None,
                       "AWS_SHARED_CREDENTIALS_FILE": os.path.join(tmp, "absent")},
                  err=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]))
    return c


def workflow_cases(url, cert):
    """call DescribeStorediSCSIVolumes: --body-only is the response body as sent, and pipes into targets."""
    c = []
    common = ["--endpoint-url", url, "--ca-bundle", cert]
    gw = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"
    vol = gw + "/volume/vol-1122AABB"
    target = gw + "/target/iqn.1997-05.com.amazon:myvolume"
    call = ["call", "DescribeStorediSCSIVolumes", "--volume-arns", vol] + common
    body = json.dumps({"StorediSCSIVolumes": [{
        "VolumeARN": vol, "VolumeId": "vol-1122AABB", "VolumeSizeInBytes": 1099511627776, "VolumeStatus": "AVAILABLE",
        "CreatedDate": 1583443386.5, "VolumeiSCSIAttributes": {
            "ChapEnabled": True, "LunNumber": 1, "NetworkInterfaceId": "10.243.43.207", "NetworkInterfacePort": 3260,
            "TargetARN": target}}]})
    c.append(Case("workflow: describe stored volumes, decoded", call, 0, requests=(vol, 1),
                  out=["DescribeStorediSCSIVolumes response: 1 volume\n", "    CreatedDate        "
                       "2020-03-05T21:23:06.5Z\n", "      LunNumber             1\n"]))
    c.append(Case("workflow: --body-only | targets", call + ["--body-only"], 0, requests=(vol, 2), out=[body],
                  pipe=["targets"],
                  pipe_out=("DescribeStorediSCSIVolumes response: 1 volume\n" + vol + "\n"
                            "  TargetARN     " + target + "\n  portal        10.243.43.207:3260\n"
                            "  LUN           1\n  CHAP enabled  yes\n")))
    c.append(Case("workflow: --body-only | targets --format json", call + ["--body-only"], 0,
                  requests=(vol, 3), pipe=["targets", "--format", "json"],
                  pipe_out=json.dumps([{"arn": vol, "targetArn": target, "portal": "10.243.43.207:3260", "lun": 1,
                                        "chapEnabled": True}], separators=(",", ":")) + "\n"))
    c.append(Case("workflow: --body-only refuses a body with secrets without --show-secrets",
                  ["call", "DescribeChapCredentials", "--target-arn", arn("result", "bodyonly"), "--body-only"] +
                  common, 2, requests=(arn("result", "bodyonly"), 0), err=["--show-secrets"]))
    a = arn("error", "bodyonly")
    c.append(Case("workflow: --body-only, a service error goes to stderr", ["call", "DescribeChapCredentials",
                                                                           "--target-arn", a, "--body-only",
                                                                           "--show-secrets"] + common, 1,
                  requests=(a, 1), err=["InvalidGatewayRequestException (HTTP 400)"], stderr_ok=True))
    return c


def example_cases(url, cert):
    c = []
    a = arn("result", "example")
    c.append(Case("example: describe", [a, url, cert], 0, requests=(a, 1), example=True,
                  out=["DescribeChapCredentialsOutput{ChapCredentials: [ChapInfo{TargetARN: \"" + a,
                       "SecretToAuthenticateInitiator: [redacted]"]))
    a = arn("error", "example")
    c.append(Case("example: service error", [a, url, cert], 1, requests=(a, 1), example=True,
                  out=["ServiceError{status: 400, name: \"InvalidGatewayRequestException\"",
                       "errorCode: \"TargetNotFound\""]))
    return c


def run(binary, case, server):
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": server.tmp, "AWS_ACCESS_KEY_ID": ACCESS_KEY,
           "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_SESSION_TOKEN": TOKEN, "INIT": SECRET_I, "TGT": SECRET_T,
           "SGWCHAP_TEST_BACKOFF_SCALE": "0.01"}
    for k, v in case.env.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    proc = subprocess.run([binary] + case.args, env=env, capture_output=True, timeout=30)
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    fails = []
    if proc.returncode != case.exit:
        fails.append(f"exit status {proc.returncode}, expected {case.exit}")
    for s in case.out:
        if s not in out:
            fails.append(f"stdout lacks {s!r}")
    for s in case.err:
        if s not in err:
            fails.append(f"stderr lacks {s!r}")
    secrets = [SECRET_I, SECRET_T, SECRET_KEY, TOKEN] + ([] if case.show_secrets else list(DESCRIBED))
    for s in secrets:
        if s in out or s in err:
            fails.append(f"a secret is printed: {s!r}")
    if case.exit in (0, 1) and err and not case.example and not case.stderr_ok:
        fails.append("output on stderr with exit status 0 or 1")
    if case.exit == 3 and len(err.splitlines()) != 1:
        fails.append("a transport failure must be one line on stderr")
    if case.json is not None:
        try:
            doc = json.loads(out)
            for path, expected in case.json.items():
                if lookup(doc, path) != expected:
                    fails.append(f"JSON {path} is {lookup(doc, path)!r}, expected {expected!r}")
        except (ValueError, KeyError, IndexError) as e:
            fails.append(f"JSON output: {e}")
    if case.pipe is not None:
        piped = subprocess.run([binary] + case.pipe, input=proc.stdout, env=env, capture_output=True, timeout=30)
        if piped.returncode != 0 or piped.stderr or piped.stdout.decode() != case.pipe_out:
            fails.append(f"piped into {case.pipe}: exit {piped.returncode}, stdout {piped.stdout!r}, "
                         f"stderr {piped.stderr!r}, expected {case.pipe_out!r}")
    if case.requests is not None:
        target, count = case.requests
        seen = server.requests(target)
        if len(seen) != count:
            fails.append(f"the server received {len(seen)} request(s), expected {count}")
        for r in seen:
            if case.verified and not r["verified"]:
                fails.append(f"the server could not verify attempt {r['attempt']}: {r['problem']}")
            if not case.verified and r["verified"]:
                fails.append("a request signed with the wrong key was verified")
            if not r["host"].startswith("127.0.0.1:"):
                fails.append(f"Host header {r['host']!r}")
    return [f"{case.name}: {f}\n    stdout: {out!r}\n    stderr: {err!r}" for f in fails]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--example")
    parser.add_argument("--group", choices=["tool", "example"], required=True)
    opts = parser.parse_args()
    failures, total, failed = [], 0, 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(tmp, TOKEN)
        try:
            table = (cases(server.url, server.cert, tmp) + workflow_cases(server.url, server.cert)
                     if opts.group == "tool" else example_cases(server.url, server.cert))
            for case in table:
                total += 1
                binary = opts.example if case.example else opts.binary
                problems = run(binary, case, server)
                failures += problems
                failed += 1 if problems else 0
                for p in problems:
                    print("FAIL " + p)
            # Whatever the cases said: every request but the deliberate bad signatures verified.
            for r in server.all_requests():
                if r["scenario"] != "badsig" and not r["verified"]:
                    failed += 1
                    failures.append(f"unverified request to {r['arn']}: {r['problem']}")
                    print(f"FAIL the server could not verify a request to {r['arn']}: {r['problem']}")
        finally:
            server.stop()
    print(f"{total - failed} passed, {failed} failed ({opts.group}, {time.monotonic() - started:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
