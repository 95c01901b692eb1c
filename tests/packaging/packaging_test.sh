#!/usr/bin/env bash
# packaging_test.sh BUILD_DIR VERSION [SKIP_REASON]
# Builds the .deb of BUILD_DIR with CPack into a temporary folder, then: lintian (no error, no
# warning), appstreamcli validate and desktop-file-validate on the files it installs, the changelog's
# version; as root, installs it with apt-get, runs the installed programs' --help and --version with
# no display reachable, and removes it again (unless it was installed before the test).
# Exit 77: skipped.
set -euo pipefail

build=$1
version=$2
if [ -n "${3:-}" ]; then
  echo "SKIP: $3"
  exit 77
fi

work=$(mktemp -d /tmp/flowconsole-packaging.XXXXXX)
chmod 755 "$work" # apt's sandbox user reads the .deb from here
cleanups=("rm -rf '$work'")
cleanup() {
  local i
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do eval "${cleanups[i]}" || true; done
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

echo "== cpack"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack"; }
deb=$(find "$work" -maxdepth 1 -name 'flowconsole_*.deb' | head -n 1)
[ -n "$deb" ] || fail "cpack made no .deb"
echo "$deb"
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"

echo "== lintian"
lintian --fail-on error,warning --tag-display-limit 0 "$deb" || fail "lintian reports errors or warnings"
echo "lintian: no errors, no warnings"

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/flowconsole usr/bin/flowconsole-emulator usr/share/man/man1/flowconsole.1.gz \
  usr/share/man/man1/flowconsole-emulator.1.gz usr/share/doc/flowconsole/copyright \
  usr/share/doc/flowconsole/changelog.gz; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
zcat "$root/usr/share/doc/flowconsole/changelog.gz" | head -n 1 | grep -q "^flowconsole ($version) " ||
  fail "the changelog's latest entry is not version $version (packaging/changelog)"

echo "== appstreamcli validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.flowconsole.FlowConsole.metainfo.xml" ||
  fail "appstreamcli validate"

echo "== desktop-file-validate"
out=$(desktop-file-validate "$root/usr/share/applications/io.github.flowconsole.FlowConsole.desktop" 2>&1) ||
  { echo "$out"; fail "desktop-file-validate"; }
[ -z "$out" ] || { echo "$out"; fail "desktop-file-validate has hints or warnings"; }
echo "desktop-file-validate: clean"

echo "== install"
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP (install and run): not root; the package was not installed"
  exit 0
fi
# One install at a time on this machine: another build directory's run of this test may be here too.
exec 9>/tmp/flowconsole-packaging-test.lock
flock -w 150 9 || fail "another packaging test holds /tmp/flowconsole-packaging-test.lock"
if dpkg-query -W -f='${Status}' flowconsole 2>/dev/null | grep -q 'install ok installed'; then
  echo "flowconsole was installed before the test: it is replaced by this build and left installed"
else
  cleanups+=("echo '== remove'; dpkg -r flowconsole")
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --reinstall --allow-downgrades \
  -o DPkg::Lock::Timeout=120 "$deb" || fail "apt-get install $deb"

# As a user on a terminal with no display would run them.
nodisplay() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$@"; }
out=$(nodisplay /usr/bin/flowconsole --version) || fail "flowconsole --version exits $?"
echo "$out"
[ "$out" = "FlowConsole $version" ] || fail "flowconsole --version printed '$out'"
out=$(nodisplay /usr/bin/flowconsole --help) || fail "flowconsole --help exits $?"
grep -q -- '--demo' <<<"$out" || fail "flowconsole --help does not list --demo: $out"
out=$(nodisplay /usr/bin/flowconsole-emulator --help) || fail "flowconsole-emulator --help exits $?"
grep -q -- '--port' <<<"$out" || fail "flowconsole-emulator --help does not list --port: $out"
out=$(nodisplay /usr/bin/flowconsole-emulator --version) || fail "flowconsole-emulator --version exits $?"
[ "$out" = "flowconsole-emulator $version" ] || fail "flowconsole-emulator --version printed '$out'"
echo "installed programs answer --help and --version without a display"
