// Similarity and language-model metrics along the last axis: cosine similarity, the
// cross-entropy of one observed class, and perplexity exp(−mean log p) of the probabilities a
// model gave the observed tokens.

import type { Recorder } from '../recorder';
import { eq } from '../recorder';
import { Tensor } from '../tensor';
import { map, pairwiseSum, reduceLast, requireRank } from '../kernels';
import { argumentError, shapeError } from '../errors';
import { latexNumber } from '../../latex/numbers';

export function cosineSimilarity(u: Tensor, v: Tensor, rec?: Recorder, names = { u: 'u', v: 'v' }): Tensor {
  requireRank(u, 1, 'cosine_similarity', 'u');
  requireRank(v, 1, 'cosine_similarity', 'v');
  if (!Tensor.sameShape(u.shape, v.shape)) {
    throw shapeError(
      `cosine_similarity: u ${Tensor.formatShape(u.shape)} and v ${Tensor.formatShape(v.shape)} must have the same shape`,
      `cosine_similarity : u ${Tensor.formatShape(u.shape)} et v ${Tensor.formatShape(v.shape)} doivent avoir la même forme`,
    );
  }
  const prod = { shape: [...u.shape], data: u.data.map((x, i) => x * v.data[i]) };
  const dot = reduceLast(prod, 'sum');
  const nu = map(reduceLast(map(u, (x) => x * x), 'sum'), Math.sqrt);
  const nv = map(reduceLast(map(v, (x) => x * x), 'sum'), Math.sqrt);
  const strip = (t: Tensor): Tensor => ({ shape: t.shape.slice(0, -1), data: t.data });
  rec?.step({ en: 'Dot product', fr: 'Produit scalaire' }, eq(`${names.u} \\cdot ${names.v}`, strip(dot)));
  rec?.step({ en: 'Norms', fr: 'Normes' }, `\\lVert ${names.u} \\rVert = ${latexList(nu)},\\; \\lVert ${names.v} \\rVert = ${latexList(nv)}`);
  const out = strip({ shape: dot.shape, data: dot.data.map((d, i) => d / (nu.data[i] * nv.data[i])) });
  rec?.step({ en: 'Divide by the product of the norms', fr: 'Diviser par le produit des normes' }, eq(`\\cos(${names.u}, ${names.v}) = \\frac{${names.u} \\cdot ${names.v}}{\\lVert ${names.u} \\rVert \\lVert ${names.v} \\rVert}`, out));
  return out;
}

function latexList(t: Tensor): string {
  return t.data.length === 1 ? latexNumber(t.data[0]) : `(${Array.from(t.data.slice(0, 8), (x) => latexNumber(x)).join(', ')}${t.data.length > 8 ? ', \\ldots' : ''})`;
}

export function crossEntropy(p: Tensor, k: number, rec?: Recorder, name = 'p'): number {
  requireRank(p, 1, 'cross_entropy', 'p');
  if (p.shape.length !== 1) throw shapeError(`cross_entropy: p must be one probability vector, got shape ${Tensor.formatShape(p.shape)}`, `cross_entropy : p doit être un vecteur de probabilités, forme reçue ${Tensor.formatShape(p.shape)}`);
  const n = p.shape[0];
  if (!Number.isInteger(k) || k < 0 || k >= n) {
    throw argumentError(`cross_entropy: class index ${k} is out of range for ${n} classes (zero-based: 0 … ${n - 1})`, `cross_entropy : l’indice de classe ${k} est hors limites pour ${n} classes (à partir de 0 : 0 … ${n - 1})`);
  }
  const pk = p.data[k];
  rec?.step({ en: 'Probability of the true class', fr: 'Probabilité de la vraie classe' }, `{${name}}_{${k}} = ${latexNumber(pk)}`, Tensor.scalar(pk));
  const out = -Math.log(pk);
  rec?.step({ en: 'Negative log', fr: 'Opposé du logarithme' }, `-\\log {${name}}_{${k}} = ${latexNumber(out)}`, Tensor.scalar(out));
  return out;
}

export function perplexity(p: Tensor, rec?: Recorder, name = 'p'): number {
  if (p.data.length === 0) throw argumentError('perplexity: needs at least one probability', 'perplexity : il faut au moins une probabilité');
  const logs = map(p, Math.log);
  rec?.step({ en: 'Log-probabilities', fr: 'Log-probabilités' }, eq(`\\log {${name}}_t`, logs));
  const mean = pairwiseSum(logs.data, 0, logs.data.length) / logs.data.length;
  rec?.step({ en: 'Mean log-probability', fr: 'Log-probabilité moyenne' }, `\\frac{1}{N}\\sum_t \\log {${name}}_t = ${latexNumber(mean)}`, Tensor.scalar(mean));
  const out = Math.exp(-mean);
  rec?.step({ en: 'Exponentiate the negative mean', fr: 'Exponentielle de l’opposé de la moyenne' }, `\\mathrm{PPL} = e^{-\\frac{1}{N}\\sum_t \\log {${name}}_t} = ${latexNumber(out)}`, Tensor.scalar(out), {
    en: `In bits: log₂ PPL = ${(Math.log2(out)).toPrecision(4)} bits per token.`,
    fr: `En bits\u00a0: log₂ PPL = ${(Math.log2(out)).toPrecision(4)} bits par token.`,
  });
  return out;
}

export const COSINE_GENERAL = '\\cos(u, v) = \\frac{u \\cdot v}{\\lVert u \\rVert\\, \\lVert v \\rVert}';
export const CROSS_ENTROPY_GENERAL = '\\mathcal{L} = -\\log p_y';
export const PERPLEXITY_GENERAL = '\\mathrm{PPL} = \\exp\\!\\left(-\\frac{1}{N} \\sum_{t=1}^{N} \\log p(w_t)\\right) = 2^{H}';
