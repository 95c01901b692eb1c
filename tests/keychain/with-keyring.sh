#!/bin/sh
# Runs a command inside its own D-Bus session with a freshly unlocked GNOME Keyring, so keychain
# tests talk to a real Secret Service and never touch the user's own keyring.
# Usage: dbus-run-session -- sh with-keyring.sh <command> [args...]
set -eu
HOME=$(mktemp -d)
export HOME
XDG_DATA_HOME="$HOME/.local/share"
XDG_CACHE_HOME="$HOME/.cache"
XDG_CONFIG_HOME="$HOME/.config"
XDG_RUNTIME_DIR="$HOME/run"
export XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME XDG_RUNTIME_DIR
mkdir -p "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$HOME"' EXIT
# gnome-keyring-daemon prints shell assignments (GNOME_KEYRING_CONTROL=...); keep them.
eval "$(printf 'ci-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL 2>/dev/null || true
"$@"
