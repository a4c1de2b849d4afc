# CPython's float // and % over the awkward values (nan, ±inf, ±0, signs): the expected answers of
# divmod.test.ts. Run with any python3: `python3 gen_divmod.py > divmod.json`.
import json, math

vals = [5.5, -5.5, 2.0, -2.0, 0.0, -0.0, math.inf, -math.inf, math.nan, 3, -3, 7, 1e300, 1e-300]

def enc(x):
    if isinstance(x, float):
        if math.isnan(x): return "NaN"
        if math.isinf(x): return "Infinity" if x > 0 else "-Infinity"
        if x == 0 and math.copysign(1, x) < 0: return "-0"
    return x

cases = []
for a in vals:
    for b in vals:
        for op in ("//", "%"):
            try:
                r = eval(f"a {op} b")
                cases.append({"a": enc(a), "at": type(a).__name__, "b": enc(b), "bt": type(b).__name__, "op": op, "result": enc(r), "type": type(r).__name__})
            except ZeroDivisionError as e:
                cases.append({"a": enc(a), "at": type(a).__name__, "b": enc(b), "bt": type(b).__name__, "op": op, "error": "ZeroDivisionError"})
print(json.dumps(cases))
