#!/usr/bin/env bash
# Installs Debian's redis-server for the Redis tests (tests/StoryBot.Tests/Storage) when it is missing.
# The tests start their own server on a free loopback port (no persistence, no config file) and stop it
# by its pid; installing the package does not leave one running here (no service manager).
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi

"$(dirname "$0")/apt-install.sh" install-redis redis-server
redis-server --version
