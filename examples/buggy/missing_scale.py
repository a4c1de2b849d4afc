# Bogue silencieux : scores non divisés par √d_k. Avec un d_k plus grand, la softmax sature
# et les gradients disparaissent (Vaswani et al., 2017, § 3.2.1).
import numpy as np

np.random.seed(0)
X = np.random.randn(4, 4)                   # « Le chat noir dort. », d_embedding = 4
W_Q = np.random.randn(4, 2)
W_K = np.random.randn(4, 2)
W_V = np.random.randn(4, 2)
Q = X @ W_Q
K = X @ W_K
V = X @ W_V

scores = Q @ K.T
e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
poids = e / np.sum(e, axis=-1, keepdims=True)
sortie = poids @ V
