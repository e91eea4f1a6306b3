#!/usr/bin/env bash
# Measures the analysis of one generated CSV unload side by side with Miller and csvkit.
# Usage: bench/run.sh [SIZE] [RUNS]   SIZE like 1G (default), 200M, 50M; RUNS default 3.
# Environment: CSVSTAT_SIZE (default 20M, csvstat reads a smaller file of its own),
#              TOOL_TIMEOUT seconds per run (default 900), BENCH_DIR (default target/bench),
#              TOOLS (default "analyze launcher service mlr csvstat") to measure only some of them.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${1:-1G}
RUNS=${2:-3}
CSVSTAT_SIZE=${CSVSTAT_SIZE:-20M}
TOOL_TIMEOUT=${TOOL_TIMEOUT:-900}
BENCH_DIR=${BENCH_DIR:-target/bench}
TOOLS=${TOOLS:-analyze launcher service mlr csvstat}
mkdir -p "$BENCH_DIR"

bytes() { numfmt --from=iec "$1"; }

install_tools() {
  local missing=()
  command -v mlr >/dev/null || missing+=(miller)
  command -v csvstat >/dev/null || missing+=(csvkit)
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build() {
  [ -f target/opendata-hub.jar ] || ./mvnw -q -DskipTests package
  [ -f target/bench-cp.txt ] || ./mvnw -q dependency:build-classpath \
      -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime
  # Compile the service runner once, so that no run pays for the source launcher's compiler.
  mkdir -p target/bench-classes
  javac -d target/bench-classes -cp "target/classes:$(cat target/bench-cp.txt)" bench/RunService.java
}

generate() { # SIZE -> path of the generated file
  local file="$BENCH_DIR/unload-$1.csv"
  [ -f "$file" ] || java bench/GenerateCsv.java "$file" "$(bytes "$1")"
  echo "$file"
}

# measure NAME FILE COMMAND...: RUNS runs under /usr/bin/time -v; one table row of medians.
measure() {
  local name=$1 file=$2; shift 2
  local size walls=() cpus=() rss=0 log status
  size=$(stat -c %s "$file")
  for _ in $(seq "$RUNS"); do
    log=$(mktemp)
    status=0
    # Every tool finds the file in the page cache. A virtual machine may drop cached pages
    # between runs, and reading them from disk again added up to a second to a run's wall time.
    cat "$file" >/dev/null
    /usr/bin/time -v -o "$log" timeout "$TOOL_TIMEOUT" "$@" >/dev/null 2>"$log.err" || status=$?
    if [ "$status" = 124 ]; then
      printf '| %s | %s | timed out after %s s | | | | |\n' "$name" "$(numfmt --to=iec "$size")" "$TOOL_TIMEOUT"
      return
    fi
    [ "$status" = 0 ] || { echo "$name failed ($status):" >&2; tail -5 "$log.err" >&2; }
    walls+=("$(awk -F': ' '/Elapsed/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")")
    cpus+=("$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$log")")
    rss=$(awk -F': ' -v r="$rss" '/Maximum resident/ {print ($2 > r ? $2 : r)}' "$log")
    rm -f "$log" "$log.err"
  done
  local wall cpu
  wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  printf '| %s | %s | %.1f (%s) | %.1f | %.1f | %.1f | %d |\n' "$name" "$(numfmt --to=iec "$size")" "$wall" \
      "$(IFS=' '; echo "${walls[*]}")" "$cpu" "$(awk -v b="$size" -v s="$wall" 'BEGIN {print b / 1e6 / s}')" \
      "$(awk -v b="$size" -v s="$cpu" 'BEGIN {print b / 1e6 / s}')" "$((rss / 1024))"
}

machine() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- CPU: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) cores"
  echo "- memory: $(free -h | awk '/Mem:/ {print $2}'), load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Java: $(java -version 2>&1 | head -1)"
  echo "- Miller: $(mlr --version), csvkit: $(csvstat --version 2>&1), hyperfine: $(hyperfine --version)"
}

install_tools
build
FILE=$(generate "$SIZE")
SMALL=$(generate "$CSVSTAT_SIZE")
CP="target/bench-classes:target/classes:$(cat target/bench-cp.txt)"

machine
echo
echo "Median of $RUNS runs; wall times of every run in brackets; MB is 10^6 bytes."
echo
echo "MB/CPU s divides by CPU time instead: it moves less than MB/s when other work shares the cores."
echo
echo '| tool | file | wall s (runs) | CPU s | MB/s | MB/CPU s | peak RSS MiB |'
echo '| --- | --- | --- | --- | --- | --- | --- |'
wants() { [[ " $TOOLS " == *" $1 "* ]]; }
if wants analyze; then
  measure 'hub analyze -Xmx256m' "$FILE" java -Xmx256m -jar target/opendata-hub.jar analyze "$FILE" --out "$BENCH_DIR/out"
fi
if wants launcher; then
  # The launcher's first run unpacks the jar and records the class data sharing archive. The
  # measured runs start from both, as every run after the first does.
  JAVA_OPTS=-Xmx256m bin/analyze "$SMALL" --out "$BENCH_DIR/out" >/dev/null
  measure 'hub bin/analyze -Xmx256m' "$FILE" env JAVA_OPTS=-Xmx256m bin/analyze "$FILE" --out "$BENCH_DIR/out"
fi
if wants service; then
  measure 'hub AnalysisService -Xmx256m' "$FILE" java -Xmx256m -cp "$CP" RunService "$FILE"
fi
if wants mlr; then
  measure 'mlr summary' "$FILE" mlr --icsv --ifs ';' --opprint summary "$FILE"
fi
if wants csvstat; then
  measure 'csvstat' "$SMALL" csvstat -d ';' "$SMALL"
fi
