#!/usr/bin/env bash
# Checks an installed social-console as a fresh machine would use it:
#   Tests/install-check.sh PREFIX     (the folder holding bin/ and share/, DESTDIR included)
# Every file in place; the binary links no Swift library and starts with the toolchain's
# library folder hidden; the man page renders; the bash completion completes a file name,
# a `set` key and a choice value; the zsh and fish scripts parse. A check that cannot run
# here says why and is counted as skipped.
set -u
prefix=$1
here=$(cd "$(dirname "$0")" && pwd)
bin="$prefix/bin/social-console"
passed=0 failed=0 skipped=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
bad() { echo "FAILED: $1"; failed=$((failed + 1)); }
skip() { echo "skipped: $1"; skipped=$((skipped + 1)); }

for f in bin/social-console share/man/man1/social-console.1 share/bash-completion/completions/social-console \
         share/zsh/site-functions/_social-console share/fish/vendor_completions.d/social-console.fish; do
  [ -s "$prefix/$f" ] && ok "$f installed" || bad "$f missing"
done
[ -x "$bin" ] || { bad "bin/social-console is not executable"; echo "install-check: $failed failed"; exit 1; }

# No Swift runtime library (libswiftCore, Foundation, Dispatch, BlocksRuntime, ...) is needed.
if command -v ldd >/dev/null; then
  swiftlibs=$(ldd "$bin" | grep -Ei 'swift|Foundation|dispatch|BlocksRuntime' || true)
  [ -z "$swiftlibs" ] && ok "ldd lists no Swift library" || bad "ldd lists Swift libraries: $swiftlibs"
  # Nor the C++ library and libgcc the Swift runtime is written against (linked in by the
  # Makefile: loading them was most of the dynamic loader's work at every start).
  cxxlibs=$(ldd "$bin" | grep -E 'libstdc\+\+|libgcc_s' || true)
  [ -z "$cxxlibs" ] && ok "ldd lists no libstdc++ or libgcc_s" || bad "ldd lists $cxxlibs"
  # ncurses is linked in where its static archives are installed (Makefile, NCURSES_STATIC).
  if [ -f "$(cc -print-file-name=libncursesw.a 2>/dev/null)" ] && [ -f "$(cc -print-file-name=libtinfo.a 2>/dev/null)" ]; then
    curseslibs=$(ldd "$bin" | grep -E 'libncurses|libtinfo' || true)
    [ -z "$curseslibs" ] && ok "ldd lists no ncurses library" || bad "ldd lists $curseslibs"
  else
    skip "ncurses' static archives are not installed here: the binary uses the shared library"
  fi
else
  skip "ldd is not installed"
fi

version=$(LD_LIBRARY_PATH= "$bin" --version)
[[ $version =~ ^social-console\ [0-9]+\.[0-9]+\.[0-9]+$ ]] && ok "--version prints '$version'" || bad "--version printed '$version'"

# Started with the toolchain's libraries out of sight: a tmpfs over their folder, in a
# mount namespace of its own, so nothing outside this check sees it.
example="$here/../Resources/examples/acme-prod.json"
swift=$(command -v swift || true)
libdir=${swift:+$(dirname "$(dirname "$(readlink -f "$swift")")")/lib/swift/linux}
if [ -z "$libdir" ] || [ ! -d "$libdir" ]; then
  skip "no Swift toolchain found to hide (the binary cannot be using it)"
elif [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null; then
  skip "hiding $libdir needs root and unshare (run as root to check)"
else
  copy=$(mktemp); cp "$example" "$copy"; chmod 600 "$copy"
  if out=$(LD_LIBRARY_PATH= unshare -m sh -c 'mount -t tmpfs none "$1" && ! ls "$1"/libswiftCore.so >/dev/null 2>&1 && "$2" --version && { "$2" audit "$3"; [ $? -le 1 ]; }' sh "$libdir" "$bin" "$copy" 2>&1); then
    ok "runs with $libdir hidden (--version, audit)"
  else
    case $out in
      *"mount"*|*"unshare"*) skip "could not hide $libdir here: $out" ;;
      *) bad "does not run with $libdir hidden: $out" ;;
    esac
  fi
  rm -f "$copy"
fi

# The console draws its first frame in a real terminal, for the terminal tmux says it is and
# for xterm's description: ncurses, linked in, still finds the system's terminal descriptions.
if command -v tmux >/dev/null; then
  copy=$(mktemp --suffix=.json); cp "$example" "$copy"; chmod 600 "$copy"
  for term in "" xterm-256color; do
    session="install-check-$$"
    tmux -L "$session" new-session -d -x 100 -y 30 -s "$session" \
      "${term:+TERM=$term }LD_LIBRARY_PATH= '$bin' edit '$copy'" 2>/dev/null
    drawn=""
    for _ in $(seq 100); do
      screen=$(tmux -L "$session" capture-pane -p -t "$session" 2>/dev/null || true)
      if grep -q "Help" <<<"$screen" && grep -q "acme-prod" <<<"$screen"; then drawn=yes; break; fi
      sleep 0.1
    done
    shown=${term:-$(tmux -L "$session" show-options -gv default-terminal 2>/dev/null)}
    tmux -L "$session" kill-server 2>/dev/null || true
    [ -n "$drawn" ] && ok "the console draws in tmux (TERM=$shown)" || bad "the console drew no frame in tmux (TERM=$shown): $screen"
  done
  rm -f "$copy"
else
  skip "tmux is not installed: the console is not started"
fi

man1="$prefix/share/man/man1/social-console.1"
if command -v man >/dev/null; then
  page=$(MANWIDTH=100 man -l "$man1" 2>/dev/null | col -b 2>/dev/null || MANWIDTH=100 man -l "$man1" 2>/dev/null)
  if grep -q "social-console" <<<"$page" && grep -q -- "--only-failing" <<<"$page" && grep -q "history" <<<"$page"; then
    ok "man -l shows the page (commands and options)"
  else
    bad "man -l did not show the page"
  fi
  missing=""
  for want in "CONSOLE KEYS" "ENVIRONMENT" "FILES" "EXIT STATUS" "EXAMPLES" NO_COLOR ESCDELAY ACCESSIBLE CLERK_PLATFORM_API_KEY \
              FILE.history.jsonl "at least one blocker" "Ctrl-Q, F10"; do
    grep -qi -- "$want" <<<"$page" || missing="$missing '$want'"
  done
  [ -z "$missing" ] && ok "man -l shows keys, environment, files, exit status and examples" || bad "the man page lacks$missing"
else
  skip "man is not installed"
fi

completion="$prefix/share/bash-completion/completions/social-console"
folder=$(mktemp -d); touch "$folder/acme-prod.json"
files=$(cd "$folder" && "$here/complete.bash" "$completion" "$bin" show acme)
[ "$files" = "acme-prod.json" ] && ok "bash completes a file name" || bad "bash completed '$files' for 'show acme'"
keys=$(cd "$folder" && "$here/complete.bash" "$completion" "$bin" set acme-prod.json instance.na)
[ "$keys" = "instance.name=" ] && ok "bash completes a set key" || bad "bash completed '$keys' for a set key"
values=$(cd "$folder" && "$here/complete.bash" "$completion" "$bin" set acme-prod.json instance.environment = pro)
[ "$values" = "production" ] && ok "bash completes a choice value" || bad "bash completed '$values' for a choice value"
rm -rf "$folder"

for shell in zsh fish; do
  script=$([ $shell = zsh ] && echo "$prefix/share/zsh/site-functions/_social-console" || echo "$prefix/share/fish/vendor_completions.d/social-console.fish")
  if command -v $shell >/dev/null; then
    $shell -n "$script" && ok "$shell completion parses" || bad "$shell completion does not parse"
  else
    skip "$shell is not installed: its completion is not parsed"
  fi
done

# Not "N passed, N failed": that line is how CI reads a test runner's total.
echo "install-check: $passed checks ok, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
