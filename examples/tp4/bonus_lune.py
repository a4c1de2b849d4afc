# TP4 — Bonus : remplacer « soleil » par « lune » et observer les pondérations.
# Les embeddings viennent d'une table commune (vocabulaire × d_model) : seuls le mot changé
# et son effet sur les scores diffèrent entre les deux phrases.
import numpy as np

np.random.seed(7)

d_model = 6
d_head = 3
phrase_soleil = "Le soleil brille doucement sur la rivière."
phrase_lune = "Le lune brille doucement sur la rivière."

vocabulaire = ["Le", "soleil", "lune", "brille", "doucement", "sur", "la", "rivière"]
indice = {mot: i for i, mot in enumerate(vocabulaire)}
table = np.random.randn(len(vocabulaire), d_model)                      # (8, 6)

W_Q = np.random.randn(d_model, d_head)
W_K = np.random.randn(d_model, d_head)


def encodage_position(n, d):
    pos = np.arange(n)[:, np.newaxis]
    i = np.arange(0, d, 2)[np.newaxis, :]
    angles = pos / np.power(10000, i / d)
    PE = np.zeros((n, d))
    PE[:, 0::2] = np.sin(angles)
    PE[:, 1::2] = np.cos(angles)
    return PE


def poids_attention(phrase):
    ids = np.array([indice[m] for m in phrase.rstrip(".").split()])   # (7,)
    X = table[ids] + encodage_position(len(ids), d_model)             # (7, 6)
    Q = X @ W_Q
    K = X @ W_K
    scores = Q @ K.T / np.sqrt(d_head)                                # (7, 7)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


poids_soleil = poids_attention(phrase_soleil)
poids_lune = poids_attention(phrase_lune)
difference = poids_lune - poids_soleil                                # (7, 7)

ligne = int(np.abs(difference).sum(axis=1).argmax())                  # requête la plus touchée
print("Plus grand changement de pondération :", np.abs(difference).max().round(3))
print("Requête la plus touchée :", phrase_soleil.split()[ligne])
print("  avec soleil :", poids_soleil[ligne].round(3))
print("  avec lune   :", poids_lune[ligne].round(3))
