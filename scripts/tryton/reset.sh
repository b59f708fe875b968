#!/usr/bin/env bash
# Puts the local Tryton back to the freshly seeded state: stop, copy the snapshot back, start.
# trytond caches records in memory, so it must be restarted after the file changes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ ! -f "$TRYTON_SEEDED_FILE" ]; then
  say "no seeded snapshot at $TRYTON_SEEDED_FILE; run npm run tryton:setup first" >&2
  exit 1
fi
if ! tryton_seed_is_current; then
  say "warning: the snapshot was seeded on $(cat "$TRYTON_SEEDED_ON" 2>/dev/null || echo 'an unknown day'), not today; date-relative figures will be off (npm run tryton:setup reseeds)" >&2
fi
tryton_write_conf
tryton_stop
cp "$TRYTON_SEEDED_FILE" "$TRYTON_DB_FILE"
say "database reset to the seeded snapshot"
tryton_start
