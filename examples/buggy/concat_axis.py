# Bogue classique : têtes concaténées sur le mauvais axe. axis=0 empile les mots, (7, 3) + (7, 3)
# donne (14, 3) ; la couche finale W_O (6, 6) attend (7, 6), obtenu avec axis=-1.
import numpy as np

np.random.seed(1)
tete1 = np.random.randn(7, 3)               # sortie de la tête 1, « Le soleil brille … »
tete2 = np.random.randn(7, 3)
W_O = np.random.randn(6, 6)

concat = np.concatenate([tete1, tete2], axis=0)
sortie = concat @ W_O                       # ValueError: matmul mismatch
