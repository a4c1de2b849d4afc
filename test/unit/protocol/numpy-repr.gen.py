# Regenerates numpy-repr.expected.json with numpy itself (run with /usr/bin/python3, numpy 1.24).
# Each case: the array's shape, dtype, flat data (non-finite as strings) and numpy's repr().
import json, numpy as np

rng = np.random.RandomState(0)
cases = {
    "tp4-X-4x4": rng.randn(4, 4),
    "tp4-WQ-4x2": rng.rand(4, 2),
    "weights-rows": np.array([[0.7, 0.2, 0.1], [0.3333333333333333, 0.3333333333333333, 0.3333333333333334]]),
    "ints": np.arange(12).reshape(3, 4),
    "negative-ints": np.array([-5, 10, 200]),
    "bool": np.array([[True, False], [False, True]]),
    "bool-all-true": np.array([True, True]),
    "ones": np.ones((2, 3)),
    "half": np.array([1.0, 0.5]),
    "small-exp": np.array([1e-5, 1.0]),
    "big-ratio": np.array([1.0, 2000.0]),
    "huge": np.array([1e8, 1.0]),
    "nan-inf": np.array([np.nan, np.inf, 1.5, -np.inf]),
    "neg-zero": np.array([-0.0, 1.25]),
    "float32": np.array([[0.1, 0.2], [0.3, 1.0 / 3]], dtype=np.float32),
    "int32": np.array([1, 2, 3], dtype=np.int32),
    "rank3": np.arange(24, dtype=float).reshape(2, 3, 4) / 7,
    "long-row": np.linspace(0, 1, 20),
    "wide-matrix": np.arange(40, dtype=float).reshape(2, 20) * 1.5,
    "zero-d": np.array(0.5),
    "empty": np.zeros((0,)),
    "empty-2d": np.zeros((2, 0)),
    "summarised": np.arange(2000, dtype=float),
    "summarised-2d": np.arange(1100).reshape(11, 100),
    "pe-like": np.array([[np.sin(p / 10000 ** (2 * (i // 2) / 6)) if i % 2 == 0 else np.cos(p / 10000 ** (2 * (i // 2) / 6)) for i in range(6)] for p in range(3)]),
    "causal-mask": np.triu(np.full((3, 3), -np.inf), k=1),
    "long-float32-dtype-wrap": (np.arange(12, dtype=np.float32) / 3).reshape(1, 12),
}
scalars = {
    "f64-scalar": np.float64(0.1) + np.float64(0.2),
    "f64-scalar-small": np.float64(1.5e-7),
    "f64-scalar-int": np.float64(3.0),
    "f64-scalar-big": np.float64(1e16),
}

def flat(a):
    out = []
    for x in a.ravel().tolist():
        if isinstance(x, float) and not np.isfinite(x):
            out.append("NaN" if np.isnan(x) else ("Infinity" if x > 0 else "-Infinity"))
        else:
            out.append(x)
    return out

res = []
for name, a in cases.items():
    res.append({"name": name, "shape": list(a.shape), "dtype": str(a.dtype), "data": flat(a), "scalar": False, "repr": repr(a)})
for name, s in scalars.items():
    res.append({"name": name, "shape": [], "dtype": str(s.dtype), "data": [float(s)], "scalar": True, "repr": repr(s)})
# the hover's "decimals" setting maps to numpy's precision; suppress to numpy's suppress
for name, a, opts in [
    ("precision-3", np.array([[0.123456, 2.5], [1e-5, 3.0]]), {"precision": 3}),
    ("suppress", np.array([[0.123456, 2.5], [1e-5, 3.0]]), {"suppress": True}),
    ("precision-4-suppress", np.array([0.1, 0.25, 1e-9, 12345.6789]), {"precision": 4, "suppress": True}),
]:
    with np.printoptions(**opts):
        res.append({"name": name, "shape": list(a.shape), "dtype": str(a.dtype), "data": flat(a), "scalar": False, "repr": repr(a), "opts": opts})
print(json.dumps(res, indent=1))
