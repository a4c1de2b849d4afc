// Scaled dot-product attention and its parts: scores Q·Kᵀ/√d_k, the causal mask, and
// softmax(scores + M)·V, over the last two axes with any leading (batch / head) axes.
// Shapes are checked up front with messages naming the operands and their sizes.

import type { Recorder } from '../recorder';
import { eq } from '../recorder';
import { Tensor } from '../tensor';
import { binary, matmul, requireRank, transposeLast2 } from '../kernels';
import { shapeError, argumentError } from '../errors';
import { latexNumber } from '../../latex/numbers';
import { softmax } from './softmax';

export interface AttentionNames {
  Q?: string;
  K?: string;
  V?: string;
  M?: string;
  d?: string;
}

export interface ScoresOptions {
  rec?: Recorder;
  names?: AttentionNames;
  /** the divisor's value when the code states one (np.sqrt(d_k)); default √(columns of K) */
  divisor?: number;
  /** false for code that does not scale (to derive what it computes) */
  scale?: boolean;
}

function check(Q: Tensor, K: Tensor, fn: string): void {
  requireRank(Q, 1, fn, 'Q');
  requireRank(K, 1, fn, 'K');
  const dq = Q.shape[Q.shape.length - 1], dk = K.shape[K.shape.length - 1];
  if (dq !== dk) {
    throw shapeError(
      `${fn}: Q has ${dq} columns but K has ${dk} — each query is compared with each key by a dot product, so both need the same d_k (Q ${Tensor.formatShape(Q.shape)}, K ${Tensor.formatShape(K.shape)})`,
      `${fn} : Q a ${dq} colonnes mais K en a ${dk} — chaque requête est comparée à chaque clé par un produit scalaire, les deux doivent avoir le même d_k (Q ${Tensor.formatShape(Q.shape)}, K ${Tensor.formatShape(K.shape)})`,
    );
  }
}

export function scaledScores(Q: Tensor, K: Tensor, opts: ScoresOptions = {}): Tensor {
  check(Q, K, 'scaled_scores');
  const { rec } = opts;
  const q = opts.names?.Q ?? 'Q', k = opts.names?.K ?? 'K', d = opts.names?.d ?? 'd_k';
  const dk = K.shape[K.shape.length - 1];
  if (rec && K.shape.length >= 2) rec.step({ en: 'Transpose K', fr: 'Transposer K' }, eq(`${k}^\\top`, transposeLast2(K)));
  // Q·Kᵀ with K's rows used directly (no transposed copy on the fast path)
  const raw = K.shape.length >= 2 ? matmul(Q, K, 'scaled_scores', true) : matmul(Q, K, 'scaled_scores');
  rec?.step({ en: 'Dot product of every query with every key', fr: 'Produit scalaire de chaque requête avec chaque clé' }, eq(`${q}${k}^\\top`, raw));
  if (opts.scale === false) return raw;
  const div = opts.divisor ?? Math.sqrt(dk);
  rec?.step(
    { en: 'Scale factor √d_k', fr: 'Facteur d’échelle √d_k' },
    `\\sqrt{${d}} = \\sqrt{${latexNumber(div * div)}} = ${latexNumber(div)}`,
    Tensor.scalar(div),
    { en: 'Dividing by √d_k keeps the scores’ variance near 1, so the softmax does not saturate.', fr: 'Diviser par √d_k garde une variance des scores proche de 1\u00a0: la softmax ne sature pas.' },
  );
  // raw is ours alone when nothing recorded it: scale in place instead of allocating
  const out = rec ? new Float64Array(raw.data.length) : raw.data;
  for (let i = 0; i < out.length; i++) out[i] = raw.data[i] / div;
  const scores: Tensor = { shape: raw.shape, data: out };
  rec?.step({ en: 'Divide the scores by √d_k', fr: 'Diviser les scores par √d_k' }, eq(`\\frac{${q}${k}^\\top}{\\sqrt{${d}}}`, scores));
  return scores;
}

/** n×n additive causal mask: 0 on and below the diagonal, -Infinity above (a query sees no future key). */
export function causalMask(n: number): Tensor {
  if (!Number.isInteger(n) || n < 0) throw argumentError(`causal_mask: n must be a non-negative integer, got ${n}`, `causal_mask : n doit être un entier positif ou nul, reçu ${n}`);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) data[i * n + j] = -Infinity;
  return { shape: [n, n], data };
}

export interface AttentionResult {
  output: Tensor;
  weights: Tensor;
  scores: Tensor;
}

export function attention(Q: Tensor, K: Tensor, V: Tensor, M: Tensor | undefined, opts: ScoresOptions = {}): AttentionResult {
  check(Q, K, 'attention');
  requireRank(V, 2, 'attention', 'V');
  requireRank(K, 2, 'attention', 'K');
  const nk = K.shape[K.shape.length - 2], nv = V.shape[V.shape.length - 2];
  if (nk !== nv) {
    throw shapeError(
      `attention: K has ${nk} rows (keys) but V has ${nv} — every key needs its value (K ${Tensor.formatShape(K.shape)}, V ${Tensor.formatShape(V.shape)})`,
      `attention : K a ${nk} lignes (clés) mais V en a ${nv} — chaque clé a besoin de sa valeur (K ${Tensor.formatShape(K.shape)}, V ${Tensor.formatShape(V.shape)})`,
    );
  }
  const { rec } = opts;
  let scores = scaledScores(Q, K, opts);
  if (M) {
    scores = binary(scores, M, (x, y) => x + y, 'attention (mask)');
    rec?.step({ en: 'Add the mask (-∞ hides a key)', fr: 'Ajouter le masque (-∞ cache une clé)' }, eq(`S + ${opts.names?.M ?? 'M'}`, scores));
  }
  const weights = softmax(scores, { rec, name: 'S' });
  const output = matmul(weights, V, 'attention');
  rec?.step({ en: 'Weighted sum of the values', fr: 'Somme pondérée des valeurs' }, eq(`\\mathrm{softmax}(S)\\,${opts.names?.V ?? 'V'}`, output));
  return { output, weights, scores };
}

export const ATTENTION_GENERAL = '\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}} + M\\right) V';
export const ATTENTION_GENERAL_UNMASKED = '\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right) V';
export const SCORES_GENERAL = 'S = \\frac{QK^\\top}{\\sqrt{d_k}}';
