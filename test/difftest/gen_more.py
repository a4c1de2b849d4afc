"""More templates of the differential generator, for the corners numpy users trip on: numpy scalars
and 0-d arrays mixed with arrays (numpy 1.24's value-based casting), small integer dtypes, fancy
setitem with repeated indices, in-place operators, linalg, unique/sort with ties, Python control
flow and builtins, TP4-style element loops and a class with weights, more seeded draws."""
from gen_exprs import float_draw, index_expr

SMALL_INTS = ["np.int8", "np.uint8", "np.int16", "np.int32", "np.uint16"]


def t_scalar_mix(b):
    a = b.arr("fib")
    if not a:
        return None
    o = b.arr("fib") or a
    s = b.choice([f"{o}.sum()", f"{o}.mean()", f"{o}.max()", "np.float64(0.5)", "np.int64(3)", "np.float32(2.5)",
                  "np.array(2.0)", "np.int8(-2)", "np.uint8(200)", f"{o}[0]" if b.val(o).ndim == 1 else f"{o}[0, 0]",
                  "np.array(3, dtype=np.int32)", "np.float16(0.25)", "np.bool_(True)"])
    op = b.choice(["+", "-", "*", "/", "//", ">", "**", "%"])
    e = f"{a} {op} {s}" if b.r.random() < 0.6 else f"{s} {op} {a}"
    return [f"{b.name('sm')} = {e}"], "scalar-mix"


def t_small_ints(b):
    sh = (b.choice([2, 3, 4]), b.choice([2, 3]))
    dt, dt2 = b.choice(SMALL_INTS), b.choice(SMALL_INTS + ["np.float32", "np.int64", "bool"])
    x, y = b.name("i"), b.name("j")
    vals = [[b.r.randint(-5, 120) if "u" not in dt else b.r.randint(0, 250) for _ in range(sh[1])] for _ in range(sh[0])]
    other = b.choice([f"{x}.astype({dt2})", f"np.arange({sh[1]}, dtype={dt2})", "7", "300", "-1", "2.5", "70000"])
    op = b.choice(["+", "-", "*", "//", "%", "&", "|", "<", "**"])
    red = b.choice(["sum()", "mean()", "prod(axis=0)", "cumsum()", "max(axis=1)", "var()", "argmin()"])
    return [f"{x} = np.array({vals}, dtype={dt})", f"{y} = {x} {op} {other}", f"{b.name('r')} = {y}.{red}"], "small-ints"


def t_fancy_set(b):
    a = b.arr("fi", (1, 2))
    if not a:
        return None
    n0 = b.shape(a)[0]
    idx = [b.r.randrange(n0) for _ in range(b.choice([2, 3, 4]))]
    return [b.choice([f"{a}[{idx}] += 1", f"{a}[{idx}] = {a}[{idx}] * 2", f"{a}[np.array({idx})] -= 0.5",
                      f"{a}[{a} > {a}.mean()] = {a}.min()", f"{a}[{a}.argmax()] = 0" if b.val(a).ndim == 1 else f"{a}[:, {a}.argmax(axis=0)] = 1"]),
            f"{b.name('after')} = {a}.copy()"], "fancy-set"


def t_inplace(b):
    a = b.arr("fi")
    if not a:
        return None
    o = b.choice(["2", "0.5", f"{a}[::-1]", f"{a}.mean()", "1"])
    al = b.name("alias")
    return [f"{al} = {a}", f"{a} {b.choice(['+=', '-=', '*=', '/=', '//=', '**='])} {o}", f"{b.name('chk')} = {al} - {a}"], "inplace"


def t_linalg(b):
    n = b.choice([2, 3, 4])
    m = b.name("M")
    lines = [f"{m} = {float_draw(b, (n, n))} + {n} * np.eye({n})"]
    e = b.choice([f"np.linalg.inv({m})", f"np.linalg.det({m})", f"np.linalg.solve({m}, np.ones({n}))", f"np.linalg.norm({m}, 'fro')",
                  f"np.linalg.norm({m}, ord=1)", f"np.linalg.norm({m}, axis=0)", f"np.linalg.matrix_rank({m})", f"np.trace({m})",
                  f"np.linalg.inv({m}) @ {m}", f"np.linalg.norm({m}[0], ord=np.inf)", f"np.linalg.svd({m}, compute_uv=False)",
                  f"np.linalg.norm({m}, ord=2)", f"np.linalg.solve({m}, np.eye({n})[:, :2])"])
    return lines + [f"{b.name('la')} = {e}"], "linalg"


def t_sort_unique(b):
    n = b.choice([5, 6, 8])
    x = b.name("ties")
    vals = [b.r.randint(0, 3) for _ in range(n)]
    e = b.choice([f"np.argsort({x})", f"np.argsort({x}, kind='stable')", f"np.sort({x})[::-1]", f"np.unique({x}, return_counts=True)[1]",
                  f"np.unique({x}, return_inverse=True)[1]", f"np.unique({x}, return_index=True)[1]", f"np.argsort(-{x})",
                  f"{x}[np.argsort({x})]", f"np.searchsorted(np.sort({x}), 2)", f"np.bincount({x})", f"np.argmax({x})",
                  f"np.isin({x}, [0, 2])", f"np.nonzero({x})[0]", f"np.argwhere({x} > 1)", f"np.count_nonzero({x})"])
    return [f"{x} = np.array({vals})", f"{b.name('o')} = {e}"], "sort-unique"


def t_control(b):
    a = b.arr("f")
    if not a:
        return None
    x, y = b.name("z"), b.name("t")
    return b.choice([
        [f"if {a}.sum() > 0:", f"    {x} = {a} * 2", "else:", f"    {x} = -{a}", f"{y} = {x} + 1"],
        [f"{x} = {a}.max() if {a}.mean() > 0 else {a}.min()"],
        [f"{x} = sum([{a} * i for i in range(3)])"],
        [f"{x} = sorted({a}.ravel().tolist())[:3]", f"{y} = np.array({x})"],
        [f"{x} = [round(float(v), 2) for v in {a}.ravel()]", f"{y} = max({x}) - min({x})"],
        [f"{x} = 0", f"for v in {a}.ravel():", "    if v < 0:", "        continue", f"    {x} += 1", "    if " + x + " > 3:", "        break"],
        [f"{x}, {y} = divmod(len({a}) + 7, 3)"],
        [f"{x} = [(i, float(v)) for i, v in enumerate({a}.ravel()) if v > 0]", f"{y} = len({x})"],
    ]), "control"


def t_elem_loops(b):
    """TP4 exercise 1: scores and weights computed element by element."""
    n, d = b.choice([3, 4]), b.choice([2, 4])
    q, k, s, w = b.name("Qe"), b.name("Ke"), b.name("S"), b.name("Wt")
    return [f"{q} = {float_draw(b, (n, d))}", f"{k} = {float_draw(b, (n, d))}", f"{s} = np.zeros(({n}, {n}))",
            f"for i in range({n}):", f"    for j in range({n}):", f"        {s}[i, j] = np.dot({q}[i], {k}[j]) / np.sqrt({d})",
            f"{w} = np.zeros_like({s})", f"for i in range({n}):", f"    ex = np.exp({s}[i] - {s}[i].max())", f"    {w}[i] = ex / ex.sum()",
            f"{b.name('rowsum')} = {w}.sum(axis=1)"], "elem-loops"


def t_class(b):
    c = b.name("Head")
    h1, h2, o1, o2 = b.name("h"), b.name("h"), b.name("o"), b.name("o")
    seed = b.r.randrange(100)
    return [f"class {c}:", "    def __init__(self, d, dk, seed):", "        g = np.random.default_rng(seed)",
            "        self.W_Q = g.standard_normal((d, dk))", "        self.W_K = g.standard_normal((d, dk))",
            "        self.dk = dk", "    def forward(self, X):", "        Q = X @ self.W_Q", "        K = X @ self.W_K",
            "        S = Q @ K.T / np.sqrt(self.dk)", "        E = np.exp(S - S.max(axis=-1, keepdims=True))",
            "        return E / E.sum(axis=-1, keepdims=True)",
            f"{h1} = {c}(4, 2, {seed})", f"{h2} = {c}(6, 3, {seed + 1})",
            f"{o1} = {h1}.forward({float_draw(b, (3, 4))})", f"{o2} = {h2}.forward({float_draw(b, (5, 6))})"], "class"


def t_draw_more(b):
    x = b.name("R")
    n = b.choice([3, 4, 5])
    a = b.arr("f", (1, 2))
    if b.style == "rng":
        e = b.choice([f"rng.random(({n}, 2), dtype=np.float32)", f"rng.standard_normal({n}, dtype=np.float32)",
                      f"rng.integers(0, 5, size={n}, endpoint=True)", f"rng.choice({n}, size=3, p=[0.5] + [0.5 / {n - 1}] * {n - 1})",
                      f"rng.normal(np.arange({n}), 0.1)", f"rng.uniform(low=np.zeros({n}), high=np.arange(1, {n + 1}))",
                      f"rng.integers(0, 10, size=({n},), dtype=np.int32)", f"rng.permutation(np.arange({n * 2}).reshape({n}, 2))",
                      f"rng.standard_normal(({n},)) * 0.1 + 1"])
        lines = [f"{x} = {e}"]
        if a and b.r.random() < 0.3:
            lines = [f"{x} = {a}.copy()", f"rng.shuffle({x})", f"{b.name('sh')} = {x}.copy()"]
    else:
        e = b.choice([f"np.random.RandomState({b.r.randrange(100)}).randn({n})", f"np.random.choice([1.5, 2.5, 3.5], size={n})",
                      f"np.random.normal(np.arange({n}), 0.5)", f"np.random.randint(-5, 5, size=({n}, 2))",
                      f"np.random.uniform(0, np.arange(1, {n + 1}))", f"np.random.permutation(np.arange({n}) * 2)",
                      f"np.random.choice({n}, size=({n}, 2))", f"np.random.random_sample({n})"])
        lines = [f"{x} = {e}"]
        if a and b.r.random() < 0.3:
            lines = [f"{x} = {a}.copy()", f"np.random.shuffle({x})", f"{b.name('sh')} = {x}.copy()"]
    return lines, "draw-more"


def t_index_more(b):
    a = b.arr("fib", (1, 2, 3))
    if not a:
        return None
    sa = b.shape(a)
    n0 = sa[0]
    opts = [f"{a}[{n0 - 1}:0:-1]", f"{a}[-1:-{n0}:-2]", f"{a}[1:100]", f"{a}[-100:2]", f"{a}[{n0}:]",
            f"{a}[np.array([[0, {n0 - 1}], [{n0 - 1}, 0]])]", f"{a}[[True] * {n0}]", f"{a}[np.arange({n0}) % 2 == 0]",
            f"{a}[..., ::2]", f"{a}[()]", index_expr(b, a)]
    if len(sa) >= 2:
        opts += [f"{a}[:, -1:]", f"{a}[{a} > 0]", f"{a}[[[0], [{n0 - 1}]], [0, {sa[1] - 1}]]",
                 f"{a}[1, [0, 0, {sa[1] - 1}]]", f"{a}[:, [0]][[{n0 - 1}]]", f"{a}.T[::-1, 1:]"]
    return [f"{b.name('gx')} = {b.choice(opts)}"], "index-more"


MORE = [(t_scalar_mix, 5), (t_small_ints, 3), (t_fancy_set, 2), (t_inplace, 3), (t_linalg, 2), (t_sort_unique, 2),
        (t_control, 3), (t_elem_loops, 1), (t_class, 1), (t_draw_more, 2), (t_index_more, 4)]
