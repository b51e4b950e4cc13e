# Puts Node.js >= 22.12 on PATH for this shell: `. scripts/node22.sh` (POSIX sh, bash, zsh).
# The toolchain needs it (vitest 5, @axe-core/playwright and maplibre's style parser declare
# Node >= 22). When the machine's Node is older, the official Node 22 binary is installed from
# the npm registry (package node-linux-<arch>) into ~/.cache/klyftkartan, once.
klyft_node_ok() {
  command -v node >/dev/null 2>&1 && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'
}
if ! klyft_node_ok; then
  case "$(uname -m)" in
    x86_64) klyft_arch=x64 ;;
    aarch64 | arm64) klyft_arch=arm64 ;;
    *) klyft_arch=unsupported ;;
  esac
  klyft_dir="${KLYFT_NODE_DIR:-$HOME/.cache/klyftkartan/node22}"
  klyft_bin="$klyft_dir/node_modules/node-linux-$klyft_arch/bin"
  if [ ! -x "$klyft_bin/node" ] && [ "$klyft_arch" != unsupported ]; then
    echo "Node.js $(node -v 2>/dev/null || echo 'is missing') is older than 22.12: installing Node 22 from the npm registry into $klyft_dir …" >&2
    mkdir -p "$klyft_dir"
    npm install --prefix "$klyft_dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-$klyft_arch@22" >&2
  fi
  if [ -x "$klyft_bin/node" ]; then
    PATH="$klyft_bin:$PATH"
    export PATH
  fi
  if ! klyft_node_ok; then
    echo "Klyftkartan needs Node.js >= 22.12 (found $(node -v 2>/dev/null || echo none)). Install it from https://nodejs.org or your package manager." >&2
    return 1 2>/dev/null || exit 1
  fi
fi
