#!/usr/bin/env python3
"""Share of a collapsed-stack profile (bench/profile) by kind of work, and the frames with most samples of their own.

Usage: bench/profile-summary.py <file.collapsed> [frame-substring ...]
With substrings, also prints the share of samples whose stack contains each (inclusive time).
"""
import collections
import sys

# First match wins, in this order.
KINDS = [
    ("writing answers (AnswerJson)", ("AnswerJson",)),
    ("reading JSON (Jackson)", ("com/fasterxml/jackson",)),
    ("GraphQL execution (graphql-java, data loaders)", ("graphql/execution", "org/dataloader")),
    # before "graphql/", which the gateway's own package names also contain
    ("the gateway's GraphQL code (level path, fetchers, batch functions)", ("org/dossier/gateway/graphql/",)),
    ("GraphQL parsing and validation", ("graphql/parser", "graphql/validation", "graphql/ParseAndValidate")),
    ("graphql-java, other", ("graphql/",)),
    ("JIT compiler", ("CompileBroker", "C2Compiler", "Compilation::")),
    ("garbage collection", ("GCTask", "PSPromotionManager", "PSScavenge", "G1", "ParallelGC")),
    ("database (JDBC, Hibernate)", ("org/postgresql", "org/hibernate", "io/agroal")),
    ("Kafka clients", ("org/apache/kafka",)),
    ("HTTP and I/O (Vert.x, Netty, RESTEasy)", ("io/netty", "io/vertx", "org/jboss/resteasy")),
]


def main():
    path, extra = sys.argv[1], sys.argv[2:]
    total = 0
    kinds = collections.Counter()
    own = collections.Counter()
    inclusive = collections.Counter()
    with open(path) as lines:
        for line in lines:
            stack, count = line.rstrip("\n").rsplit(" ", 1)
            count = int(count)
            total += count
            kind = next((name for name, marks in KINDS if any(mark in stack for mark in marks)), "other")
            kinds[kind] += count
            own[stack.split(";")[-1]] += count
            for substring in extra:
                if substring in stack:
                    inclusive[substring] += count
    if total == 0:
        print("no samples")
        return
    print(f"{total} samples")
    for kind, count in kinds.most_common():
        print(f"  {100 * count / total:5.1f}%  {kind}")
    print("frames with most samples of their own:")
    for frame, count in own.most_common(20):
        print(f"  {100 * count / total:5.1f}%  {frame[:120]}")
    for substring in extra:
        print(f"  {100 * inclusive[substring] / total:5.1f}%  in stacks containing {substring}")


if __name__ == "__main__":
    main()
