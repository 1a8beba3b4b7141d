#!/usr/bin/python3
"""Word spaces of justified text (docs/text-pipeline.md, "Justified text"): lays every article out
with `article-viewer --layout --justify` at each width, with first fit and with total fit, and
prints one JSON line per (width, breaker): the distribution of each justified line's widest space
as a multiple of the normal space, over all the articles' lines, the layout time and the overflow;
and apart, the lines justified between characters (Chinese, Japanese: `cjk_lines`) with what each
of their gaps gains as a multiple of the font size (`cjk_gap_p50`, `cjk_gap_p90`, `cjk_gap_max`).

    word_space.py --viewer PATH/article-viewer [--widths 320,720] ARTICLE.json...
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 1.0
    k = max(0, min(len(values) - 1, -(-len(values) * p // 100) - 1 if p > 0 else 0))
    return values[int(k)]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewer", required=True)
    ap.add_argument("--widths", default="320,720")
    ap.add_argument("--font", default="serif")
    ap.add_argument("articles", nargs="+")
    args = ap.parse_args(argv)
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    for width in [int(w) for w in args.widths.split(",")]:
        for breaking in ("greedy", "total"):
            ratios: list[float] = []
            gaps: list[float] = []  # CJK lines: each line's gap, in ems
            layout_ms = 0.0
            overflow = unjustifiable = 0
            hyphenation: set[str] = set()  # the languages hyphenated, over every article
            for path in args.articles:
                out = subprocess.run([args.viewer, "--layout", path, "--width", str(width), "--justify", "--font", args.font,
                                      "--breaking", breaking], capture_output=True, text=True, env=env, timeout=300)
                if out.returncode != 0:
                    print(f"word_space.py: {path}: {out.stderr.strip()}", file=sys.stderr)
                    return 1
                report = json.loads(out.stdout)
                ratios += report["word_space"]["ratios"]
                gaps += report["word_space"]["char_gap"]["gaps"]
                unjustifiable += report["word_space"]["unjustifiable_lines"]
                layout_ms += report["layout_ms"]
                overflow += report["overflow_lines"]
                hyphenation.update(report["hyphenation"])
            ratios.sort()
            gaps.sort()
            print(json.dumps({"width": width, "breaking": breaking, "font": args.font, "articles": len(args.articles),
                              "lines": len(ratios), "p50": percentile(ratios, 50), "p90": percentile(ratios, 90),
                              "p99": percentile(ratios, 99), "max": ratios[-1] if ratios else 1.0,
                              "over_1_5": sum(r > 1.5 for r in ratios), "over_2": sum(r > 2 for r in ratios),
                              "unjustifiable_lines": unjustifiable, "layout_ms": round(layout_ms, 2),
                              "overflow_lines": overflow, "hyphenation": sorted(hyphenation), "cjk_lines": len(gaps),
                              "cjk_gap_p50": percentile(gaps, 50) if gaps else 0.0,
                              "cjk_gap_p90": percentile(gaps, 90) if gaps else 0.0,
                              "cjk_gap_max": gaps[-1] if gaps else 0.0}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
