# TP4 — Exercice 1 : self-attention à une tête sur « Le chat noir dort. »
# d_embedding = 4, d_head = 2 ; W_Q, W_K, W_V de taille 4 × 2.
# Ouvrez ce fichier avec Attention Tutor : survolez Q, cliquez sur « Expliquer » au-dessus de la softmax.
import numpy as np

np.random.seed(0)

phrase = "Le chat noir dort."
mots = phrase.rstrip(".").split()          # ['Le', 'chat', 'noir', 'dort']
n_mots = len(mots)                          # 4
d_embedding = 4
d_head = 2

# 1. Embeddings aléatoires : une ligne par mot
X = np.random.randn(n_mots, d_embedding)    # (4, 4)

# 2. Matrices de poids et projections Query / Key / Value
W_Q = np.random.randn(d_embedding, d_head)  # (4, 2)
W_K = np.random.randn(d_embedding, d_head)
W_V = np.random.randn(d_embedding, d_head)

Q = X @ W_Q                                 # (4, 2)
K = X @ W_K
V = X @ W_V

# 3. Scores d'attention : Score_ij = Q_i · K_j / √d_k
scores = Q @ K.T / np.sqrt(d_head)          # (4, 4)

# 4. Softmax sur chaque ligne (on soustrait le maximum pour la stabilité numérique)
exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
poids = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

# 5. Sortie pondérée : Output_i = Σ_j poids_ij · V_j
sortie = poids @ V                          # (4, 2)

# 6. Affichage
print("Pondérations d'attention (n_mots × n_mots) :")
print(np.round(poids, 3))
print("Vecteurs de sortie :")
for mot, vecteur in zip(mots, sortie):
    print(f"{mot:>5} -> {np.round(vecteur, 3)}")
