// softmax along one axis (the last by default), numerically stable: the row maximum is
// subtracted before exponentiating, so e^{z - max} ≤ 1 never overflows. A -Infinity entry gets
// weight 0. A row made only of -Infinity has no maximum to subtract (-inf - -inf = NaN): numpy
// gives a row of NaN there, and so do we, with a note in the derivation saying why.

import type { Recorder } from '../recorder';
import { eq } from '../recorder';
import { Tensor } from '../tensor';
import { map, pairwiseSum, reduceLast } from '../kernels';
import { moveAxisToLast, moveLastToAxis } from './axes';

export interface SoftmaxOptions {
  rec?: Recorder;
  /** LaTeX of the operand (\text{scores}); default z */
  name?: string;
  /** subtract the row maximum first (default true); false mirrors code that does not */
  stable?: boolean;
  /** the axis normalised over (default -1) */
  axis?: number;
}

export function softmax(z: Tensor, opts: SoftmaxOptions = {}): Tensor {
  const rank = z.shape.length;
  const axis = opts.axis ?? -1;
  const ax = axis < 0 ? axis + Math.max(rank, 1) : axis;
  if (rank > 0 && ax !== rank - 1) {
    // numpy normalises over another axis when told to: same computation on the moved axis
    return moveLastToAxis(softmax(moveAxisToLast(z, ax), { ...opts, axis: -1 }), ax);
  }
  const rec = opts.rec;
  if (!rec && (opts.stable ?? true)) return softmaxFast(z);
  const n = rank === 0 ? 1 : z.shape[rank - 1];
  const rows = n === 0 ? 0 : z.data.length / n;
  const name = opts.name ?? 'z';
  const ij = rank <= 1 ? 'j' : 'ij';
  const ik = rank <= 1 ? 'k' : 'ik';
  const mi = rank <= 1 ? 'm' : 'm_i';
  const stable = opts.stable ?? true;
  let shifted = z;
  let allNegInf = false;
  if (stable) {
    const m = reduceLast(z, 'max');
    for (let r = 0; r < rows; r++) if (m.data[r] === -Infinity) allNegInf = true;
    shifted = { shape: [...z.shape], data: new Float64Array(z.data.length) };
    for (let r = 0; r < rows; r++) {
      const mr = m.data[r];
      for (let j = 0; j < n; j++) shifted.data[r * n + j] = z.data[r * n + j] - mr;
    }
    rec?.step({ en: 'Row maximum', fr: 'Maximum de chaque ligne' }, eq(`${mi} = \\max_k {${name}}_{${ik}}`, m));
    rec?.step(
      { en: 'Subtract the maximum (stability: every exponent ≤ 0)', fr: 'Soustraire le maximum (stabilité\u00a0: chaque exposant ≤ 0)' },
      eq(`{${name}}_{${ij}} - ${mi}`, shifted),
    );
  }
  const e = map(shifted, Math.exp);
  const expo = stable ? `e^{{${name}}_{${ij}} - ${mi}}` : `e^{{${name}}_{${ij}}}`;
  rec?.step({ en: 'Exponentiate', fr: 'Exponentielle' }, eq(expo, e));
  const s = reduceLast(e, 'sum');
  const expoK = stable ? `e^{{${name}}_{${ik}} - ${mi}}` : `e^{{${name}}_{${ik}}}`;
  rec?.step({ en: 'Sum each row', fr: 'Somme de chaque ligne' }, eq(`\\sum_k ${expoK}`, s));
  const out = new Float64Array(e.data.length);
  for (let r = 0; r < rows; r++) {
    const sr = s.data[r];
    for (let j = 0; j < n; j++) out[r * n + j] = e.data[r * n + j] / sr;
  }
  const result: Tensor = { shape: [...z.shape], data: out };
  const note = allNegInf
    ? {
        en: 'A row made only of -∞ has no finite maximum: -∞ - (-∞) is NaN, so that row is NaN, as in numpy. Mask at least one position per row.',
        fr: "Une ligne composée uniquement de -∞ n'a pas de maximum fini\u00a0: -∞ - (-∞) vaut NaN, cette ligne est donc NaN, comme dans numpy. Laissez au moins une position non masquée par ligne.",
      }
    : undefined;
  rec?.step(
    { en: 'Divide by the row sum', fr: 'Diviser par la somme de la ligne' },
    eq(`\\mathrm{softmax}(${name})_{${ij}} = \\frac{${expo}}{\\sum_k ${expoK}}`, result),
    result,
    note,
  );
  return result;
}

/**
 * The same stable computation without recording, fused into one pass per row with no temporary
 * arrays (the hot path of attention): identical operations in identical order, so identical bits.
 */
function softmaxFast(z: Tensor): Tensor {
  const n = z.shape.length === 0 ? 1 : z.shape[z.shape.length - 1];
  const rows = n === 0 ? 0 : z.data.length / n;
  const src = z.data;
  const out = new Float64Array(src.length);
  for (let r = 0; r < rows; r++) {
    const off = r * n;
    let m = -Infinity;
    for (let j = 0; j < n; j++) {
      const x = src[off + j];
      if (x > m || x !== x) m = x;
      if (m !== m) break;
    }
    for (let j = 0; j < n; j++) out[off + j] = Math.exp(src[off + j] - m);
    const s = pairwiseSum(out, off, n);
    for (let j = 0; j < n; j++) out[off + j] /= s;
  }
  return { shape: [...z.shape], data: out };
}

/** The general formula, for a derivation's header. */
export const SOFTMAX_GENERAL = '\\mathrm{softmax}(z)_i = \\frac{e^{z_i - \\max_k z_k}}{\\sum_j e^{z_j - \\max_k z_k}}';
