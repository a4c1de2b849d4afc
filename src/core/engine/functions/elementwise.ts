// Activations and normalisation along the last axis: GELU (exact with erf, and the tanh
// approximation), sigmoid, ReLU, layer norm (biased variance, as numpy's var and PyTorch's
// LayerNorm). erf is computed to full double precision since JS has none.

import type { Recorder } from '../recorder';
import { eq } from '../recorder';
import { Tensor } from '../tensor';
import { map, reduceLast, requireRank } from '../kernels';

/**
 * erf(x) to ~1 ulp, since JS has none: below 3 the all-positive series
 * erf x = 2/√π · e^{-x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)) (no cancellation, unlike Taylor's), above
 * it a continued fraction for erfc. No table of fitted coefficients to get wrong.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax > 6) return Math.sign(x);
  if (ax < 3) {
    const x2 = ax * ax;
    let term = ax, sum = ax;
    for (let n = 1; n < 300; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
  }
  // erfc x = e^{-x²}/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))) by Lentz's method
  const tiny = 1e-300;
  let f = ax, C = ax, D = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    D = ax + a * D;
    D = D === 0 ? tiny : 1 / D;
    C = ax + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

export function gelu(x: Tensor, rec?: Recorder, name = 'x'): Tensor {
  const phi = map(x, (v) => 0.5 * (1 + erf(v / Math.SQRT2)));
  rec?.step({ en: 'Normal CDF Φ(x)', fr: 'Fonction de répartition normale Φ(x)' }, eq(`\\Phi(${name}) = \\tfrac12\\left(1 + \\operatorname{erf}(${name}/\\sqrt2)\\right)`, phi));
  const out = map(x, (v) => 0.5 * v * (1 + erf(v / Math.SQRT2)));
  rec?.step({ en: 'Multiply by x', fr: 'Multiplier par x' }, eq(`\\mathrm{GELU}(${name}) = ${name}\\,\\Phi(${name})`, out));
  return out;
}

export function geluTanh(x: Tensor, rec?: Recorder, name = 'x'): Tensor {
  const c = Math.sqrt(2 / Math.PI);
  const inner = map(x, (v) => c * (v + 0.044715 * v * v * v));
  rec?.step({ en: 'Inner polynomial', fr: 'Polynôme intérieur' }, eq(`\\sqrt{2/\\pi}\\,(${name} + 0.044715\\,${name}^3)`, inner));
  const out = map(x, (v) => 0.5 * v * (1 + Math.tanh(c * (v + 0.044715 * v * v * v))));
  rec?.step({ en: 'tanh approximation of GELU', fr: 'Approximation tanh de GELU' }, eq(`\\tfrac12 ${name}\\left(1 + \\tanh(\\cdot)\\right)`, out));
  return out;
}

export function sigmoid(x: Tensor, rec?: Recorder, name = 'x'): Tensor {
  const out = map(x, (v) => 1 / (1 + Math.exp(-v)));
  rec?.step({ en: 'Sigmoid', fr: 'Sigmoïde' }, eq(`\\sigma(${name}) = \\frac{1}{1 + e^{-${name}}}`, out));
  return out;
}

export function relu(x: Tensor, rec?: Recorder, name = 'x'): Tensor {
  // np.maximum(0, x) propagates NaN, as Math.max does
  const out = map(x, (v) => Math.max(0, v));
  rec?.step({ en: 'Keep the positive part', fr: 'Garder la partie positive' }, eq(`\\mathrm{ReLU}(${name}) = \\max(0, ${name})`, out));
  return out;
}

export function layerNorm(x: Tensor, eps = 1e-5, rec?: Recorder, name = 'x'): Tensor {
  requireRank(x, 1, 'layer_norm', 'x');
  const n = x.shape[x.shape.length - 1];
  const mu = reduceLast(x, 'mean');
  rec?.step({ en: 'Mean of each row', fr: 'Moyenne de chaque ligne' }, eq(`\\mu = \\frac{1}{${n}} \\sum_j {${name}}_j`, mu));
  const centred = { shape: [...x.shape], data: new Float64Array(x.data.length) };
  for (let i = 0; i < x.data.length; i++) centred.data[i] = x.data[i] - mu.data[Math.floor(i / n)];
  rec?.step({ en: 'Centre', fr: 'Centrer' }, eq(`${name} - \\mu`, centred));
  const sq = map(centred, (v) => v * v);
  const variance = reduceLast(sq, 'mean');
  rec?.step({ en: 'Variance (biased, ÷n)', fr: 'Variance (biaisée, ÷n)' }, eq(`\\sigma^2 = \\frac{1}{${n}} \\sum_j ({${name}}_j - \\mu)^2`, variance));
  const out = { shape: [...x.shape], data: new Float64Array(x.data.length) };
  for (let i = 0; i < x.data.length; i++) out.data[i] = centred.data[i] / Math.sqrt(variance.data[Math.floor(i / n)] + eps);
  rec?.step({ en: 'Normalise', fr: 'Normaliser' }, eq(`\\frac{${name} - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}}`, out));
  return out;
}

export const GELU_GENERAL = '\\mathrm{GELU}(x) = x\\,\\Phi(x) = \\tfrac{x}{2}\\left(1 + \\operatorname{erf}\\tfrac{x}{\\sqrt2}\\right)';
export const GELU_TANH_GENERAL = '\\mathrm{GELU}(x) \\approx \\tfrac{x}{2}\\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + 0.044715x^3)\\right)\\right)';
export const LAYER_NORM_GENERAL = '\\mathrm{LayerNorm}(x) = \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}}';
