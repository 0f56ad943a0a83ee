#!/usr/bin/env python3
"""Fills in api_key_sha256 of the development principals in seeds/identities.json.

A development principal's key is derived from its id: "dev-" + id (so the key of
"ops-oceanalpha" is "dev-ops-oceanalpha"). The server derives the same keys when it runs
on these identities, checks them against the file and prints them at start-up; see
docs/identities.md. Add a principal to the file by hand, then run this script.
Standard library only.

    python3 tools/seeds/dev_identities.py            # rewrite the hashes
    python3 tools/seeds/dev_identities.py --check    # exit 1 when a hash is out of date
"""
import argparse
import hashlib
import json
import sys
from pathlib import Path

IDENTITIES = Path(__file__).resolve().parents[2] / "seeds" / "identities.json"
KEY_PREFIX = "dev-"


def development_key(principal_id):
    return KEY_PREFIX + principal_id


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale hashes instead of writing")
    args = parser.parse_args()
    principals = json.loads(IDENTITIES.read_text(encoding="utf-8"))
    stale = []
    for principal in principals:
        digest = hashlib.sha256(development_key(principal["id"]).encode("utf-8")).hexdigest()
        if principal.get("api_key_sha256") != digest:
            stale.append(principal["id"])
            principal["api_key_sha256"] = digest
    if args.check:
        for principal_id in stale:
            print(f"out of date: api_key_sha256 of {principal_id}", file=sys.stderr)
        return 1 if stale else 0
    if stale:
        lines = ",\n".join("  " + json.dumps(p, ensure_ascii=False) for p in principals)
        IDENTITIES.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
        print(f"updated {', '.join(stale)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
