#!/usr/bin/env bash
# Instructions executed by one run of each journal command on a generated journal, counted by
# valgrind's callgrind: unlike wall time on a shared 2-core machine, the same on every run.
#
#   bash Benchmarks/count-instructions.sh [YEARS]     (default 10; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
years=${1:-10}
swift build -c release --static-swift-stdlib >/dev/null
bin=.build/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/home"
printf '[user]\n\tname = Bench Mark\n\temail = bench@example.org\n' > "$work/home/.gitconfig"
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 TZ=UTC JOURNAL_DIR="$work/journal"
git init -q -b main "$JOURNAL_DIR"
"$bin/journal-generate" --years "$years" | git -C "$JOURNAL_DIR" fast-import --quiet
git -C "$JOURNAL_DIR" reset -q --hard
last=$(git -C "$JOURNAL_DIR" ls-tree -r --name-only HEAD | grep '\.md$' | sort | tail -2)
earlier=$(basename "$(echo "$last" | head -1)" .md)
export JOURNAL_TODAY=$(basename "$(echo "$last" | tail -1)" .md)
id=$(grep -o '\^[a-z0-9]\{5\}$' "$JOURNAL_DIR/$(echo "$last" | tail -1)" | head -1 | tr -d '^')

count() {
  local name=$1; shift
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$@" >/dev/null 2>"$work/err"
  printf '| %s | %s |\n' "$name" "$(grep -o 'Collected : [0-9]*' "$work/err" | grep -o '[0-9]*' | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')"
}

# Warm journal's own state first, as a user's previous command would have.
"$bin/journal" add "warm up" >/dev/null
"$bin/journal" log -n 1 >/dev/null
echo "| command ($years-year journal) | instructions |"
echo "|---|---:|"
count "start-up floor" "$bin/journal-startup-floor"
count "add" "$bin/journal" add "Counted task"
count "done" "$bin/journal" done 1
count "show" "$bin/journal" show
count "diff A B" "$bin/journal" diff "$earlier" "$JOURNAL_TODAY"
count "log ID (warm index)" "$bin/journal" log "$id"
count "new" "$bin/journal" new tomorrow
