#!/bin/sh
# What the test suite needs beyond PyPI: Chromium for the journal page, and the client toolkits the
# toolkit tier generates clients with (Debian's packages, as root or through sudo; npm packages into
# build/node). Installs only what is missing, so a second run costs nothing.
set -eu
cd "$(dirname "$0")/../.."
PACKAGES="chromium chromium-driver mono-devel libmono-system-servicemodel4.0a-cil"
missing=""
for package in $PACKAGES; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
