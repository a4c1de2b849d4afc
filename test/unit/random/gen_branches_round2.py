# Generates branches-round2.json: programs whose `if` depends on an input the tracer cannot read
# (an environment variable), each run by numpy once per arm. A name whose value differs between
# the runs must have NO value in the trace (any one value would be wrong for the other run); a
# name listed as known must have numpy's value. Run: /usr/bin/python3 test/unit/random/gen_branches_round2.py
import json, os
import numpy as np

PRELUDE = 'import os\nimport numpy as np\nflag = os.environ.get("AT_FLAG") == "1"\n'

PROGRAMS = [
    dict(name='draw in one arm only', known=['a', 'b_then', 'b_else'], unknown=['c', 'd'], source='''
np.random.seed(0)
a = np.random.rand(2)
if flag:
    b_then = np.random.rand(3)
else:
    b_else = np.random.rand(4)
c = np.random.rand(2)
d = np.random.randn(2, 3)
'''),
    dict(name='the other arm starts from the state before the if', known=['b_then', 'b_else'], unknown=['c'], source='''
np.random.seed(1)
if flag:
    b_then = np.random.rand(3)
else:
    b_else = np.random.randint(0, 100, size=5)
c = np.random.normal(size=2)
'''),
    dict(name='both arms draw the same amount: the state stays known', known=['b_then', 'b_else', 'c'], unknown=[], source='''
np.random.seed(2)
if flag:
    b_then = np.random.rand(3)
else:
    b_else = np.random.uniform(-1.0, 1.0, size=3)
c = np.random.rand(2)
'''),
    dict(name='reseeding in one arm', known=['a'], unknown=['c'], source='''
np.random.seed(3)
a = np.random.rand(1)
if flag:
    np.random.seed(4)
c = np.random.rand(2)
'''),
    dict(name='a reseed after the merge makes the state known again', known=['c'], unknown=[], source='''
np.random.seed(5)
if flag:
    np.random.rand(5)
np.random.seed(6)
c = np.random.rand(2)
'''),
    dict(name='shuffle of a list in one arm', known=['seen_else'], unknown=['after', 'c'], source='''
np.random.seed(7)
items = [0, 1, 2, 3, 4, 5]
if flag:
    np.random.shuffle(items)
else:
    seen_else = np.array(items)
after = np.array(items)
c = np.random.rand(2)
'''),
    dict(name='a RandomState object drawn in one arm; the global one is untouched', known=['g'], unknown=['c'], source='''
np.random.seed(8)
rs = np.random.RandomState(9)
if flag:
    rs.rand(2)
c = rs.rand(3)
g = np.random.rand(2)
'''),
    dict(name='a Generator drawn in a loop of unknown length', known=['first'], unknown=['c'], source='''
rng = np.random.default_rng(10)
first = rng.random(2)
n = 3 if flag else 0
for i in range(n):
    rng.random()
c = rng.random(2)
'''),
]

def run(source, flag):
    os.environ['AT_FLAG'] = '1' if flag else '0'
    env = {}
    exec(PRELUDE + source, env)
    out = {}
    for k, v in env.items():
        if k.startswith('_') or k in ('np', 'os', 'flag', 'rs', 'rng', 'i', 'n', 'items'):
            continue
        a = np.asarray(v)
        out[k] = {'shape': list(a.shape), 'data': a.astype(np.float64).ravel().tolist()}
    return out

cases = []
for p in PROGRAMS:
    runs = [run(p['source'], False), run(p['source'], True)]
    for name in p['unknown']:
        assert runs[0][name] != runs[1][name], (p['name'], name, 'should differ between the arms')
    for name in p['known']:
        vals = [r[name] for r in runs if name in r]
        assert vals and all(v == vals[0] for v in vals), (p['name'], name, 'should be the same in every run')
    cases.append(dict(name=p['name'], source=PRELUDE + p['source'].lstrip('\n'), known=p['known'], unknown=p['unknown'], runs=runs))

# a draw the tracer may not model (poisson, beta, …) moves the generator: later values must be
# numpy's or absent — never those of a generator that skipped the draw ('skipped')
UNMODELLED = [
    ('np.random.seed(0)\nx = np.random.poisson(3.0, size=2)\nb = np.random.rand(2)\n', 'np.random.seed(0)\nb = np.random.rand(2)\n'),
    ('rng = np.random.default_rng(0)\nx = rng.beta(2.0, 3.0, size=2)\nb = rng.random(2)\n', 'rng = np.random.default_rng(0)\nb = rng.random(2)\n'),
    ('rs = np.random.RandomState(0)\nx = rs.gamma(2.0, size=3)\nb = rs.rand(2)\n', 'rs = np.random.RandomState(0)\nb = rs.rand(2)\n'),
]
unmodelled = []
for src, skipped in UNMODELLED:
    got, skip = {}, {}
    exec('import numpy as np\n' + src, got)
    exec('import numpy as np\n' + skipped, skip)
    assert got['b'].tolist() != skip['b'].tolist()
    unmodelled.append(dict(source='import numpy as np\n' + src, b=got['b'].tolist(), skipped=skip['b'].tolist()))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'branches-round2.json'), 'w') as f:
    json.dump({'numpy': np.__version__, 'programs': cases, 'unmodelled': unmodelled}, f, indent=1)
