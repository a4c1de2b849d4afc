# Generates kernels-round2.json: operands and numpy's answers for the SIMD matrix-product path
# (fringe sizes, non-finite entries, batches) and attention at sizes that take that path.
# Run with the system numpy: /usr/bin/python3 test/unit/engine/kernels_round2.py
import json, math, os
import numpy as np

rng = np.random.default_rng(77)

def enc(a):
    a = np.asarray(a, dtype=np.float64)
    def conv(v):
        if isinstance(v, list):
            return [conv(i) for i in v]
        if math.isnan(v): return 'NaN'
        if math.isinf(v): return 'Infinity' if v > 0 else '-Infinity'
        return v
    return {'shape': list(a.shape), 'data': conv(a.ravel().tolist())}

cases = {}
# fringe sizes: neither m nor n a multiple of 4, work above the SIMD threshold
for (m, k, n) in [(9, 13, 7), (17, 33, 9), (5, 40, 6), (21, 3, 35)]:
    A = rng.uniform(-2, 2, (m, k)); B = rng.uniform(-2, 2, (k, n))
    cases[f'{m}x{k}@{k}x{n}'] = {'A': enc(A), 'B': enc(B), 'C': enc(A @ B)}
# non-finite entries: inf·0 is NaN, inf + -inf is NaN, a lone inf stays inf, NaN spreads
A = rng.uniform(-1, 1, (8, 12)); B = rng.uniform(-1, 1, (12, 8))
A[0, 3] = np.inf; B[3, :] = 0.0; B[3, 5] = 1.0       # row 0: inf·0 → NaN except column 5 → inf
A[1, 2] = np.inf; A[1, 4] = -np.inf; B[2, 1] = 1; B[4, 1] = 1  # row 1 column 1: inf - inf → NaN
A[2, 7] = np.nan                                       # row 2 all NaN
B[:, 6] = 0.0                                          # column 6: 0 except rows 0, 1, 2 (NaN)
with np.errstate(invalid='ignore'):
    cases['nonfinite'] = {'A': enc(A), 'B': enc(B), 'C': enc(A @ B)}
# a batch of matrices broadcast against one matrix (stacked heads times one W)
A = rng.uniform(-1, 1, (3, 10, 12)); B = rng.uniform(-1, 1, (12, 11))
cases['batch'] = {'A': enc(A), 'B': enc(B), 'C': enc(A @ B)}

def attention(Q, K, V, M=None):
    s = Q @ K.T / np.sqrt(K.shape[-1])
    if M is not None: s = s + M
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V, w

att = {}
for (n, d) in [(32, 16), (13, 6)]:
    Q, K, V = (rng.uniform(-1, 1, (n, d)) for _ in range(3))
    M = np.triu(np.full((n, n), -np.inf), 1)
    out, w = attention(Q, K, V, M)
    att[f'{n}x{d}'] = {'Q': enc(Q), 'K': enc(K), 'V': enc(V), 'M': enc(M), 'out': enc(out), 'weights': enc(w)}

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'kernels-round2.json'), 'w') as f:
    json.dump({'numpy': np.__version__, 'products': cases, 'attention': att}, f)
