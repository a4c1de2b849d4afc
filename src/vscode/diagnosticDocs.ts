// The explanation behind each diagnostic code (the link of a diagnostic's code opens it in the
// panel): what numpy (or mathjs, for TypeScript) does, why it is wrong, the formula, and how to fix
// it — in both languages.

import type { L10nText } from '../core/values';

interface CodeDoc {
  title: L10nText;
  paragraphs: L10nText[];
  /** formulas shown under the prose (KaTeX) */
  latex: string[];
}

const doc = (en: string, fr: string, paragraphs: [string, string][], latex: string[] = []): CodeDoc => ({ title: { en, fr }, paragraphs: paragraphs.map(([e, f]) => ({ en: e, fr: f })), latex });

/** Every code any op, lint or the interpreter reports (a unit test checks none is missing). */
export const CODE_DOCS: Record<string, CodeDoc> = {
  'matmul-mismatch': {
    title: { en: 'Matrix product: inner sizes differ', fr: 'Produit matriciel\u00a0: tailles intérieures différentes' },
    paragraphs: [
      { en: 'A @ B needs the number of columns of A to equal the number of rows of B: (n, k) @ (k, m) → (n, m). numpy raises ValueError otherwise.', fr: 'A @ B exige que le nombre de colonnes de A soit égal au nombre de lignes de B\u00a0: (n, k) @ (k, m) → (n, m). Sinon numpy lève une ValueError.' },
      { en: 'In attention, Q and K are both (n, d_k): the scores are Q Kᵀ, so write Q @ K.T.', fr: 'En attention, Q et K sont tous deux (n, d_k)\u00a0: les scores sont Q Kᵀ, il faut donc écrire Q @ K.T.' },
      { en: 'In TypeScript, math.multiply(A, B) has the same rule (mathjs throws a RangeError “Dimension mismatch in multiplication”): write math.multiply(Q, math.transpose(K)).', fr: 'En TypeScript, math.multiply(A, B) suit la même règle (mathjs lève une RangeError «\u00a0Dimension mismatch in multiplication\u00a0»)\u00a0: écrivez math.multiply(Q, math.transpose(K)).' },
    ],
    latex: ['(QK^{\\top})_{ij} = \\sum_{c=1}^{d_k} Q_{ic}\\,K_{jc}', '(n \\times d_k)\\,(d_k \\times n) \\to (n \\times n)'],
  },
  'broadcast-mismatch': {
    title: { en: 'Shapes cannot be broadcast together', fr: 'Dimensions incompatibles pour le broadcasting' },
    paragraphs: [
      { en: 'numpy compares shapes from the last axis backwards: two sizes fit when they are equal or one of them is 1. Otherwise it raises ValueError.', fr: 'numpy compare les dimensions en partant du dernier axe\u00a0: deux tailles sont compatibles si elles sont égales ou si l’une vaut 1. Sinon numpy lève une ValueError.' },
      { en: 'A row-wise reduction (sum, max) must keep its axis (keepdims=True) to broadcast back against the rows.', fr: 'Une réduction par ligne (sum, max) doit garder son axe (keepdims=True) pour se diffuser à nouveau sur les lignes.' },
      { en: 'mathjs 15 broadcasts math.add, math.subtract, math.dotMultiply and math.dotDivide with the same rule and throws “shape mismatch”. It has no keepdims: make row sums a column with math.reshape(math.sum(E, 1), [-1, 1]).', fr: 'mathjs 15 diffuse math.add, math.subtract, math.dotMultiply et math.dotDivide avec la même règle et lève «\u00a0shape mismatch\u00a0». Il n’a pas de keepdims\u00a0: mettez les sommes des lignes en colonne avec math.reshape(math.sum(E, 1), [-1, 1]).' },
    ],
    latex: ['(n, n) \\;\\text{op}\\; (n, 1) \\to (n, n)'],
  },
  'reshape-size': {
    title: { en: 'reshape cannot change the number of elements', fr: 'reshape ne peut pas changer le nombre d’éléments' },
    paragraphs: [
      { en: 'The product of the new shape must equal the array’s size. To split d_model into heads: (n, d_model) → (n, h, d_model / h).', fr: 'Le produit de la nouvelle forme doit être égal à la taille du tableau. Pour découper d_model en têtes\u00a0: (n, d_model) → (n, h, d_model / h).' },
      { en: 'math.reshape(x, sizes) in TypeScript has the same rule (a DimensionError); one size may be -1 and is then computed.', fr: 'math.reshape(x, tailles) en TypeScript suit la même règle (une DimensionError)\u00a0; une taille peut valoir -1, elle est alors calculée.' },
    ],
    latex: ['n \\cdot d_{model} = n \\cdot h \\cdot d_{head}'],
  },
  'axis-out-of-range': {
    title: { en: 'Axis out of range', fr: 'Axe hors limites' },
    paragraphs: [
      { en: 'An array of rank r has axes 0 … r−1 (or −r … −1 counted from the end). axis=-1 is always the last axis.', fr: 'Un tableau de rang r a les axes 0 … r−1 (ou −r … −1 depuis la fin). axis=-1 désigne toujours le dernier axe.' },
      { en: 'mathjs counts dimensions from 0 and has no negative ones: the last dimension of a matrix is 1 in math.sum(A, 1), and -1 raises “Index out of range”.', fr: 'mathjs compte les dimensions à partir de 0, sans dimension négative\u00a0: la dernière dimension d’une matrice est 1 dans math.sum(A, 1), et -1 lève «\u00a0Index out of range\u00a0».' },
    ],
    latex: [],
  },
  'concat-mismatch': {
    title: { en: 'Concatenation: the other axes differ', fr: 'Concaténation\u00a0: les autres axes diffèrent' },
    paragraphs: [
      { en: 'np.concatenate joins along one axis; every other axis must have the same size. Heads (n, d_head) are joined along axis=-1 into (n, h·d_head).', fr: 'np.concatenate joint le long d’un axe\u00a0; tous les autres axes doivent avoir la même taille. Les têtes (n, d_head) se joignent selon axis=-1 en (n, h·d_head).' },
      { en: 'math.concat(A, B[, dim]) joins along the last dimension by default; the other dimensions must agree (DimensionError otherwise).', fr: 'math.concat(A, B[, dim]) joint par défaut selon la dernière dimension\u00a0; les autres dimensions doivent être égales (sinon DimensionError).' },
    ],
    latex: ['\\mathrm{concat}(\\text{head}_1, \\dots, \\text{head}_h) \\in \\mathbb{R}^{n \\times h d_{head}}'],
  },
  'concat-axis': doc('Heads concatenated along the words’ axis', 'Têtes concaténées sur l’axe des mots', [
    ['Each head gives one (n, d_head) matrix: row i is what word i gathered in that head. Multi-head attention puts the heads of each word side by side, along the LAST axis, giving (n, h·d_head). Along axis 0 (numpy’s default) the rows of the heads are stacked instead: (h·n, d_head), as if the sentence had h·n words; the error only shows at the output projection W_O.', 'Chaque tête donne une matrice (n, d_head)\u00a0: la ligne i est ce que le mot i a recueilli dans cette tête. L’attention multi-têtes met côte à côte les têtes de chaque mot, sur le DERNIER axe, d’où (n, h·d_head). Sur l’axe 0 (la valeur par défaut de numpy), les lignes des têtes sont empilées\u00a0: (h·n, d_head), comme si la phrase avait h·n mots\u00a0; l’erreur n’apparaît qu’à la projection de sortie W_O.'],
  ], ['\\mathrm{MultiHead}(X) = \\mathrm{Concat}(\\mathrm{head}_1, \\ldots, \\mathrm{head}_h)\\,W^{O} \\in \\mathbb{R}^{n \\times d_{\\text{model}}}']),
  'softmax-axis': {
    title: { en: 'Softmax over the wrong axis', fr: 'Softmax sur le mauvais axe' },
    paragraphs: [
      { en: 'Attention weights are a probability distribution over the keys for each query: each ROW of the (queries × keys) matrix must sum to 1, so normalise along the last axis (axis=-1).', fr: 'Les poids d’attention forment, pour chaque requête, une distribution de probabilité sur les clés\u00a0: chaque LIGNE de la matrice (requêtes × clés) doit sommer à 1, donc on normalise selon le dernier axe (axis=-1).' },
      { en: 'axis=0 normalises each column instead: the code runs, the numbers are wrong.', fr: 'axis=0 normalise chaque colonne à la place\u00a0: le code s’exécute, mais les nombres sont faux.' },
      { en: 'In TypeScript with mathjs: math.sum(E) with no dimension adds the whole matrix, math.sum(E, 0) sums the columns. Sum each row with math.sum(E, 1), and divide by it as a column (math.reshape(…, [-1, 1])) — or normalise row by row with E.map((row) => …).', fr: 'En TypeScript avec mathjs\u00a0: math.sum(E) sans dimension additionne toute la matrice, math.sum(E, 0) somme les colonnes. Sommez chaque ligne avec math.sum(E, 1) et divisez par ce résultat mis en colonne (math.reshape(…, [-1, 1])) — ou normalisez ligne par ligne avec E.map((row) => …).' },
    ],
    latex: ['\\alpha_{ij} = \\frac{e^{s_{ij}}}{\\sum_{j\'} e^{s_{ij\'}}}, \\qquad \\sum_j \\alpha_{ij} = 1'],
  },
  'missing-scale': {
    title: { en: 'Attention scores not scaled by √d_k', fr: 'Scores d’attention non divisés par √d_k' },
    paragraphs: [
      { en: 'The dot product of two random vectors of size d_k has variance d_k; without dividing by √d_k the softmax saturates and its gradients vanish (Vaswani et al., 2017).', fr: 'Le produit scalaire de deux vecteurs aléatoires de taille d_k a une variance d_k\u00a0; sans division par √d_k la softmax sature et ses gradients s’annulent (Vaswani et al., 2017).' },
      { en: 'In TypeScript: math.divide(math.multiply(Q, math.transpose(K)), Math.sqrt(dK)), where dK is the number of columns of K (K[0].length for number[][]).', fr: 'En TypeScript\u00a0: math.divide(math.multiply(Q, math.transpose(K)), Math.sqrt(dK)), où dK est le nombre de colonnes de K (K[0].length pour un number[][]).' },
    ],
    latex: ['\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\!\\left(\\frac{QK^{\\top}}{\\sqrt{d_k}}\\right) V'],
  },
  'mask-after-softmax': {
    title: { en: 'Mask added after the softmax', fr: 'Masque ajouté après la softmax' },
    paragraphs: [
      { en: 'A causal mask (−∞ above the diagonal) must be added to the scores BEFORE the softmax, so that the masked weights become e^{−∞} = 0 and each row still sums to 1.', fr: 'Un masque causal (−∞ au-dessus de la diagonale) s’ajoute aux scores AVANT la softmax, pour que les poids masqués valent e^{−∞} = 0 et que chaque ligne somme encore à 1.' },
      { en: 'In TypeScript the mask holds -Infinity above the diagonal: add it to the scores (math.add(scores, mask)) before the softmax.', fr: 'En TypeScript le masque vaut -Infinity au-dessus de la diagonale\u00a0: ajoutez-le aux scores (math.add(scores, mask)) avant la softmax.' },
    ],
    latex: ['\\mathrm{softmax}\\!\\left(\\frac{QK^{\\top}}{\\sqrt{d_k}} + M\\right),\\quad M_{ij} = \\begin{cases} 0 & j \\le i \\\\ -\\infty & j > i \\end{cases}'],
  },
  'sum-keepdims': {
    title: { en: 'Sum without keepdims broadcasts along the wrong axis', fr: 'Somme sans keepdims diffusée sur le mauvais axe' },
    paragraphs: [{ en: 'np.sum(e, axis=1) of an (n, n) array is (n,): dividing (n, n) by it divides each COLUMN j by the sum of row j. keepdims=True keeps (n, 1) and divides each row by its own sum.', fr: 'np.sum(e, axis=1) d’un tableau (n, n) est de forme (n,)\u00a0: diviser (n, n) par ce vecteur divise chaque COLONNE j par la somme de la ligne j. keepdims=True garde (n, 1) et divise chaque ligne par sa propre somme.' }],
    latex: ['\\frac{e_{ij}}{\\sum_{j\'} e_{ij\'}} \\quad\\text{vs.}\\quad \\frac{e_{ij}}{\\sum_{j\'} e_{jj\'}}'],
  },
  'keepdims-broadcast': doc('Reduction without keepdims broadcast along the wrong axis', 'Réduction sans keepdims diffusée sur le mauvais axe', [
    ['x / x.sum(axis=1) drops the reduced axis: an (n, m) array divided by its (n,) row sums is aligned on the LAST axis, so column j is divided by the sum of row j. It runs, and the numbers are wrong. keepdims=True keeps (n, 1), which broadcasts over each row.', 'x / x.sum(axis=1) supprime l’axe réduit\u00a0: un tableau (n, m) divisé par ses sommes de lignes (n,) est aligné sur le DERNIER axe, la colonne j est donc divisée par la somme de la ligne j. Le code s’exécute, les nombres sont faux. keepdims=True garde (n, 1), qui se diffuse sur chaque ligne.'],
    ['mathjs has no keepdims: math.dotDivide(E, math.sum(E, 1)) has the same bug. Reshape the sums into a column first: math.reshape(math.sum(E, 1), [-1, 1]).', 'mathjs n’a pas de keepdims\u00a0: math.dotDivide(E, math.sum(E, 1)) a le même défaut. Mettez d’abord les sommes en colonne\u00a0: math.reshape(math.sum(E, 1), [-1, 1]).'],
  ], ['\\frac{e_{ij}}{\\sum_{j\'} e_{ij\'}} \\quad\\text{vs.}\\quad \\frac{e_{ij}}{\\sum_{j\'} e_{jj\'}}']),
  // mathjs (TypeScript) errors
  'not-elementwise': doc('mathjs function on a whole matrix', 'Fonction mathjs appliquée à une matrice entière', [
    ['Since mathjs 15, math.exp, math.sqrt, math.log, math.sin… take numbers only: on an array or a Matrix they throw a TypeError. numpy’s np.exp(S) maps over the elements; in mathjs write math.map(S, (x) => math.exp(x)) (or S.map((row) => row.map(Math.exp)) for number[][]).', 'Depuis mathjs 15, math.exp, math.sqrt, math.log, math.sin… n’acceptent que des nombres\u00a0: sur un tableau ou une Matrix ils lèvent une TypeError. np.exp(S) de numpy s’applique à chaque élément\u00a0; avec mathjs, écrivez math.map(S, (x) => math.exp(x)) (ou S.map((row) => row.map(Math.exp)) pour un number[][]).'],
  ], ['\\exp(S)_{ij} = e^{S_{ij}}']),
  'transpose-rank': doc('math.transpose needs a vector or a 2-D matrix', 'math.transpose attend un vecteur ou une matrice 2-D', [
    ['math.transpose swaps the two axes of a 2-D matrix (a vector is returned as is); on 3 or more dimensions mathjs throws a RangeError. To swap the last two axes of a batch, transpose each matrix: batch.map((M) => math.transpose(M)).', 'math.transpose échange les deux axes d’une matrice 2-D (un vecteur est rendu tel quel)\u00a0; à partir de 3 dimensions mathjs lève une RangeError. Pour échanger les deux derniers axes d’un lot, transposez chaque matrice\u00a0: batch.map((M) => math.transpose(M)).'],
  ], ['(K^{\\top})_{ij} = K_{ji}']),
  'divide-by-matrix': doc('math.divide by a matrix is a product by its inverse', 'math.divide par une matrice est un produit par son inverse', [
    ['math.divide(A, B) with a matrix B computes A · B⁻¹, so B must be square (RangeError otherwise). To divide entry by entry, as numpy’s A / B does, use math.dotDivide(A, B).', 'math.divide(A, B) avec une matrice B calcule A · B⁻¹\u00a0: B doit être carrée (sinon RangeError). Pour diviser élément par élément, comme A / B en numpy, utilisez math.dotDivide(A, B).'],
  ], ['\\mathrm{divide}(A, B) = A\\,B^{-1}', '\\mathrm{dotDivide}(A, B)_{ij} = A_{ij} / B_{ij}']),
  'singular-matrix': doc('Matrix not invertible', 'Matrice non inversible', [
    ['Its determinant is zero (a row is a combination of the others), so it has no inverse: mathjs throws “Cannot calculate inverse, determinant is zero”. math.divide(A, B) inverts B: did you mean the elementwise math.dotDivide?', 'Son déterminant est nul (une ligne est combinaison des autres)\u00a0: elle n’a pas d’inverse et mathjs lève «\u00a0Cannot calculate inverse, determinant is zero\u00a0». math.divide(A, B) inverse B\u00a0: vouliez-vous la division élément par élément math.dotDivide\u00a0?'],
  ], ['\\det B = 0 \\Rightarrow B^{-1} \\text{ n’existe pas}']),
  'ragged-array': doc('Rows of different lengths', 'Lignes de longueurs différentes', [
    ['A matrix needs every row to have the same length. mathjs throws a DimensionError on [[1, 2], [3]]; numpy refuses to build a numeric array from it (“inhomogeneous shape”). Check the code that builds the rows.', 'Une matrice exige que toutes les lignes aient la même longueur. mathjs lève une DimensionError sur [[1, 2], [3]]\u00a0; numpy refuse d’en faire un tableau numérique («\u00a0inhomogeneous shape\u00a0»). Vérifiez le code qui construit les lignes.'],
  ]),
  'mathjs-type': doc('Argument of the wrong type for mathjs', 'Argument d’un type inattendu pour mathjs', [
    ['mathjs functions are typed: a string, an object or a number where an array or a Matrix is expected (or the reverse) throws a TypeError naming the argument’s position.', 'Les fonctions de mathjs sont typées\u00a0: une chaîne, un objet ou un nombre là où un tableau ou une Matrix est attendu (ou l’inverse) lève une TypeError qui donne la position de l’argument.'],
  ]),
  'mathjs-arity': doc('Wrong number of arguments for mathjs', 'Mauvais nombre d’arguments pour mathjs', [
    ['math.add, math.multiply, math.divide… need at least two operands; a missing one throws “Too few arguments”.', 'math.add, math.multiply, math.divide… demandent au moins deux opérandes\u00a0; s’il en manque un, mathjs lève «\u00a0Too few arguments\u00a0».'],
  ]),
  'empty-reduction': doc('Reduction of an empty array', 'Réduction d’un tableau vide', [
    ['The max, min or mean of nothing is undefined: numpy raises ValueError (“zero-size array to reduction operation maximum which has no identity”), mathjs “Cannot calculate max of an empty array”. The sum of nothing is 0 and the product 1.', 'Le max, le min ou la moyenne de rien n’est pas défini\u00a0: numpy lève une ValueError («\u00a0zero-size array to reduction operation maximum which has no identity\u00a0»), mathjs «\u00a0Cannot calculate max of an empty array\u00a0». La somme de rien vaut 0 et le produit 1.'],
  ]),
  'norm-order': doc('Unsupported norm order', 'Ordre de norme non pris en charge', [
    ['A matrix has the norms 1 (largest column sum), 2 (largest singular value), ∞ (largest row sum) and Frobenius (\'fro\'); a vector any p-norm. np.linalg.norm also refuses arrays of more than 2 dimensions without axis=; mathjs refuses other orders for a matrix.', 'Une matrice a les normes 1 (plus grande somme de colonne), 2 (plus grande valeur singulière), ∞ (plus grande somme de ligne) et de Frobenius (\'fro\')\u00a0; un vecteur, toute norme p. np.linalg.norm refuse aussi les tableaux de plus de 2 dimensions sans axis=\u00a0; mathjs refuse les autres ordres pour une matrice.'],
  ], ['\\lVert x \\rVert_p = \\Big(\\sum_i |x_i|^p\\Big)^{1/p}', '\\lVert A \\rVert_2 = \\sqrt{\\lambda_{\\max}(A^{\\top}A)}']),
  // linear algebra
  'linalg-square': doc('Square matrix required', 'Matrice carrée requise', [
    ['Inverse, determinant, eigenvalues, matrix powers (and mathjs’ 2-norm) are defined for square matrices only: the last two sizes must be equal.', 'Inverse, déterminant, valeurs propres, puissances de matrice (et la norme 2 de mathjs) ne sont définis que pour des matrices carrées\u00a0: les deux dernières tailles doivent être égales.'],
  ]),
  'linalg-dims': doc('At least a matrix is required', 'Il faut au moins une matrice', [
    ['np.linalg works on matrices (2 dimensions) or stacks of them; a vector or a scalar raises LinAlgError. An empty matrix has no norm in mathjs either.', 'np.linalg travaille sur des matrices (2 dimensions) ou des piles de matrices\u00a0; un vecteur ou un scalaire lève une LinAlgError. Une matrice vide n’a pas non plus de norme dans mathjs.'],
  ]),
  'linalg-singular': doc('Singular matrix', 'Matrice singulière', [
    ['np.linalg.inv and np.linalg.solve need an invertible matrix; a zero determinant (dependent rows) raises LinAlgError “Singular matrix”.', 'np.linalg.inv et np.linalg.solve demandent une matrice inversible\u00a0; un déterminant nul (lignes liées) lève LinAlgError «\u00a0Singular matrix\u00a0».'],
  ], ['\\det A = 0']),
  'linalg-solve-shape': doc('np.linalg.solve: right-hand side of the wrong shape', 'np.linalg.solve\u00a0: second membre de mauvaise forme', [
    ['solve(A, b) needs A square (n, n) and b with n rows: (n,) or (n, k).', 'solve(A, b) demande A carrée (n, n) et b avec n lignes\u00a0: (n,) ou (n, k).'],
  ], ['A x = b']),
  'matmul-scalar': doc('Matrix product with a scalar', 'Produit matriciel avec un scalaire', [
    ['@ (np.matmul) needs at least one dimension on each side; to scale by a number use *.', '@ (np.matmul) demande au moins une dimension de chaque côté\u00a0; pour multiplier par un nombre, utilisez *.'],
  ]),
  'trace-dims': doc('Diagonal of a vector', 'Diagonale d’un vecteur', [['np.trace and np.diagonal need at least 2 dimensions.', 'np.trace et np.diagonal demandent au moins 2 dimensions.']]),
  'trace-axes': doc('Same axis twice', 'Deux fois le même axe', [['axis1 and axis2 of np.trace / np.diagonal must be two different axes.', 'axis1 et axis2 de np.trace / np.diagonal doivent être deux axes différents.']]),
  'diag-dims': doc('np.diag needs 1 or 2 dimensions', 'np.diag attend 1 ou 2 dimensions', [['np.diag builds a diagonal matrix from a vector, or reads the diagonal of a matrix; other ranks raise ValueError.', 'np.diag construit une matrice diagonale à partir d’un vecteur ou lit la diagonale d’une matrice\u00a0; les autres rangs lèvent une ValueError.']]),
  // shapes and axes
  'head-split': doc('Heads do not divide d_model', 'Les têtes ne divisent pas d_model', [
    ['Splitting (n, d_model) into h heads of d_head needs d_model = h · d_head exactly: reshape cannot change the number of elements. In TP4, d_model = 6 and 2 heads give d_head = 3.', 'Découper (n, d_model) en h têtes de taille d_head exige d_model = h · d_head exactement\u00a0: reshape ne change pas le nombre d’éléments. Dans le TP4, d_model = 6 et 2 têtes donnent d_head = 3.'],
  ], ['d_{head} = d_{model} / h']),
  'duplicate-axis': doc('An axis given twice', 'Un axe donné deux fois', [['A tuple of axes (sum(axis=(0, 0)), transpose) must name each axis once; -1 and the last index are the same axis.', 'Un tuple d’axes (sum(axis=(0, 0)), transpose) doit nommer chaque axe une fois\u00a0; -1 et le dernier indice sont le même axe.']]),
  'repeated-axis': doc('Repeated axis', 'Axe répété', [['expand_dims and similar functions need distinct axes.', 'expand_dims et les fonctions semblables demandent des axes distincts.']]),
  'moveaxis-args': doc('np.moveaxis: invalid axes', 'np.moveaxis\u00a0: axes invalides', [['source and destination must have the same number of distinct axes.', 'source et destination doivent avoir le même nombre d’axes distincts.']]),
  'transpose-axes': doc('Axes are not a permutation', 'Les axes ne sont pas une permutation', [
    ['transpose(axes) needs every axis exactly once: for heads (h, n, d) → (n, h, d) write transpose(1, 0, 2).', 'transpose(axes) demande chaque axe exactement une fois\u00a0: pour des têtes (h, n, d) → (n, h, d), écrivez transpose(1, 0, 2).'],
  ]),
  'squeeze-size': doc('Cannot squeeze an axis larger than 1', 'Impossible de supprimer un axe de taille supérieure à 1', [['squeeze(axis=k) only removes axes of size 1.', 'squeeze(axis=k) ne supprime que des axes de taille 1.']]),
  'negative-dimension': doc('Negative size', 'Taille négative', [['Array sizes must be ≥ 0: a computed size (n - k) may have gone negative.', 'Les tailles d’un tableau doivent être ≥ 0\u00a0: une taille calculée (n - k) est peut-être devenue négative.']]),
  'repeat-shape': doc('np.repeat: repeats do not match', 'np.repeat\u00a0: répétitions incompatibles', [['repeats is one number, or one count per element along the axis.', 'repeats est un nombre, ou un nombre de répétitions par élément le long de l’axe.']]),
  'concat-ndim': doc('Concatenating arrays of different ranks', 'Concaténation de tableaux de rangs différents', [['np.concatenate needs arrays with the same number of dimensions; np.stack adds a new axis instead.', 'np.concatenate demande des tableaux de même nombre de dimensions\u00a0; np.stack ajoute un nouvel axe à la place.']]),
  'concat-zero-d': doc('Concatenating scalars', 'Concaténation de scalaires', [['0-d arrays have no axis to join along: use np.array([a, b]) or np.stack.', 'Les tableaux 0-d n’ont pas d’axe à joindre\u00a0: utilisez np.array([a, b]) ou np.stack.']]),
  'concat-empty': doc('Nothing to concatenate', 'Rien à concaténer', [['np.concatenate / np.stack of an empty list: the list of heads was probably never filled (the loop did not run).', 'np.concatenate / np.stack d’une liste vide\u00a0: la liste des têtes n’a sans doute jamais été remplie (la boucle ne s’est pas exécutée).']]),
  'split-sections': doc('np.split: invalid number of sections', 'np.split\u00a0: nombre de sections invalide', [['The number of sections must be at least 1.', 'Le nombre de sections doit être au moins 1.']]),
  'split-unequal': doc('np.split: unequal division', 'np.split\u00a0: division inégale', [['np.split(x, k) needs the axis size to be a multiple of k (np.array_split allows unequal parts).', 'np.split(x, k) demande une taille d’axe multiple de k (np.array_split accepte des parts inégales).']]),
  'bad-ndim': doc('Wrong number of dimensions', 'Mauvais nombre de dimensions', [['This function needs a different rank (for example fill_diagonal needs at least 2 dimensions).', 'Cette fonction demande un autre rang (fill_diagonal par exemple demande au moins 2 dimensions).']]),
  'bad-shape': doc('Invalid shape for this function', 'Forme invalide pour cette fonction', [['For example fill_diagonal on more than 2 dimensions needs all sizes equal.', 'Par exemple fill_diagonal sur plus de 2 dimensions demande des tailles toutes égales.']]),
  'empty-pad': doc('np.pad: empty axis', 'np.pad\u00a0: axe vide', [['Only mode="constant" can pad an axis of size 0.', 'Seul mode="constant" peut compléter un axe de taille 0.']]),
  'negative-pad': doc('np.pad: negative width', 'np.pad\u00a0: largeur négative', [['pad widths must be ≥ 0.', 'Les largeurs de remplissage doivent être ≥ 0.']]),
  'bad-mode': doc('Unsupported mode', 'Mode non pris en charge', [['The mode string is not one numpy knows for this function.', 'La chaîne de mode n’est pas connue de numpy pour cette fonction.']]),
  // indexing
  'index-out-of-range': doc('Index out of range', 'Indice hors limites', [
    ['An axis of size n accepts indices 0 … n−1 (numpy also −n … −1). numpy raises IndexError; mathjs throws IndexError (negative indices are errors there) or DimensionError when an index or a replacement does not match the dimensions.', 'Un axe de taille n accepte les indices 0 … n−1 (numpy aussi −n … −1). numpy lève une IndexError\u00a0; mathjs lève IndexError (les indices négatifs y sont des erreurs) ou DimensionError quand un index ou un remplacement ne correspond pas aux dimensions.'],
  ]),
  'index-too-many': doc('Too many indices', 'Trop d’indices', [['An array of rank r takes at most r indices (plus None / ...).', 'Un tableau de rang r accepte au plus r indices (plus None / ...).']]),
  'index-type': doc('Invalid index type', 'Type d’indice invalide', [['numpy indices are integers, slices, ..., None, or integer / boolean arrays; a float index raises IndexError.', 'Les indices numpy sont des entiers, des tranches, ..., None ou des tableaux d’entiers / de booléens\u00a0; un indice flottant lève une IndexError.']]),
  'index-ellipsis': doc('Two ellipses in one index', 'Deux ellipses dans un indice', [['An index may contain a single ... .', 'Un indice ne peut contenir qu’une seule ellipse ... .']]),
  'index-broadcast': doc('Index arrays cannot be broadcast', 'Tableaux d’indices incompatibles', [['Several integer-array indices are broadcast together (fancy indexing); their shapes must be compatible.', 'Plusieurs tableaux d’indices entiers sont diffusés ensemble (indexation avancée)\u00a0; leurs formes doivent être compatibles.']]),
  'index-bool-shape': doc('Boolean mask of the wrong shape', 'Masque booléen de mauvaise forme', [['A boolean index must have the shape of the axes it selects.', 'Un indice booléen doit avoir la forme des axes qu’il sélectionne.']]),
  'setitem-mask-count': doc('Masked assignment: wrong number of values', 'Affectation masquée\u00a0: mauvais nombre de valeurs', [['x[mask] = values needs one value per True entry (or a single value).', 'x[mask] = valeurs demande une valeur par entrée True (ou une seule valeur).']]),
  // dtypes and casting
  'casting': doc('Cannot cast in place', 'Conversion impossible en place', [
    ['An in-place operation (x += y, out=) must write its result in x’s dtype: adding floats into an integer array raises UFuncTypeError. Create x as float (np.zeros(n) is float64) or write x = x + y.', 'Une opération en place (x += y, out=) doit écrire son résultat dans le dtype de x\u00a0: ajouter des flottants à un tableau d’entiers lève une UFuncTypeError. Créez x en flottant (np.zeros(n) est float64) ou écrivez x = x + y.'],
  ]),
  'ufunc-type': doc('No loop for these dtypes', 'Pas de boucle pour ces dtypes', [['This numpy function is not defined for the operands’ dtypes (for example a bitwise operation on floats).', 'Cette fonction numpy n’est pas définie pour les dtypes des opérandes (par exemple une opération bit à bit sur des flottants).']]),
  'bad-dtype': doc('Unsupported dtype', 'dtype non pris en charge', [['This function does not accept the requested dtype.', 'Cette fonction n’accepte pas le dtype demandé.']]),
  'bad-cast': doc('Cannot convert to an integer', 'Conversion en entier impossible', [['nan and ±inf have no integer value: int(np.nan) raises ValueError.', 'nan et ±inf n’ont pas de valeur entière\u00a0: int(np.nan) lève une ValueError.']]),
  'negative-int-power': doc('Integer to a negative power', 'Entier élevé à une puissance négative', [['numpy refuses integers to negative integer powers (the result would not be an integer): write 2.0 ** -1 or use floats.', 'numpy refuse les entiers élevés à une puissance entière négative (le résultat ne serait pas entier)\u00a0: écrivez 2.0 ** -1 ou utilisez des flottants.']]),
  'bad-out': doc('Invalid out= argument', 'Argument out= invalide', [['out= must be an array of the result’s shape (or a 1-tuple holding one).', 'out= doit être un tableau de la forme du résultat (ou un 1-tuple qui en contient un).']]),
  'bad-fill': doc('fill() with a sequence', 'fill() avec une séquence', [['ndarray.fill sets every element to ONE value.', 'ndarray.fill donne à tous les éléments UNE seule valeur.']]),
  // creation
  'arange-length': doc('np.arange: length not computable', 'np.arange\u00a0: longueur incalculable', [['start, stop and step must be finite numbers.', 'start, stop et step doivent être des nombres finis.']]),
  'zero-step': doc('np.arange with step 0', 'np.arange avec un pas nul', [['A step of 0 would never reach stop: numpy raises ZeroDivisionError.', 'Un pas nul n’atteindrait jamais stop\u00a0: numpy lève une ZeroDivisionError.']]),
  'linspace-num': doc('np.linspace: negative number of samples', 'np.linspace\u00a0: nombre d’échantillons négatif', [['num must be ≥ 0.', 'num doit être ≥ 0.']]),
  // reductions, sorting, searching
  'reduction-where': doc('Reduction with where= and no initial', 'Réduction avec where= sans initial', [['max/min with a where= mask need initial= for rows where nothing is selected.', 'max/min avec un masque where= demandent initial= pour les lignes où rien n’est sélectionné.']]),
  'all-nan': doc('All-NaN slice', 'Tranche entièrement NaN', [['nanmax / nanmin / nanargmax of a slice with only NaN has no answer: numpy warns (or raises for nanarg*).', 'nanmax / nanmin / nanargmax d’une tranche qui ne contient que des NaN n’a pas de réponse\u00a0: numpy avertit (ou lève une erreur pour nanarg*).']]),
  'quantile-range': doc('Quantile out of range', 'Quantile hors limites', [['Quantiles lie in [0, 1] and percentiles in [0, 100].', 'Les quantiles sont dans [0, 1] et les centiles dans [0, 100].']]),
  'clip-bounds': doc('np.clip without bounds', 'np.clip sans bornes', [['At least one of a_min and a_max must be given.', 'Il faut donner au moins a_min ou a_max.']]),
  'where-args': doc('np.where: x and y together', 'np.where\u00a0: x et y ensemble', [['np.where(cond) gives indices; np.where(cond, x, y) chooses values: give both x and y, or neither.', 'np.where(cond) donne des indices\u00a0; np.where(cond, x, y) choisit des valeurs\u00a0: donnez x et y, ou aucun des deux.']]),
  'bad-sort-kind': doc('Unknown sort kind', 'Type de tri inconnu', [['kind is one of quicksort, mergesort, heapsort, stable.', 'kind vaut quicksort, mergesort, heapsort ou stable.']]),
  'bad-side': doc('np.searchsorted: invalid side', 'np.searchsorted\u00a0: side invalide', [['side is "left" or "right".', 'side vaut "left" ou "right".']]),
  'bad-minlength': doc('np.bincount: negative minlength', 'np.bincount\u00a0: minlength négatif', [['minlength must be ≥ 0.', 'minlength doit être ≥ 0.']]),
  'negative-count': doc('np.bincount of negative values', 'np.bincount de valeurs négatives', [['bincount counts non-negative integers only.', 'bincount ne compte que des entiers positifs ou nuls.']]),
  // random
  'random-unseeded': doc('Random numbers without a seed', 'Nombres aléatoires sans graine', [
    ['np.random.* without np.random.seed(…) (or np.random.default_rng() without a seed) gives new numbers on every run: the tutor cannot show them and your results are not reproducible. Seed once at the top.', 'np.random.* sans np.random.seed(…) (ou np.random.default_rng() sans graine) donne d’autres nombres à chaque exécution\u00a0: le tuteur ne peut pas les afficher et vos résultats ne sont pas reproductibles. Fixez la graine une fois en haut du fichier.'],
  ]),
  'random-seed': doc('Invalid seed', 'Graine invalide', [['A seed is a non-negative integer (below 2³²) or a 1-d sequence of them.', 'Une graine est un entier positif ou nul (inférieur à 2³²) ou une séquence 1-d de tels entiers.']]),
  'random-arg': doc('Invalid argument for a random function', 'Argument invalide pour une fonction aléatoire', [['For example shuffle / permutation need an array or an integer.', 'Par exemple shuffle / permutation demandent un tableau ou un entier.']]),
  'random-bounds': doc('Random integers: bounds out of range', 'Entiers aléatoires\u00a0: bornes hors limites', [['low must be < high, and both must fit the dtype.', 'low doit être < high, et les deux doivent tenir dans le dtype.']]),
  'random-range': doc('Random range not valid', 'Intervalle aléatoire invalide', [['high − low must be finite.', 'high − low doit être fini.']]),
  'random-scale': doc('Negative scale', 'Échelle négative', [['A standard deviation (scale) must be ≥ 0.', 'Un écart type (scale) doit être ≥ 0.']]),
  'random-choice': doc('np.random.choice: invalid arguments', 'np.random.choice\u00a0: arguments invalides', [['a is a 1-d sequence or a positive integer; without replace, size cannot exceed len(a); p must sum to 1.', 'a est une séquence 1-d ou un entier positif\u00a0; sans remise, size ne peut pas dépasser len(a)\u00a0; p doit sommer à 1.']]),
  // warnings and interpreter
  'runtime-warning': doc('numpy RuntimeWarning', 'RuntimeWarning de numpy', [
    ['The code runs but produced inf or nan: overflow (np.exp of a large score — subtract the row max before a softmax), division by zero, or the log of 0 or a negative number.', 'Le code s’exécute mais a produit inf ou nan\u00a0: dépassement (np.exp d’un grand score — soustrayez le max de la ligne avant une softmax), division par zéro, ou log de 0 ou d’un nombre négatif.'],
  ], ['\\mathrm{softmax}(z)_i = \\frac{e^{z_i - \\max z}}{\\sum_j e^{z_j - \\max z}}']),
  'type-error': doc('TypeError', 'TypeError', [['An operation got a value of a type it does not accept (a list where a number is expected, a call of something that is not a function…).', 'Une opération a reçu une valeur d’un type qu’elle n’accepte pas (une liste au lieu d’un nombre, l’appel de quelque chose qui n’est pas une fonction…).']]),
  'value-error': doc('ValueError', 'ValueError', [['The type is right but the value is not acceptable (for example unpacking the wrong number of values).', 'Le type est bon mais la valeur n’est pas acceptable (par exemple déballer un mauvais nombre de valeurs).']]),
  'index-error': doc('IndexError', 'IndexError', [['A list or string index past its end.', 'Un indice de liste ou de chaîne au-delà de sa fin.']]),
  'key-error': doc('KeyError', 'KeyError', [['The dictionary has no such key (a word missing from the vocabulary?).', 'Le dictionnaire n’a pas cette clé (un mot absent du vocabulaire ?).']]),
  'name-error': doc('Name not defined', 'Nom non défini', [['The name is used before it is assigned, or misspelled.', 'Le nom est utilisé avant d’être affecté, ou mal orthographié.']]),
  'attribute-error': doc('No such attribute', 'Attribut inexistant', [['The object has no attribute or method of that name (for example a Python list has no .shape: convert it with np.array).', 'L’objet n’a pas d’attribut ou de méthode de ce nom (une liste Python n’a pas de .shape\u00a0: convertissez-la avec np.array).']]),
  'zero-division': doc('Division by zero', 'Division par zéro', [['Python raises ZeroDivisionError for int or float division by 0 (numpy arrays give inf with a warning instead).', 'Python lève ZeroDivisionError pour une division d’entier ou de flottant par 0 (les tableaux numpy donnent inf avec un avertissement).']]),
  'overflow-error': doc('Number too large', 'Nombre trop grand', [['The result does not fit a float (for example math.exp(1000)).', 'Le résultat ne tient pas dans un flottant (par exemple math.exp(1000)).']]),
  'stop-iteration': doc('Iterator exhausted', 'Itérateur épuisé', [['next() was called on an iterator with no items left.', 'next() a été appelé sur un itérateur qui n’a plus d’éléments.']]),
  'import-error': doc('Import failed', 'Échec de l’import', [['The module or name cannot be imported.', 'Le module ou le nom ne peut pas être importé.']]),
  'syntax-error': doc('Syntax error', 'Erreur de syntaxe', [['The code cannot be parsed here.', 'Le code ne peut pas être analysé ici.']]),
  'uncaught-exception': doc('Exception raised by your code', 'Exception levée par votre code', [['A raise (or a failed assert) that no try/except catches stops the program here.', 'Un raise (ou un assert qui échoue) qu’aucun try/except n’attrape arrête le programme ici.']]),
  'syntax': doc('Syntax error', 'Erreur de syntaxe', [['The parser could not read this part; the tutor traces the rest of the file around it.', 'L’analyseur n’a pas pu lire cette partie\u00a0; le tuteur trace le reste du fichier autour.']]),
  'shape-unknown': doc('Shape unknown', 'Forme inconnue', [['The tutor cannot know this value without running code it does not model (a file read, an unseeded random draw, a library it does not know); the message says why. Nothing is wrong with your code.', 'Le tuteur ne peut pas connaître cette valeur sans exécuter du code qu’il ne modélise pas (lecture de fichier, tirage aléatoire sans graine, bibliothèque inconnue)\u00a0; le message dit pourquoi. Votre code n’a rien de faux.']]),
  'not-modelled': doc('Not modelled', 'Non modélisé', [['This function is not modelled by the tutor yet: its result is unknown, which is never reported as an error.', 'Cette fonction n’est pas encore modélisée par le tuteur\u00a0: son résultat est inconnu, ce qui n’est jamais signalé comme une erreur.']]),
  'budget-exceeded': doc('Trace stopped: time budget', 'Trace interrompue\u00a0: budget de temps', [['The file takes longer to trace than the budget: later lines are shown with unknown values. Large loops or arrays are the usual cause.', 'Le fichier est plus long à tracer que le budget\u00a0: les lignes suivantes sont affichées avec des valeurs inconnues. De grandes boucles ou de grands tableaux en sont la cause habituelle.']]),
  'internal': doc('Tutor internal error', 'Erreur interne du tuteur', [['The tutor failed on this line (a bug of the tutor, not of your code); the other lines are still traced.', 'Le tuteur a échoué sur cette ligne (un défaut du tuteur, pas de votre code)\u00a0; les autres lignes sont tracées.']]),
  'unknown-function': doc('Unknown function in the evaluator', 'Fonction inconnue dans l’évaluateur', [['The expression calls a function the evaluator does not know.', 'L’expression appelle une fonction que l’évaluateur ne connaît pas.']]),
};

/** The explanation of a code, or a short generic one built from the code itself. */
export function docFor(code: string): CodeDoc {
  return (
    CODE_DOCS[code] ?? {
      title: { en: code, fr: code },
      paragraphs: [{ en: 'The diagnostic’s message says what numpy (or mathjs) would do on this line.', fr: 'Le message du diagnostic dit ce que numpy (ou mathjs) ferait sur cette ligne.' }],
      latex: [],
    }
  );
}
