# Golden cases for ops round 2 (out=/where=, diag/tri/meshgrid, median/percentile/nan-reductions,
# in-place ops, searching, linalg extras, scalar constructors, scipy.special), computed by numpy.
# Run: /usr/bin/python3 test/unit/ops/gen_goldens_c.py  (numpy 1.24, scipy 1.10 from Debian's
# python3-scipy). Writes goldens/c_<group>.json, read by c_*.test.ts. Never edit the JSON by hand.
import copy, json, os, sys, warnings
import numpy as np
import scipy.special

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_goldens_a import enc, py, T, OPS  # the encoding ops A's goldens already use

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'goldens')
groups = {}


def resolve(name, self):
    if name.startswith('scipy.special.'):
        return getattr(scipy.special, name[len('scipy.special.'):])
    if name.startswith('np.linalg.'):
        return getattr(np.linalg, name[len('np.linalg.'):])
    kind, _, rest = name.partition('.')
    if kind == 'np':
        return getattr(np, rest)
    if kind == 'ndarray':
        return getattr(self, rest)
    return OPS[rest]


def case(group, name, *args, self=None, note='', **kwargs):
    """Run name(*args, **kwargs) in numpy; record the result or the exception, RuntimeWarnings, and
    for in-place calls the mutated receiver / first argument / out array and whether out is returned."""
    args = copy.deepcopy(list(args))
    kwargs = copy.deepcopy(kwargs)
    self = copy.deepcopy(self)
    c = {'name': name, 'note': note, 'args': [enc(a) for a in args], 'kwargs': {k: enc(v) for k, v in kwargs.items()}}
    if self is not None:
        c['self'] = enc(self)
    pargs = py(args)
    pkw = {k: py(v) for k, v in kwargs.items()}
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            f = resolve(name, self)
            r = f(*pargs, **pkw)
            c['expect'] = enc(r)
            out = pkw.get('out')
            if isinstance(out, tuple):
                out = out[0]
            if out is not None:
                c['out_after'] = enc(out)
                c['returns_out'] = r is out
            if self is not None and isinstance(self, np.ndarray):
                c['self_after'] = enc(self)
            if pargs and isinstance(pargs[0], np.ndarray):
                c['arg0_after'] = enc(pargs[0])
        except Exception as e:
            c['error'] = {'type': type(e).__name__, 'message': str(e)}
    c['warnings'] = sorted({str(x.message) for x in w if issubclass(x.category, RuntimeWarning)})
    groups.setdefault(group, []).append(c)


def write():
    os.makedirs(OUT, exist_ok=True)
    for g, cases in groups.items():
        with open(os.path.join(OUT, f'c_{g}.json'), 'w') as f:
            json.dump({'numpy': np.__version__, 'scipy': scipy.__version__, 'cases': cases}, f, indent=0)
        print(g, len(cases))


if __name__ == '__main__':
    import gen_goldens_c_cases
    gen_goldens_c_cases.build(case, np.array, T)
    write()
