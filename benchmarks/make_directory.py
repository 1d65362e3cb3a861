"""Make a synthetic directory of N services from the bundled files, for benchmarks.

Each copy gets its own id and name, and one of the Flemish provinces or Brussels
as its region, so that ids, names and regions vary while the text stays realistic.

    python benchmarks/make_directory.py 50000 /tmp/refer-50k
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACES = [("antwerpen", "Mechelen"), ("limburg", "Hasselt"), ("oost-vlaanderen", "Aalst"),
          ("west-vlaanderen", "Kortrijk"), ("vlaams-brabant", "Leuven"), ("brussels", "Anderlecht")]


def make(n: int, out: Path) -> None:
    sources = sorted((ROOT / "data" / "services").glob("*.toml"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    target = out / "services"
    target.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        k = i % len(texts)
        region, place = PLACES[i % len(PLACES)]
        suffix = f" {place} {i}"
        text = re.sub(r'^(name = ".*)"$', lambda m, s=suffix: f'{m.group(1)}{s}"', texts[k], count=1,
                      flags=re.MULTILINE)
        text = re.sub(r"^regions = \[.*\]$", f'regions = ["{region}"]', text, count=1, flags=re.MULTILINE)
        (target / f"{sources[k].stem}-{i:06d}.toml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    make(args.n, args.out)
    print(f"{args.n} services in {args.out}")
