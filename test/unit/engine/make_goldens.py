# Generates engine-goldens.json: inputs and numpy's answers for every tutor function of the
# `eval` table, edge cases included. Run with the system numpy: /usr/bin/python3 make_goldens.py
import json, math, os
import numpy as np

rng = np.random.default_rng(20240611)

def enc(x):
    if isinstance(x, dict):
        return {k: enc(v) for k, v in x.items()}
    a = np.asarray(x, dtype=np.float64)
    def conv(v):
        if isinstance(v, list):
            return [conv(i) for i in v]
        if math.isnan(v): return 'NaN'
        if math.isinf(v): return 'Infinity' if v > 0 else '-Infinity'
        return v
    return conv(a.tolist())

def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(invalid='ignore'):
        e = np.exp(z - np.max(z, axis=-1, keepdims=True))
        return e / np.sum(e, axis=-1, keepdims=True)

def scaled(Q, K):
    return Q @ np.swapaxes(K, -1, -2) / np.sqrt(K.shape[-1])

def attention(Q, K, V, M=None):
    s = scaled(Q, K)
    if M is not None: s = s + M
    return softmax(s) @ V

def causal(n):
    return np.triu(np.full((n, n), -np.inf), k=1)

def pe(n, d):
    P = np.zeros((n, d))
    pos = np.arange(n)[:, None]
    div = 10000 ** (np.arange(0, d, 2) / d)
    P[:, 0::2] = np.sin(pos / div)
    P[:, 1::2] = np.cos(pos / div[: d // 2])
    return P

def adam(theta, g, m, v, t, lr, b1=0.9, b2=0.999, eps=1e-8):
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    mh = m / (1 - b1 ** t)
    vh = v / (1 - b2 ** t)
    return {'theta': theta - lr * mh / (np.sqrt(vh) + eps), 'm': m, 'v': v}

def layer_norm(x, eps=1e-5):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps)

gelu = np.vectorize(lambda x: 0.5 * x * (1 + math.erf(x / math.sqrt(2))))
def gelu_tanh(x): return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))
def sigmoid(x): return 1 / (1 + np.exp(-x))
def relu(x): return np.maximum(0, x)
def cosine(u, v): return np.sum(u * v, -1) / (np.linalg.norm(u, axis=-1) * np.linalg.norm(v, axis=-1))

cases = []
def add(fn, args, expected, note):
    cases.append({'fn': fn, 'args': [enc(a) for a in args], 'expected': enc(expected), 'note': note})

r = lambda *s: rng.standard_normal(s)
for z, note in [([2, 1, 0], 'course example'), ([1000, 1001, 1002], 'large values'), ([1, -np.inf, 2], '-inf gets weight 0'),
                ([[-np.inf, -np.inf], [0, 1]], 'row of only -inf is NaN as in numpy'), ([5.0], 'one element'),
                ([1, 1, 1, 1], 'ties'), (r(2, 3, 4) * 3, '3-D batch'), (r(3, 300), 'long rows (pairwise sums)')]:
    add('softmax', [z], softmax(z), note)
Q, K = r(3, 4), r(5, 4)
add('scaled_scores', [Q, K], scaled(Q, K), '2-D')
Qb, Kb = r(2, 3, 4), r(2, 5, 4)
add('scaled_scores', [Qb, Kb], scaled(Qb, Kb), '3-D batch')
V = r(5, 3)
add('attention', [Q, K, V], attention(Q, K, V), 'no mask')
Qs, Ks, Vs = r(4, 2), r(4, 2), r(4, 2)
add('attention', [Qs, Ks, Vs, causal(4)], attention(Qs, Ks, Vs, causal(4)), 'causal mask')
Vb = r(2, 5, 3)
add('attention', [Qb, Kb, Vb], attention(Qb, Kb, Vb), '3-D batch')
add('attention', [Q * 100, K * 100, V], attention(Q * 100, K * 100, V), 'large scores')
add('causal_mask', [4], causal(4), 'n=4')
add('causal_mask', [1], causal(1), 'one position')
for n, d in [(7, 6), (50, 16), (4, 4)]:
    add('positional_encoding', [n, d], pe(n, d), f'{n}x{d}')
th, g = r(3, 2), r(3, 2)
add('adam_step', [th, g, np.zeros((3, 2)), np.zeros((3, 2)), 1, 0.01], adam(th, g, np.zeros((3, 2)), np.zeros((3, 2)), 1, 0.01), 'first step')
m0, v0 = r(3, 2), np.abs(r(3, 2))
add('adam_step', [th, g, m0, v0, 5, 0.003, 0.8, 0.99, 1e-6], adam(th, g, m0, v0, 5, 0.003, 0.8, 0.99, 1e-6), 't=5 custom betas')
x = r(3, 5) * 4 + 2
add('layer_norm', [x], layer_norm(x), 'default eps')
add('layer_norm', [x, 0.1], layer_norm(x, 0.1), 'eps 0.1')
xb = r(2, 3, 4)
add('layer_norm', [xb], layer_norm(xb), '3-D batch')
xs = np.array([-40.0, -3.5, -1, -1e-3, 0, 1e-3, 0.5, 1, 2.25, 6, 40])
add('gelu', [xs], gelu(xs), 'range of values')
add('gelu_tanh', [xs], gelu_tanh(xs), 'range of values')
add('sigmoid', [xs], sigmoid(xs), 'range of values')
add('relu', [xs], relu(xs), 'range of values')
xr = r(2, 3, 2); add('relu', [xr], relu(xr), '3-D')
add('cosine_similarity', [[1, 2], [2, 3]], cosine(np.array([1., 2]), np.array([2., 3])), 'course example')
u, v = r(4, 6), r(4, 6)
add('cosine_similarity', [u, v], cosine(u, v), 'row by row')
p = softmax(r(6))
add('cross_entropy', [p, 3], -np.log(p[3]), 'class 3')
add('cross_entropy', [[1.0, 0.0], 1], np.inf, 'p=0 gives +inf')
pp = rng.uniform(0.01, 1, 20)
add('perplexity', [pp], np.exp(-np.mean(np.log(pp))), '20 tokens')
add('perplexity', [[0.25]], np.exp(-np.mean(np.log([0.25]))), 'one token')

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'engine-goldens.json')
with open(out, 'w') as f:
    json.dump({'generator': 'make_goldens.py, numpy ' + np.__version__, 'cases': cases}, f)
print(len(cases), 'cases →', out)
