#!/usr/bin/env bash
# The open_iscsi_real_files test: files written by Debian's open-iscsi itself, read by
# <sgwchap/open_iscsi.hpp>.
#
#   real_files.sh run TEST_BINARY   generate into a temporary directory, run the Catch2 binary on
#                                   it (SGWCHAP_OPEN_ISCSI_FILES=DIR), delete the directory
#   real_files.sh generate DIR      only generate (to look at the files)
#
# What it writes into DIR:
#   initiatorname.iscsi, generated-name   a name from `iscsi-iname -p iqn.1993-08.org.debian:01`,
#                                         written as Debian's postinst writes the file
#   debian-iscsid.conf, iscsid.conf.md5   a copy of the shipped /etc/iscsi/iscsid.conf (read only)
#                                         and "pristine"/"modified" against dpkg's conffile checksum
#   root/nodes/...                        node records written by `iscsiadm -m node -o new` and
#                                         `-o update -n node.session.auth.* -v ...`
#   node-listing.txt                      `iscsiadm -m node` after a record was moved to the old
#                                         flat layout (nodes/<IQN>/<address>,<port>)
#   oracle/<case>.in, oracle/<case>.out   for every line of oracle_cases.txt: a record with the
#                                         case's bytes appended, and the same record after iscsiadm
#                                         read it (usr/idbm.c) and wrote back what it understood
#   iscsiadm-version.txt
#
# How iscsiadm is kept away from the machine's own state: every iscsiadm runs inside
# `unshare --mount --net`, where a tmpfs covers /run (its lock files, and no route to systemd or
# D-Bus) and DIR/root is bind-mounted over /etc/iscsi; the script checks a marker file there
# before the first iscsiadm. The namespace has its own network stack, so iscsiadm cannot reach a
# running iscsid, and DIR/root has no iscsid.conf, so iscsiadm finds no iscsid.startup command
# to run (Debian's says `/bin/systemctl start iscsid.socket`).
#
# What iscsiadm cannot do here: without iscsid, iscsiadm does not read iscsid.conf at all (it asks
# the daemon for its path: usr/iscsiadm.c get_config_file, MGMT_IPC_CONFIG_FILE), so these records
# start from open-iscsi's built-in defaults, not from iscsid.conf; and iscsid itself needs the
# kernel's NETLINK_ISCSI (iscsi_tcp), which containers lack. So the copying of iscsid.conf's
# defaults into a record at discovery is not exercised; the unit tests cover it by rows.
#
# Needs root, util-linux (unshare, mount) and the open-iscsi package: without them the test fails,
# it never skips.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

# The CHAP secrets planted in the records; test_real_files.cpp uses the same values.
s1='Init!ator#S3cret'  # SecretToAuthenticateInitiator
s2='Targ%t#S3cret-1'   # SecretToAuthenticateTarget
wrong='Wr0ng!Secret#12'

fail() {
  echo "real_files.sh: $*" >&2
  exit 1
}

require() {
  [[ $(id -u) -eq 0 ]] || fail "must run as root (iscsiadm and unshare --mount need it)"
  for tool in iscsiadm iscsi-iname unshare mount dpkg-query md5sum; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (install open-iscsi: scripts/deps test)"
  done
  [[ $(dpkg-query -W -f='${Status}' open-iscsi 2>/dev/null || true) == "install ok installed" ]] ||
    fail "the open-iscsi package is not installed (scripts/deps test installs it)"
}

# Runs inside the namespace: $1 = DIR.
inside() {
  local dir=$1
  mount -t tmpfs sgwchap-run /run
  mkdir -p /run/lock
  mount --bind "$dir/root" /etc/iscsi
  [[ -e /etc/iscsi/.sgwchap-throw-away ]] || fail "/etc/iscsi is not the throw-away directory"

  local name
  name=$(cat "$dir/generated-name")
  adm() { iscsiadm "$@" 2>>"$dir/iscsiadm.log"; }
  new() { adm -m node -o new -T "$1" -p "$2" >/dev/null; }
  set_key() { adm -m node -T "$1" -p "$2" -o update -n "node.session.auth.$3" -v "$4"; }
  one_way() {
    new "$1" "$2,1"
    set_key "$1" "$2" authmethod CHAP
    set_key "$1" "$2" username "$name"
    set_key "$1" "$2" password "$3"
  }

  # One target per scenario of test_real_files.cpp.
  one_way iqn.1997-05.com.amazon:oneway 10.0.0.5:3260 "$s1"
  one_way iqn.1997-05.com.amazon:oneway 10.0.1.5:3260 "$wrong"  # a second portal, another secret
  one_way iqn.1997-05.com.amazon:mutual 10.0.0.6:3260 "$s1"
  set_key iqn.1997-05.com.amazon:mutual 10.0.0.6:3260 username_in iqn.1997-05.com.amazon:mutual
  set_key iqn.1997-05.com.amazon:mutual 10.0.0.6:3260 password_in "$s2"
  one_way iqn.1997-05.com.amazon:trailing 10.0.0.7:3260 "$s1 "  # iscsiadm writes the blank
  one_way iqn.1997-05.com.amazon:deleted 10.0.0.8:3260 "$s1"
  set_key iqn.1997-05.com.amazon:deleted 10.0.0.8:3260 authmethod None  # "disabled", credentials left
  one_way iqn.1997-05.com.amazon:algs 10.0.0.9:3260 "$s1"
  set_key iqn.1997-05.com.amazon:algs 10.0.0.9:3260 chap_algs SHA256,SHA1
  one_way iqn.1997-05.com.amazon:flat 10.0.0.10:3260 "$s1"

  # The old flat layout: the portal is the record (usr/idbm.c idbm_rec_read reads it first).
  local flat=/etc/iscsi/nodes/iqn.1997-05.com.amazon:flat
  mv "$flat/10.0.0.10,3260,1/default" "$flat/10.0.0.10,3260.tmp"
  rmdir "$flat/10.0.0.10,3260,1"
  mv "$flat/10.0.0.10,3260.tmp" "$flat/10.0.0.10,3260"
  adm -m node >"$dir/node-listing.txt"

  # The oracle: iscsiadm reads each case through usr/idbm.c and writes back what it understood.
  local target=iqn.2001-04.com.example:oracle portal=10.0.0.20:3260
  new "$target" "$portal,1"
  local record="/etc/iscsi/nodes/$target/10.0.0.20,3260,1/default"
  cp "$record" "$dir/oracle-base"
  mkdir -p "$dir/oracle"
  local case_name format rest args spec
  while IFS=$'\t' read -r case_name format rest || [[ -n $case_name ]]; do
    [[ -z $case_name || $case_name == \#* ]] && continue
    args=()
    if [[ -n ${rest:-} ]]; then
      for spec in $rest; do args+=("$(head -c "${spec%%\**}" /dev/zero | tr '\0' "${spec#*\*}")"); done
    fi
    # shellcheck disable=SC2059 # the case's bytes are a printf format on purpose
    { cat "$dir/oracle-base"; printf "$format" "${args[@]}"; } >"$dir/oracle/$case_name.in"
    cp "$dir/oracle/$case_name.in" "$record"
    adm -m node -T "$target" -p "$portal" -o update -n node.startup -v manual
    cp "$record" "$dir/oracle/$case_name.out"
  done <"$here/oracle_cases.txt"
  rm -f "$dir/oracle-base"
}

generate() {
  local dir=$1
  require
  mkdir -p "$dir/root"
  touch "$dir/root/.sgwchap-throw-away"
  iscsiadm --version >"$dir/iscsiadm-version.txt"

  # initiatorname.iscsi as Debian's postinst writes it (/var/lib/dpkg/info/open-iscsi.postinst).
  local name
  name=$(iscsi-iname -p iqn.1993-08.org.debian:01)
  [[ -n $name ]] || fail "iscsi-iname printed nothing"
  printf '%s' "$name" >"$dir/generated-name"
  {
    echo "## DO NOT EDIT OR REMOVE THIS FILE!"
    echo "## If you remove this file, the iSCSI daemon will not start."
    echo "## If you change the InitiatorName, existing access control lists"
    echo "## may reject this initiator.  The InitiatorName must be unique"
    echo "## for each iSCSI initiator.  Do NOT duplicate iSCSI InitiatorNames."
    printf "InitiatorName=%s\n" "$name"
  } >"$dir/initiatorname.iscsi"

  # The shipped iscsid.conf, and whether it is still the file dpkg installed.
  [[ -r /etc/iscsi/iscsid.conf ]] || fail "/etc/iscsi/iscsid.conf is missing (reinstall open-iscsi)"
  cp /etc/iscsi/iscsid.conf "$dir/debian-iscsid.conf"
  local shipped actual
  shipped=$(dpkg-query -W -f='${Conffiles}\n' open-iscsi | awk '$1 == "/etc/iscsi/iscsid.conf" {print $2}')
  actual=$(md5sum </etc/iscsi/iscsid.conf | cut -d' ' -f1)
  if [[ -n $shipped && $shipped == "$actual" ]]; then echo pristine; else echo modified; fi >"$dir/iscsid.conf.md5"

  unshare --mount --net --propagation private -- bash "$here/real_files.sh" inside "$dir" ||
    fail "iscsiadm failed inside the namespace (log: $dir/iscsiadm.log)"
}

case ${1:-} in
  generate)
    [[ $# -eq 2 ]] || fail "usage: real_files.sh generate DIR"
    generate "$2"
    ;;
  run)
    [[ $# -eq 2 ]] || fail "usage: real_files.sh run TEST_BINARY"
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
    generate "$dir"
    SGWCHAP_OPEN_ISCSI_FILES=$dir "$2"
    ;;
  inside)
    inside "$2"
    ;;
  *)
    fail "usage: real_files.sh run TEST_BINARY | generate DIR"
    ;;
esac
