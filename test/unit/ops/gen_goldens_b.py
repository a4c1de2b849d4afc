# Golden cases for ops part B (linear algebra, shape manipulation, indexing), computed by numpy.
# Run with /usr/bin/python3 (numpy 1.24); writes test/unit/ops/goldens/b_<group>.json, read by the
# *.test.ts files next to it through b_golden.ts. Never edit the JSON by hand.
import json, operator, os, numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'goldens')
PROPS = {'ndarray.T'}


def num(x):
    x = float(x)
    if np.isnan(x): return 'NaN'
    if np.isinf(x): return 'Infinity' if x > 0 else '-Infinity'
    return x


def enc(v):
    if isinstance(v, np.ndarray):
        return {'k': 'array', 'shape': list(v.shape), 'dtype': str(v.dtype),
                'data': [num(x) for x in v.astype(np.float64).ravel()]}
    if isinstance(v, np.generic):
        return {'k': 'array', 'shape': [], 'dtype': str(v.dtype), 'data': [num(v)], 'scalar': True}
    if isinstance(v, bool): return {'k': 'bool', 'v': v}
    if isinstance(v, int): return {'k': 'int', 'v': v}
    if isinstance(v, float): return {'k': 'float', 'v': num(v)}
    if isinstance(v, str): return {'k': 'str', 'v': v}
    if v is None: return {'k': 'none'}
    if v is Ellipsis: return {'k': 'ellipsis'}
    if isinstance(v, tuple): return {'k': 'tuple', 'items': [enc(x) for x in v]}
    if isinstance(v, list): return {'k': 'list', 'items': [enc(x) for x in v]}
    if isinstance(v, slice): return {'k': 'slice', 'start': enc(v.start), 'stop': enc(v.stop), 'step': enc(v.step)}
    raise TypeError(type(v))


def resolve(name, self):
    kind, _, rest = name.partition('.')
    if kind == 'np':
        f = np
        for part in rest.split('.'): f = getattr(f, part)
        return f
    if kind == 'ndarray':
        return getattr(self, rest)
    if kind == 'op':
        if rest == 'setitem':
            def setitem(a, i, v):
                a = a.copy(); a[i] = v; return a
            return setitem
        return getattr(operator, rest)
    raise KeyError(name)


groups = {}


def case(group, name, args=(), kwargs=None, self=None, code=None, texts=None, check=None, note=''):
    kwargs = kwargs or {}
    c = {'name': name, 'note': note, 'args': [enc(a) for a in args],
         'kwargs': {k: enc(v) for k, v in kwargs.items()}}
    if self is not None: c['self'] = enc(self)
    if texts: c['texts'] = texts
    if check: c['check'] = check
    try:
        if name in PROPS:
            r = getattr(self, name.split('.')[1])
        else:
            r = resolve(name, self)(*args, **kwargs)
        if isinstance(r, np.linalg.linalg.SVDResult if hasattr(np.linalg.linalg, 'SVDResult') else ()):
            r = tuple(r)
        c['result'] = enc(r)
    except Exception as e:  # numpy's exception is the expectation
        c['error'] = {'type': type(e).__name__, 'message': str(e), 'code': code}
    groups.setdefault(group, []).append(c)


def A(*shape, dtype=np.float64, start=0):
    n = int(np.prod(shape)) if shape else 1
    return (np.arange(start, start + n) * 0.5 - 1.25).reshape(shape).astype(dtype)


rng = np.random.RandomState(7)
R = lambda *s: rng.standard_normal(s)
I = lambda *s: np.arange(int(np.prod(s))).reshape(s)

exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen_goldens_b_cases.py')).read())

os.makedirs(OUT, exist_ok=True)
for g, cs in groups.items():
    with open(os.path.join(OUT, f'b_{g}.json'), 'w') as f:
        json.dump(cs, f, indent=None, separators=(',', ':'))
        f.write('\n')
    print(g, len(cs))
