"""One-statement templates of the differential generator: creation and seeded draws, ufuncs with
broadcasting and Python scalars, reductions, products, shape ops, indexing (get and set), dtype
casts and Python scalars taken from arrays. Each template returns (lines, tag) or None."""
import numpy as np

from gen_core import tup

DIMS = [1, 2, 3, 4, 5, 6]


def rand_shape(b, ndim=None):
    nd = ndim or b.choice([1, 2, 2, 2, 3])
    return tuple(b.choice(DIMS[1:] if i < nd - 1 else DIMS) for i in range(nd))


def draw(b, shape):
    """A seeded draw of `shape` in the program's random style."""
    s = tup(shape)
    if b.style == "rng":
        return b.choice([f"rng.standard_normal({s})", f"rng.random({s})", f"rng.normal(0.0, 0.5, size={s})",
                         f"rng.uniform(-1, 1, {s})", f"rng.integers(0, 10, size={s})", f"rng.integers(-3, 4, {s})",
                         f"rng.normal(size={s})", f"rng.standard_normal(size={s})"])
    dims = ", ".join(map(str, shape))
    return b.choice([f"np.random.randn({dims})", f"np.random.rand({dims})", f"np.random.normal(0, 1, {s})",
                     f"np.random.uniform(-2, 2, size={s})", f"np.random.randint(0, 6, size={s})",
                     f"np.random.random({s})", f"np.random.standard_normal({s})", f"np.random.randint(5, size={s})"])


def float_draw(b, shape):
    s = tup(shape)
    if b.style == "rng":
        return b.choice([f"rng.standard_normal({s})", f"rng.normal(0, 0.3, {s})", f"rng.uniform(-1, 1, size={s})"])
    return b.choice([f"np.random.randn({', '.join(map(str, shape))})", f"np.random.normal(0.0, 0.5, size={s})"])


def t_draw(b):
    return [f"{b.name('X')} = {draw(b, rand_shape(b))}"], "draw"


def t_draw_misc(b):
    n = b.choice([3, 4, 5, 6])
    k = b.r.randint(1, n)
    x = b.name("r")
    if b.style == "rng":
        e = b.choice([f"rng.choice({n}, size={k}, replace=False)", f"rng.permutation({n})", f"rng.integers({n})",
                      f"rng.random()", f"rng.choice({n}, {k})", f"rng.integers(0, {n}, size={k})",
                      f"rng.uniform(0, 1)", f"rng.normal()", f"rng.choice([0.1, 0.2, 0.7], size={k})"])
        a = b.arr("fi", (1,))
        if a and b.r.random() < 0.3:
            e = b.choice([f"rng.choice({a}, size={k})", f"rng.permutation({a})"])
    else:
        e = b.choice([f"np.random.choice({n}, {k}, replace=False)", f"np.random.permutation({n})", f"np.random.randint({n})",
                      f"np.random.rand()", f"np.random.choice({n}, size={k})", f"np.random.randn()",
                      f"np.random.choice({n}, {k}, p=[1 / {n}] * {n})", f"np.random.uniform()"])
    return [f"{x} = {e}"], "draw-misc"


def t_create(b):
    sh = rand_shape(b)
    n, size = sh[0], int(np.prod(sh))
    s = tup(sh)
    a = b.arr("fib")
    e = b.choice([
        f"np.arange({size}).reshape{s}", f"np.arange({size}, dtype=float).reshape({s})", f"np.arange({n})",
        f"np.arange({b.choice([0, 1, -1])}, {b.choice([1, 1.3, 2, 0.9])}, {b.choice([0.1, 0.25, 0.3, 0.2])})",
        f"np.arange({n}, 0, -1)", f"np.linspace(0, 1, {n})", f"np.linspace(-1, 1, {n}, endpoint=False)",
        f"np.eye({n})", f"np.eye({n}, {sh[-1]}, k={b.choice([-1, 1, 2])})", f"np.identity({n})",
        f"np.zeros({s})", f"np.ones({s}, dtype=int)", f"np.full({s}, {b.choice([0.5, 3, -1.25, True])})", f"np.tri({n})",
        f"np.array([[1, 2, 3], [4, 5, 6]])", f"np.array([1, 2.5, -3])", f"np.array([True, False, True, True])",
        f"np.array([[1, 0], [0, 1]], dtype=float)", f"np.array([[0.5, -1.0], [2.0, 0.25], [1.5, 3.0]])",
        f"np.array([3, 1, 2], dtype=np.int32)", f"np.array([0.1, 0.2, 0.3], dtype=np.float32)",
        f"np.ones({n}) / {n}", f"np.zeros(({n}, {n}), dtype=bool)",
    ] + ([f"np.zeros_like({a})", f"np.ones_like({a})", f"np.full_like({a}, 2.5)", f"np.full_like({a}, 7)",
          f"np.array({a})", f"np.copy({a})", f"{a}.copy()", f"np.asarray({a}, dtype=float)"] if a else []))
    return [f"{b.name('c')} = {e}"], "create"


UNARY = ["np.exp({a})", "np.log(np.abs({a}) + 1)", "np.sqrt(np.abs({a}))", "np.tanh({a})", "np.sin({a})", "np.cos({a})",
         "np.abs({a})", "-{a}", "np.floor({a})", "np.ceil({a})", "np.round({a}, 2)", "np.round({a})", "np.around({a}, 1)",
         "np.clip({a}, -0.5, 0.5)", "{a}.clip(0, None)", "np.sign({a})", "np.square({a})", "np.maximum({a}, 0)",
         "1 / (1 + np.exp(-{a}))", "np.log1p(np.abs({a}))", "np.expm1({a})", "np.arctan({a})", "np.exp2({a})",
         "np.trunc({a})", "np.rint({a})", "np.cbrt({a})", "np.isnan({a})", "np.isfinite({a})", "~({a} > 0)",
         "np.logical_not({a} > 0)", "np.reciprocal({a} + 10.0)", "+{a}", "np.negative({a})", "np.fix({a})",
         "np.sinh({a})", "np.log2(np.abs({a}) + 2)", "np.log10(np.abs({a}) + 1)", "{a}.round(3)", "np.absolute({a})",
         "abs({a})", "np.deg2rad({a})", "np.where({a} > 0, {a}, 0.01 * {a})", "np.heaviside({a}, 0.5)"]


def t_unary(b):
    a = b.arr("fib") if b.r.random() < 0.3 else b.arr("f")
    if not a:
        return None
    return [f"{b.name('u')} = {b.choice(UNARY).format(a=a)}"], "unary"


BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!=", "&", "|", "^"]
BINFUNCS = ["np.maximum", "np.minimum", "np.add", "np.multiply", "np.subtract", "np.divide", "np.power", "np.arctan2",
            "np.hypot", "np.fmax", "np.fmin", "np.logaddexp", "np.true_divide", "np.floor_divide", "np.mod",
            "np.greater", "np.equal", "np.logical_and", "np.logical_or", "np.logical_xor"]


def partner(b, a):
    """A right operand for `a`: a Python scalar, a broadcastable array, or a view of `a`."""
    sa = b.shape(a)
    roll = b.r.random()
    if roll < 0.35:
        scal = b.scalars()
        return b.choice([str(b.r.randint(-3, 5)), b.choice(["0.5", "1e-3", "2.0", "-1.5", "3", "True", "10", "0.1"])]
                        + scal)
    if roll < 0.7:
        cands = []
        for o in b.arrays("fib"):
            try:
                np.broadcast_shapes(sa, b.shape(o))
                cands.append(o)
            except ValueError:
                pass
        if cands:
            return b.choice(cands)
    views = [f"{a}[0]", f"{a}[..., :1]", f"{a}.mean(axis=-1, keepdims=True)", f"{a}.max(axis=0)",
             f"{a}[::-1]", f"{a}.sum(axis=0, keepdims=True)"]
    if len(sa) == 2 and sa[0] == sa[1]:
        views.append(f"{a}.T")
    return b.choice(views)


def t_binary(b):
    a = b.arr("fib") if b.r.random() < 0.4 else b.arr("f")
    if not a:
        return None
    o = partner(b, a)
    x = b.name("w")
    if b.r.random() < 0.65:
        op = b.choice(BINOPS)
        e = f"{a} {op} {o}" if b.r.random() < 0.75 else f"{o} {op} {a}"
    else:
        f = b.choice(BINFUNCS)
        e = f"{f}({a}, {o})" if b.r.random() < 0.75 else f"{f}({o}, {a})"
    if b.r.random() < 0.15:
        e = f"np.where({a} > 0, {a}, {o})"
    return [f"{x} = {e}"], "binary"


REDUCERS = ["sum", "mean", "max", "min", "argmax", "argmin", "std", "var", "prod", "any", "all", "cumsum", "cumprod"]


def t_reduce(b):
    a = b.arr("fib") if b.r.random() < 0.35 else b.arr("f")
    if not a:
        return None
    nd = len(b.shape(a))
    red = b.choice(REDUCERS)
    ax = b.axis(nd)
    args = []
    if ax is not None or b.r.random() < 0.3:
        args.append(f"axis={ax}")
    if nd == 3 and red in ("sum", "mean", "max", "min", "std", "any") and b.r.random() < 0.25:
        args[-1:] = [f"axis={b.choice(['(0, 1)', '(1, 2)', '(-1, 0)', '(0, 2)'])}"]
    if red not in ("cumsum", "cumprod", "argmax", "argmin") and b.r.random() < 0.4:
        args.append("keepdims=True")
    if red in ("std", "var") and b.r.random() < 0.3:
        args.append("ddof=1")
    if red in ("argmax", "argmin") and ax is not None and b.r.random() < 0.2:
        args.append("keepdims=True")
    al = ", ".join(args)
    if b.r.random() < 0.5:
        e = f"{a}.{red}({al})"
    else:
        e = f"np.{red}({a}{', ' + al if al else ''})"
    if b.r.random() < 0.12:
        e = b.choice([f"np.median({a}{', axis=' + str(ax) if ax is not None else ''})", f"np.percentile({a}, 25)",
                      f"np.count_nonzero({a} > 0)", f"np.linalg.norm({a}, axis={nd - 1})", f"np.linalg.norm({a})",
                      f"np.quantile({a}, [0.1, 0.9])", f"np.count_nonzero({a} > 0, axis=0)"])
    return [f"{b.name('s')} = {e}"], "reduce"


def t_product(b):
    a = b.arr("fi", (1, 2, 3))
    if not a:
        return None
    sa = b.shape(a)
    x = b.name("m")
    k = b.choice([2, 3, 4])
    opts = []
    if len(sa) >= 2:
        opts += [f"{a} @ {a}.swapaxes(-1, -2)", f"{a}.swapaxes(-1, -2) @ {a}", f"{a} @ {float_draw(b, (sa[-1], k))}",
                 f"np.matmul({a}, np.ones(({sa[-1]},)))", f"{a} @ np.eye({sa[-1]})"]
    if len(sa) == 2:
        opts += [f"{a} @ {a}.T", f"{a}.T @ {a}", f"np.dot({a}, {a}.T)", f"np.einsum('ij,kj->ik', {a}, {a})",
                 f"np.einsum('ij->j', {a})", f"np.einsum('ij->ji', {a})", f"np.einsum('ij,ij->i', {a}, {a})",
                 f"{a}.dot(np.arange({sa[-1]}))", f"np.inner({a}, {a})", f"np.einsum('ij,jk', {a}, {a}.T)",
                 f"np.trace({a} @ {a}.T)"]
        if sa[0] == sa[1]:
            opts += [f"np.einsum('ii->', {a})", f"np.einsum('ii->i', {a})", f"{a} @ {a}", f"np.linalg.matrix_power({a}, 3)"]
    if len(sa) == 1:
        opts += [f"{a} @ {a}", f"np.dot({a}, {a})", f"np.outer({a}, {a})", f"np.inner({a}, {a}[::-1])",
                 f"np.einsum('i,j->ij', {a}, {a})", f"np.einsum('i,i->', {a}, {a})", f"{a} @ np.ones(({sa[0]}, {k}))"]
    if len(sa) == 3:
        opts += [f"np.einsum('bij,bkj->bik', {a}, {a})", f"{a} @ {a}.transpose(0, 2, 1)",
                 f"np.einsum('bij->bji', {a})", f"np.einsum('...ij,...kj->...ik', {a}, {a})",
                 f"np.matmul({a}, {float_draw(b, (sa[-1], k))})"]
    others = [o for o in b.arrays("fi", (1, 2, 3)) if o != a]
    for o in others:
        so = b.shape(o)
        if len(so) >= 1 and so[-2 if len(so) >= 2 else 0] == sa[-1]:
            opts.append(f"{a} @ {o}")
            if len(sa) == 2 and len(so) == 2:
                opts.append(f"np.einsum('ij,jk->ik', {a}, {o})")
    return [f"{x} = {b.choice(opts)}"], "product"


def factorizations(size):
    out = [(size,)]
    for p in range(2, size):
        if size % p == 0:
            out.append((p, size // p))
            for q in range(2, size // p):
                if (size // p) % q == 0:
                    out.append((p, q, size // p // q))
    return out


def t_shape(b):
    a = b.arr("fib")
    if not a:
        return None
    sa = b.shape(a)
    nd = len(sa)
    size = int(np.prod(sa))
    f = list(b.choice(factorizations(size)))
    if len(f) > 1 and b.r.random() < 0.4:
        f[b.r.randrange(len(f))] = -1
    ax = b.axis(nd, False)
    perm = list(range(nd))
    b.r.shuffle(perm)
    same = [o for o in b.arrays("fib") if b.shape(o) == sa and o != a] + [f"{a} * 2"]
    o = b.choice(same)
    opts = [f"{a}.reshape({', '.join(map(str, f))})", f"np.reshape({a}, {tup(f)})", f"{a}.T", f"np.transpose({a})",
            f"np.transpose({a}, {tup(perm)})", f"{a}.transpose({', '.join(map(str, perm))})", f"np.swapaxes({a}, 0, -1)",
            f"np.moveaxis({a}, 0, -1)", f"np.expand_dims({a}, {b.axis(nd + 1, False)})", f"{a}[None]", f"{a}[:, None]",
            f"np.squeeze({a}[None])", f"{a}.flatten()", f"{a}.ravel()", f"np.ravel({a})",
            f"np.concatenate([{a}, {o}], axis={ax})", f"np.concatenate(({a}, {a}[:1]))", f"np.stack([{a}, {o}], axis={b.axis(nd + 1, False)})",
            f"np.stack([{a}, {o}])", f"np.hstack([{a}, {o}])", f"np.vstack([{a}, {o}])", f"np.repeat({a}, 2, axis={ax})",
            f"np.repeat({a}, 2)", f"np.tile({a}, {tup([2] + [1] * (nd - 1))})", f"np.tile({a}, 2)", f"np.flip({a}, axis={ax})",
            f"np.roll({a}, 1, axis={ax})", f"np.roll({a}, -2)", f"np.pad({a}, 1)", f"np.sort({a}, axis={ax})", f"np.argsort({a})",
            f"np.unique({a})", f"np.column_stack([{a}, {o}])", f"np.broadcast_to({a}, {tup((2,) + sa)})", f"{a}.squeeze()",
            f"{a}.reshape(1, -1)", f"np.cumsum({a}, axis={ax})"]
    if nd == 2:
        opts += [f"np.triu({a})", f"np.tril({a}, -1)", f"np.triu({a}, k=1)", f"np.diag({a})", f"np.diagonal({a})",
                 f"np.fliplr({a})", f"np.flipud({a})"]
    if nd == 1:
        opts += [f"np.diag({a})", f"np.diag({a}, k=1)", f"np.meshgrid({a}, {a})[0]", f"np.searchsorted(np.sort({a}), {a})"]
    if sa[0] % 2 == 0:
        p, q = b.name("p"), b.name("q")
        if b.r.random() < 0.3:
            return [f"{p}, {q} = np.split({a}, 2)"], "shape-split"
    if b.r.random() < 0.1:
        return [f"{b.name('parts')} = np.array_split({a}, 3, axis={ax})"], "shape-split"
    return [f"{b.name('t')} = {b.choice(opts)}"], "shape"


def index_expr(b, a):
    sa = b.shape(a)
    nd = len(sa)
    n0 = sa[0]
    i = b.r.randrange(-n0, n0)
    opts = [f"{a}[{i}]", f"{a}[::2]", f"{a}[::-1]", f"{a}[1:-1]", f"{a}[-2:]", f"{a}[..., {b.r.randrange(-sa[-1], sa[-1])}]",
            f"{a}[None, ...]", f"{a}[{a} > {a}.mean()]", f"{a}[[0, -1]]", f"{a}[np.array([{n0 - 1}, 0])]",
            f"{a}[:, np.newaxis]", f"{a}[{b.r.randrange(n0)}:{b.r.randrange(n0 + 1)}]", f"{a}[::-2]",
            f"{a}[{[bool(b.r.random() < 0.5) for _ in range(n0)]}]"]
    if nd >= 2:
        j = b.r.randrange(-sa[1], sa[1])
        opts += [f"{a}[:, ::-2]", f"{a}[{i}, {j}]", f"{a}[:, {j}]", f"{a}[1:, [0, -1]]", f"{a}[[0, {n0 - 1}], [{j}, 0]]",
                 f"{a}[:, None, {j}]", f"{a}[{i}, 1:]", f"{a}[np.arange({n0}), np.zeros({n0}, dtype=int)]",
                 f"{a}[{a}[:, 0] > 0]", f"{a}[..., ::-1]", f"{a}[:, [{sa[1] - 1}]]", f"{a}[-1, ::2]"]
    if nd == 3:
        opts += [f"{a}[:, 0, :]", f"{a}[0, ..., 1:]", f"{a}[..., 0, None]", f"{a}[[0], :, [0]]", f"{a}[1:, :, -1]"]
    ints = [o for o in b.arrays("i", (1, 2)) if b.val(o).size and b.val(o).min() >= -n0 and b.val(o).max() < n0]
    if ints:
        opts.append(f"{a}[{b.choice(ints)}]")
    return b.choice(opts)


def t_getitem(b):
    a = b.arr("fib")
    if not a:
        return None
    return [f"{b.name('g')} = {index_expr(b, a)}"], "getitem"


def t_setitem(b):
    a = b.arr("fib", (1, 2, 3))
    if not a:
        return None
    sa = b.shape(a)
    n0 = sa[0]
    v = b.choice(["0", "-1.0", "99", "0.5", "True", f"{a}.max()"])
    opts = [f"{a}[{a} > 0] = {v}", f"{a}[0] = {v}", f"{a}[-1] = {a}[0]", f"{a}[::2] = {v}", f"{a}[[0, {n0 - 1}]] = {v}",
            f"{a}[{a} < 0] *= 2", f"{a}[{b.r.randrange(n0)}] += 1", f"{a}[1:] -= {a}[:-1]", f"{a}[...] = {a}[::-1].copy()",
            f"{a}[:] = {a} / 2"]
    if len(sa) >= 2:
        opts += [f"{a}[:, 0] = {v}", f"{a}[0, :2] = {v}", f"{a}[:, -1] = np.arange({n0})", f"{a}[0, 0] += 10",
                 f"{a}[np.arange({n0}), 0] = {v}", f"{a}[:, ::-1] = {a}.copy()"]
    lines = [b.choice(opts)]
    if b.r.random() < 0.3:
        # a view written through: numpy's aliasing must carry the write into the base
        vw = b.name("view")
        lines = [f"{vw} = {a}[{b.choice(['0', '1:', '::2', '..., 0'])}]", f"{vw}[...] = {b.choice(['7', '-2.5', f'{vw} * 3'])}"]
    lines.append(f"{b.name('after')} = {a}.copy()")
    return lines, "setitem"


def t_dtype(b):
    a = b.arr("fib")
    if not a:
        return None
    x = b.name("d")
    f32 = b.arrays("f", pred=lambda v: v.dtype == np.float32)
    opts = [f"{a}.astype(np.float32)", f"{a}.astype(int)", f"{a}.astype(bool)", f"{a}.astype('float32')", f"{a}.astype(np.int32)",
            f"{a}.astype(np.float32) * 0.1", f"{a}.astype(np.float32) + {a}", f"np.float32(1.5) * {a}", f"{a} / 2",
            f"{a} // 2", f"({a} > 0).sum()", f"({a} > 0).mean()", f"np.array({a}, dtype=np.int64) * 3",
            f"{a}.astype(np.int8) + np.int8(100)", f"{a}.astype(np.uint8) - 1", f"({a} > 0).astype(float)",
            f"{a}.astype(np.float32).mean()", f"{a}.astype(np.float32).sum(axis=0)", f"np.exp({a}.astype(np.float32))",
            f"{a}.astype(np.float32) @ {a}.astype(np.float32).T" if b.val(a).ndim == 2 else f"{a}.astype(np.int64).sum()",
            f"np.float64({a}.sum())", f"np.int64(3) * {a}", f"{a}.astype(np.float16)", f"({a} > 0) + ({a} < 1)",
            f"({a} > 0) * 1.5", f"(({a} > 0) & ({a} < 0.5)).sum(axis=0)"]
    if f32:
        c = b.choice(f32)
        opts += [f"{c} * 2", f"{c} + 0.1", f"{c} / 3", f"{c} ** 2", f"{c}.std()", f"np.sqrt(np.abs({c}))", f"{c} + np.float64(0.1)"]
    return [f"{x} = {b.choice(opts)}"], "dtype"


def t_pyscalar(b):
    a = b.arr("fib")
    if not a:
        return None
    sa = b.shape(a)
    if len(sa) == 2 and b.r.random() < 0.3:
        n, d = b.name("n"), b.name("d")
        return [f"{n}, {d} = {a}.shape"], "pyscalar"
    x = b.name("k")
    scal = b.scalars((int,))
    opts = [f"{a}.shape[-1]", f"{a}.shape[0] // 2", f"float({a}.sum())", f"int({a}.argmax())", f"len({a})", f"{a}.size",
            f"{a}.ndim", f"{a}.max() - {a}.min()", f"abs(float({a}.max())) ** 0.5",
            f"round(float({a}.mean()), 3)", f"max({a}.shape)", f"{a}.shape[-1] ** -0.5", f"1 / np.sqrt({a}.shape[-1])",
            f"sum({a}.shape)", f"{a}.sum().item()", f"float({a}.min())", f"bool(({a} > 0).any())",
            f"{a}.ravel()[0]"]
    if scal:
        s = b.choice(scal)
        opts += [f"{s} * 2 + 1", f"{s} // 2", f"{s} ** 2", f"{s} / 3", f"-{s} % 3", f"{s} - 7 // 2", f"max({s}, 2)"]
    return [f"{x} = {b.choice(opts)}"], "pyscalar"


TEMPLATES = [(t_draw, 3), (t_draw_misc, 2), (t_create, 3), (t_unary, 6), (t_binary, 10), (t_reduce, 7), (t_product, 5),
             (t_shape, 7), (t_getitem, 6), (t_setitem, 3), (t_dtype, 4), (t_pyscalar, 3)]
