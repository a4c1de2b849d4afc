"""The program builder of the differential generator: it grows one numpy program a statement at a
time and really runs every candidate statement, so that only statements numpy accepts (and whose
values stay small, finite and exactly representable) are kept. Templates read live shapes here."""
import math
import random
import warnings

import numpy as np

MAX_ELEMS = 400
MAX_INT = 2 ** 40  # the tracer keeps ints in float64: stay far below 2**53
MAX_FLOAT = 1e8


def tup(shape):
    """Python source of a shape tuple: (3,) or (2, 4)."""
    shape = tuple(int(s) for s in shape)
    return f"({shape[0]},)" if len(shape) == 1 else "(" + ", ".join(map(str, shape)) + ")"


def _ok_value(v, nonfinite_ok):
    if isinstance(v, (bool, np.bool_)):
        return True
    if isinstance(v, (int, np.integer)):
        return abs(int(v)) <= MAX_INT
    if isinstance(v, (float, np.floating)):
        f = float(v)
        return (nonfinite_ok or math.isfinite(f)) and (not math.isfinite(f) or abs(f) <= MAX_FLOAT)
    if isinstance(v, np.ndarray):
        if v.dtype.kind not in "biuf" or v.size > MAX_ELEMS:
            return False
        if v.dtype.kind in "iu":
            return v.size == 0 or int(np.abs(v.astype(np.int64)).max()) <= MAX_INT
        if v.dtype.kind == "f":
            fin = np.isfinite(v)
            if not nonfinite_ok and not fin.all():
                return False
            return v.size == 0 or not fin.any() or float(np.abs(v[fin]).max()) <= MAX_FLOAT
        return True
    if isinstance(v, (list, tuple)):
        return len(v) <= 64 and all(_ok_value(x, nonfinite_ok) for x in v)
    if isinstance(v, dict):
        return len(v) <= 64
    return True  # str, functions, generators, modules


class Builder:
    """One program under construction: its accepted lines and the live namespace they produce."""

    def __init__(self, r: random.Random, style: str):
        self.r = r
        self.style = style  # 'rng' (default_rng Generator) or 'legacy' (np.random.*)
        self.lines = ["import numpy as np"]
        self.tags = {}  # 1-based line -> template name
        self.nonfinite_ok = set()  # names allowed to hold -inf (additive masks)
        self.n = 0
        self.ns = {}
        self.rejected = 0
        self._rerun()

    # --- names and picks -------------------------------------------------------------------
    def name(self, prefix="v"):
        self.n += 1
        return f"{prefix}{self.n}"

    def arrays(self, kinds="fib", ndim=(1, 2, 3), pred=None):
        out = []
        for k, v in self.ns.items():
            if k.startswith("_") or not isinstance(v, np.ndarray) or v.dtype.kind not in kinds:
                continue
            if v.ndim not in ndim or v.size == 0 or k in self.nonfinite_ok:
                continue
            if pred is None or pred(v):
                out.append(k)
        return out

    def arr(self, kinds="f", ndim=(1, 2, 3), pred=None):
        c = self.arrays(kinds, ndim, pred)
        return self.r.choice(c) if c else None

    def scalars(self, kinds=(int, float)):
        return [k for k, v in self.ns.items() if not k.startswith("_") and type(v) in kinds]

    def shape(self, name):
        return tuple(self.ns[name].shape)

    def val(self, name):
        return self.ns[name]

    def choice(self, seq):
        return self.r.choice(list(seq))

    def axis(self, nd, allow_none=True):
        opts = list(range(-nd, nd)) + ([None] if allow_none else [])
        return self.r.choice(opts)

    # --- running -------------------------------------------------------------------------
    def _exec(self, src, ns):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                exec(compile(src, "<difftest>", "exec"), ns)

    def _rerun(self):
        self.ns = {}
        self._exec("\n".join(self.lines) + "\n", self.ns)

    def _valid(self):
        for k, v in self.ns.items():
            if k.startswith("__"):
                continue
            if not _ok_value(v, k in self.nonfinite_ok):
                return False
        return True

    def add(self, src_lines, tag, nonfinite=()):
        """Keep the statement(s) when numpy runs them and every value stays reasonable."""
        if isinstance(src_lines, str):
            src_lines = [src_lines]
        self.nonfinite_ok.update(nonfinite)
        try:
            self._exec("\n".join(src_lines) + "\n", self.ns)
            ok = self._valid()
        except Exception:  # noqa: BLE001 - any failure means "numpy does not accept this"
            ok = False
        if not ok:
            self.nonfinite_ok.difference_update(nonfinite)
            self.rejected += 1
            self._rerun()
            return False
        first = len(self.lines) + 1
        self.lines.extend(src_lines)
        for i in range(len(src_lines)):
            self.tags[first + i] = tag
        return True

    def raises(self, src_lines):
        """The exception type numpy raises on these lines run after the program, or None."""
        if isinstance(src_lines, str):
            src_lines = [src_lines]
        ns = {}
        try:
            self._exec("\n".join(self.lines) + "\n", ns)
        except Exception:  # noqa: BLE001
            return None
        try:
            self._exec("\n".join(src_lines) + "\n", ns)
        except Exception as e:  # noqa: BLE001
            return type(e).__name__
        return None

    def source(self, header):
        return "\n".join([header] + self.lines) + "\n"
