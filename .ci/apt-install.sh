#!/usr/bin/env bash
# apt-install.sh WHO PACKAGE...: installs Debian packages non-interactively, with sudo when not root.
# The one apt-get step behind install-browser.sh and install-redis.sh (each decides whether it is needed).
set -euo pipefail

who="$1"; shift
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

echo "$who: installing $* (apt-get)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "$@" >/dev/null
