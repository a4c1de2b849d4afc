# Bogue silencieux : np.sum sans keepdims=True. (4, 4) / (4,) se diffuse le long du DERNIER axe :
# la colonne j est divisée par la somme de la ligne j, et les lignes ne somment plus à 1.
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
e = np.exp(scores)
poids = e / np.sum(e, axis=1)
sortie = poids @ V
