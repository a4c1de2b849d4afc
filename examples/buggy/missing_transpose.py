# Bogue classique : oublier la transposée de K. (4, 2) @ (4, 2) lève une erreur numpy ;
# le produit voulu est Q @ K.T, de taille (4, 4).
import numpy as np

np.random.seed(0)
X = np.random.randn(4, 4)                   # « Le chat noir dort. », d_embedding = 4
W_Q = np.random.randn(4, 2)
W_K = np.random.randn(4, 2)
W_V = np.random.randn(4, 2)
Q = X @ W_Q
K = X @ W_K
V = X @ W_V

scores = Q @ K / np.sqrt(2)                 # ValueError: matmul mismatch
poids = np.exp(scores) / np.sum(np.exp(scores), axis=-1, keepdims=True)
sortie = poids @ V
