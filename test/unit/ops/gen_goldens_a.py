# Golden cases for ops part A (creation, ufuncs/operators, reductions, sorting), computed by numpy.
# Run: /usr/bin/python3 test/unit/ops/gen_goldens_a.py  (numpy 1.24). Writes goldens/a_<group>.json,
# read by the a_*.test.ts files through a_golden.ts. Never edit the JSON by hand.
import json, operator, os, warnings, numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'goldens')
PROPS = {'shape', 'ndim', 'size', 'dtype', 'itemsize', 'nbytes'}
OPS = {'add': operator.add, 'sub': operator.sub, 'mul': operator.mul, 'truediv': operator.truediv,
       'floordiv': operator.floordiv, 'mod': operator.mod, 'pow': operator.pow, 'neg': operator.neg,
       'pos': operator.pos, 'invert': operator.invert, 'and': operator.and_, 'or': operator.or_,
       'xor': operator.xor, 'lt': operator.lt, 'le': operator.le, 'gt': operator.gt, 'ge': operator.ge,
       'eq': operator.eq, 'ne': operator.ne}


def num(x):
    x = float(x)
    if np.isnan(x): return 'NaN'
    if np.isinf(x): return 'Infinity' if x > 0 else '-Infinity'
    return x


class T:
    """A type object argument (np.float32, float): encoded by name."""
    def __init__(self, name, obj): self.name, self.obj = name, obj


def enc(v):
    if isinstance(v, T): return {'k': 'type', 'name': v.name}
    if isinstance(v, np.dtype): return {'k': 'dtype', 'name': str(v)}
    if isinstance(v, np.ndarray):
        return {'k': 'array', 'shape': list(v.shape), 'dtype': str(v.dtype), 'data': [num(x) for x in v.astype(np.float64).ravel()]}
    if isinstance(v, np.generic):
        return {'k': 'array', 'shape': [], 'dtype': str(v.dtype), 'data': [num(v)], 'scalar': True}
    if isinstance(v, bool): return {'k': 'bool', 'v': v}
    if isinstance(v, int): return {'k': 'int', 'v': v}
    if isinstance(v, float): return {'k': 'float', 'v': num(v)}
    if isinstance(v, str): return {'k': 'str', 'v': v}
    if v is None: return {'k': 'none'}
    if isinstance(v, tuple): return {'k': 'tuple', 'items': [enc(x) for x in v]}
    if isinstance(v, list): return {'k': 'list', 'items': [enc(x) for x in v]}
    if isinstance(v, range): return {'k': 'range', 'start': v.start, 'stop': v.stop, 'step': v.step}
    raise TypeError(type(v))


def py(v):
    if isinstance(v, T): return v.obj
    if isinstance(v, list): return [py(x) for x in v]
    if isinstance(v, tuple): return tuple(py(x) for x in v)
    return v


def resolve(name, self):
    kind, _, rest = name.partition('.')
    if kind == 'np':
        return getattr(np, rest)
    if kind == 'ndarray':
        return getattr(self, rest)
    return OPS[rest]


groups = {}


def case(group, name, *args, self=None, note='', **kwargs):
    c = {'name': name, 'note': note, 'args': [enc(a) for a in args], 'kwargs': {k: enc(v) for k, v in kwargs.items()}}
    if self is not None: c['self'] = enc(self)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            if name.startswith('ndarray.') and name[8:] in PROPS:
                r = getattr(self, name[8:])
            else:
                f = resolve(name, self)
                r = f(*py(list(args)), **{k: py(v) for k, v in kwargs.items()})
            c['expect'] = enc(r)
        except Exception as e:
            c['error'] = {'type': type(e).__name__, 'message': str(e)}
    c['warnings'] = sorted({str(x.message) for x in w if issubclass(x.category, RuntimeWarning)})
    groups.setdefault(group, []).append(c)


def A(x, dt=None): return np.array(x, dtype=dt)


def write():
    os.makedirs(OUT, exist_ok=True)
    for g, cases in groups.items():
        with open(os.path.join(OUT, f'a_{g}.json'), 'w') as f:
            json.dump({'numpy': np.__version__, 'cases': cases}, f, indent=0)
        print(g, len(cases))


if __name__ == '__main__':
    import gen_goldens_a_cases
    gen_goldens_a_cases.build(case, A, T)
    write()
