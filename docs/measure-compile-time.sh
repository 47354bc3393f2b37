#!/usr/bin/env bash
# docs/measure-compile-time.sh HEADER... (e.g. error.hpp json.hpp): prints the rows of docs/compile-time.md.
# CPU time (user+sys, less sensitive to other load than wall time) of g++-12 -std=c++20 -O0 -c on
# a TU that only includes one header; median of N runs, minus the same for an empty TU.
set -euo pipefail
inc=$(cd "$(dirname "$0")/.." && pwd)/include
n=${N:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
med() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
cpu() {
  local tu=$1
  for ((i = 0; i < n; i++)); do
    TIMEFORMAT='%U %S'
    { time g++-12 -std=c++20 -O0 -I$inc -c "$tu" -o /dev/null 2>/dev/null; } 2>&1 | awk '{print $1 + $2}'
  done | med
}
echo "" > empty.cpp
base=$(cpu empty.cpp)
echo "empty TU: $base s"
for h in "$@"; do
  echo "#include <sgwchap/$h>" > tu.cpp
  t=$(cpu tu.cpp)
  printf "| \`%s\` | %.2f | %.2f |\n" "$h" "$t" "$(echo "$t - $base" | bc)"
done
