// Positional encoding (Vaswani et al. 2017) and one Adam step (Kingma & Ba 2015), as the course
// writes them: PE(pos, 2i) = sin(pos / 10000^{2i/d}), PE(pos, 2i+1) = cos(…); m_t, v_t, their
// bias corrections m̂_t, v̂_t, then θ_t = θ_{t-1} − η m̂_t / (√v̂_t + ε).

import type { Recorder } from '../recorder';
import { eq, tex } from '../recorder';
import { Tensor } from '../tensor';
import { binary } from '../kernels';
import { argumentError } from '../errors';
import { latexNumber } from '../../latex/numbers';

export function positionalEncoding(n: number, dModel: number, rec?: Recorder): Tensor {
  for (const [v, what] of [[n, 'n'], [dModel, 'd_model']] as const) {
    if (!Number.isInteger(v) || v < 0) throw argumentError(`positional_encoding: ${what} must be a non-negative integer, got ${v}`, `positional_encoding : ${what} doit être un entier positif ou nul, reçu ${v}`);
  }
  const half = Math.ceil(dModel / 2);
  const freq = new Float64Array(half);
  // numpy code computes the divisor 10000 ** (2i / d) then divides pos by it; we do the same
  for (let i = 0; i < half; i++) freq[i] = Math.pow(10000, (2 * i) / dModel);
  rec?.step({ en: 'Divisors 10000^(2i/d_model), one per pair of columns', fr: 'Diviseurs 10000^(2i/d_model), un par paire de colonnes' }, eq(`10000^{2i/d_{\\text{model}}}`, { shape: [half], data: freq }));
  const data = new Float64Array(n * dModel);
  const angles = new Float64Array(n * half);
  for (let pos = 0; pos < n; pos++) {
    for (let i = 0; i < half; i++) {
      const a = pos / freq[i];
      angles[pos * half + i] = a;
      data[pos * dModel + 2 * i] = Math.sin(a);
      if (2 * i + 1 < dModel) data[pos * dModel + 2 * i + 1] = Math.cos(a);
    }
  }
  rec?.step({ en: 'Angles pos / 10000^(2i/d_model)', fr: 'Angles pos / 10000^(2i/d_model)' }, eq(`\\frac{\\mathrm{pos}}{10000^{2i/d_{\\text{model}}}}`, { shape: [n, half], data: angles }));
  const pe: Tensor = { shape: [n, dModel], data };
  rec?.step(
    { en: 'sin on even columns, cos on odd columns', fr: 'sin sur les colonnes paires, cos sur les impaires' },
    `\\mathrm{PE}_{(\\mathrm{pos}, 2i)} = \\sin(\\text{angle}),\\; \\mathrm{PE}_{(\\mathrm{pos}, 2i+1)} = \\cos(\\text{angle}) \\;\\Rightarrow\\; \\mathrm{PE} = ${tex(pe)}`,
  );
  return pe;
}

export const PE_GENERAL =
  '\\mathrm{PE}_{(\\mathrm{pos}, 2i)} = \\sin\\!\\left(\\frac{\\mathrm{pos}}{10000^{2i/d_{\\text{model}}}}\\right),\\quad \\mathrm{PE}_{(\\mathrm{pos}, 2i+1)} = \\cos\\!\\left(\\frac{\\mathrm{pos}}{10000^{2i/d_{\\text{model}}}}\\right)';

export interface AdamState {
  theta: Tensor;
  m: Tensor;
  v: Tensor;
}

export interface AdamHyper {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

export function adamStep(theta: Tensor, g: Tensor, m: Tensor, v: Tensor, t: number, h: AdamHyper, rec?: Recorder): AdamState {
  const b1 = h.beta1 ?? 0.9, b2 = h.beta2 ?? 0.999, eps = h.eps ?? 1e-8, lr = h.lr;
  if (!Number.isInteger(t) || t < 1) throw argumentError(`adam_step: t is the step number, counted from 1 (got ${t}); at t = 0 the bias correction would divide by 1 − β^0 = 0`, `adam_step : t est le numéro de pas, compté à partir de 1 (reçu ${t}) ; à t = 0 la correction de biais diviserait par 1 − β^0 = 0`);
  const add = (a: Tensor, b: Tensor, f: (x: number, y: number) => number, what: string) => binary(a, b, f, `adam_step (${what})`);
  const mNew = add(m, g, (mi, gi) => b1 * mi + (1 - b1) * gi, 'm, g');
  rec?.step({ en: 'First moment m_t', fr: 'Premier moment m_t' }, eq(`m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t = ${latexNumber(b1)}\\,m_{t-1} + ${latexNumber(1 - b1)}\\,g_t`, mNew));
  const vNew = add(v, g, (vi, gi) => b2 * vi + (1 - b2) * gi * gi, 'v, g');
  rec?.step({ en: 'Second moment v_t', fr: 'Second moment v_t' }, eq(`v_t = \\beta_2 v_{t-1} + (1 - \\beta_2) g_t^2`, vNew));
  const c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
  const mHat = { shape: mNew.shape, data: mNew.data.map((x) => x / c1) };
  rec?.step({ en: 'Bias correction m̂_t', fr: 'Correction de biais m̂_t' }, eq(`\\hat m_t = \\frac{m_t}{1 - \\beta_1^{${t}}} = \\frac{m_t}{${latexNumber(c1)}}`, mHat));
  const vHat = { shape: vNew.shape, data: vNew.data.map((x) => x / c2) };
  rec?.step({ en: 'Bias correction v̂_t', fr: 'Correction de biais v̂_t' }, eq(`\\hat v_t = \\frac{v_t}{1 - \\beta_2^{${t}}} = \\frac{v_t}{${latexNumber(c2)}}`, vHat));
  const upd = binary(mHat, vHat, (a, b) => a / (Math.sqrt(b) + eps), 'adam_step');
  const thetaNew = add(theta, upd, (th, u) => th - lr * u, 'theta');
  rec?.step(
    { en: 'Parameter update', fr: 'Mise à jour des paramètres' },
    eq(`\\theta_t = \\theta_{t-1} - \\eta \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\varepsilon}`, thetaNew),
    thetaNew,
    t === 1 ? { en: 'At t = 1, m̂ = g and v̂ = g², so each parameter moves by about η (exactly η·|g|/(|g| + ε)).', fr: 'À t = 1, m̂ = g et v̂ = g²\u00a0: chaque paramètre bouge d’environ η (exactement η·|g|/(|g| + ε)).' } : undefined,
  );
  return { theta: thetaNew, m: mNew, v: vNew };
}

export const ADAM_GENERAL =
  'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t,\\; v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2,\\; \\hat m_t = \\frac{m_t}{1-\\beta_1^t},\\; \\hat v_t = \\frac{v_t}{1-\\beta_2^t},\\; \\theta_t = \\theta_{t-1} - \\eta\\frac{\\hat m_t}{\\sqrt{\\hat v_t}+\\varepsilon}';
