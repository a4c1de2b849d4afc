#!/usr/bin/env bash
# `npm start`: build, package the .vsix and open it in a real VS Code — code-server on 127.0.0.1
# with examples/ as the workspace (installed on first run with the offline recipe). Prints the URL
# to open and serves until Ctrl+C. Env: PORT (default 8765), ATTENTION_TUTOR_E2E_DIR (default .e2e).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
E2E_DIR=${ATTENTION_TUTOR_E2E_DIR:-$ROOT/.e2e}
PORT=${PORT:-8765}
PROFILE="$E2E_DIR/start"
CS="$E2E_DIR/cs/node_modules/.bin/code-server"

echo "› installing code-server if needed (first run: a few minutes)…"
bash "$ROOT/scripts/install-code-server.sh" "$E2E_DIR"
echo "› building and packaging…"
npm run --silent package
VSIX="$ROOT/attention-tutor.vsix"
echo "  $(basename "$VSIX"): $(du -k "$VSIX" | cut -f1) KB"

mkdir -p "$PROFILE/ud/User" "$PROFILE/exts" "$PROFILE/xdg"
[ -f "$PROFILE/ud/User/settings.json" ] || cat > "$PROFILE/ud/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "update.mode": "none", "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false }
JSON
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$PROFILE/config.yaml"
ARGS=(--config "$PROFILE/config.yaml" --user-data-dir "$PROFILE/ud" --extensions-dir "$PROFILE/exts")
export XDG_CONFIG_HOME="$PROFILE/xdg" XDG_DATA_HOME="$PROFILE/xdg"
"$CS" "${ARGS[@]}" --install-extension "$VSIX" --force >/dev/null

URL="http://127.0.0.1:$PORT/?folder=$ROOT/examples"
echo
echo "  Attention Tutor is running in VS Code (code-server). Open:"
echo "    $URL"
echo "  then tp4/exercise1.py. Ctrl+C stops the server."
echo
exec "$CS" "${ARGS[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust "$ROOT/examples"
