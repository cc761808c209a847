#!/usr/bin/env bash
# Installs social-audit the ways a user would, away from this checkout, and runs it:
#   1. `npm pack`, then `npm install <tarball>` in an empty folder: `npx social-audit audit`,
#      `interview --help`, `init` (its schema line must resolve inside the project) and a hint
#      that names `npx social-audit`.
#   2. A fresh `git clone` of this repository's HEAD: `npm install -g .` alone says what to run;
#      `npm ci && npm install -g .` (the way README gives) installs a working `social-audit`.
# The global installs go to a temporary prefix. Prints "ok"/"FAIL" per check; exits 1 on failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/social-audit-install.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
failed=0
npm_quiet=(--no-audit --no-fund --loglevel=error --prefer-offline)

check() { # check NAME COMMAND... : runs it, prints its output on failure
  local name="$1"
  shift
  if out="$("$@" 2>&1)"; then
    echo "ok   $name"
  else
    echo "FAIL $name"
    printf '%s\n' "$out" | tail -20 | sed 's/^/     /'
    failed=1
  fi
}
contains() { # contains TEXT NEEDLE
  [[ "$1" == *"$2"* ]] || {
    printf 'expected to find: %s\nin:\n%s\n' "$2" "$1"
    return 1
  }
}

# 1. The tarball, installed into an empty folder.
tarball_install() {
  (cd "$root" && npm pack --pack-destination "$tmp" "${npm_quiet[@]}" >/dev/null) || return 1
  mkdir -p "$tmp/app"
  cd "$tmp/app" && npm install "${npm_quiet[@]}" "$tmp"/social-audit-*.tgz
}
check "npm pack; npm install <tarball> into an empty folder" tarball_install

in_app() { (cd "$tmp/app" && "$@"); }
audit_plan() {
  cp "$root/examples/bakery.yaml" "$tmp/app/plan.yaml"
  local out
  out="$(in_app npx social-audit audit plan.yaml)" || return 1
  contains "$out" "Social readiness: Crumb & Co Bakery"
}
check "npx social-audit audit plan.yaml" audit_plan
interview_help() {
  local out
  out="$(in_app npx social-audit interview --help)" || return 1
  contains "$out" "Usage: social-audit interview"
}
check "npx social-audit interview --help" interview_help
init_schema_line() {
  in_app npx social-audit init new-plan.yaml 2>/dev/null || return 1
  local first
  first="$(head -1 "$tmp/app/new-plan.yaml")"
  contains "$first" '# yaml-language-server: $schema=./node_modules/social-audit/schemas/plan.schema.json' &&
    test -f "$tmp/app/node_modules/social-audit/schemas/plan.schema.json"
}
check "npx social-audit init: schema line inside the project" init_schema_line
hint_names_npx() {
  local err
  if err="$(in_app npx social-audit audit missing.yaml 2>&1)"; then return 1; fi
  contains "$err" "npx social-audit init"
}
check "a hint names the command run (npx social-audit)" hint_names_npx

# 2. A fresh clone, installed globally.
clone() { git clone -q "$root" "$tmp/clone"; }
check "git clone" clone
bare_global() {
  local err
  # Where npm skips `prepare` for a global link (npm 11 asks for allow-scripts), this succeeds
  # and there is nothing to check; where it runs it, it must say what to run instead.
  if err="$(cd "$tmp/clone" && npm install -g . --prefix "$tmp/bare" "${npm_quiet[@]}" 2>&1)"; then
    echo "     (this npm did not run prepare for the link; nothing to check)"
    return 0
  fi
  contains "$err" "npm ci && npm install -g ."
}
check "npm install -g . alone on a fresh clone says to run npm ci first" bare_global
global_install() {
  (cd "$tmp/clone" && npm ci "${npm_quiet[@]}" >/dev/null && npm install -g . --prefix "$tmp/global" "${npm_quiet[@]}") || return 1
  local out
  out="$(cd "$tmp" && PATH="$tmp/global/bin:$PATH" social-audit audit "$root/examples/bakery.yaml" --json)" || return 1
  contains "$out" '"Crumb & Co Bakery"' || return 1
  local err
  if err="$(cd "$tmp" && PATH="$tmp/global/bin:$PATH" social-audit audit missing.yaml 2>&1)"; then return 1; fi
  contains "$err" "run \`social-audit init\`"
}
check "npm ci && npm install -g . on a fresh clone: social-audit runs" global_install

if [ "$failed" -eq 0 ]; then echo "install test: all passed"; else echo "install test: failed"; fi
exit "$failed"
