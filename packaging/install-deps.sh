#!/usr/bin/env bash
# Installs the Debian 12 packages FlowConsole needs to build, run and test.
# Idempotent: it asks apt only for what is missing, and runs `apt-get update`
# only when something is missing, so a second run returns in well under a second.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev
  qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev
  qtkeychain-qt6-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite
  qt6-l10n-tools qt6-tools-dev libxkbcommon-dev libgl1-mesa-dev
  libsimdjson-dev
  # runtime plugins for the offscreen/xcb platforms and SVG icons
  qt6-qpa-plugins libqt6svg6
  # Qt's own strings (standard buttons, file dialogs) in the user's language
  qt6-translations-l10n
  # tests: Xvfb, a session bus and a real Secret Service
  xvfb xauth dbus-x11 dbus gnome-keyring libsecret-tools
  # packaging
  dpkg-dev file help2man lintian appstream desktop-file-utils
  # benchmarks: a load generator on loopback
  wrk curl python3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or with sudo) to install them" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
