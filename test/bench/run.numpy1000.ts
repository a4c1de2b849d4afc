// A realistic 1,000-line numpy program for the parse benchmark: the course's attention code as
// students write it (vectorised, loops, functions, a class, PE, Adam), repeated with varied names
// until it reaches the wanted length. Deterministic, and valid Python that numpy runs.

const BLOCKS: ((k: number) => string)[] = [
  (k) => `
# --- bloc ${k}: self-attention à une tête ---
np.random.seed(${k})
phrase_${k} = "Le chat noir dort."
mots_${k} = phrase_${k}.rstrip(".").split()
X_${k} = np.random.randn(len(mots_${k}), 4)
W_Q_${k} = np.random.randn(4, 2)
W_K_${k} = np.random.randn(4, 2)
W_V_${k} = np.random.randn(4, 2)
Q_${k} = X_${k} @ W_Q_${k}
K_${k} = X_${k} @ W_K_${k}
V_${k} = X_${k} @ W_V_${k}
scores_${k} = Q_${k} @ K_${k}.T / np.sqrt(2)
e_${k} = np.exp(scores_${k} - np.max(scores_${k}, axis=1, keepdims=True))
poids_${k} = e_${k} / np.sum(e_${k}, axis=1, keepdims=True)
sortie_${k} = poids_${k} @ V_${k}
`,
  (k) => `
# --- bloc ${k}: encodage de position, version boucles ---
def encodage_boucles_${k}(n, d):
    PE = np.zeros((n, d))
    for pos in range(n):
        for i in range(0, d, 2):
            angle = pos / (10000 ** (i / d))
            PE[pos, i] = np.sin(angle)
            if i + 1 < d:
                PE[pos, i + 1] = np.cos(angle)
    return PE


PE_${k} = encodage_boucles_${k}(7, 6)
`,
  (k) => `
# --- bloc ${k}: attention multi-têtes, découpage par reshape ---
def multi_tetes_${k}(X, W_Q, W_K, W_V, W_O, h):
    n, d_model = X.shape
    d_head = d_model // h
    Q = (X @ W_Q).reshape(n, h, d_head).transpose(1, 0, 2)
    K = (X @ W_K).reshape(n, h, d_head).transpose(1, 0, 2)
    V = (X @ W_V).reshape(n, h, d_head).transpose(1, 0, 2)
    scores = Q @ K.transpose(0, 2, 1) / np.sqrt(d_head)
    scores = scores - scores.max(axis=-1, keepdims=True)
    poids = np.exp(scores) / np.exp(scores).sum(axis=-1, keepdims=True)
    tetes = (poids @ V).transpose(1, 0, 2).reshape(n, d_model)
    return tetes @ W_O, poids


X_mh_${k} = np.random.randn(7, 6)
W_mh_${k} = [np.random.randn(6, 6) for _ in range(4)]
sortie_mh_${k}, poids_mh_${k} = multi_tetes_${k}(X_mh_${k}, *W_mh_${k}, h=2)
`,
  (k) => `
# --- bloc ${k}: une classe d'attention ---
class Attention${k}:
    """Self-attention avec masque causal optionnel."""

    def __init__(self, d_model, d_head, graine=${k}):
        rng = np.random.default_rng(graine)
        self.W_Q = rng.standard_normal((d_model, d_head))
        self.W_K = rng.standard_normal((d_model, d_head))
        self.W_V = rng.standard_normal((d_model, d_head))
        self.d_head = d_head

    def __call__(self, X, causal=False):
        Q, K, V = X @ self.W_Q, X @ self.W_K, X @ self.W_V
        scores = Q @ K.T / np.sqrt(self.d_head)
        if causal:
            n = X.shape[0]
            scores = scores + np.triu(np.full((n, n), -np.inf), k=1)
        e = np.exp(scores - scores.max(axis=-1, keepdims=True))
        return (e / e.sum(axis=-1, keepdims=True)) @ V


att_${k} = Attention${k}(6, 3)
Z_${k} = att_${k}(np.random.randn(5, 6), causal=True)
`,
  (k) => `
# --- bloc ${k}: un pas d'Adam ---
theta_${k} = np.array([1.0, -2.0, 0.5, ${(k % 7) / 10}])
m_${k} = np.zeros_like(theta_${k})
v_${k} = np.zeros_like(theta_${k})
for t in range(1, 4):
    g = 2 * theta_${k}
    m_${k} = 0.9 * m_${k} + 0.1 * g
    v_${k} = 0.999 * v_${k} + 0.001 * g ** 2
    m_hat = m_${k} / (1 - 0.9 ** t)
    v_hat = v_${k} / (1 - 0.999 ** t)
    theta_${k} = theta_${k} - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)
normes_${k} = {nom: float(np.linalg.norm(w)) for nom, w in [("theta", theta_${k}), ("m", m_${k})]}
`,
];

/** Exactly `lines` lines (default 1,000) of Python. */
export function numpyProgram(lines = 1000): string {
  const out = ['"""Programme de benchmark : 1 000 lignes de numpy dans le style du TP4."""', 'import numpy as np', ''];
  for (let k = 0; out.length < lines; k++) out.push(...BLOCKS[k % BLOCKS.length](k).split('\n').slice(1));
  return `${out.slice(0, lines).join('\n')}\n`;
}
