import numpy as np
mots = input().split()
n = len(mots)
a = np.zeros((n, 4))
b = np.ones(n, dtype=int)
c = np.empty((2, n))
d = np.full((n, n), -np.inf)
e = np.eye(n)
e2 = np.eye(n, n + 1, k=1)
f = np.identity(n)
g = np.arange(n)
g0 = np.arange(0, n)
g1 = np.arange(1, n)
X = np.zeros((n, 3))
k = X.shape[0]
h = np.tri(k)
h2 = np.tri(k, k + 1, k=-1)
z = np.zeros(shape=(k, k))
zl = np.zeros_like(X, shape=(k, 2))
dbl = np.zeros((n * 2, 3))
r = np.random.rand(k, 2)
mask = np.tri(k) == 0
scores = np.zeros((k, k)) + np.full((k, k), -np.inf) * mask
