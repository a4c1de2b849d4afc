# Bogue silencieux : le masque causal est ajouté APRÈS la softmax. Les pondérations
# deviennent -inf au-dessus de la diagonale au lieu de 0 ; il faut masquer les scores.
import numpy as np

np.random.seed(0)
X = np.random.randn(4, 4)                   # « Le chat noir dort. », d_embedding = 4
W_Q = np.random.randn(4, 2)
W_K = np.random.randn(4, 2)
W_V = np.random.randn(4, 2)
Q = X @ W_Q
K = X @ W_K
V = X @ W_V

masque = np.triu(np.full((4, 4), -np.inf), k=1)
scores = Q @ K.T / np.sqrt(2)
e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
poids = e / np.sum(e, axis=-1, keepdims=True) + masque
sortie = poids @ V
