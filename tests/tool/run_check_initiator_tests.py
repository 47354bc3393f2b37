#!/usr/bin/env python3
"""CLI tests of `sgwchap check-initiator`, in the harness of run_cli_tests.py (its Case and
run_case: exit status, stderr only for usage errors, no secret and no raw terminal control in any
output, JSON members).

Usage: run_check_initiator_tests.py --binary PATH --group GROUP [--real-files-script PATH]

Groups:
  check_initiator        hand-written open-iscsi trees in a temporary directory, with modes set
  check_initiator_real   files Debian's open-iscsi really writes: tests/open_iscsi/real_files.sh
                         generate (iscsi-iname, the shipped iscsid.conf, node records written by
                         iscsiadm in a throw-away /etc/iscsi). Needs root, unshare and the
                         open-iscsi package: without them this group FAILS, it never skips.
"""

import argparse
import json
import os
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_cli_tests import Case, run_case  # noqa: E402

ACCOUNT_ARN = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B/target/"
TARGET = "iqn.1997-05.com.amazon:myvolume"
ARN = ACCOUNT_ARN + TARGET
HOST = "iqn.1993-08.org.debian:01:5e1ec7ab1e"     # this host's InitiatorName
OTHER = "iqn.1991-05.com.microsoft:other.example.com"
S_I = "Init!ator#S3cret"    # SecretToAuthenticateInitiator
S_T = "Targ%t#S3cret-1"     # SecretToAuthenticateTarget
WRONG = "Wr0ng!Secret#12"
SECRETS = [S_I, S_T, WRONG]
PORTAL_DIR = "10.0.0.5,3260,1"
RECORD = f"etc/iscsi/nodes/{TARGET}/{PORTAL_DIR}/default"
NODE = f"iscsiadm -m node -T {TARGET} -p 10.0.0.5:3260"
CI = ["check-initiator", "--iscsi-dir", "{dir}/etc/iscsi"]

# Debian 12's shipped iscsid.conf, in the parts that matter: every CHAP line commented out.
DEBIAN_CONF = b"""# (excerpt of Debian 12's /etc/iscsi/iscsid.conf)
iscsid.startup = /bin/systemctl start iscsid.socket
node.startup = manual
# To enable CHAP authentication set node.session.auth.authmethod
# to CHAP. The default is None.
#node.session.auth.authmethod = CHAP
#node.session.auth.username = username
#node.session.auth.password = password
#discovery.sendtargets.auth.password = password
node.session.timeo.replacement_timeout = 120
"""


def name_file(name=HOST):
    return ("## DO NOT EDIT OR REMOVE THIS FILE!\nInitiatorName=%s\n" % name).encode()


def record(password=S_I, password_in=None, username_in=None, authmethod="CHAP", extra=""):
    """A node record as iscsiadm writes it (the lines that matter, in its order)."""
    lines = ["# BEGIN RECORD 2.1.8", f"node.name = {TARGET}", "node.tpgt = 1", "node.startup = manual",
             f"node.session.auth.authmethod = {authmethod}"]
    if password is not None:
        lines += [f"node.session.auth.username = {HOST}", f"node.session.auth.password = {password}"]
    if username_in is not None:
        lines.append(f"node.session.auth.username_in = {username_in}")
    if password_in is not None:
        lines.append(f"node.session.auth.password_in = {password_in}")
    lines += ["node.session.auth.chap_algs = MD5", "node.conn[0].address = 10.0.0.5", "node.conn[0].port = 3260"]
    return ("\n".join(lines) + "\n" + extra + "# END RECORD\n").encode()


def tree(rec=None, rec_mode=0o600, conf=DEBIAN_CONF, conf_mode=0o644, name=HOST, more=None):
    """An /etc/iscsi under {dir}/etc/iscsi: Debian's modes unless told otherwise."""
    files = {"etc/iscsi/initiatorname.iscsi": (name_file(name), 0o600), "etc/iscsi/iscsid.conf": (conf, conf_mode)}
    if rec is not None:
        files[RECORD] = (rec, rec_mode)
    files.update(more or {})
    return files


def update_body(secret=S_I, target_secret=None, name=HOST, arn=ARN):
    body = {"TargetARN": arn, "SecretToAuthenticateInitiator": secret, "InitiatorName": name}
    if target_secret is not None:
        body["SecretToAuthenticateTarget"] = target_secret
    return json.dumps(body).encode()


def delete_body(name=HOST):
    return json.dumps({"TargetARN": ARN, "InitiatorName": name}).encode()


def describe_body(*infos):
    """A DescribeChapCredentials response: infos are (name, initiator secret, target secret or None)."""
    out = []
    for name, s_i, s_t in infos:
        info = {"TargetARN": ARN, "SecretToAuthenticateInitiator": s_i, "InitiatorName": name}
        if s_t is not None:
            info["SecretToAuthenticateTarget"] = s_t
        out.append(info)
    return json.dumps({"ChapCredentials": out}).encode()


def decoded_document(binary, body, show_secrets=True):
    """What `sgwchap decode response --operation DescribeChapCredentials --format json` prints."""
    args = [binary, "decode", "response", "--operation", "DescribeChapCredentials", "--format", "json", "-"]
    if show_secrets:
        args.append("--show-secrets")
    proc = subprocess.run(args, input=body, capture_output=True, check=True)
    return proc.stdout


def hand_written(binary):
    c = []
    G = "check_initiator"

    def case(name, args, exit, **kw):
        kw.setdefault("secrets", SECRETS)
        c.append(Case(G, name, args, exit, **kw))

    req = {"req.json": (update_body(), 0o600)}
    # -- --request: UpdateChapCredentials
    case("update, record matches", CI + ["--request", "{dir}/req.json"], 0, files={**tree(record()), **req},
         out=["checking initiator " + HOST + " for target " + TARGET + ": the gateway has one-way CHAP (from the "
              "UpdateChapCredentials request)", "0 errors, 0 warnings, 2 notes: nothing found that stops the login",
              "[running_sessions_not_checked]", "iscsiadm -m node -T " + TARGET + " --logout"],
         not_out=["[password_mismatch]"])
    case("update, wrong password in the record", CI + ["--request", "{dir}/req.json"], 1,
         files={**tree(record(password=WRONG)), **req},
         out=["error: node record " + TARGET + " " + PORTAL_DIR + " default line 7 (byte ",
              "[password_mismatch]\n  --> ", RECORD + ":7\n",
              # the line holds a secret: its key only, the caret under the key
              "    node.session.auth.password\n    ^\n    (the value is a secret: not shown)\n",
              "  fix: " + NODE + ' -o update -n node.session.auth.password -v "$SGWCHAP_INITIATOR_SECRET"\n'
              "  fix: " + NODE + " --logout\n  fix: " + NODE + " --login\n",
              "1 error, 0 warnings, 2 notes: the login will fail",
              "note: the commands read SecretToAuthenticateInitiator from SGWCHAP_INITIATOR_SECRET: set it without "
              "echoing (bash: read -rs SGWCHAP_INITIATOR_SECRET; export SGWCHAP_INITIATOR_SECRET)"],
         not_out=["SGWCHAP_TARGET_SECRET"])
    case("update, wrong password, json", CI + ["--request", "{dir}/req.json", "--format", "json"], 1,
         files={**tree(record(password=WRONG)), **req},
         json={"ok": False, "host": "linux", "expected.source": "UpdateChapCredentials", "expected.target": TARGET,
               "expected.initiator_name": HOST, "expected.chap": "one_way",
               "findings.0.rule": "password_mismatch", "findings.0.severity": "error", "findings.0.line": 7,
               "findings.0.key": "node.session.auth.password", "findings.0.target": TARGET,
               "findings.0.portal": PORTAL_DIR, "findings.0.iface": "default",
               "findings.0.fix": [NODE + ' -o update -n node.session.auth.password -v "$SGWCHAP_INITIATOR_SECRET"',
                                  NODE + " --logout", NODE + " --login"],
               "findings.1.rule": "usernames_not_checked", "findings.1.file": None, "findings.1.fix": [],
               "counts.error": 1, "counts.warning": 0, "counts.note": 2},
         out=['"file":"', RECORD + '"', '"iscsid_conf":"', '"node_records":["'])
    case("update from standard input", CI + ["--request", "-", "--format", "json"], 0, stdin=update_body(),
         files=tree(record()), json={"ok": True, "counts.error": 0})
    case("mutual, record one-way", CI + ["--request", "-"], 0, stdin=update_body(target_secret=S_T),
         files=tree(record()), out=["[mutual_chap_gateway_only]", "the gateway has mutual CHAP"])
    case("mutual, wrong password_in", CI + ["--request", "-", "--format", "json"], 1,
         stdin=update_body(target_secret=S_T), files=tree(record(password_in=WRONG, username_in=TARGET)),
         json={"findings.0.rule": "password_in_mismatch",
               "findings.0.fix.0": NODE + ' -o update -n node.session.auth.password_in -v "$SGWCHAP_TARGET_SECRET"'})
    case("one-way, record asks for mutual", CI + ["--request", "-", "--format", "json"], 1, stdin=update_body(),
         files=tree(record(password_in=S_T, username_in=TARGET)),
         json={"findings.0.rule": "mutual_chap_initiator_only",
               "findings.0.fix": [NODE + ' -o update -n node.session.auth.username_in -v ""',
                                  NODE + ' -o update -n node.session.auth.password_in -v ""',
                                  NODE + " --logout", NODE + " --login"]})
    case("the host's name differs", CI + ["--request", "-"], 1, stdin=update_body(name=OTHER), files=tree(record()),
         out=["error: initiatorname.iscsi line 2 (byte ", "[initiator_name_mismatch]",
              # initiatorname.iscsi holds no secret: the whole line, the caret under the value
              "    InitiatorName=" + HOST + "\n" + " " * (4 + len("InitiatorName=")) + "^\n",
              "  fix: sgwchap encode UpdateChapCredentials --target-arn " + ARN + " --initiator-name " + HOST +
              " --secret-to-authenticate-initiator-env SGWCHAP_INITIATOR_SECRET\n"])
    other_target = f"etc/iscsi/nodes/iqn.1997-05.com.amazon:othervolume/{PORTAL_DIR}/default"
    case("no node record: iscsid.conf's defaults", CI + ["--request", "-", "--format", "json"], 1,
         stdin=update_body(), files=tree(None, more={other_target: (record(password=WRONG), 0o644)}),
         json={"findings.0.rule": "no_node_record", "findings.0.severity": "warning",
               "findings.1.rule": "outgoing_credentials_missing", "findings.1.line": 0},
         out=["iscsiadm -m discovery -t sendtargets", "# edit ", "iscsid.conf (iscsiadm does not write it)"],
         not_out=["/var/lib/iscsi"])
    case("no nodes directory: --db-root hint", CI + ["--request", "-"], 1, stdin=update_body(),
         files={"etc/iscsi/initiatorname.iscsi": (name_file(), 0o600)},
         out=["[no_node_record]", "--db-root /var/lib/iscsi"])
    case("--db-root: nodes/ elsewhere", CI + ["--db-root", "{dir}/var/lib/iscsi", "--request", "-"], 1,
         stdin=update_body(), files=tree(None, more={"var/lib/iscsi/" + RECORD[len("etc/iscsi/"):]:
                                                     (record(password=WRONG), 0o600)}),
         out=["[password_mismatch]", "var/lib/iscsi/nodes/" + TARGET + "/" + PORTAL_DIR + "/default:7"])
    case("authmethod in the wrong case: whole line shown", CI + ["--request", "-", "--format", "json"], 1,
         stdin=update_body(), files=tree(record(authmethod="chap")),
         json={"findings.0.rule": "invalid_authmethod",
               "findings.0.fix": [NODE + " -o update -n node.session.auth.authmethod -v CHAP"]})
    case("authmethod in the wrong case: text", CI + ["--request", "-"], 1, stdin=update_body(),
         files=tree(record(authmethod="chap")),
         out=["    node.session.auth.authmethod = chap\n" + " " * (4 + len("node.session.auth.authmethod = ")) + "^"])
    # A secret pasted on a line of its own: open-iscsi skips it (no '='); the report never shows it.
    case("pasted secret line never shown", CI + ["--request", "-"], 0, stdin=update_body(),
         files=tree(record(extra=WRONG + "\n")), out=["[missing_value]", RECORD + ":"],
         not_out=["    " + WRONG[:4]])
    # -- --request: DeleteChapCredentials
    case("delete inferred, credentials left", CI + ["--request", "-", "--format", "json"], 1, stdin=delete_body(),
         files=tree(record(authmethod="None")),
         json={"expected.source": "DeleteChapCredentials", "expected.chap": "none",
               "findings.0.rule": "authmethod_none_with_credentials", "findings.0.fix": [],
               "findings.1.rule": "stale_credentials",
               "findings.1.fix": [NODE + " -o update -n node.session.auth.authmethod -v None",
                                  NODE + ' -o update -n node.session.auth.username -v ""',
                                  NODE + ' -o update -n node.session.auth.password -v ""',
                                  NODE + ' -o update -n node.session.auth.username_in -v ""',
                                  NODE + ' -o update -n node.session.auth.password_in -v ""',
                                  NODE + " --logout", NODE + " --login"]})
    case("delete, record without CHAP", CI + ["--request", "-"], 0, stdin=delete_body(),
         files=tree(record(password=None, authmethod="None")), out=["the gateway has no CHAP", "0 errors"])
    case("--operation DeleteChapCredentials with a secret in the body", CI + ["--request", "-", "--operation",
                                                                            "DeleteChapCredentials"], 2,
         stdin=update_body(), files=tree(record()), err=["[unknown_key]"])
    case("--operation DescribeChapCredentials refused", CI + ["--request", "-", "--operation",
                                                              "DescribeChapCredentials"], 2,
         stdin=update_body(), files=tree(record()), err=["--describe"])
    case("invalid request", CI + ["--request", "-"], 2, stdin=update_body(name="iqn.2015-13.com.example"),
         files=tree(record()), err=["not valid (strict profile)", "[iqn_month_out_of_range]",
                                    "sgwchap validate request --operation UpdateChapCredentials"])
    seventeen = "Seventeen!bytes#1"
    case("strict refuses, aws-model hint", CI + ["--request", "-"], 2, stdin=update_body(secret=seventeen),
         files=tree(record(password=seventeen)), err=["[too_long]", "--profile aws-model"], secrets=[seventeen])
    case("aws-model checks it", CI + ["--request", "-", "--profile", "aws-model"], 0,
         stdin=update_body(secret=seventeen), files=tree(record(password=seventeen)),
         out=["warning: ", "is 17 bytes long", "[secret_length]"], secrets=[seventeen])
    case("unknown member", CI + ["--request", "-"], 2, stdin=update_body().replace(b'"InitiatorName"',
                                                                                  b'"InitiatorNam"'),
         files=tree(record()), err=["[unknown_key]"])
    # -- --describe: a raw response, sgwchap's document, and what they must hold
    raw = describe_body((HOST, S_I, S_T))
    case("describe raw body", CI + ["--describe", "{dir}/d.json"], 1,
         files={**tree(record(password_in=WRONG, username_in=TARGET)), "d.json": (raw, 0o600)},
         out=["the gateway has mutual CHAP (from the DescribeChapCredentials response)", "[password_in_mismatch]"])
    doc = decoded_document(binary, raw)
    case("describe document on standard input", CI + ["--format", "json"], 0, stdin=doc,
         files=tree(record(password_in=S_T, username_in=TARGET)),
         json={"ok": True, "expected.source": "DescribeChapCredentials", "expected.chap": "mutual",
               "expected.initiator_name": HOST})
    case("describe document with --describe -", CI + ["--describe", "-"], 0, stdin=doc, files=tree(record()),
         out=["warning: ", "[mutual_chap_gateway_only]"])
    case("redacted document refused", CI, 2, stdin=decoded_document(binary, raw, show_secrets=False),
         files=tree(record()), err=["redacted", "--show-secrets"])
    case("document of a failed decode refused", CI, 2, stdin=b'{"valid":false,"problems":[]}', files=tree(record()),
         err=['"valid" is not true'])
    case("document of another operation refused", CI, 2,
         stdin=b'{"valid":true,"operation":"UpdateChapCredentials","result":{},"warnings":[]}',
         files=tree(record()), err=["not of a DescribeChapCredentials response"])
    case("no ChapCredentials member", CI, 2, stdin=b"{}", files=tree(record()), err=["no ChapCredentials member"])
    case("malformed response", CI, 2, stdin=b'{"ChapCredentials": [', files=tree(record()), err=["[malformed_json]"])
    no_arn = json.dumps({"ChapCredentials": [{"InitiatorName": HOST, "SecretToAuthenticateInitiator": S_I}]})
    case("describe without TargetARN needs --target-arn", CI, 2, stdin=no_arn.encode(), files=tree(record()),
         err=["give --target-arn"])
    case("describe with --target-arn", CI + ["--target-arn", ARN], 0, stdin=no_arn.encode(), files=tree(record()))
    case("--target-arn checked", CI + ["--target-arn", "arn:aws:nope"], 2, stdin=no_arn.encode(),
         files=tree(record()), err=["--target-arn: "])
    two = describe_body((OTHER, WRONG, None), (HOST, S_I, None))
    case("describe picks this host's name from initiatorname.iscsi", CI + ["--format", "json"], 0, stdin=two,
         files=tree(record()), json={"expected.initiator_name": HOST, "expected.chap": "one_way"})
    case("describe --initiator-name of another initiator", CI + ["--initiator-name", OTHER], 1, stdin=two,
         files=tree(record()), out=["[initiator_name_mismatch]", "[password_mismatch]"])
    case("describe lists nothing for this host", CI + ["--format", "json"], 1,
         stdin=describe_body((OTHER, WRONG, None)), files=tree(record()),
         json={"expected.chap": "none", "findings.0.rule": "gateway_has_no_chap",
               "findings.1.rule": "stale_credentials"})
    case("standard input is a terminal", CI, 2, stdin=b"", stdin_tty=True, files=tree(record()),
         err=["standard input is a terminal"])
    # -- files that hold secrets and that others may read
    case("record 0644 refused", CI + ["--request", "-"], 2, stdin=update_body(),
         files=tree(record(), rec_mode=0o644),
         err=["refusing to use '", RECORD + "': it holds CHAP passwords in plain text, and group or others have "
              "access to it (mode 0644); Debian's iscsiadm writes node records 0600, in directories 0700: run "
              "chmod 600 on it, or pass --allow-insecure-files"])
    case("record 0640 refused", CI + ["--request", "-"], 2, stdin=update_body(),
         files=tree(record(), rec_mode=0o640), err=["mode 0640"])
    case("record 0644 with --allow-insecure-files", CI + ["--request", "-", "--allow-insecure-files", "--format",
                                                          "json"], 0,
         stdin=update_body(), files=tree(record(), rec_mode=0o644),
         json={"ok": True, "findings.0.rule": "file_open_to_others", "findings.0.severity": "warning",
               "counts.warning": 1},
         out=['"fix":["chmod 600 '])
    case("record 0644 without CHAP is fine", CI + ["--request", "-"], 0, stdin=delete_body(),
         files=tree(record(password=None, authmethod="None"), rec_mode=0o644), not_out=["file_open_to_others"])
    case("iscsid.conf 0644 with a password refused", CI + ["--request", "-"], 2, stdin=update_body(),
         files=tree(record(), conf=DEBIAN_CONF + b"discovery.sendtargets.auth.password = " + WRONG.encode() + b"\n"),
         err=["iscsid.conf': it holds CHAP passwords"])
    case("iscsid.conf 0644 with a misspelt password key refused", CI + ["--request", "-"], 2, stdin=update_body(),
         files=tree(record(), conf=DEBIAN_CONF + b"node.session.auth.passwd = " + WRONG.encode() + b"\n"),
         err=["iscsid.conf': it holds CHAP passwords"])
    case("request file 0644 refused", CI + ["--request", "{dir}/r.json"], 2,
         files={**tree(record()), "r.json": (update_body(), 0o644)},
         err=["r.json': it holds CHAP secrets, and group or others have access to it (mode 0644)"])
    case("delete request file 0644 is fine", CI + ["--request", "{dir}/r.json"], 1,
         files={**tree(record()), "r.json": (delete_body(), 0o644)}, out=["[stale_credentials]"])
    case("describe file 0604 refused", CI + ["--describe", "{dir}/d.json"], 2,
         files={**tree(record()), "d.json": (raw, 0o604)}, err=["mode 0604"])
    # -- --windows: PowerShell lines, no files
    W = ["check-initiator", "--windows"]
    case("windows mutual", W + ["--request", "-"], 0, stdin=update_body(target_secret=S_T),
         out=["on a Windows host: the gateway has mutual CHAP", "[windows_one_mutual_secret]",
              "  Disconnect-IscsiTarget -NodeAddress '" + TARGET + "' -Confirm:$false\n",
              "  Set-IscsiChapSecret -ChapSecret $env:SGWCHAP_TARGET_SECRET\n",
              "  Connect-IscsiTarget -NodeAddress '" + TARGET + "' -AuthenticationType MUTUALCHAP -ChapUsername '" +
              HOST + "' -ChapSecret $env:SGWCHAP_INITIATOR_SECRET\n",
              'Windows calls SecretToAuthenticateInitiator the "target secret"', "must be upper case",
              "nothing in the gateway's state stops a Windows login", "Read-Host -AsSecureString"])
    case("windows one-way json", W + ["--request", "-", "--format", "json"], 0, stdin=update_body(),
         json={"ok": True, "host": "windows", "findings.0.rule": "windows_settings_not_read"},
         out=["-AuthenticationType ONEWAYCHAP"], not_out=["Set-IscsiChapSecret", '"files"'])
    case("windows after delete", W + ["--request", "-"], 0, stdin=delete_body(),
         out=["-AuthenticationType NONE"], not_out=["-ChapSecret"])
    case("windows: a 17-byte secret fails", W + ["--request", "-", "--profile", "aws-model", "--format", "json"], 1,
         stdin=update_body(secret=seventeen), secrets=[seventeen],
         json={"ok": False, "findings.1.rule": "windows_secret_length", "findings.1.severity": "error"})
    case("windows describe, one initiator", W, 0, stdin=describe_body((OTHER, S_I, None)),
         out=["-ChapUsername '" + OTHER + "'"])
    case("windows describe, two initiators", W, 2, stdin=two, err=["give --initiator-name"])
    case("windows reads no files", W + ["--iscsi-dir", "/etc/iscsi", "--request", "-"], 2, stdin=update_body(),
         err=["--windows reads no open-iscsi files"])
    # -- colour: on a terminal only, never with NO_COLOR (https://no-color.org)
    case("colour on a terminal", CI + ["--request", "-"], 1, stdin=update_body(), tty=True,
         files=tree(record(password=WRONG)),
         out=["\x1b[1;31merror:\x1b[0m node record", "\x1b[1;36mnote:\x1b[0m", "  \x1b[1;32mfix:\x1b[0m iscsiadm",
              "    \x1b[1;32m^\x1b[0m"])
    case("NO_COLOR on a terminal", CI + ["--request", "-"], 1, stdin=update_body(), tty=True,
         env={"NO_COLOR": "1"}, files=tree(record(password=WRONG)), out=["error: node record"], not_out=["\x1b"])
    case("no colour in JSON on a terminal", CI + ["--request", "-", "--format", "json"], 1, stdin=update_body(),
         tty=True, files=tree(record(password=WRONG)), out=['"ok":false'], not_out=["\x1b"])
    # -- usage
    case("--request and --describe", CI + ["--request", "-", "--describe", "-"], 2, stdin=update_body(),
         err=["excludes"])
    case("--target-arn with --request", CI + ["--request", "-", "--target-arn", ARN], 2, stdin=update_body(),
         err=["excludes"])
    case("--operation without --request", CI + ["--operation", "UpdateChapCredentials"], 2, stdin=raw,
         err=["requires --request"])
    case("--iscsi-dir not a directory", ["check-initiator", "--iscsi-dir", "/nonexistent/iscsi", "--request", "-"],
         2, stdin=update_body(), err=["'/nonexistent/iscsi' is not a directory"])
    case("initiatorname.iscsi is a directory", CI + ["--request", "-"], 2, stdin=update_body(),
         files={"etc/iscsi/initiatorname.iscsi/x": b"", "etc/iscsi/iscsid.conf": DEBIAN_CONF},
         err=["initiatorname.iscsi': it is a directory"])
    case("request file missing", CI + ["--request", "{dir}/none.json"], 2, files=tree(record()),
         err=["cannot read '", "none.json': No such file or directory"])
    return c


# ---------------------------------------------------------------------------------------------
# Files Debian's open-iscsi wrote (tests/open_iscsi/real_files.sh generate)

def real_tree(gen, modes=None, owners=None):
    """An /etc/iscsi under {dir}/etc/iscsi from what real_files.sh generated: initiatorname.iscsi
    (0600, as Debian's postinst and startup-checks.sh leave it), the shipped iscsid.conf (with its
    mode, 0644 on Debian) and every node record with the mode iscsiadm gave it."""
    files = {}

    def add(dest, src, mode=None):
        with open(src, "rb") as f:
            data = f.read()
        files[dest] = (data, mode if mode is not None else stat.S_IMODE(os.stat(src).st_mode))

    add("etc/iscsi/initiatorname.iscsi", os.path.join(gen, "initiatorname.iscsi"), 0o600)
    add("etc/iscsi/iscsid.conf", "/etc/iscsi/iscsid.conf")
    root = os.path.join(gen, "root")
    for folder, _, names in os.walk(os.path.join(root, "nodes")):
        for n in names:
            src = os.path.join(folder, n)
            add("etc/iscsi/" + os.path.relpath(src, root), src)
    for path, mode in (modes or {}).items():
        files[path] = (files[path][0], mode)
    for path, uid in (owners or {}).items():
        files[path] = (files[path][0], files[path][1], uid)
    return files


def real(binary, gen):
    c = []
    G = "check_initiator_real"
    with open(os.path.join(gen, "generated-name")) as f:
        host = f.read()
    s1, s2, wrong = "Init!ator#S3cret", "Targ%t#S3cret-1", "Wr0ng!Secret#12"  # as real_files.sh planted them
    secrets = [s1, s2, wrong]

    def arn(target):
        return ACCOUNT_ARN + "iqn.1997-05.com.amazon:" + target

    def body(target, mutual=False, secret=s1):
        b = {"TargetARN": arn(target), "SecretToAuthenticateInitiator": secret, "InitiatorName": host}
        if mutual:
            b["SecretToAuthenticateTarget"] = s2
        return json.dumps(b).encode()

    def case(name, args, exit, **kw):
        kw.setdefault("secrets", secrets)
        kw.setdefault("files", real_tree(gen))
        c.append(Case(G, name, args, exit, **kw))

    oneway = "iqn.1997-05.com.amazon:oneway"
    # The modes the files really have, asserted before anything relies on them.
    t = real_tree(gen)
    rec = "etc/iscsi/nodes/" + oneway + "/10.0.0.5,3260,1/default"
    modes = {p: m for p, (_, m) in t.items()}
    if modes.get(rec) != 0o600:
        raise SystemExit(f"iscsiadm wrote {rec} with mode {modes.get(rec)!r}, not 0600")
    conf_mode = modes["etc/iscsi/iscsid.conf"]
    if conf_mode & 0o077 == 0:
        raise SystemExit(f"the shipped iscsid.conf has mode {conf_mode:o}: the case below expects others to read it")
    case(f"shipped iscsid.conf ({conf_mode:04o}, no secret) is read", CI + ["--request", "-", "--format", "json"], 1,
         stdin=body("oneway"), out=['"iscsid_conf":"', '/etc/iscsi/iscsid.conf"'], not_out=["file_open_to_others"])
    case("one-way: the second portal has another secret", CI + ["--request", "-", "--format", "json"], 1,
         stdin=body("oneway"),
         json={"expected.initiator_name": host, "findings.0.rule": "password_mismatch",
               "findings.0.portal": "10.0.1.5,3260,1", "findings.0.key": "node.session.auth.password",
               "findings.0.fix.0": "iscsiadm -m node -T " + oneway + " -p 10.0.1.5:3260 -o update -n "
                                   'node.session.auth.password -v "$SGWCHAP_INITIATOR_SECRET"',
               "findings.1.rule": "usernames_not_checked", "counts.error": 1},
         out=['"node_records":["', "10.0.0.5,3260,1/default",
              "10.0.1.5,3260,1/default"])
    case("one-way: text", CI + ["--request", "-"], 1, stdin=body("oneway"),
         out=["[password_mismatch]\n  --> ", "/etc/iscsi/nodes/" + oneway + "/10.0.1.5,3260,1/default:34\n"
              "    node.session.auth.password\n    ^\n", "1 error, 0 warnings, 2 notes: the login will fail"])
    case("mutual: the record matches", CI + ["--request", "-"], 0, stdin=body("mutual", mutual=True),
         out=["the gateway has mutual CHAP", "0 errors"])
    doc = decoded_document(binary, describe_body_for(arn("mutual"), host, s1, s2))
    case("mutual: sgwchap's Describe document on standard input", CI + ["--format", "json"], 0, stdin=doc,
         json={"ok": True, "expected.source": "DescribeChapCredentials", "expected.initiator_name": host,
               "expected.chap": "mutual"})
    case("mutual: Describe with another target secret", CI, 1,
         stdin=describe_body_for(arn("mutual"), host, s1, wrong), out=["[password_in_mismatch]"])
    case("deleted: credentials left behind", CI + ["--request", "-", "--format", "json"], 1,
         stdin=json.dumps({"TargetARN": arn("deleted"), "InitiatorName": host}).encode(),
         json={"expected.chap": "none", "findings.0.rule": "authmethod_none_with_credentials",
               "findings.1.rule": "stale_credentials",
               "findings.1.fix.0": "iscsiadm -m node -T iqn.1997-05.com.amazon:deleted -p 10.0.0.8:3260 -o update "
                                   "-n node.session.auth.authmethod -v None"})
    case("trailing blank: iscsiadm wrote it, open-iscsi strips it", CI + ["--request", "-"], 0,
         stdin=body("trailing"), out=["[whitespace_stripped]"], not_out=["[password_mismatch]"])
    case("chap_algs without MD5: the line is shown", CI + ["--request", "-"], 0, stdin=body("algs"),
         out=["[chap_algs_without_md5]", "    node.session.auth.chap_algs = SHA256,SHA1\n" +
              " " * (4 + len("node.session.auth.chap_algs = ")) + "^"])
    case("flat layout record", CI + ["--request", "-", "--format", "json"], 0, stdin=body("flat"),
         json={"ok": True}, out=["nodes/iqn.1997-05.com.amazon:flat/10.0.0.10,3260\""])
    case("no record: iscsid.conf's defaults have no password", CI + ["--request", "-", "--format", "json"], 1,
         stdin=body("neverdiscovered"),
         json={"findings.0.rule": "no_node_record", "findings.1.rule": "outgoing_credentials_missing"})
    case("a record made 0644 is refused", CI + ["--request", "-"], 2, stdin=body("oneway"),
         files=real_tree(gen, modes={rec: 0o644}), err=["refusing to use", "mode 0644"])
    case("a record owned by another user is refused", CI + ["--request", "-"], 2, stdin=body("oneway"),
         files=real_tree(gen, owners={rec: 65534}), err=["owned by uid 65534", "chown root and chmod 600"])
    case("a record owned by another user, allowed", CI + ["--request", "-", "--allow-insecure-files"], 1,
         stdin=body("oneway"), files=real_tree(gen, owners={rec: 65534}),
         out=["[file_open_to_others]", "  fix: chown root "])
    case("windows from the same request", ["check-initiator", "--windows", "--request", "-"], 0,
         stdin=body("mutual", mutual=True), files={}, out=["-AuthenticationType MUTUALCHAP -ChapUsername '" + host])
    return c


# Runs inside `unshare --mount --net`, as real_files.sh does: a tmpfs over /run (iscsiadm's lock
# files; no way to systemd), DB root bound over /etc/iscsi after checking its marker; then each
# command given as an argument. The DB root holds no iscsid.conf, so iscsiadm finds no
# iscsid.startup command to run.
INSIDE = r"""
set -eu
mount -t tmpfs sgwchap-run /run
mkdir -p /run/lock
mount --bind "$1" /etc/iscsi
[ -e /etc/iscsi/.sgwchap-throw-away ]
shift
for cmd in "$@"; do
  sh -c "$cmd" 2>>/etc/iscsi/iscsiadm.log
done
"""


def apply_fixes(binary, gen):
    """The fix commands, run with Debian's iscsiadm on a copy of the real records, make the check
    pass: the commands are right, not only well-formed. (--logout/--login need a running iscsid
    and a kernel iSCSI transport, which a test container lacks: they are not run.)"""
    failures = []
    with open(os.path.join(gen, "generated-name")) as f:
        host = f.read()
    s1, s2 = "Init!ator#S3cret", "Targ%t#S3cret-1"
    new_s1, new_s2 = "N3w!Init#Secret", "N3w%Targ#Secret"
    arn = ACCOUNT_ARN + "iqn.1997-05.com.amazon:"
    scenarios = [
        ("one-way, second portal", ["--request", "-"],
         json.dumps({"TargetARN": arn + "oneway", "InitiatorName": host, "SecretToAuthenticateInitiator": s1}),
         {"SGWCHAP_INITIATOR_SECRET": s1}),
        ("mutual, new target secret", ["--describe", "-"],
         describe_body_for(arn + "mutual", host, s1, new_s2).decode(),
         {"SGWCHAP_INITIATOR_SECRET": s1, "SGWCHAP_TARGET_SECRET": new_s2}),
        ("deleted", ["--request", "-"], json.dumps({"TargetARN": arn + "deleted", "InitiatorName": host}), {}),
        ("one-way, a new secret for both portals", ["--request", "-"],
         json.dumps({"TargetARN": arn + "oneway", "InitiatorName": host, "SecretToAuthenticateInitiator": new_s1}),
         {"SGWCHAP_INITIATOR_SECRET": new_s1}),
    ]
    for name, args, state, env in scenarios:
        with tempfile.TemporaryDirectory() as tmp:
            files = real_tree(gen)
            for path, (data, mode) in files.items():
                # initiatorname.iscsi and iscsid.conf in etc/, the records under db/ (bound at /etc/iscsi)
                dest = os.path.join(tmp, "db" + path[len("etc/iscsi"):] if "/nodes/" in path else path)
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(dest, "wb") as out:
                    out.write(data)
                os.chmod(dest, mode)
            open(os.path.join(tmp, "db", ".sgwchap-throw-away"), "w").close()
            check = [binary, "check-initiator", "--iscsi-dir", os.path.join(tmp, "etc/iscsi"), "--db-root",
                     os.path.join(tmp, "db"), "--format", "json"] + args

            def run_check():
                proc = subprocess.run(check, input=state.encode(), capture_output=True)
                for secret in (s1, s2, new_s1, new_s2):
                    if secret.encode() in proc.stdout + proc.stderr:
                        failures.append(f"{name}: a secret appears in the output")
                return proc.returncode, json.loads(proc.stdout or b"null"), proc.stderr

            status, doc, err = run_check()
            if status != 1 or doc is None:
                failures.append(f"{name}: before the fix, exit {status} (expected 1): {err!r}")
                continue
            commands = [line for f in doc["findings"] if f["severity"] == "error" for line in f["fix"]
                        if line.startswith("iscsiadm ") and " -o update " in line]
            if not commands:
                failures.append(f"{name}: no iscsiadm -o update command among the fixes: {doc['findings']!r}")
                continue
            full_env = dict(os.environ, **env)
            proc = subprocess.run(["unshare", "--mount", "--net", "--propagation", "private", "--", "bash", "-c",
                                   INSIDE, "inside", os.path.join(tmp, "db")] + commands,
                                  env=full_env, capture_output=True, text=True)
            if proc.returncode != 0:
                failures.append(f"{name}: running the fix failed ({proc.returncode}): {proc.stderr.strip()}")
                continue
            status, doc, err = run_check()
            errors = [f["rule"] for f in doc["findings"] if f["severity"] == "error"] if doc else ["(no output)"]
            if status != 0 or errors:
                failures.append(f"{name}: after the fix, exit {status}, errors {errors}: {err!r}")
    for f in failures:
        print("FAIL check_initiator_real/apply the fixes: " + f)
    print(f"{len(scenarios) - len({f.split(':')[0] for f in failures})}/{len(scenarios)} fix scenarios passed "
          "(iscsiadm applied the printed commands)")
    return not failures


def describe_body_for(target_arn, name, s_i, s_t):
    info = {"TargetARN": target_arn, "SecretToAuthenticateInitiator": s_i, "InitiatorName": name,
            "SecretToAuthenticateTarget": s_t}
    return json.dumps({"ChapCredentials": [info]}).encode()


def generate_real_files(script, into):
    """real_files.sh generate: fails (never skips) without root or open-iscsi."""
    proc = subprocess.run(["bash", script, "generate", into], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"real_files.sh generate failed ({proc.returncode}): {proc.stderr.strip()}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--group", required=True, choices=["check_initiator", "check_initiator_real"])
    parser.add_argument("--real-files-script",
                        default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "open_iscsi",
                                             "real_files.sh"))
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as gen:
        if opts.group == "check_initiator":
            table = hand_written(opts.binary)
        else:
            generate_real_files(opts.real_files_script, gen)
            table = real(opts.binary, gen)
        failed = 0
        for case in table:
            problems = run_case(opts.binary, case)
            failed += 1 if problems else 0
            for f in problems:
                print("FAIL " + f)
        fixes_work = opts.group != "check_initiator_real" or apply_fixes(opts.binary, gen)
    print(f"{len(table) - failed}/{len(table)} cases passed (group {opts.group})")
    return 1 if failed or not fixes_work else 0


if __name__ == "__main__":
    sys.exit(main())
