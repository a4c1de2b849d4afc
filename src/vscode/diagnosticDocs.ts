// The explanation behind each diagnostic code (the link of a diagnostic's code opens it in the
// panel): what numpy does, why it is wrong, the formula, and how to fix it — in both languages.

import type { L10nText } from '../core/values';

export interface CodeDoc {
  title: L10nText;
  paragraphs: L10nText[];
  /** formulas shown under the prose (KaTeX) */
  latex: string[];
}

export const CODE_DOCS: Record<string, CodeDoc> = {
  'matmul-mismatch': {
    title: { en: 'Matrix product: inner sizes differ', fr: 'Produit matriciel : tailles intérieures différentes' },
    paragraphs: [
      { en: 'A @ B needs the number of columns of A to equal the number of rows of B: (n, k) @ (k, m) → (n, m). numpy raises ValueError otherwise.', fr: 'A @ B exige que le nombre de colonnes de A soit égal au nombre de lignes de B : (n, k) @ (k, m) → (n, m). Sinon numpy lève une ValueError.' },
      { en: 'In attention, Q and K are both (n, d_k): the scores are Q Kᵀ, so write Q @ K.T.', fr: 'En attention, Q et K sont tous deux (n, d_k) : les scores sont Q Kᵀ, il faut donc écrire Q @ K.T.' },
    ],
    latex: ['(QK^{\\top})_{ij} = \\sum_{c=1}^{d_k} Q_{ic}\\,K_{jc}', '(n \\times d_k)\\,(d_k \\times n) \\to (n \\times n)'],
  },
  'broadcast-mismatch': {
    title: { en: 'Shapes cannot be broadcast together', fr: 'Dimensions incompatibles pour le broadcasting' },
    paragraphs: [
      { en: 'numpy compares shapes from the last axis backwards: two sizes fit when they are equal or one of them is 1. Otherwise it raises ValueError.', fr: 'numpy compare les dimensions en partant du dernier axe : deux tailles sont compatibles si elles sont égales ou si l’une vaut 1. Sinon numpy lève une ValueError.' },
      { en: 'A row-wise reduction (sum, max) must keep its axis (keepdims=True) to broadcast back against the rows.', fr: 'Une réduction par ligne (sum, max) doit garder son axe (keepdims=True) pour se diffuser à nouveau sur les lignes.' },
    ],
    latex: ['(n, n) \\;\\text{op}\\; (n, 1) \\to (n, n)'],
  },
  'reshape-size': {
    title: { en: 'reshape cannot change the number of elements', fr: 'reshape ne peut pas changer le nombre d’éléments' },
    paragraphs: [{ en: 'The product of the new shape must equal the array’s size. To split d_model into heads: (n, d_model) → (n, h, d_model / h).', fr: 'Le produit de la nouvelle forme doit être égal à la taille du tableau. Pour découper d_model en têtes : (n, d_model) → (n, h, d_model / h).' }],
    latex: ['n \\cdot d_{model} = n \\cdot h \\cdot d_{head}'],
  },
  'axis-out-of-range': {
    title: { en: 'Axis out of range', fr: 'Axe hors limites' },
    paragraphs: [{ en: 'An array of rank r has axes 0 … r−1 (or −r … −1 counted from the end). axis=-1 is always the last axis.', fr: 'Un tableau de rang r a les axes 0 … r−1 (ou −r … −1 depuis la fin). axis=-1 désigne toujours le dernier axe.' }],
    latex: [],
  },
  'concat-mismatch': {
    title: { en: 'Concatenation: the other axes differ', fr: 'Concaténation : les autres axes diffèrent' },
    paragraphs: [{ en: 'np.concatenate joins along one axis; every other axis must have the same size. Heads (n, d_head) are joined along axis=-1 into (n, h·d_head).', fr: 'np.concatenate joint le long d’un axe ; tous les autres axes doivent avoir la même taille. Les têtes (n, d_head) se joignent selon axis=-1 en (n, h·d_head).' }],
    latex: ['\\mathrm{concat}(\\text{head}_1, \\dots, \\text{head}_h) \\in \\mathbb{R}^{n \\times h d_{head}}'],
  },
  'softmax-axis': {
    title: { en: 'Softmax over the wrong axis', fr: 'Softmax sur le mauvais axe' },
    paragraphs: [
      { en: 'Attention weights are a probability distribution over the keys for each query: each ROW of the (queries × keys) matrix must sum to 1, so normalise along the last axis (axis=-1).', fr: 'Les poids d’attention forment, pour chaque requête, une distribution de probabilité sur les clés : chaque LIGNE de la matrice (requêtes × clés) doit sommer à 1, donc on normalise selon le dernier axe (axis=-1).' },
      { en: 'axis=0 normalises each column instead: the code runs, the numbers are wrong.', fr: 'axis=0 normalise chaque colonne à la place : le code s’exécute, mais les nombres sont faux.' },
    ],
    latex: ['\\alpha_{ij} = \\frac{e^{s_{ij}}}{\\sum_{j\'} e^{s_{ij\'}}}, \\qquad \\sum_j \\alpha_{ij} = 1'],
  },
  'missing-scale': {
    title: { en: 'Attention scores not scaled by √d_k', fr: 'Scores d’attention non divisés par √d_k' },
    paragraphs: [{ en: 'The dot product of two random vectors of size d_k has variance d_k; without dividing by √d_k the softmax saturates and its gradients vanish (Vaswani et al., 2017).', fr: 'Le produit scalaire de deux vecteurs aléatoires de taille d_k a une variance d_k ; sans division par √d_k la softmax sature et ses gradients s’annulent (Vaswani et al., 2017).' }],
    latex: ['\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\!\\left(\\frac{QK^{\\top}}{\\sqrt{d_k}}\\right) V'],
  },
  'mask-after-softmax': {
    title: { en: 'Mask added after the softmax', fr: 'Masque ajouté après la softmax' },
    paragraphs: [{ en: 'A causal mask (−∞ above the diagonal) must be added to the scores BEFORE the softmax, so that the masked weights become e^{−∞} = 0 and each row still sums to 1.', fr: 'Un masque causal (−∞ au-dessus de la diagonale) s’ajoute aux scores AVANT la softmax, pour que les poids masqués valent e^{−∞} = 0 et que chaque ligne somme encore à 1.' }],
    latex: ['\\mathrm{softmax}\\!\\left(\\frac{QK^{\\top}}{\\sqrt{d_k}} + M\\right),\\quad M_{ij} = \\begin{cases} 0 & j \\le i \\\\ -\\infty & j > i \\end{cases}'],
  },
  'sum-keepdims': {
    title: { en: 'Sum without keepdims broadcasts along the wrong axis', fr: 'Somme sans keepdims diffusée sur le mauvais axe' },
    paragraphs: [{ en: 'np.sum(e, axis=1) of an (n, n) array is (n,): dividing (n, n) by it divides each COLUMN j by the sum of row j. keepdims=True keeps (n, 1) and divides each row by its own sum.', fr: 'np.sum(e, axis=1) d’un tableau (n, n) est de forme (n,) : diviser (n, n) par ce vecteur divise chaque COLONNE j par la somme de la ligne j. keepdims=True garde (n, 1) et divise chaque ligne par sa propre somme.' }],
    latex: ['\\frac{e_{ij}}{\\sum_{j\'} e_{ij\'}} \\quad\\text{vs.}\\quad \\frac{e_{ij}}{\\sum_{j\'} e_{jj\'}}'],
  },
};

/** The explanation of a code, or a short generic one built from the code itself. */
export function docFor(code: string): CodeDoc {
  return (
    CODE_DOCS[code] ?? {
      title: { en: code, fr: code },
      paragraphs: [{ en: 'The diagnostic’s message says what numpy would do on this line.', fr: 'Le message du diagnostic dit ce que numpy ferait sur cette ligne.' }],
      latex: [],
    }
  );
}
