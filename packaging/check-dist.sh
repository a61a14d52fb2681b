#!/usr/bin/env bash
# Checks a `make dist` tarball the way a user without Swift meets it: unpack into an empty folder, run the
# binary there with a bare environment (no Swift toolchain on PATH or in LD_LIBRARY_PATH), then from another
# folder. Fails when the binary links a Swift library from outside the tarball.
set -euo pipefail
command -v ldd >/dev/null || { echo "check-dist: needs ldd: make dist-check runs on Linux (docs/install.md)"; exit 1; }
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
# On Debian and Ubuntu: every library the binary loads must come with the packages its README names (with
# what they depend on), so that `apt-get install` of that line is all a machine without Swift needs.
packages="graphviz libxml2 fonts-dejavu-core"
grep -qF "apt-get install $packages\`" "$folder/README.md" || { echo "check-dist: README.md does not name: apt-get install $packages"; exit 1; }
if command -v dpkg >/dev/null && command -v apt-cache >/dev/null; then
  closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
    --no-enhances $packages 2>/dev/null | grep -v '^ ' | sed 's/:.*//' | sort -u)
  essential=$(dpkg-query -W -f '${Package} ${Essential} ${Priority}\n' | awk '$2 == "yes" || $3 == "required" {print $1}')
  for library in $(ldd "$folder/netmap" | awk '$3 ~ /^\// {print $3}'); do
    package=$(dpkg -S "$(readlink -f "$library")" 2>/dev/null | head -1 | cut -d: -f1) || true
    [ -n "$package" ] || continue
    if ! grep -qx "$package" <<<"$closure$(printf '\n')$essential"; then
      echo "check-dist: $library comes from $package, which 'apt-get install $packages' does not bring"; exit 1
    fi
  done
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
