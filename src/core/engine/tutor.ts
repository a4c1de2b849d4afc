// The tutor functions of the CLI contract's `eval` table, as one table: name, arity, a line of
// documentation and the call on engine values. The expression evaluator and the derivations
// both go through it, so `eval` and the editor compute the same thing.

import type { L10nText } from '../values';
import type { Recorder } from './recorder';
import { Tensor } from './tensor';
import { argumentError } from './errors';
import { softmax } from './functions/softmax';
import { attention, causalMask, scaledScores } from './functions/attention';
import { gelu, geluTanh, layerNorm, relu, sigmoid } from './functions/elementwise';
import { adamStep, positionalEncoding } from './functions/training';
import { cosineSimilarity, crossEntropy, perplexity } from './functions/metrics';

/** What the engine computes with: tensors, plain numbers, and records (Adam's {theta, m, v}). */
export type EngineValue = Tensor | number | boolean | string | EngineRecord;
export interface EngineRecord {
  [key: string]: EngineValue;
}

export interface TutorFunction {
  name: string;
  /** accepted argument counts */
  arity: readonly number[];
  doc: L10nText;
  call(args: EngineValue[], rec?: Recorder): EngineValue;
}

function tensorArg(v: EngineValue, fn: string, what: string): Tensor {
  if (typeof v === 'number') return Tensor.scalar(v);
  if (typeof v === 'boolean') return Tensor.scalar(v ? 1 : 0);
  if (typeof v === 'object' && v !== null && (v as Tensor).data instanceof Float64Array) return v as Tensor;
  throw argumentError(`${fn}: ${what} must be a number or a matrix`, `${fn} : ${what} doit être un nombre ou une matrice`);
}

function numberArg(v: EngineValue, fn: string, what: string): number {
  if (typeof v === 'number') return v;
  const t = typeof v === 'object' && (v as Tensor).data instanceof Float64Array ? (v as Tensor) : undefined;
  if (t && t.data.length === 1) return t.data[0];
  throw argumentError(`${fn}: ${what} must be a number`, `${fn} : ${what} doit être un nombre`);
}

/** A 0-d result is returned as a plain number, as numpy returns a scalar. */
const out = (t: Tensor): EngineValue => (t.shape.length === 0 ? t.data[0] : t);

const FUNCTIONS: TutorFunction[] = [
  {
    name: 'softmax', arity: [1],
    doc: { en: 'numerically stable softmax along the last axis; -Infinity gives weight 0', fr: 'softmax stable numériquement sur le dernier axe\u00a0; -Infinity donne un poids 0' },
    call: ([x], rec) => out(softmax(tensorArg(x, 'softmax', 'x'), { rec })),
  },
  {
    name: 'scaled_scores', arity: [2],
    doc: { en: 'Q Kᵀ / sqrt(d_k), d_k = columns of K', fr: 'Q Kᵀ / sqrt(d_k), d_k = nombre de colonnes de K' },
    call: ([q, k], rec) => out(scaledScores(tensorArg(q, 'scaled_scores', 'Q'), tensorArg(k, 'scaled_scores', 'K'), { rec })),
  },
  {
    name: 'attention', arity: [3, 4],
    doc: { en: 'softmax(Q Kᵀ / sqrt(d_k) + M) V, M an optional additive mask', fr: 'softmax(Q Kᵀ / sqrt(d_k) + M) V, M un masque additif facultatif' },
    call: ([q, k, v, m], rec) =>
      out(attention(tensorArg(q, 'attention', 'Q'), tensorArg(k, 'attention', 'K'), tensorArg(v, 'attention', 'V'), m === undefined ? undefined : tensorArg(m, 'attention', 'M'), { rec }).output),
  },
  {
    name: 'causal_mask', arity: [1],
    doc: { en: 'n×n mask: 0 on and below the diagonal, -Infinity above', fr: 'masque n×n\u00a0: 0 sur et sous la diagonale, -Infinity au-dessus' },
    call: ([n]) => causalMask(numberArg(n, 'causal_mask', 'n')),
  },
  {
    name: 'positional_encoding', arity: [2],
    doc: { en: 'n×d_model sinusoidal positional encoding table', fr: 'table n×d_model de l’encodage de position sinusoïdal' },
    call: ([n, d], rec) => positionalEncoding(numberArg(n, 'positional_encoding', 'n'), numberArg(d, 'positional_encoding', 'd_model'), rec),
  },
  {
    name: 'adam_step', arity: [6, 9],
    doc: { en: 'one Adam update with bias correction; returns {theta, m, v}', fr: 'une mise à jour Adam avec correction de biais\u00a0; renvoie {theta, m, v}' },
    call: (a, rec) => {
      const f = 'adam_step';
      const r = adamStep(tensorArg(a[0], f, 'theta'), tensorArg(a[1], f, 'g'), tensorArg(a[2], f, 'm'), tensorArg(a[3], f, 'v'), numberArg(a[4], f, 't'), {
        lr: numberArg(a[5], f, 'lr'),
        beta1: a[6] === undefined ? undefined : numberArg(a[6], f, 'beta1'),
        beta2: a[7] === undefined ? undefined : numberArg(a[7], f, 'beta2'),
        eps: a[8] === undefined ? undefined : numberArg(a[8], f, 'eps'),
      }, rec);
      return { theta: out(r.theta), m: out(r.m), v: out(r.v) };
    },
  },
  {
    name: 'layer_norm', arity: [1, 2],
    doc: { en: 'normalise the last axis to mean 0, variance 1 (biased variance, eps 1e-5)', fr: 'normalise le dernier axe\u00a0: moyenne 0, variance 1 (variance biaisée, eps 1e-5)' },
    call: ([x, eps], rec) => out(layerNorm(tensorArg(x, 'layer_norm', 'x'), eps === undefined ? 1e-5 : numberArg(eps, 'layer_norm', 'eps'), rec)),
  },
  { name: 'gelu', arity: [1], doc: { en: 'exact GELU, x·Φ(x)', fr: 'GELU exacte, x·Φ(x)' }, call: ([x], rec) => out(gelu(tensorArg(x, 'gelu', 'x'), rec)) },
  {
    name: 'gelu_tanh', arity: [1],
    doc: { en: 'GELU, tanh approximation', fr: 'GELU, approximation tanh' },
    call: ([x], rec) => out(geluTanh(tensorArg(x, 'gelu_tanh', 'x'), rec)),
  },
  { name: 'sigmoid', arity: [1], doc: { en: '1 / (1 + e^{-x}), elementwise', fr: '1 / (1 + e^{-x}), élément par élément' }, call: ([x], rec) => out(sigmoid(tensorArg(x, 'sigmoid', 'x'), rec)) },
  { name: 'relu', arity: [1], doc: { en: 'max(0, x), elementwise', fr: 'max(0, x), élément par élément' }, call: ([x], rec) => out(relu(tensorArg(x, 'relu', 'x'), rec)) },
  {
    name: 'cosine_similarity', arity: [2],
    doc: { en: 'u·v / (‖u‖‖v‖) along the last axis', fr: 'u·v / (‖u‖‖v‖) sur le dernier axe' },
    call: ([u, v], rec) => out(cosineSimilarity(tensorArg(u, 'cosine_similarity', 'u'), tensorArg(v, 'cosine_similarity', 'v'), rec)),
  },
  {
    name: 'cross_entropy', arity: [2],
    doc: { en: '−log p[k], k a zero-based class index', fr: '−log p[k], k indice de classe à partir de 0' },
    call: ([p, k], rec) => crossEntropy(tensorArg(p, 'cross_entropy', 'p'), numberArg(k, 'cross_entropy', 'k'), rec),
  },
  {
    name: 'perplexity', arity: [1],
    doc: { en: 'exp(−mean(log p)) of the probabilities of the observed tokens', fr: 'exp(−moyenne(log p)) des probabilités des tokens observés' },
    call: ([p], rec) => perplexity(tensorArg(p, 'perplexity', 'p'), rec),
  },
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function findTutorFunction(name: string): TutorFunction | undefined {
  return BY_NAME.get(name);
}

export function tutorFunctions(): readonly TutorFunction[] {
  return FUNCTIONS;
}
