#!/usr/bin/env python3
"""CLI tests of the sgwchap tool: run the built binary on a table of cases.

Usage: run_cli_tests.py --binary PATH --group GROUP   (or --group all; --list lists the groups)

Each case gives the arguments, standard input, extra environment, the expected exit status, and
what the output must (not) contain; for --format json the output is parsed and its members
checked. Every case also checks the invariants of the interface:
  - exit status 2 means exactly one line on standard error, with a pointer to --help; exit
    status 0 or 1 means nothing on standard error;
  - no secret given to a case appears in any output, unless the case says printing it is the
    command's purpose (encode, decode --show-secrets);
  - nothing raw that a terminal would act on (ESC, C1, bidirectional overrides) is printed
    unless colour was asked for.
Standard library only (Python 3.9+).
"""

import argparse
import json
import os
import pty
import select
import subprocess
import sys
import tempfile

ARN = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"
NAME = "iqn.1991-05.com.microsoft:computername.domain.example.com"
SECRET_I = "111111111111"
SECRET_T = "222222222222"
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

# What a terminal would act on: ESC, C1 controls (as UTF-8), bidi formatting characters.
UNSAFE = [b"\x1b", b"\x9b"] + [chr(c).encode() for c in
                               list(range(0x80, 0xA0)) + [0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                                         0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F]]


class Case:
    def __init__(self, group, name, args, exit, stdin=b"", env=None, out=(), not_out=(), err=(),
                 json=None, secrets=(), show_secrets=False, stdout_exact=None, files=None, tty=False,
                 stdin_tty=False):
        self.group, self.name, self.args, self.exit = group, name, args, exit
        self.stdin = stdin if isinstance(stdin, bytes) else stdin.encode()
        self.env = env or {}
        self.out, self.not_out, self.err = out, not_out, err
        self.json = json            # dict of expected members (dotted paths allowed: "problems.0.rule")
        self.secrets = secrets      # byte strings that must never be printed
        self.show_secrets = show_secrets
        self.stdout_exact = stdout_exact
        self.files = files or {}    # name -> bytes or (bytes, mode[, uid]), written to a temp dir; "{dir}" in args expands
        self.tty = tty              # run with standard output on a pseudo-terminal
        self.stdin_tty = stdin_tty  # type `stdin` on a pseudo-terminal (what the terminal echoes is output too)


def lookup(obj, path):
    for part in path.split("."):
        if isinstance(obj, list):
            obj = obj[int(part)]
        else:
            if part not in obj:
                raise KeyError(f"missing member {path!r}")
            obj = obj[part]
    return obj


def run_on_tty(cmd, env, stdin):
    """Runs cmd with standard output on a pseudo-terminal; returns (status, stdout, stderr)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    proc.stdin.write(stdin)
    proc.stdin.close()
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 10)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    err = proc.stderr.read()
    status = proc.wait(timeout=10)
    return status, b"".join(chunks).replace(b"\r\n", b"\n"), err


def run_typed(cmd, env, typed):
    """Runs cmd with standard input on a pseudo-terminal; types `typed` once the tool says it is
    reading. Returns (status, stdout, stderr + whatever the terminal echoed)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, env=env, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(slave)
    err = b""
    while b"Ctrl-D" not in err:  # echo is off once the note is printed
        ready, _, _ = select.select([proc.stderr], [], [], 10)
        if not ready:
            break
        chunk = os.read(proc.stderr.fileno(), 4096)
        if not chunk:
            break
        err += chunk
    os.write(master, typed)
    out = proc.stdout.read()
    err += proc.stderr.read()
    status = proc.wait(timeout=10)
    echoed = b""
    while select.select([master], [], [], 0.2)[0]:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        echoed += data
    os.close(master)
    return status, out, err + echoed


def run_case(binary, case):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for fname, content in case.files.items():
            # A file is bytes, or (bytes, mode) or (bytes, mode, uid); its name may hold folders.
            content, mode, uid = (content + (None, None))[:3] if isinstance(content, tuple) else (content, None, None)
            path = os.path.join(tmp, fname)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(content)
            if mode is not None:
                os.chmod(path, mode)
            if uid is not None:
                os.chown(path, uid, -1)
        args = [a.replace("{dir}", tmp) for a in case.args]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
        env.update({k: v.replace("{dir}", tmp) for k, v in case.env.items()})
        cmd = [binary] + args
        if case.tty:
            status, out, err = run_on_tty(cmd, env, case.stdin)
        elif case.stdin_tty:
            status, out, err = run_typed(cmd, env, case.stdin)
        else:
            proc = subprocess.run(cmd, input=case.stdin, env=env, capture_output=True, timeout=30)
            status, out, err = proc.returncode, proc.stdout, proc.stderr

    def fail(msg):
        failures.append(msg)

    if status != case.exit:
        fail(f"exit status {status}, expected {case.exit}")
    for s in case.out:
        if s.encode() not in out:
            fail(f"stdout lacks {s!r}")
    for s in case.not_out:
        if s.encode() in out or s.encode() in err:
            fail(f"output contains {s!r}")
    for s in case.err:
        if s.encode() not in err:
            fail(f"stderr lacks {s!r}")
    if case.stdout_exact is not None and out != case.stdout_exact:
        fail(f"stdout is {out!r}, expected {case.stdout_exact!r}")
    if status == 2:
        lines = err.decode("utf-8", "replace").splitlines()
        if len(lines) != 1 or "--help" not in lines[0] or not lines[0].startswith("sgwchap: error: "):
            fail(f"a usage error must be one 'sgwchap: error: ... --help' line on stderr, got {err!r}")
        if out:
            fail(f"a usage error printed on stdout: {out!r}")
    if status in (0, 1) and not case.stdin_tty and err:
        # Results go to stdout; stderr is for usage errors only (and would carry a sanitizer's report).
        fail(f"unexpected output on stderr: {err!r}")
    if not case.show_secrets:
        for secret in case.secrets:
            s = secret if isinstance(secret, bytes) else secret.encode()
            if s in out or s in err:
                fail(f"a secret appears in the output: {s!r}")
    if not case.tty:
        for bad in UNSAFE:
            if bad in out or bad in err:
                fail(f"raw terminal control {bad!r} in the output")
    if case.json is not None:
        try:
            doc = json.loads(out)
            for path, expected in case.json.items():
                got = lookup(doc, path)
                if got != expected:
                    fail(f"JSON {path} is {got!r}, expected {expected!r}")
        except (ValueError, KeyError, IndexError) as e:
            fail(f"JSON output: {e}: {out!r}")
    if failures:
        return [f"{case.group}/{case.name}: {f}\n    stdout: {out!r}\n    stderr: {err!r}" for f in failures]
    return []


# ---------------------------------------------------------------------------------------------
# The table.

def cases():
    c = []
    V = "validate"

    # -- validate target-arn
    c.append(Case(V, "arn documented example", [V, "target-arn", ARN], 0,
                  out=["TargetARN: valid (strict profile)", "region     us-east-1",
                       "endpoint   storagegateway.us-east-1.amazonaws.com"]))
    c.append(Case(V, "arn json valid", ["--format", "json", V, "target-arn", ARN], 0,
                  json={"valid": True, "field": "TargetARN", "profile": "strict", "partition": "aws",
                        "account": "111122223333", "gateway": "sgw-12A3456B",
                        "endpoint": "storagegateway.us-east-1.amazonaws.com"}))
    cn = ARN.replace("us-east-1", "cn-north-1")
    c.append(Case(V, "arn region of another partition", [V, "target-arn", cn], 1,
                  out=["[region_not_in_partition]", "aws-cn", "    " + cn + "\n" + " " * (4 + 23) + "^\n"]))
    c.append(Case(V, "arn region json", [V, "target-arn", cn, "--format", "json"], 1,
                  json={"valid": False, "field": "TargetARN", "rule": "region_not_in_partition", "offset": 23}))
    c.append(Case(V, "arn lower-case gateway strict", [V, "target-arn", ARN.replace("12A3456B", "12a3456b"),
                                                      "--format", "json"], 1,
                  json={"rule": "lowercase_gateway_id", "offset": ARN.index("12A3456B") + 2}))
    c.append(Case(V, "arn lower-case gateway aws-model", [V, "target-arn", ARN.replace("12A3456B", "12a3456b"),
                                                         "--profile", "aws-model", "--format", "json"], 0,
                  json={"valid": True, "profile": "aws_model"}))
    c.append(Case(V, "arn too short", [V, "target-arn", "arn:aws", "--format", "json"], 1,
                  json={"rule": "too_short", "offset": 7, "profile": "aws_model"}))
    c.append(Case(V, "arn empty", [V, "target-arn", ""], 1, out=["[too_short]"]))
    # An ESC and a bidi override in the value are echoed escaped, and the caret counts the escape.
    evil = ARN.replace("myvolume", "my[2Jvol‮ume")
    c.append(Case(V, "arn escapes control bytes", [V, "target-arn", evil], 1,
                  out=["[invalid_character]", "my\\x1b[2Jvol\\u202eume",
                       " " * (4 + ARN.index("myvolume") + 2) + "^~~~\n"]))

    # -- validate initiator-name
    c.append(Case(V, "name documented example", [V, "initiator-name", NAME], 0,
                  out=["InitiatorName: valid (strict profile)", "naming authority  com.microsoft"]))
    c.append(Case(V, "name eui json", [V, "initiator-name", "eui.02004567a425678d", "--format", "json"], 0,
                  json={"valid": True, "form": "eui", "hex digits": "02004567a425678d"}))
    c.append(Case(V, "name month 13", [V, "initiator-name", "iqn.2015-13.com.example", "--format", "json"], 1,
                  json={"valid": False, "field": "InitiatorName", "rule": "iqn_month_out_of_range", "offset": 9,
                        "message": "InitiatorName: month must be 01..12 (byte 9)"}))
    c.append(Case(V, "name month 13 text caret", [V, "initiator-name", "iqn.2015-13.com.example"], 1,
                  out=["error: InitiatorName: month must be 01..12 (byte 9) [iqn_month_out_of_range]\n"
                       "    iqn.2015-13.com.example\n"
                       "             ^\n"]))
    c.append(Case(V, "name upper case with hint", [V, "initiator-name", "iqn.1998-01.com.vmware:ESX01"], 1,
                  out=["[uppercase_character]", "iqn.1998-01.com.vmware:esx01"]))
    c.append(Case(V, "name upper case aws-model", [V, "initiator-name", "iqn.1998-01.com.vmware:ESX01",
                                                  "--profile", "aws-model", "--format", "json"], 1,
                  json={"rule": "uppercase_character", "offset": 23}))
    c.append(Case(V, "name one-digit month", [V, "initiator-name", "iqn.2015-1.com.example", "--format", "json"],
                  1, json={"rule": "bad_iqn_date"}))
    # Multibyte UTF-8 is one column: the caret sits under the 'é', after 'iqn.2001-04.com.'.
    c.append(Case(V, "name caret after multibyte", [V, "initiator-name", "iqn.2001-04.com.exé"], 1,
                  out=["    iqn.2001-04.com.exé\n" + " " * (4 + 18) + "^\n"]))
    c.append(Case(V, "name tab escaped", [V, "initiator-name", "iqn.2001-04.com.ex\tample"], 1,
                  out=["    iqn.2001-04.com.ex\\tample\n" + " " * (4 + 18) + "^~\n"]))
    c.append(Case(V, "name trailing newline", [V, "initiator-name", NAME + "\n", "--format", "json"], 1,
                  json={"rule": "invalid_character", "offset": len(NAME)}))
    c.append(Case(V, "name option-like value after --", [V, "initiator-name", "--", "-x"], 1,
                  out=["[bad_prefix]"]))

    # -- validate secret (standard input, exact bytes)
    S = "secrets"
    c.append(Case(S, "secret valid", [V, "secret"], 0, stdin=SECRET_I,
                  out=["SecretToAuthenticateInitiator: valid (strict profile)"], secrets=[SECRET_I]))
    c.append(Case(S, "secret valid json", [V, "secret", "--format", "json"], 0, stdin=SECRET_I,
                  json={"valid": True, "field": "SecretToAuthenticateInitiator"}, secrets=[SECRET_I]))
    c.append(Case(S, "secret trailing newline", [V, "secret", "--format", "json"], 1, stdin=SECRET_I + "\n",
                  json={"valid": False, "rule": "control_character", "offset": 12}, out=["printf"],
                  secrets=[SECRET_I]))
    c.append(Case(S, "secret trailing newline text hint", [V, "secret"], 1, stdin=SECRET_I + "\n",
                  out=["[control_character]", "note: the secret ends with a line feed (byte 12)"],
                  secrets=[SECRET_I]))
    c.append(Case(S, "secret newline aws-model valid with hint", [V, "secret", "--profile", "aws-model"], 0,
                  stdin=SECRET_I + "\n", out=["valid (aws_model profile)", "note: the secret ends with a line feed"],
                  secrets=[SECRET_I]))
    c.append(Case(S, "secret --for target names the field", [V, "secret", "--for", "target", "--format", "json"], 1,
                  stdin="", json={"field": "SecretToAuthenticateTarget", "rule": "too_short"}))
    c.append(Case(S, "secret --for other is a usage error", [V, "secret", "--for", "both"], 2, stdin=SECRET_I,
                  err=["--for"], secrets=[SECRET_I]))
    c.append(Case(S, "secret empty stdin", [V, "secret", "--format", "json"], 1, stdin="",
                  json={"valid": False, "rule": "too_short", "offset": 0}))
    c.append(Case(S, "secret too short", [V, "secret", "--format", "json"], 1, stdin="short-secret"[:11],
                  json={"rule": "too_short", "offset": 11}, secrets=["short-secre"]))
    c.append(Case(S, "secret 17 bytes", [V, "secret", "--format", "json"], 1, stdin="abcdefghijklmnopq",
                  json={"rule": "too_long", "offset": 16}, secrets=["abcdefghijklmnopq", "abcdefghijkl"]))
    c.append(Case(S, "secret 16 multibyte bytes", [V, "secret"], 0, stdin="ééééééééé" [:8],
                  secrets=["éééééééé"]))
    c.append(Case(S, "secret invalid utf-8", [V, "secret", "--format", "json"], 1, stdin=b"abcdefgh\xc3(abcd",
                  json={"rule": "invalid_utf8", "offset": 8}, secrets=[b"abcdefgh"]))
    c.append(Case(S, "secret BOM", [V, "secret", "--format", "json"], 1, stdin="\ufeff" + SECRET_I,
                  json={"rule": "byte_order_mark", "offset": 0}, secrets=[SECRET_I]))
    c.append(Case(S, "secret text never shows bytes", [V, "secret"], 1, stdin="topsecret-XYZ\x07",
                  out=["SecretToAuthenticateInitiator", "(byte 13)", "[control_character]"],
                  secrets=["topsecret", "XYZ"]))
    c.append(Case(S, "secret huge input is too long, not cut", [V, "secret", "--profile", "aws-model",
                                                                 "--format", "json"], 1,
                  stdin="é" * 5000, json={"rule": "too_long"}, secrets=["éééé"]))
    # Typed on a terminal: echo off while reading, Ctrl-D ends it without a line feed.
    c.append(Case(S, "secret typed on a terminal is not echoed", [V, "secret", "--format", "json"], 0,
                  stdin=SECRET_I.encode() + b"\x04\x04", stdin_tty=True, secrets=[SECRET_I],
                  json={"valid": True}))
    c.append(Case(S, "secret typed with Enter gets the hint", [V, "secret"], 1,
                  stdin=SECRET_I.encode() + b"\n\x04", stdin_tty=True, secrets=[SECRET_I],
                  out=["[control_character]", "note: the secret ends with a line feed"]))
    c.append(Case(S, "secret rejects an argument and never echoes it", [V, "secret", SECRET_I], 2,
                  err=["standard input"], secrets=[SECRET_I]))

    # -- usage errors: exit 2, one line on stderr, a pointer to --help
    U = "usage"
    c.append(Case(U, "no command", [], 2, err=["missing command", "sgwchap --help"]))
    c.append(Case(U, "validate without subcommand", [V], 2, err=["missing command", "sgwchap validate --help"]))
    c.append(Case(U, "decode without subcommand", ["decode"], 2, err=["sgwchap decode --help"]))
    c.append(Case(U, "unknown command", ["frobnicate"], 2, err=["unknown command 'frobnicate'"]))
    c.append(Case(U, "unknown subcommand", [V, "bogus"], 2, err=["unknown command 'bogus'"]))
    c.append(Case(U, "unknown option", ["--frob"], 2, err=["unknown option '--frob'"]))
    c.append(Case(U, "unknown option in subcommand", [V, "target-arn", "--frob", ARN], 2, err=["--frob"]))
    c.append(Case(U, "missing value", [V, "target-arn"], 2, err=["VALUE is required"]))
    c.append(Case(U, "extra value", [V, "target-arn", ARN, ARN], 2, err=["not expected"]))
    c.append(Case(U, "bad profile", ["--profile", "lenient", V, "target-arn", ARN], 2, err=["--profile"]))
    c.append(Case(U, "bad format", [V, "target-arn", ARN, "--format", "xml"], 2, err=["--format"]))
    c.append(Case(U, "usage error stays text with json", ["--format", "json", V], 2, err=["missing command"]))
    c.append(Case(U, "help", ["--help"], 0, out=["validate", "encode", "decode", "Exit status"]))
    c.append(Case(U, "subcommand help", [V, "target-arn", "--help"], 0, out=["VALUE"]))
    c.append(Case(U, "version", ["--version"], 0, out=["sgwchap 0."]))

    # -- colour: only on a terminal, never with NO_COLOR (https://no-color.org)
    C = "colour"
    bad = [V, "initiator-name", "iqn.2015-13.com.example"]
    c.append(Case(C, "colour on a terminal", bad, 1, tty=True, out=["\x1b[1;31merror:\x1b[0m", "\x1b[1;32m^"]))
    c.append(Case(C, "no colour with NO_COLOR", bad, 1, tty=True, env={"NO_COLOR": "1"},
                  out=["error: InitiatorName"], not_out=["\x1b"]))
    c.append(Case(C, "no colour when piped", bad, 1, out=["error: InitiatorName"], not_out=["\x1b"]))
    c.append(Case(C, "no colour in json on a terminal", bad + ["--format", "json"], 1, tty=True,
                  json={"rule": "iqn_month_out_of_range"}, not_out=["\x1b"]))
    c.append(Case(C, "escaped ESC stays escaped on a terminal", [V, "initiator-name", "iqn.2015-12.com.\x1b[2J"], 1,
                  tty=True, env={"NO_COLOR": "1"}, out=["\\x1b[2J"], not_out=["\x1b"]))

    # -- encode: members checked, then the HTTP request (secrets only from named environment variables)
    E = "encode"
    env = {"INIT_SECRET": SECRET_I, "TARGET_SECRET": SECRET_T}
    update = ["encode", "UpdateChapCredentials", "--target-arn", ARN, "--initiator-name", NAME,
              "--secret-to-authenticate-initiator-env", "INIT_SECRET"]
    mutual = update + ["--secret-to-authenticate-target-env", "TARGET_SECRET"]
    body = ('{"TargetARN":"%s","SecretToAuthenticateInitiator":"%s","InitiatorName":"%s",'
            '"SecretToAuthenticateTarget":"%s"}' % (ARN, SECRET_I, NAME, SECRET_T)).encode()
    http = (b"POST /\nHost: storagegateway.us-east-1.amazonaws.com\n"
            b"Content-Type: application/x-amz-json-1.1\n"
            b"X-Amz-Target: StorageGateway_20130630.UpdateChapCredentials\n"
            b"Content-Length: %d\n\n%s\n" % (len(body), body))
    c.append(Case(E, "update mutual CHAP http", mutual, 0, env=env, stdout_exact=http, show_secrets=True))
    c.append(Case(E, "update body-only exact bytes", mutual + ["--body-only"], 0, env=env, stdout_exact=body,
                  show_secrets=True))
    c.append(Case(E, "update json", mutual + ["--format", "json"], 0, env=env, show_secrets=True,
                  json={"operation": "UpdateChapCredentials", "method": "POST", "path": "/",
                        "headers.X-Amz-Target": "StorageGateway_20130630.UpdateChapCredentials",
                        "headers.Content-Length": str(len(body)), "body": body.decode()}))
    one_way = ('{"TargetARN":"%s","SecretToAuthenticateInitiator":"%s","InitiatorName":"%s"}'
               % (ARN, SECRET_I, NAME)).encode()
    c.append(Case(E, "update one-way CHAP, CLI spelling", ["encode", "update-chap-credentials"] + update[2:] +
                  ["--body-only"], 0, env=env, stdout_exact=one_way, show_secrets=True))
    c.append(Case(E, "describe", ["encode", "DescribeChapCredentials", "--target-arn", ARN, "--body-only"], 0,
                  stdout_exact=('{"TargetARN":"%s"}' % ARN).encode()))
    c.append(Case(E, "delete", ["encode", "delete-chap-credentials", "--target-arn", ARN, "--initiator-name", NAME,
                                "--format", "json"], 0,
                  json={"headers.X-Amz-Target": "StorageGateway_20130630.DeleteChapCredentials",
                        "body": '{"TargetARN":"%s","InitiatorName":"%s"}' % (ARN, NAME)}))
    c.append(Case(E, "invalid name and secret", ["encode", "UpdateChapCredentials", "--target-arn", ARN,
                                                 "--initiator-name", "iqn.2015-13.com.example",
                                                 "--secret-to-authenticate-initiator-env", "SHORT", "--format", "json"],
                  1, env={"SHORT": "tooshort"}, secrets=["tooshort"],
                  json={"valid": False, "problems.0.field": "SecretToAuthenticateInitiator",
                        "problems.0.rule": "too_short", "problems.1.field": "InitiatorName",
                        "problems.1.rule": "iqn_month_out_of_range", "problems.1.offset": 9}))
    c.append(Case(E, "invalid name text caret", ["encode", "DeleteChapCredentials", "--target-arn", ARN,
                                                 "--initiator-name", "iqn.2015-13.com.example"], 1,
                  out=["[iqn_month_out_of_range]", "    iqn.2015-13.com.example\n             ^\n",
                       "DeleteChapCredentials not encoded: 1 problem"]))
    c.append(Case(E, "secrets must differ", update + ["--secret-to-authenticate-target-env", "SAME",
                                                      "--format", "json"], 1,
                  env={"INIT_SECRET": SECRET_I, "SAME": SECRET_I}, secrets=[SECRET_I],
                  json={"problems.0.rule": "secrets_must_differ", "problems.0.field": "SecretToAuthenticateTarget"}))
    # One variable named for both secrets: read once (then wiped and unset), so the real mistake
    # is reported (two equal secrets), not "the variable is not set".
    c.append(Case(E, "one variable for both secrets", update + ["--secret-to-authenticate-target-env", "INIT_SECRET",
                                                               "--format", "json"], 1,
                  env={"INIT_SECRET": SECRET_I}, secrets=[SECRET_I],
                  json={"problems.0.rule": "secrets_must_differ", "problems.0.field": "SecretToAuthenticateTarget"}))
    c.append(Case(E, "one variable for both secrets, text", update + ["--secret-to-authenticate-target-env",
                                                                     "INIT_SECRET"], 1,
                  env={"INIT_SECRET": SECRET_I}, secrets=[SECRET_I], not_out=["not set"],
                  out=["[secrets_must_differ]", "UpdateChapCredentials not encoded: 1 problem"]))
    c.append(Case(E, "secret from env with newline", update + ["--format", "json"], 1,
                  env={"INIT_SECRET": SECRET_I + "\n"}, secrets=[SECRET_I],
                  json={"problems.0.rule": "control_character", "problems.0.offset": 12}, out=["printf"]))
    c.append(Case(E, "empty secret is invalid", update + ["--format", "json"], 1, env={"INIT_SECRET": ""},
                  json={"problems.0.rule": "too_short", "problems.0.field": "SecretToAuthenticateInitiator"}))
    c.append(Case(E, "unset variable is a usage error", update, 2, err=["is not set"]))
    c.append(Case(E, "a secret given as the variable name is never echoed",
                  update[:-1] + [SECRET_I], 2, env={}, secrets=[SECRET_I]))
    c.append(Case(E, "20-byte secret: strict refuses", update + ["--format", "json"], 1,
                  env={"INIT_SECRET": "abcdefghijklmnopqrst"}, secrets=["abcdefghijklmnopqrst"],
                  json={"problems.0.rule": "too_long", "problems.0.offset": 16}))
    c.append(Case(E, "20-byte secret: aws-model accepts", update + ["--profile", "aws-model", "--body-only"], 0,
                  env={"INIT_SECRET": "abcdefghijklmnopqrst"}, show_secrets=True, out=["abcdefghijklmnopqrst"]))
    c.append(Case(E, "unknown operation", ["encode", "ListChapCredentials", "--target-arn", ARN], 2,
                  err=["unknown operation"]))
    c.append(Case(E, "update needs initiator name", ["encode", "UpdateChapCredentials", "--target-arn", ARN,
                                                     "--secret-to-authenticate-initiator-env", "INIT_SECRET"], 2,
                  env=env, err=["--initiator-name"], secrets=[SECRET_I]))
    c.append(Case(E, "update needs a secret", ["encode", "UpdateChapCredentials", "--target-arn", ARN,
                                               "--initiator-name", NAME], 2, err=["--secret-to-authenticate"]))
    c.append(Case(E, "describe takes no name", ["encode", "DescribeChapCredentials", "--target-arn", ARN,
                                                "--initiator-name", NAME], 2, err=["--initiator-name"]))
    c.append(Case(E, "delete takes no secret", ["encode", "DeleteChapCredentials", "--target-arn", ARN,
                                                "--initiator-name", NAME, "--secret-to-authenticate-initiator-env",
                                                "INIT_SECRET"], 2, env=env, err=["no secret"], secrets=[SECRET_I]))
    c.append(Case(E, "missing target arn", ["encode", "DescribeChapCredentials"], 2, err=["--target-arn"]))
    # On a terminal a raw bidi override inside the body (aws-model allows it in a secret) is
    # written as its JSON \u escape: the same JSON value, harmless on screen.
    c.append(Case(E, "bidi override in a secret escaped on a terminal", update + ["--profile", "aws-model",
                                                                                  "--body-only"], 0,
                  env={"INIT_SECRET": "abc\u202edefghijkl", "NO_COLOR": "1"}, tty=True, show_secrets=True,
                  out=["abc\\u202edefghijkl"], not_out=["\u202e"]))

    # -- call: what can be checked without a server (tests/tool/e2e has the real exchanges)
    K = "call"
    aws = {"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}
    SECRET_KEY = aws["AWS_SECRET_ACCESS_KEY"]
    call_update = ["call"] + update[1:] + ["--secret-to-authenticate-target-env", "TARGET_SECRET"]
    c.append(Case(K, "dry run: the signed request, redacted", call_update + ["--dry-run"], 0,
                  env=dict(env, **aws), secrets=[SECRET_I, SECRET_T, SECRET_KEY],
                  out=["POST https://storagegateway.us-east-1.amazonaws.com/\n",
                       "Host: storagegateway.us-east-1.amazonaws.com\n",
                       "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/",
                       "/us-east-1/storagegateway/aws4_request, "
                       "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[redacted]\n",
                       '"SecretToAuthenticateInitiator":"[redacted]"', "X-Amz-Date: "]))
    c.append(Case(K, "dry run json, session token redacted", call_update + ["--dry-run", "--format", "json"], 0,
                  env=dict(env, AWS_SESSION_TOKEN="FwoGZXIvYXdzEXAMPLETOKEN", **aws),
                  secrets=[SECRET_I, SECRET_T, SECRET_KEY, "FwoGZXIvYXdzEXAMPLETOKEN"],
                  json={"dryRun": True, "operation": "UpdateChapCredentials",
                        "url": "https://storagegateway.us-east-1.amazonaws.com/",
                        "headers.X-Amz-Security-Token": "[redacted]"}))
    c.append(Case(K, "dry run: --region and --fips choose the endpoint",
                  ["call", "DescribeChapCredentials", "--target-arn", ARN, "--region", "eu-west-1", "--fips",
                   "--dry-run"], 0, env=aws,
                  out=["POST https://storagegateway-fips.eu-west-1.amazonaws.com/\n",
                       "/eu-west-1/storagegateway/aws4_request"]))
    c.append(Case(K, "dry run: --endpoint-url sets the signed Host",
                  ["call", "DescribeChapCredentials", "--target-arn", ARN, "--endpoint-url",
                   "https://vpce-0123.storagegateway.us-east-1.vpce.amazonaws.com:8443", "--dry-run"], 0, env=aws,
                  out=["POST https://vpce-0123.storagegateway.us-east-1.vpce.amazonaws.com:8443/\n",
                       "Host: vpce-0123.storagegateway.us-east-1.vpce.amazonaws.com:8443\n"]))
    c.append(Case(K, "dry run: the default port is not in Host",
                  ["call", "DescribeChapCredentials", "--target-arn", ARN, "--endpoint-url",
                   "https://example.com:443/", "--dry-run"], 0, env=aws, out=["Host: example.com\n"]))
    c.append(Case(K, "one variable for both secrets: secrets_must_differ", ["call"] + update[1:] +
                  ["--secret-to-authenticate-target-env", "INIT_SECRET", "--format", "json"], 1,
                  env=dict(env, **aws), secrets=[SECRET_I],
                  json={"problems.0.rule": "secrets_must_differ", "problems.0.field": "SecretToAuthenticateTarget"}))
    c.append(Case(K, "invalid members: exit 1 before credentials are needed", ["call", "DeleteChapCredentials",
                                                                               "--target-arn", ARN,
                                                                               "--initiator-name", "iqn.2015-13.x"],
                  1, out=["[iqn_month_out_of_range]"]))
    c.append(Case(K, "no credentials: the variables named", ["call", "DescribeChapCredentials", "--target-arn", ARN],
                  2, env={"HOME": "/nonexistent"}, err=["no AWS credentials", "AWS_ACCESS_KEY_ID",
                                                        "AWS_SECRET_ACCESS_KEY", "/nonexistent/.aws/credentials"]))
    c.append(Case(K, "key id without secret key", ["call", "DescribeChapCredentials", "--target-arn", ARN], 2,
                  env={"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE"},
                  err=["AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"]))
    c.append(Case(K, "secret key with a line feed", ["call", "DescribeChapCredentials", "--target-arn", ARN,
                                                     "--dry-run"], 2,
                  env={"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": SECRET_KEY + "\n"},
                  secrets=[SECRET_KEY], err=["SecretAccessKey", "echo"]))
    ini = (b"# the AWS CLI's format\n[default] ; a note after the header\n"
           b"aws_access_key_id=AKIDDEFAULT\naws_secret_access_key = " +
           SECRET_KEY.encode() + b"\n\n[other]\n; comment\nAWS_ACCESS_KEY_ID : AKIDOTHER\n"
           b"aws_secret_access_key = x" + SECRET_KEY.encode() + b"\naws_session_token = TOKENVALUE123\n")
    c.append(Case(K, "credentials file, default profile", ["call", "DescribeChapCredentials", "--target-arn", ARN,
                                                           "--dry-run"], 0,
                  env={"AWS_SHARED_CREDENTIALS_FILE": "{dir}/credentials"}, files={"credentials": ini},
                  secrets=[SECRET_KEY], out=["Credential=AKIDDEFAULT/"], not_out=["X-Amz-Security-Token"]))
    c.append(Case(K, "credentials file, AWS_PROFILE, key names in any case, ':' and a token", ["call",
                                                                                              "DescribeChapCredentials",
                                                                                              "--target-arn", ARN,
                                                                                              "--dry-run"], 0,
                  env={"AWS_SHARED_CREDENTIALS_FILE": "{dir}/credentials", "AWS_PROFILE": "other"},
                  files={"credentials": ini}, secrets=[SECRET_KEY, "TOKENVALUE123"],
                  out=["Credential=AKIDOTHER/", "X-Amz-Security-Token: [redacted]"]))
    c.append(Case(K, "a secret key without a key id is not used, and not left in memory either",
                  ["call", "DescribeChapCredentials", "--target-arn", ARN, "--dry-run"], 0,
                  env={"AWS_SECRET_ACCESS_KEY": "y" + SECRET_KEY, "AWS_SHARED_CREDENTIALS_FILE": "{dir}/credentials"},
                  files={"credentials": ini}, secrets=[SECRET_KEY], out=["Credential=AKIDDEFAULT/"]))
    c.append(Case(K, "credentials file, unknown profile", ["call", "DescribeChapCredentials", "--target-arn", ARN],
                  2, env={"AWS_SHARED_CREDENTIALS_FILE": "{dir}/credentials", "AWS_PROFILE": "nope"},
                  files={"credentials": ini}, secrets=[SECRET_KEY], err=["[nope]", "no such profile"]))
    c.append(Case(K, "credentials file, missing secret key", ["call", "DescribeChapCredentials", "--target-arn", ARN],
                  2, env={"AWS_SHARED_CREDENTIALS_FILE": "{dir}/credentials"},
                  files={"credentials": b"[default]\naws_access_key_id = AKIDEXAMPLE\n"},
                  err=["has no aws_secret_access_key"]))
    c.append(Case(K, "credentials file, a line that is no key: its number, not its text",
                  ["call", "DescribeChapCredentials", "--target-arn", ARN], 2,
                  env={"AWS_SHARED_CREDENTIALS_FILE": "{dir}/credentials"},
                  files={"credentials": b"[default]\n" + SECRET_KEY.encode() + b"\n"}, secrets=[SECRET_KEY],
                  err=["line 2"]))
    c.append(Case(K, "http:// only on loopback", ["call", "DescribeChapCredentials", "--target-arn", ARN,
                                                  "--endpoint-url", "http://storagegateway.example.com"], 2, env=aws,
                  err=["https://"]))
    c.append(Case(K, "an endpoint URL with a path", ["call", "DescribeChapCredentials", "--target-arn", ARN,
                                                     "--endpoint-url", "https://example.com/prefix"], 2, env=aws,
                  err=["scheme://host[:port]"]))
    c.append(Case(K, "--fips with --endpoint-url", ["call", "DescribeChapCredentials", "--target-arn", ARN, "--fips",
                                                    "--endpoint-url", "https://example.com"], 2, env=aws,
                  err=["exclude each other"]))
    c.append(Case(K, "a region of no partition", ["call", "DescribeChapCredentials", "--target-arn", ARN,
                                                  "--region", "xx-nowhere-1"], 2, env=aws,
                  err=["no known partition"]))
    c.append(Case(K, "a malformed region", ["call", "DescribeChapCredentials", "--target-arn", ARN,
                                            "--region", "US_EAST_1"], 2, env=aws, err=["region"]))
    c.append(Case(K, "--max-attempts 0", ["call", "DescribeChapCredentials", "--target-arn", ARN,
                                          "--max-attempts", "0"], 2, env=aws, err=["--max-attempts"]))
    c.append(Case(K, "nothing listening: exit 3, one line", ["call", "DescribeChapCredentials", "--target-arn", ARN,
                                                             "--endpoint-url", "https://127.0.0.1:9",
                                                             "--max-attempts", "1"], 3, env=aws,
                  err=["cannot connect", "(POST https://127.0.0.1:9/, 1 attempt)"]))
    c.append(Case(K, "call takes the member options of the operation", ["call", "DescribeChapCredentials",
                                                                        "--target-arn", ARN, "--initiator-name",
                                                                        NAME], 2, env=aws,
                  err=["DescribeChapCredentials takes no --initiator-name"]))
    c.append(Case(K, "call needs OP", ["call"], 2, err=["OP"]))

    # -- validate request: a JSON request body, every member, every rule
    R = "request"
    vr = [V, "request", "--operation"]
    good = json.dumps({"TargetARN": ARN, "SecretToAuthenticateInitiator": SECRET_I, "InitiatorName": NAME,
                       "SecretToAuthenticateTarget": SECRET_T}).encode()
    c.append(Case(R, "update body from a file", vr + ["UpdateChapCredentials", "{dir}/body.json"], 0,
                  files={"body.json": good}, secrets=[SECRET_I, SECRET_T],
                  out=["UpdateChapCredentials request: valid (strict profile)",
                       "SecretToAuthenticateInitiator  [redacted]"]))
    c.append(Case(R, "update body from stdin", vr + ["update-chap-credentials", "-", "--format", "json"], 0,
                  stdin=good, secrets=[SECRET_I, SECRET_T],
                  json={"valid": True, "field": "UpdateChapCredentials request", "TargetARN": ARN}))
    c.append(Case(R, "update body from stdin without FILE", vr + ["UpdateChapCredentials"], 0, stdin=good,
                  secrets=[SECRET_I, SECRET_T]))
    typo = good.replace(b'"SecretToAuthenticateTarget"', b'"SecretToAuthenticateTarge"')
    c.append(Case(R, "misspelt member", vr + ["UpdateChapCredentials", "--format", "json"], 1, stdin=typo,
                  secrets=[SECRET_I, SECRET_T],
                  json={"valid": False, "problems.0.rule": "unknown_key",
                        "problems.0.pointer": "/SecretToAuthenticateTarge",
                        "problems.0.offset": typo.index(b'"SecretToAuthenticateTarge"'),
                        "problems.0.hint": "did you mean SecretToAuthenticateTarget?"}))
    bad_members = json.dumps({"TargetARN": ARN.replace("us-east-1", "us-gov-west-1"),
                              "SecretToAuthenticateInitiator": "sec\nret-value-x", "InitiatorName": "iqn.2015-13.x",
                              "SecretToAuthenticateTarget": "sec\nret-value-x"}).encode()
    c.append(Case(R, "every member reported", vr + ["UpdateChapCredentials", "--format", "json"], 1,
                  stdin=bad_members, secrets=["ret-value-x"],
                  json={"problems.0.rule": "region_not_in_partition", "problems.0.pointer": "/TargetARN",
                        "problems.1.rule": "control_character", "problems.1.offset": 3,
                        "problems.1.pointer": "/SecretToAuthenticateInitiator",
                        "problems.2.rule": "iqn_month_out_of_range", "problems.2.offset": 9,
                        "problems.3.field": "SecretToAuthenticateTarget"}))
    c.append(Case(R, "every member reported, text", vr + ["UpdateChapCredentials"], 1, stdin=bad_members,
                  secrets=["ret-value-x"], out=["UpdateChapCredentials request: 4 problems",
                                                "    iqn.2015-13.x\n             ^\n"]))
    missing = json.dumps({"TargetARN": ARN}).encode()
    c.append(Case(R, "missing members", vr + ["UpdateChapCredentials", "--format", "json"], 1, stdin=missing,
                  json={"problems.0.rule": "missing_member", "problems.0.field": "SecretToAuthenticateInitiator",
                        "problems.1.rule": "missing_member", "problems.1.field": "InitiatorName"}))
    c.append(Case(R, "describe", vr + ["DescribeChapCredentials"], 0, stdin=missing,
                  out=["DescribeChapCredentials request: valid"]))
    c.append(Case(R, "describe refuses InitiatorName", vr + ["DescribeChapCredentials", "--format", "json"], 1,
                  stdin=json.dumps({"TargetARN": ARN, "InitiatorName": NAME}).encode(),
                  json={"problems.0.rule": "unknown_key"}))
    c.append(Case(R, "delete", vr + ["DeleteChapCredentials", "--format", "json"], 0,
                  stdin=json.dumps({"TargetARN": ARN, "InitiatorName": NAME}).encode(), json={"valid": True}))
    c.append(Case(R, "malformed json", vr + ["UpdateChapCredentials", "--format", "json"], 1,
                  stdin=b'{"TargetARN": "' + SECRET_I.encode() + b'", ',
                  json={"problems.0.rule": "malformed_json"}, secrets=[SECRET_I]))
    c.append(Case(R, "empty body", vr + ["DescribeChapCredentials", "--format", "json"], 1, stdin=b"",
                  json={"problems.0.rule": "missing_member", "problems.0.field": "TargetARN"}))
    c.append(Case(R, "duplicate key", vr + ["DescribeChapCredentials", "--format", "json"], 1,
                  stdin=('{"TargetARN":"%s","TargetARN":"%s"}' % (ARN, ARN)).encode(),
                  json={"problems.0.rule": "duplicate_key"}))
    c.append(Case(R, "number for a string", vr + ["DescribeChapCredentials", "--format", "json"], 1,
                  stdin=b'{"TargetARN": 42}', json={"problems.0.rule": "wrong_type", "problems.0.offset": 14,
                                                     "problems.0.hint": "expected a string"}))
    c.append(Case(R, "secret with ESC never echoed", vr + ["UpdateChapCredentials"], 1,
                  stdin=json.dumps({"TargetARN": ARN, "SecretToAuthenticateInitiator": "abc\x1b[2Jdefghi",
                                    "InitiatorName": NAME}).encode(),
                  out=["[control_character]"], secrets=["abc", "defghi", "[2J"]))
    c.append(Case(R, "unknown operation", vr + ["ListGateways"], 2, err=["unknown operation"]))
    c.append(Case(R, "missing --operation", [V, "request", "-"], 2, err=["--operation"]))
    c.append(Case(R, "unreadable file", vr + ["UpdateChapCredentials", "/nonexistent/body.json"], 2,
                  err=["cannot read '/nonexistent/body.json'"]))
    c.append(Case(R, "body over 1 MiB", vr + ["DescribeChapCredentials", "--format", "json"], 1,
                  stdin=b'{"TargetARN":"' + b"a" * (1 << 20) + b'"}', json={"problems.0.rule": "body_too_large"}))

    # -- decode response / decode error
    D = "decode"
    dr = ["decode", "response", "--operation"]
    update_response = json.dumps({"TargetARN": ARN, "InitiatorName": NAME}).encode()
    c.append(Case(D, "update response", dr + ["UpdateChapCredentials", "-"], 0, stdin=update_response,
                  out=["UpdateChapCredentials response\n", "  InitiatorName  " + NAME + "\n"]))
    c.append(Case(D, "delete response json", dr + ["delete-chap-credentials", "--format", "json"], 0,
                  stdin=update_response, json={"result.TargetARN": ARN, "result.InitiatorName": NAME,
                                               "warnings": []}))
    describe = json.dumps({"ChapCredentials": [
        {"TargetARN": ARN, "SecretToAuthenticateInitiator": SECRET_I, "InitiatorName": NAME,
         "SecretToAuthenticateTarget": SECRET_T, "FutureMember": 1}]}).encode()
    c.append(Case(D, "describe redacts secrets", dr + ["DescribeChapCredentials", "{dir}/r.json"], 0,
                  files={"r.json": describe}, secrets=[SECRET_I, SECRET_T],
                  out=["1 CHAP credential", "SecretToAuthenticateInitiator  [redacted]"]))
    c.append(Case(D, "describe redacts secrets json", dr + ["DescribeChapCredentials", "--format", "json"], 0,
                  stdin=describe, secrets=[SECRET_I, SECRET_T],
                  json={"result.ChapCredentials.0.SecretToAuthenticateTarget": "[redacted]",
                        "result.ChapCredentials.0.InitiatorName": NAME}))
    c.append(Case(D, "describe --show-secrets", dr + ["DescribeChapCredentials", "--show-secrets", "--format",
                                                      "json"], 0, stdin=describe, show_secrets=True,
                  json={"result.ChapCredentials.0.SecretToAuthenticateInitiator": SECRET_I,
                        "result.ChapCredentials.0.SecretToAuthenticateTarget": SECRET_T}))
    c.append(Case(D, "describe empty array", dr + ["DescribeChapCredentials"], 0, stdin=b'{"ChapCredentials":[]}',
                  out=["0 CHAP credentials"]))
    # APIREF's sample shows ChapCredentials as an object; MODEL says array (SMITHY-JSON known quirk).
    c.append(Case(D, "describe object form refused", dr + ["DescribeChapCredentials", "--format", "json"], 1,
                  stdin=json.dumps({"ChapCredentials": {"TargetARN": ARN}}).encode(),
                  json={"problems.0.rule": "wrong_type", "problems.0.pointer": "/ChapCredentials",
                        "problems.0.offset": 20}))
    c.append(Case(D, "service values kept, warned", dr + ["DescribeChapCredentials", "--format", "json"], 0,
                  stdin=json.dumps({"ChapCredentials": [{"InitiatorName": "iqn.1998-01.com.vmware:ESX01",
                                                         "SecretToAuthenticateInitiator": "xyzzy"}]}).encode(),
                  secrets=["xyzzy"],
                  json={"result.ChapCredentials.0.InitiatorName": "iqn.1998-01.com.vmware:ESX01",
                        "warnings.0.rule": "too_short", "warnings.0.pointer":
                        "/ChapCredentials/0/SecretToAuthenticateInitiator",
                        "warnings.1.rule": "uppercase_character", "warnings.1.offset": 23}))
    c.append(Case(D, "decoded value escaped", dr + ["UpdateChapCredentials"], 0,
                  stdin=json.dumps({"TargetARN": "evil\x1b]0;pwned\x07\u202e"}).encode(),
                  out=["evil\\x1b]0;pwned\\x07\\u202e"]))
    c.append(Case(D, "response not json", dr + ["UpdateChapCredentials", "--format", "json"], 1,
                  stdin=b"<html>502</html>", json={"problems.0.rule": "malformed_json", "problems.0.offset": 0}))
    c.append(Case(D, "response missing --operation", ["decode", "response", "-"], 2, err=["--operation"]))
    de = ["decode", "error"]
    err_body = json.dumps({"__type": "InvalidGatewayRequestException",
                           "message": "The specified volume was not found.",
                           "error": {"errorCode": "VolumeNotFound", "errorDetails": {"k": "v"}}}).encode()
    c.append(Case(D, "error body", de + ["--status", "400", "-"], 0, stdin=err_body,
                  out=["InvalidGatewayRequestException (HTTP 400)", "errorCode     VolumeNotFound",
                       "retryable     no"]))
    c.append(Case(D, "error json", de + ["--status", "400", "--format", "json"], 0, stdin=err_body,
                  json={"name": "InvalidGatewayRequestException", "status": 400, "errorCode": "VolumeNotFound",
                        "errorCodeKnown": True, "errorDetails.k": "v", "retryable": False}))
    # --header is repeatable and must not swallow the FILE after it.
    c.append(Case(D, "headers do not swallow FILE", de + ["--header", "X-Amzn-Errortype: ThrottlingException:http://x",
                                                           "--header", "X-Amzn-RequestId: 1", "{dir}/e.json",
                                                           "--format", "json"], 0,
                  files={"e.json": b'{"message":"slow down"}'},
                  json={"name": "ThrottlingException", "message": "slow down", "retryable": True}))
    # The body's __type wins over the header (botocore reads __type alone), so this is no throttling.
    c.append(Case(D, "error __type before header", de + ["--status", "400", "--header",
                                                        "X-Amzn-Errortype: ThrottlingException", "--format", "json"], 0,
                  stdin=b'{"__type":"InvalidGatewayRequestException","message":"m"}',
                  json={"name": "InvalidGatewayRequestException", "retryable": False}))
    c.append(Case(D, "error comma-joined header", de + ["--header", "X-Amzn-Errortype: FooError,BarError",
                                                       "--format", "json"], 0, stdin=b"{}",
                  json={"name": "FooError"}))
    dup = b'{"__type":"ThrottlingException","__type":"InvalidGatewayRequestException"}'
    c.append(Case(D, "error duplicate key refused", de + ["--status", "400", "--format", "json"], 1, stdin=dup,
                  json={"valid": False, "problems.0.rule": "duplicate_key", "problems.0.pointer": "/__type",
                        "problems.0.offset": dup.index(b'"__type"', 2)}))
    c.append(Case(D, "error errorCode is no retry signal", de + ["--status", "400", "--format", "json"], 0,
                  stdin=b'{"__type":"InvalidGatewayRequestException","error":{"errorCode":"RequestTimeout"}}',
                  json={"errorCode": "RequestTimeout", "retryable": False}))
    # decode response takes --status and --header too: the library's one call then decides.
    c.append(Case(D, "response with a 400 status is the service error", dr + ["UpdateChapCredentials", "--status",
                                                                              "400", "--format", "json"], 1,
                  stdin=err_body, json={"name": "InvalidGatewayRequestException", "status": 400}))
    c.append(Case(D, "response with a wrong Content-Type", dr + ["UpdateChapCredentials", "--header",
                                                                "Content-Type: text/html", "--format", "json"], 1,
                  stdin=update_response, json={"problems.0.rule": "bad_content_type",
                                               "problems.0.field": "Content-Type"}))
    c.append(Case(D, "response with the right Content-Type", dr + ["UpdateChapCredentials", "--header",
                                                                  "content-type: application/x-amz-json-1.1; charset=utf-8",
                                                                  "--status", "200", "--format", "json"], 0,
                  stdin=update_response, json={"result.TargetARN": ARN}))
    c.append(Case(D, "response bad header", dr + ["UpdateChapCredentials", "--header", "nocolon", "-"], 2,
                  err=["Name: value"]))
    c.append(Case(D, "error name cleaned", de + ["--format", "json"], 0,
                  stdin=b'{"code":"aws.sg#FooError:http://internal.amazon.com/coral/x","Message":"m"}',
                  json={"name": "FooError", "message": "m", "status": None}))
    c.append(Case(D, "error html body on 502", de + ["--status", "502", "--format", "json"], 0,
                  stdin=b"<html><body>Bad \x1b[31mGateway</body></html>",
                  json={"bodyWasJson": False, "retryable": True, "name": ""}))
    c.append(Case(D, "error unknown errorCode kept", de + ["--format", "json"], 0,
                  stdin=b'{"__type":"X","error":{"errorCode":"BrandNewCode"}}',
                  json={"errorCode": "BrandNewCode", "errorCodeKnown": False}))
    c.append(Case(D, "error bad header", de + ["--header", "no colon here", "-"], 2, err=["Name: value"]))
    c.append(Case(D, "error bad status", de + ["--status", "abc", "-"], 2, err=["--status"]))
    c.append(Case(D, "error unreadable file", de + ["/nonexistent"], 2, err=["cannot read"]))
    c.append(Case(D, "decode without subcommand", ["decode", "frob"], 2, err=["unknown command 'frob'"]))

    # -- the documented example end to end (MODEL-EXAMPLES): validate each field, encode, decode the
    #    documented response
    X = "example"
    c.append(Case(X, "1 target arn", [V, "target-arn", ARN], 0, out=["valid"]))
    c.append(Case(X, "2 initiator name", [V, "initiator-name", NAME], 0, out=["valid"]))
    c.append(Case(X, "3 initiator secret", [V, "secret"], 0, stdin=SECRET_I, secrets=[SECRET_I]))
    c.append(Case(X, "4 target secret", [V, "secret", "--for", "target"], 0, stdin=SECRET_T, secrets=[SECRET_T],
                  out=["SecretToAuthenticateTarget: valid (strict profile)"]))
    c.append(Case(X, "5 encode", mutual, 0, env=env, stdout_exact=http, show_secrets=True))
    c.append(Case(X, "6 encoded body validates", vr + ["UpdateChapCredentials"], 0, stdin=body,
                  secrets=[SECRET_I, SECRET_T]))
    documented_response = ('{"TargetARN":"%s","InitiatorName":"%s"}' % (ARN, NAME)).encode()
    c.append(Case(X, "7 decode the documented response", dr + ["UpdateChapCredentials", "--format", "json"], 0,
                  stdin=documented_response, json={"valid": True, "result.TargetARN": ARN,
                                                   "result.InitiatorName": NAME, "warnings": []}))
    c += workflow_cases()
    return c


def workflow_cases():
    """ListVolumes, DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes, DescribeVTLDevices
    (MODEL-EXAMPLES: the AWS model's examples are the bodies) and `sgwchap targets`."""
    c = []
    W = "workflow"
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "botocore",
                           "storagegateway-2013-06-30.examples-1.json")) as f:
        examples = {op: e[0] for op, e in json.load(f)["examples"].items()}
    out_of = lambda op: json.dumps(examples[op]["output"]).encode()
    GW = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"
    VOL = GW + "/volume/vol-1122AABB"
    TGT = GW + "/target/iqn.1997-05.com.amazon:myvolume"
    GW9 = "arn:aws:storagegateway:us-east-1:999999999999:gateway/sgw-12A3456B"

    def http(op, body):
        return (b"POST /\nHost: storagegateway.us-east-1.amazonaws.com\nContent-Type: application/x-amz-json-1.1\n"
                b"X-Amz-Target: StorageGateway_20130630.%s\nContent-Length: %d\n\n%s\n" % (op.encode(), len(body), body))

    # -- encode: the options come from each input table; exact bodies
    lv = ('{"GatewayARN":"%s","Limit":2}' % GW).encode()
    c.append(Case(W, "encode ListVolumes", ["encode", "ListVolumes", "--gateway-arn", GW, "--limit", "2"], 0,
                  stdout_exact=http("ListVolumes", lv)))
    c.append(Case(W, "encode ListVolumes, the model's example input", ["encode", "list-volumes", "--gateway-arn", GW,
                                                                       "--limit", "2", "--marker", "1",
                                                                       "--body-only"], 0,
                  stdout_exact=('{"GatewayARN":"%s","Marker":"1","Limit":2}' % GW).encode()))
    c.append(Case(W, "encode DescribeStorediSCSIVolumes", ["encode", "DescribeStorediSCSIVolumes", "--volume-arns",
                                                           VOL], 0,
                  stdout_exact=http("DescribeStorediSCSIVolumes", ('{"VolumeARNs":["%s"]}' % VOL).encode())))
    vol2 = GW + "/volume/vol-3344CCDD"
    c.append(Case(W, "encode a list: several values, repeated", ["encode", "DescribeCachediSCSIVolumes",
                                                                 "--volume-arns", VOL, vol2, "--volume-arns", VOL,
                                                                 "--body-only"], 0,
                  stdout_exact=('{"VolumeARNs":["%s","%s","%s"]}' % (VOL, vol2, VOL)).encode()))
    c.append(Case(W, "encode DescribeCachediSCSIVolumes json", ["encode", "DescribeCachediSCSIVolumes",
                                                                "--volume-arns", VOL, "--format", "json"], 0,
                  json={"headers.Host": "storagegateway.us-east-1.amazonaws.com",
                        "headers.X-Amz-Target": "StorageGateway_20130630.DescribeCachediSCSIVolumes",
                        "body": '{"VolumeARNs":["%s"]}' % VOL}))
    dev = GW + "/device/AMZN_SGW-1FAD4876_TAPEDRIVE_00001"
    vtl = ('{"GatewayARN":"%s","VTLDeviceARNs":["%s"],"Marker":"1","Limit":123}' % (GW, dev)).encode()
    c.append(Case(W, "encode DescribeVTLDevices", ["encode", "describe-vtl-devices", "--gateway-arn", GW,
                                                   "--vtl-device-arns", dev, "--marker", "1", "--limit", "123"], 0,
                  stdout_exact=http("DescribeVTLDevices", vtl)))
    c.append(Case(W, "encoded body validates", ["validate", "request", "--operation", "DescribeVTLDevices",
                                                "--format", "json"], 0, stdin=vtl,
                  json={"valid": True, "GatewayARN": GW, "VTLDeviceARNs": [dev], "Marker": "1", "Limit": 123}))
    c.append(Case(W, "validate request text: numbers and lists", ["validate", "request", "--operation",
                                                                  "DescribeVTLDevices"], 0, stdin=vtl,
                  stdout_exact=("DescribeVTLDevices request: valid (strict profile)\n"
                                "  GatewayARN     %s\n  VTLDeviceARNs  %s\n  Marker         1\n"
                                "  Limit          123\n" % (GW, dev)).encode()))
    # -- usage errors: one line, exit 2, naming the option
    c.append(Case(W, "--limit not an integer", ["encode", "ListVolumes", "--gateway-arn", GW, "--limit", "ten"], 2,
                  err=["--limit needs an integer, not \"ten\""]))
    c.append(Case(W, "--limit 2.5", ["encode", "ListVolumes", "--gateway-arn", GW, "--limit", "2.5"], 2,
                  err=["--limit needs an integer"]))
    c.append(Case(W, "--limit beyond int64", ["encode", "DescribeVTLDevices", "--gateway-arn", GW, "--limit",
                                              "9223372036854775808"], 2, err=["--limit", "out of range"]))
    c.append(Case(W, "ListVolumes needs --gateway-arn", ["encode", "ListVolumes", "--limit", "2"], 2,
                  err=["ListVolumes needs --gateway-arn"]))
    c.append(Case(W, "DescribeStorediSCSIVolumes needs --volume-arns", ["encode", "DescribeStorediSCSIVolumes"], 2,
                  err=["DescribeStorediSCSIVolumes needs --volume-arns"]))
    c.append(Case(W, "a list option without a value", ["encode", "DescribeStorediSCSIVolumes", "--volume-arns"], 2,
                  err=["--volume-arns"]))
    c.append(Case(W, "an option of another operation", ["encode", "DescribeCachediSCSIVolumes", "--volume-arns", VOL,
                                                        "--gateway-arn", GW], 2,
                  err=["DescribeCachediSCSIVolumes takes no --gateway-arn"]))
    # -- the members' own checks: exit 1, the element under the caret
    c.append(Case(W, "--limit 0", ["encode", "ListVolumes", "--gateway-arn", GW, "--limit", "0", "--format", "json"],
                  1, json={"problems.0.rule": "number_out_of_range", "problems.0.field": "Limit"}))
    c.append(Case(W, "--limit past int32", ["encode", "ListVolumes", "--gateway-arn", GW, "--limit", "3000000000"], 1,
                  stdout_exact=b"error: Limit: number out of the member's range (byte 0) [number_out_of_range]\n"
                               b"    3000000000\n    ^\nListVolumes not encoded: 1 problem\n"))
    bad_vol = VOL.replace("us-east-1", "cn-north-1")
    c.append(Case(W, "a list element's error shows the element", ["encode", "DescribeStorediSCSIVolumes",
                                                                   "--volume-arns", VOL, bad_vol], 1,
                  out=["[region_not_in_partition]", "    " + bad_vol + "\n" + " " * (4 + 23) + "^\n"]))
    other = VOL.replace("sgw-12A3456B", "sgw-99A3456B")
    c.append(Case(W, "mixed gateways", ["encode", "DescribeStorediSCSIVolumes", "--volume-arns", VOL, other,
                                        "--format", "json"], 1,
                  json={"problems.0.rule": "mixed_gateways", "problems.0.field": "VolumeARNs"}))
    c.append(Case(W, "validate request: a list element's pointer", ["validate", "request", "--operation",
                                                                    "DescribeStorediSCSIVolumes", "--format",
                                                                    "json"], 1,
                  stdin=json.dumps({"VolumeARNs": [VOL, bad_vol]}).encode(),
                  json={"problems.0.rule": "region_not_in_partition", "problems.0.pointer": "/VolumeARNs/1"}))
    c.append(Case(W, "validate request: a number for a list", ["validate", "request", "--operation",
                                                              "ListVolumes", "--format", "json"], 1,
                  stdin=json.dumps({"GatewayARN": GW, "Limit": "2"}).encode(),
                  json={"problems.0.rule": "wrong_type", "problems.0.hint": "expected a number"}))

    # -- decode response: every kind printed
    dr = ["decode", "response", "--operation"]
    stored_text = (
        "DescribeStorediSCSIVolumes response: 1 volume\n"
        "  /StorediSCSIVolumes/0\n"
        "    VolumeARN              %s\n"
        "    VolumeId               vol-1122AABB\n"
        "    VolumeStatus           BOOTSTRAPPING\n"
        "    VolumeSizeInBytes      1099511627776\n"
        "    VolumeProgress         23.7\n"
        "    VolumeDiskId           pci-0000:03:00.0-scsi-0:0:0:0\n"
        "    PreservedExistingData  false\n"
        "    VolumeiSCSIAttributes\n"
        "      TargetARN             %s\n"
        "      NetworkInterfaceId    10.243.43.207\n"
        "      NetworkInterfacePort  3260\n"
        "      ChapEnabled           true\n" % (VOL, TGT)).encode()
    c.append(Case(W, "decode DescribeStorediSCSIVolumes", dr + ["DescribeStorediSCSIVolumes"], 0,
                  stdin=out_of("DescribeStorediSCSIVolumes"), stdout_exact=stored_text))
    c.append(Case(W, "decode DescribeStorediSCSIVolumes json", dr + ["DescribeStorediSCSIVolumes", "--format",
                                                                     "json"], 0,
                  stdin=out_of("DescribeStorediSCSIVolumes"),
                  json={"result": examples["DescribeStorediSCSIVolumes"]["output"], "warnings": []}))
    c.append(Case(W, "decode DescribeCachediSCSIVolumes json", dr + ["describe-cached-iscsi-volumes", "--format",
                                                                     "json"], 0,
                  stdin=out_of("DescribeCachediSCSIVolumes"),
                  json={"result": examples["DescribeCachediSCSIVolumes"]["output"], "warnings": []}))
    c.append(Case(W, "decode DescribeCachediSCSIVolumes", dr + ["DescribeCachediSCSIVolumes"], 0,
                  stdin=out_of("DescribeCachediSCSIVolumes"),
                  out=["    VolumeType         CACHED iSCSI\n", "      LunNumber             1\n"]))
    c.append(Case(W, "decode ListVolumes", dr + ["ListVolumes"], 0, stdin=out_of("ListVolumes"),
                  out=["ListVolumes response: 2 volumes\n  /VolumeInfos/0\n",
                       "    VolumeSizeInBytes  107374182400\n",
                       "  GatewayARN  %s\n  Marker      1\n" % GW]))
    c.append(Case(W, "decode ListVolumes json", dr + ["ListVolumes", "--format", "json"], 0,
                  stdin=out_of("ListVolumes"), json={"result": examples["ListVolumes"]["output"]}))
    c.append(Case(W, "decode DescribeVTLDevices", dr + ["DescribeVTLDevices"], 0,
                  stdin=out_of("DescribeVTLDevices"),
                  out=["DescribeVTLDevices response: 3 devices\n  /VTLDevices/0\n",
                       "    DeviceiSCSIAttributes\n      TargetARN             %s/target/iqn.1997-05.com.amazon:"
                       "sgw-1fad4876-mediachanger\n" % GW9, "      ChapEnabled           false\n"]))
    c.append(Case(W, "decode DescribeVTLDevices json", dr + ["DescribeVTLDevices", "--format", "json"], 0,
                  stdin=out_of("DescribeVTLDevices"), json={"result": examples["DescribeVTLDevices"]["output"]}))
    # Timestamps: ISO 8601 UTC for people, the exact epoch seconds in JSON; a caret inside a structure.
    stamped = (b'{"CachediSCSIVolumes":[{"CreatedDate":1583443386.123456789,"VolumeiSCSIAttributes":'
               b'{"TargetARN":"' + TGT.replace("us-east-1", "cn-north-1").encode() + b'"}}]}')
    c.append(Case(W, "decode a timestamp and a warning inside a structure", dr + ["DescribeCachediSCSIVolumes"], 0,
                  stdin=stamped,
                  out=["    CreatedDate  2020-03-05T21:23:06.123456789Z\n",
                       "warning: TargetARN: region does not belong to the partition",
                       "    at /CachediSCSIVolumes/0/VolumeiSCSIAttributes/TargetARN\n    " +
                       TGT.replace("us-east-1", "cn-north-1") + "\n" + " " * (4 + 23) + "^\n"]))
    c.append(Case(W, "decode a timestamp json", dr + ["DescribeCachediSCSIVolumes", "--format", "json"], 0,
                  stdin=stamped, out=['"CreatedDate":1583443386.123456789'],
                  json={"warnings.0.pointer": "/CachediSCSIVolumes/0/VolumeiSCSIAttributes/TargetARN"}))
    c.append(Case(W, "decode a string for a boolean", dr + ["DescribeVTLDevices", "--format", "json"], 1,
                  stdin=b'{"VTLDevices":[{"DeviceiSCSIAttributes":{"ChapEnabled":"yes"}}]}',
                  json={"problems.0.rule": "wrong_type", "problems.0.hint": "expected true or false",
                        "problems.0.pointer": "/VTLDevices/0/DeviceiSCSIAttributes/ChapEnabled"}))

    # -- targets
    stored_targets = ("DescribeStorediSCSIVolumes response: 1 volume\n%s\n  TargetARN     %s\n"
                      "  portal        10.243.43.207:3260\n  LUN           unknown\n  CHAP enabled  yes\n"
                      % (VOL, TGT)).encode()
    c.append(Case(W, "targets stored", ["targets", "{dir}/r.json"], 0, files={"r.json": out_of(
        "DescribeStorediSCSIVolumes")}, stdout_exact=stored_targets))
    c.append(Case(W, "targets stored json", ["targets", "--format", "json"], 0,
                  stdin=out_of("DescribeStorediSCSIVolumes"),
                  stdout_exact=('[{"arn":"%s","targetArn":"%s","portal":"10.243.43.207:3260","lun":null,'
                                '"chapEnabled":true}]\n' % (VOL, TGT)).encode()))
    c.append(Case(W, "targets cached", ["targets", "-"], 0, stdin=out_of("DescribeCachediSCSIVolumes"),
                  stdout_exact=stored_targets.replace(b"Stored", b"Cached").replace(b"LUN           unknown",
                                                                                     b"LUN           1")))
    c.append(Case(W, "targets cached json", ["targets", "--format", "json"], 0,
                  stdin=out_of("DescribeCachediSCSIVolumes"),
                  stdout_exact=('[{"arn":"%s","targetArn":"%s","portal":"10.243.43.207:3260","lun":1,'
                                '"chapEnabled":true}]\n' % (VOL, TGT)).encode()))
    devices = [("MEDIACHANGER_00001", "mediachanger", "207"), ("TAPEDRIVE_00001", "tapedrive-01", "209"),
               ("TAPEDRIVE_00002", "tapedrive-02", "209")]
    vtl_text = "DescribeVTLDevices response: 3 devices\n" + "".join(
        "%s/device/AMZN_SGW-1FAD4876_%s\n  TargetARN     %s/target/iqn.1997-05.com.amazon:sgw-1fad4876-%s\n"
        "  portal        10.243.43.%s:3260\n  CHAP enabled  no\n" % (GW9, d, GW9, t, ip) for d, t, ip in devices)
    c.append(Case(W, "targets vtl", ["targets"], 0, stdin=out_of("DescribeVTLDevices"),
                  stdout_exact=vtl_text.encode()))
    vtl_json = "[" + ",".join(
        '{"arn":"%s/device/AMZN_SGW-1FAD4876_%s","targetArn":"%s/target/iqn.1997-05.com.amazon:sgw-1fad4876-%s",'
        '"portal":"10.243.43.%s:3260","lun":null,"chapEnabled":false}' % (GW9, d, GW9, t, ip)
        for d, t, ip in devices) + "]\n"
    c.append(Case(W, "targets vtl json", ["targets", "--format", "json"], 0, stdin=out_of("DescribeVTLDevices"),
                  stdout_exact=vtl_json.encode()))
    c.append(Case(W, "targets: absent members, an IPv6 portal", ["targets"], 0,
                  stdin=b'{"VTLDevices":[{"DeviceiSCSIAttributes":{"NetworkInterfaceId":"fe80::1",'
                        b'"NetworkInterfacePort":3260}}]}',
                  stdout_exact=b"DescribeVTLDevices response: 1 device\n(no VTLDeviceARN)\n  TargetARN     unknown\n"
                               b"  portal        [fe80::1]:3260\n  CHAP enabled  unknown\n"))
    c.append(Case(W, "targets: absent members json", ["targets", "--format", "json"], 0,
                  stdin=b'{"StorediSCSIVolumes":[{}]}',
                  stdout_exact=b'[{"arn":null,"targetArn":null,"portal":null,"lun":null,"chapEnabled":null}]\n'))
    c.append(Case(W, "targets: another response", ["targets", "{dir}/lv.json"], 2,
                  files={"lv.json": out_of("ListVolumes")},
                  err=["has no StorediSCSIVolumes, CachediSCSIVolumes or VTLDevices member: it is not a "
                       "DescribeStorediSCSIVolumes, DescribeCachediSCSIVolumes or DescribeVTLDevices response"]))
    c.append(Case(W, "targets: --operation forces it", ["targets", "--operation", "DescribeVTLDevices"], 2,
                  stdin=out_of("DescribeStorediSCSIVolumes"),
                  err=["has no VTLDevices member: it is not a DescribeVTLDevices response"]))
    c.append(Case(W, "targets: --operation of another kind", ["targets", "--operation", "ListVolumes"], 2,
                  err=["not ListVolumes"]))
    c.append(Case(W, "targets: two lists", ["targets"], 2, stdin=b'{"StorediSCSIVolumes":[],"VTLDevices":[]}',
                  err=["give --operation"]))
    c.append(Case(W, "targets: not JSON", ["targets"], 1, stdin=b"<html>502</html>",
                  stdout_exact=b"error: body: malformed JSON (byte 0) [malformed_json]\nresponse: 1 problem\n"))
    c.append(Case(W, "targets: a wrong type, as decode response prints it", ["targets", "--format", "json"], 1,
                  stdin=b'{"CachediSCSIVolumes":{}}',
                  json={"valid": False, "problems.0.rule": "wrong_type", "problems.0.pointer": "/CachediSCSIVolumes",
                        "problems.0.hint": "expected an array"}))
    c.append(Case(W, "targets: unreadable file", ["targets", "/nonexistent/r.json"], 2, err=["cannot read"]))
    # call: --body-only is documented; with secrets in the body it needs --show-secrets (no server needed)
    c.append(Case(W, "call --help documents --body-only", ["call", "--help"], 0, out=["--body-only"]))
    c.append(Case(W, "call --body-only with secrets needs --show-secrets",
                  ["call", "DescribeChapCredentials", "--target-arn", ARN, "--body-only"], 2,
                  err=["--show-secrets"]))
    c.append(Case(W, "call dry run of ListVolumes", ["call", "ListVolumes", "--gateway-arn", GW, "--dry-run"], 0,
                  env={"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "x" * 40},
                  out=["POST https://storagegateway.us-east-1.amazonaws.com/\n", '\n{"GatewayARN":"%s"}\n' % GW]))
    return c


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--group", default="all")
    parser.add_argument("--list", action="store_true")
    opts = parser.parse_args()
    table = cases()
    if opts.list:
        print("\n".join(sorted({c.group for c in table})))
        return 0
    selected = [c for c in table if opts.group in ("all", c.group)]
    if not selected:
        print(f"no cases in group {opts.group!r}", file=sys.stderr)
        return 1
    failed = 0
    for case in selected:
        problems = run_case(opts.binary, case)
        failed += 1 if problems else 0
        for f in problems:
            print("FAIL " + f)
    print(f"{len(selected) - failed}/{len(selected)} cases passed (group {opts.group})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
