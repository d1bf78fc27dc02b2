#!/usr/bin/env bash
# The system packages the tests need beyond npm: LibreOffice (headless Calc recalculates the formulas
# the add-in writes), Chromium at /usr/bin/chromium (the end-to-end tests drive the workbench in it)
# and Noto CJK (so that Chinese shows in their screenshots). On Debian or Ubuntu, as root or with
# sudo, whatever is missing is installed with apt-get; anywhere else the script says exactly what to
# install and stops. Used by `npm run test:fresh` (the README's test command) and by .ci/run.
set -euo pipefail

packages=()
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-calc-nogui)
[ -x /usr/bin/chromium ] || packages+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || packages+=(fonts-noto-cjk)

if [ "${#packages[@]}" -eq 0 ]; then
  echo "system-deps: LibreOffice, Chromium and Noto CJK are installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi
fi

if command -v apt-get >/dev/null 2>&1 && [ "$SUDO" != "none" ]; then
  echo "system-deps: installing ${packages[*]}"
  # One index update for everything missing.
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}"
  exit 0
fi

echo "system-deps: the tests need what is missing here: ${packages[*]}" >&2
if command -v apt-get >/dev/null 2>&1; then
  echo "  as root: apt-get install --no-install-recommends ${packages[*]}" >&2
else
  cat >&2 <<'TEXT'
  Not Debian or Ubuntu: install
    - LibreOffice, with `soffice` on the PATH (libreoffice.org, or your package manager);
    - Chromium, at /usr/bin/chromium (the end-to-end tests start that binary; a symlink will do);
    - the Noto Sans CJK fonts (only the screenshots need them).
TEXT
fi
exit 1
