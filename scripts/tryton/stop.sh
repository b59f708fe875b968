#!/usr/bin/env bash
# Stops the local trytond started by setup.sh (by its pidfile).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tryton_stop
