#!/usr/bin/env bash
# Installs Debian's chromium for the Web Chat end-to-end test (tests/StoryBot.Tests/Browser) when it
# is missing. Playwright's own browser download cannot work here (only package registries are
# reachable), so the test drives /usr/bin/chromium through Microsoft.Playwright's ExecutablePath.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

# Default recommends bring the fonts the page is rendered with.
"$(dirname "$0")/apt-install.sh" install-browser chromium fonts-liberation
/usr/bin/chromium --version
