"""Raising statements of the differential generator: a mismatch injected on a known line (matmul
inner sizes, broadcasting, reshape size, axis range, concatenate/stack, index range, head split,
in a function's body on its second call). Each returns (lines, offset of the raising line, code)."""
import numpy as np

from gen_exprs import float_draw


def r_matmul(b):
    a = b.arr("f", (1, 2, 3))
    if not a:
        return None
    k = b.shape(a)[-1]
    bad = k + b.choice([1, 2, -1]) if k > 1 else k + 1
    return [f"{b.name('bad')} = {a} @ {float_draw(b, (bad, 2))}"], 0, "matmul-mismatch"


def r_matmul_nt(b):
    a = b.arr("f", (2,), pred=lambda v: v.shape[0] != v.shape[1])
    if not a:
        return None
    return [f"{b.name('bad')} = {b.choice([f'{a} @ {a}', f'np.matmul({a}, {a})', f'np.dot({a}, {a})'])}"], 0, "matmul-mismatch"


def r_broadcast(b):
    a = b.arr("fib", (1, 2, 3))
    if not a:
        return None
    sa = b.shape(a)
    cands = [o for o in b.arrays("fib") if not _broadcastable(sa, b.shape(o))]
    other = b.choice(cands) if cands else f"np.ones({sa[-1] + 1})"
    op = b.choice(["+", "*", "-", "/", "<"])
    return [f"{b.name('bad')} = {a} {op} {other}"], 0, "broadcast-mismatch"


def _broadcastable(s1, s2):
    try:
        np.broadcast_shapes(s1, s2)
        return True
    except ValueError:
        return False


def r_reshape(b):
    a = b.arr("fib")
    if not a:
        return None
    size = b.val(a).size
    bad = [d for d in (2, 3, 4, 5) if size % d != 0]
    if not bad:
        return [f"{b.name('bad')} = {a}.reshape({size + 1})"], 0, "reshape-size"
    d = b.choice(bad)
    return [f"{b.name('bad')} = {b.choice([f'{a}.reshape(-1, {d})', f'np.reshape({a}, ({d}, -1))', f'{a}.reshape({d}, {size // d + 1})'])}"], 0, "reshape-size"


def r_axis(b):
    a = b.arr("fib")
    if not a:
        return None
    nd = b.val(a).ndim
    ax = b.choice([nd, -nd - 1, nd + 1])
    e = b.choice([f"{a}.sum(axis={ax})", f"np.mean({a}, axis={ax})", f"{a}.max(axis={ax}, keepdims=True)",
                  f"np.argmax({a}, axis={ax})", f"np.concatenate([{a}, {a}], axis={ax})", f"np.expand_dims({a}, {nd + 2})",
                  f"{a}.std(axis={ax})", f"np.cumsum({a}, axis={ax})", f"np.flip({a}, axis={ax})"])
    return [f"{b.name('bad')} = {e}"], 0, "axis-out-of-range"


def r_concat(b):
    a = b.arr("fib", (2, 3))
    if not a:
        return None
    sa = b.shape(a)
    other = f"np.zeros({(sa[0] + 1,) + sa[1:] if len(sa) > 1 else (sa[0] + 1,)})"
    e = b.choice([f"np.concatenate([{a}, {other}], axis=1)", f"np.stack([{a}, {other}])", f"np.hstack([{a}, np.ones(({sa[0] + 1}, 1))])",
                  f"np.vstack([{a}, np.ones((1, {sa[-1] + 1}))])" if len(sa) == 2 else f"np.stack([{a}, {a}[1:]])"])
    return [f"{b.name('bad')} = {e}"], 0, "concat-mismatch"


def r_index(b):
    a = b.arr("fib")
    if not a:
        return None
    sa = b.shape(a)
    n0 = sa[0]
    opts = [f"{a}[{n0}]", f"{a}[{-n0 - 1}]", f"{a}[[0, {n0}]]"]
    if len(sa) >= 2:
        opts += [f"{a}[:, {sa[1]}]", f"{a}[0, {-sa[1] - 1}]"]
    if b.r.random() < 0.3:
        i, t = b.name("i"), b.name("tot")
        return [f"{t} = 0.0", f"for {i} in range(len({a}) + 1):", f"    {t} += {a}[{i}].sum()"], 2, "index-out-of-range"
    return [f"{b.name('bad')} = {b.choice(opts)}"], 0, "index-out-of-range"


def r_heads(b):
    n, dm = b.choice([3, 4, 7]), b.choice([6, 4])
    h = b.choice([4, 5]) if dm == 6 else 3
    x = b.name("X")
    return [f"{x} = {float_draw(b, (n, dm))}", f"{b.name('bad')} = {x}.reshape({n}, {h}, {dm} // {h})"], 1, "head-split"


def r_setitem(b):
    a = b.arr("f", (2,))
    if not a:
        return None
    sa = b.shape(a)
    return [f"{a}[0] = np.ones({sa[1] + 1})"], 0, "broadcast-mismatch"


def r_function(b):
    f = b.name("proj")
    w = b.name("W")
    d, k = b.choice([3, 4]), 2
    return [f"{w} = {float_draw(b, (d, k))}", f"def {f}(x):", f"    return x @ {w}",
            f"{b.name('ok')} = {f}({float_draw(b, (2, d))})", f"{b.name('bad')} = {f}({float_draw(b, (2, d + 1))})"], 2, "matmul-mismatch"


def r_inplace_cast(b):
    a = b.arr("i", (1, 2))
    if not a:
        return None
    return [f"{a} {b.choice(['/=', '*=', '+='])} {b.choice(['2.5', '2', f'{a}.mean()'])}"], 0, "casting"


RAISERS = [(r_matmul, 3), (r_matmul_nt, 2), (r_broadcast, 3), (r_reshape, 2), (r_axis, 2), (r_concat, 2), (r_index, 2),
           (r_heads, 1), (r_setitem, 1), (r_function, 1), (r_inplace_cast, 1)]
