#!/usr/bin/env bash
# Step 1 of action.yml: is a Node.js the CLI runs on (>= 20.19) already on the runner? Only if
# not does the next step run actions/setup-node, which would also change the Node of the
# steps that come after this action.
set -euo pipefail
needed=true
if command -v node >/dev/null 2>&1 &&
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  needed=false
  echo "Using Node.js $(node --version) from the runner"
fi
echo "needed=$needed" >>"$GITHUB_OUTPUT"
