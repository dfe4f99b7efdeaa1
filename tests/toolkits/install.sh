#!/bin/sh
# What the test suite needs beyond PyPI: Chromium for the journal page, PostgreSQL 15 for the PostgreSQL
# store's tests (tests/support/postgres.py runs its binaries), and the client toolkits the toolkit tier
# generates clients with (Debian's packages, as root or through sudo; npm packages into build/node).
# Installs only what is missing, so a second run costs nothing.
set -eu
cd "$(dirname "$0")/../.."
PACKAGES="chromium chromium-driver
    nodejs
    mono-devel libmono-system-servicemodel4.0a-cil
    default-jdk-headless jaxws
    gsoap libgsoap-dev g++ pkg-config
    php-cli php-soap
    postgresql-15"
command -v npm >/dev/null || PACKAGES="$PACKAGES npm"  # NodeSource's nodejs carries npm; Debian's does not
missing=""
for package in $PACKAGES; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
# node-soap, exactly as tests/toolkits/node/package-lock.json pins it (npm ci), into build/node; it needs
# Node.js >= 20.19 (engine-strict says so at once on an older one).
if ! cmp -s tests/toolkits/node/package-lock.json build/node/package-lock.json; then
    mkdir -p build/node
    cp tests/toolkits/node/package.json tests/toolkits/node/package-lock.json build/node/
    npm ci --prefix build/node --engine-strict --no-audit --no-fund --silent
fi
