// deriveSite(trace, site): a recognised formula derived step by step with the traced operands.
// The tutor formulas run through the engine's own kernels with a recorder (softmax, scores,
// attention, PE); the others through the op-by-op walk of the code as written. Either way the
// steps are recorded while the result is computed.

import type { Derivation, FormulaSite, Heatmap, Trace } from '../types';
import type { L10nText, Value } from '../values';
import { StepRecorder, tex } from '../engine/recorder';
import { Tensor } from '../engine/tensor';
import { softmax, SOFTMAX_GENERAL } from '../engine/functions/softmax';
import { attention, scaledScores, ATTENTION_GENERAL, ATTENTION_GENERAL_UNMASKED, SCORES_GENERAL, type AttentionResult, type ScoresOptions } from '../engine/functions/attention';
import { matmul } from '../engine/kernels';
import { positionalEncoding, PE_GENERAL, ADAM_GENERAL } from '../engine/functions/training';
import { GELU_GENERAL, GELU_TANH_GENERAL, LAYER_NORM_GENERAL } from '../engine/functions/elementwise';
import { COSINE_GENERAL, CROSS_ENTROPY_GENERAL, PERPLEXITY_GENERAL } from '../engine/functions/metrics';
import { binary } from '../engine/kernels';
import { buildContext, exprName, stmtExprs, subExprs } from '../formulas/match';
import { GenericDeriver, type Computed } from './generic';
import { tensorOf, texOf, valueOf, wordLabels } from './operands';
import { setCellContext } from './cellContext';
import { deriveMultiHead } from './multiHead';

const GENERAL: Record<string, string> = {
  softmax: SOFTMAX_GENERAL,
  'scaled-scores': SCORES_GENERAL,
  attention: ATTENTION_GENERAL,
  'multi-head-attention': '\\mathrm{MultiHead}(X) = \\mathrm{Concat}(\\mathrm{head}_1, \\ldots, \\mathrm{head}_h)\\,W^{O},\\quad \\mathrm{head}_i = \\mathrm{Attention}(XW_i^{Q}, XW_i^{K}, XW_i^{V})',
  'positional-encoding': PE_GENERAL,
  'adam-step': ADAM_GENERAL,
  'sgd-step': '\\theta \\leftarrow \\theta - \\eta\\, \\nabla_\\theta \\mathcal{L}',
  'momentum-step': 'v \\leftarrow \\mu v + \\nabla_\\theta \\mathcal{L},\\quad \\theta \\leftarrow \\theta - \\eta v',
  'layer-norm': LAYER_NORM_GENERAL,
  gelu: GELU_GENERAL,
  relu: '\\mathrm{ReLU}(x) = \\max(0, x)',
  sigmoid: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
  'cross-entropy': CROSS_ENTROPY_GENERAL,
  perplexity: PERPLEXITY_GENERAL,
  'cosine-similarity': COSINE_GENERAL,
  linear: 'y = xW + b',
  'embedding-lookup': 'x_t = E[\\mathrm{id}_t]',
};

const label = (t: Tensor, trace: Trace, line: number) => wordLabels(trace, t.shape[t.shape.length - 1], line);

function heat(trace: Trace, line: number, title: Heatmap['title'], t: Tensor): Heatmap {
  const h: Heatmap = { title, matrix: Tensor.toValue(t) };
  const rows = t.shape.length >= 2 ? wordLabels(trace, t.shape[t.shape.length - 2], line) : undefined;
  const cols = label(t, trace, line);
  if (rows) h.rowLabels = rows;
  if (cols) h.colLabels = cols;
  return h;
}

/** The general formula of a site, in the variant the code wrote (tanh GELU, linear without bias, attention without mask). */
export function generalOf(site: FormulaSite): string {
  if (site.kind === 'gelu' && site.facts.form === 'tanh') return GELU_TANH_GENERAL;
  if (site.kind === 'linear' && site.facts.bias === false) return 'y = xW';
  if (site.kind === 'attention' && !site.operands.M) return ATTENTION_GENERAL_UNMASKED;
  return GENERAL[site.kind];
}

function make(site: FormulaSite, rec: StepRecorder, result: Value, heatmaps: Heatmap[] = [], general?: string): Derivation {
  return { formula: site.kind, line: site.line, general: general ?? generalOf(site), steps: rec.steps, result, heatmaps };
}

export function deriveSite(trace: Trace, site: FormulaSite): Derivation | undefined {
  const rec = new StepRecorder();
  const o = site.operands;
  switch (site.kind) {
    case 'softmax': {
      const z = tensorOf(trace, o.z);
      // without keepdims the row sums broadcast along the wrong axis: not a softmax, derive what the code does
      if (!z || site.facts.axis === 'none' || (site.facts.keepdims === false && z.shape.length >= 2)) break;
      const name = texOf(o.z, 'z');
      const w = softmax(z, { rec, name, stable: site.facts.stable === true, axis: site.facts.axis as number });
      const d = make(site, rec, Tensor.toValue(w), w.shape.length >= 2 ? [heat(trace, site.line, { en: 'Softmax weights', fr: 'Poids de la softmax' }, w)] : []);
      setCellContext(d, { kind: 'softmax', z, zTex: name, result: w, stable: site.facts.stable === true, axis: site.facts.axis as number });
      return d;
    }
    case 'scaled-scores': {
      const Q = tensorOf(trace, o.Q), K = tensorOf(trace, o.K);
      const div = tensorOf(trace, o.divisor);
      if (!Q || !K) break;
      const names = { Q: texOf(o.Q, 'Q'), K: texOf(o.K, 'K'), d: o.d ? texOf(o.d, 'd_k') : 'd_k' };
      const S = scaledScores(Q, K, { rec, names, divisor: div?.data.length === 1 ? div.data[0] : undefined });
      const d = make(site, rec, Tensor.toValue(S), S.shape.length >= 2 ? [heat(trace, site.line, { en: 'Scaled scores', fr: 'Scores mis à l’échelle' }, S)] : []);
      setCellContext(d, { kind: 'scores', Q, K, divisor: div?.data.length === 1 ? div.data[0] : Math.sqrt(K.shape[K.shape.length - 1]), names, result: S });
      return d;
    }
    case 'attention': {
      const Q = tensorOf(trace, o.Q), K = tensorOf(trace, o.K), V = tensorOf(trace, o.V);
      if (!Q || !K || !V) break;
      let M = o.M ? tensorOf(trace, o.M) : undefined;
      const mv = o.M ? valueOf(trace, o.M) : undefined;
      // np.where(mask, -np.inf, scores) takes a boolean mask: as an additive one it is -inf where True
      if (M && mv?.kind === 'array' && mv.dtype === 'bool') M = { shape: M.shape, data: M.data.map((x) => (x ? -Infinity : 0)) };
      if (o.M && !M) break;
      const div = tensorOf(trace, o.divisor);
      const names = { Q: texOf(o.Q, 'Q'), K: texOf(o.K, 'K'), V: texOf(o.V, 'V'), M: texOf(o.M, 'M'), d: o.d ? texOf(o.d, 'd_k') : 'd_k' };
      const opts = { rec, names, scale: site.facts.scaled !== false, divisor: div?.data.length === 1 ? div.data[0] : undefined };
      // a softmax over the wrong axis (or without keepdims) is not the attention's: derive what the code computes
      const r = site.facts.rowSoftmax === false ? attentionAsWritten(trace, site, Q, K, V, M, opts) : attention(Q, K, V, M, opts);
      if (!r) break;
      const heads: Heatmap[] = [];
      const w = r.weights;
      if (w.shape.length >= 2) heads.push(heat(trace, site.line, { en: 'Attention weights (queries × keys)', fr: 'Poids d’attention (requêtes × clés)' }, w));
      const d = make(site, rec, Tensor.toValue(r.output), heads);
      setCellContext(d, { kind: 'attention', weights: w, scores: r.scores, V, result: r.output, names: { weights: texOf(o.weights, 'a'), V: names.V } });
      return d;
    }
    case 'positional-encoding': {
      const filled = tableAfter(trace, site);
      const shape = filled?.shape ?? (o.table ? tensorOf(trace, o.table)?.shape : undefined) ?? bindingShape(trace, site.target);
      if (!shape || shape.length !== 2) break;
      const pe = positionalEncoding(shape[0], shape[1], rec);
      // the code's table, when it is known and is not the standard one: say which mistake it is
      const result = filled && !sameData(filled, pe) ? explainPeDifference(filled, pe, rec) : pe;
      const d = make(site, rec, Tensor.toValue(result), [{ title: { en: 'Positional encoding (positions × dimensions)', fr: 'Encodage positionnel (positions × dimensions)' }, matrix: Tensor.toValue(result) }]);
      return d;
    }
    case 'multi-head-attention': {
      const m = deriveMultiHead(trace, site, rec);
      if (!m) return deriveGeneric(trace, site, rec);
      const d = make(site, rec, Tensor.toValue(m.result), m.heatmaps.map((h) => heat(trace, site.line, h.title, h.t)));
      return d;
    }
    case 'embedding-lookup': {
      const E = tensorOf(trace, o.E), ids = tensorOf(trace, o.ids);
      if (!E || !ids || E.shape.length !== 2) break;
      const d = E.shape[1];
      const out = new Float64Array(ids.data.length * d);
      for (let t = 0; t < ids.data.length; t++) {
        const id = ids.data[t];
        if (!Number.isInteger(id) || id < -E.shape[0] || id >= E.shape[0]) return undefined;
        out.set(E.data.subarray((id < 0 ? id + E.shape[0] : id) * d, ((id < 0 ? id + E.shape[0] : id) + 1) * d), t * d);
      }
      const rows: Tensor = { shape: [...ids.shape, d], data: out };
      const eName = texOf(o.E, 'E');
      rec.step({ en: 'Token ids', fr: 'Identifiants des tokens' }, `\\mathrm{ids} = ${tex(ids)}`, ids);
      rec.step({ en: 'Pick one row of the table per id', fr: 'Prendre une ligne de la table par identifiant' }, `${eName}[\\mathrm{ids}] = ${tex(rows)}`, rows);
      return make(site, rec, Tensor.toValue(rows));
    }
    default:
      break;
  }
  return deriveGeneric(trace, site, rec);
}

/**
 * Attention whose softmax does not normalise each row (axis=0, no keepdims): the scores through
 * the engine, then the weights exactly as the code computed them (the traced value), then the
 * weighted sum — so the result is the code's, and a note says why it is not an attention.
 */
function attentionAsWritten(trace: Trace, site: FormulaSite, Q: Tensor, K: Tensor, V: Tensor, M: Tensor | undefined, opts: ScoresOptions & { rec: StepRecorder; names: Record<string, string> }): AttentionResult | undefined {
  const weights = tensorOf(trace, site.operands.weights);
  if (!weights || weights.shape.length < 2) return undefined;
  let scores = scaledScores(Q, K, opts);
  if (M) scores = binary(scores, M, (x, y) => x + y, 'attention (mask)');
  const w = texOf(site.operands.weights, 'A');
  opts.rec.step(
    { en: 'Weights as your code computes them', fr: 'Poids tels que votre code les calcule' },
    `${w} = ${tex(weights)}`,
    weights,
    {
      en: 'This softmax does not normalise each row (each query) over the keys, so these are not attention weights: see the warning on the softmax line.',
      fr: 'Cette softmax ne normalise pas chaque ligne (chaque requête) sur les clés\u00a0: ce ne sont pas des poids d’attention. Voir l’avertissement sur la ligne de la softmax.',
    },
  );
  const output = matmul(weights, V, 'attention');
  opts.rec.step({ en: 'Weighted sum of the values', fr: 'Somme pondérée des valeurs' }, `${w}\\,${opts.names.V} = ${tex(output)}`, output);
  return { output, weights, scores };
}

/**
 * The table a PE site fills (PE[:, 0::2] = …; PE[pos, i] = … in loops), as it is once filled: the
 * first read of its name after the statement (the loop) that fills it, in the same function.
 */
function tableAfter(trace: Trace, site: FormulaSite): Tensor | undefined {
  const name = site.operands.table && exprName(site.operands.table);
  if (!name) return undefined;
  const ctx = buildContext(trace.program, trace.exprValues);
  const at = ctx.stmts.find((s) => s.stmt.loc.line === site.loc.endLine);
  if (!at) return undefined;
  let top = at;
  while (top.parent && top.parent.stmt.k !== 'def' && top.parent.stmt.k !== 'class') top = top.parent;
  for (const s of ctx.stmts) {
    if (s.scope !== at.scope || s.stmt.loc.line <= top.stmt.loc.endLine) continue;
    for (const e of stmtExprs(s.stmt)) {
      for (const x of subExprs(e)) {
        if (x.k !== 'name' || x.name !== name) continue;
        const t = Tensor.fromValue(trace.exprValues[x.id]);
        if (t) return t;
      }
    }
  }
  return undefined;
}

function sameData(a: Tensor, b: Tensor): boolean {
  return Tensor.sameShape(a.shape, b.shape) && a.data.every((x, i) => Math.abs(x - b.data[i]) <= 1e-12 + 1e-9 * Math.abs(b.data[i]));
}

/**
 * The code's PE differs from the standard one: name the usual mistakes when one of them is exactly
 * what the code computed (frequency exponent i/d instead of 2i/d, the column index in the
 * exponent, sin and cos swapped), and give the code's own table as the result.
 */
function explainPeDifference(code: Tensor, standard: Tensor, rec: StepRecorder): Tensor {
  const [n, d] = code.shape;
  const table = (freq: (j: number) => number, even: (a: number) => number, odd: (a: number) => number): Tensor => {
    const data = new Float64Array(n * d);
    for (let pos = 0; pos < n; pos++) for (let j = 0; j < d; j++) data[pos * d + j] = (j % 2 === 0 ? even : odd)(pos / freq(j));
    return { shape: [n, d], data };
  };
  const variants: [Tensor, L10nText][] = [
    [table((j) => Math.pow(10000, Math.floor(j / 2) / d), Math.sin, Math.cos), { en: 'the exponent is i/d_model with i the pair index: it must be 2i/d_model (or j/d_model with j the even column index)', fr: 'l’exposant vaut i/d_model avec i l’indice de la paire\u00a0: il faut 2i/d_model (ou j/d_model avec j l’indice pair de la colonne)' }],
    [table((j) => Math.pow(10000, (2 * j) / d), Math.sin, Math.cos), { en: 'the exponent uses 2j/d_model with j the column index: columns 2i and 2i+1 must share one frequency, 10000^(2i/d_model)', fr: 'l’exposant utilise 2j/d_model avec j l’indice de colonne\u00a0: les colonnes 2i et 2i+1 doivent partager la même fréquence, 10000^(2i/d_model)' }],
    [table((j) => Math.pow(10000, (2 * Math.floor(j / 2)) / d), Math.cos, Math.sin), { en: 'sin and cos are swapped: sin goes on the even columns 2i, cos on the odd columns 2i+1', fr: 'sin et cos sont inversés\u00a0: sin va sur les colonnes paires 2i, cos sur les colonnes impaires 2i+1' }],
  ];
  const match = variants.find(([t]) => sameData(code, t));
  rec.step(
    { en: 'Your table differs from the standard encoding', fr: 'Votre table diffère de l’encodage standard' },
    `\\mathrm{PE}_{\\text{code}} = ${tex(code)}`,
    code,
    match
      ? { en: `Your code computes a different table: ${match[1].en}.`, fr: `Votre code calcule une autre table\u00a0: ${match[1].fr}.` }
      : { en: `Your code computes a different table (largest difference ${maxDiff(code, standard).toPrecision(3)}): compare it with the formula above.`, fr: `Votre code calcule une autre table (plus grand écart ${maxDiff(code, standard).toPrecision(3)})\u00a0: comparez-la à la formule ci-dessus.` },
  );
  return code;
}

function maxDiff(a: Tensor, b: Tensor): number {
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
  return m;
}

/** The value a name held before `line` ran: its latest binding on an earlier line. */
function valueBefore(trace: Trace, name: string, line: number): Tensor | undefined {
  let best: { line: number; t: Tensor } | undefined;
  for (const b of trace.bindings) {
    const t = b.name === name && b.loc.line < line ? Tensor.fromValue(b.value) : undefined;
    if (t && (!best || b.loc.line > best.line)) best = { line: b.loc.line, t };
  }
  return best?.t;
}

function bindingShape(trace: Trace, name: string | undefined): number[] | undefined {
  const b = name ? trace.bindings.find((x) => x.name === name && x.shape && x.shape.every((d) => typeof d === 'number')) : undefined;
  return b?.shape as number[] | undefined;
}

/** Sites spanning several statements (Adam's block, momentum) derive each statement in order. */
function deriveGeneric(trace: Trace, site: FormulaSite, rec: StepRecorder): Derivation | undefined {
  const ctx = buildContext(trace.program, trace.exprValues);
  const stmts = ctx.stmts.filter((s) => s.stmt.loc.line >= site.loc.line && s.stmt.loc.endLine <= site.loc.endLine && s.stmt.k !== 'def');
  // a block (Adam, momentum): one step per line, titled by its role; the operations inside each
  // line would bury the five lines of the algorithm under twenty arithmetic steps
  const block = site.loc.endLine > site.loc.line && stmts.length > 1;
  // an in-place update (θ -= η g): derive the statements so the result is the new θ
  const multi = block || (stmts.length === 1 && stmts[0].stmt.k === 'augassign');
  let last: Computed | undefined;
  if (multi) {
    for (const s of stmts) {
      const e = stmtExprs(s.stmt)[0];
      if (!e) continue;
      const inner = new StepRecorder();
      const c = new GenericDeriver(trace, ctx, block ? inner : rec).eval(e);
      if (!c) return undefined;
      const targetExpr = s.stmt.k === 'assign' ? s.stmt.targets[0] : s.stmt.k === 'augassign' ? s.stmt.target : undefined;
      const target = targetExpr ? exprName(targetExpr) : undefined;
      let t = c.t;
      let rhs = c.tex;
      let rhsNum = c.sub;
      if (s.stmt.k === 'augassign' && target) {
        const before = valueBefore(trace, target, s.stmt.loc.line);
        if (!before) return undefined;
        const op = s.stmt.op;
        t = binary(before, c.t, op === '-' ? (x, y) => x - y : op === '+' ? (x, y) => x + y : op === '*' ? (x, y) => x * y : (x, y) => x / y, op);
        const wrap = (x: string) => (c.prec !== undefined && c.prec < 2 ? `\\left(${x}\\right)` : x);
        rhs = `${texOf(targetExpr, target)} ${op === '*' ? '\\cdot' : op} ${wrap(c.tex)}`;
        rhsNum = undefined;
        if (!block) rec.step({ en: `Update ${target}`, fr: `Mise à jour de ${target}` }, `${texOf(targetExpr, target)} \\mathrel{${op}}= ${c.tex} = ${tex(t)}`, t);
      }
      if (block && target) {
        const lhs = texOf(targetExpr, target);
        const shown = rhsNum && rhsNum !== rhs ? ` = ${rhsNum}` : '';
        rec.step(roleTitle(site, target), `${lhs} \\leftarrow ${rhs}${shown} = ${tex(t)}`, t);
      }
      last = { ...c, t, tex: rhs };
    }
  } else {
    const e = site.resultExpr;
    if (!e) return undefined;
    last = new GenericDeriver(trace, ctx, rec).eval(e);
  }
  if (!last) return undefined;
  if (rec.steps.length === 0) rec.step({ en: 'Value', fr: 'Valeur' }, `${last.tex} = ${tex(last.t)}`, last.t);
  const d = make(site, rec, Tensor.toValue(last.t));
  setCellContext(d, { kind: 'generic', computed: last });
  return d;
}

/** What one line of an optimiser block does, in the course's words. */
function roleTitle(site: FormulaSite, target: string): L10nText {
  const o = site.operands;
  const is = (k: string) => !!o[k] && exprName(o[k]) === target;
  if (site.kind === 'adam-step') {
    if (is('m')) return { en: 'First moment m_t: moving average of the gradients', fr: 'Premier moment m_t\u00a0: moyenne mobile des gradients' };
    if (is('v')) return { en: 'Second moment v_t: moving average of the squared gradients', fr: 'Second moment v_t\u00a0: moyenne mobile des carrés des gradients' };
    if (is('mhat')) return { en: 'Bias correction m̂_t = m_t / (1 − β₁ᵗ)', fr: 'Correction de biais m̂_t = m_t / (1 − β₁ᵗ)' };
    if (is('vhat')) return { en: 'Bias correction v̂_t = v_t / (1 − β₂ᵗ)', fr: 'Correction de biais v̂_t = v_t / (1 − β₂ᵗ)' };
  }
  if (site.kind === 'momentum-step' && is('velocity')) return { en: 'Velocity: keeps a fraction μ of the previous step', fr: 'Vitesse\u00a0: garde une fraction μ du pas précédent' };
  if (is('theta')) return { en: `Parameter update: new ${target}`, fr: `Mise à jour des paramètres\u00a0: nouveau ${target}` };
  return { en: `Line: ${target}`, fr: `Ligne\u00a0: ${target}` };
}
