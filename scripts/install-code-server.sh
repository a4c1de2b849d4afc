#!/usr/bin/env bash
# Installs code-server (the real VS Code server + web workbench, from npm) into a directory
# outside the project's node_modules, offline except for the npm registry. Used by `npm start`,
# `npm run test:e2e` and .ci/run. Idempotent: does nothing when the pinned version is present.
# Usage: scripts/install-code-server.sh [DIR]   (default: .e2e at the repository root)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(realpath -m "${1:-$ROOT/.e2e}")
VERSION=${CODE_SERVER_VERSION:-4.100.3}
CS="$DIR/cs/node_modules/.bin/code-server"

if [ -x "$CS" ] && [ "$(node -p "require('$DIR/cs/node_modules/code-server/package.json').version" 2>/dev/null)" = "$VERSION" ]; then
  echo "code-server $VERSION already installed in $DIR/cs"
  exit 0
fi
# What code-server's native modules need from Debian: installed here when we may (root, or
# password-less sudo), so that `npm ci && npm start` works on a fresh machine as the README says.
APT_PKGS=(ripgrep build-essential python3 libkrb5-dev pkg-config)
have_all() {
  for tool in rg cc make python3; do command -v "$tool" >/dev/null || return 1; done
  [ -f /usr/include/gssapi/gssapi.h ]
}
if ! have_all; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
  if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
    echo "installing ${APT_PKGS[*]} with apt-get…"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${APT_PKGS[@]}" >/dev/null
  fi
  have_all || { echo "install-code-server: missing system packages: apt-get install ${APT_PKGS[*]}" >&2; exit 2; }
fi

mkdir -p "$DIR/tmp" "$DIR/cs"
# Why each variable: node-gyp must use the headers of the Debian nodejs package instead of downloading
# them; node-pty's postinstall calls `npx node-gyp` (~/.npmrc may say yes=false); code-server's
# postinstall refuses to run as root without unsafe-perm; @vscode/ripgrep looks for its cache in TMPDIR.
export npm_config_nodedir=${npm_config_nodedir:-/usr} npm_config_yes=true npm_config_unsafe_perm=true
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export TMPDIR="$DIR/tmp"

# @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable: seed its download cache
# with Debian's rg. The package version and release tag are read from the tarballs themselves.
TGZ=$(cd "$TMPDIR" && npm pack --silent "code-server@$VERSION" | tail -1)
RG_PKG=$(tar xzf "$TMPDIR/$TGZ" -O package/lib/vscode/npm-shrinkwrap.json | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const p = JSON.parse(s).packages || {};
    process.stdout.write((p["node_modules/@vscode/ripgrep"] || {}).version || "");
  });')
if [ -n "$RG_PKG" ]; then
  RGTGZ=$(cd "$TMPDIR" && npm pack --silent "@vscode/ripgrep@$RG_PKG" | tail -1)
  RG_TAG=$(tar xzf "$TMPDIR/$RGTGZ" -O package/lib/postinstall.js | sed -n "s/^const VERSION = '\(.*\)';.*/\1/p")
  mkdir -p "$TMPDIR/rgseed" "$TMPDIR/vscode-ripgrep-cache-$RG_PKG"
  cp "$(command -v rg)" "$TMPDIR/rgseed/rg"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rgseed" rg
fi

cd "$DIR/cs"
[ -f package.json ] || echo '{"name":"attention-tutor-code-server","private":true}' > package.json
npm install --no-audit --no-fund --no-save "code-server@$VERSION"
test -d node_modules/code-server/lib/vscode/node_modules/node-pty
XDG_CONFIG_HOME="$TMPDIR" "$CS" --version | head -1
echo "code-server $VERSION installed in $DIR/cs"
