#!/usr/bin/env python3
"""CPU samples of a JFR recording of the local stack, split by thread and by component.

The stack runs the broker, the MongoDB-wire server and the three services in one JVM, so the operating system cannot
say which of them used the CPU; JFR's execution samples can. Usage:

    ./mvnw -B -pl local-stack verify -Pbench \
        -Dkamerqa.bench.jvm-options=-XX:StartFlightRecording=filename=/tmp/stack.jfr,settings=profile
    jfr print --events jdk.ExecutionSample /tmp/stack.jfr > /tmp/samples.txt
    python3 local-stack/src/test/bench/jfr-cpu-split.py /tmp/samples.txt
"""
import collections
import re
import sys

# first match in a sample's stack (top 40 frames) names the component
COMPONENTS = [
    ("de.bwaldvogel", "MongoDB-wire server"), ("org.h2.", "MongoDB-wire server (H2 store)"),
    ("org.apache.lucene", "query-service search index (Lucene)"), ("nl.kamerqa.parser.", "qa-parser"),
    ("kafka.", "Kafka broker"), ("org.apache.kafka.storage", "Kafka broker"),
    ("nl.kamerqa.query", "query-service"), ("nl.kamerqa.ingest", "ingest-service"),
    ("nl.kamerqa.parsing", "parser-service"), ("com.mongodb", "MongoDB driver"), ("org.bson", "MongoDB driver"),
    ("tools.jackson", "Jackson (JSON)"), ("org.apache.kafka.clients", "Kafka clients"),
]


def main(path):
    events = open(path, encoding="utf-8").read().split("jdk.ExecutionSample {")[1:]
    threads, components = collections.Counter(), collections.Counter()
    for event in events:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        threads[re.sub(r"[-#]?\d+", "N", thread.group(1) if thread else "?")] += 1
        stack = " ".join(re.findall(r"^\s+([\w.$]+)\(", event, re.M)[:40])
        components[next((label for key, label in COMPONENTS if key in stack), "other (JDK, Netty, Tomcat, ...)")] += 1
    total = len(events)
    print(f"{total} execution samples")
    print("\nby thread (numbers replaced by N):")
    for name, count in threads.most_common(15):
        print(f"{count * 100 / total:5.1f} %  {name}")
    print("\nby component (first match in the top 40 frames):")
    for name, count in components.most_common():
        print(f"{count * 100 / total:5.1f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
