"""Multi-line templates of the differential generator, in the style of the course's attention code:
softmax, layer norm, (masked, multi-head) attention, positional encoding, cross-entropy, cosine
similarity, embedding lookups, functions called with several shapes, loops and comprehensions."""
from gen_exprs import float_draw


def _x2d(b):
    """A float matrix to work on: an existing one, or a fresh draw."""
    a = b.arr("f", (2,))
    if a and b.r.random() < 0.7:
        return a, [], b.shape(a)
    x = b.name("X")
    shape = (b.choice([3, 4, 5]), b.choice([2, 4, 6]))
    return x, [f"{x} = {float_draw(b, shape)}"], shape


def softmax_lines(b, z, axis=-1):
    e, p = b.name("e"), b.name("p")
    if b.r.random() < 0.5:
        return p, [f"{e} = np.exp({z} - {z}.max(axis={axis}, keepdims=True))", f"{p} = {e} / {e}.sum(axis={axis}, keepdims=True)"]
    return p, [f"{e} = np.exp({z} - np.max({z}, axis={axis}, keepdims=True))", f"{p} = {e} / np.sum({e}, axis={axis}, keepdims=True)"]


def t_softmax(b):
    z = b.arr("f", (1, 2, 3))
    if not z:
        return None
    _, lines = softmax_lines(b, z, b.choice([-1, -1, 0]) if b.val(z).ndim > 1 else -1)
    return lines, "softmax"


def t_layernorm(b):
    x, pre, _ = _x2d(b)
    mu, var, y = b.name("mu"), b.name("var"), b.name("ln")
    d = "{x}.shape[-1]".format(x=x)
    return pre + [f"{mu} = {x}.mean(axis=-1, keepdims=True)", f"{var} = (({x} - {mu}) ** 2).mean(axis=-1, keepdims=True)",
                  f"{y} = ({x} - {mu}) / np.sqrt({var} + 1e-5) * np.ones({d}) + np.zeros({d})"], "layernorm"


def t_attention(b):
    x, pre, (_, d) = _x2d(b)
    dk = b.choice([2, 3])
    q, k, v = b.name("Q"), b.name("K"), b.name("V")
    w = [b.name("W_Q"), b.name("W_K"), b.name("W_V")]
    s, m = b.name("scores"), b.name("masked")
    lines = pre + [f"{wi} = {float_draw(b, (d, dk))}" for wi in w]
    lines += [f"{q}, {k}, {v} = {x} @ {w[0]}, {x} @ {w[1]}, {x} @ {w[2]}",
              f"{s} = {q} @ {k}.T / np.sqrt({k}.shape[-1])"]
    nonfinite = ()
    if b.r.random() < 0.5:
        mk = b.name("mask")
        if b.r.random() < 0.5:
            lines += [f"{mk} = np.triu(np.ones(({x}.shape[0], {x}.shape[0])), k=1).astype(bool)", f"{m} = np.where({mk}, -np.inf, {s})"]
            nonfinite = (m,)
        else:
            lines += [f"{mk} = np.tril(np.ones(({x}.shape[0], {x}.shape[0])))", f"{m} = {s} + (1 - {mk}) * -1e9"]
        s = m
    p, sm = softmax_lines(b, s)
    o = b.name("out")
    return lines + sm + [f"{o} = {p} @ {v}"], "attention", nonfinite


def t_multihead(b):
    n, h, dh = b.choice([3, 4, 7]), b.choice([2, 3]), b.choice([2, 3])
    dm = h * dh
    x, wq, wk = b.name("X"), b.name("W_q"), b.name("W_k")
    qh, kh, sc, att, o = b.name("Qh"), b.name("Kh"), b.name("sc"), b.name("att"), b.name("heads")
    lines = [f"{x} = {float_draw(b, (n, dm))}", f"{wq} = {float_draw(b, (dm, dm))}", f"{wk} = {float_draw(b, (dm, dm))}",
             f"{qh} = ({x} @ {wq}).reshape({n}, {h}, {dh}).transpose(1, 0, 2)",
             f"{kh} = ({x} @ {wk}).reshape({n}, {h}, -1).swapaxes(0, 1)",
             f"{sc} = {qh} @ {kh}.transpose(0, 2, 1) / np.sqrt({dh})"]
    p, sm = softmax_lines(b, sc)
    lines += sm + [f"{att} = {p} @ {qh}", f"{o} = {att}.transpose(1, 0, 2).reshape({n}, {dm})"]
    if b.r.random() < 0.4:
        lines.append(f"{b.name('ein')} = np.einsum('hqk,hkd->qhd', {p}, {kh}).reshape({n}, -1)")
    return lines, "multihead"


def t_posenc(b):
    n, d = b.choice([4, 5, 7]), b.choice([4, 6])
    pos, i, ang, pe = b.name("pos"), b.name("i2"), b.name("angle"), b.name("PE")
    lines = [f"{pos} = np.arange({n})[:, np.newaxis]", f"{i} = np.arange(0, {d}, 2)",
             f"{ang} = {pos} / np.power(10000, {i} / {d})", f"{pe} = np.zeros(({n}, {d}))",
             f"{pe}[:, 0::2] = np.sin({ang})", f"{pe}[:, 1::2] = np.cos({ang})", f"{b.name('pe_copy')} = {pe}.copy()"]
    return lines, "posenc"


def t_crossentropy(b):
    n, v = b.choice([3, 4, 5]), b.choice([4, 6])
    lg, lab, lp, loss = b.name("logits"), b.name("labels"), b.name("logp"), b.name("loss")
    labels = f"rng.integers(0, {v}, size={n})" if b.style == "rng" else f"np.random.randint(0, {v}, size={n})"
    lines = [f"{lg} = {float_draw(b, (n, v))}", f"{lab} = {labels}",
             f"{lp} = {lg} - np.log(np.exp({lg}).sum(axis=1, keepdims=True))",
             f"{loss} = -{lp}[np.arange({n}), {lab}].mean()", f"{b.name('ppl')} = np.exp({loss})"]
    return lines, "crossentropy"


def t_cosine(b):
    x, pre, _ = _x2d(b)
    nm, sim, c = b.name("normed"), b.name("sims"), b.name("cos")
    return pre + [f"{nm} = {x} / np.linalg.norm({x}, axis=1, keepdims=True)", f"{sim} = {nm} @ {nm}.T",
                  f"{c} = np.dot({x}[0], {x}[1]) / (np.linalg.norm({x}[0]) * np.linalg.norm({x}[1]))"], "cosine"


def t_embedding(b):
    sent = b.choice(["Le chat noir dort .", "Le soleil brille doucement sur la rivière .", "le chat et le chien"])
    w, voc, ids, e, xe = b.name("mots"), b.name("vocab"), b.name("ids"), b.name("E"), b.name("Xe")
    d = b.choice([3, 4])
    return [f"{w} = \"{sent}\".split()", f"{voc} = {{m: i for i, m in enumerate(sorted(set({w})))}}",
            f"{ids} = [{voc}[m] for m in {w}]", f"{e} = {float_draw(b, (len(set(sent.split())), d))}",
            f"{xe} = {e}[{ids}]", f"{b.name('onehot')} = np.eye(len({voc}))[{ids}] @ {e}"], "embedding"


def t_function(b):
    """A function called with two differently shaped arguments (its body's bindings go symbolic)."""
    f = b.name("f")
    body = b.choice([
        ["    z = x - x.max(axis=-1, keepdims=True)", "    e = np.exp(z)", "    return e / e.sum(axis=-1, keepdims=True)"],
        ["    mu = x.mean(axis=-1, keepdims=True)", "    sd = x.std(axis=-1, keepdims=True)", "    return (x - mu) / (sd + 1e-6)"],
        ["    d = x.shape[-1]", "    s = x @ x.T / np.sqrt(d)", "    return s"],
        ["    h = np.maximum(0, x)", "    return h.sum(axis=0) * 0.5"],
        ["    n = len(x)", "    out = np.zeros(n)", "    for i in range(n):", "        out[i] = x[i].sum() + i", "    return out"],
        ["    y = x.reshape(x.shape[0], -1)", "    return np.concatenate([y, y ** 2], axis=1)"],
    ])
    r1, r2 = b.name("y"), b.name("y")
    s1 = (b.choice([3, 4]), b.choice([2, 4]))
    s2 = (s1[0] + 1, s1[1]) if b.r.random() < 0.5 else (s1[0], s1[1] + 2)
    return [f"def {f}(x):"] + body + [f"{r1} = {f}({float_draw(b, s1)})", f"{r2} = {f}({float_draw(b, s2)})"], "function"


def t_loop(b):
    a = b.arr("f", (2,))
    if not a:
        return None
    acc, i, row, k = b.name("acc"), b.name("i"), b.name("row"), b.name("k")
    return b.choice([
        [f"{acc} = np.zeros({a}.shape[1])", f"for {i} in range(len({a})):", f"    {acc} = {acc} + {a}[{i}] * ({i} + 1)"],
        [f"{acc} = 0.0", f"for {row} in {a}:", f"    {acc} += {row}.max()"],
        [f"{acc} = {a}.copy()", f"{k} = 0", f"while {k} < 3:", f"    {acc} = {acc} * 0.5 + 1", f"    {k} += 1"],
        [f"{acc} = []", f"for {i}, {row} in enumerate({a}):", f"    {acc}.append({row} / ({i} + 1))", f"{b.name('stk')} = np.stack({acc})"],
        [f"{acc} = np.ones({a}.shape[1])", f"for {i} in range({a}.shape[0] - 1, -1, -1):", f"    {acc} = np.maximum({acc}, {a}[{i}])"],
    ]), "loop"


def t_comprehension(b):
    a = b.arr("f", (2,))
    if not a:
        return None
    r = b.name("rows")
    return b.choice([
        [f"{r} = [{a}[i] / (i + 1) for i in range(len({a}))]", f"{b.name('M')} = np.stack({r})"],
        [f"{r} = [float(np.linalg.norm(v)) for v in {a}]", f"{b.name('norms')} = np.array({r})"],
        [f"{r} = {{j: {a}[:, j].sum() for j in range({a}.shape[1])}}", f"{b.name('tot')} = sum({r}.values())"],
        [f"{r} = np.array([[{a}[i] @ {a}[j] for j in range(len({a}))] for i in range(len({a}))])"],
        [f"{r} = [x.max() for x in {a} if x.sum() > 0]", f"{b.name('cnt')} = len({r})"],
    ]), "comprehension"


def t_gelu(b):
    a = b.arr("f")
    if not a:
        return None
    return [f"{b.name('gelu')} = 0.5 * {a} * (1 + np.tanh(np.sqrt(2 / np.pi) * ({a} + 0.044715 * {a} ** 3)))"], "gelu"


BLOCKS = [(t_softmax, 3), (t_layernorm, 2), (t_attention, 3), (t_multihead, 2), (t_posenc, 1), (t_crossentropy, 2),
          (t_cosine, 1), (t_embedding, 1), (t_function, 3), (t_loop, 3), (t_comprehension, 2), (t_gelu, 1)]
