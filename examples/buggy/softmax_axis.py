# Bogue silencieux : softmax normalisée sur le mauvais axe (axis=0, les colonnes).
# Le code tourne, mais ce sont les colonnes qui somment à 1, pas les lignes de chaque requête.
import numpy as np

np.random.seed(0)
X = np.random.randn(4, 4)                   # « Le chat noir dort. », d_embedding = 4
W_Q = np.random.randn(4, 2)
W_K = np.random.randn(4, 2)
W_V = np.random.randn(4, 2)
Q = X @ W_Q
K = X @ W_K
V = X @ W_V

scores = Q @ K.T / np.sqrt(2)
e = np.exp(scores - np.max(scores, axis=0, keepdims=True))
poids = e / np.sum(e, axis=0, keepdims=True)
sortie = poids @ V
