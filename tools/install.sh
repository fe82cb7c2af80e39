#!/bin/sh
# itacheck @VERSION@, offline: installs the wheels beside this script into a virtual environment,
# without the network (pip --no-index, no pip configuration read). As the administrator:
#
#     sudo ./install.sh [DIR]                               DIR defaults to /opt/itacheck
#     sudo PYTHON=/usr/bin/python3.12 ./install.sh [DIR]    another interpreter (default: python3)
#
# Python @PYTHONS@ are supported. Running a newer bundle's install.sh on the same DIR upgrades it
# in place; the data directory (ITACHECK_DATA) lives elsewhere and is never touched.
set -eu

bundle=$(cd "$(dirname "$0")" && pwd)
target=${1:-/opt/itacheck}
python=${PYTHON:-python3}
supported="@PYTHONS@"

fail() {
  printf 'install.sh: %s\n' "$1" >&2
  exit 1
}

case $target in
  /*) ;;
  *) target=$(pwd)/$target ;;  # the environment's scripts name their interpreter by absolute path
esac
command -v "$python" >/dev/null 2>&1 \
  || fail "ไม่พบ $python (no $python: set PYTHON to the path of Python $supported)"
version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
case " $supported " in
  *" $version "*) ;;
  *) fail "$python เป็น Python $version ซึ่งชุดนี้ไม่รองรับ ($python is Python $version; this bundle has wheels for Python $supported: set PYTHON to one of them)" ;;
esac
if [ -e "$target" ] && [ ! -f "$target/pyvenv.cfg" ] && [ -n "$(ls -A "$target")" ]; then
  fail "$target มีไฟล์อื่นอยู่ ไม่ใช่ที่ติดตั้ง itacheck ($target is not empty and not an itacheck installation: choose another directory)"
fi

umask 022  # every officer must be able to read the installation
clear=
if [ -x "$target/bin/python" ] \
  && [ "$("$target/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" != "$version" ]; then
  clear=--clear  # made by another Python version: its compiled wheels would not load, so start afresh
fi
# --without-pip: Debian's and Ubuntu's python3 has no ensurepip until python3-venv is installed;
# pip comes from the bundle instead, run straight from its wheel.
"$python" -m venv $clear --without-pip "$target" \
  || fail "สร้าง virtual environment ที่ $target ไม่ได้ (could not create a virtual environment in $target)"
set -- "$bundle"/wheels/pip-*.whl
PIP_CONFIG_FILE=/dev/null "$target/bin/python" "$1/pip" install --isolated --no-index \
  --find-links "$bundle/wheels" --disable-pip-version-check --no-cache-dir --force-reinstall --quiet \
  pip "itacheck==@VERSION@" \
  || fail "ติดตั้งจากชุดติดตั้งไม่สำเร็จ (installing from $bundle/wheels failed: see pip's message above)"
"$target/bin/itacheck" --version >/dev/null \
  || fail "ติดตั้งแล้วแต่เรียก $target/bin/itacheck ไม่ได้ ($target/bin/itacheck does not start)"

echo "itacheck @VERSION@ ติดตั้งที่ $target แล้ว (installed in $target with Python $version)."
echo "Give every officer the command:  ln -sf $target/bin/itacheck /usr/local/bin/itacheck"
