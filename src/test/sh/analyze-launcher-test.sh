#!/usr/bin/env bash
# Tests bin/analyze against the packaged jar. The first run unpacks the jar and records the class
# data sharing archive, a later run starts from both, and a rebuilt jar gets a folder of its own.
# Every run writes the same documents as `java -jar ... analyze`, with the same output and exit
# status.
# Maven runs this in its integration-test phase, after the jar is built. It takes about 15 seconds.
set -euo pipefail
cd "$(dirname "$0")/../../.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The test runs a copy of the jar, so that it leaves target/opendata-hub-app/ alone.
cp -p target/opendata-hub.jar "$work/hub.jar"
export HUB_JAR=$work/hub.jar
sample=samples/magistrate-courts.csv
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_documents RUN_NAME OUT_DIR STDOUT_FILE STDERR_FILE
expect_documents() {
  local name=$1 out=$2 stdout=$3 stderr=$4
  local expected
  expected=$(printf '%s\n' analysis.json passport.json datapackage.json passport.html passport.pdf \
    | sed "s|^|$out/|")
  [ "$(cat "$stdout")" = "$expected" ] || fail "$name: standard output is not the list of files written: $(cat "$stdout")"
  [ ! -s "$stderr" ] || fail "$name: standard error is not empty: $(head -3 "$stderr")"
  for document in analysis.json passport.json datapackage.json passport.html; do
    cmp -s "$work/reference/$document" "$out/$document" || fail "$name: $document differs from java -jar's"
  done
}

java -jar "$HUB_JAR" analyze "$sample" --out "$work/reference" >/dev/null

status=0
bin/analyze "$sample" --out "$work/first" >"$work/first.out" 2>"$work/first.err" || status=$?
[ "$status" = 0 ] || fail "first run: exit status $status"
expect_documents "first run" "$work/first" "$work/first.out" "$work/first.err"
app=$(find "$work/hub-app" -mindepth 1 -maxdepth 1 -type d)
[ -f "$app/hub.jar" ] && [ -f "$app/complete" ] || fail "first run did not unpack the jar into $work/hub-app"
archive=$(find "$app" -name '*.jsa')
[ -n "$archive" ] || fail "first run did not record the archive"
ls "$app"/*.jsa.* >/dev/null 2>&1 && fail "first run left a partial archive behind"

status=0
bin/analyze "$sample" --out "$work/second" >"$work/second.out" 2>"$work/second.err" || status=$?
[ "$status" = 0 ] || fail "second run: exit status $status"
expect_documents "second run" "$work/second" "$work/second.out" "$work/second.err"

# The usage text names the launcher as it was run.
bin/analyze --help >"$work/help.out" 2>&1 || fail "--help: exit status $?"
head -1 "$work/help.out" | grep -q '^Usage: bin/analyze FILE --out DIR' \
  || fail "--help does not name bin/analyze: $(head -1 "$work/help.out")"

# The JVM maps the archive only when it matches the jar and the JVM. With -Xshare:on a mismatch is
# an error instead of a start without the archive.
status=0
java -XX:SharedArchiveFile="$archive" -Xshare:on -jar "$app/hub.jar" \
  analyze "$sample" --out "$work/shared" >/dev/null 2>"$work/shared.err" || status=$?
[ "$status" = 0 ] || fail "the recorded archive does not match the unpacked jar: $(head -3 "$work/shared.err")"

# A rebuilt jar is unpacked into a folder of its own and gets an archive of its own. The folder
# of the earlier jar stays, since runs may still use it.
touch -d '2 minutes ago' "$HUB_JAR"
bin/analyze "$sample" --out "$work/third" >"$work/third.out" 2>"$work/third.err" || fail "run after a new jar failed"
[ "$(find "$work/hub-app" -mindepth 1 -maxdepth 1 -type d | wc -l)" = 2 ] || fail "a rebuilt jar did not get a folder of its own"
[ -d "$app" ] || fail "the folder of the earlier jar was removed"
[ "$(find "$work/hub-app" -name '*.jsa' | wc -l)" = 2 ] || fail "no archive for the rebuilt jar"
expect_documents "run after a new jar" "$work/third" "$work/third.out" "$work/third.err"

# A first run whose input is missing still gets a whole archive, recorded from the launcher's own
# sample: the folder of the next jar version contains one that the JVM accepts.
touch -d '1 minute ago' "$HUB_JAR"
bin/analyze "$work/missing.csv" --out "$work/missing" >/dev/null 2>&1 || true
latest=$work/hub-app/$(stat -c '%s-%Y' "$HUB_JAR")
[ -n "$(find "$latest" -name '*.jsa')" ] || fail "a first run with a missing input recorded no archive"

# Methods in the compile queue when an archive is written stay marked as queued in it on JDK 17,
# and are then never compiled. The archive is recorded without the compiler, so the detectors of
# a run from it are compiled.
awk 'BEGIN {
  print "id;ИИН;Комментарий"
  for (i = 1; i <= 30000; i++) printf "%d;%012d;обращение номер %d\n", i, 880101300000 + i, i
}' >"$work/rows.csv"
bin/analyze "$work/rows.csv" --out "$work/rows" >/dev/null 2>&1 || fail "a first run of 30,000 rows failed"
JAVA_OPTS=-XX:+PrintCompilation bin/analyze "$work/rows.csv" --out "$work/rows" >"$work/rows.out" 2>&1 \
  || fail "a run of 30,000 rows failed: $(tail -3 "$work/rows.out")"
# The JIT compiler may inline the detector's matches method into the scan's code, so any method of the
# detector counts.
grep -q 'IinDetector::' "$work/rows.out" || fail "the IIN detector was never compiled in a run from the archive"

# A folder half unpacked by a killed run is unpacked again.
half=$work/hub-app/$(stat -c '%s-%Y' "$HUB_JAR")
rm -f "$half/complete"
printf 'truncated' >"$half/hub.jar"
bin/analyze "$sample" --out "$work/fourth" >"$work/fourth.out" 2>"$work/fourth.err" || fail "run after a half unpacking failed"
expect_documents "run after a half unpacking" "$work/fourth" "$work/fourth.out" "$work/fourth.err"
[ -f "$half/complete" ] && [ "$(wc -c <"$half/hub.jar")" -gt 1000 ] || fail "a half unpacked folder was not unpacked again"

# Errors keep the analyze command's exit status and one-line message.
status=0
bin/analyze "$work/missing.csv" --out "$work/missing" >"$work/missing.out" 2>"$work/missing.err" || status=$?
[ "$status" = 2 ] || fail "a missing file gave exit status $status, not 2"
grep -q "cannot read $work/missing.csv: file not found" "$work/missing.err" || fail "a missing file's message: $(cat "$work/missing.err")"

status=0
HUB_JAR=$work/absent.jar bin/analyze "$sample" --out "$work/absent" 2>"$work/absent.err" || status=$?
[ "$status" = 2 ] || fail "a missing jar gave exit status $status, not 2"
grep -q "absent.jar is missing" "$work/absent.err" || fail "a missing jar's message: $(cat "$work/absent.err")"

status=0
JAVA_HOME=$work/no-jdk bin/analyze "$sample" --out "$work/no-jdk" 2>"$work/no-jdk.err" || status=$?
[ "$status" = 1 ] || fail "a JAVA_HOME without java gave exit status $status, not 1"
grep -q "JAVA_HOME is $work/no-jdk, which has no bin/java" "$work/no-jdk.err" || fail "a wrong JAVA_HOME's message: $(cat "$work/no-jdk.err")"

if [ "$failures" -gt 0 ]; then
  echo "bin/analyze: $failures checks failed" >&2
  exit 1
fi
echo "bin/analyze: all checks passed"
