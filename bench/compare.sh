#!/usr/bin/env bash
# Measures two builds of the analysis service side by side with Miller, in turns, on one file.
# Usage: bench/compare.sh BEFORE_CLASSES AFTER_CLASSES FILE [RUNS] [PASSES]
#   BEFORE_CLASSES, AFTER_CLASSES: target/classes directories of the two builds (copy one away
#   before building the other); RUNS default 3; PASSES analyses per JVM, default 1.
# Needs target/bench-cp.txt and target/bench-classes from bench/run.sh, Miller and GNU time.
# Prints one Markdown row per run: the load average before it, CPU seconds (user + system) of
# the whole process, MB per CPU second, wall seconds, and with PASSES > 1 the CPU seconds of the
# last pass, which shows the cost once the JIT compiler has finished.
set -euo pipefail
cd "$(dirname "$0")/.."

BEFORE=$1
AFTER=$2
FILE=$3
RUNS=${4:-3}
PASSES=${5:-1}
DEPS=$(cat target/bench-cp.txt)
SIZE=$(stat -c %s "$FILE")

# run NAME COMMAND...: one row of the table
run() {
  local name=$1 load log cpu wall last
  shift
  load=$(cut -d' ' -f1 /proc/loadavg)
  log=$(mktemp)
  /usr/bin/time -f 'cpu %U %S wall %e' -o "$log" "$@" >"$log.out" 2>/dev/null
  cpu=$(awk '/^cpu/ {print $2 + $3}' "$log")
  wall=$(awk '/^cpu/ {print $5}' "$log")
  last=$(grep -o 'pass [0-9]*: [^,]*, [^,]*, [0-9.]* CPU s' "$log.out" | tail -1 | awk '{print $(NF-2)}' || true)
  printf '| %s | %s | %.2f | %.1f | %.1f | %s |\n' "$name" "$load" "$cpu" \
      "$(awk -v b="$SIZE" -v s="$cpu" 'BEGIN {print b / 1e6 / s}')" "$wall" "${last:--}"
  rm -f "$log" "$log.out"
}

echo "| build | load average (1 min) | CPU s | MB/CPU s | wall s | CPU s of the last pass |"
echo '| --- | --- | --- | --- | --- | --- |'
for _ in $(seq "$RUNS"); do
  run before java -Xmx256m -cp "target/bench-classes:$BEFORE:$DEPS" RunService "$FILE" "$PASSES"
  run after java -Xmx256m -cp "target/bench-classes:$AFTER:$DEPS" RunService "$FILE" "$PASSES"
  if [ "$PASSES" = 1 ]; then
    run 'mlr summary' mlr --icsv --ifs ';' --opprint summary "$FILE"
  fi
done
