#!/usr/bin/env python3
"""Counts the execution samples of a Java Flight Recorder recording by thread and by method.

Usage: bench/jfr_frames.py RECORDING.jfr [TOP]

Prints the samples per thread, the methods most often on top of a stack (self time), and the
methods found anywhere in a stack (inclusive time, each method counted once per stack).
"""
import collections
import json
import subprocess
import sys


def samples(recording):
    printed = subprocess.run(
        ["jfr", "print", "--json", "--events", "jdk.ExecutionSample", recording],
        check=True, capture_output=True, text=True).stdout
    return json.loads(printed)["recording"]["events"]


def method_name(frame):
    method = frame["method"]
    return method["type"]["name"].rsplit(".", 1)[-1] + "." + method["name"]


def main():
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    threads = collections.Counter()
    self_time = collections.Counter()
    inclusive = collections.Counter()
    events = samples(recording)
    for event in events:
        values = event["values"]
        thread = values["sampledThread"]["javaName"] or values["sampledThread"]["osName"]
        threads[thread] += 1
        frames = values["stackTrace"]["frames"] if values["stackTrace"] else []
        if frames:
            self_time[method_name(frames[0])] += 1
        for name in {method_name(frame) for frame in frames}:
            inclusive[name] += 1
    print(f"{len(events)} samples")
    for name, count in threads.most_common():
        print(f"thread {count:6d} {name}")
    print("\nself")
    for name, count in self_time.most_common(top):
        print(f"{count:6d} {name}")
    print("\ninclusive")
    for name, count in inclusive.most_common(top):
        print(f"{count:6d} {name}")


if __name__ == "__main__":
    main()
