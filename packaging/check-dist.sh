#!/usr/bin/env bash
# Checks a `make dist` tarball the way a user without Swift meets it: unpack into an empty folder, run the
# binary there with a bare environment (no Swift toolchain on PATH or in LD_LIBRARY_PATH), then from another
# folder. Fails when the binary links a Swift library from outside the tarball.
set -euo pipefail
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/unpacked" "$work/elsewhere"
tar -C "$work/unpacked" -xzf "$tarball"
folder=$(echo "$work"/unpacked/netmap-*)
bare=(env -i HOME="$work" PATH=/usr/bin:/bin LANG=C.UTF-8)

if ldd "$folder/netmap" | grep -Ei "swift|not found"; then
  echo "check-dist: the binary needs the libraries above, which the tarball does not carry"; exit 1
fi
cd "$folder"
"${bare[@]}" ./netmap --version
"${bare[@]}" ./netmap stats | head -3
"${bare[@]}" ./netmap find trondelag --limit 1
"${bare[@]}" ./netmap render -o "$work/norway.svg" --hide-isolated
grep -q "<svg" "$work/norway.svg"
cd "$work/elsewhere"
"${bare[@]}" "$folder/netmap" ego trondelag --radius 1 | head -1
"${bare[@]}" "$folder/netmap" consortium --programme interreg-se-no --lead trondelag-fk --top 1 | head -1
echo "check-dist: $(basename "$tarball") runs in a clean folder"
