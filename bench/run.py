"""Run the benchmarks and print one line per figure: ``name: value unit``.

Each ``bench/bench_*.py`` module defines ``run(quick: bool) -> Iterable[tuple[str, float, str]]``
and may say which services it needs in its docstring. ``--quick`` uses smaller data sets, for a
smoke run; ``--only NAME`` runs the modules whose name contains NAME.

    python bench/run.py [--quick] [--only clocks]
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data sets, for a smoke run")
    parser.add_argument("--only", default="", help="run only modules whose name contains this")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()

    failed = 0
    for path in sorted(HERE.glob("bench_*.py")):
        if args.only and args.only not in path.stem:
            continue
        module = importlib.import_module(f"bench.{path.stem}")
        try:
            for name, value, unit in module.run(quick=args.quick):
                print(f"{name}: {value:.6g} {unit}", flush=True)
        except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
            failed += 1
            print(f"# {path.stem} failed:", file=sys.stderr)
            traceback.print_exc()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
