#!/usr/bin/env bash
# Installs the Temporal binaries that are not on npm into .tools/, pinned and idempotent.
#   temporal CLI (dev server + web UI): built from source through the Go module proxy.
#   time-skipping test server: the Java build from Maven Central, started through a wrapper script.
#   temporal server + temporal-sql-tool (the production engine on PostgreSQL): built from source through
#   the Go module proxy, with the PostgreSQL schema folders of the same module version.
# Usage: provision-tools.sh [cli] [test-server] [server]   (all when no argument)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
TEMPORAL_CLI_VERSION=1.5.1
TEST_SERVER_VERSION=1.31.0
# The server version inside CLI v1.5.1, so the dev server and the production engine are the same release.
TEMPORAL_SERVER_VERSION=1.29.1
want=("$@")
[ ${#want[@]} -eq 0 ] && want=(cli test-server server)

provision_cli() {
  local dir="$tools/temporal-cli-$TEMPORAL_CLI_VERSION"
  [ -x "$dir/temporal" ] && return 0
  command -v go >/dev/null || { echo "provision: 'go' is needed to build the temporal CLI" >&2; exit 1; }
  echo "provision: building temporal CLI v$TEMPORAL_CLI_VERSION from the Go module proxy (first run only, a few minutes)"
  mkdir -p "$dir.partial"
  GOBIN="$dir.partial" GOFLAGS=-trimpath go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION"
  rm -rf "$dir" && mv "$dir.partial" "$dir"
}

provision_server() {
  local dir="$tools/temporal-server-$TEMPORAL_SERVER_VERSION"
  [ -x "$dir/temporal-server" ] && [ -x "$dir/temporal-sql-tool" ] && [ -d "$dir/schema/postgresql/v12" ] && return 0
  command -v go >/dev/null || { echo "provision: 'go' is needed to build the temporal server" >&2; exit 1; }
  echo "provision: building temporal server v$TEMPORAL_SERVER_VERSION and its SQL tool from the Go module proxy (first run only, a few minutes)"
  rm -rf "$dir.partial" && mkdir -p "$dir.partial/schema"
  GOBIN="$dir.partial" GOFLAGS=-trimpath go install \
    "go.temporal.io/server/cmd/server@v$TEMPORAL_SERVER_VERSION" \
    "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION"
  mv "$dir.partial/server" "$dir.partial/temporal-server"
  mv "$dir.partial/sql" "$dir.partial/temporal-sql-tool"
  # The schema ships inside the module; the module cache is read-only, so copy it out.
  cp -r "$(go env GOMODCACHE)/go.temporal.io/server@v$TEMPORAL_SERVER_VERSION/schema/postgresql" "$dir.partial/schema/"
  chmod -R u+w "$dir.partial/schema"
  rm -rf "$dir" && mv "$dir.partial" "$dir"
}

provision_test_server() {
  local dir="$tools/temporal-test-server-$TEST_SERVER_VERSION"
  [ -x "$dir/temporal-test-server" ] && return 0
  command -v java >/dev/null && command -v mvn >/dev/null || {
    echo "provision: 'java' and 'mvn' are needed for the time-skipping test server" >&2; exit 1; }
  echo "provision: fetching the Java time-skipping test server v$TEST_SERVER_VERSION from Maven Central"
  rm -rf "$dir.partial" && mkdir -p "$dir.partial"
  cp "$root/scripts/temporal-test-server.pom.xml" "$dir.partial/pom.xml"
  mvn -q -B -f "$dir.partial/pom.xml" dependency:copy-dependencies -DoutputDirectory="$dir.partial/lib"
  # The SDK starts `<executable> <port>`; TestServer's main takes the port as its first argument.
  cat > "$dir.partial/temporal-test-server" <<SH
#!/usr/bin/env bash
here=\$(dirname "\$(readlink -f "\$0")")
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "\$here/lib/*" io.temporal.testserver.TestServer "\$@"
SH
  chmod +x "$dir.partial/temporal-test-server"
  rm -rf "$dir" && mv "$dir.partial" "$dir"
}

for w in "${want[@]}"; do
  case "$w" in
    cli) provision_cli ;;
    test-server) provision_test_server ;;
    server) provision_server ;;
    *) echo "provision: unknown tool '$w'" >&2; exit 2 ;;
  esac
done
