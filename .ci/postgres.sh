# Throwaway PostgreSQL cluster for the centre server's integration tests (sourced by .ci/run).
# Installs Debian's `postgresql` when missing, initialises a cluster in a temporary folder,
# starts it on a loopback port, exports CUR_TEST_DATABASE_URL and stops it on exit. PostgreSQL
# refuses to run as root, so under root the cluster belongs to the `postgres` user.

start_test_postgres() {
  local bindir
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "ci: installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  bindir="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  PG_TEST_DIR="$(mktemp -d /tmp/cur-pg-XXXXXX)"
  PG_TEST_PORT="${PG_TEST_PORT:-$(( 54000 + RANDOM % 1000 ))}"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
    chown postgres "$PG_TEST_DIR"
    run=(runuser -u postgres --)
  fi
  PG_TEST_RUN=("${run[@]}")
  PG_TEST_BINDIR="$bindir"
  "${run[@]}" "$bindir/initdb" -D "$PG_TEST_DIR/data" -U cur --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_TEST_PORT -k $PG_TEST_DIR -c fsync=off -c max_connections=200" start >/dev/null
  export CUR_TEST_DATABASE_URL="postgres://cur@127.0.0.1:$PG_TEST_PORT/postgres"
  echo "ci: test PostgreSQL on 127.0.0.1:$PG_TEST_PORT ($("$bindir/postgres" --version))"
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
    "${PG_TEST_RUN[@]}" "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
}
