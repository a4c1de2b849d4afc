# TP4 — Exercice 2 : attention multi-têtes avec encodage de position sinusoïdal
# « Le soleil brille doucement sur la rivière. » ; d_model = 6, 2 têtes, d_head = 3,
# concaténation des têtes puis couche linéaire finale W_O (6 × 6).
import numpy as np

np.random.seed(42)

phrase = "Le soleil brille doucement sur la rivière."
mots = phrase.rstrip(".").split()
n_mots = len(mots)                  # 7
d_model = 6
n_tetes = 2
d_head = d_model // n_tetes         # 3


def encodage_position(n, d):
    """PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d))."""
    pos = np.arange(n)[:, np.newaxis]             # (n, 1)
    i = np.arange(0, d, 2)[np.newaxis, :]         # (1, d/2)
    angles = pos / np.power(10000, i / d)         # (n, d/2)
    PE = np.zeros((n, d))
    PE[:, 0::2] = np.sin(angles)
    PE[:, 1::2] = np.cos(angles)
    return PE


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def attention(X, W_Q, W_K, W_V):
    Q = X @ W_Q                                   # (n, d_head)
    K = X @ W_K
    V = X @ W_V
    scores = Q @ K.T / np.sqrt(W_K.shape[1])      # (n, n)
    poids = softmax(scores)
    return poids @ V, poids


# a. Embeddings + encodage de position
E = np.random.randn(n_mots, d_model)              # (7, 6)
PE = encodage_position(n_mots, d_model)           # (7, 6)
X = E + PE

# b. Une self-attention par tête
W_Q1 = np.random.randn(d_model, d_head)
W_K1 = np.random.randn(d_model, d_head)
W_V1 = np.random.randn(d_model, d_head)
W_Q2 = np.random.randn(d_model, d_head)
W_K2 = np.random.randn(d_model, d_head)
W_V2 = np.random.randn(d_model, d_head)

tete1, poids1 = attention(X, W_Q1, W_K1, W_V1)    # (7, 3), (7, 7)
tete2, poids2 = attention(X, W_Q2, W_K2, W_V2)

# Concaténation des têtes le long des colonnes : (7, 3) + (7, 3) -> (7, 6)
concat = np.concatenate([tete1, tete2], axis=-1)

# c. Couche linéaire finale vers d_model
W_O = np.random.randn(n_tetes * d_head, d_model)  # (6, 6)
sortie = concat @ W_O                             # (7, 6)

# 4. Visualisation des scores d'attention de chaque tête
for h, poids in enumerate([poids1, poids2], start=1):
    print(f"Tête {h} :")
    print("            " + " ".join(f"{m[:8]:>8}" for m in mots))
    for mot, ligne in zip(mots, poids):
        print(f"{mot[:10]:>10}  " + " ".join(f"{p:8.3f}" for p in ligne))
print("Sortie :", sortie.shape)
