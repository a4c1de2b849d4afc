"""The program builder of the differential generator: it grows one numpy program a statement at a
time and really runs every candidate statement, so that only statements numpy accepts (and whose
values stay small, finite and exactly representable) are kept. Templates read live shapes here."""
import copy
import math
import random
import re
import types
import warnings
import zlib

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


def _chunks(lines):
    """Top-level statements: a line and the indented lines under it (def, for, if bodies)."""
    out = []
    for ln in lines:
        if out and (ln.startswith((" ", "\t")) or ln.startswith(("else:", "elif "))):
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


_SIGNS = {}


def _integral(v):
    """Integer-valued floats (arange, counts, one-hot) are exact in numpy and in the tracer alike."""
    with np.errstate(all="ignore"):
        return bool(np.all(np.asarray(v) == np.round(np.asarray(v))))


class Builder:
    """One program under construction: its accepted lines and the live namespace they produce."""

    def __init__(self, r: random.Random, style: str):
        self.r = r
        self.style = style  # 'rng' (default_rng Generator) or 'legacy' (np.random.*)
        self.lines = ["import numpy as np"]
        self.tags = {}  # 1-based line -> template name
        self.nonfinite_ok = set()  # names allowed to hold -inf (additive masks)
        self.exact = set()  # names holding exactly computed integer values (see _note_exact)
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

    def _snapshot(self, perturb):
        """A copy of the namespace (generators included); floats nudged by ~1e-13 when `perturb`."""
        out = {}
        for k, v in self.ns.items():
            if isinstance(v, (types.ModuleType, types.FunctionType, type)) or k == "__builtins__":
                out[k] = v
            elif isinstance(v, np.ndarray) and v.dtype.kind == "f" and perturb and k not in self.exact:
                eps = {8: 1e-13, 4: 4e-6}.get(v.dtype.itemsize, 4e-3)
                out[k] = v * (1 + perturb * eps * self._signs(k, v.shape)).astype(v.dtype)
            elif isinstance(v, float) and perturb and k not in self.exact:
                out[k] = v * (1 + perturb * 1e-13)
            else:
                try:
                    out[k] = copy.deepcopy(v)
                except Exception:  # noqa: BLE001
                    out[k] = v
        return out

    def _note_exact(self, src):
        """Integer-valued floats computed only from exact values (arange, one-hot, counts) are
        exact in numpy and in the tracer alike: they are not nudged. A sum of softmax weights that
        happens to be 1.0 is not exact: its ties must not decide an argmax."""
        refs = set(re.findall(r"[A-Za-z_]\w*", src)) & set(self._before_ids)
        inputs_exact = all(r in self.exact or not isinstance(self._before_ids[r], (np.ndarray, float, np.floating))
                           for r in refs)
        for k, v in self.ns.items():
            if k.startswith("__") or not self._changed(k, v):
                continue
            if inputs_exact and isinstance(v, (np.ndarray, float, np.floating, int, np.integer)) and _integral(v):
                self.exact.add(k)
            else:
                self.exact.discard(k)

    def _changed(self, k, v):
        """Did the statement assign or write `k` (else its perturbed copy is not a result)?"""
        if k not in self._before_ids or self._before_ids[k] is not v:
            return True
        old = self._before_arrays.get(k)
        return old is not None and not np.array_equal(old, v, equal_nan=True)

    @staticmethod
    def _signs(name, shape):
        """±1 per element, a different pattern per variable: two arrays equal up to rounding noise
        (x >= y, x == y) come apart, as they may between numpy and the tracer."""
        key = (name, shape)
        if key not in _SIGNS:
            g = np.random.default_rng(zlib.crc32(name.encode()))
            # random sizes too, so that symmetric values (x and -x) cannot cancel the nudge out
            _SIGNS[key] = g.choice([-1.0, 1.0], size=shape) * g.uniform(0.5, 1.5, size=shape)
        return _SIGNS[key]

    def _well_conditioned(self, src, pre, post):
        """The statement's results barely move when its float inputs move by a few ulps: a last-bit
        difference between numpy and the tracer (SIMD exp, BLAS order) cannot flip an argmax, a
        comparison or an int cast into a disagreement the differential test would report."""
        state = np.random.get_state()
        np.random.set_state(self._rng_before)
        try:
            self._exec(src, pre)
        except Exception:  # noqa: BLE001
            return False
        finally:
            np.random.set_state(state)
        for k, v in post.items():
            if k.startswith("__") or k not in pre or not self._changed(k, v):
                continue
            w = pre[k]
            if isinstance(v, np.ndarray) or isinstance(v, (np.generic, int, float, bool)):
                a, b = np.asarray(v), np.asarray(w)
                if a.shape != b.shape or a.dtype != b.dtype:
                    return False
                if a.dtype.kind == "f":
                    rtol = {8: 1e-7, 4: 1e-3}.get(a.dtype.itemsize, 0.1)
                    # no absolute tolerance: a value made of rounding noise (inv(M) @ M off the
                    # diagonal) moves by its own size, and its sign is anyone's guess
                    if not np.allclose(a, b, rtol=rtol, atol=1e-300, equal_nan=True):
                        return False
                elif a.dtype.kind in "biu" and not np.array_equal(a, b):
                    return False
        return True

    def add(self, src_lines, tag, nonfinite=()):
        """Keep the statement(s) when numpy runs them, every value stays reasonable and the
        results are well conditioned (see _well_conditioned)."""
        if isinstance(src_lines, str):
            src_lines = [src_lines]
        self.nonfinite_ok.update(nonfinite)
        ok = True
        exact = set(self.exact)
        try:
            # statement by statement, so that values made inside a block are nudged too
            for chunk in _chunks(src_lines):
                src = "\n".join(chunk) + "\n"
                # nudged both ways: a tie (argmax of equal weights) breaks differently each time
                pres = [self._snapshot(perturb=1.0), self._snapshot(perturb=-1.0)]
                self._before_ids = dict(self.ns)
                self._before_arrays = {k: v.copy() for k, v in self.ns.items() if isinstance(v, np.ndarray)}
                self._rng_before = np.random.get_state()
                self._exec(src, self.ns)
                if not (self._valid() and all(self._well_conditioned(src, pre, self.ns) for pre in pres)):
                    ok = False
                    break
                self._note_exact(src)
        except Exception:  # noqa: BLE001 - any failure means "numpy does not accept this"
            ok = False
        if not ok:
            self.exact = exact
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
