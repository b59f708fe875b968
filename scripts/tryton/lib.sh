# Shared by setup.sh, stop.sh and reset.sh: paths, defaults and the server's start and stop.
# Everything lives in .tryton/ at the repository root (gitignored). Tryton listens on loopback only.

TRYTON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TRYTON_DIR="$TRYTON_ROOT/.tryton"
TRYTON_PORT="${TRYTON_PORT:-8000}"
TRYTON_DATABASE="${TRYTON_DATABASE:-erplens}"
TRYTON_CONF="$TRYTON_DIR/trytond.conf"
TRYTON_PIDFILE="$TRYTON_DIR/trytond.pid"
TRYTON_LOG="$TRYTON_DIR/trytond.log"
TRYTON_DB_FILE="$TRYTON_DIR/$TRYTON_DATABASE.sqlite"
TRYTON_SEEDED_FILE="$TRYTON_DIR/seeded.sqlite"
# The seed's dates are relative to the day it ran (an invoice 100 days old, a delivery in 3
# days, this year's fiscal year), so a snapshot from another day no longer matches the tests.
TRYTON_SEEDED_ON="$TRYTON_DIR/seeded-on"
# Debian's python: trytond is installed for it, not for a pyenv python3 earlier on PATH.
TRYTON_PYTHON=/usr/bin/python3

say() { printf 'tryton: %s\n' "$*"; }

tryton_seed_is_current() {
  [ -f "$TRYTON_SEEDED_ON" ] && [ "$(cat "$TRYTON_SEEDED_ON")" = "$(date -u +%F)" ]
}

tryton_pid() {
  [ -f "$TRYTON_PIDFILE" ] || return 1
  local pid
  pid="$(cat "$TRYTON_PIDFILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

tryton_write_conf() {
  mkdir -p "$TRYTON_DIR"
  cat >"$TRYTON_CONF" <<CONF
[database]
uri = sqlite://
path = $TRYTON_DIR

[web]
listen = 127.0.0.1:$TRYTON_PORT
CONF
}

# Answers once trytond serves JSON-RPC (common.server.version needs no login).
tryton_answers() {
  "$TRYTON_PYTHON" - "$TRYTON_PORT" <<'PY' >/dev/null 2>&1
import json, sys, urllib.request
req = urllib.request.Request(
    'http://127.0.0.1:%s/' % sys.argv[1],
    data=json.dumps({'id': 1, 'method': 'common.server.version', 'params': []}).encode(),
    headers={'Content-Type': 'application/json'})
json.load(urllib.request.urlopen(req, timeout=2))['result']
PY
}

tryton_start() {
  local pid
  if pid="$(tryton_pid)"; then
    say "server already running (pid $pid) on 127.0.0.1:$TRYTON_PORT"
    return 0
  fi
  if tryton_answers; then
    say "something else already answers on 127.0.0.1:$TRYTON_PORT; stop it or set TRYTON_PORT" >&2
    return 1
  fi

  rm -f "$TRYTON_PIDFILE"
  nohup "$TRYTON_PYTHON" /usr/bin/trytond -c "$TRYTON_CONF" -d "$TRYTON_DATABASE" \
    --pidfile "$TRYTON_PIDFILE" >>"$TRYTON_LOG" 2>&1 </dev/null &

  for _ in $(seq 1 100); do
    if tryton_answers; then
      say "server started (pid $(cat "$TRYTON_PIDFILE" 2>/dev/null)) on http://127.0.0.1:$TRYTON_PORT/$TRYTON_DATABASE/"
      return 0
    fi
    sleep 0.2
  done
  say "server did not answer within 20 s; see $TRYTON_LOG" >&2
  return 1
}

tryton_stop() {
  local pid
  if ! pid="$(tryton_pid)"; then
    rm -f "$TRYTON_PIDFILE"
    say "server not running"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "server (pid $pid) ignored SIGTERM for 5 s; sending SIGKILL"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$TRYTON_PIDFILE"
  say "server stopped (pid $pid)"
}
