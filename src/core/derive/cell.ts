// explainCell: one entry of a derivation's result as the scalar arithmetic behind it, e.g.
// weights[1, 2] = e^{s₁₂ − m₁} / Σₖ e^{s₁ₖ − m₁} = e^{0.3 − 0.5} / (…) = 0.21, computed from the
// same operands the derivation used.

import type { CellDerivation, Derivation, Step } from '../types';
import { Tensor } from '../engine/tensor';
import { pairwiseSum } from '../engine/kernels';
import { latexNumber as num } from '../latex/numbers';
import { cellContext } from './cellContext';
import type { Computed } from './generic';

function flat(shape: readonly number[], index: readonly number[]): number | undefined {
  if (index.length !== shape.length) return undefined;
  let f = 0;
  for (let i = 0; i < shape.length; i++) {
    if (!Number.isInteger(index[i]) || index[i] < 0 || index[i] >= shape[i]) return undefined;
    f = f * shape[i] + index[i];
  }
  return f;
}

const sub = (idx: readonly number[]) => idx.join('');
const MAX_TERMS = 8;

/** a₁b₁ + a₂b₂ + … with the numbers, elided past 8 terms. */
function terms(a: ArrayLike<number>, b: ArrayLike<number>): string {
  const n = a.length;
  const shown = Math.min(n, MAX_TERMS);
  const parts: string[] = [];
  for (let k = 0; k < shown; k++) parts.push(`(${num(a[k])})(${num(b[k])})`);
  if (n > shown) parts.push('\\cdots');
  return parts.join(' + ');
}

function row(t: Tensor, index: readonly number[]): Float64Array {
  const n = t.shape[t.shape.length - 1];
  const r = flat(t.shape.slice(0, -1), index.slice(0, -1)) ?? 0;
  return t.data.subarray(r * n, (r + 1) * n);
}

function col(t: Tensor, batch: readonly number[], j: number): Float64Array {
  const rows = t.shape[t.shape.length - 2], cols = t.shape[t.shape.length - 1];
  const b = batch.length ? flat(t.shape.slice(0, -2), batch) ?? 0 : 0;
  const out = new Float64Array(rows);
  for (let k = 0; k < rows; k++) out[k] = t.data[b * rows * cols + k * cols + j];
  return out;
}

export function explainCell(d: Derivation, index: number[]): CellDerivation | undefined {
  const c = cellContext(d);
  if (!c) return undefined;
  const steps: Step[] = [];
  const title = (en: string, fr: string) => ({ en, fr });
  const i = index[index.length - 2], j = index[index.length - 1];
  switch (c.kind) {
    case 'softmax': {
      const f = flat(c.result.shape, index);
      if (f === undefined || c.axis !== -1 && c.axis !== c.z.shape.length - 1) return undefined;
      const zr = row(c.z, index);
      const m = c.stable ? zr.reduce((a, b) => (b > a ? b : a), -Infinity) : 0;
      const exps = zr.map((x) => Math.exp(x - m));
      const s = pairwiseSum(exps, 0, exps.length);
      const jj = index[index.length - 1];
      const r = index.length >= 2 ? sub(index.slice(0, -1)) : '';
      const z = c.zTex;
      const shift = c.stable ? ` - m${r ? `_{${r}}` : ''}` : '';
      if (c.stable) steps.push({ title: title('Row maximum', 'Maximum de la ligne'), latex: `m${r ? `_{${r}}` : ''} = \\max_k {${z}}_{${r}k} = ${num(m)}` });
      steps.push({ title: title('Numerator', 'Numérateur'), latex: `e^{{${z}}_{${sub(index)}}${shift}} = e^{${num(zr[jj])}${c.stable ? ` - ${num(m)}` : ''}} = ${num(exps[jj])}` });
      steps.push({ title: title('Denominator', 'Dénominateur'), latex: `\\sum_k e^{{${z}}_{${r}k}${shift}} = ${Array.from(exps.slice(0, MAX_TERMS), (x) => num(x)).join(' + ')}${exps.length > MAX_TERMS ? ' + \\cdots' : ''} = ${num(s)}` });
      const v = exps[jj] / s;
      steps.push({ title: title('Divide', 'Diviser'), latex: `\\mathrm{softmax}(${z})_{${sub(index)}} = \\frac{${num(exps[jj])}}{${num(s)}} = ${num(v)}` });
      return { index, steps, value: v };
    }
    case 'scores': {
      const f = flat(c.result.shape, index);
      if (f === undefined) return undefined;
      const q = row(c.Q, index.slice(0, -1).concat([0]));
      const batch = index.slice(0, -2);
      const k = row(c.K, [...batch, j, 0]);
      let dot = 0;
      for (let p = 0; p < q.length; p++) dot += q[p] * k[p];
      steps.push({ title: title('Dot product of query i with key j', 'Produit scalaire de la requête i et de la clé j'), latex: `${c.names.Q}_{${i}} \\cdot ${c.names.K}_{${j}} = ${terms(q, k)} = ${num(dot)}` });
      steps.push({ title: title('Divide by √d_k', 'Diviser par √d_k'), latex: `S_{${i}${j}} = \\frac{${num(dot)}}{${num(c.divisor)}} = ${num(dot / c.divisor)}` });
      return { index, steps, value: dot / c.divisor };
    }
    case 'attention': {
      const f = flat(c.result.shape, index);
      if (f === undefined) return undefined;
      const w = row(c.weights, index.slice(0, -1).concat([0]));
      const v = col(c.V, index.slice(0, -2), j);
      let s = 0;
      for (let p = 0; p < w.length; p++) s += w[p] * v[p];
      const a = c.names?.weights ?? 'a', V = c.names?.V ?? 'V';
      steps.push({ title: title(`Weighted sum of column ${j} of V`, `Somme pondérée de la colonne ${j} de V`), latex: `\\mathrm{out}_{${i}${j}} = \\sum_k {${a}}_{${i}k} {${V}}_{k${j}} = ${terms(w, v)} = ${num(s)}` });
      return { index, steps, value: s };
    }
    case 'generic':
      return genericCell(c.computed, index);
  }
}

function genericCell(c: Computed, index: number[]): CellDerivation | undefined {
  const f = flat(c.t.shape, index);
  if (f === undefined) return undefined;
  let value = c.t.data[f];
  const steps: Step[] = [];
  const [a, b] = c.args;
  if (c.op === 'matmul' && a && b && a.t.shape.length === 2 && b.t.shape.length === 2) {
    const [i, j] = index;
    const r = a.t.data.subarray(i * a.t.shape[1], (i + 1) * a.t.shape[1]);
    const colj = col(b.t, [], j);
    value = 0;
    for (let k = 0; k < r.length; k++) value += r[k] * colj[k];
    steps.push({ title: { en: 'Row i times column j', fr: 'Ligne i fois colonne j' }, latex: `(${a.tex}\\,${b.tex})_{${i}${j}} = ${terms(r, colj)} = ${num(value)}` });
  } else {
    steps.push({ title: { en: 'Entry of the result', fr: 'Élément du résultat' }, latex: `\\left(${c.tex}\\right)_{${sub(index)}} = ${num(value)}` });
  }
  return { index, steps, value };
}
