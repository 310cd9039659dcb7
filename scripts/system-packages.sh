#!/bin/sh
# Debian packages jixiao needs outside Python, installed where this user may (root, or sudo without a password).
#   system-packages.sh fonts PYTHON   a CJK font for documents: fonts-wqy-microhei, else the [fonts] extra
#   system-packages.sh test           chromium and poppler-utils for the browser and PDF tests
# Nothing here fails the build: what cannot be had is said once, in Chinese; tests that need it skip locally
# and fail in CI (JIXIAO_REQUIRE_BROWSER=1).
set -u

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"; else return 1; fi
}

apt_install() {  # apt_install PACKAGE...: 0 when installed now
  command -v apt-get >/dev/null 2>&1 || return 1
  as_root true 2>/dev/null || return 1
  echo "安装系统软件包：$*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

font_found() {  # prints the font in use; 1 when there is none
  "$PY" -c 'import sys
from jixiao.render.fonts import cjk_font
font = cjk_font()
if font is None:
    sys.exit(1)
print(f"中文字体：{font.family}（{font.path}）")'
}

case "${1:-}" in
  fonts)
    PY=$2
    font_found && exit 0
    if apt_install fonts-wqy-microhei; then font_found && exit 0; fi
    echo "未能安装系统中文字体（需要 root 或免密码 sudo 与 apt-get），改为安装 Python 包 mplfonts 中的 Noto Sans CJK SC"
    "$PY" -m pip install -q -e '.[fonts]' && font_found && exit 0
    "$PY" -c 'from jixiao.render.fonts import missing_font_hint; print("注意：" + missing_font_hint())' >&2
    ;;
  test)
    need=""
    [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || need="$need chromium"
    command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
    [ -z "$need" ] && exit 0
    # shellcheck disable=SC2086
    apt_install $need ||
      echo "注意：未能安装$need（需要 root 或免密码 sudo）：浏览器与 PDF 页面测试将跳过（CI 中为失败）" >&2
    ;;
  *)
    echo "用法：$0 fonts PYTHON | test" >&2
    exit 2
    ;;
esac
exit 0
