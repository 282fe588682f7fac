#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks data/bundle.schema.json: the sample bundle and every bundle
given on the command line conform, and mutated ones do not. Prints TAP."""

import copy
import json
import sys

import jsonschema

schema_path, sample_path = sys.argv[1], sys.argv[2]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
sample = json.load(open(sample_path, encoding="utf-8"))

cases = []


def valid(name, document):
    cases.append((name, document, True))


def invalid(name, change):
    document = copy.deepcopy(sample)
    change(document)
    cases.append((name, document, False))


valid("sample bundle", sample)
for extra in sys.argv[3:]:
    valid(extra, json.load(open(extra, encoding="utf-8")))

invalid("no format", lambda d: d.pop("format"))
invalid("other format", lambda d: d.update(format="hotcrp"))
invalid("version 2", lambda d: d.update(format_version=2))
invalid("unknown kind", lambda d: d.update(kind="everything"))
invalid("bad bundle id", lambda d: d.update(bundle_id="nope"))
invalid("bad created_at", lambda d: d.update(created_at="yesterday"))
invalid("bad role", lambda d: d["origin"].update(role="admin"))
invalid("no records", lambda d: d.pop("records"))
invalid("unknown record type", lambda d: d["records"].update(virus=[]))
invalid("record not an object", lambda d: d["records"]["hub"].append(3))
invalid("bad record id", lambda d: d["records"]["hub"][0].update(id="1"))
invalid("revision zero", lambda d: d["records"]["hub"][0].update(revision=0))
invalid("goal 18", lambda d: d["records"]["hub"][0].update(sdgs=[18]))
invalid("score text", lambda d: d["records"]["review"][0].update(scores={"x": "high"}))
invalid("bad checksum", lambda d: d.update(checksum="xyz"))
invalid("unknown top-level member", lambda d: d.update(extra=1))
invalid("signature by no key", lambda d: d.update(signature={"algorithm": "ed25519", "key": "x", "value": "y"}))
invalid("roster key without a status", lambda d: d.update(roster=[{"public_key": "A" * 43 + "=", "role": "member",
                                                                    "name": "x"}]))
invalid("attachment not base64", lambda d: d["records"]["attachment"][0].update(data="<b>"))

failed = 0
print("1..%d" % len(cases))
for number, (name, document, expected) in enumerate(cases, 1):
    errors = list(validator.iter_errors(document))
    ok = (not errors) == expected
    if not ok:
        failed += 1
    detail = "" if ok else " # " + (errors[0].message[:200] if errors else "accepted")
    print("%s %d - %s%s" % ("ok" if ok else "not ok", number, name, detail))
sys.exit(1 if failed else 0)
