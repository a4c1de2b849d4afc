#!/usr/bin/env python3
"""Differential generator: seeded, deterministic random numpy programs in the style of attention and
embedding code (program i of seed S is the same whatever --count), about one in five with a mismatch
injected on a known line. Run with /usr/bin/python3 (numpy): every kept statement was run by numpy.

    /usr/bin/python3 test/difftest/gen.py --seed 1 --count 200 --out DIR [--raise-ratio 0.2]

Writes DIR/<stem>.py and DIR/manifest.json: [{file, seed, index, style, raise: {line, code} | null,
tags: {line: template}}]. A raising program's first line is `# expect: <code> line <N>`, as the
buggy fixtures of test/fixtures/python/buggy, so it can be promoted to one as it is."""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen_blocks import BLOCKS  # noqa: E402
from gen_core import Builder  # noqa: E402
from gen_exprs import TEMPLATES, t_create, t_draw  # noqa: E402
from gen_more import MORE  # noqa: E402
from gen_raise import RAISERS  # noqa: E402


def _weighted(r, table):
    return r.choices([t for t, _ in table], weights=[w for _, w in table])[0]


def _grow(b, count):
    """Add `count` statements (or blocks) that numpy accepts; gives up after many rejections."""
    added, tries = 0, 0
    while added < count and tries < count * 8:
        tries += 1
        roll = b.r.random()
        t = _weighted(b.r, BLOCKS if roll < 0.2 else MORE if roll < 0.45 else TEMPLATES)
        res = t(b)
        if res is None:
            continue
        lines, tag = res[0], res[1]
        nonfinite = res[2] if len(res) > 2 else ()
        if b.add(lines, tag, nonfinite):
            added += 1


def build(seed, index, raise_ratio):
    r = random.Random(f"difftest/{seed}/{index}")
    style = r.choice(["rng", "legacy"])
    b = Builder(r, style)
    if style == "rng":
        b.add(f"rng = np.random.default_rng({r.randrange(10000)})", "seed")
    else:
        b.add(f"np.random.seed({r.randrange(10000)})", "seed")
    for t in (t_draw, t_create, t_draw):
        lines, tag = t(b)
        b.add(lines, tag)
    _grow(b, r.randint(6, 16))

    raised = None
    if r.random() < raise_ratio:
        for _ in range(30):
            res = _weighted(r, RAISERS)(b)
            if res is None:
                continue
            lines, offset, code = res
            if b.raises(lines):
                raised = (lines, offset, code)
                break
    main_len = len(b.lines)
    main_tags = dict(b.tags)
    if raised:
        # statements after the raising line: valid without it (numpy never reaches them)
        _grow(b, r.randint(0, 2))
        lines, offset, code = raised
        post = b.lines[main_len:]
        body = b.lines[:main_len] + lines + post
        tags = dict(main_tags)
        for i in range(len(lines)):
            tags[main_len + 1 + i] = "raise"
        for ln, tag in b.tags.items():
            if ln > main_len:
                tags[ln + len(lines)] = tag
        line = main_len + 1 + offset + 1  # +1: the header line
        header = f"# expect: {code} line {line}"
        info = {"line": line, "code": code}
    else:
        body, tags, header, info = b.lines, b.tags, f"# difftest seed {seed} program {index}", None
    source = "\n".join([header] + body) + "\n"
    return source, {"seed": seed, "index": index, "style": style, "raise": info,
                    "tags": {str(k + 1): v for k, v in sorted(tags.items())}, "rejected": b.rejected}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--start", type=int, default=0, help="first program index")
    ap.add_argument("--raise-ratio", type=float, default=0.2)
    ap.add_argument("--out", help="directory for the programs and manifest.json")
    a = ap.parse_args()
    manifest = []
    for i in range(a.start, a.start + a.count):
        source, info = build(a.seed, i, a.raise_ratio)
        stem = f"s{a.seed}_{i:04d}"
        info["file"] = stem + ".py"
        manifest.append(info)
        if a.out:
            os.makedirs(a.out, exist_ok=True)
            with open(os.path.join(a.out, stem + ".py"), "w", encoding="utf-8") as f:
                f.write(source)
        else:
            sys.stdout.write(f"### {stem}\n{source}\n")
    if a.out:
        with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
