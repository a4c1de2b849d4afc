# Bogue classique : découpage en têtes avec la mauvaise taille. 7 mots × d_model = 6 font 42
# éléments ; (7, 2, 4) en demande 56. Il faut d_head = d_model // n_tetes = 3.
import numpy as np

np.random.seed(2)
n_mots, d_model, n_tetes = 7, 6, 2
X = np.random.randn(n_mots, d_model)
tetes = X.reshape(n_mots, n_tetes, 4)       # ValueError: cannot reshape
tetes = tetes.transpose(1, 0, 2)
