#!/usr/bin/env python3
"""Fails when an include runs the wrong way between ppm's areas (docs/README.md, "Areas and layers").

Every area (include/ppm/<area>/ and src/<area>/) may include its own headers and those of the areas
below it. An area's src/<area>/detail/ headers are its own; include/ppm/<area>/detail/ holds
internals it shares with the areas above (the seeded generator, link arithmetic). Exit 1 naming
file, line and the include."""

import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1]

# Layer of each area: an area may include areas of a lower layer (and its own).
LAYER = {
    "core": 0,
    "calendar": 1,
    "schedule": 2,
    "leveling": 3,
    "scoring": 3,
    "risk": 4,
    "evm": 5,
    "governance": 6,
    "io": 7,
    "portfolio": 8,
    "report": 9,
    "store": 9,
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"(ppm/)?([a-z_]+)/([^"]+)"')


def area_files(area):
    for base in (ROOT / "include" / "ppm" / area, ROOT / "src" / area):
        if base.is_dir():
            yield from sorted(p for p in base.rglob("*") if p.suffix in (".hpp", ".cpp", ".h"))


def check():
    problems = []
    for area, layer in LAYER.items():
        for path in area_files(area):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                public, target, rest = m.group(1) is not None, m.group(2), m.group(3)
                if target == "detail" or target == area:
                    continue  # the area's own headers (a relative "detail/x.hpp" included)
                where = f"{path.relative_to(ROOT)}:{number}"
                if target not in LAYER:
                    continue  # not an area (e.g. a third-party header with a slash)
                if rest.startswith("detail/") and not public:
                    problems.append(f"{where}: {area} includes {target}'s internals ({line.strip()})")
                elif LAYER[target] >= layer:
                    problems.append(f"{where}: {area} (layer {layer}) includes {target} (layer {LAYER[target]}): {line.strip()}")
    return problems


def main():
    missing = [a for a in LAYER if not (ROOT / "include" / "ppm" / a).is_dir()]  # usage: check_layers.py [ROOT]
    unknown = sorted(p.name for p in (ROOT / "include" / "ppm").iterdir() if p.is_dir() and p.name not in LAYER)
    problems = check()
    if missing or unknown:
        problems.append(f"areas out of step with LAYER: missing {missing}, not listed {unknown}")
    for p in problems:
        print(p)
    print(f"{len(problems)} include(s) running the wrong way" if problems else "layers: every include runs downward")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
