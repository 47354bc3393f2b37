#!/usr/bin/python3
"""No copy of a secret is left in the sgwchap process when it exits.

Each command runs under gdb, stopped at its exit_group system call (after every destructor,
atexit handler and stdio flush), and dumped with gcore; then every byte of the process's memory
in the dump (the PT_LOAD segments: heap, stack, every library's writable data, anonymous
mappings) is searched for each secret the command was given or received: the CHAP secrets, the
secret access key, the session token, and the CHAP secrets of a DescribeChapCredentials answer.
The register state (the core's notes) is not memory and is not searched.

The count must be zero for every command, including those that print a secret on purpose
(encode, --show-secrets): what was written to standard output is the kernel's (a pipe or file),
not the process's. A copy found is reported with the mapping that holds it (gdb's `info proc
mappings`: [heap], [stack], a library's path), so a copy held by libcurl or OpenSSL would be named.

Usage: check_secrets_in_core.py --binary SGWCHAP      (needs gdb; `call` runs against the
tests/tool/e2e server, so Debian's /usr/bin/python3 with python3-botocore and openssl)
"""

import argparse
import os
import re
import shlex
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "e2e"))
import run_e2e_tests as e2e  # noqa: E402  (the server, its credentials and CHAP secrets)

ARN = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume"
NAME = e2e.NAME
SECRET_I, SECRET_T = e2e.SECRET_I, e2e.SECRET_T
SECRETS = {"SecretToAuthenticateInitiator": SECRET_I, "SecretToAuthenticateTarget": SECRET_T,
           "AWS secret access key": e2e.SECRET_KEY, "AWS session token": e2e.TOKEN,
           "described SecretToAuthenticateInitiator": e2e.DESCRIBED[0],
           "described SecretToAuthenticateTarget": e2e.DESCRIBED[1]}


def load_segments(core):
    """(file offset, virtual address, size) of each PT_LOAD segment of an ELF64 core."""
    with open(core, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise RuntimeError(f"{core} is not an ELF64 core")
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    segments = []
    for i in range(phnum):
        kind, _, offset, vaddr, _, filesz, _, _ = struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize)
        if kind == 1 and filesz:
            segments.append((offset, vaddr, filesz))
    return data, segments


def parse_mappings(text):
    """gdb's `info proc mappings` rows: (start, end, name)."""
    rows = []
    for line in text.splitlines():
        m = re.match(r"\s*(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+(?:[rwxps-]{4}\s+)?(.*)$", line)
        if m:
            rows.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3).strip() or "[anonymous]"))
    return rows


def dump(binary, args, env, tmp, stdin=None):
    """Runs the command under gdb to its exit_group, dumps it; returns (exit status, core, mappings)."""
    core = os.path.join(tmp, "core")
    if os.path.exists(core):
        os.remove(core)
    run = "run " + " ".join(shlex.quote(a) for a in args) + f" >{shlex.quote(os.path.join(tmp, 'out'))}"
    run += f" 2>{shlex.quote(os.path.join(tmp, 'err'))}"
    if stdin is not None:
        path = os.path.join(tmp, "in")
        with open(path, "wb") as f:
            f.write(stdin)
        run += f" <{shlex.quote(path)}"
    gdb = subprocess.run(["gdb", "-q", "-batch", "-nx", "-ex", "set pagination off", "-ex", "set confirm off",
                          "-ex", "catch syscall exit_group", "-ex", run, "-ex", "printf \"STATUS %d\\n\", $rdi",
                          "-ex", "info proc mappings", "-ex", f"gcore {core}", "-ex", "kill", "--args", binary],
                         env=env, capture_output=True, text=True, timeout=120)
    status = re.search(r"^STATUS (-?\d+)$", gdb.stdout, re.M)
    if status is None or not os.path.exists(core):
        raise RuntimeError(f"gdb did not stop the process at its exit:\n{gdb.stdout}\n{gdb.stderr}")
    return int(status.group(1)), core, parse_mappings(gdb.stdout)


def find_copies(core, mappings, secrets):
    data, segments = load_segments(core)
    found = []
    for label, secret in secrets.items():
        needle = secret.encode()
        for offset, vaddr, size in segments:
            start = 0
            chunk = memoryview(data)[offset:offset + size].tobytes()
            while (at := chunk.find(needle, start)) != -1:
                address = vaddr + at
                holder = next((name for lo, hi, name in mappings if lo <= address < hi), "[unknown]")
                found.append(f"{label} at {address:#x} in {holder}")
                start = at + 1
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    opts = parser.parse_args()
    binary = os.path.abspath(opts.binary)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        server = e2e.Server(tmp, e2e.TOKEN)
        try:
            url, cert = server.url, server.cert
            # Each command is given only the secrets it reads (a variable it never reads would stay in
            # the environment block on the stack, the test's copy, not the tool's).
            base_env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": tmp}
            chap_env = {"INIT": SECRET_I, "TGT": SECRET_T}
            aws_env = {"AWS_ACCESS_KEY_ID": e2e.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": e2e.SECRET_KEY,
                       "AWS_SESSION_TOKEN": e2e.TOKEN}
            members = ["--target-arn", ARN, "--initiator-name", NAME, "--secret-to-authenticate-initiator-env", "INIT",
                       "--secret-to-authenticate-target-env", "TGT"]
            update = ["UpdateChapCredentials"] + members
            describe_body = ('{"ChapCredentials":[{"TargetARN":"%s","SecretToAuthenticateInitiator":"%s",'
                             '"InitiatorName":"%s","SecretToAuthenticateTarget":"%s"}]}'
                             % (ARN, SECRET_I, NAME, SECRET_T)).encode()
            body_file = os.path.join(tmp, "describe.json")
            with open(body_file, "wb") as f:
                f.write(describe_body)
            creds_file = os.path.join(tmp, "credentials")
            with open(creds_file, "w") as f:
                f.write(f"[default]\naws_access_key_id = {e2e.ACCESS_KEY}\naws_secret_access_key = {e2e.SECRET_KEY}\n"
                        f"aws_session_token = {e2e.TOKEN}\n")
            file_creds = dict(chap_env, AWS_SHARED_CREDENTIALS_FILE=creds_file)
            call_env = dict(chap_env, **aws_env)
            target = lambda scenario: e2e.arn(scenario, "core")
            call = ["call", "--endpoint-url", url, "--ca-bundle", cert]
            commands = [
                ("validate secret", ["validate", "secret"], {}, SECRET_I.encode()),
                ("encode (text)", ["encode"] + update, chap_env, None),
                ("encode --format json", ["encode"] + update + ["--format", "json"], chap_env, None),
                ("encode --body-only", ["encode"] + update + ["--body-only"], chap_env, None),
                ("decode response --show-secrets", ["decode", "response", "--operation", "DescribeChapCredentials",
                                                    "--show-secrets", body_file], {}, None),
                ("decode response --show-secrets --format json",
                 ["decode", "response", "--operation", "DescribeChapCredentials", "--show-secrets", "--format",
                  "json", body_file], {}, None),
                ("call UpdateChapCredentials", call + ["UpdateChapCredentials", "--target-arn", target("result")] +
                 members[2:], call_env, None),
                ("call UpdateChapCredentials, 503 then retried", call + ["UpdateChapCredentials", "--target-arn",
                                                                        target("retry503")] + members[2:],
                 dict(call_env, SGWCHAP_TEST_BACKOFF_SCALE="0.01"), None),
                ("call DescribeChapCredentials --show-secrets --format json",
                 call + ["DescribeChapCredentials", "--target-arn", target("result") + "x", "--show-secrets",
                         "--format", "json"], aws_env, None),
                ("call --dry-run", call + ["UpdateChapCredentials", "--target-arn", target("result") + "y"] +
                 members[2:] + ["--dry-run"], call_env, None),
                ("call, credentials from the shared file", call + ["UpdateChapCredentials", "--target-arn",
                                                                  target("result") + "z"] + members[2:],
                 file_creds, None),
            ]
            for label, args, extra_env, stdin in commands:
                env = dict(base_env, **extra_env)
                status, core, mappings = dump(binary, args, env, tmp, stdin)
                copies = find_copies(core, mappings, SECRETS)
                if os.environ.get("SGWCHAP_CORE_CONTEXT"):  # for investigating: the bytes around each copy
                    data, segments = load_segments(core)
                    for label2, secret in SECRETS.items():
                        for m in re.finditer(re.escape(secret.encode()), data):
                            print(f"    {label2}: ...{data[m.start() - 48:m.end() + 24]!r}")
                if status != 0:
                    failures += 1
                    with open(os.path.join(tmp, "err")) as f:
                        print(f"FAIL {label}: exit status {status}: {f.read().strip()}")
                elif copies:
                    failures += 1
                    print(f"FAIL {label}: {len(copies)} cop{'y' if len(copies) == 1 else 'ies'} of a secret left:")
                    for c in copies:
                        print("    " + c)
                else:
                    print(f"ok   {label}: no copy of any secret in the process at exit")
            for r in server.all_requests():
                if not r["verified"]:
                    failures += 1
                    print(f"FAIL the server could not verify a request: {r['problem']}")
        finally:
            server.stop()
    print(f"{len(commands) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
