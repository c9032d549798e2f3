#!/usr/bin/env bash
# Runs a bash completion script as bash would for a command line whose last word is being
# completed, and prints the candidates, one a line.
#   Tests/complete.bash SCRIPT WORD...      (WORD 1 is the program; "" completes an empty word)
# bash splits KEY=VALUE at "=" (COMP_WORDBREAKS): give `KEY = VALUE` as three words, as bash
# would hand them over; for the cursor right after "=", end with "=".
set -u
script=$1; shift
# shellcheck disable=SC1090
source "$script"
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
cur=${COMP_WORDS[COMP_CWORD]}
prev=${COMP_WORDS[COMP_CWORD-1]}
# Right after "=", bash passes an empty current word and the key as the previous one.
[[ $cur == "=" ]] && cur=""
COMPREPLY=()
_social-console "${COMP_WORDS[0]}" "$cur" "$prev"
printf '%s\n' "${COMPREPLY[@]}"
