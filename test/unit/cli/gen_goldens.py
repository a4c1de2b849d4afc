#!/usr/bin/python3
"""Expected outputs for the CLI tests, produced by numpy itself (never by our own code).

  /usr/bin/python3 test/unit/cli/gen_goldens.py

writes goldens/value_json.json (numpy arrays -> the contract's JSON form) and goldens/examples.json
(for every top-level assignment of each example: line, column, names, shape, dtype and value, as
numpy computed them while running the example statement by statement)."""
import ast
import contextlib
import io
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def contract_json(x):
    """The CLI contract's JSON of a numpy value: nested lists, bools, non-finite as strings."""
    if isinstance(x, np.ndarray):
        return contract_json(x.tolist())
    if isinstance(x, (list, tuple)):
        return [contract_json(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (np.integer, int)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        f = float(x)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return f
    raise TypeError(type(x))


def flat(a):
    return [v if not isinstance(v, str) else v for v in contract_json(a.reshape(-1).astype(np.float64))]


def value_cases():
    rng = np.random.RandomState(3)
    arrays = {
        "matrix 4x2": rng.randn(4, 2),
        "vector": np.arange(5, dtype=np.float64) / 3,
        "ints": np.arange(6).reshape(2, 3),
        "bool mask": np.triu(np.ones((3, 3), dtype=bool), k=1),
        "non-finite": np.array([[0.0, -np.inf], [np.nan, np.inf]]),
        "3-d": rng.rand(2, 3, 2),
        "0-d": np.array(2.5),
        "empty row": np.zeros((2, 0)),
        "100x100 (exactly 10,000)": np.arange(10_000).reshape(100, 100) % 7,
    }
    out = []
    for name, a in arrays.items():
        out.append({"name": name, "shape": list(a.shape), "dtype": str(a.dtype),
                    "data": flat(a), "expected": contract_json(a)})
    # one element past the limit: the contract lets the value be left out, and we do
    out.append({"name": "10,001 elements", "shape": [10_001], "dtype": "float64", "data": None, "expected": None})
    return out


def assigned_names(target):
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for elt in target.elts for n in assigned_names(elt)]
    return []


def describe(v):
    if isinstance(v, np.ndarray):
        return {"shape": list(v.shape), "dtype": str(v.dtype),
                "value": contract_json(v) if v.size <= 10_000 else None}
    if isinstance(v, (bool, np.bool_)):
        return {"shape": [], "dtype": "bool", "value": bool(v)}
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        dtype = str(np.asarray(v).dtype)
        return {"shape": [], "dtype": dtype, "value": contract_json(v)}
    return {"shape": None, "dtype": None, "value": None}


def example_bindings(path):
    src = open(path, encoding="utf-8").read()
    tree = ast.parse(src)
    env = {"__name__": "__example__"}
    out = []
    with contextlib.redirect_stdout(io.StringIO()):
        for stmt in tree.body:
            code = compile(ast.Module(body=[stmt], type_ignores=[]), path, "exec")
            exec(code, env)
            if isinstance(stmt, ast.Assign):
                targets = stmt.targets
            elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)):
                targets = [stmt.target]
            else:
                continue
            for t in targets:
                for name in assigned_names(t):
                    node = next(n for n in ast.walk(t) if isinstance(n, ast.Name) and n.id == name)
                    out.append({"line": node.lineno, "column": node.col_offset, "name": name, **describe(env[name])})
    return out


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def eval_cases():
    """`attention-tutor eval` expressions and the values numpy gives for the same definitions."""
    Q = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    K = np.array([[1.0, 2.0], [0.0, 1.0], [1.0, 0.0]])
    V = np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 1.0]])
    mask = np.triu(np.full((3, 3), -np.inf), k=1)
    pos = np.arange(4)[:, None]
    i = np.arange(0, 4, 2)[None, :]
    pe = np.zeros((4, 4))
    pe[:, 0::2] = np.sin(pos / 10000 ** (i / 4))
    pe[:, 1::2] = np.cos(pos / 10000 ** (i / 4))
    fmt = lambda a: str(a.tolist())
    return [
        {"expression": "softmax([2, 1, 0])", "value": contract_json(softmax(np.array([2.0, 1.0, 0.0])))},
        {"expression": f"scaled_scores({fmt(Q)}, {fmt(K)})", "value": contract_json(Q @ K.T / np.sqrt(2))},
        {"expression": f"attention({fmt(Q)}, {fmt(K)}, {fmt(V)})", "value": contract_json(softmax(Q @ K.T / np.sqrt(2)) @ V)},
        {"expression": f"attention({fmt(Q)}, {fmt(K)}, {fmt(V)}, causal_mask(3))",
         "value": contract_json(softmax(Q @ K.T / np.sqrt(2) + mask) @ V)},
        {"expression": "causal_mask(3)", "value": contract_json(mask)},
        {"expression": "positional_encoding(4, 4)", "value": contract_json(pe)},
    ]


def main():
    os.makedirs(os.path.join(HERE, "goldens"), exist_ok=True)
    with open(os.path.join(HERE, "goldens", "value_json.json"), "w") as f:
        json.dump({"numpy": np.__version__, "cases": value_cases()}, f)
    with open(os.path.join(HERE, "goldens", "eval.json"), "w") as f:
        json.dump({"numpy": np.__version__, "cases": eval_cases()}, f, indent=1)
    examples = {}
    for rel in ["examples/tp4/exercise1.py", "examples/tp4/exercise2.py", "examples/tp4/bonus_lune.py",
                "examples/exam/transformer_I2.py", "examples/optim/adam_step.py"]:
        examples[rel] = example_bindings(os.path.join(ROOT, rel))
    with open(os.path.join(HERE, "goldens", "examples.json"), "w") as f:
        json.dump({"numpy": np.__version__, "examples": examples}, f, indent=1)


if __name__ == "__main__":
    main()
