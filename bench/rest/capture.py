#!/usr/bin/env python3
"""Turns the statements one API request ran (PostgreSQL's JSON log with log_statement=all) into two
pgbench scripts: the whole transaction (begin, settings, query, commit) and the query alone.

Every bind parameter stays a parameter (a pgbench variable passed with -D), so with -M prepared
pgbench sends the very statements, with the very values, that the API sent; a parameter equal to
KEY becomes :k, drawn per transaction from random(LO, HI) as the wrk script does.

  capture.py LOG OFFSET KEY LO HI OUT_PREFIX   -> OUT_PREFIX.txn.sql, .bare.sql, .defs (NUL-separated -D args)
"""
import json
import re
import sys

log, offset, key, lo, hi, out = sys.argv[1:7]
with open(log, "rb") as f:
    f.seek(int(offset))
    lines = f.read().decode("utf-8", "replace").splitlines()

stmts = []
for line in lines:
    try:
        d = json.loads(line)
    except ValueError:
        continue
    if d.get("user") != "authenticator":
        continue
    m = re.match(r"execute [^:]+: (.*)\Z", d.get("message", ""), re.S)
    if not m:
        continue
    params = {}
    detail = d.get("detail") or ""
    if detail.startswith("Parameters: "):
        for p in re.finditer(r"\$(\d+) = (?:NULL|'((?:[^']|'')*)')", detail):
            params[int(p[1])] = None if p[2] is None else p[2].replace("''", "'")
    stmts.append((m[1].strip(), params))

begins = [i for i, s in enumerate(stmts) if s[0].upper().startswith("BEGIN")]
if not begins or stmts[-1][0].upper() not in ("COMMIT", "ROLLBACK"):
    sys.exit("capture: no complete transaction in the log after offset %s: %r" % (offset, stmts))
tx = stmts[begins[-1]:]
if len(tx) < 4 or "set_config('role'" not in tx[1][0]:
    sys.exit("capture: unexpected transaction shape: %r" % (tx,))

defs, txn, bare = [], [], []
for i, (sql, params) in enumerate(tx):
    for n in sorted(params, reverse=True):  # $12 before $1
        v = params[n]
        if v is None:
            rep = "NULL"
        elif v == key:
            rep = ":k"
        else:
            rep = ":s%d_%d" % (i, n)
            defs.append("-Ds%d_%d=%s" % (i, n, v))
        sql = sql.replace("$%d" % n, rep)
    if "\n" in sql:
        sql = " ".join(sql.split("\n"))
    txn.append(sql + ";")
    if 1 < i < len(tx) - 1:
        bare.append(sql + ";")

header = "\\set k random(%s, %s)\n" % (lo, hi)
with open(out + ".txn.sql", "w") as f:
    f.write(header + "\n".join(txn) + "\n")
with open(out + ".bare.sql", "w") as f:
    f.write(header + "\n".join(bare) + "\n")
with open(out + ".defs", "w") as f:
    f.write("".join(d + "\0" for d in defs))
