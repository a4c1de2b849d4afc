# Examen — un Transformer à une couche calculé à la main.
# X = I₂, W^Q = W^K = W^V = I₂, masque causal M = [[0, -∞], [0, 0]], FFN (W_1, b_1, W_2, b_2)
# avec ReLU, connexions résiduelles, LayerNorm(x) = x, projection finale W_out puis softmax.
import numpy as np

X = np.eye(2)                                   # 2 tokens, d_model = 2
W_Q = np.eye(2)
W_K = np.eye(2)
W_V = np.eye(2)
M = np.array([[0.0, -np.inf],
              [0.0, 0.0]])                      # masque causal
W_1 = np.array([[1.0, 1.0],
                [0.0, 1.0]])
b_1 = np.zeros(2)
W_2 = np.array([[1.0, 0.0],
                [1.0, 1.0]])
b_2 = np.zeros(2)
W_out = np.array([[1.0, 1.0],
                  [1.0, 0.0]])
b_out = np.zeros(2)

# 1. Q, K, V
Q = X @ W_Q
K = X @ W_K
V = X @ W_V
d_k = K.shape[-1]

# 2. Scores masqués puis softmax : A = softmax(Q Kᵀ / √d_k + M)
scores = Q @ K.T / np.sqrt(d_k) + M
e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
A = e / np.sum(e, axis=-1, keepdims=True)

# 3. Sortie de l'attention, résiduelle, puis feed-forward et seconde résiduelle
Z = A @ V
H = X + Z                                       # LayerNorm(x) = x
F = np.maximum(0, H @ W_1 + b_1) @ W_2 + b_2
Y = H + F

# 4. Logits et probabilités pour les deux positions
logits = Y @ W_out + b_out
p = np.exp(logits - logits.max(axis=-1, keepdims=True))
probas = p / p.sum(axis=-1, keepdims=True)

print("A =\n", A.round(4))
print("Y =\n", Y.round(4))
print("logits =\n", logits.round(4))
print("probabilités =\n", probas.round(4))
