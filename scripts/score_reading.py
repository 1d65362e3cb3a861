#!/usr/bin/env python3
"""Score how `refer` reads described situations against an annotated query file.

Each `[[query]]` has `q` and a `[query.reading]` table (asker, asker_did_it, victim_age, perpetrator_age,
urgency, topics). The reading is taken from `refer plan TEXT -f json --no-input` (its `situation` object).
Prints per-field accuracy, the share of sentences with every field right, and how many got no plan.

    python scripts/score_reading.py --refer .venv/bin/refer --queries FILE [--show-misses]

The query files themselves are kept outside the project (blind sets written by people who never saw the
code): a sentence that was scored here must never be copied into data/, src/ or tests/.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

PRIVATE = ("parent", "victim", "perpetrator", "bystander")
SEXUAL = {"sexual-violence", "sexual-abuse", "image-abuse", "child-sexual-abuse-material", "paedophilic-feelings"}
FIELDS = ("asker", "asker_did_it", "victim_age", "perpetrator_age", "urgency", "topic")


def asker_of(situation: dict) -> str:
    if situation.get("asker"):
        return situation["asker"]
    role = situation.get("asker_role", "")
    return role if role in PRIVATE or not role else "professional"


def first(people: list[dict], role: str) -> dict | None:
    return next((p for p in people if p.get("role") == role), None)


def reading_of(situation: dict) -> dict:
    people = situation.get("people", [])
    victim, doer = first(people, "victim"), first(people, "perpetrator")
    return {
        "asker": asker_of(situation),
        "asker_did_it": any(p.get("relation") == "self" and p.get("role") == "perpetrator" for p in people),
        "victim_age": (victim or {}).get("age_group", ""),
        "perpetrator_age": (doer or {}).get("age_group", ""),
        "urgency": situation.get("urgency", ""),
        "topics": list(dict.fromkeys([*situation.get("topics", []), *situation.get("implied", [])])),
    }


def field_right(name: str, want: dict, got: dict) -> bool:
    if name == "topic":
        topics = want.get("topics") or []
        if not topics:
            return True
        main_ok = topics[0] in got["topics"]
        sexual_wanted = bool(SEXUAL & set(topics))
        no_false_sexual = sexual_wanted or not ({"sexual-violence", "sexual-abuse"} & set(got["topics"]))
        return main_ok and no_false_sexual
    return got[name] == want.get(name, "" if name != "asker_did_it" else False)


def run(refer: list[str], text: str) -> tuple[dict, int, str]:
    proc = subprocess.run([*refer, "plan", text, "-f", "json", "--no-input"], capture_output=True, text=True,
                          timeout=60)
    try:
        data = json.loads(proc.stdout) if proc.stdout.strip() else {}
    except json.JSONDecodeError:
        data = {}
    return data.get("situation", {}) if isinstance(data, dict) else {}, proc.returncode, proc.stderr.strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refer", default="refer", help="the refer command (default: refer on the PATH)")
    ap.add_argument("--queries", type=Path, required=True)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    items = [q for q in tomllib.loads(args.queries.read_text(encoding="utf-8"))["query"] if "reading" in q]
    right = dict.fromkeys(FIELDS, 0)
    all_right = no_plan = 0
    for item in items:
        situation, code, err = run(args.refer.split(), item["q"])
        sections = bool(situation)
        if code != 0 or not sections:
            no_plan += 1
        got = reading_of(situation)
        want = item["reading"]
        ok = {f: field_right(f, want, got) for f in FIELDS}
        for f, v in ok.items():
            right[f] += v
        all_right += all(ok.values())
        if args.show_misses and not all(ok.values()):
            wrong = [f"{f}: want {want.get(f if f != 'topic' else 'topics')!r} got "
                     f"{got[f if f != 'topic' else 'topics']!r}" for f, v in ok.items() if not v]
            print(f"- {item['q'][:100]}\n    " + "\n    ".join(wrong) + (f"\n    exit {code}" if code else ""))
    n = len(items) or 1
    print(" · ".join(f"{f} {right[f] / n:.2f}" for f in FIELDS))
    print(f"all fields right {all_right / n:.2f} ({all_right}/{len(items)}) · no plan {no_plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
