// Multi-head attention derived from its heads: each head's output (named heads, a list filled in
// a loop, or the (h, n, d_head) array of the vectorised form), their concatenation along the last
// axis, and each head's attention weights as a heatmap when the code kept them.

import type { FormulaSite, Trace } from '../types';
import type { L10nText } from '../values';
import type { StepRecorder } from '../engine/recorder';
import { tex } from '../engine/recorder';
import { Tensor } from '../engine/tensor';
import { tensorOf, texOfProduct } from './operands';

interface MultiHeadResult {
  result: Tensor;
  heatmaps: { title: L10nText; t: Tensor }[];
}

/** The heads as separate (n, d_head) tensors, from whichever form the site recognised. */
function headTensors(trace: Trace, site: FormulaSite): Tensor[] | undefined {
  const named = Object.entries(site.operands).filter(([k]) => /^head\d+$/.test(k));
  if (named.length) {
    const out: Tensor[] = [];
    for (const [, e] of named) {
      const t = tensorOf(trace, e);
      if (!t) return undefined;
      out.push(t);
    }
    return out;
  }
  // a list of heads stacks to (h, n, d_head); so is the vectorised (h, n, d_head) array
  const all = tensorOf(trace, site.operands.heads);
  if (!all || all.shape.length !== 3) return undefined;
  const [h, n, d] = all.shape;
  return Array.from({ length: h }, (_, i) => ({ shape: [n, d], data: all.data.slice(i * n * d, (i + 1) * n * d) }));
}

export function deriveMultiHead(trace: Trace, site: FormulaSite, rec: StepRecorder): MultiHeadResult | undefined {
  if (site.facts.form === 'split') return deriveSplit(trace, site, rec);
  const tensors = headTensors(trace, site);
  if (!tensors || tensors.length === 0) return undefined;
  tensors.forEach((t, k) => rec.step({ en: `Output of head ${k + 1}`, fr: `Sortie de la tête ${k + 1}` }, `\\mathrm{head}_{${k + 1}} = ${tex(t)}`, t));
  const rows = tensors[0].shape.slice(0, -1);
  if (!tensors.every((t) => t.shape.length === tensors[0].shape.length && t.shape.slice(0, -1).every((d, i) => d === rows[i]))) return undefined;
  const widths = tensors.map((t) => t.shape[t.shape.length - 1]);
  const total = widths.reduce((a, b) => a + b, 0);
  const n = Tensor.size(rows);
  const out = new Float64Array(n * total);
  for (let r = 0; r < n; r++) {
    let off = 0;
    tensors.forEach((t, h) => {
      out.set(t.data.subarray(r * widths[h], (r + 1) * widths[h]), r * total + off);
      off += widths[h];
    });
  }
  const concat: Tensor = { shape: [...rows, total], data: out };
  rec.step(
    { en: 'Concatenate the heads along the last axis', fr: 'Concaténer les têtes sur le dernier axe' },
    `\\mathrm{Concat}(${tensors.map((_, i) => `\\mathrm{head}_{${i + 1}}`).join(', ')}) = ${tex(concat)}`,
    concat,
    { en: `Each word keeps its row; its ${tensors.length} heads' features (${widths.join(' + ')}) are put side by side: ${total} columns.`, fr: `Chaque mot garde sa ligne\u00a0; les caractéristiques de ses ${tensors.length} têtes (${widths.join(' + ')}) sont mises côte à côte\u00a0: ${total} colonnes.` },
  );
  const heatmaps = headWeights(trace, site).map((t, i) => ({ title: { en: `Head ${i + 1}: attention weights`, fr: `Tête ${i + 1}\u00a0: poids d’attention` }, t }));
  return { result: concat, heatmaps };
}

/**
 * X (…, n, d_model) cut into h heads: row i's d_model features become h blocks of d_head, then
 * the head axis moves in front of the words, (…, h, n, d_head) — each head sees every word.
 */
function deriveSplit(trace: Trace, site: FormulaSite, rec: StepRecorder): MultiHeadResult | undefined {
  const X = tensorOf(trace, site.operands.X);
  const out = site.resultExpr ? tensorOf(trace, site.resultExpr) : undefined;
  if (!X || !out || X.shape.length < 2 || out.shape.length !== X.shape.length + 1) return undefined;
  const lead = X.shape.slice(0, -2);
  const [n, D] = X.shape.slice(-2);
  const h = out.shape[out.shape.length - 3], dh = out.shape[out.shape.length - 1];
  if (h * dh !== D) return undefined;
  const heads = new Float64Array(X.data.length);
  const batches = Tensor.size(lead);
  for (let b = 0; b < batches; b++) {
    for (let k = 0; k < h; k++) for (let i = 0; i < n; i++) for (let j = 0; j < dh; j++) heads[((b * h + k) * n + i) * dh + j] = X.data[(b * n + i) * D + k * dh + j];
  }
  const result: Tensor = { shape: [...lead, h, n, dh], data: heads };
  const x = texOfProduct(site.operands.X, 'X');
  rec.step({ en: `The projected words, ${n} rows of d_model = ${D} features`, fr: `Les mots projetés\u00a0: ${n} lignes de d_model = ${D} caractéristiques` }, `${x} = ${tex(X)}`, X);
  rec.step(
    { en: `Cut each row into ${h} heads of d_head = ${dh} columns, then put the head axis first`, fr: `Couper chaque ligne en ${h} têtes de d_head = ${dh} colonnes, puis mettre l’axe des têtes en premier` },
    `\\mathrm{head}_k = ${x.length > 1 ? `(${x})` : x}_{[:,\\; ${dh}k : ${dh}(k+1)]} \\;\\Rightarrow\\; ${tex(result)}`,
    result,
    { en: `reshape gives (${[...lead, n, h, dh].join(', ')}); the transpose makes it (${result.shape.join(', ')}): head k sees every word through its own ${dh} columns.`, fr: `reshape donne (${[...lead, n, h, dh].join(', ')})\u00a0; la transposition donne (${result.shape.join(', ')})\u00a0: la tête k voit chaque mot à travers ses ${dh} colonnes.` },
  );
  return { result, heatmaps: [] };
}

/** The weights each head returned next to its output (`tete1, poids1 = attention(…)`). */
function headWeights(trace: Trace, site: FormulaSite): Tensor[] {
  const out: Tensor[] = [];
  for (const [k, e] of Object.entries(site.operands)) {
    if (!/^head\d+$/.test(k) || e.k !== 'name') continue;
    const b = trace.bindings.find((x) => x.loc.line < site.line && x.name !== e.name && trace.bindings.some((y) => y.name === e.name && y.loc.line === x.loc.line) && x.value?.kind === 'array' && x.shape?.length === 2 && x.shape[0] === x.shape[1]);
    const t = b && Tensor.fromValue(b.value);
    if (t) out.push(t);
  }
  return out;
}
