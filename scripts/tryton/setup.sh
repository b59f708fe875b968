#!/usr/bin/env bash
# Installs Tryton 6.0 from Debian, creates and seeds a SQLite database in .tryton/, and runs
# trytond on 127.0.0.1:$TRYTON_PORT. Safe to re-run: it installs, creates or starts only what
# is missing, and says what it did. A seed from an earlier day is redone (its dates are
# relative to the day it ran).
#
# Environment (all optional):
#   TRYTON_PORT            8000
#   TRYTON_DATABASE        erplens
#   TRYTON_ADMIN_PASSWORD  TrytonAdmin-4711   (dev default; trytond wants >= 8 chars, varied)
#   TRYTON_USER            erplens            (the API user ERP Lens logs in as)
#   TRYTON_PASSWORD        ErpLens-Api-2026x  (dev default)
#   TRYTON_FORCE_RESEED=1  drop the database and seed again
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export TRYTON_PORT TRYTON_DATABASE
export TRYTON_ADMIN_PASSWORD="${TRYTON_ADMIN_PASSWORD:-TrytonAdmin-4711}"
export TRYTON_USER="${TRYTON_USER:-erplens}"
export TRYTON_PASSWORD="${TRYTON_PASSWORD:-ErpLens-Api-2026x}"
started=$(date +%s)

# 1. Packages. --no-install-recommends: without it apt pulls in ~400 packages (LibreOffice ...).
PACKAGES=(tryton-server tryton-proteus)
for m in company currency party country product stock sale account account-invoice \
  account-product account-credit-limit sale-credit-limit account-dunning product-price-list \
  sale-price-list; do
  PACKAGES+=("tryton-modules-$m")
done
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${#missing[@]} Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages already installed"
fi

# 2. Configuration (rewritten every time, so a new TRYTON_PORT takes effect).
tryton_write_conf

# 3. Database: a database without a seeded snapshot is a half-finished run; start it over.
if [ -f "$TRYTON_SEEDED_FILE" ] && ! tryton_seed_is_current; then
  say "the seed is from $(cat "$TRYTON_SEEDED_ON" 2>/dev/null || echo 'an unknown day'); its dates are relative to that day, so seeding again"
  TRYTON_FORCE_RESEED=1
fi
if [ "${TRYTON_FORCE_RESEED:-}" = 1 ] || [ ! -f "$TRYTON_DB_FILE" ] || [ ! -f "$TRYTON_SEEDED_FILE" ]; then
  tryton_stop >/dev/null
  rm -f "$TRYTON_DB_FILE" "$TRYTON_SEEDED_FILE" "$TRYTON_SEEDED_ON"
  touch "$TRYTON_DB_FILE"  # the SQLite backend wants the file to exist

  say "creating database $TRYTON_DATABASE"
  passfile="$(mktemp)"
  trap 'rm -f "$passfile"' EXIT
  printf '%s\n' "$TRYTON_ADMIN_PASSWORD" >"$passfile"
  TRYTONPASSFILE="$passfile" "$TRYTON_PYTHON" /usr/bin/trytond-admin -c "$TRYTON_CONF" \
    -d "$TRYTON_DATABASE" --all --email admin@example.com >>"$TRYTON_LOG" 2>&1
  rm -f "$passfile"

  say "activating modules"
  "$TRYTON_PYTHON" /usr/bin/trytond-admin -c "$TRYTON_CONF" -d "$TRYTON_DATABASE" \
    -u company currency party country product stock sale account account_invoice \
    account_product account_credit_limit sale_credit_limit account_dunning product_price_list \
    sale_price_list --activate-dependencies >>"$TRYTON_LOG" 2>&1

  tryton_start
  say "seeding demo data"
  (cd "$TRYTON_ROOT" && npx --no-install tsx scripts/tryton/seed.ts)

  # An online copy through SQLite's backup API: consistent while trytond runs.
  "$TRYTON_PYTHON" -c 'import sqlite3, sys; s = sqlite3.connect(sys.argv[1]); d = sqlite3.connect(sys.argv[2]); s.backup(d); d.close()' \
    "$TRYTON_DB_FILE" "$TRYTON_SEEDED_FILE"
  date -u +%F >"$TRYTON_SEEDED_ON"
  say "seeded snapshot saved to $TRYTON_SEEDED_FILE (scripts/tryton/reset.sh restores it)"
else
  say "database $TRYTON_DATABASE already seeded ($TRYTON_DB_FILE)"
  tryton_start
fi

say "ready in $(($(date +%s) - started)) s: http://127.0.0.1:$TRYTON_PORT/$TRYTON_DATABASE/ user $TRYTON_USER"
