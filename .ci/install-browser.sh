#!/usr/bin/env bash
# Installs Debian's chromium for the Web Chat end-to-end test (tests/StoryBot.Tests/Browser) when it
# is missing. Playwright's own browser download cannot work here (only package registries are
# reachable), so the test drives /usr/bin/chromium through Microsoft.Playwright's ExecutablePath.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

echo "install-browser: installing chromium (apt-get)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Default recommends bring the fonts the page is rendered with.
$SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null
/usr/bin/chromium --version
