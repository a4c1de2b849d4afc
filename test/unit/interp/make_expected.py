# Runs every case below under CPython 3 + numpy (/usr/bin/python3) and writes expected.json:
# the program, and for each named variable its repr / shape / dtype / value, or the exception
# the program raises. The TypeScript tests read only that JSON: expected values come from here,
# never from our tracer. Regenerate: /usr/bin/python3 test/unit/interp/make_expected.py
import json, math, os, sys, traceback
import numpy as np

# --- Python semantics: each expression is evaluated as `r = <expr>` -------------------------
EXPRS = [
    "7 // 2", "-7 // 2", "7 // -2", "7 % -3", "-7 % 3", "7.5 // 2", "-7.5 // 2", "-7.5 % 2", "7.5 % -2",
    "2 ** -1", "2 ** 10", "(-8) ** 2", "-2 ** 2", "10 / 4", "10 / 5", "1e16", "1e-05", "0.1 + 0.2", "1.0 * 3",
    "round(2.5)", "round(3.5)", "round(-2.5)", "round(0.125, 2)", "round(2.675, 2)", "round(1234, -2)", "round(7.0)",
    "int(-3.7)", "int('42')", "int(True)", "float('1e3')", "float('-inf')", "True + True", "5 & 3", "5 ^ 1", "5 | 2",
    "~5", "1 << 4", "abs(-3.5)", "abs(-4)", "divmod(-7, 2)", "min(3, 1, 2)", "max([1, 5, 3])", "sum([1, 2, 3.5])", "sum(range(10))",
    "sorted([3, 1, 2], reverse=True)", "list(reversed([1, 2, 3]))", "sorted(['chat', 'le', 'noir'], key=len)",
    "max(['chat', 'le', 'noir'], key=len)", "'Le chat noir dort.'.rstrip('.').split()", "' a  b '.strip()",
    "'Le chat noir dort.'.lower().replace('.', '').split(' ')", "'-'.join(['a', 'b', 'c'])", "'{} et {:.2f}'.format(1, 3.14159)",
    "'{:>6}|{:<4}|{:^5}'.format('ab', 'c', 'd')", "'{:+.3e}'.format(12345.678)", "'{:,}'.format(1234567)", "'{:08.3f}'.format(-3.14159)",
    "'abc'[::-1]", "'soleil'[1:4]", "[1, 2, 3][1:]", "[1, 2, 3, 4, 5][::2]", "[1, 2, 3][-1]", "[1, 2] * 3", "[1] + [2]", "(1, 2) + (3,)",
    "3 in [1, 2, 3]", "'ch' in 'chat'", "'x' not in {'x': 1}", "{w: i for i, w in enumerate(['le', 'chat', 'le'])}",
    "{'a': 1}.get('b', 0)", "list({'a': 1, 'b': 2}.items())", "list(zip([1, 2], [3, 4, 5]))", "list(enumerate('ab', 1))",
    "any([0, 1])", "all([])", "any([])", "isinstance(True, int)", "isinstance(1.0, (int, str))", "len('élève')", "str(1.0)", "str(1e16)",
    "str(0.1)", "str(123456789.0)", "str(1.5e-7)", "repr(\"it's\")", "str([1, 'a', 2.0, None, True])", "str((1,))", "2 ** 0.5",
    "math.sqrt(2)", "math.exp(1)", "math.log(8, 2)", "math.log2(10)", "math.floor(-2.5)", "math.ceil(2.1)", "math.isclose(0.1 + 0.2, 0.3)",
    "math.erf(0.5)", "math.erf(-2.2)", "math.erf(3.5)", "math.tanh(0.3)", "math.pi / 4", "math.factorial(10)", "math.gcd(12, 18)",
    "math.fsum([0.1] * 10)", "math.gamma(4.5)", "1 < 2 < 3", "1 < 3 < 2", "0 or 'x'", "'' and 5", "None or [] or 3", "3 if 2 > 1 else 4",
    "[[i * j for j in range(3)] for i in range(2)]", "[x for x in range(10) if x % 3 == 0]", "{1, 2, 3} & {2, 3, 4}", "sorted({3, 1} | {2})",
    "'Le soleil brille'.title()", "'abcabc'.count('b')", "'abc'.find('c')", "'soleil'.startswith(('so', 'lu'))", "list(map(len, ['a', 'bb']))",
    "list(filter(None, [0, 1, '', 'a']))", "'%s' % 'x' if False else 'ok'", "f'{3 + 4} mots, {2.5:.1f}'", "f'{[1, 2]}{None}'",
    "' '.join(reversed('le chat'.split()))", "[1, 2, 3].index(2)", "[1, 2, 2].count(2)", "tuple(range(2, 10, 3))", "list(range(5, 0, -2))",
    "dict(zip(['a', 'b'], [1, 2]))", "len(range(0, 10, 3))", "bool([])", "bool('0')", "int('-12') // 5", "float(7) // 2", "7 // 2.0",
    "2 ** 3 ** 2", "-(-3) ** 0.5 if False else 1", "1e308 * 10", "pow(3, 4, 5)", "chr(233) + str(ord('a'))", "'ab' * 0", "max(2.5, 3)",
]
ERRORS = [
    "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "0 ** -1", "[1][5]", "{}['a']", "int('3.5')", "'a' + 1", "len(5)",
    "[1, 2, 3].index(9)", "(1, 2)[0:1][3]", "float('abc')", "math.sqrt(-1)", "math.log(0)", "'x' < 1", "None.shape", "[1, 2].shape",
    "(lambda a, b: a)(1)", "(lambda a: a)(1, 2)", "[1, 2][1.0]", "[1, 2][0, 1]", "(1, 2).append", "5()", "max([])", "undefined_name",
]

def run(src):
    env = {}
    exec(src, env)
    return env

def pyval(v):
    return {"repr": repr(v), "type": type(v).__name__}

out = {"exprs": [], "errors": [], "numpy": []}
for e in EXPRS:
    env = run("import math\nr = " + e)
    out["exprs"].append({"expr": e, **pyval(env["r"])})
for e in ERRORS:
    try:
        run("import math\nr = " + e)
        raise SystemExit("expected an exception: " + e)
    except SystemExit:
        raise
    except Exception as ex:
        out["errors"].append({"expr": e, "type": type(ex).__name__, "message": str(ex)})

# --- programs with numpy: values of named variables at the end of the run --------------------
PROGRAMS = {
    "alias_setitem": """import numpy as np
a = np.zeros(3)
b = a
b[0] = 5.0
c = a.copy() if False else a
""",
    "view_write": """import numpy as np
A = np.arange(6.0).reshape(2, 3)
row = A[0]
row[:] = -1.0
A[1, 2] = 9.0
r1 = row.copy() if False else row
""",
    "inplace_add": """import numpy as np
x = np.ones((2, 2))
y = x
x += np.array([1.0, 2.0])
z = y
n = np.arange(4)
n += 1
n *= 2
""",
    "loop_pe": """import numpy as np
n, d = 4, 6
PE = np.zeros((n, d))
for pos in range(n):
    for i in range(0, d, 2):
        angle = pos / (10000 ** (i / d))
        PE[pos, i] = np.sin(angle)
        PE[pos, i + 1] = np.cos(angle)
""",
    "functions": """import numpy as np
def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)

def scaled(Q, K, *, scale=True):
    d_k = K.shape[-1]
    s = Q @ K.T
    return s / np.sqrt(d_k) if scale else s

def apply(f, *args, **kwargs):
    return f(*args, **kwargs)

Q = np.arange(8.0).reshape(4, 2) / 10
K = np.ones((4, 2))
w = softmax(scaled(Q, K))
w2 = apply(softmax, scaled(Q, K, scale=False), axis=0)
make = lambda k: (lambda x: x * k)
triple = make(3)
t = triple(np.array([1, 2]))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
f6 = fact(6)
""",
    "mha_class": """import numpy as np
np.random.seed(0)
class Base:
    def __init__(self, d_model):
        self.d_model = d_model

class MultiHeadAttention(Base):
    def __init__(self, d_model, h):
        super().__init__(d_model)
        self.h = h
        self.d_k = d_model // h
        self.W_q = np.random.randn(d_model, d_model)
        self.W_k = np.random.randn(d_model, d_model)
        self.W_v = np.random.randn(d_model, d_model)
        self.W_o = np.random.randn(d_model, d_model)

    def split(self, X):
        n = X.shape[0]
        return X.reshape(n, self.h, self.d_k).transpose(1, 0, 2)

    def __call__(self, X):
        Q = self.split(X @ self.W_q)
        K = self.split(X @ self.W_k)
        V = self.split(X @ self.W_v)
        scores = Q @ K.transpose(0, 2, 1) / np.sqrt(self.d_k)
        e = np.exp(scores - scores.max(axis=-1, keepdims=True))
        weights = e / e.sum(axis=-1, keepdims=True)
        heads = weights @ V
        concat = heads.transpose(1, 0, 2).reshape(X.shape[0], -1)
        return concat @ self.W_o

    @property
    def n_params(self):
        return 4 * self.d_model * self.d_model

    @staticmethod
    def describe():
        return 'mha'

mots = "Le soleil brille doucement sur la rivière.".rstrip('.').split()
X = np.random.randn(len(mots), 6)
mha = MultiHeadAttention(6, 2)
out = mha(X)
p = mha.n_params
nom = MultiHeadAttention.describe()
""",
    "control": """import numpy as np
total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
else:
    total = -1
k = 0
while k < 5:
    k += 2
else:
    k = k * 10
res = []
for w in ['a', 'bb', 'ccc']:
    res.append(len(w))
try:
    bad = np.ones((2, 3)) @ np.ones((2, 3))
except ValueError:
    bad = 'caught'
with_ok = 0
assert total == 16
d = {}
for j, m in enumerate('abc'):
    d[m] = j
s = sum(v for v in d.values())
""",
}

def jsonable(v):
    if isinstance(v, np.ndarray) or isinstance(v, np.generic):
        a = np.asarray(v)
        vals = a.tolist()
        def fix(x):
            if isinstance(x, list):
                return [fix(y) for y in x]
            if isinstance(x, float) and not math.isfinite(x):
                return "NaN" if x != x else ("Infinity" if x > 0 else "-Infinity")
            return x
        return {"kind": "array", "shape": list(a.shape), "dtype": str(a.dtype), "value": fix(vals)}
    if isinstance(v, (bool, int, float, str)) or v is None:
        return {"kind": type(v).__name__, "repr": repr(v)}
    if isinstance(v, (list, tuple, dict)):
        return {"kind": type(v).__name__, "repr": repr(v)}
    return None

for name, src in PROGRAMS.items():
    env = run(src)
    vals = {}
    for k, v in env.items():
        if k.startswith('__'):
            continue
        j = jsonable(v)
        if j is not None:
            vals[k] = j
    out["numpy"].append({"name": name, "source": src, "values": vals})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
print("wrote", len(out["exprs"]), "exprs,", len(out["errors"]), "errors,", len(out["numpy"]), "programs")
