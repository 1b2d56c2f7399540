#!/usr/bin/env python3
"""Where the API process's CPU samples go, from a JFR recording (jdk.ExecutionSample events): each
sample counts for the first bucket below whose code is on its stack, plus the hottest methods by
self time. Samples of the main thread (start-up: config, schema cache, class loading) are left out.

  profile.py RECORDING.jfr            (needs JDK 25's jfr on PATH or in JAVA_HOME/bin)
"""
import collections
import json
import os
import shutil
import subprocess
import sys

jfr = shutil.which("jfr") or os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr")
raw = subprocess.run([jfr, "print", "--json", "--stack-depth", "64", "--events",
                      "jdk.ExecutionSample", sys.argv[1]], check=True, capture_output=True).stdout
events = json.loads(raw)["recording"]["events"]


def has(*prefixes):
    return lambda fs: any(f.startswith(prefixes) for f in fs)


BUCKETS = [
    ("pgjdbc: TLS to PostgreSQL (JSSE, AES-GCM)",
     lambda fs: has("org.postgresql")(fs) and has("sun.security", "com.sun.crypto", "javax.crypto")(fs)),
    ("pgjdbc: protocol, statements, results", has("org.postgresql")),
    ("request log line (dev.tusk.core.log)", has("dev.tusk.core.log")),
    ("request settings JSON (dev.tusk.rest.tx.RequestContext)", has("dev.tusk.rest.tx.RequestContext")),
    ("JWT verification (dev.tusk.rest.auth)", has("dev.tusk.rest.auth")),
    ("SQL building (dev.tusk.rest.query)", has("dev.tusk.rest.query")),
    ("planner (dev.tusk.rest.plan)", has("dev.tusk.rest.plan")),
    ("request parsing (dev.tusk.rest.request)", has("dev.tusk.rest.request")),
    ("rest of dev.tusk.rest (handler, transaction, response)", has("dev.tusk.rest")),
    ("HTTP server (dev.tusk.core.http)", has("dev.tusk.core.http")),
    ("other (virtual-thread scheduler, no Tusk frame)", lambda fs: True),
]

incl = collections.Counter()
methods = collections.Counter()
for e in events:
    stack = e["values"].get("stackTrace")
    thread = (e["values"].get("sampledThread") or {}).get("javaName") or ""
    if not stack or thread == "main":
        continue
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
             for f in stack["frames"]]
    if not names:
        continue
    methods[names[0]] += 1
    for label, test in BUCKETS:
        if test(names):
            incl[label] += 1
            break

n = sum(incl.values())
print(f"{n} samples (main thread left out)")
print("\n| where (first bucket with code on the stack) | share |\n|---|---|")
for label, _ in BUCKETS:
    print(f"| {label} | {100 * incl[label] / n:.0f} % |")
print("\n| hottest methods (self) | share |\n|---|---|")
for k, v in methods.most_common(12):
    print(f"| {k} | {100 * v / n:.1f} % |")
